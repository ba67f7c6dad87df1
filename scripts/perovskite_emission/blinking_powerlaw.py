"""Review Fig. 5 (Chatterjee et al.): power-law blinking of a type-A dot (docs §12).

Intensity trace of the seeded photon-by-photon simulation on power-law ON/OFF dwell times; ON
and OFF duration histograms (log-log) with the input laws and the maximum-likelihood exponents
(drawn sequence and thresholded trace); FLID of this model next to the exponential one.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

from lightmatter.jobs import log_to
from lightmatter.perovskite_emission import dwell
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
pl = load(snakemake.input[0])
ex = load(snakemake.input[1]).sel(model="A")
cfg = snakemake.config["perovskite_emission"]["blinking_powerlaw"]
T = float(pl.fit_t_max)
WINDOW = min(60.0, T)


def law(spec):
    cut = spec["cutoff_s"]
    return dwell.DwellLaw(spec["alpha"], spec["t_min_s"], T, np.inf if cut is None else cut)


VMAX = max(float(pl.flid.max()), float(ex.flid.max()), 2.0)


def flid(ax, ds, title):
    """One FLID panel on the colour scale shared by both models."""
    h = ds.flid.values.T
    m = ax.pcolormesh(
        ds.count_bin,
        ds.lifetime_bin,
        np.where(h > 0, h, np.nan),
        shading="nearest",
        cmap="viridis",
        norm=LogNorm(1.0, VMAX),
    )
    ax.set_xlabel(f"counts per {float(ds.bin_time) * 1e3:g} ms")
    ax.set_ylabel("lifetime (ns)")
    ax.set_title(f"{title}:\nr = {float(ds.correlation):+.3f}")
    return m


with figure_style():
    fig = plt.figure(figsize=(7.4, 7.0), layout="constrained")
    gs = fig.add_gridspec(3, 2, height_ratios=[0.8, 1.1, 1.1])
    a = fig.add_subplot(gs[0, :])
    m = pl.time <= WINDOW
    a.plot(pl.time[m], pl.counts[m], lw=0.5, color="C0")
    a.set_xlabel("time (s)")
    a.set_ylabel(f"counts / {float(pl.bin_time) * 1e3:g} ms")
    a.set_title(
        f"(a) power-law blinking, type A, first {WINDOW:g} s of {T:g} s "
        f"({int(pl.n_photons):,} photons)"
    )
    for k, (state, key) in enumerate((("on", "on_law"), ("off", "off_law"))):
        ax = fig.add_subplot(gs[1, k])
        lw = law(cfg[key])
        edges = np.geomspace(lw.t_min, T, 31)
        for src, mk, col, name in (("", "o", "C0", "drawn"), ("_trace", "s", "C3", "trace")):
            d = pl[f"{state}{src}_durations"].values
            if d.size == 0:
                continue
            hist, _ = np.histogram(d, edges)
            dens = hist / (d.size * np.diff(edges))
            ctr = np.sqrt(edges[1:] * edges[:-1])
            ok = hist > 0
            i = 0 if src == "" else 1
            fa = float(pl[f"alpha_{state}_fit"][i])
            fe = float(pl[f"alpha_{state}_stderr"][i])
            ax.loglog(
                ctr[ok],
                dens[ok],
                mk,
                color=col,
                ms=3,
                label=f"{name}: {d.size} periods, MLE α = {fa:.2f} ± {fe:.2f}",
            )
        lowest = min(ax.get_ylim()[0], 1.0)
        tt = np.geomspace(lw.t_min, T, 200)
        ax.loglog(
            tt,
            dwell.dwell_pdf(tt, lw),
            "k-",
            lw=0.8,
            label=f"input α = {lw.alpha:g}"
            + ("" if np.isinf(lw.cutoff) else f", $t_c$ = {lw.cutoff:g} s"),
        )
        ax.set_ylim(bottom=0.1 * lowest, top=3e3 * float(dwell.dwell_pdf(lw.t_min, lw)))
        ax.set_xlabel(f"{state.upper()} duration (s)")
        ax.set_ylabel("probability density (1/s)")
        ax.set_title(f"({'bc'[k]}) {state.upper()} durations")
        ax.legend(frameon=False, fontsize=6, loc="upper right")
    b1 = fig.add_subplot(gs[2, 0])
    t_ex = float(snakemake.config["perovskite_emission"]["blinking"]["duration_s"])
    flid(b1, ex, f"(d) FLID, exponential dwell ({t_ex:g} s)")
    b2 = fig.add_subplot(gs[2, 1], sharex=b1, sharey=b1)
    mesh = flid(b2, pl, f"(e) FLID, power-law dwell ({T:g} s)")
    fig.colorbar(mesh, ax=[b1, b2], label="number of bins", shrink=0.9)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
