"""Every check runs its case file: passing and failing text, none from the seeds."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.checks import CHECKS
from tests.conftest import analyse_texts, assert_offsets

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict]]:
    out = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text("utf-8"))["case"]:
            out.append((path.stem, case))
    return out


ALL = _load()


@pytest.mark.parametrize(("check", "case"), ALL, ids=[f"{c}: {k['name']}" for c, k in ALL])
def test_case(check: str, case: dict) -> None:
    report = analyse_texts(case["sources"], dates=case.get("dates"))
    assert_offsets(report)
    found = [f for f in report.findings if f.kind == case["kind"]]
    messages = [f"{f.kind}: {f.message}" for f in report.findings]
    assert bool(found) == case["expect"], messages
    if "highlight" in case:
        texts = {s.id: s.text for s in report.sources}
        marked = {texts[e.source][s:t] for f in found for e in f.evidence for s, t in e.highlights}
        assert any(case["highlight"] in m for m in marked), marked
    if "odd" in case:
        assert all(f.odd_source == case["odd"] for f in found)
    if "cites" in case:  # a source the evidence shows beside the finding's own
        assert any(e.source == case["cites"] for f in found for e in f.evidence), messages
    if "severity" in case:
        assert all(f.severity.label == case["severity"] for f in found)
    for words in case.get("message_has", []):
        assert any(words in f.message for f in found), messages
    for words in case.get("message_lacks", []):
        assert not any(words in f.message for f in found), messages


def test_every_check_has_passing_and_failing_cases() -> None:
    by_file: dict[str, list[dict]] = {}
    for name, case in ALL:
        by_file.setdefault(name, []).append(case)
    for check in CHECKS:
        cases = by_file.get(check.name)
        assert cases, f"no case file tests/cases/{check.name}.toml"
        for kind in check.kinds:
            expects = {c["expect"] for c in cases if c["kind"] == kind.name}
            assert expects == {True, False}, f"{check.name}: {kind.name} needs both kinds of case"
