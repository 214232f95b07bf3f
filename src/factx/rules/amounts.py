"""Composite amounts (SPEC §5.3): an amount of a main currency and an amount of its
sub-unit, joined by و or written side by side, are one money mention —
20 دولاراً و43 سنتاً = 20.43 USD, سبعة دولار وخمسون سنت = 7.50 USD, 20$ 43c.

`join` runs on the quantity candidates (after `ranges.candidates`): each pair it
joins becomes one candidate whose value is the main amount plus the sub-unit
amount in the main unit, from the main number to the sub-unit's number; the
`money.composite` rule types it with the main unit (its span and its code).
Which sub-unit belongs to which currency, and its worth, is the `of` table of
a [[subunit]] in data/units.toml.
"""

from __future__ import annotations

from fractions import Fraction

from ..language import morphology
from ..text.document import Document
from .mention import Candidate, join_pairs
from .units import TEXT, unit_after


def join(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """`cands` with every main amount and the sub-unit amount after it made one candidate."""
    toks, n, first = doc.toks, doc.n, doc.lex.subunit_first
    if not any(c.j < n and toks[c.j].text in first for c in cands):    # no sub-unit written: most texts
        return cands
    return join_pairs(cands, lambda a, b: _joined(doc, a, b))


def _joined(doc: Document, a: Candidate, b: Candidate) -> Candidate | None:
    if a.is_range or b.is_range or a.value is None or b.value is None or a.first.unit or b.first.unit:
        return None
    main = unit_after(doc, a.j)
    if main is None or main.unit.kind != "money" or main.unit.per or main.negative:
        return None
    between = main.end
    if between < b.i and doc.tok_text(between) in morphology.DETACHED_WA:
        between += 1
    if between != b.i:
        return None
    sub = unit_after(doc, b.j)
    if sub is None or not sub.unit.per:
        return None
    of = dict(sub.unit.per)
    # a sub-unit of one of the currencies an open word names settles it: ريال و33 هللة is SAR
    codes = (main.unit.names if main.unit.ambiguous and main.source != TEXT else {main.code}) & of.keys()
    code = main.code if main.code in codes else min(codes) if len(codes) == 1 else None
    if code is None or not 0 < b.value < of[code] or b.value.denominator != 1:
        return None
    if len(codes) == 1 and main.unit.ambiguous:
        main = main._replace(code=code, source=TEXT)
    per = of[code]
    c = Candidate(a.first, b.last, a.value + Fraction(b.value) / per, qualifier=a.qualifier, opener=a.opener)
    c.extra["composite"] = (main, a.j)
    return c
