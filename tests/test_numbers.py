"""Numbers and dates read from tokens: values by text2num, spans in the original text."""

from __future__ import annotations

import pytest

from factcheck.text.fold import tokenize
from factcheck.text.numbers import dates, quantities


@pytest.mark.parametrize(
    ("text", "value", "written"),
    [
        ("Crews saved twenty five sheep.", 25, "twenty five"),
        ("Crews saved twenty-five sheep.", 25, "twenty-five"),
        ("They built three hundred and forty huts.", 340, "three hundred and forty"),
        ("It keeps ¼ of the fee.", 0.25, "¼"),
        ("The walk took 1½ hours.", 1.5, "1½"),
        ("Some five million trees fell.", 5e6, "five million"),
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
