"""Ordinals: ranks and positions (الفرقة الرابعة، القرن الحادي والعشرين، الـ 44،
أول مرحلة). The entity is the ranked noun: before the ordinal when it is an
adjective, after it when the ordinal is in construct (أول مرحلة، أولى هذه العقبات).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..language import morphology
from ..text.document import Document
from ..text.tokens import ARABIC_LETTERS, DIGITS, WORD
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import entity_after, head_before, head_span, looks_plural, noun_like, noun_span
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


def ordinal_adverb_at(doc: Document, k: int):
    """The ordinal adverb at token k (أولاً، ثانياً، وثالثاً): (value, end token, start offset), or None."""
    w = doc.word(k)
    if w is None:
        return None
    for sp in morphology.readings(w, morphology.CONJUNCTIONS):
        value = doc.lex.ordinal_adverbs.get(sp.stem)
        if value is not None:
            return value, k + 1, doc.toks[k].start + len(sp.prefix)
    return None


@lru_cache(maxsize=65536)
def rank_head(lex, w: str | None) -> bool:
    """Is `w` a rank head with the article (المركز، في الدقيقة، بالجولة)?"""
    return _definite_in(w, lex.rank_heads)


def _definite_in(w: str | None, stems: frozenset) -> bool:
    """Is `w` one of `stems` with the article (and any proclitics before it)?"""
    return w is not None and any(sp.definite and sp.stem in stems for sp in morphology.splits(w)[1:])


@lru_cache(maxsize=65536)
def rank_dual(lex, w: str | None) -> bool:
    """Is `w` the dual of a rank head with the article (الدقيقتين، المركزين)?"""
    return _definite_in(w, lex.rank_head_duals)


@lru_cache(maxsize=65536)
def rank_point(lex, w: str | None) -> bool:
    """Is `w` a rank head that names a point in time (الدقيقة، القرن)?"""
    return _definite_in(w, lex.rank_points)


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
        if not sp.definite and gender == "m" and noun_like(lex, doc.word(j)) and not doc.taken[j]:
            ent = noun_span(doc, j)                                # ثالث هجمة: in construct (masculine)
        if ent is None and sp.definite and k > 0 and rank_head(lex, doc.word(k - 1)):
            ent = noun_span(doc, k - 1)                            # يحتل الأهلي المركز الأول
        if ent is None:
            head = head_before(doc, k, definite_only=sp.definite, gender=gender)
            ent = head_span(doc, head) if head is not None else None
        yield Mention("ordinal", start, doc.toks[j - 1].end, value, entity=ent)


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
    return Mention("ordinal", num.start, num.end, int(num.value), entity=head_span(doc, head))


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
    return Mention("ordinal", num.start, num.end, value, entity=head_span(doc, head) if head is not None else None)


def rank_head_before(doc: Document, i: int) -> int | None:
    """The token of the rank head the number at token i follows (المركز 3، الجولة الـ 15،
    الدقيقة 90+3: the added minutes follow the minute they are added to), or None."""
    k = i
    prev = doc.tok_text(k - 1)
    if prev in morphology.DETACHED and doc.toks[k - 1].kind == WORD and morphology.parts_of(prev) == {morphology.ARTICLE}:
        k -= 1
    if k > 0 and (rank_head(doc.lex, doc.word(k - 1)) or rank_dual(doc.lex, doc.word(k - 1))) \
            and not doc.taken[k - 1]:
        return k - 1
    if i >= 2 and doc.tok_text(i - 1) == "+" and doc.adjacent(i) and doc.adjacent(i - 1) \
            and doc.toks[i - 2].kind == DIGITS:
        return rank_head_before(doc, i - 2)
    if i >= 3 and doc.tok_text(i - 1) == morphology.WA_FORM and doc.toks[i - 2].kind == DIGITS \
            and rank_dual(doc.lex, doc.word(i - 3)) and not doc.taken[i - 3]:
        return i - 3                                # الدقيقتين 12 و78: the second of the two
    return None


def rank(doc: Document, cand) -> Mention | None:
    """المركز 3، المركز الـ56، في الدقيقة 90، الجولة الـ 15، القرن 19: a number after a rank
    head with the article is a rank or a position of that noun; added minutes (90+3) too."""
    num = cand.first
    if cand.is_range or not num.digits or num.scale or num.percent_sign or num.value is None \
            or num.value.denominator != 1:
        return None
    head = rank_head_before(doc, num.i)
    if head is None:
        return None
    added = doc.tok_text(num.i - 1) == "+"
    return Mention("ordinal", num.start, num.end, int(num.value), entity=None if added else head_span(doc, head))


def day_of_month(doc: Document, cand) -> Mention | None:
    """يوم 14 من الشهر الجاري، في الـ 12 من الشهر الماضي: a day of a month the text does not
    name is the day's ordinal (a date needs its month), not a count of months."""
    num = cand.first
    if cand.is_range or not _day_digits(doc, num.i, num.j) or not (
            doc.phrase_at(num.j, doc.lex.day_of_month) is not None or _first_day_of_span(doc, num.j)):
        return None
    k = num.i - 1
    if doc.tok_text(k) in morphology.DETACHED:
        k -= 1                                        # يوم الـ 14
    day = doc.word(k) in doc.lex.weekday_cues
    return Mention("ordinal", num.start, num.end, int(num.value), entity=noun_span(doc, k) if day else None)


def _day_digits(doc: Document, i: int, j: int) -> bool:
    """Is tokens [i, j) one run of digits 1-31?"""
    return j == i + 1 and i < doc.n and doc.toks[i].kind == DIGITS and len(doc.toks[i].text) <= 2 \
        and 1 <= int(doc.toks[i].text) <= 31


def _first_day_of_span(doc: Document, j: int) -> bool:
    """من 4 حتى 23 من هذا الشهر، بين 10 و15 من الشهر الجاري، 27-29 من الشهر: the first day
    of a span whose last day is followed by the month phrase."""
    link = doc.tok_text(j)
    return (link == "-" or link in doc.lex.range_closers) and _day_digits(doc, j + 1, j + 2) \
        and doc.phrase_at(j + 2, doc.lex.day_of_month) is not None


@lru_cache(maxsize=None)
def _list_item_re(lex) -> re.Pattern:
    """A line that opens with a word or up to `list_max_digits` digits and a list mark
    (the finder then reads the word as an ordinal)."""
    marks = "|".join(re.escape(m) for m in sorted(lex.list_marks, key=len, reverse=True))
    return re.compile(rf"[ \t\r]*(?=(?:[0-9]{{1,{lex.list_max_digits}}}|[{ARABIC_LETTERS}]+)[ \t]*(?:{marks}))")


def _line_starts(norm: str):
    """Offset 0 and the offset after each line break (found by `str.find`, in C: a regex
    opening with ^ or \n is tried at every position)."""
    pos = 0
    while pos >= 0:
        yield pos
        pos = norm.find("\n", pos)
        if pos >= 0:
            pos += 1


def find_list_items(doc: Document):
    """"1- "، "٣. "، "أولاً: "، "ثانياً - " at the start of a line: the number of a list
    item (an ordinal), when a list mark follows it and no digits after the mark (3.5، 1-2)."""
    lex = doc.lex
    match = _list_item_re(lex).match
    norm = doc.norm
    for m in filter(None, (match(norm, p) for p in _line_starts(norm))):
        k = doc.token_at(m.end())
        if k >= doc.n or doc.toks[k].start != m.end() or doc.taken[k]:
            continue
        t = doc.toks[k]
        if t.kind == DIGITS:
            value, j, start = int(t.text), k + 1, t.start
        else:
            hit = ordinal_adverb_at(doc, k)
            if hit is None:
                o = ordinal_at(doc, k)
                if o is None:
                    continue
                hit = o[0], o[1], o[3]
            value, j, start = hit
        if doc.tok_text(j) not in lex.list_marks or doc.taken[j]:
            continue
        if j + 1 < doc.n and doc.toks[j + 1].kind == DIGITS:
            continue
        yield Mention("ordinal", start, doc.toks[j - 1].end, value)


def find_rank_adverbs(doc: Document):
    """حل العداء الجزائري ثانياً، جاءت ثالثةً: an ordinal adverb after a verb that places a
    competitor (and its subject) is the place; elsewhere أولاً is "firstly"."""
    lex = doc.lex
    for k in doc.word_anchors:
        if doc.taken[k]:
            continue
        hit = ordinal_adverb_at(doc, k)
        if hit is None:
            continue
        for b in range(k - 1, max(-1, k - 5), -1):
            w = doc.word(b)
            if w is None or doc.taken[b]:
                break
            if any(sp.stem in lex.rank_verbs for sp in morphology.readings(w, morphology.CONJUNCTIONS)):
                value, j, start = hit
                yield Mention("ordinal", start, doc.toks[j - 1].end, value)
                break
            if not noun_like(lex, w):
                break


FINDERS = (
    Finder("ordinal.list-item", Phase.SHAPES, find_list_items),
    Finder("ordinal.compound", Phase.SHAPES, find_compounds, also=("ordinal.construct",)),
    Finder("ordinal.word", Phase.ORDINAL_WORDS, find_words, also=("ordinal.construct",)),
    Finder("ordinal.rank-adverb", Phase.ORDINAL_WORDS, find_rank_adverbs),
)
RULES = (
    Rule("ordinal.rank-head", Phase.NON_QUANTITIES, rank, digits=True),
    Rule("ordinal.day-of-month", Phase.NON_QUANTITIES, day_of_month, digits=True),
    Rule("ordinal.definite-digits", Phase.NON_QUANTITIES, definite_digits, digits=True),
    Rule("ordinal.definite-cardinal", Phase.NON_QUANTITIES, definite_cardinal, digits=False),
)
