"""Fokker-Planck form of the e-ph term (paper Eq. 29, ``docs/ledd_ttm.md`` §1.4 and §4 Fig. 6)."""

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from scipy.special import expit

from lightmatter.canonical import point_id
from lightmatter.config import load_config
from lightmatter.fingerprint import import_closure
from lightmatter.ledd_ttm import boltzmann as be
from lightmatter.ledd_ttm import fokker_planck as fp
from lightmatter.ledd_ttm import physics as ph
from lightmatter.ledd_ttm.materials import KB_EV, QE, material
from lightmatter.sweep import points_of, sweep

REPO = Path(__file__).resolve().parents[2]

ITO = material("ITO")
AU = material("Au")


def _fd(mat, T):
    mu = ph.chemical_potential(T, mat)
    return lambda e: expit(-(e - mu) / (KB_EV * T))


def _nonthermal(mat):
    """Smooth non-thermal distribution: FD(1500 K) plus a hot-electron bump."""
    f0 = _fd(mat, 1500.0)
    return lambda e: f0(e) + 0.02 * np.exp(-(((e - mat.E_F - 0.4) / 0.15) ** 2))


@pytest.mark.parametrize("mat", [ITO, AU], ids=["ITO", "Au"])
@pytest.mark.parametrize("dist", ["fd", "bump"])
def test_fokker_planck_is_second_order_in_phonon_energy(mat, dist):
    """Scaling every phonon energy (v_s, E_D) by s: |FP - full| / |full| ~ s^2."""
    F = _fd(mat, 2000.0) if dist == "fd" else _nonthermal(mat)
    eps = np.arange(mat.E_F - 0.8, mat.E_F + 1.0, 5e-4)
    win = np.abs(eps - mat.E_F) < 0.6
    errs = []
    for s in (1.0, 0.5, 0.25):
        m = dataclasses.replace(mat, v_s=mat.v_s * s, E_D=mat.E_D * s)
        full = fp.eph_collision_integral(eps, F, 300.0, m)
        approx = fp.eph_fokker_planck(F(eps), eps, 300.0, m)["total"]
        errs.append(np.max(np.abs(approx - full)[win]) / np.max(np.abs(full[win])))
    assert errs[0] < 0.03  # already close at the real phonon energies
    order = np.log2(np.array(errs[:-1]) / np.array(errs[1:]))
    assert np.all(np.abs(order - 2) < 0.25), (errs, order)


def _grid(mat, d=0.002, top=3.0):
    lo = max(0.0, mat.E_F - 1.5)
    return lo + (np.arange(int((mat.E_F + top - lo) / d)) + 0.5) * d


@pytest.mark.parametrize("mat", [ITO, AU], ids=["ITO", "Au"])
def test_drift_and_diffusion_conserve_number_and_balance_at_T_ph(mat):
    eps = _grid(mat)
    rd = ph.dos(eps, mat) * (eps[1] - eps[0])
    f = _nonthermal(mat)(eps)
    t = fp.eph_fokker_planck(f, eps, 300.0, mat)
    for part in ("drift", "diffusion"):  # each part is a discrete divergence
        assert abs(np.sum(rd * t[part])) < 1e-13 * np.sum(np.abs(rd * t[part]))
    # detailed balance: FD at T_ph on the grid -> drift = -diffusion exactly
    feq = _fd(mat, 300.0)(eps)
    t = fp.eph_fokker_planck(feq, eps, 300.0, mat)
    assert np.max(np.abs(t["total"])) < 1e-10 * np.max(np.abs(t["drift"]))
    # Eq. 29 form: number-conserving and band terms vanish, first = -second (exactly)
    e29 = fp.eph_eq29_terms(feq, eps, 300.0, mat)
    scale = np.max(np.abs(e29["first"]))
    assert np.max(np.abs(e29["first"] + e29["second"])) < 1e-10 * scale
    assert np.max(np.abs(e29["third"]) + np.abs(e29["band"])) < 1e-10 * scale


def test_eq29_terms_sum_to_flux_form_and_noble_metal_limit():
    for mat in (ITO, AU):
        eps = _grid(mat)
        f = _nonthermal(mat)(eps)
        e29 = fp.eph_eq29_terms(f, eps, 300.0, mat)
        tot = fp.eph_fokker_planck(f, eps, 300.0, mat)["total"]
        assert np.max(np.abs(sum(e29.values()) - tot)) < 1e-10 * np.max(np.abs(tot))
        # continuum limits of the terms (second-order differences)
        kT, d = KB_EV * 300.0, eps[1] - eps[0]
        Dc = fp.diffusion_coefficient(eps, mat)[0] / ph.dos(eps, mat)
        f1, f2 = np.gradient(f, d), np.gradient(np.gradient(f, d), d)
        inner = slice(5, -5)
        for key, ref in (("first", Dc * (1 - 2 * f) * f1), ("second", Dc * kT * f2)):
            err = np.max(np.abs(e29[key] - ref)[inner]) / np.max(np.abs(ref))
            assert err < 2e-2, (key, err)
    # third term only where E_max < E_D; parabolic band -> no band term
    e29 = fp.eph_eq29_terms(f, eps, 300.0, AU)
    above = eps > fp.eps_star(AU)
    assert np.all(e29["third"][above] == 0) and np.all(e29["band"] == 0)
    eps = np.linspace(0.01, 4.0, 400)
    _Dc, d_mc, _ = fp.diffusion_coefficient(eps, ITO)
    assert np.all(d_mc[eps > fp.eps_star(ITO) + 1e-9] == 0) and np.all(d_mc[eps < 3.0] > 0)


def test_energy_moment_is_leading_order_G():
    """-sum eps rho term = G_leading(T_e)(T_e - T_ph) for FD(T_e) (Eq. 26)."""
    Te, Tp = 1500.0, 300.0
    eps = np.arange(0.0, ITO.E_F + 3.0, 1e-3) + 5e-4
    rd = ph.dos(eps, ITO) * 1e-3
    t = fp.eph_fokker_planck(_fd(ITO, Te)(eps), eps, Tp, ITO)["total"]
    P = -np.sum(rd * eps * t) * QE
    G = ph.ep_coupling(Te, Tp, ITO, "exact", "leading")
    assert P == pytest.approx(G * (Te - Tp), rel=2e-3)


def test_snapshot_terms_balance_at_T_ph_and_remove_the_ee_sawtooth():
    """Fig. 6 glue: FD(T_ph) gives no e-ph term (detailed balance: Eq. 29 drift = -diffusion,
    number-conserving and band terms 0); a period-2 sawtooth (two-grid e-e, ee_ratio 2) on a
    hot distribution is removed by the one-cell average, which it dominates otherwise."""
    g = be.make_grid(ITO, 1.0, 120, 1.5, None, 2)
    eps, rho = g.eps, ph.dos(g.eps, ITO)
    rd = rho * g.delta

    def fd(T):
        mu = ph.grid_chemical_potential(T, rd, eps, ITO.n_e, ITO.E_F)
        return expit(-(eps - mu) / (KB_EV * T))

    hot = fd(1500.0)
    out = fp.snapshot_terms(np.array([fd(300.0), hot]), eps, rho, g.delta, [300.0] * 2, 1.0, ITO, 2)
    assert all(v.shape == (2, g.n) for v in out.values())
    scale = np.max(np.abs(out["drift"][0]))
    assert np.max(np.abs(out["total"][0])) < 1e-12 * scale
    assert np.max(np.abs(out["first"][0] + out["second"][0])) < 1e-12 * scale
    assert np.max(np.abs(out["third"][0]) + np.abs(out["band"][0])) < 1e-12 * scale
    saw = hot + 0.02 * (-1.0) ** np.arange(g.n) * hot * (1 - hot)
    inner = slice(5, -5)
    change = {}
    for r in (1, 2):
        a, b = (fp.snapshot_terms([f], eps, rho, g.delta, [300.0], 1.0, ITO, r) for f in (hot, saw))
        change[r] = np.max(np.abs(b["total"] - a["total"])[0, inner]) / np.max(np.abs(a["total"]))
    assert change[1] > 1.0 and change[2] < 1e-2


def test_boltzmann_sweep_carries_fig6_terms():
    cfg = load_config([REPO / "config/config.yaml", REPO / "config/test.yaml"])
    sw = sweep("ledd_ttm", "boltzmann")
    assert "lightmatter.ledd_ttm.fokker_planck" in import_closure([sw.module.__name__])
    (p,) = [q for q in points_of(sw, cfg["ledd_ttm"], cfg["seed"]) if q["material"] == "ITO"]
    out = sw.solve(p, point_id(p))
    for k, long_name in fp.EQ29_TERMS.items():  # the sweep declares the module's long names
        assert sw.variables[f"eph_{k}"].long_name == long_name
    for v in (*(f"eph_{k}" for k in fp.EQ29_TERMS), "eph_fp", "eph_fp_drift", "eph_fp_diffusion"):
        spec = sw.variables[v]
        assert spec.units == "1/s" and spec.long_name and spec.allow_nan
        assert out[v].shape == out["term_eph"].shape
    ok = np.isfinite(out["eps"])
    assert np.all(np.isnan(out["eps"][~ok])) and np.all(np.diff(out["eps"][ok]) > 0)
    full, approx = out["term_eph"][:, ok], out["eph_fp"][:, ok]
    parts = sum(out[f"eph_{k}"][:, ok] for k in fp.EQ29_TERMS)
    for n in range(out["t_snap"].size):  # the Eq. 29 sum approximates the full (BE) term
        scale = np.max(np.abs(full[n]))
        assert np.max(np.abs(approx[n] - full[n])) < 0.1 * scale
        assert np.max(np.abs(parts[n] - approx[n])) < 1e-10 * scale
