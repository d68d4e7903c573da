"""Figures, dates and statements compared across different sentences of one story.

The conflicts check compares claims whose whole sentences are alike; outlets that
write their own sentences state the same figure or date in other words, and those
are compared here. A mention (``facts.mentions``) is matched with the mention of
another source that is about the same thing: a figure with a figure of the same unit
that counts the same noun, a time with a time; the two sentences not one cluster;
their clauses sharing rare words (the actor, the action, a name, another figure of
the sentence) weighed by rarity in English. A pair is compared only when each is the
other's best match and the second source does not also state the first's reading in
a context nearly as alike, or anywhere for a figure of a counted noun (then the two
readings are two facts: a whole and its part), unless that context
lacks a modifier both compared sentences give the thing ("junior league final" /
"league finals": another thing). Compatible readings are not conflicts: an estimate
near the other figure, a bound the other keeps, a figure and its rounded form (low),
a weekday and the date it falls on, relative dates ("last week") whose days overlap
once each is dated by its own article. A sum of money or a rate with no counted noun
("$1 million, the group said") is matched by its context alone, so more strictly: the
one sum of its sentence, near the other (a quarter), over the same span, in reports a
day apart at most. A mention both sources print in one sentence is agreed, no reading
of another sentence's fact. A person's age is matched by the name ("Keane, 52," against
"the 54-year-old Keane").
Statements (``facts.statements``) are matched the same way, by their action's verb and
what it is done to: one denying what the other affirms is a negation conflict, one
denying what the other leaves open ("may sell") a low one; a speaker's claim reported
in a sentence is not the outlet's, and two times or voices are not compared.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from factcheck.checks.conflicts import (
    DATE,
    LEFT_OPEN,
    NEAR,
    NEGATION,
    NUMBER,
    ROUNDED,
    UNDATED_DAY,
    _rounded,
    figure_aligned,
    negation_aligned,
)
from factcheck.checks.context import Context
from factcheck.checks.frames import DURATION
from factcheck.facts.frames import DETERMINERS
from factcheck.facts.mentions import (
    CALENDAR,
    CLAUSE_BREAK,
    OTHER_TIME,
    Age,
    Figure,
    When,
    ages,
    context,
    days_apart,
    figures,
    gap,
    may_time,
    singular,
    stem,
    weight,
    whens,
)
from factcheck.facts.statements import (
    Statement,
    action_of,
    denials,
    may_deny,
    readings,
    statements,
    verb_base,
)
from factcheck.findings import evidence, join_ids, make, short
from factcheck.model import Claim, Finding, Severity
from factcheck.text.fold import Token
from factcheck.text.numbers import (
    MONTH_ABBR,
    MONTHS,
    TIME_UNITS,
    WEEKDAYS,
    date_parts,
    is_year,
    may_count,
    number_value,
    tally_words,
)

KINDS = (NUMBER, DATE, NEGATION, DURATION)
SEVERITY = Severity.MEDIUM  # matched by what they are about, not by one shared sentence
# A relative span ("last week", "last month") is info: what it dates is often a clause
# away ("resigned last year amid an inquiry", "subpoenas over the closure last year");
# read by hand on the real BASIL events, 1 of 5 such findings was a real inconsistency.
# Both articles dated, spans that cannot meet, and a figure both sentences state alike
# in a dated clause ("exhausted in 2036"): one report dated twice, told at medium.
RELATIVE = Severity.INFO
# The weight of the rare words two mentions' contexts share, and how many words at the
# least: a figure is matched by its counted noun first, a time only by its context.
# An amount of money or a rate with no counted noun ("$1 million, the group said", "rose
# to 7.4 percent") is matched by its context alone, as strictly as a time.
# A tally ("passed 92-6") counts no noun: it is matched by its context, a name among it
# (the body that voted, the team that won: what the tally is of).
# A story that tells more figures of one kind (a unit and what it counts) than this, in
# other sentences, tells several facts of that kind (a football game's yards, a disaster's
# tolls of places and years): which two are one fact is told less surely by context
# words, and such findings are low. On ECB+ (long stories of many facts) 19 of 20 number
# findings judged by hand were two facts of one topic; the three-outlet BASIL and NeuS
# events' number findings tell two or three values of a kind.
CROWDED = 3
MIN_SCORE = {"figure": 2.5, "amount": 6.0, "time": 6.0, "statement": 6.0, "tally": 2.0}
MIN_SHARED = {"figure": 1, "amount": 2, "time": 2, "statement": 2, "tally": 1}
CURRENCIES = frozenset(("$", "€", "£", "%"))  # the units of sums (and rates)
CONFIRMED = 0.5  # a compatible reading this alike (of the best) in the other source: two facts
MAX_RATIO = 3.0  # figures further apart than this count different things
# Sums of one story that are further apart than this are other sums (a part, a total,
# another year's), as BASIL and AllSides stories of budgets show; one sum misreported
# is near the other ("$1.2 billion" against "$1.3 billion").
AMOUNT_RATIO = 1.25
# Tallies whose totals (for and against) are further apart than this are votes of other
# bodies (a House and a Senate, a committee and the floor) or other games.
TALLY_RATIO = 1.5
TALLY = ("tally", "")  # the group of a story's tallies, compared only with each other
MAX_MENTIONS = 400  # of one kind in one story: more are a roundup, not one story's facts
TOPIC_SHARE = 0.2  # of a story's claims: a word used by more is the story's topic
ABOUT = 3  # words named in a message as what the fact is about
_DENIED = "One source denies what another affirms"
_LEFT_OPEN = "One source rules out what another leaves open"


@dataclass(slots=True)
class _Mention:
    """A figure, a time or a statement with its claim and the words it is about."""

    fact: Figure | When | Statement
    claim: Claim
    about: dict[str, float]
    forms: dict[str, str]  # stem → the word as written, for messages
    published: dt.date | None  # the article's date
    names: frozenset[str]  # stems of the words written capitalised inside the sentence
    near: frozenset[str]  # stems of the mention's clause
    topic: frozenset[str] = frozenset()  # context words of the whole story, set by the story
    amount: bool = False  # a sum of money matched by its context, whatever it is spent on
    within: bool = False  # compared only with a claim of its own cluster (a length of time)
    crowded: bool = False  # the story tells many figures of its kind: matched less surely
    dated: frozenset[str] = frozenset()  # a time's own noun ("a Tuesday letter"): _dated


# Two mentions' readings: "same" (compatible), "rounded", "differ", "" (not comparable).
Agree = Callable[["_Mention", "_Mention"], str]


def run(ctx: Context) -> Iterator[Finding]:
    cluster_of = {c: k.id for k in ctx.clusters for c in k.claims}
    figs: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    times: list[_Mention] = []
    dated = ctx.published
    # The copies of a sentence (most claims of a story of copies) hold the same
    # mentions: each text is read once, its mentions moved to each copy.
    read: dict[tuple[str, dt.date | None], tuple[Claim, list[_Found]]] = {}
    for claim in ctx.claims:
        day = dated[claim.source]
        key = (claim.text, day)
        if key not in read:
            read[key] = (claim, _read(claim, day))
        first, found = read[key]
        for of, m in found:
            if first is not claim:
                m = _moved(m, first, claim)
            if of is None:
                times.append(m)
            else:
                figs[of].append(m)
    story = _Words(ctx.claims)
    _story_names(story, [m for group in figs.values() for m in group] + times)
    _story_topic(story, times)
    for of_what, group in figs.items():
        if len({m.fact.value for m in group if isinstance(m.fact, Figure)}) > CROWDED:
            for m in group:
                m.crowded = True
        agree = _amounts_agree if not of_what[1] else _figures_agree
        agree = _tallies_agree if of_what == TALLY else agree
        yield from _compare(ctx, group, cluster_of, agree)
    yield from _compare(ctx, times, cluster_of, _times_agree)
    for group in _said(ctx.claims, story, dated).values():
        yield from _compare(ctx, group, cluster_of, _statements_agree)
    yield from _ages(ctx, cluster_of, dated)


# Outlets' ages of one person differ by a birthday or a stale record; ages further apart
# are two people of one name (a father and a son, a suspect and a deputy).
MAX_AGE_GAP = 3
AGE_DAYS = 31  # reports further apart than this may be either side of a birthday
# Ages in undated articles are info: a story told over months (an arrest, then the
# trial) gives each report the age of its day; on ECB+ (undated) 1 of 5 such findings
# was one person's age told two ways on one day.
UNDATED_AGE = Severity.INFO


def _ages(
    ctx: Context, cluster_of: dict[str, str], dated: dict[str, dt.date | None]
) -> Iterator[Finding]:
    """A person's age told otherwise by another source of the story: the name is what
    the age is about, in whatever sentence it stands. A source that gives one name two
    ages tells of two people; claims of one cluster are the conflicts check's where it
    finds the change."""
    told: dict[str, dict[str, list[tuple[Age, Claim]]]] = defaultdict(lambda: defaultdict(list))
    read: dict[str, list[Age]] = {}
    for claim in ctx.claims:
        if claim.text not in read:
            may = may_count(claim.words, claim.text)
            read[claim.text] = ages(claim, claim.tokens) if may else []
        for a in read[claim.text]:
            told[a.person][claim.source].append((a, claim))
    for person in sorted(told):
        by_source = told[person]
        values = {sid: {a.value for a, _ in found} for sid, found in by_source.items()}
        # Sources that tell the age alike in the same words are compared once.
        readings: dict[tuple[object, ...], str] = {}
        for sid in sorted(by_source):
            its = tuple(sorted((c.text, a.value) for a, c in by_source[sid]))
            readings.setdefault(its, sid)
        sources = sorted(readings.values())
        for i, sa in enumerate(sources):
            for sb in sources[i + 1 :]:
                if len(values[sa]) != 1 or len(values[sb]) != 1:
                    continue
                (x, cx), (y, cy) = by_source[sa][0], by_source[sb][0]
                if x.value == y.value or abs(x.value - y.value) > MAX_AGE_GAP:
                    continue
                givens = {a.given for a, _ in by_source[sa] + by_source[sb]} - {""}
                if len(givens) > 1:
                    continue  # "John Jenkin" and "Kathryn Jenkin": two people
                same_fact = _one_cluster(cluster_of, cx, cy)
                if same_fact and figure_aligned(ctx, cx, cy):
                    continue  # the conflicts check tells it, word by word
                da, db = dated[sa], dated[sb]
                if da and db and abs((da - db).days) > AGE_DAYS:
                    continue
                severity = SEVERITY if da and db else UNDATED_AGE
                yield _age_finding(ctx, (x, cx), (y, cy), severity)


def _age_finding(
    ctx: Context, one: tuple[Age, Claim], other: tuple[Age, Claim], severity: Severity
) -> Finding:
    (x, cx), (y, cy) = one, other
    text_a = ctx.sources[cx.source].text[x.start : x.end]
    text_b = ctx.sources[cy.source].text[y.start : y.end]
    name = next((t.text for t in cx.tokens if t.norm == x.person), x.person)
    message = (
        f"Ages differ for {name}: '{short(text_a, 60)}' in {cx.source} "
        f"against '{short(text_b, 60)}' in {cy.source}"
    )
    return make(
        NUMBER.name,
        severity,
        message,
        [evidence(cx, [(x.start, x.end)]), evidence(cy, [(y.start, y.end)])],
        [text_a, text_b, x.person],
        ctx.settings,
    )


def _said(
    claims: Sequence[Claim], story: _Words, dated: dict[str, dt.date | None]
) -> dict[str, list[_Mention]]:
    """Statements by action, for the actions that a claim of the story denies or leaves
    open and another tells otherwise (few): the other claims are read only where they
    use a form of such a verb."""
    read: dict[tuple[object, ...], tuple[Claim, list[Statement]]] = {}

    def said(claim: Claim) -> tuple[Claim, list[Statement]]:
        """The first claim written as ``claim`` is, and its statements."""
        key = (claim.written, dated[claim.source])
        if key not in read:
            read[key] = (claim, statements(claim, claim.tokens))
        return read[key]

    # The copies of a sentence (most claims of a wire story) are read once.
    wordings = {claim.words: claim for claim in claims}
    first_read = {w: readings(w) for w, c in wordings.items() if may_deny(w, c.text)}
    wanted = {a for found in first_read.values() for a, no, maybe in found if no or maybe}
    if not wanted:
        return {}
    verbs = {a.partition(" ")[0] for a in wanted}  # "vote for" is a form of "vote"
    forms = {w for w in story.stems if action_of(verb_base(w)) in verbs}
    read_as: dict[str, set[tuple[bool, bool]]] = defaultdict(set)
    for words in wordings:
        if not forms.isdisjoint(words):
            its = first_read[words] if words in first_read else readings(words)
            for action, negated, possible in its:
                read_as[action].add((negated, possible))
    # A denial (or an action left open) and another reading of it.
    told = {a for a in wanted if len(read_as[a]) > 1}
    if not told:
        return {}
    verbs = {a.partition(" ")[0] for a in told}
    forms = {w for w in forms if action_of(verb_base(w)) in verbs}
    using = [claim for claim in claims if not forms.isdisjoint(claim.words)]
    found_in: dict[str, list[_Mention]] = defaultdict(list)
    made: dict[str, list[_Mention]] = {}  # the first claim's id → its mentions
    for claim in using:
        first, found = said(claim)
        if first.id not in made:
            tokens, day = first.tokens, dated[first.source]
            forms_of: dict[str, str] = {}
            made[first.id] = []
            for st in found:
                if st.action in told:
                    m = _mention(st, first, tokens, forms_of, day)
                    # The key already: the words beside it count.
                    m.about.pop(st.action.partition(" ")[0], None)
                    made[first.id].append(m)
        for m in made[first.id]:
            m = m if first is claim else _moved(m, first, claim)
            assert isinstance(m.fact, Statement)
            found_in[m.fact.action].append(m)
    out = {a: g for a, g in found_in.items() if len({m.claim.source for m in g}) > 1}
    _story_names(story, [m for group in out.values() for m in group])
    return out


_Found = tuple[tuple[str, str] | None, "_Mention"]  # (unit, counted) of a figure, None: a time


def _read(claim: Claim, day: dt.date | None) -> list[_Found]:
    """The mentions of one claim: figures with their (unit, counted) key, then times."""
    counts = may_count(claim.words, claim.text)
    if not counts and not may_time(claim.words, claim.text):
        return []
    tokens = claim.tokens
    forms: dict[str, str] = {}
    out: list[_Found] = []
    if counts:
        found = figures(claim, tokens)
        sums = [f.unit for f in found if f.unit in CURRENCIES]
        for f in found:
            if f.form == "tally":
                m = _mention(f, claim, tokens, forms, day)
                for word in _tally_stems():
                    m.about.pop(word, None)  # what makes it a tally: no word of which vote
                out.append((TALLY, m))
                continue
            if f.unit in CURRENCIES and sums.count(f.unit) == 1:
                # A sum is compared with the story's other sums in its currency, what it
                # buys ("of airtime") one word of its context; a sentence of several
                # (a range, "$281m in cash and $53m in stock") tells parts and bounds,
                # which context cannot tell apart.
                m = _mention(f, claim, tokens, forms, day)
                m.amount = True
                out.append(((f.unit, ""), m))
            if f.counted in TIME_UNITS and not _an_age(tokens, f):
                # A length of time ("12 years in prison") is compared only with the claims
                # of its own cluster: across sentences, the frames check tells an action's
                # length, and most spans of a story ("for six years") are of other facts.
                m = _mention(f, claim, tokens, forms, day)
                m.within = True
                out.append(((f.unit, f.counted), m))
                continue
            if not f.counted or f.counted in TIME_UNITS or f.unit in TIME_UNITS:
                continue  # ages are the ages rule's
            m = _mention(f, claim, tokens, forms, day)
            m.about.pop(stem(f.counted), None)  # the key already: the words beside it count
            out.append(((f.unit, f.counted), m))
    for w in whens(claim, tokens, day):
        m = _mention(w, claim, tokens, forms, day)
        m.dated = _dated(m)
        out.append((None, m))
    for w in _years(claim, tokens):
        m = _mention(w, claim, tokens, forms, day)
        m.within = True  # a year alone dates many facts of a story: only of its cluster
        out.append((None, m))
    return out


def _years(claim: Claim, tokens: Sequence[Token]) -> list[When]:
    """The years a claim names alone ("due to end in 2019"), not as part of a date."""
    if not any(map(is_year, claim.words)):
        return []
    in_dates = set(date_parts(tokens))
    out = []
    for i, t in enumerate(tokens):
        if is_year(t.norm) and i not in in_dates:
            year = int(t.norm)
            days = (dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal())
            out.append(When(claim.id, "year", t.norm, t.start, t.end, i, i + 1, days))
    return out


def _an_age(tokens: Sequence[Token], f: Figure) -> bool:
    """ "27 years old", "a 27-year-old": an age, not a length of time."""
    after = tokens[f.last].norm if f.last < len(tokens) else ""
    return after == "old" or "-old" in tokens[f.last - 1].norm


def _moved(m: _Mention, first: Claim, claim: Claim) -> _Mention:
    """A mention of ``first`` as the same mention in ``claim``, a copy of its text."""
    shift = claim.start - first.start
    fact = replace(m.fact, claim=claim.id, start=m.fact.start + shift, end=m.fact.end + shift)
    return _Mention(
        fact,
        claim,
        dict(m.about),
        m.forms,
        m.published,
        m.names,
        m.near,
        amount=m.amount,
        within=m.within,
        dated=m.dated,
    )


def _story_names(story: _Words, mentions: list[_Mention]) -> None:
    """Names weighed again by how few of the story's claims use them: the protagonists
    of a story (its people, places, bodies) say which story a sentence is in, not which
    of its facts; the words of the action and its object keep their weight."""
    wanted = {w for m in mentions for w in m.names if w in m.about}
    if not wanted:
        return
    df = story.claims_using(wanted)
    n = story.claims + 1
    scale = math.log(n / 2) or 1.0
    for m in mentions:
        for w in m.names.intersection(m.about):
            m.about[w] *= max(0.0, min(1.0, math.log(n / max(df[w], 1)) / scale))


def _story_topic(story: _Words, mentions: list[_Mention]) -> None:
    """The context words that a fifth of the story's claims use: what the story is about
    ("mosque" in a story of a mosque), which cannot tell one of its events from another."""
    counts = story.claims_using({w for m in mentions for w in m.near})
    most = max(2.0, TOPIC_SHARE * story.claims)  # the two claims compared are no topic
    topic = frozenset(w for w, n in counts.items() if n > most)
    for m in mentions:
        m.topic = topic


class _Words:
    """A story's wordings with how many claims write each, and the stem of each of its
    words: what the story's weights are counted over, worked out once a story."""

    def __init__(self, claims: Sequence[Claim]) -> None:
        self.claims = len(claims)
        self.wordings = Counter(c.words for c in claims)
        self.stems = {w: stem(w) for w in set().union(*self.wordings)}

    def claims_using(self, stems: set[str]) -> dict[str, int]:
        """How many of the claims use a word of each of ``stems`` (one set operation a
        wording)."""
        of = {w: s for w, s in self.stems.items() if s in stems}
        df: dict[str, int] = defaultdict(int)
        if of:
            for words, n in self.wordings.items():
                for s in {of[w] for w in of.keys() & words}:
                    df[s] += n
        return df


def _mention(
    fact: Figure | When | Statement,
    claim: Claim,
    tokens: Sequence[Token],
    forms: dict[str, str],
    published: dt.date | None,
) -> _Mention:
    if not forms:
        for t in tokens:
            forms.setdefault(stem(t.norm), t.text)
    about, near = context(claim, tokens, fact.first, fact.last)
    names = frozenset(
        stem(t.norm) for t in tokens[1:] if t.text[:1].isupper() and t.norm not in CALENDAR
    )
    return _Mention(fact, claim, about, forms, published, names, near)


def _score(a: _Mention, b: _Mention) -> tuple[float, list[str]]:
    shared = a.about.keys() & b.about.keys()
    if len(shared) < MIN_SHARED[_kind(a)]:
        return 0.0, []
    if isinstance(a.fact, Statement) and isinstance(b.fact, Statement) and _apart(a, b):
        return 0.0, []  # the same action done to different things
    # A name either sentence writes capitalised inside it (the first word of a sentence
    # is capitalised whatever it is) is a name in the other too: "Lopez had ..." names
    # the "Lopez" of the other's "... that Lopez waited".
    names = a.names | b.names
    actors_a, actors_b = names & a.near, names & b.near
    if actors_a and actors_b and actors_a.isdisjoint(actors_b):
        return 0.0, []  # each clause names its own actor: two actors, two facts
    names = names if _kind(a) != "tally" else frozenset()
    topic = a.topic - a.dated - b.dated if _kind(a) == "time" else frozenset()
    if not any(w not in names and w not in topic and (w in a.near or w in b.near) for w in shared):
        return 0.0, []  # no word of the action or its object in common, names only
    if _kind(a) == "figure" and not any(
        w not in names and w not in topic and w in a.near and w in b.near for w in shared
    ):
        # A count is of what its own clause tells, in both sentences: "one person has
        # been arrested" is no reading of "three people were injured" beside "one arrest".
        return 0.0, []
    if a.amount and not any(w not in names and w in a.near and w in b.near for w in shared):
        return 0.0, []  # a sentence of several sums: each clause's own words tell which
    ranked = sorted(shared, key=lambda w: (-min(a.about[w], b.about[w]), w))
    # fsum: exact, so the order a set of words is summed in (its hash seed) never tips
    # one match over another
    return math.fsum(min(a.about[w], b.about[w]) for w in shared), ranked


# ("that" is left out: "said that Tuesday police arrested" names no "Tuesday police")
_DATING = DETERMINERS - {"that"}


def _dated(m: _Mention) -> frozenset[str]:
    """The noun a day or a month names as its own ("a Tuesday letter", "Monday's vote",
    "the March vote"): what it dates, though the story is about it (a topic word dates
    many facts otherwise)."""
    if not isinstance(m.fact, When):
        return frozenset()
    tokens = m.claim.tokens
    at = m.fact.last
    if at >= len(tokens) or m.fact.last - m.fact.first != 1:
        return frozenset()
    day, after = tokens[at - 1], tokens[at]
    if not day.text[:1].isupper() or not after.text.isalpha() or not after.text.islower():
        return frozenset()
    before = tokens[at - 2].norm if at >= 2 else ""
    if before not in _DATING and not day.text.endswith(("'s", "’s")):
        return frozenset()  # "late on Sunday demanded": the day ends a phrase of time
    if m.claim.text[day.end - m.claim.start : after.start - m.claim.start] != " ":
        return frozenset()  # "on Tuesday, letters ...": another phrase
    return frozenset({stem(after.norm)}) if weight(after.norm) else frozenset()


def _told_alike(ctx: Context, a: Claim, b: Claim) -> bool:
    """Two claims of one fact that deny alike (as many negators, refusals, modals of
    possibility: a negator that moved to another word is no denial), or whose negation
    the conflicts check finds: nothing for statements to add."""
    return denials(a.words) == denials(b.words) or negation_aligned(ctx, a, b)


def _apart(a: _Mention, b: _Mention) -> bool:
    """Two statements whose actions are done to nothing in common."""
    assert isinstance(a.fact, Statement) and isinstance(b.fact, Statement)
    return a.fact.patient.isdisjoint(b.fact.patient)


def _kind(m: _Mention) -> str:
    if isinstance(m.fact, Statement):
        return "statement"
    if m.amount:
        return "amount"
    if isinstance(m.fact, Figure):
        return "tally" if m.fact.form == "tally" else "figure"
    return "time"


def _compare(
    ctx: Context,
    group: list[_Mention],
    cluster_of: dict[str, str],
    agree: Agree,
) -> Iterator[Finding]:
    if len(group) < 2 or len(group) > MAX_MENTIONS:
        return
    by_source: dict[str, list[_Mention]] = defaultdict(list)
    for m in group:
        by_source[m.claim.source].append(m)
    # Sources that print the same sentences for these mentions (copies of a wire story)
    # are compared once: the findings are given the copies' claims as their twins.
    told: dict[tuple[object, ...], str] = {}
    for sid in sorted(by_source):
        told.setdefault(_told(by_source[sid]), sid)
    sources = sorted(told.values())
    for i, sa in enumerate(sources):
        for sb in sources[i + 1 :]:
            yield from _pair(ctx, by_source[sa], by_source[sb], cluster_of, agree)


def _told(mentions: list[_Mention]) -> tuple[object, ...]:
    """What a source's mentions say: their sentences, dates and places in them."""
    return tuple(
        sorted((m.claim.text, m.published, m.fact.start - m.claim.start) for m in mentions)
    )


def _pair(
    ctx: Context,
    ma: list[_Mention],
    mb: list[_Mention],
    cluster_of: dict[str, str],
    agree: Agree,
) -> Iterator[Finding]:
    """The findings between two sources' mentions of one kind."""
    compatible = agree
    scores: dict[tuple[int, int], float] = {}
    alike: set[tuple[int, int]] = set()  # statements of one fact told alike: they only confirm
    # Mentions that both sources print alike in one sentence (one cluster): agreed, so
    # neither is another sentence's reading of its fact ("77 percent after 2036" in both
    # is no other reading of "74 percent by 2085").
    agreed_a: set[int] = set()
    agreed_b: set[int] = set()
    aligned: dict[tuple[str, str], bool] = {}
    for i, x in enumerate(ma):
        for j, y in enumerate(mb):
            one_fact = _one_cluster(cluster_of, x.claim, y.claim)
            # (of a kind the story tells few values of: a story of many spans, a game's
            # minutes or a trial's years, tells them of many facts)
            lengths = not x.crowded and _lengths(x, y)
            if (x.within or y.within) and not one_fact and not lengths:
                continue
            if _since_other_days(x, y) or _till_now(x) != _till_now(y):
                continue  # "for the past two years we have worked" / "a pause for one year"
            if _bound(x) != _bound(y):
                continue  # "arrested three times since October" / "arrested four times"
            # One fact already: the conflicts check compares those word by word. A
            # figure or a time is compared here when the two differ and the conflicts
            # check finds no difference of numbers or dates (the change has no equal
            # words close either side: "in six counties and said" / "in four counties,
            # adding"); a statement when its claim and the other deny differently and
            # the conflicts check finds no negation (a change too wide to align).
            verdict = compatible(x, y)
            if one_fact and _kind(x) != "statement":
                if _at(x) == _at(y) and verdict == "same":
                    agreed_a.add(i)
                    agreed_b.add(j)
                if verdict in ("", "same") or _in_both(x, y, ma, mb, compatible):
                    continue
                if _quoted(x) or _quoted(y):
                    continue  # words of one quotation told two ways: the misquote check's
                pair = (x.claim.id, y.claim.id)
                if pair not in aligned:  # asked once a pair of claims, not once a mention
                    aligned[pair] = figure_aligned(ctx, x.claim, y.claim)
                if aligned[pair]:
                    continue
            if not verdict:
                continue
            if one_fact and _kind(x) == "statement" and _told_alike(ctx, x.claim, y.claim):
                alike.add((i, j))  # (asked only of comparable pairs: it aligns the claims)
            score, _ = _score(x, y)
            if lengths and not one_fact and score < LENGTH_ACROSS:
                continue
            if score:
                scores[(i, j)] = score
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    for (i, j), s in scores.items():
        if (i, j) in alike:
            continue
        if s > best_a.get(i, (0.0, -1))[0]:
            best_a[i] = (s, j)
        if s > best_b.get(j, (0.0, -1))[0]:
            best_b[j] = (s, i)
    for i, (s, j) in sorted(best_a.items()):
        if s < MIN_SCORE[_kind(ma[i])] or best_b.get(j, (0.0, -1))[1] != i:
            continue
        if i in agreed_a or j in agreed_b:
            continue
        x, y = ma[i], mb[j]
        verdict = compatible(x, y)
        if verdict not in ("differ", "rounded", "hedged"):
            continue
        if _kind(x) == "statement" and _reported(x, y):
            continue
        one_fact = _one_cluster(cluster_of, x.claim, y.claim)
        if not (x.within and one_fact) and _confirmed(i, j, ma, mb, scores, s, compatible):
            continue  # (a length of time is of its cluster: _in_both asked its claims)
        yield _finding(ctx, x, y, verdict)


# Lengths of time of two sentences are compared when they say this much more alike
# than a figure needs: "waited six hours to vote" / "waited in line ... for seven hours".
LENGTH_ACROSS = 6.0


def _lengths(x: _Mention, y: _Mention) -> bool:
    """Two lengths of time (not years named alone) that may be of one span: not two
    spans from different events ("eight months after first authorizing the vaccine" /
    "four months after the company completed its application"), nor a span from an event
    against one that names none."""
    if not (x.within and y.within and isinstance(x.fact, Figure) and isinstance(y.fact, Figure)):
        return False
    if _ago(x) != _ago(y):
        return False  # a time since ("eight days ago") against a length ("five days of riots")
    ax, ay = _anchor(x), _anchor(y)
    if bool(ax) != bool(ay):
        return False  # "for 15 years before he turned to smuggling" / "12 years in prison"
    return not (ax and ay and ax.isdisjoint(ay))


def _since_other_days(x: _Mention, y: _Mention) -> bool:
    """A time since ("11 days ago") grows with the report's day: two of them are one
    reading only in reports of one day (the conflicts check still tells a copy that
    changed it, word by word)."""
    if not (_ago(x) or _ago(y)):
        return False
    return not (x.published and x.published == y.published)


def _ago(m: _Mention) -> bool:
    """The length is a time since: "eight days ago"."""
    if not isinstance(m.fact, Figure):
        return False
    at = m.fact.last
    return at < len(m.claim.tokens) and m.claim.tokens[at].norm == "ago"


_TILL_NOW = frozenset({"past", "last"})


def _till_now(m: _Mention) -> bool:
    """The length is the span up to the report ("the past two years", "over the last
    decade"): another length than one an action is told to last ("will last two years")."""
    if not (m.within and isinstance(m.fact, Figure)):
        return False  # (a count after "last" is no span: "the last two survivors")
    at = m.fact.first
    tokens = m.claim.tokens
    return at >= 2 and tokens[at - 1].norm in _TILL_NOW and tokens[at - 2].norm == "the"


# Words that bound the span a count counts over, right after it ("three times since
# October", "five operations so far", "258 receiving yards this season") or opening its
# sentence ("Since Week 11, he has 498 rushing yards"; not "During the raid, ...": the
# event itself, as often as a part of it).
_BOUNDS = frozenset(
    {("since",), ("so", "far"), ("to", "date"), ("this", "season"), ("this", "year")}
)
_OPENING_BOUNDS = frozenset({"since"})
BOUND_WORDS = 3  # words of a bound that tell which span it is


def _bound(m: _Mention) -> tuple[str, ...]:
    """The words of the span a count is told over, () for none: counts over different
    spans (a season and its last weeks, a game and one run of it) are different facts."""
    if m.within or not isinstance(m.fact, Figure):
        return ()
    tokens, at = m.claim.tokens, m.fact.last
    for k in range(at, min(at + 2, len(tokens))):
        if k > at and CLAUSE_BREAK.search(gap(m.claim, tokens, k - 1)):
            break
        two = tuple(t.norm for t in tokens[k : k + 2])
        if two[:1] in _BOUNDS or two in _BOUNDS:
            return _phrase(m.claim, tokens, k)
    if tokens and tokens[0].norm in _OPENING_BOUNDS and _names_a_time(m.claim, tokens):
        return _phrase(m.claim, tokens, 0)
    return ()


_SPAN_STARTS = frozenset({"start", "beginning", "end", "middle"})


def _names_a_time(claim: Claim, tokens: Sequence[Token]) -> bool:
    """ "Since Week 11,", "Since March,", "Since 2019,", "Since the start of the season,":
    a short phrase of time and a comma; not a reason ("Since the only bridge is
    closed, ...")."""
    end = next((k for k in range(1, min(len(tokens) - 1, 7)) if "," in gap(claim, tokens, k)), 0)
    if not 1 <= end <= 5:
        return False
    first = tokens[1]
    if first.norm == "the":
        return end >= 2 and tokens[2].norm in _SPAN_STARTS
    return first.norm[:1].isdigit() or first.text[:1].isupper() or first.norm == "last"


def _phrase(claim: Claim, tokens: Sequence[Token], k: int) -> tuple[str, ...]:
    """The bound's word at ``k`` and the content words and figures right after it, up to
    ``BOUND_WORDS`` in all, in its clause ("since week 11", "this season")."""
    out = [tokens[k].norm]
    for j in range(k + 1, min(k + BOUND_WORDS, len(tokens))):
        word = tokens[j].norm
        if CLAUSE_BREAK.search(gap(claim, tokens, j - 1)) or not (weight(word) or word.isdigit()):
            break
        out.append(word)
    return tuple(out)


ANCHOR_WORDS = 8  # words after "after" (or "before", "since") that name the event


def _anchor(m: _Mention) -> frozenset[str]:
    """The content words of the event a length of time is counted from or to, named
    right after it ("six months after the first dose"), names left out."""
    tokens = m.claim.tokens
    at = m.fact.last
    if at >= len(tokens) or tokens[at].norm not in OTHER_TIME:
        return frozenset()
    end = min(at + 1 + ANCHOR_WORDS, len(tokens))
    for k in range(at + 1, end - 1):  # the event's clause only: "after the vote, the ..."
        if CLAUSE_BREAK.search(gap(m.claim, tokens, k)):
            end = k + 1
            break
    words = tokens[at + 1 : end]
    return frozenset(stem(t.norm) for t in words if weight(t.norm) and not t.text[:1].isupper())


def _one_cluster(cluster_of: dict[str, str], a: Claim, b: Claim) -> bool:
    """One cluster holds both claims: one fact, which the conflicts check aligns."""
    one = cluster_of.get(a.id)
    return one is not None and one == cluster_of.get(b.id)


def _quoted(m: _Mention) -> bool:
    """The mention stands inside a quotation of its claim."""
    return any(q.start <= m.fact.start and m.fact.end <= q.end for q in m.claim.quotes)


def _in_both(
    x: _Mention, y: _Mention, ma: list[_Mention], mb: list[_Mention], agree: Agree
) -> bool:
    """Either claim also states the other's reading ("Tuesday ... Thursday's" in both):
    two facts of one sentence, not one told two ways."""
    return any(z.claim is y.claim and agree(x, z) == "same" for z in mb) or any(
        z.claim is x.claim and agree(z, y) == "same" for z in ma
    )


def _at(m: _Mention) -> str:
    """What stands before a mention in its sentence: the same place in two claims of one
    cluster is the same mention."""
    return " ".join(t.norm for t in m.claim.tokens[max(0, m.fact.first - 3) : m.fact.first])


def _confirmed(
    i: int,
    j: int,
    ma: list[_Mention],
    mb: list[_Mention],
    scores: dict[tuple[int, int], float],
    best: float,
    compatible: Agree,
) -> bool:
    """Either source also states the other's reading about something nearly as alike:
    the two readings are two facts (two meetings, two polls), not one told two ways."""
    x, y = ma[i], mb[j]
    # A figure of a counted noun: a source that also states the other's reading of that
    # noun ("500 million doses", then "200 million doses this year") tells two facts, a
    # whole and its part, however unlike the two sentences: a source is not its own
    # contradiction.
    counted = _kind(x) == "figure"
    # A reading in a sentence at least as like the other's, counting the story's topic
    # words too (which scores leave out): "419,000 in the week ended July 17" beside
    # "continuing claims ... in the week ended July 10" confirms the other's July 17.
    pair = _likeness(x, y)
    for k, z in enumerate(mb):
        near = k != j and (
            counted or scores.get((i, k), 0.0) >= CONFIRMED * best or _likeness(x, z) > pair
        )
        if near and compatible(x, z) == "same" and not _another_thing(x, y, z):
            return True
    for k, z in enumerate(ma):
        near = k != i and (
            counted or scores.get((k, j), 0.0) >= CONFIRMED * best or _likeness(z, y) > pair
        )
        if near and compatible(z, y) == "same" and not _another_thing(x, y, z):
            return True
    return False


def _likeness(a: _Mention, b: _Mention) -> float:
    """The weight of the context words two mentions share, topic and names included."""
    return math.fsum(min(a.about[w], b.about[w]) for w in a.about.keys() & b.about.keys())


def _another_thing(x: _Mention, y: _Mention, z: _Mention) -> bool:
    """``z`` names another thing than the pair ``x``, ``y`` compared: both write, right
    before a word all three are about, a word that ``z`` lacks (the "junior" of "junior
    league final" against "league finals"), so its reading confirms nothing."""
    ours = x.about.keys() & y.about.keys()
    common = ours & z.about.keys()
    missing = ours - z.about.keys()
    if not common or not missing:
        return False

    def modifies(m: _Mention) -> set[str]:
        keys = [stem(t.norm) for t in m.claim.tokens]
        return {w for w, after in pairwise(keys) if w in missing and after in common}

    return bool(modifies(x) & modifies(y))


def _figures_agree(x: _Mention, y: _Mention) -> str:
    a, b = x.fact, y.fact
    assert isinstance(a, Figure) and isinstance(b, Figure)
    if a.value == b.value:
        return "same"
    if _days_apart(x, y):
        return ""  # a developing story's counts (a toll, a tally of arrests) grow by the day
    if _whole(a) != _whole(b) and a.unit == b.unit == "" and a.counted not in TIME_UNITS:
        return ""  # "a 2.9 aftershock" (a magnitude) / "two aftershocks" (a count)
    if abs(a.value - b.value) == 1:
        # "nine dead, including the gunman" (one more) / "killed eight before taking his
        # own life" (one fewer): the same toll, counted with or without the attacker.
        more, fewer = (x, y) if a.value > b.value else (y, x)
        if _with_attacker(more) == 1 or _with_attacker(fewer) == -1:
            return "same"
    lo, hi = sorted((a.value, b.value))
    if lo <= 0 or hi / lo > MAX_RATIO:
        return ""  # not comparable: different things counted
    if a.hedge == b.hedge and a.hedge in ("above", "below"):
        # Two bounds that differ: two reports of the bound, unless one is the other
        # rounded ("at least 15.1 million" / "more than 15 million"): low at most.
        return "rounded" if _rounded(a.value, b.value) else "differ"
    for q, other in ((a, b), (b, a)):
        if q.hedge == "about" and abs(q.value - other.value) <= NEAR * hi:
            return "same"
        if q.hedge == "above" and other.value > q.value:
            return "same"
        if q.hedge == "below" and other.value < q.value:
            return "same"
    return "rounded" if _rounded(a.value, b.value) else "differ"


# Days between two dated reports beyond which their figures are of other days: every
# number labelled in the BASIL and NeuS gold was told the same day by both outlets.
FIGURE_DAYS = 1


def _days_apart(x: _Mention, y: _Mention) -> bool:
    return days_apart(x.published, y.published, FIGURE_DAYS)


def _whole(f: Figure) -> bool:
    return f.value == int(f.value)


@functools.cache
def _tally_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in tally_words())


# A toll that counts the attacker with the dead: "nine dead, including the gunman",
# "killed eight before taking his own life". Another outlet's count of the victims is
# one fewer, and both are right.
_ATTACKERS = frozenset(
    "gunman shooter attacker assailant suspect bomber perpetrator killer".split()
)
_OWN_LIFE = (("own", "life"), ("killed", "himself"), ("killed", "herself"), ("shot", "himself"))


def _with_attacker(m: _Mention) -> int:
    """1 when the mention's toll counts the attacker ("including the gunman" right after
    it), -1 when its sentence tells the attacker's death apart ("killed eight before
    taking his own life"), else 0."""
    if not isinstance(m.fact, Figure) or m.fact.counted not in ("killed", "person"):
        return 0
    words = [t.norm for t in m.claim.tokens[m.fact.last : m.fact.last + ATTACKER_WINDOW]]
    for i, w in enumerate(words):
        if w == "including" and not _ATTACKERS.isdisjoint(words[i + 1 : i + 3]):
            return 1
    return -1 if any(pair in _OWN_LIFE for pair in pairwise(m.claim.words)) else 0


ATTACKER_WINDOW = 6  # words after a toll in which "including the gunman" is told


def _tallies_agree(x: _Mention, y: _Mention) -> str:
    """Two tallies ("92-6", "94-1"): the same, or differing when their totals are near
    (one body's vote told two ways), else not comparable (votes of other bodies)."""
    a, b = x.fact, y.fact
    assert isinstance(a, Figure) and isinstance(b, Figure)
    if a.value == b.value and a.second == b.second:
        return "same"
    if _days_apart(x, y):
        return ""  # reports of other days: the votes of another stage (committee, floor)
    lo, hi = sorted((a.value + (a.second or 0.0), b.value + (b.second or 0.0)))
    if lo <= 0 or hi / lo > TALLY_RATIO:
        return ""
    return "differ"


def _amounts_agree(x: _Mention, y: _Mention) -> str:
    """Two sums as figures are compared, unless each names what it buys: those are
    compared as figures of that noun (the same) or are spent on different things."""
    a, b = x.fact, y.fact
    assert isinstance(a, Figure) and isinstance(b, Figure)
    if a.counted and b.counted:
        return ""
    if _days_apart(x, y):
        return ""  # reports of other days: the sums of another stage (asked, passed)
    lo, hi = sorted((a.value, b.value))
    if lo <= 0 or hi / lo > AMOUNT_RATIO:
        return ""  # a part and the whole, this year's and the decade's: other sums
    if _period(x) != _period(y):
        return ""  # "$5 trillion over the next decade" and a year's "$6 trillion"
    return _figures_agree(x, y)


_PERIOD_OPENERS = frozenset({"over", "per", "a", "an", "each", "every", "through", "within"})
PERIOD_WINDOW = 8  # words after a sum in which the span it is spent over is told
_SPAN_WORDS = frozenset({"a", "an", "the", "next", "past", "last", "coming", "following", "first"})
_IN_YEARS = {"decade": 10, "century": 100}  # "over a decade" is "over ten years"


def _period(m: _Mention) -> str:
    """The span of time a sum is told over ("over five years", "a year", "annually"),
    as its length in a time unit ("5 year"; a decade is ten years): the time unit after
    a word that opens a period, in the words right after the sum, and the count before
    the unit ("over the next five years"), one when there is none ("a year")."""
    after = [t.norm for t in m.claim.tokens[m.fact.last : m.fact.last + PERIOD_WINDOW]]
    if "annually" in after or "yearly" in after:
        return "1 year"
    vague = ""
    for i, w in enumerate(after):
        if w not in _PERIOD_OPENERS:
            continue
        for k in range(i + 1, min(i + 5, len(after))):
            if after[k] in _PERIOD_OPENERS and after[k] not in _SPAN_WORDS:
                break  # another opener: its own span ("a piece over five years")
            unit = singular(after[k])
            if unit not in TIME_UNITS:
                continue
            count_words = [x for x in after[i + 1 : k] if x not in _SPAN_WORDS]
            count = number_value(count_words) if count_words else 1.0
            if count is None:
                vague = vague or f"some {unit}"  # "over several years": no stated length
                break
            if unit in _IN_YEARS:
                count, unit = count * _IN_YEARS[unit], "year"
            return f"{count:g} {unit}"
    return vague


def _times_agree(x: _Mention, y: _Mention) -> str:
    a, b = x.fact, y.fact
    assert isinstance(a, When) and isinstance(b, When)
    if a.said != b.said:
        return ""  # the day of a statement against the day of an event
    if (a.kind == "year") != (b.kind == "year"):
        return ""  # a year alone ("since 1992") against a day or a span: not comparable
    if a.days is not None and b.days is not None:
        overlap = a.days[0] <= b.days[1] and b.days[0] <= a.days[1]
        if overlap:
            return "same"
        # News style names the days of the last week and dates the others: a date of
        # the month against a weekday or "last week" is mostly another event.
        return "differ" if (a.kind == "day") == (b.kind == "day") else ""
    name_a, name_b = _weekday(a), _weekday(b)
    if name_a and name_b and x.published != y.published and x.published and y.published:
        return ""  # articles of different days: each "Tuesday" is the one nearest its day
    if name_a and name_b:
        if a.since or b.since:
            return ""  # "since Friday": a span from that day, undated
        if name_a == name_b or _adjacent(a, b) or _adjacent(b, a):
            return "same"
        return "differ"
    for w, other in ((a, b), (b, a)):
        if _weekday(w) and other.kind == "day" and other.days is not None:
            falls = dt.date.fromordinal(other.days[0]).weekday()
            return "same" if WEEKDAYS[falls] == _weekday(w) else ""  # as above
    return ""  # a relative time against an undated one: not comparable


def _adjacent(w: When, other: When) -> bool:
    """``w`` names the edge of a day ("early Friday", "late Monday") and ``other`` the
    day next to it on that side ("Thursday", "Tuesday"): one night, dated either way."""
    if not w.edge:
        return False
    at = WEEKDAYS.index(_weekday(w))
    return WEEKDAYS[(at + w.edge) % 7] == _weekday(other)


def _statements_agree(x: _Mention, y: _Mention) -> str:
    """Told alike ("same"), one denying what the other affirms ("differ"), one denying
    what the other tells as possible ("hedged"), or not comparable: another time
    ("will not sell" and "sold"), both only possible ("may sell", "may not"), or only
    a doubt against the deed ("may not sell" against "will sell")."""
    a, b = x.fact, y.fact
    assert isinstance(a, Statement) and isinstance(b, Statement)
    if a.tense != b.tense or a.passive != b.passive:
        return ""  # another time, or one tells who acted and the other does not
    if a.negated == b.negated:
        return "same"
    if a.possible and b.possible:
        return ""
    denied = a if a.negated else b
    if denied.possible:
        return ""  # "may not sell" against "will sell": a doubt, not a denial
    return "hedged" if a.possible or b.possible else "differ"


def _reported(x: _Mention, y: _Mention) -> bool:
    """A statement in a sentence reporting what someone says: outlets rightly report
    each side's claims, so the speaker's denial is not the outlet's."""
    return any(isinstance(m.fact, Statement) and m.fact.reported for m in (x, y))


def _weekday(w: When) -> str:
    return w.value.rpartition(" ")[2] if w.kind == "weekday" else ""


def _finding(ctx: Context, x: _Mention, y: _Mention, verdict: str) -> Finding:
    _, shared = _score(x, y)
    about = ", ".join(x.forms.get(w, w) for w in shared[:ABOUT])
    text_a = _shown(ctx, x)
    text_b = _shown(ctx, y)
    kind = NUMBER if isinstance(x.fact, Figure) else DATE
    what = "Numbers differ" if kind is NUMBER else "Dates differ"
    if x.within and isinstance(x.fact, Figure):
        kind, what = DURATION, "Lengths of time differ"
    if isinstance(x.fact, Statement):
        kind = NEGATION
        what = _DENIED if verdict == "differ" else _LEFT_OPEN
    if verdict == "rounded":
        what = "One figure is the other rounded"
    a, b = x.claim.source, y.claim.source
    message = (
        f"{what} about the same fact ({about}): '{short(text_a, 60)}' in {a} "
        f"against '{short(text_b, 60)}' in {b}"
    )
    relative = any(isinstance(m.fact, When) and m.fact.kind == "relative" for m in (x, y))
    relative = relative and not _pinned(x, y)
    severity = RELATIVE if relative else ROUNDED if verdict == "rounded" else SEVERITY
    days = any(isinstance(m.fact, When) and m.fact.kind == "weekday" for m in (x, y))
    if days and (x.published is None or y.published is None):
        severity = min(severity, UNDATED_DAY)  # a story told over days, or two like events
    if x.crowded and not x.within:
        severity = min(severity, Severity.LOW)  # one of many figures of its kind
    if verdict == "hedged":
        severity = LEFT_OPEN
    return make(
        kind.name,
        severity,
        message,
        [evidence(x.claim, [_span(x)]), evidence(y.claim, [_span(y)])],
        [text_a, text_b, join_ids(sorted(shared[:ABOUT]))],
        ctx.settings,
    )


def _pinned(x: _Mention, y: _Mention) -> bool:
    """Two times of articles of one day whose sentences state a figure alike (a year,
    an amount; not the day of a date) in the clause of one of them: the figure pins
    both to one fact, which they date. Articles of different days date the instances
    of a recurring fact (each week's claims) each from its own day."""
    if x.published is None or x.published != y.published:
        return False
    shared = x.about.keys() & y.about.keys()
    figures = _figures_in(x.claim) & _figures_in(y.claim)
    return any(w in figures and (w in x.near or w in y.near) for w in shared)


def _figures_in(claim: Claim) -> set[str]:
    """The stems of a claim's words with a digit that are no part of a date."""
    in_dates = set(date_parts(claim.tokens))
    norms = [t.norm for t in claim.tokens]
    return {
        stem(w)
        for i, w in enumerate(norms)
        if any(ch.isdigit() for ch in w)
        and i not in in_dates
        and not (i and (norms[i - 1] in MONTHS or norms[i - 1] in MONTH_ABBR))
    }


def _span(m: _Mention) -> tuple[int, int]:
    return m.fact.start, m.fact.end


def _shown(ctx: Context, m: _Mention) -> str:
    start, end = _span(m)
    return ctx.sources[m.claim.source].text[start:end]
