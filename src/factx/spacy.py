"""factx as a spaCy pipeline component (the ``spacy`` extra): ``nlp.add_pipe("factx")``.

The component runs `factx.extract_records` on ``doc.text`` and puts one span per fact
in ``doc.spans["factx"]`` (the key is configurable), labelled with the fact's kind, with
the record on ``span._.fact``. Both factx and spaCy count offsets in code points (str
indices), so a fact's span maps to tokens with ``doc.char_span``; where a fact covers
part of a token (``2013/2014`` is one token and two dates), ``alignment_mode="expand"``
gives the whole token, and the record keeps the exact characters in its ``span`` and
``text``.

Several facts can share a token span, and spaCy keys span attributes by character
offsets, so the records live on the span group (``doc.spans[key].attrs["facts"]``) and
each span's id is its record's position plus one: ``span._.fact`` reads it from there.
Records survive ``Doc.to_bytes`` and ``DocBin``. The factory is registered through the
``spacy_factories`` entry point, so no import is needed before ``add_pipe``.
"""

from typing import Iterable, List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

import factx

FACTS_ATTR = "facts"


def _fact_of(span: Span) -> Optional[dict]:
    """The factx record of a span made by the component, else None."""
    i = span.id - 1
    for group in span.doc.spans.values():
        facts = group.attrs.get(FACTS_ATTR)
        if facts is None or not 0 <= i < len(facts):
            continue
        f = facts[i]["span"]
        if span.start_char <= f["start"] and f["end"] <= span.end_char:
            return facts[i]
    return None


if not Span.has_extension("fact"):
    Span.set_extension("fact", getter=_fact_of)


class FactxComponent:
    """Adds the facts of a Doc's text to ``doc.spans[spans_key]``."""

    def __init__(self, name: str = "factx", kinds: Optional[Iterable[str]] = None, spans_key: str = "factx"):
        self.name = name
        self.kinds = None if kinds is None else sorted(set(kinds))
        if self.kinds is not None:
            factx.extract_records("", kinds=self.kinds)   # the library's own check: UnknownKindError now
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        records = factx.extract_records(doc.text, kinds=self.kinds)
        spans = []
        for i, r in enumerate(records):
            span = doc.char_span(r["span"]["start"], r["span"]["end"], label=r["kind"],
                                 alignment_mode="expand", span_id=i + 1)
            if span is not None:          # None only for a fact inside white space: never
                spans.append(span)
        doc.spans[self.spans_key] = spans
        doc.spans[self.spans_key].attrs[FACTS_ATTR] = records
        return doc


@Language.factory("factx", default_config={"kinds": None, "spans_key": "factx"})
def make_factx(nlp: Language, name: str, kinds: Optional[List[str]], spans_key: str) -> FactxComponent:
    """The ``factx`` factory: ``nlp.add_pipe("factx", config={"kinds": ["count"]})``."""
    return FactxComponent(name, kinds, spans_key)
