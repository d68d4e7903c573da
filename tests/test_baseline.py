"""CI gating: fingerprints, the baseline file, exit statuses, end to end."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from factcheck import baseline, gate
from factcheck.cli import main
from tests.conftest import analyse_texts

A = """Bridge budget approved

The council approved a budget of $2.5 billion for the new bridge, officials said on Thursday.

Construction crews will start work on the northern ramp in the spring, the city said.

"We have to rebuild the trust of our residents step by step," Mayor Ann Lee said."""
B = """Council passes bridge plan

The council approved a budget of $1.8 billion for the new bridge, officials said.

"We have to rebuild trust of our residents step by step," Lee said at the meeting."""
MISQUOTE = """Mayor speaks on bridge

At the meeting, Mayor Ann Lee said: "We have to rebuild the trust of our neighbours step by step."
"""


def _ids(texts: dict[str, str]) -> list[str]:
    return sorted(f.id for f in analyse_texts(texts).findings)


def test_fingerprints_survive_moves_spacing_quotes_and_order() -> None:
    ids = _ids({"a": A, "b": B})
    assert ids
    paragraphs = A.split("\n\n")
    moved = "\n\n".join([paragraphs[0], paragraphs[3], paragraphs[2], paragraphs[1]])
    respaced = A.replace(" ", "  ").replace('"We', "“We").replace('," Mayor', ",” Mayor")
    extra = A + "\n\nTraffic on the old bridge fell by a tenth over the summer months."
    assert _ids({"a": moved, "b": B}) == ids
    assert _ids({"a": respaced, "b": B}) == ids
    assert _ids({"a": extra, "b": B}) == ids
    assert _ids({"b": B, "a": A}) == ids


def test_fingerprint_changes_with_the_conflicting_words() -> None:
    ids = _ids({"a": A, "b": B})
    changed = _ids({"a": A, "b": B.replace("$1.8 billion", "$1.9 billion")})
    assert ids != changed


def _write_corpus(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")


def test_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, {"a": A, "b": B})
    assert main(["check", "corpus", "-q", "-f", "text"]) == 1  # findings, no baseline yet
    assert main(["baseline", "corpus", "-q"]) == 0
    base = tmp_path / ".factcheck-baseline.json"
    assert base.exists()
    capsys.readouterr()
    assert main(["check", "corpus", "--baseline", str(base), "-f", "text"]) == 0

    _write_corpus(corpus, {"c": MISQUOTE})
    capsys.readouterr()
    code = main(["check", "corpus", "--baseline", str(base), "-f", "json", "-o", "-"])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    assert "c" in {s["id"] for s in report["sources"]}
    code = main(["check", "corpus", "--baseline", str(base), "-f", "text", "--color", "never"])
    text = capsys.readouterr().out
    new_lines = [line for line in text.splitlines() if " NEW " in line]
    assert new_lines and all("misquote" in line for line in new_lines)
    assert all("c" in line.split("NEW", 1)[1] for line in new_lines)

    # Reordered and re-spaced corpus, files passed another way round: still only the new one.
    (corpus / "a.txt").write_text(
        "\n\n".join(reversed(A.split("\n\n"))).replace(" ", "  "), encoding="utf-8"
    )
    (corpus / "c.txt").unlink()
    assert (
        main(
            [
                "check",
                str(corpus / "b.txt"),
                str(corpus / "a.txt"),
                "--baseline",
                str(base),
                "-q",
                "-f",
                "text",
            ]
        )
        == 0
    )

    # After review, a new baseline accepts the misquote.
    _write_corpus(corpus, {"c": MISQUOTE})
    assert main(["baseline", "corpus", "-q"]) == 0
    assert main(["check", "corpus", "--baseline", str(base), "-q", "-f", "text"]) == 0


def test_repeated_identical_findings_are_counted() -> None:
    report = analyse_texts({"a": A, "b": B})
    base = baseline.from_report(report)
    doubled = report.__class__(
        report.sources, report.claims, report.clusters, report.findings + report.findings[:1]
    )
    result = gate.compare(doubled, base)
    assert [f.id for f in result.new] == [report.findings[0].id]


def test_stale_entries_are_listed(tmp_path: Path) -> None:
    base = baseline.from_report(analyse_texts({"a": A, "b": B}))
    quiet = analyse_texts({"a": A, "b": A})
    result = gate.compare(quiet, base)
    assert {e.id for e in result.stale} == set(base.entries)


def test_file_is_sorted_stable_and_keeps_review(tmp_path: Path) -> None:
    path = tmp_path / "base.json"
    report = analyse_texts({"a": A, "b": B})
    baseline.write(path, baseline.from_report(report))
    first = path.read_text("utf-8")
    data = json.loads(first)
    ids = [e["id"] for e in data["findings"]]
    assert ids == sorted(ids) and "time" not in first.lower()
    data["findings"][0]["status"] = "false-positive"
    data["findings"][0]["reason"] = "house style"
    path.write_text(json.dumps(data), encoding="utf-8")
    baseline.write(path, baseline.from_report(report, baseline.load(path)))
    kept = json.loads(path.read_text("utf-8"))["findings"][0]
    assert (kept["status"], kept["reason"]) == ("false-positive", "house style")
    baseline.write(path, baseline.from_report(report, baseline.load(path)))
    again = path.read_text("utf-8")
    baseline.write(path, baseline.from_report(report, baseline.load(path)))
    assert path.read_text("utf-8") == again


def test_interrupted_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "base.json"
    report = analyse_texts({"a": A, "b": B})
    baseline.write(path, baseline.from_report(report))
    before = path.read_text("utf-8")

    def crash(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(KeyboardInterrupt):
        baseline.write(path, baseline.from_report(analyse_texts({"a": A, "b": A})))
    assert path.read_text("utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["base.json"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"tool": "factcheck", "version": 99, "findings": []}', "version 99"),
        ('{"tool": "factcheck", "version": 1, "findings": [{"kind": "misquote"}]}', "entry 1"),
        (
            '{"tool": "factcheck", "version": 1, "findings": [{"id": "x", "kind": "misquote", '
            '"status": "maybe"}]}',
            "status",
        ),
        ('["a list"]', "not a factcheck baseline"),
    ],
)
def test_broken_baseline_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, {"a": A, "b": B})
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["check", str(corpus), "--baseline", str(bad), "-q"]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_exit_zero_and_fail_on(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, {"a": A, "b": B})
    assert main(["check", str(corpus), "-q", "-f", "text", "-o", str(tmp_path / "o.txt")]) == 1
    assert (
        main(
            [
                "check",
                str(corpus),
                "-q",
                "--exit-zero",
                "-f",
                "json",
                "-o",
                str(tmp_path / "o.json"),
            ]
        )
        == 0
    )
    assert (
        main(
            [
                "check",
                str(corpus),
                "-q",
                "--fail-on",
                "high",
                "--disable",
                "conflict-number,misquote",
                "-f",
                "json",
                "-o",
                str(tmp_path / "o.json"),
            ]
        )
        == 0
    )
    assert main(["check", str(corpus), "--fail-on", "urgent"]) == 2


def test_a_spun_copy_keeps_its_id_whatever_the_order_of_the_files() -> None:
    import tomllib

    cases = tomllib.loads((Path(__file__).parent / "cases" / "garbled.toml").read_text("utf-8"))
    texts = next(c["sources"] for c in cases["case"] if c["expect"])
    ids = _ids(texts)
    assert ids and _ids(dict(reversed(list(texts.items())))) == ids
