"""Worker processes forked once, before the claims exist, and sent all they work on.

A forked process shares every page of this one's heap, and CPython writes a reference
count into every object it reads: each page either process touched afterwards was
copied. Workers forked after the claims and clusters were built doubled a large run's
memory during the checks (2 GB of 5.6 GiB at 100,000 articles), and workers that read
the sources they inherited each kept a copy of a page of every source they read. So the
workers are forked early and touch nothing they inherit but code and the lexicons:
each item brings its own data, and is freed once done.

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


class Workers:
    """``jobs`` processes, forked now."""

    def __init__(self, jobs: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        context = multiprocessing.get_context("fork")
        self._pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_worker_start)
        # The first task forks every worker (the fork start method starts them all at
        # once), so they are forked here, while the heap is small, not when first used;
        # frozen first, so that their collectors leave the inherited objects alone.
        gc.freeze()
        try:
            self._pool.submit(int).result()
        except BaseException:
            self._pool.shutdown(wait=False, cancel_futures=True)
            raise

    def map(self, fn: Callable[[Item], Result], items: Iterable[Item]) -> Iterator[Result]:
        """``fn(item)`` for each item, the results in order, each given as soon as
        it and those before it are done. ``items`` is read as the work goes, a few ahead
        of the workers, so a generator of large items is not held whole. ``fn`` must be
        a module-level function (it is sent by name)."""
        pending: deque[Any] = deque()
        try:
            for item in items:
                pending.append(self._pool.submit(fn, item))
                if len(pending) >= self.jobs * AHEAD:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # left before the end: what was sent ahead is not done for nothing
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Workers:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()


def _worker_start() -> None:
    """Ctrl-C is this process's to handle: it stops the workers (a worker that took it
    too printed a traceback of its own)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
