"""Quotations and their speakers, in the forms news writing uses."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.claims.quotes import find_quotes, is_named, same_speaker, shown_speaker
from factcheck.claims.segment import sentences


def _quotes(text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.speaker) for q in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('"The harbour will reopen next week," Harris said.', "Harris"),
        ('"The harbour will reopen next week," said Harris.', "Harris"),
        ('"The harbour will reopen next week," Harris told The Guardian.', "Harris"),
        ('"The harbour will reopen next week," a port spokesman told Reuters.', "a port spokesman"),
        ('"The harbour will reopen next week," stated Leona Harris.', "Leona Harris"),
        ('"The harbour will reopen next week," harbour master Leona Harris said.', "Leona Harris"),
        ('"The harbour will reopen next week," said Gov. Leona Harris.', "Gov. Leona Harris"),
        (
            '"The harbour will reopen," Leona Harris, the port director, said on Monday.',
            "Leona Harris",
        ),
        ('Leona Harris said: "The harbour will reopen next week."', "Leona Harris"),
        ('According to Leona Harris, "the harbour will reopen next week."', "Leona Harris"),
    ],
)
def test_attribution_forms(text: str, speaker: str) -> None:
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert quotes[0][1] == speaker


def test_curly_quote_across_sentences_and_a_pronoun() -> None:
    text = (
        "Mayor Leona Harris spoke first. “We are ready. The harbour will reopen next week,” "
        "she said."
    )
    [(words, speaker)] = _quotes(text)
    assert words == "We are ready. The harbour will reopen next week,"
    assert speaker == "Mayor Leona Harris"


def test_paragraph_left_open_continues_with_the_speaker() -> None:
    text = (
        "“The first ships will dock on Monday,” Harris said. “Crews have worked all night.\n\n"
        "“Nobody expected the repairs to go this fast.”"
    )
    quotes = _quotes(text)
    assert [q[0] for q in quotes] == [
        "The first ships will dock on Monday,",
        "Crews have worked all night.",
        "Nobody expected the repairs to go this fast.",
    ]
    assert all(q[1] == "Harris" for q in quotes)


def test_a_quotation_carried_into_a_paragraph_that_opens_without_a_mark() -> None:
    # The closing mark after a comma and before a space closes what the paragraph began
    # with; it opens nothing (the attribution after it is no quotation).
    text = (
        '"The harbour must reopen before the storms.\n\n'
        'The fishing fleet cannot wait another month for the dredgers, " Ellis told reporters.'
    )
    quotes = _quotes(text)
    assert [q[0] for q in quotes] == [
        "The harbour must reopen before the storms.",
        "The fishing fleet cannot wait another month for the dredgers,",
    ]
    assert quotes[1][1] == "Ellis"


def test_an_opening_mark_with_a_space_typed_after_it_still_opens() -> None:
    # The mark after the comma is followed by a space, but another mark closes what it
    # opens: a quotation, not the end of one carried over.
    text = 'Asked whether he would run again, Smith said, " I have not decided yet," and left.'
    assert [q[0] for q in _quotes(text)] == ["I have not decided yet,"]


def test_a_mark_after_a_word_and_a_space_still_opens() -> None:
    # An opening mark after a sentence's full stop and a space is followed by a word.
    quotes = _quotes('The mayor spoke first at the hearing. "We will rebuild the pier," she said.')
    assert [q[0] for q in quotes] == ["We will rebuild the pier,"]


def test_a_straight_mark_closed_by_a_curly_one() -> None:
    quotes = _quotes('"The roof caught fire within minutes of the alarm,” he said. The crew left.')
    assert [q[0] for q in quotes] == ["The roof caught fire within minutes of the alarm,"]


def test_apostrophes_are_not_quotes() -> None:
    assert _quotes("The port’s owners didn’t comment on the workers’ claims.") == []


def test_same_speaker() -> None:
    assert same_speaker("Leona Harris", "Harris") is True
    assert same_speaker("Leona Harris", "Tom Baker") is False
    assert same_speaker("a port spokesman", "Harris") is False
    assert same_speaker(None, "Harris") is None


def test_sentences_keep_titles_and_split_headlines() -> None:
    text = (
        "Port reopens after storm\nMr. Harris met Dr. Baker in the U.S. on Sept. 5. "
        "They agreed. The controversial tech. Firms disagreed."
    )
    got = [text[s.start : s.end] for s in sentences(text)]
    assert got[0] == "Port reopens after storm"
    assert "Mr. Harris met Dr. Baker in the U.S. on Sept. 5." in got
    assert "The controversial tech." in got and "Firms disagreed." in got


SPEAKER_CASES = tomllib.loads((Path(__file__).parent / "speakers.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("case", SPEAKER_CASES, ids=[c["name"] for c in SPEAKER_CASES])
def test_speaker_rules(case: dict) -> None:
    text = case["text"]
    [quote] = [q for q in find_quotes(text) if case["quote"] in text[q.start : q.end]]
    assert (quote.speaker or "") == case["speaker"]
    if "inferred" in case:
        assert quote.inferred is case["inferred"]
    if "named" in case:
        assert is_named(quote.speaker) is case["named"]


def test_bodies_are_unknown_speakers_and_messages_name_people() -> None:
    assert same_speaker("Fox News", "Tom Reyes") is None
    assert same_speaker("the Associated Press", "Reyes") is None
    assert same_speaker("Secretary of State Jane Roe", "Roe") is True
    assert shown_speaker(["Fox News", None, "Tom Reyes"]) == "Tom Reyes"
    assert shown_speaker(["Fox", "a spokeswoman"]) == "a spokeswoman"
    assert shown_speaker(["Fox News"]) is None
    assert shown_speaker(["the statements"]) is None  # a body in the plural: no speaker
    assert is_named("Tyra Banks") and is_named("Rebecca Courts")  # surnames, not bodies
    assert is_named("John Paul Hopping") and is_named("Kelly") and is_named("Ted Reed")
    assert not is_named("his remarks and") and not is_named("Meanwhile")
