"""When two quantity records speak of the same thing (issue 12's matching rule).

Two records match when they have the same kind, units that compare
(`units.convertible`), the same `change`, the same predicate family, and,
where both name a counted noun, nouns of one class (`lemmas.entity_class`:
شخص، مدني، نسمة are people). Where either names none, both must have a family.

The family of a record is its predicate's (قتل، مقتل، لقي حتفه → kill). A
reporting or copular predicate (بلغ، وصل، سجل، البالغ عددهم، يعيش), and a verb of
change that states a level (ارتفع عدد القتلى إلى 40), says nothing of what
happened: there the counted noun decides (قتلى → kill, نازحين → displace), and
a plain noun (شخص، مدني) leaves the record without a family, like a record
without predicate. So "بلغ عدد القتلى 40" matches "قتل 40 شخصا", and a count of
people of which nothing is said never matches a count of people killed.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from .. import lemmas, predicates
from . import units


class About(NamedTuple):
    """What a quantity record is about, as matching compares it."""

    kind: str
    unit: str | None
    entity_class: str | None
    family: str | None          # predicate family, or the counted noun's; None: nothing said
    change: str | None


def about(record: Any) -> About:
    """The `About` of a record (a dict, or an object with the record's fields)."""
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k, None)
    change = get("change")
    family = predicates.family_of(get("predicate"))
    if family == predicates.ANY or (change is None and predicates.FAMILIES.get(family)):
        family = None
    base = get("entity_norm")
    if family is None or family in predicates.YIELDING:
        family = lemmas.status_family(base) or family
    return About(get("kind"), get("unit"), lemmas.entity_class(base), family, change)


def same_thing(a: About, b: About) -> bool:
    """Do two records speak of the same thing? (symmetric)"""
    if a.kind != b.kind or a.change != b.change or a.family != b.family \
            or not units.convertible(a.unit, b.unit):
        return False
    if a.entity_class is not None and b.entity_class is not None:
        return a.entity_class == b.entity_class
    return a.family is not None


def group_key(a: About) -> tuple | None:
    """What `factx compare` groups by; None for a record with neither noun nor family."""
    if a.entity_class is None and a.family is None:
        return None
    return a.kind, units.dimension(a.unit), a.entity_class, a.family, a.change
