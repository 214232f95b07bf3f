"""The gold seeds as a regression test, scored exactly as benchmarks/accuracy.py does."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

import factx

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "benchmarks" / "accuracy.py")
accuracy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(accuracy)


@pytest.fixture(scope="module")
def report():
    rep, errors = accuracy.score(ROOT / "fixtures" / "seeds.jsonl", ROOT / "seeds")
    return rep, errors


def test_quantity_f1(report):
    rep, errors = report
    assert rep["quantity_f1"] == 1.0, "\n".join(errors)


def test_entity_agreement(report):
    rep, errors = report
    assert rep["entity_agreement"] >= 0.90, "\n".join(e for e in errors if e.startswith("ENTITY"))


def test_no_nonquantity_as_quantity(report):
    rep, errors = report
    assert rep["nonquantities_as_quantities"] == 0, "\n".join(e for e in errors if e.startswith("NONQ"))


def test_spans_are_the_gold_spans(report):
    """Spans and texts against the annotators' own offsets: a shifted span fails."""
    rep, errors = report
    assert rep["span_mismatches"] == 0 and rep["exact_boundary_rate"] == 1.0, \
        "\n".join(e for e in errors if e.startswith("SPAN"))


def test_fixtures_match_shared_gold():
    """fixtures/ is a copy of the shared gold; the copy must not drift."""
    shared = ROOT.parent / "shared" / "gold" / "seeds.jsonl"
    if not shared.exists():
        pytest.skip("shared/ is not beside this checkout")
    assert (ROOT / "fixtures" / "seeds.jsonl").read_bytes() == shared.read_bytes()


@pytest.mark.parametrize("path", sorted((ROOT / "seeds").glob("*.txt")), ids=lambda p: p.stem)
def test_every_seed_fact_validates_and_slices(path):
    text = path.read_text(encoding="utf-8")
    facts = factx.extract(text, doc_id=path.stem)
    assert facts
    for f in facts:
        again = factx.Fact.model_validate(json.loads(f.model_dump_json()))
        assert again == f
        if f.sentence is not None:
            assert f.sentence.start <= f.span.start and f.span.end <= f.sentence.end
