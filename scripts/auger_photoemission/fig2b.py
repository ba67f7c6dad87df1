"""Fig. 2b of Zeng et al.: photocurrent J vs pump rate w_p (replenished steady state).

Exact steady state (line), Eq. 6 (dashed), the weak-pump limit Eq. 7 and the saturated limit
Eq. 8 (dotted), stiff-ODE steady states (markers) and the three marked operating points of
Fig. 2c; lower panel: the exact local log-slope d ln J / d ln w_p.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
cur = load(snakemake.input[0])
ode = load(snakemake.input[1])
MARK = ["#d4a017", "#e07b00", "#7b3f00"]  # yellow, orange, brown as in the seed's Fig. 2c
with figure_style():
    fig, (ax, bx) = plt.subplots(
        2, 1, figsize=(4.8, 5.0), layout="constrained", sharex=True, height_ratios=[3, 1.2]
    )
    ax.plot(cur.w_p, cur.J, "k-", label="exact steady state")
    ax.plot(cur.w_p, cur.J_eq6, "--", color="C0", label="Eq. 6")
    ax.plot(cur.w_p, cur.J_weak, ":", color="C2", label=r"Eq. 7: $\beta w_p N/2$")
    ax.plot(cur.w_p, cur.J_saturated, ":", color="C3", label=r"Eq. 8: $\beta\gamma_A N^2/2$")
    ax.plot(ode.w_p, ode.J_ode, "o", mfc="none", color="k", label="stiff ODE (Radau)")
    for col, w, j, name in zip(
        MARK, cur.marked_w_p.values, cur.J_marked.values, ["weak", "intermediate", "saturated"]
    ):
        ax.plot([w], [j], "o", color=col, ms=7, label=f"{name}: $w_p$ = {w:.0e} /s")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(float(cur.J.min()) / 3, float(cur.J_saturated.max()) * 5)
    ax.set_ylabel("J (electrons/s)")
    ax.set_title(rf"N = {float(cur.N):.0e}, $\gamma_A$ = {float(cur.gamma_A):g} /s")
    ax.legend(frameon=False, fontsize=6)
    bx.plot(cur.w_p, cur.slope_wp, "k-")
    bx.axvline(float(cur.w_crossover), color="0.6", lw=0.6, ls=":")
    bx.set_ylim(-0.05, 1.05)
    bx.set_xlabel(r"pump rate $w_p$ (1/s) $\propto$ light intensity")
    bx.set_ylabel(r"d ln J / d ln $w_p$")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
