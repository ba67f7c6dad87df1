"""Plotting helpers shared by the cl_superbunching figure scripts (no physics here)."""

from __future__ import annotations

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
    ax.set_yscale("symlog", linthresh=1e-3)
    ax.set_ylabel("(Model 2 − Model 1) / Model 1")
    ax.legend(frameon=False)
