"""Word alignment: a valid edit script, and difflib's where the sentences differ."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from factcheck.align.edits import Edit, align

VOCAB = "the council said on friday that it would not raise fares for buses and trams".split()


def _valid(a: list[str], b: list[str], edits: list[Edit]) -> bool:
    """The edits cover both sequences in order, and every equal block is equal."""
    i = j = 0
    for e in edits:
        if (e.a1, e.b1) != (i, j):
            return False
        if e.tag == "equal" and a[e.a1 : e.a2] != b[e.b1 : e.b2]:
            return False
        i, j = e.a2, e.b2
    return (i, j) == (len(a), len(b))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param(
            "the council will not raise bus fares this year",
            "the council will not raise tram fares this year",
            [Edit("equal", 0, 5, 0, 5), Edit("replace", 5, 6, 5, 6), Edit("equal", 6, 9, 6, 9)],
            id="one changed word is one replacement",
        ),
        pytest.param(
            "officials said the bridge will open in march",
            "the bridge will open in april",
            [Edit("delete", 0, 2, 0, 0), Edit("equal", 2, 7, 0, 5), Edit("replace", 7, 8, 5, 6)],
            id="changes at either end",
        ),
        pytest.param(
            "the mayor said bus fares rise and tram fares fall",
            "the mayor said train fares rise and metro fares fall",
            [
                Edit("equal", 0, 3, 0, 3),
                Edit("replace", 3, 4, 3, 4),
                Edit("equal", 4, 7, 4, 7),
                Edit("replace", 7, 8, 7, 8),
                Edit("equal", 8, 10, 8, 10),
            ],
            id="a word dropped beside a word added is one replacement, between shared words",
        ),
    ],
)
def test_edit_scripts(a: str, b: str, expected: list[Edit]) -> None:
    assert align(a.split(), b.split()) == expected


def test_random_rewrites_give_valid_scripts_like_difflib() -> None:
    rng = random.Random(11)
    same_as_difflib = 0
    for _ in range(500):
        a = [rng.choice(VOCAB) for _ in range(rng.randint(0, 14))]
        b = list(a)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(b) + 1)
            op = rng.choice(("insert", "delete", "replace"))
            if op == "insert":
                b.insert(k, rng.choice(VOCAB))
            elif b and k < len(b):
                if op == "delete":
                    del b[k]
                else:
                    b[k] = rng.choice(VOCAB)
        edits = align(a, b)
        assert _valid(a, b, edits), (a, b, edits)
        reference = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        same_as_difflib += [
            tuple(e.__getattribute__(f) for f in Edit.__slots__) for e in edits
        ] == [tuple(op) for op in reference]
    assert same_as_difflib >= 450  # repeated words may align either way; most agree


def test_an_excerpt_opening_with_a_word_said_earlier_is_matched_as_one_run() -> None:
    # "that" stands twice in the longer quotation: the excerpt's opening "that" goes with
    # the words it runs into, so the longer one only has more words before it (and the
    # two end otherwise, so no shared ending decides it).
    excerpt = "that we cannot win this vote before the recess ends".split()
    longer = "there are members that are telling us now that we cannot win this vote".split()
    longer += "before the recess is over".split()
    ending = Edit("replace", 9, 10, 17, 19)
    assert align(excerpt, longer) == [
        Edit("insert", 0, 0, 0, 8),
        Edit("equal", 0, 9, 8, 17),
        ending,
    ]
    assert align(longer, excerpt) == [
        Edit("delete", 0, 8, 0, 0),
        Edit("equal", 8, 17, 0, 9),
        Edit("replace", 17, 19, 9, 10),
    ]
