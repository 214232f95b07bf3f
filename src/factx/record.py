"""The fact record as plain data: its closed lists and the checks of SPEC §3.

The kinds come from the rule registry (each kind module declares its own);
the units from the unit table. `record_problems` is the one check every path
runs — the library, the command line and `factx validate` — so all three
accept and reject the same records. Nothing here needs pydantic, so the
command line can extract and check records without loading it; `models`
builds the pydantic `Fact` on these lists and checks.
"""

from __future__ import annotations

import calendar
import json
import math
import re
from collections.abc import Mapping
from typing import Any, Literal

from .rules.registry import KINDS as _KINDS

Kind = Literal[tuple(k.name for k in _KINDS)]
Qualifier = Literal[
    "exact", "approximately", "more_than", "at_least", "less_than",
    "at_most", "range", "vague",
]

Change = Literal["increase", "decrease"]
UnitSource = Literal["text", "context", "default"]

KINDS: tuple[str, ...] = Kind.__args__
QUALIFIERS: tuple[str, ...] = Qualifier.__args__
CHANGES: tuple[str, ...] = Change.__args__
UNIT_SOURCES: tuple[str, ...] = UnitSource.__args__
_CHANGES_OR_NONE = frozenset({*CHANGES, None})
_UNIT_SOURCES_OR_NONE = frozenset({*UNIT_SOURCES, None})
QUANTITY_KINDS = frozenset(k.name for k in _KINDS if k.quantity)
NONNEGATIVE_KINDS = frozenset(k.name for k in _KINDS if k.nonnegative)
CALENDARS = ("gregorian", "hijri")
_CALENDARS_OR_NONE = frozenset({*CALENDARS, None})

_DATE_RE = re.compile(r"(?P<y>[0-9]{4}|XXXX)(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")
_TIME_RE = re.compile(r"(?:(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2}|XXXX-[0-9]{2}-[0-9]{2}))?"
                      r"T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2}))?")


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def closed_list_problems(r: Mapping[str, Any], unit_codes) -> list[str]:
    """The fields of `r` outside their closed lists, each as ``[rule] message`` (a
    missing field is not this check's business)."""
    out = []
    if "kind" in r and r["kind"] not in KINDS:
        out.append(f"[kind-closed-list] unknown kind {r['kind']!r}")
    if "qualifier" in r and r["qualifier"] not in QUALIFIERS:
        out.append(f"[qualifier-closed-list] unknown qualifier {r['qualifier']!r}")
    unit = r.get("unit")
    if unit is not None and unit not in unit_codes:
        out.append(f"[unit-closed-list] unknown unit {unit!r}")
    for name, allowed in (("calendar", CALENDARS), ("change", CHANGES), ("unit_source", UNIT_SOURCES)):
        v = r.get(name)
        if v is not None and v not in allowed:
            out.append(f"[{name.replace('_', '-')}-closed-list] unknown {name} {v!r}")
    return out


def type_problems(r: Mapping[str, Any]) -> list[str]:
    """A boolean where a number goes (Python's True is an int, JSON's true is no number)."""
    return [f"[value-type] {name} is a boolean, not a number"
            for name in ("value", "low", "high") if isinstance(r.get(name), bool)]


def record_problems(r: Mapping[str, Any], unit_codes) -> list[str]:
    """Every rule `r` (a complete record) breaks without its document: the closed lists
    and value types, then (when those hold) SPEC §3 — as the model `Fact` checks them."""
    kind, value = r["kind"], r["value"]
    if kind in KINDS and r["qualifier"] in QUALIFIERS and (r["unit"] is None or r["unit"] in unit_codes) \
            and r["calendar"] in _CALENDARS_OR_NONE and r["change"] in _CHANGES_OR_NONE \
            and r["unit_source"] in _UNIT_SOURCES_OR_NONE \
            and type(value) is not bool and type(r["low"]) is not bool and type(r["high"]) is not bool:
        # the commonest record of all, an exact finite quantity, needs no more than this
        if r["qualifier"] == "exact" and r["low"] is None and r["high"] is None:
            t = type(value)
            if t in (int, float) and kind in QUANTITY_KINDS and math.isfinite(value) \
                    and (value >= 0 or kind not in NONNEGATIVE_KINDS):
                return []
            if (kind == "ordinal" and t in (int, float) and math.isfinite(value)) or \
                    (kind == "identifier" and t is str and value):
                return []
        return value_problems(r)
    return closed_list_problems(r, unit_codes) + type_problems(r) or value_problems(r)


def value_problems(r: Mapping[str, Any]) -> list[str]:
    """The §3 rules a record's values break (without the document), each as
    ``[rule] message``. `r` maps field names to values (a record dict, or a
    `Fact`'s ``__dict__``)."""
    kind, value, low, high, qualifier = r["kind"], r["value"], r["low"], r["high"], r["qualifier"]
    out: list[str] = []
    if kind in QUANTITY_KINDS:
        if value is not None and not _finite(value):
            out.append(f"[quantity-value] {kind} value must be a finite number, got {value!r}")
        if value is None and low is None and high is None:
            out.append("[quantity-null] value may be null only when low or high is set")
        for name in ("low", "high"):
            b = r[name]
            if b is not None and not _finite(b):
                out.append(f"[bounds-finite] {name} must be finite")
        if _finite(value):
            if low is not None and low > value:
                out.append(f"[bounds-order] low {low} > value {value}")
            if high is not None and value > high:
                out.append(f"[bounds-order] value {value} > high {high}")
        if kind in NONNEGATIVE_KINDS:
            for name in ("value", "low", "high"):
                b = r[name]
                if _finite(b) and b < 0:
                    out.append(f"[non-negative] {kind} {name} must be >= 0, got {b}")
    if low is not None and high is not None and _finite(low) and _finite(high) and low > high:
        out.append(f"[bounds-order] low {low} > high {high}")
    if qualifier == "range":
        if low is None or high is None:
            out.append("[range-bounds] qualifier 'range' needs both low and high")
        elif not low < high:
            out.append(f"[range-bounds] qualifier 'range' needs low < high, got {low}, {high}")
    if qualifier == "exact" and value is None:
        out.append("[exact-value] qualifier 'exact' needs a value")
    if kind == "date" and value is not None:
        if not isinstance(value, str) or not _valid_date(value, hijri=r.get("calendar") == "hijri"):
            out.append(f"[date-format] date value {value!r} is not a valid YYYY, YYYY-MM or YYYY-MM-DD (XXXX for an unknown year)")
    if kind == "time" and value is not None:
        if not isinstance(value, str) or not _valid_time(value):
            out.append(f"[time-format] time value {value!r} is not a valid THH:MM or THH:MM:SS")
    if kind == "identifier" and not (isinstance(value, str) and value):
        out.append("[identifier-value] identifier value must be a non-empty string of its digits")
    return out


def _valid_date(v: str, hijri: bool = False) -> bool:
    m = _DATE_RE.fullmatch(v)
    if not m:
        return False
    if m["m"] is None:
        return True
    month = int(m["m"])
    if not 1 <= month <= 12:
        return False
    if m["d"] is None:
        return True
    day = int(m["d"])
    if hijri:                                   # hijri months have 29 or 30 days
        return 1 <= day <= 30
    year = 2000 if m["y"] == "XXXX" else int(m["y"])  # 2000 is a leap year: 29 Feb allowed when unknown
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _valid_time(v: str) -> bool:
    m = _TIME_RE.fullmatch(v)
    if not m:
        return False
    if m["date"] and not _valid_date(m["date"]):
        return False
    h, mi, sec = int(m["h"]), int(m["mi"]), int(m["s"] or 0)
    return (h <= 23 and mi <= 59 and sec <= 59) or (h == 24 and mi == 0 and sec == 0)


def slice_problems(start: int, end: int, text: str, document: str) -> list[str]:
    """The §3 rules a record's span and text break against its source `document`."""
    out = []
    if not 0 <= start < end <= len(document):
        out.append(f"[span-bounds] span {start}-{end} is outside the document (length {len(document)})")
    elif document[start:end] != text:
        out.append(f"[text-slice] text {text!r} != document slice {document[start:end]!r}")
    return out


# --- checking a record read from a file (factx validate, review, check) -------------

_LITERAL_RULES = {"kind": "kind-closed-list", "qualifier": "qualifier-closed-list",
                  "calendar": "calendar-closed-list", "change": "change-closed-list",
                  "unit_source": "unit-source-closed-list"}
_SPAN_FIELDS = {"span", "sentence", "qualifier_span", "entity_span", "unit_span", "predicate_span"}


def explain_validation_error(err) -> list[str]:
    """Pydantic errors as ``[rule] message`` strings.

    Errors raised by the model's own rules already start with ``[rule]``; the
    built-in ones (a kind outside the list, a missing field, a wrong type) are
    given a rule id here.
    """
    out: list[str] = []
    for e in err.errors(include_url=False):
        msg = str(e.get("msg", ""))
        for prefix in ("Value error, ", "Assertion failed, "):
            if msg.startswith(prefix):
                msg = msg[len(prefix):]
        if msg.startswith("["):
            out.append(msg)
            continue
        loc = tuple(e.get("loc", ()))
        where = ".".join(str(p) for p in loc) or "record"
        typ = e.get("type", "")
        if typ == "literal_error" and loc and loc[0] in _LITERAL_RULES:
            rule = _LITERAL_RULES[loc[0]]
            msg = f"{where} {e.get('input')!r} is not one of {e.get('ctx', {}).get('expected', '')}"
        elif typ == "missing":
            rule, msg = "required-field", f"{where} is missing"
        elif loc and loc[0] in _SPAN_FIELDS and typ in ("greater_than_equal", "greater_than"):
            rule, msg = "span-bounds", f"{where}: {msg}"
        else:
            rule, msg = "field-type", f"{where}: {msg}"
        out.append(f"[{rule}] {msg}")
    return out


def check_record(obj: Any, document: str | None = None) -> tuple[Any, list[str]]:
    """Check one decoded JSONL record: the model's rules, the JSON Schema, and the
    source text when `document` is given. Returns the parsed Fact (None when the
    model rejects it) and the ``[rule] message`` list (empty when valid).

    Schema messages are only added when the model accepted the record, so one
    mistake is not reported twice; a record the model accepts but the schema
    rejects (or the reverse) is always reported.
    """
    from pydantic import ValidationError

    from .models import Fact, source_problems
    from .schema import schema_problems
    if not isinstance(obj, dict):
        return None, [f"[json-object] record is a JSON {type(obj).__name__}, not an object"]
    try:
        fact = Fact.model_validate(obj)
    except ValidationError as err:
        return None, explain_validation_error(err)
    problems = schema_problems(obj)
    if document is not None:
        problems += source_problems(fact, document)
    return fact, problems


def _reject_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def loads_record(line: str | bytes) -> Any:
    """Strict JSON decoding of one line (NaN and Infinity are rejected)."""
    return json.loads(line, parse_constant=_reject_constant)
