"""A readable summary for the terminal: findings grouped by story, with ``path:line:col``
of each piece of evidence (computed here, at the edge).

With a baseline, only the new findings are printed, and the accepted ones are counted,
as linters print a gate's result: a CI log shows what changed.

Whatever comes from an article (text, ids, paths, messages) goes through
``one_line``: its control characters are shown as escapes, never run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from factcheck.findings import named
from factcheck.model import Finding, Reading, Report, Severity, Source
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
_BOLD = "\033[1m"


def render(report: Report, color: bool = False) -> str:
    sources = {s.id: s for s in report.sources}
    out: list[str] = []
    for skipped in report.skipped:
        out.append(f"skipped {one_line(skipped.path)}: {one_line(skipped.reason)}")
    if len(report.sources) < 2:
        out.append(f"{len(report.sources)} source read: nothing to compare it with.")
    shown = [f for n, f in enumerate(report.findings) if report.is_new(n)]
    titles = {s.id: (s.title, s.sources) for s in report.stories}
    for story, findings in _by_story(shown, [s.id for s in report.stories]):
        if len(report.stories) > 1:
            title, members = titles.get(story, ("", ()))
            head = one_line(
                f"story {story or '?'}: {title}" + (f" ({', '.join(members)})" if members else "")
            )
            out.append(f"{_BOLD}{head}{_RESET}" if color else head)
        for f in findings:
            out.extend(_finding(f, sources, color, new=report.new is not None))
    for limit in report.limits:
        out.append(one_line(limit.message))
    for stale in report.stale:
        out.append(
            f"stale baseline entry {one_line(stale.id)} ({one_line(stale.kind)}): no longer "
            f"found: {one_line(stale.excerpt)}"
        )
    for s in report.suppressed:
        out.append(f"suppressed {s.finding.id} ({s.finding.kind}): {one_line(s.reason)}")
    if report.new is not None:
        accepted = len(report.findings) - len(report.new)
        out.append(
            f"{len(report.new)} new since the baseline, {accepted} accepted by it (not shown), "
            f"{len(report.stale)} stale entries"
        )
    out.append(_summary(report, shown))
    return "\n".join(out) + "\n"


def _by_story(findings: Sequence[Finding], order: Sequence[str]) -> list[tuple[str, list[Finding]]]:
    rank = {sid: n for n, sid in enumerate(order)}
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.story, []).append(f)
    return sorted(groups.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _finding(f: Finding, sources: dict[str, Source], color: bool, new: bool) -> list[str]:
    sev = f.severity
    head = f"{sev.label.upper():6} {f.kind:21} {f.id}{' NEW' if new else ''}  {one_line(f.message)}"
    lines = [f"{_COLOURS[sev]}{head}{_RESET}" if color else head]
    if f.readings:
        lines.append("    " + one_line(readings_line(f.readings)))
    for e in f.evidence:
        src = sources[e.source]
        line, col = line_col(src.text, e.start)
        at = f"{src.path}:{line}:{col}"
        if src.line:  # a JSONL record: its line in the file, then where in the article
            at = f"{src.path}: {src.id} {line}:{col}"
        lines.append(f"    {one_line(at)}: {_excerpt(src, e.start, e.end, e.highlights, color)}")
    return lines


LISTED = 20  # sources named for a reading; the rest are counted


def readings_line(readings: Iterable[Reading]) -> str:
    """The majority reading with its sources, then each deviant one with its sources."""
    parts = []
    for r in readings:
        who = named(r.sources, LISTED)
        label = "majority" if r.majority else "differs"
        parts.append(f"{label}: '{' '.join(r.text.split())}' ({who})")
    return "; ".join(parts)


def _summary(report: Report, shown: Sequence[Finding]) -> str:
    kinds = Counter(f.kind for f in shown)
    sevs = Counter(f.severity.label for f in shown)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no findings"
    what = "new findings" if report.new is not None else "findings"
    line = (
        f"{len(report.sources)} sources, {len(report.claims)} claims, "
        f"{len(report.clusters)} shared facts; {len(shown)} {what}"
        + (f" ({', '.join(f'{n} {s}' for s, n in sevs.items())}): {summary}" if shown else "")
    )
    if report.suppressed:
        line += f"; {len(report.suppressed)} suppressed"
    return line


def statistics(report: Report) -> str:
    """Counts per kind (with its severity) and per source, as ``ruff --statistics``
    prints them: of the new findings when a baseline is given, else of all."""
    shown = [f for n, f in enumerate(report.findings) if report.is_new(n)]
    out = []
    kinds = Counter(f.kind for f in shown)
    severity = {f.kind: f.severity.label for f in shown}
    width = max((len(str(n)) for n in kinds.values()), default=1)
    for kind, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
        out.append(f"{n:>{width}}  {kind:<21} {severity[kind]}")
    per_source = Counter(s for f in shown for s in f.sources)
    if per_source:
        out.append("by source:")
        width = max(len(str(n)) for n in per_source.values())
        names = {s.id: s.path for s in report.sources}
        for sid, n in sorted(per_source.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(one_line(f"{n:>{width}}  {sid}  {names.get(sid, '')}".rstrip()))
    if report.suppressed:
        out.append(f"{len(report.suppressed)} suppressed")
    if not out:
        out.append("no findings")
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
