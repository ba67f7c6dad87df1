"""Workflow overhead against a named peer: this tree vs another git revision, side by side.

For each tree (this working tree, and ``--peer REV`` checked out into a temporary folder), with
the same configuration file name (each tree's own ``config/test.yaml`` or ``config/config.yaml``,
which hold the same values):

* dry run: wall time (best of 3) and peak memory (``/usr/bin/time``), the cost every dry run,
  cluster job step and test pays to parse the Snakefile;
* full run from scratch: wall time, the number of jobs, and the solver time logged by the jobs
  (``solve time <s> s``); the overhead ratio is wall / (solver time / cores) — 1 would be a
  workflow with no overhead on perfectly balanced cores.

    python benchmarks/workflow.py [--configfile config/test.yaml] [--peer eabca3b] [--cores 2]

Targets (docs/design.md, "Light"; issue of pipeline core v2): ratio <= 1.5 for the test
configuration and <= 1.3 at paper resolution; dry run <= 1.5 s and <= 150 MB.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAKEMAKE = Path(sys.executable).with_name("snakemake")


def _env(tree: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(tree / "src"), MPLBACKEND="Agg")


def _cmd(configfile: str, results: Path, cores: int, *extra: str) -> list[str]:
    return [
        str(SNAKEMAKE),
        f"-c{cores}",
        "--configfile",
        configfile,
        "--config",
        f"results={results}",
        *extra,
    ]


def dry_run(tree: Path, configfile: str, results: Path) -> tuple[float, float]:
    """Best wall time (s) of three dry runs and the peak memory (MB) of the last one."""
    best, peak = float("inf"), 0.0
    for _ in range(3):
        cmd = ["/usr/bin/time", "-f", "%M", *_cmd(configfile, results, 1, "-n", "--quiet")]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=tree, env=_env(tree), capture_output=True, text=True)
        best = min(best, time.perf_counter() - t0)
        if proc.returncode != 0:
            raise SystemExit(f"dry run failed in {tree}:\n{proc.stderr[-3000:]}")
        peak = int(proc.stderr.strip().splitlines()[-1]) / 1024.0
    return best, peak


def full_run(tree: Path, configfile: str, results: Path, cores: int) -> dict[str, float]:
    """Wall time of a run from scratch, its job count and the solver time its logs record."""
    t0 = time.perf_counter()
    proc = subprocess.run(
        _cmd(configfile, results, cores), cwd=tree, env=_env(tree), capture_output=True, text=True
    )
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"workflow failed in {tree}:\n{proc.stderr[-4000:]}")
    solver = 0.0
    for log in (results / "logs").rglob("*.log"):
        m = re.search(r"solve time ([0-9.]+) s", log.read_text(errors="replace"))
        if m:
            solver += float(m.group(1))
    jobs = re.search(r"(\d+) of \d+ steps \(100%\) done", proc.stdout + proc.stderr)
    return {"wall": wall, "solver": solver, "jobs": float(jobs.group(1)) if jobs else float("nan")}


def checkout(rev: str, dest: Path) -> Path:
    """The tree of ``rev`` (a commit of this repository) under ``dest``."""
    dest.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", rev], cwd=REPO, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(dest)], input=archive.stdout, check=True)
    return dest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--configfile", default="config/test.yaml")
    ap.add_argument("--peer", default=None, help="git revision to compare with (e.g. eabca3b)")
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--keep", default=None, help="keep the results trees under this folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lightmatter-bench-") as scratch:
        tmp = args.keep or scratch
        trees = {"this tree": REPO}
        if args.peer:
            trees[f"peer {args.peer}"] = checkout(args.peer, Path(scratch) / "peer")
        rows = {}
        for name, tree in trees.items():
            results = Path(tmp) / name.replace(" ", "-") / "results"
            dry = dry_run(tree, args.configfile, results)
            full = full_run(tree, args.configfile, results, args.cores)
            rows[name] = (dry, full)
    print(f"workflow benchmark: {args.configfile} on {args.cores} cores")
    head = ("dry s", "dry MB", "jobs", "wall s", "solver s", "ratio")
    print(" " * 16 + "".join(f" {h:>8}" for h in head))
    for name, ((dwall, dmem), full) in rows.items():
        ratio = full["wall"] / (full["solver"] / args.cores) if full["solver"] else float("nan")
        print(
            f"{name:<16} {dwall:8.2f} {dmem:8.0f} {full['jobs']:8.0f} {full['wall']:8.1f} "
            f"{full['solver']:8.1f} {ratio:8.2f}"
        )


if __name__ == "__main__":
    main()
