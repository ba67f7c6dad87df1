"""Provenance helpers: canonical JSON, point ids, content hash, atomic NetCDF writes."""

from __future__ import annotations

import math

import numpy as np
import pytest
import xarray as xr

from lightmatter import provenance as pv
from lightmatter.canonical import point_id


def _ds() -> xr.Dataset:
    return xr.Dataset(
        {"y": ("x", np.array([1.0, 2.5]), {"units": "1", "long_name": "y"})},
        coords={"x": ("x", np.array([0, 1]), {"units": "s", "long_name": "time"})},
    )


#: Provenance arguments of write_netcdf for the tests' toy dataset.
WRITE_KW = dict(
    study="s",
    title="t",
    seed_paper="p",
    references="doi:x",
    params={"k": 1},
    config_hash="0" * 64,
    fingerprint="f",
    source="src",
    history="h",
)


def test_canonical_json_is_order_independent_and_rejects_nan():
    assert pv.canonical_json({"b": 1, "a": [1.5, np.int64(2)]}) == '{"a":[1.5,2],"b":1}'
    assert point_id({"a": 1, "b": 2.0}) == point_id({"b": 2.0, "a": 1})
    assert point_id({"a": 1}) != point_id({"a": 2})
    with pytest.raises(ValueError):
        pv.canonical_json({"a": math.nan})


def test_content_hash_ignores_volatile_attributes_but_not_values():
    a, b = _ds(), _ds()
    b.attrs["code_version"] = "something else"
    assert pv.content_hash(a) == pv.content_hash(b)
    b["y"].values[0] = 1.0 + 1e-15
    assert pv.content_hash(a) != pv.content_hash(b)
    c = _ds()
    c["y"].attrs["units"] = "m"
    assert pv.content_hash(a) != pv.content_hash(c)


def test_write_netcdf_roundtrip_and_bytes_deterministic(tmp_path):
    d1 = pv.write_netcdf(_ds(), tmp_path / "a.nc", **WRITE_KW)
    d2 = pv.write_netcdf(_ds(), tmp_path / "b.nc", **WRITE_KW)
    assert d1 == d2
    assert pv.file_sha256(tmp_path / "a.nc") == pv.file_sha256(tmp_path / "b.nc")
    ok, stored, _recomputed = pv.verify_netcdf(tmp_path / "a.nc")
    assert ok and stored == d1
    assert not list(tmp_path.glob(".*tmp")), "temporary file left behind"


def test_write_netcdf_refuses_missing_units_and_nan(tmp_path):
    kw = WRITE_KW
    bad = _ds()
    del bad["y"].attrs["units"]
    with pytest.raises(ValueError, match="units"):
        pv.write_netcdf(bad, tmp_path / "u.nc", **kw)
    nan = _ds()
    nan["y"].values[1] = np.nan
    with pytest.raises(FloatingPointError):
        pv.write_netcdf(nan, tmp_path / "n.nc", **kw)
    assert not list(tmp_path.iterdir()), "a failed write must leave no file"


def test_sigkill_mid_write_never_leaves_a_partial_output(tmp_path):
    """A writer killed inside ``atomic_path`` (after writing half a file, before the rename)
    leaves nothing under the output name; the rerun's write removes the stale temporary."""
    import signal
    import subprocess
    import sys

    final = tmp_path / "case.nc"
    writer = (
        "import os, signal, sys\n"
        "from lightmatter.provenance import atomic_path\n"
        "with atomic_path(sys.argv[1]) as tmp:\n"
        "    tmp.write_bytes(b'half a file')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    proc = subprocess.run([sys.executable, "-c", writer, str(final)], check=False)
    assert proc.returncode == -signal.SIGKILL
    assert not final.exists()
    stale = list(tmp_path.glob(".case.nc.*.tmp"))
    assert len(stale) == 1 and stale[0].read_bytes() == b"half a file"
    other = tmp_path / ".other.nc.x.tmp"  # another output's temporary: not ours to remove
    other.write_bytes(b"")
    pv.write_netcdf(_ds(), final, **WRITE_KW)
    ok, _, _ = pv.verify_netcdf(final)
    assert ok
    assert not list(tmp_path.glob(".case.nc.*.tmp")) and other.exists()


def test_figures_refuse_a_dataset_whose_data_do_not_match_its_hash(tmp_path):
    """plotting.load is how every figure script reads its datasets: an edited file is refused."""
    from lightmatter.plotting import load

    path = tmp_path / "d.nc"
    pv.write_netcdf(_ds(), path, **WRITE_KW)
    assert float(load(path).y[1]) == 2.5
    import netCDF4

    with netCDF4.Dataset(path, "a") as nc:
        nc["y"][1] = 2.6
    with pytest.raises(ValueError, match="content hash"):
        load(path)


# ---------------------------------------------------------------- faults (issue 13)
def test_outputs_honour_the_umask(tmp_path):
    """0644 under umask 022, 0664 under 002 (a group-shared results folder), never the 0600
    of a temporary file whatever the umask."""
    import os

    old = os.umask(0o022)
    try:
        for mask, mode in ((0o022, 0o644), (0o002, 0o664), (0o077, 0o600)):
            os.umask(mask)
            path = tmp_path / f"{mask:o}.nc"
            pv.write_netcdf(_ds(), path, **WRITE_KW)
            assert path.stat().st_mode & 0o777 == mode, (oct(mask), oct(path.stat().st_mode))
    finally:
        os.umask(old)


def test_outputs_are_fsynced_before_the_rename(tmp_path, monkeypatch):
    """The file's data are fsynced before os.replace publishes the name, then its folder."""
    import os

    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd):
        events.append("fsync-dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "fsync-file")
        return real_fsync(fd)

    def replace(a, b):
        events.append("rename")
        return real_replace(a, b)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    with pv.atomic_path(tmp_path / "x.txt") as tmp:
        tmp.write_text("data")
    assert events == ["fsync-file", "rename", "fsync-dir"], events


def test_a_job_error_reaches_the_console_when_the_log_cannot_be_written(tmp_path):
    """A full disk (the log is /dev/full: every write fails with ENOSPC): the traceback still
    reaches the console (the job's stderr, which Snakemake shows) and the exit status is the
    error's, not 120 (an unflushable stderr)."""
    import os
    import subprocess
    import sys

    from .conftest import REPO

    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full on this system")
    log = tmp_path / "job.log"
    log.symlink_to("/dev/full")
    script = (
        "import sys, types\n"
        "from lightmatter.jobs import job_logger, log_to\n"
        "log_to(types.SimpleNamespace(log=[sys.argv[1]]))\n"
        "job_logger(sys.argv[1], 'x').info('point 1/1 solved')\n"
        "raise RuntimeError('sweep s/x, point 0123456789ab: the real error')\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run(
        [sys.executable, "-c", script, str(log)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    assert "RuntimeError: sweep s/x, point 0123456789ab: the real error" in proc.stderr
    assert "No space left on device" in proc.stderr

    # a writable log gets everything; the console gets what is not progress
    import io

    from lightmatter.jobs import _Tee

    log, console = io.StringIO(), io.StringIO()
    tee = _Tee([log], console)
    tee.write("Traceback: the real error\n")
    tee.log_only().write("point 1/1 solved\n")
    assert log.getvalue() == "Traceback: the real error\npoint 1/1 solved\n"
    assert console.getvalue() == "Traceback: the real error\n"
