"""Fig. 10a of Zenatti & Kambhampati: absorption cross-section at 3.1 eV vs volume.

CdSe (Leatherdale 2002 scaling, 400/350 nm ratio) and CsPbBr3 (proportional to V, larger per
volume); model lines only.
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig, ax = plt.subplots(figsize=(4.2, 3.2), layout="constrained")
    ax.loglog(ds.V, ds.sigma_cdse, "C0-", label="CdSe")
    ax.loglog(ds.V, ds.sigma_cspbbr3, "C1-", label=r"CsPbBr$_3$")
    ax.set_xlabel(r"volume V (nm$^3$)")
    ax.set_ylabel(r"$\sigma_{400}$ (cm$^2$)")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
