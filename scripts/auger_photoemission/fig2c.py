"""Fig. 2c of Zeng et al.: J vs population N at the weak, intermediate and saturated pump rates.

At fixed pump J(N) is quadratic for N << N* = w_p/gamma_A and linear for N >> N*
(``docs/auger_photoemission.md`` §4): the knee N* is marked; lower panel: the exact local
log-slope d ln J / d ln N.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
cur = load(snakemake.input[0])
ode = load(snakemake.input[1])
MARK = ["#d4a017", "#e07b00", "#7b3f00"]
names = ["weak", "intermediate", "saturated"]
with figure_style():
    fig, (ax, bx) = plt.subplots(
        2, 1, figsize=(4.8, 5.0), layout="constrained", sharex=True, height_ratios=[3, 1.2]
    )
    for col, name, w in zip(MARK, names, cur.w_p.values):
        sel = cur.sel(w_p=w)
        ax.plot(cur.N, sel.J, color=col, label=f"{name}, $w_p$ = {w:.0e} /s")
        ax.plot(ode.N, ode.J_ode.sel(w_p=w), "o", mfc="none", color=col)
        ns = float(sel.N_star)
        if cur.N.min() < ns < cur.N.max():
            ax.plot([ns], [float(sel.J_star)], "x", color=col, ms=8)
        bx.plot(cur.N, sel.slope_N, color=col)
    n = cur.N.values
    ref = float(cur.J.min())
    ax.plot(n, ref * (n / n[0]), "k:", lw=0.8, label="slope 1")
    ax.plot(n, ref * (n / n[0]) ** 2, "k--", lw=0.8, label="slope 2")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(ref / 3, float(cur.J.max()) * 5)
    ax.set_ylabel("J (electrons/s)")
    ax.set_title(r"× = knee $N^* = w_p/\gamma_A$; circles: stiff ODE")
    ax.legend(frameon=False, fontsize=6)
    bx.axhline(1, color="0.6", lw=0.6, ls=":")
    bx.axhline(2, color="0.6", lw=0.6, ls=":")
    bx.set_ylim(0.9, 2.1)
    bx.set_xlabel("population N")
    bx.set_ylabel("d ln J / d ln N")
    bx.set_yticks([1, 1.5, 2])
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
