"""Worker processes forked once, right after the sources are read.

A process forked later shares every page of the claims and clusters with this one, and
CPython writes a reference count into every object it reads: each page either process
touched afterwards was copied, and the checks doubled a large run's memory (2 GB of
5.6 GiB at 100,000 articles). Forked before the claims exist, the workers inherit the
sources and the imported code, and hold of the rest only what is sent to them.

An executor, not a ``multiprocessing.Pool``: a worker killed (out of memory) raises
``BrokenProcessPool`` instead of leaving the run waiting for ever.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

AHEAD = 3  # items sent ahead per worker: none waits, and few are held at once

_SHARED: Any = None


class Workers:
    """``jobs`` processes forked now, each inheriting ``shared``."""

    def __init__(self, jobs: int, shared: Any) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        global _SHARED
        _SHARED = shared
        self.jobs = jobs
        self.shared = shared
        self._pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"))
        # The first task forks every worker (the fork start method starts them all at
        # once), so they are forked here, while the heap is small, not when first used;
        # frozen first, so that their collectors leave the inherited objects alone.
        gc.freeze()
        self._pool.submit(int).result()

    def map(self, fn: Callable[[Any, Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        """``fn(shared, item)`` for each item, the results in order, each given as soon as
        it and those before it are done. ``items`` is read as the work goes, a few ahead
        of the workers, so a generator of large items is not held whole. ``fn`` must be
        a module-level function (it is sent by name)."""
        pending: deque[Any] = deque()
        for item in items:
            pending.append(self._pool.submit(_call, fn, item))
            if len(pending) >= self.jobs * AHEAD:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        global _SHARED
        self._pool.shutdown(wait=True, cancel_futures=True)
        _SHARED = None

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def shared() -> Any:
    """What the workers inherited (in a worker: its copy)."""
    return _SHARED


def _call(fn: Callable[[Any, Any], Any], item: Any) -> Any:
    return fn(_SHARED, item)
