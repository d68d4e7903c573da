"""Direct quotations and who said them.

A quote is found by its marks (curly or straight, double or single), may run
across sentences, and a paragraph that opens a quote without closing it runs
to the paragraph's end (the newspaper convention for a quote continued in the
next paragraph).

The speaker comes from the attribution of that quote, in this order:
- beside it, after the closing mark ("…," Smith said / said Smith / Smith, the
  minister, said / according to Smith) unless the quote ended its sentence;
- before it in its sentence, the speech verb nearest the quote ("Smith said:",
  "Smith told reporters that", "with spokesman Tom Lee saying", "Smith
  returned and declared,"), or the subject of a sentence that ends in a colon
  ("Smith took to Twitter:", "Jane Doe, radio host:");
- the previous paragraph when it ends "Smith wrote:" and the quote opens this one;
- a quote running on from one before it in the paragraph, or opening the paragraph
  after one left open, takes that quote's speaker;
- a quote that opens a sentence takes the speaker of an earlier sentence of its
  paragraph that says who spoke ("Smith said the port will reopen. "It is …"").
A pronoun ("she said") takes the last person named in the paragraph, preferring
one who is the subject of a sentence, and is marked inferred. Institutions and
news outlets ("Fox News", "the Associated Press") and descriptions ("a
spokeswoman") are speakers but not named people.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.claims.segment import paragraphs


def _verb_forms(stem: str) -> list[str]:
    """say-verbs in every written form: 'reply' → replies, replied, replying."""
    first, _, particle = stem.partition(" ")
    tail = f" {particle}" if particle else ""
    if first.endswith("e"):
        forms = [first + "s", first + "d", first[:-1] + "ing"]
    elif first.endswith("y") and first[-2] not in "aeiou":
        forms = [first[:-1] + "ies", first[:-1] + "ied", first + "ing"]
    elif first in _DOUBLING:
        forms = [first + "s", first + first[-1] + "ed", first + first[-1] + "ing"]
    else:
        forms = [first + "s", first + "ed", first + "ing"]
    return [f + tail for f in forms]


_DOUBLING = frozenset("admit quip beg snap chat jot".split())
# Verbs a news writer uses to attribute speech or writing (a general list, with its forms).
_SPEECH_STEMS = (
    "add state inform note explain ask argue continue declare insist reply respond remark "
    "warn claim announce observe recall acknowledge admit emphasize emphasise stress tweet "
    "post testify concede conclude predict joke caution suggest urge gush shout yell email "
    "e-mail text report recount quip boast fume exclaim complain lament vow promise pledge "
    "muse scoff retort counter reiterate repeat interject interrupt advise agree answer "
    "assert charge contend maintain confirm deny demand wonder whisper scream cry brag tease "
    "opine proclaim clarify elaborate object protest plead beg challenge reason speculate "
    "confide confess hint mention comment reflect sigh laugh chuckle grumble gripe snap "
    "allege assure summarize summarise deadpan marvel concur offer message chat jot "
    "point_out blurt_out chime_in go_on sneer taunt thunder rail"
).split()
_SPEECH_IRREGULAR = (
    "said says say saying told tells tell telling wrote writes write writing "
    "believes thinks according_to went_on_to_say"
).split()
_BASE_FORMS = "add ask argue insist warn explain note agree predict".split()
_SPEECH_WORDS = sorted(
    {w.replace("_", " ") for w in _SPEECH_IRREGULAR}
    | {f for stem in _SPEECH_STEMS for f in _verb_forms(stem.replace("_", " "))}
    | set(_BASE_FORMS),
    key=len,
    reverse=True,
)
_SPEECH = "|".join(re.escape(w) for w in _SPEECH_WORDS)
_PRONOUNS = {
    *"he she they it we i him her them".split(),
    *"his their its my our".split(),  # "His response: ..." stands for a person
}
_WORD = r"[A-Z][\w.’'-]*"
_CONNECT = r"(?:de|van|von|al|bin|ibn|la|le|da|du|del|der|di|dos|el|ben)"
# A name runs on over spaces, but not past a word that ends a sentence ("… Blair. Smith").
_PROPER_SEQ = rf"{_WORD}(?:(?<![a-z]{{3}}\.)\s+(?:{_WORD}|{_CONNECT}(?=\s+[A-Z])))*"
# "Smith of Iowa", "Lee of the Brookings Institution": dropped from the name afterwards.
_OF_PLACE = r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)?"
_AUX = (
    r"is|was|are|were|be|been|has|have|had|will|would|could|should|can|may|might|must|"
    r"did|does|do|not|who|which|that|and|but|or|to|about|with|by|for|from|in|on|at|after|"
    r"before|as|than|into|over|under|against|during|without|while|when|where|if|because|"
    r"since|until|like|through|upon|toward|towards|among|between|across"
)
_NOT_AUX = rf"(?!(?:{_AUX})\b)[\w’'-]+"
_GENERIC_WORDS = (
    r"[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Aa]nother|[Oo]ne|[Tt]wo|[Tt]hree|"
    r"[Ss]everal|[Ss]ome|[Oo]ther|[Mm]any|[Mm]ost|[Bb]oth|[Ee]ach|[Aa]\s+few|[Oo]ne\s+of\s+the"
)
_DESCRIPTION = rf"(?:{_GENERIC_WORDS})\s+(?:{_NOT_AUX}\s+){{0,4}}?{_NOT_AUX}"
_NAME = (
    rf"(?:{_WORD}(?:\s+{_WORD})*[’']s\s+[a-z][\w-]*"
    rf"|{_DESCRIPTION}"
    rf"|{_PROPER_SEQ}(?<![’']s){_OF_PLACE}"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)"
)
# A name after a role: "chief executive Maria Lopez", "Clinton aide Maya Harris".
_ROLE_NAME = (
    rf"(?:(?:{_WORD}\s+)?(?:(?!(?:{_AUX})\b)[a-z][\w-]*\s+){{1,3}}{_PROPER_SEQ}(?<![’']s)"
    rf"{_OF_PLACE}|{_NAME})"
)
# After the closing mark: ", Smith said" / ", said Smith" / ", a spokesman told CNET".
_APPOSITIVE = r"(?:,\s+[^,“”\"]{1,80},)?"  # "Charles Grassley, Republican of Iowa, said"
_AFTER_NAME_VERB = re.compile(
    rf"^[,;:]?\s*(?P<sp>{_ROLE_NAME}){_APPOSITIVE}\s+(?:\w+ly\s+|also\s+|then\s+)?"
    rf"(?:{_SPEECH})\b"
)
_AFTER_VERB_NAME = re.compile(rf"^[,;:]?\s*(?:{_SPEECH})\s+(?P<sp>{_ROLE_NAME})")
_SPEECH_RE = re.compile(rf"\b(?:{_SPEECH})\b")
# What may stand between a speaker and the verb: "Smith, the minister, on Monday also said".
_TIME_ADJUNCT = r"(?:,?\s+(?:on|last|this|earlier|late|early|later)\s+\w+(?:\s+\w+)?,?)?"
_BEFORE_NAME = re.compile(
    rf"\b(?P<sp>{_ROLE_NAME}){_APPOSITIVE}{_TIME_ADJUNCT}\s+(?:\w+ly\s+)?"
    r"(?:has\s+|had\s+|also\s+|then\s+|later\s+|once\s+)?$"
)
_PROPER = re.compile(rf"\b{_PROPER_SEQ}")
_NOT_NAMES = frozenset(
    "The A An This That These Those It In On At For But And Or If When While After Before As "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December Last Earlier Meanwhile "
    "However Asked Speaking Still Yet So Now Then Also Even Just Already Here There Below "
    "Above Later Instead Indeed Since Although Though During Until Despite With Without From "
    "By To Of Under Over Among Between Through Each Every Both Some Many Most Several Such "
    "Other Another Today Yesterday Tonight Once Twice Where What Who Why How Which "
    "Whether Because Like Unlike Besides Amid Across Against Throughout Inside Outside "
    "Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen. Rep. Gov. Gen. President Senator Governor "
    "Update Advertisement Photo Watch Read Related Editor "
    # Prepositions made of participles, and others that open a sentence: "Following
    # President Obama's remarks, ..." names Obama, not a "Following President Obama".
    "Following According Including Regarding Concerning Considering Given Upon Within "
    "Beyond Toward Towards Around Behind Beside Near Via Excluding Barring Pending".split()
)
TITLES = frozenset(
    "Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Sgt Capt Rev Hon Pres Sec Atty Judge "
    "President Senator Governor Mayor Secretary Minister Chancellor Director Chairman "
    "Chairwoman Speaker Justice Coach Pope King Queen Prince Princess Lord Lady Sir".split()
)
# A name whose last word is one of these is a body, not a person.
_BODY_WORDS = frozenset(
    "news press times post journal herald tribune gazette magazine network networks party "
    "department ministry committee commission council university college school institute "
    "foundation association union agency bureau office administration campaign court "
    "congress senate house parliament government police army navy company corp "
    "corporation inc ltd llc group bank fund service services center centre society "
    "organization organisation board authority coalition league federation church "
    "hospital club team staff statement website newspaper paper channel radio television "
    "tv daily weekly reuters bloomberg fox cnn msnbc nbc abc cbs bbc npr pbs ap afp upi "
    "politico breitbart axios twitter facebook instagram youtube wikileaks pentagon kremlin "
    "whitehouse courier chronicle observer telegraph examiner inquirer sentinel dispatch "
    "bulletin monitor state".split()
)
_ACCORDING = re.compile(rf"\b[Aa]ccording to\s+(?P<sp>{_ROLE_NAME})\s*,[^.!?“”\"]*$")
_CLAUSE_END = re.compile(r"[.!?](?=\s|$)|[“\"\n]")
_TITLE_END = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Rev|Hon|Pres|Sec|Atty|Jr|Sr|St|"
    r"[A-Z])\.$"
)
_GENERIC_HEAD = re.compile(rf"^(?:{_GENERIC_WORDS})\s+")
_SENTENCE_CUT = re.compile(
    r"(?<![A-Z])(?<!Mr|Ms|Dr|Jr|Sr|St)(?<!Mrs|Sen|Rep|Gov|Gen)[.!?][”\"’']?\s+(?![a-z])"
)
_INTRO = re.compile(
    r"^(?:(?:In|At|On|After|When|While|During|Before|As|Since|Although|Though|Asked|"
    r"Speaking|Responding|Writing|Meanwhile|Earlier|Later|Still|Yet|But|And|So|Also|Already|"
    r"Instead|However|Now|Then|Last|This|Today|Yesterday|Once|Even|Following|Despite|Amid|"
    r"Given|Upon|With|Without|Unlike|Throughout)\b[^,:]*?,\s+)+"
)

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


@dataclass(frozen=True, slots=True)
class _Said:
    """An attribution found in the text: who, and where the sentence naming them starts."""

    speaker: str
    at: int
    confident: bool


def find_quotes(text: str) -> list[QuoteSpan]:
    """All quotations of ``text``, with speakers where the text names them."""
    paras = paragraphs(text)
    found: list[tuple[int, int, int, bool]] = []
    for number, (b_start, b_end) in enumerate(paras):
        for s, e, closed in _marks(text, b_start, b_end):
            found.append((s, e, number, closed))
    masked = _masked(text, found)
    quotes: list[QuoteSpan] = []
    last_named: tuple[int, str] | None = None  # paragraph, speaker
    prev: QuoteSpan | None = None
    prev_closed = True
    for s, e, para, closed in found:
        p_start = paras[para][0]
        said = (_speaker_after(text, s, e) if closed else None) or _speaker_before(
            masked, s, p_start
        )
        if said is None and _opens_paragraph(text, s) and para > 0:
            said = _speaker_ending(masked, *paras[para - 1])
        inferred = False
        speaker, confident = (said.speaker, said.confident) if said else (None, False)
        if speaker and speaker.lower() in _PRONOUNS:
            assert said is not None
            near = last_named[1] if last_named and last_named[0] >= para - 2 else None
            speaker = _referent(masked, paras, para, said.at) or near
            speaker = speaker or _last_person(masked, said.at)
            confident, inferred = False, True
        if speaker is None and prev is not None and prev.speaker:
            same_para = prev.paragraph == para
            runs_on = (same_para and _opens_sentence(masked, s, p_start, prev.start)) or (
                prev.paragraph == para - 1 and not prev_closed and _opens_paragraph(text, s)
            )
            if runs_on:  # inherited, not written here
                speaker, confident, inferred = prev.speaker, False, prev.inferred
        if speaker is None and said is None:
            earlier = _earlier_sentence(masked, s, p_start)
            if earlier is not None and earlier.speaker.lower() in _PRONOUNS:
                near = last_named[1] if last_named and last_named[0] >= para - 2 else None
                resolved = _referent(masked, paras, para, earlier.at) or near
                speaker, inferred = resolved, True
            elif earlier is not None:
                speaker = earlier.speaker
        if speaker and is_named(speaker) and not inferred:
            last_named = (para, speaker)
        confident = confident and bool(speaker)
        prev = QuoteSpan(s, e, speaker, para, confident, inferred and bool(speaker))
        prev_closed = closed
        quotes.append(prev)
    return quotes


def _masked(text: str, found: list[tuple[int, int, int, bool]]) -> str:
    """The text with what is inside quotes made 'x': the words a speaker said are no
    attribution. The quote's last mark stays, for a quote that ends its sentence.
    Offsets are kept."""
    chars = list(text)
    for s, e, _para, _closed in found:
        for i in range(s, e - 1):
            if not chars[i].isspace():
                chars[i] = "x"
    return "".join(chars)


def _opens_paragraph(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start : start - 1].strip()


def _opens_sentence(masked: str, start: int, p_start: int, prev_start: int) -> bool:
    """The quote opens a sentence, or shares one with the quote before it."""
    before = masked[p_start : start - 1].rstrip()
    if not before or before[-1] in ".!?:" or before.endswith(("”", '"')):
        return True
    return _sentence_start(masked, p_start, start - 1) <= prev_start


def _sentence_start(masked: str, lo: int, hi: int) -> int:
    """Where the sentence holding ``hi`` starts (no earlier than ``lo``)."""
    cut = lo
    for m in _SENTENCE_CUT.finditer(masked, lo, hi):
        cut = m.end()
    return cut


def _marks(text: str, b_start: int, b_end: int) -> list[tuple[int, int, bool]]:
    """Inner spans between matching marks in one paragraph."""
    out: list[tuple[int, int, bool]] = []
    open_at: int | None = None
    for mark in _MARK.finditer(text, b_start, b_end):
        i, ch = mark.start(), mark.group()
        if ch in OPEN_DOUBLE and open_at is None:
            open_at = i
        elif ch in CLOSE_DOUBLE and open_at is not None:
            out.append((open_at + 1, i, True))  # (a straight mark closed by a curly one too)
            open_at = None
        elif ch == '"':
            if open_at is None and not out and _closes_carried(text, b_start, i, b_end):
                out.append((b_start, i, True))
            elif open_at is None:
                open_at = i
            else:  # (a curly mark closed by a straight one too)
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


def _closes_carried(text: str, b_start: int, i: int, b_end: int) -> bool:
    """The paragraph's first straight mark closes a quotation carried over from the
    paragraph before ('They should adhere to the laws, " he told reporters'): it follows
    a sentence's punctuation and a space or a word, and white space follows it, as no
    opening mark is, and no mark after it closes a quotation it would open."""
    before = text[b_start:i].rstrip()
    return (
        len(before) > 20
        and before[-1] in ",.!?"
        and (i + 1 >= b_end or text[i + 1].isspace())
        and '"' not in before
        # (an odd number of marks after it: it opens one, a space typed after it,
        # 'Smith said, " I have not decided yet," and left')
        and text.count('"', i + 1, b_end) % 2 == 0
    )


def _single_close(text: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        if text[j] == "’" and (j + 1 >= end or not text[j + 1].isalnum()):
            return j
        if text[j] in '“”"':
            return None
    return None


def _speaker_after(text: str, start: int, end: int) -> _Said | None:
    """'"…," Smith said' / '"…," said Smith': the attribution after the closing mark."""
    pos = end
    while pos < len(text) and (text[pos] in "”\"’'»" or text[pos] in " \t"):
        pos += 1
    inner = text[start:end].rstrip()
    if inner.endswith(".") and not inner.endswith("..") and text[pos : pos + 1].isupper():
        return None  # the quote ended its sentence: what follows is the next one
    clause = _clause_after(text, pos)
    for pattern in (_AFTER_VERB_NAME, _AFTER_NAME_VERB):
        m = pattern.match(clause)
        if m:
            name = _clean(m.group("sp"))
            return _Said(name, start, True) if name else None
    return None


def _clause_after(text: str, pos: int) -> str:
    tail = text[pos : pos + 160]
    for cut in _CLAUSE_END.finditer(tail):
        if cut.group() == "." and _TITLE_END.search(tail[: cut.start() + 1]):
            continue  # "said Gov. Perry", "Janet L. Yellen said": not the end of the sentence
        return tail[: cut.start()]
    return tail


def _speaker_before(masked: str, start: int, p_start: int) -> _Said | None:
    """'Smith said: "…' and its kin: the attribution in the quote's sentence, before it."""
    head_from = _sentence_start(masked, p_start, start - 1)
    head = masked[head_from : max(start - 1, head_from)]
    said = _attribution_in(head, head_from, adjacent=True)
    if said is None and head.rstrip().endswith(":"):
        said = _colon_subject(head, head_from)
    return said


def _speaker_ending(masked: str, p_start: int, p_end: int) -> _Said | None:
    """A paragraph ending 'Smith wrote:' introduces the quote that opens the next one."""
    if not masked[p_start:p_end].rstrip().endswith(":"):
        return None
    head_from = _sentence_start(masked, p_start, p_end)
    head = masked[head_from:p_end]
    return _attribution_in(head, head_from, adjacent=True) or _colon_subject(head, head_from)


def _earlier_sentence(masked: str, start: int, p_start: int) -> _Said | None:
    """A quote that opens a sentence, after one in its paragraph saying who spoke."""
    before = masked[p_start : start - 1].rstrip()
    if not before or before[-1] not in ".!?":
        return None
    end = p_start + len(before)
    head_from = _sentence_start(masked, p_start, end - 1)
    head = masked[head_from:end]
    if "x" * 3 in head:
        return None  # a sentence holding a quote of its own: its speaker is that quote's
    return _attribution_in(head, head_from, adjacent=False)


def _attribution_in(head: str, head_from: int, *, adjacent: bool) -> _Said | None:
    """The speaker of the speech verb nearest the end of ``head``.

    ``adjacent``: the quote follows ``head`` (what comes after the verb is the
    quote's lead-in: no sentence end); otherwise ``head`` is a whole sentence.
    """
    m = _ACCORDING.search(head)
    if m and adjacent:
        name = _clean(m.group("sp"))
        return _Said(name, head_from, False) if name else None
    for verb in reversed(list(_SPEECH_RE.finditer(head))):
        if verb.group() == "according to":
            continue
        lead = head[: verb.start()]
        name = None
        named = _BEFORE_NAME.search(lead)
        if named and not (verb.group().endswith("ing") and lead.rstrip().endswith(",")):
            name = _clean(named.group("sp"))
        joined = verb.group().endswith("ing") or re.search(r"(?:,|\band|\bthen|\bbut)\s*$", lead)
        if name is None and joined:
            # "Smith sent staff an e-mail saying:", "Smith returned and declared,",
            # "Smith, noting the cost, added:" — the speaker is the clause's subject.
            name = _subject(lead)
        if name is None:
            continue
        close = bool(re.match(r"\s*(?:\w+\s+){0,3}?[:,]?\s*$", head[verb.end() :]))
        return _Said(name, head_from, close and adjacent)
    return None


def _colon_subject(head: str, head_from: int) -> _Said | None:
    """'Trump took to Twitter: "…' / 'Jane Doe, radio host: "…': the sentence's subject."""
    name = _subject(head)
    if name is None or (len(name.split()) < 2 and head.rstrip(" :") == name):
        return None  # a lone capitalised word before a colon is a label, not a speaker
    return _Said(name, head_from, False)


def _subject(clause: str) -> str | None:
    """The proper name (or pronoun) that a clause opens with, after any lead-in phrase."""
    clause = _INTRO.sub("", clause.lstrip(" \t\"“”'’(—-"), count=1)
    described = _described(clause, whole=False)
    if described:
        return described  # "Her agent Mark Roesler:"
    m = re.match(rf"(?:(?:[a-z][\w-]*\s+){{0,3}})?(?P<sp>{_PROPER_SEQ}){_OF_PLACE}", clause)
    if m is None:
        return None
    words = m.group("sp").split()
    while words and words[0] in _NOT_NAMES and words[0].rstrip(".") not in TITLES:
        words.pop(0)
    if not words:
        return None
    name = _clean(" ".join(words))
    if name and name.lower() in _PRONOUNS:
        return name
    return name if name and not _GENERIC_HEAD.match(name) else None


# No person is "the Smith", but "the Arizona Republican" is one, described.
_THE_BEFORE = re.compile(r"\bthe\s+$")
_PARTIES = frozenset({"Republican", "Democrat", "Independent", "Libertarian"})
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+\b")


def _last_person(masked: str, before: int) -> str | None:
    """The last full name (two or more capitalised words) written before a quote."""
    names = [m.group() for m in _PERSON.finditer(masked, max(0, before - 600), before)]
    names = [n for n in names if n.split()[0] not in _NOT_NAMES and not is_body(n)]
    return re.sub(r"[’']s$", "", names[-1]) if names else None


def _unled(name: str) -> str | None:
    """A full name without the capitalised words that lead into it ("But Roger Pilon"),
    None when one word or less is left ("The Legislature") or it names a body."""
    words = name.split()
    words = words[_lead(words) :]
    return " ".join(words) if len(words) >= 2 and not is_body(name) else None


def _lead(words: list[str]) -> int:
    """How many of a name's first words lead into it ("The", "But", a title)."""
    lead = 0
    while lead < len(words) and words[lead] in _NOT_NAMES:
        lead += 1
    return lead


def _referent(masked: str, paras: list[tuple[int, int]], para: int, before: int) -> str | None:
    """The person a pronoun stands for: the last sentence subject named in the
    paragraph, else the last person it names; a paragraph that speaks of someone
    only as "he" or "she" passes the search on to the one before (two at most)."""
    known = {n.split()[-1] for n in map(_unled, _PERSON.findall(masked, 0, before)) if n}
    for k in range(para, max(para - 3, -1), -1):
        lo, hi = paras[k][0], before if k == para else paras[k][1]
        subject, mention, by_pronoun = _people(masked, lo, hi, known)
        if subject or (mention and not by_pronoun):
            return subject or mention
    return None


def _people(masked: str, lo: int, hi: int, known: set[str]) -> tuple[str | None, str | None, bool]:
    """The last subject named, the last person named, and whether a sentence of
    ``masked[lo:hi]`` has a pronoun for its subject."""
    subject = mention = None
    for m in _PROPER.finditer(masked, lo, hi):
        words = m.group().split()
        lead = _lead(words)
        name = re.sub(r"[’']s$", "", " ".join(words[lead:]).rstrip(".,’'"))
        if not name or is_body(name):
            continue
        titled = lead > 0 and words[lead - 1].rstrip(".") in TITLES
        the = (lead and words[lead - 1] == "The") or _THE_BEFORE.search(
            masked, max(lo, m.start() - 4), m.start()
        )
        parts = name.split()
        party = next((i for i, w in enumerate(parts) if w in _PARTIES), None)
        if party is not None and party + 1 < len(parts):
            name = " ".join(parts[party + 1 :])  # "the Arizona Republican Mark Kelly"
        elif the and not titled and parts[0].rstrip(".") not in TITLES and party is None:
            continue  # "the North Carolina school", "The Legislature": a place or a body
        if len(name.split()) < 2 and not titled and name not in known:
            continue
        mention = name
        # The sentence whole: a lead-in ("Following Obama's remarks, ...") ends at its
        # comma, after which the subject stands.
        cut = _SENTENCE_CUT.search(masked, m.end(), hi)
        sentence = masked[_sentence_start(masked, lo, m.start()) : cut.start() if cut else hi]
        found = _subject(sentence)
        if found is not None and found.split()[-1] == name.split()[-1]:
            subject = name
    by_pronoun = bool(re.search(r"(?:^|[.!?]\s+)(?:He|She|They)\b", masked[lo:hi])) and not subject
    return subject, mention, by_pronoun


# A description that leads to a full name ("her agent Mark Roesler", "a spokesman John
# Lee"): the person described is the speaker. A body described ("the state Supreme
# Court") stays as written.
_DESCRIBED_NAME = re.compile(
    rf"(?:{_GENERIC_WORDS})\s+(?:[a-z][\w-]*\s+){{1,3}}"
    r"(?P<sp>[A-Z][a-z]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+)+)\b"
)


def _described(name: str, whole: bool) -> str | None:
    """The full name a description of ``name``'s start leads to (``whole``: the
    description and the name are all of ``name``), None when it leads to none."""
    m = _DESCRIBED_NAME.fullmatch(name) if whole else _DESCRIBED_NAME.match(name)
    if m is None or is_body(m.group("sp")) or m.group("sp").split()[-1] in _PARTIES:
        return None  # a body, or a person described ("the moderate Ohio Democrat")
    return m.group("sp")


def _clean(name: str) -> str | None:
    name = name.strip(" ,;:")
    name = re.sub(r"[’']s$", "", name)
    name = _described(name, whole=True) or name
    if not _GENERIC_HEAD.match(name):
        words = name.split()
        lower = [i for i, w in enumerate(words) if w[:1].islower() and w not in _CONNECTS]
        if lower and lower[-1] < len(words) - 1 and words[lower[-1]] != "of":
            words = words[lower[-1] + 1 :]  # "coach Jane Doe", "Clinton aide Jane Doe"
        if "of" in words:
            at = words.index("of")
            if at and not all(w.rstrip(".") in TITLES for w in words[:at]):
                words = words[:at]  # "Mike Pence of Indiana"; not "Secretary of State Kerry"
        name = " ".join(words)
    if not name or name.lower() in {"that", "this", "there"} or name in _NOT_NAMES:
        return None
    if name.split()[0] in _NOT_NAMES and name.split()[0].rstrip(".") not in TITLES:
        return None
    return name


_CONNECTS = frozenset(_CONNECT.strip("(?:)").split("|"))


def is_body(speaker: str) -> bool:
    """An institution or news outlet ("Fox News", "the Associated Press"), not a person."""
    words = speaker.split()
    last = words[-1].strip(".,’'").lower() if words else ""
    if words and words[-1][:1].islower() and last.endswith("s") and last[:-1] in _BODY_WORDS:
        last = last[:-1]  # "the statements", "the networks"; not a surname ("Tyra Banks")
    return last in _BODY_WORDS or (last.isupper() and len(last) <= 6 and len(words) == 1)


def is_named(speaker: str | None) -> bool:
    """A person by name: not a description ("a spokesman"), a body nor a stray word."""
    if not speaker or _GENERIC_HEAD.match(speaker) or is_body(speaker):
        return False
    words = speaker.split()
    # A name ends in a capitalised word ("John Paul Hopping", "Kelly"); a stray lead-in does not.
    return words[-1][:1].isupper() and not (len(words) == 1 and words[0] in _NOT_NAMES)


def shown_speaker(speakers: Iterable[str | None]) -> str | None:
    """The speaker a message names: a person before a description; never a body
    ("Fox News", "the Associated Press"), which reports a remark rather than makes it."""
    known = [s for s in speakers if s]
    return next((s for s in known if is_named(s)), None) or next(
        (s for s in known if not is_body(s)), None
    )


def same_speaker(a: str | None, b: str | None) -> bool | None:
    """True or False where both are known, None where either is unknown.

    Names match on their last word ("Brad Smith" is "Smith"); a description
    ("a Microsoft representative") is someone other than a named person; a body
    ("Fox News") speaks through people whose names it may not give, so it is unknown.
    """
    if not a or not b:
        return None
    if is_body(a) or is_body(b):
        return None
    generic_a, generic_b = bool(_GENERIC_HEAD.match(a)), bool(_GENERIC_HEAD.match(b))
    if generic_a and generic_b:
        return None
    if generic_a != generic_b:
        return False
    return a.split()[-1].lower() == b.split()[-1].lower()
