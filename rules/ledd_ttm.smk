# Low-electron-density Drude materials, ITO vs gold (Un, Sarkar, Sivan et al.,
# arXiv:2207.14528): Boltzmann equation with e-e and e-ph collision integrals, and the TTM.
#
# The code behind each figure: rules/figures.yaml (registry) -> rules/pipeline.smk ->
# scripts/ledd_ttm/<id>.py (figures) -> src/lightmatter/ledd_ttm/cases.py (sweeps; one
# Boltzmann run per material is a job of its own) -> materials.py, physics.py, kernels.py
# (numba e-e operator), boltzmann.py.


rule ledd_ttm:
    default_target: False
    input:
        all_figures("ledd_ttm"),
    message:
        "ledd_ttm: all figures"
