"""Reading articles: files and folders in, decoded ``Source`` records out.

Bad input never stops the run: an unreadable file becomes a ``Skipped`` entry
naming the file and the reason, and the rest of the corpus is still read.
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


def read_paths(paths: list[str], stdin_text: str | None = None) -> Corpus:
    """Read every article under ``paths`` (``-`` is standard input)."""
    sources: list[Source] = []
    skipped: list[Skipped] = []
    for raw in paths:
        if raw == "-":
            text = stdin_text if stdin_text is not None else ""
            if text.strip():
                sources.append(_text_source("stdin", "-", text, "utf-8"))
            else:
                skipped.append(Skipped("-", "standard input is empty"))
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        if path.is_dir():
            files = sorted(_walk(path, skipped))
            if not files:
                skipped.append(Skipped(raw, "folder holds no .txt, .md, .html or .jsonl file"))
            for f in files:
                _read_file(f, sources, skipped)
        else:
            _read_file(path, sources, skipped)
    return Corpus(tuple(_unique_ids(sources)), tuple(skipped))


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


def _read_file(path: Path, sources: list[Source], skipped: list[Skipped]) -> None:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        skipped.append(Skipped(str(path), exc.strerror or str(exc)))
        return
    if not data.strip():
        skipped.append(Skipped(str(path), "empty file"))
        return
    if data.startswith(_BINARY_MAGIC):
        skipped.append(Skipped(str(path), "binary file (not text)"))
        return
    try:
        text, encoding = decode(data)
    except ValueError as exc:
        skipped.append(Skipped(str(path), str(exc)))
        return
    if suffix in JSONL_SUFFIXES:
        sources.extend(_jsonl_sources(path, text, skipped))
    elif suffix in HTML_SUFFIXES:
        try:
            sources.append(_html_source(path, text, encoding))
        except InputError as exc:
            skipped.append(Skipped(str(path), str(exc)))
    else:
        sources.append(_text_source(path.stem, str(path), text, encoding))


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes: BOMs first, then strict UTF-8, then charset detection."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ValueError("not text in any known encoding")
    return str(best), best.encoding


def _text_source(sid: str, path: str, text: str, encoding: str) -> Source:
    return Source(id=sid, path=path, text=text, title=_first_line(text), encoding=encoding)


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return ""


def _jsonl_sources(path: Path, text: str, skipped: list[Skipped]) -> Iterator[Source]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(where, f"invalid JSON ({exc.msg})"))
            continue
        if not isinstance(row, dict) or not isinstance(row.get("text"), str):
            skipped.append(Skipped(where, "line needs an object with a string 'text'"))
            continue
        sid = str(row.get("id") or f"{path.stem}-{n}")
        title = str(row.get("title") or "")
        body = row["text"]
        if title and not body.lstrip().startswith(title):
            body = f"{title}\n\n{body}"
        yield Source(
            id=sid,
            path=where,
            text=body,
            title=title or _first_line(body),
            url=str(row.get("url") or ""),
            date=str(row.get("date") or ""),
            outlet=str(row.get("source") or ""),
        )


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
        meta = trafilatura.extract_metadata(html)
    except ImportError as exc:  # a dependency of the extractor is missing
        raise InputError(
            f"HTML extraction is not available ({exc}); pip install 'factcheck[html]'"
        ) from None
    title = (meta.title if meta and meta.title else "") or ""
    if not body.strip():
        raise InputError("no article text found in the HTML")
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    return Source(
        id=path.stem,
        path=str(path),
        text=text,
        title=title or _first_line(body),
        url=(meta.url if meta and meta.url else "") or "",
        encoding=encoding,
        outlet=(meta.sitename if meta and meta.sitename else "") or "",
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
