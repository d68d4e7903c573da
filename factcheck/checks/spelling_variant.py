"""Spelling variant: British and American spellings of one word in one corpus.

Benign (house style), so reported at ``info`` and never as a misspelling or
a misquote; the pairs come from codespell's en-GB to en-US list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from factcheck.checks.context import Context
from factcheck.findings import agreeing, evidence, join_ids, make
from factcheck.model import Claim, Evidence, Finding, Kind, Severity
from factcheck.runtime.memo import Memo
from factcheck.text.lexicons import american_form

VARIANT = Kind(
    "spelling-variant", Severity.INFO, "A benign regional or house-style spelling difference."
)
KINDS = (VARIANT,)


def run(ctx: Context) -> Iterator[Finding]:
    accepted = {w.lower() for w in ctx.settings.accepted_variants}
    british: dict[str, list[tuple[Claim, tuple[int, int]]]] = defaultdict(list)
    american_of: dict[str, str] = {}
    american = Memo(american_form)  # once per distinct word
    for claim in ctx.claims:
        found = list(map(american.__getitem__, claim.words))
        if not any(found):
            continue  # most claims: no British spelling, found without a step per word
        for n, (word, us) in enumerate(zip(claim.words, found, strict=True)):
            if us and word not in accepted:
                t = claim.tokens[n]
                british[word].append((claim, (t.start, t.end)))
                american_of[word] = us
    sources_of = ctx.sources_using(set(american_of.values()))
    for gb, places in sorted(british.items()):
        us = american_of[gb]
        us_sources = sources_of.get(us, set())
        gb_sources = sorted({c.source for c, _ in places})
        if not us_sources - set(gb_sources):
            continue
        counterpart = _first_use(ctx, us, us_sources - set(gb_sources))
        items = [evidence(c, [span]) for c, span in places[:3]]
        if counterpart:
            items.append(counterpart)
        us_named = sorted(us_sources - set(gb_sources))  # (a source writing both: once)
        message = (
            f"{join_ids(gb_sources)} {agreeing('spell', gb_sources)} '{gb}' (British) where "
            f"{join_ids(us_named)} {agreeing('write', us_named)} '{us}'"
        )
        yield make(VARIANT.name, VARIANT.severity, message, items, [gb, us], ctx.settings)


def _first_use(ctx: Context, word: str, sources: set[str]) -> Evidence | None:
    for claim in ctx.claims:
        if claim.source in sources and word in claim.words:
            t = claim.tokens[claim.words.index(word)]
            return evidence(claim, [(t.start, t.end)])
    return None
