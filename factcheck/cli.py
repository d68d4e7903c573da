"""The command line: parse, call the pipeline, hand the report to reporters.

Exit status: 0 nothing to report at the failing level, 1 findings (or, for
``diff``, differences), 2 trouble: bad usage, configuration or input (an input
that could not be read, even when the rest was checked), 3 an internal error: a
bug, told in one line with where to report it, never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Iterable
from contextlib import suppress
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .model import KINDS

if TYPE_CHECKING:
    from .atomic import Terminated
    from .config import Settings
    from .model import Report
    from .progress import Progress

DEFAULT_BASELINE = ".factcheck-baseline.json"
ISSUES = "https://github.com/factcheck/factcheck/issues"
MAX_JOBS = 512

EXIT_STATUS = (
    "exit status: 0 no finding at or above --fail-on (diff: the same facts), 1 findings "
    "(diff: differences), 2 bad usage, configuration or input (an unreadable input, even "
    f"when the rest was checked), 3 internal error (a bug: please report it at {ISSUES})"
)


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    TROUBLE = 2
    INTERNAL = 3


class UsageError(Exception):
    pass


class Trouble(Exception):
    """Bad configuration or input: a one-line message and exit status 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _add_common(p: argparse.ArgumentParser, paths_required: bool = False) -> None:
    p.add_argument(
        "paths",
        nargs="+" if paths_required else "*",
        metavar="PATH",
        help="article files or folders (.txt, .md, .html, .jsonl); - for stdin; "
        "default: the 'paths' globs of the configuration",
    )
    p.add_argument("--config", metavar="FILE", help="configuration file (default: found upward)")
    p.add_argument(
        "--link-threshold",
        type=float,
        metavar="N",
        help="similarity 0-100 above which claims state the same fact",
    )
    p.add_argument("--enable", metavar="KINDS", help=f"comma-separated kinds ({', '.join(KINDS)})")
    p.add_argument("--disable", metavar="KINDS", help="comma-separated kinds to leave out")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        help=f"processes for claims and checks (0 to {MAX_JOBS}; default 0 = all cores; "
        "1 = none forked)",
    )


def build_parser() -> argparse.ArgumentParser:
    from .reporters import FORMATS

    parser = _Parser(
        prog="factcheck", description="Cross-source fact-consistency checker.", epilog=EXIT_STATUS
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser(
        "check", help="check articles and write the findings", epilog=EXIT_STATUS
    )
    _add_common(check)
    check.add_argument(
        "-f",
        "--format",
        action="append",
        metavar="FMT",
        help=f"{', '.join(FORMATS)} (repeatable, one -o each)",
    )
    check.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="FILE",
        help="where to write (- for stdout); default reports/NAME.json",
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not in this baseline as new"
    )
    check.add_argument(
        "--fail-on",
        metavar="SEVERITY",
        help="exit 1 when a new finding is at or above it (default medium)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 whatever is found")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--timings", action="store_true", help="print the time of each pipeline stage on stderr"
    )
    cluster = check.add_mutually_exclusive_group()
    cluster.add_argument(
        "--dask",
        action="store_true",
        help="verify candidate pairs on a local Dask cluster of --jobs workers",
    )
    cluster.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="verify candidate pairs on a running Dask cluster, e.g. tcp://host:8786",
    )

    report = sub.add_parser("report", help="write the editor's HTML report")
    _add_common(report)
    report.add_argument("-o", "--output", metavar="FILE", help="default reports/NAME.html")
    report.add_argument("--baseline", metavar="FILE", help="mark findings new since it")

    base = sub.add_parser("baseline", help="accept the current findings as the CI baseline")
    _add_common(base)
    base.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        default=None,
        help=f"baseline file (default {DEFAULT_BASELINE})",
    )

    diff = sub.add_parser("diff", help="what changed between two sources, fact by fact")
    diff.add_argument("a", metavar="A", help="the first article (- for stdin)")
    diff.add_argument("b", metavar="B", help="the second article (- for stdin)")
    diff.add_argument("--format", choices=("text", "json", "html"), default="text")
    diff.add_argument("--only", choices=("findings",), help="show only classified differences")
    diff.add_argument("--all", action="store_true", help="show format-only differences too")
    diff.add_argument("--color", choices=("auto", "always", "never"), default=None)
    diff.add_argument("--no-pager", action="store_true", help="never page the output")
    diff.add_argument("--config", metavar="FILE", help="configuration file")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        handler = {"check": _check, "report": _report, "baseline": _baseline, "diff": _diff}[
            args.command
        ]
        return handler(args)
    except UsageError as exc:
        _say(str(exc))
        return Exit.TROUBLE
    except StdoutError as exc:
        _say(f"factcheck: {exc}")
        _silence_stdout()
        return Exit.TROUBLE
    except Trouble as exc:
        _say(f"factcheck: {exc}")
        return Exit.TROUBLE
    except KeyboardInterrupt:
        _say("factcheck: interrupted")
        return 130
    except _terminated() as exc:
        _say(f"factcheck: terminated by signal {exc.signum}; no file was left half-written")
        return 128 + exc.signum
    except _broken_pool():  # imported only when something was raised: a fast start
        _say(
            "factcheck: a worker process died (out of memory?); try --jobs 1, which uses "
            "less memory"
        )
        return Exit.TROUBLE
    except BrokenPipeError:
        _silence_stdout()
        return Exit.OK
    except Exception as exc:  # the last resort: a bug, said in one line
        if os.environ.get("FACTCHECK_DEBUG"):
            raise
        what = " ".join(f"{type(exc).__name__}: {exc}".split())
        what = what if len(what) <= 300 else what[:299] + "…"
        _say(f"factcheck: internal error: {what} (please report it at {ISSUES})")
        return Exit.INTERNAL


class StdoutError(Exception):
    """Standard output is closed or cannot be written (``/dev/full``)."""


def _say(message: str) -> None:
    """One line on stderr; a closed or full stderr loses it, never raises."""
    with suppress(AttributeError, OSError, ValueError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def _silence_stdout() -> None:
    """After a failed write to stdout, send what is left in its buffer nowhere, so the
    interpreter's last flush does not print an error of its own."""
    with suppress(AttributeError, OSError, ValueError):
        stream = sys.__stdout__
        if stream is not None and sys.stdout is stream:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())
            os.close(devnull)


def _terminated() -> type[Terminated]:
    from .atomic import Terminated

    return Terminated


def _broken_pool() -> type[BaseException]:
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool


def _settings(args: argparse.Namespace) -> Settings:
    from .config import ConfigError, load

    if getattr(args, "jobs", None) is not None:
        args.jobs = _whole_number("--jobs", args.jobs)
    overrides = {
        "link-threshold": getattr(args, "link_threshold", None),
        "enable": getattr(args, "enable", None),
        "disable": getattr(args, "disable", None),
        "fail-on": getattr(args, "fail_on", None),
        "jobs": getattr(args, "jobs", None),
    }
    try:
        return load(args.config, overrides)
    except ConfigError as exc:
        raise Trouble(str(exc)) from None


def _whole_number(flag: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        shown = value if len(value) <= 40 else value[:39] + "…"
        raise UsageError(f"factcheck: {flag} {shown!r}: not a whole number") from None


def read_stdin(max_bytes: int) -> bytes | str:
    """Standard input as bytes (decoded with the files' rules, so invalid UTF-8 is no
    crash), at most ``max_bytes``."""
    from .limits import InputLimit, read_stream

    stream = sys.stdin
    if stream is None:
        raise Trouble("-: standard input is closed")
    try:
        buffer = getattr(stream, "buffer", None)
        return read_stream(buffer, max_bytes) if buffer is not None else stream.read()
    except InputLimit as exc:
        raise Trouble(f"-: standard input is {exc}") from None
    except (OSError, ValueError) as exc:
        raise Trouble(f"-: cannot read standard input ({exc})") from None


def _paths(args: argparse.Namespace, settings: Settings) -> list[str]:
    if args.paths:
        return list(args.paths)
    import glob

    found = sorted({p for pattern in settings.paths for p in glob.glob(pattern, recursive=True)})
    if not found:
        raise UsageError(
            f"factcheck {args.command}: no PATH given and no 'paths' in the "
            "configuration match a file"
        )
    return found


def _progress(args: argparse.Namespace) -> Progress | None:
    if args.quiet or sys.stderr is None or not sys.stderr.isatty():
        return None
    from .progress import Progress

    return Progress()


def _run(args: argparse.Namespace) -> tuple[Settings, Report]:
    from .pipeline import run
    from .sources import InputError

    settings = _settings(args)
    paths = _paths(args, settings)
    stdin_text = read_stdin(settings.max_input_bytes()) if "-" in paths else None
    progress = _progress(args)
    client = _dask_client(args, settings)
    try:
        report = run(paths, settings, progress, stdin_text, client)
    except InputError as exc:
        raise Trouble(str(exc)) from None
    finally:
        if progress is not None:
            progress.close()
        if client is not None:
            client.close()
    say_skipped(report)
    if not report.sources:
        raise Trouble("no readable article in " + ", ".join(paths))
    if len(report.sources) == 1:
        _say("factcheck: only one source: nothing to compare it with")
    for limit in report.limits:
        _say(f"factcheck: {limit.message}")
    return settings, report


def say_skipped(report: Report) -> None:
    from .reporters.safe_text import one_line

    for skipped in report.skipped:
        _say(f"factcheck: skipped {one_line(skipped.path)}: {one_line(skipped.reason)}")


def _status(report: Report, status: int) -> int:
    """Exit 2 when an input could not be read: the rest was checked, but not all."""
    if not report.skipped:
        return status
    n = len(report.skipped)
    _say(f"factcheck: {n} input{'s' if n > 1 else ''} could not be read (named above)")
    return Exit.TROUBLE


def _dask_client(args: argparse.Namespace, settings: Settings) -> Any:
    """A Dask client for --scheduler or --dask, or None for a single-process run."""
    address = getattr(args, "scheduler", None)
    if not address and not getattr(args, "dask", False):
        return None
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise Trouble(
            "--dask and --scheduler need the dask extra: pip install 'factcheck[dask]'"
        ) from None
    try:
        if address:
            return Client(address, timeout="20s")
        cluster = LocalCluster(
            n_workers=max(1, settings.workers()), threads_per_worker=1, dashboard_address=None
        )
        return Client(cluster)
    except OSError as exc:
        raise Trouble(f"cannot reach the Dask scheduler {address or ''}: {exc}") from None


def _with_baseline(report: Report, path: str | None, settings: Settings) -> Report:
    if not path:
        return report
    from . import baseline

    try:
        base = baseline.load(Path(path))
    except baseline.BaselineError as exc:
        raise Trouble(str(exc)) from None
    if base.settings and base.settings != settings.affecting_findings():
        _say(f"factcheck: {path} was written with other settings; findings may differ")
    result = baseline.compare(report, base)
    new_index = {id(f) for f in result.new}
    return dataclasses.replace(
        report,
        new=frozenset(n for n, f in enumerate(report.findings) if id(f) in new_index),
        stale=tuple((e.id, e.kind, e.excerpt) for e in result.stale),
    )


def corpus_name(paths: list[str]) -> str:
    if len(paths) == 1 and paths[0] != "-":
        p = Path(paths[0].rstrip("/\\"))
        return (p.stem if p.is_file() else p.name) or "corpus"
    return "corpus"


def _check(args: argparse.Namespace) -> int:
    from . import reporters

    formats = list(args.format or [])
    outputs = list(args.output or [])
    default_json = not formats and not outputs
    if not formats:
        formats = [_format_of(o) for o in outputs]
    if len(outputs) > len(formats):
        raise UsageError("factcheck check: more -o than --format")
    for fmt in formats:
        if fmt not in reporters.FORMATS:
            raise UsageError(
                f"factcheck check: unknown format {fmt!r} "
                f"(choose from {', '.join(reporters.FORMATS)})"
            )
    _one_format_per_file(formats, outputs)
    settings, report = _run(args)
    report = _with_baseline(report, args.baseline, settings)
    if default_json:
        paths = args.paths or ["corpus"]
        formats, outputs = ["json", "text"], [f"reports/{corpus_name(paths)}.json", "-"]
    outputs = outputs + ["-"] * (len(formats) - len(outputs))
    for fmt, out in zip(formats, outputs, strict=True):
        options = reporters.Options(color=_use_color(args.color, out), fail_on=settings.fail_on)
        _write(out, reporters.chunks(fmt, report, options))
    if args.timings:
        for stage, seconds in report.timings.items():
            _say(f"timing {stage} {seconds:.3f}")
    if args.exit_zero:
        return Exit.OK
    failing = [
        f
        for n, f in enumerate(report.findings)
        if report.is_new(n) and f.severity >= settings.fail_on
    ]
    return _status(report, Exit.FINDINGS if failing else Exit.OK)


def _one_format_per_file(formats: list[str], outputs: list[str]) -> None:
    """Two formats sent to one file would overwrite each other."""
    seen: dict[str, str] = {}
    for fmt, out in zip(formats, outputs, strict=False):
        if out == "-":
            continue
        key = os.path.realpath(out)
        if key in seen:
            raise UsageError(
                f"factcheck check: -o {out} is given for both {seen[key]} and {fmt}; "
                "give each format its own file"
            )
        seen[key] = fmt


def _report(args: argparse.Namespace) -> int:
    from . import reporters

    settings, report = _run(args)
    report = _with_baseline(report, args.baseline, settings)
    name = corpus_name(args.paths or ["corpus"])
    out = args.output or f"reports/{name}.html"
    _write(out, reporters.render("html", report, reporters.Options(title=f"factcheck: {name}")))
    if out != "-":
        _say(f"factcheck: wrote {out} ({len(report.findings)} findings)")
    return _status(report, Exit.OK)


def _baseline(args: argparse.Namespace) -> int:
    from . import baseline

    settings = _settings(args)
    path = Path(args.output or settings.baseline or DEFAULT_BASELINE)
    if path.exists():  # a broken baseline is named before the run, not after it
        try:
            baseline.load(path)
        except baseline.BaselineError as exc:
            raise Trouble(f"{exc}; fix or delete it first") from None
    settings, report = _run(args)
    try:
        baseline.update(path, report, wait=lambda: _say(f"factcheck: waiting for {path}"))
    except baseline.BaselineError as exc:
        raise Trouble(f"{exc}; fix or delete it first") from None
    except OSError as exc:
        raise Trouble(f"cannot write {path}: {exc.strerror or exc}") from None
    _say(f"factcheck: wrote {path} ({len(report.findings)} findings accepted)")
    return _status(report, Exit.OK)


def _diff(args: argparse.Namespace) -> int:
    from .diff import run_diff

    return run_diff(args, _settings(args))


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {
        "htm": "html",
        "txt": "text",
        "": "text",
        "md": "markdown",
        "xml": "junit",
        "sarif": "sarif",
    }.get(suffix, suffix)


def use_color(choice: str | None, stream_is_tty: bool) -> bool:
    """--color wins; otherwise NO_COLOR (set and non-empty) turns colour off; else a terminal."""
    if choice == "always":
        return True
    if choice == "never":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return stream_is_tty


def _use_color(choice: str, out: str) -> bool:
    return out == "-" and use_color(choice, sys.stdout is not None and sys.stdout.isatty())


def write_stdout(text: str | Iterable[str]) -> None:
    """Write to standard output; a closed or full one is ``StdoutError`` (exit 2), a
    reader that went away (``| head``) ``BrokenPipeError`` (exit 0)."""
    pieces = [text] if isinstance(text, str) else text
    stream = sys.stdout
    if stream is None:
        raise StdoutError("standard output is closed")
    try:
        for piece in pieces:
            stream.write(piece)
        stream.flush()
    except BrokenPipeError:
        raise
    except (OSError, ValueError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise StdoutError(f"cannot write to standard output: {reason}") from None


def _write(out: str, text: str | Iterable[str]) -> None:
    """Write to stdout, or to a file that appears whole or not at all (``atomic``)."""
    if out == "-":
        write_stdout(text)
        return
    from .atomic import write_text

    try:
        write_text(Path(out), text, wait=lambda: _say(f"factcheck: waiting for {out}"))
    except OSError as exc:
        raise Trouble(f"cannot write {out}: {exc.strerror or exc}") from None
