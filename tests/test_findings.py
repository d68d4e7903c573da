"""Findings of one fact joined (findings.one_per_fact): what joins them, what keeps them apart."""

from __future__ import annotations

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


def test_findings_whose_claims_read_alike_once_joined_stay_apart() -> None:
    # "last week" in articles of different days: each pair differs, but joined through
    # the claim they share every claim reads "last week", which is no conflict to tell.
    found = [_finding("f1", ("c1", "c2"), ("a", "b")), _finding("f2", ("c2", "c3"), ("b", "c"))]
    out = one_per_fact(found, {}, Settings())
    assert [f.id for f in out] == ["f1", "f2"]


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
