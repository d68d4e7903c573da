"""House style: two spellings of the same spoken words ("he's" / "he is", "O.K." /
"okay", "f---" / "fuck", "gonna" / "going to", "&" / "and", "3" / "three", "40 percent"
/ "40%", "August the 31st" / "Aug. 31", "5 p.m." / "5 pm" / "5:00 p.m." / "17:00").

Inside a quotation these are an outlet's style, not a change of what was said.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from factcheck.text.fold import fold_text
from factcheck.text.lexicons import data_table
from factcheck.text.numbers import DAY_HALVES, MONTH_ABBR, MONTHS, UNITS

_MASKED = re.compile(r"^([a-z])[a-z]*[-*–—_#@!]{2,}[a-z]*$")
_WORD = re.compile(r"[a-z]+[-*–—_#@!]{2,}[a-z]*|&|[\w$%]+(?:['.][\w]+)*\.?")
_ORDINAL = re.compile(r"^(\d+)(?:st|nd|rd|th)$")  # "31st": the day as a digit
_PERCENT = re.compile(r"^(\d[\d,.]*)%$")  # "40%": the figure and the sign, as "40 percent"
# A time of day: "6:00 p.m." is "6 pm", "18:41" is "6:41 pm" (a 24-hour clock).
_TIME = re.compile(r"\b([01]?\d|2[0-3]):([0-5]\d)(?![\d:])(?:\s?([ap])\.?\s?m\b\.?)?")
# "0241 GMT" is "02:41 GMT": four digits of a 24-hour clock before a time zone.
_ZONED = re.compile(r"\b([01]\d|2[0-3])([0-5]\d)(?=\s+(?:gmt|utc)\b)")
_GLUED_HOUR = re.compile(r"\b(\d{1,2})([ap])\.?m\b\.?")  # "6pm" is "6 pm"
# A time zone after a time of day: one outlet gives it, another converts it or leaves it out.
_ZONE_AFTER = re.compile(r"(?:(?<=[\dm])|(?<=m\.))\s+(?:gmt|utc|bst|cet|cest|[ecmp][sd]?t)\b")


def _clock(m: re.Match[str]) -> str:
    hour, minutes, half = int(m.group(1)), m.group(2), m.group(3)
    if not half and 13 <= hour <= 23:
        hour, half = hour - 12, "p"
    elif not half and hour == 0:
        hour, half = 12, "a"  # "00:15" is "12:15 am"
    shown = str(hour) if minutes == "00" else f"{hour}:{minutes}"
    return f"{shown} {half}m" if half else shown


def _times(text: str) -> str:
    """Times of day in one style: "18:41", "6:41pm PST" and "6:41 p.m." all "6:41 pm"."""
    if not any(ch.isdigit() for ch in text):
        return text
    text = _TIME.sub(_clock, _ZONED.sub(r"\1:\2", text))
    return _ZONE_AFTER.sub("", _GLUED_HOUR.sub(r"\1 \2m", text))


@cache
def _tables() -> tuple[dict[str, str], list[tuple[str, str]], frozenset[str], frozenset[str]]:
    lex = data_table("style.toml")
    whole = {a: b for a, b in lex["informal"]} | {a: b for a, b in lex["irregular"]}
    endings = [(a, b) for a, b in lex["endings"]]
    return (
        whole,
        endings,
        frozenset(lex["is_contracting"].split()),
        frozenset(lex["expletives"].split()),
    )


@lru_cache(maxsize=1 << 14)  # a wire quote is compared with its variants hundreds of times
def spoken(text: str) -> tuple[str, ...]:
    """The words of ``text`` in one house style: contractions spelt out, informal forms
    as the words they stand for, number words as digits, masked and plain expletives as
    their first letter."""
    whole, endings, contracting, expletives = _tables()
    out: list[str] = []
    for raw in _WORD.findall(_times(fold_text(text).lower())):
        word = raw.rstrip(".") if raw not in whole else raw
        masked = _MASKED.match(word)
        if masked:
            out.append(masked.group(1) + "*")
            continue
        if word in expletives:
            out.append(word[0] + "*")
            continue
        if word in whole:
            out.extend(whole[word].split())
            continue
        for ending, spelt in endings:
            stem = word[: -len(ending)]
            if word.endswith(ending) and stem and (ending != "'s" or stem in contracting):
                out.extend((stem + spelt).split())
                break
        else:
            out.append(str(UNITS[word]) if word in UNITS and word != "a" else word)
    return _dates_and_signs(out)


def _dates_and_signs(words: list[str]) -> tuple[str, ...]:
    """Figures, days and times in one style: "40%" and "40 per cent" as "40 %", "31st"
    as "31", a month's abbreviation before a day as the month ("aug 31", "august the
    31st": "august 31"), "p.m" as "pm"."""
    flat: list[str] = []
    for word in words:
        percent = _PERCENT.match(word)
        ordinal = _ORDINAL.match(word)
        if percent:
            flat += [percent.group(1), "%"]
        elif ordinal:
            flat.append(ordinal.group(1))
        else:
            flat.append(DAY_HALVES.get(word, word))
    out: list[str] = []
    n = 0
    while n < len(flat):
        word = flat[n]
        nxt = flat[n + 1] if n + 1 < len(flat) else ""
        if word == "per" and nxt == "cent":
            out.append("%")
            n += 2
            continue
        month = MONTH_ABBR.get(word, word if word in MONTHS else "")
        if month and nxt == "the" and flat[n + 2 : n + 3] and flat[n + 2].isdigit():
            out += [month, flat[n + 2]]
            n += 3
            continue
        if month and nxt.isdigit():
            word = month
        out.append(word)
        n += 1
    return tuple(out)


def same_in_style(a: str, b: str) -> bool:
    """Two runs of text that say the same words in another house style."""
    return spoken(a) == spoken(b)
