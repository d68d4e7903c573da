"""Numbers, amounts, dates and durations in token lists.

"three" and "3" are the same number; "$2.5 billion" is 2.5e9 dollars;
"one-year" is a duration of one year. Relative dates ("yesterday", "last
week") are not dates that can conflict with absolute ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from factcheck.text.fold import Token

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "m": 1e6,
    "bn": 1e9,
    "k": 1e3,
    "mn": 1e6,
}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "september"}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_DIGITS = re.compile(r"^[$€£]?(\d[\d,]*(?:\.\d+)?)(%?)$")


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # "", "$", "%", "year", "people", ...
    start: int  # token index
    end: int


def _digit_value(word: str) -> float | None:
    m = _DIGITS.match(word)
    if not m:
        return None
    try:
        return float(m.group(1).replace(",", ""))
    except ValueError:
        return None


def _word_value(word: str) -> float | None:
    if word in UNITS and word != "a":
        return float(UNITS[word])
    if "-" in word:
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return float(UNITS[parts[0]] + UNITS[parts[1]])
    return _digit_value(word)


def number_value(words: Sequence[str]) -> float | None:
    """The value of a token list that is wholly one number ("2.5 billion", "three"), else None."""
    if not words:
        return None
    value = _word_value(words[0])
    if value is None:
        return None
    for w in words[1:]:
        if w in SCALES:
            value *= SCALES[w]
        else:
            return None
    return value


def quantities(tokens: Sequence[Token]) -> list[Quantity]:
    """Numbers with their unit: currency sign, per cent, or the next word."""
    out: list[Quantity] = []
    i = 0
    n = len(tokens)
    while i < n:
        word = tokens[i].norm
        head, _, tail = word.partition("-")
        value = _word_value(word)
        unit = ""
        j = i + 1
        if value is None and tail and _word_value(head) is not None and head not in ("a",):
            value, unit = _word_value(head), tail.rstrip("s")  # "one-year", "10-day"
        if value is None or _is_year(word, tokens, i):
            i += 1
            continue
        while j < n and tokens[j].norm in SCALES:
            value *= SCALES[tokens[j].norm]
            j += 1
        raw = tokens[i].text
        if raw[:1] in "$€£":
            unit = raw[0]
        elif raw.endswith("%") or (j < n and tokens[j].norm in ("percent", "per")):
            unit = "%"
        elif not unit and j < n:
            unit = tokens[j].norm.rstrip("s") if tokens[j].norm.isalpha() else ""
            if unit in TIME_UNITS and j + 1 < n and tokens[j + 1].norm == "old":
                unit = "age"  # "39 years old" is an age, not a length of time
        out.append(Quantity(value, unit, i, j))
        i = j
    return out


def _is_year(word: str, tokens: Sequence[Token], i: int) -> bool:
    return bool(_YEAR.fullmatch(word))


_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAY = re.compile(r"\d{1,2}(st|nd|rd|th)?")
_CALENDAR_YEAR = re.compile(r"(19|20)\d\d")


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # "tuesday", "june 5", "2015"
    kind: str  # weekday, day, year
    start: int
    end: int


def dates(tokens: Sequence[Token]) -> list[DateMention]:
    out: list[DateMention] = []
    norms = [t.norm[:-2] if t.norm.endswith("'s") else t.norm for t in tokens]
    for i, w in enumerate(norms):
        if w in WEEKDAYS:
            out.append(DateMention(w, "weekday", i, i + 1))
            continue
        month = w if w in MONTHS and tokens[i].text[:1].isupper() else MONTH_ABBR.get(w)
        if month and tokens[i].text[:1].isupper():
            if i + 1 < len(norms) and _DAY.fullmatch(norms[i + 1]):
                day = re.sub(r"\D", "", norms[i + 1])
                out.append(DateMention(f"{month} {int(day)}", "day", i, i + 2))
            else:
                out.append(DateMention(month, "month", i, i + 1))
            continue
        if _CALENDAR_YEAR.fullmatch(w):
            out.append(DateMention(w, "year", i, i + 1))
    return out


_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset(UNITS) - {"a"}
_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)
_DATE_WORDS |= {w + "'s" for w in _DATE_WORDS}


def may_count(words: Sequence[str], text: str) -> bool:
    """Whether a claim can hold a quantity: a cheap test before ``quantities``."""
    if _DIGIT.search(text) or not _NUMBER_WORDS.isdisjoint(words):
        return True
    return "-" in text and _number_compound(words)


_COUNT_WORDS = _NUMBER_WORDS | frozenset(SCALES)


def may_hold_number(words: Sequence[str]) -> bool:
    """Whether a run of a claim's words can hold part of a quantity (its number or scale):
    a change elsewhere cannot make two quantities differ."""
    if not _COUNT_WORDS.isdisjoint(words) or any(map(_DIGIT.search, words)):
        return True
    return _number_compound(words)


def _number_compound(words: Sequence[str]) -> bool:
    """A hyphenated word led by a number word ("one-year", "twenty-five")."""
    return any(w.partition("-")[0] in _NUMBER_WORDS for w in words if "-" in w)


def may_date(words: Sequence[str], text: str) -> bool:
    """Whether a claim can hold a date: a cheap test before ``dates``."""
    return bool(_DIGIT.search(text)) or not _DATE_WORDS.isdisjoint(words)


def durations(tokens: Sequence[Token]) -> list[Quantity]:
    return [q for q in quantities(tokens) if q.unit in TIME_UNITS]
