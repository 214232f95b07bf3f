"""Ordinals: ranks and positions (الفرقة الرابعة، القرن الحادي والعشرين، الـ 44،
أول مرحلة). The entity is the ranked noun: before the ordinal when it is an
adjective, after it when the ordinal is in construct (أول مرحلة، أولى هذه العقبات).
"""

from __future__ import annotations

from functools import lru_cache

from .. import lexicon as L
from ..numerals.words import Numeral
from ..text.tokens import WORD, splits, strip_definite
from .base import Doc, Mention, entity_after, head_before, looks_plural, noun_like, noun_span, unit_after

_FIRST = frozenset({"اول", "اولي"})


@lru_cache(maxsize=65536)
def _ordinal_word(w: str):
    for sp in splits(w):
        if sp.stem in L.ORDINALS and sp.prefix in ("", "ال", "و", "وال", "ب", "بال", "ل", "لل", "ك", "ف", "فال"):
            return sp
    return None


def find_compounds(doc: Doc) -> list[Mention]:
    """Compound ordinals (الحادي عشر، الحادي والعشرين), read before cardinals so
    that their tens are not taken for a count; their tokens are blocked."""
    found = find_words(doc, doc.blocked, compound_only=True)
    for m in found:
        doc.block(*doc.tokens_in(m.start, m.end))
    return found


def find_words(doc: Doc, taken: list[bool], compound_only: bool = False) -> list[Mention]:
    """Ordinal words outside numerals and blocked tokens."""
    out: list[Mention] = []
    resume = 0
    for k in doc.anchors:
        if k < resume:
            continue
        w = doc.word(k)
        if w is None or taken[k] or doc.blocked[k]:
            continue
        sp = _ordinal_word(w)
        if sp is None:
            continue
        value = L.ORDINALS[sp.stem]
        start = doc.toks[k].start + len(sp.prefix)
        j = k + 1
        nxt = doc.word(j)
        if nxt in L.TEEN_TENS and value <= 9:                      # الحادي عشر
            value += 10
            j += 1
        elif nxt is not None and value <= 9:                       # الحادي والعشرين
            for sp2 in splits(nxt):
                if sp2.prefix in ("و", "وال") and sp2.stem in L.TENS:
                    value += L.TENS[sp2.stem]
                    j += 1
                    break
        if compound_only and j == k + 1:
            continue
        if sp.stem in _FIRST and not sp.definite:
            after = doc.word(j)
            if after in L.RELATIVE_DAYS:                          # أول أمس: a relative date
                resume = j + 1
                continue
            if sp.stem == "اولي" and not after:
                resume = j
                continue
            m = j
            while doc.word(m) in L.DEMONSTRATIVES:
                m += 1
            ent = entity_after(doc, m) if doc.word(m) not in L.PARTITIVE else None
            out.append(Mention("ordinal", start, doc.toks[j - 1].end, value, entity=ent, rule="ordinal.construct"))
            resume = j
            continue
        if sp.stem == "ثانيه" and not sp.definite:
            # ثانية after a number is the unit "second"; alone it is "second (f.)" only after a noun
            prev = doc.toks[k - 1] if k > 0 else None
            if prev is None or prev.kind != WORD or taken[k - 1]:
                resume = j
                continue
        ent = None
        if not sp.definite and noun_like(doc.word(j)) and not doc.blocked[j]:
            ent = noun_span(doc, j)                                # ثالث هجمة: in construct
        if ent is None:
            gender = "f" if sp.stem.endswith("ه") or sp.stem == "اولي" else "m"
            head = head_before(doc, k, definite_only=sp.definite, gender=gender)
            ent = noun_span(doc, head) if head is not None else None
        out.append(Mention("ordinal", start, doc.toks[j - 1].end, value, entity=ent, rule="ordinal.word"))
        resume = j
    return out


def match_definite_cardinal(doc: Doc, num: Numeral) -> Mention | None:
    """الذكرى الخمسين، القرن العشرين: a definite ten or hundred after a singular
    definite noun ranks it (cardinal forms serve as ordinals from 20 on)."""
    if num.digits or not num.definite or num.value is None or num.value < 20 or num.scale:
        return None
    head = head_before(doc, num.i, definite_only=True)
    if head is None or looks_plural(doc.toks[head].text):
        return None
    stem = strip_definite(doc.toks[head].text)[1]
    if stem not in L.RANKED_NOUNS and not stem.endswith("ه"):
        return None
    return Mention("ordinal", num.start, num.end, int(num.value), entity=noun_span(doc, head),
                   rule="ordinal.definite-cardinal")


def match_digits(doc: Doc, num: Numeral) -> Mention | None:
    """الـ 44 / ال6 after a singular noun, with no counted noun after: a rank."""
    if not num.digits or num.scale or num.percent_sign or num.value is None:
        return None
    if doc.tok_text(num.i - 1) != "ال" or doc.toks[num.i - 1].kind != WORD:
        return None
    if unit_after(doc, num.j) is not None or entity_after(doc, num.j) is not None:
        return None
    head = head_before(doc, num.i, definite_only=True)
    if head is not None and looks_plural(doc.toks[head].text):
        return None
    return Mention("ordinal", num.start, num.end, int(num.value) if num.value.denominator == 1 else float(num.value),
                   entity=noun_span(doc, head) if head is not None else None, rule="ordinal.definite-digits")
