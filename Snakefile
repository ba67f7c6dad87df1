# lightmatter: regenerate every computed figure of the five papers in ../shared/seeds.
#
#   snakemake -c2                              # everything (paper resolution)
#   snakemake -c2 --configfile config/test.yaml  # tiny CI configuration
#   snakemake -c2 cl_superbunching             # one study
#   snakemake -c2 cl_superbunching_figure_fig2  # one figure
#
# Layout and contracts: ARCHITECTURE.md (../shared) and README.md.


configfile: "config/config.yaml"


include: "rules/common.smk"
include: "rules/cl_superbunching.smk"


report: "rules/captions/workflow.rst"


rule all:
    default_target: True
    input:
        all_figures(),
        f"{RESULTS}/provenance/manifest.json",
