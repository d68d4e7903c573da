"""Sources grouped into stories by the facts they share.

A graph of sources (networkx) has an edge where two sources tell one story: they share
two facts, or half of the shorter one's (one shared sentence between two long articles
is a stock phrase, not a story), and, both dated, were published within a few days of
each other (a weekly report's sentences recur with another week's figures). Its
communities are the stories' cores; a source that the graph ties to two stories by its
words and a few facts only goes with the one its headline and lead tell (its background
may recall the other). Each cluster then belongs to the story that holds most of its
claims; a claim of a source outside that story stays only when its source reports that
story in its own words (a roundup article that tells it among others), else it leaves
the cluster.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, combinations

import numpy as np

from factcheck.clusters.graph import components
from factcheck.facts.mentions import published
from factcheck.model import Claim, Cluster, Source, Story
from factcheck.runtime.memo import Memo
from factcheck.text.lexicons import stopwords, word_frequency

TITLE_LIMIT = 90  # characters of a story's title
ALIKE = 0.35  # cosine of rare-word vectors above which two articles tell one story
FACTS_ALIKE = 0.2  # the cosine two articles that share a few facts need to tell one story
MANY_FACTS = 4  # shared facts that tell one story whatever the other words
WIDE = 64  # sources of one fact: more have their pairs counted in bulk
KEY_TERMS = 12  # a source's rarest words, under which it is indexed for comparison
LEAD = 4  # claims: a source's headline and the first sentences, which tell its story
COMMON_TERM = 50  # sources: a word in more is no key (a name in every story of the day)
# Days between two dated articles beyond which they report two events, however alike:
# an event's coverage runs over a few days (the BASIL triplets' within four), while a
# weekly or monthly report (jobless claims, a jobs report, a poll) says the same
# sentences of another week's figures.
MAX_DAYS_APART = 6


def tells_one_story(shared: int, claims_a: int, claims_b: int) -> bool:
    """Two sources with ``shared`` facts in common, and so many claims each, tell one story."""
    shorter = min(claims_a, claims_b)
    return shared >= 2 or shared >= 0.5 * max(shorter - 1, 1)


@dataclass(frozen=True)
class Grouping:
    stories: tuple[Story, ...]
    clusters: tuple[Cluster, ...]  # with the claims of other stories taken out


def group(
    sources: Sequence[Source],
    claims: Sequence[Claim],
    clusters: Sequence[Cluster],
    quoted: Iterable[tuple[str, str]] = (),
) -> Grouping:
    """``quoted``: pairs of claims that quote the same words, facts shared beside the
    clusters (an outlet may print a remark inside a sentence of its own)."""
    order = {s.id: n for n, s in enumerate(sources)}
    source_of = {c.id: c.source for c in claims}
    per_source = Counter(c.source for c in claims)
    shared, told = _shared_facts(clusters, claims, order, quoted)
    apart = _far_apart(sources)
    if apart is not None:
        shared = Counter({pair: n for pair, n in shared.items() if not apart(*pair)})
        told = Counter({pair: n for pair, n in told.items() if not apart(*pair)})
    like = Likeness(claims)
    mates: dict[str, set[str]] = defaultdict(set)
    weight: dict[tuple[str, str], float] = {}
    for (a, b), n in shared.items():
        if not tells_one_story(n, per_source[a], per_source[b]):
            continue
        if n >= MANY_FACTS:
            weight[(a, b)] = 1.0  # copies, or one story told twice: no stock phrase
            continue
        # Two stock sentences are shared by articles of different stories too: a few
        # facts tie two sources when their words are also somewhat alike.
        score = like.cosine(a, b)
        if score >= FACTS_ALIKE:
            weight[(a, b)] = score
    for (a, b), score in like.alike(order).items():
        if apart is None or not apart(a, b):
            weight.setdefault((a, b), score)
    for a, b in weight:
        mates[a].add(b)
        mates[b].add(a)
    cores = _cores([s.id for s in sources], mates, weight, order)
    cores = _settle(cores, mates, weight, like, order)
    core_of = {sid: n for n, core in enumerate(cores) for sid in core}

    kept: list[Cluster] = []
    story_clusters: dict[int, list[str]] = defaultdict(list)
    home: dict[str, int] = {}  # claim → story, for the clustered claims
    for k in clusters:
        votes = Counter(core_of[source_of[c]] for c in k.claims)
        story = min(votes, key=lambda s: (-votes[s], s))
        core = cores[story]
        members = tuple(
            c
            for c in k.claims
            if core_of[source_of[c]] == story
            or _reports(source_of[c], core, shared, told, cores[core_of[source_of[c]]])
        )
        if len({source_of[c] for c in members}) < 2 and len(members) < len(k.claims):
            continue  # only a chance meeting with another story held it together
        kept.append(Cluster(k.id, members) if len(members) < len(k.claims) else k)
        story_clusters[story].append(k.id)
        home.update((c, story) for c in members)

    story_claims: dict[int, list[str]] = defaultdict(list)
    for c in claims:
        story_claims[home.get(c.id, core_of[c.source])].append(c.id)
    titles = _headlines(claims)
    out = []
    for n, core in enumerate(cores):
        contributors = {source_of[c] for c in story_claims[n]} - set(core)
        out.append(
            Story(
                id=f"t{n + 1}",
                title=_title(core, mates, titles),
                sources=(*core, *sorted(contributors, key=order.__getitem__)),
                core=tuple(core),
                clusters=tuple(story_clusters[n]),
                claims=tuple(story_claims[n]),
            )
        )
    return Grouping(tuple(out), tuple(kept))


def _far_apart(sources: Sequence[Source]) -> Callable[[str, str], bool] | None:
    """Whether two sources were published more than ``MAX_DAYS_APART`` days apart (both
    dated); None when no two are (a day's news, or undated files), so nothing is tested."""
    days = {s.id: d.toordinal() for s in sources if (d := published(s.date)) is not None}
    if not days or max(days.values()) - min(days.values()) <= MAX_DAYS_APART:
        return None

    def apart(a: str, b: str) -> bool:
        da, db = days.get(a), days.get(b)
        return da is not None and db is not None and abs(da - db) > MAX_DAYS_APART

    return apart


def _shared_facts(
    clusters: Sequence[Cluster],
    claims: Sequence[Claim],
    order: dict[str, int],
    quoted: Iterable[tuple[str, str]],
) -> tuple[Counter[tuple[str, str]], Counter[tuple[str, str]]]:
    """(pair of sources → the facts they share: the clusters both are in and the remarks
    both quote beside them; (source, other) → the shared clusters where the source
    tells the fact in its own words, not inside quotation marks)."""
    source_of = {c.id: c.source for c in claims}
    quoting = {c.id for c in claims if c.quotes}
    shared: Counter[tuple[str, str]] = Counter()
    told: Counter[tuple[str, str]] = Counter()
    cluster_of: dict[str, str] = {}
    wide: list[tuple[list[int], list[int]]] = []  # facts told by many: (present, own words)
    for k in clusters:
        present = sorted({source_of[c] for c in k.claims}, key=order.__getitem__)
        own_words = {source_of[c] for c in k.claims if c not in quoting}
        if len(present) > WIDE:
            wide.append(([order[x] for x in present], [order[x] for x in own_words]))
        else:
            shared.update(combinations(present, 2))
            told.update((a, b) for a in own_words for b in present if b != a)
        cluster_of.update(dict.fromkeys(k.claims, k.id))
    if wide:
        names = sorted(order, key=order.__getitem__)
        bulk_shared: dict[tuple[str, str], int] = {}
        bulk_told: dict[tuple[str, str], int] = {}
        for part in _overlapping(wide):  # a wire story at a time: matrices of its sources
            more_shared, more_told = _wide_pairs(part, names)
            bulk_shared.update(more_shared)
            bulk_told.update(more_told)
        shared, told = _merged(shared, bulk_shared), _merged(told, bulk_told)
    for x, y in {(x, y) if x < y else (y, x) for x, y in quoted}:
        if x in cluster_of and cluster_of[x] == cluster_of.get(y):
            continue  # the clusters counted this fact already
        a, b = sorted((source_of[x], source_of[y]), key=order.__getitem__)
        if a != b:
            shared[(a, b)] += 1
    return shared, told


def _overlapping(
    wide: list[tuple[list[int], list[int]]],
) -> list[list[tuple[list[int], list[int]]]]:
    """The facts told by many, in groups that share no source: the pairs of one group
    are counted apart from another's (two wire stories of a day, a thousand outlets
    each, are two matrices of a thousand, not one of two thousand)."""
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for present, _own in wide:
        first = root(present[0])
        for x in present[1:]:
            parent[root(x)] = first
            first = root(first)
    groups: dict[int, list[tuple[list[int], list[int]]]] = defaultdict(list)
    for fact in wide:
        groups[root(fact[0][0])].append(fact)
    return list(groups.values())


def _wide_pairs(
    wide: list[tuple[list[int], list[int]]], names: list[str]
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    """The pairs of sources of facts told by many (a wire story's hundreds of sources),
    counted in numpy: which facts each source tells, as a matrix, times itself gives
    the facts each pair shares (and, with the sources telling a fact in their own
    words, what ``told`` counts), in the order of the sources."""
    members = np.unique(np.concatenate([np.array(p, dtype=np.int64) for p, _own in wide]))
    local = {int(m): i for i, m in enumerate(members.tolist())}
    present = np.zeros((len(wide), len(members)), dtype=np.float32)
    own = np.zeros_like(present)
    for k, (at, in_own_words) in enumerate(wide):
        present[k, [local[x] for x in at]] = 1
        own[k, [local[x] for x in in_own_words]] = 1
    ids = [names[m] for m in members.tolist()]
    shared: dict[tuple[str, str], int] = {}
    told: dict[tuple[str, str], int] = {}
    for lo in range(0, len(ids), ROWS):  # a block of rows at a time: memory stays small
        hi = min(lo + ROWS, len(ids))
        both = present[:, lo:hi].T @ present  # exact: counts of facts, far below 2**24
        mine = own[:, lo:hi].T @ present
        rows = np.arange(lo, hi)[:, None]
        cols = np.arange(len(ids))[None, :]
        shared.update(_pairs(np.where(cols > rows, both, 0), ids, lo))
        told.update(_pairs(np.where(cols != rows, mine, 0), ids, lo))
    return shared, told


ROWS = 2048  # sources a block when a wire story's pairs are counted


def _pairs(counts: np.ndarray, ids: list[str], lo: int) -> dict[tuple[str, str], int]:
    """The pairs with a count above zero: (ids[lo + row], ids[col]) → count."""
    rows, cols = np.nonzero(counts)
    values = counts[rows, cols].astype(np.int64).tolist()
    keys = zip([ids[lo + i] for i in rows.tolist()], [ids[j] for j in cols.tolist()], strict=True)
    return dict(zip(keys, values, strict=True))


def _merged(
    counter: Counter[tuple[str, str]], bulk: dict[tuple[str, str], int]
) -> Counter[tuple[str, str]]:
    """``counter`` and ``bulk`` added up (the bulk copied in C, the few others added)."""
    merged = Counter(bulk)
    merged.update(counter)
    return merged


def _settle(
    cores: list[list[str]],
    mates: dict[str, set[str]],
    weight: dict[tuple[str, str], float],
    like: Likeness,
    order: dict[str, int],
) -> list[list[str]]:
    """A source tied to sources of two stories by its words and a few facts, no more,
    belongs to the story its headline and lead tell: further down, an article's
    background recalls other stories (an earlier event, a remark quoted again), and a
    story told by several copies would otherwise pull it by their number. Facts settle
    a source: one that shares many with a source of its story stays there."""
    core_of = {sid: n for n, core in enumerate(cores) for sid in core}
    moves: dict[str, int] = {}
    for sid, n in core_of.items():
        linked: dict[int, list[str]] = defaultdict(list)
        for t in mates[sid]:
            linked[core_of[t]].append(t)
        if not linked or set(linked) == {n}:
            continue
        if any(weight.get((sid, t), weight.get((t, sid), 0.0)) >= 1.0 for t in linked.get(n, ())):
            continue  # its own facts tie it to its story
        best = max(
            linked,
            key=lambda m: (max(like.lead_cosine(sid, t) for t in linked[m]), m == n, -m),
        )
        if best != n:
            moves[sid] = best
    if not moves:
        return cores
    settled: list[list[str]] = [[] for _ in cores]
    for sid, n in core_of.items():
        settled[moves.get(sid, n)].append(sid)
    out = [sorted(core, key=order.__getitem__) for core in settled if core]
    out.sort(key=lambda core: order[core[0]])
    return out


def _reports(
    source: str,
    story: list[str],
    shared: Counter[tuple[str, str]],
    told: Counter[tuple[str, str]],
    own: list[str],
) -> bool:
    """A source of another story reports this one too (a roundup) when it tells two of
    its facts in its own words, and shares as much with this story as with its own (half
    as much at least): two stock sentences shared with a story it does not tell are no
    report of it, and neither is a remark quoted again (an article's background recalls
    what was said in an earlier story)."""
    here = max((told[(source, s)] for s in story if s != source), default=0)
    mine = max((shared[(source, s)] + shared[(s, source)] for s in own if s != source), default=0)
    return here >= 2 and 2 * here >= mine


def _cores(
    ids: list[str],
    mates: dict[str, set[str]],
    weight: dict[tuple[str, str], float],
    order: dict[str, int],
) -> list[list[str]]:
    """Connected groups of sources, split into Louvain communities weighted by the facts
    they share (two events joined by a roundup, or by a stock sentence or two, part
    where their own facts are far more); in the order of their first source."""
    groups: list[set[str]] = []
    for component in components(ids, mates):
        groups.extend(_split(component, mates, weight))
    cores = [sorted(g, key=order.__getitem__) for g in groups]
    cores.sort(key=lambda core: order[core[0]])
    return cores


def _split(
    component: set[str], mates: dict[str, set[str]], weight: dict[tuple[str, str], float]
) -> list[set[str]]:
    """Louvain communities (weighted by likeness) of a group that is not dense: a
    roundup or a chance likeness joining two stories."""
    need = (len(component) - 1) / 2
    if len(component) <= 3 or all(len(mates[s] & component) >= need for s in component):
        return [component]
    import networkx as nx

    graph = nx.Graph()  # built in sorted order: Louvain's result follows the graph's order,
    graph.add_nodes_from(sorted(component))  # which a set of strings takes from its hash seed
    for a in sorted(component):
        for b in sorted(mates[a] & component):
            if a < b:
                graph.add_edge(a, b, weight=weight.get((a, b)) or weight.get((b, a)) or 0.0)
    return [set(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=7)]


def _headlines(claims: Sequence[Claim]) -> dict[str, str]:
    out: dict[str, str] = {}
    for c in claims:
        if c.headline and c.source not in out:
            out[c.source] = " ".join(c.text.split())
    return out


def _title(core: list[str], mates: dict[str, set[str]], titles: dict[str, str]) -> str:
    """The headline of the source most connected inside the story (the first on a tie)."""
    inside = set(core)
    ranked = sorted(core, key=lambda s: -len(mates[s] & inside))
    for sid in ranked:
        if sid in titles:
            text = titles[sid]
            return text if len(text) <= TITLE_LIMIT else text[: TITLE_LIMIT - 1].rstrip() + "…"
    return ranked[0] if ranked else ""


def _rarity(word: str) -> float:
    """A content word's weight, by its rarity in English; 0 for stop words and short ones."""
    if len(word) <= 2 or not word.isalpha() or word in stopwords():
        return 0.0
    freq = word_frequency()
    return math.log(_TOTAL[0] / (freq.get(word, 0) + 1))


_TOTAL: list[float] = []  # the dictionary's total count, once it is loaded
_RARITY: Memo[str, float] = Memo(_rarity, limit=2_000_000)


class Likeness:
    """How alike two sources' words are: the cosine of their rare-word vectors.

    Outlets that write their own sentences share few clusters but the same names and
    rare words. Each word weighs by its rarity in English (pyspellchecker's counts; a
    name the dictionary lacks weighs most), never by the corpus, so that two sources
    are judged alike the same way whatever else is checked with them.

    A vector is two arrays (word numbers in order, weights), not a dict of floats: the
    dicts of 100,000 articles were a gigabyte, the stories stage's peak.
    """

    def __init__(self, claims: Sequence[Claim]) -> None:
        if not _TOTAL:
            _TOTAL.append(float(sum(word_frequency().values())))
        words: dict[str, list[tuple[str, ...]]] = defaultdict(list)
        for c in claims:
            words[c.source].append(c.words)
        self._number: Memo[str, int] = Memo(lambda _w: len(self._number))
        self._vectors: dict[str, Vector] = {}
        for sid, parts in words.items():
            self._vectors[sid] = self._vector(chain.from_iterable(parts))
        self._words = list(self._number)  # number → word
        self._leads = {sid: parts[:LEAD] for sid, parts in words.items()}
        self._lead_vectors: dict[str, Vector] = {}

    def _vector(self, words: Iterable[str]) -> Vector:
        weigh = _RARITY.__getitem__
        counts = Counter(words)
        kept = [(w, (1 + math.log(n)) * r) for w, n in counts.items() if (r := weigh(w))]
        norm = math.sqrt(sum(v * v for _w, v in kept))
        numbers = np.fromiter((self._number[w] for w, _v in kept), np.int32, len(kept))
        order = np.argsort(numbers)
        weights = np.fromiter((v for _w, v in kept), np.float64, len(kept))
        return Vector(numbers[order], weights[order], norm)

    def lead_cosine(self, a: str, b: str) -> float:
        """How alike ``a``'s headline and lead are to ``b``'s words: what ``a`` is about."""
        if a not in self._lead_vectors:
            self._lead_vectors[a] = self._vector(chain.from_iterable(self._leads.get(a, ())))
        return _cosine(self._lead_vectors[a], self._vectors.get(b, _EMPTY))

    def cosine(self, a: str, b: str) -> float:
        return _cosine(self._vectors.get(a, _EMPTY), self._vectors.get(b, _EMPTY))

    def alike(self, order: dict[str, int]) -> dict[tuple[str, str], float]:
        """Pairs of sources alike enough to tell one story on their words alone. Only
        sources that share two of their rarest words are compared."""
        words = self._words
        index: dict[str, list[str]] = defaultdict(list)
        for sid, vec in self._vectors.items():
            for w in sorted((words[k] for k in vec.words.tolist()), key=lambda w: (-_RARITY[w], w))[
                :KEY_TERMS
            ]:
                index[w].append(sid)
        met: Counter[tuple[str, str]] = Counter()
        for posting in index.values():
            if 2 <= len(posting) <= COMMON_TERM:
                met.update(
                    (a, b) if order[a] < order[b] else (b, a) for a, b in combinations(posting, 2)
                )
        out = {}
        for (a, b), n in met.items():
            if n >= 2 and (score := self.cosine(a, b)) >= ALIKE:
                out[(a, b)] = score
        return out


@dataclass(frozen=True, slots=True)
class Vector:
    words: np.ndarray  # word numbers, ascending
    weights: np.ndarray  # each word's weight
    norm: float


_EMPTY = Vector(np.zeros(0, dtype=np.int32), np.zeros(0), 0.0)


def _cosine(a: Vector, b: Vector) -> float:
    if not a.norm or not b.norm:
        return 0.0
    _common, x, y = np.intersect1d(a.words, b.words, assume_unique=True, return_indices=True)
    # An exact sum: the same whatever the order of the words.
    return math.fsum((a.weights[x] * b.weights[y]).tolist()) / (a.norm * b.norm)
