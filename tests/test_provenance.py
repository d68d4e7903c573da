"""Provenance: the copy graph of a story, the origin of a deviant reading, majorities
that count a family of copies once. Articles written for these tests."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest

from factcheck.config import Settings
from factcheck.findings import recount
from factcheck.model import Evidence, Finding, Reading, Report, Severity, Source
from factcheck.pipeline import analyse
from factcheck.reporters import html_report, json_report

PARAGRAPHS = [
    "Harbour council approves new ferry terminal",
    "The Lindqvist harbour council voted on Tuesday to build a ferry terminal on the old "
    "coal wharf, ending a dispute that has divided the town for eleven years.",
    "The terminal will cost 48 million crowns and should open in the spring of 2027, "
    "according to the council's planning office.",
    "Councillor Maren Holt, who led the campaign for the terminal, said the vote was a "
    "relief for the fishing families who depend on the wharf.",
    '"We have waited far too long for a decision that everybody on this coast knew was '
    'coming," Holt told reporters outside the town hall.',
    "Opponents of the plan argued that the wharf should become a park and that the ferry "
    "company would leave within a decade.",
    "The regional transport authority has promised to pay for half of the construction "
    "and to run an extra bus line to the terminal.",
    "Work on the foundations is expected to begin in the autumn, once the old coal sheds "
    "have been cleared from the site.",
]
ORIGINAL = "\n\n".join(PARAGRAPHS) + "\n"

# Copies: A copies the original, cuts its last paragraph, changes the cost and
# misspells a word; B copies A, keeps both errors, cuts another paragraph and changes
# the opening year.
COPY_A = (
    "\n\n".join(PARAGRAPHS[:-1])
    .replace("48 million crowns", "84 million crowns")
    .replace("construction", "constrcution")
)
COPY_B = COPY_A.replace("spring of 2027", "spring of 2029").replace("\n\n" + PARAGRAPHS[5], "")

# Independent reports of the same news, in their own words (one quotes Holt the same way).
OWN_WORDS_1 = "\n\n".join(
    [
        "Lindqvist to get its ferry terminal",
        "After eleven years of argument, the harbour council of Lindqvist on Tuesday backed "
        "a ferry terminal on the former coal wharf.",
        "The new terminal would cost 48 million crowns and could open in the spring of "
        "2027, planners said.",
        '"We have waited far too long for a decision that everybody on this coast knew was '
        'coming," said Maren Holt, the councillor who championed the project.',
        "Critics had wanted a park on the wharf and warned that the ferry operator might "
        "pull out within ten years.",
        "Half of the building costs will be met by the regional transport authority, which "
        "also plans a new bus route.",
    ]
)
OWN_WORDS_2 = "\n\n".join(
    [
        "Ferry terminal wins council vote in Lindqvist",
        "Lindqvist's councillors have approved a ferry terminal for the disused coal wharf, "
        "settling a quarrel that began eleven years ago.",
        "The project is budgeted at 48 million crowns, and the first ferries should dock in "
        "the spring of 2027.",
        "Maren Holt, the councillor behind the project, called the vote a relief for "
        "fishing families that rely on the wharf.",
        "The regional transport authority will fund half of the works and add a bus line "
        "to serve the terminal.",
    ]
)


@pytest.fixture(scope="module")
def report() -> Report:
    sources = [
        Source("original", "original.txt", ORIGINAL),
        Source("copy-a", "copy-a.txt", COPY_A),
        Source("copy-b", "copy-b.txt", COPY_B),
        Source("own-1", "own-1.txt", OWN_WORDS_1),
        Source("own-2", "own-2.txt", OWN_WORDS_2),
    ]
    return analyse(sources, Settings())


def _pairs(report: Report) -> set[frozenset[str]]:
    return {frozenset((e.source, e.copy)) for e in report.provenance}


def test_copies_are_linked_parent_to_child(report: Report) -> None:
    pairs = _pairs(report)
    assert frozenset(("original", "copy-a")) in pairs
    assert frozenset(("copy-a", "copy-b")) in pairs
    # The copy of a copy hangs from its parent, not from the original.
    assert frozenset(("original", "copy-b")) not in pairs


def test_independent_reports_are_not_linked(report: Report) -> None:
    linked = {s for p in _pairs(report) for s in p}
    assert "own-1" not in linked
    assert "own-2" not in linked


def test_shared_errors_are_the_evidence_and_stand_where_they_say(report: Report) -> None:
    texts = {s.id: s.text for s in report.sources}
    edge = next(e for e in report.provenance if {e.source, e.copy} == {"copy-a", "copy-b"})
    errors = [r for r in edge.shared if r.kind == "error"]
    assert any("84" in r.text for r in errors)
    for r in edge.shared:
        assert {p.source for p in r.places} <= {"copy-a", "copy-b"}
        for p in r.places:
            assert 0 <= p.start < p.end <= len(texts[p.source])
        if r.kind == "wording":
            first = r.places[0]
            assert texts[first.source][first.start : first.end] == r.text
        if r.text == "constrcution":
            assert all(texts[p.source][p.start : p.end] == "constrcution" for p in r.places)


def test_direction_and_origin_of_each_error(report: Report) -> None:
    found = {(e.source, e.copy): e for e in report.provenance}
    assert found[("original", "copy-a")].directed
    assert found[("copy-a", "copy-b")].directed
    cost = next(f for f in report.findings if any("84" in r.text for r in f.readings))
    deviant = next(r for r in cost.readings if "84" in r.text)
    assert set(deviant.sources) == {"copy-a", "copy-b"}
    assert deviant.origin == "copy-a"
    assert cost.origin == "copy-a"
    year = next(f for f in report.findings if any("2029" in r.text for r in f.readings))
    assert year.origin == "copy-b"


def test_a_family_of_copies_is_one_witness(report: Report) -> None:
    """The original and an independent report read 48, two copies read 84: the copies
    count once."""
    cost = next(f for f in report.findings if any("84" in r.text for r in f.readings))
    majority = [r for r in cost.readings if r.majority]
    assert majority and "48" in majority[0].text


def _finding(readings: tuple[Reading, ...]) -> Finding:
    evidence = tuple(Evidence(s, f"{s}:c1", "x", 0, 1) for r in readings for s in r.sources)
    return Finding(
        "abc123def456",
        "conflict-number",
        Severity.MEDIUM,
        "Numbers differ: 'told'",
        evidence,
        readings=readings,
    )


def test_recount_changes_the_majority_but_never_the_id() -> None:
    copies = Reading("$9", ("c1", "c2", "c3"), majority=True)
    independents = Reading("$7", ("i1", "i2"))
    f = _finding((copies, independents))
    out = recount(f, 1, ["c1", ""])
    assert out.id == f.id
    assert out.readings[0].text == "$7" and out.readings[0].majority
    assert out.readings[1].origin == "c1" and not out.readings[1].majority


def test_dates_give_the_direction() -> None:
    """B is dated before A: B is the source, whatever the cuts say."""
    sources = [
        Source("a", "a.txt", COPY_A, date="2026-05-02T10:00"),
        Source("b", "b.txt", COPY_B, date="2026-05-01T09:00"),
        Source("own-1", "own-1.txt", OWN_WORDS_1),
    ]
    edges = analyse(sources, Settings()).provenance
    assert [(e.source, e.copy, e.directed, e.why) for e in edges] == [("b", "a", True, "date")]


def test_no_copies_no_edges() -> None:
    sources = [Source("own-1", "own-1.txt", OWN_WORDS_1), Source("own-2", "own-2.txt", OWN_WORDS_2)]
    assert analyse(sources, Settings()).provenance == ()


def test_reports_show_the_copy_graph(report: Report) -> None:
    data = json.loads(json_report.render(report))
    edges = data["provenance"]
    assert edges and {"source", "copy", "directed", "confidence", "shared"} <= set(edges[0])
    assert all(
        p.keys() == {"source", "start", "end"}
        for e in edges
        for r in e["shared"]
        for p in r["places"]
    )
    named = dataclasses.replace(
        report,
        sources=tuple(
            dataclasses.replace(s, outlet="<script>alert(1)</script>") if s.id == "copy-a" else s
            for s in report.sources
        ),
    )
    page = html_report.render(named)
    section = page[page.index('id="provenance"') :]
    section = section[: section.index("</section>")]
    assert "<svg" in section and "marker-end" in section
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in section
    assert "http" not in section


def test_input_order_changes_nothing(report: Report) -> None:
    backwards = analyse(list(reversed(report.sources)), Settings())

    def graph(r: Report) -> set[tuple[str, str, bool]]:
        return {(e.source, e.copy, e.directed) for e in r.provenance}

    def origins(r: Report) -> set[tuple[str, tuple[str, ...], str]]:
        return {(f.kind, tuple(sorted(f.sources)), f.origin) for f in r.findings}

    assert graph(backwards) == graph(report)
    assert origins(backwards) == origins(report)


def test_families_are_the_connected_groups_of_links() -> None:
    from factcheck.stories.provenance import _families

    linked = np.zeros((6, 6), dtype=bool)
    for a, b in ((0, 2), (2, 4), (1, 5)):  # a chain, a pair, one alone
        linked[a, b] = linked[b, a] = True
    family = _families(6, linked)
    assert family[0] == family[2] == family[4]
    assert family[1] == family[5]
    assert len({family[0], family[1], family[3]}) == 3


def test_the_copy_forest_joins_the_closest_pairs_first() -> None:
    from factcheck.stories.provenance import _spanning_forest

    # Four sources all linked; 0-1 and 2-3 are the closest pairs, then 1-2; the rest
    # would close a loop.
    linked = ~np.eye(4, dtype=bool)
    closeness = np.full((4, 4), -10.0, dtype=np.float32)
    for (a, b), c in {(0, 1): -1.0, (2, 3): -1.0, (1, 2): -2.0}.items():
        closeness[a, b] = closeness[b, a] = c
    score = np.ones((4, 4), dtype=np.float32)
    assert _spanning_forest(linked, closeness, score) == [(0, 1), (2, 3), (1, 2)]
    apart = linked.copy()
    apart[:2, 2:] = apart[2:, :2] = False  # two families: no pair joins them
    assert _spanning_forest(apart, closeness, score) == [(0, 1), (2, 3)]


def test_a_family_votes_for_the_reading_nearest_its_root_or_held_most() -> None:
    from factcheck.stories.provenance import _family_votes, _Tree

    # One family: o1 the root, o2 a copy of it known by a date, o3..o6 copies whose
    # edges have no direction; o7 a family of its own.
    family = {s: "o1" for s in ("o1", "o2", "o3", "o4", "o5", "o6")} | {"o7": "o7"}
    depth = {"o1": 0, "o2": 1, "o3": 1, "o4": 1, "o5": 2, "o6": 2, "o7": 0}
    tree = _Tree(depth, family, settled={"o2"})
    # The root's reading against a directed copy's: the root's.
    assert _family_votes([("o1",), ("o2",)], tree) == {"o1": {0}}
    # Undirected copies stand with their parents: most of them hold reading 1.
    assert _family_votes([("o1", "o3"), ("o4", "o5", "o6")], tree) == {"o1": {1}}
    # Two sources, neither known to copy the other, each its own reading: both vote.
    assert _family_votes([("o1",), ("o3",)], tree) == {"o1": {0, 1}}
    assert _family_votes([("o1",), ("o7",)], tree) == {"o1": {0}, "o7": {1}}
