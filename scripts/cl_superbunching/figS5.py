"""Fig. S5 of Yuge et al. (PRB 107, 165303): random telegraph noise R(t) of the electron beam.

R switches 0 -> 1 at rate r (an electron arrives) and 1 -> 0 at rate 1/tau_c (it has passed).
"""

import matplotlib.pyplot as plt
import numpy as np

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
t = np.concatenate([[0.0], ds.switch_time.values])
r = np.concatenate([[int(ds.telegraph_initial_state)], ds.telegraph_state.values])
with figure_style():
    fig, ax = plt.subplots(figsize=(6.4, 2.2), layout="constrained")
    ax.step(t, r, where="post", color="C2")
    ax.set_ylim(-0.2, 1.3)
    ax.set_yticks([0, 1])
    ax.set_xlabel(r"$t/\tau$")
    ax.set_ylabel("R(t)")
    ax.set_title(
        rf"random telegraph noise: $r\tau$ = {float(ds.rate_tau):g}, "
        rf"$\tau_c/\tau$ = {float(ds.tau_c_over_tau):g}"
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
