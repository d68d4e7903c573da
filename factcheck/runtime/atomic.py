"""Files written whole or not at all: reports and baselines.

A file is written to a temporary beside it and renamed over it, so a reader sees
the old file or the new one, complete. The new file keeps the old one's mode (0644
when new, as the umask allows), since a baseline is read by CI users that did not
write it. Writers take an exclusive lock on the folder (``flock``), so a second
``factcheck`` writing there waits for the first. SIGTERM and SIGHUP during a write
raise ``Terminated``, so the temporary is removed as the stack unwinds; after a
SIGKILL, which no process can see, the next writer in that folder removes the
temporaries left (their names end in ``.factcheck-tmp``).
"""

from __future__ import annotations

import os
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

TMP_SUFFIX = ".factcheck-tmp"
LOCK_TIMEOUT = 120.0  # seconds a writer waits for another before giving up


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived while a file was being written."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Locked(OSError):
    """Another process held the lock for longer than the timeout."""


def write_text(
    path: Path,
    pieces: str | Iterable[str],
    wait: Callable[[], None] | None = None,
) -> None:
    """Replace ``path`` with the text of ``pieces`` (written as they come), whole or not
    at all. A device or FIFO (``/dev/stdout``, ``-o >(gzip)``) is written directly.
    ``wait`` is called once if another writer holds the lock. Raises ``OSError``."""
    chunks = [pieces] if isinstance(pieces, str) else pieces
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # replace the file, not the link
    with suppress(FileNotFoundError):
        if not stat.S_ISREG(os.stat(path).st_mode):
            _write_special(path, chunks)
            return
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path, wait), terminable():
        mode = _mode_for(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}{TMP_SUFFIX}")
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                os.fchmod(fh.fileno(), mode)
                for chunk in chunks:
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        finally:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)  # gone after the replace; a partial file otherwise


def _write_special(path: Path, chunks: Iterable[str]) -> None:
    # Non-blocking open: a FIFO nobody reads is an error (ENXIO), not a hang.
    fd = os.open(path, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0))
    with suppress(AttributeError, OSError):
        os.set_blocking(fd, True)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(chunk)


def _mode_for(path: Path) -> int:
    """The mode of the file replaced, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except FileNotFoundError:
        umask = os.umask(0o022)
        os.umask(umask)
        return 0o666 & ~umask


_held: dict[str, int] = {}  # folders this process has locked, and how many times


@contextmanager
def locked(path: Path, wait: Callable[[], None] | None = None) -> Iterator[None]:
    """An exclusive lock on the folder of ``path``, held while the file is read and
    replaced; re-entrant within a process. Temporaries left in the folder by a
    writer that was killed are removed once the lock is held (no other writer can be
    using them then)."""
    try:
        import fcntl
    except ImportError:  # no flock on this platform: atomic replacement still holds
        yield
        return
    folder = os.path.realpath(path.parent)
    if _held.get(folder):
        _held[folder] += 1
        try:
            yield
        finally:
            _held[folder] -= 1
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        deadline = time.monotonic() + LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if wait is not None:
                    wait()
                    wait = None
                if time.monotonic() > deadline:
                    raise Locked(
                        f"another process has been writing in {folder} for over "
                        f"{LOCK_TIMEOUT:.0f} s"
                    ) from None
                time.sleep(0.05)
        _held[folder] = 1
        try:
            remove_stale(Path(folder))
            yield
        finally:
            del _held[folder]
    finally:
        os.close(fd)  # releases the lock


def remove_stale(folder: Path) -> list[Path]:
    """Remove the temporaries of writers that died (call with the folder's lock held)."""
    gone = []
    with suppress(OSError):
        for entry in os.scandir(folder):
            if entry.name.startswith(".") and entry.name.endswith(TMP_SUFFIX):
                with suppress(OSError):
                    os.unlink(entry.path)
                    gone.append(Path(entry.path))
    return gone


@contextmanager
def terminable() -> Iterator[None]:
    """While the block runs, SIGTERM and SIGHUP raise ``Terminated`` (once: a second
    signal does not interrupt the clean-up). A signal the caller ignores stays ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    fired: list[int] = []

    def handler(signum: int, _frame: object) -> None:
        if not fired:
            fired.append(signum)
            raise Terminated(signum)

    previous = {}
    for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
        if sig is None:
            continue
        old = signal.getsignal(sig)
        if old is signal.SIG_IGN:
            continue
        previous[sig] = old
        signal.signal(sig, handler)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
