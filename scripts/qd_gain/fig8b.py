"""Fig. 8b of Zenatti & Kambhampati: Poisson vs Rabi excitation statistics (model curves only).

(a) mean exciton number <N> vs sigma J for Poisson (<N> = sigma J) and the two Rabi forms, with
the SE thresholds of Figs. 8c-f; (b) band-edge filling n (the TA bleach, the saturating signal)
vs sigma J; (c) state populations P0, P1, P2 vs <N>. One quantity per axis.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, bx, cx) = plt.subplots(1, 3, figsize=(9.0, 3.1), layout="constrained")
    ax.plot(ds.x, ds.N_poisson, "C0-", label=r"Poisson: $\sigma J$")
    ax.plot(ds.x, ds.N_rabi_aligned, "C3:", label=r"Rabi, aligned: $2\sin^2\sqrt{\sigma J/2}$")
    ax.plot(ds.x, ds.N_rabi, "C3-", label=r"Rabi, orientation avg.: $1-\sin 2a/2a$")
    for n, txt in ((1.0, "3LS SE threshold 1.0"), (1.5, "3LS+ESA SE threshold 1.5")):
        ax.axhline(n, color="0.6", lw=0.5, ls="--")
        ax.text(float(ds.x.max()), n + 0.03, txt, fontsize=5.5, color="0.4", ha="right")
    ax.set_ylim(0, 2.3)
    ax.set_xlabel(r"$\sigma J$ (photons absorbed per dot, linear absorption)")
    ax.set_ylabel(r"mean exciton number $\langle N\rangle$")
    ax.set_title(r"(a) $\langle N\rangle$; slope 1 at $\sigma J\to0$ for all three", fontsize=7)
    ax.legend(frameon=False, fontsize=5.5, loc="upper right")
    bx.plot(ds.x, ds.bleach_poisson, "C0-", label=r"Poisson: $1-e^{-\sigma J}(1+\sigma J/2)$")
    bx.plot(ds.x, ds.N_rabi_aligned / 2, "C3:", label=r"Rabi, aligned: $\sin^2\sqrt{\sigma J/2}$")
    bx.plot(ds.x, ds.bleach_rabi, "C3-", label="Rabi, orientation avg.")
    bx.set_ylim(0, 1.25)
    bx.set_xlabel(r"$\sigma J$")
    bx.set_ylabel(r"band-edge filling $n$ (TA bleach)")
    bx.set_title(r"(b) saturating signal; slope 1/2 at $\sigma J\to0$", fontsize=7)
    bx.legend(frameon=False, fontsize=5.5, loc="upper right")
    for o, ls in zip(ds.occupancy.values, ["-", "--"]):
        for k in ds.k.values:
            cx.plot(ds.N, ds.P.sel(occupancy=o, k=k), color=f"C{k}", ls=ls, label=f"P{k}, {o}")
    cx.set_xlabel(r"$\langle N\rangle$")
    cx.set_ylabel("population")
    cx.set_title("(c) P0, P1, P2 (Poisson P2: two or more)", fontsize=7)
    cx.legend(frameon=False, fontsize=5.5, ncol=2, loc="upper center")
    cx.set_ylim(0, 1.25)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
