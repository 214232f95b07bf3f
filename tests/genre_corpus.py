"""The genre corpus (tests/corpus/genres/*.toml): loading it and holding records to it.

Each genre file lists sentences of one kind of real-world text with the
COMPLETE list of facts each must yield, in start-offset order; each expected
fact states only the fields it checks ("null" stands for JSON null), always
its `text` (the exact surface of the span) and, when that surface occurs more
than once in the sentence, `at` = which occurrence (1-based, default 1). The
expected span start is computed from the sentence with `str.find`, so a record
with the right text at the wrong place fails. `facts = []` is a negative;
`trap = true` marks a positive example built around a look-alike; `variety`
is the region hint the sentence is extracted with (factx.extract's `variety`).

`compare` returns the mismatches of one example as `Issue`s, each with a
`what` (missing, extra, span, kind, value, …) that the failure report groups by.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

GENRE_DIR = Path(__file__).parent / "corpus" / "genres"
GENRES = ("laws", "archives", "sports", "economy", "health", "weather", "social")

#: keys an example may have, and keys an expected fact may have besides record fields
EXAMPLE_KEYS = {"text", "facts", "phenomenon", "trap", "variety"}
FACT_META = {"text", "at"}
#: record fields an expected fact may check (SPEC §2, §5.5 and factx's additions)
RECORD_FIELDS = {"kind", "value", "low", "high", "qualifier", "unit", "entity", "calendar",
                 "entity_norm", "predicate", "change", "unit_source"}


class CorpusError(ValueError):
    """A malformed example: names the genre file and the example's number."""


@dataclass
class Expected:
    """One expected fact: its checked fields and the span it must have."""

    fields: dict
    surface: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.surface)


@dataclass
class Example:
    """One sentence of a genre file with its expected facts."""

    genre: str
    number: int                      # 0-based position in its genre file
    text: str
    phenomenon: str
    trap: bool
    facts: list[Expected] = field(default_factory=list)
    variety: str | None = None       # the caller's region hint (factx.extract's `variety`)

    @property
    def id(self) -> str:
        return f"{self.genre}-{self.number}-{self.phenomenon}"

    @property
    def negative(self) -> bool:
        return not self.facts


@dataclass
class Issue:
    """One way the records differ from an example."""

    what: str                        # missing | extra | span | order | error | <field name>
    detail: str


def occurrence(text: str, surface: str, at: int = 1) -> int:
    """Start of the `at`-th occurrence (1-based) of `surface` in `text`, or -1."""
    i = -1
    for _ in range(at):
        i = text.find(surface, i + 1)
        if i < 0:
            return -1
    return i


def load_genre(genre: str, directory: Path = GENRE_DIR) -> list[Example]:
    path = directory / f"{genre}.toml"
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = []
    for n, raw in enumerate(data.get("example", [])):
        where = f"{path.name} example {n}"
        unknown = set(raw) - EXAMPLE_KEYS
        if unknown or "text" not in raw or "facts" not in raw or "phenomenon" not in raw:
            raise CorpusError(f"{where}: needs text, facts, phenomenon; unknown keys {sorted(unknown)}")
        text = raw["text"]
        ex = Example(genre, n, text, raw["phenomenon"], bool(raw.get("trap", False)), variety=raw.get("variety"))
        for k, f in enumerate(raw["facts"]):
            bad = set(f) - RECORD_FIELDS - FACT_META
            if bad or "text" not in f or "kind" not in f:
                raise CorpusError(f"{where} fact {k}: needs kind and text; unknown keys {sorted(bad)}")
            at = f.get("at", 1)
            start = occurrence(text, f["text"], at)
            if start < 0:
                raise CorpusError(f"{where} fact {k}: {f['text']!r} does not occur {at} time(s) in the text")
            ex.facts.append(Expected({key: v for key, v in f.items() if key not in FACT_META}, f["text"], start))
        starts = [e.start for e in ex.facts]
        if starts != sorted(starts) or len(set(starts)) != len(starts):
            raise CorpusError(f"{where}: facts are not in strictly increasing start order: {starts}")
        out.append(ex)
    return out


def load_all(directory: Path = GENRE_DIR) -> dict[str, list[Example]]:
    return {g: load_genre(g, directory) for g in GENRES}


def same(got, want) -> bool:
    """`want` from the corpus against a record's value ("null" is JSON null)."""
    if want == "null":
        return got is None
    if isinstance(want, float) and isinstance(got, (int, float)) and not isinstance(got, bool):
        return math.isclose(got, want, rel_tol=1e-6)
    return got == want


def _describe(kind, value, low, high, qualifier, unit, surface, start) -> str:
    """kind, value or bounds, qualifier, unit, text@start: one fact on one line."""
    bits = [kind, str(value if value is not None else [low, high])]
    if qualifier not in (None, "exact"):
        bits.append(qualifier)
    if unit:
        bits.append(unit)
    bits.append(f"{surface!r}@{start}")
    return " ".join(bits)


def short(record: dict) -> str:
    """A record as the report shows it."""
    r = record
    return _describe(r.get("kind"), r.get("value"), r.get("low"), r.get("high"), r.get("qualifier"),
                     r.get("unit"), r.get("text"), r.get("span", {}).get("start"))


def expected_short(e: Expected) -> str:
    """An expected fact as the report shows it."""
    f = {k: (None if v == "null" else v) for k, v in e.fields.items()}
    return _describe(f.get("kind"), f.get("value"), f.get("low"), f.get("high"), f.get("qualifier"),
                     f.get("unit"), e.surface, e.start)


def compare(ex: Example, records: list[dict]) -> list[Issue]:
    """Every way `records` (extract_records output for ex.text) differ from the example.

    Records are paired with expected facts by span: the same span first, then an
    overlapping one (reported as a span issue, its fields still compared)."""
    issues: list[Issue] = []
    used: set[int] = set()

    def span_of(r):
        return r["span"]["start"], r["span"]["end"]

    pairs: list[tuple[Expected, dict | None]] = []
    for e in ex.facts:
        match = next((i for i, r in enumerate(records) if i not in used and span_of(r) == (e.start, e.end)), None)
        if match is None:
            match = next((i for i, r in enumerate(records) if i not in used
                          and span_of(r)[0] < e.end and e.start < span_of(r)[1]
                          and r.get("kind") == e.fields.get("kind")), None)
        if match is None:
            match = next((i for i, r in enumerate(records) if i not in used
                          and span_of(r)[0] < e.end and e.start < span_of(r)[1]), None)
        if match is not None:
            used.add(match)
        pairs.append((e, None if match is None else records[match]))
    for e, r in pairs:
        if r is None:
            issues.append(Issue("missing", f"want {expected_short(e)}"))
            continue
        if span_of(r) != (e.start, e.end) or r.get("text") != e.surface:
            issues.append(Issue("span", f"want {e.surface!r}@{e.start}, got {r.get('text')!r}@{r['span']['start']}"))
        kind_wrong = not same(r.get("kind"), e.fields["kind"])
        for key, want in e.fields.items():
            if key == "value" and kind_wrong and str(r.get(key)) == str(want):
                continue            # 12 for "12": the kind issue says it already
            if not same(r.get(key), want):
                issues.append(Issue(key, f"{e.surface!r}: {key} = {r.get(key)!r}, want {want!r}"))
    for i, r in enumerate(records):
        if i not in used:
            issues.append(Issue("extra", f"got {short(r)}"))
    if not issues:
        got_order = [r["span"]["start"] for r in records]
        if got_order != sorted(got_order):
            issues.append(Issue("order", f"records not in start order: {got_order}"))
    return issues
