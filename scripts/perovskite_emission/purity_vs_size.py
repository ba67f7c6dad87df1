"""Review Fig. 4 (Chatterjee et al.): single-photon purity vs dot size.

g2(0) = eta_XX/eta_X with the biexciton Auger time growing linearly with volume, tau_A = c_A L^3,
for two ratios k_rad,XX/k_rad,X; the g2(0) = 0.5 line is the single-emitter criterion.
"""

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.2, 3.0), layout="constrained")
    for col, f in zip(colors(ds.xx_rad_factor.size), ds.xx_rad_factor.values):
        ax.plot(
            ds.edge,
            ds.g2_zero.sel(xx_rad_factor=f),
            color=col,
            label=rf"$k_{{r,XX}} = {f:g}\,k_{{r,X}}$",
        )
    ax.axhline(0.5, color="k", ls=":", lw=0.8, label="g2(0) = 0.5")
    ax.axhline(0.1, color="0.6", ls=":", lw=0.6)
    ax.set_yscale("log")
    ax.set_xlabel("edge length L (nm)")
    ax.set_ylabel(r"$g^{(2)}(0)=\eta_{XX}/\eta_X$")
    ax.set_title("(a) purity vs size")
    ax.legend(frameon=False)
    bx.plot(ds.edge, ds.tau_auger * 1e3, "k-")
    bx.set_xscale("log")
    bx.set_yscale("log")
    # a range of less than a decade: label only the major ticks and 2, 5 x 10^n (labelling every
    # minor tick ran the labels together)
    bx.xaxis.set_minor_formatter(
        FuncFormatter(lambda v, _: f"{v:g}" if f"{v:g}"[0] in "25" else "")
    )
    bx.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:g}"))
    bx.set_xlabel("edge length L (nm)")
    bx.set_ylabel(r"biexciton Auger time $\tau_A$ (ps)")
    bx.set_title(r"(b) $\tau_A = c_A L^3$")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
