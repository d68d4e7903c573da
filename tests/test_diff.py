"""factcheck diff: golden output written by hand for a pair made for the tests."""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.cli import main

GOLDEN = Path(__file__).parent / "golden"
ROOT = Path(__file__).resolve().parent.parent
B, R, G, D, X = "\033[1m", "\033[31m", "\033[32m", "\033[2m", "\033[0m"


def _diff(
    args: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> tuple[int, str]:
    monkeypatch.chdir(GOLDEN)
    code = main(["diff", "a.txt", "b.txt", "--no-pager", *args])
    return code, capsys.readouterr().out


def test_plain_text_golden(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out = _diff(["--color", "never"], capsys, monkeypatch)
    assert out == (GOLDEN / "diff_plain.txt").read_text("utf-8")
    assert code == 1


def test_colour_text(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _diff(["--color", "always"], capsys, monkeypatch)
    lines = out.splitlines()
    assert lines[0] == f"{B}--- a.txt"
    assert lines[2] == f"{B}@@ A:3 B:5 conflicting conflict-date @@{X}"
    assert lines[3] == (
        f"Dock workers ended their strike on {R}Friday{X} {G}Thursday{X}"
        f"{D}{{conflict-date}}{X} after the union accepted a new pay offer."
    )
    assert lines[7] == f"Port strike {R}ends{X} {G}is over{X}"
    assert "[-" not in out and code == 1


def test_no_color_env_and_flag(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _code, out = _diff([], capsys, monkeypatch)
    assert "\033[" not in out
    _code, out = _diff(["--color", "always"], capsys, monkeypatch)
    assert "\033[31m" in out  # an explicit flag wins over NO_COLOR


def test_json(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out = _diff(["--format", "json"], capsys, monkeypatch)
    data = json.loads(out)
    assert code == 1
    statuses = sorted(p["status"] for p in data["pairs"])
    assert statuses == ["conflicting", "conflicting", "reworded", "verbatim"]
    date = next(p for p in data["pairs"] if "conflict-date" in p["kinds"])
    change = next(c for c in date["differences"] if not c["format_only"])
    assert (change["a_text"], change["b_text"]) == ("Friday", "Thursday")
    a_text = (GOLDEN / "a.txt").read_text("utf-8")
    assert a_text[change["a_span"][0] : change["a_span"][1]] == "Friday"
    headline = next(p for p in data["pairs"] if p["status"] == "reworded")
    assert (headline["a"]["text"], headline["b"]["text"]) == (
        "Port strike ends",
        "Port strike is over",
    )
    assert data["only_a"] == [] and data["summary"]["verbatim"] == 1


def test_only_findings_hides_unclassified(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _code, out = _diff(["--color", "never", "--only", "findings"], capsys, monkeypatch)
    assert "reworded @@" not in out and "Port strike" not in out
    assert "{conflict-date}" in out and "{misquote}" in out


def test_unique_claims_are_listed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = (GOLDEN / "a.txt").read_text("utf-8")
    extra = "The harbour master said night shifts would restart within a fortnight."
    (tmp_path / "a.txt").write_text(a + "\n" + extra + "\n", encoding="utf-8")
    code = main(["diff", str(tmp_path / "a.txt"), str(GOLDEN / "b.txt"), "--color", "never"])
    out = capsys.readouterr().out
    assert f"- only in A:9: {extra}" in out and code == 1


def test_same_text_exits_zero(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(GOLDEN)
    assert main(["diff", "a.txt", "a.txt", "--no-pager", "--color", "never"]) == 0


def test_missing_file_is_trouble(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(GOLDEN)
    assert main(["diff", "a.txt", "nope.txt"]) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_seed_diff_shows_the_dropped_word(capsys: pytest.CaptureFixture[str]) -> None:
    seeds = ROOT / "seeds"
    main(
        [
            "diff",
            str(seeds / "000_df909f7ddb36e847.txt"),
            str(seeds / "003_a96744727305c512.txt"),
            "--color",
            "never",
            "--no-pager",
        ]
    )
    out = capsys.readouterr().out
    assert "put {+in+}{misquote} place" in out


def _pty_run(env: dict[str, str], timeout: float = 60) -> str:
    """Run the installed command on a pseudo-terminal and return what the terminal shows."""
    exe = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or "factcheck"
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [exe, "diff", "a.txt", "b.txt"],
        cwd=GOLDEN,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env={**os.environ, **env},
        close_fds=True,
    )
    os.close(slave)
    chunks = []
    deadline = time.monotonic() + timeout
    exited = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                data = os.read(master, 4096)
            except OSError:
                break  # the terminal closed: everything was read
            if not data:
                break
            chunks.append(data)
        elif exited:
            break  # the process had ended and nothing more came: all is read
        elif proc.poll() is not None:
            exited = True  # read once more: output may still stand in the terminal
    proc.wait(timeout=10)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(pty, "openpty"), reason="no pseudo-terminals here")
def test_terminal_gets_colour_and_a_pager() -> None:
    env = {"LINES": "5", "COLUMNS": "200", "PAGER": "sed -e 's/^/paged: /'", "NO_COLOR": ""}
    shown = _pty_run(env)
    assert "paged: " in shown
    assert "\033[31m" in shown
    short = _pty_run(
        {"LINES": "500", "COLUMNS": "200", "PAGER": "sed -e 's/^/paged: /'", "NO_COLOR": ""}
    )
    assert "paged: " not in short and "\033[32m" in short
