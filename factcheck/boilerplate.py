"""Web-page furniture that is not a claim.

General heuristics only: too few words to state a fact, no verb-like word,
title-cased link bait, credits and bylines, and the phrases of comment forms,
newsletters, sharing and cookie banners that every site template carries.
Lines repeated across many unrelated sources are dropped by the pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_WORDS = 4
MIN_HEADLINE_WORDS = 3
FURNITURE_MAX = 240  # characters

_FURNITURE = re.compile(
    r"""(?ix)
    \b(?:read\s+time|min(?:ute)?s?\s+read|\d+\s*min\s*\d*\s*sec)\b
    | ^(?:log\s*in|sign\s*(?:in|up)|subscribe|register)\b
    | \b(?:login|log\s+in|sign\s+in)\s+with\b
    | \bleave\s+a\s+(?:reply|comment)\b
    | \byour\s+email\s+address\b | \bwill\s+not\s+be\s+published\b
    | \brequired\s+fields?\b | \bcomment\s+data\b | \breduce\s+spam\b
    | \b(?:newsletter|unsubscribe|inbox)\b.*\b(?:sign|subscribe|get|deliver)
    | \b(?:sign|subscribe)\b.*\bnewsletter\b
    | \ball\s+rights\s+reserved\b | ^(?:copyright|\u00a9)
    | \b(?:cookies?\s+policy|privacy\s+policy|terms\s+of\s+(?:use|service))\b
    | \bwe\s+use\s+cookies\b
    | \b(?:click|tap)\s+here\b | \bshare\s+(?:this|on)\b | \bfollow\s+us\b
    | \bcheck\s+out\s+the\s+full\s+(?:article|story)\b
    | \b(?:read|see)\s+the\s+full\s+(?:article|story)\b
    | ^\W*(?:read|see)\s+more\b | \b(?:read|see)\s+more\W*$
    | ^(?:advertisement|related|recommended|trending|sponsored)\b\s*[:|]?
    | ^(?:watch|listen|photo|image|video)\b\s*[:|]
    | ^(?:updated|published|posted)\s*:?\s*\d
    | \b(?:getty\s+images|shutterstock|file\s+photo|photo\s+credit)\b
    | \byou\s+won'?t\s+believe\b
    | ^\(?(?:reporting|writing|additional\s+reporting)\s+by\b
    | \bmay\s+not\s+be\s+(?:published|reproduced|redistributed)\b
    | \benable\s+javascript\b | \bcomments\s+(?:are\s+)?(?:closed|powered)\b
    | ^(?:listen\s+to|skip\s+to|jump\s+to)\s+(?:this|the|main|content)\b
    """
)
# Every furniture pattern contains one of these words: a set lookup over the claim's
# tokens is far cheaper than running the regex on every sentence of a corpus.
_TRIGGERS = frozenset(
    """
    read min mins minute minutes sec log login signin signup sign subscribe register
    leave email published required comment comments spam newsletter unsubscribe inbox
    rights copyright cookie cookies policy terms click tap here share follow check see
    advertisement related recommended trending sponsored watch listen photo image video
    updated posted getty shutterstock believe reporting writing may javascript skip jump
    """.split()
)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" - names only, no verb.
_BYLINE = re.compile(
    r"^(?:By|BY|Posted by|Written by)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*(?:,|and|&)\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})*"
    r"(?:\s*[,|/–-]\s*.{0,40})?$"
)
_CREDIT = re.compile(r"^[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}\s*/\s*[\w .&-]+$")
_TERMINAL = re.compile(r"[.!?\"”’)\]]$")


def is_boilerplate(text: str, forms: Sequence[str], headline: bool = False) -> bool:
    """True for lines an editor would not call a statement of fact (``forms``: its words)."""
    words = [w for w in forms if w[0].isalpha() or w[-1].isalpha()]
    if len(words) < (MIN_HEADLINE_WORDS if headline else MIN_WORDS):
        return True
    stripped = text.strip()
    if len(stripped) > FURNITURE_MAX:
        return False  # site furniture is short; a long sentence is prose
    triggered = stripped[0] == "\u00a9" or not _TRIGGERS.isdisjoint(map(str.lower, forms))
    if triggered and _FURNITURE.search(stripped):
        return True
    if _BYLINE.match(stripped):
        return True
    if "/" in stripped and _CREDIT.match(stripped):
        return True
    return not headline and not _TERMINAL.search(stripped) and _title_cased(words)


def _title_cased(words: list[str]) -> bool:
    """Link bait and navigation are written in Title Case without a full stop."""
    long_words = [w for w in words if len(w) > 3]
    if len(long_words) < 3:
        return False
    caps = sum(w[0].isupper() for w in long_words)
    return caps / len(long_words) >= 0.8
