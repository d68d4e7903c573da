"""A readable summary for the terminal: findings grouped by severity, with
``path:line:col`` of each piece of evidence (computed here, at the edge).

Whatever comes from an article (text, ids, paths, messages) goes through
``one_line``: its control characters are shown as escapes, never run."""

from __future__ import annotations

from collections import Counter

from factcheck.model import Report, Severity, Source
from factcheck.reporters.locate import line_col
from factcheck.reporters.safe_text import one_line, visible

_COLOURS = {
    Severity.HIGH: "\033[1;31m",
    Severity.MEDIUM: "\033[33m",
    Severity.LOW: "\033[36m",
    Severity.INFO: "\033[2m",
}
_RESET = "\033[0m"
_MARK = "\033[1;4m"


def render(report: Report, color: bool = False) -> str:
    sources = {s.id: s for s in report.sources}
    out: list[str] = []
    for skipped in report.skipped:
        out.append(f"skipped {one_line(skipped.path)}: {one_line(skipped.reason)}")
    if len(report.sources) < 2:
        out.append(f"{len(report.sources)} source read: nothing to compare it with.")
    for n, f in enumerate(report.findings):
        sev = f.severity
        new = " NEW" if report.new is not None and report.is_new(n) else ""
        head = f"{sev.label.upper():6} {f.kind:21} {f.id}{new}  {one_line(f.message)}"
        out.append(f"{_COLOURS[sev]}{head}{_RESET}" if color else head)
        for e in f.evidence:
            src = sources[e.source]
            line, col = line_col(src.text, e.start)
            at = f"{src.path}:{line}:{col}"
            if src.line:  # a JSONL record: its line in the file, then where in the article
                at = f"{src.path}: {src.id} {line}:{col}"
            out.append(f"    {one_line(at)}: {_excerpt(src, e.start, e.end, e.highlights, color)}")
    for limit in report.limits:
        out.append(one_line(limit.message))
    for stale in report.stale:
        out.append(
            f"stale baseline entry {one_line(stale.id)} ({one_line(stale.kind)}): no longer "
            f"found: {one_line(stale.excerpt)}"
        )
    if report.new is not None:
        out.append(f"{len(report.new)} new since the baseline, {len(report.stale)} stale entries")
    kinds = Counter(f.kind for f in report.findings)
    sevs = Counter(f.severity.label for f in report.findings)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no findings"
    out.append(
        f"{len(report.sources)} sources, {len(report.claims)} claims, "
        f"{len(report.clusters)} shared facts; {len(report.findings)} findings"
        + (
            f" ({', '.join(f'{n} {s}' for s, n in sevs.items())}): {summary}"
            if report.findings
            else ""
        )
    )
    return "\n".join(out) + "\n"


def _excerpt(
    src: Source, start: int, end: int, highlights: tuple[tuple[int, int], ...], color: bool
) -> str:
    pieces = []
    pos = start
    for hs, he in highlights:
        pieces.append(visible(src.text[pos:hs]))
        word = visible(src.text[hs:he])
        pieces.append(f"{_MARK}{word}{_RESET}" if color else f"[{word}]")
        pos = he
    pieces.append(visible(src.text[pos:end]))
    text = " ".join("".join(pieces).split())
    return text if len(text) <= 400 else text[:399] + "…"
