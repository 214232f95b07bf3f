"""The fact model (SPEC §2) and its validation rules (SPEC §3).

Every rule is broken once on purpose: the record must be rejected, and the
message must start with the rule's bracketed id and (for the record-level
rules) name the record. `source_problems` must catch any tampering with the
text or the span.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

import factx
from pydantic import ValidationError

from factx.models import KINDS, QUANTITY_KINDS, Fact, Span, fact_problems, source_problems
from factx.record import check_record, explain_validation_error

ROOT = Path(__file__).resolve().parents[1]
DOC = "قتل أكثر من 500 شخص في 21 آب/أغسطس 2013"


def rec(**kw) -> dict:
    """A valid count record (doc_id 'd1', the "500" of DOC) with fields replaced."""
    base = {"doc_id": "d1", "kind": "count", "value": 500, "low": None, "high": None,
            "qualifier": "more_than", "unit": None, "entity": "شخص",
            "span": {"start": 12, "end": 15}, "text": "500"}
    base.update(kw)
    return base


def rejected(record: dict) -> list[str]:
    with pytest.raises(ValidationError) as info:
        Fact.model_validate(record)
    return explain_validation_error(info.value)


# --- valid records ---------------------------------------------------------------

VALID = {
    "count": rec(),
    "count-exact": rec(qualifier="exact"),
    "count-zero": rec(value=0, qualifier="exact"),
    "count-vague": rec(value=None, low=20, high=99, qualifier="vague", text="500"),
    "count-range": rec(value=None, low=10, high=20, qualifier="range"),
    "count-approx-bounds": rec(value=15, low=10, high=20, qualifier="approximately"),
    "count-at-least-low-only": rec(value=None, low=3, qualifier="at_least"),
    "percent": rec(kind="percent", value=85.5, unit="%", entity=None, qualifier="exact"),
    "money": rec(kind="money", value=100_000_000, unit="USD", qualifier="exact"),
    "money-negative": rec(kind="money", value=-5, unit="USD", qualifier="exact"),
    "measure": rec(kind="measure", value=2.5, unit="km", qualifier="exact"),
    "duration": rec(kind="duration", value=4, unit="year", qualifier="exact"),
    "age": rec(kind="age", value=53, unit="year", qualifier="exact"),
    "ordinal": rec(kind="ordinal", value=44, qualifier="exact"),
    "date-year": rec(kind="date", value="2013", qualifier="exact", entity=None),
    "date-month": rec(kind="date", value="XXXX-08", qualifier="exact"),
    "date-day": rec(kind="date", value="XXXX-08-21", qualifier="exact"),
    "date-feb29-unknown-year": rec(kind="date", value="XXXX-02-29", qualifier="exact"),
    "date-feb29-leap": rec(kind="date", value="2016-02-29", qualifier="exact"),
    "date-null-vague": rec(kind="date", value=None, qualifier="vague"),
    "time": rec(kind="time", value="T06:00", qualifier="exact"),
    "time-with-date": rec(kind="time", value="2019-08-31T23:59", qualifier="exact"),
    "time-seconds": rec(kind="time", value="T15:23:24", qualifier="exact"),
    "date-hijri-year-below-1000": rec(kind="date", value="0505", qualifier="exact", calendar="hijri"),
    "date-approximate-year": rec(kind="date", value="1299", qualifier="approximately"),
    "identifier": rec(kind="identifier", value="2254", qualifier="exact"),
    "no-doc-id": {k: v for k, v in rec().items() if k != "doc_id"},
    "extra-fields": rec(optional=True, note="gold-only fields", sentence_text="…"),
    "additions": rec(sentence={"start": 0, "end": 20}, qualifier_span={"start": 4, "end": 11},
                     entity_span={"start": 16, "end": 19}, rule="count.number"),
}


@pytest.mark.parametrize("name", VALID)
def test_valid_records_are_accepted(name):
    fact, problems = check_record(VALID[name])
    assert problems == []
    assert fact is not None and fact_problems(fact) == []


def test_valid_record_round_trips_through_json():
    fact = Fact.model_validate(rec(sentence={"start": 0, "end": 20}))
    dumped = json.loads(json.dumps(fact.model_dump(mode="json"), ensure_ascii=False))
    assert Fact.model_validate(dumped) == fact
    assert dumped["span"] == {"start": 12, "end": 15}


def test_is_quantity():
    assert {k for k in KINDS if Fact.model_validate(
        rec(kind=k, value="2013" if k in ("date", "identifier") else ("T06:00" if k == "time" else 5),
            qualifier="exact")).is_quantity} == set(QUANTITY_KINDS)


def test_gold_records_are_valid_and_match_the_seed_documents():
    docs = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "seeds").glob("*.txt")}
    lines = (ROOT / "fixtures" / "seeds.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines
    for n, line in enumerate(lines, 1):
        obj = json.loads(line)
        fact, problems = check_record(obj, docs[obj["doc_id"]])
        assert problems == [], f"seeds.jsonl:{n}: {problems}"


# --- each §3 rule, broken once -----------------------------------------------------

#: (rule id, the broken record); the rule is raised by the model itself
RECORD_RULES = [
    ("quantity-value", rec(value="500")),
    ("quantity-value", rec(value=math.nan)),
    ("quantity-value", rec(kind="money", unit="USD", value=math.inf, qualifier="exact")),
    ("quantity-null", rec(value=None, qualifier="vague")),
    ("quantity-null", rec(kind="percent", unit="%", value=None, qualifier="approximately")),
    ("bounds-finite", rec(value=None, low=math.inf, qualifier="at_least")),
    ("bounds-order", rec(value=5, low=10, qualifier="approximately")),
    ("bounds-order", rec(value=50, high=10, qualifier="approximately")),
    ("bounds-order", rec(kind="ordinal", value=None, low=9, high=3, qualifier="vague")),
    ("non-negative", rec(value=-1)),
    ("non-negative", rec(value=None, low=-3, high=9, qualifier="vague")),
    ("range-bounds", rec(value=None, low=10, qualifier="range")),
    ("range-bounds", rec(kind="date", value=None, qualifier="range")),
    ("range-bounds", rec(value=None, low=10, high=10, qualifier="range")),
    ("exact-value", rec(kind="date", value=None, qualifier="exact")),
    ("exact-value", rec(kind="ordinal", value=None, low=1, high=3, qualifier="exact")),
    ("date-format", rec(kind="date", value="2013-13", qualifier="exact")),
    ("date-format", rec(kind="date", value="2019-02-29", qualifier="exact")),
    ("date-format", rec(kind="date", value="XXXX-04-31", qualifier="exact")),
    ("date-format", rec(kind="date", value="21/08/2013", qualifier="exact")),
    ("date-format", rec(kind="date", value=2013, qualifier="exact")),
    ("time-format", rec(kind="time", value="6:00", qualifier="exact")),
    ("time-format", rec(kind="time", value="T06:60", qualifier="exact")),
    ("time-format", rec(kind="time", value="2019-02-30T06:00", qualifier="exact")),
    ("time-format", rec(kind="time", value="T15:23:60", qualifier="exact")),
    ("time-format", rec(kind="time", value="T24:00:01", qualifier="exact")),
    ("time-format", rec(kind="time", value="T15:23:4", qualifier="exact")),
    ("identifier-value", rec(kind="identifier", value=2254, qualifier="exact")),
    ("identifier-value", rec(kind="identifier", value="", qualifier="exact")),
    ("text-length", rec(text="5000")),
    ("text-length", rec(span={"start": 12, "end": 16})),
]


@pytest.mark.parametrize("rule,record", RECORD_RULES,
                         ids=[f"{r}-{i}" for i, (r, _) in enumerate(RECORD_RULES)])
def test_record_rule_is_rejected_with_rule_and_record_named(rule, record):
    messages = rejected(record)
    assert len(messages) == 1
    assert messages[0].startswith(f"[{rule}] "), messages
    assert "doc_id='d1'" in messages[0]  # the record is named
    fact_errors = check_record(record)[1]
    assert fact_errors == messages


#: (rule id, the broken record); rules checked per field (pydantic's own or a field validator)
FIELD_RULES = [
    ("kind-closed-list", rec(kind="foo")),
    ("kind-closed-list", rec(kind="Count")),
    ("qualifier-closed-list", rec(qualifier="about")),
    ("unit-closed-list", rec(unit="dollars")),
    ("unit-closed-list", rec(kind="percent", value=5, unit="percent", qualifier="exact")),
    ("value-type", rec(value=True)),
    ("value-type", rec(value=None, low=False, high=3, qualifier="vague")),
    ("span-order", rec(span={"start": 15, "end": 12})),
    ("span-order", rec(span={"start": 12, "end": 12}, text="")),
    (("span-order", "span-bounds"), rec(span={"start": -1, "end": 2})),
    ("required-field", {k: v for k, v in rec().items() if k != "span"}),
    ("required-field", {k: v for k, v in rec().items() if k != "kind"}),
    ("field-type", rec(span={"start": "a", "end": 15})),
    ("field-type", rec(span={"start": 12, "end": 15, "length": 3})),
    ("field-type", rec(text=None)),
]


@pytest.mark.parametrize("rule,record", FIELD_RULES,
                         ids=[f"{'|'.join(r) if isinstance(r, tuple) else r}-{i}"
                              for i, (r, _) in enumerate(FIELD_RULES)])
def test_field_rule_is_rejected_with_rule_named(rule, record):
    rules = rule if isinstance(rule, tuple) else (rule,)
    messages = rejected(record)
    assert any(m.startswith(tuple(f"[{r}] " for r in rules)) for m in messages), messages
    assert all(m.startswith("[") for m in messages), messages


@pytest.mark.parametrize("change", [
    {"kind": "foo"}, {"qualifier": "about"}, {"unit": "dollars"}, {"value": True},
    {"span": {"start": 15, "end": 12}},
])
def test_closed_list_and_type_messages_name_the_record(change):
    messages = rejected(rec(**change))
    assert messages and all("doc_id='d1'" in m for m in messages), messages


def test_several_problems_are_all_listed_by_fact_problems():
    fact = Fact.model_construct(**{**rec(), "value": -1, "qualifier": "range",
                                   "span": Span(start=12, end=15)})
    rules = {p.split("]")[0] + "]" for p in fact_problems(fact)}
    assert rules == {"[non-negative]", "[range-bounds]"}


@pytest.mark.parametrize("kind,value", [("date", "٢٠١٣"), ("date", "2013\n"), ("date", " 2013"),
                                        ("time", "T06:00\n"), ("time", "T٠٦:00")])
def test_date_and_time_values_are_ascii_timex(kind, value):
    messages = rejected(rec(kind=kind, value=value, qualifier="exact"))
    assert messages[0].startswith(f"[{kind}-format] ")


# --- the source: text == document[span] ----------------------------------------------

def test_source_problems_accepts_the_true_slice():
    fact = Fact.model_validate(rec())
    assert DOC[12:15] == "500"
    assert source_problems(fact, DOC) == []


@pytest.mark.parametrize("change,rule", [
    ({"text": "600"}, "text-slice"),                                   # text tampered
    ({"span": {"start": 11, "end": 14}, "text": "500"}, "text-slice"),  # span shifted
    ({"span": {"start": 13, "end": 16}, "text": "500"}, "text-slice"),
    ({"span": {"start": 100, "end": 103}, "text": "500"}, "span-bounds"),  # beyond the end
    ({"span": {"start": len(DOC) - 1, "end": len(DOC) + 2}, "text": "500"}, "span-bounds"),
])
def test_source_problems_detects_tampering(change, rule):
    fact = Fact.model_validate(rec(**change))
    problems = source_problems(fact, DOC)
    assert len(problems) == 1 and problems[0].startswith(f"[{rule}] ")
    _, via_record = check_record(rec(**change), DOC)
    assert via_record == problems


def test_source_problems_counts_code_points_not_bytes():
    doc = "\u200fنحو ٣٬٦ مليون"  # a bidi mark first, Arabic-Indic digits
    start = doc.index("٣")
    fact = Fact.model_validate(rec(value=3600000, qualifier="approximately",
                                   span={"start": start, "end": start + 3}, text="٣٬٦"))
    assert source_problems(fact, doc) == []
    assert source_problems(fact, doc[1:])  # the same text without the mark: offsets are off


@pytest.mark.parametrize("fast", [True, False], ids=["slots", "model_construct"])
def test_trusted_facts_equal_validated_ones_on_both_paths(monkeypatch, fast):
    """The pipeline's unvalidated construction gives the very Fact that
    `model_validate` gives, whether it writes pydantic's slots (on a tested
    pydantic version) or falls back to `model_construct`."""
    import factx.models as models
    if fast and not models.FAST_PATH:
        pytest.fail(f"pydantic {models.pydantic.VERSION} is not in TRUSTED_PYDANTIC: test it and add it")
    monkeypatch.setattr(models, "FAST_PATH", fast)
    text = (ROOT / "seeds" / "000_bcc106d994346498.txt").read_text(encoding="utf-8")
    facts = factx.extract(text, doc_id="d")
    assert facts
    for f in facts:
        again = Fact.model_validate(json.loads(f.model_dump_json()))
        assert again == f and again.model_fields_set == f.model_fields_set
        assert f.model_dump() == again.model_dump()


def test_a_negative_percentage_is_valid_where_the_sign_is_written():
    """SPEC §3 (version 2): a count is never negative, but a percentage, a measure or
    an amount of money is negative where the text writes the sign (−1.2%)."""
    text = "انكمش الاقتصاد بنسبة −1.2%"
    (f,) = factx.extract(text)
    assert (f.kind, f.value, f.text) == ("percent", -1.2, "−1.2%")
    assert Fact.model_validate(json.loads(f.model_dump_json())) == f
