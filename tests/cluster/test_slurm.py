"""The unchanged workflow on a real (local, single-node) SLURM cluster.

Run with ``make cluster-test`` (brings the cluster up with tests/cluster/slurm_up.sh, runs this
file with LIGHTMATTER_CLUSTER_TEST=1, tears the cluster down). Skipped otherwise.

Asserts that (a) jobs really went through sbatch (the cluster's job-completion records list
them), (b) every NetCDF output is byte-identical to a local run, (c) a job that fails on its
first attempt (test-only fault injection, LIGHTMATTER_TEST_FAIL_ONCE) is retried by the profile
and the workflow completes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pytest
import yaml

from lightmatter.jobs import FAIL_ONCE_ENV, study_module
from lightmatter.sweeps import case_params

from ..conftest import REPO, run_snakemake

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
    cfg = yaml.safe_load((REPO / "config" / "test.yaml").read_text())
    sweep = study_module("cl_superbunching").SWEEPS["hbt"]
    victim = sorted(case_params(sweep, cfg["cl_superbunching"], cfg["seed"]))[0]
    markers = tmp_path / "markers"

    local, cluster = tmp_path / "local", tmp_path / "slurm"
    proc = run_snakemake("-c2", "--configfile", "config/test.yaml", "--config", f"results={local}")
    assert proc.returncode == 0, proc.stderr[-3000:]

    before = len(_jobcomp())
    t0 = time.perf_counter()
    proc = run_snakemake(
        "--workflow-profile",
        "profiles/slurm",
        "--configfile",
        "config/test.yaml",
        "--slurm-status-command",
        "squeue",
        "--slurm-no-account",
        "--slurm-init-seconds-before-status-checks",
        "2",
        "--jobs",
        "8",
        "--config",
        f"results={cluster}",
        env_extra={FAIL_ONCE_ENV: f"{victim}:{markers}"},
        timeout=1800,
    )
    wall = time.perf_counter() - t0
    (tmp_path / "slurm_stdout.log").write_text(proc.stdout + proc.stderr)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-4000:]

    # (c) the injected fault fired once and the job was retried to success
    assert (markers / f"{victim}.failed-once").exists(), "the injected fault never fired"
    out = cluster / "cl_superbunching" / "cases" / "hbt" / f"{victim}.nc"
    assert out.exists()

    # (a) the jobs went through sbatch: the cluster's completion records list them
    records = _jobcomp()[before:]
    states = [r.split("JobState=")[1].split()[0] for r in records if "JobState=" in r]
    assert states.count("COMPLETED") >= 10, states
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
