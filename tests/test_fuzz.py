"""Random articles, encodings and JSONL through reading, checking, the baseline and
every reporter: no exception, offsets true, and every output parses with its own
parser. A few hundred examples by default; FACTCHECK_FUZZ_EXAMPLES=10000 for a long run.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import baseline, gate
from factcheck.config import Settings
from factcheck.diff import compare
from factcheck.model import Cluster, Report
from factcheck.pipeline import analyse
from factcheck.reporters import FORMATS, Options, render
from factcheck.reporters.diff_report import render_json, render_text
from factcheck.sources import read_paths

from .conftest import SHARED, assert_offsets

EXAMPLES = int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "300"))
SARIF_SCHEMA = SHARED / "eval" / "sarif" / "sarif-schema-2.1.0.json"

WORDS = (
    "the council approved a budget for new bridge mayor said on Tuesday Friday million "
    "percent not never temporarily permanently banned all some residents officials "
    "workers union strike ended port ferry harbour harbor colour color 2.5 $4 42 1,200 "
    "March 3 2024 three weeks years agreed rejected will would recieve teh"
).split()
ODD = (
    "\x1b[2J",
    "\x1b]0;title\x07",
    "\x07",
    "\r",
    "\r\n",
    "\u2028",
    "\u2029",
    "\x00",
    "\x0c",
    "\x0b",
    "\ufeff",
    "\u202e",
    "\x85",
    "\x9b",
    "\x7f",
    "\ufffe",
    "\uffff",
    "é",
    "e\u0301",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "\t",
    "\U0001f600",
    "ﬁ",
    "İ",
    "ß",
    "\u200b",
    "Ã©",
    '"',
    "'",
)
NAMES = ("Ann Lee", "Sam Okafor", "Rita Moss", "Lee", "he", "she")
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1")

word = st.one_of(st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(ODD))
sentence = st.lists(word, min_size=1, max_size=18).map(lambda ws: " ".join(ws) + ".")
quoted = st.tuples(sentence, st.sampled_from(NAMES)).map(lambda q: f'"{q[0]}," {q[1]} said.')
paragraph = st.lists(st.one_of(sentence, sentence, quoted), min_size=1, max_size=5).map(" ".join)
article = st.tuples(sentence, st.lists(paragraph, min_size=1, max_size=4)).map(
    lambda t: t[0] + "\n\n" + "\n\n".join(t[1])
)


@st.composite
def variant(draw: st.DrawFn, text: str) -> str:
    """Another outlet's copy: a few words changed, dropped or made hostile."""
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 4))):
        i = draw(st.integers(0, len(words) - 1))
        words[i] = draw(st.one_of(word, st.just("")))
    return " ".join(words)


@st.composite
def corpora(draw: st.DrawFn) -> list[tuple[str, Any]]:
    """Files as (name, bytes): text articles in some encoding, or one JSONL file."""
    first = draw(article)
    texts = [first] + [
        draw(st.one_of(variant(first), article)) for _ in range(draw(st.integers(1, 3)))
    ]
    if draw(st.booleans()):
        lines = []
        for n, text in enumerate(texts):
            row: dict[str, Any] = {
                "id": draw(st.sampled_from([f"r{n}", n, f"id {n}\x1b"])),
                "text": text,
            }
            if draw(st.booleans()):
                row["title"] = draw(sentence)
            line = json.dumps(row, ensure_ascii=draw(st.booleans()))
            if draw(st.booleans()):
                line = line.replace("a", "\\ud800a", 1)  # a lone surrogate escape
            lines.append(line)
        if draw(st.booleans()):
            lines.insert(
                draw(st.integers(0, len(lines))),
                draw(st.sampled_from(["not json", "[" * 200, '{"text": 1e999}', "", '{"id": 1}'])),
            )
        end = draw(st.sampled_from(["\n", "\r\n"]))
        return [("feed.jsonl", end.join(lines).encode("utf-8", "surrogatepass"))]
    files = []
    for n, text in enumerate(texts):
        encoding = draw(st.sampled_from(ENCODINGS))
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            data = text.encode("utf-8")
        files.append((f"s{n}.txt", data))
    return files


_no_surrogates = re.compile("[\ud800-\udfff]")
_sarif = None


def _sarif_validator() -> Any:
    global _sarif
    if _sarif is None and SARIF_SCHEMA.exists():
        import jsonschema

        schema = json.loads(SARIF_SCHEMA.read_text("utf-8"))
        _sarif = jsonschema.validators.validator_for(schema)(schema)
    return _sarif


def _check_outputs(report: Report) -> None:
    for fmt in FORMATS:
        text = render(fmt, report, Options(title="fuzz"))
        text.encode("utf-8")  # no lone surrogate reaches an output
        if fmt in ("json", "gitlab"):
            json.loads(text)
        elif fmt == "sarif":
            data = json.loads(text)
            validator = _sarif_validator()
            if validator is not None:
                validator.validate(data)
        elif fmt == "junit":
            ET.fromstring(text)
        elif fmt in ("text", "github", "markdown"):
            assert "\x1b" not in text and "\x07" not in text and "\r" not in text, fmt


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(corpora(), st.booleans())
def test_fuzzed_corpus(files: list[tuple[str, bytes]], with_baseline: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp, "corpus")
        folder.mkdir()
        for name, data in files:
            (folder / name).write_bytes(data)
        corpus = read_paths([str(folder)])
        for s in corpus.sources:
            assert not _no_surrogates.search(s.text + s.id + s.path + s.title + s.url + s.date)
        for skipped in corpus.skipped:
            assert "\n" not in skipped.path + skipped.reason
        report = analyse(list(corpus.sources), Settings(jobs=1))
        report = dataclasses.replace(report, skipped=corpus.skipped)
        assert_offsets(report)
        if with_baseline:
            path = Path(tmp, "base.json")
            baseline.write(path, baseline.from_report(report))
            result = gate.compare(report, baseline.load(path))
            assert not result.new and not result.stale
            report = gate.with_baseline(report, baseline.load(path))
            assert {p.name for p in Path(tmp).iterdir()} == {"corpus", "base.json"}
        _check_outputs(report)
        if len(report.sources) >= 2:
            keep = {s.id for s in report.sources[:2]}
            claims = tuple(c for c in report.claims if c.source in keep)
            ids = {c.id for c in claims}
            two = dataclasses.replace(
                report,
                sources=report.sources[:2],
                claims=claims,
                findings=tuple(f for f in report.findings if set(f.sources) <= keep),
                clusters=tuple(
                    Cluster(k.id, tuple(c for c in k.claims if c in ids)) for k in report.clusters
                ),
            )
            result = compare(two)
            shown = render_text(result, color=False, only_findings=False, show_format=True)
            assert "\x1b" not in shown and "\x07" not in shown and "\r" not in shown
            json.loads(render_json(result))


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_fuzzed(fmt: str) -> None:
    """A format added later is parsed above, or at least rendered."""
    assert fmt in {"json", "gitlab", "sarif", "junit", "text", "github", "markdown", "html"}
