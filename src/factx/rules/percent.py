"""Percentages: 85%، %85، ٨٥٪، 90 بالمائة، في المئة، بنسبة 3.5, and fractions
of a group (نصفهم = 50، ثلث السكان = 33.3…، ثلاثة أرباع السكان = 75)."""

from __future__ import annotations

from fractions import Fraction

from ..language import morphology
from ..text.tokens import DIGITS
from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention, as_number
from .nouns import entity_after, head_span, looks_plural, noun_like, possessed
from .qualifiers import LOWER, UPPER, comparison_before
from .units import cue_end, unit_after

#: a percentage is negative where the text writes the sign (SPEC §3, §5.1: −3.5%)
KINDS = (Kind("percent", quantity=True),)


def sign(doc, cand: Candidate) -> Mention | None:
    """85%، %85، بين 10 و20%، 5‰: a percent (or per-mille) sign written with the digits."""
    if cand.first.percent_sign or cand.last.percent_sign or cand.extra.get("percent"):
        m = cand.mention("percent", unit="%", entity=_group_after(doc, cand.j))
        if cand.first.per_mille or cand.last.per_mille:     # 5‰ = 0.5%
            m.value, m.low, m.high = (None if v is None else as_number(Fraction(v) / 10)
                                      for v in (m.value, m.low, m.high))
        return m
    return None


def word(doc, cand: Candidate) -> Mention | None:
    """90 بالمائة، 12 في المئة: the percent written as a word after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "percent":
        return cand.mention("percent", unit="%", unit_span=doc.span_of(cand.j, u[2]),
                            entity=_group_after(doc, u[2]))
    return None


def word_before(doc, cand: Candidate) -> Mention | None:
    """بالمائة 10: the percent word written before the number (tables, headlines)."""
    if cand.is_range or unit_after(doc, cand.j) is not None:
        return None
    hit = doc.phrase_before(cand.i, doc.lex.unit_phrases)
    if hit is not None and hit[0].kind == "percent" and not doc.any_taken(hit[1], cand.i):
        return cand.mention("percent", unit="%", unit_span=doc.span_of(hit[1], cand.i))
    return None


def cue(doc, cand: Candidate) -> Mention | None:
    """ارتفع بنسبة 3.5، نسبة البطالة 12: a bare number after a percent cue."""
    if doc.phrase_before(cue_end(doc, cand), doc.lex.percent_cues, morphology.NO_ARTICLE) is None:
        return None
    if unit_after(doc, cand.j) is not None or entity_after(doc, cand.j) is not None:
        return None
    return cand.mention("percent", unit="%")


def ratio(doc, cand: Candidate) -> Mention | None:
    """3 من 10، واحد من كل خمسة أطفال، 37 لكل 100 ألف: a ratio is a share (SPEC §5.1)."""
    r = cand.extra.get("ratio")
    if r is None:
        return None
    m = cand.mention("percent", unit="%", entity=entity_after(doc, cand.j))
    m.value = as_number(r * 100)
    return m


def fraction_of_group(doc, cand: Candidate) -> Mention | None:
    """نصفهم، ثلث السكان، خمس السكان: a fraction of a group is a share of it."""
    f = _of_group(doc, cand)
    if f is None:
        return None
    m = cand.mention("percent", unit="%", entity=_group_after(doc, cand.j, of_needed=False))
    m.value = as_number(f * 100)
    return m


def _group_after(doc, j: int, of_needed: bool = True) -> tuple[int, int] | None:
    """The definite group a share is of, from token j: after من for a percentage (70% من
    الأطفال), right after a fraction (نصف السكان), the first noun of a construct chain
    (نصف سكان السودان، ثلثي أعضاء المجلس); not a pronoun (85% منهم) nor an indefinite noun."""
    k = j + 1 if doc.word(j) in doc.lex.partitive else j
    if of_needed and k == j:
        return None
    nxt = doc.word(k)
    if nxt is None:
        return None
    if possessed(doc, k) and noun_like(doc.lex, nxt) and not doc.taken[k]:
        return head_span(doc, k)                       # ثلثي قيمتها، نصف ثروته
    if morphology.is_definite(nxt) or _construct_group(doc, k) \
            or (k > j and looks_plural(doc.lex, nxt)):     # نصف سكان السودان، 70% من سكان غزة: سكان
        from .about import names_quantity  # about reads the kinds' rules: imported when they are loaded
        if names_quantity(nxt) and not morphology.is_definite(nxt) and doc.word(k + 1) is not None:
            return entity_after(doc, k + 1)                # 30% من إجمالي الإنفاق: what the total is of
        return entity_after(doc, j)
    return None


def _of_group(doc, cand: Candidate) -> Fraction | None:
    num = cand.first
    if cand.is_range:
        return None
    tok = doc.toks[num.i]
    lex = doc.lex
    if num.fraction and num.value is not None and num.end == tok.end and (_compared(doc, cand)
                                                                          or _level_reached(doc, cand)):
        return num.value                              # أكثر من النصف، فوق الربع وتحت النصف، إلى النصف
    if num.definite:                                  # الربع الأول، النصف الثاني: a noun, not a share
        return None
    if num.fraction and num.value is not None:
        if num.end < tok.end:                         # نصفهم: a pronoun suffix
            return num.value
        if unit_after(doc, num.j) is not None:
            return None
        if num.j > num.i + 1:                         # ثلاثة أخماس، واحد على مئة: a share by itself
            return num.value
        nxt = doc.word(num.j)
        if nxt is not None and num.stem in lex.noun_homographs and _priced(doc, num.j):
            return None                               # ثمن الشقة 500 ألف "the price of the flat"
        if nxt is not None and (nxt in lex.partitive or morphology.is_definite(nxt) or _construct_group(doc, num.j)
                                or possessed(doc, num.j)):   # ثلثي قيمتها
            return num.value
        return None
    # خمس السكان: a word that is also a number, read as a fraction before a definite group
    if num.j == num.i + 1 and not num.digits:
        for sp in morphology.splits(tok.text):
            if sp.stem in lex.group_fractions:
                nxt = doc.word(num.j)
                if nxt is not None and _article_first(nxt) and unit_after(doc, num.j) is None:
                    return lex.group_fractions[sp.stem]
    return None


def _priced(doc, k: int) -> bool:
    """Does an amount follow the noun at token k (ثمن الشقة 500 ألف درهم)? Then the
    noun homograph before it is that noun (the price), not a share (ثمن الوزن)."""
    return k + 1 < doc.n and (doc.toks[k + 1].kind == DIGITS or (k + 1) in doc.anchor_set)


#: the qualifiers after which a fraction alone is a share
_SHARE_QUALIFIERS = LOWER | UPPER | {"approximately"}


def _compared(doc, cand: Candidate) -> bool:
    """A fraction alone after a comparison or an estimate is a share (أكثر من النصف، أقل من
    ربع، بنحو الربع), unless a unit or an ordinal follows it (أكثر من نصف ساعة، بعد الربع الأول)."""
    hit = comparison_before(doc, cand.i)
    return hit is not None and hit.qualifier in _SHARE_QUALIFIERS and _alone(doc, cand)


def _level_reached(doc, cand: Candidate) -> bool:
    """انخفض عدد المواليد إلى النصف، تراجعت الصادرات إلى الثلث: a fraction alone that a
    verb of change reaches (after إلى, حتى) is the share of what changed, unless a unit
    or an ordinal follows it (ارتفعت الحرارة إلى نصف درجة)."""
    from .. import predicates
    from .about import change_before  # about reads the kinds' rules: imported when they are loaded
    k = cand.i - 1
    return doc.word(k) in predicates.LEVEL_MARKERS and _alone(doc, cand) and change_before(doc, k)


def _alone(doc, cand: Candidate) -> bool:
    """No unit or ordinal after the fraction (نصف ساعة، الربع الأول: no share)."""
    if unit_after(doc, cand.j) is not None:
        return False
    nxt = doc.word(cand.j)
    return nxt is None or morphology.strip_definite(nxt)[1] not in doc.lex.ordinals


def _construct_group(doc, j: int) -> bool:
    """ثلثي أعضاء المجلس، ربع عدد أعضاء مجلس النواب: a chain of indefinite nouns in
    construct that ends in a definite one names a group."""
    for k in range(j, j + 4):
        w = doc.word(k)
        if w is None or not noun_like(doc.lex, w):
            return False
        if morphology.is_definite(w):
            return k > j
    return False


def _article_first(word: str) -> bool:
    """Does `word` begin with the article itself (السكان), not after another proclitic?"""
    return any(sp.prefix and morphology.parts_of(sp.prefix) == {morphology.ARTICLE}
               for sp in morphology.splits(word))


RULES = (
    Rule("percent.sign", Phase.QUANTITIES, sign, digits=True),
    Rule("percent.word", Phase.QUANTITIES, word, unit_after="percent"),
    Rule("percent.word-before", Phase.QUANTITIES, word_before),
    Rule("percent.cue", Phase.QUANTITIES, cue),
    Rule("percent.ratio", Phase.QUANTITIES, ratio),
    Rule("percent.fraction-of-group", Phase.QUANTITIES, fraction_of_group),
)
