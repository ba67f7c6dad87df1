"""Eq. 9 of Zeng et al.: <rho>/|psi|^2 = N + N(N-1)|f(omega)|^2 vs N for several omega*sigma_t.

Lines: analytic; markers: seeded Monte Carlo over random emission times (error bars: standard
error); crosses: the crossover N_c where the coherent term equals the incoherent one.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
shapes = [str(s) for s in ds.shape.values]
titles = {
    "gaussian": r"Gaussian emission times (rms $\sigma_t$)",
    "auger_burst": r"Auger burst $f(t)=a/(1+at)^2$, $\sigma_t = 1/a$",
}
with figure_style():
    fig, axes = plt.subplots(
        1, len(shapes), figsize=(3.8 * len(shapes), 3.4), layout="constrained", squeeze=False
    )
    for ax, shape in zip(axes[0], shapes):
        sel = ds.sel(shape=shape)
        N = sel.N.values
        for col, w in zip(colors(sel.omega_sigma.size), sel.omega_sigma.values):
            s = sel.sel(omega_sigma=w)
            ax.plot(N, s.rho, color=col, label=rf"$\omega\sigma_t$ = {w:g}")
            ax.errorbar(s.mc_N, s.rho_mc, yerr=s.rho_mc_err, fmt="o", ms=3, color=col, mfc="none")
            nc = float(s.N_critical)
            if N.min() <= nc <= N.max():
                ax.plot([nc], [2 * nc], "x", color=col, ms=6)
        ax.plot(N, N, "k:", lw=0.8, label=r"$\propto N$ (incoherent)")
        ax.plot(N, N**2, "k--", lw=0.8, label=r"$\propto N^2$ (coherent)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel("number of electrons N")
        ax.set_ylabel(r"$\langle\rho(\omega)\rangle/|\psi(\omega)|^2$")
        ax.set_title(titles.get(shape, shape))
        ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
