"""Reading articles: files and folders in, decoded ``Source`` records out.

Bad input never stops the run: an unreadable file becomes a ``Skipped`` entry
naming the file and the reason, and the rest of the corpus is still read. Every
input is read with limits (``runtime/limits.py``): regular files only, a size cap, JSONL
lines with depth and number limits, no lone surrogates.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from factcheck.model import Skipped, Source
from factcheck.runtime import limits
from factcheck.runtime.limits import InputLimit, clean

TEXT_SUFFIXES = frozenset({".txt", ".md", ".text", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

_BINARY_MAGIC = (
    b"\x89PNG",
    b"%PDF",
    b"GIF8",
    b"\xff\xd8\xff",
    b"PK\x03\x04",
    b"\x7fELF",
    b"\x1f\x8b",
)


class InputError(Exception):
    """Input that cannot be used at all (no such path, nothing readable)."""


@dataclass(frozen=True)
class Corpus:
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...]


def read_paths(
    paths: list[str],
    stdin_text: str | bytes | None = None,
    max_bytes: int = limits.MAX_INPUT_BYTES,
) -> Corpus:
    """Read every article under ``paths`` (``-`` is standard input, as text or as the
    bytes read from it); a file of more than ``max_bytes`` is skipped."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if raw == "-":
            _read_stdin(stdin_text, sources, skipped)
            continue
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise InputError(f"{clean(raw)}: no such file or directory")
        if path.is_dir():
            files = sorted(_walk(path, skipped))
            if not files:
                skipped.append(
                    Skipped(clean(raw), "folder holds no .txt, .md, .html or .jsonl file")
                )
            for f in files:
                _read_file(f, sources, skipped, max_bytes)
        else:
            _read_file(path, sources, skipped, max_bytes)
    return Corpus(tuple(_unique_ids(sources)), tuple(skipped))


def _read_stdin(data: str | bytes | None, sources: list[Source], skipped: list[Skipped]) -> None:
    if isinstance(data, bytes):
        if data.startswith(_BINARY_MAGIC):
            skipped.append(Skipped("-", "binary data on standard input (not text)"))
            return
        try:
            text, encoding = decode(data)
        except ValueError as exc:
            skipped.append(Skipped("-", f"standard input: {exc}"))
            return
    else:
        text, encoding = clean(data or ""), "utf-8"
    if text.strip():
        sources.append(_text_source("stdin", "-", text, encoding))
    else:
        skipped.append(Skipped("-", "standard input is empty"))


def _walk(root: Path, skipped: list[Skipped]) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            skipped.append(Skipped(dirpath, "directory loop (symbolic link to a parent); skipped"))
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith("."):
                continue
            p = Path(dirpath, name)
            if p.suffix.lower() in READABLE:
                yield p


def _read_file(path: Path, sources: list[Source], skipped: list[Skipped], max_bytes: int) -> None:
    suffix = path.suffix.lower()
    name = clean(str(path))
    try:
        data = limits.read_bytes(path, max_bytes)
    except InputLimit as exc:
        skipped.append(Skipped(name, str(exc)))
        return
    except OSError as exc:
        skipped.append(Skipped(name, exc.strerror or str(exc)))
        return
    if not data.strip():
        skipped.append(Skipped(name, "empty file"))
        return
    if data.startswith(_BINARY_MAGIC):
        skipped.append(Skipped(name, "binary file (not text)"))
        return
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        skipped.append(Skipped(name, str(exc)))
        return
    if suffix in JSONL_SUFFIXES:
        sources.extend(_jsonl_sources(path, text, skipped))
    elif suffix in HTML_SUFFIXES:
        try:
            sources.append(_html_source(path, text, encoding))
        except InputError as exc:
            skipped.append(Skipped(name, str(exc)))
    else:
        sources.append(_text_source(clean(path.stem), name, text, encoding))


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: BOMs first, then strict UTF-8, then charset detection (which
    also finds UTF-16 without a BOM; other data holding NUL bytes is binary)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return clean(data.decode("utf-32", errors="replace")), "utf-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return clean(data.decode("utf-16", errors="replace")), "utf-16"
    if b"\x00" in data[:4096]:
        wide = _wide_text(data)
        if wide is None:
            raise ValueError("binary file (contains NUL bytes)")
        return wide
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("not text in any known encoding")
    return clean(str(best)), best.encoding


def _wide_text(data: bytes) -> tuple[str, str] | None:
    """UTF-16 or UTF-32 without a byte-order mark, as charset detection names it."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or not best.encoding.startswith(("utf_16", "utf_32")):
        return None
    return clean(str(best)), best.encoding.replace("_", "-")


def _text_source(sid: str, path: str, text: str, encoding: str) -> Source:
    return Source(id=sid, path=path, text=text, title=_first_line(text), encoding=encoding)


HEADLINE_WORDS = 25  # a first line longer than this, ending as a sentence does, is prose


def _first_line(text: str) -> str:
    """The headline: the first line when it stands alone as a title does. A text that
    opens with a paragraph of prose has none (its title is left empty, not the
    paragraph)."""
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if not line.strip():
            continue
        line = line.strip()
        sentence = line[-1:] in '.!?"”’)' and len(line.split()) > HEADLINE_WORDS
        runs_on = n + 1 < len(lines) and lines[n + 1].strip() != ""
        if sentence or (runs_on and line[-1:] in ".!?"):
            return ""
        return line[:300]
    return ""


def _jsonl_sources(path: Path, text: str, skipped: list[Skipped]) -> Iterator[Source]:
    """One article per line. Lines end at ``\n`` only: U+2028 and the other breaks
    that ``str.splitlines`` knows may stand raw inside a JSON string."""
    name = clean(str(path))
    for n, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            row = limits.loads(line.removesuffix("\r"))
        except InputLimit as exc:
            skipped.append(Skipped(where, f"JSON line refused: {exc}"))
            continue
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(where, f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            skipped.append(Skipped(where, "line needs an object with a string 'text'"))
            continue
        sid = _field(row.get("id")) or f"{clean(path.stem)}-{n}"
        title = _field(row.get("title"))
        body = row["text"]
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n\n{body}"
        yield Source(
            id=sid,
            path=where,
            text=body,
            title=title or _first_line(body),
            url=_field(row.get("url")),
            date=_field(row.get("date")),
            line=n,
            outlet=_field(row.get("source")),
        )


def _lines(text: str) -> Iterator[str]:
    """``text.split("\n")``, one line at a time: the list of every line of a large file
    at once left its freed pages scattered among the articles kept (400 MiB of a
    220 MB file the process held and never used again)."""
    start = 0
    while (end := text.find("\n", start)) >= 0:
        yield text[start:end]
        start = end + 1
    yield text[start:]


def _field(value: object) -> str:
    """A JSONL metadata field as text (``id`` may be a number); objects are not names."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(str(value).split())[:500]


# htmldate (through trafilatura) looks for the date the page was first published, in its
# markup only (meta tags, JSON-LD, <time>): its extensive search takes a footer's
# "Copyright 2026" for 2026-01-01, which would date every relative day wrongly.
_DATE_SEARCH = {"extensive_search": False, "original_date": True}


def _html_source(path: Path, html: str, encoding: str) -> Source:
    try:
        import trafilatura
    except ImportError:
        raise InputError(
            "reading HTML needs the html extra: pip install 'factcheck[html]'"
        ) from None
    html = _HTML_MARKER.sub(_marker_as_text, html)  # extraction drops comments
    try:
        body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
        body = "\n\n".join(line for line in body.splitlines() if line.strip())  # paragraphs
        meta = trafilatura.extract_metadata(html, date_config=_DATE_SEARCH)
    except ImportError as exc:  # a dependency of the extractor is missing
        raise InputError(
            f"HTML extraction is not available ({exc}); pip install 'factcheck[html]'"
        ) from None
    title = (meta.title if meta and meta.title else "") or ""
    if not body.strip():
        raise InputError("no article text found in the HTML")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Source(
        id=clean(path.stem),
        path=clean(str(path)),
        text=text,
        title=title or _first_line(body),
        url=(meta.url if meta and meta.url else "") or "",
        encoding=encoding,
        outlet=(meta.sitename if meta and meta.sitename else "") or "",
        # The page's publication date (its metadata, as trafilatura reads it), or "":
        # relative dates and stories a week apart are told by it, as by JSONL `date`.
        date=(meta.date if meta and meta.date else "") or "",
    )


# A suppression marker written as an HTML comment, kept through extraction as the
# bracket form (see factcheck/text/markers.py).
_HTML_MARKER = re.compile(r"<!--\s*factcheck:\s*ignore\b([^>]*?)\s*-->", re.IGNORECASE)


def _marker_as_text(match: re.Match[str]) -> str:
    return f" [factcheck: ignore {' '.join(match.group(1).split())}] "


def _unique_ids(sources: list[Source]) -> Iterator[Source]:
    """Two inputs with the same file name would share an id; suffix the later ones."""
    seen: dict[str, int] = {}
    for s in sources:
        n = seen.get(s.id, 0)
        seen[s.id] = n + 1
        if n:
            yield dataclasses.replace(s, id=s.id + f"~{n + 1}")
        else:
            yield s
