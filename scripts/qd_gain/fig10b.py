"""Fig. 10b of Zenatti & Kambhampati: gain threshold <N>_th = J_th sigma_400 vs volume.

Left: the size-independent universal curves and the predicted lowered curves; right: the
companion J_th(V) for CdSe, which falls as 1/V (the Standard Model's volume correlation).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
STY = ["C3-", "C2-", "C1--", "C0--", "C4--", "k:"]
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.0, 3.2), layout="constrained")
    for sty, c in zip(STY, ds.curve.values):
        n = float(ds.N_th.sel(curve=c)[0])
        ax.plot(ds.V, ds.N_th.sel(curve=c), sty, label=f"{c}: {n:.2f}")
        bx.loglog(ds.V, ds.J_th_cdse.sel(curve=c), sty)
    ax.set_xscale("log")
    ax.set_ylim(0, 1.8)
    ax.set_xlabel(r"volume V (nm$^3$)")
    ax.set_ylabel(r"$\langle N\rangle_{th} = J_{th}\,\sigma_{400}$")
    ax.legend(
        frameon=False,
        fontsize=5.5,
        title=f"4LS limit: {ds.four_level_limit.item()}",
        title_fontsize=5.5,
    )
    bx.set_xlabel(r"volume V (nm$^3$)")
    bx.set_ylabel(r"$J_{th}$ for CdSe (mJ/cm$^2$)")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
