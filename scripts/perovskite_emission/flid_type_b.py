"""Review Fig. 5 (Chatterjee et al.): fluorescence-lifetime-intensity distribution, type B
(hot-carrier trapping: intensity changes, lifetime does not).

2-D histogram of (counts, lifetime) over time bins with enough counts, from the seeded blinking
simulation (whole record); the Pearson correlation is printed in the title.
"""

from lightmatter.jobs import log_to
from lightmatter.perovskite_emission.figures import flid_figure
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
with figure_style():
    save_figure(flid_figure(ds, "B"), snakemake.output.pdf, snakemake.output.png)
