"""Solve every point of one sweep (rule solve_sweep): the sweep's dataset and parameter table."""

from lightmatter.jobs import log_to, run_sweep

log_to(snakemake)
run_sweep(
    snakemake.wildcards.study,
    snakemake.wildcards.sweep,
    snakemake.params.points,
    snakemake.params.fingerprint,
    snakemake.output[0],
    snakemake.output[1],
    snakemake.log[0],
)
