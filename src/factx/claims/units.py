"""Unit conversion for comparing quantities (`data/conversions.toml`).

Two units compare when they are the same code or lie in one dimension of the
table (km and m, kg and t, day and week). Money has no dimension: currencies
never convert.
"""

from __future__ import annotations

from fractions import Fraction

from ..language.lexicon import lexicon
from ..language.tables import MapOf, Str, Where, load
from .intervals import Interval, exact


def _factor(value, where) -> None:
    """A positive number (how many of the dimension's first unit)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        raise where.error(f"expected a positive number, got {value!r}")


def _unit_code(value, where) -> None:
    if value not in lexicon().unit_codes:
        raise where.error(f"{value!r} is not a unit code of units.toml")


DECLARATION = MapOf(Str(), MapOf(_unit_code, _factor))
_NAME = "conversions.toml"
_T = load(_NAME, DECLARATION)

#: unit code -> (dimension, how many of the dimension's first unit it is)
FACTORS: dict[str, tuple[str, Fraction]] = {}
for _dim, _units in _T.items():
    for _code, _f in _units.items():
        if _code in FACTORS:
            raise Where((_NAME, _dim, _code)).error(f"{_code!r} is already in [{FACTORS[_code][0]}]")
        FACTORS[_code] = (_dim, exact(_f))


def dimension(unit: str | None) -> str | None:
    """The group a unit compares in: its dimension, or the unit itself (None stays None)."""
    if unit is None:
        return None
    hit = FACTORS.get(unit)
    return hit[0] if hit else unit


def convertible(a: str | None, b: str | None) -> bool:
    return a == b or (a in FACTORS and b in FACTORS and FACTORS[a][0] == FACTORS[b][0])


def convert(iv: Interval, unit: str | None, to: str | None) -> Interval | None:
    """`iv` in `unit` expressed in `to`; None when the units do not convert."""
    if unit == to:
        return iv
    if not convertible(unit, to):
        return None
    return iv.scaled(FACTORS[unit][1] / FACTORS[to][1])
