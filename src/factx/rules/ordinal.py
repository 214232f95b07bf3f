"""Ordinals: ranks and positions (الفرقة الرابعة، القرن الحادي والعشرين، الـ 44،
أول مرحلة). The entity is the ranked noun: before the ordinal when it is an
adjective, after it when the ordinal is in construct (أول مرحلة، أولى هذه العقبات).
"""

from __future__ import annotations

from functools import lru_cache

from ..language import morphology
from ..text.document import Document
from ..text.tokens import WORD
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import entity_after, head_before, looks_plural, noun_like, noun_span
from .units import unit_after

KINDS = (Kind("ordinal", quantity=False),)


@lru_cache(maxsize=65536)
def _ordinal_word(lex, w: str):
    for sp in morphology.splits(w):
        if sp.stem in lex.ordinals:
            return sp
    return None


def _compound_end(doc: Document, k: int, value: int) -> tuple[int, int]:
    """(value, end token) of the ordinal at token k with its teen or ten: الحادي عشر، الحادي والعشرين،
    الخامس و العشرون."""
    lex = doc.lex
    j = k + 1
    nxt = doc.word(j)
    if value <= 9 and nxt in lex.teen_tens:
        return value + 10, j + 1
    if nxt is not None and value <= 9:
        for sp in morphology.readings(nxt, morphology.WA_ARTICLE, morphology.WA_REQUIRED):
            if sp.stem in lex.tens:
                return value + lex.tens[sp.stem], j + 1
        if nxt == morphology.WA_FORM:                # الخامس و العشرون: the و written apart
            after = doc.word(j + 1)
            for sp in () if after is None else morphology.readings(after, morphology.ARTICLE_ONLY, morphology.ARTICLE_ONLY):
                if sp.stem in lex.tens:
                    return value + lex.tens[sp.stem], j + 2
    return value, j


def ordinal_at(doc: Document, k: int):
    """The ordinal word at token k: (value, end token, definite, start offset), or None."""
    w = doc.word(k)
    sp = None if w is None else _ordinal_word(doc.lex, w)
    if sp is None:
        return None
    value, j = _compound_end(doc, k, doc.lex.ordinals[sp.stem][0])
    return value, j, sp.definite, doc.toks[k].start + len(sp.prefix)


def _words(doc: Document, compound_only: bool):
    lex = doc.lex
    resume = 0
    for k in doc.word_anchors:
        if k < resume:
            continue
        w = doc.word(k)
        if w is None or doc.taken[k]:
            continue
        sp = _ordinal_word(lex, w)
        if sp is None:
            continue
        value, gender = lex.ordinals[sp.stem]
        start = doc.toks[k].start + len(sp.prefix)
        value, j = _compound_end(doc, k, value)
        if compound_only and j == k + 1:
            continue
        resume = j
        if sp.stem in lex.construct_ordinals and not sp.definite:
            m = j
            while doc.word(m) in lex.demonstratives:
                m += 1
            ent = entity_after(doc, m) if doc.word(m) not in lex.partitive else None
            yield Mention("ordinal", start, doc.toks[j - 1].end, value, entity=ent, rule="ordinal.construct")
            continue
        ent = None
        if not sp.definite and noun_like(lex, doc.word(j)) and not doc.taken[j]:
            ent = noun_span(doc, j)                                # ثالث هجمة: in construct
        if ent is None:
            head = head_before(doc, k, definite_only=sp.definite, gender=gender)
            if head is None and sp.definite:
                head = _fraction_before(doc, k)
            ent = noun_span(doc, head) if head is not None else None
        yield Mention("ordinal", start, doc.toks[j - 1].end, value, entity=ent)


def _fraction_before(doc: Document, k: int) -> int | None:
    """الربع الثالث، النصف الأول، الثلث الأخير: a definite fraction word before a
    definite ordinal is the part of a year (or a whole) that it ranks, a noun here."""
    w = doc.word(k - 1) if k > 0 else None
    if w is None:
        return None
    for sp in morphology.splits(w)[1:]:
        if sp.definite and sp.stem in doc.lex.fractions:
            return k - 1
    return None


def find_compounds(doc: Document):
    """الحادي عشر، الحادي والعشرين: compound ordinals, read before cardinals so that
    their tens are not taken for a count."""
    return _words(doc, compound_only=True)


def find_words(doc: Document):
    """الفرقة الرابعة، ثالث هجمة، أول مرحلة: ordinal words on the tokens left."""
    return _words(doc, compound_only=False)


def definite_cardinal(doc: Document, cand) -> Mention | None:
    """الذكرى الخمسين، القرن العشرين، الكتاب الثلاثون: a definite ten or hundred after a
    singular definite noun ranks it (cardinal forms serve as ordinals from 20 on); after
    a plural it counts (الدول العشرين)."""
    num = cand.first
    if cand.is_range or num.digits or not num.definite or num.value is None or num.value < 20 or num.scale:
        return None
    head = head_before(doc, num.i, definite_only=True)
    if head is None or looks_plural(doc.lex, doc.toks[head].text):
        return None
    return Mention("ordinal", num.start, num.end, int(num.value), entity=noun_span(doc, head))


def definite_digits(doc: Document, cand) -> Mention | None:
    """الـ 44 / ال6 after a singular noun, with no counted noun after: a rank."""
    num = cand.first
    if cand.is_range or not num.digits or num.scale or num.percent_sign or num.value is None:
        return None
    prev = doc.tok_text(num.i - 1)
    if prev not in morphology.DETACHED or doc.toks[num.i - 1].kind != WORD \
            or morphology.parts_of(prev) != {morphology.ARTICLE}:
        return None
    if unit_after(doc, num.j) is not None or entity_after(doc, num.j) is not None:
        return None
    head = head_before(doc, num.i, definite_only=True)
    if head is not None and looks_plural(doc.lex, doc.toks[head].text):
        return None
    value = int(num.value) if num.value.denominator == 1 else float(num.value)
    return Mention("ordinal", num.start, num.end, value, entity=noun_span(doc, head) if head is not None else None)


FINDERS = (
    Finder("ordinal.compound", Phase.SHAPES, find_compounds, also=("ordinal.construct",)),
    Finder("ordinal.word", Phase.ORDINAL_WORDS, find_words, also=("ordinal.construct",)),
)
RULES = (
    Rule("ordinal.definite-digits", Phase.NON_QUANTITIES, definite_digits, digits=True),
    Rule("ordinal.definite-cardinal", Phase.NON_QUANTITIES, definite_cardinal, digits=False),
)
