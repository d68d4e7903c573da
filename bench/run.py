"""The speed and memory benchmark: prints a table of figures.

    python bench/run.py [--sizes 1000,10000,100000] [--jobs N] [--repeat N]
                        [--profiles bench,dense,wire] [--wire-sizes 1000] [--speed-only]

For each size it generates (or reuses) a deterministic corpus (bench/gen_corpus.py),
runs ``factcheck check`` end to end as a separate process (all checks, JSON
written) and reports wall and CPU time, peak memory, throughput, the time of
each stage, and the growth exponent between sizes (up to 10,000 articles, the median
of ``--repeat`` runs, default 3, each paired with its own floor). In the same run it times the
floor (read + split sentences + tokenize in plain Python), all-pairs rapidfuzz
matching on a 1,000-article sample (extrapolated), MinHash LSH candidate
generation (datasketch) at 10,000 articles, and the recall of factcheck's
candidate pairs against exact all-pairs matching at the same threshold.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import platform
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gen_corpus  # noqa: E402


def corpus(n: int, profile: str = "bench") -> Path:
    name = f"corpus-{n}.jsonl" if profile == "bench" else f"corpus-{profile}-{n}.jsonl"
    path = OUT / name
    if not path.exists():
        gen_corpus.write(n, path, profile=profile)
    return path


def run_check(path: Path, jobs: int | None) -> dict[str, float]:
    out = OUT / f"{path.stem}.report.json"
    cmd = [
        sys.executable,
        "-m",
        "factcheck",
        "check",
        str(path),
        "--format",
        "json",
        "-o",
        str(out),
        "--exit-zero",
        "-q",
        "--timings",
    ]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    peak = [0]
    sampler = threading.Thread(target=_sample_memory, args=(proc.pid, peak), daemon=True)
    sampler.start()
    _pid, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    sampler.join()
    err = proc.stderr.read() if proc.stderr else ""
    if status != 0:
        raise SystemExit(f"factcheck failed on {path}:\n{err}")
    stages = {
        m.group(1): float(m.group(2)) for m in re.finditer(r"^timing (\S+) ([\d.]+)$", err, re.M)
    }
    report = json.loads(out.read_text("utf-8"))
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mib": max(usage.ru_maxrss, peak[0]) / 1024,
        "claims": len(report["claims"]),
        "findings": len(report["findings"]),
        "readings": sum(len(f.get("readings", ())) for f in report["findings"]),
        "limits": [x["limit"] for x in report.get("limits", [])],
        **{f"stage:{k}": v for k, v in stages.items()},
    }


def _sample_memory(root: int, peak: list[int]) -> None:
    """Peak memory of the process and its forked workers: the sum of their proportional
    set sizes (shared pages counted once), sampled every 0.2 s. The main process's
    maximum RSS alone misses what the workers hold."""
    while True:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    with open(f"/proc/{entry}/stat") as fh:
                        ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
                except (OSError, IndexError, ValueError):
                    continue
                children.setdefault(ppid, []).append(int(entry))
        total, stack, alive = 0, [root], False
        while stack:
            pid = stack.pop()
            stack.extend(children.get(pid, []))
            try:
                with open(f"/proc/{pid}/smaps_rollup") as fh:
                    total += sum(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
                alive = True
            except OSError:
                pass
        if not alive:
            return
        peak[0] = max(peak[0], total)
        time.sleep(0.2)


def floor(path: Path) -> float:
    """Read, split sentences and tokenize the same corpus in plain Python."""
    import blingfire

    word = re.compile(r"\w+(?:['.-]\w+)*")
    start = time.perf_counter()
    n = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            text = json.loads(line)["text"]
            for sentence in blingfire.text_to_sentences(text).split("\n"):
                n += len(word.findall(sentence))
    return time.perf_counter() - start


def sample_words(path: Path, articles: int) -> list[list[str]]:
    return claim_words(path, articles)[0]


def claim_words(path: Path, articles: int) -> tuple[list[list[str]], list[str]]:
    """Content words of every claim, and the story each claim belongs to."""
    from factcheck.claims.assemble import extract_all
    from factcheck.clusters.features import content_words
    from factcheck.sources import read_paths

    claims = extract_all(read_paths([str(path)]).sources[:articles])
    return [content_words(c) for c in claims], [c.source.split("-o")[0] for c in claims]


def sampled_recall(
    words: list[list[str]], stories: list[str], threshold: float, sample: int = 1000
) -> str:
    """Candidate recall on the whole corpus: exact matches of ``sample`` random claims
    against every claim (all pairs of 10,000 articles would take half an hour)."""
    import random

    import numpy as np
    from rapidfuzz import fuzz, process

    from factcheck.clusters.blocking import candidate_pairs
    from factcheck.config import Settings

    texts = [" ".join(w) for w in words]
    eligible = [i for i, w in enumerate(words) if len(w) >= 4]
    chosen = random.Random(0).sample(eligible, min(sample, len(eligible)))
    ok = np.zeros(len(words), dtype=bool)
    ok[eligible] = True
    matrix = process.cdist(
        [texts[i] for i in chosen],
        texts,
        scorer=fuzz.ratio,
        score_cutoff=threshold,
        dtype=np.uint8,
        workers=-1,
    )
    rows, cols = np.nonzero(matrix)
    exact = {
        (min(chosen[r], c), max(chosen[r], c))
        for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
        if chosen[r] != c and ok[c]
    }
    picked = set(chosen)
    cands = {
        (a, b) for a, b in candidate_pairs(words, Settings()).tolist() if a in picked or b in picked
    }
    same = {p for p in exact if stories[p[0]] == stories[p[1]]}
    found, found_same = len(exact & cands), len(same & cands)
    return (
        f"{found / max(len(exact), 1):.4f} of {len(exact):,} exact pairs of {len(chosen):,} "
        f"sampled claims; within one story {found_same / max(len(same), 1):.4f} of {len(same):,}"
    )


def all_pairs(words: list[list[str]], threshold: float) -> tuple[float, set[tuple[int, int]]]:
    import numpy as np
    from rapidfuzz import fuzz, process

    keep = [i for i, w in enumerate(words) if len(w) >= 4]
    texts = [" ".join(words[i]) for i in keep]
    start = time.perf_counter()
    matrix = process.cdist(
        texts, texts, scorer=fuzz.ratio, score_cutoff=threshold, dtype=np.uint8, workers=-1
    )
    elapsed = time.perf_counter() - start
    ii, jj = np.nonzero(np.triu(matrix, 1))
    return elapsed, {(keep[a], keep[b]) for a, b in zip(ii.tolist(), jj.tolist(), strict=True)}


def minhash(words: list[list[str]]) -> tuple[float, int]:
    from datasketch import MinHash, MinHashLSH

    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=64)
    hashes = []
    for i, ws in enumerate(words):
        m = MinHash(num_perm=64)
        for w in set(ws):
            m.update(w.encode("utf-8"))
        hashes.append(m)
        lsh.insert(str(i), m)
    pairs = sum(len(lsh.query(m)) - 1 for m in hashes) // 2
    return time.perf_counter() - start, pairs


REPEAT_UP_TO = 10_000  # articles: smaller corpora are checked --repeat times (default 3)


def main(argv: list[str]) -> None:
    from factcheck.clusters.blocking import candidate_pairs
    from factcheck.config import Settings

    sizes = [1000, 10000]
    if "--sizes" in argv:
        sizes = [int(s) for s in argv[argv.index("--sizes") + 1].split(",")]
    jobs = int(argv[argv.index("--jobs") + 1]) if "--jobs" in argv else None
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 3
    OUT.mkdir(exist_ok=True)
    settings = Settings()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, {platform.system()}"
    )
    profiles = argv[argv.index("--profiles") + 1].split(",") if "--profiles" in argv else ["bench"]
    wire_sizes = [1000]
    if "--wire-sizes" in argv:
        wire_sizes = [int(s) for s in argv[argv.index("--wire-sizes") + 1].split(",")]
    rows = []
    plan = [(p, n) for p in profiles for n in (wire_sizes if p == "wire" else sizes)]
    for profile, n in plan:
        path = corpus(n, profile)
        # A shared machine's speed drifts by a fifth from minute to minute: each run is
        # paired with a floor measured right after it, and the median run is shown.
        runs = []
        for _ in range(repeat if n <= REPEAT_UP_TO else 1):
            r = run_check(path, jobs)
            r["floor"] = floor(path)
            runs.append(r)
        runs.sort(key=lambda r: r["wall"])
        r = runs[len(runs) // 2]
        r["n"] = n
        if profile == "bench":
            rows.append(r)
        stages = ", ".join(f"{k[6:]} {v:.1f}s" for k, v in r.items() if k.startswith("stage:"))
        spread = (
            f" (of {len(runs)} runs: wall {runs[0]['wall']:.1f}-{runs[-1]['wall']:.1f} s, x"
            + "/x".join(f"{x['wall'] / x['floor']:.1f}" for x in runs)
            + ")"
            if len(runs) > 1
            else ""
        )
        label = "" if profile == "bench" else f"[{profile}] "
        print(
            f"{label}{n:>7} articles: wall {r['wall']:.1f} s, cpu {r['cpu']:.1f} s, peak "
            f"{r['rss_mib']:.0f} MiB, {n / r['wall']:.0f} articles/s, {r['claims']:,} claims, "
            f"{r['findings']:,} findings ({r['readings']:,} readings"
            f"{'; limits: ' + ', '.join(r['limits']) if r['limits'] else ''}); "
            f"floor {r['floor']:.1f} s "
            f"(x{r['wall'] / r['floor']:.1f}){spread}; stages: {stages}"
        )
    for a, b in itertools.pairwise(rows):
        k = math.log(b["n"] / a["n"])
        print(
            f"growth {a['n']}→{b['n']}: time exponent {math.log(b['wall'] / a['wall']) / k:.2f}, "
            f"memory exponent {math.log(b['rss_mib'] / a['rss_mib']) / k:.2f}"
        )
    if "--speed-only" in argv:
        return
    words = sample_words(corpus(1000), 1000)
    elapsed, exact = all_pairs(words, settings.link_threshold)
    cands = {tuple(p) for p in candidate_pairs(words, settings).tolist()}
    recall = len(exact & cands) / max(len(exact), 1)
    print(
        f"all-pairs rapidfuzz on 1,000 articles ({len(words):,} claims): {elapsed:.1f} s; "
        f"extrapolated to 10,000: {elapsed * 100 / 60:.0f} min, 100,000: "
        f"{elapsed * 10000 / 3600:.0f} h"
    )
    print(
        f"candidate recall against exact all-pairs (ratio >= {settings.link_threshold:g}): "
        f"{recall:.4f} ({len(exact):,} exact pairs, {len(cands):,} candidates)"
    )
    words_10k, stories_10k = claim_words(corpus(10000), 10000)  # read and split once for both
    if 10000 in sizes:
        print(
            "candidate recall at 10,000 articles (sampled claims against all claims): "
            + sampled_recall(words_10k, stories_10k, settings.link_threshold)
        )
    try:
        lsh_time, lsh_pairs = minhash(words_10k)
        print(
            f"MinHash LSH (datasketch, 64 permutations, Jaccard 0.5) at 10,000 articles: "
            f"{lsh_time:.1f} s for candidates alone ({lsh_pairs:,} pairs)"
        )
    except ImportError:
        print("MinHash LSH: datasketch is not installed (pip install -e '.[bench]')")


if __name__ == "__main__":
    main(sys.argv[1:])
