"""Fig. 3a of Un et al.: chemical potential mu(T_e)/E_F, exact vs 4th-order Sommerfeld."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.0, 3.2), layout="constrained")
    for n, m in enumerate(ds.material.values):
        d = ds.sel(material=m)
        ax.plot(d.Te, d.mu / d.E_F, "-", color=f"C{n}", label=f"{m}, exact")
        ax.plot(d.Te, d.mu_sommerfeld / d.E_F, "--", color=f"C{n}", label=f"{m}, Sommerfeld")
    ax.set_xlabel(r"$T_e$ (K)")
    ax.set_ylabel(r"$\mu/E_F$")
    ax.set_ylim(-0.2, 1.1)
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
