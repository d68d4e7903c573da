"""Claims: the sentences of a source that state something, with their quotes."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from factcheck.claims.boilerplate import is_boilerplate
from factcheck.claims.quotes import QuoteSpan, find_quotes
from factcheck.claims.segment import MAX_SENTENCE, Span, sentences
from factcheck.model import Claim, Quote, Source
from factcheck.text.fold import fold_text, shared, word_forms
from factcheck.text.markers import has_markers, markers, outside

if TYPE_CHECKING:
    from factcheck.runtime.forking import Workers

_TERMINAL = re.compile(r"[.!?]['\"”’)]*$")


def extract(
    source: Source, first_id: int = 0, seen: dict[str, Written] | None = None
) -> list[Claim]:
    """Claims of one source, numbered from ``first_id`` (``seen``: see ``_claims``)."""
    return _claims(source, _found(source.text), first_id, seen=seen)


QuoteFields = tuple[int, int, str | None, bool, bool]  # a ``Quote``'s fields, in order


class Found(NamedTuple):
    """What a worker finds of one claim. A named tuple: it crosses a process boundary
    several times faster than a frozen dataclass (unpickled field by field)."""

    start: int
    end: int
    words: tuple[str, ...]
    quotes: tuple[QuoteFields, ...]
    headline: bool
    paragraph: int


def _found(text: str) -> list[Found]:
    spans = sentences(text)
    quotes = find_quotes(text)
    out: list[Found] = []
    headline_span = _headline(text, spans)
    if has_markers(text):
        spans, headline_span = _around_markers(text, spans, headline_span)
    for span in spans:
        if span.end - span.start > MAX_SENTENCE:
            continue
        raw = text[span.start : span.end]
        words, forms = word_forms(raw)
        headline = span is headline_span
        if is_boilerplate(raw, forms, headline):
            continue
        clipped = _clip(quotes, span)
        out.append(Found(span.start, span.end, words, clipped, headline, span.paragraph))
    return out


def _around_markers(
    text: str, spans: list[Span], headline: Span | None
) -> tuple[list[Span], Span | None]:
    """Sentences with the suppression markers cut out: a marker is never a claim, nor
    part of one (the offsets of what is left are unchanged)."""
    marks = markers(text)
    if not marks:
        return spans, headline
    out = []
    for span in spans:
        pieces = outside(text, span.start, span.end, marks)
        if len(pieces) == 1 and pieces[0] == (span.start, span.end):
            out.append(span)
            continue
        kept = [Span(s, e, span.paragraph) for s, e in pieces]
        if span is headline and kept:
            headline = kept[0]
        out.extend(kept)
    return out, headline if headline in out else None


Written = tuple[str, tuple[str, ...]]  # a claim's text and words


def _claims(
    source: Source,
    found: list[Found],
    first_id: int,
    sent: bool = False,
    seen: dict[str, Written] | None = None,
) -> list[Claim]:
    """``sent``: the words came from a worker, as strings of their own. ``seen``: the
    texts met so far, so that the copies of a sentence (nearly half the claims of a
    corpus of outlets) hold one text and one tuple of its words, not one a claim."""
    text, sid = source.text, source.id
    share = shared if sent else tuple
    out = []
    for k, (start, end, words, quotes, headline, paragraph) in enumerate(found):
        piece = text[start:end]
        same = seen.get(piece) if seen is not None else None
        if same is None:
            same = (piece, share(words))  # the words follow from the text
            if seen is not None:
                seen[piece] = same
        out.append(
            Claim(
                f"c{first_id + k}",
                sid,
                start,
                end,
                *same,
                tuple(Quote(*q) for q in quotes) if quotes else (),
                headline,
                paragraph,
            )
        )
    return out


def _headline(text: str, spans: list[Span]) -> Span | None:
    """The first line is the title when it stands alone and is not a paragraph of prose."""
    if not spans:
        return None
    first = spans[0]
    same_para = [s for s in spans if s.paragraph == first.paragraph]
    if len(same_para) > 1:
        return None
    line = text[first.start : first.end]
    if _TERMINAL.search(line) and len(line.split()) > 25:
        return None
    return first


def _clip(quotes: list[QuoteSpan], span: Span) -> tuple[QuoteFields, ...]:
    """The fields of a ``Quote`` for each quotation that reaches into ``span``."""
    out: list[QuoteFields] = []
    for q in quotes:
        s, e = max(q.start, span.start), min(q.end, span.end)
        if e - s >= 2:
            out.append((s, e, q.speaker, q.confident, q.inferred))
    return tuple(out)


def drop_repeated_lines(claims: list[Claim], n_sources: int) -> list[Claim]:
    """Template lines (the same short words in many sources) are site furniture, not
    claims; but where the sources that print a line print most of their text word for
    word alike, they are one story reprinted (a wire story in a hundred outlets), and its
    short sentences are claims like any other."""
    if n_sources < 8:
        return claims
    limit = template_share(n_sources)
    keys = [fold_text(c.text).lower() for c in claims]
    holders: dict[str, set[str]] = defaultdict(set)
    short: set[str] = set()
    for c, key in zip(claims, keys, strict=True):
        holders[key].add(c.source)
        if len(c.words) <= TEMPLATE_WORDS:
            short.add(key)
    # Each source's share of words in lines that ``limit`` sources or more print.
    copied: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for c, key in zip(claims, keys, strict=True):
        total[c.source] += len(c.words)
        if len(holders[key]) >= limit:
            copied[c.source] += len(c.words)
    reprinted = {s for s, n in total.items() if n and copied[s] >= REPRINT_SHARE * n}
    furniture = {
        key
        for key in short
        if len(who := holders[key]) >= limit and 2 * len(who & reprinted) < len(who)
    }
    return [c for c, key in zip(claims, keys, strict=True) if key not in furniture]


REPRINT_SHARE = 0.5  # of a source's words in widely printed lines: a reprint, not furniture


def template_share(n_sources: int) -> int:
    """Sources that must print a short line word for word for it to be site furniture."""
    return max(5, n_sources // 10)


TEMPLATE_WORDS = 25  # template lines (subscribe, share, credits) are short


def extract_all(
    sources: Iterable[Source],
    jobs: int = 1,
    say: Callable[..., None] | None = None,
    workers: Workers | None = None,
) -> list[Claim]:
    """Claims of every source, numbered in input order; ``jobs`` > 1 splits the work
    (over ``workers`` when given);
    ``say(stage, done, total)`` hears how many sources are done."""
    sources = list(sources)
    claims: list[Claim] = []
    tell = say or (lambda *_args: None)
    seen: dict[str, Written] = {}
    if jobs <= 1 or len(sources) < PARALLEL_FROM:
        for n, source in enumerate(sources):
            claims.extend(extract(source, len(claims), seen))
            if n % 64 == 63:
                tell("claims: sources", n + 1, len(sources))
        tell("claims: sources", len(sources), len(sources))
        return claims
    if workers is None:
        from factcheck.runtime.forking import Workers

        with Workers(min(jobs, len(sources))) as own:
            return extract_all(sources, jobs, say, own)
    # Each range of sources goes to a worker as its texts, and plain tuples come back,
    # made into claims here, numbered in order, while the workers go on.
    size = max(1, min(RANGE_MAX, len(sources) // (jobs * 8)))
    ranges = [(i, min(i + size, len(sources))) for i in range(0, len(sources), size)]
    texts = ([s.text for s in sources[lo:hi]] for lo, hi in ranges)
    for (lo, hi), part in zip(ranges, workers.map(_found_all, texts), strict=True):
        for source, found in zip(sources[lo:hi], part, strict=True):
            claims.extend(_claims(source, found, len(claims), sent=True, seen=seen))
        tell("claims: sources", hi, len(sources))
    return claims


PARALLEL_FROM = 200  # sources; fewer are quicker in one process
# Sources a task at most: a worker keeps the memory of its largest task (a 100,000-source
# run's ranges of 6,250 left each worker holding a quarter of a gigabyte).
RANGE_MAX = 256


def _found_all(texts: list[str]) -> list[list[Found]]:
    return [_found(text) for text in texts]
