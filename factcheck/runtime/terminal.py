"""The terminal: whether to colour, and paging long output as git does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def use_color(choice: str | None, stream_is_tty: bool) -> bool:
    """--color wins; then NO_COLOR (set and non-empty) turns colour off, FORCE_COLOR or
    CLICOLOR_FORCE (set, non-empty and not "0") turns it on, as CI logs need; else a
    terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    if any(
        os.environ.get(name, "0") not in ("", "0") for name in ("FORCE_COLOR", "CLICOLOR_FORCE")
    ):
        return True
    return stream_is_tty


def pager_command() -> str | None:
    """``$PAGER`` as git reads it: unset means ``less``, empty (or ``cat``) means none."""
    pager = os.environ.get("PAGER")
    if pager is None:
        return "less"
    pager = pager.strip()
    return None if pager in ("", "cat") else pager


def page(text: str, no_pager: bool) -> None:
    """Long output on a terminal goes through the pager, with ``LESS=FRX`` when LESS is
    unset (quit if one screen, keep colours, leave the text on screen); a pager that is
    missing or fails (exits non-zero) falls back to printing."""
    pager = None if no_pager or not sys.stdout.isatty() else pager_command()
    height = shutil.get_terminal_size((80, 24)).lines
    if pager is None or text.count("\n") < height:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    data = text.encode("utf-8")
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        sys.stdout.write(text)
        return
    assert proc.stdin is not None
    try:
        proc.stdin.write(data)
        proc.stdin.close()
    except BrokenPipeError:
        pass  # the pager went away: its status tells why
    if proc.wait() > 0:
        # No such command (the shell's 127), or a pager that failed: print instead. A pager
        # the user quit exits 0; one ended by a signal (negative) is not run again.
        sys.stdout.write(text)
