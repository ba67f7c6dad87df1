"""Fig. 1 of Yuge et al. (PRB 107, 165303): g2(0) vs gamma*tau for several N.

Lines: exact Eq. 16; markers: g2(0) from the numerical stationary state of the generator W.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.4), layout="constrained")
    Ns = [int(n) for n in ds.N.values]
    for col, N in zip(colors(len(Ns)), Ns):
        sel = ds.sel(N=N)
        if N == 1:
            ax.text(0.03, 0.04, "N = 1: g$^{(2)}$(0) = 0 (antibunching)", transform=ax.transAxes)
            continue
        ax.plot(sel.gamma_tau, sel.g2_zero, color=col, label=f"N = {N}")
        step = max(1, sel.gamma_tau.size // 16)
        ax.plot(sel.gamma_tau[::step], sel.g2_zero_numeric[::step], "o", color=col, mfc="none")
    ax.axhline(2.0, color="k", ls="--", lw=0.8)
    ax.text(ds.gamma_tau.values[0], 2.15, "g$^{(2)}$(0) = 2", fontsize=7)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$\gamma\tau$")
    ax.set_ylabel(r"$g^{(2)}(0)$")
    ax.set_title("Model 1: Eq. 16 (lines),\nnumerical stationary state (circles)")
    ax.legend(frameon=False, ncol=2)
    top = float(np.nanmax(ds.g2_zero.where(ds.N > 1)))
    ax.set_ylim(0.1, top * 2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
