"""HTML articles go through trafilatura's main-text extraction (the html extra)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.sources import read_paths
from tests.conftest import BRIDGE_B

PAGE = """<!DOCTYPE html><html><head><title>Bridge budget approved | City News</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/login">Log in</a></nav>
<article><h1>Bridge budget approved</h1>
<p>The council approved a budget of $2.5 billion for the new bridge, officials said on Thursday,
after a debate that ran late into the evening at City Hall.</p>
<p>"We have to rebuild the trust of our residents step by step," Mayor Ann Lee said.</p>
<p>Construction crews are expected to start work on the northern ramp in the spring.</p>
</article><footer>Copyright 2026 City News. All rights reserved.</footer></body></html>"""


def test_html_main_text_is_extracted(tmp_path: Path) -> None:
    pytest.importorskip("trafilatura")
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BRIDGE_B, encoding="utf-8")
    corpus = read_paths([str(tmp_path)])
    page = next(s for s in corpus.sources if s.id == "page")
    assert "Bridge budget approved" in page.title
    assert "$2.5 billion" in page.text
    assert "All rights reserved" not in page.text and "Log in" not in page.text


@pytest.mark.parametrize(
    ("head", "date"),
    [
        (
            '<meta property="article:published_time" content="2024-03-13T08:00:00+00:00">',
            "2024-03-13",
        ),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", '
            '"datePublished": "2023-11-05T10:00:00Z"}</script>',
            "2023-11-05",
        ),
        ("", ""),  # no date in the markup: none guessed from the footer's "Copyright 2026"
    ],
)
def test_html_publication_date_comes_from_the_markup(tmp_path: Path, head: str, date: str) -> None:
    pytest.importorskip("trafilatura")
    (tmp_path / "page.html").write_text(PAGE.replace("<head>", f"<head>{head}"), encoding="utf-8")
    corpus = read_paths([str(tmp_path)])
    assert corpus.sources[0].date == date
