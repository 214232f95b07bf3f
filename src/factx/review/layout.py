"""The data of a review page, with every text already cut where the marks go.

Offsets in records are Python code-point indices, and JavaScript counts UTF-16
units (an emoji is two): so the page is never given an offset. Each document
comes as a tree of segments, a string or ``[fact index, [children]]``, whose
concatenation is the document; a mention of a claim or a group comes as
``[before, text, after]``.

A fact is placed in its document when its span holds its text; facts nest
when one span holds another. A fact that cannot be placed (text not the
source's, no source document, a span crossing another fact's) is still on
the page, in its document's list of facts outside the text, with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..record import KINDS, slice_problems
from .collect import FactSet

#: characters of a sentence shown on each side of a fact in the table
EXCERPT = 48
_SPACES = re.compile(r"\s+")
#: the order of the legend (quantities first, as the README lists them); a kind
#: not named here comes last, with no colour of its own in review.css
LEGEND_ORDER = ("count", "percent", "money", "measure", "duration", "age", "ordinal", "date", "time", "identifier")


def _span(obj: Any) -> tuple[int, int] | None:
    if isinstance(obj, dict) and type(obj.get("start")) is int and type(obj.get("end")) is int \
            and 0 <= obj["start"] < obj["end"]:
        return obj["start"], obj["end"]
    return None


def nest(text: str, spans: list[tuple[int, int, int]]) -> tuple[list, dict[int, int]]:
    """The segment tree of `text` with a mark per ``(start, end, index)`` span, and
    the spans left out because they cross another one (index -> the other's index).
    Equal spans nest in index order."""
    tree: list = []
    stack: list[tuple[int, int, int, list]] = []
    crossing: dict[int, int] = {}
    for start, end, index in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        while stack and stack[-1][1] <= start:
            stack.pop()
        if stack and end > stack[-1][1]:
            crossing[index] = stack[-1][2]
            continue
        node = (start, end, index, [])
        (stack[-1][3] if stack else tree).append(node)
        stack.append(node)

    def segments(lo: int, hi: int, nodes: list) -> list:
        out: list = []
        pos = lo
        for start, end, index, children in nodes:
            if start > pos:
                out.append(text[pos:start])
            out.append([index, segments(start, end, children)])
            pos = end
        if hi > pos:
            out.append(text[pos:hi])
        return out

    return segments(0, len(text), tree), crossing


def excerpt(text: str, start: int, end: int, sentence: tuple[int, int] | None) -> list[str]:
    """What the table shows of a fact's sentence: up to `EXCERPT` characters on
    each side of the fact (cut at a space, "…" where cut, runs of white space
    as one space), within its sentence when the record gives one."""
    lo, hi = sentence if sentence and sentence[0] <= start and end <= sentence[1] <= len(text) else (0, len(text))
    a, b = max(lo, start - EXCERPT), min(hi, end + EXCERPT)
    before, after = text[a:start], text[end:b]
    if a > lo:
        cut = before.find(" ")
        before = "…" + (before[cut + 1:] if 0 <= cut < len(before) - 1 else before)
    if b < hi:
        cut = after.rfind(" ")
        after = (after[:cut] if cut > 0 else after) + "…"
    return [_SPACES.sub(" ", before), _SPACES.sub(" ", after)]


def _document(facts: FactSet, d_index: int, meta: list) -> dict:
    doc = facts.documents[d_index]
    text = doc.text or ""
    placed, outside = [], {}
    for i in doc.facts:
        record = facts.records[i]
        span = _span(record.get("span"))
        fact_text = record.get("text")
        if doc.text is None:
            outside[i] = f"document {doc.doc_id!r} is not among the sources"
        elif span is None or not isinstance(fact_text, str):
            outside[i] = "the record has no valid span and text"
        elif mismatch := slice_problems(*span, fact_text, text):
            outside[i] = mismatch[0]
        else:
            placed.append((*span, i))
    nodes, crossing = nest(text, placed)
    for i, other in crossing.items():
        outside[i] = f"its span crosses the span of fact {other}"
    for i in doc.facts:
        record = facts.records[i]
        entry: dict[str, Any] = {"d": d_index, "l": facts.lines[i]}
        if i in outside:
            entry["o"] = outside[i]
        else:
            span = _span(record["span"])
            entry["x"] = excerpt(text, *span, _span(record.get("sentence")))
        if i in facts.problems:
            entry["p"] = facts.problems[i]
        meta[i] = entry
    return {"id": doc.doc_id, "missing": doc.text is None, "nodes": nodes,
            "facts": doc.facts, "outside": [i for i in doc.facts if i in outside]}


def mention(m: dict, texts: dict[str, str]) -> dict:
    """How a cited fact (evidence, group member) is shown: its sentence cut around
    it, ``ctx = [before, text, after]``; or, when it cannot be found in the
    sentence, ``ctx = None`` and the sentence in ``plain``."""
    start, end = m["span"]["start"], m["span"]["end"]
    text, sentence, doc = m["text"], m.get("sentence_text"), texts.get(m["doc_id"])
    if doc is not None and not slice_problems(start, end, text, doc):
        if sentence:
            pos = doc.find(sentence, max(0, end - len(sentence)))
            if 0 <= pos <= start:
                return {"ctx": [sentence[:start - pos], text, sentence[end - pos:]]}
        lo, hi = max(0, start - 2 * EXCERPT), min(len(doc), end + 2 * EXCERPT)
        return {"ctx": [("…" if lo else "") + doc[lo:start], text, doc[end:hi] + ("…" if hi < len(doc) else "")]}
    if not sentence:
        return {"ctx": ["", text, ""]}
    at = sentence.find(text)
    if at < 0:
        return {"ctx": None, "plain": sentence}
    return {"ctx": [sentence[:at], text, sentence[at + len(text):]]}


def _cited(items: list[dict], texts: dict[str, str], index: dict) -> list[dict]:
    out = []
    for m in items:
        key = (m["doc_id"], m["span"]["start"], m["span"]["end"], m["text"])
        out.append({"rec": m, "ref": index.get(key, -1), **mention(m, texts)})
    return out


def _claim(check: dict, texts: dict[str, str], index: dict) -> dict:
    fact, claim = check["claim_fact"], check["claim_text"]
    span, text = _span(fact.get("span")), fact.get("text")
    if span and isinstance(text, str) and not slice_problems(*span, text, claim):
        shown = {"ctx": [claim[:span[0]], text, claim[span[1]:]]}
    else:
        shown = {"ctx": None, "plain": claim}
    return {"id": check["claim_id"], "verdict": check["verdict"], "fact": fact, **shown,
            "evidence": _cited(check["evidence"], texts, index)}


def page_data(facts: FactSet, checks: Sequence[dict] = (), groups: Sequence[dict] = (),
              title: str = "factx review") -> dict:
    """Everything the page shows, as JSON-ready data."""
    meta: list = [None] * len(facts.records)
    docs = [_document(facts, d, meta) for d in range(len(facts.documents))]
    texts = {}
    for doc in facts.documents:
        if doc.text is not None:
            texts.setdefault(doc.doc_id, doc.text)
    index = {}
    for i, r in enumerate(facts.records):
        span = _span(r.get("span"))
        if span and "o" not in meta[i]:
            index.setdefault((r.get("doc_id"), *span, r.get("text")), i)
    return {
        "title": title,
        "key": facts.digest,
        "name": facts.name,
        "kinds": sorted(KINDS, key=lambda k: LEGEND_ORDER.index(k) if k in LEGEND_ORDER else len(LEGEND_ORDER)),
        "records": facts.records,
        "meta": meta,
        "docs": docs,
        "claims": [_claim(c, texts, index) for c in checks],
        "groups": [{**{k: g.get(k) for k in ("kind", "unit", "entity_norm", "predicate_family")},
                    "members": _cited(g["members"], texts, index)} for g in groups],
    }
