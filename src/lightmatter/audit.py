"""Provenance audit: re-verify the chain from every figure back to its parameters.

    python -m lightmatter.audit [--configfile config/config.yaml] [--results DIR] [--quiet]

Reads ``<results>/provenance/manifest.json`` (written by the workflow, rule
``provenance_manifest``) and checks, for every output it lists:

* the file exists and its SHA-256 equals the manifest's;
* for NetCDF: the canonical content hash recomputed from the data equals both the manifest's and
  the ``content_sha256`` attribute stored in the file; the file's ``code_fingerprint`` and
  ``code_version`` attributes equal the manifest's;
* every input it was made from is itself in the manifest (no dangling link);
* against the *current* configuration and code: a case file's ``params`` attribute equals the
  parameters the current config gives that case, an aggregate lists exactly the current cases,
  and the code fingerprint equals that of the current package (so an output made by another
  config or code version is reported, naming the file).

It prints a lineage table (figure -> aggregated datasets -> parameter tables and case files)
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
import yaml

from lightmatter.jobs import study_module
from lightmatter.provenance import canonical_json, config_sha256, content_hash, file_sha256
from lightmatter.sweeps import case_params

__all__ = ["AuditResult", "audit", "main"]


@dataclass
class AuditResult:
    """Outcome of an audit: problems (file, message) and the per-figure lineage rows."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    lineage: list[dict[str, Any]] = field(default_factory=list)
    n_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, path: str, message: str) -> None:
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


def audit(results: str | Path, config: Mapping[str, Any]) -> AuditResult:
    """Audit the outputs under ``results`` against the manifest and ``config``."""
    results = Path(results)
    res = AuditResult()
    manifest_path = results / "provenance" / "manifest.json"
    if not manifest_path.exists():
        res.add(str(manifest_path), "manifest missing: run the workflow first")
        return res
    manifest = json.loads(manifest_path.read_text())
    outputs: dict[str, dict[str, Any]] = manifest["outputs"]
    current_cases: dict[tuple[str, str], dict[str, Any]] = {}
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
        study = _study_of(path, results)
        if study not in config:
            res.add(path, f"study {study!r} is not in the current configuration")
            continue
        section_hash = config_sha256({"seed": config["seed"], study: config[study]})
        if info.get("config_section_sha256") != section_hash:
            res.add(path, f"made from another configuration of section {study!r}")
        if not path.endswith(".nc"):
            continue
        attrs = _check_netcdf(path, info, res)
        if attrs is None:
            continue
        params = json.loads(attrs.get("params", "{}"))
        sweep = params.get("sweep")
        mod = study_module(study)
        if sweep not in mod.SWEEPS:
            res.add(path, f"unknown sweep {sweep!r} of study {study}")
            continue
        key = (study, sweep)
        if key not in current_cases:
            current_cases[key] = case_params(mod.SWEEPS[sweep], config[study], config["seed"])
        cases = current_cases[key]
        if attrs.get("code_fingerprint") != mod.SWEEPS[sweep].fingerprint():
            res.add(path, "made by a different code version (fingerprint differs from the package)")
        if "/cases/" in path:
            cid = p.stem
            if cid not in cases:
                res.add(path, "case is not produced by the current configuration")
            elif canonical_json(cases[cid]) != canonical_json(params):
                res.add(path, "parameters differ from the current configuration")
        elif canonical_json(params.get("cases", {})) != canonical_json(cases):
            res.add(path, "aggregate's cases differ from the current configuration")
    for path, info in sorted(outputs.items()):
        if not path.endswith(".png"):
            continue
        aggregates = info.get("inputs", [])
        tables, case_files = set(), set()
        for agg in aggregates:
            for inp in outputs.get(agg, {}).get("inputs", []):
                (tables if inp.endswith(".csv") else case_files).add(inp)
        bad = {f for f, _ in res.problems}
        chain = {path, path[:-4] + ".pdf", *aggregates, *tables, *case_files}
        res.lineage.append(
            {
                "figure": str(Path(path).relative_to(results).with_suffix("")),
                "paper": info.get("paper_figure", ""),
                "aggregates": len(aggregates),
                "tables": len(tables),
                "cases": len(case_files),
                "status": "BROKEN" if chain & bad else "ok",
            }
        )
    return res


def _print(res: AuditResult, quiet: bool) -> None:
    if not quiet:
        w = max([len(r["figure"]) for r in res.lineage] + [6])
        print(f"{'figure':<{w}}  {'paper figure':<24} aggregates tables cases  status")
        for r in res.lineage:
            print(
                f"{r['figure']:<{w}}  {r['paper'][:24]:<24} {r['aggregates']:>10} "
                f"{r['tables']:>6} {r['cases']:>5}  {r['status']}"
            )
    for path, msg in res.problems:
        print(f"BROKEN: {path}: {msg}", file=sys.stderr)
    verdict = "verified" if res.ok else f"{len(res.problems)} problem(s)"
    print(f"audit: {res.n_checked} outputs checked, {len(res.lineage)} figures: {verdict}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m lightmatter.audit", description=__doc__)
    ap.add_argument("--configfile", default="config/config.yaml")
    ap.add_argument("--results", default=None, help="results root (default: config 'results')")
    ap.add_argument("--quiet", action="store_true", help="only problems and the verdict")
    args = ap.parse_args(argv)
    config = yaml.safe_load(Path(args.configfile).read_text())
    res = audit(args.results or config["results"], config)
    _print(res, args.quiet)
    return 0 if res.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
