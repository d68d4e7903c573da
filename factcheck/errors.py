"""Exit statuses and the errors that map to them (the CLI turns them into one line)."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1  # findings at or above --fail-on (for diff: differences)
    TROUBLE = 2  # bad usage, configuration or input (an input that could not be read)
    INTERNAL = 3  # a bug: one line saying where to report it, never a traceback


class UsageError(Exception):
    """Bad usage: the message is printed as it is, exit status 2."""


class Trouble(Exception):
    """Bad configuration or input: a one-line message and exit status 2."""


class StdoutError(Exception):
    """Standard output is closed or cannot be written (``/dev/full``): exit status 2."""
