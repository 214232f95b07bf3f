"""Physical measures: a number with a unit of length, area, mass or volume (10 كم، 5 أطنان)."""

from __future__ import annotations

from .base import Candidate, Doc, Mention, unit_after


def match(doc: Doc, cand: Candidate) -> Mention | None:
    if cand.first.unit is not None and cand.first.unit.kind == "measure":    # مترين
        return cand.mention("measure", "measure.dual", unit=cand.first.unit.code)
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "measure":
        return cand.mention("measure", "measure.unit", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None
