"""Plot helpers shared by the ``scripts/qd_gain`` figure scripts (no physics: they only draw
the sweep datasets; ``scheme`` is the Simple Model scheme 3LS, 4LS, 3LS_ESA or 4LS_ESA)."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import xarray as xr
from matplotlib.colors import TwoSlopeNorm
from matplotlib.figure import Figure

from lightmatter.plotting import colors

__all__ = ["MAPPING_LABEL", "SCHEME_LABEL", "ase_figure", "binding_figure", "se_map_figure"]

SCHEME_LABEL = {
    "3LS": "3LS, no ESA",
    "4LS": "4LS, no ESA",
    "3LS_ESA": "3LS + ESA into XX",
    "4LS_ESA": "4LS + ESA into XX",
}
#: short names of the fluence mappings (excitation models), docs/qd_gain.md §2.1, §5.3
MAPPING_LABEL = {
    "poisson": "⟨N⟩ = σJ, Poisson (400 nm)",
    "linear": "⟨N⟩ = σJ, binomial",
    "rabi": "Rabi ⟨N⟩ = 2 sin²√(σJ/2)",
    "area": "⟨N⟩ = 2√(J/J_π) (area)",
}


def se_map_figure(ds: xr.Dataset, scheme: str) -> Figure:
    """Contour of OD_NL(E, <N>) with the top (spectra) and right (excitation profile) panels."""
    d = ds.sel(scheme=scheme)
    fig = plt.figure(figsize=(5.6, 5.0), layout="constrained")
    gs = fig.add_gridspec(2, 2, width_ratios=[3, 1.2], height_ratios=[1.2, 3])
    ax = fig.add_subplot(gs[1, 0])
    top = fig.add_subplot(gs[0, 0], sharex=ax)
    right = fig.add_subplot(gs[1, 1], sharey=ax)
    E, N, od = d.E.values, d.N.values, d.od_nl.values
    lim = float(np.abs(od).max())
    norm = TwoSlopeNorm(vcenter=0.0, vmin=-lim, vmax=lim)
    cf = ax.contourf(E, N, od, levels=41, cmap="RdBu_r", norm=norm)
    ax.contour(E, N, od, levels=[0.0], colors="k", linewidths=0.8)
    fig.colorbar(cf, ax=right, label=r"OD$_{NL}$ / $\sigma_A$ (<0: SE)", shrink=0.8)
    Emax, Eeps = float(d.E_se_max), float(d.E_first_gain)
    ax.axvline(Emax, color="C2", ls="--", lw=0.9)
    ax.axvline(Eeps, color="C1", ls=":", lw=0.9)
    ax.axhline(float(d.N_th), color="C2", lw=0.6)
    ax.set_xlabel("E (eV)")
    ax.set_ylabel(r"$\langle N\rangle$")
    top.plot(E, d.od_0, color="0.5", lw=0.9, label=r"OD$_0$")
    for i, n in enumerate(d.N_spectra.values):
        top.plot(
            E, d.spectra.isel(N_spectra=i), color=f"C{3 + i}", label=rf"$\langle N\rangle$={n:g}"
        )
    top.axhline(0, color="k", lw=0.5)
    top.axvline(float(d.E_PL), color="0.6", lw=0.5, ls=":")
    top.set_ylabel(r"OD$_{NL}$ / $\sigma_A$")
    top.tick_params(labelbottom=False)
    top.set_title(
        f"{SCHEME_LABEL[scheme]}:  "
        + r"$\langle N\rangle_{th}$"
        + f" = {float(d.N_th):.2f} (SE max), "
        f"{float(d.N_th_first_gain):.2f} (first gain);  "
        + r"$|\sigma_{SE}/\sigma_A|$"
        + f" = {float(d.ratio):.2f}",
        fontsize=7,
    )
    right.plot(d.profile_se_max, N, color="C2", ls="--", label=rf"$E_{{max}}$ = {Emax:.3f} eV")
    right.plot(d.profile_first_gain, N, color="C1", ls=":", label=rf"$E_\epsilon$ = {Eeps:.3f} eV")
    right.axvline(0, color="k", lw=0.5)
    right.set_xlabel(r"OD$_{NL}$ / $\sigma_A$")
    right.tick_params(labelleft=False)
    # both legends in the free top-right cell: inside the panels they covered the curves
    key = fig.add_subplot(gs[0, 1])
    key.axis("off")
    handles, labels = top.get_legend_handles_labels()
    more = right.get_legend_handles_labels()
    key.legend(
        handles + more[0],
        labels + [f"profile at {lab}" for lab in more[1]],
        frameon=False,
        fontsize=6,
        loc="center left",
    )
    return fig


def binding_figure(ds: xr.Dataset, scheme: str) -> Figure:
    """SE threshold vs Delta_XXA2 at the SE-max and first-gain energies (Figs. 8g-h)."""
    d = ds.sel(scheme=scheme)
    fig, ax = plt.subplots(figsize=(4.4, 3.2), layout="constrained")
    x = d.delta_xxa2.values * 1e3
    S = float(d.stokes) * 1e3
    for var, style, what in (
        ("N_th", "C2-", "at the SE maximum (primary)"),
        ("N_th_first_gain", "C1--", r"at the first-gain energy ($-\epsilon$)"),
    ):
        y = d[var].values
        k = int(np.argmax(y))  # where the threshold peaks (marked): not exactly at resonance
        ax.plot(x, y, style, label=f"{what}; max at {x[k]:.0f} meV")
        ax.plot(x[k], y[k], "v", color=style[:2], ms=5)
    ax.axvline(S, ymax=0.7, color="0.5", lw=0.7, ls=":")  # stops below the legend
    ax.annotate(
        f"resonant: Δ$_{{XXA2}}$ = S = {S:.0f} meV", (S, 0.05), fontsize=6, color="0.4", ha="left"
    )
    ax.set_xlabel(r"absorptive XX binding energy $\Delta_{XXA2}$ (meV)")
    ax.set_ylabel(r"SE threshold $\langle N\rangle_{th}$")
    ax.set_ylim(0, 2.05)
    ax.set_title(SCHEME_LABEL[scheme])
    ax.legend(frameon=False)
    return fig


def ase_figure(ds: xr.Dataset, scheme: str) -> Figure:
    """ASE spectra over a ladder of fluences, with the amplification M(J) inset (Figs. 9a-d)."""
    d = ds.sel(scheme=scheme)
    fig, ax = plt.subplots(figsize=(4.6, 3.6), layout="constrained")
    cols = colors(d.ratio.size)
    E = d.E.values
    for i, r in enumerate(d.ratio.values):
        I = d.I.isel(ratio=i)
        ax.plot(
            E, I, color=cols[i], label=f"J = {float(d.J.isel(ratio=i)):.3g} mJ/cm² ({r:g} J_th)"
        )
    ax.set_yscale("log")
    # show every fluence: from below the weakest spectrum's peak to above the strongest
    top = float(d.I.max())
    low = float(d.I.max(dim="E").min())
    ax.set_ylim(max(low * 1e-2, top * 1e-14), top * 3)
    ax.axvline(float(d.E_PL), color="0.5", lw=0.6, ls=":")
    ax.set_xlim(float(d.E_PL) - 0.25, float(d.E_PL) + 0.2)
    ax.set_xlabel("E (eV)")
    ax.set_ylabel("ASE output I(E) (PL peak units)")
    mp = str(ds.mapping_used.item())
    scale = ("J_π" if mp == "area" else "σ") + (
        " fitted, one for all four schemes" if int(ds.scale_fitted) else " from the config"
    )
    ax.set_title(
        f"{SCHEME_LABEL[scheme]}: J_th = {float(d.J_th):.3g} mJ/cm² "
        f"(paper {float(d.J_th_paper):.2g})\n{MAPPING_LABEL[mp]}; {scale}",
        fontsize=7,
    )
    ax.legend(frameon=False, fontsize=5.5, loc="upper left")
    ins = ax.inset_axes([0.72, 0.6, 0.26, 0.33])
    ins.loglog(d.J_grid, d.M, "k-", lw=0.9)
    ins.axvline(float(d.J_th), color="C3", lw=0.7)
    ins.axhline(float(ds.m_threshold), color="0.5", lw=0.5, ls=":")
    ins.set_xlabel("J (mJ/cm²)", fontsize=6)
    ins.set_title("∫I / ∫S", fontsize=6, pad=2)
    ins.tick_params(labelsize=5)
    return fig
