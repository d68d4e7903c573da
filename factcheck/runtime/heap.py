"""Garbage-collector tuning for runs that build millions of long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache


@contextmanager
def long_lived_heap() -> Iterator[None]:
    """Collect cycles rarely while the stages build millions of long-lived objects.

    The default thresholds run a full collection over the whole heap again and again
    as it grows (a third of the run time at 10,000 articles); stages leave their
    results frozen (``keep``), out of the collector's sight, until the run ends.
    """
    before = gc.get_threshold()
    gc.set_threshold(200_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def keep() -> None:
    """What was built so far lives to the end of the run: never scan it again (and
    forked workers leave the inherited heap alone). What a stage built and let go goes
    back to the system."""
    gc.freeze()
    trim()


def trim() -> None:
    """Give the C heap's free pages back to the system, as Dask's workers do: glibc
    keeps the pages a stage's temporary objects held (about 100 MB a stage at 100,000
    articles) until the heap's top is free, which it seldom is. Elsewhere nothing."""
    trim_heap = _malloc_trim()
    if trim_heap is not None:
        trim_heap(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        found: Callable[[int], int] = ctypes.CDLL(None).malloc_trim  # the C library loaded
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    return found
