"""Claims that state the same fact, across sources.

Candidate pairs come from a blocking index over the rarer content words (so
the cost follows the corpus, not its square); rapidfuzz verifies each pair;
verified pairs are edges of a networkx graph whose communities are the
clusters. Two guards keep unrelated facts apart: Louvain communities split
chains (A~B, B~C, A unlike C), and a cluster keeps at most one claim of a
source unless that source repeats itself nearly word for word.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from .config import Settings
from .lexicons import stopwords
from .model import Claim, Cluster

if TYPE_CHECKING:
    import networkx as nx

NEAR_VERBATIM = 95.0


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float


def content_words(claim: Claim) -> list[str]:
    """Folded words minus stop words; hyphenated compounds count as their parts."""
    stop = stopwords()
    out = []
    for t in claim.tokens:
        for part in t.norm.split("-") if "-" in t.norm else (t.norm,):
            if part and part not in stop and any(c.isalnum() for c in part):
                out.append(part)
    return out


def full_text(claim: Claim) -> str:
    return " ".join(t.norm for t in claim.tokens)


def similarity(a: Sequence[str], b: Sequence[str]) -> tuple[float, float]:
    """(overall, containment) in 0..100 over content-word sequences."""
    if not a or not b:
        return 0.0, 0.0
    overall = fuzz.ratio(" ".join(a), " ".join(b))
    common = LCSseq.similarity(a, b)
    containment = 100.0 * common / min(len(a), len(b))
    return overall, containment


def is_link(
    words_a: Sequence[str],
    words_b: Sequence[str],
    settings: Settings,
    text_a: str = "",
    text_b: str = "",
) -> float:
    """The link score of two claims, or 0 when they do not state the same fact.

    Whole-claim similarity links rewrites of one sentence; the containment and
    best-substring scores link a short claim to the longer one that embeds it.
    """
    short = min(len(words_a), len(words_b))
    if short < settings.min_content_words:
        return 0.0
    overall, containment = similarity(words_a, words_b)
    linked = overall >= settings.link_threshold
    score = overall
    long_ = max(len(words_a), len(words_b))
    if short >= 6 and short / long_ >= 0.3:
        if containment >= 100 * settings.containment:
            linked = True
        partial = fuzz.partial_ratio(text_a, text_b) if text_a and text_b else 0.0
        linked = linked or partial >= settings.partial_threshold
        score = max(score, 0.9 * containment, 0.9 * partial)
    return score if linked else 0.0


def candidate_pairs(words: list[list[str]], settings: Settings) -> set[tuple[int, int]]:
    """Pairs of claims sharing at least two indexed (not too common) words."""
    df: dict[str, int] = defaultdict(int)
    for ws in words:
        for w in set(ws):
            df[w] += 1
    cap = max(30, int(settings.max_token_share * len(words)))
    postings: dict[str, list[int]] = defaultdict(list)
    keys_of: list[list[str]] = []
    for i, ws in enumerate(words):
        keys = sorted({w for w in ws if df[w] <= cap}, key=lambda w: (df[w], w))
        keys_of.append(keys)
        for w in keys:
            postings[w].append(i)
    pairs: set[tuple[int, int]] = set()
    for i, keys in enumerate(keys_of):
        counts: dict[int, int] = defaultdict(int)
        for w in keys:
            for j in postings[w]:
                if j > i:
                    counts[j] += 1
        need = 2 if len(keys) >= 3 else 1
        pairs.update((i, j) for j, n in counts.items() if n >= need)
    return pairs


def link(claims: Sequence[Claim], settings: Settings) -> list[Link]:
    words = [content_words(c) for c in claims]
    texts = [full_text(c) for c in claims]
    links: list[Link] = []
    for i, j in sorted(candidate_pairs(words, settings)):
        same_source = claims[i].source == claims[j].source
        score = is_link(words[i], words[j], settings, texts[i], texts[j])
        if not score:
            continue
        if same_source and fuzz.ratio(" ".join(words[i]), " ".join(words[j])) < NEAR_VERBATIM:
            continue
        links.append(Link(i, j, score))
    return links


def clusters(claims: Sequence[Claim], links: list[Link]) -> list[Cluster]:
    import networkx as nx

    graph = nx.Graph()
    for lk in links:
        graph.add_edge(lk.a, lk.b, weight=lk.score)
    groups: list[set[int]] = []
    for component in nx.connected_components(graph):
        if len(component) <= 2 or _is_clique(graph, component):
            groups.append(set(component))
            continue
        sub = graph.subgraph(component)
        groups.extend(nx.community.louvain_communities(sub, weight="weight", seed=7))
    result: list[list[int]] = []
    for group in groups:
        kept = _one_per_source(graph, claims, group)
        if len(kept) >= 2:
            result.append(sorted(kept))
    result.sort(key=lambda g: g[0])
    return [
        Cluster(id=f"k{n}", claims=tuple(claims[i].id for i in g)) for n, g in enumerate(result)
    ]


def _is_clique(graph: nx.Graph, nodes: set[int]) -> bool:
    n = len(nodes)
    return sum(1 for u in nodes for v in graph[u] if v in nodes) == n * (n - 1)


def _one_per_source(graph: nx.Graph, claims: Sequence[Claim], group: set[int]) -> set[int]:
    """Keep, per source, the claim most strongly tied to the others (and its near-copies)."""
    by_source: dict[str, list[int]] = defaultdict(list)
    for i in group:
        by_source[claims[i].source].append(i)
    kept: set[int] = set()
    for members in by_source.values():
        if len(members) == 1:
            kept.add(members[0])
            continue

        def strength(i: int) -> float:
            return sum(
                d["weight"]
                for v, d in graph[i].items()
                if v in group and claims[v].source != claims[i].source
            )

        best = max(members, key=lambda i: (strength(i), -i))
        kept.add(best)
        kept.update(
            i
            for i in members
            if i != best and graph.has_edge(i, best) and graph[i][best]["weight"] >= NEAR_VERBATIM
        )
    return kept
