"""Ratios (SPEC §5.1): two numbers joined by من، من كل، لكل make one share —
3 من 10 (30 %), واحد من كل خمسة أطفال (20 %), 37 لكل 100 ألف (0.037 %).

The pairing runs on the candidates after the ranges are made; the percent rules
type the pair (`percent.ratio`).
"""

from __future__ import annotations

from fractions import Fraction

from ..text.document import Document
from .mention import Candidate, join_pairs


def pair(doc: Document, cands: list[Candidate]) -> list[Candidate]:
    """`cands` with each ratio of two neighbouring single numbers joined into one."""
    def ratio(a: Candidate, b: Candidate) -> Candidate | None:
        r = _ratio(doc, a, b)
        return None if r is None else Candidate(a.first, b.last, a.value, qualifier="exact", extra={"ratio": r})
    return join_pairs(cands, ratio)


def _ratio(doc: Document, a: Candidate, b: Candidate) -> Fraction | None:
    if not 0 < b.i - a.j <= doc.lex.ratio_link_length or a.is_range or b.is_range or a.qualifier != "exact" or b.qualifier != "exact":
        return None
    if a.value is None or b.value is None or a.first.fraction or b.first.fraction or not b.value:
        return None
    if a.first.percent_sign or b.first.percent_sign:       # إلى 4.8% من 6.1%: two levels, no ratio
        return None
    between = tuple(doc.toks[m].text for m in range(a.j, b.i))
    if between not in doc.lex.ratio_links or doc.any_taken(a.j, b.i) or a.value > b.value:
        return None
    return Fraction(a.value) / Fraction(b.value)
