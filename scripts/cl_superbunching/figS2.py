"""Fig. S2 of Yuge et al. (PRB 107, 165303): Model 2 - Model 1 relative differences vs N.

Fixed M and gamma*tau; the dotted line is the small-gamma asymptote (1-p)/(N-1), p = N/M,
of the <n(n-1)> and g2(0) differences (physics note §2.3).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.2), layout="constrained")
    ax.plot(ds.N, ds.reldiff_mean_n, "o-", label=r"$\langle n\rangle$")
    ax.plot(ds.N, ds.reldiff_factorial_moment2, "s-", mfc="none", label=r"$\langle n(n-1)\rangle$")
    ax.plot(ds.N, ds.reldiff_g2_zero, "^-", mfc="none", label=r"$g^{(2)}(0)$")
    ax.plot(ds.N, ds.reldiff_asymptote, "k:", label=r"$(1-p)/(N-1)$")
    ax.axhline(0.0, color="0.6", lw=0.6)
    ax.set_yscale("symlog", linthresh=1e-3)
    ax.set_xlabel("N (= Mp)")
    ax.set_ylabel("(Model 2 − Model 1) / Model 1")
    ax.set_title(rf"M = {int(ds.M)}, $\gamma\tau$ = {float(ds.gamma_tau):g}")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
