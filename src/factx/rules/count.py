"""Counts: how many of something (39 هجوما، ثلاثة ملايين شخص، عشرات المدنيين).

The counted noun (tamyiz) follows the number, possibly after من; it precedes
the number when the number is an adjective: واحد/اثنان (مركز حدودي واحد; not the
colloquial two, which precedes it: جوج دراري، ثنتين بنات، اثنين عيال) and definite numbers after a definite
plural (الدول الثلاث، الهجمات الـ 6).
Counts are the last quantity rules: a number no other kind claims is a count.
"""

from __future__ import annotations

from ..language import morphology
from ..numerals.words import word_reading
from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .nouns import counted_noun_at, definite_number, entity_after, head_before, noun_span
from .units import names_time_after

KINDS = (Kind("count", quantity=True, nonnegative=True),)

#: numbers that are adjectives of their noun when written in words (مركز واحد، طفلين اثنين)
_ADJECTIVAL = frozenset({1, 2})


def _count(doc, cand: Candidate) -> Mention | None:
    num = cand.first
    if num.fraction and not num.scale:                # نصف الطريق: a part, not a count
        return None
    if num.counts_itself or (num.singular and num.unit is None):   # هدفين، مقابل هدف: the noun is its own count
        return cand.mention("count", entity=(num.start, doc.toks[num.i].end))   # not its اثنين
    definite = definite_number(doc, cand)
    ent = None
    if (definite and not num.vague) or (not num.digits and num.value in _ADJECTIVAL
                                        and num.stem not in doc.lex.colloquial   # جوج دراري: before its noun
                                        and not (num.value == 2 and counted_noun_at(doc, cand.j, plural_only=True))):
        head = head_before(doc, cand.i, definite_only=definite)
        if head is not None and (definite or num.value != 2 or _dual_shape(doc.toks[head].text)):
            ent = noun_span(doc, head)
    if ent is None and not (num.vague and num.definite and doc.word(cand.j) not in doc.lex.partitive) \
            and not names_time_after(doc, cand.j):                          # 12 يوم 13 أكتوبر
        ent = entity_after(doc, cand.j) or _one_as_noun(doc, cand.j)     # العشرات بجروح: no construct
    return cand.mention("count", entity=ent)


def _dual_shape(w: str) -> bool:
    """Does `w` end like a dual (مدنيان، طفلين، سيارتين)? "Two" written after its noun
    restates a dual; after anything else (استشهد اثنان، بقي اثنان) it is a pronoun-like
    number with no noun before it."""
    stem = morphology.strip_definite(w)[1]
    return len(stem) >= 4 and stem.endswith(morphology.DUAL_ENDINGS)


def _one_as_noun(doc, j: int) -> tuple[int, int] | None:
    """تلاتة مليون واحد: a bare "one" right after a number is its counted noun
    (colloquial "person"; the one-after-number guard keeps it from counting)."""
    w = doc.word(j)
    if w is None or j == 0 or doc.toks[j - 1].end == doc.toks[j].start:
        return None
    rd = word_reading(doc.lex, w, morphology.NOTHING)
    if rd is not None and rd[1].role == "unit" and rd[1].value == 1:
        return doc.toks[j].start, doc.toks[j].end
    return None


def vague(doc, cand: Candidate) -> Mention | None:
    """عشرات المدنيين، بضعة أشخاص، عشرون ونيف: a count known by its bounds."""
    return _count(doc, cand) if cand.qualifier == "vague" else None


def number(doc, cand: Candidate) -> Mention | None:
    """39 هجوما، ثلاثة ملايين شخص، بين 10 و20 قتيلا: a count with a value or a range."""
    return None if cand.qualifier == "vague" else _count(doc, cand)


RULES = (
    Rule("count.vague", Phase.QUANTITIES, vague),
    Rule("count.number", Phase.QUANTITIES, number),
)
