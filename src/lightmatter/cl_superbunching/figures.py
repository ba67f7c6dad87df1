"""Plotting helpers shared by the cl_superbunching figure scripts (no physics here)."""

from __future__ import annotations

import numpy as np
import xarray as xr
from matplotlib.axes import Axes

__all__ = ["plot_relative_differences"]


def plot_relative_differences(ax: Axes, ds: xr.Dataset, x: str, asymptote_label: str) -> None:
    """Fig. S2/S3 panel: (Model 2 - Model 1)/Model 1 of <n>, <n(n-1)>, g2(0) and the asymptote."""
    xs = ds[x]
    ax.plot(xs, ds.reldiff_mean_n, "o-", label=r"$\langle n\rangle$")
    ax.plot(xs, ds.reldiff_factorial_moment2, "s-", mfc="none", label=r"$\langle n(n-1)\rangle$")
    ax.plot(xs, ds.reldiff_g2_zero, "^-", mfc="none", label=r"$g^{(2)}(0)$")
    ax.plot(xs, ds.reldiff_asymptote, "k:", label=asymptote_label)
    ax.axhline(0.0, color="0.6", lw=0.6)
    linthresh = 1e-3
    ax.set_yscale("symlog", linthresh=linthresh)
    # the axis spans the data: headroom above the largest difference (a marker at the top is not
    # clipped), and a negative half only when a difference is negative beyond the linear range
    values = np.concatenate(
        [
            np.ravel(ds[q])
            for q in ("reldiff_mean_n", "reldiff_factorial_moment2", "reldiff_g2_zero")
        ]
    )
    lo, hi = float(np.nanmin(values)), float(np.nanmax(values))
    ax.set_ylim(-0.5 * linthresh if lo > -linthresh else 3.0 * lo, 3.0 * hi)
    ax.set_ylabel("(Model 2 − Model 1) / Model 1")
    # below the axes: inside, it covered markers at one resolution or another
    ax.get_figure().legend(
        *ax.get_legend_handles_labels(), loc="outside lower center", ncol=2, frameon=False
    )
