# Shared machinery of every study: config validation, paths, case tables, fingerprints, the
# figure registry and the provenance manifest (ARCHITECTURE.md, data flow and contracts).
import importlib.util
import sys

from snakemake.utils import min_version, validate

from lightmatter import registry
from lightmatter.config import ConfigError, validate_config
from lightmatter.jobs import study_module
from lightmatter.provenance import code_fingerprint, config_sha256
from lightmatter.sweeps import case_params

min_version("9.0")

CONDA_ENV = "../envs/lightmatter.yaml"
SCHEMA = "../config/schema.yaml"
STUDIES = registry.studies(workflow.source_path("figures.yaml"))

# ---- config validation: before anything runs, one clear message, nothing written -----------
if not config:
    sys.stderr.write(
        "\nNo configuration: pass --configfile config/config.yaml (profiles/default sets it;"
        " it is skipped with --workflow-profile none).\n\n"
    )
    raise SystemExit(1)
try:
    validate_config(config, workflow.source_path(SCHEMA))
except ConfigError as err:
    sys.stderr.write(f"\nInvalid configuration: {err}\nSee config/schema.yaml.\n\n")
    raise SystemExit(1)
validate(config, SCHEMA)

RESULTS = config["results"].rstrip("/")


wildcard_constraints:
    case_id="[0-9a-f]{12}",


def study_section(study):
    """The config a study's outputs depend on: its section plus the root seed."""
    return {"seed": config["seed"], study: config[study]}


def study_config_hash(study):
    return config_sha256(study_section(study))


_CASES = {}


def cases_of(study, sweep):
    """case_id -> plain params of one sweep (a pure function of the config)."""
    key = (study, sweep)
    if key not in _CASES:
        mod = study_module(study)
        _CASES[key] = case_params(mod.SWEEPS[sweep], config[study], config["seed"])
    return _CASES[key]


def sweeps_of(study):
    return list(study_module(study).SWEEPS)


def sweep_fingerprint(study, sweep):
    return study_module(study).SWEEPS[sweep].fingerprint()


def plot_fingerprint(study):
    """Fingerprint of the plotting helpers a study's figure scripts import (the code trigger
    sees only the script itself)."""
    mods = ["lightmatter.plotting"]
    for name in ("figures", "plots"):
        mod = f"lightmatter.{study}.{name}"
        if importlib.util.find_spec(mod) is not None:
            mods.append(mod)
    return code_fingerprint(mods)


def sweep_of(study, sweep):
    return study_module(study).SWEEPS[sweep]


def case_files(study, sweep):
    return [
        f"{RESULTS}/{study}/cases/{sweep}/{cid}.nc"
        for cid in sorted(cases_of(study, sweep))
    ]


def figures_of(study=None):
    return registry.figures(workflow.source_path("figures.yaml"), study=study)


def all_figures(study=None):
    out = []
    for st in [study] if study else STUDIES:
        for fig in figures_of(st):
            out.extend(fig.outputs(RESULTS))
    return out


def provenance_graph():
    """Every output of the workflow -> the rule, inputs and config section that made it."""
    graph = {}
    for study in STUDIES:
        section = study_config_hash(study)
        for sweep in sweeps_of(study):
            table = f"{RESULTS}/{study}/params/{sweep}.csv"
            graph[table] = {
                "rule": "parameter_table",
                "inputs": [],
                "config_section": study,
                "config_section_sha256": section,
            }
            cfiles = case_files(study, sweep)
            for cid, path in zip(sorted(cases_of(study, sweep)), cfiles):
                graph[path] = {
                    "rule": "solve_case",
                    "inputs": [],
                    "params": cases_of(study, sweep)[cid],
                    "config_section": study,
                    "config_section_sha256": section,
                }
            graph[f"{RESULTS}/{study}/{sweep}.nc"] = {
                "rule": "aggregate_sweep",
                "inputs": [table, *cfiles],
                "config_section": study,
                "config_section_sha256": section,
            }
        for fig in figures_of(study):
            for path in fig.outputs(RESULTS):
                graph[path] = {
                    "rule": fig.rule,
                    "inputs": fig.input_paths(RESULTS),
                    "config_section": study,
                    "config_section_sha256": section,
                    "paper_figure": fig.paper,
                }
    return graph
