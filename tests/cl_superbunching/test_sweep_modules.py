"""The ``cl_superbunching`` sweep modules: their config checks (``validate``) and their specs."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from lightmatter.config import ConfigError, validate_config
from lightmatter.sweep import sweeps_of

REPO = Path(__file__).resolve().parents[2]
STUDY = "cl_superbunching"


@pytest.fixture(scope="module")
def config() -> dict:
    return yaml.safe_load((REPO / "config" / "config.yaml").read_text())


def _validate_all(section: dict) -> None:
    for sw in sweeps_of(STUDY).values():
        sw.validate(section)


def test_shipped_config_passes(config):
    _validate_all(config[STUDY])


@pytest.mark.parametrize(
    ("sweep", "key", "value", "message"),
    [
        ("model2_vs_model1", "N", [2, 21], "every N must be <= M = 20"),
        ("model2_vs_M", "M", [2, 4], "every M must satisfy M p > 1"),
        ("model2_vs_M", "M", [4, 7], "every M p must be an integer"),
        ("hbt", "bin_width", 6.0, "must be smaller than max_delay = 6.0"),
    ],
)
def test_cross_field_checks_name_the_full_key(config, sweep, key, value, message):
    section = copy.deepcopy(config[STUDY])
    section[sweep][key] = value
    with pytest.raises(ValueError) as err:
        sweeps_of(STUDY)[sweep].validate(section)
    text = str(err.value)
    assert text.startswith(f"{STUDY}.{sweep}.{key} = "), text
    assert message in text
    # the workflow's config validation reports it as a ConfigError
    cfg = copy.deepcopy(config)
    cfg[STUDY] = section
    with pytest.raises(ConfigError, match=f"{STUDY}.{sweep}.{key}"):
        validate_config(cfg, REPO / "config" / "schema.yaml", [STUDY])


def test_boundaries_are_allowed(config):
    section = copy.deepcopy(config[STUDY])
    section["model2_vs_model1"]["N"] = [section["model2_vs_model1"]["M"]]  # N = M: p = 1
    section["hbt"]["bin_width"] = 0.99 * section["hbt"]["max_delay"]
    section["model2_vs_M"].update(p=0.25, M=[8])  # N = M p = 2
    _validate_all(section)


def test_every_sweep_solves_the_test_configuration():
    """Each sweep's points and solve fit its declared specs (``build`` checks names and dims)."""
    from lightmatter.config import load_config
    from lightmatter.dataset import combine
    from lightmatter.jobs import solve_points
    from lightmatter.sweep import points_of

    cfg = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml"])
    for name, sw in sweeps_of(STUDY).items():
        ds = combine(solve_points(sw, points_of(sw, cfg[STUDY], cfg["seed"])), sw.point_dims)
        assert set(ds.data_vars) == {*sw.variables, "point_id"}, name
