"""The one place that knows the stage order.

sources → claims → clusters → checks → findings → ``Report``.
"""

from __future__ import annotations

import dataclasses
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from . import claims as claims_stage
from . import cluster as cluster_stage
from .checks import CHECKS, Check
from .config import Settings
from .context import Context
from .findings import dedupe
from .model import Finding, Limit, Report, Source
from .sources import read_paths

Progress = Callable[[str], None]


def run(
    paths: list[str],
    settings: Settings,
    progress: Progress | None = None,
    stdin_text: str | bytes | None = None,
    client: Any = None,
) -> Report:
    """Read ``paths`` and check them (a Dask ``client`` verifies candidate pairs)."""
    say = progress or (lambda _stage: None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say("reading")
    corpus = read_paths(paths, stdin_text, settings.max_input_bytes())
    timings["read"] = time.perf_counter() - t0
    report = analyse(list(corpus.sources), settings, say, timings, client)
    return dataclasses.replace(report, skipped=corpus.skipped)


def analyse(
    sources: list[Source],
    settings: Settings,
    say: Progress | None = None,
    timings: dict[str, float] | None = None,
    client: Any = None,
) -> Report:
    """Check sources already read."""
    say = say or (lambda _stage: None)
    timings = timings if timings is not None else {}
    with _long_lived_heap():
        return _stages(sources, settings, say, timings, client)


PARALLEL_CHECKS_FROM = 20_000  # claims; fewer are checked faster in one process


def _forked_checks(
    ctx: Context, checks: list[Check], jobs: int
) -> list[tuple[str, list[Finding], dict[str, float], float]]:
    """The checks shared out among this process and ``jobs - 1`` forked workers that
    inherit the context; results in list order.

    The claim indexes every check reads are built once before the fork. The checks are
    independent (each reads the context; garbled-rewrite also writes spin scores,
    which come back with its findings), so the report is the one a single process
    writes. Shares are balanced by each check's ``cost``, dearest first.
    """
    from .forking import fork_map

    ctx.warm()
    gc.freeze()  # the workers' collectors leave the inherited heap alone
    shares: list[list[str]] = [[] for _ in range(min(jobs, len(checks)))]
    load = [0] * len(shares)
    for check in sorted(checks, key=lambda c: -c.cost):
        k = load.index(min(load))
        shares[k].append(check.name)
        load[k] += check.cost
    done = {
        name: result
        for part in fork_map(_run_checks, ctx, shares, jobs, first_here=True)
        for name, result in part
    }
    return [(c.name, *done[c.name]) for c in checks]


def _run_checks(
    ctx: Context, names: list[str]
) -> list[tuple[str, tuple[list[Finding], dict[str, float], float]]]:
    out = []
    for name in names:
        start = time.perf_counter()
        check = next(c for c in CHECKS if c.name == name)
        found = list(check.run(ctx))
        out.append((name, (found, dict(ctx.spin), time.perf_counter() - start)))
    return out


@contextmanager
def _long_lived_heap() -> Iterator[None]:
    """Collect cycles rarely while the stages build millions of long-lived objects.

    The default thresholds run a full collection over the whole heap again and again
    as it grows (a third of the run time at 10,000 articles); stages leave their
    results frozen, out of the collector's sight, until the run ends.
    """
    before = gc.get_threshold()
    gc.set_threshold(200_000, 50, 1000)
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def _stages(
    sources: list[Source],
    settings: Settings,
    say: Progress,
    timings: dict[str, float],
    client: Any,
) -> Report:
    def stage(name: str, start: float) -> float:
        gc.freeze()  # what a stage built lives to the end: never scan it again
        now = time.perf_counter()
        timings[name] = now - start
        return now

    t = time.perf_counter()
    say("claims")
    claims = claims_stage.extract_all(sources, settings.workers())
    claims = claims_stage.drop_repeated_lines(claims, len(sources))
    t = stage("claims", t)
    say("clusters")
    limits: list[Limit] = []
    links = cluster_stage.link(claims, settings, client, limits)
    clusters = cluster_stage.clusters(claims, links)
    del links  # millions at scale; the checks read the clusters
    t = stage("clusters", t)
    ctx = Context({s.id: s for s in sources}, claims, clusters, settings)
    checks = [c for c in CHECKS if any(settings.kind_enabled(k) for k in c.kinds)]
    found: list[Finding] = []
    if settings.workers() > 1 and len(claims) >= PARALLEL_CHECKS_FROM and len(checks) > 1:
        say("checks")
        for name, part, spin, elapsed in _forked_checks(ctx, checks, settings.workers()):
            found.extend(f for f in part if settings.kind_enabled(f.kind))
            ctx.spin.update(spin)
            timings[f"check:{name}"] = elapsed
        t = stage("checks", t)
    else:
        for check in checks:
            say(f"check {check.name}")
            found.extend(f for f in check.run(ctx) if settings.kind_enabled(f.kind))
            t = stage(f"check:{check.name}", t)
    findings = dedupe(found)
    limits.extend(_evidence_limits(findings))
    stage("findings", t)
    return Report(
        sources=tuple(sources),
        claims=tuple(claims),
        clusters=tuple(clusters),
        findings=tuple(findings),
        spin=dict(ctx.spin),
        timings=timings,
        settings=settings.affecting_findings(),
        limits=tuple(limits),
    )


def _evidence_limits(findings: list[Finding]) -> list[Limit]:
    """Findings whose evidence a cap shortened (each message says so too)."""
    capped = [f for f in findings if f.omitted]
    if not capped:
        return []
    left_out = sum(f.omitted for f in capped)
    cap = max(len(f.evidence) for f in capped)
    return [
        Limit(
            "max-evidence",
            cap,
            left_out,
            "claims",
            f"limit max-evidence ({cap} claims a finding): {len(capped)} finding(s) "
            f"show only their first {cap} claims; {left_out:,} claims of evidence "
            "left out of the report",
        )
    ]
