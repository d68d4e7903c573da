"""Number, date, negation and attribution conflicts between claims of one fact.

Within a cluster, two claims are aligned word by word; a difference that
changes a number or amount, a weekday or date, or the count of negators is a
conflict. Relative dates ("yesterday") are not dates. The same quoted words
credited to two different named people is an attribution conflict.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz.distance import OSA, Indel

from factcheck.align.edits import Edit, changed, side_span, side_text, window
from factcheck.checks.context import Context
from factcheck.checks.frames import DURATION
from factcheck.claims.quotes import is_named, same_speaker
from factcheck.facts.frames import IMPLICIT_NEGATIVES
from factcheck.facts.statements import POSSIBLE, in_question, negations
from factcheck.findings import evidence, make, short
from factcheck.model import Claim, Finding, Kind, Severity
from factcheck.text.fold import fold_word, is_negator
from factcheck.text.numbers import (
    DAY_HALVES,
    ORDINAL_ENDS,
    TIME_ZONES,
    Quantity,
    clock_times,
    is_year,
    may_date,
    may_hold_number,
)

NUMBER = Kind(
    "conflict-number", Severity.HIGH, "A number, amount or count differs for the same fact."
)
DATE = Kind("conflict-date", Severity.MEDIUM, "A date or weekday differs for the same event.")
NEGATION = Kind("conflict-negation", Severity.HIGH, "One source affirms what another denies.")
ATTRIBUTION = Kind(
    "conflict-attribution", Severity.MEDIUM, "The same words are credited to different speakers."
)
KINDS = (NUMBER, DATE, NEGATION, ATTRIBUTION, DURATION)  # durations as numbers
# "Will not sell" against "may sell": decided against left open. Both can be true (a
# decision of today, a possibility one day), so it is low: an editor may want to know.
LEFT_OPEN = Severity.LOW


def _in(q_start: int, q_end: int, lo: int, hi: int) -> bool:
    return q_start < hi and lo < q_end


def _compatible(a: Quantity, b: Quantity) -> bool:
    """Two quantities that can count one thing: of one unit (or one with none); a tally
    ("92-6") only with a tally, whatever word follows it."""
    if (a.form == "tally") != (b.form == "tally"):
        return False
    return a.form == "tally" or a.unit == b.unit or not a.unit or not b.unit


def _same(a: Quantity, b: Quantity) -> bool:
    """One figure: the same number, range ("10-15") or tally ("92-6")."""
    return a.value == b.value and a.second == b.second


MIN_QUOTED = 8  # words: shorter quotations are common phrases, not one person's words
MAX_EDIT = 3  # words on a side: a conflict is a local change in an otherwise shared sentence
MIN_ANCHOR = 2  # equal words needed on each side of it


def local(
    edits: list[Edit],
    diffs: list[Edit],
    words_a: tuple[str, ...] = (),
    words_b: tuple[str, ...] = (),
) -> list[Edit]:
    """Changed edits small enough, and anchored by equal words either side, to be one change.

    An equal neighbour anchors when it has ``MIN_ANCHOR`` words or reaches the
    end of both claims; a change at the very start or end needs only one anchor. A word
    misspelt on one side (one letter added, dropped, changed or swapped) anchors as an
    equal word: a typo beside a changed date does not hide the change.
    """
    if not diffs:
        return []
    position = {id(e): i for i, e in enumerate(edits)}
    last = len(edits) - 1

    def alike(e: Edit) -> bool:
        return e.tag == "equal" or _typo(e, words_a, words_b)

    def anchored(i: int, step: int) -> bool | None:
        """None: no neighbour that way; else whether the neighbours anchor."""
        j, words = i + step, 0
        if not 0 <= j <= last:
            return None
        while 0 <= j <= last and alike(edits[j]):
            words += edits[j].a2 - edits[j].a1
            j += step
        if j == i + step:
            return False  # the next edit is another change
        return words >= MIN_ANCHOR or not 0 <= j <= last

    out = []
    for e in diffs:
        if max(e.a2 - e.a1, e.b2 - e.b1) > MAX_EDIT:
            continue
        i = position[id(e)]
        before, after = anchored(i, -1), anchored(i, 1)
        if before is not False and after is not False and (before or after):
            out.append(e)
    return out


def _typo(e: Edit, words_a: tuple[str, ...], words_b: tuple[str, ...]) -> bool:
    """One word for one, the same word misspelt ("theologiaans" / "theologians")."""
    if e.tag != "replace" or e.a2 - e.a1 != 1 or e.b2 - e.b1 != 1 or not words_a:
        return False
    x, y = words_a[e.a1], words_b[e.b1]
    return min(len(x), len(y)) >= 4 and x.isalpha() and y.isalpha() and OSA.distance(x, y) == 1


def run(ctx: Context) -> Iterator[Finding]:
    for a, b in ctx.cluster_pairs():
        if a.words == b.words:
            continue  # copies, the common case: nothing differs
        if not ctx.same_story(a.source, b.source):
            continue  # one shared sentence between long articles is boilerplate, not a story
        edits, changes, diffs = _aligned(ctx, a, b)
        yield from _figures(ctx, a, b, edits, changes, diffs)
        if diffs:
            yield from _negation(ctx, a, b, diffs, edits)
    yield from _attribution(ctx)


def _figures(
    ctx: Context, a: Claim, b: Claim, edits: list[Edit], changes: list[Edit], diffs: list[Edit]
) -> Iterator[Finding]:
    """The numbers and dates that differ between two claims of one fact."""
    tallies = _tally_edits(ctx, a, b, edits, diffs)
    if not diffs:
        yield from _moved_day(ctx, a, b, changes)
        yield from _number(ctx, a, b, tallies)
        return
    yield from _number(ctx, a, b, diffs + tallies)
    yield from _date(ctx, a, b, diffs)
    yield from _halves(ctx, a, b, diffs)


def _halves(ctx: Context, a: Claim, b: Claim, diffs: list[Edit]) -> Iterator[Finding]:
    """A time whose "a.m." became "p.m." ("10:30 a.m." / "10:30 p.m."): the changed word
    holds no digit, so the numbers' gate never sees it."""
    for e in diffs:
        if e.tag != "replace" or e.a2 - e.a1 != 1 or e.b2 - e.b1 != 1 or not e.a1 or not e.b1:
            continue
        x = DAY_HALVES.get(a.words[e.a1].rstrip("."))
        y = DAY_HALVES.get(b.words[e.b1].rstrip("."))
        if x and y and x != y and _times_in(a, e.a1 - 1, e.a1) and _times_in(b, e.b1 - 1, e.b1):
            yield _pair_finding(ctx, NUMBER.name, NUMBER.severity, a, b, e, "Times differ")


def _tally_edits(
    ctx: Context, a: Claim, b: Claim, edits: list[Edit], diffs: list[Edit]
) -> list[Edit]:
    """ "voted 9 to 4" / "voted 10 to 3": both counts of a tally written with "to" changed
    align as two replacements round the one shared "to", neither anchored on its own; as one
    replacement over the tally on each side, when that is a local change."""
    out = []
    for i in range(1, len(edits) - 1):
        e, before, after = edits[i], edits[i - 1], edits[i + 1]
        if e.tag != "equal" or e.a2 - e.a1 != 1 or before.tag != "replace":
            continue
        if after.tag != "replace" or before in diffs or after in diffs:
            continue
        counts = (a.words[before.a2 - 1], a.words[after.a1], b.words[before.b2 - 1])
        if not all(w.replace(",", "").isdigit() for w in (*counts, b.words[after.b1])):
            continue  # no count on each side of the shared word: no tally changed
        merged = Edit("replace", before.a1, after.a2, before.b1, after.b2)
        tally_a = [q for q in ctx.quantities(a) if q.form == "tally" and _in_edit(q, e, "a")]
        tally_b = [q for q in ctx.quantities(b) if q.form == "tally" and _in_edit(q, e, "b")]
        if not tally_a or not tally_b:
            continue
        around = [*edits[: i - 1], merged, *edits[i + 2 :]]
        out.extend(local(around, [merged], a.words, b.words))
    return out


def _in_edit(q: Quantity, e: Edit, side: str) -> bool:
    """The tally ``q`` holds the shared word of ``e`` (the "to" of "9 to 4")."""
    lo, hi = (e.a1, e.a2) if side == "a" else (e.b1, e.b2)
    return q.start <= lo and hi <= q.end


def negation_aligned(ctx: Context, a: Claim, b: Claim) -> bool:
    """Whether this check finds a negation between two claims of one fact (a negator
    added or dropped in a local change): the across check leaves those to it. Not
    between sources of two stories, which this check never compares."""
    if not ctx.same_story(a.source, b.source):
        return False
    edits, _changes, diffs = _aligned(ctx, a, b)
    return bool(diffs) and any(True for _ in _negation(ctx, a, b, diffs, edits))


def figure_aligned(ctx: Context, a: Claim, b: Claim) -> bool:
    """Whether this check finds a number or a date differing between two claims of one
    fact (in a local change): the across check compares the figures of the others,
    whose change has no equal words close either side ("in six counties and said" /
    "in four counties, adding")."""
    if not ctx.same_story(a.source, b.source):
        return False
    return any(True for _ in _figures(ctx, a, b, *_aligned(ctx, a, b)))


def _aligned(ctx: Context, a: Claim, b: Claim) -> tuple[list[Edit], list[Edit], list[Edit]]:
    """The edits where two claims run side by side, those that change words, and the
    local ones among them; judged on the folded words (token objects only for a finding)."""
    edits = window(ctx.alignment(a, b))
    changes = changed(a.words, b.words, edits)
    return edits, changes, local(edits, changes, a.words, b.words)


def _pair_finding(
    ctx: Context, kind: str, severity: Severity, a: Claim, b: Claim, e: Edit, what: str
) -> Finding:
    tokens_a, tokens_b = a.tokens, b.tokens
    span_a = side_span(tokens_a, e.a1, e.a2)
    span_b = side_span(tokens_b, e.b1, e.b2)
    text_a = side_text(ctx.sources[a.source].text, tokens_a, e.a1, e.a2)
    text_b = side_text(ctx.sources[b.source].text, tokens_b, e.b1, e.b2)
    message = (
        f"{what}: {a.source} says '{short(text_a, 60)}', {b.source} says '{short(text_b, 60)}'"
    )
    return make(
        kind,
        severity,
        message,
        [evidence(a, [span_a]), evidence(b, [span_b])],
        [text_a, text_b],
        ctx.settings,
    )


def _replaced(
    a: Claim, b: Claim, diffs: list[Edit], test: Callable[[list[str]], bool]
) -> list[Edit]:
    """The replacements whose words on both sides pass ``test``: a cheap gate before
    the claims' numbers or dates are parsed."""
    return [
        e
        for e in diffs
        if e.tag == "replace"
        and test(list(a.words[e.a1 : e.a2]))
        and test(list(b.words[e.b1 : e.b2]))
    ]


def _number(ctx: Context, a: Claim, b: Claim, diffs: list[Edit]) -> Iterator[Finding]:
    diffs = _replaced(a, b, diffs, may_hold_number)
    if not diffs:
        return
    qa_all, qb_all = ctx.quantities(a), ctx.quantities(b)
    for e in diffs:  # replacements: words on both sides
        qa = [q for q in qa_all if _in(q.start, q.end, e.a1, e.a2)]
        qb = [q for q in qb_all if _in(q.start, q.end, e.b1, e.b2)]
        if not qa or not qb:
            if _year_for_number(a.words[e.a1 : e.a2], qa, b.words[e.b1 : e.b2], qb):
                yield _pair_finding(ctx, NUMBER.name, NUMBER.severity, a, b, e, "Numbers differ")
            elif _times_differ(a, b, e):
                yield _pair_finding(ctx, NUMBER.name, NUMBER.severity, a, b, e, "Times differ")
            continue
        if any(_same(x, y) for x in qa for y in qb):
            continue
        comparable = [(x, y) for x in qa for y in qb if _compatible(x, y)]
        if not comparable:
            continue
        if any(_agree(a, x, b, y) for x, y in comparable):
            continue  # "about 300" and "312", "more than 40" and "45": both may be true
        rounded = all(
            not x.form and not y.form and _rounded(x.value, y.value) for x, y in comparable
        )
        # A count of time that differs is a duration conflict, as grave as any number.
        timed = any(q.unit in _TIME and q.form != "tally" for q in qa + qb)
        kind = DURATION.name if timed else NUMBER.name
        if rounded:
            yield _pair_finding(ctx, kind, ROUNDED, a, b, e, "One figure is the other rounded")
        else:
            yield _pair_finding(ctx, kind, NUMBER.severity, a, b, e, "Numbers differ")


def _times_differ(a: Claim, b: Claim, e: Edit) -> bool:
    """A time of day in the edit on each side, and none of them the same ("4:57 p.m." /
    "5:27 p.m."; "6:41 pm" / "18:41" is one time). One time told in two zones ("3:30
    p.m." in New Orleans, "4:30 p.m. ET" in a national paper) is whole hours apart, with
    a zone named right after one of them and not the same one after the other."""
    ta = _times_in(a, e.a1, e.a2)
    tb = _times_in(b, e.b1, e.b2)
    if not ta or not tb or {m for m, _z in ta} & {m for m, _z in tb}:
        return False
    return not any((x - y) % 60 == 0 and (zx or zy) and zx != zy for x, zx in ta for y, zy in tb)


def _times_in(claim: Claim, lo: int, hi: int) -> set[tuple[int, str]]:
    """The times of day that overlap tokens ``lo``..``hi``, each with the zone named
    right after it ("" for none)."""
    tokens = claim.tokens
    out = set()
    for i, j, minutes in clock_times(tokens, claim.text, claim.start):
        if i < hi and j > lo:
            zone = tokens[j].norm if j < len(tokens) and tokens[j].norm in _ZONES else ""
            out.add((minutes, zone))
    return out


# Right after a time, "CT" and "MT" are zones too (alone, a state or "Mt.").
_ZONES = TIME_ZONES | {"ct", "mt"}


def _year_for_number(
    words_a: tuple[str, ...], qa: list[Quantity], words_b: tuple[str, ...], qb: list[Quantity]
) -> bool:
    """A year on one side ("in 1882") where the other has a plain number that cannot be
    one ("in 3771", "in 2102"): the figure was changed, though only one side counts. An
    ordinal ("the 31st Film Awards") names the same occasion another way."""
    for words, numbers, other in ((words_a, qb, words_b), (words_b, qa, words_a)):
        if (
            any(map(is_year, words))
            and not any(map(is_year, other))
            and any(
                q.unit not in _NOT_YEARS and q.unit not in ORDINAL_ENDS and q.value == int(q.value)
                for q in numbers
            )
        ):
            return True
    return False


_NOT_YEARS = frozenset({"$", "€", "£", "%"})
ROUNDED = Severity.LOW  # "$2.47 billion" and "$2.5 billion": a precise figure and its round form
CARRIED = 0.05  # how far a figure rounded up into the next power of ten may be from it
NEAR = 0.1  # an approximate figure ("about", "nearly") allows this much either way
_ABOUT = frozenset("about around roughly nearly almost approximately some estimated circa".split())
_ABOVE = frozenset({("more", "than"), ("over",), ("at", "least"), ("above",), ("upward", "of")})
_BELOW = frozenset({("less", "than"), ("fewer", "than"), ("under",), ("up", "to"), ("below",)})


def _hedge(claim: Claim, q: Quantity) -> str:
    """How the claim qualifies the figure: "about", "above", "below" or ""."""
    before = claim.words[max(0, q.start - 2) : q.start]
    if before and before[-1] in _ABOUT:
        return "about"
    if _plus(claim, q):
        return "above"  # "$2 billion+": a lower bound
    for n in (1, 2):
        tail = tuple(before[-n:]) if len(before) >= n else ()
        if tail in _ABOVE:
            return "above"
        if tail in _BELOW:
            return "below"
    return ""


def _plus(claim: Claim, q: Quantity) -> bool:
    """The figure is written with a plus sign after it ("$2 billion+", "1,000+")."""
    end = claim.tokens[max(q.start, q.end - 1)].end - claim.start
    return claim.text[end : end + 1] == "+"


def _agree(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """Two figures that can both be true: one is approximate and near the other, or a
    bound ("more than 40") that the other ("45") keeps; not two figures hedged alike. A
    range ("10-15") keeps a number inside it; a tally ("92-6") agrees only with itself."""
    if x.form == "tally" or y.form == "tally":
        return False
    if x.form == "range" or y.form == "range":
        return _within(a, x, b, y)
    hedges = _hedge(a, x), _hedge(b, y)
    if hedges[0] == hedges[1] != "about":
        return False  # "at least 40" and "at least 87": two bounds, two different reports
    for hedge, q, other in ((hedges[0], x, y), (hedges[1], y, x)):
        if hedge == "about" and abs(q.value - other.value) <= NEAR * max(q.value, other.value):
            return True
        if hedge == "above" and other.value > q.value:
            return True
        if hedge == "below" and other.value < q.value:
            return True
    return False


def _within(a: Claim, x: Quantity, b: Claim, y: Quantity) -> bool:
    """A range and a number that it keeps: inside it ("8-12" and "10"), or a bound that
    reaches into it ("more than 10" and "8-12"). Two different ranges do not agree."""
    if x.form == "range" and y.form == "range":
        return False
    (r, _), (q, claim) = ((x, a), (y, b)) if x.form == "range" else ((y, b), (x, a))
    low, high = r.value, r.value if r.second is None else r.second
    hedge = _hedge(claim, q)
    if hedge == "about":
        return low * (1 - NEAR) <= q.value <= high * (1 + NEAR)
    if hedge == "above":
        return q.value < high
    if hedge == "below":
        return q.value > low
    return low <= q.value <= high


def _rounded(x: float, y: float) -> bool:
    """One figure is the other rounded to its own last digit ("2.47" and "2.5", "1,250" and
    "1,300"), not merely near it."""
    if x == y or not x or not y:
        return False
    rough, exact = (x, y) if _digits(x) <= _digits(y) else (y, x)
    step = Decimal(1).scaleb(-_places(rough))
    half_up = Decimal(repr(exact)).quantize(step, rounding=ROUND_HALF_UP)
    if half_up != Decimal(repr(rough)) or _digits(rough) >= _digits(exact):
        return False
    # Rounded up into the next power of ten ("92" to "100"), a figure is off by more than
    # its rounding usually allows: only a figure near the round one ("96", "9.7 million")
    # is written so.
    carried = _written(rough).adjusted() > _written(exact).adjusted()
    return not carried or abs(rough - exact) <= CARRIED * abs(rough)


def _digits(v: float) -> int:
    """Significant digits of a figure as written (2.5 → 2, 1300 → 2, 2.47 → 3, 1.2
    trillion → 2): read from its decimal form, never from an exponent ("1.2e+12")."""
    return max(1, len(_written(v).as_tuple().digits))


def _places(v: float) -> int:
    """Decimal places of ``v``'s last significant digit (2.5 → 1, 1300 → -2, 1 trillion →
    -12)."""
    exponent = _written(v).as_tuple().exponent
    assert isinstance(exponent, int)  # a finite figure
    return -exponent


def _written(v: float) -> Decimal:
    """The figure as a decimal with no trailing zeros: 1300 → 1.3E+3, 2.50 → 2.5."""
    return Decimal(repr(abs(v))).normalize()


_TIME = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}


def _date(ctx: Context, a: Claim, b: Claim, diffs: list[Edit]) -> Iterator[Finding]:
    diffs = _replaced(a, b, diffs, lambda words: may_date(words, " ".join(words)))
    if not diffs:
        return
    da_all, db_all = ctx.dates(a), ctx.dates(b)
    for e in diffs:
        da = [x for x in da_all if _in(x.start, x.end, e.a1, e.a2)]
        db = [x for x in db_all if _in(x.start, x.end, e.b1, e.b2)]
        for x in da:
            for y in db:
                if x.kind == y.kind and x.value != y.value:
                    severity = DATE.severity
                    if x.kind == "weekday" and not _same_day_told(ctx, a, b):
                        severity = UNDATED_DAY
                    yield _pair_finding(ctx, DATE.name, severity, a, b, e, "Dates differ")
                    return


# A weekday that two undated articles' own sentences tell differently is as often two
# days of a story told over several (the act, the statement, the charges) or two like
# events years apart: low. A copy that changed the day, or two dated reports, is medium.
UNDATED_DAY = Severity.LOW
COPY_LIKENESS = 0.9  # share of a sentence's words (Indel) that a copy keeps


def _same_day_told(ctx: Context, a: Claim, b: Claim) -> bool:
    """Both articles are dated, or one sentence is a copy of the other."""
    if ctx.sources[a.source].date and ctx.sources[b.source].date:
        return True
    return Indel.normalized_similarity(a.words, b.words) >= COPY_LIKENESS


def _moved_day(ctx: Context, a: Claim, b: Claim, changes: list[Edit]) -> Iterator[Finding]:
    """ "on 3 June" / "on June 4": the day and month in another order align as a deletion
    and an insertion around the month, which no single edit holds; the days they write
    are compared instead."""
    small = [e for e in changes if max(e.a2 - e.a1, e.b2 - e.b1) <= 1]
    if not small or len(small) > 2:
        return
    da = [
        x
        for x in ctx.dates(a)
        if x.kind == "day" and any(_in(x.start, x.end, e.a1, e.a2) for e in small)
    ]
    db = [
        y
        for y in ctx.dates(b)
        if y.kind == "day" and any(_in(y.start, y.end, e.b1, e.b2) for e in small)
    ]
    for x in da:
        for y in db:
            if x.value != y.value:
                e = Edit("replace", x.start, x.end, y.start, y.end)
                yield _pair_finding(ctx, DATE.name, DATE.severity, a, b, e, "Dates differ")
                return


def _negation(
    ctx: Context, a: Claim, b: Claim, diffs: list[Edit], edits: list[Edit]
) -> Iterator[Finding]:
    sides = [(a.words[e.a1 : e.a2], b.words[e.b1 : e.b2]) for e in diffs]
    if not any(map(is_negator, (w for pair in sides for side in pair for w in side))):
        return  # no change touches a negator
    lo_a, hi_a = edits[0].a1, edits[-1].a2
    lo_b, hi_b = edits[0].b1, edits[-1].b2
    if negations(a.words, lo_a, hi_a) == negations(b.words, lo_b, hi_b):
        return  # a negator moved, not added or dropped
    if _denied(a.words) == _denied(b.words):
        return  # "Ortiz never recovered from ..." / "... and Ortiz never recovered"
    for e, (wa, wb) in zip(diffs, sides, strict=True):
        if not IMPLICIT_NEGATIVES.isdisjoint((*wa, *wb)):
            continue  # "will not sell" / "bans": the same polarity in other words
        if _repeated(a.words, e.a1, e.a2) or _repeated(b.words, e.b1, e.b2):
            continue  # "we will not, we will not stand": a phrase said twice, one denial
        if in_question(a.words, e.a1) or in_question(b.words, e.b1):
            continue  # "to know which have not been": asked about, not denied
        no_a, no_b = negations(a.words, e.a1, e.a2), negations(b.words, e.b1, e.b2)
        if no_a != no_b and _object_changed(edits, e, a, b):
            continue  # "never checked into X" / "checked into Y": another place, no denial
        if no_a != no_b:
            yes = wa if no_a < no_b else wb
            if not POSSIBLE.isdisjoint(yes):  # "will not sell" / "may sell"
                what, severity = "One rules out what the other leaves open", LEFT_OPEN
            else:
                what, severity = "One affirms what the other denies", NEGATION.severity
            yield _pair_finding(ctx, NEGATION.name, severity, a, b, e, what)
            return


OBJECT_WORDS = 2  # equal words after a denial before its object: "checked into" X


def _object_changed(edits: list[Edit], e: Edit, a: Claim, b: Claim) -> bool:
    """The words right after a denied verb ("never checked into") are followed by a name
    the other claim does not hold (the object: "Morningside" / "the Betty Ford"): the two
    claims deny and affirm the action of different things."""
    at = next((i for i, x in enumerate(edits) if x is e), -1)
    if at < 0 or at + 2 >= len(edits):
        return False
    run, after = edits[at + 1], edits[at + 2]
    if run.tag != "equal" or run.a2 - run.a1 > OBJECT_WORDS or after.tag == "equal":
        return False
    for claim, other, lo, hi in ((a, b, after.a1, after.a2), (b, a, after.b1, after.b2)):
        if any(t.text[:1].isupper() and t.norm not in other.words for t in claim.tokens[lo:hi]):
            return True
    return False


def _denied(words: tuple[str, ...]) -> Counter[str]:
    """The word after each negator of a claim ("" at its end): the same denials in
    another order of the sentence deny the same."""
    return Counter(
        words[i + 1] if i + 1 < len(words) else ""
        for i in range(len(words))
        if is_negator(words[i]) and negations(words, i, i + 1)
    )


def _repeated(words: tuple[str, ...], i: int, j: int) -> bool:
    """The words ``words[i:j]`` (one side of an insertion) make a phrase said twice in a
    row, as speakers repeat themselves ("we will not, we will not stand")."""
    n = j - i
    if n == 0:
        return False
    return any(
        words[s : s + n] == words[s + n : s + 2 * n]
        for s in range(max(0, i - n), i + 1)
        if s + 2 * n <= len(words)
    )


def _attribution(ctx: Context) -> Iterator[Finding]:
    for p in ctx.quote_pairs:
        if same_speaker(p.a.speaker, p.b.speaker) is not False:
            continue
        if not (is_named(p.a.speaker) and is_named(p.b.speaker)):
            continue
        if not (p.a.confident and p.b.confident):
            continue  # only attributions written right beside the quotes are compared
        if p.share < 0.9 or p.diffs or min(len(p.a.tokens), len(p.b.tokens)) < MIN_QUOTED:
            continue
        a, b = p.a.claim, p.b.claim
        if _names_outside(b, p.a.speaker) or _names_outside(a, p.b.speaker):
            continue  # "said Harbour District engineer Tomas Weller": both named
        message = (
            f"The same words are credited to {p.a.speaker} in {a.source} "
            f"and to {p.b.speaker} in {b.source}"
        )
        yield make(
            ATTRIBUTION.name,
            ATTRIBUTION.severity,
            message,
            [evidence(a, [(p.a.start, p.a.end)]), evidence(b, [(p.b.start, p.b.end)])],
            [p.a.speaker or "", p.b.speaker or "", " ".join(t.norm for t in p.a.tokens)],
            ctx.settings,
        )


ATTRIBUTION_WORDS = 8  # words either side of a quotation that its attribution holds


def _names_outside(claim: Claim, speaker: str | None) -> bool:
    """The attribution of a quotation of ``claim`` (the words right before or after it)
    names ``speaker`` (its last word, a surname): it names both people, or one of them
    with a title or a place beside ("said Harbour District engineer Tomas Weller")."""
    if not speaker:
        return False
    surname = fold_word(speaker.split()[-1]).lower()
    tokens = claim.tokens
    for q in claim.quotes:
        inside = [k for k, t in enumerate(tokens) if q.start <= t.start < q.end]
        if not inside:
            continue
        before = tokens[max(0, inside[0] - ATTRIBUTION_WORDS) : inside[0]]
        after = tokens[inside[-1] + 1 : inside[-1] + 1 + ATTRIBUTION_WORDS]
        if any(t.norm == surname for t in (*before, *after)):
            return True
    return False
