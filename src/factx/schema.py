"""The JSON Schema of a fact record (record checking is `record.check_record`).

`fact_json_schema()` is generated from the pydantic `Fact` model and completed
with the §3 rules that JSON Schema can express (closed unit list, value types
per kind, non-negative counts, what `range` and `exact` require,
the shape of date and time values). The model stays the authority: the schema
is what a consumer without Python can check, and every record the model
accepts is accepted by the schema (tests check it on the gold records).

``python -m factx.schema`` (or ``factx schema``) prints it; the committed copy
is ``schemas/fact.schema.json``, regenerated with::

    python -m factx.schema > schemas/fact.schema.json
"""

from __future__ import annotations

import copy
import functools
import json
import sys
from typing import Any

from .models import KINDS, NONNEGATIVE_KINDS, QUANTITY_KINDS, UNIT_CODES, Fact

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:factx:schema:fact"
SCHEMA_TITLE = "factx fact record"

# ECMA-262 patterns (what JSON Schema specifies); ASCII digits only.
DATE_PATTERN = r"^([0-9]{4}|XXXX)(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
TIME_PATTERN = r"^(([0-9]{4}|XXXX)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))?T([01][0-9]|2[0-4]):[0-5][0-9](:[0-5][0-9])?$"

_NULL = {"type": "null"}
_NUMBER = {"type": "number"}


def _if_kind(kinds, then: dict) -> dict:
    kinds = sorted(kinds, key=KINDS.index)
    cond = {"const": kinds[0]} if len(kinds) == 1 else {"enum": kinds}
    return {"if": {"properties": {"kind": cond}, "required": ["kind"]}, "then": then}


def _rules() -> list[dict]:
    """§3 rules as JSON Schema conditionals (those JSON Schema can express)."""
    nonneg = {"anyOf": [{"type": "number", "minimum": 0}, _NULL]}
    return [
        # quantity kinds: value is a number or null; null only when a bound is set
        _if_kind(QUANTITY_KINDS, {"properties": {"value": {"anyOf": [_NUMBER, _NULL]}}}),
        _if_kind(QUANTITY_KINDS, {
            "if": {"properties": {"value": _NULL}},
            "then": {"anyOf": [
                {"required": ["low"], "properties": {"low": _NUMBER}},
                {"required": ["high"], "properties": {"high": _NUMBER}},
            ]},
        }),
        _if_kind(NONNEGATIVE_KINDS, {"properties": {"value": nonneg, "low": nonneg, "high": nonneg}}),
        _if_kind({"date"}, {"properties": {"value": {"anyOf": [
            {"type": "string", "pattern": DATE_PATTERN}, _NULL]}}}),
        _if_kind({"time"}, {"properties": {"value": {"anyOf": [
            {"type": "string", "pattern": TIME_PATTERN}, _NULL]}}}),
        _if_kind({"identifier"}, {"required": ["value"],
                                  "properties": {"value": {"type": "string", "minLength": 1}}}),
        # qualifier "range": both bounds; qualifier "exact": a value
        {"if": {"properties": {"qualifier": {"const": "range"}}, "required": ["qualifier"]},
         "then": {"required": ["low", "high"], "properties": {"low": _NUMBER, "high": _NUMBER}}},
        {"if": {"anyOf": [
            {"properties": {"qualifier": {"const": "exact"}}, "required": ["qualifier"]},
            {"not": {"required": ["qualifier"]}},  # "exact" is the default
        ]},
         "then": {"required": ["value"], "properties": {"value": {"not": _NULL}}}},
    ]


def fact_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one JSONL fact record."""
    schema = copy.deepcopy(Fact.model_json_schema())
    props = schema["properties"]
    props["unit"]["anyOf"] = [{"enum": sorted(UNIT_CODES), "type": "string"}, _NULL]
    props["unit"]["description"] += " (SPEC §2: %, ISO 4217 codes, km, kg, year …)"
    props["text"]["minLength"] = 1
    schema["allOf"] = _rules()
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": SCHEMA_TITLE,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def dumps_schema(schema: dict | None = None) -> str:
    """The schema as committed: sorted keys, indent 2, UTF-8 kept, trailing newline."""
    return json.dumps(fact_json_schema() if schema is None else schema,
                      sort_keys=True, indent=2, ensure_ascii=False) + "\n"


# --- record checking ------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _schema_validator():
    """A jsonschema validator, or None when jsonschema is not installed."""
    try:
        import jsonschema
    except ImportError:  # pragma: no cover - jsonschema is in the [test] extra
        return None
    cls = jsonschema.validators.validator_for(fact_json_schema())
    return cls(fact_json_schema())


def schema_available() -> bool:
    return _schema_validator() is not None


def schema_problems(obj: Any) -> list[str]:
    """JSON Schema violations of `obj`, as ``[schema] path: message`` (empty if unavailable)."""
    v = _schema_validator()
    if v is None:
        return []
    out: list[str] = []
    for e in v.iter_errors(obj):
        path = ".".join(str(p) for p in e.absolute_path) or "record"
        msg = f"[schema] {path}: {_schema_message(e)}"
        if msg not in out:
            out.append(msg)
    return sorted(out)


def _schema_message(e) -> str:
    """A jsonschema error's message; for anyOf, the alternative that explains it."""
    if not e.context:
        return e.message
    # prefer a failed constraint (pattern, minimum, enum …) over "is not of type …"
    specific = [c for c in e.context if c.validator != "type"]
    if specific:
        return "; ".join(dict.fromkeys(c.message for c in specific))
    types = [t for c in e.context for t in ([c.validator_value] if isinstance(c.validator_value, str)
                                           else c.validator_value)]
    return f"{e.instance!r} is not of type {' or '.join(dict.fromkeys(types))}"


def main(argv: list[str] | None = None) -> int:
    sys.stdout.write(dumps_schema())
    return 0


if __name__ == "__main__":
    sys.exit(main())
