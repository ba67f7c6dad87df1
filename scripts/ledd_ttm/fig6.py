"""Fig. 6 of Un et al.: Fokker-Planck decomposition (Eq. 29) of the e-ph term at -FWHM, peak and
+FWHM: (a-c) full e-ph term of the BE and the Fokker-Planck sum, green/red where E_max < E_D /
E_max = E_D; (d-f) first-derivative (drift), (g-i) second-derivative (diffusion), (j-l)
number-conserving term."""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
d = ds.isel(material=int(np.argmin(ds.E_F.values)))  # the LEDD material (lowest E_F)
eps = d.eps.values
ok = np.isfinite(eps)
EF = float(d.E_F)
x = eps[ok] / EF
xs = float(d.eps_star) / EF
ps = 1e-12  # 1/s -> 1/ps
rows = [
    ("eph_first", "first-derivative\n(drift) term (1/ps)"),
    ("eph_second", "second-derivative\n(diffusion) term (1/ps)"),
    ("eph_third", "number-conserving\nterm (1/ps)"),
]
with figure_style():
    fig, axs = plt.subplots(4, 3, figsize=(9.6, 8.4), layout="constrained", sharex=True)
    for c, ts in enumerate(d.t_snap.values):
        s = d.isel(t_snap=c)
        ax = axs[0, c]
        ax.axvspan(0, xs, color="tab:green", alpha=0.12, lw=0)
        ax.axvspan(xs, x[-1], color="tab:red", alpha=0.12, lw=0)
        ax.plot(x, s.term_eph.values[ok] * ps, "k-", lw=0.9, label="full (BE, Eq. 10)")
        ax.plot(x, s.eph_fp.values[ok] * ps, "--", color="C3", lw=0.9, label="Eq. 29 sum")
        for r, (v, lab) in enumerate(rows, start=1):
            bx = axs[r, c]
            bx.plot(x, s[v].values[ok] * ps, "k-", lw=0.8)
            if v == "eph_third":
                bx.plot(
                    x,
                    s.eph_band.values[ok] * ps,
                    ":",
                    color="C0",
                    lw=0.9,
                    label="non-parabolicity part",
                )
                bx.legend(frameon=False, fontsize=6)
            if c == 0:
                bx.set_ylabel(lab)
        for r in range(4):
            axs[r, c].axhline(0, color="0.6", lw=0.5)
            axs[r, c].set_title(
                f"({'abcdefghijkl'[3 * r + c]}) {d.material.values!s}, t = {ts:.0f} fs",
                fontsize=8,
            )
        axs[3, c].set_xlabel(r"$\varepsilon/E_F$")
    axs[0, 0].set_ylabel(r"$(\partial f/\partial t)_{e-ph}$ (1/ps)")
    axs[0, 0].legend(frameon=False, fontsize=6)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
