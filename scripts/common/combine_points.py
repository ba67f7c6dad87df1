"""Combine the points of a fan-out sweep (rule combine_points)."""

from lightmatter.jobs import log_to, run_combine

log_to(snakemake)
run_combine(
    snakemake.wildcards.study,
    snakemake.wildcards.sweep,
    snakemake.params.points,
    list(snakemake.input),
    snakemake.output[0],
    snakemake.output[1],
    snakemake.log[0],
)
