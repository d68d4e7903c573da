"""The terminal: whether to colour, and paging long output as git does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def use_color(choice: str | None, stream_is_tty: bool) -> bool:
    """--color wins; otherwise NO_COLOR (set and non-empty) turns colour off; else a terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return stream_is_tty


def page(text: str, no_pager: bool) -> None:
    """Long output on a terminal goes through ``$PAGER`` (default ``less -R``)."""
    if no_pager or not sys.stdout.isatty():
        sys.stdout.write(text)
        return
    height = shutil.get_terminal_size((80, 24)).lines
    if text.count("\n") < height:
        sys.stdout.write(text)
        return
    pager = os.environ.get("PAGER") or "less -R"
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE)
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
        proc.wait()
    except (OSError, BrokenPipeError):
        sys.stdout.write(text)
