"""Duration and scope: the same actor's same decision told differently.

"A one-year moratorium" against "a ban"; "cease all sales, development and
research" against "sunset its general-purpose products". Compared through
action frames (``factcheck.frames``), never across different actors.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator

from factcheck.checks.context import Context
from factcheck.facts.frames import TITLES, Frame, frames, names_in, possessor
from factcheck.facts.mentions import days_apart
from factcheck.findings import agreeing, evidence, join_ids, make, short
from factcheck.model import Finding, Kind, Reading, Severity

DURATION = Kind(
    "conflict-duration",
    Severity.MEDIUM,
    "The same action is told as temporary in one source and permanent or of another length "
    "in another.",
)
SCOPE = Kind(
    "conflict-scope", Severity.MEDIUM, "The same action is told with a wider or narrower scope."
)
KINDS = (DURATION, SCOPE)
_SEVERITY = {k.name: k.severity for k in KINDS}
MIN_TOPIC = 1  # a shared content word: the same matter, not just the same actor
# Reports of one decision further apart than this (both dated) tell a story that moved
# on: a judge's pause one week, an appeals court's reinstated ban the next. Every
# duration and scope inconsistency labelled in the BASIL and NeuS gold was told on one
# day or the next.
MAX_DAYS = 2


def _label(f: Frame, shown: bool = True) -> str:
    """The action and its length: "'suspended' for 2 years", or with the words that
    tell its time ("'suspended Halvorsen indefinitely'") when ``shown``; else as the
    finding's fingerprint has always keyed it ("for 2 year"), so ids stay as they were."""
    if f.temporal != "temporary" or not f.duration:
        if shown and f.marker is not None:
            # The action with the words that tell its time: 'suspended indefinitely'.
            return f"'{short(_words_between(f, f.marker), 60)}'"
        return f"'{f.action.text}'"
    length = f.duration
    count, _, unit = length.partition(" ")
    if shown and count != "1":
        plural = (
            f"{unit[:-1]}ies" if unit.endswith("y") and unit[-2:-1] not in "aeiou" else f"{unit}s"
        )
        length = f"{count} {plural}"  # "2 centuries", "3 days"
    return f"'{f.action.text}' for {length}"


def _words_between(f: Frame, marker: tuple[int, int]) -> str:
    """The claim's text from the action word to its marker, in the order written."""
    start, end = min(f.action.start, marker[0]), max(f.action.end, marker[1])
    return f.claim.text[start - f.claim.start : end - f.claim.start]


def run(ctx: Context) -> Iterator[Finding]:
    names = names_in(ctx.claims)
    by_actor: dict[str, list[Frame]] = defaultdict(list)
    for claim in ctx.claims:
        for f in frames(claim, names):
            for actor in f.actors:
                by_actor[actor].append(f)
    for actor, group in sorted(by_actor.items()):
        yield from _duration(ctx, actor, group)
        yield from _scope(ctx, actor, group)


def _related(ctx: Context, a: Frame, b: Frame) -> bool:
    """Two sources' frames of one matter, told in reports close in time: one outlet
    telling a ban and a moratorium is no inconsistency between outlets (and no outlet is
    its own contradiction)."""
    if a.claim.source == b.claim.source or len(a.topic & b.topic) < MIN_TOPIC:
        return False
    day = ctx.published
    return not days_apart(day[a.claim.source], day[b.claim.source], MAX_DAYS)


def _duration(ctx: Context, actor: str, group: list[Frame]) -> Iterator[Finding]:
    """Told as temporary in one source and permanent in another. Two lengths of a
    temporary action are numbers that differ: the conflicts check reports those."""
    permanent = [f for f in group if f.temporal == "permanent"]
    temporary = [f for f in group if f.temporal == "temporary"]
    yield from _against(ctx, actor, permanent, temporary, "as temporary")
    # An action with no end set ("indefinitely", "for now") is no permanent one only
    # where another source says permanent in so many words: a ban may last until lifted.
    told = [f for f in permanent if f.marker is not None]
    left_open = [f for f in group if f.temporal == "open"]
    yield from _against(ctx, actor, told, left_open, "with no end set")


def _against(
    ctx: Context, actor: str, permanent: list[Frame], other: list[Frame], how: str
) -> Iterator[Finding]:
    lasting = [p for p in permanent if any(_related(ctx, p, t) for t in other)]
    if not lasting:
        return
    passing = [t for t in other if any(_related(ctx, p, t) for p in lasting)]
    if {f.claim.source for f in lasting} == {f.claim.source for f in passing}:
        return  # every source tells it both ways: none stands against another
    yield _finding(ctx, "conflict-duration", actor, lasting, passing, "as permanent", how)


def _scope(ctx: Context, actor: str, group: list[Frame]) -> Iterator[Finding]:
    total = ("universal", "complete")
    wide = [f for f in group if f.scope in total and f.temporal != "temporary"]
    # Told as total in one account and not so (narrowed, or without the "all") in another;
    # an account without the adverb of another ("withdraw" / "completely withdraw") narrows
    # nothing, so only a restricted one is compared with it.
    narrow = [f for f in group if f.scope not in total and f.temporal != "temporary"]

    def against(w: Frame, n: Frame) -> bool:
        return _related(ctx, w, n) and (w.scope == "universal" or n.scope == "restricted")

    wide = [w for w in wide if any(against(w, n) for n in narrow)]
    if wide:
        narrow = [n for n in narrow if any(against(w, n) for w in wide)]
        yield _finding(ctx, "conflict-scope", actor, wide, narrow, "as total", "without that scope")


def _finding(
    ctx: Context,
    kind: str,
    actor: str,
    side_a: list[Frame],
    side_b: list[Frame],
    how_a: str,
    how_b: str,
) -> Finding:
    name = _display(side_a[0], actor)
    src_a = sorted({f.claim.source for f in side_a})
    src_b = sorted({f.claim.source for f in side_b})
    both = [s for s in src_a if s in src_b]
    labels_a = sorted({_label(f) for f in side_a})
    labels_b = sorted({_label(f) for f in side_b})
    # A source that tells it both ways is named once, on its own side, never as its own
    # contradiction.
    only_b = [s for s in src_b if s not in both] or src_b
    only_a = [s for s in src_a if s not in both] or src_a
    message = (
        f"{name} action is told {how_a} in {join_ids(only_a)} ({', '.join(labels_a)}) "
        f"and {how_b} in {join_ids(only_b)} ({', '.join(labels_b)})"
    )
    if both and (only_a != src_a or only_b != src_b):
        message += f"; {join_ids(both)} {agreeing('tell', both)} it both ways"
    readings = (
        Reading(", ".join(labels_a), tuple(src_a), majority=len(src_a) > len(src_b)),
        Reading(", ".join(labels_b), tuple(src_b), majority=len(src_b) > len(src_a)),
    )
    # A claim that tells two actions (a ban upheld, its suspension reviewed) is one
    # piece of evidence with both words marked.
    spans: dict[str, list[tuple[int, int]]] = {}
    claims = {}
    for f in side_a + side_b:
        claims[f.claim.id] = f.claim
        marked = spans.setdefault(f.claim.id, [])
        marked.append((f.action.start, f.action.end))
        if f.marker is not None:
            marked.append(f.marker)
    items = [evidence(claims[cid], marked) for cid, marked in spans.items()]
    keyed_a = sorted({_label(f, shown=False) for f in side_a})
    keyed_b = sorted({_label(f, shown=False) for f in side_b})
    key = [actor, *(lbl.lower() for lbl in keyed_a), "|", *(lbl.lower() for lbl in keyed_b)]
    found = make(kind, _SEVERITY[kind], short(message, 300), items, key, ctx.settings)
    return dataclasses.replace(found, readings=readings)


def _display(frame: Frame, actor: str) -> str:
    """The actor as the claim writes its name ("Baltic Ferries", not "Ferries"), without
    a possessive ending, in the possessive: "Baltic Ferries'", "Trump's"."""
    tokens = frame.claim.tokens
    for n, t in enumerate(tokens):
        if possessor(t.norm) == actor:
            first = n
            while (
                first > 0
                and tokens[first - 1].text[:1].isupper()
                and tokens[first].start - tokens[first - 1].end <= 1
                and tokens[first - 1].norm.rstrip(".") not in TITLES
            ):
                first -= 1
            name = " ".join(x.text for x in tokens[first:n]) + " " + possessor(t.text)
            name = name.strip()
            return name + ("'" if name.endswith("s") else "'s")
    return actor + "'s"
