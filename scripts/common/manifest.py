"""Write results/provenance/manifest.json (rule provenance_manifest)."""

from lightmatter.jobs import log_to, run_manifest

log_to(snakemake)
run_manifest(snakemake.params.graph, snakemake.output[0], snakemake.log[0])
