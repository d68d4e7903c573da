"""The editor's HTML report: one self-contained page from jinja2 templates.

Python prepares small view-model records (no analysis happens in the
template); jinja2 autoescapes every piece of article text; the inline script
runs under a Content-Security-Policy that allows only its own hash.
"""

from __future__ import annotations

import base64
import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from factcheck.checks import KIND_NAMES
from factcheck.model import Report, Severity, Source
from factcheck.reporters.locate import line_col

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class Piece:
    """A run of source text, plain or marked."""

    text: str
    mark: str = ""  # "", "diff" (a differing word) or "claim"
    claim: str = ""
    findings: str = ""  # space-separated finding ids touching this run


@dataclass(frozen=True)
class EvidenceView:
    source: str
    title: str
    claim: str
    speaker: str
    location: str
    pieces: tuple[Piece, ...]
    odd: bool


@dataclass(frozen=True)
class FindingView:
    id: str
    kind: str
    severity: str
    message: str
    sources: str
    evidence: tuple[EvidenceView, ...]
    new: bool
    search: str


@dataclass(frozen=True)
class SourceView:
    id: str
    title: str
    path: str
    claims: int
    spin: float
    findings: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class ClusterView:
    id: str
    text: str
    present: tuple[str, ...]
    missing: tuple[str, ...]
    findings: int


@dataclass(frozen=True)
class NodeView:
    x: float
    y: float
    label: str
    kind: str  # "source" or "cluster"
    size: int  # its links


@dataclass(frozen=True)
class EdgeView:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class GraphView:
    width: int
    height: int
    nodes: tuple[NodeView, ...]
    edges: tuple[EdgeView, ...]


@dataclass(frozen=True)
class Page:
    title: str
    sources: tuple[SourceView, ...]
    findings: tuple[FindingView, ...]
    clusters: tuple[ClusterView, ...]
    kinds: tuple[str, ...]
    severities: tuple[str, ...]
    by_kind: dict[str, int]
    by_severity: dict[str, int]
    matrix: tuple[tuple[str, tuple[int, ...]], ...]
    graph: GraphView | None
    skipped: tuple[tuple[str, str], ...]
    limits: tuple[str, ...]
    new_count: int
    has_baseline: bool


MAX_GRAPH_CLUSTERS = 60


def _pieces(text: str, start: int, end: int, marks: list[tuple[int, int]]) -> tuple[Piece, ...]:
    out: list[Piece] = []
    pos = start
    for s, e in sorted(marks):
        s, e = max(s, pos), min(e, end)
        if s >= e:
            continue
        if s > pos:
            out.append(Piece(text[pos:s]))
        out.append(Piece(text[s:e], "diff"))
        pos = e
    if pos < end:
        out.append(Piece(text[pos:end]))
    return tuple(out)


def _source_pieces(
    report: Report, source: Source, finding_marks: dict[str, list[tuple[int, int, str]]]
) -> tuple[Piece, ...]:
    """The whole text of a source with its claims and the findings' highlights marked."""
    text = source.text
    claims = [c for c in report.claims if c.source == source.id]
    marks = sorted(finding_marks.get(source.id, []))
    out: list[Piece] = []
    pos = 0
    for c in claims:
        if c.start > pos:
            out.append(Piece(text[pos : c.start]))
        inside = [(s, e, f) for s, e, f in marks if c.start <= s < e <= c.end]
        cpos = c.start
        for s, e, fid in inside:
            if s < cpos:
                continue
            if s > cpos:
                out.append(Piece(text[cpos:s], "claim", c.id))
            out.append(Piece(text[s:e], "diff", c.id, fid))
            cpos = e
        if cpos < c.end:
            out.append(Piece(text[cpos : c.end], "claim", c.id))
        pos = max(pos, c.end)
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return tuple(out)


def _graph(report: Report) -> GraphView | None:
    clusters = sorted(report.clusters, key=lambda k: -len(k.claims))[:MAX_GRAPH_CLUSTERS]
    if not clusters or len(report.sources) > 40:
        return None
    import networkx as nx

    by_id = {c.id: c for c in report.claims}
    g = nx.Graph()
    for s in report.sources:
        g.add_node(("s", s.id))
    for k in clusters:
        g.add_node(("k", k.id))
        for cid in k.claims:
            g.add_edge(("k", k.id), ("s", by_id[cid].source))
    pos = nx.spring_layout(g, seed=3, k=1.2 / math.sqrt(max(g.number_of_nodes(), 1)))
    width, height, pad = 760, 420, 40

    def at(node: tuple[str, str]) -> tuple[float, float]:
        x, y = pos[node]
        return (
            round(pad + (x + 1) / 2 * (width - 2 * pad), 1),
            round(pad + (y + 1) / 2 * (height - 2 * pad), 1),
        )

    nodes = []
    for node in g.nodes:
        x, y = at(node)
        kind, label = node
        nodes.append(NodeView(x, y, label, "source" if kind == "s" else "cluster", g.degree[node]))
    edges = tuple(EdgeView(*at(u), *at(v)) for u, v in g.edges)
    return GraphView(width, height, tuple(nodes), edges)


def build_page(report: Report, title: str = "factcheck report") -> Page:
    sources = {s.id: s for s in report.sources}
    claims = {c.id: c for c in report.claims}
    per_source_claims = Counter(c.source for c in report.claims)
    per_source_findings: Counter[str] = Counter()
    finding_marks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    findings = []
    for index, f in enumerate(report.findings):
        for sid in f.sources:
            per_source_findings[sid] += 1
        evidence = []
        for e in f.evidence:
            src = sources[e.source]
            marks = list(e.highlights)
            for s, t in marks:
                finding_marks[e.source].append((s, t, f.id))
            claim = claims.get(e.claim)
            evidence.append(
                EvidenceView(
                    source=e.source,
                    title=src.title,
                    claim=e.claim,
                    speaker=(claim.speaker or "") if claim else "",
                    location=f"{src.path}:{line_col(src.text, e.start)[0]}",
                    pieces=_pieces(src.text, e.start, e.end, marks),
                    odd=f.odd_source == e.source and len(f.sources) > 1,
                )
            )
        findings.append(
            FindingView(
                id=f.id,
                kind=f.kind,
                severity=f.severity.label,
                message=f.message,
                sources=" ".join(f.sources),
                evidence=tuple(evidence),
                new=report.new is not None and report.is_new(index),
                search=(f.message + " " + " ".join(e.text for e in f.evidence)).lower(),
            )
        )
    source_views = tuple(
        SourceView(
            s.id,
            s.title,
            s.path,
            per_source_claims[s.id],
            report.spin.get(s.id, 0.0),
            per_source_findings[s.id],
            _source_pieces(report, s, finding_marks),
        )
        for s in report.sources
    )
    kinds_present = tuple(k for k in KIND_NAMES if any(f.kind == k for f in report.findings))
    matrix = tuple(
        (
            s.id,
            tuple(
                sum(1 for f in report.findings if f.kind == k and s.id in f.sources)
                for k in kinds_present
            ),
        )
        for s in report.sources
    )
    cluster_findings: Counter[str] = Counter()
    cluster_of = report.cluster_of()
    for f in report.findings:
        for kid in {cluster_of.get(e.claim) for e in f.evidence} - {None}:
            cluster_findings[str(kid)] += 1
    clusters = [
        ClusterView(
            k.id,
            claims[k.claims[0]].text,
            tuple(sorted({claims[c].source for c in k.claims})),
            report.absent.get(k.id, ()),
            cluster_findings[k.id],
        )
        for k in sorted(report.clusters, key=lambda k: (-len(k.claims), k.id))
    ]
    return Page(
        title=title,
        sources=source_views,
        findings=tuple(findings),
        clusters=tuple(clusters),
        kinds=kinds_present,
        severities=tuple(s.label for s in sorted(Severity, reverse=True)),
        by_kind=dict(Counter(f.kind for f in report.findings)),
        by_severity=dict(Counter(f.severity.label for f in report.findings)),
        matrix=matrix,
        graph=_graph(report),
        skipped=tuple((s.path, s.reason) for s in report.skipped),
        limits=tuple(x.message for x in report.limits),
        new_count=sum(1 for f in findings if f.new),
        has_baseline=report.new is not None,
    )


@cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("factcheck", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return env


def _asset(name: str) -> str:
    return resources.files("factcheck").joinpath("templates", name).read_text("utf-8")


def render(report: Report, title: str = "") -> str:
    page = build_page(report, title or "factcheck report")
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = (
        f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return (
        _environment()
        .get_template("report.html.j2")
        .render(page=page, script=script, style=_asset("report.css"), csp=csp)
    )
