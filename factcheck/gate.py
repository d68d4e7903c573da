"""The CI gate, as pure functions: which findings are new, and whether the run fails.

The baseline is a multiset of fingerprints: ``new = found - baseline``, so a second
copy of an accepted finding is new; entries that no longer occur are stale.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from dataclasses import dataclass

from factcheck.baseline import Baseline, Entry
from factcheck.model import Finding, Report, Severity, Stale


@dataclass(frozen=True)
class Comparison:
    new: tuple[Finding, ...]
    stale: tuple[Entry, ...]


def compare(report: Report, baseline: Baseline) -> Comparison:
    allowed = Counter({k: e.count for k, e in baseline.entries.items()})
    new = []
    for f in report.findings:
        if allowed[f.id] > 0:
            allowed[f.id] -= 1
        else:
            new.append(f)
    found = {f.id for f in report.findings}
    stale = tuple(e for k, e in sorted(baseline.entries.items()) if k not in found)
    return Comparison(tuple(new), stale)


def with_baseline(report: Report, baseline: Baseline) -> Report:
    """The report with its new findings marked and the stale entries listed."""
    result = compare(report, baseline)
    new_index = {id(f) for f in result.new}
    return dataclasses.replace(
        report,
        new=frozenset(n for n, f in enumerate(report.findings) if id(f) in new_index),
        stale=tuple(Stale(e.id, e.kind, e.excerpt) for e in result.stale),
    )


def failing(report: Report, fail_on: Severity) -> list[Finding]:
    """The new findings (all, without a baseline) at or above ``fail_on``."""
    return [f for n, f in enumerate(report.findings) if report.is_new(n) and f.severity >= fail_on]


def should_fail(report: Report, fail_on: Severity, exit_zero: bool = False) -> bool:
    return not exit_zero and bool(failing(report, fail_on))
