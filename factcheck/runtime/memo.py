"""A value worked out once per key.

The hot loops of a large corpus meet the same few hundred thousand words millions of
times; a ``Memo`` answers a word it has seen with one dictionary lookup, which runs in
C inside ``map`` (``functools.lru_cache`` costs a Python-level call per word).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """``memo[key]`` is ``fn(key)``, computed on first use. With ``limit``, a memo that
    has grown that large starts afresh rather than hold every key of a huge corpus."""

    def __init__(self, fn: Callable[[K], V], limit: int | None = None) -> None:
        super().__init__()
        self.fn = fn
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if self.limit is not None and len(self) >= self.limit:
            self.clear()
        value = self[key] = self.fn(key)
        return value
