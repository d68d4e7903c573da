"""Stages give back the heap pages their temporary objects held."""

from __future__ import annotations

import sys

import pytest

from factcheck.runtime import heap


def _rss_mib() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096 / 2**20


@pytest.mark.skipif(heap._malloc_trim() is None, reason="glibc only")
def test_trim_gives_back_pages_held_among_live_objects() -> None:
    # Objects too large for Python's small-object allocator, every tenth kept: glibc
    # cannot shrink its heap past the live ones, so the freed pages stay until trimmed.
    blocks = [bytes(1500) for _ in range(150_000)]
    kept = blocks[::10]
    del blocks
    before = _rss_mib()
    heap.trim()
    assert before - _rss_mib() > 100
    assert len(kept) == 15_000


def test_trim_is_nothing_off_linux(monkeypatch: pytest.MonkeyPatch) -> None:
    heap._malloc_trim.cache_clear()
    monkeypatch.setattr(sys, "platform", "darwin")
    try:
        assert heap._malloc_trim() is None
        heap.trim()  # and does no harm
    finally:
        heap._malloc_trim.cache_clear()
