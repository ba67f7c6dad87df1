"""Fig. S1 of Yuge et al. (PRB 107, 165303): Model 2 vs Model 1 against gamma*tau.

Columns: three N (Model 1) vs Model 2 with M emitters, p = N/M, gamma' = gamma (Eq. 22-23);
rows: <n> (= <I>), <n(n-1)> (= <:I^2:>) and g2(0).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
Ns = [int(n) for n in ds.N.values]
rows = [
    ("mean_n", r"$\langle n\rangle$"),
    ("factorial_moment2", r"$\langle n(n-1)\rangle$"),
    ("g2_zero", r"$g^{(2)}(0)$"),
]
M = int(ds.M.values.ravel()[0])
with figure_style():
    fig, axes = plt.subplots(
        3, len(Ns), figsize=(2.6 * len(Ns), 6.6), layout="constrained", squeeze=False
    )
    letters = iter("abcdefghijklmnopqrstuvwxyz")
    for j, N in enumerate(Ns):
        sel = ds.sel(N=N)
        for i, (q, label) in enumerate(rows):
            ax = axes[i, j]
            ax.plot(sel.gamma_tau, sel[f"{q}_model1"], "-", color="C0", label="Model 1")
            ax.plot(sel.gamma_tau, sel[f"{q}_model2"], "--", color="C3", label=f"Model 2 (M = {M})")
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_ylabel(label)
            if i == 2:
                ax.set_xlabel(r"$\gamma\tau$ (= $\gamma'\tau$)")
            ax.set_title(f"({next(letters)}) N = {N}, p = {N / M:.2g}")
    axes[0, 0].legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
