"""Beyond the paper: a virtual HBT experiment on Model 1 CL light.

Markers with error bars: all-pairs coincidence estimate of g2 from a seeded photon stream
(Poisson errors); steps: the exact g2(t) averaged over each bin; line: exact g2(t) (QRT).
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, bx) = plt.subplots(
        2, 1, figsize=(5.0, 4.6), layout="constrained", sharex=True, height_ratios=[3, 1]
    )
    ax.plot(ds.t, ds.g2_exact, "-", color="0.5", lw=0.8, label="exact g$^{(2)}$(t)")
    edges = np.concatenate([ds.bin_lower.values, ds.bin_upper.values[-1:]])
    ax.stairs(ds.g2_exact_bin.values, edges, color="C0", label="exact, bin-averaged")
    ax.errorbar(
        ds.t_center,
        ds.g2_hbt,
        yerr=ds.g2_hbt_err_blocks,
        fmt="o",
        ms=2.5,
        color="C3",
        label=f"HBT, {int(ds.n_photons):,} photons",
    )
    ax.set_ylabel(r"$g^{(2)}(t)$")
    ax.legend(frameon=False)
    bx.plot(ds.t_center, ds.pull, "o", ms=2.5, color="C3")
    bx.axhline(0, color="0.5", lw=0.6)
    for s in (-3, 3):
        bx.axhline(s, color="0.5", lw=0.6, ls=":")
    bx.set_xlabel(r"$t/\tau$")
    bx.set_ylabel("pull (σ)")
    chi2 = float(ds.mean_pull_sq)
    ax.set_title(
        f"photon rate {float(ds.photon_rate):.4f}/τ (exact {float(ds.photon_rate_exact):.4f}/τ); "
        f"mean pull² {chi2:.2f}"
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
