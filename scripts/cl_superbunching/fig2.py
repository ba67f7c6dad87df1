"""Fig. 2 of Yuge et al. (PRB 107, 165303): g2(t) vs t/tau for a small and a larger N.

Markers: exact quantum-regression g2(t) of Model 1; solid: Eq. 17 (tau_eff, Eq. 18);
dotted: Eq. 20 (bare lifetime).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
Ns = [int(n) for n in ds.N.values]
with figure_style():
    fig, axes = plt.subplots(1, len(Ns), figsize=(3.4 * len(Ns) + 1.0, 3.2), layout="constrained")
    axes = [axes] if len(Ns) == 1 else list(axes)
    for ax, N, letter in zip(axes, Ns, "abcdefgh"):
        gts = [float(g) for g in ds.gamma_tau.values]
        for col, g in zip(colors(len(gts)), gts):
            sel = ds.sel(N=N, gamma_tau=g)
            step = max(1, sel.t.size // 25)
            ax.plot(
                sel.t[::step],
                sel.g2_exact[::step],
                "o",
                color=col,
                mfc="none",
                label=rf"$\gamma\tau$ = {g:g}",
            )
            ax.plot(sel.t, sel.g2_eq17, "-", color=col)
            ax.plot(sel.t, sel.g2_eq20, ":", color=col)
        ax.set_yscale("log")
        ax.set_xlabel(r"$t/\tau$")
        ax.set_ylabel(r"$g^{(2)}(t)$")
        ax.set_title(f"({letter}) N = {N}")
    # one legend for both panels (the same γτ in each), outside the axes: inside, it covered
    # the top of the γτ = 0.001 curves
    fig.legend(
        *axes[0].get_legend_handles_labels(),
        loc="outside right upper",
        frameon=False,
        title="o exact QRT\n— Eq. 17\n⋯ Eq. 20",
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
