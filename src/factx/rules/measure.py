"""Physical measures: a number with a unit of length, area, mass, volume or
temperature (10 كم، 5 أطنان، مترين)."""

from __future__ import annotations

from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .units import unit_after

KINDS = (Kind("measure", quantity=True),)


def dual(doc, cand: Candidate) -> Mention | None:
    """مترين، طنين: a dual unit noun is the measure two."""
    u = cand.first.unit
    return cand.mention("measure", unit=u.code) if u is not None and u.kind == "measure" else None


def unit(doc, cand: Candidate) -> Mention | None:
    """10 كم، 5 أطنان، 3 كم2: a unit of measure after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "measure":
        return cand.mention("measure", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None


RULES = (
    Rule("measure.dual", Phase.QUANTITIES, dual),
    Rule("measure.unit", Phase.QUANTITIES, unit),
)
