"""Work split over processes gives exactly what one process gives."""

from __future__ import annotations

import os

import pytest

from factcheck.claims import assemble as claims
from factcheck.claims.assemble import extract_all
from factcheck.model import Source

TEXTS = [
    "Port strike ends\n\nDock workers voted on Friday to end a nine-day strike. "
    "“We got what we came for,” union leader Ana Ruiz said.",
    "Dock strike over after vote\n\nWorkers at the port voted Friday to end their strike, "
    "which lasted nine days. Ruiz said the deal raises wages by 4% a year.",
    "The port authority said ships would dock again by Monday. It did not say how "
    "many containers were waiting.\n\nShipping firms welcomed the vote.",
    "Ünïcode, “curly quotes” — and a U.S. abbreviation. Mr. Smith left at 3 p.m. on Sept. 5.",
]


@pytest.mark.parametrize("jobs", [2, 3])
def test_parallel_claims_equal_serial(monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    monkeypatch.setattr(claims, "PARALLEL_FROM", 2)
    sources = [Source(f"s{i}", f"s{i}.txt", TEXTS[i % len(TEXTS)]) for i in range(9)]
    serial = extract_all(sources, 1)
    parallel = extract_all(sources, jobs)
    assert parallel == serial
    assert [c.id for c in parallel] == [f"c{i}" for i in range(len(serial))]
    assert all(c.tokens == s.tokens for c, s in zip(parallel, serial, strict=True))


@pytest.mark.parametrize("jobs", [1, 2])
def test_copies_of_a_sentence_share_its_text_and_words(
    monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    """A corpus of outlets prints many sentences more than once: their claims hold one
    text and one tuple of words between them, whichever way the claims were made."""
    monkeypatch.setattr(claims, "PARALLEL_FROM", 2)
    sources = [Source(f"s{i}", f"s{i}.txt", TEXTS[i % 2]) for i in range(6)]
    made = extract_all(sources, jobs)
    first: dict[str, object] = {}
    copies = 0
    for c in made:
        seen = first.setdefault(c.text, c)
        if seen is not c:
            copies += 1
            assert c.text is seen.text and c.words is seen.words
            assert c.source != seen.source and c.id != seen.id
    assert copies == len(made) - len(first) > 0


def test_a_task_holds_few_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    """A worker keeps the memory of its largest task: ranges are capped, whatever the
    corpus, and the claims are those of one process."""
    from factcheck.runtime import forking

    monkeypatch.setattr(claims, "PARALLEL_FROM", 2)
    monkeypatch.setattr(claims, "RANGE_MAX", 3)
    sources = [Source(f"s{i}", f"s{i}.txt", TEXTS[i % len(TEXTS)]) for i in range(200)]
    sizes: list[int] = []
    real = forking.Workers.map

    def spy(self, fn, items):  # type: ignore[no-untyped-def]
        def seen():  # type: ignore[no-untyped-def]
            for item in items:
                sizes.append(len(item))
                yield item

        return real(self, fn, seen())

    monkeypatch.setattr(forking.Workers, "map", spy)
    assert extract_all(sources, 2) == extract_all(sources, 1)
    assert sizes and max(sizes) <= 3 and sum(sizes) == len(sources)


def test_forked_checks_report_what_one_process_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    from pathlib import Path

    from factcheck import pipeline
    from factcheck.checks import runner
    from factcheck.config import Settings
    from factcheck.runtime import forking
    from factcheck.sources import read_paths
    from tests.conftest import BRIDGE_A, BRIDGE_B

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    sources = list(read_paths([str(seeds)]).sources)
    sources += [Source("bridge-a", "a.txt", BRIDGE_A), Source("bridge-b", "b.txt", BRIDGE_B)]
    one = pipeline.analyse(sources, Settings(jobs=1))
    assert len(one.stories) >= 2  # something to share out
    monkeypatch.setattr(runner, "PARALLEL_CHECKS_FROM", 0)
    calls: list[int] = []
    real = forking.Workers.map

    def spy(*args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(forking.Workers, "map", spy)
    forked = pipeline.analyse(sources, Settings(jobs=2))
    assert calls  # the stories were shared with forked workers
    assert "check:conflicts" in forked.timings
    assert forked.findings == one.findings
    assert forked.spin == one.spin
    assert forked.provenance == one.provenance  # in story order, as one process gives
    assert one.findings  # the comparison is not of two empty reports


def test_a_dead_worker_is_an_error_not_a_hang(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: object
) -> None:
    from pathlib import Path

    from factcheck.checks import runner
    from factcheck.cli import main

    monkeypatch.setattr(runner, "PARALLEL_CHECKS_FROM", 0)
    monkeypatch.setattr(runner, "_run_part", _die)
    from tests.conftest import BRIDGE_A, BRIDGE_B

    corpus = Path(str(tmp_path)) / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(BRIDGE_A, encoding="utf-8")
    (corpus / "b.txt").write_text(BRIDGE_B, encoding="utf-8")
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    out = Path(str(tmp_path)) / "r.json"
    argv = ["check", str(seeds), str(corpus), "--jobs", "2", "-q", "--format", "json", "-o"]
    code = main([*argv, str(out)])
    err = capsys.readouterr().err
    assert code == 2
    assert "worker process died" in err and "Traceback" not in err


def _die(*_args: object) -> object:
    from factcheck.checks.runner import CheckResult

    if os.getpid() != _TEST_PROCESS:
        os._exit(9)  # as the kernel's out-of-memory killer would end a worker
    return CheckResult()  # the check run here (none does now, but it must live on)


_TEST_PROCESS = os.getpid()


_MADE_AFTER: list[str] = []


def _seen(item: int) -> tuple[int, list[str]]:
    return item, list(_MADE_AFTER)


def test_workers_hold_what_existed_when_forked_not_what_came_after() -> None:
    """The checks' claims are made after the workers fork: a worker must not hold them
    (it would copy every page of them it touches), only what is sent to it."""
    from factcheck.runtime.forking import Workers

    with Workers(2) as workers:
        _MADE_AFTER.append("made after the fork")
        try:
            results = list(workers.map(_seen, range(5)))
        finally:
            _MADE_AFTER.clear()
    assert [n for n, _ in results] == list(range(5))  # in order
    assert all(after == [] for _, after in results)


def test_workers_read_items_as_they_go() -> None:
    """A generator of large items (a batch of stories with its claims) is not held whole."""
    from factcheck.runtime import forking

    drawn: list[int] = []

    def items():  # type: ignore[no-untyped-def]
        for n in range(40):
            drawn.append(n)
            yield n

    with forking.Workers(2) as workers:
        results = workers.map(_seen, items())
        first = next(results)
        ahead = len(drawn)
        rest = list(results)
    assert first[0] == 0 and [r[0] for r in rest] == list(range(1, 40))
    assert ahead <= 2 * forking.AHEAD + 1
