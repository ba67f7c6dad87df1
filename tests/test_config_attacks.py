"""Configurations that must fail early, naming the key (issue 13, "configs that fail early").

Unit level: the checks ``rules/common.smk`` runs before any job (``check_config_file`` on every
config file as text, then ``validate_config`` on the merged configuration), applied to mutated
copies of the test configuration. ``test_the_workflow_refuses_a_tagged_file_before_any_job``
runs one real dry run to show that the Snakefile calls them.
"""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pytest

from lightmatter import registry
from lightmatter.config import (
    ConfigError,
    check_config_file,
    check_results_root,
    load_config,
    validate_config,
)
from lightmatter.sweep import sweep

from .conftest import REPO, run_snakemake

BASE = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml"])
SCHEMA = REPO / "config" / "schema.yaml"
STUDIES = registry.studies()


def _validate(cfg, **kw):
    validate_config(cfg, SCHEMA, STUDIES, **kw)


def _mutated(path: str, value):
    cfg = copy.deepcopy(BASE)
    *parents, leaf = path.split(".")
    node = cfg
    for p in parents:
        node = node[p]
    node[leaf] = value
    return cfg


# ---- alias bomb: bounded work ---------------------------------------------------------------
BOMB = """
a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]
i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]
"""


def test_an_alias_bomb_under_an_unknown_key_is_refused_quickly(tmp_path):
    """10^9 nodes once expanded, a few dozen distinct: refused in well under a second."""
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("lol:\n" + "".join(f"  {line}\n" for line in BOMB.strip().splitlines()))
    cfg = load_config([REPO / "config" / "config.yaml", REPO / "config" / "test.yaml", bomb])
    t0 = time.perf_counter()
    with pytest.raises(ConfigError, match=r"^lol.*expands to more than"):
        _validate(cfg)
    assert time.perf_counter() - t0 < 2.0


def test_an_alias_bomb_under_a_known_key_is_refused_too():
    import yaml

    inner = yaml.safe_load(BOMB)["i"]
    cfg = _mutated("qd_gain.cw", {"pump": inner})
    t0 = time.perf_counter()
    with pytest.raises(ConfigError, match=r"qd_gain\.cw\.pump"):
        _validate(cfg)
    assert time.perf_counter() - t0 < 2.0


# ---- the files as text: tags, YTE, duplicate keys -------------------------------------------
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("seed: !!python/object/apply:os.system ['true']\n", "YAML tags are not allowed"),
        ("seed: !!int 3\n", "YAML tags are not allowed"),
        ("results: !custom x\n", "YAML tags are not allowed"),
        ("__use_yte__: true\nseed: ?1 + 1\n", "YTE templates"),
        ("seed: 1\nresults: r\nseed: 2\n", "duplicate key 'seed'"),
        ("qd_gain:\n  cw: {a: 1, a: 2}\n", "duplicate key 'a'"),
    ],
)
def test_config_files_with_tags_yte_or_duplicate_keys_are_refused(tmp_path, text, needle):
    f = tmp_path / "c.yaml"
    f.write_text(text)
    with pytest.raises(ConfigError, match=needle) as err:
        check_config_file(f)
    assert str(f) in str(err.value)
    with pytest.raises(ConfigError, match=needle):
        load_config([f])  # the audit's loader refuses them too


def test_the_shipped_config_files_pass_the_text_checks():
    for name in ("config.yaml", "test.yaml"):
        check_config_file(REPO / "config" / name)


# ---- the results root -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("results", "needle"),
    [
        ("out{x}", "braces"),
        ("/", "file-system root"),
        ("config", "config/ folder"),
        ("src/out", "src/ folder"),
        (".", "over the repository"),
        ("..", "over the repository"),
    ],
)
def test_bad_results_roots_are_refused(results, needle, monkeypatch):
    monkeypatch.chdir(REPO)
    with pytest.raises(ConfigError, match=needle) as err:
        _validate(_mutated("results", results), repo=REPO)
    assert str(err.value).startswith("results = ")


@pytest.mark.parametrize("results", ["results", "./results/", "/tmp/lightmatter-results"])
def test_plain_results_roots_are_accepted(results, monkeypatch):
    monkeypatch.chdir(REPO)
    check_results_root(results, REPO)


# ---- cross-references ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "value", "needle"),
    [
        ("ledd_ttm.reference", "Cu", "ledd_ttm.reference = 'Cu'"),
        ("ledd_ttm.pulse.source", "Cu", "ledd_ttm.pulse.source = 'Cu'"),
        ("ledd_ttm.boltzmann.materials", ["ITO", "Cu"], "ledd_ttm.boltzmann.materials[1]"),
        ("ledd_ttm.convergence.material", "Cu", "ledd_ttm.convergence.material = 'Cu'"),
        ("ledd_ttm.ledd", ["Cu"], "ledd_ttm.ledd[0] = 'Cu'"),
        ("perovskite_emission.blinking.bin_time_s", 10.0, "must not exceed"),
    ],
)
def test_cross_references_are_checked(path, value, needle):
    with pytest.raises(ConfigError) as err:
        _validate(_mutated(path, value))
    assert needle in str(err.value)


def test_a_material_name_that_is_not_a_plain_word_is_refused():
    cfg = copy.deepcopy(BASE)
    materials = cfg["ledd_ttm"]["materials"]
    materials["$\\frac{$"] = materials["ITO"]
    cfg["ledd_ttm"]["ledd"] = ["$\\frac{$"]
    with pytest.raises(ConfigError, match=r"ledd_ttm\.materials"):
        _validate(cfg)


# ---- memory ----------------------------------------------------------------------------------
def test_a_job_that_would_exceed_the_memory_is_refused_naming_the_key():
    cfg = _mutated("perovskite_emission.blinking.duration_s", 1.0e5)
    _validate(cfg)  # within the schema, and without a memory ceiling nothing objects
    with pytest.raises(ConfigError) as err:
        _validate(cfg, mem_limit_mb=24_000)
    msg = str(err.value)
    assert (
        "perovskite_emission/blinking" in msg and "perovskite_emission.blinking.duration_s" in msg
    )
    assert "24000 MB" in msg


def test_the_declared_memory_follows_the_estimate():
    """Below the floor the module's RESOURCES hold; above it, the estimate, which grows
    linearly with the photon count (hbt) and the simulated time (blinking)."""
    hbt = sweep("cl_superbunching", "hbt")
    section = copy.deepcopy(BASE["cl_superbunching"])
    assert hbt.memory_estimate(section) == (hbt.resources["mem_mb"], None)
    section["hbt"]["n_photons"] = 100_000_000
    mb, key = hbt.memory_estimate(section)
    assert key == "hbt.n_photons" and mb > hbt.resources["mem_mb"]
    blink = sweep("perovskite_emission", "blinking")
    sec = copy.deepcopy(BASE["perovskite_emission"])
    sizes = []
    for duration in (1.0e4, 2.0e4, 4.0e4):
        sec["blinking"]["duration_s"] = duration
        sizes.append(blink.memory_estimate(sec)[0])
    assert sizes[2] - sizes[1] == pytest.approx(2 * (sizes[1] - sizes[0]), rel=1e-3)


def test_the_shipped_configs_fit_this_machine():
    from lightmatter.config import available_memory_mb

    for files in (["config.yaml"], ["config.yaml", "test.yaml"]):
        cfg = load_config([REPO / "config" / f for f in files])
        _validate(cfg, repo=REPO, mem_limit_mb=min(available_memory_mb(), 16_000))


def test_the_workflow_refuses_a_tagged_file_before_any_job(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("seed: !!int 3\n")
    results = tmp_path / "results"
    proc = run_snakemake("-n", "--configfile", str(bad), "--config", f"results={results}")
    assert proc.returncode != 0
    err = proc.stderr + proc.stdout
    assert "Invalid configuration:" in err and "YAML tags are not allowed" in err, err[-2000:]
    assert not results.exists()
