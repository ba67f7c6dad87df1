"""Plotting helpers shared by the perovskite_emission figure scripts (no physics here)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr
from matplotlib.figure import Figure

__all__ = ["flid_figure"]


def flid_figure(ds: xr.Dataset, model: str) -> Figure:
    """Review Fig. 5 FLID panel: 2-D histogram of (counts, lifetime) of one blinking type."""
    sel = ds.sel(model=model)
    h = sel.flid.values.T
    fig, ax = plt.subplots(figsize=(4.2, 3.4), layout="constrained")
    mesh = ax.pcolormesh(
        sel.count_bin.values,
        sel.lifetime_bin.values,
        np.where(h > 0, h, np.nan),
        shading="nearest",
        cmap="viridis",
        norm="log",
    )
    fig.colorbar(mesh, ax=ax, label="number of bins")
    ax.set_xlabel(f"counts per {float(sel.bin_time) * 1e3:g} ms bin")
    ax.set_ylabel("lifetime (ns)")
    ax.set_title(f"type {model} FLID: r = {float(sel.correlation):+.3f}")
    return fig
