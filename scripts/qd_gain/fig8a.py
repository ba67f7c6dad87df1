"""Fig. 8a of Zenatti & Kambhampati: the Gaussian transitions of the Simple Model (3LS + ESA).

Linear absorption A_X, emission PL_X, nonlinear absorptions A_XX1 and A_XX2 (weighted by
kappa), biexciton emission PL_XX; lower panel the same for the 4LS + ESA.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
STY = {
    "A_X": ("C0", "-", r"$A_X$: 0→X$_A$"),
    "PL_X": ("C3", "-", r"$PL_X$: X$_E$→0"),
    "A_XX1": ("C1", "--", r"$A_{XX1}$: X$_A$→XX$_{A1}$ (display)"),
    "A_XX2": ("C2", "--", r"$\kappa A_{XX2}$: X$_E$→XX$_{A2}$"),
    "PL_XX": ("C4", ":", r"$PL_{XX}$: XX$_E$→X$_E$"),
}
with figure_style():
    fig, axs = plt.subplots(2, 1, figsize=(4.6, 4.6), layout="constrained", sharex=True)
    for ax, scheme in zip(axs, ["3LS_ESA", "4LS_ESA"]):
        d = ds.sel(scheme=scheme)
        for k, (c, ls, lab) in STY.items():
            y = d[k] * (float(d.kappa) if k in ("A_XX2", "A_XX1") else 1.0)
            if k == "PL_XX":
                # PL_XX coincides with PL_X when Delta_XXE = 0: markers keep it visible
                same = bool(np.allclose(d.PL_XX, d.PL_X))
                ax.plot(
                    d.E,
                    y,
                    color=c,
                    ls="none" if same else ls,
                    marker="o" if same else None,
                    ms=3,
                    markevery=max(1, d.E.size // 60),
                    mfc="none",
                    zorder=3,
                    label=lab + (r" (= $PL_X$)" if same else ""),
                )
            else:
                ax.plot(d.E, y, color=c, ls=ls, label=lab)
        ax.set_ylabel(r"$\sigma/\sigma_A$")
        ax.set_title(
            f"{scheme.replace('_', ' + ')}: S = {1e3 * float(d.stokes):.1f} meV, "
            rf"$\Delta_{{XXA2}}$ = {1e3 * float(d.delta_xxa2):.1f} meV, "
            rf"$\Delta_{{XXE}}$ = {1e3 * float(d.delta_xxe):g} meV, "
            rf"$\kappa$ = {float(d.kappa):.3f}",
            fontsize=7,
        )
    axs[0].legend(frameon=False, fontsize=6)
    axs[1].set_xlabel("E (eV)")
    axs[1].set_xlim(float(ds.E_A) - 0.35, float(ds.E_A) + 0.2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
