"""Misquote: the words inside a quotation differ between sources.

Quoted words must be verbatim, so one word dropped, added or changed is a
finding. Two quotations are the same quotation when, after trimming where one
is only a fragment of the other, most of their words align; quotations of
different speakers are never compared as one (the attribution check looks at
those). Where several sources agree and one differs, that one is named.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from itertools import chain

from rapidfuzz import fuzz

from factcheck.align.edits import Difference, side_span, side_text
from factcheck.align.quotes import QuotePair, QuoteRef
from factcheck.checks.context import Context
from factcheck.claims.quotes import same_speaker, shown_speaker
from factcheck.findings import evidence, fact_numbers, join_ids, make, normalise
from factcheck.model import Claim, Evidence, Finding, Kind, Severity
from factcheck.text.fold import Token, is_negator
from factcheck.text.lexicons import is_spelling_variant
from factcheck.text.numbers import number_value
from factcheck.text.style import same_in_style

MISQUOTE = Kind(
    "misquote", Severity.MEDIUM, "Words inside a direct quotation differ between sources."
)
KINDS = (MISQUOTE,)
CHANGED_MEANING = Severity.HIGH  # a number or a negator changed inside the quote


def _changed(d: Difference, texts: dict[str, str], pair: QuotePair) -> bool:
    """A change of words: not a spelling variant, a name spelt another way, nor the
    same words in another house style ("he's" / "he is", "f---" / "fuck")."""
    return _wording(d) and not _style(d, texts, pair)


def _style(d: Difference, texts: dict[str, str], pair: QuotePair) -> bool:
    return bool(_compared(d, texts, pair))


def _compared(
    d: Difference, texts: dict[str, str], pair: QuotePair
) -> tuple[int, int, int, int] | None:
    """The words of each side that read alike in another house style: the difference's
    own, or its own with a word either side, so that words a house style adds or shortens
    read in their place (the "the" of "August the 31st" against "Aug. 31", the "st" of
    "31st" against "31"), or two, or one more on one side (the "15" and "pm" of "9:15pm"
    against "21:15"), or any difference of two quotations alike in style as a whole;
    None when they do not."""
    e = d.edit
    if _initialism(d.a_words, d.b_words) or _initialism(d.b_words, d.a_words):
        return e.a1, e.a2, e.b1, e.b2  # "IE" / "Internet Explorer": an abbreviation

    def wide(n: int, more_a: int = 0, more_b: int = 0) -> tuple[int, int, int, int]:
        return (
            max(0, e.a1 - n),
            min(len(pair.a.tokens), e.a2 + n + more_a),
            max(0, e.b1 - n),
            min(len(pair.b.tokens), e.b2 + n + more_b),
        )

    # (a word more on one side: "at 21:15" reads as "at 9:15pm", four words against five)
    windows = ((e.a1, e.a2, e.b1, e.b2), wide(1), wide(1, 1), wide(1, 0, 1), wide(2))
    for a1, a2, b1, b2 in windows:
        if a1 == a2 or b1 == b2:
            continue
        a = _raw(texts[pair.a.claim.source], pair.a.tokens[a1:a2])
        b = _raw(texts[pair.b.claim.source], pair.b.tokens[b1:b2])
        if same_in_style(a, b):
            return a1, a2, b1, b2
    # The quotations whole alike in one house style: every difference is style, though
    # a window of its own splits a time ("6:45pm EST" / "18:45": "pm EST" left over).
    whole_a = _raw(texts[pair.a.claim.source], pair.a.tokens)
    if same_in_style(whole_a, _raw(texts[pair.b.claim.source], pair.b.tokens)):
        return wide(1)
    return None


_MASK = frozenset("-*–—_#@!")


def _raw(text: str, words: tuple[Token, ...]) -> str:
    """The words as written, with the marks that mask a word ("f---")."""
    end = words[-1].end
    while end < len(text) and text[end] in _MASK:
        end += 1
    return text[words[0].start : end]


def _wording(d: Difference) -> bool:
    """A change of words, not a spelling variant nor a name spelt another way."""
    one_word = len(d.a_words) == len(d.b_words) == 1
    if one_word and is_spelling_variant(d.a_words[0].norm, d.b_words[0].norm):
        return False
    names = (*d.a_words, *d.b_words)
    if d.a_words and d.b_words and all(t.text[:1].isupper() for t in names):
        return fuzz.ratio(d.a_text, d.b_text) < 50  # "Muammar al-Qaddafi" / "Moammar Gadhafi"
    return True


def _initialism(short: Sequence[Token], words: Sequence[Token]) -> bool:
    """``short`` is one word in capitals ("IE", "U.N.") made of the first letters of
    ``words`` ("Internet Explorer", "United Nations"; "Department of Justice": "DOJ")."""
    if len(short) != 1 or len(words) < 2:
        return False
    letters = short[0].text.replace(".", "")
    if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
        return False
    texts = [t.text for t in words]
    capitals = "".join(w[0] for w in texts if w[:1].isupper())
    return letters in (capitals, "".join(w[0].upper() for w in texts))


def _different_people(pair: QuotePair) -> bool:
    """The two quotations are credited to different people.

    A speaker inferred from a pronoun is a guess, so it does not stop a comparison.
    """
    if same_speaker(pair.a.speaker, pair.b.speaker) is not False:
        return False
    return not (pair.a.inferred or pair.b.inferred)


def _severity(diffs: list[Difference]) -> Severity:
    for d in diffs:
        words = [t.norm for t in (*d.a_words, *d.b_words)]
        if any(is_negator(w) for w in words) or any(number_value([w]) is not None for w in words):
            return CHANGED_MEANING
    return MISQUOTE.severity


def run(ctx: Context) -> Iterator[Finding]:
    pending = list(_pending(ctx))
    facts = fact_numbers([cited for cited, _build in pending], ctx.first_written)
    alone = Counter(facts)
    for (_cited, build), fact in zip(pending, facts, strict=True):
        yield build(alone[fact] == 1)


# The claims a finding will cite, and how to build it: whole when it is the only one of
# its fact, else its evidence alone (one finding per fact is told from the evidence of
# all of them, and the words of each of a wire story's thousand pairs go unread).
Pending = tuple[tuple[str, ...], Callable[[bool], Finding]]


def _pending(ctx: Context) -> Iterator[Pending]:
    texts = {sid: s.text for sid, s in ctx.sources.items()}
    pairs = []
    for p in ctx.quote_pairs:
        if _different_people(p):
            continue
        changed = tuple(d for d in p.diffs if _changed(d, texts, p))
        styled = [d for d in p.diffs if _wording(d) and d not in changed]
        if styled and not changed:
            yield (p.a.claim.id, p.b.claim.id), partial(_style_finding, ctx, p, styled)
        pairs.append(QuotePair(p.a, p.b, changed, p.share))
    pairs = _one_remark_each(pairs, ctx.twins)
    differing: dict[int, list[tuple[QuotePair, QuoteRef]]] = defaultdict(list)
    agree: set[frozenset[int]] = set()
    refs: dict[int, QuoteRef] = {}
    for p in pairs:
        refs[id(p.a)], refs[id(p.b)] = p.a, p.b
        if p.diffs:
            differing[id(p.a)].append((p, p.b))
            differing[id(p.b)].append((p, p.a))
        else:
            agree.add(frozenset((id(p.a), id(p.b))))
    done: set[int] = set()
    # A quotation that differs from two or more that agree with each other is the odd one out.
    for key, partners in sorted(differing.items(), key=lambda kv: -len(kv[1])):
        others = [o for _p, o in partners if id(o) not in done]
        if len(others) < 2 or not _all_agree(others, agree):
            continue
        odd = refs[key]
        theirs = [p for p, o in partners if id(o) not in done]
        yield _cited(theirs), partial(_finding, ctx, odd, theirs)
        done.add(key)
    for p in pairs:
        if id(p.a) in done or id(p.b) in done:
            continue
        if p.diffs:
            yield (p.a.claim.id, p.b.claim.id), partial(_finding, ctx, None, [p])


def _cited(pairs: list[QuotePair]) -> tuple[str, ...]:
    return tuple(c for p in pairs for c in (p.a.claim.id, p.b.claim.id))


def _one_remark_each(
    pairs: list[QuotePair], twins: Callable[[str], Sequence[Claim]]
) -> list[QuotePair]:
    """Two remarks that share a phrase are not one misquoted: when a source prints both,
    each word for word as other sources do and apart (not two parts of one quotation
    in one paragraph), they are two remarks. What a source prints tells the two apart
    only where they differ: a shorter phrase that stands in both (a remark quoted again
    inside a longer quotation) is no second remark. ``twins``: the claims written exactly
    as a claim is (copies not paired themselves print its quotations too)."""
    # quotation → the quotations printing it word for word, each with where it and its
    # twins stand: id → (quotation, {(source, paragraph)}, {source})
    Places = tuple[QuoteRef, frozenset[tuple[str, int]], frozenset[str]]
    printed: dict[int, dict[int, Places]] = defaultdict(dict)

    def prints(ref: QuoteRef, other: QuoteRef) -> None:
        where = printed[id(ref)]
        if id(other) not in where:
            places = {(other.claim.source, other.claim.paragraph)}
            places.update((t.source, t.paragraph) for t in twins(other.claim.id))
            where[id(other)] = (other, frozenset(places), frozenset(s for s, _ in places))

    for p in pairs:
        prints(p.a, p.a)
        prints(p.b, p.b)
        if not p.diffs:
            prints(p.a, p.b)
            prints(p.b, p.a)

    # A quotation's printers grouped by their words (copies of a wire story print one
    # text hundreds of times): whether a run of words stands in them is asked once a text.
    Said = list[tuple[str, set[tuple[str, int]], set[str]]]
    said: dict[int, Said] = {}

    def by_text(ref: QuoteRef) -> Said:
        if id(ref) not in said:
            groups: dict[str, tuple[set[tuple[str, int]], set[str]]] = {}
            for x, at, by in printed[id(ref)].values():
                places, sources = groups.setdefault(_said(x), (set(), set()))
                places |= at
                sources |= by
            said[id(ref)] = [(text, at, by) for text, (at, by) in groups.items()]
        return said[id(ref)]

    def holding(
        ref: QuoteRef, around: list[tuple[str, ...]]
    ) -> tuple[set[tuple[str, int]], set[str]]:
        """Where the quotations printing ``ref`` hold those words: (source, paragraph)s
        and sources (set unions in C: a wire quote's places are hundreds)."""
        places: set[tuple[str, int]] = set()
        sources: set[str] = set()
        for text, at, by in by_text(ref):
            if any(_holds(text, w) for w in around):
                places |= at
                sources |= by
        return places, sources

    def apart(p: QuotePair) -> bool:
        places_a, in_a = holding(p.a, [_around(p.a, d.edit.a1, d.edit.a2) for d in p.diffs])
        places_b, in_b = holding(p.b, [_around(p.b, d.edit.b1, d.edit.b2) for d in p.diffs])
        both = in_a & in_b
        if not both:
            return False
        if len(places_a) == len(in_a) and len(places_b) == len(in_b):
            # One paragraph a source on each side: apart where the paragraphs differ.
            return len(both) > len(places_a & places_b)
        paragraphs: dict[str, set[int]] = defaultdict(set)
        for source, paragraph in chain(places_a, places_b):
            if source in both:
                paragraphs[source].add(paragraph)
        return any(len(n) > 1 for n in paragraphs.values())

    return [p for p in pairs if not p.diffs or not apart(p)]


def _around(ref: QuoteRef, i1: int, i2: int) -> tuple[str, ...]:
    """The words of a quotation where it differs from another, with a word either side."""
    return tuple(t.norm for t in ref.tokens[max(0, i1 - 1) : i2 + 1])


def _said(ref: QuoteRef) -> str:
    """A quotation's words, one space apart and around: a run of words is in it when
    its words so joined are (a search in C, not a slice a position)."""
    return f" {' '.join(t.norm for t in ref.tokens)} "


def _holds(said: str, words: tuple[str, ...]) -> bool:
    """``words`` stand together in the quotation ``said`` (``_said``)."""
    return f" {' '.join(words)} " in said if words else True


def _style_finding(
    ctx: Context, p: QuotePair, styled: list[Difference], alone: bool = True
) -> Finding:
    """The same words in two house styles: worth a note, not an alarm."""
    text_a, text_b = ctx.sources[p.a.claim.source].text, ctx.sources[p.b.claim.source].text
    texts = {p.a.claim.source: text_a, p.b.claim.source: text_b}
    spans = [s for s in (_compared(d, texts, p) for d in styled) if s]
    items = [
        evidence(p.a.claim, [side_span(p.a.tokens, a1, a2) for a1, a2, _b1, _b2 in spans]),
        evidence(p.b.claim, [side_span(p.b.tokens, b1, b2) for _a1, _a2, b1, b2 in spans]),
    ]
    if not alone:
        return _part(ctx.settings.quote_style, items)
    shown = "; ".join(
        f"'{_raw(text_a, p.a.tokens[a1:a2])}' / '{_raw(text_b, p.b.tokens[b1:b2])}'"
        for a1, a2, b1, b2 in spans[:4]
    )
    who = f" {p.a.speaker or p.b.speaker}" if (p.a.speaker or p.b.speaker) else ""
    message = (
        f"{p.a.claim.source} and {p.b.claim.source} quote{who} in different house styles: {shown}"
    )
    parts = [f"{d.a_text}|{d.b_text}" for d in styled]
    return make(
        MISQUOTE.name, ctx.settings.quote_style, message, items, ["style", *parts], ctx.settings
    )


def _part(severity: Severity, items: list[Evidence]) -> Finding:
    """A finding that is one part of a fact: its evidence and severity, no words of its
    own (``one_per_fact`` tells the fact)."""
    return Finding("", MISQUOTE.name, severity, "", tuple(items))


def _all_agree(others: list[QuoteRef], agree: set[frozenset[int]]) -> bool:
    return all(
        frozenset((id(x), id(y))) in agree for i, x in enumerate(others) for y in others[i + 1 :]
    ) and len({o.claim.source for o in others}) == len(others)


def _finding(
    ctx: Context, odd: QuoteRef | None, pairs: list[QuotePair], alone: bool = True
) -> Finding:
    highlights: dict[str, list[tuple[int, int]]] = defaultdict(list)
    claims: dict[str, Claim] = {}
    for p in pairs:
        first, second = _sides(p, odd)
        claims[first.claim.id], claims[second.claim.id] = first.claim, second.claim
    for first, second, fa, fb in _changes(pairs, odd):
        highlights[first.claim.id].append(side_span(first.tokens, *fa))
        highlights[second.claim.id].append(side_span(second.tokens, *fb))
    if odd is not None:
        ordered = [odd.claim] + [c for cid, c in claims.items() if cid != odd.claim.id]
    else:
        ordered = list(claims.values())
    items = [evidence(c, highlights[c.id]) for c in ordered]
    severity = _severity([d for p in pairs for d in p.diffs])
    if not alone:
        return _part(severity, items)
    key_parts = []
    shown: list[tuple[str, str]] = []
    seen_labels: set[tuple[str, str]] = set()
    for first, second, fa, fb in _changes(pairs, odd):
        text_first = side_text(ctx.sources[first.claim.source].text, first.tokens, *fa)
        text_second = side_text(ctx.sources[second.claim.source].text, second.tokens, *fb)
        key_parts.append(
            f"{text_first}|{text_second}" if odd else "|".join(sorted((text_first, text_second)))
        )
        label = (normalise(text_first), normalise(text_second))
        if label not in seen_labels:
            seen_labels.add(label)
            shown.append((text_first, text_second))
    speaker = shown_speaker(r.speaker for p in pairs for r in (p.a, p.b))
    who = f" {speaker}" if speaker else ""
    changes = "; ".join(
        f"'{x}' where {'they have' if odd else 'the other has'} '{y}'" for x, y in shown[:4]
    )
    if odd is not None:
        others = sorted({p.b.claim.source if p.a is odd else p.a.claim.source for p in pairs})
        message = f"{odd.claim.source} quotes{who} differently from {join_ids(others)}: {changes}"
    else:
        a, b = pairs[0].a, pairs[0].b
        message = f"{a.claim.source} and {b.claim.source} quote{who} differently: {changes}"
    return make(
        "misquote",
        severity,
        message,
        items,
        key_parts,
        ctx.settings,
        odd.claim.source if odd else None,
    )


Span = tuple[int, int]


def _sides(p: QuotePair, odd: QuoteRef | None) -> tuple[QuoteRef, QuoteRef]:
    """The pair's two quotations, the odd one first."""
    return (p.a, p.b) if odd is None or p.a is odd else (p.b, p.a)


def _changes(
    pairs: list[QuotePair], odd: QuoteRef | None
) -> Iterator[tuple[QuoteRef, QuoteRef, Span, Span]]:
    """Each difference of the pairs: the two quotations (the odd one first) and the
    tokens of each that differ."""
    for p in pairs:
        first, second = _sides(p, odd)
        for d in p.diffs:
            e = d.edit
            a, b = (e.a1, e.a2), (e.b1, e.b2)
            yield (first, second, a, b) if first is p.a else (first, second, b, a)
