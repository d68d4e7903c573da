"""The command line as linters shape it: quiet gates, statistics, ruff's spellings, a
flag for every documented setting."""

from __future__ import annotations

import argparse
import configparser
import re
from pathlib import Path

import pytest

from factcheck.cli import build_parser, main
from factcheck.config import Settings
from tests.conftest import BRIDGE_A, BRIDGE_B, ROOT

FERRY_A = """Ferry service resumes

The island ferry will run four crossings a day from Monday, the operator said.
"We expect every sailing to be full until the autumn," said harbour master Tom Reid."""
FERRY_B = """Ferries back on schedule

The island ferry will run six crossings a day from Monday, the operator said.
"We expect every sailing to be full until autumn," said harbour master Tom Reid."""


def _corpus(tmp_path: Path, texts: dict[str, str]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_select_and_ignore_are_enable_and_disable(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path, {"a": BRIDGE_A, "b": BRIDGE_B})
    _c, only, _e = _run(["check", str(folder), "-q", "--select", "misquote"], capsys)
    _c, enabled, _e = _run(["check", str(folder), "-q", "--enable", "misquote"], capsys)
    assert only == enabled and "misquote" in only and "conflict-number" not in only
    _c, ignored, _e = _run(["check", str(folder), "-q", "--ignore", "misquote"], capsys)
    assert "conflict-number" in ignored and " misquote " not in ignored


def test_statistics_count_per_kind_and_source(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _corpus(tmp_path, {"a": BRIDGE_A, "b": BRIDGE_B})
    code, out, _err = _run(["check", str(folder), "-q", "--statistics"], capsys)
    assert code == 1
    lines = out.splitlines()
    assert re.fullmatch(r"\s*1  conflict-number\s+high", lines[0]) or any(
        re.fullmatch(r"\s*1  conflict-number\s+high", line) for line in lines
    )
    assert "by source:" in lines
    assert any(re.fullmatch(r"\s*\d+\s+a\s+.*a\.txt", line) for line in lines)
    assert not any(line.startswith("HIGH") for line in lines)  # in place of the summary


def test_baseline_gate_prints_only_new_findings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    _corpus(tmp_path, {"a": BRIDGE_A, "b": BRIDGE_B})
    assert main(["baseline", "corpus", "-q"]) == 0
    _corpus(tmp_path, {"c": FERRY_A, "d": FERRY_B})
    capsys.readouterr()
    base = ".factcheck-baseline.json"
    code, text, _err = _run(["check", "corpus", "-q", "--baseline", base], capsys)
    assert code == 1
    heads = [line for line in text.splitlines() if re.match(r"(HIGH|MEDIUM|LOW|INFO) ", line)]
    assert heads and all(" NEW " in line for line in heads)
    assert not any("bridge" in line for line in heads)  # the accepted ones are not printed
    assert re.search(r"accepted by it \(not shown\)", text)
    accepted = int(re.search(r"(\d+) accepted by it", text).group(1))  # type: ignore[union-attr]
    assert accepted >= 2
    _c, gh, _e = _run(["check", "corpus", "-q", "--baseline", base, "-f", "github"], capsys)
    assert not any("bridge" in line.lower() for line in gh.splitlines()[:-1])
    assert f"{accepted} accepted by the baseline" in gh.splitlines()[-1]
    _c, md, _e = _run(["check", "corpus", "-q", "--baseline", base, "-f", "markdown"], capsys)
    assert "bridge" not in md.lower() and f"{accepted} accepted by the baseline" in md


def test_force_color_colours_the_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _corpus(tmp_path, {"a": BRIDGE_A, "b": BRIDGE_B})
    monkeypatch.delenv("NO_COLOR", raising=False)
    _c, plain, _e = _run(["check", str(folder), "-q"], capsys)
    assert "\033[" not in plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    _c, coloured, _e = _run(["check", str(folder), "-q"], capsys)
    assert "\033[1;31m" in coloured
    _c, never, _e = _run(["check", str(folder), "-q", "--color", "never"], capsys)
    assert "\033[" not in never


def _readme_settings() -> dict[str, tuple[str, str]]:
    """key → (flag cell, default cell) from the README's settings table."""
    text = (ROOT / "README.md").read_text("utf-8")
    table = text.split("| key | flag | default | meaning |", 1)[1].split("\n\n", 1)[0]
    out = {}
    for row in table.strip().splitlines()[1:]:
        cells = [c.strip() for c in row.strip().strip("|").split("|")]
        for key in re.findall(r"`([a-z-]+)`", cells[0]):
            out[key] = (cells[1], cells[2])
    return out


def _options(parser: argparse.ArgumentParser, command: str) -> set[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return {o for a in sub.choices[command]._actions for o in a.option_strings}


def test_readme_setup_cfg_and_parser_agree() -> None:
    documented = _readme_settings()
    parser = build_parser()
    check = _options(parser, "check")
    defaults = Settings()
    for key, (flag_cell, default_cell) in documented.items():
        flags = re.findall(r"`(--[a-z-]+|-o|PATH)`", flag_cell)
        assert flags, f"README: no flag for {key}"
        command = "baseline" if "factcheck baseline" in flag_cell else "check"
        for flag in flags:
            if flag != "PATH":
                assert flag in _options(parser, command), f"{key}: {command} has no {flag}"
        if key in ("enable", "disable"):
            continue
        value = getattr(defaults, key.replace("-", "_"))
        if hasattr(value, "label"):
            assert default_cell == value.label, key
        elif isinstance(value, float | int):
            assert float(default_cell) == float(value), key
    assert {"--select", "--ignore"} <= check
    cfg = configparser.ConfigParser(inline_comment_prefixes=("#",))
    cfg.read(ROOT / "setup.cfg", encoding="utf-8")
    text = (ROOT / "setup.cfg").read_text("utf-8").split("[factcheck]", 1)[1]
    for key, value in cfg["factcheck"].items():
        assert key in documented, f"setup.cfg: {key} is not in the README's table"
        assert f"--{key}" in check, f"setup.cfg: {key} has no flag"
        assert re.search(rf"# .*\n{re.escape(key)} =", text), f"setup.cfg: {key} has no comment"
        default = getattr(defaults, key.replace("-", "_"))
        if hasattr(default, "label"):
            assert value == default.label == documented[key][1], key
        else:
            assert float(value) == float(default) == float(documented[key][1]), key


@pytest.mark.parametrize(
    ("flag", "value", "field", "expected"),
    [
        ("--containment", "0.5", "containment", 0.5),
        ("--partial-threshold", "90", "partial_threshold", 90.0),
        ("--min-content-words", "6", "min_content_words", 6),
        ("--max-postings", "50", "max_postings", 50),
        ("--accepted-variants", "colour,honour", "accepted_variants", ("colour", "honour")),
        ("--ignore-id", "0123456789ab", "ignore", ("0123456789ab",)),
    ],
)
def test_setting_flags_reach_the_settings(
    flag: str,
    value: str,
    field: str,
    expected: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from factcheck.commands import _settings

    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(["check", "x.txt", flag, value])
    assert getattr(_settings(args), field) == expected


def test_severity_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.commands import _settings
    from factcheck.model import Severity

    monkeypatch.chdir(tmp_path)
    args = build_parser().parse_args(
        ["check", "x.txt", "--severity", "misquote=high", "--severity", "misspelling=info"]
    )
    assert _settings(args).severity == {"misquote": Severity.HIGH, "misspelling": Severity.INFO}


def test_outlet_names_from_jsonl_and_name_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    folder = _corpus(tmp_path, {"a": FERRY_A})
    rows = [{"id": "wire-1", "text": FERRY_B, "source": "Island Wire"}]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    args = ["check", str(folder), "-q", "-f", "json", "-o", "-"]
    main([*args, "--name", f"{folder / 'a.txt'}=Harbour Times", "--name", "nope.txt=X"])
    captured = capsys.readouterr()
    outlets = {s["id"]: s.get("outlet") for s in json.loads(captured.out)["sources"]}
    assert outlets == {"a": "Harbour Times", "wire-1": "Island Wire"}
    assert "--name nope.txt: no such source" in captured.err
    assert main([*args, "--name", "a.txt"]) == 2
    assert "FILE=NAME" in capsys.readouterr().err
