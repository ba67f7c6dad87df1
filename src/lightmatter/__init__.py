"""lightmatter: the physics and I/O package behind the lightmatter Snakemake workflow.

One subpackage per study (``cl_superbunching``, ...), shared numerics in :mod:`lightmatter.markov`,
provenance-aware NetCDF I/O in :mod:`lightmatter.provenance`, deterministic figure output in
:mod:`lightmatter.plotting`, sweep/case bookkeeping in :mod:`lightmatter.sweeps` and the
figure registry in :mod:`lightmatter.registry`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("lightmatter")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.1.0"

__all__ = ["__version__"]
