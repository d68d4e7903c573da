"""Per-kind precision and recall on corpora built from real articles with injected errors.

    python bench/accuracy.py [--events N] [--seed S] [--misses]   # corpus mode (default)
    python bench/accuracy.py --one-story [--seed S] [--misses]    # the same, event by event
    python bench/accuracy.py --compare [--seed S] [--misses]      # both, side by side
    python bench/accuracy.py --triplets [--events N] [--seed S]   # the earlier harness
    python bench/accuracy.py --chains [--events N] [--seed S] [--dates] [--big 300]

Corpus mode is how users work: every event in ONE run, each with the first outlet's
article (the original, with two synthetic sentences about its main actor), three
copies of it with benign edits and three injected errors each (of different kinds,
at different places), a machine-spun copy, and the other two outlets' real articles:
seven sources an event, 350 in all. Nothing is subtracted: an injection is found
when a finding of its kind has evidence in its copy over the injected words; a
finding that involves a copy is correct when it explains one of the injections,
natural variation when what it highlights in the copies was already in the original
(the outlets differ), and wrong otherwise. Also printed: findings per injected error
(one fact, one finding) and findings whose evidence comes from two events.

One-story mode checks the very sources corpus mode plants (same seed, same injections),
each event's seven in a run of their own, and scores them the same way: corpus against
one-story recall compares like with like. ``--misses`` prints each missed injection,
each finding scored wrong and each finding that joins two events.

Triplets (the earlier harness): for each BASIL event, the first outlet's article
is the original; a copy of it
gets benign edits (British spellings, contractions and digits outside quotes,
a dropped sentence, two paragraphs swapped) and one injected, labelled error of
one kind; a third source is another outlet's real article on the same event.
A control trial injects nothing. An injection is found when a finding of its
kind has evidence in the copy over the injected words; precision counts, per
kind, the findings involving the copy that match an injection.

Word swaps for the spun copy come from the word-level pairs of the tortured-
phrases list (Cabanac, Labbé & Magazinov, CC BY 4.0); factcheck itself never
reads that list. Duration and scope injections add one templated sentence pair
about the event's main actor (marked synthetic in the output).
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from evaldata import EVAL, BasilArticle, basil_events

from factcheck.claims.quotes import find_quotes
from factcheck.config import Settings
from factcheck.facts.frames import TITLES
from factcheck.model import Finding, Severity, Source, Story
from factcheck.pipeline import analyse
from factcheck.stories import provenance
from factcheck.text.lexicons import british_to_american, stopwords, word_frequency
from factcheck.text.numbers import WEEKDAYS

DEBUG = "--debug" in sys.argv
KINDS = [
    "misquote",
    "misspelling",
    "garbled-rewrite",
    "conflict-number",
    "conflict-date",
    "conflict-negation",
    "conflict-attribution",
    "conflict-duration",
    "conflict-scope",
]
CONTRACTIONS = {
    "do not": "don't",
    "does not": "doesn't",
    "did not": "didn't",
    "is not": "isn't",
    "was not": "wasn't",
    "will not": "won't",
    "cannot": "can't",
    "it is": "it's",
}
WORDS = {
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}


@dataclass
class Injection:
    kind: str
    span: tuple[int, int] | None  # in the copy's text
    note: str = ""


def swap_pairs() -> dict[str, str]:
    """Word-level spins from the tortured-phrases list: one word differs in an aligned pair."""
    data = json.loads((EVAL / "tortured_phrases" / "tortured-phrases.json").read_text("utf-8"))
    freq = word_frequency()
    pairs: dict[str, str] = {}
    for p in data["phrases"]:
        bad, good = p["tortured"].split(), p["correct"].split()
        if len(bad) != len(good):
            continue
        diff = [(g, b) for b, g in zip(bad, good, strict=True) if b != g]
        if len(diff) == 1:
            g, b = diff[0]
            if g.isalpha() and b.isalpha() and g in freq and b in freq and g[:4] != b[:4]:
                pairs.setdefault(g, b)
    return pairs


def outside_quotes(text: str) -> list[tuple[int, int]]:
    quotes = sorted((q.start - 1, q.end + 1) for q in find_quotes(text))
    out, pos = [], 0
    for s, e in quotes:
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    out.append((pos, len(text)))
    return out


def _free(text: str, start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in outside_quotes(text))


def benign(text: str, rng: random.Random, share: float = 0.7, british: float = 1.0) -> str:
    """Edits an editor would not flag: spelling house style, contractions, digits, order.
    ``share``: how many of the optional contractions and digits are made; ``british``:
    the chance that the outlet spells the British way."""
    us_to_gb = {v: k for k, v in british_to_american().items()}
    for pattern, repl in [*CONTRACTIONS.items(), *WORDS.items()]:
        for m in reversed(list(re.finditer(rf"\b{pattern}\b", text))):
            if _free(text, m.start(), m.end()) and rng.random() < share:
                text = text[: m.start()] + repl + text[m.end() :]
    if british >= 1.0 or rng.random() < british:
        for m in reversed(list(re.finditer(r"\b[a-z]{5,}\b", text))):
            if m.group() in us_to_gb and _free(text, m.start(), m.end()):
                text = text[: m.start()] + us_to_gb[m.group()] + text[m.end() :]
    paras = text.split("\n\n")
    if len(paras) > 5:
        i = rng.randrange(2, len(paras) - 1)
        paras[i], paras[i + 1] = paras[i + 1], paras[i]
        del paras[rng.randrange(2, len(paras))]
    return "\n\n".join(paras)


def inject(
    kind: str,
    text: str,
    orig: str,
    rng: random.Random,
    article: BasilArticle,
    pairs: dict[str, str],
) -> tuple[str, str, Injection] | None:
    """(original text, copy text, injection) or None when the article offers no place."""
    if kind == "misquote":
        quotes = [q for q in find_quotes(text) if len(text[q.start : q.end].split()) >= 8]
        if not quotes:
            return None
        q = rng.choice(quotes)
        words = list(re.finditer(r"\b[a-z]{3,}\b", text[q.start : q.end]))[1:-1]
        if not words:
            return None
        w = rng.choice(words)
        s, e = q.start + w.start(), q.start + w.end()
        return orig, text[:s] + text[e:].lstrip(" "), Injection(kind, (max(s - 2, 0), s + 2))
    if kind == "misspelling":
        freq = word_frequency()
        words = [
            m
            for m in re.finditer(r"\b[a-z]{7,}\b", text)
            if m.group() in freq and _free(text, m.start(), m.end())
        ]
        rng.shuffle(words)
        for m in words:
            w = m.group()
            i = rng.randrange(1, len(w) - 2)
            bad = (
                w[:i] + w[i + 1] + w[i] + w[i + 2 :] if rng.random() < 0.5 else w[:i] + w[i] + w[i:]
            )
            if bad not in freq and bad != w:
                return (
                    orig,
                    text[: m.start()] + bad + text[m.end() :],
                    Injection(kind, (m.start(), m.start() + len(bad))),
                )
        return None
    if kind == "garbled-rewrite":
        found = [m for m in re.finditer(r"\b[a-z]{4,}\b", text) if m.group() in pairs]
        if len(found) < 6:
            return None
        chosen = rng.sample(found, min(len(found), max(6, len(found) // 2)))
        out = text
        for m in sorted(chosen, key=lambda m: -m.start()):
            out = out[: m.start()] + pairs[m.group()] + out[m.end() :]
        return orig, out, Injection(kind, None)
    if kind == "conflict-number":
        nums = [
            m
            for m in re.finditer(r"(?<![\d.,$])\b\d{2,}(?:,\d{3})*\b(?![\d.,]\d)", text)
            if _free(text, m.start(), m.end()) and not re.fullmatch(r"(19|20)\d\d", m.group())
        ]
        if not nums:
            return None
        m = rng.choice(nums)
        value = int(m.group().replace(",", ""))
        new = f"{value * 2 + 7:,}" if "," in m.group() else str(value * 2 + 7)
        return (
            orig,
            text[: m.start()] + new + text[m.end() :],
            Injection(kind, (m.start(), m.start() + len(new))),
        )
    if kind == "conflict-date":
        days = [
            m
            for m in re.finditer(r"\b(" + "|".join(d.title() for d in WEEKDAYS) + r")\b", text)
            if _free(text, m.start(), m.end())
        ]
        if not days:
            return None
        m = rng.choice(days)
        other = rng.choice([d.title() for d in WEEKDAYS if d.title() != m.group()])
        return (
            orig,
            text[: m.start()] + other + text[m.end() :],
            Injection(kind, (m.start(), m.start() + len(other))),
        )
    if kind == "conflict-negation":
        auxes = [
            m
            for m in re.finditer(r"\b(will|would|could|should|did|does|has|had) (?!not\b)", text)
            if _free(text, m.start(), m.end())
        ]
        if not auxes:
            return None
        m = rng.choice(auxes)
        at = m.start() + len(m.group(1))
        return orig, text[:at] + " not" + text[at:], Injection(kind, (m.start(), at + 4))
    if kind == "conflict-attribution":
        quotes = [
            q
            for q in find_quotes(text)
            if _person(q.speaker) and q.confident and len(text[q.start : q.end].split()) >= 10
        ]
        names = sorted({q.speaker for q in find_quotes(text) if _person(q.speaker)})
        for q in quotes:
            others = [n for n in names if n.split()[-1] != q.speaker.split()[-1]]
            # The quote's own attribution, in its paragraph: after it, else before it
            # ("Mr. Obama said, “but God ...”"); a name in the next paragraph is none.
            start = text.rfind("\n", 0, q.start) + 1
            stop = text.find("\n", q.end)
            stop = len(text) if stop < 0 else stop
            tail = text.find(q.speaker, q.end, min(q.end + 80, stop))
            if tail < 0:
                tail = text.rfind(q.speaker, max(q.start - 80, start), q.start)
            if tail < 0:
                continue
            other = rng.choice(others) if others else "Jordan Ellis"
            new = text[:tail] + other + text[tail + len(q.speaker) :]
            return orig, new, Injection(kind, (q.start, q.end))
        return None
    if kind in ("conflict-duration", "conflict-scope"):
        actor = _actor(article)
        if not actor:
            return None
        if kind == "conflict-duration":
            a = f"{actor} announced a six-month suspension of the program on Monday."
            b = f"{actor} announced a ban on the program on Monday."
        else:
            a = f"{actor} said it will stop all funding, hiring and research for the program."
            b = f"{actor} said it will stop only the research for the program."
        at = text.find("\n\n") + 2
        copy = text[:at] + b + "\n\n" + text[at:]
        return (
            orig[:at] + a + "\n\n" + orig[at:],
            copy,
            Injection(kind, (at, at + len(b)), "synthetic"),
        )
    raise ValueError(kind)


def _person(name: str | None) -> bool:
    """A full name ("Jay Carney"), not a description ("the statements")."""
    return bool(name) and " " in (name or "") and all(w[:1].isupper() for w in (name or "").split())


def _actor(article: BasilArticle) -> str | None:
    """A two-word name of the article (no sentence opener, no title such as "President")."""
    common = stopwords() | TITLES
    for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]{3,}\b", article.text[200:]):
        if not any(w.lower() in common for w in m.group().split()):
            return m.group()
    return None


# A changed number is reported as a duration when it counts time ("for 35 years"), and
# as a date when it is a day of the month ("Sept. 29"): both are the right kind.
ACCEPTED = {"conflict-number": {"conflict-number", "conflict-duration", "conflict-date"}}


def _hits(finding, injection: Injection, copy_id: str) -> bool:  # type: ignore[no-untyped-def]
    """The finding reports the injection as its kind."""
    kinds = ACCEPTED.get(injection.kind, {injection.kind})
    return finding.kind in kinds and _explains(finding, injection, copy_id)


def _explains(finding, injection: Injection, copy_id: str) -> bool:  # type: ignore[no-untyped-def]
    """The finding is about the injected words (a spun quote is also a misquote)."""
    if injection.span is None:
        return finding.odd_source == copy_id or (
            finding.kind == "misquote" and copy_id in finding.sources
        )
    s, e = injection.span
    return any(ev.source == copy_id and ev.start <= e and s <= ev.end for ev in finding.evidence)


def triplets(argv: list[str]) -> None:
    limit = int(argv[argv.index("--events") + 1]) if "--events" in argv else 50
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 20261121
    rng = random.Random(seed)
    pairs = swap_pairs()
    settings = Settings()
    tried: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    reported: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    benign_flags: dict[str, int] = defaultdict(int)
    natural: dict[str, int] = defaultdict(int)
    for articles in list(basil_events().values())[:limit]:
        a, other = articles[0], articles[1]
        base = benign(a.text, rng)
        control: set[str] = set()
        for kind in [None, *KINDS]:
            if kind is None:
                orig, copy, inj = a.text, base, None
            else:
                made = inject(kind, base, a.text, rng, a, pairs)
                if made is None:
                    continue
                orig, copy, inj = made
                tried[kind] += 1
            srcs = [
                Source("orig", "orig", orig),
                Source("copy", "copy", copy),
                Source("other", "other", other.text),
            ]
            report = analyse(srcs, settings)
            if kind is None:
                control = {f.id for f in report.findings}
            for f in report.findings:
                if kind is not None and f.id in control:
                    continue  # already there without the injection: natural variation
                if "copy" not in f.sources or f.severity < Severity.LOW:
                    continue
                if f.odd_source == "other" or ("orig" not in f.sources and f.odd_source != "copy"):
                    natural[f.kind] += 1  # the other outlet differs: natural variation
                    continue
                if DEBUG and (kind is None or (inj and not _explains(f, inj, "copy"))):
                    print("FLAG", kind, f.kind, f.message[:200])
                if inj is not None and _explains(f, inj, "copy"):
                    if DEBUG and kind == "garbled-rewrite":
                        print("GARBLED", f.kind, f.message[:160])
                    correct[f.kind] += 1
                    reported[f.kind] += 1
                else:
                    reported[f.kind] += 1
                    if kind is None:
                        benign_flags[f.kind] += 1
            if inj is not None and any(_hits(f, inj, "copy") for f in report.findings):
                found[inj.kind] += 1
            elif inj is not None and DEBUG and not inj.span:
                print("MISS garbled; spin", report.spin)
            elif inj is not None and DEBUG and inj.span:
                s0, e0 = inj.span
                print("MISS", inj.kind, repr(copy[max(0, s0 - 80) : e0 + 60]))
    print(f"{'kind':22} {'injected':>8} {'recall':>7} {'reported':>8} {'precision':>9}")
    for kind in KINDS:
        t, fnd, rep, cor = tried[kind], found[kind], reported[kind], correct[kind]
        print(f"{kind:22} {t:8d} {fnd / max(t, 1):7.3f} {rep:8d} {cor / max(rep, 1):9.3f}")
    print(f"benign-only copies: findings raised {dict(benign_flags)}")
    print(f"the other outlet differing (natural variation, not scored): {dict(natural)}")


COPIES = 3  # copies with injected errors, per event
# The wordings of the synthetic sentences, one chosen per event.
VERBS = ["announced", "unveiled", "declared", "disclosed"]
LENGTHS = ["six-month", "90-day", "two-year", "three-week"]
PAUSES = ["suspension", "pause", "freeze", "moratorium"]
ACTIVITIES = [
    ("funding, hiring and research", "research"),
    ("sales, marketing and development", "development"),
    ("grants, contracts and studies", "studies"),
    ("travel, events and outreach", "outreach"),
]
ERRORS_PER_COPY = 3
COPY_KINDS = [k for k in KINDS if k != "garbled-rewrite"]  # spinning gets a copy of its own


@dataclass
class Planted:
    source: str
    event: str
    injection: Injection


def _edit_region(old: str, new: str) -> tuple[int, int, int]:
    """Where ``new`` differs from ``old``: (start, end in old, length change)."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return p, len(old) - s, len(new) - len(old)


def _synthetic(article: BasilArticle) -> tuple[str, dict[str, tuple[str, str]]] | None:
    """The original with a duration and a scope sentence about its actor, and for each
    kind (the sentence, its conflicting version)."""
    actor = _actor(article)
    if not actor:
        return None
    # The sentences name the event's own matter (rare words of its title), as a real
    # story's facts do: templated sentences shared by every event would tie them all.
    freq = word_frequency()
    own = {w for w in re.findall(r"\b[a-z]{5,}\b", article.text) if w in freq}
    rare = sorted(own, key=lambda w: (freq[w], w))[:5]
    if len(rare) < 5:
        return None
    matter = f"{rare[0]}, {rare[1]}, {rare[2]}, {rare[3]} and {rare[4]}"
    pick = random.Random(article.title).choice  # the same wording each run, another per event
    verb, length, pause = pick(VERBS), pick(LENGTHS), pick(PAUSES)
    what, day = pick(["work on", "plans for", "spending on", "talks on"]), pick(WEEKDAYS).title()
    total, part = pick(ACTIVITIES)
    link = pick(["linked to", "tied to", "related to"])
    ended = pick(["stop", "end", "halt"])
    pairs = {
        "conflict-duration": (
            f"{actor} {verb} a {length} {pause} of {what} {matter} on {day}.",
            f"{actor} {verb} a ban on {what} {matter} on {day}.",
        ),
        "conflict-scope": (
            f"{actor} said it will {ended} all {total} {link} {matter}.",
            f"{actor} said it will {ended} only the {part} {link} {matter}.",
        ),
    }
    text = article.text
    at = text.find("\n\n") + 2
    lead = "\n\n".join(a for a, _b in pairs.values())
    return text[:at] + lead + "\n\n" + text[at:], pairs


def _plant(
    kind: str,
    text: str,
    rng: random.Random,
    article: BasilArticle,
    pairs: dict[str, str],
    synthetic: dict[str, tuple[str, str]],
    taken: list[tuple[int, int]],
) -> tuple[str, Injection] | None:
    """``text`` with one more injected error of ``kind`` away from the ``taken`` spans
    (which are moved to follow the edit)."""
    for _ in range(6):
        if kind in synthetic:
            a, b = synthetic[kind]
            # The benign edits may have touched the sentence ("six" → "6"): find it by
            # its opening words, to the end of its paragraph.
            at = text.find(" ".join(a.split()[:4]))
            if at < 0:
                return None
            stop = text.find("\n", at)
            stop = len(text) if stop < 0 else stop
            new, inj = text[:at] + b + text[stop:], Injection(kind, (at, at + len(b)))
        else:
            made = inject(kind, text, text, rng, article, pairs)
            if made is None:
                return None
            _orig, new, inj = made
        start, end, delta = _edit_region(text, new)
        if any(s <= end + 2 and start - 2 <= e for s, e in taken):
            continue  # too near an earlier injection: try another place
        for n, (s, e) in enumerate(taken):
            if s >= end:
                taken[n] = (s + delta, e + delta)
        return new, inj
    return None


def _plant_some(
    kinds: list[str],
    count: int,
    text: str,
    rng: random.Random,
    article: BasilArticle,
    pairs: dict[str, str],
    synthetic: dict[str, tuple[str, str]],
) -> tuple[str, list[Injection]]:
    """``text`` with up to ``count`` injected errors, of the first ``kinds`` that find a
    place, each span where it stands in the final text."""
    taken: list[tuple[int, int]] = []
    injections: list[Injection] = []
    for kind in kinds:
        if len(injections) == count:
            break
        placed = _plant(kind, text, rng, article, pairs, synthetic, taken)
        if placed is None:
            continue
        text, inj = placed
        taken.append(inj.span or (0, 0))
        injections.append(inj)
    return text, [
        Injection(inj.kind, span, inj.note) for inj, span in zip(injections, taken, strict=True)
    ]


@dataclass
class PlantedCorpus:
    """The sources of corpus mode and what was planted in them."""

    sources: list[Source]
    planted: list[Planted]
    event_of: dict[str, str]  # source → its event
    base_of: dict[str, str]  # source → the original text it was made from

    def events(self) -> dict[str, list[Source]]:
        out: dict[str, list[Source]] = defaultdict(list)
        for s in self.sources:
            out[self.event_of[s.id]].append(s)
        return dict(out)


def build_corpus(limit: int, seed: int) -> PlantedCorpus:
    """Seven sources an event: the original, three copies with benign edits and three
    injected errors each, a spun copy and the event's other outlets' real articles."""
    rng = random.Random(seed)
    pairs = swap_pairs()
    sources: list[Source] = []
    planted: list[Planted] = []
    event_of: dict[str, str] = {}
    base_of: dict[str, str] = {}
    turn = 0
    for event, articles in list(basil_events().items())[:limit]:
        made = _synthetic(articles[0])
        if made is None:
            continue
        original, synthetic = made
        tag = event[:8]
        ids = [f"{tag}-orig"]
        texts = [original]
        for c in range(COPIES):
            text = benign(original, rng)
            sid = f"{tag}-copy{c + 1}"
            kinds = [COPY_KINDS[(turn + k) % len(COPY_KINDS)] for k in range(len(COPY_KINDS))]
            turn += ERRORS_PER_COPY
            text, injections = _plant_some(
                kinds, ERRORS_PER_COPY, text, rng, articles[0], pairs, synthetic
            )
            planted += [Planted(sid, event, inj) for inj in injections]
            ids.append(sid)
            texts.append(text)
        spun = inject("garbled-rewrite", benign(original, rng), original, rng, articles[0], pairs)
        if spun is not None:
            ids.append(f"{tag}-spun")
            texts.append(spun[1])
            planted.append(Planted(f"{tag}-spun", event, spun[2]))
        for n, other in enumerate(articles[1:]):
            ids.append(f"{tag}-other{n + 1}")
            texts.append(other.text)
        for sid, text in zip(ids, texts, strict=True):
            sources.append(Source(sid, sid, text))
            event_of[sid] = event
            base_of[sid] = original
    return PlantedCorpus(sources, planted, event_of, base_of)


@dataclass
class Scores:
    """Per-kind counts of one way of checking a planted corpus, and what went wrong."""

    label: str
    findings: int
    stories: int
    tried: dict[str, int]
    found: dict[str, int]
    reported: dict[str, int]
    correct: dict[str, int]
    natural: dict[str, int]
    per_error: list[int]
    joined: list[Finding]
    misses: list[str]  # one line per missed injection
    wrong: list[Finding]

    def recall(self, kind: str) -> float:
        return self.found[kind] / max(self.tried[kind], 1)

    def precision(self, kind: str) -> float:
        return self.correct[kind] / max(self.reported[kind], 1)

    def total_precision(self) -> tuple[float, int, int]:
        rep, cor = sum(self.reported.values()), sum(self.correct.values())
        return cor / max(rep, 1), cor, rep

    def per_found(self) -> float:
        return sum(self.per_error) / max(len(self.per_error), 1)


def score(
    corpus: PlantedCorpus,
    label: str,
    findings: list[Finding],
    stories: int,
    spin: dict[str, float],
) -> Scores:
    """Nothing subtracted: an injection is found when a finding of its kind has evidence
    in its copy over the injected words; a finding involving a copy is right when it
    explains one of its injections, natural variation when what it highlights in the
    copies was already in the original, wrong otherwise."""
    injected = {p.source for p in corpus.planted}
    texts = {s.id: s.text for s in corpus.sources}
    tried: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    per_error: list[int] = []
    misses: list[str] = []
    for p in corpus.planted:
        tried[p.injection.kind] += 1
        hits = [f for f in findings if _hits(f, p.injection, p.source)]
        if hits:
            found[p.injection.kind] += 1
            per_error.append(len(hits))
        elif p.injection.span:
            s0, e0 = p.injection.span
            near = texts[p.source][max(0, s0 - 80) : e0 + 60]
            misses.append(f"{p.injection.kind} {p.source} {near!r}")
        else:
            misses.append(f"{p.injection.kind} {p.source} (spin {spin.get(p.source, 0.0):.2f})")
    reported: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    natural: dict[str, int] = defaultdict(int)
    joined: list[Finding] = []
    wrong: list[Finding] = []
    for f in findings:
        if len({corpus.event_of[s] for s in f.sources}) > 1:
            joined.append(f)
        if f.severity < Severity.LOW or not injected & set(f.sources):
            continue
        mine = [p for p in corpus.planted if p.source in f.sources]
        if any(
            _explains(f, p.injection, p.source) and _kind_fits(f.kind, p.injection.kind)
            for p in mine
        ):
            reported[f.kind] += 1
            correct[f.kind] += 1
        elif _inherited(f, injected, texts, corpus.base_of):
            natural[f.kind] += 1
        else:
            reported[f.kind] += 1
            wrong.append(f)
    return Scores(
        label,
        len(findings),
        stories,
        tried,
        found,
        reported,
        correct,
        natural,
        per_error,
        joined,
        misses,
        wrong,
    )


def corpus_mode(argv: list[str]) -> None:
    """Corpus mode (default), ``--one-story`` (the same planted sources checked event by
    event) or ``--compare`` (both, side by side); ``--misses`` lists what each missed."""
    limit = int(argv[argv.index("--events") + 1]) if "--events" in argv else 50
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 20261121
    corpus = build_corpus(limit, seed)
    runs: list[Scores] = []
    events = corpus.events()
    if "--one-story" not in argv or "--compare" in argv:
        report = analyse(corpus.sources, Settings())
        runs.append(
            score(corpus, "corpus", list(report.findings), len(report.stories), report.spin)
        )
        print(
            f"corpus mode: {len(report.sources)} sources of {len(events)} events in one run, "
            f"{len(corpus.planted)} injected errors, {len(report.findings)} findings, "
            f"{len(report.stories)} stories"
        )
    if "--one-story" in argv or "--compare" in argv:
        findings: list[Finding] = []
        spin: dict[str, float] = {}
        stories = 0
        for srcs in events.values():
            alone = analyse(srcs, Settings())
            findings.extend(alone.findings)
            spin.update(alone.spin)
            stories += len(alone.stories)
        runs.append(score(corpus, "one-story", findings, stories, spin))
        print(
            f"one-story mode: the same {len(corpus.sources)} sources and "
            f"{len(corpus.planted)} injected errors, each event checked alone: "
            f"{len(findings)} findings, {stories} stories"
        )
    _print_scores(runs)
    if "--misses" in argv or DEBUG:
        for run in runs:
            for line in run.misses:
                print(f"MISS [{run.label}] {line}")
            for f in run.wrong:
                print(f"WRONG [{run.label}] {f.kind} {f.sources} {f.message[:200]}")
            for f in run.joined:
                print(f"JOINED [{run.label}] {f.kind} {f.sources} {f.message[:160]}")


def _print_scores(runs: list[Scores]) -> None:
    """One table, a recall and a precision column per run (and the recall's difference
    from the first run when there are two)."""
    columns = f" {'recall':>7} {'reported':>8} {'precision':>9}"
    head = f"{'kind':22} {'injected':>8}" + columns * len(runs)
    if len(runs) == 2:
        head += f" {'recall diff':>11}"
    if len(runs) == 2:
        print(" " * 31 + "".join(f"{run.label:^27}" for run in runs))
    print(head)
    for kind in KINDS:
        line = f"{kind:22} {runs[0].tried[kind]:8d}"
        for run in runs:
            line += f" {run.recall(kind):7.3f} {run.reported[kind]:8d} {run.precision(kind):9.3f}"
        if len(runs) == 2:
            line += f" {runs[0].recall(kind) - runs[1].recall(kind):+11.3f}"
        print(line)
    for run in runs:
        share, cor, rep = run.total_precision()
        print(
            f"{run.label}: precision {share:.3f} ({cor}/{rep}); findings per injected error "
            f"found: {run.per_found():.2f}; findings with evidence from two events: "
            f"{len(run.joined)}; natural variation between the outlets (not scored): "
            f"{dict(sorted(run.natural.items()))}"
        )


def _kind_fits(reported: str, injected: str) -> bool:
    """The reported kind names the injected error (a spun quotation is also a misquote)."""
    if injected == "garbled-rewrite" and reported == "misquote":
        return True
    return reported in ACCEPTED.get(injected, {injected})


def _inherited(f, injected: set[str], texts: dict[str, str], base_of: dict[str, str]) -> bool:  # type: ignore[no-untyped-def]
    """What the finding highlights in the injected sources was already in their original."""
    for e in f.evidence:
        if e.source not in injected:
            continue
        spans = e.highlights or ((e.start, e.end),)
        for s, t in spans:
            if texts[e.source][s:t] not in base_of[e.source]:
                return False
    return True


# Chain mode: the copies of each event in a known tree (parent of each copy, in order);
# every copy is its parent's text with benign edits and errors of its own, so that it
# inherits its parent's errors (those a dropped paragraph does not take away).
TREE = {"copy1": "orig", "copy2": "copy1", "copy3": "copy2", "copy4": "copy1", "copy5": "orig"}
CHAIN_ERRORS = 2  # own errors per copy


def copy_edits(text: str, rng: random.Random) -> str:
    """An outlet's edits of the text it copies: its house style (British spelling for
    half the outlets), some contractions and digits, two paragraphs swapped and one
    dropped. Unlike the copies of corpus mode, each copy makes only some of the optional
    edits, so that two copies of one text do not make the same ones."""
    return benign(text, rng, share=0.3, british=0.5)


def _random_tree(size: int, rng: random.Random) -> dict[str, str]:
    """``size`` copies, each of the original or of one of the first copies, chosen at
    random (a wire story copied by many outlets, some from each other)."""
    names = ["orig"]
    tree = {}
    for n in range(1, size + 1):
        parent = rng.choice(names[:30])  # a wire story and its copies, copied on
        tree[f"copy{n}"] = parent
        names.append(f"copy{n}")
    return tree


def chain_mode(argv: list[str]) -> None:
    """Edge recall and precision of the copy graph, its directions, and the origin of
    each injected error found, on copies of copies in known chains."""
    import time

    limit = int(argv[argv.index("--events") + 1]) if "--events" in argv else 50
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 20261121
    big = int(argv[argv.index("--big") + 1]) if "--big" in argv else 0
    dated = "--dates" in argv
    rng = random.Random(seed)
    pairs = swap_pairs()
    sources: list[Source] = []
    planted: list[Planted] = []
    truth: set[tuple[str, str]] = set()  # (parent, copy)
    family: dict[str, str] = {}
    turn = 0
    events = list(basil_events().items())[: (1 if big else limit)]
    for event, articles in events:
        made = _synthetic(articles[0])
        if made is None:
            continue
        original, synthetic = made
        tag = event[:8]
        tree = _random_tree(big - 1, rng) if big else TREE
        texts = {"orig": original}
        kinds_of: dict[str, set[str]] = {"orig": set()}
        used: set[str] = set()
        hour = {"orig": 0}
        for name, parent in tree.items():
            text = copy_edits(texts[parent], rng)
            inherited = kinds_of[parent]
            kinds = [COPY_KINDS[(turn + k) % len(COPY_KINDS)] for k in range(len(COPY_KINDS))]
            turn += CHAIN_ERRORS + 1  # not a divisor of the kinds: siblings differ in kind
            # One conflicting version of each synthetic sentence: two copies that made it
            # alone would share an error neither copied.
            kinds = [k for k in kinds if not (k in synthetic and k in used)]
            text, injections = _plant_some(
                kinds, CHAIN_ERRORS, text, rng, articles[0], pairs, synthetic
            )
            sid = f"{tag}-{name}"
            planted += [Planted(sid, event, inj) for inj in injections]
            texts[name] = text
            kinds_of[name] = inherited | {i.kind for i in injections}
            used |= kinds_of[name]
            hour[name] = hour[parent] + 1 + rng.randrange(3)
            truth.add((f"{tag}-{parent}", sid))
        for name, text in texts.items():
            sid = f"{tag}-{name}"
            date = f"2014-03-{1 + hour[name] // 24:02d}T{hour[name] % 24:02d}:00" if dated else ""
            sources.append(Source(sid, sid, text, date=date))
            family[sid] = event
        for n, other in enumerate(articles[1:]):
            sid = f"{tag}-other{n + 1}"
            sources.append(Source(sid, sid, other.text))
            family[sid] = event + "/other"
    start = time.perf_counter()
    # A story copied by 300 outlets: words in every copy must stay blocking keys.
    report = analyse(sources, Settings(max_postings=20_000) if big else Settings())
    seconds = time.perf_counter() - start
    found = {(e.source, e.copy): e for e in report.provenance}
    undirected = {frozenset(p) for p in found}
    true_pairs = {frozenset(p) for p in truth}
    hit = undirected & true_pairs
    right = sum(1 for p, c in truth if (p, c) in found and found[p, c].directed)
    wrong_way = sum(1 for p, c in truth if (c, p) in found and found[c, p].directed)
    origin_scored = origin_right = 0
    for p in planted:
        hits = [f for f in report.findings if _hits(f, p.injection, p.source)]
        for f in hits[:1]:
            # The origin of the reading the copy gives (a fact several copies changed
            # has a deviant reading, and an origin, for each).
            held = [r for r in f.readings if p.source in r.sources]
            origin = held[0].origin if held else f.origin
            origin_scored += 1
            origin_right += origin == p.source
            if DEBUG and origin != p.source:
                print("ORIGIN", p.injection.kind, p.source, "->", origin, f.message[:300])
    if DEBUG:
        for pair in sorted(undirected - true_pairs, key=sorted):
            a, b = sorted(pair)
            print(
                "EXTRA",
                a,
                b,
                [
                    (s.kind, s.text[:50])
                    for e in report.provenance
                    if {e.source, e.copy} == pair
                    for s in e.shared
                ][:4],
            )
        for pair in sorted(true_pairs - undirected, key=sorted):
            print("MISSED", sorted(pair))
    stories = len(report.stories)
    print(
        f"chain mode: {len(report.sources)} sources ({len(truth)} copies in known trees, "
        f"{CHAIN_ERRORS} own errors each, dates {'on' if dated else 'off'}), {stories} stories; "
        f"{len(report.provenance)} edges found, {len(true_pairs)} true"
    )
    print(
        f"edge recall     {len(hit) / max(len(true_pairs), 1):.3f} ({len(hit)}/{len(true_pairs)})"
    )
    real = sum(1 for pair in undirected - true_pairs if not any("-copy" in s for s in pair))
    print(
        f"edge precision  {len(hit) / max(len(undirected), 1):.3f} ({len(hit)}/{len(undirected)}; "
        f"of the {len(undirected) - len(hit)} others, {real} join two real articles)"
    )
    print(
        f"direction right {right / max(len(hit), 1):.3f} ({right}/{len(hit)}; "
        f"{wrong_way} the wrong way, {len(hit) - right - wrong_way} undirected)"
    )
    print(
        f"origin right    {origin_right / max(origin_scored, 1):.3f} "
        f"({origin_right}/{origin_scored} injected errors found; {len(planted)} injected)"
    )
    spent = report.timings.get("check:provenance", 0.0)
    story = max(report.stories, key=lambda s: len(s.core))
    wanted = set(story.claims)
    claims = [c for c in report.claims if c.id in wanted]
    clusters = [k for k in report.clusters if k.id in set(story.clusters)]
    findings = [f for f in report.findings if f.story == story.id]
    by_id = {s.id: s for s in report.sources}
    took = []
    for _ in range(3):
        start = time.perf_counter()
        provenance.build(story, by_id, claims, findings, clusters)
        took.append(time.perf_counter() - start)
    if big:  # the stories stage may split the copies: time them as one story as well
        whole = Story(
            "all",
            "",
            tuple(by_id),
            tuple(by_id),
            tuple(k.id for k in report.clusters),
            tuple(c.id for c in report.claims),
        )
        start = time.perf_counter()
        made = provenance.build(
            whole, by_id, list(report.claims), list(report.findings), list(report.clusters)
        )
        print(
            f"all {len(by_id)} sources as one story ({len(report.claims)} claims, "
            f"{len(report.findings)} findings): graph in {time.perf_counter() - start:.3f} s, "
            f"{len(made.edges)} edges"
        )
    print(
        f"provenance {spent:.3f} s for all stories; the largest story ({len(story.core)} "
        f"sources, {len(claims)} claims, {len(findings)} findings) "
        f"{sorted(took)[1]:.3f} s (median of 3); whole run {seconds:.1f} s"
    )


def main(argv: list[str]) -> None:
    if "--triplets" in argv:
        triplets(argv)
    elif "--chains" in argv:
        chain_mode(argv)
    else:
        corpus_mode(argv)


if __name__ == "__main__":
    main(sys.argv[1:])
