"""The library's entry points: text in, validated fact records out.

`extract` gives pydantic `Fact` records; `extract_records` gives the same
records as plain dicts, without loading pydantic (what the command line
writes). Both run one `pipeline.Pipeline` (for the variety asked for) and map
its mentions back to the original text; every record passes the same checks
(`record.record_problems`: closed lists and SPEC §3) before it is returned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .language.lexicon import VARIETIES, lexicon, regions
from .pipeline import Pipeline
from .record import KINDS, record_problems
from .rules import about

if TYPE_CHECKING:
    from .models import Fact
    from .numerals.scan import FoundNumeral


class UnknownKindError(ValueError):
    """Raised when `kinds` names a kind that does not exist."""


class UnknownVarietyError(ValueError):
    """Raised when `variety` names a variety factx has no tables for."""


class UnknownRegionError(ValueError):
    """Raised when `region` names a country factx has no table for (data/regions.toml)."""


class InvalidFactError(RuntimeError):
    """An extraction rule produced a record that breaks SPEC §3 (a bug in factx)."""


@lru_cache(maxsize=None)
def pipeline(variety: str | None = None, region: str | None = None) -> Pipeline:
    """The pipeline of `variety` (None: Modern Standard Arabic) and of the caller's
    `region` hint (None: no region), built once."""
    if variety is not None and variety not in VARIETIES:
        raise UnknownVarietyError(f"unknown variety {variety!r}; known: {', '.join(VARIETIES)}")
    if region is not None and region not in regions():
        raise UnknownRegionError(f"unknown region {region!r}; known: {', '.join(regions())}")
    return Pipeline(lexicon(variety, region=region))


def find_numerals(text: str, variety: str | None = None, region: str | None = None) -> list[FoundNumeral]:
    """Every numeral in `text` with its exact value (`fractions.Fraction`) and
    original-text span: the numeral reader and its guards, without typing."""
    from .numerals.scan import read_numerals
    p = pipeline(variety, region)
    return read_numerals(text, p.lex, p._keep_numeral)


def extract(text: str, doc_id: str | None = None, kinds: Iterable[str] | None = None,
            variety: str | None = None, region: str | None = None) -> list[Fact]:
    """Every numeric mention in `text`, in order, as validated `Fact` records.

    `kinds` restricts the output to those kinds (default: all); `variety`
    (``"eg"``, ``"lev"``, ``"gulf"``, ``"maghreb"``) reads the variety's number
    words and currency defaults too; `region` (an ISO 3166 alpha-2 country code of
    `factx.REGIONS`: ``"MA"``, ``"EG"``, ``"KW"`` …) says where the text comes from,
    so that an ambiguous currency word names that country's currency (درهم → MAD)
    when the text itself does not say, and implies the country's variety when
    `variety` is None. Spans are offsets into `text` exactly as given.
    """
    from .models import Fact, Span, trusted       # pydantic is loaded by the first call, not by import

    def make_span(start: int, end: int) -> Span:
        return trusted(Span, {"start": start, "end": end})

    def make_fact(values: dict) -> Fact:
        return trusted(Fact, values)

    return _extract(text, doc_id, kinds, variety, region, make_span, make_fact)


def extract_records(text: str, doc_id: str | None = None, kinds: Iterable[str] | None = None,
                    variety: str | None = None, region: str | None = None) -> list[dict]:
    """The facts of `extract` as plain dicts (spans as ``{"start", "end"}`` dicts),
    keys in the order of `Fact`'s fields: ready for ``json.dumps``, and no
    pydantic. Each has passed the same checks as a `Fact`."""
    return _extract(text, doc_id, kinds, variety, region, _span_dict, _same)


def _span_dict(start: int, end: int) -> dict:
    return {"start": start, "end": end}


def _same(values: dict) -> dict:
    return values


def _extract(text: str, doc_id: str | None, kinds: Iterable[str] | None, variety: str | None,
             region: str | None, make_span: Callable[[int, int], Any],
             make_record: Callable[[dict], Any]) -> list:
    if not isinstance(text, str):
        raise TypeError(f"extract() needs str text, got {type(text).__name__}")
    wanted = None
    if kinds is not None:
        wanted = set(kinds)
        unknown = wanted - set(KINDS)
        if unknown:
            raise UnknownKindError(f"unknown kind(s): {', '.join(sorted(unknown))}; known: {', '.join(KINDS)}")
    return _records(text, doc_id, wanted, pipeline(variety, region), make_span, make_record)


def _records(text: str, doc_id: str | None, wanted: set[str] | None, pipe: Pipeline,
             make_span: Callable[[int, int], Any], make_record: Callable[[dict], Any]) -> list:
    doc, mentions = pipe.mentions(text)
    if not mentions:
        return []
    about.describe(doc, mentions)
    bounds = doc.sentence_ends
    n_bounds = len(bounds)
    norm = doc.norm
    spans = _Spans(doc.nt, make_span)
    made = spans.made
    unit_codes = pipe.lex.unit_codes
    out = []
    b = 0
    for m in mentions:
        if wanted is not None and m.kind not in wanted:
            continue
        start, end = m.start, m.end
        while b < n_bounds and bounds[b] <= start:
            b += 1
        sent_s = bounds[b - 1] if b > 0 else 0
        sent_e = bounds[b] if b < n_bounds else len(norm)
        while sent_s < start and norm[sent_s].isspace():
            sent_s += 1
        while sent_e > end and norm[sent_e - 1].isspace():
            sent_e -= 1
        s, e, where = spans(start, end)
        entity = spans(*m.entity) if m.entity else None
        predicate = spans(*m.predicate) if m.predicate else None
        # The pipeline builds exactly typed values, so pydantic's type validation is
        # skipped (it was a quarter of the run time); §3's rules are still enforced.
        values = {
            "doc_id": doc_id, "kind": m.kind, "value": m.value, "low": m.low, "high": m.high,
            "qualifier": m.qualifier, "unit": m.unit,
            "entity": None if entity is None else text[entity[0]:entity[1]],
            "span": where, "text": text[s:e],
            "sentence": made(sent_s, sent_e),
            "qualifier_span": made(*m.qualifier_span) if m.qualifier_span else None,
            "entity_span": None if entity is None else entity[2],
            "unit_span": made(*m.unit_span) if m.unit_span else None,
            "calendar": m.calendar, "rule": m.rule,
            "entity_norm": m.entity_norm,
            "predicate": None if predicate is None else text[predicate[0]:predicate[1]],
            "predicate_span": None if predicate is None else predicate[2], "change": m.change,
            "unit_source": m.unit_source,
        }
        problems = record_problems(values, unit_codes)
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
