"""Fig. S4 of Yuge et al. (PRB 107, 165303): Model 2 at large excitation rate.

Left: g2(0) vs gamma'*tau for several M (dotted: the Fock-state limit 1 - 1/M). Right: g2(0) at
the largest computed rate vs M, with 1 - 1/M, which is also the PL value (Eq. S1) at any rate.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
Ms = [int(m) for m in ds.M.values]
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.0, 3.2), layout="constrained")
    for col, M in zip(colors(len(Ms)), Ms):
        sel = ds.sel(M=M)
        ax.plot(sel.gamma_prime_tau, sel.g2_zero, color=col, label=f"M = {M}")
        ax.axhline(float(sel.g2_limit), color=col, ls=":", lw=0.8)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"$\gamma'\tau$")
    ax.set_ylabel(r"$g^{(2)}(0)$")
    ax.set_title(f"(a) Model 2, p = {float(ds.p.values.ravel()[0]):g}")
    ax.legend(frameon=False)
    last = ds.isel(gamma_prime_tau=-1)
    mm = np.linspace(min(Ms), max(Ms), 200)
    bx.plot(mm, 1 - 1 / mm, "k-", lw=0.8, label="1 − 1/M (Fock state; PL at any rate)")
    bx.plot(
        Ms,
        last.g2_zero,
        "o",
        color="C3",
        label=rf"Model 2 at $\gamma'\tau$ = {float(last.gamma_prime_tau):.0e}",
    )
    bx.plot(Ms, ds.g2_pl, "x", color="C0", label="PL (Eq. S1)")
    bx.set_xlabel("M")
    bx.set_ylabel(r"$g^{(2)}(0)$")
    bx.set_title("(b) large-rate limit")
    bx.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
