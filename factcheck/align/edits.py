"""Word-by-word alignment of two claims: the shared description of what differs.

An ``Edit`` is an opcode (in difflib's tags) over the two token lists (compared by their
folded, lower-cased form, so format alone never differs). ``differences``
drops the edits that are format after all: hyphenation and spacing
("e-mail"/"email"), numbers written as words or digits ("three"/"3").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from factcheck.text.fold import Token
from factcheck.text.numbers import UNITS, number_value, ordinal_digits


@dataclass(frozen=True, slots=True)
class Edit:
    tag: str  # equal, replace, insert, delete
    a1: int
    a2: int
    b1: int
    b2: int


@dataclass(frozen=True, slots=True)
class Difference:
    """One non-format edit with the words on each side."""

    edit: Edit
    a_words: tuple[Token, ...]
    b_words: tuple[Token, ...]

    @property
    def a_text(self) -> str:
        return " ".join(t.norm for t in self.a_words)

    @property
    def b_text(self) -> str:
        return " ".join(t.norm for t in self.b_words)


def align(a: Sequence[str], b: Sequence[str]) -> list[Edit]:
    """The edit script between two word sequences (folded words, ``Claim.words``)."""
    return list(_align(tuple(a), tuple(b)))


@lru_cache(maxsize=1 << 14)  # a wire story's copies pair the same wordings many times
def _align(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[Edit, ...]:
    if a == b:  # copies are the common case between outlets: no matcher needed
        return (Edit("equal", 0, len(a), 0, len(b)),) if a else ()
    # Rewrites change a few words of a shared sentence: the matcher sees only what lies
    # between the shared start and the shared end (words swapped, added or dropped
    # there are one edit).
    n, m = len(a), len(b)
    lo = _shared_run(min(n, m), lambda k: a[:k] == b[:k])
    hi = _shared_run(min(n, m) - lo, lambda k: a[n - k :] == b[m - k :])
    edits = [Edit("equal", 0, lo, 0, lo)] if lo else []
    edits.extend(_lcs_edits(a[lo : n - hi], b[lo : m - hi], lo))
    if hi:
        edits.append(Edit("equal", n - hi, n, m - hi, m))
    return tuple(edits)


def _lcs_edits(a: tuple[str, ...], b: tuple[str, ...], at: int) -> list[Edit]:
    """difflib's opcodes from rapidfuzz's longest common subsequence (in C): a deletion
    beside an insertion is one replacement, as difflib writes it."""
    out: list[Edit] = []
    for op in _slid(
        [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end) for o in Indel.opcodes(a, b)],
        a,
        b,
    ):
        tag, a1, a2, b1, b2 = op[0], op[1] + at, op[2] + at, op[3] + at, op[4] + at
        if tag != "equal":
            if out and out[-1].tag != "equal":
                a1, b1 = out[-1].a1, out.pop().b1
            tag = "replace" if a2 > a1 and b2 > b1 else "delete" if a2 > a1 else "insert"
        out.append(Edit(tag, a1, a2, b1, b2))
    return out


Op = tuple[str, int, int, int, int]


def _slid(ops: list[Op], a: tuple[str, ...], b: tuple[str, ...]) -> list[Op]:
    """The opcodes with each run of matched words that a gap beside it also ends (or
    starts) with moved across the gap, into the next run: one longest subsequence may
    match a word in more than one place, and difflib's matcher, which takes the longest
    block first, matches "that we" as one run ("that we" against "folks that are looking
    at this and realizing that we"), not "that" apart, at the first "that"."""
    ops = list(ops)
    i = 1
    while i < len(ops) - 1:
        before, gap, after = ops[i - 1], ops[i], ops[i + 1]
        if before[0] != "equal" or after[0] != "equal" or gap[0] == "equal":
            i += 1
            continue
        # The gap's words, on the side that has them, in that side's coordinates.
        side, lo, hi = (b, gap[3], gap[4]) if gap[0] == "insert" else (a, gap[1], gap[2])
        k_before, k_after = before[2] - before[1], after[2] - after[1]
        run_before = a[before[1] : before[2]]
        run_after = a[after[1] : after[2]]
        if hi - lo >= k_before and side[hi - k_before : hi] == run_before:
            # The gap moves back over the run before it, which joins the run after it.
            shift = k_before
            if gap[0] == "insert":
                moved = ("insert", before[1], before[1], before[3], hi - shift)
                joined = ("equal", before[1], after[2], hi - shift, after[4])
            else:
                moved = ("delete", before[1], hi - shift, before[3], before[3])
                joined = ("equal", hi - shift, after[2], before[3], after[4])
            ops[i - 1 : i + 2] = [moved, joined]
            i = max(1, i - 1)
        elif hi - lo >= k_after and side[lo : lo + k_after] == run_after:
            # The gap moves on over the run after it, which joins the run before it.
            shift = k_after
            if gap[0] == "insert":
                joined = ("equal", before[1], after[2], before[3], lo + shift)
                moved = ("insert", after[2], after[2], lo + shift, after[4])
            else:
                joined = ("equal", before[1], lo + shift, before[3], after[4])
                moved = ("delete", lo + shift, after[2], after[4], after[4])
            ops[i - 1 : i + 2] = [joined, moved]
            i = max(1, i - 1)
        else:
            i += 1
    return ops


def _shared_run(most: int, same: Callable[[int], bool]) -> int:
    """The longest k <= ``most`` with ``same(k)``: a binary search of slice comparisons,
    each done in C, instead of a Python step per word."""
    lo, hi = 0, most
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if same(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo


def window(edits: list[Edit]) -> list[Edit]:
    """The edits where both texts run side by side.

    Words one text has before or after all that the two share are trimmed (it is a
    fragment of the other), but a short swap at either end ("on Tuesday." /
    "on Friday.") is kept.
    """
    equal = [i for i, e in enumerate(edits) if e.tag == "equal"]
    if not equal:
        return []
    lo, hi = equal[0], equal[-1] + 1
    if lo > 0 and _short_swap(edits[lo - 1]):
        lo -= 1
    if hi < len(edits) and _short_swap(edits[hi]):
        hi += 1
    return edits[lo:hi]


def _short_swap(e: Edit) -> bool:
    la, lb = e.a2 - e.a1, e.b2 - e.b1
    return e.tag == "replace" and la <= 3 and lb <= 3 and abs(la - lb) <= 1


def matched(edits: list[Edit]) -> int:
    return sum(e.a2 - e.a1 for e in edits if e.tag == "equal")


def differences(a: tuple[Token, ...], b: tuple[Token, ...], edits: list[Edit]) -> list[Difference]:
    """The changed edits with the tokens on each side."""
    norms_a, norms_b = [t.norm for t in a], [t.norm for t in b]
    return [Difference(e, a[e.a1 : e.a2], b[e.b1 : e.b2]) for e in changed(norms_a, norms_b, edits)]


def changed(a: Sequence[str], b: Sequence[str], edits: list[Edit]) -> list[Edit]:
    """The edits that are not format alone, judged on the folded words."""
    return [
        e for e in edits if e.tag != "equal" and not is_format_only(a[e.a1 : e.a2], b[e.b1 : e.b2])
    ]


def _squashed(words: Sequence[str]) -> str:
    """Words joined without hyphens, apostrophes or dots, number words as digits (and
    ordinal words: "eleventh hour" is "11th hour")."""
    parts = [p for w in words for p in w.replace("'", "").replace(".", "").split("-")]
    return "".join(
        str(UNITS[p]) if p in UNITS and p != "a" else ordinal_digits(p) or p for p in parts
    )


def is_format_only(aw: Sequence[str], bw: Sequence[str]) -> bool:
    """Two runs of folded words that say the same in another format."""
    if _squashed(aw) == _squashed(bw):
        return True
    if aw and bw:
        va, vb = number_value(aw), number_value(bw)
        if va is not None and va == vb:
            return True
    return False


def side_span(tokens: tuple[Token, ...], i1: int, i2: int) -> tuple[int, int]:
    """Raw span of tokens[i1:i2]; for an empty side, the words either side of the gap."""
    if i2 > i1:
        return tokens[i1].start, tokens[i2 - 1].end
    left = tokens[i1 - 1] if i1 > 0 else tokens[i1] if i1 < len(tokens) else None
    right = tokens[i1] if i1 < len(tokens) else left
    if left is None or right is None:
        return 0, 0
    return left.start, right.end


def side_text(
    source_text: str, tokens: tuple[Token, ...], i1: int, i2: int, context: int = 1
) -> str:
    """The words of one side with ``context`` words around, as written."""
    lo, hi = max(0, i1 - context), min(len(tokens), i2 + context)
    if lo >= hi:
        return ""
    return " ".join(source_text[tokens[lo].start : tokens[hi - 1].end].split())
