"""Checks: the clustered corpus (``Context``) in, findings out.

The register: each check is a small module with ``KINDS`` (the kinds it reports, each
with its one-line description and default severity) and ``run(ctx)``. To add a check,
write its module and its case file (``tests/cases/``), then list it here; the kinds,
the CI rule tables and the README's table follow from this list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from factcheck.checks import (
    across,
    conflicts,
    frames,
    garbled,
    misquote,
    misspelling,
    spelling_variant,
)
from factcheck.checks.context import Context
from factcheck.model import Finding, Kind


@dataclass(frozen=True)
class Check:
    name: str
    kinds: tuple[Kind, ...]
    run: Callable[[Context], Iterable[Finding]]
    # Relative time at 100,000 articles (bench/run.py): shares of the work are balanced by it.
    cost: int = 1
    # Found between two claims at a time: the findings of one fact become one finding.
    pairwise: bool = False


# In the order findings of equal severity are listed.
CHECKS: tuple[Check, ...] = (
    Check("misquote", misquote.KINDS, misquote.run, pairwise=True),
    Check("misspelling", misspelling.KINDS, misspelling.run, cost=6),
    Check("garbled", garbled.KINDS, garbled.run, cost=2),
    Check("frames", frames.KINDS, frames.run, cost=5),
    Check("conflicts", conflicts.KINDS, conflicts.run, cost=8, pairwise=True),
    Check("across", across.KINDS, across.run, cost=2, pairwise=True),
    Check("spelling_variant", spelling_variant.KINDS, spelling_variant.run, cost=2),
)


def _declared(checks: tuple[Check, ...]) -> tuple[Kind, ...]:
    """Every kind once, in the order of the register (a kind two checks report, such as
    durations told as numbers, counts where it is first listed)."""
    seen: dict[str, Kind] = {}
    for check in checks:
        for kind in check.kinds:
            seen.setdefault(kind.name, kind)
    return tuple(seen.values())


KINDS: tuple[Kind, ...] = _declared(CHECKS)
KIND_NAMES: tuple[str, ...] = tuple(k.name for k in KINDS)
