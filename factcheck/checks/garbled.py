"""Garbled rewrite: a source that swapped words for near-synonyms without regard
to context, as article spinners do ("facial acknowledgment" for "facial
recognition").

The method needs no phrase list. A swap is a word that only this source uses,
standing exactly where other sources put a different word between the same
neighbours: in two aligned claims, or anywhere in the corpus with the same
words either side. One such swap is ordinary rewriting; a source with several
distinct swaps, at a rate no natural rewrite reaches, is spun. Its spin score
is the share of its claims that carry a swap.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import compress

from factcheck.checks.context import Context
from factcheck.clusters.features import content_words
from factcheck.findings import evidence, make
from factcheck.model import Claim, Finding, Kind, Severity
from factcheck.text.fold import Token, is_negator
from factcheck.text.lexicons import is_spelling_variant, stopwords, word_frequency
from factcheck.text.numbers import MONTHS, ORDINALS, UNITS, WEEKDAYS

GARBLED = Kind(
    "garbled-rewrite",
    Severity.MEDIUM,
    "A source rewrote shared text with context-blind word swaps (spinning).",
)
KINDS = (GARBLED,)
MAX_EVIDENCE = 25
REPEAT_RATE = 0.1  # share of claims swapped when only two distinct swaps are seen
HABIT_CLAIMS = 3  # claims that carry those two swaps
SAME_STORY = 4  # content words two claims share when they tell the same thing


@dataclass(frozen=True, slots=True)
class Swap:
    claim: Claim
    token: Token
    original: str  # the word the other sources use in the same place


_FACTS = frozenset(UNITS) | frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(ORDINALS)


def _swappable(word: str) -> bool:
    """Ordinary content words: numbers and dates that change are conflicts, not spin."""
    return (
        word.isalpha()
        and len(word) >= 3
        and word not in stopwords()
        and word not in _FACTS
        and word in word_frequency()
    )


def _replaced(word: str) -> bool:
    """A word the other sources have where this one swapped: a content word, or a
    common verb or quantifier of four letters or more ("have" → "possess", "least" →
    "minimum"), which no editor trades for a rarer content word."""
    if _swappable(word):
        return True
    return word.isalpha() and len(word) >= 4 and word not in _FACTS and not is_negator(word)


def _related(a: str, b: str) -> bool:
    """Inflections and derivations of one word are rewrites, not swaps."""
    n = min(len(a), len(b), 5)
    return a[:n] == b[:n] or is_spelling_variant(a, b)


_EDGE = "\x02"
WIDTH = 3  # words either side compared


def _padded(claim: Claim) -> tuple[str, ...]:
    return (_EDGE,) * WIDTH + claim.words + (_EDGE,) * WIDTH


def _context(words: tuple[str, ...], i: int) -> tuple[str, ...]:
    return words[i - WIDTH : i] + words[i + 1 : i + 1 + WIDTH]


def _agreement(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[int, int]:
    """(words equal at the same place, of which content words) around two middles."""
    stop = stopwords()
    same = [x for x, y in zip(a, b, strict=True) if x == y and x != _EDGE]
    return len(same), sum(1 for w in same if w not in stop)


def find_swaps(ctx: Context) -> list[Swap]:
    """Words only one source uses, where another source has a different word in the same frame.

    The frame is the immediate neighbours plus, within three words either side,
    at least three equal words of which one is a content word: a local copy of
    the same sentence, not a common phrase such as "in the wake of".
    """
    # First the places that could be swaps: a word this source alone uses.
    places: list[tuple[int, int, tuple[str, ...]]] = []
    wanted: set[tuple[str, str]] = set()
    counts = ctx.source_counts
    lone = {w for w, k in counts.items() if k == 1}
    for n, claim in enumerate(ctx.claims):
        if lone.isdisjoint(claim.words):
            continue  # most claims: every word is used by another source too
        padded: tuple[str, ...] | None = None
        for i, (word, form) in enumerate(zip(claim.words, claim.forms, strict=True)):
            if counts[word] != 1:
                continue  # another source uses this word too
            if not form.islower() or not _swappable(word):
                continue
            padded = padded or _padded(claim)
            places.append((n, i + WIDTH, padded))
            wanted.add((padded[i + WIDTH - 1], padded[i + WIDTH + 1]))
    if not places:
        return []
    # Then every word standing between the same neighbours elsewhere.
    index: dict[tuple[str, str], list[tuple[str, int, tuple[str, ...]]]] = defaultdict(list)
    # A claim's copies stand in the same frames: two of them (of two sources) are as good
    # as a hundred, each place's own source being the one to skip.
    indexed: dict[str, list[str]] = defaultdict(list)
    for n, claim in enumerate(ctx.claims):
        taken = indexed[ctx.first_written(claim.id)]
        if len(taken) >= 2 or claim.source in taken:
            continue
        taken.append(claim.source)
        words = _padded(claim)
        last = len(words) - WIDTH
        # The neighbours of every position, tested in C; Python steps only for the hits.
        around = zip(words[WIDTH - 1 : last - 1], words[WIDTH + 1 : last + 1], strict=True)
        for i in compress(range(WIDTH, last), map(wanted.__contains__, around)):
            index[(words[i - 1], words[i + 1])].append((words[i], n, _context(words, i)))
    topics: dict[int, frozenset[str]] = {}

    def topic(n: int) -> frozenset[str]:
        if n not in topics:
            topics[n] = frozenset(content_words(ctx.claims[n]))
        return topics[n]

    swaps: list[Swap] = []
    tokens_of: dict[int, tuple[Token, ...]] = {}
    for n, i, padded in places:
        claim = ctx.claims[n]
        word = padded[i]
        mine = _context(padded, i)
        best: tuple[int, str] | None = None
        for other, m, theirs in index.get((padded[i - 1], padded[i + 1]), ()):
            if ctx.claims[m].source == claim.source or other == word:
                continue
            equal, content = _agreement(mine, theirs)  # (the cheapest test first)
            if equal < 3 or content < 1:
                continue
            if not _replaced(other) or _related(other, word):
                continue
            # The best agreement wins, ties to the first word in alphabetical order:
            # never to the first source read (the finding's id must not follow file order).
            if best is not None and (equal < best[0] or (equal == best[0] and other >= best[1])):
                continue
            if len(topic(n) & topic(m)) < SAME_STORY:
                continue  # the other claim tells another story
            best = (equal, other)
        if best is not None:
            if n not in tokens_of:
                tokens_of[n] = claim.tokens
            swaps.append(Swap(claim, tokens_of[n][i - WIDTH], best[1]))
    return swaps


def run(ctx: Context) -> Iterator[Finding]:
    by_source: dict[str, list[Swap]] = defaultdict(list)
    found = find_swaps(ctx)
    # "conservative" for "ultraconservative" in one source and the other way round in
    # another: one difference seen from both sides, which says neither is the spinner.
    made = {(s.claim.source, s.token.norm, s.original) for s in found}
    for s in found:
        mirrored = any(
            (other, s.original, s.token.norm) in made
            for other in ctx.by_source
            if other != s.claim.source
        )
        if not mirrored:
            by_source[s.claim.source].append(s)
    told_by_others = _told_by_others(ctx)
    for source, claims in ctx.by_source.items():
        if not any(c.id in told_by_others for c in claims):
            continue  # none of its sentences is another's reworded: its own writing
        swaps = _thesaurus(by_source.get(source, []))
        pairs = {(s.token.norm, s.original) for s in swaps}
        swapped_claims = {s.claim.id for s in swaps}
        score = len(swapped_claims) / max(len(claims), 1)
        ctx.spin[source] = round(score, 4)
        if not _spun(swaps, pairs, score, ctx.settings.spin_min_pairs, ctx.settings.spin_min_rate):
            continue
        yield _finding(ctx, source, swaps, pairs, score)


def _told_by_others(ctx: Context) -> set[str]:
    """The claims that share a cluster with another source's: a spun copy keeps some of
    its original's sentences close enough to cluster, an outlet writing its own story may
    keep none."""
    out: set[str] = set()
    for k in ctx.clusters:
        if len({ctx.by_id[c].source for c in k.claims}) > 1:
            out.update(k.claims)
    return out


def _thesaurus(swaps: list[Swap]) -> list[Swap]:
    """The swaps a spinner makes: each word for its one synonym, one to one. A word that
    stands where the others have different words ("federal" for "national" and for
    "public"), or two words where the others have one, is a writer's own choice of words
    for a sense, not one word traded for another: none of those places counts."""
    originals: dict[str, set[str]] = defaultdict(set)
    swapped_in: dict[str, set[str]] = defaultdict(set)
    for s in swaps:
        originals[s.token.norm].add(s.original)
        swapped_in[s.original].add(s.token.norm)
    return [
        s for s in swaps if len(originals[s.token.norm]) == 1 and len(swapped_in[s.original]) == 1
    ]


def _spun(
    swaps: list[Swap], pairs: set[tuple[str, str]], score: float, min_pairs: int, min_rate: float
) -> bool:
    """Enough distinct swaps; or one fewer when a spinner's habit shows: the same swap
    made at two places, in a good share of the source's claims."""
    if score < min_rate:
        return False
    if len(pairs) >= min_pairs:
        return True
    repeated = Counter((s.token.norm, s.original) for s in swaps).most_common(1)
    return (
        len(pairs) == min_pairs - 1
        and bool(repeated)
        and repeated[0][1] >= 2
        and score >= REPEAT_RATE
        # A habit shows in a few sentences, not two: a short report that names a thing
        # twice in its own word ("will decide ... had decided" for "announce") has one.
        and len({s.claim.id for s in swaps}) >= HABIT_CLAIMS
    )


def _finding(
    ctx: Context, source: str, swaps: list[Swap], pairs: set[tuple[str, str]], score: float
) -> Finding:
    spun_words = {w for w, _ in pairs}
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for s in swaps:
        spans[s.claim.id].append((s.token.start, s.token.end))
    # The same swapped-in words elsewhere in the source (a spun quote has no counterpart).
    for claim in ctx.by_source[source]:
        tokens = None  # tokenized once a claim, and only for a claim with such a word
        for n, (word, form) in enumerate(zip(claim.words, claim.forms, strict=True)):
            if word in spun_words and form.islower():
                tokens = tokens or claim.tokens
                t = tokens[n]
                spans[claim.id].append((t.start, t.end))
    ordered = [c for c in ctx.by_source[source] if c.id in spans]
    omitted = max(0, len(ordered) - MAX_EVIDENCE)
    items = [evidence(c, spans[c.id]) for c in ordered[:MAX_EVIDENCE]]
    shown = sorted(pairs)[:8]
    listing = ", ".join(f"'{w}' for '{o}'" for w, o in shown)
    message = (
        f"{source} reads like a machine-spun rewrite: {len(pairs)} context-blind word "
        f"swaps ({listing}); spin score {score:.2f}"
    ) + (f"; evidence: the first {MAX_EVIDENCE} of {len(ordered)} claims" if omitted else "")
    found = make(
        GARBLED.name,
        GARBLED.severity,
        message,
        items,
        [f"{w}>{o}" for w, o in sorted(pairs)],
        ctx.settings,
        source,
        details=tuple((w, o) for w, o in sorted(pairs)),
    )
    return replace(found, omitted=omitted) if omitted else found
