"""Shared pytest fixtures: repository paths and a helper that runs Snakemake."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SNAKEMAKE = Path(sys.executable).with_name("snakemake")


def run_snakemake(
    *args: str, cwd: Path = REPO, timeout: int = 900, env_extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess:
    """Run the workflow's snakemake with ``args``; return the completed process (text output)."""
    env = dict(os.environ)
    env.update(env_extra or {})
    env.setdefault("MPLBACKEND", "Agg")
    return subprocess.run(
        [str(SNAKEMAKE), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )


def job_counts(text: str) -> dict[str, int]:
    """Parse the first "Job stats" table of a dry run into rule -> job count."""
    counts: dict[str, int] = {}
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Job stats"))
    for line in lines[start + 3 :]:
        parts = line.split()
        if len(parts) != 2 or not parts[1].isdigit():
            break
        counts[parts[0]] = int(parts[1])
    return counts


def make_checkout(dest: Path) -> Path:
    """Copy the working tree (tracked and untracked, not ignored: no results, .snakemake, .venv
    or .git) to ``dest``: a second checkout of this commit plus local edits. Run it with
    ``PYTHONPATH=<dest>/src`` so its own package is imported, not the installed one."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for rel in filter(None, (item.decode() for item in listed)):
        src = REPO / rel
        if src.is_file():  # a tracked file deleted in the working tree is not copied
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / rel)
    return dest


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


def edit_and_rehash(path: Path) -> str:
    """What an attacker who knows the format does: change one value of a dataset and store a
    content hash that matches the new data (the file then passes its own hash check)."""
    import netCDF4
    import xarray as xr

    from lightmatter.provenance import content_hash

    with netCDF4.Dataset(path, "a") as nc:
        name = next(
            v for v in nc.variables if getattr(nc[v].dtype, "kind", "") == "f" and nc[v].ndim >= 1
        )
        nc[name][0] = nc[name][0] * 1.01 + 1e-3
    with xr.open_dataset(path, engine="netcdf4") as ds:
        digest = content_hash(ds.load())
    with netCDF4.Dataset(path, "a") as nc:
        nc.setncattr("content_sha256", digest)
    return digest
