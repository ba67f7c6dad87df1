"""Fig. 1b-c of Zeng et al. (Auger photoemission): decay of level 2, radiative vs Auger.

(b) photon (radiative) recombination, dN2/dt = -N2/tau_sp: N2(t) = N_z exp(-t/tau_sp);
(c) Auger recombination, dN2/dt = -gamma_A N2^2: N2(t) = (1/N_z + gamma_A t)^-1, with its tail
1/(gamma_A t). Same initial population and initial slope (tau_sp = 1/(gamma_A N_z)); each panel
shows the other process in grey for comparison.
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
x = ds.t.values / float(ds.tau_sp)
N_z = float(ds.N_z)
radiative = ds.N2_radiative.values / N_z
auger = ds.N2_auger.values / N_z
with figure_style():
    fig, (bx, cx) = plt.subplots(1, 2, figsize=(7.0, 3.0), layout="constrained", sharey=True)
    bx.plot(x, radiative, color="C0", label=r"$N_2 = N_z e^{-t/\tau_{sp}}$")
    bx.plot(x, auger, color="0.6", ls="--", lw=1.0, label="Auger (panel c)")
    bx.set_title(r"(b) photon recombination: $\dot N_2 = -N_2/\tau_{sp}$")
    cx.plot(x, auger, color="C3", label=r"$N_2 = (1/N_z + \gamma_A t)^{-1}$")
    tail = x >= 1.0
    cx.plot(
        x[tail], 1.0 / x[tail], color="C3", ls=":", lw=1.0, label=r"tail $N_2 \to 1/(\gamma_A t)$"
    )
    cx.plot(x, radiative, color="0.6", ls="--", lw=1.0, label="radiative (panel b)")
    cx.set_title(r"(c) Auger recombination: $\dot N_2 = -\gamma_A N_2^2$")
    for a in (bx, cx):
        a.set_xlabel(r"$t/\tau_{sp}$  ($\tau_{sp} = 1/(\gamma_A N_z)$)")
        a.set_xlim(0.0, float(np.max(x)))
        a.set_ylim(0.0, 1.05)
        a.legend(frameon=False, loc="upper right")
    bx.set_ylabel(r"$N_2(t)/N_z$")
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
