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
