"""The terminal: whether to colour, and paging long output as git does."""

from __future__ import annotations

import os
import shutil
import subprocess


def use_color(choice: str | None, stream_is_tty: bool) -> bool:
    """--color wins; otherwise NO_COLOR (set and non-empty) turns colour off; else a terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return stream_is_tty


def page(text: str) -> bool:
    """Long output on a terminal goes through ``$PAGER`` (default ``less -R``); False
    when the text fits the terminal or no pager starts, for the caller to write it."""
    height = shutil.get_terminal_size((80, 24)).lines
    if text.count("\n") < height:
        return False
    pager = os.environ.get("PAGER") or "less -R"
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE)
    except OSError:
        return False
    assert proc.stdin is not None
    try:
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
    except OSError:  # the reader quit the pager early
        pass
    proc.wait()
    return True
