"""The JSON report of the contract (schema ``factcheck/1``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from factcheck.model import CopyEdge, Finding, Report


def as_dict(report: Report) -> dict[str, Any]:
    return {
        key: list(value) if isinstance(value, Iterator) else value for key, value in _fields(report)
    }


def _fields(report: Report) -> Iterator[tuple[str, Any]]:
    """The report's fields in order; the long lists as iterators, so that ``render``
    writes each record as it is made instead of holding them all."""
    cluster_of = report.cluster_of()
    yield "schema", "factcheck/1"
    yield (
        "sources",
        (
            {
                "id": s.id,
                "path": s.path,
                "title": s.title,
                "encoding": s.encoding,
                "spin": round(report.spin.get(s.id, 0.0), 4),
                **({"outlet": s.outlet} if s.outlet else {}),
                **({"url": s.url} if s.url else {}),
                **({"date": s.date} if s.date else {}),
            }
            for s in report.sources
        ),
    )
    yield (
        "claims",
        (
            {
                "id": c.id,
                "source": c.source,
                "text": c.text,
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
                "speaker": c.speaker,
                "cluster": cluster_of.get(c.id),
                "headline": c.headline,
                "quotes": [
                    {"start": q.start, "end": q.end, "speaker": q.speaker} for q in c.quotes
                ],
            }
            for c in report.claims
        ),
    )
    yield "clusters", ({"id": k.id, "claims": list(k.claims)} for k in report.clusters)
    yield (
        "stories",
        (
            {
                "id": s.id,
                "title": s.title,
                "sources": list(s.sources),
                "core": list(s.core),
                "clusters": list(s.clusters),
            }
            for s in report.stories
        ),
    )
    yield "findings", (finding_dict(f) for f in report.findings)
    yield "provenance", (edge_dict(e) for e in report.provenance)
    yield (
        "suppressed",
        ({**finding_dict(s.finding), "reason": s.reason} for s in report.suppressed),
    )
    yield "skipped", ({"path": s.path, "reason": s.reason} for s in report.skipped)
    yield (
        "limits",
        (
            {
                "limit": x.name,
                "value": x.value,
                "dropped": x.dropped,
                "unit": x.unit,
                "message": x.message,
            }
            for x in report.limits
        ),
    )
    yield "settings", report.settings


def finding_dict(f: Finding) -> dict[str, Any]:
    return {
        "id": f.id,
        "kind": f.kind,
        "severity": f.severity.label,
        "message": f.message,
        "sources": list(f.sources),
        **({"story": f.story} if f.story else {}),
        **({"odd_source": f.odd_source} if f.odd_source else {}),
        **({"origin": f.origin} if f.origin else {}),
        **({"details": [list(d) for d in f.details]} if f.details else {}),
        **(
            {
                "readings": [
                    {
                        "text": r.text,
                        "sources": list(r.sources),
                        "majority": r.majority,
                        **({"origin": r.origin} if r.origin else {}),
                    }
                    for r in f.readings
                ]
            }
            if f.readings
            else {}
        ),
        **({"evidence_omitted": f.omitted} if f.omitted else {}),
        "evidence": [
            {
                "source": e.source,
                "claim": e.claim,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "highlights": [list(h) for h in e.highlights],
            }
            for e in f.evidence
        ],
    }


def edge_dict(e: CopyEdge) -> dict[str, Any]:
    """One edge of a story's copy graph, with the readings the two share and where."""
    return {
        "story": e.story,
        "source": e.source,
        "copy": e.copy,
        "directed": e.directed,
        **({"why": e.why} if e.why else {}),
        "confidence": e.confidence,
        "shared": [
            {
                "kind": r.kind,
                "text": r.text,
                **({"finding": r.finding} if r.finding else {}),
                "places": [{"source": p.source, "start": p.start, "end": p.end} for p in r.places],
            }
            for r in e.shared
        ],
    }


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """The report in pieces, one record per line: readable, greppable, and each line
    goes through json's C encoder (``indent`` switches the whole document to the
    pure-Python one, which took seconds on a large corpus). Written piece by piece,
    a large report never stands whole in memory."""
    lead = "{\n"
    for key, value in _fields(report):
        name = json.dumps(key)
        if not isinstance(value, Iterator):
            yield f"{lead} {name}: {_compact(value)}"
        else:
            batch = [f"{lead} {name}: ["]
            count = 0
            for row in value:
                batch.append((",\n  " if count else "\n  ") + _compact(row))
                count += 1
                if len(batch) >= ROWS_PER_CHUNK:
                    yield "".join(batch)
                    batch = []
            batch.append("\n ]" if count else "]")
            yield "".join(batch)
        lead = ",\n"
    yield "\n}\n"


ROWS_PER_CHUNK = 2000


# One encoder for every record: ``json.dumps`` with options builds a new one per call.
_compact = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
