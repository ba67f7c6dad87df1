"""Predicted ASE thresholds of the four Simple Model schemes vs the paper (Zenatti & Kambhampati
Figs. 9a-d), their dependence on the waveguide loss, and the sign of the ESA spike shift.

(a) J_th of each scheme under each fluence mapping, each with ONE fitted scale shared by the
four schemes, against the paper's 0.27 / 0.69 / 0.06 / 0.30 mJ/cm^2; (b) the threshold <N>_th
(photons absorbed sigma J, calibration-free) vs the waveguide loss-length product alpha L;
(c) the ASE spike shift between two fluences vs the emissive XX binding Delta_XXE.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure
from lightmatter.qd_gain.plots import MAPPING_LABEL, SCHEME_LABEL

log_to(snakemake)
ds = load(snakemake.input[0])
MARK = {"poisson": "o", "rabi": "s", "linear": "^", "area": "D"}
with figure_style():
    fig, (ax, bx, cx) = plt.subplots(1, 3, figsize=(9.0, 3.6), layout="constrained")
    x = np.arange(ds.scheme.size)
    for k, mp in enumerate(ds.mapping.values):
        d = ds.sel(mapping=mp)
        fit = "J_π" if mp == "area" else "σ"
        rms = float(d.rms_log_error)
        ax.semilogy(
            x + 0.12 * (k - 1.5),
            d.J_th,
            MARK[str(mp)],
            ms=4,
            mfc="none" if mp == "area" else None,
            label=f"{MAPPING_LABEL[str(mp)]}, {fit} fitted (rms ln {rms:.2f})",
        )
    ax.semilogy(x, ds.J_th_paper, "k*", ms=8, label="paper")
    ax.set_xticks(x, [SCHEME_LABEL[str(s)].replace(" into XX", "") for s in ds.scheme.values])
    ax.tick_params(axis="x", labelsize=6)
    ax.set_ylim(0.03, 3.0)
    ax.set_ylabel(r"ASE threshold $J_{th}$ (mJ/cm$^2$)")
    ax.set_title("(a) predicted vs paper, one scale per mapping", fontsize=7)
    ax.legend(frameon=False, fontsize=5.2, loc="upper left")
    for s in ds.scheme.values:
        bx.plot(ds.loss, ds.N_th_loss.sel(scheme=s), label=SCHEME_LABEL[str(s)])
    bx.set_xlabel(r"waveguide loss-length product $\alpha L$")
    bx.set_ylabel(r"ASE threshold $\langle N\rangle_{th}=\sigma J_{th}$")
    bx.set_title(f"(b) {MAPPING_LABEL[ds.mapping_used.item()]}, no fit", fontsize=7)
    bx.legend(frameon=False, fontsize=6, loc="upper left")
    rlo, rhi = float(ds.ratio_low), float(ds.ratio_high)
    for s in ds.esa_scheme.values:
        d = ds.sel(esa_scheme=s)
        slope = (d.shift_high - d.shift_low) * 1e3
        line = cx.plot(ds.delta_xxe * 1e3, slope, "-o", ms=2.5, label=SCHEME_LABEL[str(s)])[0]
        c = float(d.crossover)
        if np.isfinite(c):
            cx.axvline(c * 1e3, color=line.get_color(), lw=0.6, ls=":")
    cx.axhline(0, color="k", lw=0.5)
    cx.set_xlabel(r"emissive XX binding $\Delta_{XXE}$ (meV)")
    cx.set_ylabel(f"spike shift, {rhi:g} vs {rlo:g} " + r"$J_{th}$ (meV; <0: red)")
    cx.set_title("(c) sign of the ESA spike shift with fluence", fontsize=7)
    cx.legend(frameon=False, fontsize=6, loc="upper right")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
