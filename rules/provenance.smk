# The provenance manifest: every output with SHA-256, content hash, inputs, rule, config
# section and code version (docs/design.md, provenance). The graph is derived from config +
# registry by lightmatter.provenance_graph, the same function the audit uses.
from lightmatter.provenance_graph import provenance_graph


rule provenance_manifest:
    input:
        lambda w: sorted(
            provenance_graph(config, workflow.source_path("figures.yaml"), CLAIMS_DIR)
        ),
    output:
        f"{RESULTS}/provenance/manifest.json",
    log:
        f"{RESULTS}/logs/provenance_manifest.log",
    benchmark:
        f"{RESULTS}/benchmarks/provenance_manifest.tsv"
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        graph=lambda w: provenance_graph(
            config, workflow.source_path("figures.yaml"), CLAIMS_DIR
        ),
    message:
        "Writing the provenance manifest of every output"
    script:
        "../scripts/common/manifest.py"
