"""Fixtures shared by the workflow tests: one end-to-end run of the test configuration.

``two_runs`` is session-scoped so that every module that needs a finished run (the end-to-end
checks, the audit and fault tests) shares the same two workflow runs instead of making its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lightmatter.config import load_config
from lightmatter.plotting import LAYOUT_CHECK_ENV

from ..conftest import REPO, run_snakemake


def _run(results: Path, cores: int, *targets: str) -> None:
    proc = run_snakemake(
        f"-c{cores}",
        *targets,  # before the options that take lists (--config)
        "--configfile",
        "config/test.yaml",
        "--config",
        f"results={results}",
        env_extra={LAYOUT_CHECK_ENV: "1"},  # a layout problem in any figure fails its job
    )
    assert proc.returncode == 0, proc.stderr[-4000:]


#: Figures drawn in the second run too (drawing all figures twice would double the suite's time;
#: the figure path, lightmatter.plotting.save_figure, is the same for every figure).
SECOND_RUN_STUDIES = ("auger_photoemission",)
#: Studies whose datasets the second run solves again on one core. Every job is single-threaded
#: whatever --cores is; what the core count changes is the order and grouping of jobs, which
#: these two studies (seeded Monte Carlo, stiff ODEs, 20+ sweeps) exercise like the others. Kept
#: to two so that `make test` stays within its budget; the checkout tests re-solve every dataset
#: in separate runs and compare them byte for byte too.
SECOND_RUN_DATASETS = ("cl_superbunching", "auger_photoemission")


def second_run_datasets(results: Path) -> list[Path]:
    """The dataset files of :data:`SECOND_RUN_DATASETS` under ``results``."""
    from lightmatter.sweep import sweeps_of

    return [
        results / study / f"{name}.nc"
        for study in SECOND_RUN_DATASETS
        for name in sorted(sweeps_of(study))
    ]


#: The CF compliance check of run a's NetCDF files, run in the background during run b.
CF_CHECK: dict[str, Any] = {}


@pytest.fixture(scope="session")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    """Run a: everything on two cores. Run b: the datasets of two studies and one study's
    figures on one core, into another results root.

    The IOOS compliance checker needs ~20 s of CPU for run a's files; it runs in a subprocess
    while run b (one core) executes, so on two cores it adds little wall time."""
    base = tmp_path_factory.mktemp("e2e")
    a, b = base / "a", base / "b"
    _run(a, 2)
    report = base / "cf.txt"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with open(report, "w") as out:
        CF_CHECK["proc"] = subprocess.Popen(
            [sys.executable, "-m", "lightmatter.cfcheck", str(a)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    CF_CHECK["report"] = report
    _run(b, 1, *map(str, second_run_datasets(b)), *SECOND_RUN_STUDIES)
    return a, b


@pytest.fixture()
def audited_copy(two_runs, tmp_path):
    """A private copy of run a (results root rewritten in the manifest) and its config."""
    import shutil

    a, _ = two_runs
    root = tmp_path / "results"
    shutil.copytree(a, root)
    manifest = root / "provenance" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(str(a), str(root)))
    cfg = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml"])
    cfg["results"] = str(root)
    return root, cfg
