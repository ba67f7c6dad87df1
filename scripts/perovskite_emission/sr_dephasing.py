"""Review Fig. 6 (Chatterjee et al.): local dephasing quenches superradiance.

I(t) of N emitters from full inversion with collective decay Gamma and local dephasing
gamma_phi (qutip.piqs), against independent emission (dashed); inset-like right panel: the peak
intensity vs gamma_phi.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
N = int(ds.N.values.ravel()[0])
with figure_style():
    fig, (ax, bx) = plt.subplots(
        1, 2, figsize=(7.2, 3.0), layout="constrained", width_ratios=[1.6, 1]
    )
    for col, gp in zip(colors(ds.gamma_phi.size), ds.gamma_phi.values):
        ax.plot(ds.t, ds.intensity.sel(gamma_phi=gp), color=col, label=rf"$\gamma_\phi$ = {gp:g}")
    ax.plot(ds.t, ds.intensity_independent.isel(gamma_phi=0), "k--", lw=0.8, label="independent")
    ax.set_xlabel(r"time ($1/\Gamma$)")
    ax.set_ylabel(r"$I(t)$ ($\Gamma$)")
    ax.set_title(f"(a) N = {N}, qutip.piqs")
    ax.legend(frameon=False, fontsize=6)
    gp = ds.gamma_phi.values
    pos = gp > 0
    bx.plot(gp[pos], ds.peak_intensity.values[pos], "o-", color="C3", label="with dephasing")
    bx.axhline(
        float(ds.peak_intensity.sel(gamma_phi=0.0)) if 0.0 in gp else float("nan"),
        color="C0",
        ls=":",
        label=r"$\gamma_\phi = 0$ (Dicke)",
    )
    bx.axhline(N, color="k", ls="--", lw=0.8, label=r"independent: $N\Gamma$")
    bx.set_xscale("log")
    bx.set_xlabel(r"$\gamma_\phi/\Gamma$")
    bx.set_ylabel(r"peak intensity ($\Gamma$)")
    bx.set_title("(b) peak vs dephasing")
    bx.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
