"""Variable specs shared by several ``cl_superbunching`` sweeps (time in units of tau)."""

from __future__ import annotations

from lightmatter.spec import Var

GAMMA_TAU = Var(
    ("gamma_tau",), "1", "excitation rate gamma times radiative lifetime tau (gamma*tau)"
)
N = Var(("N",), "1", "number of emitters excited together by one electron (Model 1)")
M = Var(("M",), "1", "number of emitters in the excited region (Models 2 and 3)")
T = Var(("t",), "1", "delay t in units of the radiative lifetime tau (t/tau)")
P = Var((), "1", "single-emitter excitation probability p per electron")


def scalar(spec: Var) -> Var:
    """The same units and long name as ``spec``, as a scalar (a fixed parameter of the sweep)."""
    return Var((), spec.units, spec.long_name)


def comparison_vars(dim: str) -> dict[str, Var]:
    """Specs of :func:`lightmatter.cl_superbunching.model2.compare_with_model1` along ``dim``.

    The six quantities of Figs. S1-S3 and the three relative differences (Model 2 - Model 1) /
    Model 1, in the order the old dataset had them.
    """
    d = (dim,)
    return {
        "mean_n_model1": Var(d, "1", "<n> (= <I> per emitter rate), Model 1"),
        "mean_n_model2": Var(d, "1", "<n>, Model 2 (p = N/M, gamma' = gamma)"),
        "factorial_moment2_model1": Var(d, "1", "<n(n-1)> (= <:I^2:>), Model 1"),
        "factorial_moment2_model2": Var(d, "1", "<n(n-1)>, Model 2"),
        "g2_zero_model1": Var(d, "1", "g2(0), Model 1 (Eq. 16)"),
        "g2_zero_model2": Var(d, "1", "g2(0), Model 2"),
        **{
            f"reldiff_{q}": Var(d, "1", f"relative difference (Model 2 - Model 1)/Model 1 of {q}")
            for q in ("mean_n", "factorial_moment2", "g2_zero")
        },
    }
