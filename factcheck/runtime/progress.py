"""Progress on stderr for long runs: the stage, items, rate and time left.

Shown only on a terminal, and only once a run has taken about two seconds, so
short runs and pipelines stay quiet.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

DELAY = 2.0


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.started = time.monotonic()
        self.stage = ""
        self.stage_started = self.started
        self.drawn = False

    def __call__(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        now = time.monotonic()
        if stage != self.stage:
            self.stage, self.stage_started = stage, now
        if now - self.started < DELAY:
            return
        line = f"factcheck: {stage}"
        if done is not None and total:
            rate = done / max(now - self.stage_started, 1e-6)
            left = (total - done) / rate if rate > 0 else 0
            width = 24
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            line += f" [{bar}] {done:,}/{total:,} {rate:,.0f}/s, {left:,.0f}s left"
        self.stream.write("\r\033[K" + line)
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\r\033[K")
            self.stream.flush()
