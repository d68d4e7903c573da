"""Running the registered checks story by story: here, in forked workers, or on Dask.

Each story is checked alone, with a context of its own sources, claims and clusters,
so every statistic a check reads (the words only one source uses, source counts,
spin rates, majority readings) is the story's, and no finding joins two stories.
Stories are independent: however they are shared out, the findings are the same.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from factcheck.checks import CHECKS, Check
from factcheck.checks.context import Context
from factcheck.config import Settings
from factcheck.findings import one_per_fact, one_per_fact_of_checks
from factcheck.model import Claim, Cluster, CopyEdge, Finding, Source, Story
from factcheck.stories import provenance
from factcheck.text import lexicons

if TYPE_CHECKING:
    from factcheck.runtime.forking import Workers

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
    workers: Workers | None = None,
) -> CheckResult:
    """The findings of every story, in story order, whichever way the work was shared
    (``workers``: processes forked before the claims, as the pipeline makes them)."""
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
        if workers is None:
            from factcheck.runtime.forking import Workers

            lexicons.preload()  # before the fork: shared, not read again by each worker
            with Workers(min(jobs, len(stories))) as own:
                return run_checks(corpus, stories, checks, jobs, say, None, own)
        # Each worker is sent a batch of stories with their sources, claims and
        # clusters, and holds one batch at a time; the batches are cut as they are
        # sent, so this process never holds them all either.
        say("checks: stories", 0, len(stories))
        size = min(BATCH_CLAIMS_MAX, max(BATCH_CLAIMS_MIN, claims // (jobs * 16)))
        batches = list(_batches(stories, size))
        payloads = ((batch, _payload(corpus, batch), names) for batch in batches)
        done = 0
        for batch, result in zip(batches, workers.map(_run_sent, payloads), strict=True):
            total.add(result)
            done += len(batch)
            say("checks: stories", done, len(stories))
        return total
    for n, story in enumerate(stories):
        say("checks: stories", n, len(stories))
        total.add(check_story(corpus, story, names))
    say("checks: stories", len(stories), len(stories))
    return total


BATCH_CLAIMS_MIN = 500  # claims a batch of stories sent to a worker holds, at least
BATCH_CLAIMS_MAX = 4_000  # and at most (a larger story alone): a worker keeps its largest


def _batches(stories: Sequence[Story], size: int) -> Iterator[list[Story]]:
    """Runs of stories in order, each of about ``size`` claims (a larger story alone)."""
    batch: list[Story] = []
    held = 0
    for story in stories:
        batch.append(story)
        held += len(story.claims)
        if held >= size:
            yield batch
            batch, held = [], 0
    if batch:
        yield batch


def _payload(corpus: Corpus, stories: Sequence[Story]) -> Corpus:
    """Just the sources, claims and clusters of ``stories``, to travel to a worker."""
    wanted = {sid for s in stories for sid in s.sources}
    return Corpus(
        {sid: corpus.sources[sid] for sid in corpus.sources if sid in wanted},
        {c: corpus.claims[c] for s in stories for c in s.claims},
        {k: corpus.clusters[k] for s in stories for k in s.clusters},
        corpus.settings,
    )


def _run_sent(item: tuple[list[Story], Corpus, list[str]]) -> CheckResult:
    stories, corpus, names = item
    return _run_part(corpus, (stories, names))


def check_story(corpus: Corpus, story: Story, names: Sequence[str]) -> CheckResult:
    ctx = Context(
        {sid: corpus.sources[sid] for sid in story.sources},
        [corpus.claims[c] for c in story.claims],
        [corpus.clusters[k] for k in story.clusters],
        corpus.settings,
    )
    out = CheckResult()
    quoted = {c.id: c for c in ctx.claims if c.quotes}
    joinable: set[int] = set()
    for name in names:
        start = time.perf_counter()
        check = _BY_NAME[name]
        found = [dataclasses.replace(f, story=story.id) for f in check.run(ctx)]
        if check.pairwise:
            found = one_per_fact(found, quoted, corpus.settings, ctx)
        if name in SAME_FACTS:
            joinable.update(id(f) for f in found)
        out.findings.extend(found)
        out.seconds[name] = time.perf_counter() - start
    out.findings = one_per_fact_of_checks(
        out.findings, lambda f: id(f) in joinable, quoted, corpus.settings, ctx
    )
    # Provenance reads the findings' readings: after the checks, in the same process.
    start = time.perf_counter()
    made = provenance.build(story, ctx.sources, ctx.claims, out.findings, ctx.clusters)
    out.findings = list(made.findings)
    out.copies.extend(made.edges)
    out.seconds["provenance"] = time.perf_counter() - start
    out.spin.update(ctx.spin)
    out.uncompared = ctx.uncompared
    return out


# Checks that tell the same kinds of fact, one by aligning the sentences of one fact,
# the other by a figure's context in another sentence: one finding where they meet.
SAME_FACTS = frozenset({"conflicts", "across"})
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
    payloads = [_payload(corpus, part) for part in parts]
    futures = client.map(_run_part, payloads, [(part, names) for part in parts], pure=False)
    return list(client.gather(futures))
