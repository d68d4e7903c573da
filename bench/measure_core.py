"""Figures for the core pipeline, printed as a table.

    python bench/measure_core.py            # all
    python bench/measure_core.py segment    # one of: segment speakers mrpc basil

segment:  sentence splitting against BASIL's gold splits (exact match), speed
speakers: quote speakers against PolNeAR's attributions (direct quotes only)
mrpc:     "same fact" links against MRPC labels (1 = same meaning)
basil:    clustering all 150 BASIL articles: links inside one event vs across events
"""

from __future__ import annotations

import re
import sys
import time
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaldata import basil, basil_events, mrpc, polnear

from factcheck.claims.quotes import find_quotes
from factcheck.claims.segment import sentences
from factcheck.clusters.features import content_words
from factcheck.clusters.verify import is_link
from factcheck.config import Settings
from factcheck.model import Claim, Source
from factcheck.pipeline import analyse
from factcheck.text.fold import word_forms


def _norm(s: str) -> str:
    return " ".join(s.split())


def segment() -> None:
    articles = basil()
    gold = found = hit = 0
    n_sent = 0
    elapsed = 0.0
    for a in articles:
        text = a.text
        t0 = time.perf_counter()
        spans = sentences(text)
        elapsed += time.perf_counter() - t0
        mine = [_norm(text[s.start : s.end]) for s in spans]
        truth = [_norm(s) for s in a.sentences]
        n_sent += len(truth)
        gold += len(truth)
        found += len(mine)
        pool = list(mine)
        for t in truth:
            if t in pool:
                pool.remove(t)
                hit += 1
    print(
        f"segmentation (BASIL, {gold} gold sentences, exact match): "
        f"precision {hit / found:.3f}, recall {hit / gold:.3f}, "
        f"{n_sent / elapsed:,.0f} sentences/s"
    )


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_person(mine: str, gold: str) -> bool:
    m, g = mine.lower(), gold.lower()
    if m in g or g in m:
        return True
    last = re.findall(r"[a-z]+", m)
    return bool(last) and last[-1] in re.findall(r"[a-z]+", g)


PRONOUNS = {"he", "she", "they", "i", "we", "it", "him", "her"}


def speakers() -> None:
    """Quotes whose annotated source is a pronoun are left out: we resolve pronouns to names."""
    attributed = correct = gold_total = found_quotes = matched_quotes = pronoun = 0
    for _name, text, attributions in polnear():
        direct = [
            a
            for a in attributions
            if a.source and re.match(r"^\s*[\"“]", text[a.content[0] : a.content[1]])
        ]
        named = [a for a in direct if a.source_text.strip().lower() not in PRONOUNS]
        pronoun += len(direct) - len(named)
        gold_total += len(named)
        quotes = find_quotes(text)
        found_quotes += len(quotes)
        for q in quotes:
            best = max(direct, key=lambda a: _overlap(a.content, (q.start, q.end)), default=None)
            if best is None or _overlap(best.content, (q.start, q.end)) < (q.end - q.start) / 2:
                continue
            matched_quotes += 1
            if best.source_text.strip().lower() in PRONOUNS:
                continue
            if q.speaker:
                attributed += 1
                correct += _same_person(q.speaker, best.source_text)
    print(
        f"speakers (PolNeAR test, {gold_total} direct quotes with a named source, {pronoun} "
        f"more whose source is a pronoun): quotes found {found_quotes} ({matched_quotes} on a "
        f"gold quote); speaker precision {correct / max(attributed, 1):.3f}, "
        f"recall {correct / max(gold_total, 1):.3f}"
    )


def _claim(text: str, cid: str) -> Claim:
    return Claim(cid, cid, 0, len(text), text, word_forms(text)[0])


def mrpc_links() -> None:
    settings = Settings()
    tp = fp = fn = 0
    for label, a, b in mrpc():
        ca, cb = _claim(a, "a"), _claim(b, "b")
        linked = bool(is_link(content_words(ca), content_words(cb), settings))
        tp += linked and label == 1
        fp += linked and label == 0
        fn += (not linked) and label == 1
    print(
        f"same-fact links on MRPC ({tp + fn} paraphrase pairs): precision "
        f"{tp / max(tp + fp, 1):.3f}, recall {tp / max(tp + fn, 1):.3f}"
    )


def basil_clusters() -> None:
    events = basil_events()
    sources = []
    event_of = {}
    for event, arts in events.items():
        for a in arts:
            sid = f"{event[:8]}-{a.outlet}"
            sources.append(Source(sid, sid, a.text, a.title))
            event_of[sid] = event
    t0 = time.perf_counter()
    report = analyse(sources, Settings())
    elapsed = time.perf_counter() - t0
    by_id = {c.id: c for c in report.claims}
    inside = across = 0
    for k in report.clusters:
        for x, y in combinations(k.claims, 2):
            same = event_of[by_id[x].source] == event_of[by_id[y].source]
            inside += same
            across += not same
    clustered = sum(len(k.claims) for k in report.clusters)
    print(
        f"clustering BASIL (150 articles, 50 events, {len(report.claims)} claims, "
        f"{elapsed:.1f} s): {len(report.clusters)} clusters holding {clustered} claims; "
        f"claim pairs within one event {inside}, across events {across} "
        f"(precision {inside / max(inside + across, 1):.3f})"
    )
    medium = [f for f in report.findings if f.severity >= 2]
    kinds: dict[str, int] = {}
    for f in medium:
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    print(f"  natural variation: {len(medium)} medium+ findings on the real triplets: {kinds}")


def main(argv: list[str]) -> None:
    jobs = {"segment": segment, "speakers": speakers, "mrpc": mrpc_links, "basil": basil_clusters}
    for name in argv or list(jobs):
        jobs[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
