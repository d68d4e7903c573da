"""Fact mentions inside claims: figures (what is counted, how much), times (what is
dated, when) and people's ages, each with its offsets and the words around it that say
what it is about.

Outlets that write their own sentences state the same figure or date in different
words, so a mention is matched by what it is about, not by its sentence: the counted
noun ("1.5 million women" counts women; "$500,000 of airtime" is an amount of airtime),
and the content words of its clause (the actor and the action). Words are compared by
a light stem, so "reaffirmed" and "reaffirming", "fund" and "funds" are one word.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from factcheck.model import Claim
from factcheck.text.fold import Token
from factcheck.text.lexicons import american_form, data_table, graded, stopwords, zipf
from factcheck.text.numbers import (
    MEASURE_WORDS,
    MONTH_ABBR,
    MONTHS,
    ORDINAL_ENDS,
    ORDINALS,
    SCALES,
    WEEKDAYS,
    DateMention,
    Quantity,
    date_parts,
    dates,
    is_year,
    may_date,
    number_value,
    quantities,
)

# Hedges that qualify a figure, longest first: an estimate, a lower or an upper bound.
_HEDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("as", "many", "as"), "below"),
    (("as", "much", "as"), "below"),
    (("as", "high", "as"), "below"),
    (("as", "few", "as"), "above"),
    (("as", "little", "as"), "above"),
    (("more", "than"), "above"),
    (("fewer", "than"), "below"),
    (("less", "than"), "below"),
    (("at", "least"), "above"),
    (("at", "most"), "below"),
    (("no", "more", "than"), "below"),
    (("up", "to"), "below"),
    (("in", "excess", "of"), "above"),
    (("upward", "of"), "above"),
    (("upwards", "of"), "above"),
    (("over",), "above"),
    (("above",), "above"),
    (("under",), "below"),
    (("below",), "below"),
    (("almost",), "about"),
    (("nearly",), "about"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("approximately",), "about"),
    (("some",), "about"),
    (("estimated",), "about"),
    (("an", "estimated"), "about"),
    (("circa",), "about"),
    (("close", "to"), "about"),
)
# Words after a figure that are not what it counts.
_NOT_COUNTED = frozenset(SCALES) | frozenset(WEEKDAYS) | {"percent", "per", "cent", "of"}
# Irregular English plurals (a grammar resource): "women" counts what "woman" counts.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "leaves": "leaf",
    "thieves": "thief",
    "criteria": "criterion",
    "phenomena": "phenomenon",
}
# Relative times and the length of the span they name, for dating against the article.
_PERIODS = {"week": 7, "month": 31, "year": 366, "weekend": 2}
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_RELATIVE_WORDS = ("last", "this", "next", "past")
_RELATIVE_START = frozenset(_RELATIVE_DAYS) | frozenset(_RELATIVE_WORDS)
_CLAUSE_END = re.compile(r"[,;:.!?()\[\]—–]")
CLAUSE_BREAK = re.compile(r"[,;:()\[\]—–]|\s-{1,2}\s")
OTHER_TIME = frozenset({"after", "before", "until"})
MIN_CLAUSE_WORDS = 3  # a clause shorter than this ("On Wednesday,") dates the next one


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure in a claim: its value, its unit (a currency sign, "%" or "") and what it counts
    (the lemma of the noun after it: "woman"), how it is hedged, and where it stands."""

    claim: str
    value: float
    unit: str
    counted: str
    hedge: str  # "about", "above", "below" or ""
    start: int  # character offsets of the hedge, figure and counted noun in the source text
    end: int
    first: int  # token indexes (hedge, figure and counted noun), for the context around it
    last: int
    # A tally ("passed 92-6"): ``value`` for and ``second`` against, spanning the two counts.
    form: str = ""
    second: float | None = None


@dataclass(frozen=True, slots=True)
class When:
    """A time in a claim: a weekday, a day of a month, or a relative span ("last week"),
    resolved to days (proleptic ordinals, inclusive) where the article has a date."""

    claim: str
    kind: str  # "weekday", "day" or "relative"
    value: str  # "tuesday", "june 5", "last week"
    start: int
    end: int
    first: int
    last: int
    days: tuple[int, int] | None = None  # the span it names, when it can be dated
    said: bool = False  # it dates a statement ("said on Friday"), not the event told
    # The day's edge the words around it name: -1 for "early Friday" (the night before
    # in another time zone), +1 for "late Monday" or "Monday night", 0 for neither; and
    # whether it opens a span ("since Friday": any day from then on).
    edge: int = 0
    since: bool = False


@dataclass(frozen=True, slots=True)
class Age:
    """A person's age told beside the name ("Orozco, 27," or "the 27-year-old Jose
    Orozco"): the surname it is told of, the age, and where the two stand."""

    claim: str
    person: str  # the surname as folded ("orozco")
    given: str  # the capitalised word right before it ("jose", "deputy"), or ""
    value: int
    start: int
    end: int


MAX_AGE = 110
CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)  # no names
_AGE_HINT = re.compile(r", \d{1,3}\b|\d-year-old")


def ages(claim: Claim, tokens: Sequence[Token]) -> list[Age]:
    """The ages a claim tells of people it names: an apposition ("Orozco, 27,"), a
    compound before the name ("27-year-old Jose Orozco") or after it ("Orozco, a
    27-year-old"). A number after a name and a comma is an age only when a comma
    closes it too and it is no year or day of a date."""
    if not _AGE_HINT.search(claim.text):
        return []  # most claims: no figure after a comma, no "-year-old"
    n = len(tokens)

    def name(i: int) -> bool:
        t = tokens[i]
        return t.text[:1].isupper() and t.text.isalpha() and t.norm not in _NOT_NAMES

    def honorific(i: int) -> bool:
        """ "Mr." before a name: the name goes on after its full stop."""
        return tokens[i].norm in _HONORIFICS and gap(claim, tokens, i) == ". "

    in_dates = date_parts(tokens)
    out = []

    def age(at: int, value: int, start: int, end: int) -> Age:
        """The age of the surname at token ``at``, with the word before it if a name."""
        given = ""
        if at > 0 and name(at - 1) and gap(claim, tokens, at - 1) == " " and not honorific(at - 1):
            given = tokens[at - 1].norm
        return Age(claim.id, tokens[at].norm, given, value, start, end)

    for i in range(n - 1):
        word = tokens[i].norm
        if not word.isdigit() or i in in_dates or not 0 < int(word) <= MAX_AGE:
            continue
        value = int(word)
        if tokens[i + 1].norm == "year-old" and gap(claim, tokens, i) == "-":
            # "27-year-old Jose Orozco": the last of the capitalised words after it
            j = i + 2
            while (
                j < n
                and name(j)
                and (j == i + 2 or gap(claim, tokens, j - 1) == " " or honorific(j - 1))
            ):
                j += 1
            if honorific(j - 1):
                continue
            # One capitalised word before a noun ("a 38-year-old Troy resident", "Texas
            # man") is a place or a people, not the person.
            alone = j == i + 3 and j < n and gap(claim, tokens, j - 1) == " "
            if alone and tokens[j].norm not in _AFTER_NAME:
                continue
            if j > i + 2:
                out.append(age(j - 1, value, tokens[i].start, tokens[j - 1].end))
                continue
            # "Orozco, a 27-year-old", "Orozco, the firm's 27-year-old": the name before
            # the apposition's article or possessive
            k = i - 1
            while k >= 1 and i - k <= APPOSITION_WORDS and _opens_apposition(tokens[k].norm):
                if gap(claim, tokens, k - 1) == ", " and name(k - 1):
                    first = k - 1  # the name's first word ("New" of "In New York, the")
                    while first > 0 and name(first - 1) and gap(claim, tokens, first - 1) == " ":
                        first -= 1
                    if first == 0 or tokens[first - 1].norm not in _PLACE_BEFORE:
                        out.append(age(k - 1, value, tokens[k - 1].start, tokens[i + 1].end))
                    break
                k -= 1
            continue
        # "Orozco, 27,": a name, a comma, the age and a comma
        if (
            i >= 1
            and name(i - 1)
            and gap(claim, tokens, i - 1) == ", "
            and gap(claim, tokens, i).startswith(",")
        ):
            out.append(age(i - 1, value, tokens[i - 1].start, tokens[i].end))
    return out


APPOSITION_WORDS = 3  # "the company's" between a name's comma and its age


def _opens_apposition(word: str) -> bool:
    """An article, a possessive pronoun or a possessive noun: what stands between a
    name's comma and the "-year-old" that tells its age ("Moss, the company's 57-year-old")."""
    return word in _APPOSITION_OPENERS or word.endswith("'s")


_APPOSITION_OPENERS = frozenset("a an the his her their its our".split())
_PLACE_BEFORE = frozenset("in at near outside inside from across".split())  # a place's name
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr"})
# Words that follow a person's name as the subject of the clause (a verb of being, a
# relative pronoun, a preposition of origin): after them, a lone capitalised word is a name.
_AFTER_NAME = frozenset("was is has had who whose of from in and said says".split())
# Capitalised words that are no surname before an age: the calendar, and words that
# open a sentence or a clause.
_NOT_NAMES = CALENDAR | frozenset("the a an in on at by of and but or for to from with".split())


@functools.cache
def singular(word: str) -> str:
    """The singular of an English noun, by rule ("measures" → "measure", "women" →
    "woman"); a word that does not look plural is returned as it is."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@functools.cache
def stem(word: str) -> str:
    """A light stem for comparing content words: inflections dropped ("reaffirmed",
    "reaffirming" → "reaffirm"), nothing more."""
    word = singular(word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            base = word[: -len(suffix)]
            if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
                base = base[:-1]  # "planned" → "plan"
            return base
    if word.endswith("e") and len(word) > 4:
        return word[:-1]  # "issue" and "issued" meet at "issu"
    return word


@functools.cache
def weight(word: str) -> float:
    """How much a shared word says that two mentions are about one thing: by its rarity
    in English (a name or a rare word most, a common word nothing), and a figure of the
    sentence (a vote tally, a year) as much as a rare word."""
    if any(ch.isdigit() for ch in word):
        return 4.0
    if len(word) <= 2 or word in stopwords() or not word.replace("-", "").isalpha():
        return 0.0
    if word in SCALES or word in ("percent", "cent"):
        return 0.0  # "million" of another figure of the sentence: no word of its fact
    return max(0.0, min(5.0, 7.0 - zipf(word)))


def figures(claim: Claim, tokens: Sequence[Token]) -> list[Figure]:
    """The figures of a claim with what they count, and its tallies ("passed 92-6", one
    figure of two counts). Years, days of dates, ranges ("10-15 people") and the halves
    of other pairs of numbers joined by a hyphen ("a 24-7 hotline") are left out."""
    norms = [t.norm for t in tokens]
    out = []
    for q in quantities(tokens, claim.text, claim.start):
        if q.form == "tally":
            counts = tokens[q.start], tokens[q.end - 1]  # "92" and "6" ("92-6", "92 to 6")
            out.append(
                Figure(
                    claim.id,
                    q.value,
                    "",
                    "",
                    "",
                    counts[0].start,
                    counts[1].end,
                    q.start,
                    q.end,
                    "tally",
                    q.second,
                )
            )
            continue
        unit = q.unit if q.unit in ("$", "€", "£", "%") else ""
        # (a sum after "the" is still told: "the $8 billion project" says what it costs)
        referred = not unit and _reference(tokens, q.start)
        if q.form or _tally(claim, tokens, q) or referred or _odds(norms, q):
            continue
        if _rank(claim, tokens, q) or _dimension(claim, tokens, q):
            continue
        value = q.value
        counted, at = _counted(claim, tokens, norms, q)
        if q.unit and not unit and _measure_compound(tokens[q.end - 1].norm, q.unit):
            # "a one-year contract" counts no contracts: it is a contract's length
            counted = f"{q.unit} {counted}" if counted else q.unit
        counted = _american(counted)
        hedge, width = _hedge(norms, q.start)
        if not hedge and _plus(claim, tokens, q):
            hedge = "above"  # "$1 trillion+", "1,000+ people": a lower bound
        last = max(q.start, q.end - 1) if at < 0 else at
        out.append(
            Figure(
                claim.id,
                value,
                unit,
                counted,
                hedge,
                tokens[q.start - width].start,
                tokens[last].end,
                q.start - width,
                last + 1,
            )
        )
    out.extend(_occasions(claim, tokens, norms))
    return out


def _american(counted: str) -> str:
    """What a figure counts in American spelling: "a 15-storey building" and "an 11-story
    building" count one thing."""
    if not counted:
        return counted
    return " ".join(american_form(w) or w for w in counted.split())


def _rank(claim: Claim, tokens: Sequence[Token], q: Quantity) -> bool:
    """An ordinal in digits ("the 10th victory", "5th seed"): a rank, not a count; two
    ranks in other sentences are mostly of other things."""
    at = q.end
    if at >= len(tokens) or tokens[at].norm not in ORDINAL_ENDS:
        return False
    return tokens[at].start == tokens[at - 1].end


_BY = frozenset({"x", "×", "by"})


def _dimension(claim: Claim, tokens: Sequence[Token], q: Quantity) -> bool:
    """Sizes and kinds written as a product ("2880 x 1800 pixels", "a four-by-four",
    "a 4×4 car"): no count of anything."""
    norms = [t.norm for t in tokens]
    if "-by-" in norms[q.start]:
        return True
    last, after = q.end - 1, q.end
    if after < len(norms) and gap(claim, tokens, last).strip() == "×":
        return True  # "4×4": the sign is no token
    if q.start > 0 and gap(claim, tokens, q.start - 1).strip() == "×":
        return True
    return (after + 1 < len(norms) and norms[after] in _BY and _size(norms[after + 1])) or (
        q.start >= 2 and norms[q.start - 1] in _BY and _size(norms[q.start - 2])
    )


def _size(word: str) -> bool:
    """A number that can be a side of a size: no year ("hire 1,000 by 2030")."""
    return _number(word) and not is_year(word)


_ORDINAL_WORDS = frozenset(ORDINALS)


def _occasions(claim: Claim, tokens: Sequence[Token], norms: list[str]) -> list[Figure]:
    """How many times something has happened, told by an ordinal word ("the third time
    in five years"): a count of the occasions, counted as "time"."""
    out: list[Figure] = []
    if _ORDINAL_WORDS.isdisjoint(norms):
        return out  # most claims: no ordinal, found in C
    for i in range(len(norms) - 1):
        value = ORDINALS.get(norms[i], 0)
        if value and singular(norms[i + 1]) == "time":
            start, end = tokens[i].start, tokens[i + 1].end
            out.append(Figure(claim.id, value, "", "time", "", start, end, i, i + 2))
    return out


def _plus(claim: Claim, tokens: Sequence[Token], q: Quantity) -> bool:
    """The figure is written with a plus sign after it ("$1 trillion+", "1,000+")."""
    end = tokens[max(q.start, q.end - 1)].end - claim.start
    return claim.text[end : end + 1] == "+"


def _tally(claim: Claim, tokens: Sequence[Token], q: Quantity) -> bool:
    """A number joined by a hyphen to another that is neither a tally nor a range of
    ``quantities`` ("a 24-7 hotline"): half of a pair, no figure of its own."""
    text, base = claim.text, claim.start
    for i in (q.start - 1, q.end):
        if 0 <= i < len(tokens) and tokens[i].norm.isdigit():
            lo, hi = sorted((i, q.start if i < q.start else q.end - 1))
            between = text[tokens[lo].end - base : tokens[hi].start - base]
            if between in ("-", "–"):
                return True
    return False


def _odds(norms: Sequence[str], q: Quantity) -> bool:
    """Odds ("one-in-three", "1 in 3"): a ratio, not a count of anything. A number after
    "in" alone is a count ("in six counties")."""
    if "-in-" in norms[q.start]:
        return True
    if q.start > 1 and norms[q.start - 1] == "in" and _number(norms[q.start - 2]):
        return True
    return q.end + 1 < len(norms) and norms[q.end] == "in" and _number(norms[q.end + 1])


def _number(word: str) -> bool:
    return number_value([word]) is not None


def _reference(tokens: Sequence[Token], i: int) -> bool:
    """A number after a determiner or a possessive ("the two states", "the state's two
    senators") names a set the article already has, it does not report a count; unless a
    superlative follows it ("the world's 100 poorest countries"): the size of a ranked
    set is what is reported."""
    if i == 0:
        return False
    before = tokens[i - 1].norm
    if i + 1 < len(tokens) and graded(tokens[i + 1].norm) == "superlative":
        return False
    return before in _DETERMINERS or before.endswith("'s") or before.endswith("s'")


_DETERMINERS = frozenset("the these those its their his her our your my whose".split())


@functools.cache
def _casualties() -> tuple[dict[str, str], dict[str, str]]:
    """(word after a count → the toll it tells, verb before a count → the toll)."""
    table = data_table("numbers.toml")["casualties"]
    after = {w: toll for toll in ("killed", "injured") for w in table[toll].split()}
    before = {w: toll for toll in ("killed", "injured") for w in table[f"{toll}_by"].split()}
    return after, before


def _measure_compound(word: str, unit: str) -> bool:
    """ "one-year", "two-week": a number word and its unit written as one adjective."""
    head, _, tail = word.rpartition("-")
    return bool(head) and tail.isalpha() and singular(tail) == unit


def _counted(
    claim: Claim, tokens: Sequence[Token], norms: Sequence[str], q: Quantity
) -> tuple[str, int]:
    """The noun a figure counts and its index: the first content word after it, past
    modifiers (a hyphenated compound, "House-passed"; a capitalised word, "Republican"; a
    comparative or a superlative, "poorest"; a suspended hyphen, "low- and
    middle-income") and "of" ("$500,000 of airtime"); ("", -1) when none. A toll is
    counted as its casualties whichever word tells it ("1 killed", "killing 2", "20
    dead"); nothing past a comma or a full stop counts ("killing 2, Engel reported")."""
    found = _counted_noun(claim, tokens, norms, q)
    after, before = _casualties()
    if found[0] in after:
        k = found[1] + 1
        head = k < len(tokens) and tokens[k].norm.isalpha() and tokens[k].norm not in stopwords()
        if not head or tokens[k].norm in after:  # "3 death threats" counts threats
            return after[found[0]], found[1]
        return found
    if not found[0] or found[1] < 0:
        at = q.start - 1 - _hedge(norms, q.start)[1]  # "killing at least 2"
        if at >= 0 and tokens[at].norm in before:
            return before[tokens[at].norm], -1
    return found


def gap(claim: Claim, tokens: Sequence[Token], i: int) -> str:
    """The text between tokens ``i`` and ``i + 1`` of a claim (spaces, punctuation)."""
    return claim.text[tokens[i].end - claim.start : tokens[i + 1].start - claim.start]


def _counted_noun(
    claim: Claim, tokens: Sequence[Token], norms: Sequence[str], q: Quantity
) -> tuple[str, int]:
    n = len(norms)
    j = q.end
    if 0 < j < n and _CLAUSE_END.search(gap(claim, tokens, j - 1)):
        return "", -1
    if j < n and norms[j] in ("percent", "per", "cent"):
        return "", -1
    if j < n and norms[j] == "of" and j + 1 < n:
        j += 1
    k, stop = j, min(j + 3, n)
    while k < stop:
        word = norms[k]
        if _suspended(claim, tokens, k):
            k, stop = k + 2, min(stop + 2, n)  # "low- and": the compound after it goes on
            continue
        if word in _NOT_COUNTED or word in stopwords() or not word.replace("-", "").isalpha():
            return "", -1
        modifier = "-" in word or tokens[k].text[:1].isupper()
        if modifier and "-" not in word and word.endswith("s") and k + 1 < n:
            # "67 Republicans voted": a capitalised plural before a verb is the noun
            # ("two Republican senators" is a modifier)
            modifier = not norms[k + 1].endswith("ed")
        if modifier and k + 1 < n and norms[k + 1].replace("-", "").isalpha():
            k += 1
            continue  # "16 House-passed measures", "two Republican senators"
        if graded(word) and k + 1 < n and _noun_after(norms[k + 1]):
            k += 1
            continue  # "100 poorest countries", "92 poorer countries"
        if word in MEASURE_WORDS and k + 1 < n and norms[k + 1].isalpha():
            return f"{word} {singular(norms[k + 1])}", k + 1  # "square feet", "square metres"
        return singular(word), k
    return "", -1


def _suspended(claim: Claim, tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` is the first half of a suspended compound: a hyphen, a space and "and"
    or "or" after it, a word after those ("low- and middle-income countries")."""
    if k + 2 >= len(tokens) or tokens[k + 1].norm not in ("and", "or"):
        return False
    gap = claim.text[tokens[k].end - claim.start : tokens[k + 1].start - claim.start]
    return gap == "- " and tokens[k].norm.isalpha()


def _noun_after(word: str) -> bool:
    """A word that can be the noun after an adjective: a content word, no stop word."""
    return word.isalpha() and word not in stopwords() and word not in _NOT_COUNTED


def _hedge(norms: Sequence[str], start: int) -> tuple[str, int]:
    """How the words before a figure qualify it, and how many words they are."""
    for words, hedge in _HEDGES:
        n = len(words)
        if start >= n and tuple(norms[start - n : start]) == words:
            return hedge, n
    return "", 0


_TIME_WORDS = frozenset(_RELATIVE_DAYS) | frozenset(_PERIODS)


def may_time(words: Sequence[str], text: str) -> bool:
    """Whether a claim can hold a time: a cheap test before ``whens``."""
    return may_date(words, text) or not _TIME_WORDS.isdisjoint(words)


def whens(claim: Claim, tokens: Sequence[Token], published: dt.date | None) -> list[When]:
    """The weekdays, days and relative spans of a claim, dated against ``published``
    (the article's date) where it is known. Months and years alone are left out."""
    norms = [t.norm[:-2] if t.norm.endswith("'s") else t.norm for t in tokens]
    out = []
    taken: set[int] = set()
    for d in dates(tokens):
        if d.kind not in ("weekday", "day"):
            continue
        first = d.start
        value = d.value
        if d.kind == "weekday" and first > 0 and norms[first - 1] in ("last", "next", "this"):
            first -= 1
            value = f"{norms[first]} {d.value}"
        year = _year_after(norms, d.end) if d.kind == "day" else None
        if year is not None and published is not None and year != published.year:
            continue  # "Sept. 11, 2001" in a later article: history, not the news
        days = _date_days(d, value, published, year)
        edge = _edge(norms, first, d.end)
        since = first > 0 and norms[first - 1] in _SINCE
        if days is not None and edge:
            days = (days[0] + min(edge, 0), days[1] + max(edge, 0))
        if days is not None and since and published is not None:
            days = (days[0], max(days[1], published.toordinal()))
        taken.update(range(first, d.end))
        out.append(
            When(
                claim.id,
                d.kind,
                value,
                tokens[first].start,
                tokens[d.end - 1].end,
                first,
                d.end,
                days,
                edge=edge,
                since=since,
            )
        )
    for i in [k for k, w in enumerate(norms) if w in _RELATIVE_START]:
        word = norms[i]
        if i in taken:
            continue
        if word in _RELATIVE_DAYS:
            value, last = word, i + 1
        elif word in _RELATIVE_WORDS and i + 1 < len(norms) and norms[i + 1] in _PERIODS:
            value, last = f"{word} {norms[i + 1]}", i + 2
        else:
            continue
        span = _relative(value, published)
        start, end = tokens[i].start, tokens[last - 1].end
        out.append(When(claim.id, "relative", value, start, end, i, last, span))
    return sorted(
        (replace(w, said=_dates_saying(norms, w.first, w.last)) for w in out),
        key=lambda w: w.start,
    )


_EARLY = frozenset({"early"})
_LATE = frozenset({"late", "overnight"})
_NIGHT = frozenset({"night", "evening"})
_SINCE = frozenset({"since"})


def _edge(norms: Sequence[str], first: int, end: int) -> int:
    """-1 when a day is told as its first hours ("early Friday"), +1 as its last ("late
    Monday", "Monday night"): news of one night is dated either day by outlets of other
    time zones or deadlines. 0 otherwise."""
    before = norms[first - 1] if first > 0 else ""
    after = norms[end] if end < len(norms) else ""
    if before in _EARLY:
        return -1
    if before in _LATE or after in _NIGHT:
        return 1
    return 0


# Verbs of saying (each inflection): a time beside one dates the statement.
_SAYING = frozenset(
    "say says said tell tells told state states stated add adds added announce announces "
    "announced ask asks asked reply replies replied write writes wrote comment comments "
    "commented".split()
)


def _dates_saying(norms: Sequence[str], first: int, last: int) -> bool:
    """The time stands next to a verb of saying ("said on Friday", "told reporters
    Tuesday" is not): outlets quote different statements of the same people, made on
    different days, so a statement's day says nothing of the event's."""
    before = norms[max(0, first - 2) : first]
    after = norms[last : last + 1]
    return not _SAYING.isdisjoint(before) or not _SAYING.isdisjoint(after)


def _year_after(norms: Sequence[str], i: int) -> int | None:
    """The year written right after a day ("Sept. 11, 2001"), else None."""
    if i < len(norms) and len(norms[i]) == 4 and norms[i].isdigit():
        return int(norms[i])
    return None


def _date_days(
    d: DateMention, value: str, published: dt.date | None, year: int | None = None
) -> tuple[int, int] | None:
    """A day of a month (in its own year, else the article's), or a weekday with
    "last"/"next"/"this", as a day; a bare weekday is not dated (it may be the coming
    one or the last)."""
    if published is None and year is None:
        return None
    if d.kind == "day":
        month, _, number = value.partition(" ")
        in_year = year if year is not None else published.year if published else 0
        try:
            when = dt.date(in_year, _MONTH_NUMBER[month], int(number))
        except (KeyError, ValueError):
            return None
        return when.toordinal(), when.toordinal()
    word, _, name = value.partition(" ")
    if not name or published is None:
        return None
    target = WEEKDAYS.index(name)
    today = published.toordinal()
    ahead = (target - published.weekday()) % 7
    if word == "last":
        day = today - ((published.weekday() - target) % 7 or 7)
    elif word == "next":
        day = today + (ahead or 7)
    else:  # "this Tuesday": the one of this week, before or after the article's day
        day = today + ahead if ahead <= 3 else today + ahead - 7
    return day, day


_MONTH_NUMBER = {
    m: n
    for n, m in enumerate(
        (
            "january february march april may june july august september october november december"
        ).split(),
        start=1,
    )
}


def _relative(value: str, published: dt.date | None) -> tuple[int, int] | None:
    """The days a relative time names, counted from the article's date: "last week" is
    the calendar week before the article's (Monday to Sunday), "last month" the calendar
    month before, "past week" the seven days up to it."""
    if published is None:
        return None
    today = published.toordinal()
    if value in _RELATIVE_DAYS:
        day = today + _RELATIVE_DAYS[value]
        return day, day
    word, _, period = value.partition(" ")
    monday = today - published.weekday()
    if word == "past":
        return today - _PERIODS[period], today
    shift = {"last": -1, "this": 0, "next": 1}[word]
    if period == "week":
        start = monday + 7 * shift
        return start, start + 6
    if period == "weekend":
        saturday = monday + 5 + 7 * shift
        if word == "last" and published.weekday() >= 5:
            saturday += 7  # on a Sunday, "last weekend" may be the one just ending
        if word == "this" and published.weekday() == 0:
            return saturday - 8, saturday + 2  # on a Monday: the one just ended or the next
        return saturday - 1, saturday + 2  # Friday night to Monday morning
    if period == "month":
        year, month = published.year, published.month + shift
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        first = dt.date(year, month, 1)
        after = dt.date(year + month // 12, month % 12 + 1, 1)
        return first.toordinal(), after.toordinal() - 1
    year = published.year + shift
    return dt.date(year, 1, 1).toordinal(), dt.date(year, 12, 31).toordinal()


def published(date: str) -> dt.date | None:
    """An article's date ("2011-06-17", or an ISO timestamp) as a day, else None."""
    try:
        return dt.date.fromisoformat(date.strip()[:10])
    except ValueError:
        return None


def days_apart(a: dt.date | None, b: dt.date | None, limit: int) -> bool:
    """Both days known and more than ``limit`` days apart: reports of a story that moved on."""
    return a is not None and b is not None and abs((a - b).days) > limit


def context(
    claim: Claim, tokens: Sequence[Token], first: int, last: int
) -> tuple[dict[str, float], frozenset[str]]:
    """The words a mention is about: each content word's stem → its weight times its
    closeness, 1 for the words of the mention's clause (the actor and the action of a
    short clause such as "On Wednesday," are in the next), 0.5 for the rest of the
    sentence; and the stems of the clause."""
    n = len(tokens)
    breaks = [bool(CLAUSE_BREAK.search(gap(claim, tokens, i))) for i in range(n - 1)]
    lo, hi = first, last  # tokens lo..hi-1
    while lo > 0 and not breaks[lo - 1]:
        lo -= 1
    while hi < n and not breaks[hi - 1]:
        hi += 1
    if _content(tokens, lo, hi, first, last) < MIN_CLAUSE_WORDS:
        # The clause before and the clause after join it.
        if lo > 0:
            lo -= 1
            while lo > 0 and not breaks[lo - 1]:
                lo -= 1
        if hi < n:
            hi += 1
            while hi < n and not breaks[hi - 1]:
                hi += 1
    hi = _before_other_time(tokens, lo, hi, first, last)
    out: dict[str, float] = {}
    near = set()
    for i, t in enumerate(tokens):
        if first <= i < last or not (w := weight(t.norm)):
            continue
        key = stem(t.norm)
        closeness = 1.0 if lo <= i < hi else 0.5
        if lo <= i < hi:
            near.add(key)
        out[key] = max(out.get(key, 0.0), w * closeness)
    return out, frozenset(near)


def _before_other_time(tokens: Sequence[Token], lo: int, hi: int, first: int, last: int) -> int:
    """Where the mention's clause ends when a clause of another time follows it ("laid
    into the media on Friday after a draft report ..."): that clause tells the event
    before or after the mention's, not its own. Not when what is left is too short to
    say what the mention dates ("On Friday after the vote, the council ..."), nor at a
    "before" of place ("testified before the Senate")."""
    for k in range(last, hi):
        word = tokens[k].norm
        if word not in OTHER_TIME:
            continue
        if word == "before" and k + 1 < hi and _placed(tokens, k + 1):
            continue
        if _content(tokens, lo, k, first, last) >= MIN_CLAUSE_WORDS:
            return k
        return hi
    return hi


def _placed(tokens: Sequence[Token], k: int) -> bool:
    """Token ``k`` (after "before") opens a name, itself or after "the" or "a"."""
    if tokens[k].norm in ("the", "a", "an") and k + 1 < len(tokens):
        k += 1
    return tokens[k].text[:1].isupper()


def _content(tokens: Sequence[Token], lo: int, hi: int, first: int, last: int) -> int:
    return sum(1 for i in range(lo, hi) if not first <= i < last and weight(tokens[i].norm))
