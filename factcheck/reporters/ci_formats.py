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
from factcheck.reporters.locate import line_col, repo_path

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


def _region(src: Source, e: Evidence) -> dict[str, int]:
    start, end = e.highlights[0] if e.highlights else (e.start, e.end)
    line, col = line_col(src.text, start)
    end_line, end_col = line_col(src.text, end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }


def _location(src: Source, e: Evidence, message: str | None = None) -> dict[str, Any]:
    loc: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": repo_path(src.path), "uriBaseId": "%SRCROOT%"},
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
        result: dict[str, Any] = {
            "ruleId": f.kind,
            "ruleIndex": rule_index[f.kind],
            "level": _SARIF_LEVEL[f.severity],
            "message": {"text": f.message},
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


def _accepted(report: Report) -> str:
    """ ", N accepted by the baseline" (and suppressed ones), for the one-line summaries."""
    out = ""
    if report.new is not None:
        out += f", {len(report.findings) - len(report.new)} accepted by the baseline"
    if report.suppressed:
        out += f", {len(report.suppressed)} suppressed"
    return out


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


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
        src = sources[e.source]
        region = _region(src, e)
        props = ",".join(
            [
                f"file={_gh_property(repo_path(src.path))}",
                f"line={region['startLine']}",
                f"col={region['startColumn']}",
                f"endLine={region['endLine']}",
                f"title={_gh_property(f'factcheck {f.kind} ({f.severity.label})')}",
            ]
        )
        lines.append(f"::{level} {props}::{_gh_data(f.message)}")
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
        src = sources[e.source]
        line, _col = line_col(src.text, e.start)
        issues.append(
            {
                "type": "issue",
                "check_name": f.kind,
                "description": f.message,
                "categories": ["Bug Risk"] if f.kind != "spelling-variant" else ["Style"],
                "fingerprint": f"{f.id}-{n}" if list(report.findings).count(f) > 1 else f.id,
                "severity": _GITLAB_SEVERITY[f.severity],
                "location": {"path": repo_path(src.path), "lines": {"begin": line}},
            }
        )
    return json.dumps(issues, indent=1, ensure_ascii=False) + "\n"


def junit(report: Report, fail_on: Severity = Severity.MEDIUM) -> str:
    """One test case per finding; those at or above ``fail_on`` are failures."""
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
        line, col = line_col(sources[e.source].text, e.start)
        case = ET.SubElement(
            suite,
            "testcase",
            classname=f"factcheck.{f.kind}",
            name=f"{f.id} {repo_path(sources[e.source].path)}:{line}:{col}",
        )
        if f.severity >= fail_on:
            failure = ET.SubElement(case, "failure", type=f.kind, message=f.message)
            failure.text = "\n".join(f"{ev.source}: {ev.text}" for ev in f.evidence)
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{f.severity.label}: {f.message}"
    suites = ET.Element("testsuites", name="factcheck")
    suites.append(suite)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _md(text: str) -> str:
    """Markdown-safe inline text: no tables broken, no markup injected."""
    out = " ".join(text.split())
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
