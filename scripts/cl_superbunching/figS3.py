"""Fig. S3 of Yuge et al. (PRB 107, 165303): Model 2 - Model 1 relative differences vs M.

Fixed p (N = Mp) and gamma*tau; dotted: the small-gamma asymptote (1-p)/(Mp-1).
"""

import matplotlib.pyplot as plt

from lightmatter.cl_superbunching.figures import plot_relative_differences
from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.7), layout="constrained")
    plot_relative_differences(ax, ds, "M", r"$(1-p)/(Mp-1)$")
    ax.set_xscale("log")
    ax.set_xlabel("M")
    ax.set_title(rf"p = {float(ds.p):g}, $\gamma\tau$ = {float(ds.gamma_tau):g}")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
