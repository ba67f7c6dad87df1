# Thresholdless colloidal quantum-dot lasers (Zenatti & Kambhampati): cw rate equations, the
# Simple Model of optical gain, SE and ASE spectra, the universal threshold curve.
#
# The code behind each figure: rules/figures.yaml (registry) -> rules/pipeline.smk ->
# scripts/qd_gain/<id>.py (figures) -> src/lightmatter/qd_gain/cases.py (sweeps) ->
# rate_equations.py, statistics.py, spectra.py, ase.py, scaling.py (physics).


rule qd_gain:
    default_target: False
    input:
        all_figures("qd_gain"),
    message:
        "qd_gain: all figures"
