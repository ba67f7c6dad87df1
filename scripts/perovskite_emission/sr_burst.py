"""Review Fig. 2c / 6 (Chatterjee et al.): Dicke superradiant bursts from full inversion.

(a) I(t)/N^2 vs (N+1) Gamma t for several N (independent emitters for the smallest N, dashed),
from the ``dicke`` sweep; (b) peak intensity and (c) FWHM vs N with fitted power laws; (d)
N t_peak vs ln N with its fitted line, from the ``burst_scaling`` sweep (the fits are its
dataset variables).
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
sc = load(snakemake.input[1])
Ns = ds.N.values
g = float(ds.gamma.values.ravel()[0])
with figure_style():
    fig, axes = plt.subplots(2, 2, figsize=(7.2, 5.6), layout="constrained")
    ax = axes[0, 0]
    for col, N in zip(colors(Ns.size), Ns):
        s = ds.sel(N=N)
        ax.plot((N + 1) * g * s.time, s.intensity / N**2, color=col, label=f"N = {N}")
    s0 = ds.sel(N=Ns[0])
    ax.plot(
        (Ns[0] + 1) * g * s0.time,
        s0.intensity_independent / Ns[0] ** 2,
        "k--",
        lw=0.8,
        label=f"independent, N = {Ns[0]}",
    )
    ax.set_xlim(0, 3 * np.log(Ns.max()) + 10)
    ax.set_xlabel(r"$(N+1)\Gamma t$")
    ax.set_ylabel(r"$I(t)/N^2$ ($\Gamma$)")
    ax.set_title("(a) bursts")
    ax.legend(frameon=False, fontsize=6)
    Nf = sc.N.values
    ax = axes[0, 1]
    ax.loglog(Nf, sc.peak_intensity, "o", color="C3", label="exact")
    ax.loglog(
        Nf,
        sc.peak_intensity_fit,
        "k-",
        lw=0.8,
        label=f"fit: exponent {float(sc.peak_exponent):.3f} ± {float(sc.peak_exponent_stderr):.3f}",
    )
    ax.loglog(Nf, Nf * float(sc.gamma), "k:", lw=0.8, label=r"independent: $N\Gamma$")
    ax.set_xlabel("N")
    ax.set_ylabel(r"peak intensity ($\Gamma$)")
    ax.set_title(r"(b) peak $\propto N^2$")
    ax.legend(frameon=False, fontsize=6)
    ax = axes[1, 0]
    ax.loglog(Nf, sc.fwhm, "s", color="C0", label="exact")
    ax.loglog(
        Nf,
        sc.fwhm_fit,
        "k-",
        lw=0.8,
        label=f"fit: exponent {float(sc.fwhm_exponent):.3f} ± {float(sc.fwhm_exponent_stderr):.3f}",
    )
    ax.set_xlabel("N")
    ax.set_ylabel(r"FWHM ($1/\Gamma$)")
    ax.set_title(r"(c) width $\propto 1/N$")
    ax.legend(frameon=False, fontsize=6)
    ax = axes[1, 1]
    lnN = np.log(Nf)
    ax.plot(lnN, sc.scaled_delay, "^", color="C2", label="exact")
    ax.plot(
        lnN,
        sc.scaled_delay_fit,
        "k-",
        lw=0.8,
        label=f"fit: {float(sc.delay_slope):.3f} ln N {float(sc.delay_intercept):+.2f} "
        f"(R² {float(sc.delay_r_squared):.4f})",
    )
    ax.set_xlabel("ln N")
    ax.set_ylabel(r"$N\,t_{peak}$ ($1/\Gamma$)")
    ax.set_title(r"(d) delay $\propto \ln N / N$")
    ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
