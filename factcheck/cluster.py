"""Claims that state the same fact, across sources.

Candidate pairs come from a blocking index over pairs of each claim's rarer
content words (so the cost follows the corpus, not its square); rapidfuzz
verifies each pair; verified pairs are edges of a networkx graph whose communities are the
clusters. Two guards keep unrelated facts apart: Louvain communities split
chains (A~B, B~C, A unlike C), and a cluster keeps at most one claim of a
source unless that source repeats itself nearly word for word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .config import Settings
from .lexicons import stopwords
from .model import Claim, Cluster, Limit

NEAR_VERBATIM = 95.0
MAX_LINKS = 12  # strongest links a claim keeps
MAX_CLUSTER = 200  # claims; a larger community is split further
STORY_FILTER_FROM = 20  # sources; smaller corpora keep every link


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float


def content_words(claim: Claim) -> list[str]:
    """Folded words minus stop words; hyphenated compounds count as their parts."""
    return [part for word in claim.words for part in _content_parts(word, stopwords())]


def _content_parts(word: str, stop: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        part
        for part in (word.split("-") if "-" in word else (word,))
        if part and part not in stop and any(c.isalnum() for c in part)
    )


def encode(words: Sequence[str], vocab: dict[str, str]) -> str:
    """Each distinct word as one character, so that rapidfuzz compares word sequences."""
    out = []
    for w in words:
        ch = vocab.get(w)
        if ch is None:
            ch = vocab[w] = _code(len(vocab))
        out.append(ch)
    return "".join(out)


def _code(n: int) -> str:
    """The ``n``-th word's character: above Latin-1, skipping the surrogates."""
    code = 0x100 + n + (0x800 if 0x100 + n >= 0xD800 else 0)
    return chr(min(code, 0x10FFFF))


@dataclass(frozen=True)
class Features:
    """What verification reads of each claim: content words as text and as word codes."""

    texts: list[str]
    codes: list[str]

    @cached_property
    def lengths(self) -> np.ndarray:
        """Content words per claim: a code is one character per word."""
        return np.fromiter(map(len, self.codes), dtype=np.int32, count=len(self.codes))


def features(words: list[list[str]]) -> Features:
    vocab: dict[str, str] = {}
    return Features([" ".join(w) for w in words], [encode(w, vocab) for w in words])


def claim_features(claims: Sequence[Claim]) -> Features:
    """``features`` of the claims' content words, without a list of words per claim:
    a corpus repeats its vocabulary millions of times, so each distinct word's content
    parts are worked out once and the claims are joined from them in C loops."""
    stop = stopwords()
    vocab: dict[str, str] = {}
    text_of: dict[str, str] = {}
    code_of: dict[str, str] = {}
    # In order of first appearance, so that word codes are given as ``features`` gives them.
    for word in dict.fromkeys(chain.from_iterable(c.words for c in claims)):
        parts = _content_parts(word, stop)
        text_of[word] = " ".join(parts)
        code_of[word] = encode(parts, vocab)
    texts = [" ".join(filter(None, map(text_of.__getitem__, c.words))) for c in claims]
    codes = ["".join(map(code_of.__getitem__, c.words)) for c in claims]
    return Features(texts, codes)


def score_pairs(ia: np.ndarray, ja: np.ndarray, feats: Features, settings: Settings) -> np.ndarray:
    """Link scores (0 = no link) for the claim pairs (ia[k], ja[k]), verified in bulk.

    Whole-claim similarity links rewrites of one sentence; word-sequence
    containment and the best-matching window link a short claim to the longer
    one that embeds it.
    """
    if len(ia) == 0:
        return np.zeros(0)
    from rapidfuzz import process

    texts, codes = feats.texts, feats.codes
    overall = process.cpdist(
        [texts[i] for i in ia], [texts[j] for j in ja], scorer=fuzz.ratio, workers=-1
    ).astype(np.float64)
    la, lb = feats.lengths[ia], feats.lengths[ja]
    short, long_ = np.minimum(la, lb), np.maximum(la, lb)
    linked = (short >= settings.min_content_words) & (overall >= settings.link_threshold)
    score = overall.copy()
    embed = (short >= max(6, settings.min_content_words)) & (short >= 0.3 * long_)
    if embed.any():
        sa, sb = ia[embed], ja[embed]
        common = process.cpdist(
            [codes[i] for i in sa], [codes[j] for j in sb], scorer=LCSseq.similarity, workers=-1
        )
        containment = 100.0 * common / short[embed]
        linked[embed] |= containment >= 100 * settings.containment
        score[embed] = np.maximum(overall[embed], containment)
        # The best-matching window is dear: only for embedded pairs not yet linked
        # that share at least half the shorter claim's words.
        maybe = np.nonzero(embed)[0][(~linked[embed]) & (containment >= 50)]
        if len(maybe):
            partial = process.cpdist(
                [texts[i] for i in ia[maybe]],
                [texts[j] for j in ja[maybe]],
                scorer=fuzz.partial_ratio,
                workers=-1,
            )
            hit = partial >= settings.partial_threshold
            linked[maybe[hit]] = True
            score[maybe[hit]] = np.maximum(score[maybe[hit]], 0.9 * partial[hit])
    return np.where(linked, score, 0.0)


def is_link(words_a: Sequence[str], words_b: Sequence[str], settings: Settings) -> float:
    """The link score of two claims' content words, or 0 when they state different facts."""
    feats = features([list(words_a), list(words_b)])
    return float(score_pairs(np.array([0]), np.array([1]), feats, settings)[0])


def candidate_pairs(words: list[list[str]], settings: Settings) -> np.ndarray:
    """Pairs (i < j) of claims sharing two of their rarest words: see ``code_pairs``."""
    vocab: dict[str, str] = {}
    return code_pairs([encode(w, vocab) for w in words], settings)


def code_pairs(
    codes: list[str], settings: Settings, limits: list[Limit] | None = None
) -> np.ndarray:
    """Pairs (i < j) of claims sharing two of their rarest words: a blocking index.

    ``codes`` holds each claim's content words, one character per word (``encode``).
    Each claim is indexed under the pairs of its rarest distinct words (a prefix
    of about half of them, so that two claims sharing half their words share two
    prefix words); a pair of words in more than ``max_postings`` claims is no key.
    Word pairs are far rarer than words, so the postings stay short and the cost
    grows with the corpus, not its square; in a large corpus two guards drop chance
    meetings (``_own_scale`` and ``LONG_SHARED``). Returns an (n, 2) array; what the
    ``max_postings`` cap dropped is added to ``limits``.
    """
    n = len(codes)
    # Claims worded alike (copies between outlets, half of a large corpus) have the
    # same keys: each wording is indexed once, weighted by its claims, and its pairs
    # are expanded to the claims at the end.
    first: dict[str, int] = {}
    rep = np.fromiter(map(first.setdefault, codes, range(n)), dtype=np.int64, count=n)
    del first
    units = np.flatnonzero(rep == np.arange(n))  # the first claim of each wording
    unit_of = np.searchsorted(units, rep)
    weight = np.bincount(unit_of, minlength=len(units))
    m = len(units)
    keys, members, prefix_len, size = _keys([codes[i] for i in units], weight)
    if not len(keys):
        return np.zeros((0, 2), dtype=np.int64)
    keys, members = _sort_by_key(keys, members, size * size, m)
    if n >= CHANCE_FROM:
        keys, members = _own_scale(keys, members, weight)
    starts, counts = _postings(keys)
    del keys
    claims_in = np.add.reduceat(weight[members], starts)  # a posting's size in claims
    eligible = (claims_in >= 2) & (claims_in <= settings.max_postings)
    met, shared = _pairs_in_groups(members, starts, counts, eligible, m)
    # The claims of one wording meet in each eligible posting of it.
    inside = np.bincount(members[np.repeat(eligible, counts)], minlength=m)
    if limits is not None:
        limits.extend(_capped(claims_in, members, counts, inside, weight, settings))
    twins = np.flatnonzero((weight >= 2) & (inside > 0))
    first_u = np.concatenate([met // m, twins])
    second_u = np.concatenate([met % m, twins])
    shared = np.concatenate([shared, inside[twins]])
    del met
    if n >= CHANCE_FROM:
        # In a large corpus, two long claims that share just two rare words mostly met
        # by chance (such meetings grow with the square of the corpus); claims that
        # state one fact share more. A small corpus keeps them all: they are few, and
        # a heavy rewrite of one sentence may keep only two of its rare words.
        long_ = (prefix_len[first_u] >= LONG) & (prefix_len[second_u] >= LONG)
        keep = ~long_ | (shared >= LONG_SHARED)
        first_u, second_u = first_u[keep], second_u[keep]
    return _expand(first_u, second_u, unit_of, weight)


def _capped(
    claims_in: np.ndarray,
    members: np.ndarray,
    counts: np.ndarray,
    inside: np.ndarray,
    weight: np.ndarray,
    settings: Settings,
) -> list[Limit]:
    """What the ``max_postings`` cap dropped: keys, and the claims that lost them."""
    over = claims_in > settings.max_postings
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
            f"more claims: {some:,} claims lost candidate pairs, {every:,} of them every one "
            "(a story copied by many outlets?); raise max-postings to compare them",
        )
    ]


def _keys(codes: list[str], weight: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, int]:
    """The blocking keys of each wording as (key, wording) rows, the length of each
    wording's indexed prefix, and the number of distinct words (keys are below its
    square). A word's rarity counts claims: a wording weighs as many as it has."""
    n = len(codes)
    empty = np.zeros(0, dtype=np.int64)
    # Every (wording, word) entry as numbers, with numpy rather than a loop per claim.
    word = np.frombuffer("".join(codes).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    if not len(word):
        return empty, empty, np.zeros(n, dtype=np.int64), 0
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
    position = np.arange(len(owner)) - np.repeat(starts, distinct)
    prefix = np.minimum(
        distinct, np.minimum(PREFIX_MAX, np.maximum(2, distinct // 2 + PREFIX_EXTRA))
    )
    prefix[distinct < 2] = 0
    prefix_len = np.zeros(n, dtype=np.int64)
    prefix_len[claim_of] = prefix
    size = len(used)
    key_parts, claim_parts = [empty], [empty]
    in_prefix = position < np.repeat(prefix, distinct)
    for length in np.unique(prefix[prefix >= 2]).tolist():
        rows = claim_of[prefix == length]
        matrix = ranks[in_prefix & (np.repeat(prefix, distinct) == length)].reshape(-1, length)
        left, right = np.triu_indices(length, k=1)
        key_parts.append((matrix[:, left] * size + matrix[:, right]).ravel())
        claim_parts.append(np.repeat(rows, len(left)))
    # One changed word leaves a two-word claim no shared pair: its single words are
    # keys too (met only by other short claims' single words).
    single = np.repeat(distinct < SHORT, distinct)
    key_parts.append(ranks[single] * size + ranks[single])  # (r, r): never a pair's key
    claim_parts.append(owner[single])
    return np.concatenate(key_parts), np.concatenate(claim_parts), prefix_len, size


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
    keys: np.ndarray, members: np.ndarray, key_bound: int, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Keys in order, members in order within a key; one in-place sort of both packed
    into one integer when they fit (three times faster than an argsort and gathers)."""
    if key_bound * n < 2**62:
        packed = keys * n + members
        packed.sort()
        return packed // n, packed % n
    order = np.lexsort((members, keys))
    return keys[order], members[order]


def _postings(keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each run of equal (sorted) keys starts, and its length."""
    if not len(keys):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return starts, np.diff(np.r_[starts, len(keys)])


def _own_scale(
    keys: np.ndarray, members: np.ndarray, weight: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each claim keeps the keys no more common than ``SCALE`` times its rarest shared key.

    The rarest word pair a claim shares is usually its story's own (as many claims
    as outlets tell it); a key far more common than that is a stock pair of another
    scale ("said", "president"), and in a large corpus such keys made most candidate
    pairs (152M at 100,000 articles) while adding almost no links. ``members`` are
    wordings; a posting's size counts their claims (``weight``).
    """
    starts, counts = _postings(keys)
    size = np.repeat(np.add.reduceat(weight[members], starts), counts)
    shared = size >= 2
    rarest = np.full(len(weight), int(weight.sum()) + 1, dtype=np.int64)  # above any size
    np.minimum.at(rarest, members[shared], size[shared])
    keep = shared & (size <= np.maximum(SCALE_FLOOR, SCALE * rarest[members]))
    return keys[keep], members[keep]


CHANCE_FROM = 50_000  # claims: from here on, chance meetings are most candidates
LONG = 7  # prefix words: claims this long need more than two rare words in common
LONG_SHARED = 3  # shared word pairs (three shared words make three pairs)
SCALE = 3  # a claim's keys may be this many times as common as its rarest shared one
SCALE_FLOOR = 16  # postings this short are always kept


SHORT = 3  # distinct words: shorter claims are also indexed under single words
PREFIX_MAX = 12  # rarest words a claim is indexed under (66 word pairs)
PREFIX_EXTRA = 4  # words beyond half of a claim's distinct words
BATCH = 4_000_000  # pairs gathered (or verified) at a time: memory follows the batch


def _pairs_in_groups(
    members: np.ndarray, starts: np.ndarray, counts: np.ndarray, eligible: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every pair of members within an ``eligible`` posting list, once, as ``a * n + b``
    with a < b, and the number of lists that hold the pair."""
    runs: list[tuple[np.ndarray, np.ndarray]] = []
    batch: list[np.ndarray] = []
    pending = 0
    for length in np.unique(counts[eligible & (counts >= 2)]).tolist():
        left, right = np.triu_indices(length, k=1)
        firsts = starts[eligible & (counts == length)]
        step = max(1, BATCH // (4 * len(left)))  # lists per slice: a slice stays small
        for lo in range(0, len(firsts), step):
            group = members[firsts[lo : lo + step, None] + np.arange(length)]
            a, b = group[:, left].ravel(), group[:, right].ravel()
            batch.append(np.minimum(a, b) * n + np.maximum(a, b))
            pending += len(a)
            if pending >= BATCH:  # count as we go: memory follows the batch
                _push(runs, _counted(np.concatenate(batch)))
                batch, pending = [], 0
    _push(runs, _counted(np.concatenate([np.zeros(0, dtype=np.int64), *batch])))
    while len(runs) > 1:
        _push(runs, _merge(runs.pop(-2), runs.pop()))
    return runs[0]


def _push(runs: list[tuple[np.ndarray, np.ndarray]], run: tuple[np.ndarray, np.ndarray]) -> None:
    """Add a counted run, merging runs of like size (as a merge sort does): merging each
    batch into one growing run re-copied it every time, quadratic in the batches."""
    runs.append(run)
    while len(runs) > 1 and len(runs[-2][0]) <= 2 * len(runs[-1][0]):
        last = runs.pop()
        runs.append(_merge(runs.pop(), last))


def _counted(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Sorted distinct values and how often each occurs; an in-place sort is several
    times faster here than ``np.unique``, which hashes integer arrays in numpy 2."""
    values.sort()
    starts, counts = _postings(values)
    return values[starts], counts


def _merge(
    found: tuple[np.ndarray, np.ndarray], more: tuple[np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Two sorted counted arrays as one: a stable sort (timsort) of two sorted runs is a
    linear merge, so merging batch after batch does not re-sort everything."""
    if not len(found[0]):
        return more
    values = np.concatenate([found[0], more[0]])
    weights = np.concatenate([found[1], more[1]])
    order = np.argsort(values, kind="stable")
    values, weights = values[order], weights[order]
    starts = _postings(values)[0]
    return values[starts], np.add.reduceat(weights, starts)


def link(
    claims: Sequence[Claim],
    settings: Settings,
    client: Any = None,
    limits: list[Limit] | None = None,
) -> list[Link]:
    """Verified links between claims; with a Dask ``client`` the workers verify the pairs.
    Limits that dropped work are added to ``limits``."""
    feats = claim_features(claims)
    pairs = code_pairs(feats.codes, settings, limits)
    sources = np.array([c.source for c in claims], dtype=object)
    ia, ja = pairs[:, 0], pairs[:, 1]
    if client is not None and len(pairs):
        scores = _score_on_cluster(client, pairs, feats, settings)
    else:
        scores = np.concatenate(
            [np.zeros(0)]
            + [
                score_pairs(ia[lo : lo + BATCH], ja[lo : lo + BATCH], feats, settings)
                for lo in range(0, len(ia), BATCH)
            ]
        )
    same = sources[ia] == sources[ja]
    if same.any():
        # Within one source only near-verbatim repeats are the same fact.
        scores[same & (scores < NEAR_VERBATIM)] = 0.0
    keep = np.nonzero(scores)[0]
    if len(set(sources.tolist())) >= STORY_FILTER_FROM:
        keep = _same_story_links(keep, ia, ja, sources)
    return [Link(int(ia[k]), int(ja[k]), float(scores[k])) for k in keep]


def _same_story_links(
    keep: np.ndarray, ia: np.ndarray, ja: np.ndarray, sources: np.ndarray
) -> np.ndarray:
    """In a large corpus, a lone link between two sources is a shared stock phrase, not a
    shared story: keep links only between sources that share two facts or more."""
    pair_of = [
        (a, b) if a < b else (b, a)
        for a, b in zip(sources[ia[keep]].tolist(), sources[ja[keep]].tolist(), strict=True)
    ]
    counts = Counter(pair_of)
    return keep[
        np.fromiter(
            (a == b or counts[(a, b)] >= 2 for a, b in pair_of), dtype=bool, count=len(pair_of)
        )
    ]


Adjacency = dict[int, dict[int, float]]


PARTITIONS_PER_WORKER = 4


def _score_chunk(chunk: np.ndarray, feats: Features, settings: Settings) -> np.ndarray:
    return score_pairs(chunk[:, 0], chunk[:, 1], feats, settings)


def _score_on_cluster(
    client: Any, pairs: np.ndarray, feats: Features, settings: Settings
) -> np.ndarray:
    """Verification spread over Dask workers, partitioned by the pair's first claim.

    Scores do not depend on which worker computes them, and the partitions are
    put back in their original order, so the links (and so the findings) are the
    same as in one process.
    """
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    parts = max(1, workers * PARTITIONS_PER_WORKER)
    owner = pairs[:, 0] % parts
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(parts + 1))
    chunks = [pairs[order[bounds[k] : bounds[k + 1]]] for k in range(parts)]
    shared = client.scatter(feats, broadcast=True)
    futures = client.map(_score_chunk, chunks, feats=shared, settings=settings, pure=False)
    results = client.gather(futures)
    scores = np.empty(len(pairs))
    for k, result in enumerate(results):
        scores[order[bounds[k] : bounds[k + 1]]] = result
    return scores


def clusters(claims: Sequence[Claim], links: list[Link]) -> list[Cluster]:
    adj: Adjacency = defaultdict(dict)
    for lk in strongest(links):
        adj[lk.a][lk.b] = lk.score
        adj[lk.b][lk.a] = lk.score
    groups: list[set[int]] = []
    for component in _components(adj):
        groups.extend(_communities(adj, component))
    result: list[list[int]] = []
    for group in groups:
        result.extend(
            sorted(part) for part in _one_per_source(adj, claims, group) if len(part) >= 2
        )
    result.sort(key=lambda g: g[0])
    return [
        Cluster(id=f"k{n}", claims=tuple(claims[i].id for i in g)) for n, g in enumerate(result)
    ]


def _components(adj: Adjacency) -> list[set[int]]:
    seen: set[int] = set()
    out = []
    for start in sorted(adj):
        if start in seen:
            continue
        stack, component = [start], {start}
        seen.add(start)
        while stack:
            for v in adj[stack.pop()]:
                if v not in seen:
                    seen.add(v)
                    component.add(v)
                    stack.append(v)
        out.append(component)
    return out


def strongest(links: list[Link], per_claim: int = MAX_LINKS) -> list[Link]:
    """Each claim keeps its strongest links only: a template sentence repeated across
    hundreds of stories must not chain them all into one hub. A link stays when either
    of its claims keeps it."""
    degree = Counter(chain((lk.a for lk in links), (lk.b for lk in links)))
    hubs = {c for c, d in degree.items() if d > per_claim}
    if not hubs:
        return links  # the common case: no claim has more links than it may keep
    incident: dict[int, list[Link]] = defaultdict(list)
    for lk in links:
        if lk.a in hubs:
            incident[lk.a].append(lk)
        if lk.b in hubs:
            incident[lk.b].append(lk)
    keep: set[int] = set()
    for items in incident.values():
        top = sorted(items, key=lambda lk: (-lk.score, lk.a, lk.b))[:per_claim]
        keep.update(id(lk) for lk in top)
    # A link with a claim that keeps all its links stays; one between two hubs stays
    # when either keeps it.
    return [lk for lk in links if lk.a not in hubs or lk.b not in hubs or id(lk) in keep]


def _communities(adj: Adjacency, nodes: set[int], resolution: float = 1.0) -> list[set[int]]:
    """Louvain communities (networkx), split further while larger than ``MAX_CLUSTER``."""
    import networkx as nx

    if len(nodes) <= 2 or _dense(adj, nodes):
        return [nodes] if len(nodes) <= MAX_CLUSTER else []
    sub = nx.Graph()
    for u in nodes:
        for v, w in adj[u].items():
            if u < v and v in nodes:
                sub.add_edge(u, v, weight=w)
    out: list[set[int]] = []
    for group in nx.community.louvain_communities(
        sub, weight="weight", seed=7, resolution=resolution
    ):
        if len(group) <= MAX_CLUSTER:
            out.append(set(group))
        elif resolution < 8 and len(group) < len(nodes):
            out.extend(_communities(adj, set(group), resolution * 2))
        # else: a hub of near-identical boilerplate; it states no single fact
    return out


def _dense(adj: Adjacency, nodes: set[int]) -> bool:
    """Every member linked to at least half the others: no chain to cut."""
    need = (len(nodes) - 1) / 2
    return all(sum(1 for v in adj[u] if v in nodes) >= need for u in nodes)


def _one_per_source(adj: Adjacency, claims: Sequence[Claim], group: set[int]) -> list[set[int]]:
    """Split a group so that each part holds one claim per source (near-verbatim repeats
    of a source stay together): strongest links first, never joining two claims of one
    source. Twin sentences of an article ("pay 77 percent by 2033", "pay 73 percent by
    2085") so pair with their own counterparts instead of one of them being dropped."""
    parent = {i: i for i in group}
    sources = {i: {claims[i].source} for i in group}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    edges = sorted(
        ((w, u, v) for u in group for v, w in adj[u].items() if u < v and v in group),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    for w, u, v in edges:
        ru, rv = root(u), root(v)
        if ru == rv:
            continue
        repeat = claims[u].source == claims[v].source and w >= NEAR_VERBATIM
        if sources[ru] & sources[rv] and not repeat:
            continue
        parent[rv] = ru
        sources[ru] |= sources.pop(rv)
    parts: dict[int, set[int]] = defaultdict(set)
    for i in group:
        parts[root(i)].add(i)
    return list(parts.values())
