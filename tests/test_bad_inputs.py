"""The bad-input corpus (``bad_inputs.toml``): every case ends with its exit status and
a one-line message, never a traceback or an internal error, and never a hang."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from factcheck.cli import main

from .conftest import SHARED

CASES = tomllib.loads((Path(__file__).parent / "bad_inputs.toml").read_text("utf-8"))["case"]
SARIF_SCHEMA = SHARED / "eval" / "sarif" / "sarif-schema-2.1.0.json"
TIMEOUT = 60  # seconds: a case that takes longer hangs

# Two outlets on one story (written for these tests, not taken from the seeds).
A = """Harbour board approves new ferry terminal

The harbour board approved a new ferry terminal on Tuesday at a cost of $4.2 million,
the chair of the board said.
"This terminal will serve the island for the next forty years," board chair Rita Moss said.
Work on the terminal is due to start in the spring and end within two years.
"""
B = """Ferry terminal gets the go-ahead

The harbour board approved a new ferry terminal on Tuesday at a cost of $4.2 million,
officials said.
"This terminal will serve the island for the next forty years," Moss said.
Work on the terminal is due to start in the spring and end within two years.
"""
NAMES = {"A": A, "B": B, "json": json, "bytes": bytes, "range": range}


def _value(expression: str) -> Any:
    return eval(expression, {"__builtins__": {}}, NAMES)  # test data written with these tests


def _build(case: dict, tmp: Path) -> dict[str, str]:
    corpus = tmp / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, encoding="utf-8")
    (corpus / "b.txt").write_text(B, encoding="utf-8")
    for name, expression in case.get("files", {}).items():
        path = os.path.join(os.fsencode(tmp), _value(name)) if name.startswith("b'") else tmp / name
        Path(os.fsdecode(path)).parent.mkdir(parents=True, exist_ok=True)
        data = _value(expression)
        with open(path, "wb") as fh:
            fh.write(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    for name in case.get("fifos", []):
        os.mkfifo(tmp / name)
    cfg = tmp / "fc.cfg"
    if "config" in case:
        cfg.write_text(case["config"], encoding="utf-8")
    return {
        "tmp": str(tmp),
        "corpus": str(corpus),
        "a": str(corpus / "a.txt"),
        "b": str(corpus / "b.txt"),
        "cfg": str(cfg),
        "out": str(tmp / "out" / "report.json"),
    }


def _in_process(
    args: list[str], case: dict, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> tuple[int, str, str]:
    if "stdin" in case:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_value(case["stdin"]))))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _subprocess(args: list[str], case: dict, tmp: Path) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "factcheck", *args]
    redirect = {"closed": ">&-", "full": ">/dev/full"}.get(case.get("stdout", ""), "")
    if case.get("stdin_closed"):
        redirect += " <&-"
    if redirect:
        command = ["sh", "-c", f'exec "$@" {redirect}', "sh", *command]
    stdin = _value(case["stdin"]) if "stdin" in case else b""
    try:
        done = subprocess.run(
            command, input=stdin, capture_output=True, timeout=TIMEOUT, cwd=tmp, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"factcheck {' '.join(args)} did not end within {TIMEOUT} s")
    return (
        done.returncode,
        done.stdout.decode("utf-8", "replace"),
        done.stderr.decode("utf-8", "replace"),
    )


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_bad_input(
    case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: Any
) -> None:
    names = _build(case, tmp_path)
    args = [a.format(**names) for a in case["command"]]
    monkeypatch.chdir(tmp_path)
    if case.get("process"):
        code, out, err = _subprocess(args, case, tmp_path)
    else:
        code, out, err = _in_process(args, case, capsys, monkeypatch)
    assert "Traceback" not in err and "internal error" not in err, err
    expected = case["exit"] if isinstance(case["exit"], list) else [case["exit"]]
    assert code in expected, err
    assert case["message"] in err
    for line in err.splitlines():  # each message is one line, and names what it is about
        assert line.startswith(("factcheck", "timing ")), line
    for fragment in case.get("stdout_has", []):
        assert fragment in out
    for fragment in case.get("stdout_lacks", []):
        assert fragment not in out
    written = Path(names["out"])
    if "sources" in case:
        assert len(json.loads(written.read_text("utf-8"))["sources"]) == case["sources"]
    if "parse" in case:
        _parses(written.read_text("utf-8"), case["parse"])
    assert not list(tmp_path.rglob("*.factcheck-tmp"))


def _parses(text: str, kind: str) -> None:
    if kind == "xml":
        ET.fromstring(text)
        return
    data = json.loads(text)
    if kind == "sarif" and SARIF_SCHEMA.exists():
        import jsonschema

        jsonschema.validate(data, json.loads(SARIF_SCHEMA.read_text("utf-8")))


def test_every_case_is_distinct() -> None:
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names))


def test_an_unforeseen_error_is_one_line_and_exit_3(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The last resort: a bug says "internal error" and where to report it, exit 3."""
    names = _build({}, tmp_path)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug\nover two lines")

    monkeypatch.setattr("factcheck.pipeline.analyse", broken)
    monkeypatch.delenv("FACTCHECK_DEBUG", raising=False)
    code = main(["check", names["corpus"]])
    _out, err = capsys.readouterr()
    assert code == 3
    assert err.count("\n") == 1
    assert err.startswith("factcheck: internal error: ZeroDivisionError: a bug over two lines")
    assert "please report it at https://" in err


def test_help_documents_exit_3(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["check", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "3 internal error" in out
