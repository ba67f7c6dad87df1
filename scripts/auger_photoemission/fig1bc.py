"""Fig. 1b-c of Zeng et al. (Auger photoemission): decay of level 2, radiative vs Auger.

N2(t) = N_z exp(-t/tau_sp) vs the exact hyperbolic Auger decay (1/N_z + gamma_A t)^-1, from the
same initial population and the same initial slope (tau_sp = 1/(gamma_A N_z)).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
x = ds.t / float(ds.tau_sp)
with figure_style():
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(7.0, 3.0), layout="constrained")
    for a, xscale in ((ax, "linear"), (bx, "log")):
        a.plot(
            x, ds.N2_radiative / float(ds.N_z), color="C0", label=r"radiative, $e^{-t/\tau_{sp}}$"
        )
        a.plot(
            x, ds.N2_auger / float(ds.N_z), color="C3", label=r"Auger, $(1+\gamma_A N_z t)^{-1}$"
        )
        a.set_yscale("log")
        a.set_xscale(xscale)
        a.set_xlabel(r"$t/\tau_{sp}$")
        a.set_ylabel(r"$N_2(t)/N_z$")
    ax.set_title("(b) lin–log: exponential vs hyperbolic")
    bx.set_xlim(left=float(x[1]))
    bx.set_title(r"(c) log–log: Auger tail $\propto 1/(\gamma_A t)$")
    ax.legend(frameon=False)
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
