"""Run the per-kind rule corpora (tests/corpus/*.toml), Duckling-style.

Each kind file lists texts with the complete list of facts they must yield,
in order; each expected fact states only the fields it checks ("null" stands
for JSON null). numerals.toml checks the numeral reader alone.
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
KIND_FILES = sorted(p for p in CORPUS.glob("*.toml") if p.stem != "numerals")


def _examples():
    for path in KIND_FILES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for n, ex in enumerate(data["example"]):
            yield pytest.param(ex["text"], ex["facts"], id=f"{path.stem}-{n}")


def _same(got, want) -> bool:
    if want == "null":
        return got is None
    if isinstance(want, float) and isinstance(got, (int, float)):
        return math.isclose(got, want, rel_tol=1e-6)
    return got == want


@pytest.mark.parametrize("text,expected", list(_examples()))
def test_rule_corpus(text, expected):
    facts = factx.extract(text)
    got = [f.model_dump(mode="json") for f in facts]
    summary = [(f["kind"], f["value"], f["low"], f["high"], f["qualifier"], f["unit"], f["entity"], f["text"])
               for f in got]
    assert len(got) == len(expected), f"{text!r}: got {summary}"
    for g, w in zip(got, expected):
        for key, val in w.items():
            assert _same(g[key], val), f"{text!r}: {key} = {g[key]!r}, want {val!r}; all: {summary}"
        assert text[g["span"]["start"]:g["span"]["end"]] == g["text"]


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
    assert found[0].text == span_text


@pytest.mark.parametrize("case", _NUM["vague"]["cases"], ids=lambda c: c[0])
def test_vague_corpus(case):
    surface, low, high = case
    found = find_numerals(surface)
    assert len(found) == 1 and found[0].value is None, found
    assert (found[0].low, found[0].high) == (low, high)
    assert found[0].text == surface


@pytest.mark.parametrize("surface", _NUM["negative"]["cases"])
def test_numeral_negatives(surface):
    assert find_numerals(surface) == []


def test_corpus_size():
    """The corpora are the rules' specification: keep them substantial."""
    n_kind = sum(1 for _ in _examples())
    n_num = sum(1 for _ in _numeral_cases()) + len(_NUM["vague"]["cases"]) + len(_NUM["negative"]["cases"])
    assert n_kind >= 100 and n_num >= 150, (n_kind, n_num)
