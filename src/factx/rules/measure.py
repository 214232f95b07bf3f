"""Physical measures: a number with a unit of length, area, volume, mass, speed or
temperature (10 كم، 5 أطنان، مترين، 40 كم/ساعة، 3 درجات تحت الصفر), a magnitude
with no unit of the table (4.5 درجات على مقياس ريختر), and a bare number that a
cue before it makes a measure (درجات الحرارة … العظمى 24 → degC)."""

from __future__ import annotations

from ..language import morphology
from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .nouns import entity_after
from .units import cue_end, dual_mention, unit_after, unit_mention

KINDS = (Kind("measure", quantity=True),)


def dual(doc, cand: Candidate) -> Mention | None:
    """مترين، طنين، لترين، درجتين تحت الصفر: a dual unit noun is the measure two (and
    لتر ونصف، أقل من متر: `units.dual_mention`)."""
    return dual_mention(doc, cand, "measure")


def unit(doc, cand: Candidate) -> Mention | None:
    """10 كم، 5 أطنان، 3 كم2، 40 كم/ساعة، 39.5 درجة: a unit of measure after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u.unit.kind == "measure":
        return unit_mention(doc, cand, "measure", u)
    return None


def cue(doc, cand: Candidate) -> Mention | None:
    """بلغت درجة الحرارة صفراً، العظمى 24 والصغرى 15: a bare number right after a cue
    of a unit (data/units.toml `cues`) is a measure in that unit (unit_source "context")."""
    hit = doc.phrase_before(cue_end(doc, cand), doc.lex.unit_cues, morphology.NO_ARTICLE)
    if hit is None or hit[0].kind != "measure" or unit_after(doc, cand.j) is not None:
        return None
    nxt = doc.word(cand.j)            # what it counts, unless the next word opens a clause of its own (والصغرى 15)
    if entity_after(doc, cand.j) is not None and not morphology.readings(nxt or "", morphology.ANY,
                                                                          morphology.WA_REQUIRED):
        return None
    return cand.mention("measure", unit=hit[0].code)


RULES = (
    Rule("measure.dual", Phase.QUANTITIES, dual, dual="measure"),
    Rule("measure.unit", Phase.QUANTITIES, unit, unit_after="measure"),
    Rule("measure.cue", Phase.QUANTITIES, cue),
)
