"""LICENSE, CITATION.cff and the version: present, valid, consistent, in one place.

CITATION.cff is validated against the CFF 1.2.0 JSON schema that ``cffconvert --validate``
uses, read from the cffconvert wheel (fetched once from the package index into
``.venv-cff/wheels``, ~2 s; ``make citation-check`` runs cffconvert itself). cffconvert cannot
live in the project environment (it pins jsonschema < 4, snakemake needs 4).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import zipfile

import pytest
import yaml

import lightmatter
from lightmatter import registry

from .conftest import REPO

CFFCONVERT = "cffconvert==2.0.0"
WHEELS = REPO / ".venv-cff" / "wheels"


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load((REPO / "CITATION.cff").read_text())


@pytest.fixture(scope="module")
def cff_schema() -> dict:
    wheels = sorted(WHEELS.glob("cffconvert-2.0.0-*.whl"))
    if not wheels:
        proc = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
             "--no-deps", "--only-binary=:all:", "-d", str(WHEELS), CFFCONVERT],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        wheels = sorted(WHEELS.glob("cffconvert-2.0.0-*.whl"))
        if not wheels:
            pytest.skip(f"no package index to fetch {CFFCONVERT}: {proc.stderr[-300:]}")
    with zipfile.ZipFile(wheels[0]) as whl:
        return json.loads(whl.read("cffconvert/schemas/1.2.0/schema.json"))


def test_citation_cff_validates_against_the_cff_schema(cff, cff_schema):
    import jsonschema

    jsonschema.validate(json.loads(json.dumps(cff, default=str)), cff_schema)
    broken = {k: v for k, v in cff.items() if k != "message"}  # message is required
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(json.loads(json.dumps(broken, default=str)), cff_schema)


def test_citation_cites_the_five_papers(cff):
    titles = [" ".join(ref["title"].lower().split()) for ref in cff["references"]]
    for study in registry.studies():
        citation, reference = registry.paper(study)
        hits = [t for t in titles if t[:40] in " ".join(citation.lower().split())]
        assert len(hits) == 1, (study, citation)
        if reference.startswith("doi:"):
            assert any(ref.get("doi") == reference[4:] for ref in cff["references"]), study
    assert len(cff["references"]) == len(registry.studies())


def test_license_and_version_in_one_place(cff):
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["license"] == cff["license"] == "MIT"
    assert (REPO / "LICENSE").read_text().startswith("MIT License")
    assert "version" not in project and project["dynamic"] == ["version"]
    assert "version" not in cff  # the version is written once, in lightmatter/__init__.py
    init = (REPO / "src" / "lightmatter" / "__init__.py").read_text()
    assert f'__version__ = "{lightmatter.__version__}"' in init


def test_gitignore_keeps_the_cffconvert_environment_out_of_git():
    proc = subprocess.run(
        ["git", "check-ignore", "-q", ".venv-cff/wheels/x.whl"], cwd=REPO, check=False
    )
    assert proc.returncode == 0
