from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.config import Settings
from factcheck.model import Report, Source
from factcheck.pipeline import analyse

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = ROOT / "seeds"
ARTIFACTS = ROOT / "tests" / "artifacts"  # screenshots kept from the browser tests


# Two outlets on one story: a changed amount and a word dropped from a quote.
BRIDGE_A = """Bridge budget approved

The council approved a budget of $2.5 billion for the new bridge, officials said on Thursday.
"We have to rebuild the trust of our residents step by step," Mayor Ann Lee said."""
BRIDGE_B = """Council passes bridge plan

The council approved a budget of $1.8 billion for the new bridge, officials said.
"We have to rebuild trust of our residents step by step," Lee said."""


def analyse_texts(
    texts: dict[str, str], settings: Settings | None = None, dates: dict[str, str] | None = None
) -> Report:
    """Run the whole pipeline on in-memory articles (id → text, and id → date if any)."""
    dates = dates or {}
    sources = [
        Source(id=k, path=f"{k}.txt", text=v, date=dates.get(k, "")) for k, v in texts.items()
    ]
    return analyse(sources, settings or Settings())


def assert_offsets(report: Report) -> None:
    """Offsets are sacred: every claim, evidence and highlight points into the text as read."""
    texts = {s.id: s.text for s in report.sources}
    for c in report.claims:
        assert texts[c.source][c.start : c.end] == c.text
        for q in c.quotes:
            assert c.start <= q.start < q.end <= c.end
        for t in c.tokens:
            assert texts[c.source][t.start : t.end] == t.text
    for f in report.findings:
        for e in f.evidence:
            assert texts[e.source][e.start : e.end] == e.text
            for s, end in e.highlights:
                assert e.start <= s < end <= e.end


@pytest.fixture(scope="session")
def seeds_report() -> Report:
    from factcheck.pipeline import run

    return run([str(SEEDS)], Settings())
