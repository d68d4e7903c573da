"""The records passed between pipeline stages.

Every offset is a character offset into ``Source.text`` as decoded, so that
``source.text[start:end]`` is exactly what the user sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum
from functools import lru_cache

from factcheck.text.fold import Token, tokenize, word_forms


class Severity(IntEnum):
    INFO = 0
    LOW = 1
    MEDIUM = 2
    HIGH = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (use info, low, medium or high)") from None

    @property
    def label(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of finding, declared by the check that reports it; the register, the rule
    tables of the CI formats and the README's table are derived from these."""

    name: str
    severity: Severity  # the default; ``severity`` in the configuration overrides it
    about: str  # one line an editor understands


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    path: str
    text: str
    title: str = ""
    url: str = ""
    date: str = ""
    encoding: str = "utf-8"
    outlet: str = ""  # who published it: JSONL ``source``, HTML site name or ``--name``
    line: int = 0  # a JSONL record: its line in the file (``path`` is then ``file:line``)


@dataclass(frozen=True, slots=True)
class Quote:
    """The words between quotation marks, clipped to one claim."""

    start: int
    end: int
    speaker: str | None
    confident: bool = False  # the attribution stands right beside the quote
    inferred: bool = False  # the speaker comes from a pronoun: a guess


@lru_cache(maxsize=1 << 13)  # claims: a story's many times over
def _tokens(text: str, start: int) -> tuple[Token, ...]:
    return tokenize(text, start)


@lru_cache(maxsize=1 << 13)
def _forms(text: str) -> tuple[str, ...]:
    return word_forms(text)[1]


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source: str
    start: int
    end: int
    text: str
    words: tuple[str, ...]  # the folded, lower-cased words (``Token.norm``), in order
    quotes: tuple[Quote, ...] = ()
    headline: bool = False
    paragraph: int = 0

    @property
    def tokens(self) -> tuple[Token, ...]:
        """The words with raw offsets, built when asked for and kept only for the claims
        asked last: most claims of a large corpus are never aligned or highlighted (a
        token object per word was the largest share of the run's time and memory), and
        the checks of one story ask for the same claims again and again."""
        return _tokens(self.text, self.start)

    @property
    def forms(self) -> tuple[str, ...]:
        """The words with their case (``Token.text``, folded), worked out when asked for
        and kept for the claims asked last: they follow from the text, and a tuple of
        them held for every claim was a fifth of the claims' memory (200 MB at 100,000
        articles), while only some checks read them."""
        return _forms(self.text)

    @property
    def written(self) -> tuple[object, ...]:
        """What two claims written exactly alike share (their copies in other sources):
        the words as printed, headline or not, the quotations and their speakers."""
        quotes = tuple((q.start - self.start, q.end - self.start, q.speaker) for q in self.quotes)
        return (self.text, self.headline, quotes)

    @property
    def quote(self) -> bool:
        return bool(self.quotes)

    @property
    def speaker(self) -> str | None:
        for q in self.quotes:
            if q.speaker:
                return q.speaker
        return None


@dataclass(frozen=True, slots=True)
class Cluster:
    id: str
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Story:
    """Sources that report one event, and the facts (clusters) they share.

    Every claim and every cluster belongs to one story; a source belongs to the story it
    shares most with (its ``core``) and contributes to others where some of its claims
    state their facts (a roundup article)."""

    id: str
    title: str
    sources: tuple[str, ...]  # core sources first, then contributors, each in input order
    core: tuple[str, ...]
    clusters: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Evidence:
    source: str
    claim: str
    text: str
    start: int
    end: int
    highlights: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class Reading:
    """One way the sources of a story tell a fact: the words, and who writes them."""

    text: str
    sources: tuple[str, ...]
    majority: bool = False  # the reading most of the story's sources give
    origin: str = ""  # the source it most likely began in (provenance), "" when unknown


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    kind: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...]
    odd_source: str | None = None
    details: tuple[tuple[str, str], ...] = ()
    story: str = ""  # the id of the story it was found in
    readings: tuple[Reading, ...] = ()  # the majority reading first, then each deviant one
    omitted: int = 0  # claims of evidence left out by a cap (the message says how many)
    origin: str = ""  # the source its deviant reading most likely began in, "" when unknown

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for e in self.evidence:
            seen.setdefault(e.source, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Place:
    """Where a shared reading stands in one source: ``text[start:end]``."""

    source: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SharedReading:
    """What two sources share and the rest of their story lacks: a deviant reading of a
    finding (an error they both make) or unusual wording (a verbatim run)."""

    kind: str  # "error" or "wording"
    text: str
    places: tuple[Place, ...] = ()
    finding: str = ""  # the finding whose deviant reading it is (errors)


@dataclass(frozen=True, slots=True)
class CopyEdge:
    """One source copied another (or both copied a third, when not ``directed``)."""

    story: str
    source: str  # upstream when ``directed``
    copy: str
    shared: tuple[SharedReading, ...]
    confidence: float  # 0-1, that the two are copies (of each other or of one text)
    directed: bool = False
    why: str = ""  # what gave the direction: "date", "errors", "content"


@dataclass(frozen=True, slots=True)
class Limit:
    """A limit that dropped work: which, its value, and how much it dropped."""

    name: str  # the setting or constant, e.g. "max-postings"
    value: int
    dropped: int  # how many ``unit`` were left out
    unit: str
    message: str  # one line for stderr and the reports


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that could not be read; the run goes on without it."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Suppressed:
    """A finding silenced by an inline marker or an ignored id: listed, never dropped."""

    finding: Finding
    reason: str  # where it was silenced: "marker in a.txt:12", "--ignore-id", "config"


@dataclass(frozen=True, slots=True)
class Stale:
    """A baseline entry that no longer occurs."""

    id: str
    kind: str
    excerpt: str


@dataclass(frozen=True)
class Report:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    clusters: tuple[Cluster, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    spin: dict[str, float] = field(default_factory=dict)
    timings: dict[str, float] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    stories: tuple[Story, ...] = ()
    # Cluster id → the sources of its story that do not state it.
    absent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # With a baseline: indexes (into ``findings``) of the new ones, and stale entries.
    new: frozenset[int] | None = None
    stale: tuple[Stale, ...] = ()
    suppressed: tuple[Suppressed, ...] = ()
    limits: tuple[Limit, ...] = ()  # limits that dropped work in this run
    provenance: tuple[CopyEdge, ...] = ()  # the copy graph of each story

    def is_new(self, index: int) -> bool:
        return self.new is None or index in self.new

    def cluster_of(self) -> dict[str, str]:
        return {cid: k.id for k in self.clusters for cid in k.claims}
