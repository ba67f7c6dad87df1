"""End to end: the test configuration runs, is deterministic and is audit-ready.

The workflow runs twice from scratch into separate results roots, once on one core and once on
two; every NetCDF file and every PNG must be byte-identical (ARCHITECTURE.md, "Deterministic"),
every NetCDF file must carry the provenance attributes and a content hash that matches its data,
and the manifest must list every output. A third invocation must have nothing to do.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
import xarray as xr

from lightmatter import registry
from lightmatter.jobs import study_module
from lightmatter.provenance import REQUIRED_GLOBAL_ATTRS, verify_netcdf

from ..conftest import REPO, job_counts, run_snakemake

pytestmark = pytest.mark.workflow


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _run(results: Path, cores: int) -> None:
    proc = run_snakemake(
        f"-c{cores}", "--configfile", "config/test.yaml", "--config", f"results={results}"
    )
    assert proc.returncode == 0, proc.stderr[-4000:]


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("e2e")
    a, b = base / "a", base / "b"
    _run(a, 1)
    _run(b, 2)
    return a, b


def test_every_registered_figure_is_produced(two_runs):
    a, _ = two_runs
    for fig in registry.figures():
        for out in fig.outputs(str(a)):
            p = Path(out)
            assert p.exists() and p.stat().st_size > 1000, out


def test_netcdf_and_png_byte_identical_across_runs_and_cores(two_runs):
    a, b = two_runs
    files = sorted(p.relative_to(a) for p in a.rglob("*") if p.suffix in {".nc", ".png"})
    assert len([f for f in files if f.suffix == ".nc"]) >= 20
    assert len([f for f in files if f.suffix == ".png"]) == len(registry.figures())
    mismatched = [str(f) for f in files if _sha(a / f) != _sha(b / f)]
    assert not mismatched, f"non-deterministic outputs: {mismatched}"
    pdfs = sorted(p.relative_to(a) for p in a.rglob("*.pdf"))
    assert all(_sha(a / f) == _sha(b / f) for f in pdfs), "PDF metadata is not deterministic"


def test_netcdf_provenance_attributes(two_runs):
    a, _ = two_runs
    for path in sorted(a.rglob("*.nc")):
        ok, stored, recomputed = verify_netcdf(path)
        assert ok, f"{path}: stored {stored} != recomputed {recomputed}"
        with xr.open_dataset(path) as ds:
            for attr in REQUIRED_GLOBAL_ATTRS:
                assert ds.attrs.get(attr), f"{path}: missing {attr}"
            study = ds.attrs["study"]
            assert path.is_relative_to(a / study)
            assert ds.attrs["references"] == study_module(study).REFERENCES
            json.loads(ds.attrs["params"])
            for name, var in ds.variables.items():
                assert var.attrs.get("units") and var.attrs.get("long_name"), (path, name)


def test_manifest_lists_every_output(two_runs):
    a, _ = two_runs
    manifest = json.loads((a / "provenance" / "manifest.json").read_text())
    outputs = manifest["outputs"]
    on_disk = {
        str(p)
        for p in a.rglob("*")
        if p.suffix in {".nc", ".csv", ".pdf", ".png"} and "benchmarks" not in p.parts
    }
    assert on_disk == set(outputs)
    for path, info in outputs.items():
        assert info["sha256"] == _sha(Path(path))
        for inp in info["inputs"]:
            assert inp in outputs, f"{path}: input {inp} not in manifest"
        if path.endswith(".nc"):
            assert len(info["content_sha256"]) == 64 and info["code_fingerprint"]


def test_params_tables_match_case_files(two_runs):
    a, _ = two_runs
    tables = sorted(a.glob("*/params/*.csv"))
    assert {t.parts[-3] for t in tables} == set(registry.studies())
    for table in tables:
        ids = {line.split(",")[0] for line in table.read_text().splitlines()[1:]}
        files = {p.stem for p in (table.parents[1] / "cases" / table.stem).glob("*.nc")}
        assert ids == files, table


def test_every_solver_log_records_time_and_peak_memory(two_runs):
    """Cached rules cannot carry ``benchmark:``: each solver logs its wall time and peak memory.
    A Python process with NumPy and xarray loaded holds tens of MiB, so a plausible peak is
    between 30 MiB and the rule's own mem_mb request."""
    import re

    a, _ = two_runs
    cases = sorted(a.glob("*/cases/*/*.nc"))
    pattern = re.compile(r"solve time ([0-9.]+) s; peak memory ([0-9]+) MiB")
    for case in cases:
        log = a / "logs" / case.relative_to(a).with_suffix(".log")
        found = pattern.search(log.read_text())
        assert found, log
        seconds, mib = float(found[1]), int(found[2])
        sweep = study_module(case.parts[-4]).SWEEPS[case.parts[-2]]
        assert seconds >= 0 and 30 <= mib <= sweep.mem_mb, (log, seconds, mib)


def test_rerun_is_a_no_op(two_runs):
    a, _ = two_runs
    proc = run_snakemake(
        "-c1", "--configfile", "config/test.yaml", "--config", f"results={a}", "-n"
    )
    assert proc.returncode == 0
    assert "Nothing to be done" in proc.stdout + proc.stderr, proc.stdout[-2000:]


def test_report_builds(two_runs, tmp_path):
    a, _ = two_runs
    report = tmp_path / "report.html"
    proc = run_snakemake(
        "--configfile", "config/test.yaml", "--config", f"results={a}", "--report", str(report)
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    text = report.read_text(errors="replace")
    assert report.stat().st_size > 100_000
    assert "Yuge" in text or "PRB 107" in text


def test_editing_one_sweeps_physics_reruns_exactly_its_cases(two_runs, tmp_path):
    """The code fingerprint in params: editing model3.py reruns the Model 3 cases and nothing
    else upstream (a dry run against a copy of the package with one comment added)."""
    import shutil

    a, _ = two_runs
    src = tmp_path / "src"
    shutil.copytree(REPO / "src", src)
    target = src / "lightmatter" / "cl_superbunching" / "model3.py"
    target.write_text(target.read_text() + "\n# an edit\n")
    proc = run_snakemake(
        "-c1",
        "--configfile",
        "config/test.yaml",
        "--config",
        f"results={a}",
        "-n",
        env_extra={"PYTHONPATH": str(src)},
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts = job_counts(proc.stdout)
    n_model3_cases = len(list((a / "cl_superbunching" / "cases" / "model3_fit").glob("*.nc")))
    assert counts.get("solve_case") == n_model3_cases, counts
    assert counts.get("aggregate_sweep") == 1, counts
    assert counts.get("cl_superbunching_figure_figS6") == 1, counts
    assert "cl_superbunching_figure_fig1" not in counts, counts


def test_changing_one_parameter_reruns_exactly_its_case(two_runs, tmp_path):
    """A config edit touching one case reruns that case (and what is built from it) only."""
    import yaml

    a, _ = two_runs
    cfg = yaml.safe_load((REPO / "config" / "test.yaml").read_text())
    cfg["cl_superbunching"]["hbt"]["n_photons"] += 1000
    cfile = tmp_path / "edited.yaml"
    cfile.write_text(yaml.safe_dump(cfg))
    proc = run_snakemake("-c1", "--configfile", str(cfile), "--config", f"results={a}", "-n")
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts = job_counts(proc.stdout)
    assert counts.get("solve_case") == 1, counts
    assert counts.get("parameter_table") == 1, counts
    assert counts.get("aggregate_sweep") == 1, counts
    assert counts.get("cl_superbunching_figure_hbt_virtual") == 1, counts
    assert set(counts) <= {
        "solve_case",
        "parameter_table",
        "aggregate_sweep",
        "cl_superbunching_figure_hbt_virtual",
        "provenance_manifest",
        "all",
        "total",
    }, counts


# ---------------------------------------------------------------- provenance audit
def _audit(results: Path, config: dict) -> AuditResult:  # noqa: F821
    from lightmatter.audit import audit

    return audit(results, config)


@pytest.fixture()
def audited_copy(two_runs, tmp_path):
    """A private copy of run a (results root rewritten in the manifest) and its config."""
    import shutil

    import yaml

    a, _ = two_runs
    root = tmp_path / "results"
    shutil.copytree(a, root)
    manifest = root / "provenance" / "manifest.json"
    manifest.write_text(manifest.read_text().replace(str(a), str(root)))
    cfg = yaml.safe_load((REPO / "config" / "test.yaml").read_text())
    cfg["results"] = str(root)
    return root, cfg


def test_audit_passes_on_an_untouched_run(audited_copy):
    root, cfg = audited_copy
    res = _audit(root, cfg)
    assert res.ok, res.problems[:5]
    assert len(res.lineage) == len(registry.figures())
    assert all(r["status"] == "ok" and r["cases"] >= 1 for r in res.lineage)


def _first(root: Path, pattern: str) -> Path:
    return sorted(root.glob(pattern))[0]


def test_audit_catches_an_edited_case_file(audited_copy):
    import netCDF4

    root, cfg = audited_copy
    victim = _first(root, "cl_superbunching/cases/g2_delay/*.nc")
    with netCDF4.Dataset(victim, "a") as nc:
        nc["g2_exact"][..., 3] = nc["g2_exact"][..., 3] * 1.001
    res = _audit(root, cfg)
    assert any(p == str(victim) for p, _ in res.problems), res.problems
    assert any(r["status"] == "BROKEN" and r["figure"].endswith("fig2") for r in res.lineage)


def test_audit_catches_an_edited_aggregate(audited_copy):
    import netCDF4

    root, cfg = audited_copy
    victim = root / "auger_photoemission" / "pump_curves.nc"
    with netCDF4.Dataset(victim, "a") as nc:
        nc.setncattr("history", "edited by hand")  # volatile attribute: only the SHA catches it
    res = _audit(root, cfg)
    assert [m for p, m in res.problems if p == str(victim)], res.problems


def test_audit_catches_an_edited_figure(audited_copy):
    root, cfg = audited_copy
    victim = root / "perovskite_emission" / "figures" / "sr_burst.png"
    victim.write_bytes(victim.read_bytes() + b"\0")
    res = _audit(root, cfg)
    assert any(p == str(victim) for p, _ in res.problems), res.problems


def test_audit_catches_a_deleted_file(audited_copy):
    root, cfg = audited_copy
    victim = _first(root, "cl_superbunching/cases/hbt/*.nc")
    victim.unlink()
    res = _audit(root, cfg)
    assert any(p == str(victim) and "missing" in m for p, m in res.problems), res.problems


def test_audit_catches_a_changed_config(audited_copy):
    root, cfg = audited_copy
    cfg["auger_photoemission"]["model"]["gamma_A"] *= 2
    res = _audit(root, cfg)
    flagged = {p for p, _ in res.problems}
    assert any("auger_photoemission/cases/pump_ode" in p for p in flagged), res.problems
    assert not any("cl_superbunching" in p for p in flagged), "other studies are unaffected"


def test_audit_cli_exit_codes(audited_copy, tmp_path):
    import subprocess
    import sys

    import yaml

    root, cfg = audited_copy
    cfile = tmp_path / "cfg.yaml"
    cfile.write_text(yaml.safe_dump(cfg))
    cmd = [sys.executable, "-m", "lightmatter.audit", "--configfile", str(cfile), "--quiet"]
    ok = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert ok.returncode == 0, ok.stderr[-2000:]
    (root / "provenance" / "manifest.json").write_text(
        (root / "provenance" / "manifest.json")
        .read_text()
        .replace('"sha256": "', '"sha256": "0', 1)
    )
    bad = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert bad.returncode == 1 and "BROKEN" in bad.stderr
