"""Sec. V of Yuge et al. (PRB 107, 165303): the single-mode radiation state (Eq. 25-28).

Bars: photon-number distribution P_n of rho_ph (Eq. 27) for each (N, gamma*tau); line: the pulse
state rho_pulse (Eq. 28), the same for every gamma*tau; annotations: p_on and the identity
g2(0) = g2_pulse / p_on = Eq. 16.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
Ns = [int(n) for n in ds.N.values]
gts = [float(g) for g in ds.gamma_tau.values]
with figure_style():
    fig, axes = plt.subplots(
        1, len(Ns), figsize=(3.6 * len(Ns), 3.2), layout="constrained", squeeze=False
    )
    for ax, N in zip(axes[0], Ns):
        n = np.arange(N + 1)
        width = 0.8 / len(gts)
        for k, (col, g) in enumerate(zip(colors(len(gts)), gts)):
            sel = ds.sel(N=N, gamma_tau=g)
            ax.bar(
                n + (k - (len(gts) - 1) / 2) * width,
                sel.P_photon.values[: N + 1],
                width,
                color=col,
                label=(
                    rf"$\gamma\tau$={g:g}: $p_{{on}}$={float(sel.p_on):.3f}, "
                    rf"$g^{{(2)}}$={float(sel.g2_total):.3g}"
                ),
            )
        pulse = ds.rho_pulse.sel(N=N).values[: N + 1]
        ax.plot(
            n[1:],
            pulse[1:],
            "k.-",
            lw=0.8,
            label=rf"$\rho_{{pulse}}$, $g^{{(2)}}_{{pulse}}$={float(ds.g2_pulse.sel(N=N)):.3g}",
        )
        ax.set_yscale("log")
        ax.set_xlabel("photon number n")
        ax.set_ylabel(r"$P_n$")
        ax.set_title(f"N = {N}")
        ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
