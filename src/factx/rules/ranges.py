"""Ranges (SPEC §4.4): بين X و Y، من X إلى Y، X إلى Y، X - Y.

Two numerals become one range mention when a range pattern joins them and
X < Y. A multiplier or percent sign written only after Y applies to X too
(بين 3 و4 ملايين = 3–4 million; بين 10 و20% = 10–20%). A unit of money or
measure may be written after X as well (10$-20$، من 10 دولارات إلى 20 دولارا)
or after X alone (من 10 دولارات إلى 20): it applies to both ends — except
after a verb of change, where من X إلى Y are two levels (SPEC §5.2).
"""

from __future__ import annotations

from ..language import morphology
from ..numerals.words import Numeral
from ..text.document import Document
from ..text.tokens import WORD
from .mention import Candidate
from .nouns import entity_after
from .units import unit_after

#: the kinds of unit a range may have written after its first end as well
_FIRST_END_UNITS = frozenset({"money", "measure"})
#: how far back a verb of change makes من X إلى Y two levels
_CHANGE_VERB_WORDS = 6


def opener(doc: Document, i: int):
    """The range-opening phrase ending before token i (بين، ما بين، من; with و/ف glued:
    ومن): (its closing words, first token), or None."""
    return doc.phrase_before(i, doc.lex.range_open, morphology.NO_ARTICLE)


def _join(doc: Document, a: Numeral, b: Numeral, start: int) -> tuple[str, int | None] | None:
    """How a and b are joined by the tokens from `start` (a.j, or the end of a's unit)
    to b: ("open", opener token) or ("bare", None), or None."""
    between = [doc.toks[k].text for k in range(start, b.i)]
    if morphology.WA in morphology.parts_of(b.prefix):     # و glued to the second number: وعشرين
        between.append(morphology.WA_FORM)
    elif b.prefix and not between:                        # من عشرة لعشرين: the closing word glued
        between.append(b.prefix)
    if len(between) != 1 or doc.any_taken(start, b.i):
        return None
    link = between[0]
    op = opener(doc, a.i)
    if op is not None and link in op[0]:
        return "open", op[1]
    if link in doc.lex.range_bare and link not in doc.lex.range_bare_strict and a.digits and b.digits:
        return "bare", None
    return None


def candidates(doc: Document, nums: list[Numeral]) -> list[Candidate]:
    """Quantity candidates in order: single numerals, and pairs joined into ranges."""
    out: list[Candidate] = []
    k = 0
    while k < len(nums):
        a = nums[k]
        b = nums[k + 1] if k + 1 < len(nums) else None
        if b is not None and not a.vague and not b.vague and a.value is not None and b.value is not None \
                and a.unit is None and b.unit is None and not a.fraction and not b.fraction:
            how = _join(doc, a, b, a.j)
            first_unit = None
            if how is None:
                first_unit = _first_end_unit(doc, a, b)
                how = first_unit and _join(doc, a, b, first_unit.end)
                if how and _after_change_verb(doc, a.i if how[1] is None else how[1]):
                    how = None
            if how:
                lo, hi = a.value, b.value
                if b.scale and not a.scale and lo * b.scale < hi:
                    lo = lo * b.scale
                if lo < hi:
                    cand = Candidate(a, b, None, lo, hi, "range", opener=how[1], is_range=True)
                    if b.percent_sign or a.percent_sign:
                        cand.extra["percent"] = True
                    if first_unit is not None and unit_after(doc, b.j) is None:
                        cand.extra["unit"] = (first_unit, a.j)
                    out.append(cand)
                    k += 2
                    continue
        out.append(Candidate.single(a))
        k += 1
    return out


def _first_end_unit(doc: Document, a: Numeral, b: Numeral):
    """The unit of money or measure written after a, when the unit after b (if any)
    is the same: the range's unit (10$-20$، من 10 دولارات إلى 20)."""
    u = unit_after(doc, a.j)
    if u is None or u.unit.kind not in _FIRST_END_UNITS or u.negative:
        return None
    ub = unit_after(doc, b.j)
    if ub is None:                               # من 5 دولارات إلى 10 أشخاص: b counts something else
        return u if entity_after(doc, b.j) is None else None
    return u if ub.code == u.code else None


def _after_change_verb(doc: Document, k: int) -> bool:
    """Does a verb of change stand shortly before token k in its clause (ارتفع السعر من …)?"""
    from .. import predicates       # not at the top: predicates loads the record, which loads the rules
    for t in range(k - 1, max(-1, k - 1 - _CHANGE_VERB_WORDS), -1):
        if doc.toks[t].kind != WORD:
            return False
        hit = predicates.word_entry(doc.toks[t].text)
        if hit is not None and hit[0].change is not None:
            return True
    return False
