"""Statements inside claims: an action told as done or not, decided or possible.

"X banned Y" and "X did not ban Y", "will not sell" and "may sell" are written in
different sentences by outlets that write their own; a statement is the verb group
that says it (auxiliaries, a negator, the verb), with its offsets, the verb's base
(by a light stem and a table of irregular verbs: "sold" is "sell"), whether it is
negated, whether it is told as possible ("may", "could", "not ruling out"), and the
time it puts the action in. Statements in questions, in conditions ("if", "whether")
and inside quotation marks are left out: they are not the outlet's own assertion.
Without a tagger, a verb is known by its group or its form: after an auxiliary, a
modal or a negator, or written as a past form ("banned", "held").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.facts.mentions import singular, stem, weight
from factcheck.model import Claim
from factcheck.text.fold import Token, is_negator
from factcheck.text.lexicons import american_form, data_table, stopwords, word_class


def _words(name: str) -> frozenset[str]:
    return word_class("statements.toml", name)


_PAST, _PRESENT, _FUTURE = _words("past"), _words("present"), _words("future")
POSSIBLE = _words("possible")
_OUGHT = _words("ought")
_INSIDE = _words("inside")
_CONDITIONAL = _words("conditional")
_KNOWING = _words("knowing")
_ASKING = _words("asking")
_UNTIL = _words("until")
_BEING = _words("being")
_SAYING = _words("saying")
_PARTICLES = _words("particles")
_NOT_ACTIONS = _words("not_actions")
_REFUSING = _words("refusing")
_RULING = _words("ruling")
_LY_VERBS = _words("ly_verbs")
_AUXILIARY = _PAST | _PRESENT | _FUTURE | POSSIBLE | _OUGHT
_SUBJECTS = frozenset({"he", "she", "it", "who", "which", "that"})
_NEGATING = frozenset({"not", "never"})  # negators that stand in a verb group
NOT_DENYING = frozenset({"only", "merely"})  # after "not": no denial ("not just" may be one)
_HAVE = frozenset({"has", "have", "had", "hasn't", "haven't", "hadn't"})
_BEFORE_NOUN = frozenset(
    "the a an this that these those its his her their our my your whose any no some".split()
)
_REACH = 8  # words in which "not ruling out" or "whether" bears on the action it opens
PATIENT_WORDS = 3  # content words after the verb (before it, in the passive): what it is done to


@cache
def _irregular() -> dict[str, str]:
    words = data_table("statements.toml")["irregular"].split()
    return dict(zip(words[::2], words[1::2], strict=True))


@dataclass(frozen=True, slots=True)
class Statement:
    """An action told in a claim: its verb's base, whether it is denied, whether it is
    told as possible, its time ("past", "perfect": so far, "present", "future"), and
    where it stands."""

    claim: str
    action: str  # the stem of the verb's base: "ban", "sell"
    negated: bool
    possible: bool  # "may sell", "not ruling out selling", "will not sell until ..."
    tense: str
    passive: bool  # "was sent": who acted is not said
    reported: bool  # in a sentence that reports what someone says: the speaker's claim
    patient: frozenset[str]  # stems of what it is done to: the object, a passive's subject
    start: int  # character offsets of the verb group in the source text
    end: int
    first: int  # token indexes of the verb group, for the context around it
    last: int


@lru_cache(maxsize=1 << 18)  # every distinct word of a corpus may be asked: bounded
def verb_base(norm: str) -> str:
    """The stem of a verb form's base: "sold" and "selling" → "sell", "banned" → "ban",
    "apologised" → "apologiz" (a British spelling is the American's verb)."""
    norm = american_form(norm) or norm
    return stem(_irregular().get(norm, norm))


def statements(claim: Claim, tokens: Sequence[Token]) -> list[Statement]:
    """The statements of a claim, in order. A claim that is a question says nothing."""
    if claim.text.rstrip(" \"'\u201d\u2019").endswith("?"):
        return []
    norms = [t.norm for t in tokens]
    quoted = [(q.start, q.end) for q in claim.quotes]
    out: list[Statement] = []
    reported = not _SAYING.isdisjoint(norms) and any(
        w in _SAYING
        and tokens[k].text[:1].islower()
        and (k == 0 or norms[k - 1] not in _BEFORE_NOUN)
        for k, w in enumerate(norms)
    )  # a verb of saying, not a noun ("the charges", "a certain", "the United States")
    i = 0
    while i < len(norms):
        found = _group(norms, i)
        if found is None and _present_form(tokens, i):
            found = (i, i, False, False, "present")
        if found is None:
            i += 1
            continue
        first, verb, negated, possible, tense = found
        i = verb + 1
        word = norms[verb]
        if word in _RULING and i < len(norms) and norms[i] == "out":
            # "not ruling out selling": the action after it is left open.
            if not negated or i + 1 >= len(norms) or not norms[i + 1].endswith("ing"):
                continue
            verb, word, negated, possible, tense = i + 1, norms[i + 1], False, True, "future"
            i = verb + 1
        if word in _NOT_ACTIONS or word in _SAYING or not _is_verb_word(word):
            continue
        if _conditional(norms, tokens, claim, first) or in_question(norms, first):
            continue
        if _inside(tokens[verb], quoted):
            continue
        if tense == "ought":
            continue
        if claim.headline and tense == "present":
            tense = "past"  # headlines tell what happened in the present
        if _left_open(norms, first):
            negated, possible, tense = False, True, "future"
        if negated and _until(norms, tokens, claim, verb):
            possible = True  # a denial for so long: "will not sell until there is a law"
        passive = _participle(word) and not _BEING.isdisjoint(norms[first:verb])
        action, negated = _told_as(_action(norms, verb), negated)
        out.append(
            Statement(
                claim.id,
                action,
                negated,
                possible,
                tense,
                passive,
                reported,
                _patient(claim, tokens, first, verb, passive),
                tokens[first].start,
                tokens[verb].end,
                first,
                verb + 1,
            )
        )
    return out


def _action(norms: Sequence[str], verb: int) -> str:
    """The verb's base, with the particle after it that makes another action of it
    ("vote for" and "vote against" are opposites, not one action)."""
    after = norms[verb + 1] if verb + 1 < len(norms) else ""
    base = verb_base(norms[verb])
    return f"{base} {after}" if after in _PARTICLES else base


def _told_as(action: str, negated: bool) -> tuple[str, bool]:
    """A verb that denies another's action, told as that action denied: "rejected" is
    "did not approve", so two outlets' "rejected" and "approved" meet as one action."""
    told = action_of(action)
    return told, negated != (told != action)


def action_of(base: str) -> str:
    """The action a verb's base tells, affirmed or denied: "reject" tells "approve"."""
    return _opposites().get(base, base)


@cache
def _opposite_pairs() -> list[tuple[str, str]]:
    """(verb, the verb it denies), as the data table writes them."""
    words = data_table("statements.toml")["opposites"].split()
    return list(zip(words[::2], words[1::2], strict=True))


@cache
def _opposites() -> dict[str, str]:
    return {verb_base(a): verb_base(b) for a, b in _opposite_pairs()}


@cache
def _opposite_forms() -> frozenset[str]:
    """The written forms of the verbs that deny another's ("rejects", "lost"): a claim
    without one denies nothing this way."""
    words = [a for a, _b in _opposite_pairs()]
    forms = {w + end for w in words for end in ("", "s", "es", "d", "ed", "ing")}
    forms |= {w[:-1] + end for w in words if w.endswith("e") for end in ("ed", "ing")}
    forms |= {w + w[-1] + end for w in words for end in ("ed", "ing")}  # "acquitted"
    forms |= {past for past, base in _irregular().items() if base in words}
    return frozenset(forms)


def _group(norms: Sequence[str], i: int) -> tuple[int, int, bool, bool, str] | None:
    """The verb group starting at ``i``: (first, verb index, negated, possible, tense),
    or None when no group starts there."""
    word = norms[i]
    opens = word in _AUXILIARY or word in _NEGATING or word in _REFUSING or _no_longer(norms, i)
    if not opens:
        return (i, i, False, False, "past") if _past_form(norms, i) else None
    negated = possible = False
    tense = ""
    j = i
    while j < len(norms):
        w = norms[j]
        if w in _REFUSING and j + 1 < len(norms) and norms[j + 1] == "to":
            negated, tense = not negated, tense or _tense_of_form(w)
            j += 2
            continue
        if _no_longer(norms, j):
            negated, tense = not negated, tense or "present"
            j += 2
            continue
        if w == "one" and j + 1 < len(norms) and norms[j + 1] == "day":
            j += 2  # "will one day sell"
            continue
        if w == "going" and j + 1 < len(norms) and norms[j + 1] == "to":
            tense = "future"  # "is going to sell"
            j += 2
            continue
        after = norms[j + 1] if j + 1 < len(norms) else ""
        if w in _HAVE and not (_participle(after) or after in _NEGATING or after in _INSIDE):
            return None  # "does not have support": "have" is the verb, a light one
        if w in POSSIBLE:
            possible, tense = True, tense or "future"
        elif w in _FUTURE:
            tense = tense or "future"
        elif w in _OUGHT:
            tense = "ought"  # "should never step": what ought to be, not what is
        elif w in _PAST:
            tense = tense or "past"
        elif w in _PRESENT:
            tense = tense or "present"
        elif w in _NEGATING:
            # "not only repulsed the attack but ...": an addition, no denial.
            negated ^= not (j + 1 < len(norms) and norms[j + 1] in NOT_DENYING)
        elif not (w in _INSIDE or (w.endswith("ly") and w not in _LY_VERBS)):
            break
        if w in _HAVE and tense in ("present", "future") and j > i:
            tense = "past"  # "will have sold", "may have sold": done before
        if w.endswith("n't") or w == "cannot":
            negated = not negated
        j += 1
    if j == i or j >= len(norms) or norms[j] in stopwords() or norms[j] in _AUXILIARY:
        return None
    if any(norms[k] in _HAVE for k in range(i, j)) and tense == "present":
        tense = "perfect"  # "has not scored": so far, as of the article's day
    return i, j, negated, possible, tense or "past"


def _no_longer(norms: Sequence[str], i: int) -> bool:
    return norms[i] == "no" and i + 1 < len(norms) and norms[i + 1] == "longer"


def _participle(word: str) -> bool:
    return word in _irregular() or word.endswith(("ed", "en")) or word == "been"


def _tense_of_form(word: str) -> str:
    return "past" if word.endswith("ed") else "present"


def _past_form(norms: Sequence[str], i: int) -> bool:
    """A verb written in its past form, not as an adjective after a determiner
    ("the banned drug")."""
    word = norms[i]
    regular = word.endswith("ed") and len(word) > 4 and verb_base(word) != word
    if not (regular or word in _irregular()):
        return False
    return i == 0 or norms[i - 1] not in _BEFORE_NOUN


def _present_form(tokens: Sequence[Token], i: int) -> bool:
    """A verb in its present form after its subject: a name or a pronoun ("Council
    bans", "she sells"); a plural noun ends in "s" as well, so nothing else is taken."""
    word = tokens[i].norm
    if i == 0 or len(word) < 4 or singular(word) == word or not word.isalpha():
        return False
    before = tokens[i - 1]
    return before.norm in _SUBJECTS or (before.text[:1].isupper() and before.norm.isalpha())


def _is_verb_word(word: str) -> bool:
    return word.isalpha() and len(word) > 2 and word not in stopwords()


def _conditional(norms: Sequence[str], tokens: Sequence[Token], claim: Claim, first: int) -> bool:
    """A condition or an open question ("if", "whether") earlier in the statement's clause."""
    for k in range(first - 1, max(-1, first - _REACH), -1):
        if norms[k] in _CONDITIONAL:
            return True
        if _breaks(claim, tokens, k):
            return False
    return False


def in_question(norms: Sequence[str], at: int) -> bool:
    """The word at ``at`` stands in an embedded question ("whether they have paid", "to
    know which people have been vaccinated"): what it tells is asked about, not asserted,
    so its negation against another account's affirmation contradicts nothing."""
    for k in range(at - 1, max(-1, at - _REACH), -1):
        w = norms[k]
        if w == "whether" or (w in _ASKING and k > 0 and norms[k - 1] in _KNOWING):
            return True
    return False


def _left_open(norms: Sequence[str], first: int) -> bool:
    """The statement follows "not ruling out" (or "won't rule out"): left open."""
    return any(
        norms[k] in _RULING
        and k + 1 < len(norms)
        and norms[k + 1] == "out"
        and any(map(is_negator, norms[max(0, k - 3) : k]))
        for k in range(max(0, first - _REACH), first)
    )


def _until(norms: Sequence[str], tokens: Sequence[Token], claim: Claim, verb: int) -> bool:
    """A word after the verb in its clause that bounds the denial in time or by a
    condition ("until", "unless")."""
    for k in range(verb + 1, min(len(norms), verb + 2 * _REACH)):
        if _breaks(claim, tokens, k - 1):
            return False
        if norms[k] in _UNTIL:
            return True
    return False


def _patient(
    claim: Claim, tokens: Sequence[Token], first: int, verb: int, passive: bool
) -> frozenset[str]:
    """The content words of the action's object, in its clause: after the verb, or
    before the verb group in the passive ("the regatta was not held")."""
    step, k = (-1, first - 1) if passive else (1, verb + 1)
    out: set[str] = set()
    while 0 <= k < len(tokens) and len(out) < PATIENT_WORDS:
        if _breaks(claim, tokens, min(k, k - step)):
            break
        if weight(tokens[k].norm):
            out.add(stem(tokens[k].norm))
        k += step
    return frozenset(out)


def _breaks(claim: Claim, tokens: Sequence[Token], k: int) -> bool:
    """A clause ends between token ``k`` and the next (a comma, a colon, a bracket)."""
    between = claim.text[tokens[k].end - claim.start : tokens[k + 1].start - claim.start]
    return any(ch in between for ch in ",;:()")


def _inside(token: Token, quoted: list[tuple[int, int]]) -> bool:
    return any(s <= token.start < e for s, e in quoted)


_OPENERS = _AUXILIARY | _NEGATING | _REFUSING | {"no"}  # words a verb group can begin with
_MARKS = frozenset({"not", "never", "cannot", "longer"}) | POSSIBLE | _REFUSING


def readings(words: Sequence[str]) -> set[tuple[str, bool, bool]]:
    """(action, negated, possible) of the verb groups of a claim, read from its words
    alone (without clauses, conditions or quotations): a cheap first reading, more than
    ``statements`` keeps, to know which of a story's claims to read whole."""
    out = set()
    opens, irregular = _OPENERS, _irregular()
    for i, w in enumerate(words):
        if w.endswith("s") and singular(w) != w:
            out.add((*_told_as(verb_base(w), False), False))  # a present form, or a plural noun
        if not (w in opens or w in irregular or w.endswith("ed")):
            continue  # most words: no verb group begins there
        found = _group(words, i)
        if found is not None:
            _, verb, negated, possible, _ = found
            if words[verb] in _RULING and verb + 2 < len(words):
                verb, negated, possible = verb + 2, False, True  # "not ruling out selling"
            out.add((*_told_as(_action(words, verb), negated), possible))
    return out


def negations(words: Sequence[str], lo: int = 0, hi: int | None = None) -> int:
    """The negators of ``words[lo:hi]``; "not only" ("not only repulsed the attack but
    ...") adds, it does not deny, a negator written twice in a row ("will not not
    open") is a slip of one denial (the misspelling check tells the doubled word), and
    "No. 1" is a number."""
    return sum(
        1
        for i in range(lo, len(words) if hi is None else hi)
        if is_negator(words[i])
        and not (i + 1 < len(words) and (words[i + 1] in NOT_DENYING or words[i + 1] == words[i]))
        and not _numbered(words, i)
    )


def _numbered(words: Sequence[str], i: int) -> bool:
    """ "No. 1", "No 10 Downing Street": "no" before a figure is "number", no denial."""
    return words[i] == "no" and i + 1 < len(words) and words[i + 1].isdigit()


def denials(words: Sequence[str]) -> tuple[int, int, int]:
    """How a claim's words deny or leave open: its negators, refusals ("refused to", and
    verbs that deny another's action: "rejected") and modals of possibility; two claims
    of one fact that count alike deny alike."""
    opposite = _opposite_forms()
    return (
        negations(words),
        sum(1 for w in words if w in _REFUSING or w in _RULING or w in opposite),
        sum(1 for w in words if w in POSSIBLE),
    )


def may_deny(words: Sequence[str], text: str) -> bool:
    """Whether a claim can deny an action or leave it open: a test before ``readings``."""
    return (
        not _MARKS.isdisjoint(words)
        or "n't" in text
        or "n’t" in text
        or not _opposite_forms().isdisjoint(words)
    )
