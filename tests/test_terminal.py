"""The terminal as git treats it: the pager, LESS, colour forced by CI variables."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.runtime import terminal

LONG = "".join(f"line {n} of the ferry timetable\n" for n in range(200))
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(autouse=True)
def _small_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LINES", "5")
    monkeypatch.setenv("COLUMNS", "80")


def test_missing_pager_is_no_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "no-such-pager-command-here")
    assert terminal.page(LONG) is False  # the caller prints the text


def test_failing_pager_is_no_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGER", "exit 3")  # ends before reading its input
    assert terminal.page(LONG) is False


@pytest.mark.parametrize("value", ["", "  ", "cat"])
def test_empty_pager_means_none(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("PAGER", value)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pager was started")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    assert terminal.page(LONG) is False


def test_less_gets_frx_unless_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    monkeypatch.setenv("PAGER", f'cat >/dev/null; printf %s "$LESS" > {seen}')
    monkeypatch.delenv("LESS", raising=False)
    assert terminal.page(LONG) is True
    assert seen.read_text() == "FRX"
    monkeypatch.setenv("LESS", "-S")
    assert terminal.page(LONG) is True
    assert seen.read_text() == "-S"


def test_unset_pager_is_less(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    assert terminal.pager_command() == "less"


def test_diff_with_a_missing_pager_prints(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("factcheck.commands._stdout_is_tty", lambda: True)
    monkeypatch.setenv("PAGER", "no-such-pager-command-here")
    monkeypatch.chdir(GOLDEN)
    assert main(["diff", "a.txt", "b.txt", "--color", "never"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("--- a.txt") and "claims matched" in out


@pytest.mark.parametrize(
    ("env", "tty_stream", "expected"),
    [
        ({}, False, False),
        ({}, True, True),
        ({"FORCE_COLOR": "1"}, False, True),
        ({"CLICOLOR_FORCE": "1"}, False, True),
        ({"FORCE_COLOR": "0"}, False, False),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),
        ({"NO_COLOR": "1"}, True, False),
    ],
)
def test_colour_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], tty_stream: bool, expected: bool
) -> None:
    for name in ("FORCE_COLOR", "CLICOLOR_FORCE", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert terminal.use_color(None, tty_stream) is expected
    assert terminal.use_color("never", tty_stream) is False
