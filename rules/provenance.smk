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


# `snakemake -c1 ro_crate`: the run as a Workflow Run RO-Crate (Provenance Run Crate 0.5),
# results/provenance/ro-crate-metadata.json, built from the manifest (lightmatter.runcrate).
rule ro_crate:
    default_target: False
    input:
        f"{RESULTS}/provenance/manifest.json",
    output:
        f"{RESULTS}/provenance/ro-crate-metadata.json",
    log:
        f"{RESULTS}/logs/ro_crate.log",
    conda:
        CONDA_ENV
    threads: 1
    resources:
        mem_mb=1000,
        runtime=10,
    message:
        "Writing the Workflow Run RO-Crate of the run"
    script:
        "../scripts/common/ro_crate.py"
