"""Fig. 7b of Zenatti & Kambhampati: cw gain with ESA into XX resonant with SE.

Gain n_up (1 - rho) - n_low with rho = sigma_ESA/sigma_SE; without ESA (thin) for comparison.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.4, 3.2), layout="constrained")
    for i, s in enumerate(ds.system.values):
        ax.plot(ds.pump, ds.gain_esa.sel(system=s), color=f"C{i}", label=f"{s} + ESA")
        ax.plot(ds.pump, ds.inversion.sel(system=s), color=f"C{i}", lw=0.6, ls=":")
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xscale("log")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel(r"pump rate $W\tau_{21}$")
    ax.set_ylabel(r"gain $n_{up}(1-\rho)-n_{low}$")
    ax.set_title(rf"ESA into XX, $\rho$ = {float(ds.esa_ratio):g} (dotted: no ESA)")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
