"""Fig. 8h of Zenatti & Kambhampati: SE threshold vs the absorptive XX binding energy, 4LS+ESA.

Two threshold definitions: at the SE-maximum energy and at the first-gain energy.
"""

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure
from lightmatter.qd_gain.plots import binding_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig = binding_figure(ds, "4LS_ESA")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
