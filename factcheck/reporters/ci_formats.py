"""Machine formats for CI: SARIF 2.1.0, GitHub annotations, GitLab code quality,
JUnit XML and a Markdown summary for a pull-request comment."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

from factcheck import __version__
from factcheck.checks import KINDS
from factcheck.model import Evidence, Finding, Report, Severity, Source
from factcheck.reporters.locate import Place, place, with_record
from factcheck.reporters.safe_text import one_line, visible, xml_text

_SARIF_LEVEL = {
    Severity.HIGH: "error",
    Severity.MEDIUM: "error",
    Severity.LOW: "warning",
    Severity.INFO: "note",
}
_GITHUB_LEVEL = {
    Severity.HIGH: "error",
    Severity.MEDIUM: "error",
    Severity.LOW: "warning",
    Severity.INFO: "notice",
}
_GITLAB_SEVERITY = {
    Severity.HIGH: "critical",
    Severity.MEDIUM: "major",
    Severity.LOW: "minor",
    Severity.INFO: "info",
}
GITHUB_CAP = 10  # annotations per level; GitHub shows no more per step


def _new(report: Report) -> list[tuple[int, Finding]]:
    return [(n, f) for n, f in enumerate(report.findings) if report.is_new(n)]


def _place(src: Source, e: Evidence) -> Place:
    start, end = e.highlights[0] if e.highlights else (e.start, e.end)
    return place(src, start, end)


def _region(src: Source, e: Evidence) -> dict[str, int]:
    where = _place(src, e)
    if where.column is None or where.end_column is None:  # a JSONL record: its line
        return {"startLine": where.line, "endLine": where.end_line}
    start, end = e.highlights[0] if e.highlights else (e.start, e.end)
    return {
        "startLine": where.line,
        "startColumn": where.column,
        "endLine": where.end_line,
        "endColumn": where.end_column,
        "charOffset": start,
        "charLength": end - start,
    }


def _location(src: Source, e: Evidence, message: str | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": _place(src, e).file, "uriBaseId": "%SRCROOT%"},
            "region": _region(src, e),
        }
    }
    if message:
        loc["message"] = {"text": message}
    return loc


def sarif(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    rules = [
        {
            "id": kind.name,
            "name": "".join(p.title() for p in kind.name.split("-")),
            "shortDescription": {"text": kind.about},
            "fullDescription": {"text": kind.about},
            "defaultConfiguration": {"level": _SARIF_LEVEL[kind.severity]},
            "helpUri": "https://github.com/factcheck/factcheck#finding-kinds",
        }
        for kind in KINDS
    ]
    rule_index = {kind.name: n for n, kind in enumerate(KINDS)}
    results = []
    for n, f in enumerate(report.findings):
        first, *others = f.evidence
        where = _place(sources[first.source], first)
        result: dict[str, Any] = {
            "ruleId": f.kind,
            "ruleIndex": rule_index[f.kind],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": with_record(_with_readings(f), where)},
            "locations": [_location(sources[first.source], first)],
            "partialFingerprints": {"factcheckFinding/v1": f.id},
            "properties": {"severity": f.severity.label, "sources": list(f.sources)},
        }
        if others:
            result["relatedLocations"] = [
                {"id": i + 1, **_location(sources[e.source], e, f"{e.source}: {e.text[:200]}")}
                for i, e in enumerate(others)
            ]
        if report.new is not None:
            result["baselineState"] = "new" if report.is_new(n) else "unchanged"
        results.append(result)
    doc = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": __version__,
                        "informationUri": "https://github.com/factcheck/factcheck",
                        "rules": rules,
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "results": results,
            }
        ],
    }
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"


def _with_readings(f: Finding) -> str:
    """The message, and where the finding has readings, the majority's words with its
    sources and each differing reading with its sources."""
    if not f.readings:
        return f.message
    from factcheck.reporters.text_report import readings_line

    return f"{f.message}. Readings: {readings_line(f.readings)}"


def _accepted(report: Report) -> str:
    """ ", N accepted by the baseline" (and suppressed ones), for the one-line summaries."""
    out = ""
    if report.new is not None:
        out += f", {len(report.findings) - len(report.new)} accepted by the baseline"
    if report.suppressed:
        out += f", {len(report.suppressed)} suppressed"
    return out


def _gh_data(text: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(text)  # no escape sequence from an article reaches the job's log


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def github(report: Report) -> str:
    """Workflow commands (``::error file=…::message``), capped per level with a summary."""
    sources = {s.id: s for s in report.sources}
    lines = []
    shown: Counter[str] = Counter()
    hidden: Counter[str] = Counter()
    for _n, f in _new(report):
        level = _GITHUB_LEVEL[f.severity]
        if shown[level] >= GITHUB_CAP:
            hidden[level] += 1
            continue
        shown[level] += 1
        e = f.evidence[0]
        where = _place(sources[e.source], e)
        props = ",".join(
            [
                f"file={_gh_property(where.file)}",
                f"line={where.line}",
                *([f"col={where.column}"] if where.column is not None else []),
                f"endLine={where.end_line}",
                f"title={_gh_property(f'factcheck {f.kind} ({f.severity.label})')}",
            ]
        )
        lines.append(f"::{level} {props}::{_gh_data(with_record(f.message, where))}")
    total = len(_new(report))
    more = sum(hidden.values())
    summary = (
        f"factcheck: {total} {'new ' if report.new is not None else ''}finding(s)"
        + _accepted(report)
        + (f", {more} not annotated (GitHub shows {GITHUB_CAP} per level)" if more else "")
    )
    lines.append(f"::notice title=factcheck summary::{_gh_data(summary)}")
    return "\n".join(lines) + "\n"


def gitlab(report: Report) -> str:
    sources = {s.id: s for s in report.sources}
    issues = []
    for n, f in _new(report):
        e = f.evidence[0]
        where = place(sources[e.source], e.start, e.end)
        issues.append(
            {
                "type": "issue",
                "check_name": f.kind,
                "description": with_record(f.message, where),
                "categories": ["Bug Risk"] if f.kind != "spelling-variant" else ["Style"],
                "fingerprint": f"{f.id}-{n}" if list(report.findings).count(f) > 1 else f.id,
                "severity": _GITLAB_SEVERITY[f.severity],
                "location": {"path": where.file, "lines": {"begin": where.line}},
            }
        )
    return json.dumps(issues, indent=1, ensure_ascii=False) + "\n"


def junit(report: Report, fail_on: Severity = Severity.MEDIUM) -> str:
    """One test case per finding; those at or above ``fail_on`` are failures. Article
    text is passed through ``xml_text``: XML 1.0 cannot hold most control characters."""
    sources = {s.id: s for s in report.sources}
    new = _new(report)
    failures = sum(1 for _n, f in new if f.severity >= fail_on)
    suite = ET.Element(
        "testsuite",
        name="factcheck",
        tests=str(max(len(new), 1)),
        failures=str(failures),
        errors="0",
        skipped="0",
    )
    if not new:
        ET.SubElement(suite, "testcase", classname="factcheck", name="no findings")
    for _n, f in new:
        e = f.evidence[0]
        where = place(sources[e.source], e.start, e.end)
        at = f"{where.file}:{where.line}" + (f":{where.column}" if where.column else "")
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"factcheck.{f.kind}",
            name=xml_text(f"{f.id} {at}"),
        )
        message = xml_text(with_record(f.message, where))
        if f.severity >= fail_on:
            failure = ET.SubElement(case, "failure", type=f.kind, message=message)
            failure.text = xml_text("\n".join(f"{ev.source}: {ev.text}" for ev in f.evidence))
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.severity.label}: {message}"
    suites = ET.Element("testsuites", name="factcheck")
    suites.append(suite)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _md(text: str) -> str:
    """Markdown-safe inline text: no tables broken, no markup injected."""
    out = one_line(text)
    for ch in "\\`*_{}[]<>()#+!|":
        out = out.replace(ch, "\\" + ch)
    return out


def markdown(report: Report) -> str:
    new = _new(report)
    by_sev = Counter(f.severity.label for _n, f in new)
    head = "new " if report.new is not None else ""
    lines = [
        "## factcheck",
        "",
        f"{len(report.sources)} sources, {len(report.claims)} claims: "
        f"**{len(new)} {head}finding(s)**"
        + (f" ({', '.join(f'{v} {k}' for k, v in sorted(by_sev.items()))})" if new else "")
        + _accepted(report),
        "",
    ]
    if new:
        lines += ["| severity | kind | sources | finding |", "| --- | --- | --- | --- |"]
        for _n, f in new[:50]:
            lines.append(
                f"| {f.severity.label} | {f.kind} | {_md(', '.join(f.sources))} | "
                f"{_md(f.message)} |"
            )
        if len(new) > 50:
            lines.append(f"\n…and {len(new) - 50} more.")
    if report.stale:
        lines += ["", f"{len(report.stale)} baseline entries no longer occur (stale)."]
    return "\n".join(lines) + "\n"
