"""Where a piece of evidence is, in the terms editors and CI tools use."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from factcheck.model import Source


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


@dataclass(frozen=True)
class Place:
    """A span as a CI tool must name it: a line and column of the file it names.

    For an article of a JSONL file that is the line of its record, with no column
    (escapes inside the JSON string move every character), and ``record`` is the
    article's id, for the message."""

    file: str
    line: int
    column: int | None
    end_line: int
    end_column: int | None
    record: str | None = None


def place(src: Source, start: int, end: int) -> Place:
    if src.line:
        file = repo_path(src.path.rsplit(":", 1)[0])
        return Place(file, src.line, None, src.line, None, src.id)
    line, col = line_col(src.text, start)
    end_line, end_col = line_col(src.text, end)
    return Place(repo_path(src.path), line, col, end_line, end_col)


def with_record(message: str, where: Place) -> str:
    """The message, naming the article when the file holds many."""
    return f"{message} [article {where.record}]" if where.record else message
