"""lightmatter: the physics and I/O package behind the lightmatter Snakemake workflow.

One subpackage per study (``cl_superbunching``, ...), shared numerics in :mod:`lightmatter.markov`,
provenance-aware NetCDF I/O in :mod:`lightmatter.provenance`, deterministic figure output in
:mod:`lightmatter.plotting`, sweeps in :mod:`lightmatter.sweep` (one module per sweep under
``lightmatter.<study>.sweeps``), datasets in :mod:`lightmatter.dataset`, code fingerprints in
:mod:`lightmatter.fingerprint` and the figure registry in :mod:`lightmatter.registry`
(``docs/design.md``).
"""

#: The one place the version is written: pyproject.toml reads it (``dynamic = ["version"]``),
#: the provenance attributes and the manifest record it, CITATION.cff does not repeat it.
__version__ = "0.1.0"

__all__ = ["__version__"]
