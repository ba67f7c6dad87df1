"""Pump rate -> emission-time spread -> Eq. 9 coherent fraction of a closed Auger burst.

(a) sigma_t = (t_84 - t_16)/2 vs w_p: reduced-model closed form (line), limits (dashed), stiff
ODE (circles). (b) coherent / incoherent term (N - 1)|f(omega)|^2 vs w_p at several electron
energies: stiff ODE (circles and line), saturated Auger-burst limit (dotted); above the black line
the coherent term dominates.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
cur = load(snakemake.input[0])
ode = load(snakemake.input[1])
N, g = float(cur.N), float(cur.gamma_A)
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.6, 3.5), layout="constrained")
    ax.plot(cur.w_p, cur.sigma_t, "k-", label="reduced model (closed form)")
    ax.plot(cur.w_p, cur.sigma_t_weak, "--", color="C2", label=r"weak pump $1.668/w_p$")
    ax.axhline(
        float(cur.sigma_t_saturated), ls="--", color="C3", label=r"saturated $5.114/(\gamma_A N)$"
    )
    ax.plot(ode.w_p, ode.sigma_t_ode, "o", mfc="none", color="k", label="stiff ODE")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(float(cur.sigma_t_saturated) / 4, float(cur.sigma_t.max()) * 4)
    ax.set_xlabel(r"pump rate $w_p$ (1/s)")
    ax.set_ylabel(r"emission-time spread $\sigma_t=(t_{84}-t_{16})/2$ (s)")
    ax.set_title(rf"(a) closed burst, N = {N:.0e}, $\gamma_A$ = {g:g} /s", loc="left")
    ax.legend(frameon=False, fontsize=6)
    cols = colors(cur.energy.size)
    for col, e in zip(cols, cur.energy.values):
        r = ode.ratio_ode.sel(energy=e)
        bx.plot(ode.w_p, r, "o-", color=col, mfc="none", label=f"E = {e:.0e} eV")
        bx.axhline(float(cur.ratio_saturated.sel(energy=e)), ls=":", color=col, lw=0.9)
    bx.axhline(1.0, color="k", lw=1.0)
    bx.set_xscale("log")
    bx.set_yscale("log")
    bx.set_ylim(1e-8, 1e11)  # room for the legend above the curves
    bx.set_xlabel(r"pump rate $w_p$ (1/s)")
    bx.set_ylabel(r"coherent / incoherent term $(N-1)|f(\omega)|^2$")
    bx.set_title(rf"(b) dominates only for E < {float(cur.energy_max) * 1e9:.2f} neV", loc="left")
    bx.legend(frameon=False, fontsize=6, loc="upper left", ncol=2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
