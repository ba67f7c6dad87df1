"""Fig. 9b of Zenatti & Kambhampati: simulated ASE spectra of the 3LS+ESA Simple Model.

Spectra at a ladder of fluences J/J_th; inset: amplification int I / int S vs J.
"""

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure
from lightmatter.qd_gain.plots import ase_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig = ase_figure(ds, "3LS_ESA")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
