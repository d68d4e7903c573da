"""Finding the same quotation in two sources, fragments included."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from factcheck.align.edits import Difference, Edit, align, differences, matched, window
from factcheck.clusters.blocking import candidate_pairs
from factcheck.config import Settings
from factcheck.model import Claim
from factcheck.text.fold import Token
from factcheck.text.lexicons import stopwords

MIN_MATCHED = 4
MIN_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quotation inside one claim, with the claim tokens it covers."""

    claim: Claim
    speaker: str | None
    tokens: tuple[Token, ...]
    start: int
    end: int
    confident: bool = False
    inferred: bool = False


def quote_refs(claims: list[Claim], min_words: int = 4) -> list[QuoteRef]:
    out = []
    for c in claims:
        if c.headline:  # headlines paraphrase inside quote marks as a matter of style
            continue
        for q in c.quotes:
            toks = tuple(t for t in c.tokens if t.start >= q.start and t.end <= q.end)
            if len(toks) >= min_words:
                out.append(QuoteRef(c, q.speaker, toks, q.start, q.end, q.confident, q.inferred))
    return out


@dataclass(frozen=True)
class QuotePair:
    a: QuoteRef
    b: QuoteRef
    diffs: tuple[Difference, ...]
    share: float


def same_quote(a: QuoteRef, b: QuoteRef) -> tuple[list[Difference], float] | None:
    """The differences of two quotations of the same words, or None if they are not.

    Words one quotation has beyond the other at either end mean it is the longer
    excerpt, unless both quotations run across the same sentence boundary there: then
    the extra words are a difference ("blamed the YouTube video. Now" / "blamed the
    YouTube. Now"). Words of its own on each side there (a longer swap than a short
    one kept as a difference) make neither an excerpt of the other, and count against
    their share: "As I see it, the plan is" / "What I would say is the plan is".
    """
    full = align([t.norm for t in a.tokens], [t.norm for t in b.tokens])
    edits = _off_the_edge(window(full), a, b)
    if not edits:
        return None
    first, last = full.index(edits[0]), full.index(edits[-1])  # the window's ends in full
    if first > 0 and _at_start(a) and _at_start(b) and _small(full[first - 1]):
        e = full[first - 1]
        extra = {t.norm for t in (*a.tokens[e.a1 : e.a2], *b.tokens[e.b1 : e.b2])}
        if not extra <= _OPENERS:  # a dropped opening "But" or "And" is house style
            edits = [e, *edits]
            first -= 1
    if last + 1 < len(full) and _at_end(a) and _at_end(b) and _small(full[last + 1]):
        edits = [*edits, full[last + 1]]
        last += 1
    m = matched(edits)
    span_a = edits[-1].a2 - edits[0].a1
    span_b = edits[-1].b2 - edits[0].b1
    for at in (first - 1, last + 1):
        if 0 <= at < len(full) and full[at].tag == "replace":
            # Words of its own on each side beyond what they share ("I believe" / "My
            # view is that"): neither is an excerpt of the other there, so those words
            # count against the share. A word or an interjection on one side ("Look,")
            # against a long lead-in is one remark quoted from another start.
            own_a, own_b = full[at].a2 - full[at].a1, full[at].b2 - full[at].b1
            if min(own_a, own_b) >= EDGE_OWN:
                span_a += own_a
                span_b += own_b
    shorter = min(len(a.tokens), len(b.tokens))
    if m < MIN_MATCHED or m / max(span_a, span_b) < MIN_SHARE or m / shorter < MIN_SHARE:
        return None
    if not _shares_words(a, b, edits):
        return None  # "the purposes of the Endangered Species Act" / "a wholly inappropriate
        # use of the Endangered Species Act": two texts that name one thing
    diffs = [
        d
        for d in differences(a.tokens, b.tokens, edits)
        if not (_editorial(a, d.edit.a1, d.edit.a2) or _editorial(b, d.edit.b1, d.edit.b2))
    ]
    return diffs, m / max(span_a, span_b)


def _shares_words(a: QuoteRef, b: QuoteRef, edits: list[Edit]) -> bool:
    """The words two quotations share hold a word of their own beside names and function
    words: sharing a name ("the Endangered Species Act") makes no one remark. (A quoted
    title in capitals, on either side, has no other words to share.)"""
    stop = stopwords()

    def own(tokens: tuple[Token, ...]) -> bool:
        return any(t.text[:1].islower() and t.norm not in stop for t in tokens)

    if not own(a.tokens) or not own(b.tokens):
        return True
    return any(own(a.tokens[e.a1 : e.a2]) for e in edits if e.tag == "equal")


EDGE_OWN = 2  # words of its own each side has at an edge for neither to be an excerpt
_CLAUSE_BREAK = frozenset(",;:–—")


def _off_the_edge(edits: list[Edit], a: QuoteRef, b: QuoteRef) -> list[Edit]:
    """The window without a stray match at an excerpt's edge: when one quotation opens
    (or ends) with a lone function word that the other has only across a clause break
    from the words they share ("the talks" / "on the offer, but talks"), that word is
    the excerpt's own edge, not a sign that it dropped the words in between."""
    stop = stopwords()

    def stray(anchor: Edit, gap: Edit, at_start: bool) -> bool:
        if anchor.tag != "equal" or anchor.a2 - anchor.a1 != 1:
            return False
        if gap.tag not in ("insert", "delete") or a.tokens[anchor.a1].norm not in stop:
            return False
        # The excerpt is the side without the run of words; the longer one has words
        # beyond the lone word too (else the run was dropped from inside the quotation).
        if gap.tag == "delete":
            excerpt, longer, i, j, run = b, a, anchor.b1, anchor.a1, (gap.a1, gap.a2)
        else:
            excerpt, longer, i, j, run = a, b, anchor.a1, anchor.b1, (gap.b1, gap.b2)
        edge = 0 if at_start else len(excerpt.tokens) - 1
        beyond = j > 0 if at_start else j < len(longer.tokens) - 1
        if i != edge or not beyond:
            return False
        lo, hi = (j, run[1]) if at_start else (run[0] - 1, j)
        between = longer.claim.text[
            longer.tokens[lo].end - longer.claim.start : longer.tokens[hi].start
            - longer.claim.start
        ]
        return any(ch in _CLAUSE_BREAK for ch in between) or "--" in between

    while len(edits) >= 3 and stray(edits[0], edits[1], True):
        edits = edits[2:]
    while len(edits) >= 3 and stray(edits[-1], edits[-2], False):
        edits = edits[:-2]
    return edits


_OPENERS = frozenset({"and", "but", "so", "well", "now", "also", "yet", "or", "then", "oh"})


def _at_start(ref: QuoteRef) -> bool:
    """The quotation runs on from the sentence before (no opening mark in this claim)."""
    return ref.start == ref.claim.start


def _at_end(ref: QuoteRef) -> bool:
    """The quotation runs on into the next sentence (no closing mark in this claim)."""
    return ref.end == ref.claim.end


def _small(edit: Edit) -> bool:
    return max(edit.a2 - edit.a1, edit.b2 - edit.b1) <= 2


def _editorial(ref: QuoteRef, i1: int, i2: int) -> bool:
    """Words an editor marked as theirs: an ellipsis, [brackets] or (parentheses)."""
    claim = ref.claim
    lo = ref.tokens[i1 - 1].end if i1 > 0 else ref.start
    hi = ref.tokens[i2].start if i2 < len(ref.tokens) else ref.end
    if hi <= lo:
        return False
    gap = claim.text[lo - claim.start : hi - claim.start]
    return any(mark in gap for mark in ("…", "...", ". . .", "[", "]", "(", ")"))


COPIES = 8  # quotations written alike that are paired; their other copies are twins


def compare_quotes(
    claims: list[Claim], settings: Settings, *, excerpts: bool = False
) -> list[QuotePair]:
    """Every pair of quotations (of different sources) that quote the same words; of the
    quotations written exactly alike in their claims (a wire story's hundred copies),
    the first ``COPIES`` are paired, and a finding tells the rest as twins of those.
    ``excerpts``: also a short excerpt against a long quotation (inside a story; a
    remark quoted again in a later story's background joins no stories)."""
    refs = _few_copies(quote_refs(claims))
    stop = stopwords()
    words = [[t.norm for t in r.tokens if t.norm not in stop] for r in refs]
    out = []
    pairs: set[tuple[int, int]] = set(map(tuple, candidate_pairs(words, settings).tolist()))
    if excerpts:
        pairs |= _excerpt_pairs(words, settings.max_postings)
    for i, j in sorted(pairs):
        a, b = refs[i], refs[j]
        if a.claim.source == b.claim.source:
            continue
        if a.claim.source > b.claim.source:
            a, b = b, a
        result = same_quote(a, b)
        if result is None:
            continue
        diffs, share = result
        out.append(QuotePair(a, b, tuple(diffs), share))
    return out


EXCERPT_SHARED = 3  # runs of two content words in common (a three-word name makes two)


def _excerpt_pairs(words: list[list[str]], cap: int) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotations that share three runs of two content words (two
    words next to each other once stop words are left out, the runs in any order): a
    short excerpt of a long quotation ("not going to be by the end of the year in a
    combat zone" in a speech of forty words) shares too few of the long one's rarest
    words for the blocking index. Each quotation is indexed under its runs (as many as
    its words), and the quotations of a run are paired (at most ``cap`` of them: a run
    in more is left out of this pairing, as stock phrases are; the blocking index's own
    pairs, and its reported cap, are as they were)."""
    postings: dict[tuple[str, str], list[int]] = {}
    for n, ws in enumerate(words):
        for run in set(pairwise(ws)):
            postings.setdefault(run, []).append(n)
    met: dict[tuple[int, int], int] = {}
    for members in postings.values():
        if len(members) < 2 or len(members) > cap:
            continue
        for k, i in enumerate(members):
            for j in members[k + 1 :]:
                met[(i, j)] = met.get((i, j), 0) + 1
    return {pair for pair, shared in met.items() if shared >= EXCERPT_SHARED}


def _few_copies(refs: list[QuoteRef]) -> list[QuoteRef]:
    seen: dict[tuple[object, ...], int] = {}
    out = []
    for r in refs:
        key = (r.claim.written, r.start - r.claim.start, r.end - r.claim.start)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= COPIES:
            out.append(r)
    return out
