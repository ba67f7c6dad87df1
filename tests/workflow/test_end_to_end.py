"""End to end: the test configuration runs, is deterministic and is audit-ready.

The workflow runs twice from scratch into separate results roots, once on one core and once on
two, with the layout check of every figure turned on (lightmatter.plotting.layout_problems: no
colliding text, no text off the canvas, no legend over a curve; a problem fails the figure's job);
every NetCDF file and every PNG must be byte-identical (docs/design.md, "Deterministic"),
every NetCDF file must carry the provenance attributes and a content hash that matches its data,
and the manifest must list every output. A third invocation must have nothing to do.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import xarray as xr
import yaml

from lightmatter import claims, registry
from lightmatter.config import load_config
from lightmatter.dataset import read_point_table
from lightmatter.fingerprint import import_closure
from lightmatter.provenance import REQUIRED_GLOBAL_ATTRS, verify_netcdf
from lightmatter.report import check_report_html
from lightmatter.sweep import sweeps_of

from ..conftest import REPO, job_counts, run_snakemake
from .conftest import CF_CHECK, SECOND_RUN_STUDIES, second_run_datasets

pytestmark = pytest.mark.workflow


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_every_netcdf_passes_the_cf_checker(two_runs):
    """compliance-checker cf:1.11 (normal criteria) over every NetCDF file of run a (sweep
    datasets and fan-out point files): no high-priority failure."""
    a, _ = two_runs
    proc = CF_CHECK["proc"]
    proc.wait(timeout=600)
    text = CF_CHECK["report"].read_text()
    n = len(list(a.rglob("*.nc")))
    assert f"{n} NetCDF files checked against CF-1.11: 0 with high-priority failures" in text, text[
        -4000:
    ]
    assert proc.returncode == 0, text[-4000:]


def test_every_registered_figure_is_produced(two_runs):
    a, _ = two_runs
    for fig in registry.figures():
        for out in fig.outputs(str(a)):
            p = Path(out)
            assert p.exists() and p.stat().st_size > 1000, out


def test_netcdf_and_png_byte_identical_across_runs_and_cores(two_runs):
    a, b = two_runs
    nc = sorted(p.relative_to(b) for p in b.rglob("*.nc"))
    assert nc == sorted(p.relative_to(b) for p in second_run_datasets(b)) and len(nc) >= 20
    figures = sorted(p.relative_to(b) for p in b.rglob("*") if p.suffix in {".png", ".pdf"})
    n_second = sum(len(registry.figures(study=s)) for s in SECOND_RUN_STUDIES)
    assert len(figures) == 2 * n_second
    mismatched = [str(f) for f in [*nc, *figures] if _sha(a / f) != _sha(b / f)]
    assert not mismatched, f"non-deterministic outputs: {mismatched}"


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
            params = json.loads(ds.attrs["params"])
            if study == "claims":
                assert params["ledger_sha256"] == claims.ledger_sha256()
            else:
                assert ds.attrs["references"] == registry.paper(study)[1]
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
    } | set(claims.claims_outputs(str(a)).values())
    assert on_disk == set(outputs)
    for path, info in outputs.items():
        assert info["sha256"] == _sha(Path(path))
        for inp in info["inputs"]:
            assert inp in outputs, f"{path}: input {inp} not in manifest"
        if path.endswith(".nc"):
            assert len(info["content_sha256"]) == 64 and info["code_fingerprint"]


def test_claims_statuses_at_test_resolution(two_runs):
    """The regression guard at test resolution: every claim of the ledger, evaluated by the
    workflow's claims rule on this run's datasets, has the status the ledger expects for the
    test configuration (``test_status``, default ``status``). A physics change that moves a
    claim across its tolerance fails here until the ledger is updated."""
    a, _ = two_runs
    rows = claims.read_table(a / "claims" / "claims.csv")
    problems = claims.check_statuses(rows, claims.load_ledger(), "test")
    assert not problems, "\n".join(problems)
    with xr.open_dataset(a / "claims" / "claims.nc") as ds:
        assert [str(s) for s in ds["status"].values] == [r["status"] for r in rows]
    assert Path(claims.claims_outputs(str(a))["rst"]).read_text() == claims.render_rst(rows)


def test_parameter_tables_match_the_datasets(two_runs):
    """Each sweep's table lists exactly the points whose ids its dataset carries."""
    a, _ = two_runs
    tables = sorted(a.glob("*/*.params.csv"))
    assert {t.parent.name for t in tables} == set(registry.studies())
    n_sweeps = sum(len(sweeps_of(st)) for st in registry.studies())
    assert len(tables) == n_sweeps
    for table in tables:
        pts = read_point_table(table)
        with xr.open_dataset(table.with_name(table.name.replace(".params.csv", ".nc"))) as ds:
            ids = sorted(map(str, np.asarray(ds.point_id.values).ravel()))
            assert json.loads(ds.attrs["params"])["points"] == pts, table
        assert ids == sorted(str(r.split(",")[0]) for r in table.read_text().splitlines()[1:]), (
            table
        )


def test_every_solver_log_records_progress_time_and_peak_memory(two_runs):
    """Cached rules cannot carry ``benchmark:``: each solver job logs every point it solved,
    then its wall time and peak memory. A Python process with NumPy and xarray loaded holds
    tens of MiB, so a plausible peak is between 30 MiB and the rule's own mem_mb request."""
    import re

    a, _ = two_runs
    pattern = re.compile(r"solve time ([0-9.]+) s; peak memory ([0-9]+) MiB")
    n_logs = 0
    for study in registry.studies():
        for name, sw in sweeps_of(study).items():
            logs = (
                sorted((a / "logs" / study / "points" / name).glob("*.log"))
                if sw.fan_out
                else [a / "logs" / study / f"{name}.log"]
            )
            assert logs, (study, name)
            for log in logs:
                text = log.read_text()
                found = pattern.search(text)
                assert found, log
                seconds, mib = float(found[1]), int(found[2])
                assert seconds >= 0 and 30 <= mib <= sw.resources["mem_mb"], (log, seconds, mib)
                assert re.search(r"point 1/[0-9]+ [0-9a-f]{12} solved", text), log
                n_logs += 1
    assert n_logs >= sum(len(sweeps_of(st)) for st in registry.studies())


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
    output = proc.stdout + proc.stderr
    for bad in ("ERROR/", "WARNING/", "SEVERE/", "Unknown LaTeX command", "Unknown command"):
        assert bad not in output, output[-3000:]
    assert check_report_html(report) == []
    text = report.read_text(errors="replace")
    assert report.stat().st_size > 100_000
    assert "Yuge" in text or "PRB 107" in text
    # the landing page: the overview (papers, figure table, how to regenerate), every figure
    for needle in ("lightmatter report", "How to regenerate", "<math", "app.setView"):
        assert needle in text, needle
    for fig in registry.figures():
        assert f"{fig.study}/{fig.id}" in text


def _dry_run_with_edited_package(a: Path, tmp_path: Path, edits: dict[str, tuple[str, str]]):
    """Dry run against a copy of the package with ``{relative path: (old, new)}`` applied."""
    import shutil

    src = tmp_path / "src"
    shutil.copytree(REPO / "src", src)
    for rel, (old, new) in edits.items():
        target = src / "lightmatter" / rel
        text = target.read_text()
        assert old in text, (rel, old)
        target.write_text(text.replace(old, new, 1))
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
    return proc.stdout + proc.stderr


def test_comments_docstrings_and_resources_rerun_nothing(two_runs, tmp_path):
    a, _ = two_runs
    out = _dry_run_with_edited_package(
        a,
        tmp_path,
        {
            "cl_superbunching/model3.py": ("from __future__", "# a comment\nfrom __future__"),
            "cl_superbunching/model1.py": ('"""', '"""Reworded. '),
            "cl_superbunching/sweeps/hbt.py": ('"mem_mb": ', '"mem_mb": 1 + '),
            "dataset.py": ("def combine(", "# a note\ndef combine("),
        },
    )
    assert "Nothing to be done" in out, out[-3000:]


def test_a_physics_edit_reruns_exactly_the_sweeps_that_import_it(two_runs, tmp_path):
    """A constant changed in model3.py: the sweeps whose import closure holds model3 rerun
    (their fingerprints, so their cache keys, change), every other sweep stays."""
    a, _ = two_runs
    out = _dry_run_with_edited_package(
        a,
        tmp_path,
        {"cl_superbunching/model3.py": ("import numpy as np", "import numpy as np\n_X = 1")},
    )
    counts = job_counts(out)
    users = [
        name
        for study in registry.studies()
        for name, sw in sweeps_of(study).items()
        if "lightmatter.cl_superbunching.model3" in import_closure([sw.module.__name__])
    ]
    assert 1 <= len(users) < len(sweeps_of("cl_superbunching")), users
    assert counts.get("solve_sweep") == len(users), (counts, users)
    assert "cl_superbunching_figure_fig1" not in counts, counts


def test_changing_one_parameter_reruns_exactly_its_sweep(two_runs, tmp_path):
    """A config edit touching one sweep reruns that sweep (and what is built from it) only."""
    a, _ = two_runs
    cfg = load_config([REPO / "config" / "test.yaml"])
    cfg["cl_superbunching"]["hbt"]["n_photons"] += 1000
    cfile = tmp_path / "edited.yaml"
    cfile.write_text(yaml.safe_dump(cfg))
    proc = run_snakemake("-c1", "--configfile", str(cfile), "--config", f"results={a}", "-n")
    assert proc.returncode == 0, proc.stderr[-3000:]
    counts = job_counts(proc.stdout)
    assert counts.get("solve_sweep") == 1, counts
    assert set(counts) == {
        "solve_sweep",
        "cl_superbunching_figure_hbt_virtual",
        "provenance_manifest",
        "all",
        "total",
    }, counts


# ---------------------------------------------------------------- provenance audit
def _audit(results: Path, config: dict) -> AuditResult:  # noqa: F821
    from lightmatter.audit import audit

    return audit(results, config)


def test_audit_passes_on_an_untouched_run(audited_copy):
    root, cfg = audited_copy
    res = _audit(root, cfg)
    assert res.ok, res.problems[:5]
    assert len(res.lineage) == len(registry.figures())
    assert all(r["status"] == "ok" and r["datasets"] >= 1 for r in res.lineage)


def _first(root: Path, pattern: str) -> Path:
    return sorted(root.glob(pattern))[0]


def test_audit_catches_an_edited_dataset(audited_copy):
    import netCDF4

    root, cfg = audited_copy
    victim = root / "cl_superbunching" / "g2_delay.nc"
    with netCDF4.Dataset(victim, "a") as nc:
        nc["g2_exact"][..., 3] = nc["g2_exact"][..., 3] * 1.001
    res = _audit(root, cfg)
    assert any(p == str(victim) for p, _ in res.problems), res.problems
    assert any(r["status"] == "BROKEN" and r["figure"].endswith("fig2") for r in res.lineage)


def test_audit_catches_an_edited_point_file(audited_copy):
    import netCDF4

    root, cfg = audited_copy
    victim = _first(root, "ledd_ttm/points/boltzmann/*.nc")
    with netCDF4.Dataset(victim, "a") as nc:
        name = next(
            v
            for v in nc.variables
            if isinstance(nc[v].dtype, np.dtype) and nc[v].dtype.kind == "f" and nc[v].ndim >= 1
        )
        nc[name][0] = nc[name][0] * 1.001 + 1e-3
    res = _audit(root, cfg)
    assert any(p == str(victim) for p, _ in res.problems), res.problems


def test_audit_catches_a_figure_deleted_with_its_manifest_entries(audited_copy):
    """What must exist comes from config + registry, not from the manifest."""
    root, cfg = audited_copy
    manifest = root / "provenance" / "manifest.json"
    data = json.loads(manifest.read_text())
    for ext in ("pdf", "png"):
        victim = root / "cl_superbunching" / "figures" / f"fig1.{ext}"
        victim.unlink()
        del data["outputs"][str(victim)]
    manifest.write_text(json.dumps(data))
    res = _audit(root, cfg)
    assert not res.ok
    assert any(p.endswith("fig1.png") and "not in the manifest" in m for p, m in res.problems)


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
    victim = root / "cl_superbunching" / "hbt.params.csv"
    victim.unlink()
    res = _audit(root, cfg)
    assert any(p == str(victim) and "missing" in m for p, m in res.problems), res.problems


def test_audit_catches_a_changed_config(audited_copy):
    root, cfg = audited_copy
    cfg["auger_photoemission"]["model"]["gamma_A"] *= 2
    res = _audit(root, cfg)
    flagged = {p for p, _ in res.problems}
    assert any("auger_photoemission/pump_ode.nc" in p for p in flagged), res.problems
    assert not any("cl_superbunching" in p for p in flagged), "other studies are unaffected"


def test_audit_cli_exit_codes(audited_copy, tmp_path):

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
