"""Findings of one fact joined (findings.one_per_fact): what joins them, what keeps them apart."""

from __future__ import annotations

import pytest

from factcheck.config import Settings
from factcheck.findings import one_per_fact
from factcheck.model import Evidence, Finding, Severity

TEXT = "Jobless claims rose last week, the department said."


def _finding(fid: str, claims: tuple[str, str], sources: tuple[str, str]) -> Finding:
    at = TEXT.index("last week")
    items = tuple(
        Evidence(source, claim, TEXT, 0, len(TEXT), ((at, at + len("last week")),))
        for source, claim in zip(sources, claims, strict=True)
    )
    return Finding(fid, "conflict-date", Severity.INFO, f"message {fid}", items)


def test_findings_sharing_a_claim_with_two_readings_are_one() -> None:
    other = TEXT.replace("last week", "this week")
    at = other.index("this week")
    second = Finding(
        "f2",
        "conflict-date",
        Severity.MEDIUM,
        "message f2",
        (
            Evidence("b", "c2", TEXT, 0, len(TEXT), ((20, 29),)),
            Evidence("c", "c3", other, 0, len(other), ((at, at + 9),)),
        ),
    )
    out = one_per_fact([_finding("f1", ("c1", "c2"), ("a", "b")), second], {}, Settings())
    (merged,) = out
    assert {r.text: r.sources for r in merged.readings} == {
        "last week": ("a", "b"),
        "this week": ("c",),
    }


def _pair(
    fid: str, kind: str, one: tuple[str, str, str, str], two: tuple[str, str, str, str]
) -> Finding:
    """A finding between two claims: (source, claim, text, highlighted words) each."""
    items = []
    for source, claim, text, words in (one, two):
        at = text.index(words)
        items.append(Evidence(source, claim, text, 0, len(text), ((at, at + len(words)),)))
    return Finding(fid, kind, Severity.MEDIUM, f"message {fid}", tuple(items))


Place = tuple[str, str, str, str]  # source, claim, text, highlighted words


def _merged(kind: str, *pairs: tuple[Place, Place]) -> list[Finding]:
    """One finding of ``kind`` per pair of places (f1, f2, ...), merged one per fact."""
    found = [_pair(f"f{n}", kind, one, two) for n, (one, two) in enumerate(pairs, 1)]
    return one_per_fact(found, {}, Settings())


@pytest.mark.parametrize(
    ("b", "c", "second"),
    [
        # Dates of other months on one day number are two readings.
        (
            ("b", "c2", "On April 12, an inspection found cracks.", "April 12"),
            ("c", "c3", "The inspection of April 12 found cracks.", "April 12"),
            "April 12",
        ),
        # A figure highlighted with and without its month is one reading.
        (
            ("b", "c2", "The permit was issued March 19.", "19"),
            ("c", "c3", "It was issued on March 19, the office said.", "March 19"),
            "March 19",
        ),
    ],
)
def test_a_dates_reading_is_its_day_and_month(b: Place, c: Place, second: str) -> None:
    a = ("a", "c1", "The permit was issued March 12.", "March 12")
    (merged,) = _merged("conflict-date", (a, b), (b, c))
    assert {r.text: r.sources for r in merged.readings} == {
        "March 12": ("a",),
        second: ("b", "c"),
    }


def test_overlapping_highlights_of_words_are_all_kept() -> None:
    # Only a figure's highlights are cut to the narrowest; the words two other sources
    # differ on in one claim are both shown.
    text = "The plan spends far too much money on roads."
    a1 = ("a", "c1", text, "far too")
    a2 = ("a", "c1", text, "too much money")
    b = ("b", "c2", "The plan spends too little on roads.", "too little")
    c = ("c", "c3", "The plan spends far more on roads.", "far more")
    (merged,) = _merged("conflict-negation", (a1, b), (a2, c))
    (evidence,) = [e for e in merged.evidence if e.claim == "c1"]
    assert [text[s:t] for s, t in evidence.highlights] == ["far too", "too much money"]


def test_two_figures_of_one_sentence_are_two_facts() -> None:
    # A sentence of several figures: a second source differs on the hours, a third on
    # the miles. Two facts, each with its own readings, not one finding of four.
    text = "The crew drove 9 hours and 410 miles to the coast."
    a_hours = ("a", "c1", text, "9 hours")
    a_miles = ("a", "c1", text, "410 miles")
    b = ("b", "c2", "The crew drove 11 hours to reach the coast.", "11 hours")
    c = ("c", "c3", "They covered 380 miles to the coast.", "380 miles")
    out = _merged("conflict-number", (a_hours, b), (a_miles, c))
    assert sorted(sorted((r.text, r.sources) for r in f.readings) for f in out) == [
        [("11 hours", ("b",)), ("9 hours", ("a",))],
        [("380 miles", ("c",)), ("410 miles", ("a",))],
    ]


def test_two_places_of_one_quotation_stay_one_fact() -> None:
    # Words are joined by the claim they share: two places of one quotation that two
    # other sources print otherwise are one remark told three ways.
    text = "“We never planned to close the clinic,” she said."
    a1 = ("a", "c1", text, "never planned")
    a2 = ("a", "c1", text, "close the clinic")
    b = ("b", "c2", "“We never wanted to close the clinic,” she said.", "never wanted")
    c = ("c", "c3", "“We never planned to shut the clinic,” she said.", "shut the clinic")
    assert len(_merged("misquote", (a1, b), (a2, c))) == 1


def test_a_majority_of_families_is_told_as_such() -> None:
    # Provenance counts a copy and its original as one vote: one source may then
    # outvote another, and the message must not call one of two sources "most".
    from factcheck.findings import recount

    a = ("a", "c1", "The bridge will cost $40 million to repair.", "$40 million")
    b = ("b", "c2", "The bridge will cost $45 million to repair.", "$45 million")
    a2 = ("a", "c4", "Repairs will cost $40 million, the city said.", "$40 million")
    (merged,) = _merged("conflict-number", (a, b), (b, a2))
    assert not any(r.majority for r in merged.readings)  # one source each
    told = recount(merged, 0, ["", "b"]).message
    assert "(most sources, copies counted once)" in told
    c = ("c", "c3", "Repairs to the bridge will cost $40 million.", "$40 million")
    (merged,) = _merged("conflict-number", (a, b), (c, b))
    assert "(most sources)" in merged.message
    assert "copies counted once" not in merged.message
