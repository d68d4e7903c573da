"""Bad input as a new user would try it: a message, exit status 2 or a skip, never a traceback."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from factcheck.cli import main

ARTICLE_A = """Port strike ends

Dock workers at the northern port ended their strike on Friday after the union
accepted a new pay offer.
"This agreement protects jobs for the next five years," union leader Sam Okafor said.
"""
ARTICLE_B = """Strike over at port

Dock workers at the northern port ended their strike on Friday after accepting a new pay offer.
"This agreement protects jobs for the next five years," Okafor said.
"""


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def _json(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict, str]:
    code, out, err = _run([*args, "--format", "json", "-o", "-", "--exit-zero"], capsys)
    return code, json.loads(out) if out else {}, err


def test_missing_path_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(["check", str(tmp_path / "nope.txt")], capsys)
    assert code == 2
    assert "nope.txt" in err and "no such file" in err
    assert "Traceback" not in err


def test_empty_file_is_skipped_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    code, report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert "empty.txt" in err and "empty" in err
    assert {s["id"] for s in report["sources"]} == {"a", "b"}


def test_empty_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "nothing").mkdir()
    code, _out, err = _run(["check", str(tmp_path / "nothing")], capsys)
    assert code == 2
    assert "no readable article" in err


@pytest.mark.parametrize(
    ("name", "data"),
    [("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256))), ("doc.md", b"%PDF-1.4\n%\xe2\xe3")],
)
def test_binary_files_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    folder = _corpus(tmp_path)
    (folder / name).write_bytes(data)
    code, report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert name in err and "binary" in err
    assert len(report["sources"]) == 2


def test_legacy_encoding_is_detected(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    text = (
        "Café owners in Zürich protest\n\nThe café owners of Zürich said the new rent rules "
        "would force many of them to close before the end of the year, señor García said.\n"
    )
    (folder / "latin.txt").write_bytes(text.encode("cp1252"))
    code, report, _err = _json(["check", str(folder)], capsys)
    assert code == 0
    latin = next(s for s in report["sources"] if s["id"] == "latin")
    claims = [c for c in report["claims"] if c["source"] == "latin"]
    assert any("Zürich" in c["text"] for c in claims)
    assert latin["encoding"] != "utf-8"


def test_utf16_with_bom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "wide.txt").write_bytes(ARTICLE_A.replace("Friday", "Thursday").encode("utf-16"))
    code, report, _err = _json(["check", str(folder)], capsys)
    assert code == 0
    wide = [c for c in report["claims"] if c["source"] == "wide"]
    assert any("Thursday" in c["text"] for c in wide)


def test_invalid_utf8_does_not_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "broken.txt").write_bytes(ARTICLE_A.encode("utf-8") + b"\xff\xfe\xfa broken bytes.")
    code, report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert "Traceback" not in err
    assert len(report["sources"]) >= 2


def test_huge_single_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "huge.txt").write_text("word " * 10_000_000, encoding="utf-8")  # 50 MB, one line
    code, report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert "Traceback" not in err
    assert all(len(c["text"]) <= 2000 for c in report["claims"])


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_directory_loop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "sub").mkdir()
    os.symlink(folder, folder / "sub" / "loop")
    code, report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert "loop" in err
    assert len(report["sources"]) == 2


def test_single_source_works_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "only.txt"
    path.write_text(ARTICLE_A, encoding="utf-8")
    code, report, err = _json(["check", str(path)], capsys)
    assert code == 0
    assert "nothing to compare" in err
    assert report["findings"] == []
    assert report["claims"]


def test_jsonl_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "feed.jsonl"
    rows = [
        {"id": "x1", "title": "Port strike ends", "text": ARTICLE_A.split("\n", 2)[2]},
        {"id": "x2", "text": ARTICLE_B, "url": "https://example.org/b"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\nnot json\n", encoding="utf-8")
    code, report, err = _json(["check", str(path)], capsys)
    assert code == 0
    assert [s["id"] for s in report["sources"]] == ["x1", "x2"]
    assert "feed.jsonl:3" in err
    headline = [c for c in report["claims"] if c["source"] == "x1" and c["headline"]]
    assert headline and headline[0]["text"] == "Port strike ends"


def test_html_without_extra_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # as if the extra were not installed
    folder = _corpus(tmp_path)
    (folder / "page.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    code, _report, err = _json(["check", str(folder)], capsys)
    assert code == 0
    assert "page.html" in err and "factcheck[html]" in err


def test_check_writes_nothing_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    before = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    code, out, _err = _run(["check", "corpus"], capsys)
    assert sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*")) == before
    assert "sources" in out and code in (0, 1)
    code, _out, _err = _run(["check", "corpus", "-o", "out/corpus.json"], capsys)
    written = json.loads((tmp_path / "out" / "corpus.json").read_text("utf-8"))
    assert written["schema"] == "factcheck/1"
    assert folder.exists()


def test_unknown_format_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path)
    code, _out, err = _run(["check", str(folder), "--format", "yaml"], capsys)
    assert code == 2
    assert "unknown format" in err


def test_bad_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(["check"], capsys)
    assert code == 2
    assert "Traceback" not in err


def test_unwritable_output_is_named_and_leaves_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    target = blocker / "report.json"
    code, _out, err = _run(["check", str(folder), "--format", "json", "-o", str(target)], capsys)
    assert code == 2
    assert "cannot write" in err and "report.json" in err
    assert "Traceback" not in err
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_report_file_is_replaced_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    target = tmp_path / "out" / "report.json"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    code, _out, _err = _run(
        ["check", str(folder), "--format", "json", "-o", str(target), "--exit-zero"], capsys
    )
    assert code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == "factcheck/1"
    assert [p.name for p in target.parent.iterdir()] == ["report.json"]  # no temporary left


def test_a_text_that_opens_with_prose_has_no_headline_for_a_title(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factcheck.sources import read_paths

    prose = (
        "The council approved a budget of $2.5 billion for the new bridge across the river, "
        "officials said on Thursday after a long debate that ran late into the night.\n\n"
        "Work starts in spring."
    )
    (tmp_path / "prose.txt").write_text(prose, encoding="utf-8")
    (tmp_path / "titled.txt").write_text("Bridge budget approved\n\n" + prose, encoding="utf-8")
    titles = {s.id: s.title for s in read_paths([str(tmp_path)]).sources}
    assert titles == {"prose": "", "titled": "Bridge budget approved"}


@pytest.mark.parametrize(
    "text",
    ["", "\n", "one", "one\n", "one\ntwo", "a\r\nb\r\n", "\n\nx\n\n", '{"t": "a\u2028b"}\n{}'],
)
def test_jsonl_lines_are_those_of_split(text: str) -> None:
    from factcheck.sources.read import _lines

    assert list(_lines(text)) == text.split("\n")
