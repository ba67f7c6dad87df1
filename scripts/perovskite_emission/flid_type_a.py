"""Review Fig. 5 (Chatterjee et al.): fluorescence-lifetime-intensity distribution, type A.

2-D histogram of (counts, lifetime) over time bins with enough counts, from the seeded blinking
simulation (whole record); the Pearson correlation is printed in the title.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0]).sel(model="A")
h = ds.flid.values.T
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.4), layout="constrained")
    c = ds.count_bin.values
    lt = ds.lifetime_bin.values
    m = ax.pcolormesh(
        c, lt, np.where(h > 0, h, np.nan), shading="nearest", cmap="viridis", norm="log"
    )
    fig.colorbar(m, ax=ax, label="number of bins")
    ax.set_xlabel(f"counts per {float(ds.bin_time) * 1e3:g} ms bin")
    ax.set_ylabel("lifetime (ns)")
    ax.set_title(f"type A FLID: r = {float(ds.correlation):+.3f}")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
