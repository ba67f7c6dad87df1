"""Fig. 3b of Un et al.: electron heat capacity C_e(T_e): exact, linear, cubic."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.0, 3.2), layout="constrained")
    for n, m in enumerate(ds.material.values):
        d = ds.sel(material=m)
        ax.plot(d.Te, d.Ce * 1e-5, "-", color=f"C{n}", label=f"{m}, exact")
        ax.plot(d.Te, d.Ce_linear * 1e-5, ":", color=f"C{n}", label=rf"{m}, $\gamma T$")
        ax.plot(d.Te, d.Ce_cubic * 1e-5, "--", color=f"C{n}", label=rf"{m}, $\gamma T+\beta T^3$")
    ax.set_xlabel(r"$T_e$ (K)")
    ax.set_ylabel(r"$C_e$ ($10^5$ J m$^{-3}$ K$^{-1}$)")
    ax.set_ylim(0, float(ds.Ce.max()) * 1.2e-5)
    ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
