"""Fig. 1c of Un et al.: e-e collision rate, non-parabolic (C != 0) vs parabolic band."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.2), layout="constrained")
    d = ds.isel(material=0)
    x = d.eps - d.E_F
    ax.plot(x, d.ee_fl * 1e-15, "k-", label="Fermi liquid, C ≠ 0 (Eq. 18)")
    ax.plot(x, d.ee_fl_parabolic * 1e-15, "--", color="C0", label="Fermi liquid, C = 0")
    ax.plot(
        d.eps_grid - d.E_F, d.ee_grid * 1e-15, ".", color="C1", ms=3, label="full integral (grid)"
    )
    ax.plot(d.x_ref, d.ee_fl_ref * 1e-15, ":", color="C3", label="Au, Fermi liquid")
    ax.set_xlim(-1, 1.5)
    ax.set_ylim(0, float(d.ee_fl.where(abs(x) < 1.5).max()) * 1.1e-15)
    ax.set_xlabel(r"$\varepsilon - E_F$ (eV)")
    ax.set_ylabel(r"$\Gamma_{e-e}$ (1/fs)")
    ratio = float(d.K_FL_ratio)
    ax.set_title(f"{d.material.values!s}: $K_{{FL}}$ / $K_{{FL}}$(Au) = {ratio:.1f}")
    ax.legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
