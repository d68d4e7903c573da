"""``baseline`` and ``check -o`` killed at random moments leave the old file or the new
one, complete, and no temporary: none at all after SIGTERM (removed as the process
unwinds), and none once the next writer in the folder has run after SIGKILL (which no
process can see; the next writer removes what it left)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck import baseline
from factcheck.runtime import atomic

KILLS = int(os.environ.get("FACTCHECK_KILLS", "3"))  # moments per command and signal
WORDS = (
    "council harbour ferry budget bridge union workers strike approved rejected officials "
    "residents million percent board terminal island spring summer mayor minister plan "
    "road rail port school hospital court judge ruling appeal vote members"
).split()


def _article(rng: random.Random, story: int, outlet: int) -> str:
    """Stories told by several outlets: shared sentences, a word changed here and there."""
    story_rng = random.Random(story)
    lines = [f"Story {story} told by outlet {outlet}", ""]
    for n in range(30):
        words = [story_rng.choice(WORDS) for _ in range(12)]
        if rng.random() < 0.2:
            words[rng.randrange(12)] = rng.choice(WORDS)
        lines.append(f"The {' '.join(words)} said on day {n}.")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("kills") / "corpus"
    folder.mkdir()
    rng = random.Random(14)
    for story in range(40):
        for outlet in range(4):
            (folder / f"s{story}_{outlet}.txt").write_text(
                _article(rng, story, outlet), encoding="utf-8"
            )
    return folder


def _command(kind: str, corpus: Path, target: Path) -> list[str]:
    args = ["baseline", str(corpus), "-o", str(target), "-q"]
    if kind == "check":
        args = ["check", str(corpus), "-f", "json", "-o", str(target), "--exit-zero", "-q"]
    return [sys.executable, "-m", "factcheck", *args]


def _old(kind: str, target: Path) -> str:
    if kind == "baseline":
        text = baseline.dumps(baseline.Baseline({}, {}))
    else:
        text = json.dumps({"schema": "factcheck/1", "old": True}) + "\n"
    target.write_text(text, encoding="utf-8")
    os.chmod(target, 0o644)
    return text


def _complete(kind: str, target: Path, old: str) -> None:
    text = target.read_text("utf-8")
    if text == old:
        return
    if kind == "baseline":
        baseline.load(target)  # the new baseline, whole
    else:
        assert json.loads(text)["schema"] == "factcheck/1" and "findings" in text


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(atomic.TMP_SUFFIX)]


def _kill_at_random(command: list[str], folder: Path, sig: int, rng: random.Random) -> int:
    """Kill after a random delay, or as soon as the temporary appears (the moment that
    matters) plus a random few milliseconds."""
    proc = subprocess.Popen(command, cwd=folder, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    if rng.random() < 0.5:
        time.sleep(rng.uniform(0.0, 2.5))
    else:
        while not _temporaries(folder) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0.0, 0.02))
    if proc.poll() is None:
        proc.send_signal(sig)
    _out, err = proc.communicate(timeout=60)
    assert b"Traceback" not in err, err
    return proc.returncode


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "SIGKILL"])
@pytest.mark.parametrize("kind", ["baseline", "check"])
def test_killed_writer_leaves_a_whole_file(
    corpus: Path, tmp_path: Path, kind: str, sig: int
) -> None:
    rng = random.Random(f"{kind}{sig}")
    target = tmp_path / ("base.json" if kind == "baseline" else "report.json")
    for _ in range(KILLS):
        old = _old(kind, target)
        code = _kill_at_random(_command(kind, corpus, target), tmp_path, sig, rng)
        assert code in (0, -sig, 128 + sig)
        _complete(kind, target, old)
        assert stat_mode(target) == 0o644
        if sig == signal.SIGTERM:
            assert not _temporaries(tmp_path)
        else:
            with atomic.locked(target):  # what the next writer does first
                pass
            assert not _temporaries(tmp_path)


def stat_mode(path: Path) -> int:
    return path.stat().st_mode & 0o7777
