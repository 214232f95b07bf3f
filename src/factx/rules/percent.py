"""Percentages: 85%، %85، ٨٥٪، 90 بالمائة، في المئة, and fractions of a group
(نصفهم = 50، ثلث السكان = 33.3…، ثلاثة أرباع السكان = 75)."""

from __future__ import annotations

from fractions import Fraction

from .. import lexicon as L
from ..text.tokens import splits
from .base import Candidate, Doc, Mention, as_number, entity_after, qualifier_before, unit_after


def _of_group(doc: Doc, cand: Candidate) -> Fraction | None:
    num = cand.first
    if cand.first is not cand.last:
        return None
    tok = doc.toks[num.i]
    if num.definite:                                  # الربع الأول، النصف الثاني: a noun, not a share
        return None
    if num.fraction and num.value is not None:
        if num.end < tok.end:                         # نصفهم: a pronoun suffix
            return num.value
        nxt = doc.word(num.j)
        if nxt is not None and (nxt == "من" or any(sp.definite for sp in splits(nxt)[1:])) \
                and unit_after(doc, num.j) is None:
            return num.value
        return None
    # خمس السكان: a word that is also a number, read as a fraction before a definite group
    if num.j == num.i + 1 and not num.digits:
        for sp in splits(tok.text):
            if sp.stem in L.GROUP_FRACTIONS:
                nxt = doc.word(num.j)
                if nxt is not None and nxt.startswith("ال") and unit_after(doc, num.j) is None:
                    return L.GROUP_FRACTIONS[sp.stem]
    return None


def match(doc: Doc, cand: Candidate) -> Mention | None:
    if cand.first.percent_sign or cand.last.percent_sign or cand.extra.get("percent"):
        return cand.mention("percent", "percent.sign", unit="%")
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "percent":
        return cand.mention("percent", "percent.word", unit="%", unit_span=doc.span_of(cand.j, u[2]))
    k = cand.i if cand.opener is None else cand.opener
    if doc.tok_text(k - 1) in ("ال", "ب"):
        k -= 1
    q = qualifier_before(doc, k)
    if q is not None:
        k = q[1]
    if doc.phrase_before(k, L.PERCENT_CUES, 2) is not None and u is None and entity_after(doc, cand.j) is None:
        return cand.mention("percent", "percent.cue", unit="%")
    f = _of_group(doc, cand)
    if f is not None:
        m = cand.mention("percent", "percent.fraction-of-group", unit="%")
        m.value = as_number(f * 100)
        return m
    return None
