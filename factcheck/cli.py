"""The command line: parse, call the pipeline, hand the report to reporters.

Exit status: 0 nothing to report at the failing level, 1 findings (or, for
``diff``, differences), 2 trouble: bad usage, configuration or input.
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

from factcheck import __version__
from factcheck.model import KINDS

if TYPE_CHECKING:
    from factcheck.config import Settings
    from factcheck.model import Report
    from factcheck.runtime.progress import Progress

DEFAULT_BASELINE = ".factcheck-baseline.json"


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    TROUBLE = 2


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
        type=int,
        metavar="N",
        help="processes for claims and checks (default 0 = all cores; 1 = none forked)",
    )


def build_parser() -> argparse.ArgumentParser:
    from factcheck.reporters import FORMATS

    parser = _Parser(prog="factcheck", description="Cross-source fact-consistency checker.")
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and write the findings")
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
    check.add_argument(
        "--dask",
        action="store_true",
        help="verify candidate pairs on a local Dask cluster of --jobs workers",
    )
    check.add_argument(
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
        print(exc, file=sys.stderr)
        return Exit.TROUBLE
    except Trouble as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return Exit.TROUBLE
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except _broken_pool():  # imported only when something was raised: a fast start
        print(
            "factcheck: a worker process died (out of memory?); try --jobs 1, which uses "
            "less memory",
            file=sys.stderr,
        )
        return Exit.TROUBLE
    except BrokenPipeError:
        return Exit.OK


def _broken_pool() -> type[BaseException]:
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool


def _settings(args: argparse.Namespace) -> Settings:
    from factcheck.config import ConfigError, load

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
    if args.quiet or not sys.stderr.isatty():
        return None
    from factcheck.runtime.progress import Progress

    return Progress()


def _run(args: argparse.Namespace) -> tuple[Settings, Report]:
    from factcheck.pipeline import run
    from factcheck.sources import InputError

    settings = _settings(args)
    paths = _paths(args, settings)
    stdin_text = sys.stdin.read() if "-" in paths else None
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
    for skipped in report.skipped:
        print(f"factcheck: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    if not report.sources:
        raise Trouble("no readable article in " + ", ".join(paths))
    if len(report.sources) == 1:
        print("factcheck: only one source: nothing to compare it with", file=sys.stderr)
    return settings, report


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
    from factcheck import baseline

    try:
        base = baseline.load(Path(path))
    except baseline.BaselineError as exc:
        raise Trouble(str(exc)) from None
    if base.settings and base.settings != settings.affecting_findings():
        print(
            f"factcheck: {path} was written with other settings; findings may differ",
            file=sys.stderr,
        )
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
    from factcheck import reporters

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
            print(f"timing {stage} {seconds:.3f}", file=sys.stderr)
    if args.exit_zero:
        return Exit.OK
    failing = [
        f
        for n, f in enumerate(report.findings)
        if report.is_new(n) and f.severity >= settings.fail_on
    ]
    return Exit.FINDINGS if failing else Exit.OK


def _report(args: argparse.Namespace) -> int:
    from factcheck import reporters

    settings, report = _run(args)
    report = _with_baseline(report, args.baseline, settings)
    name = corpus_name(args.paths or ["corpus"])
    out = args.output or f"reports/{name}.html"
    _write(out, reporters.render("html", report, reporters.Options(title=f"factcheck: {name}")))
    if out != "-":
        print(f"factcheck: wrote {out} ({len(report.findings)} findings)", file=sys.stderr)
    return Exit.OK


def _baseline(args: argparse.Namespace) -> int:
    from factcheck import baseline

    settings, report = _run(args)
    path = Path(args.output or settings.baseline or DEFAULT_BASELINE)
    previous = None
    if path.exists():
        try:
            previous = baseline.load(path)
        except baseline.BaselineError as exc:
            raise Trouble(f"{exc}; fix or delete it first") from None
    try:
        baseline.write(path, baseline.from_report(report, previous))
    except OSError as exc:
        raise Trouble(f"cannot write {path}: {exc.strerror or exc}") from None
    print(f"factcheck: wrote {path} ({len(report.findings)} findings accepted)", file=sys.stderr)
    return Exit.OK


def _diff(args: argparse.Namespace) -> int:
    from factcheck.diff import run_diff

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
    return out == "-" and use_color(choice, sys.stdout.isatty())


def _write(out: str, text: str | Iterable[str]) -> None:
    """Write to stdout, or to a file that appears whole or not at all."""
    pieces = [text] if isinstance(text, str) else text
    if out == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
        return
    path = Path(out)
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)
        os.replace(tmp, path)
    except OSError as exc:
        raise Trouble(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)  # gone after the replace; a partial file otherwise
