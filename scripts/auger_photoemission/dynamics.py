"""Beyond the paper: populations from the ground state, closed (seed) vs replenished bookkeeping.

Closed: N_A accumulates and N2 follows the quasi-steady state N2ss(P(t)), P = N - N_A (dotted);
replenished: a true steady state (dotted: exact N2).
"""

import matplotlib.pyplot as plt

from lightmatter.jobs import log_to
from lightmatter.plotting import figure_style, load, save_figure

log_to(snakemake)
ds = load(snakemake.input[0])
ws = ds.w_p.values
with figure_style():
    fig, axes = plt.subplots(
        2, len(ws), figsize=(3.2 * len(ws), 5.2), layout="constrained", squeeze=False, sharex="col"
    )
    for j, w in enumerate(ws):
        for i, variant in enumerate(("closed", "replenished")):
            ax = axes[i, j]
            sel = ds.sel(w_p=w, variant=variant)
            t = sel.t.values[1:]
            N = float(sel.N_total)
            for name, col in (("N0", "C0"), ("N2", "C3"), ("N3", "C2"), ("N1", "C1"), ("N_A", "k")):
                ax.plot(t, sel[name].values[1:] / N, color=col, label=f"$N_{name[1:].lstrip('_')}$")
            ax.plot(
                t,
                sel.N2_qss.values[1:] / N,
                ":",
                color="C3",
                lw=1.8,
                label="$N_2$ quasi-steady" if variant == "closed" else "$N_2$ steady state",
            )
            ax.axvline(float(sel.t_relax), color="0.6", lw=0.6, ls="--", label="$t_{relax}$")
            ax.axvline(float(sel.t_dep), color="0.6", lw=0.6, ls="-.", label="$t_{dep}$")
            ax.set_xscale("log")
            ax.set_yscale("log")
            # replenished: N_A counts every electron emitted so far and grows past N; the axis
            # reaches above the largest population drawn so that no curve leaves it
            top = max(float(sel[name].values[1:].max()) / N for name in ("N0", "N_A"))
            ax.set_ylim(1e-8, 2.0 * max(top, 1.0))
            ax.set_title(f"{variant}, $w_p$ = {w:.0e} /s")
            if i == 1:
                ax.set_xlabel("t (s)")
            if j == 0:
                ax.set_ylabel("population / N")
    # one legend beside the panels (inside one it covered the curves); the quasi-steady and
    # steady-state N2 share the dotted style
    handles, labels = axes[0, 0].get_legend_handles_labels()
    labels = [
        "$N_2$ quasi-steady (closed) /\nsteady state (replenished)" if "quasi" in lab else lab
        for lab in labels
    ]
    fig.legend(
        handles, labels, loc="outside lower center", ncol=4 if len(ws) > 1 else 2, frameon=False
    )
    save_figure(fig, snakemake.output.pdf, snakemake.output.png)
