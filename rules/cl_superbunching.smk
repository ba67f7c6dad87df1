# Superbunching in cathodoluminescence (Yuge, Yamamoto, Sannomiya, Akiba, PRB 107, 165303).
#
# The code behind each figure: rules/figures.yaml (registry) -> rules/pipeline.smk (rules
# parameter_table, solve_case, aggregate_sweep, cl_superbunching_figure_<id>) ->
# scripts/cl_superbunching/<id>.py (figures) -> src/lightmatter/cl_superbunching/cases.py
# (sweeps: which points, which solver) -> model1/model2/model3/radiation/photons.py (physics).


rule cl_superbunching:
    default_target: False
    input:
        all_figures("cl_superbunching"),
    message:
        "cl_superbunching: all figures"
