"""Direct quotations and who said them.

A quote is found by its marks (curly or straight, double or single), may run
across sentences, and a paragraph that opens a quote without closing it runs
to the paragraph's end (the newspaper convention for a quote continued in the
next paragraph). The speaker comes from the attribution next to the quote
("Smith said", "said Smith", "told CNET", "according to"), a pronoun takes
the last named speaker, and an unattributed continuation paragraph inherits
the speaker of the paragraph before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.claims.segment import paragraphs

_SPEECH = (
    r"said|says|say|told|tells|added|adds|stated|states|informed|informs|noted|notes|"
    r"explained|explains|wrote|writes|asked|asks|argued|argues|continued|continues|declared|"
    r"declares|insisted|insists|replied|replies|responded|responds|remarked|warned|warns|"
    r"claimed|claims|announced|announces|observed|recalled|acknowledged|admitted|admits|"
    r"emphasized|emphasised|stressed|tweeted|posted|testified|conceded|concluded|"
    r"predicted|joked|cautioned|suggested|suggests|believes|thinks|urged|urges|pointed out|"
    r"gushed|shouted|yelled|emailed|texted|reported|reports|recounted|quipped|boasted|"
    r"fumed|exclaimed|blurted out|blurted|"
    r"complained|lamented|vowed|promised|pledged|mused|scoffed|retorted|countered|"
    r"saying|adding|writing|telling|noting|explaining|arguing|according to"
)
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them"}
_NAME = (
    r"(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*[’']s\s+[a-z][\w-]*"
    r"|(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+"
    r"|[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|de|van|von|al|bin))*"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
)
# A name after a lower-case role: "chief executive Maria Lopez", "coach Jane Doe".
_ROLE_NAME = rf"(?:(?:[a-z][\w-]*\s+){{1,3}}[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*|{_NAME})"
# After the closing mark: ", Smith said" / ", said Smith" / ", a spokesman told CNET".
_APPOSITIVE = r"(?:,\s+[^,“”\"]{1,80},)?"  # "Charles Grassley, Republican of Iowa, said"
_AFTER_NAME_VERB = re.compile(
    rf"^[,;:]?\s*(?P<sp>{_ROLE_NAME}){_APPOSITIVE}\s+(?:\w+ly\s+)?(?:{_SPEECH})\b"
)
_AFTER_VERB_NAME = re.compile(rf"^[,;:]?\s*(?:{_SPEECH})\s+(?P<sp>{_ROLE_NAME})")
# Before the opening mark: "Smith said: " / "According to Smith, " / "Smith told reporters that ".
_TIME_ADJUNCT = r"(?:\s+(?:on|last|this|earlier|late|early)\s+\w+(?:\s+\w+)?)?"
_BEFORE = re.compile(
    rf"\b(?P<sp>{_NAME}){_TIME_ADJUNCT}\s+(?:\w+ly\s+)?(?:has\s+|had\s+|also\s+)?"
    rf"(?P<verb>{_SPEECH})\b(?P<rest>[^.!?“”\"]*)$"
)
_PROPER = re.compile(r"\b[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*")
_NOT_NAMES = frozenset(
    "The A An This That These Those It In On At For But And Or If When While After Before As "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Last Earlier Meanwhile "
    "However".split()
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<sp>{_NAME})\s*,[^.!?“”\"]*$")
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[“\"\n]")
_TITLE_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Hon|Pres|Sec|Atty|Jr|Sr|St)\.$"
)
_GENERIC_HEAD = re.compile(r"^(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+")

_MARK = re.compile('[“„«”»"‘]')
OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    start: int
    end: int
    speaker: str | None
    paragraph: int
    confident: bool = False  # the attribution stands right beside the quote
    inferred: bool = False  # the speaker comes from a pronoun: a guess


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations of ``text``, with speakers where the text names them."""
    found: list[tuple[int, int, int, bool]] = []
    for number, (b_start, b_end) in enumerate(paragraphs(text)):
        for s, e, closed in _marks(text, b_start, b_end):
            found.append((s, e, number, closed))
    quotes: list[QuoteSpan] = []
    last_named: str | None = None
    prev_para_speaker: tuple[int, str | None] | None = None
    for s, e, para, _closed in found:
        inferred = False
        speaker = _speaker_after(text, e)
        confident = speaker is not None
        if speaker is None:
            speaker = _speaker_before(text, s)
            confident = speaker is not None and _adjacent_before(text, s)
        if speaker and speaker.lower() in _PRONOUNS:
            speaker, confident, inferred = last_named or _last_person(text, s), False, True
        # A quote running on from the one before, in this paragraph or the next.
        if (
            speaker is None
            and prev_para_speaker
            and (
                prev_para_speaker[0] == para
                or (prev_para_speaker[0] == para - 1 and _opens_paragraph(text, s))
            )
        ):
            speaker, confident = prev_para_speaker[1], False  # inherited, not written here
        if speaker and not _GENERIC_HEAD.match(speaker):
            last_named = speaker
        confident = confident and bool(speaker)
        quotes.append(QuoteSpan(s, e, speaker, para, confident, inferred and bool(speaker)))
        prev_para_speaker = (para, speaker)
    return quotes


_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+\b")


def _last_person(text: str, before: int) -> str | None:
    """The last full name (two or more capitalised words) written before a quote."""
    names = [m.group() for m in _PERSON.finditer(text, max(0, before - 600), before)]
    names = [n for n in names if n.split()[0] not in _NOT_NAMES]
    return names[-1] if names else None


def _opens_paragraph(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start : start - 1].strip()


def _marks(text: str, b_start: int, b_end: int) -> list[tuple[int, int, bool]]:
    """Inner spans between matching marks in one paragraph."""
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    open_kind = ""
    for mark in _MARK.finditer(text, b_start, b_end):
        i, ch = mark.start(), mark.group()
        if ch in OPEN_DOUBLE and open_at is None:
            open_at, open_kind = i, "curly"
        elif ch in CLOSE_DOUBLE and open_at is not None and open_kind == "curly":
            out.append((open_at + 1, i, True))
            open_at = None
        elif ch == '"':
            if open_at is None:
                open_at, open_kind = i, "straight"
            elif open_kind in ("straight", "curly"):
                out.append((open_at + 1, i, True))
                open_at = None
        elif ch == "‘" and open_at is None and (i == b_start or not text[i - 1].isalnum()):
            close = _single_close(text, i + 1, b_end)
            if close is not None and " " in text[i + 1 : close]:
                out.append((i + 1, close, True))
    if open_at is not None and b_end - open_at > 20:
        out.append((open_at + 1, b_end, False))
    cleaned = []
    for s, e, closed in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e - s >= 2:
            cleaned.append((s, e, closed))
    return cleaned


def _single_close(text: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        if text[j] == "’" and (j + 1 >= end or not text[j + 1].isalnum()):
            return j
        if text[j] in '“”"':
            return None
    return None


def _clause_after(text: str, end: int) -> str:
    tail = text[end + 1 : end + 160]
    for cut in _CLAUSE_END.finditer(tail):
        if cut.group() == "." and _TITLE_END.search(tail[: cut.start() + 1]):
            continue  # "said Gov. Perry": a title, not the end of the sentence
        return tail[: cut.start()]
    return tail


def _speaker_after(text: str, end: int) -> str | None:
    clause = _clause_after(text, end)
    for pattern in (_AFTER_VERB_NAME, _AFTER_NAME_VERB):
        m = pattern.match(clause)
        if m:
            return _clean(m.group("sp"))
    return None


def _adjacent_before(text: str, start: int) -> bool:
    """'Smith said: "…' — the attribution ends right at the opening mark."""
    return bool(
        re.search(r"(?:" + _SPEECH + r")\s*[:,]?\s*$", text[max(0, start - 40) : start - 1])
    )


def _speaker_before(text: str, start: int) -> str | None:
    head_from = max(text.rfind("\n", 0, start), 0)
    head = text[head_from : max(start - 1, head_from)]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "), head.rfind("”"))
    head = head[cut + 1 :] if cut >= 0 else head
    m = _ACCORDING.search(head)
    if m:
        return _clean(m.group("sp"))
    m = _BEFORE.search(head)
    if not m:
        return None
    if m.group("verb").endswith("ing"):
        # "X sent an e-mail to staff saying: ..." - the speaker is the clause's subject.
        return _subject(head[: m.start("verb")])
    return _clean(m.group("sp"))


def _subject(clause: str) -> str | None:
    for m in _PROPER.finditer(clause):
        words = m.group().split()
        while words and words[0] in _NOT_NAMES:
            words.pop(0)
        if words:
            return " ".join(words)
    return None


def _clean(name: str) -> str | None:
    name = name.strip(" ,;:")
    if not _GENERIC_HEAD.match(name):
        words = name.split()
        while len(words) > 1 and words[0][:1].islower():
            words.pop(0)  # "coach Jane Doe" → "Jane Doe"
        name = " ".join(words)
    if not name or name.lower() in {"that", "this", "there"} or name in _NOT_NAMES:
        return None
    return name


def is_named(speaker: str | None) -> bool:
    """A person or body by name, not a description ("a spokesman") nor a stray word."""
    if not speaker or _GENERIC_HEAD.match(speaker):
        return False
    return not speaker.split()[-1].lower().endswith(("ing", "ed", "ly"))


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True or False where both are known, None where either is unknown.

    Names match on their last word ("Brad Smith" is "Smith"); a description
    ("a Microsoft representative") is someone other than a named person.
    """
    if not a or not b:
        return None
    generic_a, generic_b = bool(_GENERIC_HEAD.match(a)), bool(_GENERIC_HEAD.match(b))
    if generic_a and generic_b:
        return None
    if generic_a != generic_b:
        return False
    return a.split()[-1].lower() == b.split()[-1].lower()
