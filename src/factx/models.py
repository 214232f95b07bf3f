"""The fact record (SPEC §2) and its validation rules (SPEC §3).

`Fact` is the public, versioned contract: the SPEC fields keep their names and
meaning; everything else (sentence, qualifier and entity spans, rule name) is
an addition a reader may ignore. Every rule violation raises a pydantic
``ValidationError`` whose message starts with the rule's name in brackets, so a
caller can tell which of §3's rules a record broke.
"""

from __future__ import annotations

import calendar
import math
import re
from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .lexicon import UNIT_CODES

Kind = Literal[
    "count", "percent", "money", "measure", "duration", "age",
    "ordinal", "date", "time", "identifier",
]
Qualifier = Literal[
    "exact", "approximately", "more_than", "at_least", "less_than",
    "at_most", "range", "vague",
]

KINDS: tuple[str, ...] = Kind.__args__
QUALIFIERS: tuple[str, ...] = Qualifier.__args__
QUANTITY_KINDS = frozenset({"count", "percent", "money", "measure", "duration", "age"})
NONNEGATIVE_KINDS = frozenset({"count", "percent"})

Number = Union[int, float]

_DATE_RE = re.compile(r"(?P<y>[0-9]{4}|XXXX)(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?")
_TIME_RE = re.compile(r"(?:(?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2}|XXXX-[0-9]{2}-[0-9]{2}))?T(?P<h>[0-9]{2}):(?P<mi>[0-9]{2})")


class Span(BaseModel):
    """Half-open code-point offsets ``[start, end)`` into the original text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int = Field(ge=0, description="first code point, 0-based")
    end: int = Field(ge=1, description="one past the last code point")

    @model_validator(mode="after")
    def _ordered(self) -> "Span":
        if not self.start < self.end:
            raise ValueError(f"[span-order] start {self.start} must be < end {self.end}")
        return self


class Fact(BaseModel):
    """One numeric mention: its kind, value, qualifier, unit, entity and span."""

    model_config = ConfigDict(extra="allow", validate_assignment=False)

    doc_id: Optional[str] = Field(None, description="document id (file name without extension, or the JSONL `id`)")
    kind: Kind
    value: Union[int, float, str, None] = Field(
        None, description="number for numeric kinds, TIMEX3-like string for date/time, digit string for identifier")
    low: Optional[Number] = Field(None, description="lower bound for ranges and vague quantities")
    high: Optional[Number] = Field(None, description="upper bound for ranges and vague quantities")
    qualifier: Qualifier = "exact"
    unit: Optional[str] = Field(None, description="canonical unit code from the unit table")
    entity: Optional[str] = Field(None, description="the counted (or ranked) noun as written, without proclitics")
    span: Span
    text: str = Field(description="exactly document[span.start:span.end]")

    # --- additions to the SPEC record (readers may ignore them) ---------------
    sentence: Optional[Span] = Field(None, description="span of the sentence the mention sits in")
    qualifier_span: Optional[Span] = Field(None, description="span of the qualifier words (أكثر من, نحو …)")
    entity_span: Optional[Span] = Field(None, description="span of `entity` in the original text")
    unit_span: Optional[Span] = Field(None, description="span of the unit word or symbol")
    calendar: Optional[Literal["gregorian", "hijri"]] = Field(None, description="calendar of a date")
    rule: Optional[str] = Field(None, description="name of the extraction rule that produced the fact")

    @model_validator(mode="before")
    @classmethod
    def _closed_lists(cls, data):
        """Check the closed lists first, so that their errors name the record too."""
        if not isinstance(data, dict):
            return data
        problems = []
        if "kind" in data and data["kind"] not in KINDS:
            problems.append(f"[kind-closed-list] unknown kind {data['kind']!r}")
        if "qualifier" in data and data["qualifier"] not in QUALIFIERS:
            problems.append(f"[qualifier-closed-list] unknown qualifier {data['qualifier']!r}")
        unit = data.get("unit")
        if unit is not None and unit not in UNIT_CODES:
            problems.append(f"[unit-closed-list] unknown unit {unit!r}")
        for name in ("value", "low", "high"):
            if isinstance(data.get(name), bool):
                problems.append(f"[value-type] {name} is a boolean, not a number")
        span = data.get("span")
        if isinstance(span, dict) and all(isinstance(span.get(k), int) for k in ("start", "end")) \
                and not 0 <= span["start"] < span["end"]:
            problems.append(f"[span-order] need 0 <= start < end, got {span['start']}-{span['end']}")
        if problems:
            raise ValueError("; ".join(problems) + f" ({_where(data)})")
        return data

    @model_validator(mode="after")
    def _rules(self) -> "Fact":
        problems = fact_problems(self)
        if len(self.text) != self.span.end - self.span.start:
            problems.append(f"[text-length] text has {len(self.text)} code points but the span covers "
                            f"{self.span.end - self.span.start}")
        if problems:
            where = _where({"doc_id": self.doc_id, "span": {"start": self.span.start, "end": self.span.end}})
            raise ValueError(f"{problems[0]} ({where})")
        return self

    @property
    def is_quantity(self) -> bool:
        """True for the kinds a fact-checker checks (count, percent, money …)."""
        return self.kind in QUANTITY_KINDS


def _where(data: dict) -> str:
    """How a message names a record: its doc_id and span."""
    span = data.get("span")
    if isinstance(span, dict):
        return f"record doc_id={data.get('doc_id')!r} span={span.get('start')}-{span.get('end')}"
    if isinstance(span, Span):
        return f"record doc_id={data.get('doc_id')!r} span={span.start}-{span.end}"
    return f"record doc_id={data.get('doc_id')!r}"


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def fact_problems(f: Fact) -> list[str]:
    """The §3 rules `f` breaks (without the document), each as ``[rule] message``."""
    out: list[str] = []
    if f.kind in QUANTITY_KINDS:
        if f.value is not None and not _finite(f.value):
            out.append(f"[quantity-value] {f.kind} value must be a finite number, got {f.value!r}")
        if f.value is None and f.low is None and f.high is None:
            out.append("[quantity-null] value may be null only when low or high is set")
        for name in ("low", "high"):
            b = getattr(f, name)
            if b is not None and not _finite(b):
                out.append(f"[bounds-finite] {name} must be finite")
        if _finite(f.value):
            if f.low is not None and f.low > f.value:
                out.append(f"[bounds-order] low {f.low} > value {f.value}")
            if f.high is not None and f.value > f.high:
                out.append(f"[bounds-order] value {f.value} > high {f.high}")
        if f.kind in NONNEGATIVE_KINDS:
            for name in ("value", "low", "high"):
                b = getattr(f, name)
                if _finite(b) and b < 0:
                    out.append(f"[non-negative] {f.kind} {name} must be >= 0, got {b}")
    if f.low is not None and f.high is not None and _finite(f.low) and _finite(f.high) and f.low > f.high:
        out.append(f"[bounds-order] low {f.low} > high {f.high}")
    if f.qualifier == "range":
        if f.low is None or f.high is None:
            out.append("[range-bounds] qualifier 'range' needs both low and high")
        elif not f.low < f.high:
            out.append(f"[range-bounds] qualifier 'range' needs low < high, got {f.low}, {f.high}")
    if f.qualifier == "exact" and f.value is None:
        out.append("[exact-value] qualifier 'exact' needs a value")
    if f.kind == "date" and f.value is not None:
        if not isinstance(f.value, str) or not _valid_date(f.value, hijri=f.calendar == "hijri"):
            out.append(f"[date-format] date value {f.value!r} is not a valid YYYY, YYYY-MM or YYYY-MM-DD (XXXX for an unknown year)")
    if f.kind == "time" and f.value is not None:
        if not isinstance(f.value, str) or not _valid_time(f.value):
            out.append(f"[time-format] time value {f.value!r} is not a valid THH:MM")
    if f.kind == "identifier" and not (isinstance(f.value, str) and f.value):
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
    h, mi = int(m["h"]), int(m["mi"])
    return (h <= 23 and mi <= 59) or (h == 24 and mi == 0)


# BaseModel's slots, set through their descriptors: object.__setattr__ on a model
# class looks the name up through pydantic's metaclass first (3x slower).
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[BaseModel], values: dict) -> BaseModel:
    """Build a `Span` or `Fact` from values the pipeline has already typed, skipping
    pydantic's validation (``model_construct`` does the same, field by field, at
    several times the cost). `values` must hold every field; the caller checks §3
    with `fact_problems`, and a test compares the result with ``model_validate``.
    """
    m = object.__new__(cls)
    _set_dict(m, values)
    _set_fields_set(m, _FIELD_SETS[cls].copy())
    _set_extra(m, {} if cls is Fact else None)       # Fact allows extra fields, Span forbids them
    _set_private(m, None)
    return m


_FIELD_SETS = {cls: set(cls.model_fields) for cls in (Fact, Span)}


def source_problems(f: Fact, document: str) -> list[str]:
    """The §3 rules `f` breaks against its source `document`."""
    out = []
    if not 0 <= f.span.start < f.span.end <= len(document):
        out.append(f"[span-bounds] span {f.span.start}-{f.span.end} is outside the document (length {len(document)})")
    elif document[f.span.start:f.span.end] != f.text:
        out.append(f"[text-slice] text {f.text!r} != document slice {document[f.span.start:f.span.end]!r}")
    return out
