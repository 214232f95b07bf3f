"""Units and currencies written with a number: the words, codes and symbols of
`data/units.toml` after the number (دولار، كم، كم2، KWD، ج.م، سنت), an adjective
that refines a currency word (ليرة تركية → TRY, دينار كويتي → KWD), a phrase that
puts a temperature below zero (3 درجات تحت الصفر), and symbols or codes before
the number ($5، USD 150). An ambiguous word alone (ليرة، درجة) is settled by
`unit_context` from the text around it.
"""

from __future__ import annotations

from fractions import Fraction
from typing import NamedTuple

from ..language import morphology
from ..language.unit_table import UNITLESS, Unit
from ..text.document import Document
from ..text.tokens import DIGITS
from . import unit_context
from .mention import Candidate, Mention, as_number
from .nouns import prepositional
from .qualifiers import qualifier_before
from .unit_context import CONTEXT, TEXT


class UnitHit(NamedTuple):
    """A unit read after a number: its table reading, the code it names here, the
    token after it, how the code was chosen (unit_source), and a below-zero sign."""

    unit: Unit
    code: str | None
    end: int
    source: str = TEXT
    negative: bool = False


def unit_after(doc: Document, j: int) -> UnitHit | None:
    """The unit phrase or symbol starting at token j, or None.

    Every quantity rule asks for the unit after its number; the answer is kept
    per document.
    """
    memo = doc.unit_memo
    try:
        return memo[j]
    except KeyError:
        hit = memo[j] = _unit_after(doc, j)
        return hit


def _unit_after(doc: Document, j: int) -> UnitHit | None:
    if j >= doc.n or doc.taken[j]:
        return None
    lex = doc.lex
    hit = doc.phrase_at(j, lex.unit_phrases)
    if hit is None and doc.word(j) in lex.partitive:
        hit = _partitive_unit(doc, j + 1)
    if hit is None:
        sym = doc.phrase_at(j, lex.unit_symbols)
        if sym is None or sym[0].kind == "percent":
            return None
        return UnitHit(sym[0], sym[0].code, sym[1])
    unit, end = hit
    if names_time_after(doc, j, unit):
        return None                                       # 12 يوم 13 أكتوبر: the noun names the day after
    if len(unit.names) == 1 and unit.code not in lex.below_zero_units:
        return UnitHit(unit, unit.code, end)              # most units: nothing to settle
    code, end, source = _settle(doc, unit, j, end)
    bz = below_zero(doc, code, end) if not unit.negative else None
    if bz is not None:
        end, source = bz, CONTEXT if unit.ambiguous else source
    return UnitHit(unit, code, end, source, unit.negative or bz is not None)


def names_time_after(doc: Document, j: int, unit: Unit | None = None) -> bool:
    """Is the word at token j a singular time noun right before digits (يوم 13 أكتوبر، سنة
    2019)? Then it names the day or year after it, and is neither the unit nor the counted
    noun of a number before it (بلغ عدد الإصابات 12 يوم 13 أكتوبر)."""
    if j + 1 >= doc.n or doc.toks[j + 1].kind != DIGITS:
        return False
    if unit is None:
        hit = doc.phrase_at(j, doc.lex.unit_phrases)
        if hit is None or hit[1] != j + 1:
            return False
        unit = hit[0]
    return unit.kind == "duration" and not unit.dual and (doc.toks[j].text,) not in doc.lex.unit_plurals


def _settle(doc: Document, unit: Unit, j: int, end: int) -> tuple[str | None, int, str]:
    """The code a unit word at tokens [j, end) names, the token after it (past an
    adjective that picks the code: ليرة تركية) and how the code was chosen."""
    if len(unit.names) > 1:
        adj = doc.phrase_at(end, doc.lex.currency_adjectives)
        if adj is not None and unit.code not in adj[0] and len(adj[0] & unit.names) == 1:
            return next(iter(adj[0] & unit.names)), adj[1], TEXT
        if adj is not None and unit.code in adj[0]:
            return unit.code, adj[1], TEXT
    if unit.ambiguous:
        code, source = unit_context.resolve(doc, unit, doc.toks[j].start)
        return (None if code == UNITLESS else code), end, source
    return unit.code, end, TEXT


#: the tokens a rate looks back over for the currency it is of (هبط الجنيه المصري إلى 30.9)
_RATE_REACH = 6


def rate_mention(doc: Document, cand: Candidate) -> Mention | None:
    """هبط الجنيه إلى 30.9 للدولار، تراجعت الليرة التركية إلى 32 مقابل الدولار: a bare number
    priced against a currency (after ل or a word of units.toml [rates]) is an amount of
    the currency its clause names before it (unit_source "context"), not of the one after."""
    if cand.is_range or unit_after(doc, cand.j) is not None:
        return None
    against = _rate_against(doc, cand.j)
    if against is None:
        return None
    for k in range(cand.i - 1, max(-1, cand.i - 1 - _RATE_REACH), -1):
        if doc.taken[k] or doc.ends_clause(k):
            return None
        hit = doc.phrase_at(k, doc.lex.unit_phrases, morphology.ARTICLE_ONLY)
        if hit is not None and hit[0].kind == "money":
            code, _, _ = _settle(doc, hit[0], k, hit[1])
            if code is None or code == against:
                return None
            m = cand.mention("money", unit=code)
            m.unit_source = CONTEXT
            return m
    return None


def _rate_against(doc: Document, j: int) -> str | None:
    """The code of the currency a rate at token j is against: للدولار، مقابل الدولار، أمام
    اليورو, or None."""
    w = doc.word(j)
    if w is None or doc.taken[j]:
        return None
    lex = doc.lex
    if w in lex.rate_links:
        hit = doc.phrase_at(j + 1, lex.unit_phrases, morphology.ARTICLE_ONLY)
    elif prepositional(w):                            # للدولار
        hit = doc.phrase_at(j, lex.unit_phrases, morphology.ANY)
    else:
        return None
    return hit[0].code if hit is not None and hit[0].kind == "money" else None


def _partitive_unit(doc: Document, k: int):
    """3 ملايين من الدولارات، آلاف من الأطنان: a plural unit with the article after من is
    the unit of the number before it (the partitive of a large amount)."""
    w = doc.word(k)
    if w is None or doc.taken[k] or not morphology.is_definite(w) \
            or (morphology.strip_definite(w)[1],) not in doc.lex.unit_plurals:
        return None                                   # 6 من العقد: "of the contract", not decades
    return doc.phrase_at(k, doc.lex.unit_phrases, morphology.ARTICLE_ONLY)


def below_zero(doc: Document, code: str | None, k: int) -> int | None:
    """The token after a below-zero phrase (تحت الصفر) at token k that can follow a
    unit of `code`, or None."""
    if code not in doc.lex.below_zero_units:
        return None
    hit = doc.phrase_at(k, doc.lex.below_zero)
    return None if hit is None else hit[1]


def symbol_before(doc: Document, i: int):
    """A currency symbol or code written just before the digits ($100، US$ 5، USD 150):
    (Unit, first token)."""
    hit = doc.phrase_before(i, doc.lex.unit_symbols)
    if hit is not None and hit[0].kind == "money":
        return hit
    return None


def unit_mention(doc: Document, cand: Candidate, kind: str, u: UnitHit) -> Mention:
    """The mention of `cand` with the unit `u` written after it: a sub-unit's value in
    its main unit (10 سنتات = 0.10 USD), a temperature below zero negative."""
    m = cand.mention(kind, unit=u.code, unit_span=doc.span_of(cand.j, u.end))
    m.unit_source = u.source
    scale(m, cand, u.unit.factor(u.code) * (-1 if u.negative else 1))
    return m


def dual_mention(doc: Document, cand: Candidate, kind: str) -> Mention | None:
    """The mention of a unit noun of `kind` that carries its own number: a dual (يومين،
    دينارين، درجتين تحت الصفر: two), a singular with its fraction or adjective (ساعة ونصف،
    دولار واحد) or read as one (لا تقل عن سنة); its code settled as after a number."""
    u = cand.first.unit
    if u is None or u.kind != kind:
        return None
    code, source = unit_context.resolve(doc, u, cand.start) if u.ambiguous else (u.code, TEXT)
    m = cand.mention(kind, unit=code)
    bz = below_zero(doc, code, cand.j)
    if bz is not None:
        m.unit_span, source = doc.span_of(cand.j, bz), CONTEXT if u.ambiguous else source
    m.unit_source = source
    scale(m, cand, u.factor(code) * (-1 if bz is not None else 1))
    return m


def cue_end(doc: Document, cand: Candidate) -> int:
    """The token a cue before the candidate ends at (ارتفع بنسبة │نحو 3.5، العظمى │24،
    الصغرى │ناقص 2): before its range opener, its sign, a detached proclitic and a qualifier."""
    k = cand.extra.get("cue_end")
    if k is None:                     # asked by each cue rule: kept on the candidate
        sign = cand.first.sign_span
        k = cand.i if cand.opener is None else cand.opener
        if sign is not None and cand.opener is None:
            k = min(k, doc.token_at(sign[0]))
        if doc.tok_text(k - 1) in morphology.DETACHED:
            k -= 1
        q = qualifier_before(doc, k)
        k = cand.extra["cue_end"] = k if q is None else q[1]
    return k


def carried_mention(doc: Document, cand: Candidate, kind: str) -> Mention | None:
    """A bare number after a substitution word (99 ريال بدل 150) with the unit of the
    number before it, when that unit is of `kind`: its unit comes from the context."""
    link = doc.phrase_before(cand.i, doc.lex.unit_carry_links, morphology.CONJUNCTIONS)
    if link is None or link[1] == 0 or cand.is_range or unit_after(doc, cand.j) is not None:
        return None
    prev = _unit_ending_at(doc, link[1])
    if prev is None or prev.unit.kind != kind:
        return None
    m = cand.mention(kind, unit=prev.code)
    m.unit_source = CONTEXT
    scale(m, cand, prev.unit.factor(prev.code))
    return m


def _unit_ending_at(doc: Document, j: int) -> UnitHit | None:
    """The unit read after an earlier number that ends just before token j (99 ريال │بدل):
    the rules asked for it when they typed that number."""
    for k in range(j - 1, max(-1, j - 1 - doc.lex.unit_phrases.max_words), -1):
        hit = doc.unit_memo.get(k)
        if hit is not None and hit.end == j:
            return hit
    return None


def scale(m: Mention, cand: Candidate, factor: Fraction) -> None:
    """Multiply the mention's value and bounds (exact, from the candidate's) by `factor`;
    a negative factor swaps the bounds (2 إلى 5 تحت الصفر = −5 … −2)."""
    if factor == 1:
        return
    vals = [None if x is None else x * factor for x in (cand.value, cand.low, cand.high)]
    if factor < 0:
        vals[1], vals[2] = vals[2], vals[1]
    m.value, m.low, m.high = map(as_number, vals)
