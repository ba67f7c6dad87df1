"""Fig. 7b of Zenatti & Kambhampati: cw gain with ESA into XX resonant with SE.

Gain n_up (1 - rho) - n_low with rho = sigma_ESA/sigma_SE; without ESA (thin) for comparison.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, zx) = plt.subplots(
        1, 2, figsize=(7.4, 3.2), layout="constrained", width_ratios=[1.4, 1.0]
    )
    ax.axhline(0, color="0.6", lw=0.5, zorder=0)
    zx.axhline(0, color="0.6", lw=0.5, zorder=0)
    # the system whose gain with ESA stays closest to zero (4LS: ~1e-3 of the others) is hidden
    # on the zero line at full scale: (b) shows it magnified
    small = min(ds.system.values, key=lambda s: float(abs(ds.gain_esa.sel(system=s)).max()))
    g_small = ds.gain_esa.sel(system=small)
    exponent = int(np.ceil(np.log10(float(abs(g_small).max()))))
    for i, s in enumerate(ds.system.values):
        label = f"{s} + ESA" + (" (magnified in b)" if s == small else "")
        ax.plot(ds.pump, ds.gain_esa.sel(system=s), color=f"C{i}", label=label)
        ax.plot(ds.pump, ds.inversion.sel(system=s), color=f"C{i}", lw=0.6, ls=":")
        if s == small:
            zx.plot(ds.pump, g_small * 10.0 ** (-exponent), color=f"C{i}")
    for a in (ax, zx):
        a.set_xscale("log")
        a.set_xlabel(r"pump rate $W\tau_{21}$")
    ax.set_ylim(-1.05, 1.05)
    ax.set_ylabel(r"gain $n_{up}(1-\rho)-n_{low}$")
    ax.set_title(rf"(a) ESA into XX, $\rho$ = {float(ds.esa_ratio):g} (dotted: no ESA)")
    ax.legend(frameon=False, loc="lower right")
    zx.set_ylabel(rf"gain $\times 10^{{{-exponent}}}$")
    zx.set_title(f"(b) {small} + ESA, magnified")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
