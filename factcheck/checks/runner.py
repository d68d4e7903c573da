"""Running the registered checks: in this process, or shared with forked workers."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from factcheck.checks import CHECKS, Check
from factcheck.checks.context import Context
from factcheck.model import Finding
from factcheck.runtime import heap

PARALLEL_CHECKS_FROM = 20_000  # claims; fewer are checked faster in one process


@dataclass(frozen=True)
class CheckResult:
    name: str
    findings: list[Finding]
    spin: dict[str, float]  # spin scores the check wrote (garbled-rewrite)
    seconds: float


def run_checks(
    ctx: Context, checks: list[Check], jobs: int, say: Callable[[str], None]
) -> list[CheckResult]:
    """Each check's findings, in list order, whether or not the work was forked."""
    if jobs > 1 and len(ctx.claims) >= PARALLEL_CHECKS_FROM and len(checks) > 1:
        say("checks")
        return _forked(ctx, checks, jobs)
    out = []
    for check in checks:
        say(f"check {check.name}")
        out.append(_run_one(ctx, check.name))
        heap.keep()
    return out


def _forked(ctx: Context, checks: list[Check], jobs: int) -> list[CheckResult]:
    """The checks shared out among this process and ``jobs - 1`` forked workers that
    inherit the context.

    The claim indexes every check reads are built once before the fork. The checks are
    independent (each reads the context; garbled-rewrite also writes spin scores,
    which come back with its findings), so the report is the one a single process
    writes. Shares are balanced by each check's ``cost``, dearest first.
    """
    from factcheck.runtime.forking import fork_map

    ctx.warm()
    heap.keep()
    shares: list[list[str]] = [[] for _ in range(min(jobs, len(checks)))]
    load = [0] * len(shares)
    for check in sorted(checks, key=lambda c: -c.cost):
        k = load.index(min(load))
        shares[k].append(check.name)
        load[k] += check.cost
    done = {
        result.name: result
        for part in fork_map(_run_share, ctx, shares, jobs, first_here=True)
        for result in part
    }
    return [done[c.name] for c in checks]


def _run_share(ctx: Context, names: list[str]) -> list[CheckResult]:
    return [_run_one(ctx, name) for name in names]


def _run_one(ctx: Context, name: str) -> CheckResult:
    start = time.perf_counter()
    check = next(c for c in CHECKS if c.name == name)
    found = list(check.run(ctx))
    return CheckResult(name, found, dict(ctx.spin), time.perf_counter() - start)
