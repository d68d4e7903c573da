"""What every check reads: the corpus after clustering, with shared lookups."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import chain

from factcheck.align.edits import Edit, align
from factcheck.align.quotes import QuotePair, compare_quotes
from factcheck.config import Settings
from factcheck.facts.mentions import published
from factcheck.model import Claim, Cluster, Source
from factcheck.stories import tells_one_story
from factcheck.text.numbers import DateMention, Quantity, dates, may_count, may_date, quantities

MAX_VARIANTS = 24  # ways of writing one fact each variant is compared with


@dataclass
class Context:
    sources: dict[str, Source]
    claims: list[Claim]
    clusters: list[Cluster]
    settings: Settings
    spin: dict[str, float] = field(default_factory=dict)
    _quantities: dict[str, list[Quantity]] = field(default_factory=dict)
    _dates: dict[str, list[DateMention]] = field(default_factory=dict)
    _names: dict[str, set[str]] = field(default_factory=dict)
    _stories: dict[tuple[str, str], bool] = field(default_factory=dict)
    _mates: dict[str, set[str]] = field(default_factory=dict)
    uncompared: int = 0  # pairs of rarely printed variants of one fact not compared

    def warm(self) -> None:
        """Build the indexes every check reads before the work is forked, so that the
        processes share one copy.

        The other lookups are built where a check first reads them: in parallel,
        beside the other checks, instead of before all of them (at 10,000 articles
        that was a second of one core while the other waited).
        """
        for name in ("by_id", "by_source"):
            getattr(self, name)

    @cached_property
    def published(self) -> dict[str, dt.date | None]:
        """Each source's day of publication (None when undated), as the checks compare it."""
        return {sid: published(s.date) for sid, s in self.sources.items()}

    @cached_property
    def by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def by_source(self) -> dict[str, list[Claim]]:
        out: dict[str, list[Claim]] = defaultdict(list)
        for c in self.claims:
            out[c.source].append(c)
        return out

    def cluster_pairs(self) -> Iterator[tuple[Claim, Claim]]:
        """Pairs of claims of different sources that share a cluster, one pair for each
        two ways it is written: the copies of a claim (``twins``) are told the same, so a
        sentence printed by N outlets costs its variants' pairs, not N squared."""
        for k in self.clusters:
            groups: dict[str, list[Claim]] = {}
            for cid in k.claims:
                claim = self.by_id[cid]
                groups.setdefault(self.first_written(cid), []).append(claim)
            variants = list(groups.values())
            # Each way of writing the fact is compared with the MAX_VARIANTS most printed
            # ones: a wire story's variants are its outlets' own edits, and every two of
            # them were N squared in the outlets; the pairs left out are a limit.
            common = sorted(range(len(variants)), key=lambda n: -len(variants[n]))
            top = set(common[:MAX_VARIANTS])
            for i, one in enumerate(variants):
                for j in range(i + 1, len(variants)):
                    if i not in top and j not in top:
                        self.uncompared += 1
                        continue
                    other = variants[j]
                    pair = next(((a, b) for a in one for b in other if a.source != b.source), None)
                    if pair is not None:
                        a, b = pair
                        yield (a, b) if a.source < b.source else (b, a)

    def twins(self, claim: str) -> list[Claim]:
        """The other claims of the story written exactly as ``claim`` is (the same words,
        quotations and speakers): what a finding says of it, it says of them."""
        return [c for c in self._written.get(claim, ()) if c.id != claim]

    def first_written(self, claim: str) -> str:
        """The first claim of the story written exactly as ``claim`` is."""
        return self._written[claim][0].id

    @cached_property
    def _written(self) -> dict[str, list[Claim]]:
        groups: dict[tuple[object, ...], list[Claim]] = defaultdict(list)
        for c in self.claims:
            groups[c.written].append(c)
        return {c.id: group for group in groups.values() for c in group}

    def alignment(self, a: Claim, b: Claim) -> list[Edit]:
        """Not cached here: a cache of every pair's edits was a large share of the
        memory of a big corpus; ``align`` keeps the last wordings' (a bounded cache)."""
        return align(a.words, b.words)

    @cached_property
    def quote_pairs(self) -> list[QuotePair]:
        """Pairs of quotations (different sources) of the same words, speakers not yet compared."""
        return compare_quotes(self.claims, self.settings, excerpts=True)

    def quantities(self, claim: Claim) -> list[Quantity]:
        if claim.id not in self._quantities:
            found = may_count(claim.words, claim.text)
            self._quantities[claim.id] = (
                quantities(claim.tokens, claim.text, claim.start) if found else []
            )
        return self._quantities[claim.id]

    def dates(self, claim: Claim) -> list[DateMention]:
        if claim.id not in self._dates:
            found = may_date(claim.words, claim.text)
            self._dates[claim.id] = dates(claim.tokens) if found else []
        return self._dates[claim.id]

    @cached_property
    def source_counts(self) -> Counter[str]:
        """Folded word → how many sources use it."""
        return Counter(
            chain.from_iterable(
                set().union(*(c.words for c in claims)) for claims in self.by_source.values()
            )
        )

    def sources_using(self, words: set[str]) -> dict[str, set[str]]:
        """Folded word → the sources that use it, for the few ``words`` asked for."""
        out: dict[str, set[str]] = defaultdict(set)
        for c in self.claims:
            for word in words.intersection(c.words):
                out[word].add(c.source)
        return out

    def story_mates(self, source: str) -> set[str]:
        """The other sources ``source`` shares at least one fact with (the same story);
        worked out for the sources asked about: every pair of a story's sources is N
        squared when a wire story has hundreds."""
        mates = self._mates.get(source)
        if mates is None:
            mates = set().union(*(self._cluster_sources[k] for k in self._facts_of[source]))
            mates.discard(source)
            self._mates[source] = mates
        return mates

    @cached_property
    def _cluster_sources(self) -> dict[str, set[str]]:
        return {k.id: {self.by_id[c].source for c in k.claims} for k in self.clusters}

    @cached_property
    def _facts_of(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for k, sources in self._cluster_sources.items():
            for sid in sources:
                out[sid].add(k)
        return out

    def shared_facts(self, a: str, b: str) -> int:
        """How many clusters two sources both have a claim in."""
        return len(self._facts_of.get(a, set()) & self._facts_of.get(b, set()))

    def same_story(self, a: str, b: str) -> bool:
        """Two sources tell one story: they share two facts, or half of the shorter one's.
        Remembered per pair: the same two sources meet in cluster after cluster."""
        key = (a, b) if a < b else (b, a)
        same = self._stories.get(key)
        if same is None:
            same = self._stories[key] = tells_one_story(
                self.shared_facts(a, b),
                len(self.by_source.get(a, ())),
                len(self.by_source.get(b, ())),
            )
        return same

    def names_of(self, source: str) -> set[str]:
        """Words a source writes capitalised inside a sentence (names, acronyms); worked
        out for the sources asked about (a few), not for every source of the corpus."""
        names = self._names.get(source)
        if names is None:
            names = self._names[source] = set()
            forms = set().union(*(c.forms[1:] for c in self.by_source.get(source, ())))
            for form in forms:
                if form[:1].isupper():
                    names.add(form)
                    names.update(p for p in form.split("-") if p[:1].isupper())
        return names

    @cached_property
    def word_counts(self) -> Counter[str]:
        return Counter(chain.from_iterable(c.words for c in self.claims))

    @cached_property
    def surface_forms(self) -> set[str]:
        """Words as written (case kept), for telling names and acronyms apart."""
        return set().union(*(c.forms for c in self.claims))
