"""Numbers, amounts, dates and durations in token lists.

"three" and "3" are the same number; "$2.5 billion" is 2.5e9 dollars;
"one-year" is a duration of one year. Relative dates ("yesterday", "last
week") are not dates that can conflict with absolute ones. Two numbers joined by a
hyphen alone are one quantity: a range ("10-15 people", the smaller first) or, beside a
word of voting or scoring, a tally ("passed 92-6").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from factcheck.text.fold import Token
from factcheck.text.lexicons import graded, stopwords, word_class

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
    "dozen": 12,  # "two dozen"
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
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
}


def ordinal_digits(word: str) -> str | None:
    """An ordinal word in digits ("eleventh" → "11th", "second" → "2nd"), else None."""
    value = ORDINALS.get(word)
    if value is None:
        return None
    suffix = "th" if 10 <= value % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
    return f"{value}{suffix}"


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
    # "range" ("10-15 people": ``value`` to ``second``), "tally" ("passed 92-6": ``value``
    # for, ``second`` against) or "" (one number).
    form: str = ""
    second: float | None = None


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
        if len(parts) == 2 and parts[0] in UNITS and parts[1] == "dozen":
            return float(UNITS[parts[0]] * 12)  # "two-dozen"
        if len(parts) == 2 and parts[0] in UNITS and parts[1] in UNITS:
            return float(UNITS[parts[0]] + UNITS[parts[1]])
        tens = UNITS.get(parts[0], 0)
        if len(parts) == 2 and 20 <= tens <= 90 and tens % 10 == 0 and parts[1] in _ONES:
            return float(tens + int(parts[1]))  # "twenty-3": a digit for the word, one number
    return _digit_value(word)


_ONES = frozenset("123456789")


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


# Words that make up a number written out ("three hundred and forty"), read by text2num.
_RUN_WORDS = (frozenset(UNITS) - {"a", "dozen"}) | {"hundred", "thousand", "million", "billion"}
_RUN_WORDS |= {"trillion"}


def _run_word(word: str) -> bool:
    if word in _RUN_WORDS:
        return True
    head, _, tail = word.partition("-")
    return bool(tail) and head in _RUN_WORDS and tail in _RUN_WORDS  # "twenty-five"


def _spelled(norms: Sequence[str], i: int) -> tuple[float, int] | None:
    """The number spelled out from ``norms[i]`` ("twenty five", "three hundred and
    forty"), by text2num, and the index after it; None unless it is two words or more."""
    j = i
    while j < len(norms) and (
        _run_word(norms[j])
        or (norms[j] == "and" and j > i and j + 1 < len(norms) and _run_word(norms[j + 1]))
    ):
        j += 1
    if j - i < 2:
        return None
    from text_to_num import text2num

    for end in range(j, i + 1, -1):
        if norms[end - 1] == "and":
            continue
        try:
            return float(text2num(" ".join(norms[i:end]), "en")), end
        except ValueError:
            continue
    return None


def _fraction(text: str) -> float | None:
    """A number written with a vulgar fraction ("¼", "1½"), else None."""
    import unicodedata

    if not any(unicodedata.category(ch) == "No" for ch in text):
        return None
    whole = ""
    for n, ch in enumerate(text):
        if ch.isdigit() and unicodedata.category(ch) == "Nd":
            whole += ch
        elif unicodedata.category(ch) == "No" and n == len(text) - 1:
            return (float(whole) if whole else 0.0) + unicodedata.numeric(ch)
        else:
            return None
    return None


def date_parts(tokens: Sequence[Token]) -> set[int]:
    """Indexes of the tokens that are the day of a date ("June 3", "3 June") or part of an
    ISO date ("2024-06-03"): dates, not numbers that can conflict as numbers."""
    out: set[int] = set()
    for m in dates(tokens):
        if m.kind == "day":
            out.update(range(m.start, m.end))
    return out


def _colon_pairs(tokens: Sequence[Token], text: str, base: int) -> Iterator[int]:
    """Indexes ``i`` where tokens ``i`` and ``i + 1`` are digits joined by a colon alone."""
    for i in range(len(tokens) - 1):
        a, b = tokens[i], tokens[i + 1]
        if a.norm.isdigit() and b.norm.isdigit() and text[a.end - base : b.start - base] == ":":
            yield i


def _clock_parts(tokens: Sequence[Token], text: str, base: int) -> set[int]:
    """The tokens of times of day ("9:53 AM", "17:06 hours"): two digit tokens joined by
    a colon alone. A time is no count of anything."""
    out: set[int] = set()
    for i in _colon_pairs(tokens, text, base):
        if len(tokens[i + 1].norm) == 2:
            out.update((i, i + 1))
    return out


# The halves of a 12-hour clock as written ("p.m." folds to "p.m"), and time zones: one
# table for the checks, the house styles and the page stamps.
DAY_HALVES = {"am": "am", "a.m": "am", "pm": "pm", "p.m": "pm"}
TIME_ZONES = frozenset("gmt utc bst est edt cst cdt mst mdt pst pdt ist cet cest et pt".split())


def clock_times(tokens: Sequence[Token], text: str, base: int) -> list[tuple[int, int, int]]:
    """Times of day as (first token, end token, minutes after midnight): "4:57 p.m." is
    16 * 60 + 57. A copy's slip in the minutes ("4:67 p.m.", "9:111 p.m.") is read as
    written, so that it differs from the time it was copied from."""
    out = []
    for i in _colon_pairs(tokens, text, base):
        hour, minutes = tokens[i].norm, tokens[i + 1].norm
        if not (len(hour) <= 2 <= len(minutes) <= 3):
            continue
        h, end = int(hour), i + 2
        half = DAY_HALVES.get(tokens[end].norm.rstrip(".")) if end < len(tokens) else None
        if half:
            if half == "pm" and h < 12:
                h += 12
            elif half == "am" and h == 12:
                h = 0  # "12:30 a.m." is half past midnight
            end += 1
        out.append((i, end, h * 60 + int(minutes)))
    return out


def quantities(tokens: Sequence[Token], text: str = "", base: int = 0) -> list[Quantity]:
    """Numbers with their unit: currency sign, per cent, or the next word. Numbers spelled
    out in several words are read by text2num; days of dates are not numbers. Given the
    claim's ``text`` (which starts at offset ``base``), two numbers joined by a hyphen or
    an en dash alone are read as one range or tally (``joined``)."""
    out: list[Quantity] = []
    n = len(tokens)
    norms = [t.norm for t in tokens]
    in_dates = date_parts(tokens) if any(map(_DIGIT.search, norms)) else set()
    pairs = joined(tokens, text, base, in_dates) if _JOINED.search(text) else {}
    after = 0  # the first word after the last quantity read
    # Only a word with a digit, a number word or a fraction can start a quantity: the
    # rest of the claim is stepped over without a turn of the loop each.
    clock = _clock_parts(tokens, text, base) if ":" in text else set()
    starts = [k for k, t in enumerate(tokens) if _may_start(t.norm, t.text)]
    codes = _codes(tokens, starts, text, base) if text else set()
    bracketed = "(" in text
    for i in starts:
        if i < after or i in in_dates or i in clock or i in codes:
            continue
        if bracketed and _converted(tokens, text, base, i):
            continue  # "€110 billion ($143 billion)": the same sum in another currency
        if i in pairs:
            q = _joined_quantity(tokens, i, *pairs[i])
            out.append(q)
            after = q.end
            continue
        word = tokens[i].norm
        head, _, tail = word.partition("-")
        value = _word_value(word)
        unit = ""
        j = i + 1
        fraction = _fraction(tokens[i].text)
        spelled = _spelled(norms, i) if fraction is None and _run_word(word) else None
        if fraction is not None:
            value = fraction
            while j < n and tokens[j].start < tokens[i].end:
                j += 1  # "¼" folds to the tokens 1 and 4, both of the one character
        elif spelled is not None:
            value, j = spelled
        elif value is None and tail and _word_value(head) is not None and head not in ("a",):
            value, unit = _word_value(head), tail.rstrip("s")  # "one-year", "10-day"
        if value is None or is_year(word):
            continue
        if word == "one" and _one_of_the_most(tokens, j):
            continue  # "one of the country's largest": one among them, no count
        if text and fraction is None and spelled is None and word.isdigit():
            part, j = _mixed(tokens, text, base, i, j)
            value += part  # "4 1/2 hours" is four and a half
        raw = tokens[i].text
        while j < n and tokens[j].norm in SCALES and _scales(tokens, j, raw):
            value *= SCALES[tokens[j].norm]
            j += 1
        if raw[:1] in "$€£":
            unit = raw[0]
        elif raw.endswith("%") or (j < n and tokens[j].norm in ("percent", "per")):
            unit = "%"
        elif not unit and j < n:
            # (a unit joined by hyphens is its words: "15,800-square-metre" as "square metre")
            word_after = tokens[j].norm.replace("-", " ")
            unit = word_after.rstrip("s") if word_after.replace(" ", "").isalpha() else ""
            if unit in MEASURE_WORDS and j + 1 < n and tokens[j + 1].norm.isalpha():
                unit = f"{unit} {tokens[j + 1].norm.rstrip('s')}"  # "square feet" / "square metres"
            if unit in TIME_UNITS and j + 1 < n and tokens[j + 1].norm == "old":
                unit = "age"  # "39 years old" is an age, not a length of time
        out.append(Quantity(value, unit, i, j))
        after = j
    return out


_SUPERLATIVES = frozenset({"most", "best", "worst", "top", "leading"})
ORDINAL_ENDS = frozenset({"st", "nd", "rd", "th"})  # "86th" is the tokens 86 and th


def _one_of_the_most(tokens: Sequence[Token], j: int) -> bool:
    """ "one of the largest", "one of the city's most": a member of a ranked set, no count
    ("one of the two boats" counts)."""
    if j >= len(tokens) or tokens[j].norm != "of":
        return False
    for t in tokens[j + 1 : j + 4]:
        if t.norm in _SUPERLATIVES or graded(t.norm) == "superlative":
            return True
    return False


_SHORT_SCALES = frozenset({"m", "k", "bn", "mn"})


def _scales(tokens: Sequence[Token], j: int, raw: str) -> bool:
    """Whether the word at ``j`` multiplies the number before it: a scale word, or an
    abbreviation of one after a sum ("$5m") or before the noun it counts ("2m people");
    "fell 600m while" is metres."""
    if tokens[j].norm not in _SHORT_SCALES or raw[:1] in "$€£":
        return True
    following = tokens[j + 1].norm if j + 1 < len(tokens) else ""
    return following.isalpha() and following not in stopwords()


def _codes(tokens: Sequence[Token], starts: list[int], text: str, base: int) -> set[int]:
    """Numbers that are codes, not counts: written with a leading zero ("0845", "007")
    or in a row of three or more groups of digits ("0845 125 2222", a phone number).
    Only the words that may start a quantity (``starts``) are looked at."""
    out: set[int] = set()
    runs: list[list[int]] = []
    for k in starts:
        t = tokens[k]
        if not t.norm.isdigit():
            continue
        if len(t.norm) > 1 and t.norm[0] == "0":
            out.add(k)
        last = runs[-1][-1] if runs else -2
        if last == k - 1 and text[tokens[last].end - base : t.start - base] == " ":
            runs[-1].append(k)
        else:
            runs.append([k])
    for run in runs:
        if len(run) >= 3:
            out.update(run)
    return out


@cache
def _measures() -> frozenset[str]:
    return word_class("numbers.toml", "measures")


def _converted(tokens: Sequence[Token], text: str, base: int, i: int) -> bool:
    """The quantity at ``i`` opens a bracket right after a figure: a conversion ("€110
    billion ($143 billion)", "15 km (9 miles)"), not a figure of its own. A count in
    brackets ("12 people (3 children)") is one."""
    if i < 1 or text[tokens[i - 1].end - base : tokens[i].start - base].strip() != "(":
        return False
    before = tokens[i - 1].norm
    unit_before = tokens[i - 2].norm if i >= 2 else ""
    figure_before = _DIGIT.search(before) is not None or before in SCALES
    if tokens[i].text[:1] in "$€£":
        return figure_before  # another currency's sum
    measures = _measures()
    unit = tokens[i + 1].norm if i + 1 < len(tokens) else ""
    measured = before.replace("-", " ").split(" ")[-1] in measures  # "square-metre"
    return unit in measures and measured and _DIGIT.search(unit_before) is not None


def _mixed(tokens: Sequence[Token], text: str, base: int, i: int, j: int) -> tuple[float, int]:
    """The fraction written after a whole number ("4 1/2", "2-1/2": the tokens 4, 1 and
    2, the fraction's two joined by a slash alone), and the token after it; 0 and ``j``
    when there is none."""
    if i + 2 >= len(tokens) or j != i + 1:
        return 0.0, j
    whole, top, bottom = tokens[i], tokens[i + 1], tokens[i + 2]
    if not (top.norm.isdigit() and bottom.norm.isdigit()):
        return 0.0, j
    if text[whole.end - base : top.start - base] not in (" ", "-"):
        return 0.0, j  # joined by a space or a hyphen alone: "4 1/2", "2-1/2"
    if text[top.end - base : bottom.start - base] != "/":
        return 0.0, j
    num, den = int(top.norm), int(bottom.norm)
    if not 0 < num < den <= 16:
        return 0.0, j
    return num / den, i + 3


# Words that make a unit with the next ("170,000 square feet" against "15,800 square
# metres" are one area in two units, not two counts of "square").
MEASURE_WORDS = frozenset({"square", "cubic"})


# Words before and after a tally in which a word of voting or scoring stands: the verb
# and its object before it ("approved the harbour dredging plan 7-2"), a noun after it.
TALLY_BEFORE = 8
TALLY_AFTER = 4
_JOINS = ("-", "–")  # a hyphen or an en dash
_JOINED = re.compile(r"\d[-–]\d|\d to \d")  # a cheap test before ``joined``


def joined(
    tokens: Sequence[Token], text: str, base: int, in_dates: set[int] | None = None
) -> dict[int, tuple[str, float, float, int]]:
    """Two numbers joined by a hyphen or an en dash alone, the second starting one
    character after the first ends, neither a year nor part of a date nor of a longer
    chain ("555-123-4567"): the first's index → ("range", low, high, 2) when the first is
    the smaller ("10-15 people", "ages 18-24"), ("tally", for, against, 2) when it is not
    and a word of voting or scoring stands near ("passed 92-6", "a 5-4 ruling"); pairs
    that are neither are left out (two numbers, as before). A tally is also written with
    "to" ("the vote was 364 to 62": width 3), not after "from" or "between", which open
    a span or a change ("fell from 10 to 4")."""
    n = len(tokens)
    if in_dates is None:
        in_dates = date_parts(tokens)

    def join(i: int) -> bool:
        """Tokens ``i`` and ``i + 1`` are joined by one hyphen or en dash."""
        a, b = tokens[i], tokens[i + 1]
        return b.start - a.end == 1 and text[a.end - base : b.start - base] in _JOINS

    def spaced(i: int) -> bool:
        """Tokens ``i`` and ``i + 1`` are separated by one space."""
        return tokens[i + 1].start - tokens[i].end == 1 and text[tokens[i].end - base] == " "

    def dated(*at: int) -> bool:
        return any(k in in_dates or is_year(tokens[k].norm) for k in at)

    out: dict[int, tuple[str, float, float, int]] = {}
    for i in range(n - 1):
        x = _count(tokens[i].norm)
        if x is None:
            continue
        y = _count(tokens[i + 1].norm)
        if y is None:
            # "364 to 62": a tally only
            if tokens[i + 1].norm != "to" or i + 2 >= n or not (spaced(i) and spaced(i + 1)):
                continue
            y = _count(tokens[i + 2].norm)
            if y is None or x < y or dated(i, i + 2) or not _tally_counts(tokens, i, i + 2):
                continue
            if i > 0 and tokens[i - 1].norm in _SPAN_OPENERS:
                continue
            if _voting(tokens, i, i + 3):
                out[i] = ("tally", x, y, 3)
            continue
        if not join(i) or dated(i, i + 1):
            continue
        if (i > 0 and _count(tokens[i - 1].norm) is not None and join(i - 1)) or (
            i + 2 < n and _count(tokens[i + 2].norm) is not None and join(i + 1)
        ):
            continue  # a chain of three numbers or more: a code, a phone number
        if x < y:
            out[i] = ("range", x, y, 2)
        elif _tally_counts(tokens, i, i + 1) and _voting(tokens, i, i + 2):
            out[i] = ("tally", x, y, 2)
    return out


_SPAN_OPENERS = frozenset({"from", "between"})


def _count(word: str) -> float | None:
    """The value of a word written in digits ("92", "1,200", "$3", "2.5"), else None."""
    return _digit_value(word) if word[-1:].isdigit() or word.endswith("%") else None


def _tally_counts(tokens: Sequence[Token], i: int, k: int) -> bool:
    """Tokens ``i`` and ``k`` are counts written as whole numbers with no sign ("92",
    "1,200"), and no unit of measure follows the second ("10 to 4 points", "5-3 percent")."""
    if not all(tokens[at].norm.replace(",", "").isdigit() for at in (i, k)):
        return False
    after = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    return after not in ("percent", "per", "points", "point") and after not in SCALES


def _voting(tokens: Sequence[Token], i: int, j: int) -> bool:
    """A word of voting or scoring stands near the numbers of tokens ``i`` to ``j - 1``."""
    words = tally_words()
    before, after = tokens[max(0, i - TALLY_BEFORE) : i], tokens[j : j + TALLY_AFTER]
    return any(t.norm in words for t in (*before, *after))


@cache
def tally_words() -> frozenset[str]:
    """Words of voting and scoring, near which two joined counts are a tally."""
    return word_class("numbers.toml", "tally")


def _joined_quantity(
    tokens: Sequence[Token], i: int, form: str, x: float, y: float, width: int
) -> Quantity:
    """The range or tally of tokens ``i`` to ``i + width - 1`` with its scale and unit, as
    a number's ("$3-5 million", "8-12 cars", "20-30%"); a tally has no scale."""
    n = len(tokens)
    j = i + width
    while form == "range" and j < n and tokens[j].norm in SCALES:
        x, y = x * SCALES[tokens[j].norm], y * SCALES[tokens[j].norm]
        j += 1
    first, second = tokens[i].text, tokens[i + width - 1].text
    unit = ""
    if first[:1] in "$€£":
        unit = first[0]
    elif second.endswith("%") or (j < n and tokens[j].norm in ("percent", "per")):
        unit = "%"
    elif j < n and tokens[j].norm.isalpha():
        unit = tokens[j].norm.rstrip("s")
    return Quantity(x, unit, i, j, form, y)


_START_WORDS = (frozenset(UNITS) - {"a"}) | _RUN_WORDS


def _may_start(norm: str, text: str) -> bool:
    """Whether a word can begin a quantity: a digit, a number word (alone or before a
    hyphen), or a character that is a number of its own ("¼", "²")."""
    if norm in _START_WORDS or _DIGIT.search(norm):
        return True
    if "-" in norm and norm.partition("-")[0] in _START_WORDS:
        return True
    return not text.isascii() and _fraction(text) is not None


def is_year(word: str) -> bool:
    """A word that reads as a year (1800 to 2099): a date, not a count."""
    return bool(_YEAR.fullmatch(word))


_YEAR = re.compile(r"(1[89]|20)\d\d")
_DAY = re.compile(r"\d{1,2}(st|nd|rd|th)?")


@dataclass(frozen=True, slots=True)
class DateMention:
    value: str  # "tuesday", "june 5", "2015"
    kind: str  # weekday, day, year
    start: int
    end: int


def dates(tokens: Sequence[Token]) -> list[DateMention]:
    """Weekdays, days ("June 3", "3 June", "2024-06-03"), months and years."""
    out: list[DateMention] = []
    norms = [t.norm[:-2] if t.norm.endswith("'s") else t.norm for t in tokens]
    taken: set[int] = set()
    # A date begins at a digit, a weekday or a month: the other words are passed over.
    for i in [k for k, w in enumerate(norms) if w in _CALENDAR or _DIGIT.search(w)]:
        w = norms[i]
        if i in taken:
            continue
        iso = _iso_date(tokens, norms, i)
        if iso is not None:
            out.append(iso)
            out.append(DateMention(w, "year", i, i + 1))
            taken.update(range(i, iso.end))
            continue
        if _DAY.fullmatch(w) and i + 1 < len(norms) and _month(tokens, norms, i + 1):
            month = _month(tokens, norms, i + 1)
            out.append(DateMention(f"{month} {int(re.sub(r'[^0-9]', '', w))}", "day", i, i + 2))
            taken.add(i + 1)
            continue
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
        if is_year(w) and not _decade(tokens, i):
            out.append(DateMention(w, "year", i, i + 1))
    return out


def _decade(tokens: Sequence[Token], i: int) -> bool:
    """ "the 1970s", "the 1990's": a decade, not the year it starts with ("2012's
    election" is of the year)."""
    if i + 1 >= len(tokens) or tokens[i + 1].norm != "s":
        return False
    joined = tokens[i + 1].start == tokens[i].end
    return joined or (tokens[i + 1].start == tokens[i].end + 1 and tokens[i].norm.endswith("0"))


def _month(tokens: Sequence[Token], norms: Sequence[str], i: int) -> str | None:
    w = norms[i]
    month = w if w in MONTHS else MONTH_ABBR.get(w)
    return month if month and tokens[i].text[:1].isupper() else None


def _iso_date(tokens: Sequence[Token], norms: Sequence[str], i: int) -> DateMention | None:
    """ "2024-06-03": a year, month and day written as one word (tokens joined by one
    character each)."""
    if i + 2 >= len(norms) or not is_year(norms[i]):
        return None
    mm, dd = norms[i + 1], norms[i + 2]
    if not (len(mm) == 2 and len(dd) == 2 and mm.isdigit() and dd.isdigit()):
        return None
    if tokens[i + 1].start - tokens[i].end != 1 or tokens[i + 2].start - tokens[i + 1].end != 1:
        return None
    month, day = int(mm), int(dd)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return DateMention(f"{MONTHS[month - 1]} {day}", "day", i, i + 3)


_DIGIT = re.compile(r"\d")
_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)
_VULGAR = re.compile("[¼½¾⅐-⅞]")  # vulgar fractions: no digit to a regex
_NUMBER_WORDS = frozenset(UNITS) - {"a"}
_DATE_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)
_DATE_WORDS |= {w + "'s" for w in _DATE_WORDS}


def may_count(words: Sequence[str], text: str) -> bool:
    """Whether a claim can hold a quantity: a cheap test before ``quantities``."""
    if _DIGIT.search(text) or not _NUMBER_WORDS.isdisjoint(words) or _VULGAR.search(text):
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
