"""docs/adding-a-study.md works: its blocks, applied in order to a fresh checkout, plug in a
new study that the unchanged workflow solves, draws, validates and audits.

The test does only what the page says: each ``File: `path` `` block is written to that path,
each ``Add to the end of `path` `` block is appended, and the schema block is inserted under
the top-level ``properties:`` of config/schema.yaml, indented by two spaces.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xarray as xr

from ..conftest import job_counts, make_checkout, run_snakemake

pytestmark = pytest.mark.workflow

BLOCK = re.compile(
    r"^(File: `(?P<file>[^`]+)`|Add to the end of `(?P<append>[^`]+)`:|"
    r"Add under the top-level `properties:` of `(?P<schema>[^`]+)`[^\n]*)\n"
    r"```[a-z]*\n(?P<body>.*?)^```",
    re.S | re.M,
)


def apply_walkthrough(root: Path) -> list[str]:
    """Apply every block of docs/adding-a-study.md to the checkout ``root``; return the paths."""
    text = (root / "docs" / "adding-a-study.md").read_text()
    touched = []
    for m in BLOCK.finditer(text):
        body = m["body"]
        if m["file"]:
            path = root / m["file"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(body)
        elif m["append"]:
            path = root / m["append"]
            path.write_text(path.read_text() + body)
        else:
            path = root / m["schema"]
            lines = path.read_text().splitlines(keepends=True)
            at = lines.index("properties:\n") + 1
            indented = "".join(
                f"  {line}" if line.strip() else line for line in body.splitlines(True)
            )
            path.write_text("".join(lines[:at]) + indented + "".join(lines[at:]))
        touched.append(str(path.relative_to(root)))
    return touched


@pytest.fixture(scope="module")
def toy_checkout(tmp_path_factory) -> Path:
    root = make_checkout(tmp_path_factory.mktemp("add-a-study") / "repo")
    touched = apply_walkthrough(root)
    assert len(touched) == 10, touched
    return root


def _run(root: Path, *args: str):
    return run_snakemake(*args, cwd=root, env_extra={"PYTHONPATH": str(root / "src")})


def test_the_new_study_is_planned_solved_and_drawn(toy_checkout):
    root = toy_checkout
    plan = _run(root, "-n", "-c1", "toy")
    assert plan.returncode == 0, plan.stderr[-3000:]
    counts = job_counts(plan.stdout)
    assert counts.get("solve_sweep") == 1 and counts.get("toy_figure_decay") == 1, counts
    run = _run(root, "-c1", "toy")
    assert run.returncode == 0, run.stderr[-3000:]
    png = root / "results" / "toy" / "figures" / "decay.png"
    assert png.stat().st_size > 5000
    with xr.open_dataset(root / "results" / "toy" / "decay.nc") as ds:
        assert ds.attrs["references"] == "doi:10.0000/toy"
        assert ds.population.attrs["units"] == "1"
        # the physics of the example: p(1/rate) = 1/e for each rate
        for rate in ds.rate.values:
            p = ds.population.sel(rate=rate).interp(t=1.0 / rate)
            assert abs(float(p) - 0.36787944) < 2e-3


def test_the_new_study_validates_its_config(toy_checkout, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("toy:\n  decay:\n    t_max: 0.1\n")
    proc = _run(toy_checkout, "-n", "-c1", "toy", "--configfile", str(bad))
    assert proc.returncode != 0
    assert "toy.decay.t_max = 0.1" in proc.stderr + proc.stdout
