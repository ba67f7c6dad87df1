"""Population inversion N2/N1 vs pump rate at the exact steady state (docs §13).

Lines: exact N2/N1 = 2/(gamma_A tau1 N2) for each level-1 lifetime; dashed: the same with the
seed's printed Eq. 3; circles: stiff-ODE steady states; grey dotted: the seed's lifetime ratio
tau2/tau1 = 1e-3 s / 1e-7 s; black: N2 = N1; triangles: pump rate above which inversion is lost.
"""

import math

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
t1m = float(ds.tau1_model)
with figure_style():
    fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained")
    for col, t1 in zip(colors(ds.tau1.size), ds.tau1.values):
        r = ds.ratio.sel(tau1=t1)
        tag = " (seed)" if math.isclose(t1, t1m) else ""
        ax.plot(ds.w_p, r, color=col, label=rf"$\tau_1$ = {t1:.0e} s{tag}")
        w_inv = float(ds.w_inversion_lost.sel(tau1=t1))
        if math.isfinite(w_inv):
            ax.plot(
                [w_inv], [1.0], "v", color=col, ms=7, label=f"inversion lost above {w_inv:.3g} /s"
            )
    ax.plot(
        ds.w_p,
        ds.ratio_seed_eq3,
        "--",
        color=colors(ds.tau1.size)[0],
        lw=0.9,
        label=rf"seed's Eq. 3 for $N_1$ ($\tau_1$ = {t1m:.0e} s)",
    )
    ax.plot(ds.w_ode, ds.ratio_ode, "o", mfc="none", color="k", label="stiff ODE")
    ax.axhline(
        float(ds.tau2_saturated) / t1m,
        color="0.5",
        ls=":",
        lw=0.9,
        label=r"seed's $\tau_2/\tau_1$ = $10^{-3}$ s / $10^{-7}$ s",
    )
    ax.axhline(1.0, color="k", lw=0.9)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"pump rate $w_p$ (1/s)")
    ax.set_ylabel(r"inversion $N_2/N_1$")
    ax.set_ylim(0.1, float(ds.ratio.max()) * 30)
    ax.legend(frameon=False, fontsize=6, loc="upper right", ncol=2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
