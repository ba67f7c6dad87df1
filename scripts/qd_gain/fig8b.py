"""Fig. 8b of Zenatti & Kambhampati: Poisson vs Rabi excitation statistics (model curves only).

Left: excitation signal vs sigma J (same linear limit); right: state populations P0, P1, P2 vs
<N> for binomial (Rabi, two channels) and Poisson occupancy.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(6.8, 3.0), layout="constrained")
    ax.plot(ds.x, ds.excited_poisson, "C0-", label=r"Poisson: $1-e^{-\sigma J}$")
    ax.plot(ds.x, ds.N_rabi, "C3-", label=r"Rabi, orientation avg.: $1-\sin 2a/2a$")
    ax.plot(
        ds.x,
        ds.N_rabi_aligned / 2,
        "C3:",
        lw=0.8,
        label=r"Rabi, aligned: $\sin^2\sqrt{\sigma J/2}$",
    )
    ax.plot(ds.x, ds.x, "k--", lw=0.6, label=r"linear $\sigma J$")
    ax.set_ylim(0, 1.25)
    ax.set_xlabel(r"$\sigma J$ (photons absorbed per dot, linear limit)")
    ax.set_ylabel("excitation signal")
    ax.legend(frameon=False, fontsize=6)
    ax.set_title("model curves (CsPbBr3 data not available)", fontsize=7)
    for o, ls in zip(ds.occupancy.values, ["-", "--"]):
        for k in ds.k.values:
            bx.plot(ds.N, ds.P.sel(occupancy=o, k=k), color=f"C{k}", ls=ls, label=f"P{k}, {o}")
    bx.set_xlabel(r"$\langle N\rangle$")
    bx.set_ylabel("population")
    bx.legend(frameon=False, fontsize=6, ncol=2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
