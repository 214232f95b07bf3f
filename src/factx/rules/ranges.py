"""Ranges (SPEC §4.4, §5.2): بين X و Y، من X إلى Y، من X لـ Y، X إلى Y، X - Y، X ~ Y,
alternatives (X أو Y), and two bounds on one quantity (أكبر من 100 وأصغر من 300).

Ranges are made in two steps.

1. Before typing (`candidates`), two numerals joined by a range pattern with
   nothing else between them become one candidate, typed as one quantity: a
   multiplier or percent sign written only after Y applies to X too (بين 3 و4
   ملايين = 3–4 million; بين 10 و20% = 10–20%), and so do its unit and its noun
   (3 أو 4 أيام). After a verb of change, من X إلى Y are the level before and
   the level after (ارتفع السعر من 900 إلى 1400 ريال): the pair is typed once,
   for the unit they share, and `join` splits it into two mentions.
2. After typing and qualifiers (`join`), two quantities of one kind become one
   range mention from X to Y when each end has its own unit (بين 10 دولارات
   و20 دولارا، 10$-20$), or when one bounds the quantity from below and the
   other from above (لا تقل عن 20 ألف جنيه ولا تجاوز 100 ألف جنيه). Ends in
   different units stay two mentions (the corpus's decision): with the range's
   words they are its bounds (من ثلاثة أشهر إلى سنتين: at least 3 months, at
   most 2 years).
"""

from __future__ import annotations

from dataclasses import replace

from .. import lemmas
from ..language import morphology
from ..numerals.scan import score_word_before
from ..numerals.words import Numeral
from ..text.document import Document
from ..text.tokens import COMMAS, PUNCT, closing_wrapper
from .mention import Candidate, Mention, as_number, join_pairs
from .nouns import entity_after
from .qualifiers import LOWER, UPPER
from .units import unit_after

#: the qualifiers an end of a range may carry: "approximately" before the first
#: end applies to the whole range (حوالي 10$-20$)
_PLAIN = frozenset({"exact", "approximately"})
_ENDS = _PLAIN | LOWER | UPPER
_PROCLITIC_FORMS = frozenset(p.form for p in morphology.PROCLITICS)
#: the most tokens between two ends: a comma, a link, closing brackets
_MAX_LINK = 4
#: the most tokens from the end of the first number to the second: its unit or noun, a
#: qualifier after it, the link and the second's qualifier
_MAX_REACH = 16


def opener(doc: Document, i: int):
    """The range-opening phrase ending before token i (بين، ما بين، من; with و/ف glued:
    ومن): (its closing words, first token), or None."""
    return doc.phrase_before(i, doc.lex.range_open, morphology.NO_ARTICLE)


def _first_token(num: Numeral) -> int:
    """The numeral's first token, its sign included (بين -4 و3)."""
    return num.i - 1 if num.sign_span is not None else num.i


def _glued_link(prefix: str) -> str | None:
    """The linking word a proclitic of the second end stands for: و (وعشرين، والعشرين)
    or the preposition (لعشرين); None for the article alone."""
    parts = morphology.parts_of(prefix) - {morphology.ARTICLE}
    if not parts:
        return None
    return morphology.WA_FORM if morphology.WA in parts else prefix[:1]


def _word_link(word: str) -> str:
    """A linking token as the range table writes it: a detached و with the article is
    و (بين 20 والـ 25)."""
    if word in morphology.DETACHED:
        return _glued_link(word) or word
    return word


def _between(doc: Document, j: int, i: int, second: Numeral | None) -> list[str] | None:
    """The linking words of tokens [j, i) (closing brackets and quotes left out) and the
    proclitic glued to the second end; None when a token is taken by another mention."""
    if doc.any_taken(j, i):
        return None
    out = [_word_link(doc.toks[k].text) for k in range(j, i)
           if not (doc.toks[k].kind == PUNCT and closing_wrapper(doc.toks[k].text))]
    if second is not None:
        prefix = doc.norm[doc.toks[second.i].start:second.start]     # وعشرين، وسنتين
        link = _glued_link(prefix) if prefix in _PROCLITIC_FORMS else None
        if link is not None:
            out.append(link)
    return out


def _join(doc: Document, a: Numeral, b: Numeral) -> tuple[str, int | None] | None:
    """How a and b are joined: ("open" | "levels", opener token), ("bare" |
    "alternative", None), or None."""
    if b.i - a.j > _MAX_LINK:
        return None
    between = _between(doc, a.j, b.i, b)
    if between is None or len(between) != 1:
        return None
    link = between[0]
    lex = doc.lex
    op = opener(doc, _first_token(a))
    if op is not None and link in op[0]:
        return ("levels" if _after_change(doc, op[1]) else "open"), op[1]
    if link in lex.range_bare and a.digits and b.digits:
        return None if _score(doc, a, b) or _change_then_level(doc, a, b) else ("bare", None)
    if link in lex.range_alternatives and a.digits == b.digits:
        return "alternative", None
    return None


def _score(doc: Document, a: Numeral, b: Numeral) -> bool:
    """فاز الهلال على النصر 2-1، أمام نظيره الغاني (1-2): digits joined by a dash after
    a word of a match (cues.toml [score]) in the same clause, with no unit or counted
    noun after them, are a score: two counts, not a range."""
    if unit_after(doc, b.j) is not None or entity_after(doc, b.j) is not None:
        return False
    return score_word_before(doc, _first_token(a))


def _change_then_level(doc: Document, a: Numeral, b: Numeral) -> bool:
    """ارتفعت أسعار الذهب 0.5% إلى 2,035 دولاراً: after a verb of change, X% إلى Y with no
    opener is the size of the change and the level reached, not a range (يرتفع الموج 2 إلى
    3 أمتار is one: the percent sign is written on one end only)."""
    from .about import change_before        # about reads the kinds' rules: imported when they are loaded
    return a.percent_sign and not b.percent_sign and change_before(doc, _first_token(a))


def _after_change(doc: Document, k: int) -> bool:
    """Does من at token k follow a verb of change (ارتفع السعر من …)? Then من … إلى are levels."""
    from .about import change_before        # about reads the kinds' rules: imported when they are loaded
    return doc.toks[k].text in doc.lex.level_openers and change_before(doc, k)


def _bounds(a: Numeral, b: Numeral):
    """The values of a and b, a multiplied by b's scale when only b has one and the
    product is of b's order (بين 3 و4 ملايين، من 4 إلى 3 ملايين)."""
    lo, hi = a.value, b.value
    if b.scale and not a.scale and hi / 10 <= lo * b.scale <= hi * 10:
        lo = lo * b.scale
    return lo, hi


def candidates(doc: Document, nums: list[Numeral]) -> list[Candidate]:
    """Quantity candidates in order: single numerals, and pairs joined into ranges or levels."""
    return join_pairs(nums, lambda a, b: _pair(doc, a, b), Candidate.single)


def _pair(doc: Document, a: Numeral, b: Numeral) -> Candidate | None:
    if a.vague or b.vague or a.value is None or b.value is None or a.unit is not None \
            or b.unit is not None or a.fraction or b.fraction:
        return None
    how = _join(doc, a, b)
    if how is None:
        return None
    lo, hi = _bounds(a, b)
    if how[0] == "levels":
        cand = Candidate(a, b, hi, opener=how[1])
        cand.extra["levels"] = lo
    elif lo < hi and (how[0] != "alternative" or _alternatives(doc, lo, hi)):
        cand = Candidate(a, b, None, lo, hi, "range", opener=how[1], is_range=True)
    else:
        return None
    if b.percent_sign or a.percent_sign:
        cand.extra["percent"] = True
    return cand


# --- after typing ------------------------------------------------------------------

def join(doc: Document, typed: list[tuple[Candidate, Mention]]) -> list[Mention]:
    """The quantity mentions of `typed` (in text order, qualifiers attached) once level
    pairs are split and linked or bounding ends are joined into ranges."""
    out: list[Mention] = []
    k = 0
    while k < len(typed):
        cand, m = typed[k]
        if "levels" in cand.extra:
            out.extend(_levels(doc, cand, m))
            k += 1
            continue
        if k + 1 < len(typed) and "levels" not in typed[k + 1][0].extra:
            joined = _ends(doc, cand, m, *typed[k + 1])
            if joined is not None:
                out.extend(joined)
                k += 2
                continue
        out.append(m)
        k += 1
    return out


def _levels(doc: Document, cand: Candidate, m: Mention) -> tuple[Mention, Mention]:
    """The level before and the level after of من X إلى Y after a verb of change: X takes
    the kind and unit the pair was typed with (from the words around it: no unit span)."""
    a, b = cand.first, cand.last
    after = m.qualifier_span is not None and m.qualifier_span[0] >= b.end
    first = replace(m, end=a.end, value=as_number(cand.extra["levels"]), unit_span=None, entity=None,
                    qualifier="exact", qualifier_span=None)
    second = replace(m, start=b.start)
    if not after:
        second.qualifier, second.qualifier_span = "exact", None
    return first, second


def _end_token(doc: Document, m: Mention) -> int:
    """The token after a mention's words: its number, unit, counted noun, a qualifier after it."""
    end = m.end
    for span in (m.unit_span, m.entity, m.qualifier_span):
        if span is not None and span[0] >= m.start:
            end = max(end, span[1])
    return doc.token_at(end)


def _ends(doc: Document, c1: Candidate, m1: Mention, c2: Candidate, m2: Mention):
    """Two typed quantities as one range, or as the two bounds of a range in different
    units; None when they are not the ends of one range."""
    if _first_token(c2.first) - c1.j > _MAX_REACH or c1.is_range or c2.is_range \
            or m1.qualifier not in _ENDS or m2.qualifier not in _ENDS:
        return None
    e1 = _end_token(doc, m1)
    bounded = m2.qualifier in LOWER | UPPER
    if bounded:
        if not (m1.qualifier in LOWER and m2.qualifier in UPPER or m1.qualifier in UPPER and m2.qualifier in LOWER) \
                or m2.qualifier_span is None or m2.qualifier_span[0] >= m2.start:
            return None
        s2 = doc.tokens_in(*m2.qualifier_span)[0]
        if s2 - e1 > _MAX_LINK:
            return None
        between = _between(doc, e1, s2, None)
        if between is None:
            return None
        first = doc.word(s2)
        if first is not None and first[:1] == morphology.WA_FORM and first not in doc.lex.comparison_openers:
            between.append(morphology.WA_FORM)          # وأصغر من، ولا تجاوز
        links = [w for w in between if w not in COMMAS]
        wa_only = m1.qualifier in UPPER                 # على الأكثر 100 وعلى الأقل 20; أو is no range here
        if len(links) != 1 or links[0] != morphology.WA_FORM and (wa_only or links[0] not in doc.lex.range_alternatives):
            return None
        lo, hi = (m1, m2) if m1.qualifier in LOWER else (m2, m1)
        return _range(doc, m1, m2, lo.value, hi.value)
    if m1.qualifier in LOWER | UPPER or m2.qualifier != "exact":
        return None
    s2 = _first_token(c2.first)
    if s2 - e1 > _MAX_LINK:
        return None
    between = _between(doc, e1, s2, c2.first)
    if between is None or len(between) != 1:
        return None
    link = between[0]
    lex = doc.lex
    a, b = c1.first, c2.first
    op = opener(doc, _first_token(a)) if m1.qualifier == "exact" else None
    if op is not None and link in op[0]:
        if _after_change(doc, op[1]):
            _share_measure(m1, m2)
            return None
        if m1.kind == m2.kind and m1.unit != m2.unit:   # من ثلاثة أشهر إلى سنتين
            m1.qualifier, m1.qualifier_span = "at_least", doc.span_of(op[1], op[1] + 1)
            m2.qualifier, m2.qualifier_span = "at_most", _link_span(doc, e1, c2)
            return m1, m2
    elif not (link in lex.range_bare and a.digits and b.digits and not _score(doc, a, b)
              or link in lex.range_alternatives and a.digits == b.digits
              and _alternatives(doc, m1.value, m2.value)):
        return None
    return _range(doc, m1, m2, m1.value, m2.value)


def _share_measure(m1: Mention, m2: Mention) -> None:
    """ارتفع السعر من 900 ريال إلى 1400: the level after, a bare number, is in the unit of
    the level before (its unit is taken from the context: no unit span)."""
    if m2.kind == "count" and m2.unit is None and m2.entity is None and m1.kind != "count":
        m2.kind, m2.unit, m2.rule = m1.kind, m1.unit, m1.rule


def _link_span(doc: Document, j: int, c2: Candidate) -> tuple[int, int]:
    """The span of the word linking an end to the second end at `c2`: a token from j on
    (إلى، و), or the proclitic glued to the second end (وسنتين)."""
    for k in range(j, _first_token(c2.first)):
        if not (doc.toks[k].kind == PUNCT and closing_wrapper(doc.toks[k].text)):
            return doc.span_of(k, k + 1)
    return doc.toks[c2.i].start, c2.first.start


def _alternatives(doc: Document, lo, hi) -> bool:
    """Are X أو Y close enough to be one estimate (3 أو 4، 100 أو 200; not 5 أو 50)?"""
    return lo is not None and hi is not None and 0 < lo < hi <= lo * doc.lex.alternative_ratio


#: an age and a length of time in one unit: one age, when they are the ends of a range
#: (the age cue stands before the first end only)
_AGE = "age"
_AGE_AND_DURATION = frozenset({_AGE, "duration"})


def _range(doc: Document, m1: Mention, m2: Mention, low, high):
    """One range mention from m1 to m2 (SPEC §2: its span runs from the first number to
    the second), when they are one quantity: one kind (a bare count takes the other's,
    a duration an age's), one unit, the same counted noun; None otherwise."""
    if not (isinstance(low, (int, float)) and isinstance(high, (int, float)) and low < high):
        return None
    if m1.kind == m2.kind:
        if m1.unit != m2.unit:
            return None
        if m1.entity is not None and m2.entity is not None and _noun(doc, m1) != _noun(doc, m2):
            return None
        typed = m2 if m2.unit is not None or m2.entity is not None else m1
    elif m1.kind == "count" and m1.entity is None:
        typed = m2
    elif m2.kind == "count" and m2.entity is None:
        typed = m1
    elif {m1.kind, m2.kind} == _AGE_AND_DURATION and m1.unit == m2.unit:
        typed = m1 if m1.kind == _AGE else m2         # ألا يقل عمره عن 21 عاماً ولا يزيد على 35 عاماً
    else:
        return None
    out = replace(typed, start=m1.start, end=m2.end, value=None, low=low, high=high, qualifier="range",
                  qualifier_span=m1.qualifier_span, entity=typed.entity or m1.entity or m2.entity)
    return (out,)


def _noun(doc: Document, m: Mention) -> str:
    return lemmas.lemma(doc.norm[m.entity[0]:m.entity[1]])
