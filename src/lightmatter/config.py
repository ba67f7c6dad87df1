"""Configuration validation with messages a user can act on.

:func:`validate_config` is called by ``rules/common.smk`` on the merged configuration
(``config/config.yaml`` plus any ``--configfile`` on top) before any job runs. It checks, in
order: non-finite numbers (YAML ``.nan``/``.inf`` slip through JSON-Schema range checks),
the JSON Schema ``config/schema.yaml`` (types, ranges, required keys, no unknown keys), grid
ranges, and the cross-field rules each sweep module declares in ``validate(section)`` (e.g.
``N <= M``). The first problem found is raised as :class:`ConfigError` naming the key, the
value and what is allowed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import jsonschema
import yaml

__all__ = ["ConfigError", "load_config", "load_schema", "merge", "validate_config"]


class ConfigError(ValueError):
    """A configuration value is invalid; the message names the key and the allowed values."""


def load_schema(path: str | Path) -> dict[str, Any]:
    """Load a YAML JSON-Schema file (with libyaml when available: it is read at every parse)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(Path(path).read_text(), Loader=loader)


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


def _grid_checks(config: Mapping[str, Any]) -> None:
    """Every log grid ``{min, max, num}`` anywhere in the config must have ``min < max``."""
    for path, value in _walk(config):
        if isinstance(value, Mapping) and {"min", "max", "num"} <= set(value):
            if value["min"] >= value["max"]:
                raise ConfigError(
                    f"{_key(path)}: grid min ({value['min']}) must be smaller than max "
                    f"({value['max']})"
                )


def _study_checks(config: Mapping[str, Any], studies: Iterable[str]) -> None:
    """Each sweep's own cross-field checks (``validate(section)`` in its module)."""
    from lightmatter.sweep import sweeps_of

    for study in studies:
        for sw in sweeps_of(study).values():
            try:
                sw.validate(config[study])
            except ConfigError:
                raise
            except (ValueError, KeyError, TypeError) as err:
                msg = err.args[0] if err.args else repr(err)
                raise ConfigError(f"{msg} (checked by sweep {study}/{sw.name})") from None


def validate_config(
    config: Mapping[str, Any],
    schema: Mapping[str, Any] | str | Path,
    studies: Iterable[str] = (),
) -> None:
    """Validate the merged ``config``; raise :class:`ConfigError` naming the first problem.

    Order: non-finite numbers, the JSON Schema, grid ranges, then the cross-field checks of
    every sweep of ``studies`` (each study owns the checks of its keys).
    """
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
    _grid_checks(config)
    _study_checks(config, studies)


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe YAML loader that rejects a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in keys:
                raise ConfigError(f"duplicate key {key!r} ({key_node.start_mark})")
            keys.add(key)
        return super().construct_mapping(node, deep=deep)


def merge(base: Mapping[str, Any], top: Mapping[str, Any]) -> dict[str, Any]:
    """Recursive merge as Snakemake layers ``--configfile`` on the default: ``top`` wins."""
    out = dict(base)
    for k, v in top.items():
        if isinstance(v, Mapping) and isinstance(base.get(k), Mapping):
            out[k] = merge(base[k], v)
        else:
            out[k] = v
    return out


def load_config(paths: Iterable[str | Path]) -> dict[str, Any]:
    """Load config files in order, each merged on top of the previous (duplicate keys rejected)."""
    config: dict[str, Any] = {}
    for path in paths:
        data = yaml.load(Path(path).read_text(), Loader=_UniqueKeyLoader) or {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"{path}: the top level must be a mapping")
        config = merge(config, data)
    return config
