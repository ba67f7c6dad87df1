"""Fig. 1b of Un et al.: e-ph collision rate vs energy (exact MC, Eq. 13 approximation, no MC)."""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.7), layout="constrained")
    d = ds.isel(material=0)
    x = d.eps / d.E_F
    ax.plot(x, d.eph_exact * 1e-12, "k-", label="exact momentum conservation (Eq. 12)")
    ax.plot(x, d.eph_paper * 1e-12, "-", color="C0", lw=0.8, label=r"$E_{max}$ of Eq. 11")
    ax.plot(x, d.eph_approx * 1e-12, "--", color="C1", label="approximation (Eq. 13)")
    ax.plot(x, d.eph_none * 1e-12, ":", color="C3", label="no momentum conservation")
    ax.axhline(float(d.eph_ref_EF) * 1e-12, color="0.5", lw=0.6, ls="-.", label="Au at $E_F$")
    ax.axvline(float(d.eps_star / d.E_F), color="0.6", lw=0.6, ls=":")
    ax.set_yscale("log")
    ax.set_xlabel(r"$\varepsilon/E_F$")
    ax.set_ylabel(r"$\Gamma_{e-ph}$ (1/ps)")
    ax.set_title(f"{d.material.values!s}, T = {float(d.T):.0f} K")
    fig.legend(loc="outside lower center", ncol=2, frameon=False, fontsize=6)  # off the curves
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
