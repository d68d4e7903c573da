"""Misspelling: non-words and confusable characters.

A word is suspect when it is in no English word list and no other source of
the corpus uses it. It is reported when a correction is at hand: codespell's
list of common misspellings names it, or a dictionary word one edit away is
written elsewhere in the corpus (names and rare words are left alone unless
the corpus itself spells them another way). Confusables ("Al" with a lower-case
L where the corpus writes "AI") are found the same way, through the corpus.

Real words written for others are found where the words around them decide it, with
no model of the language: a confusable word in a frame that only its twin fits ("more
then", "hundred of thousands"), a word English never repeats with one word between
("said Lee said"), a verb form that cannot follow ("wants to makes", "he saying"), and a
name a letter off the story's own or the word lists' spelling of it.
"""

from __future__ import annotations

import operator
import re
import string
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from rapidfuzz.distance import DamerauLevenshtein

from factcheck.checks.context import Context
from factcheck.claims.quotes import TITLES
from factcheck.facts.mentions import gap
from factcheck.findings import evidence, make
from factcheck.model import Claim, Evidence, Finding, Kind, Severity
from factcheck.runtime.memo import Memo
from factcheck.text.fold import Token, fold_word
from factcheck.text.lexicons import (
    american_form,
    common_misspellings,
    is_spelling_variant,
    is_word,
    known_words,
    stopwords,
    zipf,
)
from factcheck.text.numbers import MONTHS, WEEKDAYS

# A typo is low wherever it is, in a quotation too (a changed word there is a misquote's
# business) and in any source.
MISSPELLING = Kind("misspelling", Severity.LOW, "A non-word or a confusable spelling.")
KINDS = (MISSPELLING,)
_ALPHA = re.compile(r"^[a-z]+$")
_CONFUSABLE = (("l", "I"), ("I", "l"), ("0", "O"), ("O", "0"), ("rn", "m"), ("1", "l"))
MIN_LENGTH = 4
COMMON = 3.1  # Zipf: a correction this frequent is a well-known word


def edits1(word: str) -> set[str]:
    letters = string.ascii_lowercase
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    transposes = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in letters}
    inserts = {a + c + b for a, b in splits for c in letters}
    return deletes | transposes | replaces | inserts


_PREFIXES = ("un", "re", "non", "pre", "anti", "over", "under", "mis", "co", "dis", "post")
_SUFFIXES = ("s", "es", "ed", "d", "ing", "ly", "er", "ers", "ness", "ment", "ments", "al")


def _prefixed(word: str, freq: frozenset[str]) -> bool:
    """A prefix on a dictionary word ("untrusted") makes a word."""
    return any(
        word.startswith(p) and len(word) - len(p) >= 4 and word[len(p) :] in freq for p in _PREFIXES
    )


def _derived(word: str, freq: frozenset[str]) -> bool:
    """A regular ending on a dictionary word ("legalizations", "dumbed", "quos") makes a word."""
    for x in _SUFFIXES:
        stem = word[: -len(x)]
        shortest = 3 if x == "s" and stem not in stopwords() else 4
        if word.endswith(x) and len(stem) >= shortest and (stem in freq or stem + "e" in freq):
            return True
    return False


def _doubled_l(word: str, right: str) -> bool:
    """``right`` is ``word`` with one "l" doubled ("cancelations" / "cancellations")."""
    return len(right) == len(word) + 1 and any(
        right == word[:i] + "l" + word[i:] for i, ch in enumerate(word) if ch == "l"
    )


def _suspect(word: str, ctx: Context, name: bool = False) -> bool:
    """In no word list, long enough to judge, and written so by one source alone."""
    return _no_word(word, name) and ctx.source_counts[word] <= 1  # else: a name, a new word


def _no_word(word: str, name: bool = False) -> bool:
    """In no word list and long enough to judge: what a suspect is, whatever the story."""
    if is_word(word, name) or len(word) < MIN_LENGTH or not _ALPHA.match(word):
        return False
    return not american_form(word)  # a British spelling: the spelling-variant check's


def correction(
    word: str,
    ctx: Context,
    source: str,
    name_like: bool,
    capital: bool = False,
    *,
    whole: bool = True,
) -> str | None:
    """The intended word for a suspect ``word``, or None when it is not a misspelling.

    ``name_like`` words (capitalised inside a sentence) may be names: they are
    corrected only to a word that a source of the same story writes capitalised,
    with the same first letter. A ``capital`` word (first in its sentence) is corrected
    on the corpus's or codespell's word only, never on frequency alone: it may be a name.
    """
    if not _suspect(word, ctx, name_like):
        return None
    freq = known_words()
    joined = run_together(word)
    if joined:
        return joined  # "Newsrecently": a space left out
    candidates = _KNOWN_EDITS[word] or (_LONG_SLIPS[word] if not name_like else [])
    known = common_misspellings().get(word)
    if name_like:
        mates = ctx.story_mates(source)
        written = [
            c
            for c in candidates
            if c[0] == word[0] and any(c.capitalize() in ctx.names_of(m) for m in mates)
        ]
        if not written and known and known[0] in candidates:
            # "Overide" in a title set in capitals: a slip codespell lists, whose
            # correction another source of the story writes, is no name.
            written = [c for c in known[:1] if _right_in_story(ctx, source, c)]
        return max(written, key=zipf) if written else None
    if known and "'" in known[0]:
        return known[0]  # "dont" is "don't"
    if known and whole and known[0] in candidates and not _doubled_l(word, known[0]):
        # "contributers": a known slip one letter off, though a regular ending makes it
        # look like a word; not a part of a compound ("left-hander"), nor the one-l
        # spelling that American usage allows ("cancelations").
        return known[0]
    if _derived(word, freq):
        return None  # "legalizations", "dumbed": regular endings on words
    used = ctx.word_counts
    in_corpus = [c for c in candidates if used.get(c, 0) > 0]
    if in_corpus:  # the other sources spell it one letter off: a typo
        return max(in_corpus, key=lambda c: (used[c], zipf(c)))
    if _prefixed(word, freq):
        return None  # "untrusted"
    if known:
        return known[0]
    if not candidates or capital:
        return None
    best = max(candidates, key=zipf)
    return best if zipf(best) >= COMMON and len(word) >= 6 else None


SPLIT_COMMON = 4.5  # Zipf of both halves of a run-together pair of content words
GLUED_TO = 4.0  # Zipf of the word a joining word is run into
# Words that join others in a phrase, run into the next or the last word ("Arecent",
# "ofthe"); short ones only at the front and only "a" and "I" (two-letter ones begin
# many real words: "online", "upfront"; names end in them: "Karlan", "Miron").
_GLUE_FRONT = frozenset({"a", "i"})
_GLUE = frozenset(
    "the and for but not are was has had his her its our you who how all can may".split()
)
# Second halves that make compounds rather than two words ("recordless", "dayslong").
_COMPOUND_TAILS = frozenset("less like wide long side maker makers ship wise ward wards".split())


def run_together(word: str) -> str | None:
    """ "newsrecently" → "news recently": a non-word that is two words written together.

    One half is a word that joins phrases ("ofthe", "arecent") and the other a common
    word, or both halves are common words of four letters or more that wordfreq has
    never seen joined (a new compound or a brand usually has a frequency of its own).
    """
    unseen = zipf(word) == 0.0
    best: tuple[float, str] | None = None
    for i in range(1, len(word)):
        a, b = word[:i], word[i:]
        if a in _PREFIXES or a == "out":
            continue  # "antimask", "outraising": prefixed words
        if a in _GLUE_FRONT or a in _GLUE or b in _GLUE:
            other = b if a in _GLUE_FRONT or a in _GLUE else a
            ok = other in _GLUE or (len(other) >= 3 and zipf(other) >= GLUED_TO)
        else:
            ok = (
                unseen
                and min(len(a), len(b)) >= 4
                and min(zipf(a), zipf(b)) >= SPLIT_COMMON
                and b not in _COMPOUND_TAILS
            )
        if ok and (a in known_words() or a in _GLUE_FRONT) and b in known_words():
            score = min(zipf(a), zipf(b))
            if best is None or score > best[0]:
                best = (score, f"{a} {b}")
    return best[1] if best else None


def _part_spans(token: Token, count: int) -> list[tuple[int, int]]:
    """Raw offsets of the hyphen-separated parts of a token (the whole token when
    folding changed the parts)."""
    spans = []
    offset = token.start
    for part in token.text.split("-"):
        spans.append((offset, offset + len(part)))
        offset += len(part) + 1
    return spans if len(spans) == count else [(token.start, token.end)] * count


def _variant(form: str, ctx: Context) -> str | None:
    """The form the corpus writes with one confusable character swapped ("Al" → "AI")."""
    if len(form) > 6 or not any(ch.isupper() for ch in form):
        return None
    surface = ctx.surface_forms
    for wrong, right in _CONFUSABLE:
        if wrong in form:
            variant = form.replace(wrong, right)
            if variant != form and variant.isupper() and variant in surface:
                return variant
    return None


# A possessive run into the capitalised word after it ("Moody'sEconomy.com"): no name
# or brand puts a capital right after "'s".
_GLUED_POSSESSIVE = re.compile(r"^[A-Za-z]+['\u2019]s(?=[A-Z][a-z])")


def _unglued(text: str) -> str:
    """``text`` with a space after its possessive ("Moody's Economy.com")."""
    match = _GLUED_POSSESSIVE.match(text)
    return f"{text[: match.end()]} {text[match.end() :]}" if match else text


Parts = tuple[tuple[int, str, bool, int], ...]
Slip = tuple[str, str, tuple[int, int]]  # wrong, right, raw span


def _suspect_parts(form: str, first: bool, ctx: Context) -> Parts:
    """The parts of a form (``first``: its claim's first word) that may be misspelt, as
    (index, part, name-like?, number of parts)."""
    out = []
    for k, part, name_like, count in _MAY_BE_MISSPELT[form, first]:
        capital = part[:1].isupper()
        if capital and part.endswith("s") and part[:-1] in ctx.surface_forms:
            continue  # "the Obamas": a name in the plural
        if ctx.source_counts[part.lower()] <= 1:  # several sources write it so: a name
            out.append((k, part, name_like, count))
    return tuple(out)


def _may_be_misspelt(key: tuple[str, bool]) -> Parts:
    """What ``_suspect_parts`` decides without the story: no word, long enough, no brand
    spelling; worked out once per form for every story of a run."""
    form, first = key
    parts = form.split("-")
    out = []
    for k, part in enumerate(parts):
        if part.endswith("'s") and len(part) > 2:
            part = part[:-2]  # "presiednt's": the word is judged, not its possessive
        capital = part[:1].isupper()
        if any(ch.isupper() for ch in part[1:]):
            continue  # "yFrog", "iPhone": brand spellings
        name_like = capital and (not first or k > 0)
        if capital and not name_like and len(part) < 6:
            continue  # a short capitalised first word is as likely a name
        if _no_word(part.lower(), capital):  # a known name, even first in a sentence, is none
            out.append((k, part, name_like, len(parts)))
    return tuple(out)


_MAY_BE_MISSPELT: Memo[tuple[str, bool], Parts] = Memo(_may_be_misspelt, limit=2_000_000)


def _known_edits(word: str) -> list[str]:
    """The dictionary words one edit away, in sorted order: a tie of frequency between
    two corrections is broken the same way whatever the hash seed ordered the set."""
    freq = known_words()
    return sorted(c for c in edits1(word) if c in freq)


LONG_WORD = 10  # letters: a longer non-word may be two letters off its word


def _long_slips(word: str) -> list[str]:
    """Common words two letters shorter than a long non-word ("effectivessness"): a
    syllable typed twice or two stray letters. Only long words: a short one two letters
    off many words is as likely a name or a coinage."""
    freq = known_words()
    if len(word) < LONG_WORD or _two_words(word, freq):
        return []
    found = {
        word[:i] + word[i + 1 : j] + word[j + 1 :]
        for i in range(len(word))
        for j in range(i + 1, len(word))
    }
    # Two letters off the ends are a prefix or an ending the lists lack ("unvaccinated").
    found -= {word[2:], word[:-2], word[1:-1]}
    return sorted(c for c in found if c in freq and zipf(c) >= COMMON)


def _two_words(word: str, freq: frozenset[str]) -> bool:
    """A compound of two common words ("countersued"): a coinage, not a slip."""
    return any(
        word[:i] in freq and word[i:] in freq and min(zipf(word[:i]), zipf(word[i:])) >= COMMON
        for i in range(3, len(word) - 2)
    )


def _odd(form: str) -> bool:
    """Not a lower-case word the lists know, or a plural that may be a slip as a modifier."""
    return not (form.islower() and fold_word(form) in known_words()) or bool(_MASS_SINGULAR[form])


# What does not depend on the story, decided once per word for every story of a run.
_KNOWN_EDITS: Memo[str, list[str]] = Memo(_known_edits, limit=200_000)
_LONG_SLIPS: Memo[str, list[str]] = Memo(_long_slips, limit=200_000)
_ODD: Memo[str, bool] = Memo(_odd, limit=2_000_000)


# Words that are doubled on purpose ("had had", "that that", "what it is is",
# "very very", "no no").
_FINE_TWICE = frozenset(
    "had that is do very so really no yes bye ha knock far many more now well there "
    "yeah oh boo ho tsk blah bla cha chop go hip night".split()
)


@dataclass(frozen=True)
class Confusion:
    """A real word written for another, where the next or previous word decides it."""

    word: str
    right: str
    before: frozenset[str] = frozenset()  # the word before is one of these (empty: any)
    after: frozenset[str] = frozenset()  # the word after is one of these (empty: any word)
    after_ending: str = ""  # or the word after ends so
    first: bool = False  # first in its sentence
    then: frozenset[str] = frozenset()  # the word after the next is one of these (empty: any)
    not_before: frozenset[str] = frozenset()  # the word before is none of these
    phrase: bool = False  # a set phrase of its own: whatever follows it ("free reign.")


_COMPARATIVES = frozenset(
    "more less fewer rather other better worse greater higher lower larger smaller "
    "bigger older younger longer shorter faster slower stronger weaker".split()
)
_BEFORE_NOUN = frozenset(
    "the an any no its their his her our my your side adverse negative positive lasting "
    "chilling ripple net overall little significant desired opposite".split()
)
_ARTICLES = frozenset("a an this that these those".split())
_MODALS = frozenset("could would should might must".split())
_PARTICIPLES = frozenset(
    "been had done gone seen known taken made got gotten given come become won lost "
    "thought said told".split()
)
_BE = frozenset("is are was were be been am".split())
# A number word counts a plural only in the plural: "hundreds of thousands", never
# "hundred of thousands" ("a hundred of them", "a million of those" count no number).
_NUMBER_WORDS = frozenset("ten dozen hundred thousand million billion".split())
_NUMBERS_PLURAL = frozenset(w + "s" for w in _NUMBER_WORDS)
# Verbs that only a subject can precede and that no object can be: "lets have" is
# "let's have" ("lets go", "lets work" may take "go", "work" as nouns or particles).
_BARE_VERBS = frozenset(
    "be have see get do make take keep say put give remember pray assume imagine "
    "consider pretend".split()
)
# Words that begin a phrase of their own, after which "everyday" (an adjective) has no
# noun to qualify: "works everyday on", "everyday I wake" (not "that": "the everyday that
# we miss" is a noun).
_NO_NOUN = frozenset(
    "on in at to for with from of by about during until the a an this these those "
    "i we you he she they it there".split()
)
_SUPERLATIVES = frozenset(
    "most best worst largest biggest greatest highest lowest first fastest oldest youngest "
    "deadliest strongest richest poorest".split()
)
# Where "one" names a part of a superlative's set: after a form of "be", "as", "among"
# or a comma ("is one the most", "The law, one the most restrictive"); not the pronoun
# ("gives one the best view") nor a relative clause ("the one the most people chose").
_ONE_OF_AFTER = frozenset("is are was were be been being as among remains remained".split())
CONFUSIONS = (
    Confusion("then", "than", before=_COMPARATIVES),  # "more then" (a time: "better, then")
    Confusion("affect", "effect", before=_BEFORE_NOUN),  # "the affect of"
    Confusion("affects", "effects", before=_BEFORE_NOUN),
    Confusion("of", "have", before=_MODALS, after=_PARTICIPLES, after_ending="ed"),
    Confusion("its", "it's", after=frozenset({"been"})),  # "its been a year"
    Confusion("suppose", "supposed", before=_BE, after=frozenset({"to"})),
    Confusion("lets", "let's", first=True),  # "Lets be clear": no subject lets anything
    Confusion("lets", "let's", after=_BARE_VERBS),  # "then lets have a vote"
    # "works everyday on it"; not the noun: "the everyday of working people"
    Confusion("everyday", "every day", after=_NO_NOUN, not_before=_BEFORE_NOUN | _ARTICLES),
    *(
        Confusion(w, w + "s", after=frozenset({"of"}), then=_NUMBERS_PLURAL)
        for w in sorted(_NUMBER_WORDS)
    ),  # "hundred of thousands"
    *(
        Confusion(w, w + "s", before=frozenset({"of"}), after=frozenset({"of"}))
        for w in sorted(_NUMBER_WORDS - {"ten", "dozen"})
    ),  # "tens of million of drivers"
    # Set phrases written with a word that sounds like theirs (the classic eggcorns).
    Confusion("part", "par", before=frozenset({"on"}), after=frozenset({"with"})),
    Confusion("peak", "peek", before=frozenset({"sneak"}), phrase=True),  # "a sneak peak"
    Confusion("reign", "rein", before=frozenset({"free"}), phrase=True),  # "free reign."
    Confusion("baited", "bated", after=frozenset({"breath"})),
    Confusion("wreck", "wreak", after=frozenset({"havoc"})),
    Confusion("tow", "toe", after=frozenset({"the"}), then=frozenset({"line"})),
)
_CONFUSED = frozenset(c.word for c in CONFUSIONS)


def _joined(claim: Claim, tokens: tuple[Token, ...], n: int) -> bool:
    """Tokens ``n`` and ``n + 1`` are separated by white space alone."""
    between = gap(claim, tokens, n)
    return bool(between) and between.isspace()


def _name_doubled(claim: Claim, n: int) -> bool:
    """Word ``n`` is the first word of the multi-word name after it written twice, the
    first time in lower case ("the labor Labor Department", "state health Health
    Department"), not a verb before a name it spells ("to mark Mark Twain's birthday",
    "will march March 5", "said Said had")."""
    forms = claim.forms
    if not (n + 2 < len(forms) and forms[n + 2][:1].isupper()):
        return False
    if claim.words[n] in _BEFORE_A_VERB:
        return False  # "when will Will Osei return": a modal before a name
    return n == 0 or claim.words[n - 1] not in _BEFORE_A_VERB


# Words after which the next is a verb: "to", modals and auxiliaries.
_BEFORE_A_VERB = frozenset(
    "to will would can could may might must shall should do does did not".split()
)
_OPENING = frozenset("“\"‘'(")  # marks that may open a phrase between two doubled words


def _doubled(claim: Claim, tokens: tuple[Token, ...], n: int) -> bool:
    """Tokens ``n`` and ``n + 1`` are one word written twice: white space between, or an
    opening quotation mark after it ('would “would extract'), as a slip leaves them; not
    a title that begins with the word ('the "The Sopranos"')."""
    between = gap(claim, tokens, n)
    marks = set(between.strip())
    if marks and tokens[n + 1].text[:1].isupper():
        return False
    return between[:1].isspace() and marks <= _OPENING


def _slips(claim: Claim) -> list[Slip]:
    """Doubled words and real words for others: (wrong, right, raw span). Decided on the
    words first; the claim is tokenized (offsets, the spaces between) only for a hit."""
    words = claim.words
    if _CONFUSED.isdisjoint(words) and not any(map(operator.eq, words, words[1:])):
        return []  # most claims, found without a step of Python per word
    hits: list[tuple[int, Confusion | None]] = []
    pairs = range(len(words) - 1)  # the words that have a next word
    for n in compress(pairs, map(operator.eq, words, words[1:])):
        word = words[n]
        if (
            word.isalpha()
            and word not in _FINE_TWICE
            and word != "i"
            # "Duran Duran", "Boutros Boutros" (a name twice) are no slip, and a word before
            # the name it spells ("to mark Mark Twain's", "will march March 5", "said
            # Said") is as likely meant; "the labor Labor Department" is a slip.
            and not (claim.forms[n][:1].isupper() and claim.forms[n + 1][:1].isupper())
            and (not claim.forms[n + 1][:1].isupper() or _name_doubled(claim, n))
        ):
            hits.append((n, None))
    for n in compress(range(len(words)), map(_CONFUSED.__contains__, words)):
        word = words[n]
        followed = n + 1 < len(words) and words[n + 1].isalpha()
        for rule in CONFUSIONS:
            if rule.word != word or not (followed or rule.phrase):
                continue
            if rule.first and (n > 0 or not claim.forms[n + 1][:1].islower()):
                continue
            if rule.before and (n == 0 or words[n - 1] not in rule.before):
                continue
            if n > 0 and words[n - 1] in rule.not_before:
                continue
            after = words[n + 1] if n + 1 < len(words) else ""
            wanted = rule.after or rule.after_ending
            if wanted and not (
                after in rule.after or (rule.after_ending and after.endswith(rule.after_ending))
            ):
                continue
            if rule.then and (n + 2 == len(words) or words[n + 2] not in rule.then):
                continue
            hits.append((n, rule))
            break  # one reading of a word is enough ("Lets be" matches two rules)
    if not hits:
        return []
    tokens = claim.tokens
    out = []
    for n, found in hits:
        if found is None:
            if _doubled(claim, tokens, n):
                start, end = tokens[n].start, tokens[n + 1].end
                written = claim.text[start - claim.start : end - claim.start]
                first, second = tokens[n].text, tokens[n + 1].text
                kept = second if second[:1].isupper() and not first[:1].isupper() else first
                out.append((written, kept, (start, end)))
            continue
        if found.before and not _joined(claim, tokens, n - 1):
            continue
        if not found.phrase and not _joined(claim, tokens, n):
            continue
        t = tokens[n]
        shown = found.right.capitalize() if t.text[:1].isupper() else found.right
        if found.before:
            prev = tokens[n - 1].text
            out.append((f"{prev} {t.text}", f"{prev} {shown}", (t.start, t.end)))
        elif not found.then or _joined(claim, tokens, n + 1):
            nxt = " ".join(t.text for t in tokens[n + 1 : n + (3 if found.then else 2)])
            out.append((f"{t.text} {nxt}", f"{shown} {nxt}", (t.start, t.end)))
    return out


# A verb of speech written on both sides of its speaker ('," said Lee said'), an
# auxiliary on both sides of an adverb ("he is still is"): English repeats neither so
# ("had" it does: "she had always had doubts").
_SPEECH = frozenset("said says added asked wrote".split())
_AUXILIARIES = frozenset("is are was were has have will would can could does did".split())
_ADVERBS = frozenset("still also already always never just really even".split())
# Before these, "is now is" may be two verbs of two clauses ("what he is now is ...").
_CLAUSE_WORDS = frozenset("what where how who whom whatever whoever wherever why which all".split())


def _echoes(claim: Claim) -> list[Slip]:
    """A word written twice with one word between, where grammar never puts it twice:
    (wrong, right, raw span). Decided on the words; tokenized only for a hit."""
    words = claim.words
    hits = []
    for n in compress(range(len(words)), map(operator.eq, words, words[2:])):
        word, between = words[n], words[n + 1]
        if word in _SPEECH:
            if claim.forms[n + 1][:1].isupper() and between not in stopwords():
                hits.append((n, True))
        elif (
            word in _AUXILIARIES
            and between in _ADVERBS
            and _CLAUSE_WORDS.isdisjoint(words[max(0, n - 3) : n])
        ):
            hits.append((n, False))
    if not hits:
        return []
    tokens = claim.tokens
    out = []
    for n, speech in hits:
        if not (_joined(claim, tokens, n) and _joined(claim, tokens, n + 1)):
            continue
        if speech and n and _joined(claim, tokens, n - 1):
            continue  # "Jones said Lee said it": a report of a report
        a, b, c = tokens[n : n + 3]
        right = f"{b.text} {c.text}" if speech else f"{a.text} {b.text}"
        out.append((f"{a.text} {b.text} {c.text}", right, (a.start, c.end)))
    return out


# Verbs whose "to" begins an infinitive, never a place or a person ("going to", "used
# to", "agreed to", "continued to", "intended to" may: "going to Texas", "used to
# changes", "agreed to terms", "the rain continued to areas north"), and that are no
# nouns ("offers hope to millions"); the word after "to" is a verb only where no "of"
# follows it.
_TAKES_INFINITIVE = frozenset(
    "want wants wanted wanting needed tries tried trying able unable planned hoped "
    "decide decides decided vowed refuses refused failed begin begins began seeks "
    "sought".split()
)


def _base_form(word: str) -> str | None:
    """The verb that ``word`` is the third person of ("makes" → "make"), when that verb
    is the more frequent word (not "sometimes", "always", "needs")."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return None
    stems = [word[:-1]]
    if word.endswith("es"):
        stems.append(word[:-2])
    if word.endswith("ies"):
        stems.insert(0, word[:-3] + "y")
    for stem in stems:
        if stem in known_words() and zipf(stem) > zipf(word):
            return stem
    return None


_CALENDAR = frozenset(WEEKDAYS) | frozenset(MONTHS)  # "a weapon Sunday to ...": no subject


def _infinitives(claim: Claim) -> list[Slip]:
    """An infinitive with a verb in the third person ("wants to makes sure"; in a
    headline, a name's future: "County to restores"): (wrong, right, raw span). Only
    claims with a verb that takes an infinitive, and headlines, are looked at."""
    words = claim.words
    if _TAKES_INFINITIVE.isdisjoint(words) and not (claim.headline and "to" in words):
        return []
    hits = []
    takes: Iterable[bool] = map(_TAKES_INFINITIVE.__contains__, words)
    if claim.headline:  # "Los Angeles County to ...": a headline's subject and "to"
        # The subject is the run of capitalised words the headline opens with ("China
        # welcomes Blinken to talks" sends an object to a noun); not a day or a month.
        forms = claim.forms
        opening = next((k for k, f in enumerate(forms) if not f[:1].isupper()), len(forms))
        takes = (t or (0 < n < opening and words[n] not in _CALENDAR) for n, t in enumerate(takes))
    for n in compress(range(len(words) - 2), takes):
        if words[n + 1] != "to" or not claim.forms[n + 2].islower():
            continue
        base = _base_form(words[n + 2])
        if base and words[n + 3 : n + 4] != ("of",):
            hits.append((n + 1, base))
    if not hits:
        return []
    tokens = claim.tokens
    out = []
    for n, base in hits:
        if _joined(claim, tokens, n - 1) and _joined(claim, tokens, n):
            to, verb = tokens[n], tokens[n + 1]
            out.append((f"{to.text} {verb.text}", f"{to.text} {base}", (verb.start, verb.end)))
    return out


# "then" for "than" some words after its comparative, before words that only a
# comparison takes ("more along the border then any of the others"); not where "then"
# is a time ("and then any", "by then anyone") or the "then" of a condition ("if ...").
_COMPARED = frozenset("any anyone anybody anything ever expected usual".split())
_THEN_AS_TIME = frozenset("and but or by until till since from just only even so".split())
_CONDITIONS = frozenset("if when unless once whenever".split())
REACH = 12  # words a comparative may stand before its "than"


def _far_thens(claim: Claim) -> list[Slip]:
    """A comparative's "than" written "then" further on than ``CONFUSIONS`` looks:
    (wrong, right, raw span)."""
    words = claim.words
    if "then" not in words:
        return []
    hits = [
        n
        for n in compress(range(1, len(words) - 1), map("then".__eq__, words[1:-1]))
        if words[n + 1] in _COMPARED
        and words[n - 1] not in _THEN_AS_TIME
        and words[n - 1] not in _COMPARATIVES  # "more then": CONFUSIONS' own
        and not _COMPARATIVES.isdisjoint(words[max(0, n - REACH) : n - 1])
        and _CONDITIONS.isdisjoint(words[:n])
    ]
    if not hits:
        return []
    tokens = claim.tokens
    out = []
    for n in hits:
        if _joined(claim, tokens, n - 1) and _joined(claim, tokens, n):
            t, nxt = tokens[n], tokens[n + 1].text
            right = "Than" if t.text[:1].isupper() else "than"
            out.append((f"{t.text} {nxt}", f"{right} {nxt}", (t.start, t.end)))
    return out


RARE_PLURAL = 2.0  # Zipf: a plural a hundred times rarer than its singular (a mass noun's)
# Words before a noun phrase, where a plural cannot modify the plural after it.
_LEADS = frozenset(
    "the to of for in on with by from his her their its our my your these those".split()
)


def _mass_singular(word: str) -> str:
    """The singular of a plural that English hardly writes ("insurances": "insurance"),
    else "": written before another plural, it is a modifier, and modifiers are singular."""
    if len(word) < 5 or not word.endswith("s") or word.endswith("ss"):
        return ""
    stem = word[:-1]
    rare = zipf(stem) - zipf(word) >= RARE_PLURAL and stem in known_words()
    return stem if rare and word in known_words() else ""  # not "thats", "womans": non-words


_MASS_SINGULAR: Memo[str, str] = Memo(_mass_singular, limit=2_000_000)


def _plural_modifier(claim: Claim, n: int) -> list[tuple[str, str, tuple[int, int]]]:
    """Word ``n``, a mass noun in the plural, before a plural noun ("to insurances
    companies"): [(wrong, right, raw span)], or none. Asked only of the words that
    ``_MASS_SINGULAR`` names, among the odd words of ``run``."""
    words, forms = claim.words, claim.forms
    if not (0 < n < len(words) - 1 and words[n - 1] in _LEADS):
        return []
    after = words[n + 1]
    if not (after.endswith("s") and after in known_words() and forms[n + 1].islower()):
        return []
    if after in stopwords() or not _joined(claim, claim.tokens, n):
        return []  # "one of the greats is"
    a, b = claim.tokens[n : n + 2]
    return [(f"{a.text} {b.text}", f"{_MASS_SINGULAR[words[n]]} {b.text}", (a.start, a.end))]


def _one_the(claim: Claim) -> list[Slip]:
    """ "one the most restrictive" for "one of the most": (wrong, right, raw span)."""
    words = claim.words
    if "one" not in words or "the" not in words:
        return []
    out = []
    tokens = None
    for n in range(1, len(words) - 2):
        if words[n] != "one" or words[n + 1] != "the" or words[n + 2] not in _SUPERLATIVES:
            continue
        tokens = tokens or claim.tokens
        after_comma = gap(claim, tokens, n - 1).strip()[:1] in (",", "—", "–")
        if not (after_comma or words[n - 1] in _ONE_OF_AFTER):
            continue
        if not (_joined(claim, tokens, n) and _joined(claim, tokens, n + 1)):
            continue
        one, the, most = tokens[n : n + 3]
        written = f"{one.text} {the.text} {most.text}"
        out.append((written, f"{one.text} of {the.text} {most.text}", (one.start, one.end)))
    return out


# A subject pronoun and a participle with no "be" between ("he saying that"); not after
# a "be" that inverts a question ("are they doing", "why's she doing").
_SUBJECTS = {"he": "is", "she": "is", "they": "are", "we": "are"}
_SUBJECT_WORDS = frozenset(_SUBJECTS)
_BE_FORMS = frozenset("is are was were am be been isn't aren't wasn't weren't ain't".split())
# Words in -ing that begin a phrase of their own ("they, according to"), and absolute
# phrases ("he being a senator").
_NOT_PARTICIPLES = frozenset(
    "according including regarding concerning following during excluding considering "
    "notwithstanding pending barring being having".split()
)


def _participle(word: str) -> bool:
    """A present participle of a verb the lists know ("going", "making", "running"); not
    a verb in -ing ("bring", "string": no vowel before the ending)."""
    if len(word) < 5 or not word.endswith("ing") or word in _NOT_PARTICIPLES:
        return False
    stem = word[:-3]
    if not any(ch in "aeiouy" for ch in stem):
        return False
    undoubled = stem[:-1] if stem[-1] == stem[-2] else stem  # "running"
    return any(v in known_words() for v in (stem, stem + "e", undoubled))


def _bare_participles(claim: Claim) -> list[Slip]:
    """A participle straight after a subject pronoun: (wrong, right, raw span). Not in
    a quotation, where it may be the speaker's English ("we going to win")."""
    words, forms = claim.words, claim.forms
    if _SUBJECT_WORDS.isdisjoint(words):
        return []
    hits = [
        n
        for n in compress(range(len(words) - 1), map(_SUBJECT_WORDS.__contains__, words))
        if forms[n + 1].islower()
        and _participle(words[n + 1])
        and not (n and (words[n - 1] in _BE_FORMS or words[n - 1].endswith("'s")))
    ]
    if not hits:
        return []
    tokens = claim.tokens
    out = []
    for n in hits:
        a, b = tokens[n], tokens[n + 1]
        quoted = any(q.start <= a.start < q.end for q in claim.quotes)
        if _joined(claim, tokens, n) and not quoted:
            be = _SUBJECTS[words[n]]
            out.append((f"{a.text} {b.text}", f"{a.text} {be} {b.text}", (a.start, b.end)))
    return out


NAME_LENGTH = 5  # shorter names one letter apart are often two names (Mark, Mary)


@lru_cache(maxsize=1 << 16)  # a story's names, asked twice a story and again in the next
def _deletes(word: str) -> frozenset[str]:
    return frozenset({word[:i] + word[i + 1 :] for i in range(len(word))} | {word})


def _name_slips(
    ctx: Context,
) -> Iterator[tuple[Claim, str, str, tuple[int, int], Evidence | None]]:
    """A name written a letter off another name of the story: (claim, wrong, right, raw
    span, a place of another source that writes it right), where ``_misspelt_name`` says
    which of the two is the slip."""
    places: dict[str, list[tuple[Claim, int]]] = defaultdict(list)
    name_of = _NAME_OF.__getitem__
    for claim in ctx.claims:
        forms = claim.forms
        for n in compress(range(1, len(forms)), map(name_of, forms[1:])):
            places[name_of(forms[n])].append((claim, n))
    if len(places) < 2:
        return
    index: dict[str, set[str]] = defaultdict(set)
    for form in places:
        for key in _deletes(form):
            index[key].add(form)
    sources = {form: {c.source for c, _ in where} for form, where in places.items()}
    for wrong, where in places.items():
        if len(sources[wrong]) > 1 and is_word(wrong.lower(), name=True):
            continue  # neither way of ``_misspelt_name`` can call it a slip
        near = sorted(set().union(*(index.get(k, set()) for k in _deletes(wrong))) - {wrong})
        right = [
            b
            for b in near
            if b[0] == wrong[0]
            and DamerauLevenshtein.distance(wrong, b) == 1
            and wrong + "s" != b
            and b + "s" != wrong
            and not is_spelling_variant(wrong, b)  # "Centre" / "Center": house style
            and _misspelt_name(wrong, b, places, sources)
        ]
        if not right:
            continue
        best = max(right, key=lambda b: (len(places[b]), zipf(b.lower())))
        spots = [(c, k, k + 1) for c, k in places[best]]
        for claim, n in where:
            t = claim.tokens[n]
            end = t.start + len(wrong) if t.text.startswith(wrong) else t.end  # "Hutchison's"
            right_place = _written_right(spots, claim, ctx.story_mates(claim.source))
            yield claim, wrong, best, (t.start, end), right_place


def _spelt(wrong: str, right: str) -> bool:
    """A slip of spelling, one word for one or run together ("AFood" / "A Food"), whose
    correction a source may write: not a doubled word nor a word confused in a phrase
    ("the affect" / "the effect" says nothing of another sentence's "the effect")."""
    return " " not in wrong and right.lower() not in wrong.lower().split()


def _right_in_story(
    ctx: Context, source: str, right: str, like: Claim | None = None
) -> Evidence | None:
    """A place where another source of the story writes the correction, word for word:
    with ``like``, the sentence most like that one (a story may join several days'
    reports that all write the word), the first on a tie; without, the first."""
    wanted = tuple(fold_word(w).lower() for w in right.split())
    n = len(wanted)
    mine = set(like.words) if like is not None else set()
    best: tuple[int, Claim, int] | None = None
    for mate in sorted(ctx.story_mates(source)):
        for claim in ctx.by_source.get(mate, ()):
            words = claim.words
            if wanted[0] not in words:
                continue
            k = next((k for k in range(len(words) - n + 1) if words[k : k + n] == wanted), -1)
            if k < 0:
                continue
            if like is None:
                best = (0, claim, k)
                break
            shared = len(mine.intersection(words))
            if best is None or shared > best[0]:
                best = (shared, claim, k)
        if best is not None and like is None:
            break
    if best is None:
        return None
    _shared, claim, k = best
    tokens = claim.tokens
    return evidence(claim, [(tokens[k].start, tokens[k + n - 1].end)])


def _written_right(
    where: list[tuple[Claim, int, int]], slip: Claim, mates: set[str]
) -> Evidence | None:
    """The place (a claim and a range of its tokens) another source of the slip's story
    writes the name right (any other source's when none of the story does), for the
    editor to compare: the sentence most like the slip's (a story may join reports of
    several days that all name the person), the first on a tie."""
    others = [place for place in where if place[0].source != slip.source]
    mine = set(slip.words)
    ranked = sorted(  # (stable)
        others,
        key=lambda place: (place[0].source not in mates, -len(mine.intersection(place[0].words))),
    )
    if not ranked:
        return None
    claim, a, b = ranked[0]
    tokens = claim.tokens
    return evidence(claim, [(tokens[a].start, tokens[b - 1].end)])


def _misspelt_name(
    wrong: str,
    right: str,
    places: dict[str, list[tuple[Claim, int]]],
    sources: dict[str, set[str]],
) -> bool:
    """``wrong`` is a slip for ``right``, a name of the same story one letter off.

    Either one source writes ``wrong`` where the others write ``right`` more often, and
    ``right`` is the more frequent name in general ("Priebus" in the minority is no slip);
    a known ``wrong`` ("Paris", "Carson") needs the same capitalised word beside both
    spellings ("Parris Island", "Paris Island"): two people or places with near names in
    one story are told apart by what stands beside them. Or the word lists know ``right``
    as a name and not ``wrong``, and the same first name stands before both, whichever
    sources write ``wrong`` (copies of one report share its typos: "Reince Preibus" for
    "Reince Priebus"), unless ``wrong`` is written far more often (a name too new or too
    rare for the lists: "Gen. Mark Milley" beside "Gen. Austin Miller").
    """
    known = is_word(wrong.lower(), name=True)
    beside = bool(_beside(places[wrong]) & _beside(places[right]))
    outnumbered = (
        len(sources[wrong]) == 1
        and len(places[right]) > len(places[wrong])
        and bool(sources[right] - sources[wrong])
        and zipf(wrong.lower()) < zipf(right.lower())
    )
    if outnumbered and (beside or not known):
        return True
    return (
        not known
        and is_word(right.lower(), name=True)
        and len(places[wrong]) <= 2 * len(places[right])  # else: a real name the lists lack
        and _same_first(_before(places[wrong]), _before(places[right]))
    )


FIRST_NAME_SLIP = 6  # letters a first name has for one written a letter off to be it


def _same_first(these: set[str], those: set[str]) -> bool:
    """One first name (or first word of a name) before both spellings: the same, or a
    long one a letter off ("Zabihullah" / "Zabiullah": one name transliterated two ways,
    so the surnames after them are one person's)."""
    if these & those:
        return True
    return any(
        len(a) >= FIRST_NAME_SLIP
        and a[0] == b[0]
        and DamerauLevenshtein.distance(a, b) == 1
        and a + "a" != b  # "Michael" / "Michaela", "Daniel" / "Daniela": two people
        and b + "a" != a
        for a in these
        for b in those
    )


def _name_of(form: str) -> str:
    """The name a form writes (a possessive's without "'s"), or "" when it is written as
    no name is: capitalised, lower case after, letters only, long enough."""
    if form.endswith(("'s", "\u2019s")):
        form = form[:-2]
    name = (
        len(form) >= NAME_LENGTH
        and form[0].isupper()
        and form[1:].islower()
        and form.isascii()  # "Guantánamo" and "Guantanamo" are one spelling
        and form.isalpha()
    )
    return form if name else ""


_NAME_OF: Memo[str, str] = Memo(_name_of, limit=2_000_000)


def _before(where: list[tuple[Claim, int]]) -> set[str]:
    """The capitalised words right before a name's places, not function words ("The"):
    a first name, or the first word of a longer name."""
    out = set()
    for claim, n in where:
        word = claim.forms[n - 1]
        if not word[:1].isupper() or claim.words[n - 1] in stopwords():
            continue
        if word.rstrip(".") in TITLES:
            continue  # "Gen. Milley" and "Gen. Miller" may be two generals
        if n == 1 and claim.words[0] in known_words():
            continue  # a common word that opens the sentence ("Yesterday Milley ...")
        out.add(word)
    return out


def _beside(where: list[tuple[Claim, int]]) -> set[str]:
    """The capitalised words next to a name's places."""
    out = set()
    for claim, n in where:
        for m in (n - 1, n + 1):
            if 0 < m < len(claim.forms) and claim.forms[m][:1].isupper():
                out.add(claim.forms[m])
    return out


# A figure whose thousands are grouped wrongly: a first group of four digits or more
# ("5340,000") or a group of four after groups of three ("10,000,0000"), which no style
# writes (the Indian lakh groups by two, never by four). A decimal comma ("3,5",
# "3,14159"), a list ("1,2,3"), a year run into a figure ("In 2019,500 people": a space
# left out, not a digit too many) and a leading zero ("0,0001") are none of these.
_MISGROUPED = re.compile(
    r"(?<![\d,.])(?!(?:1[89]|20)\d\d,)"
    r"(?:[1-9]\d{3,},\d{3}(?:,\d{3})*|[1-9]\d{0,2}(?:,\d{3})+,\d{4,})(?!\d|,\d)"
)
_COMMA_DIGIT = re.compile(r",\d")  # a literal first: scanned for at C speed (0.3 us a claim)


def _misgrouped(claim: Claim) -> list[Slip]:
    """A figure with a digit too many or a comma out of place: the digits regrouped."""
    if not _COMMA_DIGIT.search(claim.text):
        return []
    return [
        (
            m.group(),
            f"{int(m.group().replace(',', '')):,}",
            (claim.start + m.start(), claim.start + m.end()),
        )
        for m in _MISGROUPED.finditer(claim.text)
    ]


# Slips decided within one claim, without the story.
# An article run into the capitalised word after it ("AFood and Drug Administration",
# "TheOregonian newspaper"), as a lost drop-cap space leaves it; not a handle, a tag or a
# web address ("@TheAcademy", "www.TheStreet.com"), nor a short word ("AFib").
_GLUED_ARTICLE = re.compile(r"(?<![@#./\w])(A|An|The)([A-Z][a-z]{3,})\b")


def _glued_articles(ctx: Context) -> Iterator[tuple[Claim, str, str, tuple[int, int]]]:
    """An article and a word written as one, where another source of the story writes
    them apart: a brand set so ("TheWrap", "TheStreet") is written so by all."""
    for claim in ctx.claims:
        for m in _GLUED_ARTICLE.finditer(claim.text):
            right = f"{m.group(1)} {m.group(2)}"
            if m.group(2).lower() in known_words() and _right_in_story(ctx, claim.source, right):
                span = (claim.start + m.start(), claim.start + m.end())
                yield claim, m.group(0), right, span


_CLAIM_RULES = (
    _slips,
    _echoes,
    _infinitives,
    _bare_participles,
    _far_thens,
    _misgrouped,
    _one_the,
)


# Words that join the capitalised words of an institution's name ("Centers for Disease
# Control and Prevention", "Joint Chiefs of Staff"); a name needs "of" or "for" and three
# capitalised words to be judged: shorter names ("Pacific Islander", "Board") are
# written in the singular and the plural by house style.
_NAME_JOINS = frozenset("of for and on the".split())
_NAME_HEADS = frozenset(("of", "for"))
NAME_CAPITALS = 3


def _name_windows(forms: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """The spans (start, end) of ``forms`` that could be an institution's name: from a
    capitalised word to a capitalised word ("The" opens none), joined by ``_NAME_JOINS``,
    with "of" or "for" and ``NAME_CAPITALS`` capitalised words."""
    n = len(forms)
    i = 0
    while i < n:
        if not forms[i][:1].isupper():
            i += 1
            continue
        j = i
        while j < n and (forms[j][:1].isupper() or forms[j] in _NAME_JOINS):
            j += 1
        run = range(i, j)
        caps = [k for k in run if forms[k][:1].isupper()]
        if len(caps) >= NAME_CAPITALS and any(forms[k] in _NAME_HEADS for k in run):
            for a in caps:
                if forms[a] == "The":
                    continue
                for b in caps:
                    inside = forms[a : b + 1]
                    if (
                        b - a >= 2
                        and _NAME_HEADS.intersection(inside)
                        and sum(1 for w in inside if w[:1].isupper()) >= NAME_CAPITALS
                    ):
                        yield a, b + 1
        i = max(j, i + 1)


def _toggled(word: str) -> str:
    """The word with a final "s" added or taken away ("Center" / "Centers")."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word + "s"


def _name_plurals(ctx: Context) -> Iterator[tuple[Claim, str, str, tuple[int, int], Evidence]]:
    """An institution's name written with one word's final "s" too many or too few,
    where more sources of the story write it the other way ("Center for Disease
    Control and Prevention" / "Centers ...", "Joints Chiefs of Staff" / "Joint Chiefs of
    Staff"): (claim, wrong, right, raw span of the name, a place of the right spelling).
    A tie says nothing of which is the slip."""
    written: dict[tuple[str, ...], set[str]] = defaultdict(set)
    places: dict[tuple[str, ...], list[tuple[Claim, int, int]]] = defaultdict(list)
    named = [c for c in ctx.claims if not _NAME_HEADS.isdisjoint(c.words)]  # "of", "for"
    capitals = {f for c in named for f in c.forms if f[:1].isupper()}
    for claim in named:
        forms = claim.forms
        if not any(f[:1].isupper() and _toggled(f) in capitals for f in forms):
            continue  # no capitalised word the story also writes with an "s" more or less
        for a, b in _name_windows(forms):
            name = forms[a:b]
            written[name].add(claim.source)
            places[name].append((claim, a, b))
    out: list[tuple[Claim, tuple[str, ...], tuple[str, ...], int, int, int]] = []
    for name, sources in written.items():
        for k, word in enumerate(name):
            if len(word) < NAME_LENGTH or not word[:1].isupper() or not word.isalpha():
                continue
            other = (*name[:k], _toggled(word), *name[k + 1 :])
            if len(written.get(other, set()) - sources) > len(sources):
                out.extend((claim, name, other, k, a, b) for claim, a, b in places[name])
    # The longest name of a slip stands for its shorter spans ("Center for Disease Control"
    # inside "Center for Disease Control and Prevention").
    out.sort(key=lambda hit: hit[4] - hit[5])
    taken: set[tuple[str, int]] = set()
    for claim, name, other, k, a, b in out:
        if (claim.id, a + k) in taken:
            continue
        tokens = claim.tokens
        if not _spaced(claim, tokens, a, b):
            continue  # "Department of Justice, Office ...": no one name
        taken.add((claim.id, a + k))
        theirs = [p for p in places[other] if p[0].source not in written[name]]
        cite = _written_right(theirs, claim, ctx.story_mates(claim.source))
        assert cite is not None  # (more sources write it the other way than this way)
        span = (tokens[a].start, tokens[b - 1].end)
        yield claim, " ".join(name), " ".join(other), span, cite


def _spaced(claim: Claim, tokens: tuple[Token, ...], a: int, b: int) -> bool:
    """Tokens ``a`` to ``b`` are separated by single spaces alone."""
    return all(gap(claim, tokens, k) == " " for k in range(a, b - 1))


def run(ctx: Context) -> Iterator[Finding]:
    hits: dict[tuple[str, str, str], list[tuple[Claim, tuple[int, int]]]] = defaultdict(list)
    memo: dict[tuple[str, str, bool, bool, bool], str | None] = {}
    odd = _ODD
    variants: Memo[str, str | None] = Memo(lambda form: _variant(form, ctx))
    suspects: Memo[tuple[str, bool], Parts] = Memo(lambda key: _suspect_parts(key[0], key[1], ctx))
    for claim in ctx.claims:
        forms = claim.forms
        # The common case, a known word with no capital to confuse, is passed over
        # without a step of Python per word: most claims have only a few odd words.
        for n in compress(range(len(forms)), map(odd.__getitem__, forms)):
            form = forms[n]
            # Decided on the words alone; offsets (a token object) only for a hit.
            found = []
            following = forms[n + 1] if n + 1 < len(forms) else None
            variant = variants[form] if following and following[:1].islower() else None
            if variant:
                token = claim.tokens[n]
                if claim.text[token.end - claim.start : token.end - claim.start + 1] == ".":
                    variant = None  # "Ill.": an abbreviation
            if variant:
                found.append((token.text, variant, (token.start, token.end)))
            elif "'s" in form and _GLUED_POSSESSIVE.match(form):
                token = claim.tokens[n]
                found.append((token.text, _unglued(token.text), (token.start, token.end)))
            elif _MASS_SINGULAR[form]:
                found += _plural_modifier(claim, n)
            else:
                for k, part, name_like, count in suspects[form, n == 0]:
                    capital = part[:1].isupper()
                    look = (
                        part.lower(),
                        claim.source if name_like else "",
                        name_like,
                        capital,
                        count == 1,
                    )
                    if look not in memo:
                        memo[look] = correction(
                            look[0], ctx, claim.source, name_like, capital, whole=count == 1
                        )
                    fix = memo[look]
                    if fix:
                        shown = fix.capitalize() if part[:1].isupper() else fix
                        start, end = _part_spans(claim.tokens[n], count)[k]
                        span = (
                            (start, start + len(part))
                            if end - start == len(part) + 2
                            else (start, end)
                        )
                        found.append((part, shown, span))
            for wrong, right, span in found:
                hits[(claim.source, wrong, right)].append((claim, span))
        for rule in _CLAIM_RULES:  # functions, not generators: most return [] at once
            for wrong, right, span in rule(claim):
                hits[(claim.source, wrong, right)].append((claim, span))
    for claim, wrong, right, span in _glued_articles(ctx):
        hits[(claim.source, wrong, right)].append((claim, span))
    reported = {(source, wrong) for source, wrong, _ in hits}
    cited: dict[tuple[str, str, str], Evidence] = {}
    for claim, wrong, right, span, place in _name_plurals(ctx):
        hits[(claim.source, wrong, right)].append((claim, span))
        cited.setdefault((claim.source, wrong, right), place)
    for claim, wrong, right, span, right_place in _name_slips(ctx):
        if (claim.source, wrong) not in reported:
            hits[(claim.source, wrong, right)].append((claim, span))
            if right_place is not None:
                cited.setdefault((claim.source, wrong, right), right_place)
    for (source, wrong, right), places in sorted(hits.items()):
        by_claim: dict[str, list[tuple[int, int]]] = defaultdict(list)
        claims = {}
        for claim, span in places:
            by_claim[claim.id].append(span)
            claims[claim.id] = claim
        items = [evidence(claims[cid], spans) for cid, spans in by_claim.items()]
        times = f" ({len(places)} times)" if len(places) > 1 else ""
        right_place = cited.get((source, wrong, right))
        if right_place is None and _spelt(wrong, right):
            right_place = _right_in_story(ctx, source, right, places[0][0])
        as_written = f" (as {right_place.source} writes it)" if right_place else ""
        message = f"{source} writes '{wrong}'{times}; did it mean '{right}'{as_written}?"
        slip = make(
            MISSPELLING.name,
            MISSPELLING.severity,
            message,
            items,
            [wrong, right],
            ctx.settings,
            source,
        )
        # (the other source's place is shown, not fingerprinted: the id stays the slip's)
        yield replace(slip, evidence=(*slip.evidence, right_place)) if right_place else slip
