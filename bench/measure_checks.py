"""Figures for single checks on real data.

    python bench/measure_checks.py [negation] [spelling]

negation: recall on CANNOT's negated pairs whose count of negators differs;
          false positives on MRPC paraphrase pairs (label 1)
spelling: recall on real misspellings (codespell's Wikipedia-derived list, put
          into BASIL sentences in place of the right word); findings on the 150
          correctly spelt BASIL articles
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaldata import EVAL, basil, cannot_pairs, mrpc

from factcheck.config import Settings
from factcheck.model import Source
from factcheck.pipeline import analyse
from factcheck.text.fold import is_negator, tokenize

TITLE = "Report\n\n"


def _pair(a: str, b: str, kind: str, settings: Settings) -> bool:
    report = analyse([Source("a", "a", TITLE + a), Source("b", "b", TITLE + b)], settings)
    return any(f.kind == kind for f in report.findings)


def _negators(text: str) -> int:
    return sum(is_negator(t.norm) for t in tokenize(text))


def negation(sample: int = 2000) -> None:
    settings = Settings(enable=("conflict-negation",))
    rng = random.Random(7)
    pairs = [p for p in cannot_pairs() if _negators(p[0]) != _negators(p[1])]
    chosen = rng.sample(pairs, min(sample, len(pairs)))
    hits = sum(_pair(a, b, "conflict-negation", settings) for a, b in chosen)
    paraphrases = [(a, b) for label, a, b in mrpc() if label == 1]
    false = sum(_pair(a, b, "conflict-negation", settings) for a, b in paraphrases)
    print(
        f"negation: recall {hits / len(chosen):.3f} on {len(chosen)} CANNOT pairs that add or "
        f"drop a negator (of {len(pairs)}); {false} false positives on {len(paraphrases)} "
        f"MRPC paraphrase pairs ({false / len(paraphrases):.4f})"
    )


def spelling(sample: int = 1000) -> None:
    settings = Settings(enable=("misspelling",))
    rules = []
    for line in (
        (EVAL / "codespell_misspellings" / "dictionary.txt").read_text("utf-8").splitlines()
    ):
        wrong, _, right = line.partition("->")
        if (
            "," in right
            or not re.fullmatch(r"[a-z]{5,}", wrong)
            or not re.fullmatch(r"[a-z]+", right)
        ):
            continue
        rules.append((wrong, right))
    sentences = [s for a in basil() for s in a.sentences if 60 < len(s) < 300]
    by_word: dict[str, list[str]] = {}
    for s in sentences:
        for w in set(re.findall(r"\b[a-z]{5,}\b", s)):
            by_word.setdefault(w, []).append(s)
    usable = [(w, r) for w, r in rules if r in by_word]
    rng = random.Random(11)
    chosen = rng.sample(usable, min(sample, len(usable)))
    hits = 0
    for wrong, right in chosen:
        s = rng.choice(by_word[right])
        bad = re.sub(rf"\b{right}\b", wrong, s, count=1)
        other = "An unrelated line about the weather that stays the same all week."
        report = analyse([Source("a", "a", TITLE + bad + "\n\n" + other)], settings)
        hits += any(f.kind == "misspelling" and wrong in f.message for f in report.findings)
    articles = basil()
    report = analyse([Source(f"{a.event[:8]}-{a.outlet}", "x", a.text) for a in articles], settings)
    words = sum(len(c.words) for c in report.claims)
    print(
        f"misspelling: recall {hits / len(chosen):.3f} on {len(chosen)} real misspellings "
        f"(codespell's list) in BASIL sentences; {len(report.findings)} findings on "
        f"{len(articles)} correctly spelt BASIL articles ({words:,} words)"
    )


def main(argv: list[str]) -> None:
    jobs = {"negation": negation, "spelling": spelling}
    for name in argv or list(jobs):
        jobs[name]()


if __name__ == "__main__":
    main(sys.argv[1:])
