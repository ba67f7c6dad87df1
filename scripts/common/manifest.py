"""Write results/provenance/manifest.json (rule provenance_manifest)."""

from lightmatter.jobs import run_manifest

run_manifest(snakemake.params.graph, snakemake.output[0], snakemake.log[0])
