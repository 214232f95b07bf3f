"""Qualifiers (SPEC §4.4, §5.2): the words that bound a quantity — before it (أكثر من،
نحو، ما لا يقل عن، ≥) or after it and its unit or noun (تقريبا، على الأقل، فما فوق).

Before the number, `data/qualifiers.toml` is read with a small grammar:

    [opener] [negation] verb [subject] [preposition]  NUMBER   (ما لا يقل عن 12، ألا تزيد ساعات العمل على ثماني)
    [negation] phrase [or-equal]                      NUMBER   (لا أكثر من 50، أكبر من أو يساوي 100)
    [equal-or] phrase                                 NUMBER   (يساوي أو أقل من 30)

A comparison verb states how the number bounds its subject; its number follows
a preposition (يزيد على، يقل عن) or is its object (تجاوز، يفوق). A negation turns
a strict bound into the opposite inclusive one (لا تقل عن: at_least; لم تتجاوز:
at_most); "or equal" makes a strict bound inclusive. Between the qualifier and
the number may stand a detached proclitic (بـ، الـ) and an opening bracket or
quote (لا تقل عن (100) دينار).

This is the last phase: a qualifier attaches to the quantity it bounds, and
its span is recorded. A range keeps its qualifier and records its opener.
"""

from __future__ import annotations

from typing import NamedTuple

from ..language import morphology
from ..text.document import Document
from ..text.tokens import COMMAS, PUNCT, WORD, closing_wrapper, opening_wrapper
from .mention import Candidate, Mention
from .nouns import noun_like

#: a strict bound made inclusive by "or equal", and the bound a negation makes of it
INCLUSIVE = {"more_than": "at_least", "less_than": "at_most"}
NEGATED = {"more_than": "at_most", "less_than": "at_least"}
#: qualifiers before a number that a bound after it overrides (حوالي 500 أو أقل، يساوي 5000 أو أقل)
_WEAK = frozenset({"approximately", "exact"})
#: the qualifiers that bound a quantity from below / from above
LOWER = frozenset({"more_than", "at_least"})
UPPER = frozenset({"less_than", "at_most"})


class Found(NamedTuple):
    """A qualifier read before a number: its category and its words, tokens [first, end)."""

    qualifier: str
    first: int
    end: int


def qualifier_before(doc: Document, i: int) -> tuple[str, int] | None:
    """The qualifier written before token i: (qualifier, first token), or None."""
    hit = comparison_before(doc, i)
    return None if hit is None else (hit.qualifier, hit.first)


def comparison_before(doc: Document, i: int) -> Found | None:
    """The qualifier written before the number at token i, read with the grammar above
    (kept per document: the percent cue and `attach` both ask)."""
    memo = doc.qualifier_memo
    try:
        return memo[i]
    except KeyError:
        hit = memo[i] = _comparison_before(doc, i)
        return hit


def _comparison_before(doc: Document, i: int) -> Found | None:
    hit = _before(doc, i)
    if hit is None:
        k = _skip_wrapper(doc, i)
        if doc.tok_text(k - 1) in morphology.DETACHED:
            k -= 1
        if k != i:
            hit = _before(doc, k)
    if hit is not None and _in_symbol_run(doc, hit.first):
        return None                                   # =>30، <>30: no comparison sign
    return hit


def _in_symbol_run(doc: Document, k: int) -> bool:
    """Is token k a symbol written after another symbol with no space (=>، <>), or the end
    of a tag (<a0>)? x>10 and (>10) are comparisons."""
    if doc.toks[k].kind != PUNCT:
        return False
    for _ in range(3):
        if not doc.adjacent(k):
            return False
        k -= 1
        t = doc.toks[k]
        if t.kind == PUNCT and not opening_wrapper(t.text):
            return True
    return False


def _skip_wrapper(doc: Document, i: int) -> int:
    if i > 0 and doc.toks[i - 1].kind == PUNCT and opening_wrapper(doc.toks[i - 1].text):
        return i - 1
    return i


def _before(doc: Document, k: int) -> Found | None:
    lex = doc.lex
    hit = doc.phrase_before(k, lex.or_equal)
    if hit is not None:                               # أكبر من أو يساوي، أخفض أو يساوي
        q = doc.phrase_before(hit[1], lex.qualifiers_before, morphology.NO_ARTICLE) \
            or doc.phrase_before(hit[1], lex.bare_comparisons, morphology.NO_ARTICLE)
        if q is not None:
            return _negated(doc, Found(INCLUSIVE.get(q[0], q[0]), q[1], k), lex.negations)
    hit = doc.phrase_before(k, lex.qualifiers_before, morphology.NO_ARTICLE)
    if hit is not None:
        q, first = hit
        if q in INCLUSIVE:
            eq = doc.phrase_before(first, lex.equal_or)
            if eq is not None:                        # يساوي أو أقل من
                return Found(INCLUSIVE[q], eq[1], k)
        return _negated(doc, Found(q, first, k), lex.negations)
    return _verb(doc, k)


def _verb(doc: Document, k: int) -> Found | None:
    """A comparison verb whose number starts at token k: after its preposition
    (يزيد عدد السكان على 5 ملايين) or as its object (تجاوزت نسبة الإشغال 90%), its
    subject of up to `max_subject` words between."""
    lex = doc.lex
    w = doc.word(k - 1)
    if w is None:
        return None
    prep = w if w in lex.comparison_prepositions else None
    last = k - 2 if prep is not None else k - 1        # the last word of the verb or its subject
    surfaces, toks, taken = lex.comparison_verb_surfaces, doc.toks, doc.taken
    t = last
    lo = last - lex.max_subject
    while True:                                       # back over the subject to the verb
        if t < 0 or t < lo:
            return None
        tok = toks[t]
        if tok.kind != WORD or taken[t]:
            return None
        hit = surfaces.get(tok.text)
        if hit is not None:
            break
        t -= 1
    q, preps = hit
    if (prep is None) != (not preps) or (prep is not None and prep not in preps):
        return None
    before = doc.word(k - 1)
    if prep is None and t < last and before in lex.not_nouns and not morphology.is_definite(before):
        return None                                   # تعدى على 5: the preposition has its own object
    from .about import ends_clause                   # about reads the kinds' rules: imported when they are loaded
    if any(ends_clause(doc.word(s)) for s in range(t + 1, last + 1)):
        return None                                   # the words between are the verb's subject
    found = _negated(doc, Found(q, t, k if t == last else t + 1), lex.verb_negations)
    if doc.word(found.first - 1) in lex.comparison_openers:
        found = found._replace(first=found.first - 1)
    return found


def _negated(doc: Document, found: Found, negations: frozenset) -> Found:
    """The qualifier with a negation before it: لا تقل عن (at_least), لا أكثر من (at_most);
    before a verb, also a negated modal (لا يجوز أن تتجاوز: at_most)."""
    w = doc.word(found.first - 1)
    if w is None or found.qualifier not in NEGATED:
        return found
    if w in negations or any(s in negations for s in morphology.clitic_stems(w, morphology.CONJUNCTIONS)):
        return Found(NEGATED[found.qualifier], found.first - 1, found.end)
    if negations is doc.lex.verb_negations:                 # لا يجوز أن تتجاوز: a negated modal
        hit = doc.phrase_before(found.first, doc.lex.modal_negations, morphology.CONJUNCTIONS)
        if hit is not None:
            return Found(NEGATED[found.qualifier], hit[1], found.end)
    return found


def qualifier_after(doc: Document, j: int) -> tuple[str, int] | None:
    """A qualifier phrase starting at token j: (qualifier, end token); not the start of
    the next number's comparison (1200 شهيد وأكثر من 5600 جريح), nor a phrase that may
    stand before a number and has one right after it (رسم قدره 2% بحد أقصى 10,000 ريال:
    the cap is on the 10,000)."""
    if doc.tok_text(j) in COMMAS:
        return None
    hit = doc.phrase_at(j, doc.lex.qualifiers_after, morphology.CONJUNCTIONS)
    if hit is not None:
        nxt = doc.phrase_at(j, doc.lex.qualifiers_before, morphology.CONJUNCTIONS)
        if nxt is not None and (nxt[1] > hit[1] or nxt[1] == hit[1] < doc.n and doc.taken[hit[1]]
                                and not doc.tok_text(hit[1]).startswith(morphology.WA_FORM)):
            return None
    return hit


def attach(doc: Document, cand: Candidate, m: Mention) -> None:
    """Give `m` the qualifier written before its candidate, or after it, its unit or its noun.
    A bound after the number wins over "approximately" or "exact" before it (حوالي 500
    أو أقل: at_most)."""
    if cand.qualifier == "range":
        if cand.opener is not None:
            m.qualifier_span = doc.span_of(cand.opener, cand.opener + 1)
        return
    start = cand.i if cand.opener is None else cand.opener
    if cand.first.sign_span is not None and start == cand.i and m.start == cand.first.sign_span[0]:
        start -= 1                                    # أقل من -5 درجات (a sign the kind keeps)
    hit = comparison_before(doc, start)
    if hit is not None and start == cand.i and _after_wa(doc, cand, hit.end):
        hit = None                                    # 500 دينار على الأقل وعشرة آلاف: the bound is the 500's
    if hit is not None:
        q = hit.qualifier
        if q in INCLUSIVE and _or_equal_after(doc, cand.j):
            q = INCLUSIVE[q]                          # أقل من 5000 أو يساوي
        if q not in _WEAK or not _after(doc, cand, m):
            m.qualifier, m.qualifier_span = q, doc.span_of(hit.first, hit.end)
        return
    _after(doc, cand, m)


def _after_wa(doc: Document, cand: Candidate, end: int) -> bool:
    """Does a phrase ending before token `end` stand right before و and the candidate's
    number (وعشرة آلاف، و 10 آلاف)? و opens a new member of a list: a bound just
    before it belongs to the member before."""
    if end == cand.i:
        return doc.norm[doc.toks[cand.i].start:cand.first.start] == morphology.WA_FORM
    return end == cand.i - 1 and doc.tok_text(end) == morphology.WA_FORM


def _or_equal_after(doc: Document, j: int) -> bool:
    """"or equal" after the number, ending its clause (أقل من 5000 أو يساوي; not the
    يساوي of another number: أكثر من 5000 أو يساوي 6000)."""
    hit = doc.phrase_at(j, doc.lex.or_equal)
    return hit is not None and (hit[1] >= doc.n or not doc.taken[hit[1]])


def _after(doc: Document, cand: Candidate, m: Mention) -> bool:
    j = _after_unit(doc, m, cand.j)
    for k in (cand.j, j, *_chain_ends(doc, j)):
        hit = qualifier_after(doc, k)
        if hit is not None:
            m.qualifier, m.qualifier_span = hit[0], doc.span_of(k, hit[1])
            return True
    return False


#: the most words of a genitive chain a qualifier after the number may follow
_MAX_CHAIN = 4


def _chain_ends(doc: Document, j: int):
    """The tokens after each noun of the genitive chain (idafa) starting at token j, or
    after من: indefinite nouns, closed by a definite one and its nisba adjectives
    (7 ساعات نوم على الأقل، لربع عدد أعضاء مجلس النواب على الأقل، 12 عنصرا من قوات
    الأمن على الأقل)."""
    lex = doc.lex
    first = j + 1 if doc.word(j) in lex.partitive else j     # 12 عنصرا من قوات الأمن على الأقل
    for k in range(first, min(doc.n, first + _MAX_CHAIN)):
        w = doc.word(k)
        if w is None or doc.taken[k] or not noun_like(lex, w) \
                or morphology.readings(w, morphology.ANY, morphology.WA_REQUIRED):
            return
        if morphology.is_definite(w):
            k += 1                                          # and its adjectives: المجلس البلدي
            while k < doc.n and doc.word(k) is not None and morphology.is_definite(doc.word(k)) \
                    and morphology.nisba_like(morphology.strip_definite(doc.word(k))[1]):
                k += 1
            yield k
            return
        yield k + 1


def _after_unit(doc: Document, m: Mention, j: int) -> int:
    end = m.unit_span[1] if m.unit_span else (m.entity[1] if m.entity else None)
    return doc.token_at(end) if end is not None else j
