"""The sweeps of ``auger_photoemission`` on the test config: the physics their outputs must obey.

Each test solves one sweep through the workflow's own path (points, solve, build) and checks an
identity or an agreement of two methods (``docs/auger_photoemission.md`` §2-4, §6-7).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml

from lightmatter.dataset import combine
from lightmatter.jobs import solve_points
from lightmatter.sweep import points_of, sweeps_of

ROOT = Path(__file__).resolve().parents[2]


def _merge(a: dict, b: dict) -> dict:
    out = dict(a)
    for k, v in b.items():
        out[k] = _merge(a[k], v) if isinstance(v, dict) and isinstance(a.get(k), dict) else v
    return out


@pytest.fixture(scope="module")
def config() -> dict:
    cfg = yaml.safe_load((ROOT / "config" / "config.yaml").read_text())
    return _merge(cfg, yaml.safe_load((ROOT / "config" / "test.yaml").read_text()))


def _solve(config: dict, name: str):
    sw = sweeps_of("auger_photoemission")[name]
    pts = points_of(sw, config["auger_photoemission"], config["seed"])
    return combine(solve_points(sw, pts), sw.point_dims)


def test_decays_share_initial_value_and_slope(config):
    ds = _solve(config, "decays")
    t, tau = ds.t.values, float(ds.tau_sp)
    assert tau == pytest.approx(1.0 / (float(ds.gamma_A) * float(ds.N_z)), rel=1e-15)
    assert ds.N2_radiative.values[0] == ds.N2_auger.values[0] == float(ds.N_z)
    # hyperbolic tail lies above the exponential
    assert np.all(ds.N2_auger.values[1:] > ds.N2_radiative.values[1:])
    assert ds.N2_auger.values[-1] == pytest.approx(float(ds.N_z) / (1.0 + t[-1] / tau))


def test_pump_ode_markers_sit_on_the_exact_steady_state(config):
    ds = _solve(config, "pump_ode")
    assert np.max(np.abs(ds.N2_ode.values / ds.N2_exact.values - 1.0)) < 1e-8
    cur = _solve(config, "pump_curves")
    # J(w_p) between the limits: J <= min(Eq. 7, Eq. 8), and the marked currents on the curve
    assert np.all(cur.J.values <= np.minimum(cur.J_weak.values, cur.J_saturated.values))
    J_interp = np.exp(np.interp(np.log(cur.marked_w_p), np.log(cur.w_p), np.log(cur.J)))
    assert np.allclose(cur.J_marked.values, J_interp, rtol=0.05)


def test_population_ode_markers_sit_on_the_exact_curves(config):
    ode = _solve(config, "population_ode")
    cur = _solve(config, "population_curves")
    for w in ode.w_p.values:
        exact = np.exp(np.interp(np.log(ode.N), np.log(cur.N), np.log(cur.J.sel(w_p=w))))
        # the marker N lie on the curve's log grid (decades of it): log interpolation is exact
        assert np.allclose(ode.J_ode.sel(w_p=w).values, exact, rtol=1e-7)
    # log-slope 2 below the knee, 1 above (approached as 1 + O(x^-1/2))
    assert np.all((cur.slope_N.values > 1.0) & (cur.slope_N.values < 2.0))
    # at the knee x = gamma_A N*/w_p = 1: J/J_sat = (N2/N)^2 = (2/(1 + sqrt 5))^2 (Eq. 6),
    # up to the O(w_p tau) <= 1.3e-2 correction of the exact steady state
    j_sat = 0.5 * float(cur.gamma_A) * cur.N_star.values**2  # Eq. 8, beta = 1
    knee = (2.0 / (1.0 + np.sqrt(5.0))) ** 2
    assert np.allclose(cur.J_star.values / j_sat, knee, rtol=0.02)


def test_dynamics_replenished_reaches_its_reference_and_closed_conserves(config):
    ds = _solve(config, "dynamics")
    rep = ds.sel(variant="replenished")
    assert np.allclose(rep.N2.values[..., -1], rep.N2_qss.values[..., -1], rtol=1e-8)
    closed = ds.sel(variant="closed")
    total = sum(closed[k] for k in ("N0", "N1", "N2", "N3", "N_A"))
    assert np.allclose(total.values, closed.N_total.values[..., None], rtol=1e-9)


def test_coherence_monte_carlo_agrees_with_eq9(config):
    ds = _solve(config, "coherence")
    for shape in ds.shape.values:
        sel = ds.sel(shape=shape)
        n = sel.mc_N.values[None, :]
        expected = n + n * (n - 1) * sel.form_factor.values[:, None]
        z = np.abs(sel.rho_mc.values - expected) / sel.rho_mc_err.values
        assert np.all(z < 5.0)
        # crossover: at N_c the coherent term equals the incoherent one
        nc = sel.N_critical.values
        assert np.allclose((nc - 1.0) * sel.form_factor.values, 1.0, rtol=1e-12)


def test_coherence_scale_and_burst_sweeps(config):
    """docs §11-12 through the workflow path: N_c rises with energy and duration; the ODE
    bursts sit on the closed-form spread at the ends of the pump range and under the bound."""
    cs = _solve(config, "coherence_scale")
    assert float(cs.t_burst_model) in cs.t_burst.values
    assert np.all(np.diff(cs.N_c.values, axis=1) >= 0) and np.all(cs.N_c.values >= 2.0 - 1e-12)
    assert np.all(np.diff(cs.N_c_duration.values, axis=1) >= 0)
    assert cs.N_c.sel(t_burst=float(cs.t_burst_model)).values[-1] == pytest.approx(
        2.308e24, rel=1e-3
    )
    ode = _solve(config, "burst_ode")
    cur = _solve(config, "burst_curves")
    for w in (ode.w_p.values[0], ode.w_p.values[-1]):
        s = float(cur.sigma_t.sel(w_p=w, method="nearest"))
        assert float(ode.sigma_t_ode.sel(w_p=w)) == pytest.approx(s, rel=3e-3)
    assert np.all(ode.ratio_ode.values <= cur.ratio_bound.values[None, :])
    assert np.all(ode.f_peak.values <= 0.5 * float(cur.gamma_A) * float(cur.N))


def test_inversion_sweep(config):
    ds = _solve(config, "inversion")
    model = ds.sel(tau1=float(ds.tau1_model))
    ode_exact = np.exp(np.interp(np.log(ds.w_ode), np.log(ds.w_p), np.log(model.ratio)))
    assert np.allclose(ds.ratio_ode.values, ode_exact, rtol=1e-6)
    assert np.allclose(ds.ratio_seed_eq3.values, 0.5 * model.ratio.values, rtol=1e-12)
    # the threshold is finite only where N2/N1 drops below 1 on the grid
    for t1 in ds.tau1.values:
        lost = np.isfinite(float(ds.w_inversion_lost.sel(tau1=t1)))
        assert lost == bool(np.any(ds.ratio.sel(tau1=t1).values < 1.0))
