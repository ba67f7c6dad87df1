"""Fig. 3a of Un et al.: chemical potential mu(T_e)/E_F, exact vs 4th-order Sommerfeld."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.0, 3.2), layout="constrained")
    lowest = 0.0
    for n, m in enumerate(ds.material.values):
        d = ds.sel(material=m)
        # T_e in 10^3 K: five-digit tick labels ran together
        ax.plot(d.Te * 1e-3, d.mu / d.E_F, "-", color=f"C{n}", label=f"{m}, exact")
        ax.plot(d.Te * 1e-3, d.mu_sommerfeld / d.E_F, "--", color=f"C{n}", label=f"{m}, Sommerfeld")
        lowest = min(lowest, float((d.mu / d.E_F).min()))
    ax.axhline(0.0, color="0.6", lw=0.5, zorder=0)
    ax.set_xlabel(r"$T_e$ ($10^3$ K)")
    ax.set_ylabel(r"$\mu/E_F$")
    # the whole exact curves are shown; the failing Sommerfeld form of ITO leaves the axis
    ax.set_ylim(1.08 * lowest, 1.15)
    ax.legend(frameon=False, loc="lower left")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
