"""The extraction pipeline: text → normalised tokens → numerals → typed facts.

Order matters and is the whole design:
1. calendar and shape rules first (dates, times, codes, phone numbers): they
   take their tokens, so a year or a day can never be read as a count;
2. numerals are read on what is left;
3. each numeral is tried as a non-quantity (identifier, year, definite-digit
   ordinal), then paired into ranges, then typed by the quantity rules in
   order percent → money → measure → duration/age → count;
4. ordinal words are read last, on tokens no quantity has taken;
5. qualifiers attach to the quantity they bound; spans map to the original.

`extract` gives pydantic `Fact` records; `extract_records` gives the same
records as plain dicts, without loading pydantic (what the command line
writes). Both come from one pipeline and are checked by the same §3 rules.
"""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from .numerals.scan import scan
from .record import KINDS, NONNEGATIVE_KINDS, value_problems
from .rules import about, count, date, duration, identifier, measure, money, ordinal, percent, ranges
from .rules.base import Candidate, Doc, Mention, qualifier_after, qualifier_before

if TYPE_CHECKING:
    from .models import Fact

_QUANTITY_RULES = (percent.match, money.match, measure.match, duration.match, count.match)
# One mark, not a run: "[.!?]+(?=\s)" backtracks through every run glued to a word
# (quadratic). The pattern opens with a character class so that `re` skips to the
# next candidate character in C (3x faster than "[.!?؟;؛](?=\s|$)|\n+").
_SENTENCE_END_RE = re.compile(r"[.!?؟;؛\n](?:(?<=\n)\n*|(?=\s|$))")


class UnknownKindError(ValueError):
    """Raised when `kinds` names a kind that does not exist."""


class InvalidFactError(RuntimeError):
    """An extraction rule produced a record that breaks SPEC §3 (a bug in factx)."""


def _attach_qualifier(doc: Doc, cand: Candidate, m: Mention) -> None:
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


def _after_unit(doc: Doc, m: Mention, j: int) -> int:
    end = m.unit_span[1] if m.unit_span else (m.entity[1] if m.entity else None)
    return doc.token_at(end) if end is not None else j


def _mentions(doc: Doc) -> list[Mention]:
    out: list[Mention] = []
    out += date.find_dates(doc)
    out += date.find_times(doc)
    out += identifier.find_patterns(doc)
    out += ordinal.find_compounds(doc)
    nums = scan(doc.nt, doc.toks, doc.blocked, doc.anchors)
    taken = list(doc.blocked)
    quantities = []
    for num in nums:
        for k in range(num.i, num.j):
            taken[k] = True
        m = (identifier.match(doc, num) or date.match_year(doc, num) or ordinal.match_digits(doc, num)
             or ordinal.match_definite_cardinal(doc, num))
        if m is not None:
            out.append(m)
        else:
            quantities.append(num)
    for cand in ranges.candidates(doc, quantities):
        for rule in _QUANTITY_RULES:
            m = rule(doc, cand)
            if m is not None:
                break
        else:
            continue
        if m.kind in NONNEGATIVE_KINDS and not _unsign(cand, m):
            continue
        _attach_qualifier(doc, cand, m)
        if m.unit_span:
            for k in range(*doc.tokens_in(*m.unit_span)):
                taken[k] = True
        out.append(m)
    out += ordinal.find_words(doc, taken)
    out.sort(key=lambda m: (m.start, m.end))
    about.describe(doc, out)
    return out


def _unsign(cand: Candidate, m: Mention) -> bool:
    """Counts and percents are never negative: a '-' before them is a dash, not a sign.

    Returns False when the mention does not survive (a range that is no longer ordered).
    """
    if cand.first.sign_span is None:
        return True
    m.start = cand.first.sign_span[1]
    if isinstance(m.value, (int, float)):
        m.value = abs(m.value)
    if isinstance(m.low, (int, float)):
        m.low = abs(m.low)
    return m.low is None or m.high is None or m.low < m.high


def _sentence_bounds(norm: str) -> list[int]:
    return list(map(re.Match.end, _SENTENCE_END_RE.finditer(norm)))


def extract(text: str, doc_id: str | None = None, kinds: Iterable[str] | None = None) -> list[Fact]:
    """Every numeric mention in `text`, in order, as validated `Fact` records.

    `kinds` restricts the output to those kinds (default: all). Spans are
    offsets into `text` exactly as given.
    """
    from .models import Fact, Span, trusted       # pydantic is loaded by the first call, not by import

    def make_span(start: int, end: int) -> Span:
        return trusted(Span, {"start": start, "end": end})

    def make_fact(values: dict) -> Fact:
        return trusted(Fact, values)

    return _extract(text, doc_id, kinds, make_span, make_fact)


def extract_records(text: str, doc_id: str | None = None, kinds: Iterable[str] | None = None) -> list[dict]:
    """The facts of `extract` as plain dicts (spans as ``{"start", "end"}`` dicts),
    keys in the order of `Fact`'s fields: ready for ``json.dumps``, and no
    pydantic. Each has passed the same §3 checks as a `Fact`."""
    return _extract(text, doc_id, kinds, _span_dict, _same)


def _span_dict(start: int, end: int) -> dict:
    return {"start": start, "end": end}


def _same(values: dict) -> dict:
    return values


def _extract(text: str, doc_id: str | None, kinds: Iterable[str] | None,
             make_span: Callable[[int, int], Any], make_record: Callable[[dict], Any]) -> list:
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str text, got {type(text).__name__}")
    wanted = None
    if kinds is not None:
        wanted = set(kinds)
        unknown = wanted - set(KINDS)
        if unknown:
            raise UnknownKindError(f"unknown kind(s): {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    with _cyclic_gc_paused():
        return _records(text, doc_id, wanted, make_span, make_record)


@contextmanager
def _cyclic_gc_paused():
    """Pause Python's cyclic garbage collector for one extraction.

    Extraction makes many small objects and no reference cycles, so reference
    counting frees all of it; but each full pass of the cyclic collector walks
    every live object, and on one large document (its tokens and thousands of
    records) those passes made time grow faster than the input (x8 input: 1.39x
    the time per character). The collector is switched back on afterwards only
    if it was on before, so a caller's own choice stands.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _records(text: str, doc_id: str | None, wanted: set[str] | None,
             make_span: Callable[[int, int], Any], make_record: Callable[[dict], Any]) -> list:
    doc = Doc(text)
    mentions = _mentions(doc)
    if not mentions:
        return []
    bounds = _sentence_bounds(doc.norm)
    norm = doc.norm
    spans = _Spans(doc.nt, make_span)
    out = []
    b = 0
    for m in mentions:
        if wanted is not None and m.kind not in wanted:
            continue
        while b < len(bounds) and bounds[b] <= m.start:
            b += 1
        sent_s = bounds[b - 1] if b > 0 else 0
        sent_e = bounds[b] if b < len(bounds) else len(norm)
        while sent_s < m.start and norm[sent_s].isspace():
            sent_s += 1
        while sent_e > m.end and norm[sent_e - 1].isspace():
            sent_e -= 1
        s, e, where = spans(m.start, m.end)
        entity = spans(*m.entity) if m.entity else None
        predicate = spans(*m.predicate) if m.predicate else None
        # The pipeline builds exactly typed values, so pydantic's type validation is
        # skipped (it was a quarter of the run time); §3's rules are still enforced.
        values = {
            "doc_id": doc_id, "kind": m.kind, "value": m.value, "low": m.low, "high": m.high,
            "qualifier": m.qualifier, "unit": m.unit,
            "entity": None if entity is None else text[entity[0]:entity[1]],
            "span": where, "text": text[s:e],
            "sentence": spans.made(sent_s, sent_e),
            "qualifier_span": spans.made(*m.qualifier_span) if m.qualifier_span else None,
            "entity_span": None if entity is None else entity[2],
            "unit_span": spans.made(*m.unit_span) if m.unit_span else None,
            "calendar": m.calendar, "rule": m.rule,
            "entity_norm": m.entity_norm,
            "predicate": None if predicate is None else text[predicate[0]:predicate[1]],
            "predicate_span": None if predicate is None else predicate[2], "change": m.change,
            "unit_source": m.unit_source,
        }
        problems = value_problems(values)
        if problems:
            raise InvalidFactError(f"{problems[0]} (rule {m.rule}, text {text[s:e]!r}): please report this input")
        out.append(make_record(values))
    return out


class _Spans(dict):
    """Original-text span of a normalised span, mapped once per document: facts
    of one sentence share their sentence span, a range's ends share a unit.
    Immutable span objects (`Span`) are shared too; dicts are made afresh, so
    that no two records share a mutable value."""

    def __init__(self, nt, make: Callable[[int, int], Any]):
        super().__init__()
        self.nt, self.make = nt, make
        self.share = make is not _span_dict

    def __call__(self, start: int, end: int) -> tuple[int, int, Any] | None:
        """(original start, original end, span object); None for an empty span."""
        key = (start, end)
        hit = self.get(key)
        if hit is None:
            if end <= start:
                return None
            s, e = self.nt.orig_span(start, end)
            hit = self[key] = (s, e, self.make(s, e))
        elif not self.share:
            return hit[0], hit[1], self.make(hit[0], hit[1])
        return hit

    def made(self, start: int, end: int) -> Any:
        """The span object alone (None for an empty span)."""
        hit = self(start, end)
        return None if hit is None else hit[2]
