"""Finding ids: one per finding, stable as the text around them moves."""

from __future__ import annotations

import sys
from pathlib import Path

from factcheck.config import Settings
from factcheck.findings import unique_ids
from factcheck.model import Evidence, Finding, Severity, Source
from factcheck.pipeline import analyse

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _finding(fid: str, text: str, start: int) -> Finding:
    ev = Evidence("a", "c1", text, start, start + len(text))
    return Finding(
        fid, "misquote", Severity.MEDIUM, "m", (ev, Evidence("b", "c2", text, 0, len(text)))
    )


def test_findings_sharing_a_fingerprint_get_their_own_ids_by_their_sentences() -> None:
    one = _finding("abc", "The mayor said the plan would work.", 10)
    two = _finding("abc", "The mayor said the tunnel would open.", 90)
    ids = [f.id for f in unique_ids([one, two])]
    assert len(set(ids)) == 2
    moved = [f.id for f in unique_ids([_finding("abc", two.evidence[0].text, 5), one])]
    assert sorted(moved) == sorted(ids)  # the sentences name them, not where they stand
    lone = _finding("xyz", "Another sentence entirely.", 0)
    assert unique_ids([lone]) == [lone]


def test_ids_are_unique_on_a_generated_bench_corpus() -> None:
    sys.path.insert(0, str(BENCH))
    import gen_corpus

    rows = gen_corpus.generate(300, seed=5)
    sources = [Source(r["id"], r["id"], r["text"]) for r in rows]
    report = analyse(sources, Settings(jobs=1))
    ids = [f.id for f in report.findings]
    assert ids and len(ids) == len(set(ids))
