"""Fig. 8e of Zenatti & Kambhampati: OD_NL(E, <N>) contour for the 3LS+ESA Simple Model.

Top: spectra at <N> = 1 and 2; right: excitation profiles at the SE-maximum energy (primary
threshold) and at the first-gain energy (secondary); SE threshold and |sigma_SE/sigma_A|.
"""

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure
from lightmatter.qd_gain.plots import se_map_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    fig = se_map_figure(ds, "3LS_ESA")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
