"""Durations: a number of time units (أربعة أعوام، 10 أيام، يومين، ساعة ونصف،
الأيام السبعة الماضية، عدة أيام)."""

from __future__ import annotations

from ..language import morphology
from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .nouns import definite_number, head_before
from .units import unit_after

#: a length of time is never negative: a "-" before it is a dash (a list item)
KINDS = (Kind("duration", quantity=True, nonnegative=True),)


def dual(doc, cand: Candidate) -> Mention | None:
    """يومين، ساعتين، عامين: a dual time noun is the duration two (and a time noun that
    carries another number: ساعة ونصف، يوم واحد، لمدة عام)."""
    u = cand.first.unit
    return cand.mention("duration", unit=u.code) if u is not None and u.kind == "duration" else None


def unit(doc, cand: Candidate) -> Mention | None:
    """أربعة أعوام، 10 أيام: a time unit after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "duration":
        return cand.mention("duration", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None


def adjectival(doc, cand: Candidate) -> Mention | None:
    """الأيام السبعة الماضية: a definite number after a plural time noun."""
    if not definite_number(doc, cand):
        return None
    head = head_before(doc, cand.i, definite_only=True)
    if head is None:
        return None
    u = doc.lex.unit_phrases.get((morphology.strip_definite(doc.toks[head].text)[1],))
    if u is not None and u.kind == "duration" and not u.dual:
        return cand.mention("duration", unit=u.code, unit_span=doc.span_of(head, head + 1))
    return None


RULES = (
    Rule("duration.dual", Phase.QUANTITIES, dual, dual="duration"),
    Rule("duration.unit", Phase.QUANTITIES, unit, unit_after="duration"),
    Rule("duration.adjectival", Phase.QUANTITIES, adjectival),
)
