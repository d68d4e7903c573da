"""The blocking index: claims that state one fact become candidates; chance meetings
of a large corpus do not."""

from __future__ import annotations

import pytest

from factcheck.clusters import blocking
from factcheck.clusters.blocking import candidate_pairs
from factcheck.config import Settings

# Seven distinct words each: every word is in the indexed prefix.
A = "harbour pilots refused overnight shifts lantern breakwater".split()
A_COPY = "harbour pilots refused night shifts lantern breakwater".split()
# Shares two words with A ("lantern", "breakwater") and nothing else.
CHANCE = "museum volunteers repainted lantern frames beside breakwater".split()
FILLER = [f"word{i} other{i} thing{i} more{i} extra{i}".split() for i in range(20)]


def _pairs(words: list[list[str]]) -> set[tuple[int, int]]:
    return {(a, b) for a, b in candidate_pairs(words, Settings()).tolist()}


def test_near_copies_are_candidates() -> None:
    assert (0, 1) in _pairs([A, A_COPY, *FILLER])


def test_two_shared_rare_words_meet_in_a_small_corpus() -> None:
    assert (0, 1) in _pairs([A, CHANCE, *FILLER])


def test_chance_meetings_are_dropped_in_a_large_corpus(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(blocking, "CHANCE_FROM", 0)
    pairs = _pairs([A, CHANCE, A_COPY, *FILLER])
    assert (0, 2) in pairs
    assert (0, 1) not in pairs and (1, 2) not in pairs


def test_short_claims_meet_on_one_word() -> None:
    assert (0, 1) in _pairs([["know", "dont"], ["know"], *FILLER])


def test_copies_meet_each_other_and_the_rewrite() -> None:
    # Three outlets copy one sentence word for word, a fourth rewrites one word.
    pairs = _pairs([A, FILLER[0], A, A_COPY, FILLER[1], A])
    expected = {(0, 2), (0, 3), (0, 5), (2, 3), (2, 5), (3, 5)}
    assert expected <= pairs
    assert not any(1 in p or 4 in p for p in pairs)


def test_the_posting_cap_counts_wordings_not_copies() -> None:
    settings = Settings(max_postings=3)
    # A sentence copied word for word by many outlets is one wording: its copies meet.
    copies = {(a, b) for a, b in candidate_pairs([A] * 6 + FILLER, settings).tolist()}
    assert copies == {(a, b) for a in range(6) for b in range(a + 1, 6)}
    # Four differently worded claims under the same keys are more than three wordings.
    reworded = [[*A[:-1], end] for end in ("pier", "jetty", "quay", "wharf")]
    assert candidate_pairs([*reworded, *FILLER], settings).tolist() == []
    few = {(a, b) for a, b in candidate_pairs([*reworded[:3], *FILLER], settings).tolist()}
    assert few == {(0, 1), (0, 2), (1, 2)}


def test_a_hub_keeps_its_strongest_links_between_hubs() -> None:
    from factcheck.clusters.graph import strongest
    from factcheck.clusters.verify import Link

    # Claims 0 and 1 are hubs (three links each, two may be kept); 2-5 are not.
    links = [
        Link(0, 1, 70.0),  # the weakest link of both hubs: dropped
        Link(0, 2, 90.0),
        Link(0, 3, 80.0),
        Link(1, 4, 95.0),
        Link(1, 5, 85.0),
    ]
    kept = strongest(links, per_claim=2)
    assert Link(0, 1, 70.0) not in kept
    assert len(kept) == 4
    # A link a hub would drop stays when its other claim keeps all of its links.
    spoke = [Link(0, 2, 90.0), Link(0, 3, 80.0), Link(0, 4, 60.0)]
    assert strongest(spoke, per_claim=2) == spoke
    assert strongest(links, per_claim=3) == links


def test_a_claim_changed_by_one_word_stays_with_its_copies() -> None:
    """Four copies of a sentence, a fifth changed by one word (linked to them at 95) and
    another outlet's sentence linked to the changed one only (at 63): modularity alone
    would pair the changed claim with that neighbour, away from its copies."""
    import numpy as np

    from factcheck.clusters.blocking import Wordings
    from factcheck.clusters.graph import clusters
    from factcheck.clusters.verify import Link
    from factcheck.model import Claim

    claims = [Claim(f"c{n}", f"s{n}", 0, 1, "x", ("x",)) for n in range(6)]
    links = [Link(a, b, 100.0) for a in range(4) for b in range(a + 1, 4)]
    links += [Link(a, 4, 95.0) for a in range(4)]
    links.append(Link(4, 5, 62.7))
    apart = Wordings(np.arange(6), np.arange(6), np.ones(6, dtype=np.int64))
    found = [set(k.claims) for k in clusters(claims, links, apart)]
    assert {"c0", "c1", "c2", "c3", "c4"} in found
    assert not any("c5" in k for k in found)
    # The same with the four copies as one wording of four claims.
    alike = Wordings(np.array([0, 4, 5]), np.array([0, 0, 0, 0, 1, 2]), np.array([4, 1, 1]))
    one = [Link(0, 0, 100.0), Link(0, 1, 95.0), Link(1, 2, 62.7)]
    found = [set(k.claims) for k in clusters(claims, one, alike)]
    assert {"c0", "c1", "c2", "c3", "c4"} in found
    assert not any("c5" in k for k in found)


def test_keys_sized_a_block_at_a_time_give_the_pairs_of_one_pass(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The large-corpus guard sizes postings in blocks of whole postings (its arrays of
    every key were the clusters stage's peak): the block size changes no pair."""
    import random

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(60)]
    claims = [rng.sample(vocab, rng.randint(2, 9)) for _ in range(300)]
    claims += [list(c) for c in claims[:40]]  # copies: postings of many claims
    monkeypatch.setattr(blocking, "CHANCE_FROM", 0)
    whole = candidate_pairs(claims, Settings()).tolist()
    for block in (1, 3, 64):
        monkeypatch.setattr(blocking, "BLOCK", block)
        assert candidate_pairs(claims, Settings()).tolist() == whole
    # Pairs are counted a batch at a time and the counted runs merged: a pair's shared
    # keys are summed across runs (the guard on long claims reads them).
    for batch in (1, 5, 97):
        monkeypatch.setattr(blocking, "BATCH", batch)
        assert candidate_pairs(claims, Settings()).tolist() == whole
    assert len(whole) > 100  # the guard left pairs to compare
