"""The unchanged workflow on a real (local, single-node) SLURM cluster.

Run with ``make cluster-test`` (the whole test configuration) or ``make cluster-smoke`` (one
study, as CI does after ``make test``): both bring the cluster up with tests/cluster/slurm_up.sh,
run this file with LIGHTMATTER_CLUSTER_TEST=1 (and LIGHTMATTER_CLUSTER_TARGET=<study> for the
smoke test), and tear the cluster down. Skipped otherwise.

Asserts that (a) jobs really went through sbatch (the cluster's job-completion records list
them), (b) every NetCDF output is byte-identical to a local run, (c) a job that fails on its
first attempt (test-only fault injection, LIGHTMATTER_TEST_FAIL_ONCE in
tests/faults/sitecustomize.py, outside the package) is retried by the profile and the workflow
completes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest

from ..conftest import REPO, run_snakemake

FAIL_ONCE_ENV = "LIGHTMATTER_TEST_FAIL_ONCE"
#: `make cluster-smoke` runs one study; `make cluster-test` the whole workflow ("all").
TARGET = os.environ.get("LIGHTMATTER_CLUSTER_TARGET", "all")
#: The sweep whose first attempt fails: one of the target study's.
VICTIM = {"all": "cl_superbunching/hbt"}.get(TARGET, f"{TARGET}/")

pytestmark = pytest.mark.skipif(
    os.environ.get("LIGHTMATTER_CLUSTER_TEST") != "1" or shutil.which("sbatch") is None,
    reason="cluster test: run `make cluster-test` (needs a SLURM cluster, see tests/cluster)",
)


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _jobcomp() -> list[str]:
    path = Path(os.environ.get("LM_SLURM_DIR", "/tmp/lightmatter-slurm")) / "log" / "jobcomp.txt"
    return path.read_text().splitlines() if path.exists() else []


def test_workflow_on_slurm_matches_local_and_retries(tmp_path):
    from lightmatter.sweep import sweeps_of

    victim = VICTIM
    if victim.endswith("/"):  # the smoke test: the study's first non-fan-out sweep
        victim += next(n for n, sw in sweeps_of(TARGET).items() if not sw.fan_out)
    markers = tmp_path / "markers"
    env = {
        FAIL_ONCE_ENV: f"{victim}:{markers}",
        "PYTHONPATH": f"{REPO / 'src'}:{REPO / 'tests' / 'faults'}",
    }
    local, cluster = tmp_path / "local", tmp_path / "slurm"
    common = (TARGET, "--configfile", "config/test.yaml")  # targets before list options
    proc = run_snakemake("-c2", *common, "--config", f"results={local}")
    assert proc.returncode == 0, proc.stderr[-3000:]

    before = len(_jobcomp())
    t0 = time.perf_counter()
    proc = run_snakemake(
        "--workflow-profile",
        "profiles/slurm",
        *common,
        "--slurm-status-command",
        "squeue",
        "--slurm-no-account",
        "--slurm-init-seconds-before-status-checks",
        "2",
        "--jobs",
        "8",
        "--config",
        f"results={cluster}",
        env_extra=env,
        timeout=1800,
    )
    wall = time.perf_counter() - t0
    (tmp_path / "slurm_stdout.log").write_text(proc.stdout + proc.stderr)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]

    # (c) the injected fault fired once and the job was retried to success
    tag = victim.replace("/", ".")
    assert (markers / f"{tag}.failed-once").exists(), "the injected fault never fired"
    assert (cluster / f"{victim}.nc").exists()

    # (a) the jobs went through sbatch: the cluster's completion records list them
    records = _jobcomp()[before:]
    states = [r.split("JobState=")[1].split()[0] for r in records if "JobState=" in r]
    assert states.count("COMPLETED") >= (10 if TARGET == "all" else 2), states
    assert "FAILED" in states, "the first attempt of the faulty job should be recorded as FAILED"

    # (b) byte-identical NetCDF to the local run
    files = sorted(p.relative_to(local) for p in local.rglob("*.nc"))
    assert files and files == sorted(p.relative_to(cluster) for p in cluster.rglob("*.nc"))
    differ = [str(f) for f in files if _sha(local / f) != _sha(cluster / f)]
    assert not differ, differ
    print(
        f"\nSLURM: {len(records)} jobs recorded ({states.count('COMPLETED')} completed, "
        f"{states.count('FAILED')} failed then retried); wall time {wall:.0f} s; "
        f"{len(files)} NetCDF files byte-identical to the local run"
    )
