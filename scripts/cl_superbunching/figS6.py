"""Fig. S6 of Yuge et al. (PRB 107, 165303): Model 3 vs Model 2 fitted to it.

Model 3 is the kick-limit reconstruction of ``docs/cl_superbunching.md`` §3.2 (the paper's truncated
series coefficients are lost). (a)-(c): <n>, <n(n-1)>, g2(0) vs the electron rate; (d): their
relative differences (the terms of S16); (e): relative Frobenius distance of the steady states (S17)
and the relative differences of P_0 and of 1 - P_0.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
r = ds.rate_tau
rf = float(ds.fit_rate_tau)
with figure_style():
    fig, axes = plt.subplots(2, 3, figsize=(9.0, 5.4), layout="constrained")
    panels = [
        ("mean_n", r"$\langle n\rangle$"),
        ("factorial_moment2", r"$\langle n(n-1)\rangle$"),
        ("g2_zero", r"$g^{(2)}(0)$"),
    ]
    for ax, (q, label), letter in zip(axes[0], panels, "abc"):
        ax.plot(r, ds[f"{q}_model3"], "-", color="C0", label="Model 3 (kick limit)")
        ax.plot(r, ds[f"{q}_model2"], "--", color="C3", label="fitted Model 2")
        ax.axvline(rf, color="0.5", lw=0.6, ls=":")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlabel(r"$r\tau$")
        ax.set_ylabel(label)
        ax.set_title(f"({letter})")
    axes[0, 0].legend(frameon=False)
    ax = axes[1, 0]
    for q, label, m in zip([p[0] for p in panels], [p[1] for p in panels], "os^"):
        ax.plot(r, np.abs(ds[f"reldiff_{q}"]), m + "-", mfc="none", label=label)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axvline(rf, color="0.5", lw=0.6, ls=":")
    ax.set_xlabel(r"$r\tau$")
    ax.set_ylabel("|relative difference|")
    ax.set_title("(d) S16 terms")
    ax.legend(frameon=False)
    ax = axes[1, 1]
    ax.plot(r, ds.frobenius_distance, "k-", label="relative Frobenius distance (S17)")
    ax.plot(r, ds.reldiff_P0, "--", label=r"$|\Delta P_0|/P_0$")
    ax.plot(r, ds.reldiff_rest, ":", label=r"$|\Delta(1-P_0)|/(1-P_0)$")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.axvline(rf, color="0.5", lw=0.6, ls=":")
    ax.set_xlabel(r"$r\tau$")
    ax.set_title("(e) steady states")
    handles, labels = ax.get_legend_handles_labels()
    ax = axes[1, 2]
    ax.axis("off")
    # the legend of (e) in the free panel: inside (e) it would cover the curves
    ax.legend(handles, labels, title="(e)", loc="lower left", frameon=False)
    ax.text(
        0.0,
        1.0,
        "\n".join(
            [
                f"M = {int(ds.M)}",
                rf"$\kappa\tau_c$ = {float(ds.kappa_tau_c):g}",
                rf"$E_T[p]$ = {float(ds.mean_flip_probability):.4g}",
                rf"fit at $r\tau$ = {rf:g}:",
                f"  p = {float(ds.fit_p):.4g}",
                rf"  $\gamma'\tau$ = {float(ds.fit_gamma_prime_tau):.4g}",
                f"  S16 objective = {float(ds.fit_objective):.2e}",
                "Model 3: kick-limit reconstruction",
                "(paper's series coefficients lost)",
            ]
        ),
        va="top",
        fontsize=8,
        transform=ax.transAxes,
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
