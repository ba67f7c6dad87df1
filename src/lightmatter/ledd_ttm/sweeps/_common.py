"""Shared by the ``ledd_ttm`` sweeps: variable specs, point builders, material-name checks and
the decoding of a point's material and pulse (physics imported inside the decoders only)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lightmatter.spec import Var

MATERIAL = Var(("material",), "1", "material")
EPS = Var(("eps",), "eV", "electron energy above the band minimum")
TIME = Var(("t",), "fs", "time")
E_F = Var((), "eV", "Fermi energy")
EPS_STAR_GRID = Var((), "eV", "energy where 2 k = q_D")


def with_material(section: Mapping[str, Any], name: str, key: str = "material") -> dict[str, Any]:
    """Point entries of one material: its name under ``key``, its parameters (from
    ``materials.<name>`` of the config) under ``<key>_params``."""
    return {key: name, f"{key}_params": dict(section["materials"][name])}


def ledd_and_reference(section: Mapping[str, Any]) -> list[str]:
    """The LEDD materials followed by the reference metal, without repetition."""
    return list(dict.fromkeys([*section["ledd"], section["reference"]]))


def check_materials(section: Mapping[str, Any], *keys: str) -> None:
    """Raise ``ValueError`` if a material name at a (dotted) config key is not defined under
    ``ledd_ttm.materials``; the key may hold one name or a list of names."""
    known = list(section["materials"])
    for key in keys:
        value: Any = section
        for part in key.split("."):
            value = value[part]
        named = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for i, name in named:
            if name not in known:
                where = key if i is None else f"{key}[{i}]"
                raise ValueError(
                    f"ledd_ttm.{where} = {name!r}: unknown material; known: {', '.join(known)}"
                )


def material_of(point: Mapping[str, Any], key: str = "material") -> Any:
    """The :class:`~lightmatter.ledd_ttm.materials.Material` stored in a point under ``key``."""
    from lightmatter.ledd_ttm import materials

    return materials.Material.from_dict(str(point[key]), point[f"{key}_params"])


def pulse_of(point: Mapping[str, Any]) -> Any:
    """The :class:`~lightmatter.ledd_ttm.physics.Pulse` of a point's ``pulse`` entry."""
    from lightmatter.ledd_ttm import physics

    q = point["pulse"]
    return physics.Pulse(float(q["wavelength_nm"]), float(q["fwhm_fs"]), float(q["I0_GW_cm2"]))


def time_grid(point: Mapping[str, Any]) -> Any:
    """The output times [fs]: ``num_t`` points from ``t_min`` to ``t_max`` (a numpy array)."""
    import numpy as np

    return np.linspace(float(point["t_min"]), float(point["t_max"]), int(point["num_t"]))
