"""Suppressions: findings silenced by an inline marker or an ignored id are set aside
with the reason, never dropped (the reports list and count them)."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence

from factcheck.model import Finding, Source, Suppressed
from factcheck.text.markers import Marker, markers


def split(
    findings: Iterable[Finding], sources: Sequence[Source], ignore: Collection[str] = ()
) -> tuple[list[Finding], list[Suppressed]]:
    """The findings still reported, and those suppressed with why."""
    by_id = {s.id: s for s in sources}
    marks: dict[str, list[Marker]] = {}
    kept: list[Finding] = []
    suppressed: list[Suppressed] = []
    for f in findings:
        reason = "its id is in ignore (--ignore-id or the ignore setting)" if f.id in ignore else ""
        for e in f.evidence if not reason else ():
            src = by_id.get(e.source)
            if src is None:
                continue
            if src.id not in marks:
                marks[src.id] = markers(src.text)
            for m in marks[src.id]:
                lo, hi = m.scope
                if e.start < hi and lo < e.end and _names(m, f):
                    line = src.text.count("\n", 0, m.start) + 1
                    reason = f"marker {src.text[m.start : m.end]!r} at {src.path}:{line}"
                    break
            if reason:
                break
        if reason:
            suppressed.append(Suppressed(f, reason))
        else:
            kept.append(f)
    return kept, suppressed


def _names(marker: Marker, finding: Finding) -> bool:
    return not marker.names or finding.kind in marker.names or finding.id in marker.names
