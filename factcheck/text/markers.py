"""Inline suppression markers in article text, as ``# noqa`` is for code.

Two spellings: an HTML comment ``<!-- factcheck: ignore KIND -->`` (for .md, .html and
.txt) and a bracket ``[factcheck: ignore KIND]`` (for plain text, where a comment would
show). ``KIND`` is one or more kinds or finding ids, separated by commas or spaces;
none means every kind. A marker silences the paragraph (lines with no blank line
between) it stands in; a marker that is a paragraph of its own silences the next one.
Markers stay in the text (offsets are never shifted); claims are made around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MARKER = re.compile(
    r"<!--\s*factcheck:\s*ignore\b(?P<c>[^>]*?)\s*-->|\[factcheck:\s*ignore\b(?P<b>[^\]\n]*)\]",
    re.IGNORECASE,
)
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@dataclass(frozen=True, slots=True)
class Marker:
    start: int
    end: int
    names: tuple[str, ...]  # kinds or finding ids; empty: every kind
    scope: tuple[int, int]  # the span of text it silences


def has_markers(text: str) -> bool:
    return "factcheck:" in text or "FACTCHECK:" in text.upper()


def markers(text: str) -> list[Marker]:
    """The markers of a text, each with the paragraph it silences."""
    if not has_markers(text):
        return []
    found = list(_MARKER.finditer(text))
    if not found:
        return []
    blocks = _blocks(text)
    spans = [(m.start(), m.end()) for m in found]
    out = []
    for m in found:
        names = tuple(
            n.lower() for n in re.split(r"[\s,]+", (m.group("c") or m.group("b") or "")) if n
        )
        at = next(i for i, (s, e) in enumerate(blocks) if s <= m.start() < max(e, s + 1))
        scope = blocks[at]
        if not _outside(text, scope[0], scope[1], spans) and at + 1 < len(blocks):
            scope = blocks[at + 1]  # a marker on its own: the paragraph after it
        out.append(Marker(m.start(), m.end(), names, scope))
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for gap in _BLANK_LINE.finditer(text):
        out.append((pos, gap.start()))
        pos = gap.end()
    out.append((pos, len(text)))
    return out


def outside(text: str, start: int, end: int, marks: list[Marker]) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` not covered by a marker, without their edge space."""
    return _outside(text, start, end, [(m.start, m.end) for m in marks])


def _outside(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    pieces = []
    pos = start
    for s, e in sorted(spans):
        if e <= pos or s >= end:
            continue
        pieces.append((pos, max(pos, s)))
        pos = min(end, e)
    pieces.append((pos, end))
    out = []
    for s, e in pieces:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out
