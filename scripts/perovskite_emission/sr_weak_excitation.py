"""Review Fig. 6b-e (Chatterjee et al.): weak-excitation (single-photon) superradiance with
local dephasing and static disorder.

One excitation shared by N emitters (one-excitation Lindblad block, docs §10): TRPL from the
symmetric and the incoherent start, the 1/e-lifetime rate enhancement vs N for each dephasing
rate and disorder width (seeded realisations, 16-84 % band), the photons emitted from the
incoherent start (dark-state trapping).
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
cfg = snakemake.config["perovskite_emission"]["weak_excitation"]
n_show = int(cfg["trpl_N"])
if n_show not in ds.N.values:
    n_show = int(ds.N.values[-1])
sel = ds.sel(N=n_show)
t = ds.t.values
gps, sig, ns = ds.gamma_phi.values, ds.sigma.values, ds.N.values
cg = colors(gps.size)
cs_all = colors(sig.size + 1)
cs = cs_all[1:]
with figure_style():
    fig, ax = plt.subplots(2, 3, figsize=(7.4, 4.9), layout="constrained")
    a = ax[0, 0]
    for c, gp in zip(cg, gps):
        a.semilogy(
            t,
            sel.intensity_dephasing.sel(start=0, gamma_phi=gp),
            color=c,
            label=f"{gp:g}",
        )
    a.semilogy(t, np.exp(-t), "k--", lw=0.8, label=r"$e^{-\Gamma t}$")
    a.set_title(f"(a) symmetric start, N = {n_show}, σ = 0")
    b = ax[0, 1]
    b.semilogy(
        t,
        sel.intensity_dephasing.sel(start=0, gamma_phi=0.0) if 0.0 in gps else np.nan * t,
        color="k",
        lw=0.9,
        label="0",
    )
    for c, s in zip(cs, sig):
        b.semilogy(t, sel.intensity_disorder.sel(start=0, sigma=s), color=c, label=f"{s:g} (mean)")
    b.semilogy(t, np.exp(-t), "k--", lw=0.8)
    b.set_title(r"(b) symmetric start, $\gamma_\phi$ = 0, disorder")
    c_ = ax[0, 2]
    for c, gp in zip(cg, gps):
        c_.semilogy(t, sel.intensity_dephasing.sel(start=1, gamma_phi=gp), color=c)
    c_.semilogy(t, np.exp(-t), "k--", lw=0.8)
    c_.set_title("(c) incoherent start, σ = 0")
    for x in (a, b, c_):
        x.set_xlabel(r"time ($1/\Gamma$)")
        x.set_ylabel(r"TRPL $I(t)$ ($\Gamma$)")
        x.set_ylim(1e-3, 1.5 * n_show)
    a.legend(
        frameon=False,
        fontsize=6,
        loc="upper right",
        ncol=2,
        title=r"$\gamma_\phi/\Gamma$",
        title_fontsize=6,
    )
    b.legend(frameon=False, fontsize=6, loc="upper right", ncol=1, title="σ/Γ", title_fontsize=6)
    d = ax[1, 0]
    for c, gp in zip(cg, gps):
        d.plot(ns, ds.enhancement_dephasing.sel(start=0, gamma_phi=gp), "o-", color=c, ms=3)
    d.plot(ns, ns, "k:", lw=0.8, label="N (ideal)")
    d.set_title(r"(d) enhancement vs $\gamma_\phi$ (colours of a)")
    d.legend(frameon=False, fontsize=6, loc="upper left")
    e = ax[1, 1]
    e.plot(ns, ns, "k:", lw=0.8)
    for c, s in zip(cs, sig):
        m = ds.enhancement_disorder.sel(start=0, sigma=s)
        e.fill_between(
            ns,
            ds.enhancement_disorder_lo.sel(start=0, sigma=s),
            ds.enhancement_disorder_hi.sel(start=0, sigma=s),
            color=c,
            alpha=0.25,
            lw=0,
        )
        e.plot(ns, m, "o-", color=c, ms=3, label=f"σ = {s:g}Γ")
    e.set_title(r"(e) enhancement vs σ ($\gamma_\phi$ = 0)")
    e.legend(frameon=False, fontsize=6, loc="upper left")
    for x in (d, e):
        x.set_xlabel("N")
        x.set_ylabel(r"$\Gamma_{eff}/\Gamma = 1/(\Gamma\tau_{1/e})$")
    f = ax[1, 2]
    for c, gp in zip(cg, gps):
        f.plot(ns, ds.emitted_dephasing.sel(start=1, gamma_phi=gp), "o-", color=c, ms=3)
    for c, s in zip(cs, sig):
        f.plot(
            ns,
            ds.emitted_disorder.sel(start=1, sigma=s),
            "s--",
            color=c,
            ms=3,
            lw=0.8,
            label=f"σ = {s:g}Γ",
        )
    f.plot(ns, 1.0 / ns, "k:", lw=0.8, label="1/N")
    f.set_xlabel("N")
    f.set_ylabel("photons emitted")
    f.set_ylim(0, 1.5)  # headroom above the "all emitted" line for the legend
    f.set_title("(f) incoherent start: trapping")
    f.legend(
        frameon=False,
        fontsize=6,
        loc="upper right",
        ncol=2,
        title="dashed: disorder",
        title_fontsize=6,
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
