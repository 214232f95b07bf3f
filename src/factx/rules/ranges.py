"""Ranges (SPEC §4.4): بين X و Y، من X إلى Y، X إلى Y، X - Y.

Two numerals become one range mention when a range pattern joins them and
X < Y. A multiplier or percent sign written only after Y applies to X too
(بين 3 و4 ملايين = 3–4 million; بين 10 و20% = 10–20%).
"""

from __future__ import annotations

from .. import lexicon as L
from ..numerals.words import Numeral
from .base import Candidate, Doc


def _opener(doc: Doc, i: int):
    """The range-opening phrase ending before token i (بين، ما بين، من; with و/ف glued:
    ومن): (its closing words, first token), or None."""
    return doc.phrase_before(i, L.RANGE_OPEN, L.RANGE_OPEN.max_words)


def _join(doc: Doc, a: Numeral, b: Numeral) -> tuple[str, int | None] | None:
    """How a and b are joined: ("open", opener token) or ("bare", None), or None."""
    between = [doc.toks[k].text for k in range(a.j, b.i)]
    if b.prefix.startswith("و"):
        between.append("و")
    if len(between) != 1 or any(doc.blocked[k] for k in range(a.j, b.i)):
        return None
    link = between[0]
    op = _opener(doc, a.i)
    if op is not None and link in op[0]:
        return "open", op[1]
    if link in L.RANGE_BARE and link not in L.RANGE_BARE_STRICT and a.digits and b.digits:
        return "bare", None
    return None


def candidates(doc: Doc, nums: list[Numeral]) -> list[Candidate]:
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
        out.append(Candidate(a, a, a.value, a.low, a.high, "vague" if a.vague else "exact"))
        k += 1
    return out
