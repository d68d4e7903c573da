"""The same folder gives the same report, whatever the interpreter's hash seed.

A set of strings iterates in an order its hash seed decides: where a tie (two corrections
as frequent, two sources as close, Louvain walking a graph built from a set) is broken by
that order, two runs of CI on one folder would disagree, and a baseline would see new
findings that are not new.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

CASES = Path(__file__).parent / "cases"


def _day_of_news(folder: Path) -> int:
    """Every case's sources, each case a story, as files of one folder."""
    n = 0
    for path in sorted(CASES.glob("*.toml")):
        for k, case in enumerate(tomllib.loads(path.read_text("utf-8"))["case"]):
            for name, text in case["sources"].items():
                (folder / f"{path.stem}-{k:03d}-{name}.txt").write_text(text, "utf-8")
                n += 1
    return n


def _report(folder: Path, seed: str, out: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    cmd = [sys.executable, "-m", "factcheck", "check", str(folder), "--format", "json"]
    done = subprocess.run(
        [*cmd, "-o", str(out), "--exit-zero", "-q"], env=env, capture_output=True, timeout=600
    )
    assert done.returncode == 0, done.stderr.decode()
    return out.read_bytes()


def test_reports_do_not_follow_the_hash_seed(tmp_path: Path) -> None:
    folder = tmp_path / "day"
    folder.mkdir()
    assert _day_of_news(folder) > 100
    first = _report(folder, "1", tmp_path / "a.json")
    assert len(json.loads(first)["findings"]) > 50  # something to compare
    for seed in ("2", "3"):
        assert _report(folder, seed, tmp_path / f"{seed}.json") == first
