"""The one place that knows the stage order.

sources → claims → clusters → stories → checks (story by story) → findings → ``Report``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from factcheck import claims as claims_stage
from factcheck import clusters as cluster_stage
from factcheck import stories as story_stage
from factcheck import suppress
from factcheck.align.quotes import compare_quotes
from factcheck.checks import CHECKS, KIND_NAMES
from factcheck.checks.runner import Corpus, run_checks
from factcheck.config import Settings
from factcheck.findings import dedupe
from factcheck.model import Report, Source
from factcheck.runtime import heap
from factcheck.sources import read_paths

# say(stage, done, total): what the run is doing, with counts where a stage has them.
Progress = Callable[..., None]


def run(
    paths: list[str],
    settings: Settings,
    progress: Progress | None = None,
    stdin_text: str | None = None,
    client: Any = None,
) -> Report:
    """Read ``paths`` and check them (a Dask ``client`` verifies candidate pairs)."""
    say = progress or (lambda *_args: None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say("reading")
    corpus = read_paths(paths, stdin_text)
    say("reading", len(corpus.sources), len(corpus.sources))
    timings["read"] = time.perf_counter() - t0
    report = analyse(list(corpus.sources), settings, say, timings, client)
    return Report(
        report.sources,
        report.claims,
        report.clusters,
        report.findings,
        corpus.skipped,
        report.spin,
        report.timings,
        report.settings,
        stories=report.stories,
        absent=report.absent,
        suppressed=report.suppressed,
    )


def analyse(
    sources: list[Source],
    settings: Settings,
    say: Progress | None = None,
    timings: dict[str, float] | None = None,
    client: Any = None,
) -> Report:
    """Check sources already read."""
    say = say or (lambda *_args: None)
    timings = timings if timings is not None else {}
    with heap.long_lived_heap():
        return _stages(sources, settings, say, timings, client)


def _stages(
    sources: list[Source],
    settings: Settings,
    say: Progress,
    timings: dict[str, float],
    client: Any,
) -> Report:
    def stage(name: str, start: float) -> float:
        heap.keep()
        now = time.perf_counter()
        timings[name] = now - start
        return now

    t = time.perf_counter()
    say("claims: sources", 0, len(sources))
    claims = claims_stage.extract_all(sources, settings.workers(), say)
    claims = claims_stage.drop_repeated_lines(claims, len(sources))
    t = stage("claims", t)
    say("clusters: candidate pairs")
    links = cluster_stage.link(claims, settings, client, say)
    clusters = cluster_stage.clusters(claims, links)
    del links  # millions at scale; the checks read the clusters
    t = stage("clusters", t)
    say("stories")
    quoted = [(p.a.claim.id, p.b.claim.id) for p in compare_quotes(claims, settings)]
    grouping = story_stage.group(sources, claims, clusters, quoted)
    clusters, stories = list(grouping.clusters), grouping.stories
    absent = story_stage.absent_sources(stories, claims, clusters)
    t = stage("stories", t)
    checks = [c for c in CHECKS if any(settings.kind_enabled(k.name) for k in c.kinds)]
    corpus = Corpus(
        {s.id: s for s in sources},
        {c.id: c for c in claims},
        {k.id: k for k in clusters},
        settings,
    )
    result = run_checks(corpus, stories, checks, settings.workers(), say, client)
    found = [f for f in result.findings if settings.kind_enabled(f.kind)]
    for name, seconds in result.seconds.items():
        timings[f"check:{name}"] = seconds
    t = stage("checks", t)
    findings, suppressed = suppress.split(dedupe(found, KIND_NAMES), sources, settings.ignore)
    stage("findings", t)
    return Report(
        sources=tuple(sources),
        claims=tuple(claims),
        clusters=tuple(clusters),
        findings=tuple(findings),
        spin=result.spin,
        timings=timings,
        settings=settings.affecting_findings(KIND_NAMES),
        stories=stories,
        absent=absent,
        suppressed=tuple(suppressed),
    )
