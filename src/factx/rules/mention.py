"""What rules read and what they propose: candidates and mentions.

A `Candidate` is a quantity to type: one numeral, or two joined into a range.
A `Mention` is a rule's proposal, in normalised offsets; once the guards let it
stand, the pipeline maps it back to the original text and makes it a record.
"""

from __future__ import annotations

from dataclasses import dataclass
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
    # what the quantity is about (SPEC §5.5), set by rules.about.describe
    entity_norm: str | None = None
    predicate: tuple[int, int] | None = None        # normalised span of the predicate
    change: str | None = None
    unit_source: str | None = None


def join_pairs(items: list, join, single=None) -> list:
    """`items` in order, each two neighbours that `join(a, b)` makes one thing (not None)
    replaced by it, and the others by `single(item)` (default: themselves)."""
    out: list = []
    k = 0
    while k < len(items):
        a = items[k]
        joined = join(a, items[k + 1]) if k + 1 < len(items) else None
        if joined is not None:
            out.append(joined)
            k += 2
        else:
            out.append(a if single is None else single(a))
            k += 1
    return out


def as_number(x: int | Fraction | None):
    """Exact int where integral, else float (JSON has no fractions)."""
    if x is None or type(x) is int:
        return x
    if x.denominator == 1:
        return int(x)
    return float(x)


class Candidate:
    """A quantity to type: one numeral, or two joined into a range (or a ratio)."""

    __slots__ = ("first", "last", "value", "low", "high", "qualifier", "opener", "extra", "is_range",
                 "i", "j", "start", "end")

    def __init__(self, first: Numeral, last: Numeral, value, low=None, high=None, qualifier: str = "exact",
                 opener: int | None = None, extra: dict | None = None, is_range: bool = False):
        self.first, self.last, self.value, self.low, self.high = first, last, value, low, high
        self.qualifier = qualifier
        self.opener = opener                 # token of بين / من opening a range
        self.extra = {} if extra is None else extra
        self.is_range = is_range
        #: token range [i, j) and normalised span [start, end) of the candidate
        self.i, self.j, self.start, self.end = first.i, last.j, first.start, last.end

    def mention(self, kind: str, **kw) -> Mention:
        return Mention(kind, self.start, self.end, as_number(self.value), as_number(self.low),
                       as_number(self.high), self.qualifier, **kw)

    @classmethod
    def single(cls, num: Numeral) -> "Candidate":
        return cls(num, num, num.value, num.low, num.high, "vague" if num.vague else "exact")
