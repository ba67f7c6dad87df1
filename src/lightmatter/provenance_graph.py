"""What the workflow makes, derived from config + registry alone (light: imports no physics).

:func:`provenance_graph` maps every output path to the rule that makes it, its inputs and the
config section it depends on. The Snakefile writes it into ``provenance/manifest.json``; the
audit derives it again from the current configuration, so a file deleted together with its
manifest entry is still missed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lightmatter import claims, registry
from lightmatter.canonical import canonical_json, point_id
from lightmatter.sweep import points_of, sweeps_of

__all__ = ["provenance_graph", "study_config_hash", "sweep_outputs"]


def study_config_hash(config: Mapping[str, Any], study: str) -> str:
    """SHA-256 of a study's config section plus the root seed (what its outputs depend on)."""
    section = {"seed": config["seed"], study: config[study]}
    return hashlib.sha256(canonical_json(section).encode()).hexdigest()


def sweep_outputs(results: str, study: str, sweep: str) -> tuple[str, str]:
    """The dataset and parameter table of a sweep."""
    stem = f"{results}/{study}/{sweep}"
    return f"{stem}.nc", f"{stem}.params.csv"


def provenance_graph(
    config: Mapping[str, Any],
    figures_yaml: str | Path | None = None,
    ledger_dir: str | Path | None = None,
) -> dict[str, dict[str, Any]]:
    """Every output of the workflow -> ``{"rule", "inputs", "config_section", ...}``.

    ``ledger_dir`` is the claims ledger folder (default: ``rules/claims`` of the source tree);
    the Snakefile passes its own, since ``figures_yaml`` may be a cached copy of the file."""
    results = str(config["results"]).rstrip("/")
    path = figures_yaml or registry.registry_path()
    graph: dict[str, dict[str, Any]] = {}
    for study in registry.studies(path):
        section = study_config_hash(config, study)
        common = {"config_section": study, "config_section_sha256": section}
        for name, sw in sweeps_of(study).items():
            pts = points_of(sw, config[study], config["seed"])
            nc, table = sweep_outputs(results, study, name)
            if sw.fan_out:
                files = [f"{results}/{study}/points/{name}/{point_id(p)}.nc" for p in pts]
                for f, p in zip(files, pts):
                    graph[f] = {"rule": "solve_point", "inputs": [], "params": p, **common}
                for out in (nc, table):
                    graph[out] = {"rule": "combine_points", "inputs": files, **common}
            else:
                for out in (nc, table):
                    graph[out] = {"rule": "solve_sweep", "inputs": [], **common}
        for fig in registry.figures(path, study=study):
            for out in fig.outputs(results):
                graph[out] = {
                    "rule": fig.rule,
                    "inputs": fig.input_paths(results),
                    "paper_figure": fig.paper,
                    **common,
                }
    ledger_dir = ledger_dir or claims.ledger_dir()
    studies = registry.studies(path)
    if not set(claims.ledger_papers(ledger_dir)) <= set(studies):
        # A registry that holds only some of the studies (a test's one-figure registry) has no
        # claims outputs: the ledger is evaluated against the papers it names, all of them.
        return dict(sorted(graph.items()))
    ledger = claims.load_ledger(ledger_dir, studies)
    inputs = claims.claim_datasets(ledger, results)
    common = {
        "config_section": "claims",
        "config_section_sha256": claims.claims_config_hash(config, ledger_dir, studies),
    }
    for out in claims.claims_outputs(results).values():
        graph[out] = {"rule": "claims", "inputs": inputs, **common}
    return dict(sorted(graph.items()))
