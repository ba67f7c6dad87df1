"""Combine the cases of one sweep into one dataset (rule <study>_aggregate)."""

from lightmatter.jobs import log_to, run_aggregate

log_to(snakemake)
run_aggregate(
    snakemake.params.study,
    snakemake.wildcards[0],
    list(snakemake.input.cases),
    snakemake.input.table,
    snakemake.output[0],
    snakemake.log[0],
)
