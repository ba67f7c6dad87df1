"""Configuration validation with messages a user can act on.

:func:`validate_config` is called by ``rules/common.smk`` before any job runs. It checks, in
order: non-finite numbers (YAML ``.nan``/``.inf`` slip through JSON-Schema range checks),
the JSON Schema ``config/schema.yaml`` (types, ranges, required keys, no unknown keys), and
cross-field rules the schema cannot express (grid ``min < max``, ``N <= M``...). The first
problem found is raised as :class:`ConfigError` naming the key, the value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

__all__ = ["ConfigError", "load_schema", "validate_config"]


class ConfigError(ValueError):
    """A configuration value is invalid; the message names the key and the allowed values."""


def load_schema(path: str | Path) -> dict[str, Any]:
    """Load a YAML JSON-Schema file."""
    return yaml.safe_load(Path(path).read_text())


def _key(path: Any) -> str:
    parts: list[str] = []
    for p in path:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "<top level>"


def _walk(obj: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, obj
    if isinstance(obj, Mapping):
        for k, v in obj.items():
            yield from _walk(v, (*path, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, (*path, i))


def _resolve(schema: Mapping[str, Any], root: Mapping[str, Any]) -> Mapping[str, Any]:
    while "$ref" in schema:
        ref = schema["$ref"]
        node: Any = root
        for part in ref.lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _allowed(schema: Mapping[str, Any], root: Mapping[str, Any]) -> str:
    s = _resolve(schema, root)
    bits = []
    if "enum" in s:
        return "one of " + ", ".join(map(repr, s["enum"]))
    if "type" in s:
        bits.append(str(s["type"]))
    if "minimum" in s:
        bits.append(f">= {s['minimum']}")
    if "exclusiveMinimum" in s:
        bits.append(f"> {s['exclusiveMinimum']}")
    if "maximum" in s:
        bits.append(f"<= {s['maximum']}")
    if "minItems" in s:
        bits.append(f"at least {s['minItems']} item(s)")
    if s.get("uniqueItems"):
        bits.append("no repeated items")
    if s.get("type") == "array" and "items" in s:
        bits.append("each item " + _allowed(s["items"], root))
    if s.get("type") == "object" and "properties" in s:
        bits.append("with keys " + ", ".join(sorted(s["properties"])))
    return " ".join(bits) if bits else "see config/schema.yaml"


def _format(err: jsonschema.ValidationError, root: Mapping[str, Any]) -> str:
    key = _key(err.absolute_path)
    v = err.validator
    if v == "additionalProperties":
        allowed = sorted(err.schema.get("properties", {}))
        extra = sorted(set(err.instance) - set(allowed)) if isinstance(err.instance, dict) else []
        where = f"{key}." if err.absolute_path else ""
        return (
            f"unknown key {', '.join(where + str(e) for e in extra)}; "
            f"allowed keys under {key}: {', '.join(allowed)}"
        )
    if v == "required":
        missing = err.message.split("'")[1] if "'" in err.message else err.message
        where = f"{key}." if err.absolute_path else ""
        return f"missing required key {where}{missing}"
    hint = ""
    if isinstance(err.instance, str):
        try:
            float(err.instance)
            hint = " (YAML reads numbers like 1.0e6 as text: write 1.0e+6)"
        except ValueError:
            pass
    return f"{key} = {err.instance!r}: {err.message}; allowed: {_allowed(err.schema, root)}{hint}"


def _semantic_checks(config: Mapping[str, Any]) -> None:
    for path, value in _walk(config):
        if isinstance(value, Mapping) and {"min", "max", "num"} <= set(value):
            if value["min"] >= value["max"]:
                raise ConfigError(
                    f"{_key(path)}: grid min ({value['min']}) must be smaller than max "
                    f"({value['max']})"
                )
    cl = config.get("cl_superbunching", {})
    s1 = cl.get("model2_vs_model1", {})
    if s1 and any(n > s1["M"] for n in s1["N"]):
        raise ConfigError(
            f"cl_superbunching.model2_vs_model1.N = {s1['N']}: every N must be <= M = {s1['M']} "
            "(Model 2 excites N = M p of M emitters on average)"
        )
    s3 = cl.get("model2_vs_M", {})
    if s3 and any(m * s3["p"] <= 1 for m in s3["M"]):
        raise ConfigError(
            f"cl_superbunching.model2_vs_M: every M must satisfy M p > 1 (N = M p > 1), got "
            f"M = {s3['M']}, p = {s3['p']}"
        )
    hbt = cl.get("hbt", {})
    if hbt and hbt["bin_width"] >= hbt["max_delay"]:
        raise ConfigError(
            f"cl_superbunching.hbt.bin_width = {hbt['bin_width']} must be smaller than "
            f"max_delay = {hbt['max_delay']}"
        )


def validate_config(config: Mapping[str, Any], schema: Mapping[str, Any] | str | Path) -> None:
    """Validate ``config``; raise :class:`ConfigError` with one clear message (first problem)."""
    if not isinstance(schema, Mapping):
        schema = load_schema(schema)
    for path, value in _walk(config):
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigError(f"{_key(path)} = {value!r}: not a finite number")
    validator_cls = jsonschema.validators.validator_for(schema)
    validator = validator_cls(schema)
    errors = sorted(
        validator.iter_errors(config),
        key=lambda e: (len(list(e.absolute_path)), _key(e.absolute_path), e.validator),
    )
    if errors:
        best = jsonschema.exceptions.best_match(errors)
        raise ConfigError(_format(best, schema))
    _semantic_checks(config)
