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

from factcheck.errors import Exit, Trouble, UsageError

if TYPE_CHECKING:
    from factcheck.config import Settings
    from factcheck.model import Report
    from factcheck.runtime.progress import Progress

DEFAULT_BASELINE = ".factcheck-baseline.json"


def _settings(args: argparse.Namespace) -> Settings:
    from factcheck.checks import KIND_NAMES
    from factcheck.config import ConfigError, load

    severity = getattr(args, "severity", None)
    overrides = {
        key: getattr(args, key.replace("-", "_"), None)
        for key in (
            "link-threshold",
            "containment",
            "partial-threshold",
            "min-content-words",
            "max-postings",
            "enable",
            "disable",
            "accepted-variants",
            "fail-on",
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
        print(
            f"factcheck: {len(outside)} file(s) outside the configured paths, not checked: "
            + ", ".join(outside[:5])
            + (" ..." if len(outside) > 5 else ""),
            file=sys.stderr,
        )
    return (corpus if focus else []), focus


def _focus(report: Report, focus: set[str]) -> Report:
    """Only the findings with evidence in a source read from one of ``focus``; how many
    are left out is said."""
    import dataclasses

    ids = {s.id for s in report.sources if os.path.normpath(s.path) in focus}
    kept = tuple(f for f in report.findings if ids.intersection(f.sources))
    if len(kept) < len(report.findings):
        print(
            f"factcheck: {len(report.findings) - len(kept)} finding(s) elsewhere in the corpus "
            "not reported (they touch none of the files given)",
            file=sys.stderr,
        )
    suppressed = tuple(s for s in report.suppressed if ids.intersection(s.finding.sources))
    return dataclasses.replace(report, findings=kept, suppressed=suppressed)


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
    if getattr(args, "name", None):
        report = _named(report, args.name)
    for skipped in report.skipped:
        print(f"factcheck: skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    if not report.sources:
        raise Trouble("no readable article in " + ", ".join(paths))
    if len(report.sources) == 1:
        print("factcheck: only one source: nothing to compare it with", file=sys.stderr)
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
        print(f"factcheck: --name {key}: no such source", file=sys.stderr)
    return dataclasses.replace(report, sources=tuple(sources))


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
        print(
            f"factcheck: {path} was written with other settings; findings may differ",
            file=sys.stderr,
        )
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
    baseline_path = args.baseline
    focus: set[str] | None = None
    if args.in_corpus and args.paths:
        settings = _settings(args)
        args.paths, focus = _in_corpus(list(args.paths), settings)
        if not focus:
            print("factcheck: no file of the configured corpus given", file=sys.stderr)
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
            print(f"timing {stage} {seconds:.3f}", file=sys.stderr)
    from factcheck import gate

    return Exit.FINDINGS if gate.should_fail(report, settings.fail_on, args.exit_zero) else Exit.OK


def report(args: argparse.Namespace) -> int:
    from factcheck import reporters

    settings, report = _run(args)
    report = _with_baseline(report, args.baseline, settings)
    name = corpus_name(args.paths or ["corpus"])
    out = args.output or f"reports/{name}.html"
    _write(out, reporters.render("html", report, reporters.Options(title=f"factcheck: {name}")))
    if out != "-":
        print(f"factcheck: wrote {out} ({len(report.findings)} findings)", file=sys.stderr)
    return Exit.OK


def baseline(args: argparse.Namespace) -> int:
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


def diff(args: argparse.Namespace) -> int:
    from factcheck.diff import compare
    from factcheck.pipeline import run
    from factcheck.reporters.diff_report import render_json, render_text
    from factcheck.runtime.terminal import page, use_color
    from factcheck.sources import InputError

    settings = _settings(args)
    if args.a == "-" and args.b == "-":
        raise Trouble("only one of A and B can be standard input")
    stdin_text = sys.stdin.read() if "-" in (args.a, args.b) else None
    try:
        report = run([args.a, args.b], settings, None, stdin_text)
    except InputError as exc:
        raise Trouble(str(exc)) from None
    if len(report.sources) != 2:
        reasons = "; ".join(f"{s.path}: {s.reason}" for s in report.skipped)
        raise Trouble(f"diff needs two readable articles ({reasons or 'one was empty'})")
    result = compare(report)
    if args.format == "json":
        sys.stdout.write(render_json(result))
    elif args.format == "html":
        from factcheck.reporters import Options, render

        sys.stdout.write(render("html", report, Options(title="factcheck diff")))
    else:
        color = use_color(args.color, sys.stdout.isatty())
        page(render_text(result, color, args.only == "findings", args.all), args.no_pager)
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


def _use_color(choice: str, out: str) -> bool:
    from factcheck.runtime.terminal import use_color

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
