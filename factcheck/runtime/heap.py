"""Garbage-collector tuning for runs that build millions of long-lived objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
    forked workers leave the inherited heap alone)."""
    gc.freeze()
