"""Units and currencies written with a number: the words, codes and symbols of
`data/units.toml` after the number (دولار، كم، كم2، KWD، ج.م), a currency
adjective that refines them (ليرة تركية → TRY), and symbols before it ($5).
"""

from __future__ import annotations

from ..language import morphology
from ..text.document import Document


def unit_after(doc: Document, j: int):
    """A unit phrase or symbol starting at token j: (Unit, canonical code, end token).

    Every quantity rule asks for the unit after its number; the answer is kept
    per document.
    """
    memo = doc.memo.setdefault("unit_after", {})
    try:
        return memo[j]
    except KeyError:
        hit = memo[j] = _unit_after(doc, j)
        return hit


def _unit_after(doc: Document, j: int):
    if j >= doc.n or doc.taken[j]:
        return None
    lex = doc.lex
    hit = doc.phrase_at(j, lex.unit_phrases)
    if hit is None:
        sym = doc.phrase_at(j, lex.unit_symbols)
        if sym is None or sym[0].kind == "percent":
            return None
        return sym[0], sym[0].code, sym[1]
    unit, end = hit
    code = unit.code
    if unit.adjectives:
        adj = doc.word(end)
        if adj is not None:
            stem = morphology.strip_definite(adj)[1]
            for form, c in unit.adjectives:
                if stem == form or _feminine_of(stem, form) or _feminine_of(form, stem):
                    code, end = c, end + 1
                    break
    return unit, code, end


def _feminine_of(word: str, base: str) -> bool:
    """سورية is سوري with a feminine ending (the adjective agrees with ليرة)."""
    return any(word == base + e for e in morphology.FEMININE_ENDINGS)


def symbol_before(doc: Document, i: int):
    """A currency symbol written just before the digits ($100، US$ 5): (Unit, first token)."""
    hit = doc.phrase_before(i, doc.lex.unit_symbols)
    if hit is not None and hit[0].kind == "money":
        return hit
    return None
