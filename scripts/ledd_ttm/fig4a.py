"""Fig. 4a of Un et al.: T_e and T_ph vs t for ITO and Au (TTM) with the BE effective
temperature; inset: grid convergence of the ITO BE T_eff."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ttm = load(snakemake.input[0])
bz = load(snakemake.input[1])
conv = load(snakemake.input[2])
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(8.0, 3.4), layout="constrained")
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
    ax.legend(frameon=False, fontsize=6, loc="upper left")
    ax2 = ax.inset_axes([0.64, 0.62, 0.33, 0.3])
    for n, m in enumerate(ttm.material.values):
        d = ttm.sel(material=m)
        ax2.plot(d.t, d.Tph, "-", color=f"C{n}")
    ax2.set_title(r"$T_{ph}$ (K)", fontsize=6)
    ax2.tick_params(labelsize=5)
    ref = ttm.sel(material=str(conv.material_name.values.ravel()[0]))
    cs = colors(conv.per_photon.size)
    for c, M in zip(cs, conv.per_photon.values):
        d = conv.sel(per_photon=M)
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
    bx.set_title("grid convergence (ITO)")
    bx.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
