"""Faults and audit attacks that need a finished workflow run (the shared ``two_runs``).

* A deleted intermediate (a sweep's dataset, a point file of a fan-out sweep) is rebuilt by a
  plain rerun: rule ``all`` lists every dataset, table and point file as a target, so the
  missing file is scheduled, and what is built from it follows.
* A point file of a fan-out sweep whose data were edited and whose hashes (in the file and in
  the manifest) were all recomputed is caught twice: the combined dataset no longer equals the
  combination of its points (cheap), and re-solving the point gives another content hash.
"""

from __future__ import annotations

import json

import pytest

from lightmatter.audit import audit
from lightmatter.provenance import file_sha256

from ..conftest import edit_and_rehash, job_counts, run_snakemake

pytestmark = pytest.mark.workflow


def _dry_run(root) -> dict[str, int]:
    proc = run_snakemake(
        "-n", "-c1", "--configfile", "config/test.yaml", "--config", f"results={root}"
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout + proc.stderr
    return {} if "Nothing to be done" in out else job_counts(proc.stdout)


def test_deleted_intermediates_are_rebuilt_by_a_plain_rerun(audited_copy):
    root, _ = audited_copy
    (root / "qd_gain" / "cw.nc").unlink()
    point = sorted((root / "ledd_ttm" / "points" / "boltzmann").glob("*.nc"))[0]
    point.unlink()
    counts = _dry_run(root)
    assert counts.get("solve_sweep") == 1 and counts.get("solve_point") == 1, counts
    assert counts.get("combine_points") == 1, counts
    assert "qd_gain_figure_fig6d" in counts and "ledd_ttm_figure_fig2" in counts, counts


def test_a_rehashed_point_file_is_caught_by_recombining_and_by_re_solving_it(
    audited_copy, monkeypatch
):
    """A point of a fan-out sweep edited with all its hashes recomputed: the combined dataset
    no longer equals the combination of its points, and re-solving that point (the draw of
    ``--recompute`` pinned to it, one Boltzmann run) gives the original content hash."""

    import lightmatter.audit as audit_mod

    root, cfg = audited_copy
    victim = sorted((root / "ledd_ttm" / "points" / "boltzmann").glob("*.nc"))[0]
    target = victim.resolve()  # a plain file in this copy (no cache)
    digest = edit_and_rehash(target)
    manifest = root / "provenance" / "manifest.json"
    data = json.loads(manifest.read_text())
    data["outputs"][str(victim)].update(sha256=file_sha256(victim), content_sha256=digest)
    manifest.write_text(json.dumps(data))
    pinned = [("ledd_ttm", "boltzmann", victim.stem)]
    monkeypatch.setattr(audit_mod, "_draw", lambda candidates, k, seed: pinned)
    res = audit(root, cfg, recompute=1)
    assert res.recomputed == [f"ledd_ttm/points/boltzmann/{victim.stem}.nc"]
    assert any(p == str(victim) and "re-solved" in m for p, m in res.problems), res.problems
    combined = str(root / "ledd_ttm" / "boltzmann.nc")
    assert any(p == combined and "combined again" in m for p, m in res.problems), res.problems
