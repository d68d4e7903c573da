"""Building findings: evidence from claims, stable fingerprints, severities."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any, Protocol

from factcheck.claims.quotes import shown_speaker
from factcheck.config import Settings
from factcheck.model import Claim, Evidence, Finding, Reading, Severity
from factcheck.text.fold import fold_text
from factcheck.text.numbers import MONTH_ABBR, MONTHS, SCALES, WEEKDAYS

_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """What a fingerprint sees: folded, lower-cased words, no punctuation or spacing."""
    return _SPACE.sub(" ", re.sub(r"[^\w$%]+", " ", fold_text(text).lower())).strip()


def fingerprint(kind: str, sources: Iterable[str], parts: Iterable[str]) -> str:
    """Stable across moved lines, spacing, quote style and input order; no offsets."""
    key = "\x1f".join([kind, ",".join(sorted(set(sources))), *sorted(normalise(p) for p in parts)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def evidence(claim: Claim, highlights: Sequence[tuple[int, int]] = ()) -> Evidence:
    spans = tuple(sorted({(s, e) for s, e in highlights if claim.start <= s < e <= claim.end}))
    return Evidence(claim.source, claim.id, claim.text, claim.start, claim.end, spans)


def make(
    kind: str,
    severity: Severity,
    message: str,
    items: Sequence[Evidence],
    key_parts: Iterable[str],
    settings: Settings,
    odd_source: str | None = None,
    details: Sequence[tuple[str, str]] = (),
) -> Finding:
    severity = settings.severity.get(kind, severity)
    fid = fingerprint(kind, (e.source for e in items), key_parts)
    return Finding(fid, kind, severity, message, tuple(items), odd_source, tuple(details))


def short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def listed(names: Sequence[str], limit: int) -> list[str]:
    """The first ``limit`` names of a long list, and a count of the rest."""
    if len(names) <= limit:
        return list(names)
    return [*names[:limit], f"{len(names) - limit:,} more"]


def named(names: Sequence[str], limit: int) -> str:
    """Names joined by commas; a list longer than ``limit`` names its first ``limit`` and
    counts the rest ("a, b, c and 940 more")."""
    shown = listed(names, limit)
    return ", ".join(shown) if len(shown) == len(names) else join_ids(shown)


def agreeing(verb: str, subjects: Sequence[str]) -> str:
    """The verb as the names joined by ``join_ids`` take it: "a writes", "a and b write"."""
    return verb + "s" if len(subjects) == 1 else verb


def join_ids(ids: Sequence[str]) -> str:
    ids = list(ids)
    if len(ids) <= 1:
        return "".join(ids)
    return ", ".join(ids[:-1]) + " and " + ids[-1]


def dedupe(findings: Iterable[Finding], kinds: Sequence[str]) -> list[Finding]:
    """One finding per id and evidence set; order: most severe first, then by kind (in
    the order of ``kinds``), sources, position and id."""
    rank = {k: n for n, k in enumerate(kinds)}
    seen: set[tuple[str, tuple[tuple[str, int, int], ...]]] = set()
    out = []
    for f in findings:
        key = (f.id, tuple(sorted((e.source, e.start, e.end) for e in f.evidence)))
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    out.sort(key=lambda f: (-f.severity, rank[f.kind], f.sources, f.evidence[0].start, f.id))
    return unique_ids(out)


def unique_ids(findings: list[Finding]) -> list[Finding]:
    """Each finding its own id: two findings that share a fingerprint (the same words
    differ in two places of the same sources) are told apart by the sentences they
    stand in, never by offsets or order, so each keeps its id when lines move."""
    counts = Counter(f.id for f in findings)
    if all(n == 1 for n in counts.values()):
        return findings
    taken = {f.id for f in findings if counts[f.id] == 1}
    out = []
    for f in findings:
        if counts[f.id] == 1:
            out.append(f)
            continue
        texts = sorted(normalise(e.text) for e in f.evidence)
        fid = fingerprint(f.kind, f.sources, [f.id, *texts])
        n = 1
        while fid in taken:  # the same sentences too: the n-th of them, in report order
            n += 1
            fid = fingerprint(f.kind, f.sources, [f.id, *texts, str(n)])
        taken.add(fid)
        out.append(dataclasses.replace(f, id=fid))
    return out


# Kinds found between two claims at a time: one finding per fact instead, with every
# source's reading. What the fact is called in a message, by kind.
PAIRWISE = {
    "misquote": "{who}quoted differently",
    "conflict-number": "Numbers differ",
    "conflict-duration": "Lengths of time differ",
    "conflict-date": "Dates differ",
    "conflict-negation": "Affirmed in one source, denied in another",
    "conflict-attribution": "The same words are credited to different speakers",
}


class Copies(Protocol):
    """The claims of a story written exactly alike (a check compares one of them)."""

    def twins(self, claim: str) -> Sequence[Claim]: ...

    def first_written(self, claim: str) -> str: ...


def one_per_fact(
    findings: Sequence[Finding],
    quoted: dict[str, Claim],
    settings: Settings,
    copies: Copies | None = None,
) -> list[Finding]:
    """Pairwise findings of one story that share a claim are one fact: one finding that
    names the majority reading with its sources and each deviant reading with its
    sources (five outlets that differ from a sixth made five findings before).

    ``quoted``: claim id → the claims that hold quotations (their words and speakers);
    ``copies``: the claims written alike, which a check compared once for all of them:
    findings joined by one way of writing a claim are one fact, and each fact is given
    the evidence of its claims' twins (told as a merged finding, even when alone).
    """
    out = [f for f in findings if f.kind not in PAIRWISE]
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        if f.kind in PAIRWISE:
            by_kind.setdefault(f.kind, []).append(f)
    key = copies.first_written if copies is not None else (lambda claim: claim)
    for kind, group in by_kind.items():
        # A figure is one fact, not its sentence: a sentence of several figures (a
        # season's yards, carries and catches) joins only the findings of the same one.
        joined = _same_words if kind in _FIGURE_KINDS else _connected
        for component in joined(group, key):
            extra = _twin_evidence(component, copies) if copies is not None else None
            if extra is not None:
                component = [*component, extra]
            merged = _merged(kind, component, quoted, settings)
            if len(component) == 1:
                # One finding already: its own words (and id) say it best.
                merged = dataclasses.replace(component[0], readings=merged.readings)
            out.append(merged)
    return out


def one_per_fact_of_checks(
    findings: Sequence[Finding],
    joinable: Callable[[Finding], bool],
    quoted: dict[str, Claim],
    settings: Settings,
    copies: Copies | None = None,
) -> list[Finding]:
    """Findings of one kind that two checks made of one fact (the conflicts check aligned
    two sentences word by word, the across check matched a third source's figure by its
    context) are one finding too, where the first of them stood. Each check has already
    told its own facts one finding each (``one_per_fact``); here two findings are one
    fact only where they highlight the same words of a claim (a sentence may hold two
    dates, each another fact). ``joinable``: the findings of the checks so compared."""
    key = copies.first_written if copies is not None else (lambda claim: claim)
    by_kind: dict[str, list[Finding]] = {}
    for f in findings:
        if f.kind in PAIRWISE and joinable(f):
            by_kind.setdefault(f.kind, []).append(f)
    replaced: dict[int, Finding | None] = {}
    for kind, group in by_kind.items():
        if len(group) < 2:
            continue
        for component in _same_words(group, key):
            if len(component) < 2:
                continue
            merged = _merged(kind, component, quoted, settings)
            if len(merged.readings) < 2:
                continue  # each claim holds both readings: two facts of one sentence pair
            replaced[id(component[0])] = merged
            replaced.update((id(f), None) for f in component[1:])
    if not replaced:
        return list(findings)
    return [kept for f in findings if (kept := replaced.get(id(f), f)) is not None]


def _same_words(findings: list[Finding], key: Callable[[str], str]) -> list[list[Finding]]:
    """Findings joined, directly or through others, by overlapping highlights in a claim
    they both cite (``key``: the claim a claim counts as; its copies' highlights stand
    at the same places of the same text)."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for f in findings:
        for e in f.evidence:
            spans[key(e.claim)].extend((s - e.start, t - e.start) for s, t in e.highlights)
    # The overlapping highlights of each claim, as runs: (claim, run) is what is shared.
    run_of: dict[tuple[str, int, int], int] = {}
    for claim, found in spans.items():
        run, end = -1, -1
        for lo, hi in sorted(found):
            if lo >= end:
                run += 1
            end = max(end, hi)
            run_of[(claim, lo, hi)] = run
    cited = [
        [
            (key(e.claim), run_of[(key(e.claim), s - e.start, t - e.start)])
            for e in f.evidence
            for s, t in e.highlights
        ]
        for f in findings
    ]
    return _grouped(findings, cited)


def _cited(
    findings: list[Finding],
) -> tuple[dict[str, Evidence], dict[str, set[tuple[int, int]]]]:
    """The claims some of ``findings`` cite (claim id → its first evidence) and, for each,
    the highlights of all of them."""
    spans: dict[str, set[tuple[int, int]]] = {}
    items: dict[str, Evidence] = {}
    for f in findings:
        for e in f.evidence:
            items.setdefault(e.claim, e)
            spans.setdefault(e.claim, set()).update(e.highlights)
    return items, spans


def _twin_evidence(component: list[Finding], copies: Copies) -> Finding | None:
    """The evidence of the twins of a fact's claims that it does not cite yet (each with
    the highlights of the claim it copies), as a finding to merge in; None if none."""
    items, spans = _cited(component)
    extra = []
    for cid, e in items.items():
        for t in copies.twins(cid):
            if t.id in spans:
                continue
            spans[t.id] = set()  # once
            shift = t.start - e.start
            moved = tuple(sorted((s + shift, x + shift) for s, x in spans[cid]))
            extra.append(Evidence(t.source, t.id, t.text, t.start, t.end, moved))
    if not extra:
        return None
    return dataclasses.replace(component[0], evidence=tuple(extra))


def _connected(
    findings: list[Finding], key: Callable[[str], str] = lambda claim: claim
) -> list[list[Finding]]:
    """Findings joined, directly or through others, by a claim they both cite (``key``:
    the claim a claim counts as: its first copy)."""
    return _grouped(findings, [[key(e.claim) for e in f.evidence] for f in findings])


def _grouped(findings: list[Finding], cited: Sequence[Iterable[Hashable]]) -> list[list[Finding]]:
    """The findings in groups joined by what they cite, each group in the findings' order."""
    groups: dict[int, list[Finding]] = {}
    for n, f in zip(fact_numbers(cited), findings, strict=True):
        groups.setdefault(n, []).append(f)
    return list(groups.values())


def fact_numbers(
    cited: Sequence[Iterable[Hashable]], key: Callable[[Any], Hashable] = lambda claim: claim
) -> list[int]:
    """For each finding to be (the claims it will cite), the number of the fact it is
    part of, as ``one_per_fact`` will join them: a check that knows which findings stand
    alone builds the words of those alone (a wire story's pairs are thousands a fact)."""
    parent = list(range(len(cited)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[Hashable, int] = {}
    for n, claims in enumerate(cited):
        for claim in claims:
            other = first_with.setdefault(key(claim), n)
            parent[root(n)] = root(other)
    return [root(n) for n in range(len(cited))]


def _merged(
    kind: str, group: list[Finding], quoted: dict[str, Claim], settings: Settings
) -> Finding:
    items, cited = _cited(group)
    spans = cited if kind not in _FIGURE_KINDS else {c: _narrowest(f) for c, f in cited.items()}
    # A claim's reading: the words it has where the others differ (for a quotation, the
    # words quoted: copies that quote alike read alike wherever the others differ).
    reading_of: dict[str, tuple[str, str]] = {}
    for cid, e in items.items():
        places = sorted(spans[cid])
        shown = _shown(e, places)
        if not shown or len(places) > MAX_PLACES:
            # Where dozens of copies each change another word, the reading they all
            # differ from is its sentence, not a list of every place.
            shown = e.text
        claim = quoted.get(cid)
        if kind == "conflict-attribution" and claim is not None:
            credited = claim.speaker or ""
            reading_of[cid] = (normalise(credited), credited or shown)
        elif kind == "misquote" and claim is not None:
            words = " ".join(
                claim.text[q.start - claim.start : q.end - claim.start] for q in claim.quotes
            )
            reading_of[cid] = (normalise(words), shown)
        elif kind in _FIGURE_KINDS:
            reading_of[cid] = (_figure_key(shown), shown)
        else:
            reading_of[cid] = (normalise(shown), shown)
    if kind in _FIGURE_KINDS:
        reading_of = _folded(reading_of)
    sources_of: dict[str, set[str]] = {}
    text_of: dict[str, str] = {}
    for cid, (key, shown) in reading_of.items():
        sources_of.setdefault(key, set()).add(items[cid].source)
        if key not in text_of or (kind in _FIGURE_KINDS and _better_shown(shown, text_of[key])):
            text_of[key] = shown
    ranked = sorted(sources_of, key=lambda k: (-len(sources_of[k]), sorted(sources_of[k]), k))
    top = len(sources_of[ranked[0]])
    has_majority = len(ranked) > 1 and len(sources_of[ranked[1]]) < top
    if has_majority and kind == "misquote":
        _against_majority(group, reading_of, ranked[0], text_of)
    readings = tuple(
        Reading(text_of[k], tuple(sorted(sources_of[k])), majority=has_majority and n == 0)
        for n, k in enumerate(ranked)
    )
    deviant = [r for r in readings if not r.majority]
    odd = (
        deviant[0].sources[0]
        if has_majority and len(deviant) == 1 and len(deviant[0].sources) == 1
        else None
    )
    speaker = shown_speaker(quoted[c].speaker for c in items if c in quoted)
    what = PAIRWISE[kind].format(who=f"{speaker} " if speaker else "").strip()
    what = what[:1].upper() + what[1:]
    message = f"{what}: " + _told(readings)
    # Deviant readings' claims first: what an editor looks at.
    rank = {k: -n for n, k in enumerate(ranked)}
    ordered = sorted(
        items, key=lambda cid: (rank[reading_of[cid][0]], items[cid].start, items[cid].source)
    )
    evidence_items = [
        Evidence(e.source, e.claim, e.text, e.start, e.end, tuple(sorted(spans[e.claim])))
        for e in (items[cid] for cid in ordered)
    ]
    severity = max(f.severity for f in group)
    fid = fingerprint(kind, (e.source for e in evidence_items), list(sources_of))
    return Finding(
        fid,
        kind,
        settings.severity.get(kind, severity),
        message,
        tuple(evidence_items),
        odd,
        story=group[0].story,
        readings=readings,
    )


def _narrowest(spans: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Highlights of a figure without those that hold another: two checks mark one
    figure as "302" and as "302 change", and the figure is what the reading shows."""
    return {s for s in spans if not any(o != s and s[0] <= o[0] and o[1] <= s[1] for o in spans)}


_FIGURE_KINDS = frozenset({"conflict-number", "conflict-date", "conflict-duration"})
_FIGURE_RE = re.compile(r"\d")
_DAY_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS) | frozenset(MONTH_ABBR)


def _figure_key(shown: str) -> str:
    """A number's or a date's reading: its figures and its day, month and scale words
    ("may 29", "18 24", "35 million"), else its words; ``_folded`` joins a key to the
    one longer key that holds all of it ("29" to "may 29")."""
    words = [w.strip("$€£%") for w in normalise(shown.replace(",", "")).split()]
    told = [MONTH_ABBR.get(w, w) for w in words if _figure_word(w)]
    return " ".join(told or words)


def _figure_word(word: str) -> bool:
    """A word that tells a figure or a date: a digit, a day or month name, a scale."""
    return word in _DAY_NAMES or word in SCALES or _FIGURE_RE.search(word) is not None


def _folded(reading_of: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """Figure keys that are part of exactly one other key read as that key: one check
    highlights "29" and another "May 29" of the same date."""
    keys = {key for key, _shown in reading_of.values()}
    parts = {key: set(key.split()) for key in keys}
    into: dict[str, str] = {}
    for key in keys:
        # (only by words of no digit: "2" is no part of "2 1 2", two and a half)
        holders = [
            k
            for k in keys
            if k != key
            and parts[key] < parts[k]
            and not any(_FIGURE_RE.search(w) for w in parts[k] - parts[key])
        ]
        if len(holders) == 1:
            into[key] = holders[0]
    return {cid: (into.get(key, key), shown) for cid, (key, shown) in reading_of.items()}


def _better_shown(shown: str, other: str) -> bool:
    """Of two texts of one figure's reading, the one that tells more of it in fewer other
    words: "May 29" rather than "29", "35" rather than "35 new"."""

    def told(text: str) -> int:
        return sum(map(_figure_word, normalise(text).split()))

    return (-told(shown), len(shown)) < (-told(other), len(other))


MAX_PLACES = 4  # places a reading is shown by; one that differs in more is shown whole


def _against_majority(
    group: list[Finding],
    reading_of: dict[str, tuple[str, str]],
    majority: str,
    text_of: dict[str, str],
) -> None:
    """A deviant quotation shown by the words where it differs from the majority's, not
    from every other deviant it was also compared with (in a wire story, dozens)."""
    places: dict[str, set[tuple[int, int]]] = defaultdict(set)
    first: dict[str, Evidence] = {}
    for f in group:
        if not any(reading_of[e.claim][0] == majority for e in f.evidence):
            continue
        for e in f.evidence:
            key = reading_of[e.claim][0]
            if key != majority and first.setdefault(key, e).claim == e.claim:
                places[key].update(e.highlights)
    for key, e in first.items():
        spans = sorted(places[key])
        if 0 < len(spans) <= MAX_PLACES:
            text_of[key] = _shown(e, spans)


def _shown(e: Evidence, places: Sequence[tuple[int, int]]) -> str:
    """The words of ``e`` at ``places`` (raw offsets), in order."""
    return " … ".join(e.text[s - e.start : t - e.start] for s, t in places)


def _told(readings: tuple[Reading, ...]) -> str:
    """'$2.5 billion' in a, b (most sources) against '$1.8 billion' in c. A wire story's
    fact has hundreds of sources and dozens of readings: the message names the first
    few of each and counts the rest (the readings list them all)."""
    parts = []
    most = max((len(r.sources) for r in readings if not r.majority), default=0)
    for r in readings[:TOLD_READINGS]:
        tail = ""
        if r.majority:
            # The majority may be counted by families of copies (provenance): a copy
            # and its original are one vote, so one source may outvote another.
            tail = (
                " (most sources)"
                if len(r.sources) > most
                else " (most sources, copies counted once)"
            )
        parts.append(f"'{short(r.text, 60)}' in {join_ids(listed(r.sources, TOLD_SOURCES))}{tail}")
    rest = len(readings) - TOLD_READINGS
    more = f" and {rest} other readings" if rest > 0 else ""
    return parts[0] + "".join(f" against {p}" for p in parts[1:]) + more


TOLD_SOURCES = 10  # sources a message names for one reading
TOLD_READINGS = 8  # readings a message tells


def recount(finding: Finding, majority: int | None, origins: Sequence[str]) -> Finding:
    """The finding with ``majority`` (an index into its readings, None for none) as its
    majority reading and each reading's origin; the id never changes (it does not
    depend on which reading is the majority). A message made from the readings is
    told again; the majority reading goes first."""
    old = finding.readings
    marked = [
        dataclasses.replace(
            r, majority=n == majority, origin=origins[n] if n < len(origins) else ""
        )
        for n, r in enumerate(old)
    ]
    if all(r.majority == o.majority for r, o in zip(marked, old, strict=True)):
        return dataclasses.replace(finding, readings=tuple(marked))
    readings = tuple(sorted(marked, key=lambda r: not r.majority))
    deviant = [r for r in readings if not r.majority]
    odd = (
        deviant[0].sources[0]
        if majority is not None and len(deviant) == 1 and len(deviant[0].sources) == 1
        else None
    )
    message = finding.message
    told = _told(old)
    if message.endswith(told):
        message = message[: len(message) - len(told)] + _told(readings)
    return dataclasses.replace(finding, readings=readings, odd_source=odd, message=message)
