"""Candidate pairs: a blocking index over pairs of each claim's rarest content words.

The cost follows the corpus, not its square: word pairs are far rarer than words, so
the posting lists stay short. Everything here is numpy over word codes (one character
per word, ``features.encode``); in a large corpus two guards drop chance meetings.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from factcheck.clusters.features import encode
from factcheck.config import Settings
from factcheck.model import Limit

CHANCE_FROM = 50_000  # claims: from here on, chance meetings are most candidates


LONG = 7  # prefix words: claims this long need more than two rare words in common


LONG_SHARED = 3  # shared word pairs (three shared words make three pairs)


SCALE = 3  # a claim's keys may be this many times as common as its rarest shared one


SCALE_FLOOR = 16  # postings this short are always kept


SHORT = 3  # distinct words: shorter claims are also indexed under single words


PREFIX_MAX = 12  # rarest words a claim is indexed under (66 word pairs)


PREFIX_EXTRA = 4  # words beyond half of a claim's distinct words


BATCH = 4_000_000  # pairs gathered (or verified) at a time: memory follows the batch
BLOCK = 1 << 20  # keys of whole postings sized at a time


def candidate_pairs(words: list[list[str]], settings: Settings) -> np.ndarray:
    """Pairs (i < j) of claims sharing two of their rarest words: see ``code_pairs``."""
    vocab: dict[str, str] = {}
    return code_pairs([encode(w, vocab) for w in words], settings)


@dataclass(frozen=True)
class Wordings:
    """Claims worded alike (the same content words in order: copies between outlets, a
    wire story in a hundred of them) as one wording each; the stages after blocking work
    on wordings, so that a sentence printed by N outlets costs one, not N squared."""

    first: np.ndarray  # the first claim of each wording
    of: np.ndarray  # claim index → its wording
    weight: np.ndarray  # claims per wording

    def claims_of(self) -> list[list[int]]:
        """Each wording's claims, in order."""
        out: list[list[int]] = [[] for _ in range(len(self.first))]
        for i, u in enumerate(self.of.tolist()):
            out[u].append(i)
        return out


def wordings(codes: list[str]) -> Wordings:
    n = len(codes)
    first: dict[str, int] = {}
    rep = np.fromiter(map(first.setdefault, codes, range(n)), dtype=np.int64, count=n)
    del first
    units = np.flatnonzero(rep == np.arange(n))
    unit_of = np.searchsorted(units, rep)
    return Wordings(units, unit_of, np.bincount(unit_of, minlength=len(units)))


def code_pairs(
    codes: list[str], settings: Settings, limits: list[Limit] | None = None
) -> np.ndarray:
    """Pairs (i < j) of claims sharing two of their rarest words: ``wording_pairs``, each
    pair of wordings made the pairs of their claims."""
    pairs, words = wording_pairs(codes, settings, limits)
    return _expand(pairs[:, 0], pairs[:, 1], words.of, words.weight)


def wording_pairs(
    codes: list[str],
    settings: Settings,
    limits: list[Limit] | None = None,
    words: Wordings | None = None,
) -> tuple[np.ndarray, Wordings]:
    """Pairs (u <= v) of wordings whose claims share two of their rarest words: a
    blocking index (u == v: a wording of several claims, whose claims meet).

    ``codes`` holds each claim's content words, one character per word (``encode``);
    given ``words`` (``wordings(codes)``), only each wording's first code is read.
    Each wording is indexed under the pairs of its rarest distinct words (a prefix
    of about half of them, so that two claims sharing half their words share two
    prefix words); a pair of words in more than ``max_postings`` wordings is no key.
    Word pairs are far rarer than words, so the postings stay short and the cost
    grows with the corpus, not its square; in a large corpus two guards drop chance
    meetings (``_own_scale`` and ``LONG_SHARED``). What the ``max_postings`` cap
    dropped is added to ``limits``.
    """
    n = len(codes)
    words = wordings(codes) if words is None else words
    weight = words.weight
    m = len(words.first)
    none = np.zeros((0, 2), dtype=np.int64)
    key_parts, member_parts, prefix_len, size = _keys([codes[i] for i in words.first], weight)
    members, starts, counts = _sort_by_key(key_parts, member_parts, size * size, m)
    if not len(members):
        return none, words
    if n >= CHANCE_FROM:
        members, starts, counts = _kept(
            _own_scale(members, starts, counts, weight), members, starts
        )
    # A posting of two claims or more (two wordings, or one wording of several claims);
    # the cap counts wordings: the pairs a key makes are those of its wordings.
    eligible = (counts >= 2) | (weight[members[starts]] >= 2)
    eligible &= counts <= settings.max_postings
    # The claims of one wording meet in each eligible posting of it.
    inside = np.bincount(members[np.repeat(eligible, counts)], minlength=m)
    if limits is not None:
        limits.extend(_capped(counts, members, inside, weight, settings))
    runs = _pairs_in_groups(members, starts, counts, eligible, m)
    del members, starts, counts, eligible  # before the last merges, the stage's peak
    met = _merged(runs)
    shared = met & _SHARED_MASK
    met >>= SHARED_BITS
    twins = np.flatnonzero((weight >= 2) & (inside > 0))
    first_u = np.concatenate([met // m, twins])
    second_u = np.concatenate([met % m, twins])
    del met
    shared = np.concatenate([shared, inside[twins]])
    if n >= CHANCE_FROM:
        # In a large corpus, two long claims that share just two rare words mostly met
        # by chance (such meetings grow with the square of the corpus); claims that
        # state one fact share more. A small corpus keeps them all: they are few, and
        # a heavy rewrite of one sentence may keep only two of its rare words.
        long_ = (prefix_len[first_u] >= LONG) & (prefix_len[second_u] >= LONG)
        keep = ~long_ | (shared >= LONG_SHARED)
        first_u, second_u = first_u[keep], second_u[keep]
    return np.stack([first_u, second_u], axis=1).astype(np.int64, copy=False), words


def _capped(
    counts: np.ndarray,
    members: np.ndarray,
    inside: np.ndarray,
    weight: np.ndarray,
    settings: Settings,
) -> list[Limit]:
    """What the ``max_postings`` cap dropped: keys, and the claims that lost them."""
    over = counts > settings.max_postings
    if not over.any():
        return []
    hit = np.zeros(len(weight), dtype=bool)
    hit[members[np.repeat(over, counts)]] = True
    some, every = int(weight[hit].sum()), int(weight[hit & (inside == 0)].sum())
    cap = settings.max_postings
    return [
        Limit(
            "max-postings",
            cap,
            some,
            "claims",
            f"limit max-postings ({cap}) dropped {int(over.sum()):,} blocking keys shared by "
            f"more differently worded claims: {some:,} claims lost candidate pairs, {every:,} "
            "of them every one; raise max-postings to compare them",
        )
    ]


def _keys(
    codes: list[str], weight: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray], np.ndarray, int]:
    """The blocking keys of each wording as (key, wording) rows, in parts (keys, and
    wordings as ``_index`` numbers), the length of each wording's indexed prefix, and
    the number of distinct words (keys are below its square). A word's rarity counts
    claims: a wording weighs as many as it has."""
    n = len(codes)
    empty = np.zeros(0, dtype=np.int64)
    # Every (wording, word) entry as numbers, with numpy rather than a loop per claim.
    word = np.frombuffer("".join(codes).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    if not len(word):
        return [empty], [empty], np.zeros(n, dtype=np.int64), 0
    owner = np.repeat(np.arange(n, dtype=np.int64), np.fromiter(map(len, codes), np.int64, n))
    entry = owner << 21 | word  # word codes are below 2**21
    entry.sort()
    entry = entry[_postings(entry)[0]]  # the distinct words of each wording
    owner, word = entry >> 21, entry & ((1 << 21) - 1)
    df = np.bincount(word, weights=weight[owner]).astype(np.int64)
    used = np.flatnonzero(df)
    # Rank 0 is the rarest word; ties go by first appearance (word codes are given in
    # order of first appearance).
    rank = np.zeros(len(df), dtype=np.int64)
    rank[used[np.argsort(df[used], kind="stable")]] = np.arange(len(used))
    entry = owner << 21 | rank[word]
    entry.sort()
    owner, ranks = entry >> 21, entry & ((1 << 21) - 1)
    del entry, word
    starts, distinct = _postings(owner)
    claim_of = owner[starts]
    prefix = np.minimum(
        distinct, np.minimum(PREFIX_MAX, np.maximum(2, distinct // 2 + PREFIX_EXTRA))
    )
    prefix[distinct < 2] = 0
    prefix_len = np.zeros(n, dtype=np.int64)
    prefix_len[claim_of] = prefix
    size = len(used)
    kind = _index(n)
    # One changed word leaves a two-word claim no shared pair: its single words are
    # keys too (met only by other short claims' single words); (r, r) is never a pair's.
    single = np.repeat(distinct < SHORT, distinct)
    key_parts = [ranks[single] * size + ranks[single]]
    claim_parts = [owner[single].astype(kind)]
    del single, owner
    # Each wording's prefix entries, and its prefix length with each: only they are
    # read below (the entries of all the words were held through the loop).
    entry_prefix = np.repeat(prefix, distinct)
    in_prefix = np.arange(len(ranks)) - np.repeat(starts, distinct) < entry_prefix
    del starts
    ranks, entry_prefix = ranks[in_prefix], entry_prefix[in_prefix]
    del in_prefix
    for length in np.unique(prefix[prefix >= 2]).tolist():
        rows = claim_of[prefix == length]
        matrix = ranks[entry_prefix == length].reshape(-1, length)
        left, right = np.triu_indices(length, k=1)
        key_parts.append((matrix[:, left] * size + matrix[:, right]).ravel())
        claim_parts.append(np.repeat(rows.astype(kind), len(left)))
    return key_parts, claim_parts, prefix_len, size


def _expand(
    first: np.ndarray, second: np.ndarray, unit_of: np.ndarray, weight: np.ndarray
) -> np.ndarray:
    """Pairs of wordings as pairs of claims (a wording with itself: its claims' pairs),
    each (i < j) once, in order."""
    n = len(unit_of)
    by_unit = np.argsort(unit_of, kind="stable")  # the claims of each wording, together
    begin = np.concatenate([[0], np.cumsum(weight)[:-1]])
    cross = first != second
    fa, fb = first[cross], second[cross]
    wa, wb = weight[fa], weight[fb]
    count = wa * wb
    row = np.repeat(np.arange(len(fa)), count)
    offset = np.arange(int(count.sum())) - np.repeat(np.cumsum(count) - count, count)
    xs = [by_unit[begin[fa][row] + offset // wb[row]]]
    ys = [by_unit[begin[fb][row] + offset % wb[row]]]
    del row, offset
    twins = first[~cross]
    for size in np.unique(weight[twins]).tolist():
        rows = twins[weight[twins] == size]
        grid = by_unit[begin[rows][:, None] + np.arange(size)]
        left, right = np.triu_indices(size, k=1)
        xs.append(grid[:, left].ravel())
        ys.append(grid[:, right].ravel())
    x, y = np.concatenate(xs), np.concatenate(ys)
    code = np.minimum(x, y) * n + np.maximum(x, y)
    code.sort()
    return np.stack([code // n, code % n], axis=1)


def _sort_by_key(
    key_parts: list[np.ndarray], member_parts: list[np.ndarray], key_bound: int, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The members in order of key, then of member, and the postings of the keys (where
    each key's run starts, and its length): the keys themselves are not kept, since
    nothing after reads them (at 100,000 articles they were 311 MB). One in-place sort
    of keys and members packed into one integer when they fit (three times faster than
    an argsort and gathers); the parts are packed in place and the lists emptied, so
    that no more than two arrays of all the keys are held at once."""
    if key_bound * n >= 2**62:
        keys, members = np.concatenate(key_parts), np.concatenate(member_parts)
        key_parts.clear()
        member_parts.clear()
        order = np.lexsort((members, keys))
        keys, members = keys[order], members[order]
        del order
        return (members, *_postings(keys))
    # Each part packed into its place and let go: the parts and their concatenation
    # were all held at once.
    packed = np.empty(sum(map(len, key_parts)), dtype=np.int64)
    at = 0
    while key_parts:
        keys, members = key_parts.pop(), member_parts.pop()
        place = packed[at : at + len(keys)]
        np.multiply(keys, n, out=place)
        place += members
        at += len(keys)
        del keys, members, place
    packed.sort()
    members = np.empty(len(packed), dtype=_index(n))
    for lo in range(0, len(packed), BLOCK):  # no int64 array of them all on the way
        np.remainder(packed[lo : lo + BLOCK], n, out=members[lo : lo + BLOCK], casting="unsafe")
    packed //= n
    return (members, *_postings(packed))


def _index(n: int) -> type[np.signedinteger]:
    """The integer type of indices below ``n``: half the memory of the blocking's largest
    arrays (members and postings, tens of millions at 100,000 articles) where they fit."""
    return np.int32 if n < 2**31 else np.int64


def _kept(
    keep: np.ndarray, members: np.ndarray, starts: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The members ``keep`` marks, and the postings of what is left of each key's run
    (a run left empty is gone): what ``_postings`` gives of the kept keys."""
    left = np.add.reduceat(keep, starts, dtype=starts.dtype)
    counts = left[left > 0]
    return members[keep], np.cumsum(counts, dtype=counts.dtype) - counts, counts


def _postings(keys: np.ndarray, shift: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal (sorted) keys starts, and its length (as ``_index``
    numbers), a block at a time and into arrays made to size: numpy's positions of all
    the runs at once, their concatenation and their differences were arrays as long as
    the keys, at the clusters stage's peak. ``shift``: keys are compared without their
    low bits (a pair's count)."""
    kind = _index(len(keys))
    step = 4 * BLOCK

    def runs_begin(lo: int) -> np.ndarray:
        hi = min(lo + step, len(keys))
        block = keys[max(lo - 1, 0) : hi] >> shift if shift else keys[max(lo - 1, 0) : hi]
        new = block[1:] != block[:-1]
        return np.r_[True, new] if not lo else new

    blocks = range(0, len(keys), step)
    starts = np.empty(sum(int(np.count_nonzero(runs_begin(lo))) for lo in blocks), dtype=kind)
    at = 0
    for lo in blocks:
        found = np.flatnonzero(runs_begin(lo))
        starts[at : at + len(found)] = found
        starts[at : at + len(found)] += lo
        at += len(found)
    counts = np.empty_like(starts)
    if len(starts):
        np.subtract(starts[1:], starts[:-1], out=counts[:-1])
        counts[-1] = len(keys) - starts[-1]
    return starts, counts


def _own_scale(
    members: np.ndarray, starts: np.ndarray, counts: np.ndarray, weight: np.ndarray
) -> np.ndarray:
    """The key rows kept (a mask over ``members``, in key order): each claim keeps those
    no more common than ``SCALE`` times its rarest shared key.

    The rarest word pair a claim shares is usually its story's own (as many claims
    as outlets tell it); a key far more common than that is a stock pair of another
    scale ("said", "president"), and in a large corpus such keys made most candidate
    pairs (152M at 100,000 articles) while adding almost no links. ``members`` are
    wordings; a posting's size counts their claims (``weight``).
    """
    # Postings a block at a time (a run of whole postings of about BLOCK keys): a key's
    # posting size, in claims, and what follows from it were five arrays of all the keys.
    firsts = np.unique(np.searchsorted(starts, np.arange(0, len(members), BLOCK), "right") - 1)
    blocks = list(zip(firsts.tolist(), [*firsts[1:].tolist(), len(starts)], strict=True))

    # Sizes are worked out again in the second pass rather than kept: an array a posting
    # is held across the passes at this stage's peak, and the sums are cheap.
    def sizes(lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        begin, end = starts[lo], starts[hi - 1] + counts[hi - 1]
        held = members[begin:end]
        size = np.repeat(np.add.reduceat(weight[held], starts[lo:hi] - begin), counts[lo:hi])
        return held, size

    rarest = np.full(len(weight), int(weight.sum()) + 1, dtype=np.int64)  # above any size
    for lo, hi in blocks:
        held, size = sizes(lo, hi)
        shared = size >= 2
        np.minimum.at(rarest, held[shared], size[shared])
    keep = np.zeros(len(members), dtype=bool)
    for lo, hi in blocks:
        held, size = sizes(lo, hi)
        within = size <= np.maximum(SCALE_FLOOR, SCALE * rarest[held])
        keep[starts[lo] : starts[lo] + len(held)] = (size >= 2) & within
    return keep


SHARED_BITS = 2  # the low bits of a pair's code: lists that hold it, up to LONG_SHARED
_SHARED_MASK = (1 << SHARED_BITS) - 1
assert LONG_SHARED <= _SHARED_MASK


def _pairs_in_groups(
    members: np.ndarray, starts: np.ndarray, counts: np.ndarray, eligible: np.ndarray, n: int
) -> list[np.ndarray]:
    """Every pair of members within an ``eligible`` posting list, as sorted runs (for
    ``_merged``) of ``(a * n + b) << SHARED_BITS | shared``: a < b, and ``shared`` the
    lists that hold the pair, counted up to ``LONG_SHARED`` (all that is asked of it).
    One integer a pair, not a pair code and a count: the runs are the stage's largest
    arrays (15 million pairs at 100,000 articles)."""
    if n * n >= 1 << (63 - SHARED_BITS):
        raise ValueError(f"{n:,} differently worded claims: too many to pair in one run")
    runs: list[np.ndarray] = []
    batch: list[np.ndarray] = []
    pending = 0
    for length in np.unique(counts[eligible & (counts >= 2)]).tolist():
        left, right = np.triu_indices(length, k=1)
        firsts = starts[eligible & (counts == length)]
        step = max(1, BATCH // (4 * len(left)))  # lists per slice: a slice stays small
        for lo in range(0, len(firsts), step):
            group = members[firsts[lo : lo + step, None] + np.arange(length)]
            a, b = group[:, left].ravel(), group[:, right].ravel()
            batch.append(np.minimum(a, b).astype(np.int64) * n + np.maximum(a, b))
            pending += len(a)
            if pending >= BATCH:  # count as we go: memory follows the batch
                _push(runs, _counted(np.concatenate(batch)))
                batch, pending = [], 0
    _push(runs, _counted(np.concatenate([np.zeros(0, dtype=np.int64), *batch])))
    return runs


def _merged(runs: list[np.ndarray]) -> np.ndarray:
    """The runs of ``_pairs_in_groups`` as one (the list is emptied)."""
    while len(runs) > 1:
        _push(runs, _merge(runs.pop(-2), runs.pop()))
    return runs.pop()


def _push(runs: list[np.ndarray], run: np.ndarray) -> None:
    """Add a counted run, merging runs of like size (as a merge sort does): merging each
    batch into one growing run re-copied it every time, quadratic in the batches."""
    runs.append(run)
    while len(runs) > 1 and len(runs[-2]) <= 2 * len(runs[-1]):
        runs.append(_merge(runs.pop(-2), runs.pop()))


def _counted(codes: np.ndarray) -> np.ndarray:
    """Sorted distinct codes, each with how often it occurs in its low bits; an in-place
    sort is several times faster here than ``np.unique``, which hashes integer arrays in
    numpy 2."""
    codes.sort()
    starts, counts = _postings(codes)
    out = codes[starts]
    out <<= SHARED_BITS
    out |= np.minimum(counts, LONG_SHARED)
    return out


def _merge(found: np.ndarray, more: np.ndarray) -> np.ndarray:
    """Two counted runs as one: a stable sort (timsort) of two sorted runs is a linear
    merge, so merging batch after batch does not re-sort everything."""
    if not len(found):
        return more
    values = np.concatenate([found, more])
    del found, more  # the runs' only references: merged runs are the stage's largest arrays
    values.sort(kind="stable")
    starts = _postings(values, SHARED_BITS)[0]
    low = np.bitwise_and(
        values, _SHARED_MASK, out=np.empty(len(values), np.uint8), casting="unsafe"
    )
    # A byte a pair: a merge adds two counts of at most LONG_SHARED each.
    shared = np.minimum(np.add.reduceat(low, starts, dtype=np.uint8), LONG_SHARED)
    del low
    out = values[starts]
    del values
    out &= ~_SHARED_MASK
    out |= shared
    return out
