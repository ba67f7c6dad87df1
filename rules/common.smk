# Shared machinery of every study (docs/design.md): config validation, sweeps and their points,
# fingerprints, the figure registry and the provenance graph. Parsing imports no physics: the
# sweep modules import their physics inside solve(), which only jobs call.
import hashlib
from pathlib import Path
import sys

from snakemake.utils import min_version

from lightmatter import registry
from lightmatter.canonical import point_id
from lightmatter.config import (
    ConfigError,
    available_memory_mb,
    check_config_file,
    validate_config,
)
from lightmatter.fingerprint import script_fingerprint
from lightmatter.provenance_graph import study_config_hash
from lightmatter.sweep import points_of, sweeps_of

min_version("9.0")

CONDA_ENV = "../envs/lightmatter.yaml"
STUDIES = registry.studies(workflow.source_path("figures.yaml"))


def _memory_limit_mb():
    """Ceiling of one job's memory estimate: --resources mem_mb if given, else this machine's."""
    try:
        given = workflow.resource_settings.resources.get("mem_mb")
    except AttributeError:
        given = None
    given = getattr(given, "value", given)  # a snakemake Resource, or a plain number
    return (
        int(given)
        if isinstance(given, (int, float)) and given
        else available_memory_mb()
    )


# ---- config validation: before anything runs, one clear message, nothing written -----------
# The files as text first (YAML tags, YTE, duplicate keys: invisible once loaded), then the
# merged configuration (size, schema, results root, cross-references, memory estimates).
try:
    for _path in dict.fromkeys(map(str, workflow.configfiles)):
        check_config_file(_path)
    validate_config(
        config,
        workflow.source_path("../config/schema.yaml"),
        STUDIES,
        repo=workflow.basedir,
        mem_limit_mb=_memory_limit_mb(),
    )
except ConfigError as err:
    sys.stderr.write(f"\nInvalid configuration: {err}\nSee config/schema.yaml.\n\n")
    raise SystemExit(1)

RESULTS = config["results"].rstrip("/")


def sweep_names(study):
    return list(sweeps_of(study))


_POINTS = {}


def points(study, sweep):
    """The sweep's points (plain JSON, key-sorted): its solver rule's params and cache key."""
    key = (study, sweep)
    if key not in _POINTS:
        _POINTS[key] = points_of(sweeps_of(study)[sweep], config[study], config["seed"])
    return _POINTS[key]


def point_by_id(study, sweep, pid):
    return {point_id(p): p for p in points(study, sweep)}[pid]


def point_files(study, sweep):
    return [
        f"{RESULTS}/{study}/points/{sweep}/{point_id(p)}.nc"
        for p in points(study, sweep)
    ]


def fingerprint(study, sweep):
    return sweeps_of(study)[sweep].fingerprint()


def resource(study, sweep, key):
    """A job's resource; its memory follows the sweep's estimate for this configuration."""
    sw = sweeps_of(study)[sweep]
    if key == "mem_mb":
        return sw.memory_estimate(config[study])[0]
    return sw.resources[key]


def fan_out_sweeps(fan_out):
    """Sweep names (any study) whose FAN_OUT equals ``fan_out``; a name is one or the other."""
    names = {
        name
        for study in STUDIES
        for name, sw in sweeps_of(study).items()
        if sw.fan_out == fan_out
    }
    return sorted(names)


def all_datasets():
    """Every sweep's dataset and table, and every point file: targets of rule all, so that a
    deleted intermediate is rebuilt by a plain rerun (Snakemake does not rebuild a missing file
    that is only an input of up-to-date outputs)."""
    out = []
    for study in STUDIES:
        for sweep in sweep_names(study):
            out.extend(
                f"{RESULTS}/{study}/{sweep}{ext}" for ext in (".nc", ".params.csv")
            )
            if sweeps_of(study)[sweep].fan_out:
                out.extend(point_files(study, sweep))
    return out


def figures_of(study=None):
    return registry.figures(workflow.source_path("figures.yaml"), study=study)


def all_figures(study=None):
    out = []
    for st in [study] if study else STUDIES:
        for fig in figures_of(st):
            out.extend(fig.outputs(RESULTS))
    return out


_clash = set(fan_out_sweeps(True)) & set(fan_out_sweeps(False))
if _clash:
    raise ValueError(f"sweep names both fan-out and not in different studies: {_clash}")


def report_overview():
    """Write the report's landing page (lightmatter.report.overview_rst) and return its path.

    It lives under .snakemake/ (per working directory) and is rewritten only when its text
    changes; ``snakemake --report`` reads it as the workflow description.
    """
    from lightmatter.report import write_overview

    tag = hashlib.sha256(RESULTS.encode()).hexdigest()[:8]
    out = f"{workflow.basedir}/.snakemake/lightmatter/report-overview-{tag}.rst"
    return write_overview(config, RESULTS, out, Path(workflow.basedir))
