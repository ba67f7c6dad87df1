"""Repository contracts: pins agree, README table matches the registry, layout is complete."""

from __future__ import annotations

import re

import yaml

from lightmatter import registry

from .conftest import REPO


def _pip_pins(path) -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        line = line.split("#")[0].strip()
        if line and "==" in line:
            name, ver = line.split("==")
            pins[name.strip().lower().replace("_", "-")] = ver.strip()
    return pins


def test_conda_env_pins_equal_pip_requirements():
    req = _pip_pins(REPO / "requirements.txt")
    env = yaml.safe_load((REPO / "envs" / "lightmatter.yaml").read_text())
    conda = {}
    pip_section = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section = dep["pip"]
            continue
        m = re.fullmatch(r"([A-Za-z0-9_.-]+)=(.+)", dep)
        if m:
            conda[m.group(1).lower()] = m.group(2)
    for line in pip_section:
        if "==" in line:
            name, ver = line.split("==")
            conda[name.lower()] = ver
    assert conda.pop("python") == "3.11"
    assert conda == req, {k: (conda.get(k), req.get(k)) for k in set(conda) | set(req)}


def test_lock_contains_every_direct_pin():
    req = _pip_pins(REPO / "requirements.txt")
    lock = _pip_pins(REPO / "requirements-lock.txt")
    for name, ver in req.items():
        assert lock.get(name) == ver, (name, ver, lock.get(name))


def test_readme_figure_table_is_generated_from_the_registry():
    readme = (REPO / "README.md").read_text()
    assert registry.readme_table() in readme, "run `make readme-table` and paste into README.md"


def test_every_registered_figure_has_script_and_caption():
    for fig in registry.figures():
        assert (REPO / fig.script).is_file(), fig.script
        assert (REPO / fig.caption).is_file(), fig.caption
        assert "ssumed" in (REPO / fig.caption).read_text(), f"{fig.caption}: state assumptions"


def test_results_holds_only_a_readme_in_git():
    import subprocess

    out = subprocess.run(
        ["git", "ls-files", "results"], cwd=REPO, capture_output=True, text=True, check=False
    ).stdout.split()
    assert out in ([], ["results/README.md"]), out


def test_registry_is_read_once_but_follows_edits(tmp_path):
    """The parsed registry is cached per process (the Snakefile asks for it dozens of times),
    keyed by the file's mtime and size, so an edited file is read again."""
    import os

    reg = tmp_path / "figures.yaml"
    reg.write_text("s1:\n  f1: {paper: p, what: w, inputs: [a]}\n")
    assert [f.id for f in registry.figures(reg)] == ["f1"]
    assert registry._load(reg) is registry._load(reg)
    reg.write_text(
        "s1:\n  f1: {paper: p, what: w, inputs: [a]}\n  f2: {paper: p, what: w, inputs: [b]}\n"
    )
    os.utime(reg, ns=(1, 1))  # even with an unchanged mtime a different size is noticed
    assert [f.id for f in registry.figures(reg)] == ["f1", "f2"]
    assert registry.studies(reg) == ["s1"]
