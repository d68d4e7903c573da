"""The real BASIL events (three outlets each, nothing injected): checked in one run and
one by one, the findings should be the same, and none should join two events.

    python bench/real_events.py [--show]
    python bench/real_events.py --ecb [--show]

Prints how many findings each way, how many differ (with each difference when
--show is given) and how many findings of the one run have evidence from two events.

``--ecb`` checks the 982 ECB+ articles (43 topics, two events each, outlets found by
search; undated) in one run, as a folder of many stories: the findings by kind and
severity, how many join two of its events, and with --show each medium-or-higher one,
for reading by hand.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaldata import EVAL, ecbplus, neus

from factcheck.config import Settings
from factcheck.model import Finding, Severity, Source
from factcheck.pipeline import analyse


def basil_sources() -> dict[str, list[Source]]:
    """Event → its articles as sources named by file stem (as the gold files name them)."""
    import json

    events: dict[str, list[Source]] = {}
    for path in sorted((EVAL / "basil" / "articles").glob("*/*.json")):
        d = json.loads(path.read_text("utf-8"))
        paragraphs = [" ".join(s.strip() for s in p if s.strip()) for p in d["body-paragraphs"]]
        text = d["title"].strip() + "\n\n" + "\n\n".join(p for p in paragraphs if p)
        source = Source(path.stem, str(path), text, date=d.get("date", ""))
        events.setdefault(d["triplet-uuid"], []).append(source)
    return events


def neus_sources() -> dict[str, list[Source]]:
    """NeuS story id → its outlets' articles as sources, laid out as BASIL articles are
    (title, blank line, paragraphs separated by blank lines: evaldata.neus_text) and named
    `<story id>_<left|center|right>` (as the gold files name them), the outlet's name as
    the source's outlet and the story's date as its date."""
    return {
        str(story.id): [
            Source(
                a.id,
                f"neus:{a.id}",
                a.text,
                title=a.title,
                url=a.url,
                date=a.date,
                outlet=a.outlet,
            )
            for a in story.articles
        ]
        for story in neus()
        if story.articles
    }


def _key(f: Finding) -> tuple[str, str]:
    return f.id, f.kind


def ecb_sources() -> tuple[list[Source], dict[str, str]]:
    """The ECB+ articles as sources (named by their file, the URL's host as outlet),
    and each source's event."""
    sources, event_of = [], {}
    for a in ecbplus():
        host = a.url.split("/")[2] if a.url.count("/") >= 2 else ""
        sources.append(Source(a.name, f"ecb:{a.name}", a.text, url=a.url, outlet=host))
        event_of[a.name] = a.event
    return sources, event_of


def ecb_main(show: bool) -> None:
    sources, event_of = ecb_sources()
    report = analyse(sources, Settings())
    by: Counter[tuple[str, str]] = Counter((f.kind, f.severity.label) for f in report.findings)
    joined = [f for f in report.findings if len({event_of[s] for s in f.sources}) > 1]
    print(
        f"ECB+, {len(sources)} articles of {len(set(event_of.values()))} events in one run: "
        f"{len(report.findings)} findings ({len(report.stories)} stories), "
        f"{len(joined)} join two events"
    )
    for (kind, severity), n in sorted(by.items()):
        print(f"  {kind:22} {severity:7} {n}")
    if show:
        for f in report.findings:
            if f.severity >= Severity.MEDIUM:
                two = " [two events]" if f in joined else ""
                print(f"  {f.kind} {f.severity.label}{two}: {f.message[:200]}")


def main(argv: list[str]) -> None:
    show = "--show" in argv
    if "--ecb" in argv:
        ecb_main(show)
        return
    events = basil_sources()
    event_of = {s.id: e for e, srcs in events.items() for s in srcs}
    settings = Settings()
    together = analyse([s for srcs in events.values() for s in srcs], settings)
    alone: list[Finding] = []
    for srcs in events.values():
        alone.extend(analyse(srcs, settings).findings)
    one_run = {_key(f): f for f in together.findings}
    per_event = {_key(f): f for f in alone}
    joined = [f for f in together.findings if len({event_of[s] for s in f.sources}) > 1]
    only_together = [one_run[k] for k in one_run.keys() - per_event.keys()]
    only_alone = [per_event[k] for k in per_event.keys() - one_run.keys()]
    print(
        f"BASIL, {len(events)} real events of 3 outlets: {len(together.findings)} findings in "
        f"one run ({len(together.stories)} stories), {len(alone)} checked event by event; "
        f"{len(only_together)} only in the one run, {len(only_alone)} only event by event; "
        f"{len(joined)} findings join two events"
    )
    if show:
        for label, items in (("one run only", only_together), ("per event only", only_alone)):
            for f in items:
                print(f"  {label}: {f.kind} {f.severity.label} {f.message[:160]}")
        for f in joined:
            print(f"  joins events: {f.kind} {f.message[:160]}")


if __name__ == "__main__":
    main(sys.argv[1:])
