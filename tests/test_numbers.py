"""Numbers and dates read from tokens: values by text2num, spans in the original text."""

from __future__ import annotations

import pytest

from factcheck.text.fold import tokenize
from factcheck.text.numbers import clock_times, dates, quantities


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("Crews saved twenty five sheep.", 25, "twenty five"),
        ("Crews saved twenty-five sheep.", 25, "twenty-five"),
        ("They built three hundred and forty huts.", 340, "three hundred and forty"),
        ("It keeps ¼ of the fee.", 0.25, "¼"),
        ("The walk took 1½ hours.", 1.5, "1½"),
        ("Some five million trees fell.", 5e6, "five million"),
        ("Crews saved twenty-5 sheep.", 25, "twenty-5"),
    ],
)
def test_value_and_span_in_the_original_text(text: str, value: float, written: str) -> None:
    tokens = tokenize(text, 10)  # offsets from 10: as inside a longer source
    (q,) = quantities(tokens)
    assert q.value == value
    source = " " * 10 + text
    assert source[tokens[q.start].start : tokens[q.end - 1].end] == written


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("They met on 3 June in the hall.", "june 3"),
        ("They met on June 3 in the hall.", "june 3"),
        ("They met on 2024-06-03 in the hall.", "june 3"),
    ],
)
def test_days_are_dates_not_numbers(text: str, value: str) -> None:
    tokens = tokenize(text, 0)
    assert [d.value for d in dates(tokens) if d.kind == "day"] == [value]
    assert quantities(tokens) == []


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a whole number and a fraction are one figure
        ("The hearing lasted 3 1/2 hours.", [(3.5, "hour")]),
        ("She served a 2-1/2 year term.", [(2.5, "year")]),
        ("The attacks of 9/11 changed air travel.", [(9, ""), (11, "changed")]),
        # codes are no counts: a leading zero, or three groups of digits in a row
        ("Call the helpline on 0800 123 4567 today.", []),
        ("Agent 007 returns.", []),
        # a figure in brackets after another is a conversion of it
        ("The fund holds €40 billion ($45 billion) in bonds.", [(40e9, "€")]),
        ("The trail runs 12 km (7.5 miles) uphill.", [(12, "km")]),
        ("The fire killed 12 people (3 children) overnight.", [(12, "people"), (3, "children")]),
        # "one of the largest" is one among a ranked set
        ("It is one of the largest banks in Europe.", []),
        ("One of the two boats sank.", [(1, "of"), (2, "boat")]),
        ("One of the protest leaders was held.", [(1, "of")]),
        # a unit joined by hyphens is its words
        ("A 9,000-square-foot warehouse burned.", [(9000, "square foot")]),
        # "m" is million after a sum or before what it counts, else metres
        ("The club paid £40m for him.", [(40e6, "£")]),
        ("Some 2m people fled the floods.", [(2e6, "people")]),
        ("The climber fell 300m while descending.", [(300, "m")]),
    ],
)
def test_what_a_figure_reads(text: str, read: list[tuple[float, str]]) -> None:
    tokens = tokenize(text, 0)
    assert [(q.value, q.unit) for q in quantities(tokens, text, 0)] == read


def test_a_decade_is_no_year() -> None:
    tokens = tokenize("In the 1970s she moved to Ohio, and in 1992 she left.", 0)
    assert [d.value for d in dates(tokens) if d.kind == "year"] == ["1992"]
    tokens = tokenize("The 2012's election was close, unlike the 1990's.", 0)
    assert [d.value for d in dates(tokens) if d.kind == "year"] == ["2012"]


def test_two_separate_numbers_stay_two() -> None:
    tokens = tokenize("One of the two boats sank.", 0)
    assert [q.value for q in quantities(tokens)] == [1, 2]


@pytest.mark.parametrize(
    ("rough", "exact", "rounded"),
    [
        (2.5, 2.47, True),
        (1300, 1250, True),
        (1e12, 1.2e12, True),  # "$1 trillion" and "$1.2 trillion": read without an exponent
        (3e10, 3.4e10, True),
        (2.5e9, 2.47e9, True),
        (1e12, 1.6e12, False),
        (40, 45, False),
        (1.2e12, 1.2e12, False),
        (100, 96, True),  # rounded up into the next power of ten, and near it
        (1e7, 9.7e6, True),
        (100, 92, False),  # too far for a rounding up to a hundred
        (1000, 900, False),
    ],
)
def test_a_figure_and_its_rounded_form(rough: float, exact: float, rounded: bool) -> None:
    from factcheck.checks.conflicts import _rounded

    assert _rounded(rough, exact) is rounded
    assert _rounded(exact, rough) is rounded


@pytest.mark.parametrize(
    ("text", "form", "values", "written"),
    [
        ("The Senate passed it 92-6 in April.", "tally", (92, 6), "92-6"),
        ("It cleared on a 94–1 vote.", "tally", (94, 1), "94–1"),
        ("The vote was 364 to 62, the clerk said.", "tally", (364, 62), "364 to 62"),
        ("The club won the final 3-1 at home.", "tally", (3, 1), "3-1"),
        ("Officials expect 10-15 volunteers to count the votes.", "range", (10, 15), "10-15"),
        ("The scheme is for people aged 18-24.", "range", (18, 24), "18-24"),
        ("A $3-5 million grant was passed.", "range", (3e6, 5e6), "$3-5 million"),
    ],
)
def test_numbers_joined_by_a_hyphen_are_one(
    text: str, form: str, values: tuple[float, float], written: str
) -> None:
    tokens = tokenize(text, 10)
    source = " " * 10 + text
    (q,) = [q for q in quantities(tokens, text, 10) if q.form]
    assert (q.form, q.value, q.second) == (form, *values)
    assert source[tokens[q.start].start : tokens[q.end - 1].end] == written


@pytest.mark.parametrize(
    "text",
    [
        "Call 555-123-4567 to vote.",  # a chain: a phone number
        "He served from 1998-2004 and won.",  # years
        "They voted on 2024-06-03 again.",  # an ISO date
        "The lead shrank from 10 to 4 in the vote.",  # a change, not a tally
        "A 24-7 hotline opened.",  # the larger first, no word of voting
        "Support won 5-3 percent more.",  # a unit of measure after it
    ],
)
def test_no_range_or_tally(text: str) -> None:
    tokens = tokenize(text, 0)
    assert not [q for q in quantities(tokens, text, 0) if q.form]


def test_without_the_text_numbers_are_read_one_by_one() -> None:
    text = "The Senate passed it 92-6."
    assert [q.value for q in quantities(tokenize(text, 0))] == [92, 6]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Updated 9:53 AM, the ferry left with 40 people", [40.0]),
        ("the quake was registered at 17:06 hours local time", []),
        ("the home side led 3:1 at the break", [3.0, 1.0]),  # a score, not a time
    ],
)
def test_times_of_day_are_no_counts(text: str, values: list[float]) -> None:
    assert [q.value for q in quantities(tokenize(text), text, 0)] == values


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("The ferry left at 6:15 p.m. on Friday.", 18 * 60 + 15),
        ("The ferry left at 18:15 on Friday.", 18 * 60 + 15),
        ("The ferry left at 12:30 a.m. on Friday.", 30),
        ("The ferry left at 12:30 pm on Friday.", 12 * 60 + 30),
        ("The ferry left at 4:67 p.m. on Friday.", 16 * 60 + 67),  # a slip, as written
    ],
)
def test_times_of_day_in_minutes(text: str, minutes: int) -> None:
    assert [m for _i, _j, m in clock_times(tokenize(text, 0), text, 0)] == [minutes]


def test_a_ratio_or_a_score_of_one_digit_is_no_time() -> None:
    text = "The board voted 7:2 and the mix was 3:1."
    assert clock_times(tokenize(text, 0), text, 0) == []
