"""Stories: sources and clusters in, the stories they tell (``Story``) out.

Checks work inside one story at a time, so a day of news checks as each story would
alone; see ``group``.
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.model import Claim, Cluster, Story
from factcheck.stories.group import Grouping, group, tells_one_story

__all__ = ["Grouping", "absent_sources", "group", "tells_one_story"]


def absent_sources(
    stories: Sequence[Story], claims: Sequence[Claim], clusters: Sequence[Cluster]
) -> dict[str, tuple[str, ...]]:
    """Cluster id → the core sources of its story that do not state it: what an editor
    checks for an omission."""
    source_of = {c.id: c.source for c in claims}
    by_id = {k.id: k for k in clusters}
    out = {}
    for story in stories:
        for kid in story.clusters:
            present = {source_of[c] for c in by_id[kid].claims}
            out[kid] = tuple(s for s in sorted(story.core) if s not in present)
    return out
