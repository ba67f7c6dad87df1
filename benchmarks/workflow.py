"""Wall time of the whole workflow at paper resolution and of a no-op rerun.

Runs ``snakemake -c<cores>`` with ``config/config.yaml`` into a fresh results root, times it,
then times a second invocation that has nothing to do, and prints the ratio (the peer of a
rerun is the full run). Solver times per case are read back from the solver logs.

    python benchmarks/workflow.py [--cores 2] [--configfile config/config.yaml]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SNAKEMAKE = Path(sys.executable).with_name("snakemake")


def run(results: Path, cores: int, configfile: str) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(
        [
            str(SNAKEMAKE),
            f"-c{cores}",
            "--configfile",
            configfile,
            "--config",
            f"results={results}",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
        raise SystemExit(f"workflow failed (exit {proc.returncode})")
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cores", type=int, default=2)
    ap.add_argument("--configfile", default="config/config.yaml")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lightmatter-bench-") as tmp:
        results = Path(tmp) / "results"
        full = run(results, args.cores, args.configfile)
        noop = run(results, args.cores, args.configfile)
        solve = {}
        for log in (results / "logs").rglob("cases/*/*.log"):
            m = re.search(r"solve time ([0-9.]+) s", log.read_text())
            if m:
                solve.setdefault(log.parent.name, []).append(float(m.group(1)))
    print(f"workflow ({args.configfile}) on {args.cores} cores")
    print(f"  full run from scratch : {full:8.1f} s")
    print(f"  no-op rerun           : {noop:8.1f} s   (ratio full/no-op {full / noop:.0f}x)")
    print("  solver time per sweep (sum over cases, max case):")
    for sweep in sorted(solve):
        times = solve[sweep]
        print(f"    {sweep:<20s} {sum(times):8.2f} s  {max(times):8.2f} s  ({len(times)} cases)")


if __name__ == "__main__":
    main()
