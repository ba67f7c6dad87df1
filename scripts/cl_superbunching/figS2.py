"""Fig. S2 of Yuge et al. (PRB 107, 165303): Model 2 - Model 1 relative differences vs N.

Fixed M and gamma*tau; the dotted line is the small-gamma asymptote (1-p)/(N-1), p = N/M,
of the <n(n-1)> and g2(0) differences (``docs/cl_superbunching.md`` §2.3).
"""

import matplotlib.pyplot as plt

from lightmatter.cl_superbunching.figures import plot_relative_differences
from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.7), layout="constrained")
    plot_relative_differences(ax, ds, "N", r"$(1-p)/(N-1)$")
    ax.set_xlabel("N (= Mp)")
    ax.set_title(rf"M = {int(ds.M)}, $\gamma\tau$ = {float(ds.gamma_tau):g}")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
