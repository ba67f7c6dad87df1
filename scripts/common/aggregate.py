"""Combine the cases of one sweep into one dataset (rule aggregate_sweep)."""

from lightmatter.jobs import log_to, run_aggregate

log_to(snakemake)
run_aggregate(
    snakemake.wildcards.study,
    snakemake.wildcards.sweep,
    list(snakemake.input.cases),
    snakemake.input.table,
    snakemake.output[0],
    snakemake.log[0],
)
