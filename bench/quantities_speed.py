"""Time ``numbers.quantities`` on sentences of the bench corpus (best of five).

    python bench/quantities_speed.py [--corpus bench/out/corpus-1000.jsonl]

The sentences are the corpus articles split at ". " (at most 40 an article, about 2,000
in all), tokenized once beforehand: the figure is the reading of numbers alone.
"""

from __future__ import annotations

import argparse
import json
import timeit
from pathlib import Path

from factcheck.text.fold import tokenize
from factcheck.text.numbers import quantities

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=HERE / "out" / "corpus-1000.jsonl")
    args = parser.parse_args()
    lines: list[str] = []
    with args.corpus.open(encoding="utf-8") as fh:
        for row in fh:
            text = json.loads(row).get("text") or ""
            lines += [s for s in text.split(". ") if s][:40]
            if len(lines) > 4000:
                break
    sentences = [(tokenize(s, 0), s) for s in lines]
    best = min(
        timeit.repeat(lambda: [quantities(t, s, 0) for t, s in sentences], number=1, repeat=5)
    )
    found = sum(len(quantities(t, s, 0)) for t, s in sentences)
    print(f"{len(sentences)} sentences, {found} quantities: {best * 1e3:.1f} ms (best of 5)")


if __name__ == "__main__":
    main()
