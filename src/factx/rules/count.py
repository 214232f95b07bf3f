"""Counts: how many of something (39 هجوما، ثلاثة ملايين شخص، عشرات المدنيين).

The counted noun (tamyiz) follows the number, possibly after من; it precedes
the number when the number is an adjective: واحد/اثنان (مركز حدودي واحد) and
definite numbers after a definite plural (الدول الثلاث، الهجمات الـ 6).
"""

from __future__ import annotations

from .base import Candidate, Doc, Mention, entity_after, head_before, noun_span

_ADJECTIVAL = frozenset({1, 2})


def match(doc: Doc, cand: Candidate) -> Mention | None:
    num = cand.first
    if num.fraction and not num.scale:                # نصف الطريق: a part, not a count
        return None
    definite = num.definite or doc.tok_text(cand.i - 1) == "ال"
    ent = None
    if (definite and not num.vague) or (not num.digits and num.value in _ADJECTIVAL):
        head = head_before(doc, cand.i, definite_only=definite)
        if head is not None:
            ent = noun_span(doc, head)
    if ent is None:
        ent = entity_after(doc, cand.j)
    return cand.mention("count", "count.vague" if cand.qualifier == "vague" else "count.number", entity=ent)
