# lightmatter: regenerate every computed figure of five light-matter physics papers.
#
#   snakemake -c2                                 # everything (paper resolution)
#   snakemake -c2 --configfile config/test.yaml   # the small CI configuration, merged on top
#   snakemake -c2 cl_superbunching                # one study
#   snakemake -c2 cl_superbunching_figure_fig2    # one figure
#
# Design, data flow and contracts: docs/design.md. config/config.yaml is the default; a file
# given with --configfile is merged on top of it (only the keys it sets change), and the merged
# configuration is validated before anything runs.


configfile: "config/config.yaml"


include: "rules/common.smk"
include: "rules/pipeline.smk"
include: "rules/claims.smk"
include: "rules/provenance.smk"


# the landing page: rules/captions/workflow.rst + papers + figure table (lightmatter.report)
report: report_overview()


rule all:
    default_target: True
    input:
        all_figures(),
        all_datasets(),
        claims_ledger.claims_outputs(RESULTS).values(),
        f"{RESULTS}/provenance/manifest.json",
