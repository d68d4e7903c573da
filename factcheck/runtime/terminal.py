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


def page(text: str) -> bool:
    """Long output on a terminal goes through the pager, with ``LESS=FRX`` when LESS is
    unset (quit if one screen, keep colours, leave the text on screen). False when the
    text fits the terminal, there is no pager, or the pager is missing or fails (exits
    non-zero): the caller then writes the text itself."""
    pager = pager_command()
    height = shutil.get_terminal_size((80, 24)).lines
    if pager is None or text.count("\n") < height:
        return False
    sys.stdout.flush()
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    env.setdefault("LV", "-c")
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
    except OSError:
        pass  # the pager went away (quit early, or never started): its status tells which
    # No such command (the shell's 127), or a pager that failed: the caller prints. A
    # pager the user quit exits 0; one ended by a signal (negative) is not run again.
    return proc.wait() <= 0
