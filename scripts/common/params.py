"""Write the parameter table of one sweep (rule <study>_params)."""

from lightmatter.jobs import log_to, run_params

log_to(snakemake)
run_params(
    snakemake.params.study,
    snakemake.wildcards[0],
    snakemake.params.cases,
    snakemake.output[0],
    snakemake.log[0],
)
