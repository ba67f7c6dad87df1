"""Review Fig. 2b / 4c (Chatterjee et al.): single-photon antibunching.

(a) g2(tau) = 1 - exp(-(r+Gamma)|tau|) of an incoherently pumped two-level emitter for several
pump rates (solid), and convolved with a Gaussian IRF (dashed); (a') the same near tau = 0,
where the IRF sets the finite dip depth. (b) g2(tau) of the X-XX cascade
under CW pumping: g2(0) tends to eta_XX/eta_X (dotted) as the pump vanishes.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, (ax, zx, bx) = plt.subplots(
        1, 3, figsize=(9.6, 3.0), layout="constrained", width_ratios=[1.2, 1.0, 1.2]
    )
    sig = float(ds.sigma_irf)
    for col, r in zip(colors(ds.r.size), ds.r.values):
        ax.plot(ds.tau, ds.g2.sel(r=r), color=col)
        ax.plot(ds.tau, ds.g2_irf.sel(r=r), "--", color=col, lw=0.9)
        # (a'): the dip, where the IRF (sigma_irf << 1/Gamma) rounds it off and leaves a finite
        # g2(0); on the full delay range of (a) the dashed curves lie on the solid ones
        zx.plot(ds.tau_zoom / sig, ds.g2_zoom.sel(r=r), color=col, label=f"r = {r:g} /ns")
        zx.plot(ds.tau_zoom / sig, ds.g2_irf_zoom.sel(r=r), "--", color=col, lw=0.9)
    ax.axhline(0.5, color="0.6", lw=0.6, ls=":")
    ax.set_xlabel(r"delay $\tau$ (ns)")
    ax.set_ylabel(r"$g^{(2)}(\tau)$")
    ax.set_title(rf"(a) two-level emitter, $\Gamma$ = {float(ds.gamma):g} /ns")
    zx.plot([], [], "--", color="0.4", lw=0.9, label="with IRF")
    zx.set_ylim(0.0, 1.35 * float(ds.g2_zoom.max()))
    zx.set_xlabel(r"$\tau/\sigma_{IRF}$")
    zx.set_title(rf"(a$'$) zoom on the dip, $\sigma_{{IRF}}$ = {sig * 1e3:g} ps")
    zx.legend(frameon=False, loc="upper center")
    for col, q in zip(colors(ds.pump.size), ds.pump.values):
        bx.plot(ds.tau_pos, ds.g2_cascade.sel(pump=q), color=col, label=f"CW pump {q:g} /ns")
    bx.axhline(
        float(ds.g2_cascade_limit),
        color="k",
        ls=":",
        lw=0.8,
        label=rf"$\eta_{{XX}}/\eta_X$ = {float(ds.g2_cascade_limit):.3f}",
    )
    bx.set_xlabel(r"delay $\tau$ (ns)")
    bx.set_ylabel(r"$g^{(2)}(\tau)$")
    bx.set_title("(b) exciton–biexciton cascade")
    bx.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
