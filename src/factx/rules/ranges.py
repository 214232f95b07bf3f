"""Ranges (SPEC §4.4): بين X و Y، من X إلى Y، X إلى Y، X - Y.

Two numerals become one range mention when a range pattern joins them and
X < Y. A multiplier or percent sign written only after Y applies to X too
(بين 3 و4 ملايين = 3–4 million; بين 10 و20% = 10–20%).
"""

from __future__ import annotations

from ..language import morphology
from ..numerals.words import Numeral
from ..text.document import Document
from .mention import Candidate


def opener(doc: Document, i: int):
    """The range-opening phrase ending before token i (بين، ما بين، من; with و/ف glued:
    ومن): (its closing words, first token), or None."""
    return doc.phrase_before(i, doc.lex.range_open, morphology.NO_ARTICLE)


def _join(doc: Document, a: Numeral, b: Numeral) -> tuple[str, int | None] | None:
    """How a and b are joined: ("open", opener token) or ("bare", None), or None."""
    between = [doc.toks[k].text for k in range(a.j, b.i)]
    if morphology.WA in morphology.parts_of(b.prefix):     # و glued to the second number: وعشرين
        between.append(morphology.WA_FORM)
    if len(between) != 1 or doc.any_taken(a.j, b.i):
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
            how = _join(doc, a, b)
            if how is not None:
                lo, hi = a.value, b.value
                if b.scale and not a.scale and lo * b.scale < hi:
                    lo = lo * b.scale
                if lo < hi:
                    cand = Candidate(a, b, None, lo, hi, "range", opener=how[1])
                    if b.percent_sign or a.percent_sign:
                        cand.extra["percent"] = True
                    out.append(cand)
                    k += 2
                    continue
        out.append(Candidate.single(a))
        k += 1
    return out
