"""Evaluate the claims ledger on the datasets and write the scorecard (rule claims)."""

from lightmatter.claims import run_claims
from lightmatter.jobs import log_to

log_to(snakemake)
run_claims(snakemake.config, snakemake.params.ledger_dir, dict(snakemake.output), snakemake.log[0])
