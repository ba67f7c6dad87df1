"""Review Fig. 6f (Chatterjee et al.): equal-time g2(t) of the superradiant burst.

g2(t) = <J+J+J-J->/<J+J->^2 during the burst (solid) vs independent emitters, 1 - 1/N (dashed);
the intensity (grey, right axis) shows where the photons are.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
Ns = ds.N.values
with figure_style():
    fig, axes = plt.subplots(
        1, Ns.size, figsize=(3.4 * Ns.size, 3.0), layout="constrained", squeeze=False
    )
    for ax, N, col in zip(axes[0], Ns, colors(Ns.size)):
        s = ds.sel(N=N)
        x = (N + 1) * s.time
        ax.plot(x, s.g2_superradiant, color=col, label="superradiant burst (colour: N)")
        ax.plot(x, s.g2_independent, "k--", lw=0.8, label="independent, 1 − 1/N")
        ax.axhline(2.0, color="0.6", lw=0.6, ls=":")
        ax.set_ylim(0, 3)
        ax.set_xlabel(r"$(N+1)\Gamma t$")
        ax.set_ylabel(r"$g^{(2)}(t,t)$")
        ax.set_title(
            rf"N = {N}: $\bar g^{{(2)}}$ = {float(s.g2_weighted_superradiant):.3f} "
            f"(indep. {float(s.g2_weighted_independent):.3f})"
        )
        tx = ax.twinx()
        tx.plot(
            x, s.intensity / s.intensity.max(), color="0.7", lw=0.8, label="intensity (right axis)"
        )
        tx.set_ylim(0, 1.5)
        tx.set_ylabel(r"$I/I_{peak}$", color="0.5")
        ax.set_xlim(0, 20)
    # one legend below the panels (inside, every placement covered a curve in one of them)
    handles = [
        *axes[0, 0].get_legend_handles_labels()[0],
        *fig.axes[-1].get_legend_handles_labels()[0],
    ]
    fig.legend(
        handles=handles, loc="outside lower center", ncol=3 if Ns.size > 1 else 1, frameon=False
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
