"""Diff: the report of two sources in, their claims paired and diffed word by word out.

Claims are matched through the clusters of the full pipeline (so moved and
reordered sentences pair up), each pair is diffed word by word, and every
difference carries the kind of the finding that covers it (misquote, number
conflict, spun word...) so that what matters shows first.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from factcheck.align.edits import align, is_format_only
from factcheck.model import Claim, Finding, Report
from factcheck.text.fold import Token, fold_text


@dataclass(frozen=True)
class Change:
    tag: str
    a_text: str
    b_text: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    kinds: tuple[str, ...]
    format_only: bool


@dataclass
class Pair:
    a: Claim
    b: Claim
    changes: list[Change] = field(default_factory=list)

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(sorted({k for c in self.changes for k in c.kinds}))

    def status(self) -> str:
        real = [c for c in self.changes if not c.format_only]
        if not real:
            return "verbatim"
        return "conflicting" if self.kinds else "reworded"


@dataclass
class DiffResult:
    report: Report
    a_id: str
    b_id: str
    pairs: list[Pair]
    only_a: list[Claim]
    only_b: list[Claim]

    def summary(self) -> dict[str, Any]:
        counts = {"verbatim": 0, "reworded": 0, "conflicting": 0}
        for p in self.pairs:
            counts[p.status()] += 1
        total_a = len(self.pairs) + len(self.only_a)
        return {
            "matched": len(self.pairs),
            "matched_share": round(len(self.pairs) / total_a, 3) if total_a else 0.0,
            **counts,
            "only_a": len(self.only_a),
            "only_b": len(self.only_b),
            "spin_b": self.report.spin.get(self.b_id, 0.0),
        }

    @property
    def differs(self) -> bool:
        return bool(self.only_a or self.only_b) or any(p.status() != "verbatim" for p in self.pairs)


def _overlaps(span: tuple[int, int], marks: list[tuple[int, int]]) -> bool:
    return any(
        (s < span[1] and span[0] < e) or (span[0] == span[1] and s <= span[0] <= e)
        for s, e in marks
    )


def compare(report: Report) -> DiffResult:
    a_id, b_id = report.sources[0].id, report.sources[1].id
    by_id = {c.id: c for c in report.claims}
    marks: dict[str, list[tuple[tuple[int, int], str]]] = {}
    for f in report.findings:
        for e in f.evidence:
            for h in e.highlights or ((e.start, e.end),):
                marks.setdefault(e.claim, []).append((h, f.kind))
    pairs = []
    matched: set[str] = set()
    for k in report.clusters:
        members = [by_id[c] for c in k.claims]
        a = next((c for c in members if c.source == a_id), None)
        b = next((c for c in members if c.source == b_id), None)
        if a and b:
            pairs.append(_pair(a, b, marks, report.findings))
            matched |= {a.id, b.id}
    rest_a = [c for c in report.claims if c.source == a_id and c.id not in matched]
    rest_b = [c for c in report.claims if c.source == b_id and c.id not in matched]
    for a, b in _match_rest(rest_a, rest_b):
        pairs.append(_pair(a, b, marks, report.findings))
        matched |= {a.id, b.id}
    pairs.sort(key=lambda p: p.a.start)
    only_a = [c for c in rest_a if c.id not in matched]
    only_b = [c for c in rest_b if c.id not in matched]
    return DiffResult(report, a_id, b_id, pairs, only_a, only_b)


REST_MATCH = 60.0  # similarity for pairing claims too short to cluster (headlines)


def _match_rest(rest_a: list[Claim], rest_b: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Pair what the clusters left: short claims, best similarity first."""
    from rapidfuzz import fuzz

    scored = sorted(
        (
            (fuzz.ratio(fold_text(a.text).lower(), fold_text(b.text).lower()), i, j)
            for i, a in enumerate(rest_a)
            for j, b in enumerate(rest_b)
        ),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for score, i, j in scored:
        if score < REST_MATCH:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        out.append((rest_a[i], rest_b[j]))
    return out


def _pair(
    a: Claim,
    b: Claim,
    marks: dict[str, list[tuple[tuple[int, int], str]]],
    findings: tuple[Finding, ...],
) -> Pair:
    pair = Pair(a, b)
    tokens_a, tokens_b = a.tokens, b.tokens
    for e in align(a.words, b.words):
        if e.tag == "equal":
            continue
        aw, bw = tokens_a[e.a1 : e.a2], tokens_b[e.b1 : e.b2]
        a_span = (aw[0].start, aw[-1].end) if aw else _gap(a, tokens_a, e.a1)
        b_span = (bw[0].start, bw[-1].end) if bw else _gap(b, tokens_b, e.b1)
        kinds = sorted(
            {
                kind
                for span, claim in ((a_span, a), (b_span, b))
                for mark, kind in marks.get(claim.id, [])
                if _overlaps(span, [mark])
            }
        )
        pair.changes.append(
            Change(
                e.tag,
                " ".join(t.text for t in aw),
                " ".join(t.text for t in bw),
                a_span,
                b_span,
                tuple(kinds),
                is_format_only([t.norm for t in aw], [t.norm for t in bw]),
            )
        )
    return pair


def _gap(claim: Claim, tokens: tuple[Token, ...], index: int) -> tuple[int, int]:
    if index < len(tokens):
        return tokens[index].start, tokens[index].start
    end = tokens[-1].end if tokens else claim.start
    return end, end
