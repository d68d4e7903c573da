"""Offsets are sacred: text[start:end] is what the user sees, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.claims.assemble import extract
from factcheck.model import Source
from factcheck.text.fold import fold, tokenize, word_spans
from tests.conftest import analyse_texts, assert_offsets

PIECES = st.sampled_from(
    [
        "The minister said",
        "“We will not",
        "sell it,”",
        '"quoted words"',
        " ",
        "\n",
        "\n\n",
        "Mr.",
        "U.S.",
        "$2.5 billion",
        "â€™",
        "’",
        "—",
        "\u00a0",
        "ﬁnance",
        "e\u0301",
        "😀",
        "Smith told reporters.",
        "It was 3 p.m. on Sept. 5.",
        "‘single’",
        "won’t",
        "-",
        "...",
        "Ünïcödé",
        "\r\n",
        "\t",
        "AI",
        "Al",
        "organisation",
    ]
)


@given(st.lists(PIECES, max_size=40).map(" ".join))
@settings(max_examples=150, deadline=None)
def test_claims_and_tokens_point_into_raw_text(text: str) -> None:
    source = Source("s", "s.txt", text)
    for claim in extract(source):
        assert text[claim.start : claim.end] == claim.text
        for t in claim.tokens:
            assert text[t.start : t.end] == t.text


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_fold_maps_back_to_raw(text: str) -> None:
    folded = fold(text)
    raw = folded.offsets()
    assert len(raw) == len(folded.text) + 1
    assert list(raw) == sorted(raw)
    for i, ch in enumerate(folded.text):
        start, end = folded.span(i, i + 1)
        assert 0 <= start < end <= len(text) and (ch.isspace() or text[start:end].strip())
    for t in tokenize(text):
        assert text[t.start : t.end] == t.text


@given(st.lists(PIECES, max_size=40).map(" ".join), st.integers(0, 50), st.integers(0, 12))
@settings(max_examples=150, deadline=None)
def test_word_spans_are_where_tokenize_puts_words(text: str, base: int, stop: int) -> None:
    spans = [(t.start, t.end) for t in tokenize(text, base)]
    assert word_spans(text, base) == spans
    assert word_spans(text, base, stop) == spans[:stop]


@given(
    st.lists(PIECES, min_size=5, max_size=30).map(" ".join),
    st.lists(PIECES, min_size=5, max_size=30).map(" ".join),
)
@settings(max_examples=40, deadline=None)
def test_whole_pipeline_offsets(a: str, b: str) -> None:
    assert_offsets(analyse_texts({"a": a, "b": b + " " + a}))


def test_mojibake_folds_for_comparison_only() -> None:
    raw = "weâ€™ve put “in” place"
    folded = fold(raw)
    assert folded.text.startswith('we\'ve put "in"')
    tokens = tokenize(raw)
    assert tokens[0].norm == "we've"
    assert raw[tokens[0].start : tokens[0].end] == "weâ€™ve"
