"""The committed JSON Schema (`schemas/fact.schema.json`) against the model.

The schema is generated from `factx.models.Fact`; when the two disagree this
test fails and says how to regenerate it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, strategies as st
from pydantic import ValidationError

from factx.models import KINDS, QUALIFIERS, UNIT_CODES, Fact
from factx.schema import SCHEMA_DIALECT, dumps_schema, fact_json_schema, schema_problems

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schemas" / "fact.schema.json"
GOLD = ROOT / "fixtures" / "seeds.jsonl"
REGENERATE = "python -m factx.schema > schemas/fact.schema.json"


@pytest.fixture(scope="module")
def validator():
    schema = fact_json_schema()
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def gold_records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_committed_schema_is_up_to_date():
    assert COMMITTED.exists(), f"{COMMITTED} is missing; generate it with: {REGENERATE}"
    committed = COMMITTED.read_text(encoding="utf-8")
    assert json.loads(committed) == fact_json_schema(), (
        f"schemas/fact.schema.json no longer matches the Fact model; regenerate it with: {REGENERATE}")
    assert committed == dumps_schema(), (
        f"schemas/fact.schema.json is not in the canonical layout; regenerate it with: {REGENERATE}")


def test_module_prints_the_schema():
    out = subprocess.run([sys.executable, "-m", "factx.schema"], capture_output=True, check=True).stdout
    assert out.decode("utf-8") == dumps_schema()


def test_schema_header_and_is_a_valid_schema():
    schema = fact_json_schema()
    assert schema["$schema"] == SCHEMA_DIALECT
    assert schema["$id"] and schema["title"]
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["required"]) >= {"kind", "span", "text"}
    assert schema["properties"]["kind"]["enum"] == list(KINDS)
    assert schema["properties"]["qualifier"]["enum"] == list(QUALIFIERS)
    assert set(schema["properties"]["unit"]["anyOf"][0]["enum"]) == set(UNIT_CODES)
    assert schema["additionalProperties"] is True  # more fields may be added (SPEC §2)


def test_every_gold_record_is_valid_for_schema_and_model(validator):
    records = gold_records()
    assert len(records) > 50
    for n, obj in enumerate(records, 1):
        errors = [e.message for e in validator.iter_errors(obj)]
        assert errors == [], f"seeds.jsonl:{n}: {errors}"
        fact = Fact.model_validate(obj)  # extra fields (optional, note) are allowed
        assert fact.model_extra == {"optional": obj["optional"], "note": obj["note"]}


def _gold(**kw) -> dict:
    base = next(r for r in gold_records() if r["kind"] == "count" and r["value"] is not None)
    return {**base, **kw}


INVALID = {
    "unknown kind": _gold(kind="foo"),
    "unknown qualifier": _gold(qualifier="about"),
    "unknown unit": _gold(unit="dollars"),
    "negative count": _gold(value=-3),
    "string count": _gold(value="500"),
    "boolean value": _gold(value=True),
    "null quantity without bounds": _gold(value=None, low=None, high=None, qualifier="vague"),
    "range without high": _gold(value=None, low=3, high=None, qualifier="range"),
    "exact without value": _gold(kind="ordinal", value=None, qualifier="exact"),
    "bad month": _gold(kind="date", value="2013-13", entity=None),
    "bad time": _gold(kind="time", value="6 صباحا", entity=None),
    "numeric identifier": _gold(kind="identifier", value=2254, entity=None),
    "negative start": _gold(span={"start": -1, "end": 3}),
    "span with extra key": _gold(span={"start": 1, "end": 3, "len": 2}),
    "no span": {k: v for k, v in _gold().items() if k != "span"},
    "no text": {k: v for k, v in _gold().items() if k != "text"},
    "no kind": {k: v for k, v in _gold().items() if k != "kind"},
}


@pytest.mark.parametrize("name", INVALID)
def test_invalid_record_is_rejected_by_schema_and_model(name, validator):
    obj = INVALID[name]
    assert list(validator.iter_errors(obj)), f"schema accepted {name}"
    with pytest.raises(ValidationError):
        Fact.model_validate(obj)
    assert schema_problems(obj) and all(p.startswith("[schema] ") for p in schema_problems(obj))


# --- the schema never rejects what the model accepts -------------------------------

_number = st.one_of(st.integers(-10, 10**9), st.floats(-1e6, 1e9, allow_nan=False, allow_infinity=False))
_ascii_digits = st.text("0123456789", min_size=1, max_size=4)
_date = st.one_of(
    st.builds(lambda y, m, d: "-".join(p for p in (y, m, d) if p),
              st.sampled_from(["2013", "XXXX", "1999", "0000"]),
              st.sampled_from(["", "01", "02", "04", "12", "13", "00"]),
              st.sampled_from(["", "01", "29", "30", "31", "32"])),
    st.text("0123456789X-T:", max_size=12),
)
_time = st.one_of(
    st.builds(lambda d, h, m: f"{d}T{h}:{m}", st.sampled_from(["", "2019-08-31", "XXXX-02-29", "2019-02-29"]),
              st.sampled_from(["00", "06", "23", "24", "25"]), st.sampled_from(["00", "30", "59", "60"])),
    st.text("0123456789T:", max_size=8),
)
_value = st.one_of(st.none(), _number, _date, _time, _ascii_digits, st.just(""), st.booleans())


@st.composite
def records(draw) -> dict:
    start = draw(st.integers(0, 50))
    length = draw(st.integers(1, 6))
    obj = {
        "kind": draw(st.sampled_from(KINDS)),
        "span": {"start": start, "end": start + length},
        "text": "x" * length,
    }
    for name, strategy in [
        ("doc_id", st.one_of(st.none(), st.text(max_size=5))),
        ("value", _value),
        ("low", st.one_of(st.none(), _number)),
        ("high", st.one_of(st.none(), _number)),
        ("qualifier", st.sampled_from(QUALIFIERS)),
        ("unit", st.one_of(st.none(), st.sampled_from(sorted(UNIT_CODES)))),
        ("entity", st.one_of(st.none(), st.text(max_size=5))),
    ]:
        if draw(st.booleans()):
            obj[name] = draw(strategy)
    return obj


@given(records())
def test_schema_accepts_every_record_the_model_accepts(obj):
    try:
        Fact.model_validate(obj)
    except ValidationError:
        return
    assert schema_problems(obj) == [], obj
