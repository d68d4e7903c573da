"""The register of checks: each a small module with ``KINDS`` and ``run(ctx)``.

The order matters only for reading the report; every check sees the same
context. To add a check, write its module and its case file, then list it here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.checks import (
    conflicts,
    frames,
    garbled,
    misquote,
    misspelling,
    spelling_variant,
)
from factcheck.checks.context import Context
from factcheck.model import Finding


@dataclass(frozen=True)
class Check:
    name: str
    kinds: tuple[str, ...]
    run: Callable[[Context], Iterable[Finding]]
    # Relative time at 100,000 articles (bench/run.py): shares of the work are balanced by it.
    cost: int = 1


CHECKS: tuple[Check, ...] = (
    Check("garbled", garbled.KINDS, garbled.run, cost=2),
    Check("misquote", misquote.KINDS, misquote.run),
    Check("misspelling", misspelling.KINDS, misspelling.run, cost=6),
    Check("spelling_variant", spelling_variant.KINDS, spelling_variant.run, cost=2),
    Check("conflicts", conflicts.KINDS, conflicts.run, cost=8),
    Check("frames", frames.KINDS, frames.run, cost=5),
)
