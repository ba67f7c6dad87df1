"""Fig. 2 of Un et al.: f(eps) and the excitation, e-ph and e-e terms at -FWHM, peak, +FWHM."""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
d = ds.isel(material=int(ds.E_F.argmin()))  # the LEDD material (lowest E_F)
eps = d.eps.values
ok = np.isfinite(eps)
x = eps[ok] / float(d.E_F)
cols = [
    ("f_snap", "f(ε)"),
    ("term_ex", "excitation (1/s)"),
    ("term_eph", "e-ph (1/s)"),
    ("term_ee", "e-e (1/s)"),
]
with figure_style():
    fig, axs = plt.subplots(3, 4, figsize=(10, 6.6), layout="constrained", sharex=True)
    for r, ts in enumerate(d.t_snap.values):
        for c, (v, lab) in enumerate(cols):
            ax = axs[r, c]
            y = d[v].isel(t_snap=r).values[ok]
            if v == "f_snap":
                ax.semilogy(x, np.clip(y, 1e-12, None), "k-", lw=0.8)
                ax.set_ylim(1e-9, 2)
            else:
                ax.plot(x, y, "k-", lw=0.7)
                ax.axhline(0, color="0.6", lw=0.5)
            ax.set_title(
                f"({'abcdefghijkl'[4 * r + c]}) {d.material.values!s}, t = {ts:.0f} fs",
                fontsize=8,
            )
            if r == 2:
                ax.set_xlabel(r"$\varepsilon/E_F$")
            if c == 0 or r == 0:
                ax.set_ylabel(lab)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
