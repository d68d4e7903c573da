"""Reporters: functions of a finished ``Report`` that return text.

No analysis happens here; each format is a view of the same data.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report
from . import json_report, text_report

Reporter = Callable[[Report], str]

REPORTERS: dict[str, Reporter] = {
    "json": json_report.render,
    "text": text_report.render,
}


def get(name: str) -> Reporter:
    """The reporter for a format; HTML (jinja2, networkx layout) is imported only when asked."""
    if name == "html":
        from .html_report import render

        return render
    return REPORTERS[name]


FORMATS = (*REPORTERS, "html")
