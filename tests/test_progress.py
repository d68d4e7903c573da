"""The progress bar: nothing for two seconds, then a bar with the stage's counts."""

from __future__ import annotations

import io

from factcheck.runtime.progress import Progress


class _Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_quiet_for_two_seconds_then_a_bar_with_counts() -> None:
    clock = _Clock()
    out = io.StringIO()
    bar = Progress(out, clock=clock, force_terminal=True)
    bar("claims: sources", 10, 400)
    clock.now += 1.5
    bar("claims: sources", 200, 400)
    assert out.getvalue() == "" and not bar.drawn
    clock.now += 1.0
    bar("clusters: candidate pairs", 1500, 6000)
    bar._bar.refresh()
    shown = out.getvalue()
    assert "clusters: candidate pairs" in shown and "1500/6000" in shown
    bar("checks: stories", 3, 12)
    bar._bar.refresh()
    assert "3/12" in out.getvalue()
    bar.close()
    assert not bar.drawn


def test_a_short_run_draws_nothing() -> None:
    out = io.StringIO()
    bar = Progress(out, force_terminal=True)
    bar("reading", 2, 2)
    bar("claims: sources", 2, 2)
    bar.close()
    assert out.getvalue() == ""


def test_pipeline_reports_counts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from factcheck.config import Settings
    from factcheck.pipeline import run
    from tests.conftest import BRIDGE_A, BRIDGE_B

    (tmp_path / "a.txt").write_text(BRIDGE_A)
    (tmp_path / "b.txt").write_text(BRIDGE_B)
    heard: list[tuple[object, ...]] = []
    run([str(tmp_path)], Settings(), lambda *args: heard.append(args))
    stages = {args[0] for args in heard}
    assert {"reading", "claims: sources", "clusters: candidate pairs", "checks: stories"} <= stages
    assert ("claims: sources", 2, 2) in heard
    assert any(a[0] == "clusters: candidate pairs" and len(a) == 3 and a[2] >= 1 for a in heard)
