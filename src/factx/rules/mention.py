"""What rules read and what they propose: candidates and mentions.

A `Candidate` is a quantity to type: one numeral, or two joined into a range.
A `Mention` is a rule's proposal, in normalised offsets; once the guards let it
stand, the pipeline maps it back to the original text and makes it a record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..numerals.words import Numeral


@dataclass(slots=True)
class Mention:
    """A typed mention in normalised offsets, before it becomes a record."""

    kind: str
    start: int
    end: int
    value: object = None
    low: object = None
    high: object = None
    qualifier: str = "exact"
    unit: str | None = None
    entity: tuple[int, int] | None = None          # normalised span of the counted noun
    qualifier_span: tuple[int, int] | None = None
    unit_span: tuple[int, int] | None = None
    calendar: str | None = None
    rule: str = ""                                 # set by the pipeline from the rule's declaration


def as_number(x: Fraction | None):
    """Exact int where integral, else float (JSON has no fractions)."""
    if x is None:
        return None
    if x.denominator == 1:
        return int(x)
    return float(x)


@dataclass(slots=True)
class Candidate:
    """A quantity to type: one numeral, or two joined into a range."""

    first: Numeral
    last: Numeral
    value: Fraction | None
    low: Fraction | None = None
    high: Fraction | None = None
    qualifier: str = "exact"
    opener: int | None = None            # token of بين / من opening a range
    extra: dict = field(default_factory=dict)

    @property
    def i(self) -> int:
        return self.first.i

    @property
    def j(self) -> int:
        return self.last.j

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end

    @property
    def is_range(self) -> bool:
        return self.first is not self.last

    def mention(self, kind: str, **kw) -> Mention:
        return Mention(kind, self.start, self.end, as_number(self.value), as_number(self.low),
                       as_number(self.high), self.qualifier, **kw)

    @classmethod
    def single(cls, num: Numeral) -> "Candidate":
        return cls(num, num, num.value, num.low, num.high, "vague" if num.vague else "exact")
