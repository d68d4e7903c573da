"""Loaders for the evaluation data in ../shared/eval (real text nobody here wrote)."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"


@dataclass(frozen=True)
class BasilArticle:
    event: str
    outlet: str
    title: str
    paragraphs: list[list[str]]

    @property
    def text(self) -> str:
        body = "\n\n".join(" ".join(p) for p in self.paragraphs)
        return f"{self.title}\n\n{body}"

    @property
    def sentences(self) -> list[str]:
        return [self.title] + [s for p in self.paragraphs for s in p]


def basil() -> list[BasilArticle]:
    out = []
    for path in sorted((EVAL / "basil" / "articles").glob("*/*.json")):
        d = json.loads(path.read_text("utf-8"))
        paragraphs = [[s.strip() for s in p if s.strip()] for p in d["body-paragraphs"]]
        out.append(
            BasilArticle(
                d["triplet-uuid"],
                d["source"].lower(),
                d["title"].strip(),
                [p for p in paragraphs if p],
            )
        )
    return out


def basil_events() -> dict[str, list[BasilArticle]]:
    events: dict[str, list[BasilArticle]] = defaultdict(list)
    for a in basil():
        events[a.event].append(a)
    return dict(events)


def mrpc() -> list[tuple[int, str, str]]:
    rows = []
    with (EVAL / "mrpc" / "msr_paraphrase_train.txt").open(encoding="utf-8-sig") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        for row in reader:
            rows.append((int(row[0]), row[3], row[4]))
    return rows


def cannot_pairs() -> list[tuple[str, str]]:
    rows = []
    for path in sorted((EVAL / "cannot_negation").glob("*.tsv")):
        with path.open(encoding="utf-8") as fh:
            reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            next(reader)
            rows.extend((r[0], r[1]) for r in reader if len(r) >= 2)
    return rows


@dataclass(frozen=True)
class Attribution:
    content: tuple[int, int]
    source: tuple[int, int] | None
    source_text: str
    content_text: str


def polnear() -> list[tuple[str, str, list[Attribution]]]:
    """(name, text, attributions) of the PolNeAR test articles (first annotator each)."""
    base = EVAL / "polnear_attribution" / "data" / "test"
    out = []
    seen: set[str] = set()
    for ann in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if name in seen:
            continue
        seen.add(name)
        text = (base / "text" / f"{name}.txt").read_text("utf-8")
        spans: dict[str, tuple[str, int, int, str]] = {}
        events = []
        for line in ann.read_text("utf-8").splitlines():
            parts = line.split("\t")
            if line.startswith("T") and len(parts) >= 3:
                label, *rng = parts[1].split()
                if ";" in " ".join(rng):
                    continue
                spans[parts[0]] = (label, int(rng[0]), int(rng[1]), parts[2])
            elif line.startswith("E") and len(parts) >= 2:
                events.append(dict(a.split(":") for a in parts[1].split()))
        attributions = []
        for ev in events:
            content = spans.get(ev.get("Content", ""))
            source = spans.get(ev.get("Source", ""))
            if content is None:
                continue
            attributions.append(
                Attribution(
                    (content[1], content[2]),
                    (source[1], source[2]) if source else None,
                    source[3] if source else "",
                    content[3],
                )
            )
        out.append((name, text, attributions))
    return out


# AllSides headline roundups as crawled for NeuS (see allsides_neus/SOURCE.txt): one story
# per line, each with up to three outlets (left, center, right) and lead excerpts of their
# articles, not whole articles.
NEUS = EVAL / "allsides_neus" / "headline_11_2021-10-19_crawled_all.jsonl"
NEUS_SIDES = ("left", "center", "right")


def neus_text(title: str, paragraphs: list[str]) -> str:
    """The text of a NeuS article as factcheck reads it and as the gold snippets quote it:
    the title, a blank line, then the paragraphs separated by blank lines. White space
    inside a title or paragraph (a stray newline, a double space) is one space; empty
    paragraphs are left out."""
    parts = [" ".join(title.split())] + [" ".join(p.split()) for p in paragraphs]
    return parts[0] + "\n\n" + "\n\n".join(p for p in parts[1:] if p)


@dataclass(frozen=True)
class NeusArticle:
    story: int
    side: str  # left, center or right, as AllSides rates the outlet
    outlet: str  # newsSource, e.g. "CNN (Online News)"
    title: str
    paragraphs: tuple[str, ...]
    url: str
    date: str  # the story's date (YYYY-MM-DD), not the article's own

    @property
    def id(self) -> str:
        return f"{self.story}_{self.side}"

    @property
    def text(self) -> str:
        return neus_text(self.title, list(self.paragraphs))


@dataclass(frozen=True)
class NeusStory:
    id: int
    issue: str  # the AllSides headline
    date: str  # YYYY-MM-DD, the story's local date
    articles: tuple[NeusArticle, ...]  # in NEUS_SIDES order, those present


def neus() -> list[NeusStory]:
    """The NeuS stories in file order (the one without outlets included, with none)."""
    out = []
    for line in NEUS.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        date = d.get("date", "")[:10]
        news = d.get("news") or {}
        articles = tuple(
            NeusArticle(
                d["id"],
                side,
                news[side]["newsSource"].strip(),
                news[side]["newsTitle"],
                tuple(news[side]["newBody"]),
                news[side].get("newsLink", ""),
                date,
            )
            for side in NEUS_SIDES
            if side in news
        )
        out.append(NeusStory(d["id"], d["issue"], date, articles))
    return out


def neus_heldout(every: int = 15, count: int = 30) -> list[NeusStory]:
    """The held-out selection of bench/gold/neus-heldout.json: of the stories with all
    three outlets, in file order, the 15th, 30th, ... (every `every`-th), `count` of them."""
    three = [s for s in neus() if len(s.articles) == 3]
    return three[every - 1 :: every][:count]


def neus_dev(every: int = 15, offset: int = 7, count: int = 30) -> list[NeusStory]:
    """The dev selection of bench/gold/neus-dev.json: of the stories with all three
    outlets, in file order, the 7th, 22nd, 37th, ... (every `every`-th from `offset`),
    `count` of them; none of them is one of neus_heldout()'s."""
    three = [s for s in neus() if len(s.articles) == 3]
    chosen = three[offset - 1 :: every][:count]
    held = {s.id for s in neus_heldout()}
    assert not held & {s.id for s in chosen}, "the NeuS dev and held-out sets overlap"
    return chosen


ECB = EVAL / "ecbplus" / "ECBplus_xml.tar.xz"


@dataclass(frozen=True)
class EcbArticle:
    name: str  # "3_9ecbplus"
    topic: str  # "3"
    event: str  # "3ecb" or "3ecbplus": the topic's seminal event the article reports
    url: str
    text: str  # the sentences detokenized, one paragraph each


_NO_SPACE_BEFORE = re.compile(r" ([,.;:!?%)\]}”]|['’](?:s|re|ve|ll|d|m|t)\b|n['’]t\b|'')")
_SPLIT_CLITIC = re.compile(r" (['\u2019]) (s|re|ve|ll|d|m|t)\b")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“]|``) ")


def _detokenized(tokens: list[str]) -> str:
    """ECB+'s tokens as running text: no space before a comma, a full stop, a clitic."""
    text = " ".join(tokens)
    text = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", text))
    text = _SPLIT_CLITIC.sub(r"\1\2", text)  # "Lohan ’ s" as two tokens
    # Tokens of one word or number: "4, 051" is 4,051; "9: 53" 9:53; "11 - inch"
    # 11-inch; "U. S." U.S.
    text = re.sub(r"(\d), (\d{3})(?!\d)", r"\1,\2", text)  # "2, 000ft" too
    text = re.sub(r"(\d): (\d\d)\b", r"\1:\2", text)
    text = re.sub(r"(\d)\. (\d)", r"\1.\2", text)  # "4. 5 hours"
    text = re.sub(r"(\d) / (\d)", r"\1/\2", text)  # "4 1 / 2 hours"
    text = re.sub(r"(\w) - (?=\w)", r"\1-", text)
    text = re.sub(r"\b([A-Za-z])\. (?=[A-Za-z]\.)", r"\1.", text)
    return text.replace("``", "\u201c").replace("''", "\u201d")


def ecbplus() -> list[EcbArticle]:
    """The 982 ECB+ articles (43 topics, two events each, several outlets per event),
    each sentence a paragraph; the URL line of an ``ecbplus`` file is its url, not text.
    Undated: the corpus keeps no publication dates."""
    import tarfile
    import xml.etree.ElementTree as ET

    out = []
    with tarfile.open(ECB) as tar:
        for member in sorted(tar.getmembers(), key=lambda m: m.name):
            if not member.name.endswith(".xml"):
                continue
            handle = tar.extractfile(member)
            if handle is None:
                continue
            root = ET.parse(handle).getroot()
            sentences: dict[int, list[str]] = defaultdict(list)
            for tok in root.iter("token"):
                sentences[int(tok.get("sentence", "0"))].append(tok.text or "")
            name = Path(member.name).stem
            topic = name.split("_")[0]
            plus = name.endswith("ecbplus")
            url = "".join(sentences.pop(0, [])) if plus else ""
            text = "\n\n".join(_detokenized(sentences[k]) for k in sorted(sentences))
            event = f"{topic}{'ecbplus' if plus else 'ecb'}"
            out.append(EcbArticle(name, topic, event, url, text))
    return out
