"""Bad configurations fail before anything runs, with one clear message naming the key.

Each case mutates the merged test configuration (config/config.yaml with config/test.yaml on
top, as Snakemake layers them), runs the real workflow (``snakemake -n`` would also parse
the config, but running for real proves that nothing is written under the results root), and
checks the exit code, the message and that the results root was not created.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import yaml

from lightmatter import registry
from lightmatter.config import ConfigError, load_config, validate_config

from ..conftest import REPO, run_snakemake

BASE = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml"])
SCHEMA = REPO / "config" / "schema.yaml"
STUDIES = registry.studies()


def _set(path: str, value):
    def mutate(cfg):
        *parents, leaf = path.split(".")
        node = cfg
        for p in parents:
            node = node[p]
        node[leaf] = value

    return mutate


def _delete(path: str):
    def mutate(cfg):
        *parents, leaf = path.split(".")
        node = cfg
        for p in parents:
            node = node[p]
        del node[leaf]

    return mutate


CL = "cl_superbunching"
BAD = {
    "wrong_type_string": (_set(f"{CL}.hbt.gamma_tau", "fast"), "cl_superbunching.hbt.gamma_tau"),
    "negative_rate": (_set(f"{CL}.hbt.gamma_tau", -0.1), "cl_superbunching.hbt.gamma_tau"),
    "zero_emitters": (_set(f"{CL}.g2_zero.N", [0, 2]), "cl_superbunching.g2_zero.N[0]"),
    "N_not_integer": (_set(f"{CL}.hbt.N", 2.5), "cl_superbunching.hbt.N"),
    "unknown_key": (_set(f"{CL}.g2_delay.t_maxx", 3.0), "t_maxx"),
    "unknown_top_level": (_set("colour", "blue"), "colour"),
    "missing_section": (_delete(CL), "missing required key cl_superbunching"),
    "missing_key": (_delete(f"{CL}.g2_zero.gamma_tau"), "cl_superbunching.g2_zero.gamma_tau"),
    "nan_value": (_set(f"{CL}.g2_delay.t_max", math.nan), "not a finite number"),
    "inf_value": (_set(f"{CL}.hbt.max_delay", math.inf), "not a finite number"),
    "probability_above_one": (_set(f"{CL}.model2_saturation.p", 1.5), "model2_saturation.p"),
    "bad_enum": (_set(f"{CL}.model3_fit.law", "strong"), "weak_clipped"),
    "grid_min_above_max": (
        _set(f"{CL}.g2_zero.gamma_tau", {"min": 5.0, "max": 1.0, "num": 3}),
        "must be smaller than max",
    ),
    "N_above_M": (_set(f"{CL}.model2_vs_model1.N", [2, 99]), "must be <= M"),
    "empty_list": (_set(f"{CL}.g2_delay.gamma_tau", []), "cl_superbunching.g2_delay.gamma_tau"),
    "negative_seed": (_set("seed", -1), "seed"),
    "auger_negative_lifetime": (
        _set("auger_photoemission.model.tau1", -1e-7),
        "auger_photoemission.model.tau1",
    ),
    "auger_unknown_shape": (
        _set("auger_photoemission.coherence.shapes", ["lorentzian"]),
        "auger_photoemission.coherence.shapes[0]",
    ),
    "auger_missing_section": (_delete("auger_photoemission"), "auger_photoemission"),
    "perovskite_probability_above_one": (
        _set("perovskite_emission.blinking.params.p_exc", 1.2),
        "perovskite_emission.blinking.params.p_exc",
    ),
    "perovskite_dicke_N_one": (
        _set("perovskite_emission.dicke.N", [1, 10]),
        "perovskite_emission.dicke.N[0]",
    ),
    "perovskite_unknown_blinking_param": (
        _set("perovskite_emission.blinking.params.k_auger_x", 0.1),
        "k_auger_x",
    ),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_validate_config_rejects(name):
    mutate, needle = BAD[name]
    cfg = copy.deepcopy(BASE)
    mutate(cfg)
    with pytest.raises(ConfigError) as err:
        validate_config(cfg, SCHEMA, STUDIES)
    assert needle in str(err.value), str(err.value)


def test_shipped_configs_are_valid():
    validate_config(load_config([REPO / "config" / "config.yaml"]), SCHEMA, STUDIES)
    validate_config(BASE, SCHEMA, STUDIES)


def test_test_config_holds_only_what_differs_from_the_default():
    """config/test.yaml is an overlay: every value it sets differs from config/config.yaml."""
    default = load_config([REPO / "config" / "config.yaml"])
    overlay = load_config([REPO / "config" / "test.yaml"])

    def same(top, base, path=""):
        for k, v in top.items():
            assert k in base, f"{path}{k}: not a key of config/config.yaml"
            if isinstance(v, dict):
                yield from same(v, base[k], f"{path}{k}.")
            elif v == base[k]:
                yield f"{path}{k}"

    assert list(same(overlay, default)) == []


def test_layering_merges_nested_keys(tmp_path):
    top = tmp_path / "top.yaml"
    top.write_text("cl_superbunching:\n  hbt:\n    N: 4\n")
    merged = load_config([REPO / "config" / "config.yaml", top])
    default = load_config([REPO / "config" / "config.yaml"])
    assert merged["cl_superbunching"]["hbt"] == {**default["cl_superbunching"]["hbt"], "N": 4}
    assert merged["qd_gain"] == default["qd_gain"]


def test_duplicate_yaml_keys_are_rejected(tmp_path):
    bad = tmp_path / "dup.yaml"
    bad.write_text("seed: 1\nseed: 2\n")
    with pytest.raises(ConfigError, match="duplicate key 'seed'"):
        load_config([bad])


def _yaml_dump(cfg) -> str:
    # YAML has .nan/.inf; PyYAML writes them so that they load back as floats
    return yaml.safe_dump(cfg, sort_keys=False)


@pytest.mark.workflow
@pytest.mark.parametrize(
    "name",
    # One of each kind through Snakemake itself (type, unknown key, non-finite value, a sweep's
    # cross-field check); test_validate_config_rejects runs every case of BAD through the same
    # validate_config the Snakefile calls (each Snakemake refusal costs ~1.5 s of make test).
    ["wrong_type_string", "unknown_key", "nan_value", "N_above_M"],
)
def test_workflow_refuses_bad_config(name, tmp_path: Path):
    mutate, needle = BAD[name]
    cfg = copy.deepcopy(BASE)
    mutate(cfg)
    results = tmp_path / "results"
    cfg["results"] = str(results)
    cfile = tmp_path / "bad.yaml"
    cfile.write_text(_yaml_dump(cfg))
    proc = run_snakemake("-c1", "--configfile", str(cfile), "--config", f"results={results}")
    assert proc.returncode != 0
    err = proc.stderr + proc.stdout
    assert "Invalid configuration:" in err, err[-2000:]
    assert needle in err, err[-2000:]
    assert not results.exists(), "a rejected config must not write anything under results/"
