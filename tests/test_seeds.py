"""The seed corpus against its answer key (../shared/gold), when the key is beside the repo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.model import Report
from factcheck.reporters import json_report
from tests.conftest import SHARED, assert_offsets


def test_seed_offsets(seeds_report: Report) -> None:
    assert len(seeds_report.sources) == 5
    assert_offsets(seeds_report)


@pytest.mark.skipif(not (SHARED / "gold" / "seeds.json").exists(), reason="../shared not present")
def test_seed_score_strict(seeds_report: Report, tmp_path: Path) -> None:
    out = tmp_path / "seeds.json"
    out.write_text(json.dumps(json_report.as_dict(seeds_report)), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(SHARED / "tools" / "score.py"),
            str(SHARED / "gold" / "seeds.json"),
            str(out),
            "--strict",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    assert "wrongly merged 0" in result.stdout
