"""Reporters: functions of a finished ``Report`` that return text.

No analysis happens here; each format is a view of the same data. A reporter
takes the report and the few ``Options`` that belong to presentation.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from factcheck.model import Report, Severity


@dataclass(frozen=True)
class Options:
    color: bool = False
    fail_on: Severity = Severity.MEDIUM
    title: str = ""


Reporter = Callable[[Report, Options], str]


def _json(report: Report, options: Options) -> str:
    from factcheck.reporters import json_report

    return json_report.render(report)


def _text(report: Report, options: Options) -> str:
    from factcheck.reporters import text_report

    return text_report.render(report, color=options.color)


def _html(report: Report, options: Options) -> str:
    from factcheck.reporters import html_report

    return html_report.render(report, title=options.title)


def _ci(name: str) -> Reporter:
    def render(report: Report, options: Options) -> str:
        from factcheck.reporters import ci_formats

        if name == "junit":
            return ci_formats.junit(report, options.fail_on)
        fn: Callable[[Report], str] = getattr(ci_formats, name)
        return fn(report)

    return render


REPORTERS: dict[str, Reporter] = {
    "text": _text,
    "json": _json,
    "html": _html,
    "sarif": _ci("sarif"),
    "github": _ci("github"),
    "gitlab": _ci("gitlab"),
    "junit": _ci("junit"),
    "markdown": _ci("markdown"),
}
FORMATS = tuple(REPORTERS)


def render(fmt: str, report: Report, options: Options | None = None) -> str:
    return REPORTERS[fmt](report, options or Options())


def chunks(fmt: str, report: Report, options: Options | None = None) -> Iterator[str]:
    """The same text in pieces, for writing: the JSON report of a large corpus is
    hundreds of megabytes, and is written without being held whole."""
    if fmt == "json":
        from factcheck.reporters import json_report

        yield from json_report.chunks(report)
    else:
        yield render(fmt, report, options)
