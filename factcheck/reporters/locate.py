"""Where a piece of evidence is, in the terms editors and CI tools use."""

from __future__ import annotations

import os
from pathlib import Path


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def repo_path(path: str) -> str:
    """A path relative to the working directory (the repository root in CI), with slashes."""
    if ":" in path and not Path(path).exists():
        path = path.rsplit(":", 1)[0]  # a JSONL line: file:line
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_posix()
    return Path(os.path.normpath(p)).as_posix()
