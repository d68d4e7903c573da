"""What verification reads of each claim: its content words, as text and as word codes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain

import numpy as np

from factcheck.model import Claim
from factcheck.text.lexicons import stopwords


def content_words(claim: Claim) -> list[str]:
    """Folded words minus stop words; hyphenated compounds count as their parts."""
    return [part for word in claim.words for part in _content_parts(word, stopwords())]


def _content_parts(word: str, stop: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        part
        for part in (word.split("-") if "-" in word else (word,))
        if part and part not in stop and any(c.isalnum() for c in part)
    )


def encode(words: Sequence[str], vocab: dict[str, str]) -> str:
    """Each distinct word as one character, so that rapidfuzz compares word sequences."""
    out = []
    for w in words:
        ch = vocab.get(w)
        if ch is None:
            ch = vocab[w] = _code(len(vocab))
        out.append(ch)
    return "".join(out)


def _code(n: int) -> str:
    """The ``n``-th word's character: above Latin-1, skipping the surrogates."""
    code = 0x100 + n + (0x800 if 0x100 + n >= 0xD800 else 0)
    return chr(min(code, 0x10FFFF))


@dataclass(frozen=True)
class Features:
    """What verification reads of each claim: content words as text and as word codes."""

    texts: list[str]
    codes: list[str]

    @cached_property
    def lengths(self) -> np.ndarray:
        """Content words per claim: a code is one character per word."""
        return np.fromiter(map(len, self.codes), dtype=np.int32, count=len(self.codes))


def features(words: list[list[str]]) -> Features:
    vocab: dict[str, str] = {}
    return Features([" ".join(w) for w in words], [encode(w, vocab) for w in words])


def claim_codes(claims: Sequence[Claim]) -> tuple[list[str], dict[str, str]]:
    """Each claim's content words as codes (``encode``), and each distinct word's content
    text (for ``claim_texts``), without a list of words per claim: a corpus repeats its
    vocabulary millions of times, so each distinct word's content parts are worked out
    once and the claims are joined from them in C loops."""
    stop = stopwords()
    vocab: dict[str, str] = {}
    text_of: dict[str, str] = {}
    code_of: dict[str, str] = {}
    # In order of first appearance, so that word codes are given as ``features`` gives them.
    for word in dict.fromkeys(chain.from_iterable(c.words for c in claims)):
        parts = _content_parts(word, stop)
        text_of[word] = " ".join(parts)
        code_of[word] = encode(parts, vocab)
    return ["".join(map(code_of.__getitem__, c.words)) for c in claims], text_of


def claim_texts(
    claims: Sequence[Claim], which: Iterable[int], text_of: dict[str, str]
) -> list[str]:
    """The content words of the claims ``which`` names, as text (the others ""): only the
    first claim of each wording is scored, and the texts of all were 200 MB at 100,000
    articles."""
    texts = [""] * len(claims)
    for i in which:
        texts[i] = " ".join(filter(None, map(text_of.__getitem__, claims[i].words)))
    return texts
