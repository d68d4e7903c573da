"""Check that every evidence snippet of the gold files occurs in its source's text.

    python bench/gold_snippets.py [bench/gold/FILE.json ...]

A finding is matched to a gold item by its evidence covering the item's snippets
(../shared/tools/score.py), so each snippet must be copied exactly from the source's text
as factcheck reads it: curly and straight quotes and runs of white space compare equal,
case does not matter (score.norm). Prints each snippet that is not found (or whose
source is not one of its event's) and exits 1 if there is any; all gold files by default.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from real_events import basil_sources, neus_sources  # noqa: E402
from real_gold import _scorer  # noqa: E402

from factcheck.model import Source  # noqa: E402

CORPORA = {"basil": basil_sources, "neus": neus_sources}


def snippets(data: dict) -> list[tuple[str, str, dict]]:
    """(item id, event, snippet) for every snippet of the gold items and must-not pairs."""
    out = []
    for item in data["findings"] + data.get("must_not_flag", []):
        for group in [item["evidence"], *item.get("alternatives", [])]:
            out.extend((item["id"], item.get("event", ""), s) for s in group)
    return out


def check(path: Path, corpora: dict[str, dict[str, list[Source]]]) -> int:
    data = json.loads(path.read_text("utf-8"))
    norm = _scorer().norm
    corpus = data.get("corpus", "basil")
    if corpus not in corpora:
        corpora[corpus] = CORPORA[corpus]()
    events = corpora[corpus]
    listed = set(data["events"])
    bad = 0
    for event in listed - events.keys():
        bad += 1
        print(f"{path.name}: event {event} is not in the {corpus} corpus")
    for item_id, event, s in snippets(data):
        texts = {src.id: norm(src.text) for src in events.get(event, [])}
        if event and event not in listed:
            bad += 1
            print(f"{path.name} {item_id}: event {event} is not listed in events")
        if s["source"] not in texts:
            bad += 1
            print(f"{path.name} {item_id}: source {s['source']} is not of event {event}")
        elif norm(s["text"]) not in texts[s["source"]]:
            bad += 1
            print(f"{path.name} {item_id}: not in {s['source']}: {s['text']!r}")
    count = len(snippets(data))
    print(f"{path.name}: {count} snippets, {bad} problems")
    return bad


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted((HERE / "gold").glob("*.json"))
    corpora: dict[str, dict[str, list[Source]]] = {}
    return 1 if sum(check(p, corpora) for p in paths) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
