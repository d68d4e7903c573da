"""Suppressions: inline markers (HTML comment and bracket forms), --ignore-id and the
ignore setting; suppressed findings are listed with the reason, never dropped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.config import Settings
from tests.conftest import analyse_texts, assert_offsets

QUAY_A = """Quay repairs agreed

The harbour board approved a budget of $40 million for the new quay wall on Friday.

"We will protect every family on this stretch of coast," said the port director Ana Silva."""
QUAY_B = """Harbour board backs quay plan

The harbour board approved a budget of $55 million for the new quay wall on Friday.

"We will protect every family on this coast," said the port director Ana Silva."""


def _kinds(report) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.kind for f in report.findings}


def test_without_markers_both_findings_are_reported() -> None:
    report = analyse_texts({"a": QUAY_A, "b": QUAY_B})
    assert {"conflict-number", "misquote"} <= _kinds(report)
    assert report.suppressed == ()


@pytest.mark.parametrize(
    "marked",
    [
        # An HTML comment at the end of the paragraph's line.
        QUAY_B.replace("on Friday.\n", "on Friday. <!-- factcheck: ignore conflict-number -->\n"),
        # The bracket form on its own line, closing the paragraph.
        QUAY_B.replace("on Friday.\n", "on Friday.\n[factcheck: ignore conflict-number]\n"),
        # A marker that is a paragraph of its own: the paragraph after it.
        QUAY_B.replace(
            "\n\nThe harbour board",
            "\n\n<!-- factcheck: ignore conflict-number -->\n\nThe harbour board",
        ),
    ],
    ids=["comment-on-the-line", "bracket-own-line", "comment-paragraph-before"],
)
def test_marker_suppresses_its_paragraph_only(marked: str) -> None:
    report = analyse_texts({"a": QUAY_A, "b": marked})
    assert_offsets(report)
    assert "conflict-number" not in _kinds(report)
    assert "misquote" in _kinds(report)  # another paragraph, another kind: still reported
    (s,) = report.suppressed
    assert s.finding.kind == "conflict-number" and "factcheck: ignore" in s.reason
    assert "b.txt:" in s.reason
    # The marker is no claim and no part of one; the claims read as without it.
    texts = {c.text for c in report.claims if c.source == "b"}
    assert not any("factcheck" in t for t in texts)
    plain = {c.text for c in analyse_texts({"a": QUAY_A, "b": QUAY_B}).claims if c.source == "b"}
    assert texts == plain


def test_marker_for_another_kind_does_not_suppress() -> None:
    marked = QUAY_B.replace("on Friday.\n", "on Friday. <!-- factcheck: ignore misquote -->\n")
    report = analyse_texts({"a": QUAY_A, "b": marked})
    assert "conflict-number" in _kinds(report) and report.suppressed == ()


def test_marker_without_kind_suppresses_every_kind_there() -> None:
    marked = QUAY_B.replace("on Friday.\n", "on Friday. [factcheck: ignore]\n")
    report = analyse_texts({"a": QUAY_A, "b": marked})
    assert "conflict-number" not in _kinds(report)


def test_ignore_setting_by_id() -> None:
    first = analyse_texts({"a": QUAY_A, "b": QUAY_B})
    number = next(f for f in first.findings if f.kind == "conflict-number")
    report = analyse_texts({"a": QUAY_A, "b": QUAY_B}, Settings(ignore=(number.id,)))
    assert number.id not in {f.id for f in report.findings}
    assert [s.finding.id for s in report.suppressed] == [number.id]
    assert "ignore" in report.suppressed[0].reason


def _write(folder: Path, files: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_cli_markdown_and_ignore_id_are_listed_and_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = QUAY_B.replace(
        "on Friday.\n", "on Friday. <!-- factcheck: ignore conflict-number -->\n"
    )
    _write(tmp_path, {"a.md": QUAY_A, "b.md": marked})
    assert main(["check", str(tmp_path), "-q", "-f", "json", "-o", "-"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert "conflict-number" not in {f["kind"] for f in doc["findings"]}
    (entry,) = doc["suppressed"]
    assert entry["kind"] == "conflict-number" and "b.md" in entry["reason"]
    misquote = next(f["id"] for f in doc["findings"] if f["kind"] == "misquote")
    code = main(["check", str(tmp_path), "-q", "--ignore-id", misquote, "--color", "never"])
    out = capsys.readouterr().out
    assert code == 0  # nothing left at the failing level
    assert f"suppressed {misquote} (misquote)" in out
    assert out.rstrip().endswith("2 suppressed")


def test_config_ignore_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "news", {"a.txt": QUAY_A, "b.txt": QUAY_B})
    monkeypatch.chdir(tmp_path)
    main(["check", "news", "-q", "-f", "json", "-o", "-"])
    ids = [f["id"] for f in json.loads(capsys.readouterr().out)["findings"]]
    (tmp_path / ".factcheck.cfg").write_text(f"[factcheck]\nignore = {', '.join(ids)}\n")
    assert main(["check", "news", "-q", "-f", "json", "-o", "-"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["findings"] == [] and sorted(s["id"] for s in doc["suppressed"]) == sorted(ids)


HTML_B = """<!DOCTYPE html><html><head><title>Harbour board backs quay plan</title>
<meta property="og:site_name" content="The Coast Herald"></head><body><article>
<h1>Harbour board backs quay plan</h1>
<p>The harbour board approved a budget of $55 million for the new quay wall on Friday.
<!-- factcheck: ignore conflict-number --></p>
<p>"We will protect every family on this coast," said the port director Ana Silva.</p>
</article></body></html>"""


def test_html_comment_marker_in_html_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("trafilatura")
    _write(tmp_path, {"a.txt": QUAY_A, "b.html": HTML_B})
    main(["check", str(tmp_path), "-q", "-f", "json", "-o", "-"])
    doc = json.loads(capsys.readouterr().out)
    assert "misquote" in {f["kind"] for f in doc["findings"]}
    assert [s["kind"] for s in doc["suppressed"]] == ["conflict-number"]
    assert not any("factcheck" in c["text"] for c in doc["claims"])
    outlet = {s["id"]: s.get("outlet") for s in doc["sources"]}
    assert outlet["b"] == "The Coast Herald"
