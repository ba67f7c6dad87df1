"""Figs. 9e-f of Zenatti & Kambhampati, parameterised graded-alloy STAND-IN (not the paper's data).

X1 pumping: 3LS + ESA into weakly overlapping XX; X3 pumping: the same plus a blue
multi-exciton emission band. ASE spectra over a ladder of fluences, each normalised.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, axs = plt.subplots(1, 2, figsize=(7.0, 3.4), layout="constrained", sharey=True)
    cols = colors(ds.ratio.size)
    for ax, pump, tag in zip(axs, ds.pump.values, ["e", "f"]):
        d = ds.sel(pump=pump)
        for i, r in enumerate(ds.ratio.values):
            y = d.I.isel(ratio=i)
            ax.plot(d.E, y / float(y.max()), color=cols[i], label=rf"{r:g} $J_{{th}}$")
        ax.axvline(float(ds.E_PL), color="0.5", lw=0.6, ls=":")
        ax.set_xlim(float(ds.E_PL) - 0.25, float(ds.E_PL) + 0.25)
        ax.set_xlabel("E (eV)")
        ax.set_title(
            f"({tag}) {pump}, model stand-in:\n"
            + rf"$J_{{th}}$ = {float(d.J_th):.2g} mJ/cm², "
            + rf"SE $\langle N\rangle_{{th}}$ = {float(d.N_th_se):.2f}",
            fontsize=8,
        )
    axs[0].set_ylabel("ASE output I(E), normalised to its maximum")
    axs[0].legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
