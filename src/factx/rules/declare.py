"""How a rule module declares itself: its kinds, its rules and their phases.

Every kind module lists, like Duckling's `Rules.hs`, the named rules it
contributes, in the order they are tried. A rule is one of two units:

* a `Finder` looks over the whole document for a shape (a date, a phone
  number, an ordinal word): ``find(doc) -> iterable of Mention``; its mentions
  take their tokens, so no later rule reads them;
* a `Rule` types one candidate (a numeral, or a range of two):
  ``match(doc, candidate) -> Mention | None``; the first rule of the phase
  whose proposal the guards let stand wins.

The phase says when a unit runs; `PHASES` is their order. The pipeline writes
each mention's `rule` field from the unit that made it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, NamedTuple


class Phase(Enum):
    """The phases of extraction, in the order they run (see `PHASES`)."""

    CALENDAR = "calendar"            # dates and clock times take their tokens first
    SHAPES = "shapes"                # identifiers by shape, compound ordinals
    NUMERALS = "numerals"            # the numeral reader and its guards (no rules)
    NON_QUANTITIES = "non-quantities"  # a numeral that names, dates or ranks (القرار 2254، عام 2017، الـ 44)
    RANGES = "ranges"                # numerals paired into ranges (no rules)
    QUANTITIES = "quantities"        # what a quantity counts: percent, money, measure, duration, age, count
    ORDINAL_WORDS = "ordinal-words"  # ordinal words on the tokens left
    QUALIFIERS = "qualifiers"        # qualifiers attach to the quantities they bound (no rules)


PHASES: tuple[Phase, ...] = tuple(Phase)
FINDER_PHASES = frozenset({Phase.CALENDAR, Phase.SHAPES, Phase.ORDINAL_WORDS})
RULE_PHASES = frozenset({Phase.NON_QUANTITIES, Phase.QUANTITIES})


class Kind(NamedTuple):
    """A fact kind: its name, and whether it is a quantity (and may be negative)."""

    name: str
    quantity: bool
    nonnegative: bool = False


class Finder(NamedTuple):
    """A named rule that finds mentions of one shape over the whole document.

    `also` names the further rules its mentions may carry (a finder that makes
    two mentions of one phrase, such as the first day of "من 1 إلى 7 مايو").
    """

    name: str
    phase: Phase
    find: Callable[[Any], Iterable[Any]]
    also: tuple[str, ...] = ()


class Rule(NamedTuple):
    """A named rule that types one candidate, or declines (None).

    `unit_after`, `dual` and `digits` are its pattern, when it has one: the kind
    of unit that must be written after the candidate (دولار → "money"), the kind
    of dual unit noun the candidate must be (يومين → "duration"), and whether its
    number is written in digits (True) or in words (False). The pipeline looks
    these up once per candidate and tries only the rules it fits.
    """

    name: str
    phase: Phase
    match: Callable[[Any, Any], Any]
    unit_after: str | None = None
    dual: str | None = None
    digits: bool | None = None
