"""Fig. 3c of Un et al.: e-ph coupling G(T_e): exact, leading order, no MC, T->0 limit, Au."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
ledd = [m for m in ds.material.values if m != "Au"]
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.4), layout="constrained")
    for m in ledd:
        d = ds.sel(material=m)
        ax.plot(
            d.Te_full, d.G_full, "o", mfc="none", color="k", label=f"{m}, exact (double integral)"
        )
        ax.plot(d.Te, d.G_leading, "k-", label=f"{m}, leading order (Eq. 26)")
        ax.plot(d.Te, d.G_no_mc, "--", color="C3", label=f"{m}, no MC (Eq. 27)")
        ax.plot(
            d.Te_full, d.G_full_no_mc, "s", mfc="none", color="C3", ms=3, label=f"{m}, no MC, exact"
        )
        ax.plot(d.Te, d.G_T0, ":", color="C0", label=r"$T_e\to0$ limit (Eq. 28)")
    if "Au" in ds.material.values:
        a = ds.sel(material="Au")
        ax.plot(a.Te, a.G_leading, "-.", color="C2", label="Au")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(100, 1.0e4)  # Eq. 27 with g'(mu) is meaningless once mu < 0 (T_e > 8000 K)
    ax.set_xlabel(r"$T_e$ (K)")
    ax.set_ylabel(r"$G$ (W m$^{-3}$ K$^{-1}$)")
    ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
