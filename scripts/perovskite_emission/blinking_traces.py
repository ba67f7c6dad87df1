"""Review Fig. 5 (Chatterjee et al.): blinking intensity and lifetime traces, type A vs type B.

Seeded photon-by-photon simulation of an ON/OFF telegraph process under pulsed excitation;
counts per bin and the mean micro-time (lifetime estimate) per bin over the first seconds.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
WINDOW = 10.0  # seconds shown; the statistics use the whole record
with figure_style():
    fig, axes = plt.subplots(2, 2, figsize=(7.2, 4.4), layout="constrained", sharex=True)
    for j, model in enumerate(("A", "B")):
        s = ds.sel(model=model)
        m = s.time <= WINDOW
        axes[0, j].plot(s.time[m], s.counts[m], color="C0", lw=0.6)
        axes[0, j].set_ylabel(f"counts / {float(s.bin_time) * 1e3:g} ms")
        axes[0, j].set_title(
            f"type {model}: r(counts, lifetime) = {float(s.correlation):+.3f}\n"
            f"{int(s.n_photons):,} photons"
        )
        axes[1, j].plot(s.time[m], s.lifetime[m], color="C3", lw=0.6)
        axes[1, j].set_ylabel("lifetime (ns)")
        axes[1, j].set_ylim(0, 8)
        axes[1, j].set_xlabel("time (s)")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
