"""General language resources, loaded once and only when a check needs them.

- stop words: the NLTK English list (package data);
- word frequencies: pyspellchecker's English dictionary (built from OpenSubtitles
  and SCOWL word lists), and wordfreq's large English list (films, news, books, web,
  Wikipedia and social media; Zipf frequencies) for the English in use that a
  dictionary leaves out: informal words, inflections, new words;
- misspellings and en-GB/en-US spelling pairs: codespell's dictionaries
  (derived from Wikipedia's lists of common misspellings, CC BY-SA 3.0).
"""

from __future__ import annotations

import math
import re
import tomllib
from functools import cache, lru_cache
from importlib import resources
from typing import Any

IN_USE = 3.0  # Zipf (log10 per billion words): once in a million words is English in use
NAME_IN_USE = 2.0  # a capitalised word this frequent is a known name


@cache
def data_table(name: str) -> dict[str, Any]:
    """A table of word classes shipped in ``factcheck/data`` (TOML), read once."""
    return tomllib.loads(resources.files("factcheck.data").joinpath(name).read_text("utf-8"))


def word_class(table: str, name: str) -> frozenset[str]:
    """The words of one class of a data table, written space-separated."""
    return frozenset(data_table(table)[name].split())


@cache
def stopwords() -> frozenset[str]:
    text = resources.files("factcheck.data").joinpath("stopwords.txt").read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


@cache
def word_frequency() -> dict[str, int]:
    """English word → count; absent words are not English words."""
    from spellchecker import SpellChecker

    return dict(SpellChecker(language="en", distance=1).word_frequency.dictionary)


@cache
def word_zipf() -> dict[str, float]:
    """Word → Zipf frequency in wordfreq's large English list (lower-case, as wordfreq
    tokenises: apostrophes kept, hyphens split)."""
    from wordfreq import get_frequency_dict

    return {w: math.log10(p * 1e9) for w, p in get_frequency_dict("en", "large").items()}


def zipf(word: str) -> float:
    return word_zipf().get(word, 0.0)


@cache
def known_words() -> frozenset[str]:
    """English words: the dictionary's, and every word in use (``IN_USE``) that
    codespell does not list as a misspelling ("alot", "teh" are frequent too)."""
    listed = common_misspellings()
    in_use = (w for w, z in word_zipf().items() if z >= IN_USE and w not in listed)
    return frozenset(word_frequency()).union(in_use)


def is_word(word: str, name: bool = False) -> bool:
    """``word`` (folded, lower-case) is English; ``name``: written capitalised, where
    the rarer names of the frequency list count too."""
    return word in known_words() or (name and zipf(word) >= NAME_IN_USE)


def _codespell_rules(name: str) -> dict[str, tuple[str, ...]]:
    text = resources.files("codespell_lib").joinpath("data", name).read_text("utf-8")
    rules: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if "->" not in line:
            continue
        wrong, right = line.split("->", 1)
        options = tuple(o.strip() for o in right.split(",") if o.strip())
        if options:
            rules[wrong.strip().lower()] = options
    return rules


@cache
def british_to_american() -> dict[str, str]:
    return {k: v[0].lower() for k, v in _codespell_rules("dictionary_en-GB_to_en-US.txt").items()}


@cache
def spelling_variant_pairs() -> frozenset[frozenset[str]]:
    return frozenset(frozenset((gb, us)) for gb, us in british_to_american().items())


@cache
def common_misspellings() -> dict[str, tuple[str, ...]]:
    """codespell's main list: misspelling → corrections (plus its missing-apostrophe rules)."""
    rules = _codespell_rules("dictionary_code.txt")
    apostrophes = {k: v for k, v in rules.items() if any("'" in o for o in v)}
    return apostrophes | _codespell_rules("dictionary.txt")


_SUFFIXES = ("s", "es", "ed", "d", "ing", "er", "ers", "ly")


@cache
def american_form(word: str) -> str | None:
    """The en-US spelling of a British ``word`` (inflections included), else None."""
    word = word.lower()
    table = british_to_american()
    if word in table:
        return table[word]
    for suffix in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and stem in table:
            return table[stem] + suffix
    return _ize_form(word) or _prefixed_form(word, table) or _or_form(word)


_OUR = re.compile(r"(?<=[a-z]{3})our(?=(?:s|ed|ing|ite|ites|able|ful)?$)")
# Zipf of a British form worked out by rule below which it is no form in use but a slip
# ("governour", "liquour": 1.0-1.3; "misdemeanour" 2.2, "technicolour" 1.8).
BRITISH_IN_USE = 1.5


def _in_use(word: str) -> bool:
    """The word, or its singular by its final "s" ("epicentres"), is written often enough."""
    return zipf(word) >= BRITISH_IN_USE or (
        word.endswith("s") and zipf(word[:-1]) >= BRITISH_IN_USE
    )


def _or_form(word: str) -> str | None:
    """ "misdemeanour" → "misdemeanor": the -our spelling, in use, of a word the lists
    know in -or alone (a word the lists know as written is no British form: "tour",
    "glamour"; one hardly written is a slip: "governour")."""
    return _by_rule(word, _OUR, "or") if _in_use(word) else None


MIN_TAIL = 4  # letters of a British word that ends a compound ("epi" + "centre")
MIN_HEAD = 3  # and of the part before it ("Demetre", a name, is no "de" + "metre")


def _prefixed_form(word: str, table: dict[str, str]) -> str | None:
    """ "epicentre" → "epicenter", "technicolour" → "technicolor": a compound in use that
    ends in a British word of the table, whose American form the lists know (they list
    the base words, not every word made of them)."""
    if word in known_words() or not _in_use(word):
        return None
    for k in range(MIN_HEAD, len(word) - MIN_TAIL + 1):
        tail = word[k:]
        if tail in table and (us := word[:k] + table[tail]) in known_words():
            return us
    return None


_ISE = re.compile(r"(?<=[a-z]{3})is(?=(?:e|es|ed|ing|ation|ations|er|ers)$)")


def _ize_form(word: str) -> str | None:
    """ "hospitalised" → "hospitalized": the -ise spelling of a word the lists know in
    -ize alone (general, where codespell's list lacks the word)."""
    return _by_rule(word, _ISE, "iz")


def _by_rule(word: str, ending: re.Pattern[str], american: str) -> str | None:
    """``word`` with ``ending`` written ``american``, when the lists know that form and
    not ``word`` itself."""
    if word in known_words():
        return None
    us = ending.sub(american, word)
    return us if us != word and us in known_words() else None


@lru_cache(maxsize=1 << 14)  # asked of the same word pairs across a story
def is_spelling_variant(a: str, b: str) -> bool:
    a, b = a.lower(), b.lower()
    if a == b:
        return False
    pairs = spelling_variant_pairs()
    if frozenset((a, b)) in pairs:
        return True
    # Inflected forms: organisations/organizations, modelling/modeling.
    for suffix in _SUFFIXES:
        stems = frozenset((a[: -len(suffix)], b[: -len(suffix)]))
        if a.endswith(suffix) and b.endswith(suffix) and stems in pairs:
            return True
    return (
        _british_ending(a, b)
        or _compound_of_pair(a, b, pairs)
        or american_form(a) == b
        or american_form(b) == a
    )


def _compound_of_pair(a: str, b: str, pairs: frozenset[frozenset[str]]) -> bool:
    """A pair's words with one ending after them: "neighbourhood" / "neighborhood",
    "colourful" / "colorful" (the lists have the base words, not each compound)."""
    tail = 0
    while tail < min(len(a), len(b)) and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return any(frozenset((a[:-k], b[:-k])) in pairs for k in range(2, tail + 1))


# British endings and their American forms, for words codespell's list lacks: "offence" /
# "offense", "fibre" / "fiber", "theatres" / "theaters".
_BRITISH_ENDINGS = (
    (re.compile(r"ence(s?)$"), r"ense\1"),
    (re.compile(r"(?<=[b-df-hj-np-tv-z])re(s?)$"), r"er\1"),
)


def _british_ending(a: str, b: str) -> bool:
    """``a`` and ``b`` are one word in British and American spelling by a regular
    ending, both words of the lists (no word pair of other meanings spells so)."""
    for x, y in ((a, b), (b, a)):
        for ending, american in _BRITISH_ENDINGS:
            if ending.search(x) and ending.sub(american, x) == y:
                return x in known_words() and y in known_words()
    return False


def preload() -> None:
    """Read the large lists now: processes forked afterwards share them, instead of each
    reading its own (95 MB and most of a second a process)."""
    stopwords()
    known_words()
    spelling_variant_pairs()


# Comparatives and superlatives not formed by rule from their adjective.
_IRREGULAR_GRADES = {"better": "comparative", "worse": "comparative"}
_IRREGULAR_GRADES |= {"best": "superlative", "worst": "superlative"}
GRADED_BASE = 4.5  # Zipf: an adjective this common is the base of a graded form
GRADED_OTHER = 2.5  # Zipf: the other graded form ("poorer" of "poorest") is in use


@cache
def graded(word: str) -> str:
    """ "comparative" ("poorer", "larger", "bigger", "happier") or "superlative"
    ("poorest", "largest") when the word is an adjective's graded form by the spelling
    rules of English: its base a common word that is no stop word ("forest" is no
    superlative of "for"), and its other graded form a word in use too ("poorest" beside
    "poorer"; "officer" and "letter" have no "officest", "lettest"); else ""."""
    if word in _IRREGULAR_GRADES:
        return _IRREGULAR_GRADES[word]
    for ending, grade, other in (("est", "superlative", "er"), ("er", "comparative", "est")):
        if not word.endswith(ending) or len(word) < len(ending) + 3:
            continue
        stem_ = word[: -len(ending)]
        if zipf(stem_ + other) < GRADED_OTHER:
            continue
        bases = [stem_, stem_ + "e"]
        if stem_.endswith("i"):
            bases.append(stem_[:-1] + "y")  # "happier"
        if len(stem_) > 2 and stem_[-1] == stem_[-2]:
            bases.append(stem_[:-1])  # "bigger"
        for base in bases:
            if len(base) >= 3 and base not in stopwords() and zipf(base) >= GRADED_BASE:
                return grade
    return ""
