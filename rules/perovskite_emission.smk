# Perovskite quantum emission (Chatterjee et al., MRS Communications 2024, a review): model
# counterparts of the single-photon, superradiance and blinking figures.
#
# The code behind each figure: rules/figures.yaml (registry) -> rules/pipeline.smk ->
# scripts/perovskite_emission/<id>.py (figures) -> src/lightmatter/perovskite_emission/cases.py
# (sweeps) -> single_photon.py, superradiance.py (qutip.piqs for dephasing), blinking.py,
# superlattice.py (toy).


rule perovskite_emission:
    default_target: False
    input:
        all_figures("perovskite_emission"),
    message:
        "perovskite_emission: all figures"
