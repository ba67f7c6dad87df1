"""Solve one point of a fan-out sweep (rule solve_point)."""

from lightmatter.jobs import log_to, run_point

log_to(snakemake)
run_point(
    snakemake.wildcards.study,
    snakemake.wildcards.sweep,
    snakemake.params.point,
    snakemake.params.fingerprint,
    snakemake.output[0],
    snakemake.log[0],
)
