"""Fact mentions (facts/mentions.py) and their comparison across sentences (checks/across.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from factcheck.config import Settings
from factcheck.facts.mentions import ages, figures, published, singular, stem, whens
from factcheck.facts.statements import statements, verb_base
from factcheck.model import Claim, Severity, Source
from factcheck.pipeline import analyse
from factcheck.text.fold import tokenize
from tests.conftest import assert_offsets


def _claim(text: str, start: int = 10) -> Claim:
    tokens = tokenize(text, start)
    return Claim("c1", "s", start, start + len(text), text, tuple(t.norm for t in tokens))


@pytest.mark.parametrize(
    ("text", "value", "unit", "counted", "hedge", "shown"),
    [
        (
            "a suit for as many as 1.5 million women",
            1.5e6,
            "",
            "woman",
            "below",
            "as many as 1.5 million women",
        ),
        ("they booked $300,000 of airtime", 3e5, "$", "airtime", "", "$300,000 of airtime"),
        ("it passed 12 Senate-backed bills", 12, "", "bill", "", "12 Senate-backed bills"),
        ("two Labour councillors resigned", 2, "", "councillor", "", "two Labour councillors"),
        (
            "nearly two-dozen executive orders",
            24,
            "",
            "executive",
            "about",
            "nearly two-dozen executive",
        ),
        ("sales rose 4 percent", 4, "%", "", "", "4"),
        ("to 92 poorer countries", 92, "", "country", "", "92 poorer countries"),
        (
            "for 92 low- and middle-income countries",
            92,
            "",
            "country",
            "",
            "92 low- and middle-income countries",
        ),
        ("a bid in excess of $160 million", 1.6e8, "$", "", "above", "in excess of $160 million"),
        ("an emergency declared in six counties", 6, "", "county", "", "six counties"),
        ("fined for the third time this year", 3, "", "time", "", "third time"),
    ],
)
def test_figures(text: str, value: float, unit: str, counted: str, hedge: str, shown: str) -> None:
    claim = _claim(text)
    source = " " * 10 + text
    (f,) = figures(claim, claim.tokens)
    assert (f.value, f.unit, f.counted, f.hedge) == (value, unit, counted, hedge)
    assert source[f.start : f.end] == shown


@pytest.mark.parametrize(
    "text",
    [
        "the two unions signed",
        "the city's three bridges",
        "a one in five chance of rain",
        "the risk is 1 in 3 for smokers",
        "it takes 10-15 minutes by bus",
        "a 24-7 hotline opened",
    ],
)
def test_references_ranges_and_pairs_are_not_figures(text: str) -> None:
    claim = _claim(text)
    assert figures(claim, claim.tokens) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [("the vote was 52-48 in favour", "52-48"), ("the club won the final 3–1", "3–1")],
)
def test_a_tally_is_one_figure(text: str, shown: str) -> None:
    claim = _claim(text)
    source = " " * 10 + text
    (f,) = figures(claim, claim.tokens)
    assert f.form == "tally"
    assert (f.value, f.second) == tuple(float(n) for n in shown.replace("–", "-").split("-"))
    assert source[f.start : f.end] == shown


def test_whens_resolved_against_the_article_date() -> None:
    day = dt.date(2024, 3, 13)  # a Wednesday
    claim = _claim(
        "The panel met last week, then again last Friday, and reports today; it said on Monday"
    )
    found = {w.value: w for w in whens(claim, claim.tokens, day)}
    assert dt.date.fromordinal(found["last week"].days[0]) == dt.date(2024, 3, 4)
    assert dt.date.fromordinal(found["last week"].days[1]) == dt.date(2024, 3, 10)
    assert dt.date.fromordinal(found["last friday"].days[0]) == dt.date(2024, 3, 8)
    assert found["today"].days == (day.toordinal(), day.toordinal())
    assert found["monday"].days is None  # a bare weekday may be the last or the coming one
    assert found["monday"].said and not found["last week"].said
    month = whens(
        _claim("figures issued last month"), _claim("figures issued last month").tokens, day
    )
    assert [dt.date.fromordinal(d) for d in month[0].days] == [
        dt.date(2024, 2, 1),
        dt.date(2024, 2, 29),
    ]
    assert (
        whens(_claim("issued last month"), _claim("issued last month").tokens, None)[0].days is None
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Maura Keane, 52, was elected", [("keane", "maura", 52, "Keane, 52")]),
        (
            "the 31-year-old Englishman Tom Reilly fell",
            [("reilly", "tom", 31, "31-year-old Englishman Tom Reilly")],
        ),
        ("the 29-year-old Mr. Hale said", [("hale", "", 29, "29-year-old Mr. Hale")]),
        ("Hale, a 61-year-old, said", [("hale", "", 61, "Hale, a 61-year-old")]),
        (
            "Dana Moss, the company's 57-year-old chief executive, said",
            [("moss", "dana", 57, "Moss, the company's 57-year-old")],
        ),
        ("Moss, the 57-year-old mayor, said", [("moss", "", 57, "Moss, the 57-year-old")]),
        ("In Leeds, the city's 40-year-old stadium", []),  # a place's comma, no person's
        ("In New York, the city's 40-year-old stadium", []),
        ("a 38-year-old Leeds resident was held", []),  # a place before a noun
        ("the 27-year-old was held", []),  # no name
        ("On March 3, 12, people", []),  # a date, then a count
        ("in 2008, 27 were", []),
    ],
)
def test_ages(text: str, found: list[tuple[str, str, int, str]]) -> None:
    claim = _claim(text)
    source = " " * 10 + text
    got = [(a.person, a.given, a.value, source[a.start : a.end]) for a in ages(claim, claim.tokens)]
    assert got == found


def test_this_weekend_on_a_monday_may_be_either() -> None:
    text = "the mayor spoke this weekend"
    claim = _claim(text)
    (monday,) = whens(claim, claim.tokens, dt.date(2024, 3, 11))
    assert monday.days is not None
    days = [dt.date.fromordinal(d) for d in monday.days]
    assert days == [dt.date(2024, 3, 8), dt.date(2024, 3, 18)]  # the one ended, or the next
    (friday,) = whens(claim, claim.tokens, dt.date(2024, 3, 15))
    assert friday.days is not None
    assert [dt.date.fromordinal(d) for d in friday.days] == [
        dt.date(2024, 3, 15),
        dt.date(2024, 3, 18),
    ]


def test_a_date_of_another_year_is_history() -> None:
    claim = _claim("since the flood of March 3, 1998 and the vote on March 3")
    values = [w.value for w in whens(claim, claim.tokens, dt.date(2024, 3, 5))]
    assert values == ["march 3"]


def test_words_and_dates() -> None:
    assert [singular(w) for w in ("women", "bills", "policies", "taxes", "bus")] == [
        "woman",
        "bill",
        "policy",
        "tax",
        "bus",
    ]
    assert stem("reaffirmed") == stem("reaffirming") == "reaffirm"
    assert stem("planned") == "plan"
    assert published("2011-06-17") == dt.date(2011, 6, 17)
    assert published("2011-06-17T08:00:00Z") == dt.date(2011, 6, 17)
    assert published("") is None and published("June") is None


SHARED = (
    "The transport ministry has asked the rail operator to explain the delays on the coast.\n"
    "Passengers' groups welcomed the request and called for refunds on season tickets.\n"
)
WEEK = "Rail audit\n\n" + SHARED + "Auditors blamed outdated signals in a report issued last week."
MONTH = (
    "Rail operator under pressure\n\n"
    + SHARED
    + "Last month, an inspection of the signals found outdated equipment caused most failures."
)
TUESDAY = "Rail audit\n\n" + SHARED + "Auditors blamed outdated signals in a report issued Tuesday."
THURSDAY = (
    "Rail operator under pressure\n\n"
    + SHARED
    + "On Thursday, an inspection of the signals found outdated equipment caused most failures."
)
MARCH_12 = (
    "Rail operator under pressure\n\n"
    + SHARED
    + "On March 12, an inspection of the signals found outdated equipment caused most failures."
)


def _dates(a: tuple[str, str], b: tuple[str, str]) -> list[str]:
    sources = [Source("a", "a.txt", a[0], date=a[1]), Source("b", "b.txt", b[0], date=b[1])]
    report = analyse(sources, Settings())
    assert_offsets(report)
    return [f.message for f in report.findings if f.kind == "conflict-date"]


def test_relative_spans_conflict_when_their_days_do_not_meet() -> None:
    found = _dates((WEEK, "2024-03-13"), (MONTH, "2024-03-13"))
    assert len(found) == 1 and "last week" in found[0].lower() and "last month" in found[0].lower()
    # On Monday 4 March "last week" (26 February to 3 March) is partly "last month".
    assert _dates((WEEK, "2024-03-04"), (MONTH, "2024-03-04")) == []
    assert _dates((WEEK, ""), (MONTH, "")) == []  # undated: not compared
    # What a relative span dates is often a clause away: told, as info only.
    sources = [
        Source("a", "a.txt", WEEK, date="2024-03-13"),
        Source("b", "b.txt", MONTH, date="2024-03-13"),
    ]
    report = analyse(sources, Settings())
    assert [f.severity for f in report.findings if f.kind == "conflict-date"] == [Severity.INFO]


def test_weekdays_conflict_unless_the_articles_are_of_different_days() -> None:
    assert len(_dates((TUESDAY, ""), (THURSDAY, ""))) == 1
    assert len(_dates((TUESDAY, "2024-03-14"), (THURSDAY, "2024-03-14"))) == 1
    assert _dates((TUESDAY, "2024-03-13"), (THURSDAY, "2024-03-15")) == []
    assert _dates((TUESDAY, "2024-03-14"), (TUESDAY, "2024-03-14")) == []


def test_a_weekday_agrees_with_the_date_it_falls_on() -> None:
    assert (
        _dates((TUESDAY, "2024-03-14"), (MARCH_12, "2024-03-14")) == []
    )  # 12 March 2024: a Tuesday


def _said(text: str, headline: bool = False) -> list[tuple[str, str, bool, bool, str, bool]]:
    claim = _claim(text)
    if headline:
        claim = Claim(claim.id, "s", 10, 10 + len(text), text, claim.words, headline=True)
    source = " " * 10 + text
    return [
        (source[s.start : s.end], s.action, s.negated, s.possible, s.tense, s.passive)
        for s in statements(claim, claim.tokens)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council banned the march.", ("banned", "ban", False, False, "past", False)),
        ("The council did not ban the march.", ("did not ban", "ban", True, False, "past", False)),
        ("The firm won't sell the unit.", ("won't sell", "sell", True, False, "future", False)),
        ("The firm sold the unit.", ("sold", "sell", False, False, "past", False)),
        ("The firm may sell the unit.", ("may sell", "sell", False, True, "future", False)),
        ("It has not sold the unit.", ("has not sold", "sell", True, False, "perfect", False)),
        ("The race was not held.", ("was not held", "hold", True, False, "past", True)),
        ("He refused to pay the fine.", ("refused to pay", "pay", True, False, "past", False)),
        ("It no longer sells it.", ("no longer sells", "sell", True, False, "present", False)),
        (
            "It is not ruling out selling the unit.",
            ("is not ruling out selling", "sell", False, True, "future", False),
        ),
        (
            "It will not sell the unit until prices rise.",
            ("will not sell", "sell", True, True, "future", False),
        ),
        (
            "The firm did not apply for the loan.",
            ("did not apply", "apply for", True, False, "past", False),
        ),
        (
            "It will not supply weapons.",
            ("will not supply", "supply", True, False, "future", False),
        ),
    ],
)
def test_statements(text: str, expected: tuple[str, str, bool, bool, str, bool]) -> None:
    assert _said(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Will the council ban the march?",
        "If the council does not ban the march, the police will decide.",
        "Nobody knows whether the council will ban the march.",
        "The council did not say when, and the mayor does not have the votes.",
        "The council should never ban a march.",
    ],
)
def test_no_statement_of_the_action(text: str) -> None:
    """Questions, conditions, verbs of saying and light verbs say nothing about the
    march being banned."""
    assert [s for s in _said(text) if s[1] == "ban" or s[2]] == []


def test_reported_statements_and_headlines() -> None:
    claim = _claim("The minister insisted she did not leak the letter.")
    (st,) = statements(claim, claim.tokens)
    assert st.reported and st.negated
    for own in (
        "The United States did not ban the drug.",
        "It did not ban it, despite the charges.",
    ):
        claim = _claim(own)  # a noun of saying, or a name, is no report
        assert [x.reported for x in statements(claim, claim.tokens)] == [False]
    assert _said("Council bans the march", headline=True)[0][4] == "past"
    assert verb_base("sold") == verb_base("selling") == "sell"


def test_a_negation_between_sources_of_two_stories_is_left_to_the_across_check() -> None:
    """The conflicts check never compares two sources that share one sentence only; so
    it must not claim their negation either (the across check would then stay quiet)."""
    from factcheck.checks.conflicts import negation_aligned
    from factcheck.checks.context import Context
    from factcheck.claims.assemble import extract
    from factcheck.model import Cluster

    fact = "The harbour board will close the north quay to lorries from Monday."
    denied = "The harbour board will not close the north quay to lorries from Monday."
    texts = {
        "a": [fact]
        + [f"Sentence {w} of the first article is about the ferries." for w in "abcdef"],
        "b": [denied]
        + [f"Line {w} of the other report tells of the fishing fleet." for w in "abcdef"],
    }
    sources = {k: Source(k, f"{k}.txt", "\n\n".join(v)) for k, v in texts.items()}
    claims = extract(sources["a"]) + extract(sources["b"], 100)
    first = {c.source: c for c in claims if "quay" in c.text}
    apart = Context(sources, claims, [Cluster("k", (first["a"].id, first["b"].id))], Settings())
    assert not apart.same_story("a", "b")
    assert not negation_aligned(apart, first["a"], first["b"])
    one = {
        k: Source(k, f"{k}.txt", "\n\n".join([v[0], texts["a"][1], texts["a"][2]]))
        for k, v in texts.items()
    }
    claims = extract(one["a"]) + extract(one["b"], 100)
    first = {c.source: c for c in claims if "quay" in c.text}
    clusters = [
        Cluster(f"k{n}", (x.id, y.id))
        for n, (x, y) in enumerate(zip(claims[:3], claims[3:], strict=True))
    ]
    story = Context(one, claims, clusters, Settings())
    assert story.same_story("a", "b")
    assert negation_aligned(story, first["a"], first["b"])


def test_the_edges_of_a_day_and_a_span_since_one() -> None:
    day = dt.date(2024, 3, 15)  # a Friday

    def when(text: str) -> tuple[int, bool, list[dt.date] | None]:
        claim = _claim(text)
        (w,) = whens(claim, claim.tokens, day)
        days = [dt.date.fromordinal(d) for d in w.days] if w.days else None
        return w.edge, w.since, days

    # "early Friday" may be Thursday night elsewhere; "late Monday" may be Tuesday.
    assert when("the storm hit early Friday") == (-1, False, None)  # a bare weekday: by name
    assert when("the storm hit late Monday") == (1, False, None)
    assert when("the storm hit on Monday night") == (1, False, None)
    assert when("the storm hit on Monday") == (0, False, None)
    assert when("the storm hit early on March 14") == (0, False, [dt.date(2024, 3, 14)] * 2)
    assert when("the storm hit early March 14") == (
        -1,
        False,
        [dt.date(2024, 3, 13), dt.date(2024, 3, 14)],
    )
    # "since last Monday": any day from that Monday to the article's.
    assert when("rebels have seized towns since last Monday") == (
        0,
        True,
        [dt.date(2024, 3, 11), dt.date(2024, 3, 15)],
    )


BEDS = (
    "Hospital adds beds\n\nThe regional hospital opened {n} new beds for winter patients "
    "this week, staff said.\n\nThe wards had been full since the first cold spell in "
    "November, when the flu season began early.\n\nNurses from two other towns were "
    "brought in to staff the new wards over the holidays."
)


def test_one_figure_told_by_the_aligned_and_by_the_context_check_is_one_finding() -> None:
    # a and b print one sentence with another count (the conflicts check aligns them);
    # c tells the count in a sentence of its own (the across check matches it by its
    # context): one finding with each reading and its sources, not two.
    c = BEDS.format(n=35).replace(
        "The regional hospital opened 35 new beds for winter patients this week, staff said.",
        "Staff said 35 new beds were added this week at the regional hospital for patients"
        " in winter.",
    )
    sources = [
        Source("a", "a.txt", BEDS.format(n=25)),
        Source("b", "b.txt", BEDS.format(n=35)),
        Source("c", "c.txt", c),
    ]
    report = analyse(sources, Settings(jobs=1))
    assert_offsets(report)
    (number,) = [f for f in report.findings if f.kind == "conflict-number"]
    assert {r.text: r.sources for r in number.readings} == {"25": ("a",), "35": ("b", "c")}


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("the state will spend $5 billion over five years on roads", "5 year"),
        ("the state will spend $5 billion over a decade on roads", "10 year"),
        ("the state will spend $5 billion over the next ten years", "10 year"),
        ("the state will spend $5 billion each over the next ten years", "10 year"),
        ("the state will spend $5 billion a year on roads", "1 year"),
        ("the state will spend $5 billion over several years", "some year"),
        ("the state will spend $5 billion on roads", ""),
    ],
)
def test_the_span_a_sum_is_spent_over(text: str, period: str) -> None:
    from factcheck.checks.across import _period, _read

    (mention,) = [m for key, m in _read(_claim(text), None) if key and key[0] == "$"]
    assert _period(mention) == period
