"""Stories: sources and clusters in, the sources that tell one story together out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from factcheck.model import Claim, Cluster


def absent_sources(
    claims: Sequence[Claim], clusters: Sequence[Cluster]
) -> dict[str, tuple[str, ...]]:
    """Cluster id → the sources of the same story (sharing another of its sources' facts)
    that do not state this one: what an editor checks for an omission."""
    source_of = {c.id: c.source for c in claims}
    members = {k.id: {source_of[c] for c in k.claims} for k in clusters}
    mates: dict[str, set[str]] = defaultdict(set)
    for present in members.values():
        for sid in present:
            mates[sid] |= present
    out = {}
    for kid, present in members.items():
        story = set().union(*(mates[sid] for sid in present))
        out[kid] = tuple(sorted(story - present))
    return out
