"""Reports and baselines are written whole, keep their mode, and take a lock."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.runtime import atomic

from .test_bad_inputs import A


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(A, encoding="utf-8")
    (folder / "b.txt").write_text(A.replace("$4.2", "$9.2"), encoding="utf-8")
    return folder


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_baseline_is_0644(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "base.json"
    assert main(["baseline", str(_corpus(tmp_path)), "-o", str(target), "-q"]) == 0
    assert _mode(target) == 0o644


def test_a_new_report_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        target = tmp_path / "r.json"
        main(["check", str(_corpus(tmp_path)), "-f", "json", "-o", str(target), "--exit-zero"])
    finally:
        os.umask(old)
    assert _mode(target) == 0o600


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o664])
def test_an_updated_baseline_keeps_its_mode(tmp_path: Path, mode: int, umask_022: None) -> None:
    target = tmp_path / "base.json"
    corpus = str(_corpus(tmp_path))
    assert main(["baseline", corpus, "-o", str(target)]) == 0
    os.chmod(target, mode)
    assert main(["baseline", corpus, "-o", str(target)]) == 0
    assert _mode(target) == mode


def test_a_symlinked_baseline_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    link = tmp_path / "link.json"
    corpus = str(_corpus(tmp_path))
    assert main(["baseline", corpus, "-o", str(real)]) == 0
    link.symlink_to(real)
    assert main(["baseline", corpus, "-o", str(link)]) == 0
    assert link.is_symlink() and json.loads(real.read_text("utf-8"))["tool"] == "factcheck"


def test_stale_temporaries_are_removed_by_the_next_writer(tmp_path: Path) -> None:
    stale = tmp_path / f".base.json.99999{atomic.TMP_SUFFIX}"
    stale.write_text('{"half": ', encoding="utf-8")
    other = tmp_path / f".report.json.12{atomic.TMP_SUFFIX}"
    other.write_text("", encoding="utf-8")
    atomic.write_text(tmp_path / "base.json", "{}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json"]


def _hold_lock(folder: Path) -> subprocess.Popen[bytes]:
    """Another process that holds the folder's lock until its stdin closes."""
    code = (
        "import fcntl, os, sys\n"
        f"fd = os.open({str(folder)!r}, os.O_RDONLY)\n"
        "fcntl.flock(fd, fcntl.LOCK_EX)\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE
    )
    assert holder.stdout is not None and holder.stdout.readline() == b"locked\n"
    return holder


def test_a_second_writer_waits_for_the_first(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    holder = _hold_lock(tmp_path)
    try:
        writer = subprocess.Popen(
            [sys.executable, "-m", "factcheck", "baseline", str(corpus), "-o", "base.json"],
            cwd=tmp_path,
            stderr=subprocess.PIPE,
        )
        assert writer.stderr is not None
        # Its lines until it says it waits (however long a loaded machine takes to get
        # there): the lock is still held, so nothing may be written yet.
        said = b""
        for line in iter(writer.stderr.readline, b""):
            said += line
            if b"waiting for base.json" in line:
                break
        assert b"waiting for base.json" in said
        assert writer.poll() is None  # waiting
        assert not (tmp_path / "base.json").exists()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    _out, _err = writer.communicate(timeout=60)
    assert writer.returncode == 0, said + _err
    assert json.loads((tmp_path / "base.json").read_text("utf-8"))["tool"] == "factcheck"


def test_a_writer_gives_up_clearly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _corpus(tmp_path)
    monkeypatch.setattr(atomic, "LOCK_TIMEOUT", 0.3)
    holder = _hold_lock(tmp_path)
    try:
        code = main(["baseline", str(corpus), "-o", str(tmp_path / "base.json")])
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)
    err = capsys.readouterr().err
    assert code == 2
    assert "cannot write" in err and "another process has been writing" in err
    assert not (tmp_path / "base.json").exists()


def test_two_baseline_runs_at_once_keep_the_reviewers_status(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    target = tmp_path / "base.json"
    assert main(["baseline", str(corpus), "-o", str(target)]) == 0
    data = json.loads(target.read_text("utf-8"))
    assert data["findings"]
    data["findings"][0].update(status="false-positive", reason="checked by hand")
    target.write_text(json.dumps(data), encoding="utf-8")
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "factcheck", "baseline", str(corpus), "-o", str(target)],
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    for run in runs:
        _out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    after = json.loads(target.read_text("utf-8"))
    assert after["findings"][0]["status"] == "false-positive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "corpus"]


def test_a_fifo_nobody_reads_is_an_error_not_a_hang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    os.mkfifo(out)
    code = main(["check", str(_corpus(tmp_path)), "-f", "json", "-o", str(out)])
    assert code == 2
    assert "cannot write" in capsys.readouterr().err
