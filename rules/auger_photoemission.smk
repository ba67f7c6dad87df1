# Auger photoemission as a laser-like coherent cathode (Zeng, Zhang, Cao, Liu, Pan).
#
# The code behind each figure: rules/figures.yaml (registry) -> rules/pipeline.smk ->
# scripts/auger_photoemission/<id>.py (figures) -> src/lightmatter/auger_photoemission/cases.py
# (sweeps) -> four_level.py (Eq. 1-8, stiff ODE) and coherence.py (Eq. 9).


rule auger_photoemission:
    default_target: False
    input:
        all_figures("auger_photoemission"),
    message:
        "auger_photoemission: all figures"
