"""The command line: parse, call the pipeline, hand the report to reporters."""

from __future__ import annotations

import argparse
import os
import sys
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .model import KINDS

if TYPE_CHECKING:
    from .config import Settings
    from .model import Report


class Exit(IntEnum):
    OK = 0
    FINDINGS = 1
    TROUBLE = 2


class UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="article files or folders (.txt, .md, .html, .jsonl); - for stdin",
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


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="factcheck", description=__doc__)
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    check = sub.add_parser("check", help="check articles and write the findings")
    _add_common(check)
    check.add_argument(
        "-f",
        "--format",
        action="append",
        metavar="FMT",
        help="text, json or html (repeatable, one -o each)",
    )
    check.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="FILE",
        help="where to write (- for stdout); default reports/NAME.json",
    )
    check.add_argument(
        "--fail-on",
        metavar="SEVERITY",
        help="exit 1 when a finding is at or above it (default medium)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit 0 whatever is found")
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    report = sub.add_parser("report", help="write the editor's HTML report")
    _add_common(report)
    report.add_argument("-o", "--output", metavar="FILE", help="default reports/NAME.html")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        args = build_parser().parse_args(argv)
        if args.command == "check":
            return _check(args)
        if args.command == "report":
            return _report(args)
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return Exit.TROUBLE
    except _Trouble as exc:
        print(f"factcheck: {exc}", file=sys.stderr)
        return Exit.TROUBLE
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    return Exit.TROUBLE


class _Trouble(Exception):
    pass


def _settings(args: argparse.Namespace) -> Settings:
    from .config import ConfigError, load

    overrides = {
        "link-threshold": args.link_threshold,
        "enable": args.enable,
        "disable": args.disable,
        "fail-on": getattr(args, "fail_on", None),
    }
    try:
        return load(args.config, overrides)
    except ConfigError as exc:
        raise _Trouble(str(exc)) from None


def _run(args: argparse.Namespace) -> tuple[Settings, Report]:
    from .pipeline import run
    from .sources import InputError

    settings = _settings(args)
    show = not args.quiet and sys.stderr.isatty()
    progress = (lambda stage: print(f"factcheck: {stage}…", file=sys.stderr)) if show else None
    stdin_text = sys.stdin.read() if "-" in args.paths else None
    try:
        report = run(args.paths, settings, progress, stdin_text)
    except InputError as exc:
        raise _Trouble(str(exc)) from None
    for skipped in report.skipped:
        print(f"factcheck: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    if not report.sources:
        raise _Trouble("no readable article in " + ", ".join(args.paths))
    if len(report.sources) == 1:
        print("factcheck: only one source: nothing to compare it with", file=sys.stderr)
    return settings, report


def corpus_name(paths: list[str]) -> str:
    if len(paths) == 1 and paths[0] != "-":
        p = Path(paths[0].rstrip("/\\"))
        return (p.stem if p.is_file() else p.name) or "corpus"
    return "corpus"


def _check(args: argparse.Namespace) -> int:
    from . import reporters

    formats = args.format or []
    outputs = args.output or []
    if not formats and not outputs:
        formats, outputs = ["json", "text"], [f"reports/{corpus_name(args.paths)}.json", "-"]
    elif not formats:
        formats = [_format_of(o) for o in outputs]
    if len(outputs) > len(formats):
        raise UsageError("factcheck check: more -o than --format")
    outputs = outputs + ["-"] * (len(formats) - len(outputs))
    for fmt in formats:
        if fmt not in reporters.FORMATS:
            raise UsageError(
                f"factcheck check: unknown format {fmt!r} "
                f"(choose from {', '.join(reporters.FORMATS)})"
            )
    settings, report = _run(args)
    for fmt, out in zip(formats, outputs, strict=True):
        render = reporters.get(fmt)
        if fmt == "text":
            text = reporters.text_report.render(report, color=_use_color(args.color, out))
        else:
            text = render(report)
        _write(out, text)
    if args.exit_zero:
        return Exit.OK
    worst = max((f.severity for f in report.findings), default=None)
    return Exit.FINDINGS if worst is not None and worst >= settings.fail_on else Exit.OK


def _report(args: argparse.Namespace) -> int:
    from . import reporters

    report = _run(args)[1]
    out = args.output or f"reports/{corpus_name(args.paths)}.html"
    _write(out, reporters.get("html")(report))
    if out != "-":
        print(f"factcheck: wrote {out} ({len(report.findings)} findings)", file=sys.stderr)
    return Exit.OK


def _format_of(path: str) -> str:
    suffix = Path(path).suffix.lower().lstrip(".")
    return {"htm": "html", "txt": "text", "": "text"}.get(suffix, suffix)


def _use_color(choice: str, out: str) -> bool:
    if choice == "always":
        return True
    if choice == "never" or out != "-":
        return False
    if os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()


def _write(out: str, text: str) -> None:
    if out == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(out)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError as exc:
        raise _Trouble(f"cannot write {out}: {exc.strerror or exc}") from None
