"""Fig. 10b of Zenatti & Kambhampati: gain threshold <N>_th = J_th sigma_400 vs volume.

Left: the universal curves (SE with band-edge pumping, ASE with 400 nm Poisson pumping), the
graded alloy, CsPbBr3 and the lowered curves computed from the model (engineered emissive XX
binding, light-harvesting shell of fixed thickness); right: the companion J_th(V) for CdSe,
which falls as 1/V (the Standard Model's volume correlation). Legend below the panels.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
STY = ["C3-", "C3--", "C2-", "C1-.", "C0--", "C4-", "k:"]
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.0, 4.2), layout="constrained")
    for sty, c in zip(STY, ds.curve.values):
        ax.plot(ds.V, ds.N_th.sel(curve=c), sty, label=str(c))
        bx.loglog(ds.V, ds.J_th_cdse.sel(curve=c), sty)
    ax.set_xscale("log")
    ax.set_ylim(0, 2.5)
    ax.set_xlabel(r"volume V (nm$^3$)")
    ax.set_ylabel(r"$\langle N\rangle_{th} = J_{th}\,\sigma_{400}$ (photons absorbed)")
    ax.set_title("universal and lowered thresholds (model lines)", fontsize=7)
    bx.set_xlabel(r"volume V (nm$^3$)")
    bx.set_ylabel(r"$J_{th}$ for CdSe (mJ/cm$^2$)")
    bx.set_title(r"$J_{th}=\langle N\rangle_{th}/(\sigma_{400}(V)\,n_{ph})\propto 1/V$", fontsize=7)
    fig.legend(
        *ax.get_legend_handles_labels(),
        loc="outside lower center",
        ncol=2,
        frameon=False,
        fontsize=6,
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
