"""Eq. 9 in physical units: critical N (coherent term = incoherent term) vs electron energy.

(a) N_c vs E = hbar omega for the Auger-burst emission-time density of duration t_b (the model's
1/(gamma_A N) and shorter ones); (b) N_c vs t_b at marked energies. Dashed: the model's N.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import colors, figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
N = float(ds.N_model)
t_model = float(ds.t_burst_model)


def _duration_label(t: float) -> str:
    for scale, unit in ((1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"), (1e-12, "ps")):
        if t >= scale * 0.999:
            return f"{t / scale:.3g} {unit}"
    return f"{t / 1e-15:.3g} fs"


def _energy_label(e: float) -> str:
    for scale, unit in ((1.0, "eV"), (1e-3, "meV"), (1e-6, "µeV")):
        if e >= scale * 0.999:
            return f"{e / scale:.3g} {unit}"
    return f"{e / 1e-9:.3g} neV"


with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.6, 3.4), layout="constrained")
    tbs = ds.t_burst.values[::-1]  # longest first
    for col, tb in zip(colors(tbs.size), tbs):
        sel = ds.sel(t_burst=tb)
        model = np.isclose(tb, t_model, rtol=1e-12)
        label = f"$t_b$ = {_duration_label(tb)}" + (r" = $1/(\gamma_A N)$ (model)" if model else "")
        ax.plot(ds.energy, sel.N_c, color=col, lw=2.0 if model else 1.2, label=label)
        if model:
            ax.plot(
                ds.energy, sel.N_c_asymptote, ":", color="k", lw=0.9, label=r"$1+(E t_b/\hbar)^2$"
            )
    ax.axhline(N, color="C3", ls="--", lw=0.9, label=f"model N = {N:.0e}")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(r"electron energy $E=\hbar\omega$ (eV)")
    ax.set_ylabel(r"critical number of electrons $N_c$")
    ax.set_ylim(0.5, float(ds.N_c.max()) * 1e9)  # room for the legend above the curves
    ax.set_title("(a) coherent term > incoherent for N > $N_c$", loc="left")
    ax.legend(frameon=False, fontsize=6, loc="upper left", ncol=2)
    for col, e in zip(colors(ds.marked_energy.size), ds.marked_energy.values):
        bx.plot(
            ds.duration,
            ds.N_c_duration.sel(marked_energy=e),
            color=col,
            label=f"E = {_energy_label(e)}",
        )
    bx.axhline(N, color="C3", ls="--", lw=0.9, label=f"model N = {N:.0e}")
    bx.axvline(t_model, color="0.5", ls=":", lw=0.9, label=r"model $t_b$")
    bx.set_xscale("log")
    bx.set_yscale("log")
    bx.set_xlabel(r"burst duration $t_b=1/a$ (s)")
    bx.set_ylabel(r"$N_c$")
    bx.set_ylim(0.5, float(ds.N_c_duration.max()) * 1e8)
    bx.set_title("(b) vs burst duration", loc="left")
    bx.legend(frameon=False, fontsize=6, loc="upper left", ncol=2)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
