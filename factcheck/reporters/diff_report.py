"""The views of ``factcheck diff``: word-diff text (git's --word-diff style) and JSON."""

from __future__ import annotations

import json
from typing import Any

from factcheck.diff import DiffResult, Pair
from factcheck.model import Claim
from factcheck.reporters.json_report import edge_dict
from factcheck.reporters.locate import line_col
from factcheck.reporters.safe_text import one_line, visible

RED, GREEN, BOLD, DIM, RESET = "\033[31m", "\033[32m", "\033[1m", "\033[2m", "\033[0m"


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
    copied = copy_line(result)
    if copied:
        lines.append(copied)
    s = result.summary()
    lines.append(
        f"{s['matched']} claims matched ({s['matched_share']:.0%} of A): {s['verbatim']} verbatim, "
        f"{s['reworded']} reworded, {s['conflicting']} conflicting; {s['only_a']} only in A, "
        f"{s['only_b']} only in B; spin score of B: {s['spin_b']:.2f}"
    )
    return "\n".join(lines) + "\n"


def copy_line(result: DiffResult) -> str:
    """'B copies A' (or that they share a text) when the copy graph links the two."""
    names = {result.a_id: "A", result.b_id: "B"}
    for e in result.report.provenance:
        if {e.source, e.copy} != set(names):
            continue
        errors = sum(1 for r in e.shared if r.kind == "error")
        runs = sum(1 for r in e.shared if r.kind == "wording")
        shared = f"{errors} shared error(s), {runs} verbatim run(s) outside quotations"
        if e.directed:
            why = f", by {e.why}" if e.why else ""
            return (
                f"copy: {names[e.copy]} copies {names[e.source]} "
                f"(confidence {e.confidence:.2f}{why}; {shared})"
            )
        return (
            f"copy: A and B copy one another or a third text "
            f"(confidence {e.confidence:.2f}; {shared})"
        )
    return ""


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
        "provenance": [edge_dict(e) for e in result.report.provenance],
    }
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
