"""The interval a quantity stands for (SPEC §5.5), and how two intervals relate.

`exact` v → [v, v]; `approximately` v → [0.9 v, 1.1 v]; `more_than` v → (v, ∞);
`at_least` v → [v, ∞); `less_than` v → [0, v); `at_most` v → [0, v]; `range` and
`vague` → [low, high]. Below 0 is open only for money and measures, where a
negative value makes sense (a balance, a temperature). Bounds are exact
fractions, so a fact is always inside its own interval and open ends are
honoured (more_than 600 and exact 600 are disjoint).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

#: kinds whose values may be negative: "less than v" is open below for them
SIGNED_KINDS = frozenset({"money", "measure"})
_APPROX_LOW, _APPROX_HIGH = Fraction(9, 10), Fraction(11, 10)

SUPPORTED, CONTRADICTED, COMPATIBLE = "supported", "contradicted", "compatible"


@dataclass(frozen=True, slots=True)
class Interval:
    """An interval of the real line; None for an infinite end (which is always open)."""

    low: Fraction | None
    high: Fraction | None
    low_open: bool = False
    high_open: bool = False

    def __post_init__(self):
        if self.low is None:
            object.__setattr__(self, "low_open", True)
        if self.high is None:
            object.__setattr__(self, "high_open", True)
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"empty interval: {self.low} > {self.high}")

    def contains(self, other: Interval) -> bool:
        """Is `other` a subset of this interval?"""
        return _below_or_at(self.low, self.low_open, other.low, other.low_open, lower=True) and \
            _below_or_at(other.high, other.high_open, self.high, self.high_open, lower=False)

    def overlaps(self, other: Interval) -> bool:
        """Do the two intervals share a point?"""
        return _meet(self.low, self.low_open, other.high, other.high_open) and \
            _meet(other.low, other.low_open, self.high, self.high_open)

    def scaled(self, factor: Fraction) -> Interval:
        """The interval in a unit `factor` times smaller (factor > 0)."""
        return Interval(None if self.low is None else self.low * factor,
                        None if self.high is None else self.high * factor, self.low_open, self.high_open)

    def as_json(self) -> list[float | int | None]:
        """[low, high] as JSON numbers, null for an infinite end."""
        return [_number(self.low), _number(self.high)]

    def __str__(self) -> str:
        lo = "-∞" if self.low is None else _show(self.low)
        hi = "∞" if self.high is None else _show(self.high)
        return f"{'(' if self.low_open else '['}{lo}, {hi}{')' if self.high_open else ']'}"


def _below_or_at(a, a_open, b, b_open, lower: bool) -> bool:
    """For lower ends: does end a start at or before end b? For upper ends: does a
    end at or before b? (None is -∞ for a lower end and +∞ for an upper one.)"""
    if lower:
        if a is None:
            return True
        if b is None:
            return False
        return a < b or (a == b and (not a_open or b_open))
    if b is None:
        return True
    if a is None:
        return False
    return a < b or (a == b and (not b_open or a_open))


def _meet(low, low_open, high, high_open) -> bool:
    """Is a lower end at or below an upper end, so that the two share a point?"""
    if low is None or high is None:
        return True
    return low < high or (low == high and not low_open and not high_open)


def _number(x: Fraction | None):
    if x is None:
        return None
    return int(x) if x.denominator == 1 else float(x)


def _show(x: Fraction) -> str:
    n = _number(x)
    return f"{n:g}" if isinstance(n, float) else str(n)


def exact(x: Any) -> Fraction | None:
    """A JSON number as an exact fraction (a float by its shortest decimal: 0.1 → 1/10)."""
    if x is None or isinstance(x, bool) or not isinstance(x, (int, float)):
        return None
    return Fraction(x) if isinstance(x, int) else Fraction(repr(x))


def interval_of(record: Any) -> Interval | None:
    """The interval of a quantity record (a dict, or an object with its fields),
    or None when its value and bounds do not give one."""
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k, None)
    q, kind = get("qualifier"), get("kind")
    v, lo, hi = exact(get("value")), exact(get("low")), exact(get("high"))
    floor = None if kind in SIGNED_KINDS else Fraction(0)
    if q in ("range", "vague"):
        lo, hi = (v if lo is None else lo), (v if hi is None else hi)
        return None if lo is None or hi is None or lo > hi else Interval(lo, hi)
    if q == "exact":
        return None if v is None else Interval(v, v)
    if q == "approximately":
        a, b = (v, v) if v is not None else (lo, hi)
        if a is None or b is None:
            return None
        ends = sorted((a * _APPROX_LOW, a * _APPROX_HIGH, b * _APPROX_LOW, b * _APPROX_HIGH))
        return Interval(ends[0], ends[-1])
    if q in ("more_than", "at_least"):
        base = v if v is not None else lo
        return None if base is None else Interval(base, None, low_open=q == "more_than")
    if q in ("less_than", "at_most"):
        base = v if v is not None else hi
        if base is None:
            return None
        if floor is not None and base < floor:
            floor = None
        if q == "less_than" and floor == base:        # fewer than 0 of something: no interval at all
            return None
        return Interval(floor, base, high_open=q == "less_than")
    return None


def relation(claim: Interval, fact: Interval) -> str:
    """What a fact says of a claim: inside it → supported, disjoint → contradicted,
    overlapping → compatible."""
    if claim.contains(fact):
        return SUPPORTED
    if not claim.overlaps(fact):
        return CONTRADICTED
    return COMPATIBLE
