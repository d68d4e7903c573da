"""The register is the one list of kinds: the README, the CI rule tables and the help agree."""

from __future__ import annotations

import json
import re
from pathlib import Path

from factcheck.checks import CHECKS, KIND_NAMES, KINDS
from factcheck.model import Report
from factcheck.reporters import ci_formats

README = Path(__file__).resolve().parent.parent / "README.md"


def _readme_kinds() -> list[tuple[str, str, str]]:
    text = README.read_text("utf-8")
    table = text[text.index("| kind | default severity | what it means |") :]
    rows = []
    for line in table.splitlines()[2:]:
        if not line.startswith("|"):
            break
        name, severity, about = (c.strip() for c in line.strip("|").split("|"))
        rows.append((name.strip("`"), severity, about))
    return rows


def test_the_readme_table_is_the_register() -> None:
    assert _readme_kinds() == [(k.name, k.severity.label, k.about) for k in KINDS]


def test_every_kind_is_declared_once_and_reported_by_a_check() -> None:
    assert len(set(KIND_NAMES)) == len(KIND_NAMES)
    reported = {k.name for c in CHECKS for k in c.kinds}
    assert reported == set(KIND_NAMES)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in KIND_NAMES)


def test_sarif_has_a_rule_for_every_kind() -> None:
    empty = Report(sources=(), claims=(), clusters=(), findings=())
    rules = json.loads(ci_formats.sarif(empty))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(KIND_NAMES)
    assert all(r["shortDescription"]["text"] for r in rules)
