"""The one place that knows the stage order.

sources → claims → clusters → stories → checks (story by story) → findings → ``Report``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from collections.abc import Callable
from typing import Any

from factcheck import claims as claims_stage
from factcheck import clusters as cluster_stage
from factcheck import stories as story_stage
from factcheck import suppress
from factcheck.align.quotes import compare_quotes
from factcheck.checks import CHECKS, KIND_NAMES
from factcheck.checks.context import MAX_VARIANTS
from factcheck.checks.runner import PARALLEL_CHECKS_FROM, Corpus, run_checks
from factcheck.config import Settings
from factcheck.findings import dedupe
from factcheck.model import Finding, Limit, Report, Source
from factcheck.runtime import heap
from factcheck.runtime.forking import Workers
from factcheck.sources import read_paths
from factcheck.text import lexicons

# say(stage, done, total): what the run is doing, with counts where a stage has them.
Progress = Callable[..., None]


def run(
    paths: list[str],
    settings: Settings,
    progress: Progress | None = None,
    stdin_text: str | bytes | None = None,
    client: Any = None,
) -> Report:
    """Read ``paths`` and check them (a Dask ``client`` verifies candidate pairs)."""
    say = progress or (lambda *_args: None)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    say("reading")
    corpus = read_paths(paths, stdin_text, settings.max_input_bytes())
    say("reading", len(corpus.sources), len(corpus.sources))
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
    say = say or (lambda *_args: None)
    timings = timings if timings is not None else {}
    jobs = settings.workers()
    with heap.long_lived_heap(), contextlib.ExitStack() as stack:
        # Forked here, before the claims exist, so that they never share them (with Dask,
        # the claims stage forks its own and the checks go to the cluster).
        workers = None
        if client is None and jobs > 1 and len(sources) >= claims_stage.PARALLEL_FROM:
            lexicons.preload()
            workers = stack.enter_context(Workers(min(jobs, len(sources))))
        return _stages(sources, settings, say, timings, client, workers)


def _stages(
    sources: list[Source],
    settings: Settings,
    say: Progress,
    timings: dict[str, float],
    client: Any,
    workers: Workers | None,
) -> Report:
    def stage(name: str, start: float) -> float:
        heap.keep()
        now = time.perf_counter()
        timings[name] = now - start
        return now

    t = time.perf_counter()
    say("claims: sources", 0, len(sources))
    claims = claims_stage.extract_all(sources, settings.workers(), say, workers)
    if workers is not None and len(claims) < PARALLEL_CHECKS_FROM:
        workers.close()  # the checks run here: idle workers would hold memory through them
        workers = None
    limits: list[Limit] = []
    before = len(claims)
    claims = claims_stage.drop_repeated_lines(claims, len(sources))
    if len(claims) < before:
        share = claims_stage.template_share(len(sources))
        limits.append(
            Limit(
                "template-lines",
                share,
                before - len(claims),
                "claims",
                f"{before - len(claims):,} short lines printed word for word by {share} "
                "sources or more were taken for site furniture (subscribe, share, credits) "
                "and not checked",
            )
        )
    t = stage("claims", t)
    say("clusters: candidate pairs")
    links, words = cluster_stage.link(claims, settings, client, limits, say)
    clusters = cluster_stage.clusters(claims, links, words, limits)
    del links, words  # millions at scale; the checks read the clusters
    t = stage("clusters", t)
    say("stories")
    # (the index's pairs alone: an excerpt pairing would join stories on a remark a
    # later story quotes again)
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
    result = run_checks(corpus, stories, checks, settings.workers(), say, client, workers)
    found = [f for f in result.findings if settings.kind_enabled(f.kind)]
    for name, seconds in result.seconds.items():
        timings[f"check:{name}"] = seconds
    t = stage("checks", t)
    if result.uncompared:
        cap = MAX_VARIANTS
        limits.append(
            Limit(
                "max-variants",
                cap,
                result.uncompared,
                "pairs",
                f"limit max-variants ({cap} a fact): {result.uncompared:,} "
                f"{'pair' if result.uncompared == 1 else 'pairs'} of rarely printed wordings "
                f"of one fact not compared with each other (each was compared with the {cap} "
                "most printed)",
            )
        )
    findings, suppressed = suppress.split(dedupe(found, KIND_NAMES), sources, settings.ignore)
    limits.extend(_evidence_limits(findings))
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
        limits=tuple(limits),
        provenance=tuple(result.copies),
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
