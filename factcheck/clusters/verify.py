"""Verification: rapidfuzz scores each candidate pair; what passes is a link.

Whole-claim similarity links rewrites of one sentence; word-sequence containment and
the best-matching window link a short claim to the longer one that embeds it. With a
Dask client the pairs are scored on its workers, with the same result.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import LCSseq

from factcheck.clusters.blocking import BATCH, Wordings, wording_pairs, wordings
from factcheck.clusters.features import Features, claim_codes, claim_texts, features
from factcheck.config import Settings
from factcheck.model import Claim, Limit

NEAR_VERBATIM = 95.0


@dataclass(frozen=True, slots=True)
class Link:
    a: int
    b: int
    score: float


def score_pairs(ia: np.ndarray, ja: np.ndarray, feats: Features, settings: Settings) -> np.ndarray:
    """Link scores (0 = no link) for the claim pairs (ia[k], ja[k]), verified in bulk.

    Whole-claim similarity links rewrites of one sentence; word-sequence
    containment and the best-matching window link a short claim to the longer
    one that embeds it.
    """
    if len(ia) == 0:
        return np.zeros(0)
    from rapidfuzz import process

    texts, codes = feats.texts, feats.codes
    overall = process.cpdist(
        [texts[i] for i in ia], [texts[j] for j in ja], scorer=fuzz.ratio, workers=-1
    ).astype(np.float64)
    la, lb = feats.lengths[ia], feats.lengths[ja]
    short, long_ = np.minimum(la, lb), np.maximum(la, lb)
    linked = (short >= settings.min_content_words) & (overall >= settings.link_threshold)
    score = overall.copy()
    embed = (short >= max(6, settings.min_content_words)) & (short >= 0.3 * long_)
    if embed.any():
        sa, sb = ia[embed], ja[embed]
        common = process.cpdist(
            [codes[i] for i in sa], [codes[j] for j in sb], scorer=LCSseq.similarity, workers=-1
        )
        containment = 100.0 * common / short[embed]
        linked[embed] |= containment >= 100 * settings.containment
        score[embed] = np.maximum(overall[embed], containment)
        # The best-matching window is dear: only for embedded pairs not yet linked
        # that share at least half the shorter claim's words.
        maybe = np.nonzero(embed)[0][(~linked[embed]) & (containment >= 50)]
        if len(maybe):
            partial = process.cpdist(
                [texts[i] for i in ia[maybe]],
                [texts[j] for j in ja[maybe]],
                scorer=fuzz.partial_ratio,
                workers=-1,
            )
            hit = partial >= settings.partial_threshold
            linked[maybe[hit]] = True
            score[maybe[hit]] = np.maximum(score[maybe[hit]], 0.9 * partial[hit])
    return np.where(linked, score, 0.0)


def is_link(words_a: Sequence[str], words_b: Sequence[str], settings: Settings) -> float:
    """The link score of two claims' content words, or 0 when they state different facts."""
    feats = features([list(words_a), list(words_b)])
    return float(score_pairs(np.array([0]), np.array([1]), feats, settings)[0])


def link(
    claims: Sequence[Claim],
    settings: Settings,
    client: Any = None,
    limits: list[Limit] | None = None,
    say: Callable[..., None] | None = None,
) -> tuple[list[Link], Wordings]:
    """Verified links between wordings (claims worded alike are one: ``Wordings``; a link
    of a wording with itself joins its claims); with a Dask ``client`` the workers verify
    the pairs. Limits that dropped work are added to ``limits``; ``say(stage, done,
    total)`` hears how many candidate pairs are verified."""
    tell = say or (lambda *_args: None)
    codes, text_of = claim_codes(claims)
    words = wordings(codes)
    first = words.first.tolist()
    # Only a wording's first claim is read from here on: the codes of its copies go.
    kept = [""] * len(codes)
    for i in first:
        kept[i] = codes[i]
    codes = kept
    pairs, words = wording_pairs(codes, settings, limits, words)
    # Texts after blocking, and of the wordings' first claims only: all that is scored.
    feats = Features(claim_texts(claims, first, text_of), codes)
    del text_of
    # Each wording is scored by its first claim: its claims' content words are the same.
    rep_pairs = words.first[pairs] if len(pairs) else pairs
    ia, ja = rep_pairs[:, 0], rep_pairs[:, 1]
    stage = "clusters: candidate pairs"
    tell(stage, 0, len(ia))
    if client is not None and len(rep_pairs):
        scores = _score_on_cluster(client, rep_pairs, feats, settings)
    else:
        parts = [np.zeros(0)]
        for lo in range(0, len(ia), BATCH):
            parts.append(score_pairs(ia[lo : lo + BATCH], ja[lo : lo + BATCH], feats, settings))
            tell(stage, min(lo + BATCH, len(ia)), len(ia))
        scores = np.concatenate(parts)
    tell(stage, len(ia), len(ia))
    one = _one_source(claims, words)
    u, v = pairs[:, 0], pairs[:, 1]
    same = (one[u] >= 0) & (one[u] == one[v])
    if same.any():
        # Within one source only near-verbatim repeats are the same fact.
        scores[same & (scores < NEAR_VERBATIM)] = 0.0
    keep = np.nonzero(scores)[0]
    return [Link(int(u[k]), int(v[k]), float(scores[k])) for k in keep], words


def _one_source(claims: Sequence[Claim], words: Wordings) -> np.ndarray:
    """Each wording's source when all its claims are of one source, else -1."""
    number: dict[str, int] = {}
    code = np.fromiter(
        (number.setdefault(c.source, len(number)) for c in claims), np.int64, len(claims)
    )
    low = np.full(len(words.first), np.iinfo(np.int64).max, dtype=np.int64)
    high = np.full(len(words.first), -1, dtype=np.int64)
    np.minimum.at(low, words.of, code)
    np.maximum.at(high, words.of, code)
    return np.where(low == high, low, -1)


PARTITIONS_PER_WORKER = 4


def _score_chunk(chunk: np.ndarray, feats: Features, settings: Settings) -> np.ndarray:
    return score_pairs(chunk[:, 0], chunk[:, 1], feats, settings)


def _score_on_cluster(
    client: Any, pairs: np.ndarray, feats: Features, settings: Settings
) -> np.ndarray:
    """Verification spread over Dask workers, partitioned by the pair's first claim.

    Scores do not depend on which worker computes them, and the partitions are
    put back in their original order, so the links (and so the findings) are the
    same as in one process.
    """
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    parts = max(1, workers * PARTITIONS_PER_WORKER)
    owner = pairs[:, 0] % parts
    order = np.argsort(owner, kind="stable")
    bounds = np.searchsorted(owner[order], np.arange(parts + 1))
    chunks = [pairs[order[bounds[k] : bounds[k + 1]]] for k in range(parts)]
    shared = client.scatter(feats, broadcast=True)
    futures = client.map(_score_chunk, chunks, feats=shared, settings=settings, pure=False)
    results = client.gather(futures)
    scores = np.empty(len(pairs))
    for k, result in enumerate(results):
        scores[order[bounds[k] : bounds[k + 1]]] = result
    return scores
