"""Provenance audit: re-verify, and re-derive, the chain from every figure back to its parameters.

    python -m lightmatter.audit [--configfile FILE ...] [--results DIR] [--quiet]
                                [--recompute K|all] [--redraw K|all] [--draw-seed S]

What must exist is derived from the current configuration and the figure registry
(:func:`lightmatter.provenance_graph.provenance_graph`), never read from the manifest, so an
output removed together with its manifest entry is still missed. Checks, cheap ones always:

* **completeness**: every output the configuration and registry require is in
  ``<results>/provenance/manifest.json`` and on disk; no extra output (in the manifest or on
  disk) that they do not require;
* **integrity**: each file's SHA-256 equals the manifest's; for NetCDF, the canonical content
  hash recomputed from the data equals the one stored in the file and the manifest's, and the
  code fingerprint equals the current package's; rule, inputs and config section of each
  manifest entry equal the derived ones;
* **re-derivation without solving**: every parameter table is rebuilt from the current
  configuration and compared byte for byte; every combined dataset of a fan-out sweep is
  combined again from its point files and its content hash compared; every dataset's and point
  file's stored ``params`` equal the current configuration's points.

Costly ones on request (the determinism contract makes them exact comparisons):

* ``--recompute K`` re-solves K solver jobs (whole sweeps, or single points of fan-out sweeps)
  drawn with a seeded generator (``--draw-seed``), ``all`` every one, and compares content
  hashes and parameter tables: an edit whose hashes were recomputed consistently is caught;
* ``--redraw K`` redraws K figures (seeded draw, or ``all``) from the audited datasets in a
  fresh interpreter each and compares the PNG and PDF bytes.

It prints a lineage table (figure -> datasets -> parameter tables and point files) and one line
per problem, and exits 0 when everything verifies, 1 on problems, 2 when the configuration or
the results folder cannot be read (one line, no traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lightmatter import registry
from lightmatter.canonical import canonical_json, point_id
from lightmatter.claims import claims_config_hash
from lightmatter.config import ConfigError, load_config
from lightmatter.provenance_graph import provenance_graph, study_config_hash
from lightmatter.sweep import Sweep, points_of, sweep

__all__ = ["AuditResult", "audit", "draw_figure", "main"]

#: Placeholder results root used to derive the graph as paths relative to the root.
_ROOT = "@results@"
#: Extensions of outputs (anything else under the root is a log, a benchmark, the manifest).
_OUTPUT_SUFFIXES = (".nc", ".params.csv", ".pdf", ".png")
#: Folders under the root that hold no outputs.
_NOT_OUTPUTS = ("logs", "benchmarks", "provenance")


@dataclass
class AuditResult:
    """Outcome of an audit: problems (file, message) and the per-figure lineage rows."""

    problems: list[tuple[str, str]] = field(default_factory=list)
    lineage: list[dict[str, Any]] = field(default_factory=list)
    n_checked: int = 0
    n_rederived: int = 0
    recomputed: list[str] = field(default_factory=list)
    redrawn: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def add(self, path: str, message: str) -> None:
        """Record a problem with ``path``."""
        self.problems.append((path, message))


class _Tree:
    """The results root and the two spellings of an output: relative (``study/x.nc``) and the
    path reported to the user (the root as given, joined with the relative path)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, rel: str) -> Path:
        return self.root / rel

    def show(self, rel: str) -> str:
        return str(self.root / rel)


def _expected(config: Mapping[str, Any], figures_yaml: str | Path | None) -> dict[str, Any]:
    """The derived graph, keys and inputs relative to the results root."""
    graph = provenance_graph({**config, "results": _ROOT}, figures_yaml)
    cut = len(_ROOT) + 1

    def rel(p: str) -> str:
        return p[cut:]

    return {
        rel(k): {**v, "inputs": [rel(i) for i in v.get("inputs", [])]} for k, v in graph.items()
    }


def _manifest_prefix(manifest: Mapping[str, Any], keys: list[str], known: set[str]) -> str | None:
    """The results root the manifest's paths start with (recorded, or inferred from the keys)."""
    recorded = manifest.get("results")
    if isinstance(recorded, str):
        return recorded.rstrip("/")
    counts: dict[str, int] = {}
    for k in keys:
        for rel in known:
            if k.endswith("/" + rel):
                prefix = k[: -len(rel) - 1]
                counts[prefix] = counts.get(prefix, 0) + 1
                break
    return max(counts, key=lambda p: counts[p]) if counts else None


def _load_manifest(path: Path, res: AuditResult) -> dict[str, Any] | None:
    if not path.is_file():
        res.add(str(path), "manifest missing: run the workflow first")
        return None
    try:
        manifest = json.loads(path.read_text())
    except (OSError, UnicodeDecodeError, ValueError) as err:
        res.add(str(path), f"manifest is damaged: not readable JSON ({err})")
        return None
    if not isinstance(manifest, dict) or not isinstance(manifest.get("outputs"), dict):
        res.add(str(path), "manifest is damaged: no 'outputs' mapping")
        return None
    return manifest


def _read_netcdf(path: Path) -> Any:
    import xarray as xr

    with xr.open_dataset(path, engine="netcdf4") as ds:
        return ds.load()


def _check_netcdf(
    tree: _Tree,
    rel: str,
    info: Mapping[str, Any],
    study: str,
    config: Mapping[str, Any],
    points_cache: dict[tuple[str, str], list[dict[str, Any]]],
    res: AuditResult,
) -> None:
    """Integrity of one NetCDF file and its parameters against the current configuration."""
    from lightmatter.provenance import content_hash

    shown = tree.show(rel)
    try:
        ds = _read_netcdf(tree.path(rel))
    except Exception as err:  # unreadable or truncated file: any library error
        res.add(shown, f"cannot be read as NetCDF ({err.__class__.__name__}: {err})")
        return
    recomputed = content_hash(ds)
    if recomputed != ds.attrs.get("content_sha256"):
        res.add(shown, "data do not match the content hash stored in the file (edited?)")
    if recomputed != info.get("content_sha256"):
        res.add(shown, "content hash differs from the manifest")
    for attr in ("code_fingerprint", "code_version"):
        if ds.attrs.get(attr) != info.get(attr):
            res.add(shown, f"attribute {attr} differs from the manifest")
    try:
        params = json.loads(ds.attrs.get("params", "{}"))
        sw = sweep(study, str(params.get("sweep")))
    except (ValueError, KeyError, AttributeError) as err:
        res.add(shown, f"unknown sweep or unreadable params ({err})")
        return
    pts = _points(sw, config, points_cache)
    if ds.attrs.get("code_fingerprint") != sw.fingerprint():
        res.add(shown, "made by a different code version (fingerprint differs from the package)")
    if "/points/" in rel:
        by_id = {point_id(pt): pt for pt in pts}
        pid = Path(rel).stem
        if pid not in by_id:
            res.add(shown, "point is not produced by the current configuration")
        elif canonical_json(params.get("points")) != canonical_json([by_id[pid]]):
            res.add(shown, "parameters differ from the current configuration")
    elif canonical_json(params.get("points")) != canonical_json(pts):
        res.add(shown, "points differ from the current configuration")


def _points(
    sw: Sweep, config: Mapping[str, Any], cache: dict[tuple[str, str], list[dict[str, Any]]]
) -> list[dict[str, Any]]:
    key = (sw.study, sw.name)
    if key not in cache:
        cache[key] = points_of(sw, config[sw.study], config["seed"])
    return cache[key]


def _rederive(
    tree: _Tree,
    config: Mapping[str, Any],
    points_cache: dict[tuple[str, str], list[dict[str, Any]]],
    res: AuditResult,
    figures_yaml: str | Path | None = None,
) -> None:
    """Rebuild every parameter table from the configuration and every combined dataset of a
    fan-out sweep from its point files; compare bytes and content hashes (no solving)."""
    from lightmatter.jobs import point_table_sha256, run_combine
    from lightmatter.provenance import file_sha256
    from lightmatter.provenance_graph import sweep_outputs
    from lightmatter.sweep import sweeps_of

    for study in registry.studies(figures_yaml):
        for name, sw in sweeps_of(study).items():
            pts = _points(sw, config, points_cache)
            nc, table = (
                Path(p).relative_to(_ROOT).as_posix() for p in sweep_outputs(_ROOT, study, name)
            )
            if tree.path(table).is_file():
                res.n_rederived += 1
                if file_sha256(tree.path(table)) != point_table_sha256(pts):
                    res.add(
                        tree.show(table),
                        "parameter table differs from the one rebuilt from the configuration",
                    )
            if not sw.fan_out or not tree.path(nc).is_file():
                continue
            files = [tree.path(f"{study}/points/{name}/{point_id(p)}.nc") for p in pts]
            if not all(f.is_file() for f in files):
                continue  # reported as missing already
            res.n_rederived += 1
            with tempfile.TemporaryDirectory(prefix="lightmatter-audit-") as tmp, _quiet():
                try:
                    digest = run_combine(
                        study,
                        name,
                        pts,
                        [str(f) for f in files],
                        f"{tmp}/{name}.nc",
                        f"{tmp}/{name}.params.csv",
                    )
                except Exception as err:  # a point file that fails its own checks
                    res.add(tree.show(nc), f"cannot be combined again from its point files: {err}")
                    continue
            stored = _stored_hash(tree.path(nc))
            if stored != digest:
                res.add(
                    tree.show(nc),
                    "differs from the dataset combined again from its point files "
                    f"(content hash {str(stored)[:12]} vs {digest[:12]})",
                )


def _quiet() -> Any:
    """Keep the job functions' progress logging (meant for job logs) off the audit's output."""
    import contextlib
    import io

    return contextlib.redirect_stderr(io.StringIO())


def _stored_hash(path: Path) -> str | None:
    try:
        return str(_read_netcdf(path).attrs.get("content_sha256"))
    except Exception:  # unreadable: reported by the integrity check
        return None


def _draw(candidates: list[Any], k: int | str, seed: int) -> list[Any]:
    """``k`` of ``candidates`` (sorted) drawn with a seeded generator, or all for ``"all"``."""
    if k == "all":
        return list(candidates)
    n = min(int(k), len(candidates))
    return sorted(random.Random(seed).sample(candidates, n)) if n else []


#: Re-solves one solver job as its rule does (run_sweep or run_point), in a fresh interpreter.
_RESOLVE = """
import json, sys
from lightmatter.jobs import run_point, run_sweep
from lightmatter.sweep import sweep
a = json.loads(sys.argv[1])
fp = sweep(a["study"], a["name"]).fingerprint()
if a["point"] is not None:
    d = run_point(a["study"], a["name"], a["point"], fp, a["nc"], a["log"])
else:
    d = run_sweep(a["study"], a["name"], a["points"], fp, a["nc"], a["table"], a["log"])
print(json.dumps({"digest": d}))
"""

#: What Snakemake sets for a job with ``threads: 1`` (every solver rule): BLAS and OpenMP
#: thread counts change the order of floating-point sums, so a re-solve must use the same.
JOB_ENV = {
    k: "1"
    for k in (
        "OMP_NUM_THREADS",
        "GOTO_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    )
}


def _resolve(study: str, name: str, points: list[Any], point: Any, tmp: str) -> str:
    """Content hash of one solver job re-run in a fresh interpreter with a job's environment
    (a process of its own, as every job is: no state carried over from other solves)."""
    args = {
        "study": study,
        "name": name,
        "points": points,
        "point": point,
        "nc": f"{tmp}/s.nc",
        "table": f"{tmp}/s.params.csv",
        "log": f"{tmp}/s.log",
    }
    src = str(registry.registry_path().parents[1] / "src")
    path = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH", "")) if p)
    proc = subprocess.run(
        [sys.executable, "-c", _RESOLVE, json.dumps(args)],
        env={**os.environ, **JOB_ENV, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
        raise RuntimeError(last)
    return str(json.loads(proc.stdout.strip().splitlines()[-1])["digest"])


def _recompute(
    tree: _Tree,
    config: Mapping[str, Any],
    k: int | str,
    seed: int,
    points_cache: dict[tuple[str, str], list[dict[str, Any]]],
    res: AuditResult,
    figures_yaml: str | Path | None = None,
) -> None:
    """Re-solve drawn solver jobs into a scratch folder; compare content hashes and tables."""
    from lightmatter.provenance import file_sha256
    from lightmatter.sweep import sweeps_of

    jobs: list[tuple[str, str, str]] = []
    for study in registry.studies(figures_yaml):
        for name, sw in sweeps_of(study).items():
            if sw.fan_out:
                jobs.extend((study, name, point_id(p)) for p in _points(sw, config, points_cache))
            else:
                jobs.append((study, name, ""))
    for study, name, pid in _draw(sorted(jobs), k, seed):
        sw = sweep(study, name)
        pts = _points(sw, config, points_cache)
        rel = f"{study}/points/{name}/{pid}.nc" if pid else f"{study}/{name}.nc"
        res.recomputed.append(rel)
        if not tree.path(rel).is_file():
            continue  # reported as missing already
        with tempfile.TemporaryDirectory(prefix="lightmatter-recompute-") as tmp:
            point = next((p for p in pts if point_id(p) == pid), None) if pid else None
            try:
                digest = _resolve(study, name, pts, point, tmp)
            except (RuntimeError, ValueError, OSError) as err:
                res.add(tree.show(rel), f"re-solving failed: {err}")
                continue
            table = tree.path(f"{study}/{name}.params.csv")
            table_ok = (
                bool(pid)
                or not table.is_file()
                or (file_sha256(table) == file_sha256(f"{tmp}/s.params.csv"))
            )
        stored = _stored_hash(tree.path(rel))
        if stored != digest:
            res.add(
                tree.show(rel),
                f"re-solved: content hash {digest[:12]} differs from the file's "
                f"{str(stored)[:12]} (the data were not made by this code and configuration)",
            )
        if not table_ok:
            res.add(tree.show(f"{study}/{name}.params.csv"), "differs from the re-solved table")


#: Runs one figure script with a stand-in for Snakemake's ``snakemake`` object.
_REDRAW = """
import runpy, sys, types
class _Files(list):
    def __init__(self, items, **named):
        super().__init__(items)
        self.__dict__.update(named)
args = __import__("json").loads(sys.argv[1])
snakemake = types.SimpleNamespace(
    input=_Files(args["inputs"]), output=_Files([args["pdf"], args["png"]], pdf=args["pdf"],
    png=args["png"]), log=_Files([]), params=_Files([], study=args["study"],
    figure=args["figure"]), wildcards=_Files([]), threads=1, config=args["config"])
sys.argv = [args["script"]]
runpy.run_path(args["script"], init_globals={"snakemake": snakemake}, run_name="__main__")
"""


def draw_figure(
    fig: registry.Figure, results: str | Path, pdf: str | Path, png: str | Path, config: Any
) -> subprocess.CompletedProcess[str]:
    """Run a figure's script in a fresh interpreter, reading its datasets under ``results``
    and writing ``pdf`` and ``png`` (what its rule does, with a stand-in ``snakemake``)."""
    repo = registry.registry_path().parents[1]
    args = {
        "inputs": fig.input_paths(str(results)),
        "pdf": str(pdf),
        "png": str(png),
        "study": fig.study,
        "figure": fig.id,
        "script": str(repo / fig.script),
        "config": json.loads(canonical_json(config)),
    }
    return subprocess.run(
        [sys.executable, "-c", _REDRAW, json.dumps(args)],
        cwd=repo,
        env={**os.environ, **JOB_ENV, "MPLBACKEND": "Agg"},
        capture_output=True,
        text=True,
        check=False,
    )


def _redraw(
    tree: _Tree,
    config: Mapping[str, Any],
    k: int | str,
    seed: int,
    res: AuditResult,
    figures_yaml: str | Path | None = None,
) -> None:
    """Redraw drawn figures from the audited datasets in fresh interpreters; compare bytes."""
    from lightmatter.provenance import file_sha256

    figs = {f"{f.study}/{f.id}": f for f in registry.figures(figures_yaml)}
    for key in _draw(sorted(figs), k, seed):
        fig = figs[key]
        pdf, png = (Path(p).relative_to(_ROOT).as_posix() for p in fig.outputs(_ROOT))
        res.redrawn.append(key)
        if not (tree.path(pdf).is_file() and tree.path(png).is_file()):
            continue
        with tempfile.TemporaryDirectory(prefix="lightmatter-redraw-") as tmp:
            proc = draw_figure(fig, tree.root, f"{tmp}/f.pdf", f"{tmp}/f.png", config)
            if proc.returncode != 0:
                last = (proc.stderr.strip().splitlines() or ["no message"])[-1]
                res.add(tree.show(png), f"redrawing failed: {last}")
                continue
            for rel, new in ((png, f"{tmp}/f.png"), (pdf, f"{tmp}/f.pdf")):
                if file_sha256(tree.path(rel)) != file_sha256(new):
                    res.add(tree.show(rel), "differs from the figure redrawn from its datasets")


def _extra_on_disk(tree: _Tree, expected: Mapping[str, Any]) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(tree.root):
        here = Path(dirpath)
        if here == tree.root:
            dirnames[:] = [d for d in dirnames if d not in _NOT_OUTPUTS]
        for name in filenames:
            if name.endswith(_OUTPUT_SUFFIXES) and not name.startswith("."):
                rel = (here / name).relative_to(tree.root).as_posix()
                if rel not in expected:
                    out.append(rel)
    return sorted(out)


def audit(
    results: str | Path,
    config: Mapping[str, Any],
    *,
    recompute: int | str = 0,
    redraw: int | str = 0,
    draw_seed: int = 0,
    figures_yaml: str | Path | None = None,
) -> AuditResult:
    """Audit the outputs under ``results`` against the manifest and ``config``.

    ``recompute`` / ``redraw``: how many solver jobs to re-solve and figures to redraw (an int
    or ``"all"``), drawn with ``random.Random(draw_seed)``. See the module docstring.
    """
    tree = _Tree(Path(results))
    res = AuditResult()
    if not tree.root.is_dir():
        res.add(str(tree.root), "results folder does not exist")
        return res
    manifest = _load_manifest(tree.root / "provenance" / "manifest.json", res)
    if manifest is None:
        return res
    expected = _expected(config, figures_yaml)
    raw: dict[str, Any] = manifest["outputs"]
    prefix = _manifest_prefix(manifest, list(raw), set(expected))
    outputs: dict[str, dict[str, Any]] = {}
    for key, info in raw.items():
        if (
            prefix is None
            or not key.startswith(prefix + "/")
            or ".." in Path(key[len(prefix) + 1 :]).parts
        ):
            res.add(key, f"manifest entry is not under the results folder {prefix}")
        elif not isinstance(info, dict) or not isinstance(info.get("inputs", []), list):
            res.add(key, "manifest entry is damaged (not a mapping with a list of inputs)")
        else:
            outputs[key[len(prefix) + 1 :]] = info

    def rel_input(p: Any) -> str:
        p = str(p)
        return p[len(prefix) + 1 :] if prefix and p.startswith(prefix + "/") else p

    for rel in sorted(set(expected) - set(outputs)):
        res.add(
            tree.show(rel), "required by the configuration and registry but not in the manifest"
        )
        if not tree.path(rel).exists():
            res.add(tree.show(rel), "required by the configuration and registry but missing")
    for rel in sorted(set(outputs) - set(expected)):
        res.add(
            tree.show(rel), "in the manifest but not made by the current configuration and registry"
        )
    for rel in _extra_on_disk(tree, expected):
        res.add(tree.show(rel), "on disk but not made by the current configuration and registry")

    from lightmatter.provenance import file_sha256

    points_cache: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for rel, info in sorted(outputs.items()):
        res.n_checked += 1
        shown = tree.show(rel)
        p = tree.path(rel)
        if not p.is_file():
            res.add(shown, "listed in the manifest but missing on disk")
            continue
        if file_sha256(p) != info.get("sha256"):
            res.add(shown, "SHA-256 differs from the manifest (file edited or replaced)")
        inputs = [rel_input(i) for i in info.get("inputs", []) or []]
        for inp in inputs:
            if inp not in outputs:
                res.add(shown, f"input {tree.show(inp)} is not in the manifest (broken link)")
        if rel in expected:
            exp = expected[rel]
            if exp.get("inputs", []) != inputs:
                res.add(shown, "inputs differ from what the configuration and registry say")
            if exp.get("rule") != info.get("rule"):
                res.add(shown, f"made by rule {info.get('rule')!r}, expected {exp.get('rule')!r}")
        if info.get("rule") == "claims":
            # The claims outputs depend on the ledger and the fitted keys it names, not on one
            # study section; the NetCDF carries a content hash like every dataset.
            if info.get("config_section_sha256") != claims_config_hash(config):
                res.add(shown, "made from another configuration or claims ledger")
            if rel.endswith(".nc"):
                from lightmatter.provenance import verify_netcdf

                try:
                    ok, _, _ = verify_netcdf(p)
                except (OSError, ValueError) as err:
                    res.add(shown, f"cannot be read as NetCDF ({err})")
                else:
                    if not ok:
                        res.add(shown, "data do not match the content hash stored in the file")
            continue
        study = rel.split("/", 1)[0]
        if study not in config:
            res.add(shown, f"study {study!r} is not in the current configuration")
            continue
        if info.get("config_section_sha256") != study_config_hash(config, study):
            res.add(shown, f"made from another configuration of section {study!r}")
        if rel.endswith(".nc"):
            _check_netcdf(tree, rel, info, study, config, points_cache, res)

    _rederive(tree, config, points_cache, res, figures_yaml)
    if recompute:
        _recompute(tree, config, recompute, draw_seed, points_cache, res, figures_yaml)
    if redraw:
        _redraw(tree, config, redraw, draw_seed, res, figures_yaml)

    bad = {f for f, _ in res.problems}
    for rel, info in sorted(expected.items()):
        if not rel.endswith(".png"):
            continue
        datasets = info.get("inputs", [])
        tables = {d[: -len(".nc")] + ".params.csv" for d in datasets}
        point_files = {f for d in datasets for f in expected.get(d, {}).get("inputs", [])}
        chain = {rel, rel[:-4] + ".pdf", *datasets, *tables, *point_files}
        res.lineage.append(
            {
                "figure": rel[: -len(".png")],
                "paper": info.get("paper_figure", ""),
                "datasets": len(datasets),
                "tables": len(tables),
                "points": len(point_files),
                "status": "BROKEN" if {tree.show(c) for c in chain} & bad else "ok",
            }
        )
    return res


def _print(res: AuditResult, quiet: bool) -> None:
    if not quiet and res.lineage:
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
    extra = ""
    if res.recomputed:
        extra += f", {len(res.recomputed)} solver job(s) re-solved"
    if res.redrawn:
        extra += f", {len(res.redrawn)} figure(s) redrawn"
    print(
        f"audit: {res.n_checked} outputs checked, {res.n_rederived} re-derived{extra}, "
        f"{len(res.lineage)} figures: {verdict}"
    )


def _count(text: str) -> int | str:
    if text == "all":
        return "all"
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: a number or 'all'") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r}: must not be negative")
    return value


def main(argv: list[str] | None = None) -> int:
    """Command line: audit the results tree; exit 0 when verified, 1 on problems, 2 on bad input."""
    ap = argparse.ArgumentParser(
        prog="python -m lightmatter.audit",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--configfile",
        action="append",
        default=[],
        help="config merged on top of config/config.yaml, as snakemake --configfile",
    )
    ap.add_argument("--results", default=None, help="results root (default: config 'results')")
    ap.add_argument("--quiet", action="store_true", help="only problems and the verdict")
    ap.add_argument(
        "--recompute",
        type=_count,
        default=0,
        metavar="K|all",
        help="re-solve K solver jobs (seeded draw) and compare content hashes",
    )
    ap.add_argument(
        "--redraw",
        type=_count,
        default=0,
        metavar="K|all",
        help="redraw K figures (seeded draw) and compare their bytes",
    )
    ap.add_argument("--draw-seed", type=int, default=0, help="seed of the draws (default 0)")
    args = ap.parse_args(argv)
    repo = registry.registry_path().parents[1]
    try:
        config = load_config([repo / "config" / "config.yaml", *args.configfile])
        from lightmatter.config import validate_config

        validate_config(config, repo / "config" / "schema.yaml", registry.studies())
    except (OSError, ValueError, ConfigError) as err:
        print(f"audit: cannot use the configuration: {err}", file=sys.stderr)
        return 2
    results = args.results or config["results"]
    if not isinstance(results, str) or not Path(results).is_dir():
        print(f"audit: results folder {results!r} does not exist", file=sys.stderr)
        return 2
    try:
        res = audit(
            results,
            config,
            recompute=args.recompute,
            redraw=args.redraw,
            draw_seed=args.draw_seed,
        )
    except (OSError, ValueError) as err:
        print(f"audit: cannot audit {results}: {err}", file=sys.stderr)
        return 2
    _print(res, args.quiet)
    return 0 if res.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
