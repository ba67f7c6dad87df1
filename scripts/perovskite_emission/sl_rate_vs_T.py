"""Review Fig. 6c (Chatterjee et al.), TOY MODEL: superlattice radiative-rate enhancement vs T.

Gamma_SL/Gamma_QD = N_coh(T) = 1 + (N_coh,0 - 1) gamma_0/gamma_h(T), with a homogeneous
linewidth gamma_h(T) from acoustic and LO phonons; purely illustrative.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.0), layout="constrained")
    ax.plot(ds["T"], ds.enhancement, "k-")
    ax.axhline(1.0, color="0.6", lw=0.6, ls=":")
    ax.set_xlabel("temperature T (K)")
    ax.set_ylabel(r"$\Gamma_{SL}/\Gamma_{QD}$")
    ax.set_title("TOY model (illustrative, not fitted)")
    tx = ax.twinx()
    tx.plot(ds["T"], ds.linewidth, color="C1", lw=0.8)
    tx.set_ylabel(r"$\gamma_h(T)$ (meV)", color="C1")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
