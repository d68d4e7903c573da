from __future__ import annotations

from collections.abc import Iterator

from ..context import Context
from ..model import Finding

KINDS: tuple[str, ...] = ()


def run(ctx: Context) -> Iterator[Finding]:
    return iter(())
