"""``factcheck diff A B``: how one article differs from another, fact by fact.

Claims are matched through the clusters of the full pipeline (so moved and
reordered sentences pair up), each pair is diffed word by word, and every
difference carries the kind of the finding that covers it (misquote, number
conflict, spun word...) so that what matters shows first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from typing import Any

from .align import align, is_format_only
from .config import Settings
from .model import Claim, Finding, Report
from .reporters.locate import line_col
from .reporters.safe_text import one_line, visible
from .textnorm import fold_text

RED, GREEN, BOLD, DIM, RESET = "\033[31m", "\033[32m", "\033[1m", "\033[2m", "\033[0m"


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
    for e in align(a.words, b.words):
        if e.tag == "equal":
            continue
        aw, bw = a.tokens[e.a1 : e.a2], b.tokens[e.b1 : e.b2]
        a_span = (aw[0].start, aw[-1].end) if aw else _gap(a, e.a1)
        b_span = (bw[0].start, bw[-1].end) if bw else _gap(b, e.b1)
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


def _gap(claim: Claim, index: int) -> tuple[int, int]:
    if index < len(claim.tokens):
        pos = claim.tokens[index].start
    else:
        pos = claim.tokens[-1].end if claim.tokens else claim.start
    return pos, pos


def _word_diff(pair: Pair, color: bool, show_format: bool) -> str:
    """B's claim with A's words struck in: git diff --word-diff style. Article text
    goes through ``visible``: its control characters are shown, never run."""
    out = []
    pos = pair.b.start
    text_b = pair.b.text
    for c in pair.changes:
        if c.format_only and not show_format:
            continue
        s, e = c.b_span
        out.append(visible(text_b[pos - pair.b.start : s - pair.b.start]))
        label = f"{{{','.join(c.kinds)}}}" if c.kinds else ""
        old = visible(c.a_text)
        new = visible(text_b[s - pair.b.start : e - pair.b.start])
        if color:
            piece = (
                (f"{RED}{old}{RESET}" if old else "")
                + (" " if old and new else "")
                + (f"{GREEN}{new}{RESET}" if new else "")
            )
            out.append(piece + (f"{DIM}{label}{RESET}" if label else ""))
        else:
            out.append((f"[-{old}-]" if old else "") + (f"{{+{new}+}}" if new else "") + label)
        if not new and text_b[e - pair.b.start : e - pair.b.start + 1].isalnum():
            out.append(" ")  # a deletion sits before the next word
        pos = e
    out.append(visible(text_b[pos - pair.b.start :]))
    return " ".join("".join(out).split())


def render_text(result: DiffResult, color: bool, only_findings: bool, show_format: bool) -> str:
    src = {s.id: s for s in result.report.sources}
    a_src, b_src = src[result.a_id], src[result.b_id]
    a_path, b_path = one_line(a_src.path), one_line(b_src.path)
    head = f"{BOLD}--- {a_path}\n+++ {b_path}{RESET}" if color else f"--- {a_path}\n+++ {b_path}"
    lines = [head]
    order = {"conflicting": 0, "reworded": 1, "verbatim": 2}
    for p in sorted(result.pairs, key=lambda p: (order[p.status()], p.a.start)):
        status = p.status()
        if status == "verbatim" and not show_format:
            continue
        if only_findings and not p.kinds:
            continue
        if status == "verbatim" and not any(c.format_only for c in p.changes):
            continue
        la = line_col(a_src.text, p.a.start)[0]
        lb = line_col(b_src.text, p.b.start)[0]
        tag = f" {', '.join(p.kinds)}" if p.kinds else ""
        at = f"@@ A:{la} B:{lb} {status}{tag} @@"
        lines.append(f"{BOLD}{at}{RESET}" if color else at)
        lines.append(_word_diff(p, color, show_format))
    if not only_findings:
        for c in result.only_a:
            line = f"- only in A:{line_col(a_src.text, c.start)[0]}: {one_line(c.text)}"
            lines.append(f"{RED}{line}{RESET}" if color else line)
        for c in result.only_b:
            line = f"+ only in B:{line_col(b_src.text, c.start)[0]}: {one_line(c.text)}"
            lines.append(f"{GREEN}{line}{RESET}" if color else line)
    s = result.summary()
    lines.append(
        f"{s['matched']} claims matched ({s['matched_share']:.0%} of A): {s['verbatim']} verbatim, "
        f"{s['reworded']} reworded, {s['conflicting']} conflicting; {s['only_a']} only in A, "
        f"{s['only_b']} only in B; spin score of B: {s['spin_b']:.2f}"
    )
    return "\n".join(lines) + "\n"


def render_json(result: DiffResult) -> str:
    def claim(c: Claim) -> dict[str, Any]:
        return {"claim": c.id, "start": c.start, "end": c.end, "text": c.text}

    data = {
        "a": result.a_id,
        "b": result.b_id,
        "pairs": [
            {
                "a": claim(p.a),
                "b": claim(p.b),
                "status": p.status(),
                "kinds": list(p.kinds),
                "differences": [
                    {
                        "tag": c.tag,
                        "a_text": c.a_text,
                        "b_text": c.b_text,
                        "a_span": list(c.a_span),
                        "b_span": list(c.b_span),
                        "kinds": list(c.kinds),
                        "format_only": c.format_only,
                    }
                    for c in p.changes
                ],
            }
            for p in result.pairs
        ],
        "only_a": [claim(c) for c in result.only_a],
        "only_b": [claim(c) for c in result.only_b],
        "summary": result.summary(),
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"


def _page(text: str, no_pager: bool) -> None:
    from .cli import write_stdout

    if no_pager or sys.stdout is None or not sys.stdout.isatty():
        write_stdout(text)
        return
    height = shutil.get_terminal_size((80, 24)).lines
    if text.count("\n") < height:
        write_stdout(text)
        return
    pager = os.environ.get("PAGER") or "less -R"
    try:
        proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE)
        assert proc.stdin is not None
        proc.stdin.write(text.encode("utf-8"))
        proc.stdin.close()
        proc.wait()
    except (OSError, BrokenPipeError):
        write_stdout(text)


def run_diff(args: argparse.Namespace, settings: Settings) -> int:
    from .cli import Exit, Trouble, read_stdin, use_color, write_stdout
    from .pipeline import run
    from .sources import InputError

    if args.a == "-" and args.b == "-":
        raise Trouble("only one of A and B can be standard input")
    stdin_text = read_stdin(settings.max_input_bytes()) if "-" in (args.a, args.b) else None
    try:
        report = run([args.a, args.b], settings, None, stdin_text)
    except InputError as exc:
        raise Trouble(str(exc)) from None
    if len(report.sources) != 2:
        reasons = "; ".join(f"{one_line(s.path)}: {one_line(s.reason)}" for s in report.skipped)
        raise Trouble(f"diff needs two readable articles ({reasons or 'one was empty'})")
    result = compare(report)
    if args.format == "json":
        write_stdout(render_json(result))
    elif args.format == "html":
        from .reporters import Options, render

        write_stdout(render("html", report, Options(title="factcheck diff")))
    else:
        color = use_color(args.color, sys.stdout is not None and sys.stdout.isatty())
        _page(render_text(result, color, args.only == "findings", args.all), args.no_pager)
    return Exit.FINDINGS if result.differs else Exit.OK
