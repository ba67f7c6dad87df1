"""Band, thermal functions, couplings and rates of the ledd_ttm study (``docs/ledd_ttm.md``
§1-3)."""

import numpy as np
import pytest

from lightmatter.ledd_ttm import fokker_planck as fp
from lightmatter.ledd_ttm import physics as ph
from lightmatter.ledd_ttm.materials import HBAR, KB_EV, MATERIALS, QE, material

ITO = material("ITO")
AU = material("Au")


def test_material_from_plain_dict_and_overrides():
    m = material({"name": "X", **MATERIALS["ITO"]})
    assert m.E_F == pytest.approx(ITO.E_F)
    assert material("ITO", {"C": 0}).C == 0
    with pytest.raises(ValueError):
        material({"name": "bad", **MATERIALS["ITO"], "foo": 1})


def test_parabolic_twin_and_phonon_dispersion():
    """C = 0 twin keeps m* (E_F = hbar^2 k_F^2 / 2m*); hbar v_s q_D = E_D (definition of q_D)."""
    par = ITO.parabolic()
    assert par == material("ITO", {"C": 0})
    assert par.E_F == pytest.approx((HBAR * ITO.k_F) ** 2 / (2 * ITO.m) / QE, rel=1e-14)
    for mat in (ITO, AU):
        assert mat.hbar_v_s * mat.q_D == pytest.approx(mat.E_D, rel=1e-14)


@pytest.mark.parametrize("mat", [ITO, AU], ids=["ITO", "Au"])
def test_eps_star_on_grid_matches_closed_form(mat):
    """Interpolated 2 k(eps*) = q_D agrees with the closed form within the linear-interpolation
    error h^2 |k''| / (8 k') = h^2 / (16 eps*) (parabolic band; smaller for the Kane band);
    E_max of Eq. 11 reaches E_D there."""
    exact = fp.eps_star(mat)
    for num in (101, 401, 1601, 6401):
        eps = np.linspace(0.0, 4.0, num)
        h = eps[1] - eps[0]
        assert abs(ph.eps_star_on_grid(eps, mat) - exact) < h**2 / (8 * exact)
    assert float(ph.e_max(exact, mat, "paper")) == pytest.approx(mat.E_D, rel=1e-12)


def test_grid_chemical_potential_holds_number_and_tends_to_continuum():
    """sum rho_d FD(mu_grid) = n exactly; on a fine grid from the band bottom mu_grid -> mu(T)."""
    for T in (300.0, 3000.0):
        mu = ph.chemical_potential(T, ITO)
        for d, tol in ((2e-3, 2e-4), (5e-4, 2e-5)):
            eps = (np.arange(int(4.0 / d)) + 0.5) * d
            rho_d = ph.dos(eps, ITO) * d
            mu_g = ph.grid_chemical_potential(T, rho_d, eps, ITO.n_e, ITO.E_F)
            n = np.sum(rho_d / (1 + np.exp((eps - mu_g) / (KB_EV * T))))
            assert n == pytest.approx(ITO.n_e, rel=1e-12)
            assert abs(mu_g - mu) < tol * ITO.E_F, (T, d, mu_g, mu)


def test_band_claims():
    assert ITO.E_F == pytest.approx(0.981, abs=2e-3)  # E_F ~ 1 eV
    assert ITO.k_F < ITO.q_D / 4  # k_F << q_D for ITO
    assert AU.q_D < AU.k_F  # q_D < k_F for Au
    assert float(ph.number_density(ITO.E_F, ITO)) == pytest.approx(ITO.n_e, rel=1e-12)
    e = np.linspace(0.1, 3, 7)
    par = material("ITO", {"C": 0})
    ratio = ph.dos(e, ITO) / ph.dos(e, par)
    assert np.allclose(ratio, np.sqrt(1 + ITO.C * e) * (1 + 2 * ITO.C * e), rtol=1e-12)


@pytest.mark.parametrize("mat", [ITO, AU], ids=["ITO", "Au"])
def test_heat_capacity_is_dU_dT(mat):
    for T in (300.0, 3000.0, 9000.0):
        h = 1e-3 * T
        fd = (ph.internal_energy(T + h, mat) - ph.internal_energy(T - h, mat)) / (2 * h)
        assert ph.electron_heat_capacity(T, mat) == pytest.approx(fd, rel=1e-6)


def test_sommerfeld_within_range():
    for mat, Tmax in ((ITO, 2000.0), (AU, 5000.0)):
        T = np.linspace(100, Tmax, 5)
        mu, mus = ph.chemical_potential(T, mat), ph.chemical_potential(T, mat, "sommerfeld")
        assert np.allclose(mu, mus, rtol=0, atol=3e-4 * mat.E_F)
        ce, cc = ph.electron_heat_capacity(T, mat), ph.electron_heat_capacity(T, mat, "cubic")
        assert np.allclose(ce, cc, rtol=1e-2)
    # mu drops far more in ITO; exact stays finite where it goes negative-ish
    assert ph.chemical_potential(8000.0, ITO) < 0.2


def test_gamma_ratio_about_five():
    g_ito = ph.sommerfeld_coefficients(ITO)["gamma"]
    g_au = ph.sommerfeld_coefficients(AU)["gamma"]
    assert 4.0 < g_au / g_ito < 5.5
    assert 4.5 < AU.gamma_exp / g_ito < 5.5
    assert ph.sommerfeld_coefficients(ITO)["beta"] < 0


def test_coupling_claims():
    T = np.array([300.0, 1000.0, 3000.0])
    g_ito = ph.ep_coupling(T, 300.0, ITO, "exact", "leading")
    g_au = ph.ep_coupling(T, 300.0, AU, "exact", "leading")
    assert np.all(np.diff(g_ito) > 0)  # G_ITO increases with T_e
    assert 0.7 < g_ito[0] / g_au[0] < 1.4  # G_ITO ~ G_Au
    over_ito = ph.ep_coupling(1000.0, 300.0, ITO, "none", "leading") / g_ito[1]
    over_au = ph.ep_coupling(1000.0, 300.0, AU, "none", "leading") / g_au[1]
    assert 20 < over_ito < 40  # ~30-fold over-estimate
    assert over_au == pytest.approx(1.0, abs=1e-6)  # immaterial for Au
    # limits (Eqs. 27-28) and the exact double integral
    assert ph.ep_coupling(20.0, 20.0, ITO, "exact", "leading") == pytest.approx(
        ph.ep_coupling_limit(ITO, "T0"), rel=1e-3
    )
    assert ph.ep_coupling(20.0, 20.0, ITO, "none", "leading") == pytest.approx(
        ph.ep_coupling_limit(ITO, "no_mc"), rel=1e-3
    )
    full = ph.ep_coupling(1000.0, 300.0, ITO, "exact", "full")
    assert full == pytest.approx(g_ito[1], rel=0.05)


def test_rates():
    e = np.array([ITO.E_F])
    ex, none = ph.eph_rate(e, 300.0, ITO, "exact"), ph.eph_rate(e, 300.0, ITO, "none")
    assert 2 < none[0] / ex[0] < 10  # a few-fold over-estimate of Gamma near E_F
    au = ph.eph_rate(np.array([AU.E_F]), 300.0, AU, "exact")
    assert 0.2 < ex[0] / au[0] < 5  # comparable e-ph rates
    # classical-phonon approximation (prefactor A g' k_B T E_max^2/k) at E_F
    approx = ph.eph_rate_approx(e, 300.0, ITO)
    assert approx[0] == pytest.approx(ph.eph_rate(e, 300.0, ITO, "paper")[0], rel=0.15)
    ratio = ph.fermi_liquid_coefficient(ITO) / ph.fermi_liquid_coefficient(AU)
    assert 3 < ratio < 20  # paper: ~10x; the model gives ~5.8 (see report)


def test_absorbed_power_and_ttm_energy_balance():
    pulse = ph.Pulse(1240.0, 200.0, 5.0)
    assert float(ph.absorbed_power(0.0, ITO, pulse)) == pytest.approx(8.77e19, rel=2e-3)
    r = ph.solve_ttm(ITO, pulse, (-500.0, 800.0), t_eval=np.linspace(-500, 800, 131))
    assert abs(r["energy_residual"]) < 1e-8
    a = ph.solve_ttm(AU, pulse, (-500.0, 800.0), t_eval=np.linspace(-500, 800, 131), source=ITO)
    assert abs(a["energy_residual"]) < 1e-8
    rise_ito, rise_au = r["Te"].max() - 300, a["Te"].max() - 300
    g_ito = ph.sommerfeld_coefficients(ITO)["gamma"]
    g_au = ph.sommerfeld_coefficients(AU)["gamma"]
    assert rise_ito > 1.5 * rise_au  # ITO heats more
    assert rise_ito / rise_au == pytest.approx(np.sqrt(g_au / g_ito), rel=0.2)
    i, j = np.argmax(r["Te"]), np.argmax(a["Te"])
    assert r["G"][i] / r["Ce"][i] > 2 * a["G"][j] / a["Ce"][j]  # ITO cools faster


def test_cooling_rate_is_the_relaxation_rate_of_the_ttm():
    """After the pulse, Eqs. 21-22 give -d ln(T_e - T_ph)/dt = (G/C_e)(1 + C_e/C_ph) exactly."""
    pulse = ph.Pulse(1240.0, 200.0, 5.0)
    t = np.linspace(-500.0, 1000.0, 1501)
    r = ph.solve_ttm(ITO, pulse, (t[0], t[-1]), t_eval=t)
    after = (t >= 600.0) & (t <= 990.0)  # P_abs < 1e-10 of its peak
    dT = r["Te"][after] - r["Tph"][after]
    measured = -np.gradient(np.log(dT), t[after] * 1e-15)
    rate = ph.cooling_rate(r["G"], r["Ce"])[after]
    predicted = rate * (1 + r["Ce"][after] / ITO.C_ph)
    assert np.allclose(measured[1:-1], predicted[1:-1], rtol=1e-5)
    assert np.all(rate > 1e12)  # ps-scale cooling of ITO
