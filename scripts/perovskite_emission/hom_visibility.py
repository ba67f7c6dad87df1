"""HOM indistinguishability of a dephased two-level emitter (review Fig. 2a, the 80 ps
coherence time): V = T2/(2 T1) against seeded photon-pair simulations, and the simulated HOM dip
at the review's T2 with the measured T1 and for ideal photons (docs §11).
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
t1, t2 = float(ds.t1), float(ds.t2)
v_rev = float(ds.visibility_review)
n = int(ds.n_pairs)
with figure_style():
    fig, (a, b) = plt.subplots(1, 2, figsize=(7.2, 3.0), layout="constrained")
    x = np.linspace(0.0, 1.0, 101)
    a.plot(x, x, "k-", lw=1.0, label=r"$V = T_2/(2T_1)$")
    a.errorbar(
        ds.ratio,
        ds.visibility_sim,
        yerr=ds.visibility_sim_stderr,
        fmt="o",
        color="C3",
        ms=3,
        capsize=2,
        label=f"simulated, {n} pairs each",
    )
    a.plot(
        [t2 / (2 * t1)],
        [v_rev],
        "*",
        color="C0",
        ms=9,
        label=f"review: $T_2$ = {t2 * 1e3:.0f} ps, $T_1$ = {t1 * 1e3:.0f} ps",
    )
    a.set_xlabel(r"$T_2/(2T_1)$")
    a.set_ylabel("HOM visibility V")
    a.set_xlim(0, 1.02)
    a.set_ylim(-0.05, 1.05)
    a.set_title(f"(a) V = {v_rev:.3f} at the review's coherence time")
    a.legend(frameon=False, fontsize=6, loc="upper left")
    d = ds.delay.values * 1e3
    for case, col, lab in (
        (0, "C0", f"$T_2$ = {t2 * 1e3:.0f} ps"),
        (1, "C2", "ideal, $T_2 = 2T_1$"),
    ):
        b.plot(d, ds.dip.sel(case=case), color=col, label=lab)
        b.errorbar(
            d,
            ds.dip_sim.sel(case=case),
            yerr=ds.dip_sim_stderr.sel(case=case),
            fmt="o",
            color=col,
            ms=2.5,
            capsize=1.5,
        )
    b.axhline(1.0, color="0.5", lw=0.6, ls=":")
    b.set_xlabel(r"delay $\Delta$ (ps)")
    b.set_ylabel(r"coincidences / distinguishable, $2P_c$")
    b.set_ylim(-0.05, 1.15)
    b.set_title("(b) HOM dip (lines: closed form, dots: simulation)")
    b.legend(frameon=False, fontsize=6, loc="lower left")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
