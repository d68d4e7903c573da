"""Building findings: evidence from claims, stable fingerprints, severities."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence

from factcheck.config import Settings
from factcheck.model import Claim, Evidence, Finding, Severity
from factcheck.text.fold import fold_text

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """What a fingerprint sees: folded, lower-cased words, no punctuation or spacing."""
    return _SPACE.sub(" ", re.sub(r"[^\w$%]+", " ", fold_text(text).lower())).strip()


def fingerprint(kind: str, sources: Iterable[str], parts: Iterable[str]) -> str:
    """Stable across moved lines, spacing, quote style and input order; no offsets."""
    key = "\x1f".join([kind, ",".join(sorted(set(sources))), *sorted(normalise(p) for p in parts)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def evidence(claim: Claim, highlights: Sequence[tuple[int, int]] = ()) -> Evidence:
    spans = tuple(sorted({(s, e) for s, e in highlights if claim.start <= s < e <= claim.end}))
    return Evidence(claim.source, claim.id, claim.text, claim.start, claim.end, spans)


def make(
    kind: str,
    severity: Severity,
    message: str,
    items: Sequence[Evidence],
    key_parts: Iterable[str],
    settings: Settings,
    odd_source: str | None = None,
    details: Sequence[tuple[str, str]] = (),
) -> Finding:
    severity = settings.severity.get(kind, severity)
    fid = fingerprint(kind, (e.source for e in items), key_parts)
    return Finding(fid, kind, severity, message, tuple(items), odd_source, tuple(details))


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def join_ids(ids: Sequence[str]) -> str:
    ids = list(ids)
    if len(ids) <= 1:
        return "".join(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1]


def dedupe(findings: Iterable[Finding], kinds: Sequence[str]) -> list[Finding]:
    """One finding per id and evidence set; order: most severe first, then by kind (in
    the order of ``kinds``), sources, position and id."""
    rank = {k: n for n, k in enumerate(kinds)}
    seen: set[tuple[str, tuple[tuple[str, int, int], ...]]] = set()
    out = []
    for f in findings:
        key = (f.id, tuple(sorted((e.source, e.start, e.end) for e in f.evidence)))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=lambda f: (-f.severity, rank[f.kind], f.sources, f.evidence[0].start, f.id))
    return out
