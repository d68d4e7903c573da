"""House style: two spellings of the same spoken words ("he's" / "he is", "O.K." /
"okay", "f---" / "fuck", "gonna" / "going to", "&" / "and", "3" / "three").

Inside a quotation these are an outlet's style, not a change of what was said.
"""

from __future__ import annotations

import re
from functools import cache

from factcheck.text.fold import fold_text
from factcheck.text.lexicons import data_table
from factcheck.text.numbers import UNITS

_MASKED = re.compile(r"^([a-z])[a-z]*[-*–—_#@!]{2,}[a-z]*$")
_WORD = re.compile(r"[a-z]+[-*–—_#@!]{2,}[a-z]*|&|[\w$%]+(?:['.][\w]+)*\.?")


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


def spoken(text: str) -> tuple[str, ...]:
    """The words of ``text`` in one house style: contractions spelt out, informal forms
    as the words they stand for, number words as digits, masked and plain expletives as
    their first letter."""
    whole, endings, contracting, expletives = _tables()
    out: list[str] = []
    for raw in _WORD.findall(fold_text(text).lower()):
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
    return tuple(out)


def same_in_style(a: str, b: str) -> bool:
    """Two runs of text that say the same words in another house style."""
    return spoken(a) == spoken(b)
