"""Workflow Run RO-Crate of a finished run (Provenance Run Crate profile 0.5).

    python -m lightmatter.runcrate [--configfile FILE ...] [--results DIR]
    snakemake -c1 ro_crate [--configfile ...]            # the same, as a workflow target

Writes ``<results>/provenance/ro-crate-metadata.json`` from the provenance manifest: the crate
root is ``<results>/provenance/``, and every output of the run is a data entity addressed
relative to it (``../<study>/<sweep>.nc``). The crate holds

* the workflow (``workflow/Snakefile``, with ``rules/*.smk`` and the generic job scripts,
  copied into the crate) as a ``ComputationalWorkflow`` and ``HowTo`` whose steps are the rules
  that ran, each rule a ``SoftwareApplication`` tool with formal inputs and outputs;
* the configuration the run used (``config.json``, the merged configuration) as the
  workflow's input, and the software it ran with (Python, Snakemake, every pinned package);
* one ``CreateAction`` per executed job (each sweep solve, point solve, combination, figure,
  the manifest) with its input files, its parameters (``PropertyValue``: the points and the
  code fingerprint) and its output files, each with SHA-256, size and encoding format;
  ``ControlAction`` and ``OrganizeAction`` tie them to the steps and to the engine.

It is built with the ``rocrate`` package; ``tests/test_runcrate.py`` validates it with
``rocrate-validator`` against ``provenance-run-crate-0.5`` at REQUIRED severity, offline.
"""

from __future__ import annotations

import argparse
import json
import platform
import shutil
import sys
from collections.abc import Mapping
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from lightmatter import __version__, registry
from lightmatter.canonical import canonical_json

__all__ = ["PROFILES", "build_crate", "main", "write_crate"]

#: The profiles the crate conforms to (versioned permalinks).
PROFILES = {
    "https://w3id.org/ro/wfrun/process/0.5": "Process Run Crate",
    "https://w3id.org/ro/wfrun/workflow/0.5": "Workflow Run Crate",
    "https://w3id.org/ro/wfrun/provenance/0.5": "Provenance Run Crate",
    "https://w3id.org/workflowhub/workflow-ro-crate/1.0": "Workflow RO-Crate",
}
#: RO-Crate version of the crate: the one the Provenance Run Crate 0.5 profile builds on.
RO_CRATE_VERSION = "1.1"
#: The Bioschemas terms as the RO-Crate 1.1 context defines them, stated in the crate itself
#: (the same IRIs; later contexts moved them under https://bioschemas.org/terms/).
BIOSCHEMAS_TERMS = {
    "ComputationalWorkflow": "https://bioschemas.org/ComputationalWorkflow",
    "FormalParameter": "https://bioschemas.org/FormalParameter",
    "input": "https://bioschemas.org/ComputationalWorkflow#input",
    "output": "https://bioschemas.org/ComputationalWorkflow#output",
}
#: The identifier Workflow RO-Crate gives the Snakemake language.
SNAKEMAKE_LANGUAGE = "https://w3id.org/workflowhub/workflow-ro-crate#snakemake"
#: Encoding formats (media types) of the outputs, by suffix.
FORMATS = {
    ".nc": "application/x-netcdf",
    ".csv": "text/csv",
    ".png": "image/png",
    ".pdf": "application/pdf",
    ".json": "application/json",
}
#: Workflow definition files copied into the crate (relative to the repository).
WORKFLOW_FILES = ("Snakefile", "rules/common.smk", "rules/pipeline.smk", "rules/provenance.smk")


def _repo() -> Path:
    return registry.registry_path().parents[1]


def _format(path: str) -> str:
    return FORMATS.get(Path(path).suffix, "application/octet-stream")


def _job_of(path: str, info: Mapping[str, Any]) -> str:
    """One job per rule and output stem (a sweep's .nc and .params.csv, a figure's PDF/PNG)."""
    stem = path
    for ext in (".params.csv", ".nc", ".pdf", ".png", ".json"):
        if stem.endswith(ext):
            stem = stem[: -len(ext)]
            break
    return f"{info.get('rule')}:{stem}"


def _versions() -> dict[str, str]:
    """Python and every package pinned in requirements.txt, as installed."""
    out = {"Python": platform.python_version()}
    req = _repo() / "requirements.txt"
    names = []
    if req.is_file():
        for line in req.read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if "==" in line:
                names.append(line.split("==", 1)[0].strip())
    for name in names or ["snakemake", "numpy", "xarray"]:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return out


def _sweep_points(stem: str, config: Mapping[str, Any]) -> str:
    """Canonical JSON of the points of the sweep ``<study>/<sweep>`` (from the configuration)."""
    from lightmatter.sweep import points_of, sweep

    study, _, name = stem.partition("/")
    try:
        return canonical_json(points_of(sweep(study, name), config[study], config["seed"]))
    except (KeyError, ValueError, ModuleNotFoundError):
        return "unknown (not a sweep of the current package)"


def build_crate(results: str | Path, config: Mapping[str, Any]) -> Any:
    """The ``rocrate.rocrate.ROCrate`` of the run under ``results`` (from its manifest)."""
    from rocrate.model import ContextEntity
    from rocrate.rocrate import ROCrate

    results = Path(results)
    manifest_path = results / "provenance" / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    outputs: dict[str, dict[str, Any]] = manifest["outputs"]
    prefix = str(manifest.get("results", str(results))).rstrip("/")
    when = datetime.fromtimestamp(manifest_path.stat().st_mtime, UTC).isoformat(timespec="seconds")

    def rel(p: str) -> str:
        return p[len(prefix) + 1 :] if p.startswith(prefix + "/") else p

    crate = ROCrate(version=RO_CRATE_VERSION)
    crate.metadata.extra_terms.update(BIOSCHEMAS_TERMS)
    crate.name = "lightmatter workflow run"
    crate.description = (
        "Every computed figure of five light-matter papers, regenerated by the lightmatter "
        "Snakemake workflow; each job with its inputs, parameters and outputs."
    )
    crate.root_dataset["datePublished"] = when
    crate.root_dataset["license"] = "https://spdx.org/licenses/MIT"

    def add(eid: str, types: str | list[str], **props: Any) -> Any:
        return crate.add(ContextEntity(crate, eid, properties={"@type": types, **props}))

    def ref(entity: Any) -> dict[str, str]:
        return {"@id": entity.id if hasattr(entity, "id") else entity}

    profiles = [
        add(uri, "CreativeWork", name=name, version=uri.rsplit("/", 1)[1])
        for uri, name in PROFILES.items()
    ]
    crate.root_dataset["conformsTo"] = [ref(p) for p in profiles]

    # ---- the workflow and the software it ran with ----
    repo = _repo()
    sources = {}
    for name in WORKFLOW_FILES:
        if (repo / name).is_file():
            props: dict[str, Any] = {
                "encodingFormat": "text/x-python",
                "name": name,
                "description": "part of the workflow definition (included by the Snakefile)",
            }
            if name == "Snakefile":
                props["@type"] = ["File", "SoftwareSourceCode", "ComputationalWorkflow", "HowTo"]
            sources[name] = crate.add_file(
                source=None, dest_path=f"workflow/{name}", properties=props
            )
    snakemake_lang = add(
        SNAKEMAKE_LANGUAGE,
        "ComputerLanguage",
        name="Snakemake",
        identifier={"@id": "https://snakemake.readthedocs.io"},
        url={"@id": "https://snakemake.github.io"},
    )
    versions = _versions()
    software = [
        add(f"#software-{name}", "SoftwareApplication", name=name, version=version)
        for name, version in versions.items()
    ]
    engine = add(
        "#engine",
        "SoftwareApplication",
        name="Snakemake",
        version=versions.get("snakemake", ""),
        url={"@id": "https://snakemake.github.io"},
    )
    workflow = sources["Snakefile"]
    workflow["name"] = "lightmatter"
    workflow["programmingLanguage"] = ref(snakemake_lang)
    workflow["version"] = __version__
    workflow["softwareRequirements"] = [ref(s) for s in software]
    crate.root_dataset["mainEntity"] = ref(workflow)

    # ---- the configuration: the workflow's input ----
    config_file = crate.add_file(
        source=None,
        dest_path="config.json",
        properties={
            "name": "merged configuration of the run",
            "encodingFormat": "application/json",
            "description": "config/config.yaml with every --configfile merged on top",
        },
    )
    config_text = json.dumps(json.loads(canonical_json(config)), indent=1, sort_keys=True) + "\n"
    config_param = add(
        "#param-config",
        "FormalParameter",
        name="configuration",
        additionalType="File",
        encodingFormat="application/json",
        workExample=ref(config_file),
    )

    # ---- the output files ----
    files: dict[str, Any] = {}
    for path, info in sorted(outputs.items()):
        on_disk = results / rel(path)
        props = {
            "name": rel(path),
            "sha256": info.get("sha256"),
            "contentSize": str(on_disk.stat().st_size) if on_disk.is_file() else None,
            "encodingFormat": _format(path),
        }
        if info.get("content_sha256"):
            props["description"] = f"canonical content hash {info['content_sha256']}"
        files[path] = crate.add_file(
            source=None,
            dest_path=f"../{rel(path)}",
            properties={k: v for k, v in props.items() if v is not None},
        )
    manifest_file = crate.add_file(
        source=None,
        dest_path="manifest.json",
        properties={"name": "provenance manifest", "encodingFormat": "application/json"},
    )

    # ---- jobs, grouped by rule ----
    jobs: dict[str, dict[str, Any]] = {}
    for path, info in sorted(outputs.items()):
        job = jobs.setdefault(
            _job_of(path, info),
            {
                "rule": info.get("rule", "?"),
                "inputs": info.get("inputs", []),
                "outputs": [],
                "info": info,
            },
        )
        job["outputs"].append(path)
    rules = sorted({j["rule"] for j in jobs.values()} | {"provenance_manifest"})
    tools, steps, params_in, params_out, params_pv = {}, {}, {}, {}, {}
    for i, rule in enumerate(rules):
        params_in[rule] = add(
            f"#param-{rule}-inputs", "FormalParameter", name=f"{rule} inputs", additionalType="File"
        )
        params_out[rule] = add(
            f"#param-{rule}-outputs",
            "FormalParameter",
            name=f"{rule} outputs",
            additionalType="File",
        )
        params_pv[rule] = add(
            f"#param-{rule}-parameters",
            "FormalParameter",
            name=f"{rule} parameters",
            additionalType="PropertyValue",
        )
        tools[rule] = add(
            f"#rule-{rule}",
            "SoftwareApplication",
            name=f"rule {rule}",
            input=[ref(params_in[rule]), ref(params_pv[rule])],
            output=[ref(params_out[rule])],
        )
        steps[rule] = add(
            f"#step-{rule}",
            "HowToStep",
            name=f"rule {rule}",
            position=str(i),
            workExample=ref(tools[rule]),
        )
    workflow["input"] = [ref(config_param)]
    workflow["output"] = [ref(params_out[r]) for r in rules]
    workflow["step"] = [ref(steps[r]) for r in rules]
    workflow["hasPart"] = [ref(tools[r]) for r in rules]

    examples: dict[str, dict[str, list[Any]]] = {r: {"in": [], "out": [], "pv": []} for r in rules}
    control_actions = []
    jobs["provenance_manifest:manifest"] = {
        "rule": "provenance_manifest",
        "inputs": sorted(outputs),
        "outputs": [],
        "info": {},
        "extra_result": manifest_file,
    }
    for n, (key, job) in enumerate(sorted(jobs.items())):
        rule = job["rule"]
        info = job["info"]
        values = {"rule": rule}
        for k in ("config_section", "config_section_sha256", "code_fingerprint", "paper_figure"):
            if info.get(k):
                values[k] = info[k]
        if "params" in info:
            values["point"] = canonical_json(info["params"])
        elif rule in ("solve_sweep", "combine_points"):
            values["points"] = _sweep_points(rel(key.split(":", 1)[1]), config)
        nc = next((p for p in job["outputs"] if p.endswith(".nc")), None)
        if nc and outputs[nc].get("code_fingerprint"):
            values["code_fingerprint"] = outputs[nc]["code_fingerprint"]
        pvs = [
            add(
                f"#pv-{n}-{k}",
                "PropertyValue",
                name=k,
                value=str(v),
                exampleOfWork=ref(params_pv[rule]),
            )
            for k, v in sorted(values.items())
        ]
        ins = [files[p] for p in job["inputs"] if p in files]
        outs = [files[p] for p in job["outputs"]] + (
            [job["extra_result"]] if "extra_result" in job else []
        )
        action = add(
            f"#job-{n}",
            "CreateAction",
            name=f"{rule}: {rel(key.split(':', 1)[1])}",
            instrument=ref(tools[rule]),
            object=[ref(e) for e in [*ins, *pvs]] or [ref(config_file)],
            result=[ref(e) for e in outs],
            endTime=when,
        )
        examples[rule]["in"].extend(ins)
        examples[rule]["out"].extend(outs)
        examples[rule]["pv"].extend(pvs)
        control_actions.append(
            add(
                f"#control-{n}",
                "ControlAction",
                name=f"orchestrate {action['name']}",
                instrument=ref(steps[rule]),
                object=ref(action),
            )
        )
    for rule in rules:
        for kind, param in (("in", params_in), ("out", params_out), ("pv", params_pv)):
            found = examples[rule][kind] or [config_file]
            param[rule]["workExample"] = [ref(e) for e in found]
    figures = [files[p] for p in outputs if p.endswith((".png", ".pdf"))]
    run = add(
        "#run",
        "CreateAction",
        name="lightmatter workflow run",
        instrument=ref(workflow),
        object=[ref(config_file)],
        result=[ref(f) for f in [*figures, manifest_file]],
        endTime=when,
    )
    add(
        "#organize",
        "OrganizeAction",
        name="Snakemake orchestration of the run",
        instrument=ref(engine),
        object=[ref(c) for c in control_actions],
        result=ref(run),
        endTime=when,
    )
    crate.root_dataset["mentions"] = [ref(run)]
    crate._lightmatter_config_text = config_text  # written by write_crate
    return crate


def write_crate(results: str | Path, config: Mapping[str, Any]) -> Path:
    """Write ``<results>/provenance/ro-crate-metadata.json`` (and the crate's copies of the
    workflow files and of the configuration); return the metadata file's path."""
    from lightmatter.provenance import atomic_path

    results = Path(results)
    crate = build_crate(results, config)
    root = results / "provenance"
    for name in WORKFLOW_FILES:
        src = _repo() / name
        if src.is_file():
            with atomic_path(root / "workflow" / name) as tmp:
                shutil.copyfile(src, tmp)
    with atomic_path(root / "config.json") as tmp:
        tmp.write_text(crate._lightmatter_config_text)
    out = root / "ro-crate-metadata.json"
    with atomic_path(out) as tmp:
        tmp.write_text(json.dumps(crate.metadata.generate(), indent=1) + "\n")
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line: write the crate of the results tree; exit 2 on unreadable input."""
    from lightmatter.config import ConfigError, load_config

    ap = argparse.ArgumentParser(
        prog="python -m lightmatter.runcrate",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--configfile", action="append", default=[])
    ap.add_argument("--results", default=None)
    args = ap.parse_args(argv)
    try:
        config = load_config([_repo() / "config" / "config.yaml", *args.configfile])
        out = write_crate(args.results or config["results"], config)
    except (OSError, ValueError, KeyError, ConfigError) as err:
        print(f"runcrate: cannot write the crate: {err}", file=sys.stderr)
        return 2
    print(f"runcrate: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
