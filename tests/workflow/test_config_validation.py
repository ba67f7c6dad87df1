"""Bad configurations fail before anything runs, with one clear message naming the key.

Each case mutates config/test.yaml, runs the real workflow (``snakemake -n`` would also parse
the config, but running for real proves that nothing is written under the results root), and
checks the exit code, the message and that the results root was not created.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path

import pytest
import yaml

from lightmatter.config import ConfigError, validate_config

from ..conftest import REPO, run_snakemake

BASE = yaml.safe_load((REPO / "config" / "test.yaml").read_text())
SCHEMA = REPO / "config" / "schema.yaml"


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
        validate_config(cfg, SCHEMA)
    assert needle in str(err.value), str(err.value)


def test_shipped_configs_are_valid():
    for name in ("config.yaml", "test.yaml"):
        validate_config(yaml.safe_load((REPO / "config" / name).read_text()), SCHEMA)


def _yaml_dump(cfg) -> str:
    # YAML has .nan/.inf; PyYAML writes them so that they load back as floats
    return yaml.safe_dump(cfg, sort_keys=False)


@pytest.mark.workflow
@pytest.mark.parametrize(
    "name",
    [
        "wrong_type_string",
        "negative_rate",
        "zero_emitters",
        "unknown_key",
        "missing_section",
        "nan_value",
        "probability_above_one",
        "grid_min_above_max",
        "N_not_integer",
        "empty_list",
        "auger_negative_lifetime",
        "perovskite_probability_above_one",
    ],
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
