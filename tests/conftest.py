"""Shared pytest fixtures: repository paths and a helper that runs Snakemake."""

from __future__ import annotations

import os
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


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO
