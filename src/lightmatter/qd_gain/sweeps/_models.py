"""Simple Model and ASE parameter objects built from a point's parameters (``qd_gain`` sweeps).

The point parameters are those of ``_common.model_point_params``, ``_common.threshold_point_params``
and ``_common.ase_point_params``. Physics modules are imported inside the functions, so
importing this module stays light; sweep modules import it inside ``solve``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def model(point: Mapping[str, Any], scheme: str, **over: Any) -> Any:
    """The :class:`~lightmatter.qd_gain.spectra.SimpleModel` of ``scheme`` at this point.

    ``over`` replaces model parameters (e.g. ``delta_xxa2``, ``mx_weight``, ``mx_shift``).
    """
    from lightmatter.qd_gain import spectra

    kw = {k: point[k] for k in ("E_A", "fwhm", "delta_xxe", "delta_xxa1", "occupancy")}
    kw.update(over)
    return spectra.scheme_model(
        scheme,
        stokes_3ls=float(point["stokes_3ls"]),
        overlap_4ls=float(point["overlap_4ls"]),
        kappa=float(point["kappa"]),
        **kw,
    )


def search_window(point: Mapping[str, Any]) -> tuple[float, float]:
    """The SE threshold search window E - E_A (eV) of the point."""
    return (float(point["thr_search_min"]), float(point["thr_search_max"]))


def thresholds(m: Any, point: Mapping[str, Any]) -> tuple[Any, Any]:
    """SE thresholds ``(se_max, first_gain)`` of model ``m`` with the point's search settings."""
    from lightmatter.qd_gain import spectra

    kw = {
        "eps": float(point["thr_eps"]),
        "window": search_window(point),
        "num": int(point["thr_num_E"]),
        "num_N": int(point["thr_num_N"]),
    }
    return spectra.se_threshold(m, "se_max", **kw), spectra.se_threshold(m, "first_gain", **kw)


def ase_params(point: Mapping[str, Any], mapping: str | None = None, **over: float) -> Any:
    """The :class:`~lightmatter.qd_gain.ase.AseParams` of the point (configured scale).

    ``mapping`` replaces the configured fluence mapping; ``over`` replaces other fields.
    """
    from lightmatter.qd_gain import ase

    kw: dict[str, Any] = {
        "G0": float(point["ase_G0"]),
        "mapping": mapping or str(point["ase_mapping"]),
        "loss": float(point["ase_loss"]),
        "J_pi": float(point["ase_J_pi"]),
        "sigma_pump": float(point["ase_sigma_pump"]),
        "wavelength_nm": float(point["ase_wavelength_nm"]),
        "m_threshold": float(point["ase_m_threshold"]),
        "window": (float(point["ase_E_min"]), float(point["ase_E_max"])),
        "num": int(point["ase_num_E"]),
    }
    kw.update(over)
    return ase.AseParams(**kw)


def ase_model(point: Mapping[str, Any], scheme: str, mapping: str, **over: Any) -> Any:
    """The model of ``scheme`` with the occupancy law of the fluence ``mapping``.

    ``poisson`` (400 nm, the default excitation) fills the band edge with Poisson statistics,
    the band-edge forms binomially (docs/qd_gain.md §2.1).
    """
    from lightmatter.qd_gain import ase

    return model(point, scheme, occupancy=ase.excitation_occupancy(mapping), **over)


def ase_thresholds_N(point: Mapping[str, Any], mapping: str, **over: Any) -> dict[str, float]:
    """The ASE threshold <N>_th of every scheme under ``mapping``'s occupancy law."""
    from lightmatter.qd_gain import ase, spectra

    p = ase_params(point, mapping, **over)
    return {s: ase.ase_threshold(ase_model(point, s, mapping), p).N for s in spectra.SCHEMES}


def fitted_ase_params(point: Mapping[str, Any], mapping: str, N_th: Mapping[str, float]) -> Any:
    """ASE parameters of ``mapping``, its scale fitted to the paper's thresholds if configured.

    With ``ase.fit_scale`` true, :func:`lightmatter.qd_gain.ase.fit_mapping_scale` fits J_pi
    (area) or sigma_pump (linear, rabi) to ``ase.paper_J_th`` given the model thresholds
    ``N_th`` (by scheme); otherwise the configured scale is kept.
    """
    from lightmatter.qd_gain import ase

    base = ase_params(point, mapping)
    if not point["ase_fit_scale"]:
        return base
    return ase.fit_mapping_scale(N_th, point["ase_paper_J_th"], base)
