"""Progress on stderr for long runs: a bar per stage with its counts (sources, candidate
pairs, stories), drawn by rich.

Shown only on a terminal (the caller makes none otherwise, or with ``-q``), and only
once a run has taken two seconds, so short runs and pipelines stay quiet. The stages
call it as ``say(stage, done, total)`` and know nothing of terminals.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any, TextIO

DELAY = 2.0


class Progress:
    def __init__(
        self,
        stream: TextIO | None = None,
        delay: float = DELAY,
        clock: Callable[[], float] = time.monotonic,
        force_terminal: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.delay = delay
        self.clock = clock
        self.started = clock()
        self.force_terminal = force_terminal
        self.stage = ""
        self._bar: Any = None  # rich's Progress, made once the run has taken ``delay``
        self._task: Any = None

    @property
    def drawn(self) -> bool:
        return self._bar is not None

    def __call__(self, stage: str, done: int | None = None, total: int | None = None) -> None:
        new_stage = stage != self.stage
        self.stage = stage
        if self._bar is None:
            if self.clock() - self.started < self.delay:
                return
            self._start()
        if new_stage:
            self._bar.reset(self._task, total=total, completed=done or 0, description=stage)
        else:
            self._bar.update(self._task, total=total, completed=done or 0)

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as Bar,
        )

        console = Console(file=self.stream, force_terminal=self.force_terminal, highlight=False)
        self._bar = Bar(
            SpinnerColumn(),
            TextColumn("factcheck: {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
            refresh_per_second=8,
        )
        self._bar.start()
        self._task = self._bar.add_task(self.stage, total=None)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
