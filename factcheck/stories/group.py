"""Sources grouped into stories by the facts they share.

A graph of sources (networkx) has an edge where two sources tell one story: they share
two facts, or half of the shorter one's (one shared sentence between two long
articles is a stock phrase, not a story). Its communities are the stories' cores.
Each cluster then belongs to the story that holds most of its claims; a claim of a
source outside that story stays only when its source shares that story (a roundup
article that reports it among others), else it leaves the cluster.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from factcheck.model import Claim, Cluster, Source, Story
from factcheck.text.lexicons import stopwords, word_frequency

TITLE_LIMIT = 90  # characters of a story's title
ALIKE = 0.35  # cosine of rare-word vectors above which two articles tell one story
KEY_TERMS = 12  # a source's rarest words, under which it is indexed for comparison
COMMON_TERM = 50  # sources: a word in more is no key (a name in every story of the day)


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
    shared: Counter[tuple[str, str]] = Counter()
    clustered: set[frozenset[str]] = set()
    for k in clusters:
        present = sorted({source_of[c] for c in k.claims}, key=order.__getitem__)
        shared.update(combinations(present, 2))
        clustered.update(frozenset(p) for p in combinations(k.claims, 2))
    for pair in {frozenset(p) for p in quoted} - clustered:
        a, b = sorted((source_of[c] for c in pair), key=order.__getitem__)
        if a != b:
            shared[(a, b)] += 1
    mates: dict[str, set[str]] = defaultdict(set)
    weight: dict[tuple[str, str], float] = {}
    for (a, b), n in shared.items():
        if tells_one_story(n, per_source[a], per_source[b]):
            mates[a].add(b)
            mates[b].add(a)
            weight[(a, b)] = float(n)
    for (a, b), score in alike_sources(claims, order).items():
        if b not in mates[a]:
            mates[a].add(b)
            mates[b].add(a)
            weight[(a, b)] = score
    cores = _cores([s.id for s in sources], mates, weight, order)
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
            if core_of[source_of[c]] == story or not mates[source_of[c]].isdisjoint(core)
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


def _cores(
    ids: list[str],
    mates: dict[str, set[str]],
    weight: dict[tuple[str, str], float],
    order: dict[str, int],
) -> list[list[str]]:
    """Connected groups of sources, split into Louvain communities where they are not
    dense (a roundup joining two events); in the order of their first source."""
    seen: set[str] = set()
    groups: list[set[str]] = []
    for sid in ids:
        if sid in seen:
            continue
        component, stack = {sid}, [sid]
        seen.add(sid)
        while stack:
            for other in mates[stack.pop()]:
                if other not in seen:
                    seen.add(other)
                    component.add(other)
                    stack.append(other)
        groups.extend(_split(component, mates, weight))
    cores = [sorted(g, key=order.__getitem__) for g in groups]
    cores.sort(key=lambda core: order[core[0]])
    return cores


def _split(
    component: set[str], mates: dict[str, set[str]], weight: dict[tuple[str, str], float]
) -> list[set[str]]:
    need = (len(component) - 1) / 2
    if len(component) <= 3 or all(len(mates[s] & component) >= need for s in component):
        return [component]
    import networkx as nx

    graph = nx.Graph()
    for a in component:
        for b in mates[a]:
            if a < b:
                graph.add_edge(a, b, weight=weight.get((a, b)) or weight.get((b, a)) or 1.0)
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


def alike_sources(claims: Sequence[Claim], order: dict[str, int]) -> dict[tuple[str, str], float]:
    """Pairs of sources whose words are alike enough to tell one story, with their cosine.

    Outlets that write their own sentences share few clusters but the same names and
    rare words. Each word weighs by its rarity in English (pyspellchecker's counts;
    a name the dictionary lacks weighs most), never by the corpus, so that two sources
    are judged alike the same way whatever else is checked with them. Only sources
    that share two of their rarest words are compared.
    """
    freq = word_frequency()
    total = sum(freq.values())
    stop = stopwords()
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for c in claims:
        counts[c.source].update(w for w in c.words if len(w) > 2 and w.isalpha() and w not in stop)
    rarity = {w: math.log(total / (freq.get(w, 0) + 1)) for w in set().union(*counts.values())}
    vectors = {
        sid: {w: (1 + math.log(n)) * rarity[w] for w, n in words.items()}
        for sid, words in counts.items()
    }
    norms = {sid: math.sqrt(sum(v * v for v in vec.values())) for sid, vec in vectors.items()}
    index: dict[str, list[str]] = defaultdict(list)
    for sid, vec in vectors.items():
        for w in sorted(vec, key=lambda w: (-rarity[w], w))[:KEY_TERMS]:
            index[w].append(sid)
    met: Counter[tuple[str, str]] = Counter()
    for posting in index.values():
        if 2 <= len(posting) <= COMMON_TERM:
            met.update(
                (a, b) if order[a] < order[b] else (b, a) for a, b in combinations(posting, 2)
            )
    out = {}
    for (a, b), n in met.items():
        if n < 2:
            continue
        va, vb = vectors[a], vectors[b]
        if len(va) > len(vb):
            va, vb = vb, va
        dot = sum(v * vb[w] for w, v in va.items() if w in vb)
        score = dot / (norms[a] * norms[b]) if norms[a] and norms[b] else 0.0
        if score >= ALIKE:
            out[(a, b)] = score
    return out
