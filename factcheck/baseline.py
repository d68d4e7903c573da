"""The CI baseline: findings already reviewed, so that only new ones fail a build.

A finding's identity is its fingerprint (``Finding.id``: kind, sources and the
differing words, never offsets or timestamps). The gate is multiset
subtraction: ``new = found - baseline``, so a second copy of an accepted
finding is new. The file is sorted, stable, diff-friendly JSON, written
atomically (``runtime/atomic.py``: mode kept, folder locked); a reviewer's ``status`` and
``reason`` survive updates. It is read with the limits of any input.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.model import Finding, Report
from factcheck.runtime import atomic, limits

VERSION = 1
STATUSES = ("accepted", "false-positive")
MAX_COUNT = 1_000_000  # copies of one finding; a larger count is a hand-broken file
MAX_BYTES = 256 << 20


class BaselineError(Exception):
    """A baseline file that cannot be trusted: never read as 'everything is new'."""


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str
    sources: tuple[str, ...]
    excerpt: str
    count: int = 1
    status: str = "accepted"
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "sources": list(self.sources),
            "excerpt": self.excerpt,
            "count": self.count,
            "status": self.status,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Baseline:
    entries: dict[str, Entry]
    settings: dict[str, Any]


def _excerpt(f: Finding) -> str:
    text = " ".join(f.message.split())
    return text if len(text) <= 160 else text[:159] + "…"


def from_report(report: Report, previous: Baseline | None = None) -> Baseline:
    counts = Counter(f.id for f in report.findings)
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(f.id, f)
    entries = {}
    for fid, f in first.items():
        old = previous.entries.get(fid) if previous else None
        entries[fid] = Entry(
            id=fid,
            kind=f.kind,
            sources=tuple(sorted(f.sources)),
            excerpt=_excerpt(f),
            count=counts[fid],
            status=old.status if old else "accepted",
            reason=old.reason if old else "",
        )
    return Baseline(entries, dict(report.settings))


def dumps(baseline: Baseline) -> str:
    data = {
        "version": VERSION,
        "tool": "factcheck",
        "settings": baseline.settings,
        "findings": [baseline.entries[k].as_dict() for k in sorted(baseline.entries)],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write(path: Path, baseline: Baseline) -> None:
    """Write through a temporary file and a rename: a crash leaves the old file whole."""
    atomic.write_text(path, dumps(baseline))


def update(path: Path, report: Report, wait: Callable[[], None] | None = None) -> Baseline:
    """Merge ``report`` into the baseline at ``path`` and write it, holding the lock
    from the read to the rename: two runs at once never lose a reviewer's status.
    Raises ``BaselineError`` (a corrupt file) or ``OSError``."""
    with atomic.locked(path, wait):
        previous = load(path) if path.exists() or path.is_symlink() else None
        result = from_report(report, previous)
        write(path, result)
    return result


def load(path: Path) -> Baseline:
    name = limits.clean(str(path))
    try:
        data = limits.loads(limits.read_bytes(path, MAX_BYTES))
    except FileNotFoundError:
        raise BaselineError(
            f"{name}: no such baseline (create it with 'factcheck baseline')"
        ) from None
    except limits.InputLimit as exc:
        raise BaselineError(f"{name}: cannot read baseline: {exc}") from None
    except OSError as exc:
        raise BaselineError(f"{name}: cannot read baseline: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{name}: not valid JSON (line {exc.lineno}): {exc.msg}") from None
    path = Path(name)
    if not isinstance(data, dict) or data.get("tool") != "factcheck":
        raise BaselineError(f"{path}: not a factcheck baseline")
    version = data.get("version")
    if version != VERSION:
        raise BaselineError(
            f"{path}: baseline version {version!r} is not supported (this factcheck writes "
            f"version {VERSION}); run 'factcheck baseline' again"
        )
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: 'findings' must be a list")
    entries = {}
    for n, item in enumerate(findings):
        if not isinstance(item, dict):
            raise BaselineError(f"{path}: entry {n + 1} is not an object")
        count = item.get("count", 1)
        if type(count) is not int or not 1 <= count <= MAX_COUNT:
            shown = repr(count) if len(repr(count)) <= 40 else repr(count)[:39] + "…"
            raise BaselineError(
                f"{path}: entry {n + 1} has count {shown} (a whole number from 1 to {MAX_COUNT})"
            )
        try:
            entry = Entry(
                id=str(item["id"]),
                kind=str(item["kind"]),
                sources=tuple(str(s) for s in item.get("sources", [])),
                excerpt=str(item.get("excerpt", "")),
                count=count,
                status=str(item.get("status", "accepted")),
                reason=str(item.get("reason", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BaselineError(f"{path}: entry {n + 1} is malformed ({exc})") from None
        if entry.status not in STATUSES:
            raise BaselineError(
                f"{path}: entry {n + 1} has status {entry.status!r} (use {' or '.join(STATUSES)})"
            )
        entries[entry.id] = entry
    settings = data.get("settings", {})
    return Baseline(entries, settings if isinstance(settings, dict) else {})
