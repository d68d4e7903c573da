"""The HTML report as text: escaping, the CSP, the sections an editor needs."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import re

from factcheck.reporters.html_report import build_page, render
from tests.conftest import BRIDGE_A, BRIDGE_B, analyse_texts

A = (
    BRIDGE_A
    + """
<script>alert(1)</script> and "><img src=x onerror=alert(2)> are just words here."""
)
B = BRIDGE_B


def test_article_text_is_escaped() -> None:
    html = render(analyse_texts({"a": A, "b": B}))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img src=x" not in html


def test_csp_allows_only_the_report_script() -> None:
    html = render(analyse_texts({"a": A, "b": B}))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp
    policy = html_lib.unescape(csp.group(1))
    assert "default-src 'none'" in policy
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy


def test_page_marks_the_differing_words_and_the_odd_claims() -> None:
    page = build_page(analyse_texts({"a": A, "b": B}))
    misquote = next(f for f in page.findings if f.kind == "misquote")
    marked = [p.text for e in misquote.evidence for p in e.pieces if p.mark == "diff"]
    assert "the" in marked
    number = next(f for f in page.findings if f.kind == "conflict-number")
    marked = {p.text for e in number.evidence for p in e.pieces if p.mark == "diff"}
    assert any("2.5" in m for m in marked) and any("1.8" in m for m in marked)
    assert {s.id for s in page.sources} == {"a", "b"}
    assert page.clusters and all(k.present for k in page.clusters)


def test_empty_report_renders() -> None:
    html = render(analyse_texts({"only": A}))
    assert "No findings" in html


def test_a_reading_of_many_sources_names_twenty_and_counts_the_rest() -> None:
    texts = {f"outlet{n:02d}": BRIDGE_A for n in range(30)}
    texts["odd"] = BRIDGE_B
    page = build_page(analyse_texts(texts))
    readings = [r for f in page.findings for r in f.readings]
    most = next(r for r in readings if r.majority)
    assert most.sources.endswith(" and 10 more")
    assert most.sources.count(",") == 19  # twenty names
    assert all(r.sources == "odd" for r in readings if not r.majority)
    (story,) = page.stories
    assert story.sources.endswith(" and 11 more")
