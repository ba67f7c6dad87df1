# lightmatter: regenerate every computed figure of the five papers in ../shared/seeds.
#
#   snakemake -c2                              # everything (paper resolution)
#   snakemake -c2 --configfile config/test.yaml  # tiny CI configuration
#   snakemake -c2 cl_superbunching             # one study
#   snakemake -c2 cl_superbunching_figure_fig2  # one figure
#
# Layout and contracts: ARCHITECTURE.md (../shared) and README.md.
#
# The configuration file comes from the workflow profile profiles/default (configfile:
# config/config.yaml), which Snakemake loads automatically; --configfile replaces it, so a
# config file given on the command line is validated on its own, not merged into the default.


include: "rules/common.smk"
include: "rules/pipeline.smk"
include: "rules/cl_superbunching.smk"
include: "rules/auger_photoemission.smk"
include: "rules/perovskite_emission.smk"
include: "rules/qd_gain.smk"
include: "rules/ledd_ttm.smk"
include: "rules/provenance.smk"


report: "rules/captions/workflow.rst"


rule all:
    default_target: True
    input:
        all_figures(),
        f"{RESULTS}/provenance/manifest.json",
