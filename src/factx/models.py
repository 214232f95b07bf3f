"""The fact record (SPEC §2) and its validation rules (SPEC §3).

`Fact` is the public, versioned contract: the SPEC fields keep their names and
meaning; everything else (sentence, qualifier and entity spans, rule name) is
an addition a reader may ignore. Every rule violation raises a pydantic
``ValidationError`` whose message starts with the rule's name in brackets, so a
caller can tell which of §3's rules a record broke.
"""

from __future__ import annotations

from typing import Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .language.lexicon import lexicon
from .record import (KINDS, NONNEGATIVE_KINDS, QUALIFIERS, QUANTITY_KINDS, Change, Kind,  # noqa: F401
                     Qualifier, UnitSource, closed_list_problems, slice_problems, value_problems)

#: the unit codes of the unit table (Modern Standard Arabic's; varieties add none)
UNIT_CODES = lexicon().unit_codes

Number = Union[int, float]


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
    # --- fields for comparing sources (SPEC §5.5) ------------------------------
    entity_norm: Optional[str] = Field(
        None, description="base form of the counted noun: singular, no article, clitics or case ending")
    predicate: Optional[str] = Field(
        None, description="the verb or verbal noun saying what happened to the quantity, without proclitics")
    predicate_span: Optional[Span] = Field(None, description="span of `predicate` in the original text")
    change: Optional[Change] = Field(None, description="increase/decrease when the number is the size of a change")
    unit_source: Optional[UnitSource] = Field(
        None, description="text: the unit is written; context: carried over; default: a table default")

    @model_validator(mode="before")
    @classmethod
    def _closed_lists(cls, data):
        """Check the closed lists first, so that their errors name the record too."""
        if not isinstance(data, dict):
            return data
        problems = closed_list_problems(data, UNIT_CODES)
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


def fact_problems(f: Fact) -> list[str]:
    """The §3 rules `f` breaks (without the document), each as ``[rule] message``."""
    return value_problems(f.__dict__)


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
    with `record.value_problems`, and a test compares the result with ``model_validate``.
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
    return slice_problems(f.span.start, f.span.end, f.text, document)
