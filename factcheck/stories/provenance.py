"""Provenance: who copied whom inside one story, and where a deviant reading began.

Two sources that share readings the rest of their story lacks (an error in a fact the
others tell otherwise, the same misspelling, a long run of the same words outside
quotation marks) copied one another, or both copied a third. The copy graph of a story
is a forest, as a stemma is: the closest pairs among those that share such readings (a
maximum spanning forest, so that a copy of a copy hangs from its parent, not from its
grandparent). Each family (a tree of the forest) gets the root that agrees best with
the evidence of direction (publication dates; the source with an extra error is
downstream of the one without), and an edge is directed where that root is better
than any root on the copy's side. A family then counts once in a majority: its vote
is the reading of its member nearest the root; a deviant reading began in the holder
nearest the root.
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from factcheck.findings import recount
from factcheck.model import (
    Claim,
    Cluster,
    CopyEdge,
    Finding,
    Place,
    SharedReading,
    Source,
    Story,
)
from factcheck.text.fold import Token, word_spans
from factcheck.text.lexicons import british_to_american

RUN = 8  # words in a shingle: a verbatim run is at least this long
RUN_UNIT = 10  # shared shingles (a run of RUN_UNIT + RUN - 1 words) that weigh as one error
ERROR_WEIGHT = 0.6  # one shared deviant reading (in units of evidence)
EDGE_MIN = 1.0  # evidence a pair needs to be linked
ERROR_SHINGLES = 10  # one shared deviant reading in the closeness of a pair, in shingles
DATE_VOTE = 3.0  # a publication date earlier than the other's
ERROR_VOTE = 1.0  # an error one holds and the other does not (intrinsic or outgroup)
OMISSION_VOTE = 0.5  # a quotation with words left out is the copy's
CONTENT_VOTE = 0.5  # a source holds facts the other lacks (copies are cut, not padded)
MAX_RUNS = 3  # verbatim runs shown as an edge's evidence
MAX_ERRORS = 12  # shared errors shown as an edge's evidence


@dataclass(frozen=True)
class StoryProvenance:
    """A story's copy graph and its findings with origins and recounted majorities."""

    edges: tuple[CopyEdge, ...]
    findings: tuple[Finding, ...]


@dataclass
class _Fact:
    """A finding's readings, as sets of sources."""

    finding: Finding
    readings: list[frozenset[str]]
    majority: int | None = None  # index of the first-pass majority reading
    intrinsic: bool = False  # the deviant reading is an error whatever the counts (typos)
    places: dict[str, list[Place]] = field(default_factory=dict)
    cluster: str = ""  # the fact a typo stands in: a source that states it spells it right
    members: frozenset[str] = frozenset()  # the ids of a typo's findings (one a source)


def build(
    story: Story,
    sources: dict[str, Source],
    claims: Sequence[Claim],
    findings: Sequence[Finding],
    clusters: Sequence[Cluster] = (),
) -> StoryProvenance:
    ids = [s for s in story.core if s in sources]  # a contributor belongs to another story
    if len(ids) < 2:
        return StoryProvenance((), tuple(findings))
    index = {s: n for n, s in enumerate(ids)}
    words = _Wording(ids, claims)
    cluster_of = {c: k.id for k in clusters for c in k.claims}
    told: dict[str, set[str]] = defaultdict(set)  # source → the facts (clusters) it states
    for c in claims:  # a claim no other source states is a fact of its own
        told[c.source].add(cluster_of.get(c.id, c.id))
    facts = _facts(findings, cluster_of)
    families0 = _families(len(ids), words.units >= EDGE_MIN)
    for fact in facts:
        _first_majority(fact, index, families0)
    errors = np.zeros((len(ids), len(ids)), dtype=np.float32)
    for fact in facts:
        for n, holders in enumerate(fact.readings):
            if _deviant(fact, n) and len(holders) >= 2:
                at = [index[s] for s in holders if s in index]
                errors[np.ix_(at, at)] += 1
    np.fill_diagonal(errors, 0)
    score = words.units + ERROR_WEIGHT * errors
    closeness = -_differences(ids, claims, clusters)
    forest = _spanning_forest(score >= EDGE_MIN, closeness, score)
    votes = {e: _vote(e, ids, sources, facts, told) for e in forest}
    size = {index[x]: len(told[x]) for x in ids}
    oriented = _orient(ids, size, forest, votes)
    depth = {ids[n]: d for n, d in oriented.depth.items()}
    family = {ids[n]: f for n, f in oriented.family.items()}
    settled = {ids[c] for _p, c, directed, _why in oriented.edges if directed}
    tree = _Tree(depth, family, settled)
    told_again = [_with_origin(f, facts, tree) for f in findings]
    # The evidence of an edge: the readings it shares that are deviant once families
    # of copies count once.
    final = {f.id: f for f in told_again}
    for fact in facts:
        f = final.get(fact.finding.id)
        if f is None or fact.intrinsic or not any(r.majority for r in f.readings):
            continue
        fact.finding = f
        fact.readings = [frozenset(r.sources) for r in f.readings]
        fact.majority = next(n for n, r in enumerate(f.readings) if r.majority)
    edges = tuple(
        _edge(story.id, ids, u, v, directed, why, score, facts, words)
        for u, v, directed, why in oriented.edges
    )
    return StoryProvenance(edges, tuple(told_again))


class _Wording:
    """Shingles of RUN words outside quotations, and what each pair of sources shares
    that not every source of the story has."""

    def __init__(self, ids: list[str], claims: Sequence[Claim]) -> None:
        index = {s: n for n, s in enumerate(ids)}
        self.ids = ids
        holders: dict[tuple[str, ...], set[int]] = defaultdict(set)
        self.claims: dict[int, list[Claim]] = defaultdict(list)
        self._at: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        for c in claims:
            n = index.get(c.source)
            if n is None:
                continue
            self.claims[n].append(c)
            for sh, _at in self.shingles_at(c):
                holders[sh].add(n)
        self.holders = holders
        by_set: dict[frozenset[int], int] = defaultdict(int)
        everyone = len(ids)
        for held in holders.values():
            if len(held) >= 2 and (len(held) < everyone or everyone == 2):
                by_set[frozenset(held)] += 1
        shared: np.ndarray = np.zeros((everyone, everyone), dtype=np.float32)
        if by_set:
            member = np.zeros((everyone, len(by_set)), dtype=np.float32)
            counts = np.zeros(len(by_set), dtype=np.float32)
            for k, (members, count) in enumerate(by_set.items()):
                member[list(members), k] = 1
                counts[k] = count
            shared = (member * counts) @ member.T
            np.fill_diagonal(shared, 0)
        self.shared = shared
        self.units = shared / RUN_UNIT
        self.everyone = everyone

    def shingles_at(self, claim: Claim) -> list[tuple[tuple[str, ...], int]]:
        """A claim's shingles outside quotations with their word indexes (each text
        is shingled once: copies hold the same sentences)."""
        key = claim.text
        if key not in self._at:
            self._at[key] = _shingles_at(claim, claim.tokens if claim.quotes else ())
        return self._at[key]

    def unusual(self, sh: tuple[str, ...], u: int, v: int) -> bool:
        held = self.holders.get(sh, set())
        return u in held and v in held and (len(held) < self.everyone or self.everyone == 2)

    def runs(self, u: int, v: int) -> list[SharedReading]:
        """The longest verbatim runs outside quotations that u and v share and the rest
        of the story lacks, with where they stand in each."""
        where_v: dict[tuple[str, ...], tuple[Claim, int]] = {}
        for c in self.claims[v]:
            for sh, at in self.shingles_at(c):
                where_v.setdefault(sh, (c, at))
        # The runs first, as word places; offsets only for the MAX_RUNS kept (a claim's
        # words are tokenized only when one of its runs is shown).
        found: list[tuple[int, int, int, Claim, int, Claim, int, int]] = []
        for c in self.claims[u]:
            marked = [(sh, at) for sh, at in self.shingles_at(c) if self.unusual(sh, u, v)]
            for first, last in _runs_of(marked):
                sh_first, at_first = first
                sh_last, at_last = last
                if sh_first not in where_v:
                    continue
                other, o_first = where_v[sh_first]
                o_last = o_first + RUN - 1
                if sh_last in where_v and where_v[sh_last][0].id == other.id:
                    o_last = where_v[sh_last][1] + RUN - 1
                size = at_last - at_first + RUN
                found.append((-size, c.start, at_first, c, at_last, other, o_first, o_last))
        found.sort(key=lambda x: x[:3])
        out = []
        for _size, _start, at_first, c, at_last, other, o_first, o_last in found[:MAX_RUNS]:
            spans = word_spans(c.text, c.start, at_last + RUN)
            o_spans = word_spans(other.text, other.start, o_last + 1)
            start, end = spans[at_first][0], spans[at_last + RUN - 1][1]
            places = (
                Place(self.ids[u], start, end),
                Place(self.ids[v], o_spans[o_first][0], o_spans[o_last][1]),
            )
            out.append(SharedReading("wording", c.text[start - c.start : end - c.start], places))
        return out


DIFF_GRAM = 3  # words in the shingles two sources' claims of one fact are compared by
MISSING = 3.0  # a fact one of two sources states and the other not, in shingles of difference
SMALL_FACT = 8  # claims of one fact up to which its cells are added without numpy


def _differences(
    ids: list[str], claims: Sequence[Claim], clusters: Sequence[Cluster]
) -> np.ndarray:
    """For each pair, how much their claims of the facts both state differ (shingles of
    DIFF_GRAM words in one and not the other), and how many facts one states alone: a
    copy differs from its parent by its own edits, from a sibling or a grandparent by
    more."""
    index = {s: n for n, s in enumerate(ids)}
    by_id = {c.id: c for c in claims}
    diff = np.zeros((len(ids), len(ids)), dtype=np.float32)
    both = np.zeros((len(ids), len(ids)), dtype=np.float32)
    grams: dict[tuple[str, ...], frozenset[tuple[str, ...]]] = {}
    cells_r: list[int] = []
    cells_c: list[int] = []
    cells_v: list[int] = []
    for k in clusters:
        members = [by_id[c] for c in k.claims if c in by_id and by_id[c].source in index]
        if len(members) < 2:
            continue
        variants: dict[tuple[str, ...], int] = {}
        at, var = [], []
        for c in members:
            key = _house(c.words)
            if key not in grams:
                grams[key] = frozenset(zip(*(key[i:] for i in range(DIFF_GRAM)), strict=False))
            at.append(index[c.source])
            var.append(variants.setdefault(key, len(variants)))
        keys = list(variants)
        table = [[len(grams[x] ^ grams[y]) for y in keys] for x in keys]
        if len(at) > SMALL_FACT:
            rows, cols = np.array(at), np.array(var)
            diff[np.ix_(rows, rows)] += np.array(table, dtype=np.float32)[np.ix_(cols, cols)]
            both[np.ix_(rows, rows)] += 1
            continue
        # A few claims (most facts): numpy's calls would cost more than the cells. A
        # source with two claims of the fact gets its cell once, the last written, as
        # the matrix update above gives it.
        pairs = list(zip(at, var, strict=True))
        cell = {(r, c): table[i][j] for r, i in pairs for c, j in pairs}
        cells_r.extend(r for r, _ in cell)
        cells_c.extend(c for _, c in cell)
        cells_v.extend(cell.values())
    if cells_v:  # whole numbers: summed in any order, the same
        n = len(ids)
        flat = np.array(cells_r, dtype=np.int64) * n + np.array(cells_c, dtype=np.int64)
        diff += np.bincount(flat, weights=cells_v, minlength=n * n).reshape(n, n)
        both += np.bincount(flat, minlength=n * n).reshape(n, n)
    # Facts one states and the other does not: a copy cuts, a copy of a copy cuts more.
    told = np.zeros((len(ids), len(clusters)), dtype=np.float32)
    for j, k in enumerate(clusters):
        for cid in k.claims:
            if cid in by_id and by_id[cid].source in index:
                told[index[by_id[cid].source], j] = 1
    count = told.sum(axis=1)
    only = count[:, None] + count[None, :] - 2 * (told @ told.T)
    return np.where(both > 0, diff + MISSING * only, np.inf)


def _runs_of(
    marked: list[tuple[tuple[str, ...], int]],
) -> Iterable[tuple[tuple[tuple[str, ...], int], tuple[tuple[str, ...], int]]]:
    """Consecutive shingles (by position) as (first, last)."""
    if not marked:
        return
    first = prev = marked[0]
    for item in marked[1:]:
        if item[1] != prev[1] + 1:
            yield first, prev
            first = item
        prev = item
    yield first, prev


def _outside_quotes(claim: Claim, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of word indexes of ``claim`` outside its quotations, as (first, stop);
    ``tokens``: its words (``Claim.tokens``)."""
    if not claim.quotes:
        return [(0, len(claim.words))]
    spans = [(q.start, q.end) for q in claim.quotes]
    out: list[tuple[int, int]] = []
    begin = None
    for n, t in enumerate(tokens):
        inside = any(s <= t.start < e for s, e in spans)
        if inside and begin is not None:
            out.append((begin, n))
            begin = None
        elif not inside and begin is None:
            begin = n
    if begin is not None:
        out.append((begin, len(claim.words)))
    return out


def _house(words: tuple[str, ...]) -> tuple[str, ...]:
    """Words with British spellings in their American form: a house style two copies
    may share without copying each other."""
    table = british_to_american()
    if table.keys().isdisjoint(words):
        return words  # most claims: no word to change, nothing to build
    return tuple([table.get(w, w) for w in words])


def _shingles_at(claim: Claim, tokens: Sequence[Token]) -> list[tuple[tuple[str, ...], int]]:
    w = _house(claim.words)
    return [
        (w[i : i + RUN], i)
        for first, stop in _outside_quotes(claim, tokens)
        for i in range(first, stop - RUN + 1)
    ]


def _facts(findings: Sequence[Finding], cluster_of: dict[str, str]) -> list[_Fact]:
    """Facts told differently: the readings of findings, and misspellings (one finding a
    source) grouped by the word written wrong."""
    out = []
    typos: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if len(f.readings) >= 2:
            places: dict[str, list[Place]] = defaultdict(list)
            for e in f.evidence:
                for s, t in e.highlights or ((e.start, e.end),):
                    places[e.source].append(Place(e.source, s, t))
            fact = _Fact(f, [frozenset(r.sources) for r in f.readings], places=places)
            out.append(fact)
        elif f.kind == "misspelling" and f.evidence and f.evidence[0].highlights:
            e = f.evidence[0]
            s, t = e.highlights[0]
            typos[e.text[s - e.start : t - e.start]].append(f)
    for group in typos.values():
        holders = frozenset(f.evidence[0].source for f in group)
        places = defaultdict(list)
        for f in group:
            e = f.evidence[0]
            s, t = e.highlights[0]
            places[e.source].append(Place(e.source, s, t))
        # Reading 0, the right spelling, is held by no one in particular.
        where = cluster_of.get(group[0].evidence[0].claim, "")
        ids = frozenset(f.id for f in group)
        out.append(_Fact(group[0], [frozenset(), holders], 0, True, places, where, ids))
    return out


def _families(n: int, linked: np.ndarray) -> list[int]:
    """Connected components of a boolean matrix, as a family number per index (the
    first index of its family): reached a frontier at a time, a row of the matrix per
    member, so that a wire story's half a million links are not a Python step each."""
    links = np.triu(linked, 1)
    links = links | links.T
    family = np.full(n, -1, dtype=np.int64)
    for start in range(n):
        if family[start] >= 0:
            continue
        family[start] = start
        frontier = np.array([start])
        while frontier.size:
            frontier = np.nonzero(links[frontier].any(axis=0) & (family < 0))[0]
            family[frontier] = start
    return [int(f) for f in family.tolist()]


def _first_majority(fact: _Fact, index: dict[str, int], family: list[int]) -> None:
    """The reading held by the most families of copies (by wording), when one is."""
    if fact.intrinsic:
        return
    votes = [len({family[index[s]] for s in r if s in index}) for r in fact.readings]
    top = max(votes)
    if votes.count(top) == 1:
        fact.majority = votes.index(top)


def _deviant(fact: _Fact, n: int) -> bool:
    return fact.majority is not None and n != fact.majority


def _spanning_forest(
    linked: np.ndarray, closeness: np.ndarray, score: np.ndarray
) -> list[tuple[int, int]]:
    """Kruskal: the closest linked pairs that join two families, closest first."""
    first, second = np.nonzero(np.triu(linked, 1))
    # Closest first, then the highest score, then the pair's place: one sort in numpy.
    ranked = np.lexsort((second, first, -score[first, second], -closeness[first, second]), axis=0)
    pairs = zip(first[ranked].tolist(), second[ranked].tolist(), strict=True)
    n = linked.shape[0]
    wanted = n - len(set(_families(n, linked)))  # the edges of a spanning forest
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    out: list[tuple[int, int]] = []
    for a, b in pairs:
        if len(out) == wanted:
            break  # every family is joined: no later pair can join two
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[ra] = rb
            out.append((a, b))
    return out


@dataclass(frozen=True)
class _Vote:
    """Evidence that an edge (a, b) runs a → b (positive) or b → a, and from what."""

    value: float
    why: str


def _vote(
    edge: tuple[int, int],
    ids: list[str],
    sources: dict[str, Source],
    facts: list[_Fact],
    told: dict[str, set[str]],
) -> _Vote:
    a, b = ids[edge[0]], ids[edge[1]]
    parts: dict[str, float] = defaultdict(float)
    da, db = _date(sources[a].date), _date(sources[b].date)
    if da is not None and db is not None and da != db:
        parts["date"] += DATE_VOTE if da < db else -DATE_VOTE
    for fact in facts:
        if fact.intrinsic:
            # A typo counts where the other source states the same fact spelt right.
            in_a, in_b = a in fact.readings[1], b in fact.readings[1]
            if in_a != in_b and fact.cluster and fact.cluster in told[a] & told[b]:
                parts["errors"] += ERROR_VOTE if in_b else -ERROR_VOTE
            continue
        held_a = [n for n, r in enumerate(fact.readings) if a in r]
        held_b = [n for n, r in enumerate(fact.readings) if b in r]
        if len(held_a) != 1 or len(held_b) != 1 or held_a == held_b:
            continue  # a source that tells it both ways says nothing of who copied
        one_a, one_b = held_a[0], held_b[0]
        if fact.majority == one_a:
            parts["errors"] += ERROR_VOTE
        elif fact.majority == one_b:
            parts["errors"] -= ERROR_VOTE
        elif fact.finding.kind == "misquote" and len(fact.readings) == 2:
            ta = fact.finding.readings[one_a].text.split()
            tb = fact.finding.readings[one_b].text.split()
            if len(ta) > len(tb) and _subsequence(tb, ta):
                parts["errors"] += OMISSION_VOTE
            elif len(tb) > len(ta) and _subsequence(ta, tb):
                parts["errors"] -= OMISSION_VOTE
    only_a, only_b = len(told[a] - told[b]), len(told[b] - told[a])
    if only_a != only_b:
        parts["content"] += CONTENT_VOTE if only_a > only_b else -CONTENT_VOTE
    value = sum(parts.values())
    why = max(parts, key=lambda k: abs(parts[k])) if parts and value else ""
    return _Vote(value, why)


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(w in it for w in short)


def _date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.replace(tzinfo=None) if when.tzinfo is None else when


@dataclass
class _Oriented:
    edges: list[tuple[int, int, bool, str]]  # (upstream, copy, directed, why)
    depth: dict[int, int]
    family: dict[int, int]


def _orient(
    ids: list[str],
    size: dict[int, int],
    forest: list[tuple[int, int]],
    votes: dict[tuple[int, int], _Vote],
) -> _Oriented:
    """Each tree rooted where the votes of its edges agree best (rerooting: moving the
    root across an edge flips that edge alone); an edge is directed when the best root
    beats every root on the copy's side."""
    nbrs: dict[int, list[int]] = defaultdict(list)
    for a, b in forest:
        nbrs[a].append(b)
        nbrs[b].append(a)

    def toward(u: int, v: int) -> float:
        """The vote for u → v."""
        if (u, v) in votes:
            return votes[u, v].value
        return -votes[v, u].value if (v, u) in votes else 0.0

    out = _Oriented([], {}, {})
    seen: set[int] = set()
    for start in range(len(ids)):
        if start in seen or start not in nbrs:
            continue
        # Score of ``start`` as the root, then of every other node by rerooting.
        order, parent = _bfs(start, nbrs)
        seen.update(order)
        root_score = {start: sum(toward(parent[x], x) for x in order if x != start)}
        for x in order[1:]:
            p = parent[x]
            root_score[x] = root_score[p] - 2 * toward(p, x)
        # Equal scores: the source that states the most facts (never the input order).
        best = min(order, key=lambda x: (-round(root_score[x], 6), -size[x], ids[x]))
        order, parent = _bfs(best, nbrs)
        depth = {best: 0}
        for x in order[1:]:
            depth[x] = depth[parent[x]] + 1
        below = {x: root_score[x] for x in order}
        for x in reversed(order[1:]):
            below[parent[x]] = max(below[parent[x]], below[x])
        for x in order[1:]:
            p = parent[x]
            margin = root_score[best] - below[x]
            vote = votes.get((p, x)) or votes.get((x, p))
            why = vote.why if vote and vote.why and toward(p, x) > 0 else "family"
            out.edges.append((p, x, margin > 1e-6, why if margin > 1e-6 else ""))
        for x in order:
            out.depth[x] = depth[x]
            out.family[x] = best
    return out


def _bfs(start: int, nbrs: dict[int, list[int]]) -> tuple[list[int], dict[int, int]]:
    order, parent = [start], {start: start}
    for x in order:
        for y in sorted(nbrs[x]):
            if y not in parent:
                parent[y] = x
                order.append(y)
    return order, parent


def _edge(
    story: str,
    ids: list[str],
    u: int,
    v: int,
    directed: bool,
    why: str,
    score: np.ndarray,
    facts: list[_Fact],
    words: _Wording,
) -> CopyEdge:
    a, b = ids[u], ids[v]
    shared: list[SharedReading] = []
    for fact in facts:
        for n, holders in enumerate(fact.readings):
            if a in holders and b in holders and (_deviant(fact, n) or fact.intrinsic):
                text = fact.finding.readings[n].text if not fact.intrinsic else _typo(fact, a)
                places = tuple(p for s in (a, b) for p in fact.places.get(s, ()))
                shared.append(SharedReading("error", text, places, fact.finding.id))
    shared = shared[:MAX_ERRORS] + words.runs(u, v)
    confidence = round(1 - math.exp(-float(score[u, v])), 3)
    return CopyEdge(story, a, b, tuple(shared), confidence, directed, why)


def _typo(fact: _Fact, source: str) -> str:
    e = next((e for e in fact.finding.evidence if e.highlights), fact.finding.evidence[0])
    s, t = e.highlights[0] if e.highlights else (e.start, e.end)
    return e.text[s - e.start : t - e.start]


@dataclass(frozen=True)
class _Tree:
    """Where each source stands in its family's tree."""

    depth: dict[str, int]
    family: dict[str, int]
    settled: set[str]  # the copies whose edge from their parent is directed


def _with_origin(f: Finding, facts: list[_Fact], tree: _Tree) -> Finding:
    """The finding with the source its deviant reading began in, and its majority
    counted by families of copies (each family's vote: its reading nearest the root)."""
    if len(f.readings) >= 2:
        votes = [0] * len(f.readings)
        holders = _pure(f)
        for held in _family_votes(holders, tree).values():
            for n in held:
                votes[n] += 1
        top = max(votes)
        majority = votes.index(top) if votes.count(top) == 1 else None
        origins = [
            "" if n == majority else _nearest_root(holders[n], tree) for n in range(len(f.readings))
        ]
        recounted = recount(f, majority, origins)
        deviant = [r for r in recounted.readings if not r.majority]
        origin = deviant[0].origin if deviant and majority is not None else ""
        return dataclasses.replace(recounted, origin=origin)
    if f.kind == "misspelling":
        for fact in facts:
            if fact.intrinsic and f.id in fact.members:
                return dataclasses.replace(f, origin=_nearest_root(fact.readings[1], tree))
    return dataclasses.replace(f, origin=f.odd_source or "")


def _family_votes(holders: list[tuple[str, ...]], tree: _Tree) -> dict[int | str, set[int]]:
    """Each family's vote: the reading its members hold nearest its root. A copy whose
    edge has no direction may be its parent's original, so it stands as near the root as
    its parent; among readings equally near, the one most of the family holds (a wire
    story's hundreds of copies, a few of them changed), all of them when as many hold
    each (two sources, neither known to copy the other: no majority)."""
    near: dict[int | str, dict[int, tuple[int, int]]] = defaultdict(dict)  # depth, holders
    for n, held_by in enumerate(holders):
        for s in held_by:
            fam, d = tree.family.get(s, s), _depth(tree, s)
            depth, count = near[fam].get(n, (d, 0))
            near[fam][n] = (min(depth, d), count + 1)
    out: dict[int | str, set[int]] = {}
    for family, readings in near.items():
        top_depth = min(d for d, _c in readings.values())
        nearest = {n: c for n, (d, c) in readings.items() if d == top_depth}
        most = max(nearest.values())
        out[family] = {n for n, c in nearest.items() if c == most}
    return out


def _depth(tree: _Tree, source: str) -> int:
    """Its depth in its family's tree; 0 when the edge from its parent has no direction."""
    return tree.depth.get(source, 0) if source in tree.settled else 0


def _pure(f: Finding) -> list[tuple[str, ...]]:
    """Each reading's sources, leaving out those that tell the fact both ways when it
    has others: a source with two readings says nothing of which one it copied."""
    count: dict[str, int] = defaultdict(int)
    for r in f.readings:
        for s in r.sources:
            count[s] += 1
    out = []
    for r in f.readings:
        only = tuple(s for s in r.sources if count[s] == 1)
        out.append(only or r.sources)
    return out


def _nearest_root(holders: Iterable[str], tree: _Tree) -> str:
    """The holder nearest its family's root, in the family with the most holders; ""
    when the edge from its parent has no direction (it may be the parent's reading)."""
    holders = sorted(holders)
    if not holders:
        return ""
    size: dict[object, int] = defaultdict(int)
    for s in holders:
        size[tree.family.get(s, s)] += 1
    first = min(holders, key=lambda s: (-size[tree.family.get(s, s)], tree.depth.get(s, 0), s))
    if tree.depth.get(first, 0) > 0 and first not in tree.settled:
        return ""
    return first
