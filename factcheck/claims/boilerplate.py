"""Web-page furniture that is not a claim.

General heuristics only: too few words to state a fact, no verb-like word,
title-cased link bait, credits and bylines, and the phrases of comment forms,
newsletters, sharing and cookie banners that every site template carries.
Lines repeated across many unrelated sources are dropped by the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.runtime.memo import Memo
from factcheck.text.numbers import DAY_HALVES, MONTH_ABBR, MONTHS, TIME_ZONES, WEEKDAYS

MIN_WORDS = 4
MIN_HEADLINE_WORDS = 3
FURNITURE_MAX = 240  # characters

# The phrases of site templates, each with the words that must be among the line's
# words for it to match: a line is searched only for the phrases its words allow
# (one regex of every phrase, run from every position of a line, was a tenth of the
# time it takes to split a corpus into claims).
_FURNITURE_RULES = (
    (
        "read min mins minute minutes sec",
        r"\b(?:read\s+time|min(?:ute)?s?\s+read|\d+\s*min\s*\d*\s*sec)\b",
    ),
    (
        "log login sign signin signup subscribe register",
        r"^(?:log\s*in|sign\s*(?:in|up)|subscribe|register)\b",
    ),
    ("log login sign", r"\b(?:login|log\s+in|sign\s+in)\s+with\b"),
    ("leave", r"\bleave\s+a\s+(?:reply|comment)\b"),
    ("email", r"\byour\s+email\s+address\b"),
    ("published", r"\bwill\s+not\s+be\s+published\b"),
    ("required", r"\brequired\s+fields?\b"),
    ("comment", r"\bcomment\s+data\b"),
    ("spam", r"\breduce\s+spam\b"),
    (
        "newsletter unsubscribe inbox",
        r"\b(?:newsletter|unsubscribe|inbox)\b.*\b(?:sign|subscribe|get|deliver)",
    ),
    ("sign subscribe", r"\b(?:sign|subscribe)\b.*\bnewsletter\b"),
    ("rights", r"\ball\s+rights\s+reserved\b"),
    ("copyright \u00a9", r"^(?:copyright|\u00a9)"),
    (
        "cookie cookies policy terms",
        r"\b(?:cookies?\s+policy|privacy\s+policy|terms\s+of\s+(?:use|service))\b",
    ),
    ("cookies", r"\bwe\s+use\s+cookies\b"),
    ("click tap", r"\b(?:click|tap)\s+here\b"),
    ("share", r"\bshare\s+(?:this|on)\b"),
    ("follow", r"\bfollow\s+us\b"),
    ("check", r"\bcheck\s+out\s+the\s+full\s+(?:article|story)\b"),
    ("read see", r"\b(?:read|see)\s+the\s+full\s+(?:article|story)\b"),
    ("read see", r"^\W*(?:read|see)\s+more\b|\b(?:read|see)\s+more\W*$"),
    (
        "advertisement related recommended trending sponsored",
        r"^(?:advertisement|related|recommended|trending|sponsored)\b\s*[:|]?",
    ),
    ("watch listen photo image video", r"^(?:watch|listen|photo|image|video)\b\s*[:|]"),
    ("updated published posted", r"^(?:updated|published|posted)\s*:?\s*\d"),
    # "21 July 2013 Last updated at 11:11 GMT"
    (
        "updated published posted",
        r"(?:^|\d{4}\s+)(?:last\s+)?(?:updated|published|posted)\s+(?:at|on)\s+\d\d?:\d\d"
        r"(?:\s*[a-z.]{2,4})?\W*$",
    ),
    (
        "getty shutterstock photo",
        r"\b(?:getty\s+images|shutterstock|file\s+photo|photo\s+credit)\b",
    ),
    ("believe", r"\byou\s+won'?t\s+believe\b"),
    ("reporting writing", r"^\(?(?:reporting|writing|additional\s+reporting)\s+by\b"),
    ("may", r"\bmay\s+not\s+be\s+(?:published|reproduced|redistributed)\b"),
    ("javascript", r"\benable\s+javascript\b"),
    ("comments", r"\bcomments\s+(?:are\s+)?(?:closed|powered)\b"),
    ("listen skip jump", r"^(?:listen\s+to|skip\s+to|jump\s+to)\s+(?:this|the|main|content)\b"),
)


def _by_trigger() -> dict[str, tuple[re.Pattern[str], ...]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for words, pattern in _FURNITURE_RULES:
        compiled = re.compile(pattern, re.IGNORECASE)
        for word in words.split():
            out.setdefault(word, []).append(compiled)
    return {word: tuple(patterns) for word, patterns in out.items()}


_FURNITURE = _by_trigger()
_TRIGGERS = frozenset(_FURNITURE)


# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" - names only, no verb.
_BYLINE = re.compile(
    r"^(?:By|BY|Posted by|Written by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
    r"(?:\s*[,|/–-]\s*.{0,40})?$"
)
_CREDIT = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*/\s*[\w .&-]+$")
_TERMINAL = frozenset('.!?"”’)]')  # the last character of a sentence


def is_boilerplate(text: str, forms: Sequence[str], headline: bool = False) -> bool:
    """True for lines an editor would not call a statement of fact (``forms``: its words)."""
    if sum(map(_WORDLIKE.__getitem__, forms)) < (MIN_HEADLINE_WORDS if headline else MIN_WORDS):
        return True
    stripped = text.strip()
    if len(stripped) > FURNITURE_MAX:
        return False  # site furniture is short; a long sentence is prose
    if _furniture(stripped, forms) or _stamp(forms):
        return True
    if _BYLINE.match(stripped):
        return True
    if "/" in stripped and _CREDIT.match(stripped):
        return True
    if headline or stripped[-1] in _TERMINAL:
        return False
    return _title_cased([w for w in forms if _WORDLIKE[w]])


_CLOCK_WORDS = frozenset(DAY_HALVES) | TIME_ZONES
_STAMP_WORDS = (
    frozenset(WEEKDAYS)
    | frozenset(w[:3] for w in WEEKDAYS)
    | frozenset(MONTHS)
    | frozenset(MONTH_ABBR)
    | _CLOCK_WORDS
)


_STAMP_OPENERS = frozenset({"posted", "updated", "published", "last", "on"})
_STAMP_FILLERS = frozenset({"at", "st", "nd", "rd", "th"})  # "June 11th, 2012 at 1:23 PM"
STAMP_WORDS = 16  # words of the longest time stamp


def _stamp(forms: Sequence[str]) -> bool:
    """A line of calendar and clock words and numbers alone (a date, with its time or
    not), after "Posted on" or "Last updated" or none ("Fri., May. 3, 2013 11:45 AM PDT",
    "Posted on Thu Jun 13, 2013 08:45 AM PDT"): when the page was written, no claim."""
    if len(forms) > STAMP_WORDS:
        return False  # (most lines: a sentence, decided without a step a word)
    words = [f.lower().rstrip(".") for f in forms]
    while words and words[0] in _STAMP_OPENERS:
        words = words[1:]
    return (
        bool(words)
        and all(w in _STAMP_WORDS or w in _STAMP_FILLERS or not w.isalpha() for w in words)
        and any(w in _STAMP_WORDS for w in words)
    )


def _is_wordlike(form: str) -> bool:
    """A word begins or ends with a letter (not "2.5", "--")."""
    return form[0].isalpha() or form[-1].isalpha()


_WORDLIKE: Memo[str, bool] = Memo(_is_wordlike, limit=2_000_000)


def _furniture(line: str, forms: Sequence[str]) -> bool:
    triggers = set(_TRIGGERS.intersection(map(str.lower, forms)))
    if line[0] == "\u00a9":
        triggers.add("\u00a9")
    if not triggers:
        return False
    patterns = {p: None for word in sorted(triggers) for p in _FURNITURE[word]}
    return any(p.search(line) for p in patterns)


def _title_cased(words: list[str]) -> bool:
    """Link bait and navigation are written in Title Case without a full stop."""
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    caps = sum(w[0].isupper() for w in long_words)
    return caps / len(long_words) >= 0.8
