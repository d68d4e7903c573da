"""The terminal as git treats it: the pager, LESS, colour forced by CI variables."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest

from factcheck.runtime import terminal

LONG = "".join(f"line {n} of the ferry timetable\n" for n in range(200))


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def _on_tty(monkeypatch: pytest.MonkeyPatch) -> _Tty:
    """A terminal of 20 lines as stdout (set in the test: pytest's capture resets
    sys.stdout after fixtures)."""
    out = _Tty()
    monkeypatch.setattr("sys.stdout", out)
    monkeypatch.setenv("LINES", "20")
    monkeypatch.setenv("COLUMNS", "80")
    return out


def test_missing_pager_falls_back_to_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = _on_tty(monkeypatch)
    monkeypatch.setenv("PAGER", "no-such-pager-command-here")
    terminal.page(LONG, no_pager=False)
    assert tty.getvalue() == LONG


def test_failing_pager_falls_back_to_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    tty = _on_tty(monkeypatch)
    monkeypatch.setenv("PAGER", "exit 3")  # ends before reading its input
    terminal.page(LONG, no_pager=False)
    assert tty.getvalue() == LONG


@pytest.mark.parametrize("value", ["", "  ", "cat"])
def test_empty_pager_means_none(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    tty = _on_tty(monkeypatch)
    monkeypatch.setenv("PAGER", value)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pager was started")

    monkeypatch.setattr(subprocess, "Popen", no_process)
    terminal.page(LONG, no_pager=False)
    assert tty.getvalue() == LONG


def test_less_gets_frx_unless_set(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    tty = _on_tty(monkeypatch)
    seen = tmp_path / "seen"
    monkeypatch.setenv("PAGER", f'cat >/dev/null; printf %s "$LESS" > {seen}')
    monkeypatch.delenv("LESS", raising=False)
    terminal.page(LONG, no_pager=False)
    assert seen.read_text() == "FRX"
    assert tty.getvalue() == ""  # the pager showed it
    monkeypatch.setenv("LESS", "-S")
    terminal.page(LONG, no_pager=False)
    assert seen.read_text() == "-S"


def test_unset_pager_is_less(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PAGER", raising=False)
    assert terminal.pager_command() == "less"


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
