"""Ages: a person's age (محمد العموري، 53 عاماً; يبلغ من العمر 53 عاما; طفل في
العاشرة من عمره is an ordinal, في العشرين من عمره an age)."""

from __future__ import annotations

from ..language import morphology
from ..text.tokens import COMMAS
from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .units import unit_after

KINDS = (Kind("age", quantity=True),)

#: what sets a year count apart after a name: commas or brackets on both sides
_OPENING, _CLOSING = COMMAS | {"("}, COMMAS | {")"}


def _is_age(doc, cand: Candidate, end: int) -> bool:
    """A year count is an age next to an age cue, or set off by commas after a name."""
    lex = doc.lex
    for k in range(max(0, cand.i - 4), cand.i):
        w = doc.word(k)
        if w is not None and any(sp.stem in lex.age_cues for sp in morphology.splits(w)):
            return True
    if doc.phrase_at(end, lex.age_after) is not None:
        return True
    name_before = doc.word(cand.i - 2) is not None
    return doc.tok_text(cand.i - 1) in _OPENING and doc.tok_text(end) in _CLOSING and name_before


def unit(doc, cand: Candidate) -> Mention | None:
    """53 عاما next to an age cue or after a name set off by commas."""
    if cand.first.unit is not None:                   # a dual (عامين) is a duration
        return None
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "duration" and u[1] == "year" and _is_age(doc, cand, u[2]):
        return cand.mention("age", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None


def phrase(doc, cand: Candidate) -> Mention | None:
    """في العشرين من عمره: an age phrase right after the number."""
    if cand.first.unit is not None or doc.phrase_at(cand.j, doc.lex.age_after) is None:
        return None
    return cand.mention("age", unit="year")


RULES = (
    Rule("age.unit", Phase.QUANTITIES, unit),
    Rule("age.phrase", Phase.QUANTITIES, phrase),
)
