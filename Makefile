# lightmatter: two commands on a fresh machine.
#   make figures   set up .venv from the pinned lock and run the whole workflow (paper resolution)
#   make test      set up the same .venv and run lint + the test suite (physics + workflow end to end)
# Other targets: claims, report, audit, lint, format, bench, readme-table, citation-check,
# cf-check, lock, clean, help.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.lightmatter-installed
CORES ?= 2
# CONFIG=config/test.yaml merges that file on top of the default config/config.yaml
CONFIG ?=
CONFIGFILE := $(if $(CONFIG),--configfile $(CONFIG))
SNAKEMAKE := $(BIN)/snakemake --workflow-profile profiles/default

.PHONY: help figures test report lint format bench readme-table lock clean env cluster-test cluster-smoke audit citation-check cf-check claims

help:
	@sed -n '1,5p' Makefile

env: $(STAMP)

$(STAMP): requirements-lock.txt pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), f"Python 3.11 required, found {sys.version.split()[0]}"'
	@echo "make env: creating $(VENV) with $$($(PYTHON) --version) and installing the" \
	  "$$(grep -c '==' requirements-lock.txt) pinned packages of requirements-lock.txt, then" \
	  "lightmatter (editable); about 2 minutes on a fresh machine"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-lock.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@echo "make env: $(VENV) ready (lightmatter $$($(BIN)/python -c 'import lightmatter; print(lightmatter.__version__)'))"
	touch $(STAMP)

figures: $(STAMP)
	$(SNAKEMAKE) --cores $(CORES) $(CONFIGFILE)

# The claims scorecard: evaluate the ledger rules/claims/*.yaml on the datasets (solving what is
# missing) and print it. At the paper configuration (no CONFIG) it also refreshes the committed
# snapshot rules/claims/paper-scorecard.csv and the README section, and fails if a status differs
# from the ledger; with CONFIG=config/test.yaml it compares with the ledger's test statuses.
CLAIMS_RESULTS = $(shell $(BIN)/python -c 'from lightmatter.config import load_config; print(load_config(["config/config.yaml", *"$(CONFIG)".split()])["results"])' 2>/dev/null || echo results)
claims: $(STAMP)
	$(SNAKEMAKE) --cores $(CORES) claims $(CONFIGFILE)
ifeq ($(CONFIG),)
	$(BIN)/python -m lightmatter.claims snapshot $(CLAIMS_RESULTS)/claims/claims.csv
else
	cat $(CLAIMS_RESULTS)/claims/scorecard.txt
	$(BIN)/python -m lightmatter.claims check $(CLAIMS_RESULTS)/claims/claims.csv --expect test
endif

# The report of an existing run (run `make figures` first, with the same CONFIG). Fails on any
# caption error: the captions are rendered and checked first, docutils.conf stops Snakemake's
# own rendering on any docutils warning, and the built HTML is scanned for error text.
report: $(STAMP)
	$(BIN)/python -m lightmatter.report check-captions $(CONFIGFILE)
	$(SNAKEMAKE) --cores $(CORES) $(CONFIGFILE) --report results/report.html
	$(BIN)/python -m lightmatter.report check-html results/report.html

# CF-1.11 compliance (IOOS compliance-checker, normal criteria) of every NetCDF under results/.
cf-check: $(STAMP)
	$(BIN)/python -m lightmatter.cfcheck results

# CITATION.cff checked by cffconvert itself, in a throwaway environment (.venv-cff): cffconvert
# pins jsonschema < 4, which the project environment cannot hold next to snakemake.
citation-check:
	test -x .venv-cff/bin/cffconvert || ($(PYTHON) -m venv .venv-cff && \
	  .venv-cff/bin/pip install --quiet --disable-pip-version-check cffconvert==2.0.0)
	.venv-cff/bin/cffconvert --validate -i CITATION.cff

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/snakefmt --check Snakefile rules/
	$(BIN)/snakemake --lint --configfile config/test.yaml

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .
	$(BIN)/snakefmt Snakefile rules/

test: $(STAMP) lint
	$(BIN)/python -m pytest -q

# A real single-node SLURM cluster on this machine (installs slurm-wlm + munge if missing,
# needs root), the test configuration through profiles/slurm, then teardown whatever happens.
cluster-test: $(STAMP)
	source tests/cluster/slurm_env.sh && bash tests/cluster/slurm_up.sh && \
	  (LIGHTMATTER_CLUSTER_TEST=1 $(BIN)/python -m pytest -q -s tests/cluster; rc=$$?; \
	   bash tests/cluster/slurm_down.sh; exit $$rc)

# The SLURM smoke test CI runs after `make test`: one study of the test configuration through
# profiles/slurm on a real one-node cluster, one injected failure retried, outputs byte-identical.
SMOKE_STUDY ?= auger_photoemission
cluster-smoke: $(STAMP)
	source tests/cluster/slurm_env.sh && bash tests/cluster/slurm_up.sh && \
	  (LIGHTMATTER_CLUSTER_TEST=1 LIGHTMATTER_CLUSTER_TARGET=$(SMOKE_STUDY) \
	   $(BIN)/python -m pytest -q -s tests/cluster; rc=$$?; \
	   bash tests/cluster/slurm_down.sh; exit $$rc)

audit: $(STAMP)
	$(BIN)/python -m lightmatter.audit $(CONFIGFILE)

bench: $(STAMP)
	$(BIN)/python benchmarks/cl_superbunching.py

readme-table: $(STAMP)
	$(BIN)/python -m lightmatter.registry readme-table

# Regenerate the transitive lock after changing requirements.txt (needs the registry).
lock:
	rm -rf .venv-lock && $(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet -r requirements.txt
	.venv-lock/bin/pip freeze --exclude-editable > requirements-lock.txt
	rm -rf .venv-lock

clean:
	rm -rf results/*/ results/provenance results/report.html .snakemake
