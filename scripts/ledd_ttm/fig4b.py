"""Fig. 4b of Un et al.: normalised T_e - T_ph and the cooling rate G/C_e for ITO and Au."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ttm = load(snakemake.input[0])
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(8.0, 3.2), layout="constrained")
    for n, m in enumerate(ttm.material.values):
        d = ttm.sel(material=m)
        dT = d.Te - d.Tph
        ax.plot(d.t, dT / dT.max(), color=f"C{n}", label=m)
        bx.plot(d.t, d.cooling_rate, color=f"C{n}", label=m)
    ax.set_xlabel("t (fs)")
    ax.set_ylabel(r"$(T_e - T_{ph})$ / max")
    ax.legend(frameon=False)
    bx.set_xlabel("t (fs)")
    bx.set_ylabel(r"$G/C_e$ (1/ps)")
    bx.set_yscale("log")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
