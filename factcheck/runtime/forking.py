"""One way to spread work over forked processes.

Workers are forked, so they inherit ``shared`` (sources, or the whole context)
without copying it through a pipe; only the items and the results travel. An
executor, not a ``multiprocessing.Pool``: a worker killed (out of memory) raises
``BrokenProcessPool`` instead of leaving the run waiting for ever.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_SHARED: Any = None


def fork_map(
    fn: Callable[[Any, Item], Result],
    shared: Any,
    items: Sequence[Item],
    jobs: int,
    *,
    first_here: bool = False,
) -> Iterator[Result]:
    """``fn(shared, item)`` for each item, in ``jobs`` forked workers; the results in
    order, each given as soon as it and those before it are done, so that this process
    can use them while the workers go on.

    With ``first_here`` this process does the first item itself while ``jobs - 1``
    workers do the rest: it would otherwise only wait, and each worker holds its own
    copy of every page of ``shared`` it touches. ``fn`` must be a module-level
    function (it is sent to the workers by name).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = shared
    here, rest = (items[:1], items[1:]) if first_here else ([], items)
    try:
        if not rest:
            yield from (fn(shared, item) for item in here)
            return
        context = multiprocessing.get_context("fork")
        workers = max(1, min(jobs - len(here), len(rest)))
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            futures = [pool.submit(_call, fn, item) for item in rest]  # the workers fork now
            yield from (fn(shared, item) for item in here)
            for future in futures:
                yield future.result()
    finally:
        _SHARED = None


def _call(fn: Callable[[Any, Any], Any], item: Any) -> Any:
    return fn(_SHARED, item)
