"""Write results/provenance/ro-crate-metadata.json (rule ro_crate)."""

from lightmatter.jobs import log_to
from lightmatter.runcrate import write_crate

log_to(snakemake)
write_crate(snakemake.output[0].rsplit("/provenance/", 1)[0], snakemake.config)
