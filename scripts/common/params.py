"""Write the parameter table of one sweep (rule parameter_table)."""

from lightmatter.jobs import log_to, run_params

log_to(snakemake)
run_params(
    snakemake.wildcards.study,
    snakemake.wildcards.sweep,
    snakemake.params.cases,
    snakemake.output[0],
    snakemake.log[0],
)
