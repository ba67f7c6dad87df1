"""Solve one case of a sweep (rule solve_case).

The physics is in lightmatter.<study>; the sweep's solver is chosen by the case's ``sweep``
parameter (lightmatter/<study>/cases.py).
"""

from lightmatter.jobs import log_to, run_solver

log_to(snakemake)
run_solver(
    snakemake.wildcards.study,
    snakemake.params.case,
    snakemake.wildcards.case_id,
    snakemake.params.fingerprint,
    snakemake.output[0],
    snakemake.log[0],
)
