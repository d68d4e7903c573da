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
from factcheck.findings import named, short
from factcheck.model import CopyEdge, Finding, Report, Severity, Source
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
    anchor: bool = False  # the first run of its claim: it carries the claim's element id


@dataclass(frozen=True)
class ReadingView:
    text: str
    sources: str  # the outlets' names, joined
    majority: bool


@dataclass(frozen=True)
class EvidenceView:
    source: str
    name: str  # the outlet's name
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
    anchor: str  # the card's element id, unique in the page
    story: str
    readings: tuple[ReadingView, ...]


@dataclass(frozen=True)
class SourceView:
    id: str
    name: str  # the outlet: JSONL source, HTML site name, --name, else the file stem
    title: str
    path: str
    claims: int
    spin: float
    findings: int
    pieces: tuple[Piece, ...]
    story: str


@dataclass(frozen=True)
class ClusterView:
    id: str
    text: str
    present: tuple[str, ...]
    missing: tuple[str, ...]
    findings: int
    story: str


@dataclass(frozen=True)
class NodeView:
    x: float
    y: float
    label: str
    kind: str  # "source" or "cluster"
    size: int  # its links
    lx: float  # where its label stands
    ly: float
    align: str  # the label's text-anchor
    full: str  # the whole name, for the tooltip
    turn: float = 0.0  # degrees the label is rotated about its anchor


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
class CopyNodeView:
    x: float
    y: float
    label: str
    full: str


@dataclass(frozen=True)
class CopyLineView:
    x1: float
    y1: float
    x2: float
    y2: float
    directed: bool
    title: str  # "a → b (0.87): 'Al', 'systems have a shared ...'"


@dataclass(frozen=True)
class CopyRowView:
    source: str
    copy: str
    directed: bool
    confidence: str
    why: str
    shared: tuple[str, ...]  # each shared reading, in words


@dataclass(frozen=True)
class CopyGraphView:
    """A story's copy graph: sources in layers, upstream at the top."""

    story: str
    title: str
    width: int
    height: int
    nodes: tuple[CopyNodeView, ...]
    lines: tuple[CopyLineView, ...]
    rows: tuple[CopyRowView, ...]


@dataclass(frozen=True)
class StoryView:
    id: str
    title: str
    sources: str  # the outlets' names, joined
    facts: int
    findings: int


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
    matrix: tuple[tuple[str, str, tuple[int, ...]], ...]  # source id, name, counts
    graph: GraphView | None
    skipped: tuple[tuple[str, str], ...]
    limits: tuple[str, ...]
    new_count: int
    has_baseline: bool
    stories: tuple[StoryView, ...]
    suppressed: tuple[tuple[str, str, str], ...]  # id, kind, reason
    graph_omitted: str  # why there is no graph, when there is none
    copies: tuple[CopyGraphView, ...] = ()  # each story's copy graph (provenance)


MAX_GRAPH_SOURCES = 50  # past this the graph's labels cannot be read: the tables stand alone
MAX_LISTED = 20  # sources named in a list (a wire story's reading has hundreds); the rest counted


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
        first = True
        for s, e, fid in inside:
            if s < cpos:
                continue
            if s > cpos:
                out.append(Piece(text[cpos:s], "claim", c.id, anchor=first))
                first = False
            out.append(Piece(text[s:e], "diff", c.id, fid, anchor=first))
            first = False
            cpos = e
        if cpos < c.end:
            out.append(Piece(text[cpos : c.end], "claim", c.id, anchor=first))
        pos = max(pos, c.end)
    if pos < len(text):
        out.append(Piece(text[pos:]))
    return tuple(out)


def _name(source: Source) -> str:
    return source.outlet or source.id


def _graph(report: Report) -> GraphView | None:
    """Sources on a circle, labels outside it (one per angle: none overlap up to
    ``MAX_GRAPH_SOURCES``), the shared facts placed among the sources that state them."""
    clusters = sorted(report.clusters, key=lambda k: -len(k.claims))[:MAX_GRAPH_CLUSTERS]
    if not clusters or len(report.sources) > MAX_GRAPH_SOURCES:
        return None
    import networkx as nx

    by_id = {c.id: c for c in report.claims}
    n = len(report.sources)
    width = height = 800
    cx, cy, radius = width / 2, height / 2, 240.0
    fixed: dict[tuple[str, str], tuple[float, float]] = {}
    g = nx.Graph()
    for i, src in enumerate(report.sources):
        angle = 2 * math.pi * i / max(n, 1) - math.pi / 2
        fixed[("s", src.id)] = (math.cos(angle), math.sin(angle))
        g.add_node(("s", src.id))
    for k in clusters:
        g.add_node(("k", k.id))
        for cid in k.claims:
            g.add_edge(("k", k.id), ("s", by_id[cid].source))
    pos = nx.spring_layout(
        g, pos=dict(fixed), fixed=list(fixed), seed=3, k=0.6 / math.sqrt(g.number_of_nodes())
    )

    def at(node: tuple[str, str]) -> tuple[float, float]:
        x, y = pos[node]
        if node[0] == "k":  # keep the facts inside the ring of sources
            length = math.hypot(x, y)
            if length > 0.85:
                x, y = x / length * 0.85, y / length * 0.85
        return round(cx + x * radius, 1), round(cy + y * radius, 1)

    names = {s.id: _name(s) for s in report.sources}
    nodes = []
    for node in g.nodes:
        x, y = at(node)
        kind, key = node
        if kind == "s":
            ux, uy = fixed[node]
            label = names[key] if len(names[key]) <= 22 else names[key][:21] + "…"
            # Labels point away from the centre, each along its own ray: none overlap while
            # the ring gives every source more room than a line of text is high.
            degrees = math.degrees(math.atan2(uy, ux))
            align, turn = ("start", degrees) if ux >= 0 else ("end", degrees + 180)
            lx, ly = round(x + ux * 15, 1), round(y + uy * 15, 1)
            nodes.append(
                NodeView(
                    x, y, label, "source", g.degree[node], lx, ly, align, names[key], round(turn, 1)
                )
            )
        else:
            nodes.append(NodeView(x, y, key, "cluster", g.degree[node], x, y, "middle", key))
    edges = tuple(EdgeView(*at(u), *at(v)) for u, v in g.edges)
    return GraphView(width, height, tuple(nodes), edges)


def _copy_graphs(report: Report) -> tuple[CopyGraphView, ...]:
    """Each story's copy edges drawn in layers: a source above the sources copied from
    it (an undirected edge is drawn dashed, its ends side by side where they can be)."""
    names = {s.id: _name(s) for s in report.sources}
    titles = {st.id: st.title for st in report.stories}
    by_story: dict[str, list[CopyEdge]] = {}
    for e in report.provenance:
        by_story.setdefault(e.story, []).append(e)
    out = []
    for story, edges in by_story.items():
        nodes = sorted({x for e in edges for x in (e.source, e.copy)})
        if len(nodes) > MAX_GRAPH_SOURCES:
            nodes = []
        below = {e.copy for e in edges if e.directed}
        layer = {x: 0 for x in nodes if x not in below}
        for _ in nodes:  # a forest: each pass settles one more layer
            for e in edges:
                if e.source in layer and e.copy not in layer:
                    layer[e.copy] = layer[e.source] + 1
        for x in nodes:
            layer.setdefault(x, 0)
        rows: dict[int, list[str]] = {}
        for x in nodes:
            rows.setdefault(layer[x], []).append(x)
        widest = max((len(r) for r in rows.values()), default=1)
        width, step = max(320, 150 * widest), 70
        height = 40 + step * len(rows)
        at: dict[str, tuple[float, float]] = {}
        for depth, members in rows.items():
            for k, x in enumerate(members):
                at[x] = (round(width * (k + 1) / (len(members) + 1), 1), 30.0 + step * depth)
        views = tuple(
            CopyNodeView(
                *at[x],
                names.get(x, x)[:21] + ("…" if len(names.get(x, x)) > 21 else ""),
                names.get(x, x),
            )
            for x in nodes
        )
        lines = tuple(
            CopyLineView(
                *at[e.source],
                *at[e.copy],
                e.directed,
                f"{names.get(e.source, e.source)} {'→' if e.directed else '—'} "
                f"{names.get(e.copy, e.copy)} ({e.confidence:.2f})",
            )
            for e in edges
            if e.source in at and e.copy in at
        )
        table = tuple(
            CopyRowView(
                names.get(e.source, e.source),
                names.get(e.copy, e.copy),
                e.directed,
                f"{e.confidence:.2f}",
                e.why,
                tuple(f"{r.kind}: {short(r.text, 80)}" for r in e.shared),
            )
            for e in edges
        )
        out.append(CopyGraphView(story, titles.get(story, ""), width, height, views, lines, table))
    return tuple(out)


def deviants(finding: Finding) -> tuple[str, ...]:
    """The sources that tell a finding's fact otherwise than the majority: those of its
    non-majority readings, else its odd source, else (no majority known) all of them."""
    if any(r.majority for r in finding.readings):
        out: dict[str, None] = {}
        for r in finding.readings:
            if not r.majority:
                out.update(dict.fromkeys(r.sources))
        return tuple(out)
    if finding.odd_source:
        return (finding.odd_source,)
    return finding.sources


def build_page(report: Report, title: str = "factcheck report") -> Page:
    sources = {s.id: s for s in report.sources}
    names = {s.id: _name(s) for s in report.sources}
    claims = {c.id: c for c in report.claims}
    per_source_claims = Counter(c.source for c in report.claims)
    per_source_findings: Counter[str] = Counter()
    finding_marks: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    findings = []
    anchors: Counter[str] = Counter()
    for index, f in enumerate(report.findings):
        odd = set(deviants(f)) if len(f.sources) > 1 else set()
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
                    name=names[e.source],
                    title=src.title,
                    claim=e.claim,
                    speaker=(claim.speaker or "") if claim else "",
                    location=f"{src.path}:{line_col(src.text, e.start)[0]}",
                    pieces=_pieces(src.text, e.start, e.end, marks),
                    odd=e.source in odd and len(odd) < len(f.sources),
                )
            )
        anchors[f.id] += 1
        anchor = f"f-{f.id}" if anchors[f.id] == 1 else f"f-{f.id}-{anchors[f.id]}"
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
                anchor=anchor,
                story=f.story,
                readings=tuple(
                    ReadingView(
                        r.text, named([names.get(x, x) for x in r.sources], MAX_LISTED), r.majority
                    )
                    for r in f.readings
                ),
            )
        )
    story_of_source: dict[str, str] = {}
    story_of_cluster: dict[str, str] = {}
    for story in report.stories:
        for sid in story.core or story.sources:
            story_of_source.setdefault(sid, story.id)
        for cluster_id in story.clusters:
            story_of_cluster[cluster_id] = story.id
    source_views = tuple(
        SourceView(
            s.id,
            names[s.id],
            s.title,
            s.path,
            per_source_claims[s.id],
            report.spin.get(s.id, 0.0),
            per_source_findings[s.id],
            _source_pieces(report, s, finding_marks),
            story_of_source.get(s.id, ""),
        )
        for s in report.sources
    )
    kinds_present = tuple(k for k in KIND_NAMES if any(f.kind == k for f in report.findings))
    # A finding counts against the sources that differ from the majority, not those
    # that agree with it.
    erring = [(f.kind, set(deviants(f))) for f in report.findings]
    matrix = tuple(
        (
            s.id,
            names[s.id],
            tuple(
                sum(1 for kind, odd in erring if kind == k and s.id in odd) for k in kinds_present
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
            tuple(sorted({names[claims[c].source] for c in k.claims})),
            tuple(names.get(x, x) for x in report.absent.get(k.id, ())),
            cluster_findings[k.id],
            story_of_cluster.get(k.id, ""),
        )
        for k in sorted(report.clusters, key=lambda k: (-len(k.claims), k.id))
    ]
    story_findings = Counter(f.story for f in report.findings)
    stories = tuple(
        StoryView(
            st.id,
            st.title,
            named([names.get(x, x) for x in st.sources], MAX_LISTED),
            len(st.clusters),
            story_findings[st.id],
        )
        for st in report.stories
    )
    graph = _graph(report)
    omitted = ""
    if graph is None and report.clusters:
        omitted = (
            f"No graph past {MAX_GRAPH_SOURCES} sources (its labels could not be read): "
            "the table below lists every shared fact."
        )
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
        graph=graph,
        skipped=tuple((s.path, s.reason) for s in report.skipped),
        limits=tuple(x.message for x in report.limits),
        new_count=sum(1 for f in findings if f.new),
        has_baseline=report.new is not None,
        stories=stories,
        suppressed=tuple((x.finding.id, x.finding.kind, x.reason) for x in report.suppressed),
        graph_omitted=omitted,
        copies=_copy_graphs(report),
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
