"""Review Fig. 6c (Chatterjee et al.): superlattice radiative-rate enhancement vs temperature,
weak-excitation model with phonon dephasing (docs §7).

(a) enhancement 1/(Gamma tau_1/e) of N identical coupled dots vs T; (b) the dephasing rate and
homogeneous linewidth vs T; (c) enhancement at the reference temperature vs N with static
disorder (seeded realisations, 16-84 % band).
"""

import matplotlib.pyplot as plt
from matplotlib.ticker import NullFormatter, ScalarFormatter

from lightmatter.jobs import log_to
from lightmatter.perovskite_emission.superlattice import HBAR_MEV_NS
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
cfg = snakemake.config["perovskite_emission"]["superlattice"]
t_ref, target = float(cfg["T_ref"]), float(cfg["target"])
g = float(ds.gamma)
n_hit = float(ds.n_for_target)
with figure_style():
    fig, (a, b, c) = plt.subplots(1, 3, figsize=(7.4, 2.9), layout="constrained")
    for col, n in zip(colors(ds.N.size), ds.N.values):
        a.loglog(ds["T"], ds.enhancement.sel(N=n), color=col, label=f"N = {n}")
    a.axhline(target, color="0.5", lw=0.6, ls=":")
    a.axvline(t_ref, color="0.5", lw=0.6, ls=":")
    a.plot([t_ref], [target], "k*", ms=7, label="review")
    a.set_yticks([t for t in (1, 2, 5, 10, 20, 50, 100) if t <= float(ds.enhancement.max()) * 1.5])
    a.yaxis.set_major_formatter(ScalarFormatter())
    a.yaxis.set_minor_formatter(NullFormatter())
    a.xaxis.set_major_formatter(ScalarFormatter())
    a.set_xlabel("temperature T (K)")
    a.set_ylabel(r"$\Gamma_{SL}/\Gamma_{QD}$ (σ = 0)")
    a.set_title(f"(a) N ≥ {n_hit:.0f} → {target:g}× at {t_ref:g} K")
    a.legend(frameon=False, fontsize=6, loc="center right")
    b.loglog(ds["T"], ds.gamma_phi / g, color="C3")
    b.xaxis.set_major_formatter(ScalarFormatter())
    b.set_xlabel("temperature T (K)")
    b.set_ylabel(r"$\gamma_\phi(T)/\Gamma$")
    # right axis: the same curve as the homogeneous FWHM = 2 hbar (gamma_phi + Gamma/2)
    mev = 2.0 * HBAR_MEV_NS * g
    b.secondary_yaxis(
        "right", functions=(lambda x: mev * (x + 0.5), lambda w: w / mev - 0.5)
    ).set_ylabel("homogeneous FWHM (meV)")
    b.set_title(r"(b) $T_2$(4 K) = 80 ps, $\gamma_{LO}$ fitted")
    for col, s in zip(colors(ds.sigma_ueV.size), ds.sigma_ueV.values):
        nd = ds.N_disorder.values
        c.fill_between(
            nd,
            ds.enhancement_ref_lo.sel(sigma_ueV=s),
            ds.enhancement_ref_hi.sel(sigma_ueV=s),
            color=col,
            alpha=0.25,
            lw=0,
        )
        c.plot(
            nd, ds.enhancement_ref.sel(sigma_ueV=s), "o-", color=col, ms=3, label=f"σ = {s:g} µeV"
        )
    c.axhline(target, color="0.5", lw=0.6, ls=":")
    c.set_xticks(ds.N_disorder.values)
    c.set_xlabel("N")
    c.set_ylabel(rf"$\Gamma_{{SL}}/\Gamma_{{QD}}$ at {t_ref:g} K")
    c.set_title("(c) static disorder")
    c.legend(frameon=False, fontsize=6, loc="best")  # the curves rise with N, or stay flat
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
