"""Qualifiers (SPEC §4.4): the words that bound a quantity — before it (أكثر من،
نحو، ما لا يقل عن) or after it and its unit or noun (تقريبا، على الأقل، فأكثر).

This is the last phase: a qualifier attaches to the quantity it bounds, and
its span is recorded. A range keeps its qualifier and records its opener.
"""

from __future__ import annotations

from ..language import morphology
from ..text.document import Document
from ..text.tokens import COMMAS
from .mention import Candidate, Mention


def qualifier_before(doc: Document, i: int) -> tuple[str, int] | None:
    """A qualifier phrase ending before token i (skipping a detached clitic): (qualifier, first token).

    Several rules ask for the same token; the answer is kept per document."""
    memo = doc.qualifier_memo
    try:
        return memo[i]
    except KeyError:
        hit = memo[i] = _qualifier_before(doc, i)
        return hit


def _qualifier_before(doc: Document, i: int) -> tuple[str, int] | None:
    table = doc.lex.qualifiers_before
    hit = doc.phrase_before(i, table, morphology.NO_ARTICLE)
    if hit is None and doc.tok_text(i - 1) in morphology.DETACHED:
        hit = doc.phrase_before(i - 1, table, morphology.NO_ARTICLE)
    return hit


def qualifier_after(doc: Document, j: int) -> tuple[str, int] | None:
    """A qualifier phrase starting at token j: (qualifier, end token)."""
    if doc.tok_text(j) in COMMAS:
        return None
    return doc.phrase_at(j, doc.lex.qualifiers_after, morphology.CONJUNCTIONS)


def attach(doc: Document, cand: Candidate, m: Mention) -> None:
    """Give `m` the qualifier written before its candidate, or after it, its unit or its noun."""
    if cand.qualifier == "range":
        if cand.opener is not None:
            m.qualifier_span = doc.span_of(cand.opener, cand.opener + 1)
        return
    hit = qualifier_before(doc, cand.i if cand.opener is None else cand.opener)
    if hit is not None:
        q, k = hit
        m.qualifier, m.qualifier_span = q, doc.span_of(k, cand.i)
        return
    for j in (cand.j, _after_unit(doc, m, cand.j)):
        hit = qualifier_after(doc, j)
        if hit is not None:
            m.qualifier, m.qualifier_span = hit[0], doc.span_of(j, hit[1])
            return


def _after_unit(doc: Document, m: Mention, j: int) -> int:
    end = m.unit_span[1] if m.unit_span else (m.entity[1] if m.entity else None)
    return doc.token_at(end) if end is not None else j
