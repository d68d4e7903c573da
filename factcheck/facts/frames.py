"""Action frames: who stops, pauses or bans what, for how long, how widely.

Claims that report the same decision are often worded too differently to
share a fuzzy cluster ("one-year moratorium" / "ban"), so the duration and
scope checks compare frames instead: the actor (a named entity that is the
subject of the action word), the action's class, whether it is told as
temporary or permanent (told by the words around the action word, not by a length
or a word of permanence elsewhere in the sentence), and whether its scope is universal
or restricted. An action with no end set ("indefinitely", "for now") is told "open":
neither temporary nor permanent, it stands only against words of permanence.
The lexicons are small, general English word classes, not corpus strings.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from factcheck.model import Claim
from factcheck.text.fold import Token
from factcheck.text.lexicons import data_table, stopwords, word_class, word_frequency
from factcheck.text.numbers import MONTHS, WEEKDAYS, Quantity, durations


def _words(name: str) -> frozenset[str]:
    return word_class("frames.toml", name)


def _pairs(name: str) -> frozenset[tuple[str, str]]:
    return frozenset(tuple(p.split()) for p in data_table("frames.toml")[name])


TEMPORARY = _words("temporary")
PERMANENT = _words("permanent")
NEUTRAL = _words("neutral")
UNIVERSAL = _words("universal")
COMPLETING = _words("completing")
_WHOLE = _words("whole")
RESTRICTED = _words("restricted")
_PERMANENT_PAIRS = _pairs("permanent_pairs")
_RESTRICTED_PAIRS = _pairs("restricted_pairs")
_LIST_BREAKERS = _words("list_breakers")
_ENDING_NOUNS = _words("ending_nouns")
_ENDING_VERBS = _words("ending_verbs")
IMPLICIT_NEGATIVES = _words("implicit_negatives")
_REQUESTS = _words("requests")
ASKED_REACH = 8  # words between a word of asking (or ordering) and its action at most
_ASKED_LINKS = frozenset("to for a an the".split())  # "asked to ban", "called for a pause"
# Words between the subject's name and its action word at most: a name further back is
# another clause's ("Texas' law will remain in place, after a court on Thursday granted
# the state's request to suspend a judge's ruling").
ACTOR_REACH = 12
TITLES = _words("titles")  # "Mr", "Sen": they stand before a name, they are not one
SCOPE_REACH = 5  # words after the action word that can set its scope
TIME_BEFORE = 3  # words before the action word that can tell its time ("a six-month pause")
TIME_AFTER = 8  # and after it ("suspend night crossings to the islands for six weeks")
# Words before a length that make it a point or another span than the action's ("after
# three years", "as early as six weeks", "at six weeks"), and words after it that do
# ("one day after", "two weeks ago", "three years earlier", "two seconds remaining").
_SPAN_STARTS = frozenset(
    {"after", "over", "past", "last", "since", "ago", "in", "within", "early", "late", "at", "by"}
)
_SPAN_ENDS = frozenset(
    {"after", "before", "ago", "earlier", "later", "into", "of", "old", "remaining", "left"}
)
_RELATIVE = frozenset({"which", "who", "whom", "whose"})  # a clause of another subject
_EXPLICITLY_PERMANENT = _words("explicitly_permanent")
_OPEN_ENDED = _words("open_ended")
_OPEN_PAIRS = _pairs("open_pairs")
_TIME_ADVERBS = frozenset({"temporarily"}) | _EXPLICITLY_PERMANENT
_ACTION_STARTS = TEMPORARY | PERMANENT | NEUTRAL | frozenset(a for a, _b in _PERMANENT_PAIRS)
_HEDGES = frozenset({"nearly", "almost", "virtually", "not"})
_NOT_ACTORS = (
    frozenset(
        "we i it they he she the a an this that in on at after before last earlier meanwhile "
        "however but and us".split()
    )
    | frozenset(WEEKDAYS)
    | frozenset(MONTHS)
)


@dataclass(frozen=True, slots=True)
class Frame:
    claim: Claim
    actors: frozenset[str]
    action: Token
    temporal: str  # temporary, permanent, open (no end set), neutral
    duration: str  # e.g. "1 year", "" when none is said
    # universal (a quantifier: "all"), complete (an adverb only: "completely", or a word
    # whole by its meaning: "end"), restricted, ""
    scope: str
    topic: frozenset[str]  # content words other than actors and action words
    # Where the words stand that tell its time in so many words ("permanently",
    # "indefinitely", "for now"): raw offsets, None when only the action word's class or
    # a length does.
    marker: tuple[int, int] | None = None


def _entity_runs(toks: tuple[Token, ...], names: frozenset[str]) -> list[tuple[int, int]]:
    """Token index runs of capitalised names.

    A capitalised first word is a name only if it is no dictionary word or the
    corpus also writes it capitalised inside a sentence (``names``).
    """
    freq = word_frequency()
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if _is_name(t, i, freq, names):
            j = i + 1
            while (
                j < len(toks)
                and _is_name(toks[j], j, freq, names)
                and toks[j].start - toks[j - 1].end <= 1
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def possessor(word: str) -> str:
    """A name without its possessive ending: "Trump's" → "Trump"."""
    for ending in ("'s", "’s", "s'", "s’"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + ("s" if ending.startswith("s") else "")
    return word


def _is_name(t: Token, position: int, freq: dict[str, int], names: frozenset[str]) -> bool:
    if not t.text[:1].isupper() or t.norm in _NOT_ACTORS or t.norm.rstrip(".") in TITLES:
        return False
    if position == 0 and t.norm in freq and not t.text.isupper() and t.text not in names:
        return False
    return any(c.isalpha() for c in t.text)


def _actors(
    claim: Claim, toks: tuple[Token, ...], action_at: int, runs: list[tuple[int, int]]
) -> frozenset[str]:
    """The subject of the action word: the nearest name before it, with names listed beside it."""
    before = [r for r in runs if r[1] <= action_at and action_at - r[1] <= ACTOR_REACH]
    if not before:
        speaker = claim.speaker
        first_person = any(t.norm in ("we", "we're", "we've", "our") for t in toks[:action_at])
        return frozenset({speaker.split()[-1].lower()}) if speaker and first_person else frozenset()
    if _RELATIVE.intersection(t.norm for t in toks[before[-1][1] : action_at]):
        return frozenset()  # "Appeals reinstated the law, which bans": the law's action
    chosen = [before[-1]]
    for prev in reversed(before[:-1]):
        gap = [t.norm for t in toks[prev[1] : chosen[-1][0]]]
        if not gap or all(g in ("and", "&") for g in gap):
            chosen.append(prev)
        else:
            break
    first = chosen[-1][0]
    if first > 0 and toks[first - 1].norm in _LIST_BREAKERS:
        chosen = chosen[:1]
    return frozenset(possessor(toks[r[1] - 1].norm) for r in chosen)


def names_in(claims: list[Claim]) -> frozenset[str]:
    """Words the corpus writes capitalised inside a sentence: names, not sentence starts."""
    return frozenset(w for w in set().union(*(c.forms[1:] for c in claims)) if w[:1].isupper())


def _bounds(q: Quantity, action_at: int, norms: tuple[str, ...]) -> bool:
    """Whether a length of time tells how long the action lasts: near the action word,
    not measuring a thing ("20 years of war"), not a span before or since it ("after
    three years", "over the past decade")."""
    if not action_at - TIME_BEFORE <= q.start <= action_at + TIME_AFTER:
        return False
    # The word after the length: its unit is the word at q.end ("six months"), or inside
    # the number's own word ("six-month").
    joined = "-" in norms[q.end - 1]
    after = q.end if joined else q.end + 1
    if after < len(norms) and norms[after] in _SPAN_ENDS:
        return False
    unit = "" if joined or q.end >= len(norms) else norms[q.end]
    # Written before a noun, as an adjective ("six-month", "26 minute": a singular unit
    # after a number other than one), it is the length of that noun, the action or not.
    modifier = joined or (q.value != 1 and unit.isalpha() and not unit.endswith("s"))
    if modifier and action_at != after:
        return False  # "a 26-minute speech", "a six-week abortion ban" (a ban from a week on)
    before = norms[max(0, q.start - 2) : q.start]
    return not _SPAN_STARTS.intersection(before)


_TIME_PREPOSITIONS = frozenset(
    "at by until till near before after toward towards to from since through".split()
)


def _time_phrase(norms: tuple[str, ...], i: int) -> bool:
    """The word is the noun of a phrase of time: "at the end of", "by the end of"."""
    return (
        2 <= i < len(norms) - 1
        and norms[i + 1] == "of"
        and norms[i - 1] == "the"
        and norms[i - 2] in _TIME_PREPOSITIONS
    )


def _asked_for(norms: tuple[str, ...], i: int) -> bool:
    """The action at ``i`` is one someone asks for or orders ("denied a request from
    growers to freeze the rule", "called for a pause", "ordered the state to suspend
    it"): what they want done, not what the nearest name did, and no reading of that
    name's action."""
    if i == 0 or norms[i - 1] not in _ASKED_LINKS | _TIME_ADVERBS:
        return False
    before = norms[max(0, i - ASKED_REACH) : i]
    linked = "to" in before[-3:] or "for" in before[-3:]
    return linked and not _REQUESTS.isdisjoint(before)


DETERMINERS = frozenset("the that this its his her their our a an".split())


def _runs_out(norms: tuple[str, ...], i: int) -> bool:
    """The action at ``i`` is told to end: "the end of that ban", "the freeze expires"."""
    before = norms[max(0, i - 3) : i]
    if before[-1:] and before[-1] in DETERMINERS:
        before = before[:-1]
    if len(before) >= 2 and before[-1] == "of" and before[-2] in _ENDING_NOUNS:
        return True
    return i + 1 < len(norms) and norms[i + 1] in _ENDING_VERBS


def _marker(
    toks: tuple[Token, ...],
    stretch: tuple[int, int],
    words: frozenset[str],
    pairs: frozenset[tuple[str, str]],
) -> tuple[int, int] | None:
    """The raw span of the first word of ``words`` (or pair of ``pairs``) among the
    tokens of ``stretch`` (the action's own: ``_stretch``); None when there is none."""
    reach = toks[stretch[0] : stretch[1]]
    for i, t in enumerate(reach):
        if t.norm in words:
            return (t.start, t.end)
        if i + 1 < len(reach) and (t.norm, reach[i + 1].norm) in pairs:
            return (t.start, reach[i + 1].end)
    return None


def _stretch(found: list[int], k: int, length: int) -> tuple[int, int]:
    """The token range that can tell the time of the ``k``-th action word: a few words
    before it to several after; a word between two action words is the nearer one's
    ("upheld the ban but ordered a review of the indefinite suspension": "indefinite" is
    the suspension's; "suspended the account indefinitely over its ban": the suspension's)."""
    at = found[k]
    lo = max(0, at - TIME_BEFORE, (found[k - 1] + at) // 2 + 1 if k else 0)
    hi = min(length, at + TIME_AFTER + 1)
    if k + 1 < len(found):
        hi = min(hi, (at + found[k + 1]) // 2 + 1)
    return lo, hi


def _action_words(norms: tuple[str, ...]) -> list[int]:
    """Where the claim's action words stand: a sentence may tell two decisions ("upheld
    the ban but ordered a review of the indefinite suspension"), each with its own time."""
    out = []
    pairs = set()
    for i, w in enumerate(norms):
        if i + 1 < len(norms) and norms[i + 1] == "up":
            continue  # "end up", "block up": phrasal verbs of another meaning
        if _time_phrase(norms, i):
            continue  # "at the end of the speech": a time, not an action
        pair = i + 1 < len(norms) and (w, norms[i + 1]) in _PERMANENT_PAIRS
        if pair:
            pairs.add(i)
        if w in TEMPORARY or w in PERMANENT or w in NEUTRAL or pair:
            out.append(i)
    # An adverb of time ("permanently", "no longer") in the stretch of another action
    # word tells that action's time ("permanently suspend", "suspended the player
    # permanently", "is no longer suspended"); it is an action word of its own only
    # alone ("closed temporarily", "will no longer sell").
    return [
        i
        for i in out
        if not (norms[i] in _TIME_ADVERBS or i in pairs)
        or not any(j != i and j - TIME_BEFORE <= i <= j + TIME_AFTER for j in out)
    ]


def frames(claim: Claim, names: frozenset[str] = frozenset()) -> list[Frame]:
    norms = claim.words
    if _ACTION_STARTS.isdisjoint(norms):
        return []  # most claims: no action word, found without a step per word
    found = _action_words(norms)
    if not found:
        return []
    toks = claim.tokens
    runs = _entity_runs(toks, names)
    lengths = durations(toks)
    stop = stopwords()
    lexicon = TEMPORARY | PERMANENT | NEUTRAL | UNIVERSAL | RESTRICTED
    content = frozenset(
        w for w in set(norms) if w.isalpha() and w not in stop and w not in lexicon and len(w) > 2
    )
    out = []
    for n, action_at in enumerate(found):
        stretch = _stretch(found, n, len(toks))
        frame = _frame(claim, toks, runs, action_at, stretch, lengths, content, later=n > 0)
        if frame is not None:
            out.append(frame)
    return out


def _frame(
    claim: Claim,
    toks: tuple[Token, ...],
    runs: list[tuple[int, int]],
    action_at: int,
    stretch: tuple[int, int],
    lengths: list[Quantity],
    content: frozenset[str],
    later: bool,
) -> Frame | None:
    """The frame of the action word at ``action_at``; ``content``: the claim's content
    words, of which the topic is those not naming its actors."""
    norms = claim.words
    # What tells the action's time stands in its own stretch of the sentence: "a six-month
    # pause", "pause night crossings for six weeks". A length or a word of permanence
    # elsewhere in it is another matter's ("after 20 years of war", "near the end of a
    # speech", "a chaotic exit"), and a length followed by "of" measures a thing, not the
    # action.
    # (the words of another action word count here: "ended a moratorium" ends a
    # temporary thing; the words that tell a time in so many words are each action's own)
    reach = norms[max(0, action_at - TIME_BEFORE) : action_at + TIME_AFTER + 1]
    spans = [q for q in lengths if _bounds(q, action_at, norms)]
    duration = ""
    if spans:
        q = spans[0]
        duration = f"{q.value:g} {q.unit}"
    marker = _marker(toks, stretch, _EXPLICITLY_PERMANENT, _PERMANENT_PAIRS)
    open_marker = _marker(toks, stretch, _OPEN_ENDED, _OPEN_PAIRS)
    if marker:
        temporal = "permanent"  # "permanently suspend", "banned for good"
    elif spans:
        temporal = "temporary"  # "a one-year moratorium"
    elif open_marker:
        temporal, marker = "open", open_marker  # "suspended indefinitely", "for now"
    elif set(reach) & TEMPORARY or _runs_out(norms, action_at):
        temporal = "temporary"
    elif set(reach) & PERMANENT:
        temporal = "permanent"
    else:
        temporal = "neutral"
    # The first action word is the claim's; a later one only where words of its own tell
    # its time ("upheld the ban ... a review of the indefinite suspension"): most later
    # ones are another matter's ("suspended an account evading its ban"). Its own word is
    # no word of its time ("no longer", alone).
    if later and (marker is None or marker[0] == toks[action_at].start):
        return None
    if _asked_for(norms, action_at):
        return None
    actors = _actors(claim, toks, action_at, runs)
    if not actors:
        return None
    # The scope words that bear on the action stand right around it ("outright cease
    # all sales"), not at the far end of the sentence ("... for nearly all gun sales").
    near = norms[max(0, action_at - 2) : action_at + SCOPE_REACH]
    tail = set(near)
    tail_pairs = set(itertools.pairwise(near))
    hedged = any(a in _HEDGES and b in UNIVERSAL for a, b in tail_pairs)
    if tail & UNIVERSAL and not hedged:
        scope = "universal" if tail & (UNIVERSAL - COMPLETING) else "complete"
    elif tail & RESTRICTED or tail_pairs & _RESTRICTED_PAIRS:
        scope = "restricted"
    elif norms[action_at] in _WHOLE:
        scope = "complete"  # "end the involvement": whole by its meaning
    else:
        scope = ""
    topic = content - actors
    return Frame(claim, actors, toks[action_at], temporal, duration, scope, topic, marker)
