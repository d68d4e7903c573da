"""The shipped pre-commit hook, run for real: ``pre-commit try-repo`` on a scratch git
repository, staged articles checked against the rest of the configured corpus."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
pytestmark = pytest.mark.skipif(
    PRE_COMMIT is None or shutil.which("git") is None, reason="pre-commit or git is missing"
)

KEPT = """Quay repairs agreed

The harbour board approved a budget of $40 million for the new quay wall on Friday.
"""
STAGED = """Harbour board backs quay plan

The harbour board approved a budget of $55 million for the new quay wall on Friday.
"""
# Words that could only fail if an offline install is the reason, not the hook.
OFFLINE = ("Could not find a version", "Failed to establish", "No matching distribution")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _try_repo(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    assert PRE_COMMIT is not None
    proc = subprocess.run(
        [PRE_COMMIT, "try-repo", str(ROOT), "factcheck", "--color", "never", "--verbose"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    if proc.returncode != 0 and any(w in proc.stdout + proc.stderr for w in OFFLINE):
        pytest.skip("pre-commit cannot install the hook offline")
    return proc


def test_hook_checks_staged_files_against_the_corpus(tmp_path: Path) -> None:
    repo = tmp_path / "site"
    (repo / "news").mkdir(parents=True)
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "editor@example.org")
    _git(repo, "config", "user.name", "Editor")
    (repo / ".factcheck.cfg").write_text("[factcheck]\npaths = news/*.txt\n")
    (repo / "news" / "quay.txt").write_text(KEPT)
    (repo / "NOTES.md").write_text("Ideas for next week's edition.\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "corpus")
    home = tmp_path / "pre-commit-home"

    # A staged file outside the configured paths: nothing to compare, the hook passes.
    (repo / "NOTES.md").write_text("Ideas for next week's edition, and a ferry story.\n")
    _git(repo, "add", "NOTES.md")
    proc = _try_repo(repo, home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "outside the configured paths" in proc.stdout

    # A staged article that contradicts one already committed: found, and the hook fails.
    (repo / "news" / "board.txt").write_text(STAGED)
    _git(repo, "add", "news/board.txt")
    proc = _try_repo(repo, home)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "conflict-number" in proc.stdout and "news/quay.txt" in proc.stdout
    assert "Traceback" not in proc.stdout + proc.stderr

    # Accepted in a baseline: the hook passes.
    env = {**os.environ, "NO_COLOR": "1"}
    factcheck = Path(sys.executable).parent / "factcheck"
    subprocess.run([str(factcheck), "baseline", "-q"], cwd=repo, env=env, check=True)
    _git(repo, "add", ".factcheck-baseline.json")
    proc = _try_repo(repo, home)
    assert proc.returncode == 0, proc.stdout + proc.stderr
