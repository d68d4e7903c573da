"""Precision and recall on real cross-outlet inconsistencies, labelled by hand.

    python bench/real_gold.py [--show] [--crowd] [--corpus basil|neus] [--set dev|heldout|all]

(--show prints each item of the dev set; of a held-out set only with --set naming it.)

The gold files (bench/gold/basil-*.json, made by reading whole BASIL events; see
bench/gold/GUIDE.md) list every inconsistency of the events they cover. Those events'
articles are checked in one run; a finding is right when it matches a gold item (its
kind, at least its severity, evidence covering the item's snippets: the matching of
../shared/tools/score.py), and wrong otherwise. Recall is per gold item, by its first
kind; precision is per reported kind, for medium-or-higher findings and for low ones.

The dev parts (basil-part*.json) are what the checks were looked at against; the
held-out file (basil-heldout.json) was labelled without seeing factcheck's output and is
scored in a run of its own, so that its figures say how the tool does on events nobody
tuned it on. By default both tables are printed, dev first; `--set all` scores every
file in one run.

`--corpus neus` scores the AllSides stories of the NeuS crawl (three outlets' lead
excerpts each), labelled the same way: bench/gold/neus-heldout.json (30 stories, every
15th with three outlets, never tuned on) by default, and with `--set dev`
bench/gold/neus-dev*.json (other stories: neus-dev.json every 15th from the 7th,
neus-dev2.json from the 3rd, neus-dev3.json from the 11th, neus-dev4.json from the 5th,
neus-dev5.json from the 13th, neus-dev6.json from the 1st, neus-dev7.json from the 9th,
neus-dev8.json from the 2nd, neus-dev9.json from the 4th, neus-dev10.json from the 6th,
neus-dev11.json from the 8th, neus-dev12.json from the 10th, neus-dev13.json from the
12th, neus-dev14.json from the 14th; each labelled before factcheck was run on them and
then looked at when writing rules;
`--set dev2` scores neus-dev2..9 alone, `--set dev4` the four labelled first on
2026-12-04, `--set dev8` the two labelled later that day, `--set dev10` and `--set
dev12` the pairs labelled after them, `--set dev14` the last, labelled on the evening of
2026-12-04);
each set is checked in one run of its own (`--set all` takes
every neus-*.json).
The default corpus is BASIL.

`--crowd` checks a set's events among every event of its corpus in one run (all 50
BASIL events, or all NeuS stories: a folder of many days' news, as users hand it over),
and scores the findings that cite a source of the set's events; a finding that joins
one of them to another event is scored, and wrong. Without it a set's events are
checked alone, which makes telling its stories apart easier than it is for a user.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from real_events import basil_sources, neus_sources  # noqa: E402

from factcheck.config import Settings  # noqa: E402
from factcheck.model import Severity, Source  # noqa: E402
from factcheck.pipeline import analyse  # noqa: E402
from factcheck.reporters.json_report import finding_dict  # noqa: E402

SCORE = HERE.parent.parent / "shared" / "tools" / "score.py"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Which gold files make up each set: the dev parts stay apart from the held-out file so
# that the held-out figures are never mixed with those of the events tuned on.
SETS = {"dev": "basil-part*.json", "heldout": "basil-heldout.json", "all": "basil-*.json"}


@dataclass(frozen=True)
class Corpus:
    sources: Callable[[], dict[str, list[Source]]]  # event → its sources
    sets: dict[str, str]  # set name → gold file pattern
    default: tuple[str, ...]  # the sets printed when --set is not given
    events: str  # what the table's first line calls its events


CORPORA = {
    "basil": Corpus(basil_sources, SETS, ("dev", "heldout"), "BASIL events"),
    # NeuS: the held-out file is printed by default and never tuned on; the dev files
    # (other stories) are what rules may be looked at against, printed only when asked;
    # "dev2" is the later dev files alone (labelled 2026-12-03), to see them apart.
    "neus": Corpus(
        neus_sources,
        {
            "dev": "neus-dev*.json",
            "dev2": "neus-dev[2-9].json",
            "dev4": "neus-dev[4-7].json",
            "dev8": "neus-dev[89].json",
            "dev10": "neus-dev1[01].json",
            "dev12": "neus-dev1[23].json",
            "dev14": "neus-dev14.json",
            "heldout": "neus-heldout.json",
            "all": "neus-*.json",
        },
        ("heldout",),
        "NeuS stories",
    ),
}


def gold(pattern: str = SETS["all"]) -> tuple[list[str], list[dict], list[dict]]:
    events: list[str] = []
    items: list[dict] = []
    must_not: list[dict] = []
    for path in sorted((HERE / "gold").glob(pattern)):
        data = json.loads(path.read_text("utf-8"))
        events += data["events"]
        items += data["findings"]
        must_not += data.get("must_not_flag", [])
    return events, items, must_not


def _option(argv: list[str], flag: str, choices: Iterable[str]) -> str | None:
    """The value given to `flag` (one of `choices`), None when the flag is absent."""
    if flag not in argv:
        return None
    at = argv.index(flag) + 1
    choices = list(choices)
    if at >= len(argv) or argv[at] not in choices:
        sys.exit(f"{flag} takes one of {', '.join(choices)}")
    return argv[at]


def main(argv: list[str]) -> None:
    show = "--show" in argv
    crowd = "--crowd" in argv
    corpus = CORPORA[_option(argv, "--corpus", CORPORA) or "basil"]
    chosen = _option(argv, "--set", corpus.sets)
    score = _scorer()
    all_sources = corpus.sources()
    for n, name in enumerate([chosen] if chosen else corpus.default):
        if name != "dev":
            # The dev table is printed as it always was; the others get a heading.
            if n:
                print()
            print(f"{name} set ({corpus.sets[name]}):")
        # Per-item detail of a held-out set only when that set is asked for by name: a
        # plain --show is for the set tuned on, and must not show the held-out items.
        detail = show and (name == "dev" or chosen is not None)
        report_set(score, all_sources, gold(corpus.sets[name]), detail, corpus.events, crowd)


def report_set(
    score: ModuleType,
    all_sources: dict[str, list[Source]],
    labelled: tuple[list[str], list[dict], list[dict]],
    show: bool,
    what: str = "BASIL events",
    crowd: bool = False,
) -> None:
    """Check one set's events in one run (among all events with ``crowd``) and print its
    table against its gold."""
    events, items, must_not = labelled
    sources = [s for e in events for s in all_sources[e]]
    if crowd:
        labelled_ids = {s.id for s in sources}
        sources = [s for e in all_sources.values() for s in e]
        report = analyse(sources, Settings())
        kept = tuple(f for f in report.findings if labelled_ids.intersection(f.sources))
        report = dataclasses.replace(report, findings=kept)
    else:
        report = analyse(sources, Settings())
    findings = [finding_dict(f) for f in report.findings]
    matched: set[int] = set()
    hit: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for item in items:
        if item.get("stretch"):
            continue
        kind = item["kinds"][0]
        total[kind] += 1
        found = score.found(item, findings)
        matched.update(id(f) for f in found)
        # A looser match for recall: any severity (a typo found as low where gold says medium).
        if found:
            hit[kind] += 1
        elif show:
            print(f"  missed {item['id']} {'/'.join(item['kinds'])}: {item['why']}")
    loose = {
        id(f) for item in items for f in score.found({**item, "min_severity": "info"}, findings)
    }
    violations = 0
    for m in must_not:
        broken = score.violations(m, findings)
        violations += len(broken)
        for f in broken if show else ():
            print(f"  violated {m['id']}: {f['kind']} {f['severity']} {f['message'][:140]}")
    reported: dict[str, Counter[str]] = {"medium+": Counter(), "low": Counter()}
    right: dict[str, Counter[str]] = {"medium+": Counter(), "low": Counter()}
    for f, raw in zip(findings, report.findings, strict=True):
        band = (
            "medium+"
            if raw.severity >= Severity.MEDIUM
            else "low"
            if raw.severity >= Severity.LOW
            else ""
        )
        if not band:
            continue
        reported[band][f["kind"]] += 1
        if id(f) in matched or id(f) in loose:
            right[band][f["kind"]] += 1
        elif show:
            print(f"  wrong {band} {f['kind']}: {f['message'][:170]}")
    among = f" among all {len(all_sources)} {what}" if crowd else ""
    print(
        f"real gold: {len(events)} {what} read whole, {sum(total.values())} labelled "
        f"inconsistencies, checked in one run{among} ({len(report.findings)} findings)"
    )
    head = ("kind", "gold", "recall", "medium+", "precision", "low", "precision")
    print("{:22} {:>5} {:>7} {:>8} {:>9} {:>5} {:>9}".format(*head))
    kinds = sorted(set(total) | set(reported["medium+"]) | set(reported["low"]))
    for kind in kinds:
        m, lo = reported["medium+"][kind], reported["low"][kind]
        recall = hit[kind] / max(total[kind], 1)
        p_medium = right["medium+"][kind] / max(m, 1)
        p_low = right["low"][kind] / max(lo, 1)
        print(
            f"{kind:22} {total[kind]:5d} {recall:7.3f} {m:8d} {p_medium:9.3f} {lo:5d} {p_low:9.3f}"
        )
    m_all = sum(reported["medium+"].values())
    numbers = sum(total[k] for k in ("conflict-number", "conflict-date"))
    numbers_hit = sum(hit[k] for k in ("conflict-number", "conflict-date"))
    m_right = sum(right["medium+"].values())
    print(
        f"overall recall {sum(hit.values()) / max(sum(total.values()), 1):.3f}; numbers and dates "
        f"{numbers_hit}/{numbers}; medium+ precision {m_right / max(m_all, 1):.3f} "
        f"({m_right}/{m_all}); must-not-flag violations {violations}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
