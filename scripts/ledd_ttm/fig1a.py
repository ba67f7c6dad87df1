"""Fig. 1a of Un et al.: eDOS of the Kane non-parabolic band vs the parabolic band (C = 0)."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.0, 3.2), layout="constrained")
    for n, m in enumerate(ds.material.values):
        d = ds.sel(material=m)
        ax.plot(d.eps, d.dos, color=f"C{n}", label=f"{m}, C ≠ 0 (Kane)")
        ax.plot(d.eps, d.dos_parabolic, "--", color=f"C{n}", label=f"{m}, C = 0")
        ax.axvline(float(d.E_F), color="0.6", lw=0.6, ls=":")
    ax.set_xlabel("ε (eV)")
    ax.set_ylabel(r"$\rho(\varepsilon)$ (eV$^{-1}$ m$^{-3}$)")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
