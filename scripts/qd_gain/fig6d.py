"""Fig. 6d of Zenatti & Kambhampati: cw population inversion of 2/3/4-level systems vs pump rate.

2LS never inverts, the 3LS inverts above W_th = 1/(tau21 - tau32), the 4LS for every W > 0.
"""

import math

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.4, 3.2), layout="constrained")
    for i, s in enumerate(ds.system.values):
        ax.plot(ds.pump, ds.inversion.sel(system=s), color=f"C{i}", label=s)
        w = float(ds.W_th.sel(system=s))
        if math.isfinite(w) and w > 0:
            ax.axvline(w, color=f"C{i}", lw=0.7, ls=":")
            ax.annotate(f"W_th τ₂₁ = {w:.4g}", (w * 1.2, -0.8), fontsize=6, color=f"C{i}")
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xscale("log")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel(r"pump rate $W\tau_{21}$")
    ax.set_ylabel(r"inversion $n_{up}-n_{low}$")
    ax.set_title(rf"cw, $\tau_{{32}}=\tau_{{10}}$ = {float(ds.tau32):g} $\tau_{{21}}$")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
