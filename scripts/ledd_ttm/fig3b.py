"""Fig. 3b of Un et al.: electron heat capacity C_e(T_e): exact, linear, cubic."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    # one panel per material, each on its own linear scale (on Au's, ITO's C_e was squashed)
    mats = list(ds.material.values)
    fig, axes = plt.subplots(
        1, len(mats), figsize=(3.4 * len(mats), 3.2), layout="constrained", squeeze=False
    )
    for n, (ax, m) in enumerate(zip(axes[0], mats)):
        d = ds.sel(material=m)
        T = d.Te * 1e-3
        ax.plot(T, d.Ce * 1e-5, "-", color=f"C{n}", label="exact")
        ax.plot(T, d.Ce_linear * 1e-5, ":", color=f"C{n}", label=r"$\gamma T$")
        ax.plot(T, d.Ce_cubic * 1e-5, "--", color=f"C{n}", label=r"$\gamma T+\beta T^3$")
        top = 1.1e-5 * float(max(d.Ce.max(), d.Ce_linear.max()))
        ax.set_ylim(-0.05 * top, top)
        ax.axhline(0.0, color="0.6", lw=0.5, zorder=0)
        ax.set_xlabel(r"$T_e$ ($10^3$ K)")
        ax.set_title(f"({'ab'[n] if n < 2 else n}) {m}")
        ax.legend(frameon=False, loc="upper left")
    axes[0, 0].set_ylabel(r"$C_e$ ($10^5$ J m$^{-3}$ K$^{-1}$)")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
