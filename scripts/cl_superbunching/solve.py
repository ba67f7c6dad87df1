"""Solve one case of a cl_superbunching sweep (rule cl_superbunching_solve).

The physics is in lightmatter.cl_superbunching; the sweep's solver is chosen by the case's
``sweep`` parameter (lightmatter/cl_superbunching/cases.py).
"""

from lightmatter.jobs import log_to, run_solver

log_to(snakemake)
run_solver(
    snakemake.params.study,
    snakemake.params.case,
    snakemake.wildcards.case_id,
    snakemake.params.fingerprint,
    snakemake.output[0],
    snakemake.log[0],
)
