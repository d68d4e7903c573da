"""Links as a networkx graph; its communities, one claim per source, are the clusters.

Two guards keep unrelated facts apart: Louvain communities split chains (A~B, B~C,
A unlike C), and a cluster keeps at most one claim of a source unless that source
repeats itself nearly word for word.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain
from typing import TypeVar

from factcheck.clusters.blocking import Wordings
from factcheck.clusters.verify import NEAR_VERBATIM, Link
from factcheck.model import Claim, Cluster, Limit

MAX_LINKS = 12  # strongest links a claim keeps


MAX_CLUSTER = 200  # wordings; a larger community is split further


ALIKE = 100.0  # the link score of two claims worded alike (one wording's claims)


Adjacency = dict[int, dict[int, float]]
N = TypeVar("N", bound=Hashable)


def clusters(
    claims: Sequence[Claim],
    links: list[Link],
    words: Wordings,
    limits: list[Limit] | None = None,
) -> list[Cluster]:
    """The clusters of the linked wordings, each wording's claims together; a community
    of more than ``MAX_CLUSTER`` wordings that will not split is left out, and said so in
    ``limits``."""
    adj: Adjacency = defaultdict(dict)
    whole = {lk.a for lk in links if lk.a == lk.b}  # wordings whose own claims are linked
    between = [lk for lk in links if lk.a != lk.b]
    kept_links = strongest(between)
    for lk in kept_links:
        adj[lk.a][lk.b] = lk.score
        adj[lk.b][lk.a] = lk.score
    if limits is not None and len(kept_links) < len(between):
        cut = len(between) - len(kept_links)
        limits.append(
            Limit(
                "max-links",
                MAX_LINKS,
                cut,
                "links",
                f"limit max-links ({MAX_LINKS} a wording): {cut:,} weaker "
                f"{'link' if cut == 1 else 'links'} of claims linked to more than {MAX_LINKS} "
                "differently worded others not used for clustering (each keeps its strongest)",
            )
        )
    for u in whole:
        adj.setdefault(u, {})
    weight = words.weight.tolist()
    groups: list[set[int]] = []
    for component in components(sorted(adj), adj):
        groups.extend(_communities(adj, component, weight))
    if limits is not None:
        kept = {u for g in groups for u in g}
        dropped = int(sum(weight[u] for u in adj if u not in kept))
        if dropped:
            limits.append(
                Limit(
                    "max-cluster",
                    MAX_CLUSTER,
                    dropped,
                    "claims",
                    f"limit max-cluster ({MAX_CLUSTER} wordings a fact): {dropped:,} linked "
                    "claims were in communities larger than that which would not split "
                    "and were not clustered",
                )
            )
    members = words.claims_of()
    result: list[list[int]] = []
    for group in groups:
        for part in _one_per_source(adj, claims, members, group):
            if len(part) >= 2 or (len(part) == 1 and next(iter(part)) in whole):
                result.append(sorted(i for u in part for i in members[u]))
    result.sort(key=lambda g: g[0])
    return [
        Cluster(id=f"k{n}", claims=tuple(claims[i].id for i in g)) for n, g in enumerate(result)
    ]


def components(nodes: Iterable[N], neighbours: Mapping[N, Iterable[N]]) -> list[set[N]]:
    """The connected groups of ``nodes``, in the order of their first node."""
    seen: set[N] = set()
    out = []
    for start in nodes:
        if start in seen:
            continue
        stack, component = [start], {start}
        seen.add(start)
        while stack:
            for v in neighbours.get(stack.pop(), ()):
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


def _communities(
    adj: Adjacency, nodes: set[int], weight: Sequence[int], resolution: float = 1.0
) -> list[set[int]]:
    """Louvain communities (networkx), split further while larger than ``MAX_CLUSTER``
    wordings. A wording stands for its claims: a link between two wordings weighs as the
    links of all their claims would, and a wording's own claims are linked to each other
    (a loop), so that the communities are those of the graph of claims and a sentence
    copied by 900 outlets is not outvoted by its 60 variants."""
    import networkx as nx

    if len(nodes) <= 2 or _dense(adj, nodes, weight):
        return [nodes] if len(nodes) <= MAX_CLUSTER else []
    sub = nx.Graph()
    for u in nodes:
        for v, w in adj[u].items():
            if u < v and v in nodes:
                sub.add_edge(u, v, weight=w * weight[u] * weight[v])
        if weight[u] > 1:  # the links of a wording's own claims, word for word alike
            sub.add_edge(u, u, weight=ALIKE * weight[u] * (weight[u] - 1) / 2)
    out: list[set[int]] = []
    found = nx.community.louvain_communities(sub, weight="weight", seed=7, resolution=resolution)
    for group in _rehomed(adj, [set(g) for g in found], weight):
        if len(group) <= MAX_CLUSTER:
            out.append(set(group))
        elif resolution < 8 and len(group) < len(nodes):
            out.extend(_communities(adj, set(group), weight, resolution * 2))
        # else: a hub of near-identical boilerplate; it states no single fact
    return out


def _rehomed(adj: Adjacency, groups: list[set[int]], weight: Sequence[int]) -> list[set[int]]:
    """Each claim in the community it is plainly tied to: one that modularity left with
    a weak neighbour (a claim changed by one word, linked at 95 to four copies and at 63
    to another outlet's sentence) goes back to the community whose every link to it is
    stronger than any it has in its own, and holds more of its links' weight (a wording's
    link weighs as its claims')."""
    home = {v: n for n, g in enumerate(groups) for v in g}
    moves: dict[int, int] = {}
    for v, n in home.items():
        total: dict[int, float] = defaultdict(float)  # community → its links' weight to v
        weakest: dict[int, float] = {}
        strongest_tie: dict[int, float] = {}
        for u, w in adj[v].items():
            if u in home:
                m = home[u]
                total[m] += w * weight[u]
                weakest[m] = min(weakest.get(m, w), w)
                strongest_tie[m] = max(strongest_tie.get(m, w), w)
        if weight[v] > 1:  # its own claims: linked word for word
            total[n] += ALIKE * (weight[v] - 1)
            strongest_tie[n] = ALIKE
        own = total.pop(n, 0.0)
        if not total:
            continue
        best = max(total, key=lambda m: (total[m], -m))
        if total[best] > own and weakest[best] > strongest_tie.get(n, 0.0):
            moves[v] = best
    if not moves:
        return groups
    out: list[set[int]] = [set() for _ in groups]
    for v, n in home.items():
        out[moves.get(v, n)].add(v)
    return [g for g in out if g]


def _dense(adj: Adjacency, nodes: set[int], weight: Sequence[int]) -> bool:
    """Every claim linked to at least half the other claims (a wording's claims to each
    other and to its neighbours' claims): no chain to cut."""
    total = sum(weight[u] for u in nodes)
    need = (total - 1) / 2
    return all(weight[u] - 1 + sum(weight[v] for v in adj[u] if v in nodes) >= need for u in nodes)


def _one_per_source(
    adj: Adjacency, claims: Sequence[Claim], members: list[list[int]], group: set[int]
) -> list[set[int]]:
    """Split a group of wordings so that each part holds one claim per source (near-verbatim
    repeats of a source stay together): strongest links first, never joining two claims
    of one source. Twin sentences of an article ("pay 77 percent by 2033", "pay 73
    percent by 2085") so pair with their own counterparts instead of one of them being
    dropped. A wording's own claims are the same words: they stay together."""
    parent = {u: u for u in group}
    sources = {u: {claims[i].source for i in members[u]} for u in group}

    def root(u: int) -> int:
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    edges = sorted(
        ((w, u, v) for u in group for v, w in adj[u].items() if u < v and v in group),
        key=lambda e: (-e[0], e[1], e[2]),
    )
    for w, u, v in edges:
        ru, rv = root(u), root(v)
        if ru == rv:
            continue
        if sources[ru] & sources[rv] and w < NEAR_VERBATIM:
            continue
        parent[rv] = ru
        sources[ru] |= sources.pop(rv)
    parts: dict[int, set[int]] = defaultdict(set)
    for u in group:
        parts[root(u)].add(u)
    return list(parts.values())
