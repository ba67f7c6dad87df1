# The provenance manifest: every output with SHA-256, content hash, inputs, rule, config
# section and code version (ARCHITECTURE.md, data flow step 6). Built from provenance_graph()
# in rules/common.smk.


rule provenance_manifest:
    input:
        lambda w: sorted(provenance_graph()),
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
        graph=lambda w: provenance_graph(),
    message:
        "Writing the provenance manifest of every output"
    script:
        "../scripts/common/manifest.py"
