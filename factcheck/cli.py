"""The command line: parse, dispatch to a command, map errors to exit statuses.

Exit status: 0 nothing to report at the failing level, 1 findings (or, for
``diff``, differences), 2 trouble: bad usage, configuration or input (an input
that could not be read, even when the rest was checked), 3 an internal error: a
bug, told in one line with where to report it, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from contextlib import suppress
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.commands import DEFAULT_BASELINE, MAX_JOBS, say
from factcheck.errors import Exit, StdoutError, Trouble, UsageError

if TYPE_CHECKING:
    from factcheck.runtime.atomic import Terminated

ISSUES = "https://github.com/factcheck/factcheck/issues"
EXIT_STATUS = f"""exit status:
  0  no finding at or above --fail-on (diff: the same facts)
  1  findings (diff: differences)
  2  bad usage, configuration or input (an input that could not be read,
     even when the rest was checked)
  3  internal error: a bug; please report it at {ISSUES}"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"{self.prog}: {message}")

    def format_help(self) -> str:
        """Help lists the kinds from the checks' register, imported only when help is
        asked for (the register imports every check: a slower start)."""
        self.formatter_class = argparse.RawDescriptionHelpFormatter
        self.epilog = EXIT_STATUS
        if any(a.dest == "enable" for a in self._actions):
            from factcheck.checks import KINDS

            width = max(len(k.name) for k in KINDS)
            self.epilog = (
                "kinds:\n"
                + "\n".join(f"  {k.name:<{width}}  {k.severity.label:<6}  {k.about}" for k in KINDS)
                + "\n\n"
                + EXIT_STATUS
            )
        return super().format_help()


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
    p.add_argument(
        "--containment",
        type=float,
        metavar="X",
        help="share (0-1) of a shorter claim's content words found in order in a longer one",
    )
    p.add_argument(
        "--partial-threshold",
        type=float,
        metavar="N",
        help="best-substring similarity 0-100 that links a short claim into a longer one",
    )
    p.add_argument(
        "--min-content-words", type=int, metavar="N", help="shorter claims are not clustered"
    )
    p.add_argument(
        "--max-postings",
        type=int,
        metavar="N",
        help="word pairs in more differently worded claims than this are not blocking keys",
    )
    p.add_argument(
        "--max-input-mb",
        type=int,
        metavar="N",
        help="a larger input file or standard input is skipped (default 1024)",
    )
    p.add_argument(
        "--quote-style",
        metavar="SEVERITY",
        help="severity of a quotation in another house style (default info)",
    )
    p.add_argument(
        "--enable", "--select", metavar="KINDS", help="comma-separated kinds (listed below)"
    )
    p.add_argument(
        "--disable", "--ignore", metavar="KINDS", help="comma-separated kinds to leave out"
    )
    p.add_argument(
        "--accepted-variants",
        metavar="WORDS",
        help="comma-separated spellings never reported as variants",
    )
    p.add_argument(
        "--severity",
        action="append",
        metavar="KIND=LEVEL",
        help="a kind's severity (repeatable)",
    )
    p.add_argument(
        "--ignore-id",
        action="append",
        metavar="ID",
        help="report this finding as suppressed, not as a finding (repeatable)",
    )
    p.add_argument(
        "--name",
        action="append",
        metavar="FILE=NAME",
        help="the outlet that published FILE (repeatable; default: JSONL 'source', the "
        "HTML site name, else the file name)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    p.add_argument(
        "-j",
        "--jobs",
        metavar="N",
        help=f"processes for claims and checks (0 to {MAX_JOBS}; default 0 = all cores; "
        "1 = none forked)",
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
        help="where to write (- for stdout); default: the text summary on stdout, no file",
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
    check.add_argument(
        "--in-corpus",
        action="store_true",
        help="check the PATHs against the configured 'paths' corpus and report only the "
        "findings that touch them, with the baseline file when it exists (the pre-commit hook)",
    )
    check.add_argument(
        "--statistics",
        action="store_true",
        help="print counts per kind and per source (instead of the text summary when no "
        "--format is given)",
    )
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
        from factcheck import commands

        handler = {
            "check": commands.check,
            "report": commands.report,
            "baseline": commands.baseline,
            "diff": commands.diff,
        }[args.command]
        return handler(args)
    except UsageError as exc:
        say(str(exc))
        return Exit.TROUBLE
    except StdoutError as exc:
        say(f"factcheck: {exc}")
        _silence_stdout()
        return Exit.TROUBLE
    except Trouble as exc:
        say(f"factcheck: {exc}")
        return Exit.TROUBLE
    except KeyboardInterrupt:
        say("factcheck: interrupted")
        return 130
    except _terminated() as exc:
        say(f"factcheck: terminated by signal {exc.signum}; no file was left half-written")
        return 128 + exc.signum
    except _broken_pool():  # imported only when something was raised: a fast start
        say(
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
        say(f"factcheck: internal error: {what} (please report it at {ISSUES})")
        return Exit.INTERNAL


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
    from factcheck.runtime.atomic import Terminated

    return Terminated


def _broken_pool() -> type[BaseException]:
    from concurrent.futures.process import BrokenProcessPool

    return BrokenProcessPool
