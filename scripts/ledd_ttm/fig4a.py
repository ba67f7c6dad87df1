"""Fig. 4a of Un et al.: T_e and T_ph vs t for ITO and Au (TTM) with the BE effective
temperature; grid convergence of the ITO BE T_eff against the TTM, and the convergence table
(grid spacing, time step -> T_eff at -FWHM, peak, +FWHM and t_late; TTM with exact G)."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ttm = load(snakemake.input[0])
bz = load(snakemake.input[1])
conv = load(snakemake.input[2])
with figure_style():
    fig, (ax, bx, cx) = plt.subplots(
        1, 3, figsize=(11.0, 3.4), layout="constrained", width_ratios=[1.0, 1.0, 0.85]
    )
    for n, m in enumerate(ttm.material.values):
        d = ttm.sel(material=m)
        ax.plot(d.t, d.Te, "-", color=f"C{n}", label=f"{m}: $T_e$ (TTM)")
        ax.plot(d.t, d.Te_fullG, ":", color=f"C{n}", lw=0.8, label=f"{m}: $T_e$ (TTM, exact G)")
        if m in bz.material.values:
            b = bz.sel(material=m)
            ax.plot(
                b.t[::4],
                b.T_eff[::4],
                "o",
                mfc="none",
                ms=3,
                color=f"C{n}",
                label=f"{m}: BE $T_{{eff}}$",
            )
    ax.set_xlabel("t (fs)")
    ax.set_ylabel("temperature (K)")
    lo, hi = ax.get_ylim()
    ax.set_ylim(lo, lo + 1.45 * (hi - lo))  # headroom: the legend sits above the curves
    ax.legend(frameon=False, fontsize=6, loc="upper left", ncol=2)
    ax2 = ax.inset_axes([0.64, 0.4, 0.33, 0.3])
    for n, m in enumerate(ttm.material.values):
        d = ttm.sel(material=m)
        ax2.plot(d.t, d.Tph, "-", color=f"C{n}")
    ax2.set_title(r"$T_{ph}$ (K)", fontsize=6)
    ax2.tick_params(labelsize=5)
    ref = ttm.sel(material=str(conv.material_name.values.ravel()[0]))
    dt0 = float(conv.dt_pulse.values[0])
    grid_cases = [k for k in conv.case.values if float(conv.dt_pulse.sel(case=k)) == dt0]
    cs = colors(len(grid_cases))
    for c, k in zip(cs, grid_cases):
        d = conv.sel(case=k)
        bx.plot(
            d.t,
            d.T_eff - d.T_ph,
            "-",
            color=c,
            label=rf"BE, $\Delta$ = {float(d.delta) * 1e3:.1f} meV",
        )
    bx.plot(ref.t, ref.Te_fullG - ref.Tph_fullG, "k--", label="TTM (exact G)")
    bx.plot(ref.t, ref.Te - ref.Tph, "k:", label="TTM (leading-order G)")
    bx.set_xlabel("t (fs)")
    bx.set_ylabel(r"$T_{eff} - T_{ph}$ (K)")
    bx.set_title(f"grid convergence (ITO, dt = {dt0:g} fs)")
    bx.legend(frameon=False, fontsize=6)
    # convergence table
    marks = conv.t_mark.values
    head = ["Δ (meV)", "dt (fs)"] + [f"{m:.0f} fs" for m in marks]
    rows = []
    for k in conv.case.values:
        d = conv.sel(case=k)
        rows.append(
            [f"{float(d.delta) * 1e3:.2f}", f"{float(d.dt_pulse):g}"]
            + [f"{v:.1f}" for v in d.T_eff_mark.values]
        )
    ttm_row = conv.T_ttm_mark.isel(case=0).values
    rows.append(["TTM", "exact G"] + [f"{v:.1f}" for v in ttm_row])
    finest = conv.sel(case=conv.case.values[-1]).T_eff_mark.values
    rows.append(
        ["BE/TTM−1", "(%)"] + [f"{(b / t - 1) * 100:+.2f}" for b, t in zip(finest, ttm_row)]
    )
    cx.axis("off")
    tab = cx.table(cellText=rows, colLabels=head, loc="center", cellLoc="center")
    tab.auto_set_font_size(False)
    tab.set_fontsize(6)
    tab.scale(1.0, 1.25)
    cx.set_title(f"$T_{{eff}}$ (K) of the BE, {ref.material.values!s}", fontsize=8)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
