"""The HTML report in a real browser (headless Chromium driven by Playwright).

Skipped with a reason where Chromium or Playwright is missing; .ci/run installs both.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck.reporters.html_report import render
from tests.conftest import ARTIFACTS, BRIDGE_A, BRIDGE_B, analyse_texts

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")

FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOSTILE = """Council vote <script>window.__pwned = 1</script>

The council approved the plan "><img src=x onerror="window.__pwned=2"> on Tuesday after debate.
Residents can read more at <a href="javascript:window.__pwned=3">this link</a> on the council site.
"We will build </textarea><script>window.__pwned=4</script> homes," Mayor Ann Lee said."""

HOSTILE_B = """Council backs plan

The council approved the plan on Wednesday after a long debate.
Residents can read more at the council site.
"We will build new homes," Mayor Ann Lee said."""

CALM_A, CALM_B = BRIDGE_A, BRIDGE_B


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def _open(browser, tmp_path: Path, texts: dict[str, str]):  # type: ignore[no-untyped-def]
    html = render(analyse_texts(texts))
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.factcheckReady === true")
    return page, errors


def test_no_console_errors_and_filters_work(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _open(browser, tmp_path, {"a": CALM_A, "b": CALM_B})
    cards = page.locator(".card")
    assert cards.count() >= 2
    kinds = set(page.eval_on_selector_all(".card", "els => els.map(e => e.dataset.kind)"))
    assert {"misquote", "conflict-number"} <= kinds
    page.uncheck("input[name=kind][value=misquote]")
    assert page.locator(".card[data-kind=misquote]:not(.hidden)").count() == 0
    assert page.locator(".card[data-kind=conflict-number]:not(.hidden)").count() >= 1
    assert "hide=misquote" in page.evaluate("location.hash")
    page.check("input[name=kind][value=misquote]")
    assert page.locator(".card[data-kind=misquote]:not(.hidden)").count() >= 1
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
    assert errors == []


def test_keyboard_moves_to_next_finding(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _open(browser, tmp_path, {"a": CALM_A, "b": CALM_B})
    ids = page.eval_on_selector_all(".card", "els => els.map(e => e.id)")
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == ids[0]
    page.keyboard.press("j")
    assert page.evaluate("document.activeElement.id") == ids[1]
    page.keyboard.press("k")
    assert page.evaluate("document.activeElement.id") == ids[0]
    assert errors == []


def test_view_state_is_restored_from_the_url(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _errors = _open(browser, tmp_path, {"a": CALM_A, "b": CALM_B})
    page.goto(page.url.split("#")[0] + "#view:hide=misquote")
    page.reload()
    page.wait_for_function("window.factcheckReady === true")
    assert page.locator(".card[data-kind=misquote]:not(.hidden)").count() == 0
    assert not page.is_checked("input[name=kind][value=misquote]")


def test_hostile_article_runs_nothing(browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _errors = _open(browser, tmp_path, {"evil": HOSTILE, "calm": HOSTILE_B})
    assert page.evaluate("window.__pwned") is None
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("a[href^=javascript]").count() == 0
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#sources")
    page.click("text=Sources")
    assert page.evaluate("window.__pwned") is None


REPORTS = Path(__file__).resolve().parent.parent / "reports"  # kept as CI artifacts


def _sources25():  # type: ignore[no-untyped-def]
    from factcheck.config import Settings
    from factcheck.model import Source
    from factcheck.pipeline import analyse
    from tests.corpus25 import corpus25

    sources = [
        Source(
            id=k,
            path=f"{k}.txt",
            text=v,
            title=v.splitlines()[0],
            outlet=f"The {k.split('-')[1].title()} {k[:2]}",
        )
        for k, v in corpus25().items()
    ]
    return analyse(sources, Settings())


@pytest.fixture(scope="module")
def report25_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("r25") / "report25.html"
    path.write_text(render(_sources25(), title="factcheck: 25 sources"), encoding="utf-8")
    return path


def _load(browser, path: Path, width: int, scheme: str = "light"):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_function("window.factcheckReady === true")
    return page, errors


def test_25_sources_at_desktop_and_phone_width(browser, report25_path: Path) -> None:  # type: ignore[no-untyped-def]
    REPORTS.mkdir(exist_ok=True)
    for width in (1400, 390):
        page, errors = _load(browser, report25_path, width)
        page.select_option("#f-story", "")  # every story, for the widest content
        scroll, inner = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert scroll <= inner, f"{width}px: the page scrolls sideways ({scroll} > {inner})"
        ids = page.eval_on_selector_all("[id]", "els => els.map(e => e.id)")
        assert len(ids) == len(set(ids)), "duplicate element ids"
        if width == 390:
            page.screenshot(path=str(REPORTS / "report25-phone.png"), full_page=False)
        assert errors == []
        page.close()


def _corners(box: dict[str, float]) -> list[tuple[float, float]]:
    """The corners of a label's box turned about its anchor, in the SVG's units."""
    import math

    a = math.radians(box["turn"])
    out = []
    for px, py in (
        (box["x"], box["y"]),
        (box["x"] + box["w"], box["y"]),
        (box["x"] + box["w"], box["y"] + box["h"]),
        (box["x"], box["y"] + box["h"]),
    ):
        dx, dy = px - box["ax"], py - box["ay"]
        out.append(
            (
                box["ax"] + dx * math.cos(a) - dy * math.sin(a),
                box["ay"] + dx * math.sin(a) + dy * math.cos(a),
            )
        )
    return out


def _apart(p: list[tuple[float, float]], q: list[tuple[float, float]]) -> bool:
    """Two convex polygons do not overlap: some edge's normal separates them."""
    for poly in (p, q):
        for i in range(len(poly)):
            (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % len(poly)]
            nx, ny = y2 - y1, x1 - x2
            a = [nx * x + ny * y for x, y in p]
            b = [nx * x + ny * y for x, y in q]
            if max(a) <= min(b) + 0.01 or max(b) <= min(a) + 0.01:
                return True
    return False


def test_graph_labels_do_not_overlap(browser, report25_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _errors = _load(browser, report25_path, 1400)
    boxes = page.eval_on_selector_all(
        ".graph .source text",
        """els => els.map(e => { const b = e.getBBox();
            const t = e.getAttribute('transform');
            const m = /rotate\\(([-0-9.]+) ([-0-9.]+) ([-0-9.]+)\\)/.exec(t);
            return {x: b.x, y: b.y, w: b.width, h: b.height,
                    turn: +m[1], ax: +m[2], ay: +m[3]}; })""",
    )
    assert len(boxes) == 25
    polygons = [_corners(b) for b in boxes]
    for i, a in enumerate(polygons):
        for b in polygons[i + 1 :]:
            assert _apart(a, b), f"labels overlap: {a} {b}"


def test_question_mark_opens_the_key_help(browser, report25_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, errors = _load(browser, report25_path, 1400)
    assert page.evaluate("document.getElementById('keys').open") is False
    page.keyboard.press("?")
    assert page.evaluate("document.getElementById('keys').open") is True
    assert "next finding" in page.inner_text("#keys")
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('keys').open") is False
    assert errors == []


def test_matrix_counts_only_the_deviant_source(browser, report25_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _errors = _load(browser, report25_path, 1400)
    heads = page.eval_on_selector_all("#matrix thead th", "els => els.map(e => e.textContent)")
    col = next(n for n, h in enumerate(heads) if "conflict-number" in h)
    cell = "#matrix tr[data-source='{}'] > :nth-child({})"
    majority = page.inner_text(cell.format("s0-herald", col + 1)).strip()
    deviant = page.inner_text(cell.format("s0-tribune", col + 1)).strip()
    assert majority == "" and deviant == "1"


def test_one_story_at_a_time_and_sortable_tables(browser, report25_path: Path) -> None:  # type: ignore[no-untyped-def]
    page, _errors = _load(browser, report25_path, 1400)
    visible = ".card:not(.hidden)"
    assert page.locator(visible).count() == 1  # the first story
    assert page.locator("article.source:not(.hidden)").count() == 5
    page.keyboard.press("s")
    assert page.locator(visible).count() == 1
    page.select_option("#f-story", "")
    assert page.locator(visible).count() == 5
    assert "Most sources" in (page.text_content(".card .readings") or "")
    first = "document.querySelector('.sources-table tbody tr th').textContent"
    page.click(".sources-table thead th:nth-child(1) button")
    ascending = page.evaluate(first)
    page.click(".sources-table thead th:nth-child(1) button")
    assert page.evaluate(first) != ascending


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots(
    browser, report25_path: Path, seeds_report, tmp_path: Path, scheme: str
) -> None:  # type: ignore[no-untyped-def]
    REPORTS.mkdir(exist_ok=True)
    seeds = tmp_path / "seeds.html"
    seeds.write_text(render(seeds_report, title="factcheck: seeds"), encoding="utf-8")
    for name, path in (("seeds", seeds), ("report25", report25_path)):
        page, errors = _load(browser, path, 1400, scheme)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert (background == "rgb(255, 255, 255)") == (scheme == "light")
        shot = REPORTS / f"{name}-{scheme}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert errors == []
        page.close()
