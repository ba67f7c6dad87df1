"""Provenance audit: re-verify the chain from every figure back to its parameters.

    python -m lightmatter.audit [--configfile config/config.yaml] [--results DIR] [--quiet]

Reads ``<results>/provenance/manifest.json`` (written by the workflow, rule
``provenance_manifest``) and checks, for every output it lists:

* the file exists and its SHA-256 equals the manifest's;
* for NetCDF: the canonical content hash recomputed from the data equals both the manifest's and
  the ``content_sha256`` attribute stored in the file; the file's ``code_fingerprint`` and
  ``code_version`` attributes equal the manifest's;
* every input it was made from is itself in the manifest (no dangling link);
* against the *current* configuration and code: the set of outputs the configuration and the
  figure registry require equals the manifest's; a dataset's ``params`` lists exactly the
  points the current config gives, its parameter table reads back to the same points, a point
  file's ``params`` is its point, and the code fingerprint equals that of the current package
  (so an output made by another config or code version is reported, naming the file).

It prints a lineage table (figure -> datasets -> parameter tables and point files)
and exits 1 naming each broken link, 0 when the whole chain verifies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import xarray as xr

from lightmatter.canonical import canonical_json, point_id
from lightmatter.claims import claims_config_hash
from lightmatter.config import load_config
from lightmatter.dataset import read_point_table
from lightmatter.provenance import content_hash, file_sha256
from lightmatter.provenance_graph import provenance_graph, study_config_hash
from lightmatter.sweep import points_of, sweep

__all__ = ["AuditResult", "audit", "main"]


@dataclass
class AuditResult:
    """Outcome of an audit: problems (file, message) and the per-figure lineage rows."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    lineage: list[dict[str, Any]] = field(default_factory=list)
    n_checked: int = 0

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def add(self, path: str, message: str) -> None:
        """Record a problem with ``path``."""
        self.problems.append((path, message))


def _study_of(path: str, results: Path) -> str:
    return Path(path).relative_to(results).parts[0]


def _check_netcdf(path: str, info: Mapping[str, Any], res: AuditResult) -> dict[str, Any] | None:
    try:
        with xr.open_dataset(path, engine="netcdf4") as ds:
            ds.load()
    except Exception as err:  # unreadable or truncated file
        res.add(path, f"cannot be read as NetCDF ({err.__class__.__name__}: {err})")
        return None
    recomputed = content_hash(ds)
    if recomputed != ds.attrs.get("content_sha256"):
        res.add(path, "data do not match the content hash stored in the file (edited?)")
    if recomputed != info.get("content_sha256"):
        res.add(path, "content hash differs from the manifest")
    for attr in ("code_fingerprint", "code_version"):
        if ds.attrs.get(attr) != info.get(attr):
            res.add(path, f"attribute {attr} differs from the manifest")
    return dict(ds.attrs)


def _load_manifest(path: Path, res: AuditResult) -> dict[str, dict[str, Any]] | None:
    if not path.exists():
        res.add(str(path), "manifest missing: run the workflow first")
        return None
    try:
        manifest = json.loads(path.read_text())
        outputs = manifest["outputs"]
        if not isinstance(outputs, dict):
            raise TypeError("'outputs' is not a mapping")
    except (ValueError, KeyError, TypeError) as err:
        res.add(str(path), f"manifest cannot be read ({err.__class__.__name__}: {err})")
        return None
    return outputs


def audit(results: str | Path, config: Mapping[str, Any]) -> AuditResult:
    """Audit the outputs under ``results`` against the manifest and ``config``.

    What must exist is derived from the configuration and the figure registry
    (:func:`lightmatter.provenance_graph.provenance_graph`), not read from the manifest, so an
    output removed together with its manifest entry is reported.
    """
    results = Path(results)
    res = AuditResult()
    outputs = _load_manifest(results / "provenance" / "manifest.json", res)
    if outputs is None:
        return res
    expected = provenance_graph({**config, "results": str(results)})
    for path in sorted(set(expected) - set(outputs)):
        res.add(path, "required by the configuration and registry but not in the manifest")
    for path in sorted(set(outputs) - set(expected)):
        res.add(path, "in the manifest but not made by the current configuration and registry")
    current_points: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for path, info in sorted(outputs.items()):
        res.n_checked += 1
        p = Path(path)
        if not p.exists():
            res.add(path, "listed in the manifest but missing on disk")
            continue
        if file_sha256(p) != info.get("sha256"):
            res.add(path, "SHA-256 differs from the manifest (file edited or replaced)")
        for inp in info.get("inputs", []):
            if inp not in outputs:
                res.add(path, f"input {inp} is not in the manifest (broken link)")
        if path in expected and expected[path].get("inputs", []) != info.get("inputs", []):
            res.add(path, "inputs differ from what the configuration and registry say")
        try:
            study = _study_of(path, results)
        except ValueError:
            res.add(path, f"not under the results folder {results}")
            continue
        if info.get("rule") == "claims":
            if info.get("config_section_sha256") != claims_config_hash(config):
                res.add(path, "made from another configuration or claims ledger")
            if path.endswith(".nc"):
                _check_netcdf(path, info, res)
            continue
        if study not in config:
            res.add(path, f"study {study!r} is not in the current configuration")
            continue
        if info.get("config_section_sha256") != study_config_hash(config, study):
            res.add(path, f"made from another configuration of section {study!r}")
        if not path.endswith(".nc"):
            continue
        attrs = _check_netcdf(path, info, res)
        if attrs is None:
            continue
        try:
            params = json.loads(attrs.get("params", "{}"))
            sw = sweep(study, str(params.get("sweep")))
        except (ValueError, KeyError) as err:
            res.add(path, f"unknown sweep or unreadable params ({err})")
            continue
        key = (study, sw.name)
        if key not in current_points:
            current_points[key] = points_of(sw, config[study], config["seed"])
        pts = current_points[key]
        if attrs.get("code_fingerprint") != sw.fingerprint():
            res.add(path, "made by a different code version (fingerprint differs from the package)")
        if "/points/" in path:
            by_id = {point_id(pt): pt for pt in pts}
            pid = p.stem
            if pid not in by_id:
                res.add(path, "point is not produced by the current configuration")
            elif canonical_json(params.get("points")) != canonical_json([by_id[pid]]):
                res.add(path, "parameters differ from the current configuration")
        elif canonical_json(params.get("points")) != canonical_json(pts):
            res.add(path, "points differ from the current configuration")
        else:
            table = path[: -len(".nc")] + ".params.csv"
            try:
                if canonical_json(read_point_table(table)) != canonical_json(pts):
                    res.add(table, "parameter table differs from the current configuration")
            except (OSError, ValueError) as err:
                res.add(table, f"parameter table cannot be read back ({err})")
    for path, info in sorted(outputs.items()):
        if not path.endswith(".png"):
            continue
        datasets = info.get("inputs", [])
        tables, point_files = set(), set()
        for ds_path in datasets:
            tables.add(ds_path[: -len(".nc")] + ".params.csv")
            point_files.update(outputs.get(ds_path, {}).get("inputs", []))
        bad = {f for f, _ in res.problems}
        chain = {path, path[:-4] + ".pdf", *datasets, *tables, *point_files}
        res.lineage.append(
            {
                "figure": str(Path(path).relative_to(results).with_suffix("")),
                "paper": info.get("paper_figure", ""),
                "datasets": len(datasets),
                "tables": len(tables),
                "points": len(point_files),
                "status": "BROKEN" if chain & bad else "ok",
            }
        )
    expected_figures = sum(1 for p in expected if p.endswith(".png"))
    if len(res.lineage) != expected_figures:
        res.add(
            str(results),
            f"{len(res.lineage)} figures in the manifest, {expected_figures} registered",
        )
    return res


def _print(res: AuditResult, quiet: bool) -> None:
    if not quiet:
        w = max([len(r["figure"]) for r in res.lineage] + [6])
        print(f"{'figure':<{w}}  {'paper figure':<24} datasets tables points  status")
        for r in res.lineage:
            print(
                f"{r['figure']:<{w}}  {r['paper'][:24]:<24} {r['datasets']:>8} "
                f"{r['tables']:>6} {r['points']:>6}  {r['status']}"
            )
    for path, msg in res.problems:
        print(f"BROKEN: {path}: {msg}", file=sys.stderr)
    verdict = "verified" if res.ok else f"{len(res.problems)} problem(s)"
    print(f"audit: {res.n_checked} outputs checked, {len(res.lineage)} figures: {verdict}")


def main(argv: list[str] | None = None) -> int:
    """Command line: audit the results tree; exit 0 when verified, 1 on problems, 2 on bad input."""
    ap = argparse.ArgumentParser(prog="python -m lightmatter.audit", description=__doc__)
    ap.add_argument(
        "--configfile",
        action="append",
        default=[],
        help="config merged on top of config/config.yaml, as snakemake --configfile",
    )
    ap.add_argument("--results", default=None, help="results root (default: config 'results')")
    ap.add_argument("--quiet", action="store_true", help="only problems and the verdict")
    args = ap.parse_args(argv)
    try:
        config = load_config(["config/config.yaml", *args.configfile])
    except (OSError, ValueError) as err:
        print(f"audit: cannot read the configuration: {err}", file=sys.stderr)
        return 2
    res = audit(args.results or config["results"], config)
    _print(res, args.quiet)
    return 0 if res.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
