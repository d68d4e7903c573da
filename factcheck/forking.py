"""One way to spread work over forked processes.

Workers are forked, so they inherit ``shared`` (sources, or the whole context)
without copying it through a pipe; only the items and the results travel. An
executor, not a ``multiprocessing.Pool``: a worker killed (out of memory) raises
``BrokenProcessPool`` instead of leaving the run waiting for ever.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_SHARED: Any = None


def fork_map(
    fn: Callable[[Any, Item], Result], shared: Any, items: Sequence[Item], jobs: int
) -> list[Result]:
    """``[fn(shared, item) for item in items]`` in ``jobs`` forked workers, in order.

    ``fn`` must be a module-level function (it is sent to the workers by name).
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = shared
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(min(jobs, len(items)), mp_context=context) as pool:
            return list(pool.map(_call, [fn] * len(items), items))
    finally:
        _SHARED = None


def _call(fn: Callable[[Any, Any], Any], item: Any) -> Any:
    return fn(_SHARED, item)
