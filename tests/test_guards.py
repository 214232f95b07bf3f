"""Guards: each one has corpus examples (tests/corpus/guards.toml), and each
example shows what the guard prevents — without the guard it reads otherwise."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factx.extract import InvalidFactError, _records, _same, _span_dict, pipeline
from factx.guards import GUARDS
from test_corpus import occurrence

EXAMPLES = tomllib.loads((Path(__file__).parent / "corpus" / "guards.toml").read_text(encoding="utf-8"))["example"]


def _read(pipe, text):
    try:
        return [(r["kind"], r["value"], r["span"]["start"], r["span"]["end"])
                for r in _records(text, None, None, pipe, _span_dict, _same)]
    except InvalidFactError as e:               # what an unguarded reading may come to
        return f"invalid: {e}"


def test_every_guard_has_examples_and_every_example_a_guard():
    names = {g.name for g in GUARDS}
    used = {ex["guard"] for ex in EXAMPLES}
    assert used <= names, f"examples name unknown guards: {used - names}"
    assert names <= used, f"guards without examples: {names - used}"


def test_every_guard_says_what_it_prevents():
    for g in GUARDS:
        assert g.keep.__doc__ and len(g.keep.__doc__.split()) >= 8, g.name


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda ex: f"{ex['guard']}:{ex['text'][:24]}")
def test_guard_example(ex):
    got = _records(ex["text"], None, None, pipeline(ex.get("variety")), _span_dict, _same)
    assert len(got) == len(ex["facts"]), [(r["kind"], r["value"], r["text"]) for r in got]
    for g, w in zip(got, ex["facts"]):
        for key, val in w.items():
            if key != "at":
                assert g[key] == val, (key, g[key], val)
        start = occurrence(ex["text"], w["text"], w.get("at", 1))
        assert g["span"] == {"start": start, "end": start + len(w["text"])}


@pytest.mark.parametrize("ex", EXAMPLES, ids=lambda ex: f"{ex['guard']}:{ex['text'][:24]}")
def test_without_the_guard_the_example_reads_otherwise(ex):
    pipe = pipeline(ex.get("variety"))
    assert _read(pipe.without(ex["guard"]), ex["text"]) != _read(pipe, ex["text"])
