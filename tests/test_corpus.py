"""Run the per-kind rule corpora (tests/corpus/*.toml), Duckling-style.

Each kind file lists texts with the complete list of facts they must yield,
in order; each expected fact states only the fields it checks ("null" stands
for JSON null) and always its `text`: the span must start where that surface
stands in the sentence (its `at`-th occurrence, the first by default), so a
shifted span fails. An example may give the caller's `region` hint
(factx.extract's `region`). numerals.toml checks the numeral reader alone.
"""

from __future__ import annotations

import math
import tomllib
from fractions import Fraction
from pathlib import Path

import pytest

import factx
from factx import find_numerals

CORPUS = Path(__file__).parent / "corpus"
# numerals.toml checks the reader alone; about.toml and guards.toml have their own tests
KIND_FILES = sorted(p for p in CORPUS.glob("*.toml") if p.stem not in ("numerals", "about", "guards"))


def _examples():
    for path in KIND_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for n, ex in enumerate(data["example"]):
            yield pytest.param(ex["text"], ex["facts"], ex.get("region"), id=f"{path.stem}-{n}")


def _same(got, want) -> bool:
    if want == "null":
        return got is None
    if isinstance(want, float) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=1e-6)
    return got == want


@pytest.mark.parametrize("text,expected,region", list(_examples()))
def test_rule_corpus(text, expected, region):
    facts = factx.extract(text, region=region)
    got = [f.model_dump(mode="json") for f in facts]
    summary = [(f["kind"], f["value"], f["low"], f["high"], f["qualifier"], f["unit"], f["entity"], f["text"])
               for f in got]
    assert len(got) == len(expected), f"{text!r}: got {summary}"
    for g, w in zip(got, expected):
        for key, val in w.items():
            if key != "at":
                assert _same(g[key], val), f"{text!r}: {key} = {g[key]!r}, want {val!r}; all: {summary}"
        start = occurrence(text, w["text"], w.get("at", 1))
        assert g["span"] == {"start": start, "end": start + len(w["text"])}, f"{text!r}: span of {w['text']!r}"


def occurrence(text: str, surface: str, at: int) -> int:
    """Offset of the `at`-th occurrence (1-based) of `surface` in `text`."""
    k = -1
    for _ in range(at):
        k = text.find(surface, k + 1)
        assert k >= 0, f"{surface!r} does not occur {at} times in {text!r}"
    return k


def test_every_corpus_fact_states_its_surface():
    missing = [(t, f) for t, facts, _ in (p.values for p in _examples()) for f in facts if "text" not in f]
    assert not missing, missing[:3]


_NUM = tomllib.loads((CORPUS / "numerals.toml").read_text(encoding="utf-8"))


def _numeral_cases():
    for ex in _NUM["example"]:
        for case in ex["cases"]:
            yield pytest.param(case, id=f"{ex['phenomenon']}:{case[0]}")


@pytest.mark.parametrize("case", list(_numeral_cases()))
def test_numeral_corpus(case):
    surface, value = case[0], Fraction(str(case[1])) if isinstance(case[1], (str, float)) else Fraction(case[1])
    span_text = case[2] if len(case) > 2 else surface
    found = find_numerals(surface)
    assert len(found) == 1, f"{surface!r}: {found}"
    assert found[0].value == value, f"{surface!r}: {found[0].value} != {value}"
    start = surface.index(span_text)
    assert (found[0].start, found[0].end, found[0].text) == (start, start + len(span_text), span_text)


@pytest.mark.parametrize("case", _NUM["vague"]["cases"], ids=lambda c: c[0])
def test_vague_corpus(case):
    surface, low, high = case
    found = find_numerals(surface)
    assert len(found) == 1 and found[0].value is None, found
    assert (found[0].low, found[0].high) == (low, high)
    assert (found[0].start, found[0].end) == (0, len(surface))


@pytest.mark.parametrize("surface", _NUM["negative"]["cases"])
def test_numeral_negatives(surface):
    assert find_numerals(surface) == []


def test_corpus_size():
    """The corpora are the rules' specification: keep them substantial."""
    n_kind = sum(1 for _ in _examples())
    n_num = sum(1 for _ in _numeral_cases()) + len(_NUM["vague"]["cases"]) + len(_NUM["negative"]["cases"])
    assert n_kind >= 100 and n_num >= 150, (n_kind, n_num)
