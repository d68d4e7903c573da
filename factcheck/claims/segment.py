"""Sentence spans of a source text.

Blingfire does the splitting (fast, and the most accurate of the segmenters
measured on BASIL); around it we add what it does not know: paragraph and
line breaks are hard boundaries (headlines carry no full stop), hard-wrapped
lines are joined, and a split after a title or month abbreviation is undone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

_HARD_WRAP_END = frozenset("abcdefghijklmnopqrstuvwxyz,;:")  # a line broken mid-sentence
# Titles always precede a name; the other abbreviations may end a sentence.
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Hon|St|Mt|Ft|"
    r"Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|No|Nos|Vol|vs)\.$"
)
_ABBREV = re.compile(
    r"\b(?:Jr|Sr|etc|Inc|Corp|Co|Ltd|Calif|Fla|Mass|Penn|Ariz|Conn|Ill|Mich|Minn|Wash|Wis|"
    r"Tenn|Va|Ga|Ky|La|Md|Mo|Nev|Okla|Ore|Tex|(?:[A-Z]\.){1,3}[A-Z])\.$"
)
# Blingfire keeps some lower-case words before a full stop as abbreviations ("the
# controversial tech. Amazon said"); split there unless the word is a real one.
_MISSED_STOP = re.compile(r"\b([a-z]{3,})\.\s+(?=[\"“‘(]?[A-Z])")
_LOWER_ABBREV = frozenset("etc vs approx est incl dept fig cf al eds vol nos pp ibid viz".split())
_STARTS_LOWER = re.compile(r"^[\"'“‘(\[]?[a-z0-9]")
MAX_SENTENCE = 2000


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    paragraph: int


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks separated by line breaks, with hard-wrapped lines joined."""
    blocks: list[tuple[int, int]] = []
    pos = 0
    cur_start: int | None = None
    cur_end = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        line_start = pos + (len(body) - len(body.lstrip()))
        line_end = pos + len(body.rstrip())
        pos += len(line)
        if not stripped:
            if cur_start is not None:
                blocks.append((cur_start, cur_end))
                cur_start = None
            continue
        if cur_start is not None:
            prev = text[cur_start:cur_end]
            if prev[-1] in _HARD_WRAP_END and _STARTS_LOWER.match(stripped):
                cur_end = line_end
                continue
            blocks.append((cur_start, cur_end))
        cur_start, cur_end = line_start, line_end
    if cur_start is not None:
        blocks.append((cur_start, cur_end))
    return blocks


def sentences(text: str) -> list[Span]:
    """Sentence spans in raw offsets, trimmed of surrounding white space."""
    out: list[Span] = []
    for number, (b_start, b_end) in enumerate(paragraphs(text)):
        block = text[b_start:b_end]
        if len(block) > 200_000 and block.count(" ") < len(block) / 100:
            out.append(Span(b_start, b_end, number))
            continue
        offsets = _offsets(block)
        spans: list[list[int]] = []
        for s, e in _resplit(block, offsets):
            s, e = _trim(block, s, e)
            if s >= e:
                continue
            if spans and _glue(block, spans[-1], s):
                spans[-1][1] = e
            else:
                spans.append([s, e])
        out.extend(Span(b_start + s, b_start + e, number) for s, e in spans)
    return out


def _offsets(block: str) -> list[tuple[int, int]]:
    """Blingfire's sentences located in the block; its own offset mapping is slow Python."""
    out = []
    pos = 0
    for sentence in _split(block).split("\n"):
        if not sentence:
            continue
        at = block.find(sentence, pos)
        if at < 0:  # blingfire changed the text (spacing): fall back to its offsets
            import blingfire

            return list(blingfire.text_to_sentences_and_offsets(block)[1])
        out.append((at, at + len(sentence)))
        pos = at + len(sentence)
    return out


class _Splitter:
    """Blingfire's ``TextToSentences`` with one reusable output buffer.

    ``blingfire.text_to_sentences`` allocates a fresh ctypes buffer per call, which
    costs as much as the split itself on the short paragraphs of news.
    """

    def __init__(self) -> None:
        self.lib: Any = None
        self.buffer: Any = None
        self.ctypes: Any = None  # imported on the first call, not at start-up

    def __call__(self, text: str) -> str:
        if self.lib is None:
            import ctypes

            import blingfire

            self.ctypes = ctypes

            # Our own handle on the library, so that setting argument types does not
            # change the function blingfire's wrappers call.
            self.lib = ctypes.CDLL(blingfire.blingfire._name)
            self.lib.TextToSentences.argtypes = [
                ctypes.c_char_p,
                ctypes.c_int,
                ctypes.c_char_p,
                ctypes.c_int,
            ]
        data = text.encode("utf-8")
        size = len(data) * 2 + 16
        buffer = self.buffer
        if size > KEEP_BUFFER:  # a one-off for a huge paragraph: not kept alive
            buffer = self.ctypes.create_string_buffer(size)
        elif buffer is None:
            buffer = self.buffer = self.ctypes.create_string_buffer(KEEP_BUFFER)
        n = self.lib.TextToSentences(data, len(data), buffer, len(buffer))
        if n < 0 or n > len(buffer):
            return ""
        return self.ctypes.string_at(buffer, max(n - 1, 0)).decode("utf-8")


KEEP_BUFFER = 1 << 20  # bytes: twice the longest paragraph of ordinary prose, and more


_split = _Splitter()


def _resplit(block: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in offsets:
        for m in _MISSED_STOP.finditer(block, s, e):
            if m.group(1) in _LOWER_ABBREV:
                continue
            cut = m.end(1) + 1
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


def _glue(block: str, prev: list[int], start: int) -> bool:
    if block[prev[1] - 1] != ".":
        return False
    # The abbreviations are short: only the sentence's last characters are searched.
    at = max(prev[0], prev[1] - ABBREV_REACH)
    if _TITLE.search(block, at, prev[1]):
        return True
    return bool(
        _ABBREV.search(block, at, prev[1]) and _STARTS_LOWER.match(block[start : start + 2])
    )


ABBREV_REACH = 12  # characters: "A.B.C.D." and "Calif." fit, with the boundary before


def _trim(block: str, s: int, e: int) -> tuple[int, int]:
    while s < e and block[s].isspace():
        s += 1
    while e > s and block[e - 1].isspace():
        e -= 1
    return s, e
