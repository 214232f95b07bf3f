"""Money: an amount with a currency word or symbol (100 مليون دولار، $5، 50 ليرة تركية)."""

from __future__ import annotations

from .base import Candidate, Doc, Mention, symbol_before, unit_after


def match(doc: Doc, cand: Candidate) -> Mention | None:
    if cand.first.unit is not None and cand.first.unit.kind == "money":      # دولارين
        return cand.mention("money", "money.dual", unit=cand.first.unit.code)
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "money":
        return cand.mention("money", "money.unit", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    s = symbol_before(doc, cand.i)
    if s is not None and doc.toks[cand.i].start - doc.toks[s[1]].end <= 1:
        return cand.mention("money", "money.symbol", unit=s[0].code, unit_span=doc.span_of(s[1], s[1] + 1))
    return None
