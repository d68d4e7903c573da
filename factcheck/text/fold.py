"""Folding for comparison, with a map back to raw offsets.

Typographic variants (curly quotes, primes, dashes, odd spaces, compatibility
forms) and UTF-8-read-as-cp1252 mojibake compare equal to their plain forms,
but nothing here ever changes the text that offsets point into.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import NamedTuple

from factcheck.runtime.memo import Memo


class Token(NamedTuple):
    """A word of the raw text; ``norm`` is its folded, lower-cased form.

    A named tuple, not a frozen dataclass: a corpus holds millions of tokens and a
    tuple is built five times faster (frozen dataclasses set fields one by one).
    """

    text: str
    norm: str
    start: int
    end: int


_PLAIN: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u02bc": "'",
    "\u00b4": "'",
    "`": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u3000": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u200b": "",
    "\ufeff": "",
    "\u00ad": "",
    "\u2026": "...",
}


def _plain(ch: str) -> str:
    if ch in _PLAIN:
        return _PLAIN[ch]
    if ch.isascii():
        return ch
    compat = unicodedata.normalize("NFKC", ch)
    return compat if compat != ch else ch


def _mojibake_table() -> dict[str, str]:
    """UTF-8 bytes of common non-ASCII characters misread as cp1252 or Latin-1."""
    chars = set(_PLAIN) | {chr(c) for c in range(0xC0, 0x100)}
    table: dict[str, str] = {}
    for ch in chars:
        raw = ch.encode("utf-8")
        if len(raw) < 2:
            continue
        for codec in ("cp1252", "latin-1"):
            try:
                garbled = raw.decode(codec)
            except UnicodeDecodeError:
                continue
            if garbled != ch:
                table[garbled] = _plain(ch)
    return table


_MOJIBAKE = _mojibake_table()
_MOJIBAKE_RE = re.compile("|".join(sorted(map(re.escape, _MOJIBAKE), key=len, reverse=True)))


@dataclass(frozen=True, slots=True)
class Folded:
    """Folded text and, for each of its characters, the raw offset it came from.

    ``raw`` is None when folding kept every character in place (one for one), the
    common case; offsets are then the folded ones plus ``base``.
    """

    text: str
    raw: tuple[int, ...] | None
    base: int = 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Raw span of the folded span [start, end)."""
        if self.raw is None:
            return self.base + start, self.base + max(start, end)
        if start >= end:
            pos = self.raw[start]
            return pos, pos
        return self.raw[start], self.raw[end - 1] + 1

    def offsets(self) -> tuple[int, ...]:
        if self.raw is None:
            return tuple(range(self.base, self.base + len(self.text) + 1))
        return self.raw


_ONE_FOR_ONE = {ord(k): v for k, v in _PLAIN.items() if len(v) == 1}


@lru_cache(maxsize=4096)
def _stable(ch: str) -> bool:
    return _plain(ch) == ch


def fold(text: str, base: int = 0) -> Folded:
    if _MOJIBAKE_RE.search(text) is None:
        quick = text.translate(_ONE_FOR_ONE)
        if quick.isascii() or all(_stable(ch) for ch in set(quick) if not ch.isascii()):
            return Folded(quick, None, base)
    out: list[str] = []
    raw: list[int] = []
    pos = 0
    n = len(text)
    has_mojibake = _MOJIBAKE_RE.search(text) is not None
    while pos < n:
        if has_mojibake:
            m = _MOJIBAKE_RE.match(text, pos)
            if m:
                rep = _MOJIBAKE[m.group()]
                out.append(rep)
                raw.extend([base + pos] * len(rep))
                pos = m.end()
                continue
        ch = text[pos]
        rep = ch if ch.isascii() else _plain(ch)
        out.append(rep)
        raw.extend([base + pos] * len(rep))
        pos += 1
    raw.append(base + n)
    return Folded("".join(out), tuple(raw), base)


def fold_text(text: str) -> str:
    """Folded text alone, for comparisons that need no offsets."""
    return fold(text).text if not text.isascii() else text


_WORD_RE = re.compile(r"[$€£]?\d[\d,.]*\d%?|[$€£]?\d%?|\w+(?:['.-]\w+)*", re.UNICODE)


def tokenize(text: str, base: int = 0) -> tuple[Token, ...]:
    """Word tokens of ``text`` with raw offsets (``base`` added)."""
    share, norm = _SHARED.__getitem__, _FOLDED.__getitem__
    make = tuple.__new__  # Token(...) without the keyword handling: millions are built
    tokens = []
    if text.isascii():
        for m in _WORD_RE.finditer(text):
            word = m.group()
            start, end = m.span()
            tokens.append(make(Token, (share(word), norm(word), base + start, base + end)))
        return tuple(tokens)
    folded = fold(text)
    for m in _WORD_RE.finditer(folded.text):
        start, end = folded.span(m.start(), m.end())
        tokens.append(
            make(Token, (share(text[start:end]), norm(m.group()), base + start, base + end))
        )
    return tuple(tokens)


def word_spans(text: str, base: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """The raw spans of ``tokenize``'s first ``stop`` words (all when None), without
    building them: where a claim's words stand is often all that is asked."""
    if text.isascii():
        found = islice(_WORD_RE.finditer(text), stop)
        return [(base + m.start(), base + m.end()) for m in found]
    folded = fold(text)
    out = []
    for m in islice(_WORD_RE.finditer(folded.text), stop):
        start, end = folded.span(m.start(), m.end())
        out.append((base + start, base + end))
    return out


def word_forms(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(norms, forms) of the words of ``text``, as ``tokenize`` finds them, without
    offsets: two tuples of shared strings instead of a token object per word."""
    forms = _WORD_RE.findall(text if text.isascii() else fold(text).text)
    return tuple(map(_FOLDED.__getitem__, forms)), tuple(map(_SHARED.__getitem__, forms))


def shared(words: tuple[str, ...]) -> tuple[str, ...]:
    """The same words as the strings ``word_forms`` shares: words unpickled from another
    process are new strings, one set a claim (a fifth of the claims' memory)."""
    return tuple(map(_SHARED.__getitem__, words))


def fold_word(word: str) -> str:
    """A word's ``norm``: lower case, without a trailing full stop."""
    w = word.lower()
    if w.endswith("."):
        w = w.rstrip(".")
    return w


NEGATORS = frozenset(
    {
        "not",
        "no",
        "never",
        "none",
        "nobody",
        "nothing",
        "neither",
        "nor",
        "cannot",
        "without",
        "nowhere",
    }
)


def is_negator(norm: str) -> bool:
    return norm in NEGATORS or norm.endswith("n't")


# One string object per distinct word: a corpus of millions of tokens repeats the same
# few hundred thousand words, so tokens share them instead of holding copies.
_SHARED: Memo[str, str] = Memo(lambda word: word, limit=2_000_000)
_FOLDED: Memo[str, str] = Memo(fold_word, limit=2_000_000)
