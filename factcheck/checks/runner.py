"""Running the registered checks story by story: here, in forked workers, or on Dask.

Each story is checked alone, with a context of its own sources, claims and clusters,
so every statistic a check reads (the words only one source uses, source counts,
spin rates, majority readings) is the story's, and no finding joins two stories.
Stories are independent: however they are shared out, the findings are the same.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from factcheck.checks import CHECKS, Check
from factcheck.checks.context import Context
from factcheck.config import Settings
from factcheck.findings import one_per_fact
from factcheck.model import Claim, Cluster, CopyEdge, Finding, Source, Story
from factcheck.runtime import heap
from factcheck.stories import provenance

PARALLEL_CHECKS_FROM = 20_000  # claims; fewer are checked faster in one process
PARTS_PER_WORKER = 4  # shares of stories per Dask worker: a large story does not hold up the rest


@dataclass(frozen=True)
class Corpus:
    """What the checks read, for the stories to be cut from."""

    sources: dict[str, Source]
    claims: dict[str, Claim]
    clusters: dict[str, Cluster]
    settings: Settings


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    spin: dict[str, float] = field(default_factory=dict)  # the highest of its stories
    seconds: dict[str, float] = field(default_factory=dict)  # check name → time
    copies: list[CopyEdge] = field(default_factory=list)  # each story's copy graph
    uncompared: int = 0  # pairs of rare variants of one fact left uncompared (a limit)

    def add(self, other: CheckResult) -> None:
        self.findings.extend(other.findings)
        self.copies.extend(other.copies)
        self.uncompared += other.uncompared
        for sid, score in other.spin.items():
            self.spin[sid] = max(score, self.spin.get(sid, 0.0))
        for name, seconds in other.seconds.items():
            self.seconds[name] = self.seconds.get(name, 0.0) + seconds


def run_checks(
    corpus: Corpus,
    stories: Sequence[Story],
    checks: list[Check],
    jobs: int,
    say: Callable[..., None],
    client: Any = None,
) -> CheckResult:
    """The findings of every story, in story order, whichever way the work was shared."""
    names = [c.name for c in checks]
    total = CheckResult()
    claims = sum(len(s.claims) for s in stories)
    if client is not None and len(stories) > 1:
        say("checks (dask)")
        parts = _shares(stories, max(1, _dask_workers(client)) * PARTS_PER_WORKER)
        for part in _on_dask(client, corpus, parts, names):
            total.add(part)
        return total
    if jobs > 1 and claims >= PARALLEL_CHECKS_FROM and len(stories) > 1:
        from factcheck.runtime.forking import fork_map

        say("checks")
        heap.keep()  # the workers' collectors leave the inherited heap alone
        # One share a process: this one takes the first (fork_map's first_here) while
        # jobs - 1 workers take the rest; more shares than processes left this one
        # with an eighth of the work and a worker with the rest.
        parts = _shares(stories, jobs)
        items = [(part, names) for part in parts]
        for result in fork_map(_run_part, corpus, items, jobs, first_here=True):
            total.add(result)
        return total
    for n, story in enumerate(stories):
        say("checks: stories", n, len(stories))
        total.add(check_story(corpus, story, names))
    say("checks: stories", len(stories), len(stories))
    return total


def check_story(corpus: Corpus, story: Story, names: Sequence[str]) -> CheckResult:
    ctx = Context(
        {sid: corpus.sources[sid] for sid in story.sources},
        [corpus.claims[c] for c in story.claims],
        [corpus.clusters[k] for k in story.clusters],
        corpus.settings,
    )
    out = CheckResult()
    quoted = {c.id: c for c in ctx.claims if c.quotes}
    for name in names:
        start = time.perf_counter()
        check = _BY_NAME[name]
        found = [dataclasses.replace(f, story=story.id) for f in check.run(ctx)]
        if check.pairwise:
            found = one_per_fact(found, quoted, corpus.settings, ctx)
        out.findings.extend(found)
        out.seconds[name] = time.perf_counter() - start
    # Provenance reads the findings' readings: after the checks, in the same process.
    start = time.perf_counter()
    made = provenance.build(story, ctx.sources, ctx.claims, out.findings, ctx.clusters)
    out.findings = list(made.findings)
    out.copies.extend(made.edges)
    out.seconds["provenance"] = time.perf_counter() - start
    out.spin.update(ctx.spin)
    out.uncompared = ctx.uncompared
    return out


_BY_NAME = {c.name: c for c in CHECKS}  # checks travel to workers by name


def _shares(stories: Sequence[Story], parts: int) -> list[list[Story]]:
    """Stories in ``parts`` shares of about equal claims, each share's stories in
    order; the results are put back together in share order, then story order."""
    shares: list[list[Story]] = [[] for _ in range(max(1, min(parts, len(stories))))]
    load = [0] * len(shares)
    for story in sorted(stories, key=lambda s: -len(s.claims)):
        k = load.index(min(load))
        shares[k].append(story)
        load[k] += len(story.claims) + 1
    index = {s.id: n for n, s in enumerate(stories)}
    return [sorted(share, key=lambda s: index[s.id]) for share in shares if share]


def _run_part(corpus: Corpus, item: tuple[list[Story], list[str]]) -> CheckResult:
    stories, names = item
    out = CheckResult()
    for story in stories:
        out.add(check_story(corpus, story, names))
    return out


def _dask_workers(client: Any) -> int:
    return len(client.scheduler_info().get("workers", {}))


def _on_dask(
    client: Any, corpus: Corpus, parts: list[list[Story]], names: list[str]
) -> list[CheckResult]:
    """Each share goes to a worker with just the sources, claims and clusters of its
    stories; results come back in share order."""
    payloads = []
    for part in parts:
        wanted_sources = {sid for s in part for sid in s.sources}
        wanted_claims = {c for s in part for c in s.claims}
        wanted_clusters = {k for s in part for k in s.clusters}
        payloads.append(
            Corpus(
                {k: v for k, v in corpus.sources.items() if k in wanted_sources},
                {k: v for k, v in corpus.claims.items() if k in wanted_claims},
                {k: v for k, v in corpus.clusters.items() if k in wanted_clusters},
                corpus.settings,
            )
        )
    futures = client.map(_run_part, payloads, [(part, names) for part in parts], pure=False)
    return list(client.gather(futures))
