"""Provenance helpers: hashes, atomic writes and deterministic NetCDF I/O.

Contracts implemented here (``docs/design.md``, "Contracts"):

* every NetCDF file carries the global attributes ``title``, ``study``, ``seed_paper``,
  ``references``, ``source``, ``code_version``, ``params``, ``config_sha256``, ``history``,
  ``code_fingerprint`` and ``content_sha256``, and ``units``/``long_name`` on every variable;
* the canonical content hash covers variable names, dimensions, dtypes, values and the
  non-volatile attributes, so it is independent of the writing library and of the git state;
* files are written to a temporary name in the target directory, given the mode the umask
  asks for, fsynced, and renamed into place (then the directory is fsynced), so a failed job
  or a power loss never leaves a partial file under the final name.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import json
import os
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import xarray as xr

import lightmatter
from lightmatter.canonical import canonical_json, plain

__all__ = [
    "CF_CONVENTIONS",
    "VOLATILE_ATTRS",
    "IntegrityError",
    "atomic_path",
    "canonical_json",
    "code_version",
    "config_sha256",
    "content_hash",
    "current_umask",
    "describe_path",
    "file_sha256",
    "plain",
    "require_verified",
    "verify_netcdf",
    "write_netcdf",
]

#: Attributes excluded from the canonical content hash: they change with the git state or the
#: writing library, not with the numbers.
VOLATILE_ATTRS = frozenset({"code_version", "history", "content_sha256", "_NCProperties", "source"})

#: The CF version every dataset declares (``Conventions``) and is checked against
#: (:mod:`lightmatter.cfcheck`, compliance-checker ``cf:1.11``).
CF_CONVENTIONS = "CF-1.11"

REQUIRED_GLOBAL_ATTRS = (
    "title",
    "study",
    "seed_paper",
    "references",
    "source",
    "code_version",
    "params",
    "config_sha256",
    "history",
)


def config_sha256(section: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of a config section (a study section plus the root seed)."""
    return hashlib.sha256(canonical_json(section).encode()).hexdigest()


def code_version() -> str:
    """``git describe --always --dirty --tags`` of the source tree, or the package version."""
    root = Path(lightmatter.__file__).resolve().parents[2]
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
        described = out.stdout.strip()
        if described:
            return f"{lightmatter.__version__}+g{described}"
    except (OSError, subprocess.SubprocessError):
        pass
    return lightmatter.__version__


def file_sha256(path: str | os.PathLike[str]) -> str:
    """SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _attrs_json(attrs: Mapping[str, Any]) -> str:
    keep = {k: plain(v) for k, v in attrs.items() if k not in VOLATILE_ATTRS}
    return json.dumps(keep, sort_keys=True, separators=(",", ":"), default=str)


def content_hash(ds: xr.Dataset) -> str:
    """Canonical content hash of a dataset (docs/design.md, "Deterministic").

    Variables (data and coordinates) sorted by name; for each: name, dims, dtype, the values'
    little-endian C-order bytes (strings as UTF-8) and the non-volatile attributes; then the
    non-volatile global attributes.
    """
    h = hashlib.sha256()
    for name in sorted(map(str, ds.variables)):
        var = ds.variables[name]
        values = np.asarray(var.values)
        h.update(f"{name}|{','.join(map(str, var.dims))}|".encode())
        if values.dtype.kind in "OUS":
            h.update(b"str|")
            h.update(json.dumps([str(v) for v in values.ravel().tolist()]).encode())
        else:
            arr = np.ascontiguousarray(values)
            if arr.dtype.byteorder == ">" or (arr.dtype.byteorder == "=" and not _little()):
                arr = arr.byteswap().view(arr.dtype.newbyteorder("<"))
            h.update(f"{arr.dtype.kind}{arr.dtype.itemsize}|{arr.shape}|".encode())
            h.update(arr.tobytes())
        h.update(_attrs_json(var.attrs).encode())
    h.update(b"||global|")
    h.update(_attrs_json(ds.attrs).encode())
    return h.hexdigest()


def _little() -> bool:
    import sys

    return sys.byteorder == "little"


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it into place only if the block succeeds.

    The output name therefore never holds a partial file. A writer killed with SIGKILL cannot run
    its cleanup and leaves its ``.<name>.*.tmp`` behind; the next write of the same output (the
    rerun of that job) removes such leftovers first. Only one job ever writes a given output
    (Snakemake locks it), so a leftover is never a concurrent writer's live file.
    """
    final = Path(path)
    final.parent.mkdir(parents=True, exist_ok=True)
    for stale in final.parent.glob(f".{glob.escape(final.name)}.*.tmp"):
        stale.unlink(missing_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{final.name}.", suffix=".tmp", dir=final.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        # mkstemp creates 0600: give the file the mode any other new file would get (0644
        # under umask 022), then make its bytes durable before the rename publishes the name
        os.chmod(tmp_path, 0o666 & ~current_umask())
        _fsync_file(tmp_path)
        os.replace(tmp_path, final)
        _fsync_dir(final.parent)
    finally:
        if tmp_path.exists():
            tmp_path.unlink()


def current_umask() -> int:
    """The process umask, read without changing it (``/proc/self/status`` on Linux)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: read by setting and restoring it
    os.umask(mask)
    return mask


def _fsync_file(path: Path) -> None:
    """Flush a file's data to the device (a writer may have closed it without fsync)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _check_units(ds: xr.Dataset) -> None:
    missing = [
        str(name)
        for name, var in ds.variables.items()
        if "units" not in var.attrs or "long_name" not in var.attrs
    ]
    if missing:
        raise ValueError(f"variables without units/long_name: {sorted(missing)}")


def write_netcdf(
    ds: xr.Dataset,
    path: str | os.PathLike[str],
    *,
    study: str,
    title: str,
    seed_paper: str,
    references: str,
    params: Mapping[str, Any],
    config_hash: str,
    fingerprint: str,
    source: str,
    history: str,
) -> str:
    """Write ``ds`` with the provenance attributes atomically; return its canonical content hash.

    Raises ``ValueError`` if a variable lacks ``units`` or ``long_name``, or if the data contain
    non-finite values where none are allowed (variables may opt in with attribute
    ``allow_nan = 1``).
    """
    ds = ds.copy()
    # drop encodings inherited from files read back (e.g. a '<U2' string width taken from the
    # first aggregated case would truncate 'ITO' to 'IT'); the encoding is set explicitly below
    ds.encoding = {}
    for var in ds.variables.values():
        var.encoding = {}
    _check_units(ds)
    for name, var in ds.data_vars.items():
        if var.dtype.kind == "f" and not var.attrs.get("allow_nan", 0):
            if not np.all(np.isfinite(var.values)):
                raise FloatingPointError(f"variable {name!r} contains non-finite values")
    ds.attrs = {
        "Conventions": CF_CONVENTIONS,
        "title": title,
        "study": study,
        "seed_paper": seed_paper,
        "references": references,
        "source": source,
        "code_version": code_version(),
        "code_fingerprint": fingerprint,
        "params": canonical_json(params),
        "config_sha256": config_hash,
        "history": history,
    }
    digest = content_hash(ds)
    ds.attrs["content_sha256"] = digest
    encoding = {name: {"_FillValue": None} for name in ds.variables if ds[name].dtype.kind == "f"}
    with atomic_path(path) as tmp:
        ds.to_netcdf(tmp, engine="netcdf4", format="NETCDF4", encoding=encoding)
    return digest


class IntegrityError(ValueError, RuntimeError):
    """A file's data do not match the content hash stored in it (edited, corrupted, poisoned)."""


def describe_path(path: str | os.PathLike[str]) -> str:
    """``path``, and where its bytes live when it is a symlink (a between-workflow cache entry)."""
    p = Path(path)
    if p.is_symlink():
        return f"{p} (a link into the between-workflow cache: {os.path.realpath(p)})"
    return str(p)


def require_verified(path: str | os.PathLike[str]) -> None:
    """Raise :class:`IntegrityError` naming the file (and its cache entry) unless its data match the
    content hash stored in it: every job that reads a dataset or point file calls this first."""
    try:
        ok, stored, recomputed = verify_netcdf(path)
    except (OSError, ValueError, RuntimeError) as err:
        raise IntegrityError(f"{describe_path(path)}: cannot be verified ({err})") from None
    if not ok:
        raise IntegrityError(
            f"{describe_path(path)}: data do not match the content hash stored in the file "
            f"(stored {stored[:12]}, recomputed {recomputed[:12]}); delete it (and its cache "
            "entry) and rerun"
        )


def verify_netcdf(path: str | os.PathLike[str]) -> tuple[bool, str, str]:
    """Recompute the canonical content hash of a file; return (ok, stored, recomputed)."""
    with xr.open_dataset(path, engine="netcdf4") as ds:
        ds.load()
        stored = str(ds.attrs.get("content_sha256", ""))
        missing = [a for a in REQUIRED_GLOBAL_ATTRS if a not in ds.attrs]
        if missing:
            raise ValueError(f"{path}: missing provenance attributes {missing}")
        recomputed = content_hash(ds)
    return stored == recomputed, stored, recomputed
