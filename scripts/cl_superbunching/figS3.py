"""Fig. S3 of Yuge et al. (PRB 107, 165303): Model 2 - Model 1 relative differences vs M.

Fixed p (N = Mp) and gamma*tau; dotted: the small-gamma asymptote (1-p)/(Mp-1).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.2), layout="constrained")
    ax.plot(ds.M, ds.reldiff_mean_n, "o-", label=r"$\langle n\rangle$")
    ax.plot(ds.M, ds.reldiff_factorial_moment2, "s-", mfc="none", label=r"$\langle n(n-1)\rangle$")
    ax.plot(ds.M, ds.reldiff_g2_zero, "^-", mfc="none", label=r"$g^{(2)}(0)$")
    ax.plot(ds.M, ds.reldiff_asymptote, "k:", label=r"$(1-p)/(Mp-1)$")
    ax.axhline(0.0, color="0.6", lw=0.6)
    ax.set_xscale("log")
    ax.set_yscale("symlog", linthresh=1e-3)
    ax.set_xlabel("M")
    ax.set_ylabel("(Model 2 − Model 1) / Model 1")
    ax.set_title(rf"p = {float(ds.p):g}, $\gamma\tau$ = {float(ds.gamma_tau):g}")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
