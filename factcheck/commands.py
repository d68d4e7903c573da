"""The commands behind the CLI: read, run the pipeline, gate, hand the report to reporters.

Each command takes the parsed arguments and returns an exit status; trouble is raised
as ``Trouble`` or ``UsageError`` for the CLI to print as one line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from factcheck.errors import Exit, StdoutError, Trouble, UsageError

if TYPE_CHECKING:
    from factcheck.config import Settings
    from factcheck.model import Report
    from factcheck.runtime.progress import Progress

DEFAULT_BASELINE = ".factcheck-baseline.json"
MAX_JOBS = 512


def say(message: str) -> None:
    """One line on stderr; a closed or full stderr loses it, never raises."""
    with suppress(AttributeError, OSError, ValueError):
        sys.stderr.write(message + "\n")
        sys.stderr.flush()


def _settings(args: argparse.Namespace) -> Settings:
    from factcheck.checks import KIND_NAMES
    from factcheck.config import ConfigError, load

    severity = getattr(args, "severity", None)
    if getattr(args, "jobs", None) is not None:
        args.jobs = _whole_number("--jobs", args.jobs)
    overrides = {
        key: getattr(args, key.replace("-", "_"), None)
        for key in (
            "link-threshold",
            "containment",
            "partial-threshold",
            "min-content-words",
            "max-postings",
            "max-input-mb",
            "enable",
            "disable",
            "accepted-variants",
            "fail-on",
            "quote-style",
            "jobs",
        )
    }
    overrides["severity"] = ",".join(severity) if severity else None
    overrides["ignore"] = getattr(args, "ignore_id", None)
    try:
        return load(KIND_NAMES, args.config, overrides)
    except ConfigError as exc:
        raise Trouble(str(exc)) from None


def _configured(settings: Settings) -> list[str]:
    import glob

    return sorted({p for pattern in settings.paths for p in glob.glob(pattern, recursive=True)})


def _whole_number(flag: str, value: str) -> int:
    try:
        return int(value)
    except ValueError:
        shown = value if len(value) <= 40 else value[:39] + "…"
        raise UsageError(f"factcheck: {flag} {shown!r}: not a whole number") from None


def read_stdin(max_bytes: int) -> bytes | str:
    """Standard input as bytes (decoded with the files' rules, so invalid UTF-8 is no
    crash), at most ``max_bytes``."""
    from factcheck.runtime.limits import InputLimit, read_stream

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
    found = _configured(settings)
    if not found:
        raise UsageError(
            f"factcheck {args.command}: no PATH given and no 'paths' in the "
            "configuration match a file"
        )
    return found


def _in_corpus(given: list[str], settings: Settings) -> tuple[list[str], set[str]]:
    """What to read for ``--in-corpus``, and the paths whose findings are reported: the
    given files that belong to the configured corpus (all of them when there is none)
    and the rest of that corpus to compare them with."""
    corpus = _configured(settings)
    if not corpus:
        return given, {os.path.normpath(p) for p in given}
    members = {os.path.normpath(p) for p in corpus}
    focus = {os.path.normpath(p) for p in given} & members
    outside = [p for p in given if os.path.normpath(p) not in members]
    if outside:
        say(
            f"factcheck: {len(outside)} file(s) outside the configured paths, not checked: "
            + ", ".join(outside[:5])
            + (" ..." if len(outside) > 5 else "")
        )
    return (corpus if focus else []), focus


def _focus(report: Report, focus: set[str]) -> Report:
    """Only the findings with evidence in a source read from one of ``focus``; how many
    are left out is said."""
    import dataclasses

    ids = {s.id for s in report.sources if os.path.normpath(s.path) in focus}
    kept = tuple(f for f in report.findings if ids.intersection(f.sources))
    if len(kept) < len(report.findings):
        say(
            f"factcheck: {len(report.findings) - len(kept)} finding(s) elsewhere in the corpus "
            "not reported (they touch none of the files given)"
        )
    suppressed = tuple(s for s in report.suppressed if ids.intersection(s.finding.sources))
    return dataclasses.replace(report, findings=kept, suppressed=suppressed)


def _progress(args: argparse.Namespace) -> Progress | None:
    if args.quiet or sys.stderr is None or not sys.stderr.isatty():
        return None
    from factcheck.runtime.progress import Progress

    return Progress()


def _run(args: argparse.Namespace) -> tuple[Settings, Report]:
    from factcheck.pipeline import run
    from factcheck.sources import InputError

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
    if getattr(args, "name", None):
        report = _named(report, args.name)
    say_skipped(report)
    if not report.sources:
        raise Trouble("no readable article in " + ", ".join(paths))
    if len(report.sources) == 1:
        say("factcheck: only one source: nothing to compare it with")
    for limit in report.limits:
        say(f"factcheck: {limit.message}")
    return settings, report


def _named(report: Report, names: list[str]) -> Report:
    """The report with the outlets given by ``--name FILE=NAME``: FILE is a path as given,
    or a source's id (its file name without the suffix)."""
    import dataclasses

    wanted: dict[str, str] = {}
    for item in names:
        file, sep, name = item.partition("=")
        if not sep or not file.strip() or not name.strip():
            raise UsageError(f"factcheck: --name wants FILE=NAME, got {item!r}")
        wanted[os.path.normpath(file.strip())] = name.strip()
    used: set[str] = set()
    sources = []
    for s in report.sources:
        keys = (os.path.normpath(s.path), s.id, Path(s.path).name)
        key = next((k for k in keys if k in wanted), None)
        if key is not None:
            used.add(key)
            s = dataclasses.replace(s, outlet=wanted[key])
        sources.append(s)
    for key in wanted.keys() - used:
        say(f"factcheck: --name {key}: no such source")
    return dataclasses.replace(report, sources=tuple(sources))


def say_skipped(report: Report) -> None:
    from factcheck.reporters.safe_text import one_line

    for skipped in report.skipped:
        say(f"factcheck: skipped {one_line(skipped.path)}: {one_line(skipped.reason)}")


def _status(report: Report, status: int) -> int:
    """Exit 2 when an input could not be read: the rest was checked, but not all."""
    if not report.skipped:
        return status
    n = len(report.skipped)
    say(f"factcheck: {n} input{'s' if n > 1 else ''} could not be read (named above)")
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
    from factcheck import baseline, gate
    from factcheck.checks import KIND_NAMES

    try:
        base = baseline.load(Path(path))
    except baseline.BaselineError as exc:
        raise Trouble(str(exc)) from None
    if base.settings and base.settings != settings.affecting_findings(KIND_NAMES):
        say(f"factcheck: {path} was written with other settings; findings may differ")
    return gate.with_baseline(report, base)


def corpus_name(paths: list[str]) -> str:
    if len(paths) == 1 and paths[0] != "-":
        p = Path(paths[0].rstrip("/\\"))
        return (p.stem if p.is_file() else p.name) or "corpus"
    return "corpus"


def check(args: argparse.Namespace) -> int:
    from factcheck import reporters

    formats = list(args.format or [])
    outputs = list(args.output or [])
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
    baseline_path = args.baseline
    focus: set[str] | None = None
    if args.in_corpus and args.paths:
        settings = _settings(args)
        args.paths, focus = _in_corpus(list(args.paths), settings)
        if not focus:
            say("factcheck: no file of the configured corpus given")
            return Exit.OK
        default = Path(settings.baseline or DEFAULT_BASELINE)
        if not baseline_path and default.is_file():
            baseline_path = str(default)
    settings, report = _run(args)
    if focus is not None:
        report = _focus(report, focus)
    report = _with_baseline(report, baseline_path, settings)
    if not formats and not args.statistics:
        formats = ["text"]  # nothing is written to disk unless -o asks for it
    outputs = outputs + ["-"] * (len(formats) - len(outputs))
    for fmt, out in zip(formats, outputs, strict=True):
        options = reporters.Options(color=_use_color(args.color, out), fail_on=settings.fail_on)
        _write(out, reporters.chunks(fmt, report, options))
    if args.statistics:
        from factcheck.reporters.text_report import statistics

        _write("-", statistics(report))
    if args.timings:
        for stage, seconds in report.timings.items():
            say(f"timing {stage} {seconds:.3f}")
    from factcheck import gate

    if args.exit_zero:
        return Exit.OK
    return _status(report, Exit.FINDINGS if gate.should_fail(report, settings.fail_on) else Exit.OK)


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


def report(args: argparse.Namespace) -> int:
    from factcheck import reporters

    settings, report = _run(args)
    report = _with_baseline(report, args.baseline, settings)
    name = corpus_name(args.paths or ["corpus"])
    out = args.output or f"reports/{name}.html"
    _write(out, reporters.render("html", report, reporters.Options(title=f"factcheck: {name}")))
    if out != "-":
        say(f"factcheck: wrote {out} ({len(report.findings)} findings)")
    return _status(report, Exit.OK)


def baseline(args: argparse.Namespace) -> int:
    from factcheck import baseline

    settings = _settings(args)
    path = Path(args.output or settings.baseline or DEFAULT_BASELINE)
    if path.exists():  # a broken baseline is named before the run, not after it
        try:
            baseline.load(path)
        except baseline.BaselineError as exc:
            raise Trouble(f"{exc}; fix or delete it first") from None
    settings, report = _run(args)
    try:
        baseline.update(path, report, wait=lambda: say(f"factcheck: waiting for {path}"))
    except baseline.BaselineError as exc:
        raise Trouble(f"{exc}; fix or delete it first") from None
    except OSError as exc:
        raise Trouble(f"cannot write {path}: {exc.strerror or exc}") from None
    say(f"factcheck: wrote {path} ({len(report.findings)} findings accepted)")
    return _status(report, Exit.OK)


def diff(args: argparse.Namespace) -> int:
    from factcheck.diff import compare
    from factcheck.pipeline import run
    from factcheck.reporters.diff_report import render_json, render_text
    from factcheck.reporters.safe_text import one_line
    from factcheck.runtime.terminal import page, use_color
    from factcheck.sources import InputError

    settings = _settings(args)
    if args.a == "-" and args.b == "-":
        raise Trouble("only one of A and B can be standard input")
    stdin_text = read_stdin(settings.max_input_bytes()) if "-" in (args.a, args.b) else None
    try:
        report = run([args.a, args.b], settings, None, stdin_text)
    except InputError as exc:
        raise Trouble(str(exc)) from None
    if len(report.sources) != 2:
        reasons = "; ".join(f"{one_line(s.path)}: {one_line(s.reason)}" for s in report.skipped)
        raise Trouble(f"diff needs two readable articles ({reasons or 'one was empty'})")
    result = compare(report)
    if args.format == "json":
        write_stdout(render_json(result))
    elif args.format == "html":
        from factcheck.reporters import Options, render

        write_stdout(render("html", report, Options(title="factcheck diff")))
    else:
        color = use_color(args.color, _stdout_is_tty())
        text = render_text(result, color, args.only == "findings", args.all)
        if args.no_pager or not _stdout_is_tty() or not page(text):
            write_stdout(text)
    return Exit.FINDINGS if result.differs else Exit.OK


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


def _stdout_is_tty() -> bool:
    return sys.stdout is not None and sys.stdout.isatty()


def _use_color(choice: str, out: str) -> bool:
    from factcheck.runtime.terminal import use_color

    return out == "-" and use_color(choice, _stdout_is_tty())


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
    """Write to stdout, or to a file that appears whole or not at all (``runtime.atomic``)."""
    if out == "-":
        write_stdout(text)
        return
    from factcheck.runtime.atomic import write_text

    try:
        write_text(Path(out), text, wait=lambda: say(f"factcheck: waiting for {out}"))
    except OSError as exc:
        raise Trouble(f"cannot write {out}: {exc.strerror or exc}") from None
