"""Fig. 3 of Yuge et al. (PRB 107, 165303): the CL intensity as a random train of pulses.

A seeded Model 1 trajectory n(t) (intensity n(t)/tau); pulses of mean length tau*H_N separated by
gaps of mean length 1/gamma.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
N, g = int(ds.N), float(ds.gamma_tau)
t = ds.event_time.values
n = ds.n_after_event.values
with figure_style():
    fig, ax = plt.subplots(figsize=(6.4, 2.8), layout="constrained")
    # extend the last level to the end of the record
    ax.step(np.append(t, float(ds.t_max)), np.append(n, n[-1]), where="post", color="C0", lw=0.9)
    for s, e in zip(ds.pulse_start.values, ds.pulse_end.values):
        ax.axvspan(s, e, color="C1", alpha=0.15, lw=0)
    ax.set_xlim(0, float(ds.t_max))
    ax.set_xlabel(r"$t/\tau$")
    ax.set_ylabel(r"$n(t)$  (intensity $n/\tau$)")
    gap = float(ds.sample_mean_gap)  # NaN when the trace holds fewer than two pulses
    gap_text = f"{gap:.1f}τ" if gap == gap else "n/a"
    ax.set_title(
        rf"N = {N}, $\gamma\tau$ = {g:g}: mean pulse "
        rf"{float(ds.sample_mean_pulse_duration):.2f}$\tau$ "
        rf"(τH$_N$ = {float(ds.mean_pulse_duration):.2f}τ), mean gap {gap_text} "
        rf"(1/γ = {float(ds.mean_gap):.1f}τ), {int(ds.n_pulses)} pulses"
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
