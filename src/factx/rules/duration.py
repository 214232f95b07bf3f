"""Durations and ages: a number of time units (أربعة أعوام، 10 أيام، يومين،
الأيام السبعة الماضية، عدة أيام), and a person's age (محمد العموري، 53 عاماً;
يبلغ من العمر 53 عاما)."""

from __future__ import annotations

from .. import lexicon as L
from ..text.tokens import splits, strip_definite
from .base import Candidate, Doc, Mention, head_before, unit_after


def _is_age(doc: Doc, cand: Candidate, end: int) -> bool:
    """A year count is an age next to an age cue, or set off by commas after a name."""
    for k in range(max(0, cand.i - 4), cand.i):
        w = doc.word(k)
        if w is not None and any(sp.stem in L.AGE_CUES for sp in splits(w)):
            return True
    if doc.phrase_at(end, L.AGE_AFTER, 3) is not None:
        return True
    before = doc.tok_text(cand.i - 1)
    after = doc.tok_text(end)
    name_before = doc.word(cand.i - 2) is not None
    return before in ("،", ",", "(") and after in ("،", ",", ")") and name_before


def match(doc: Doc, cand: Candidate) -> Mention | None:
    num = cand.first
    if num.unit is not None and num.unit.kind == "duration":                 # يومين
        return cand.mention("duration", "duration.dual", unit=num.unit.code)
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "duration":
        kind = "age" if u[1] == "year" and _is_age(doc, cand, u[2]) else "duration"
        return cand.mention(kind, f"{kind}.unit", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    # في العشرين من عمره: an age phrase right after the number
    if doc.phrase_at(cand.j, L.AGE_AFTER, 3) is not None:
        return cand.mention("age", "age.phrase", unit="year")
    # الأيام السبعة الماضية: a definite number after a plural time noun
    if num.definite or doc.tok_text(cand.i - 1) == "ال":
        head = head_before(doc, cand.i, definite_only=True)
        if head is not None:
            unit = L.UNIT_PHRASES.get((strip_definite(doc.toks[head].text)[1],))
            if unit is not None and unit.kind == "duration" and not unit.dual:
                return cand.mention("duration", "duration.adjectival", unit=unit.code,
                                    unit_span=doc.span_of(head, head + 1))
    return None
