"""The spaCy component (`factx.spacy`): ``nlp.add_pipe("factx")`` on ``spacy.blank("ar")``."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import factx

from test_cli import ENV, SEED_TEXT

# The libraries these tests need are imported when the module's first test runs, not at
# collection: their tens of thousands of objects in the test process change when the
# cyclic garbage collector runs, and with it the timing ratios of test_adversarial,
# which runs before this module.
spacy = Doc = DocBin = None


@pytest.fixture(scope="module", autouse=True)
def _libraries():
    global spacy, Doc, DocBin
    import spacy
    from spacy.tokens import Doc, DocBin

CORPUS = Path(__file__).parent / "corpus"


def corpus_texts() -> list[str]:
    """The seeds and every sentence of the kinds' corpora."""
    texts = list(SEED_TEXT.values())
    for path in sorted(CORPUS.glob("*.toml")):
        for cases in tomllib.loads(path.read_text(encoding="utf-8")).values():
            if isinstance(cases, list):
                texts += [c["text"] for c in cases if isinstance(c, dict) and isinstance(c.get("text"), str)]
    return texts


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("ar")
    nlp.add_pipe("factx")
    return nlp


def test_the_factory_is_found_through_its_entry_point():
    assert any(ep.name == "factx" and ep.value.startswith("factx.spacy")
               for ep in entry_points(group="spacy_factories"))
    code = ("import sys, spacy; nlp = spacy.blank('ar'); nlp.add_pipe('factx'); "
            "doc = nlp('قتل أكثر من 500 شخص'); print([s.text for s in doc.spans['factx']])")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=ENV, timeout=120)
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "['500']"


def test_every_fact_is_a_span_over_its_text(nlp):
    texts = corpus_texts()
    assert len(texts) > 100
    split = 0
    for text in texts:
        doc = nlp(text)
        records = factx.extract_records(text)
        spans = list(doc.spans["factx"])
        assert [s._.fact for s in spans] == records
        for span, r in zip(spans, records):
            start, end = r["span"]["start"], r["span"]["end"]
            assert span.label_ == r["kind"]
            assert doc.text[start:end] == r["text"]
            assert span.start_char <= start < end <= span.end_char     # the tokens cover the fact
            first, last = span[0], span[-1]                             # and no more than them
            assert first.idx <= start < first.idx + len(first) and last.idx < end <= last.idx + len(last)
            if (span.start_char, span.end_char) == (start, end):
                assert span.text == r["text"]
            else:                                                 # a fact that splits a token
                split += 1
                assert r["text"] in span.text
                assert doc.char_span(start, end) is None          # not token-aligned: expanded
    assert split > 0


def test_facts_in_one_token_keep_their_own_records(nlp):
    doc = nlp("في 2013/2014 قتل 5،6 أشخاص")
    spans = list(doc.spans["factx"])
    assert [s.text for s in spans] == ["2013/2014", "2013/2014", "5،6", "5،6"]
    assert [s._.fact["text"] for s in spans] == ["2013", "2014", "5", "6"]


def test_kinds_and_spans_key_are_configurable():
    nlp = spacy.blank("ar")
    nlp.add_pipe("factx", config={"kinds": ["date"], "spans_key": "dates"})
    doc = nlp("قتل 12 مدنياً في 5 أغسطس 2020")
    assert "factx" not in doc.spans
    assert [(s.label_, s._.fact["value"]) for s in doc.spans["dates"]] == [("date", "2020-08-05")]
    with pytest.raises(factx.UnknownKindError):
        spacy.blank("ar").add_pipe("factx", config={"kinds": ["counts"]})


def test_records_survive_serialisation(nlp):
    text = list(SEED_TEXT.values())[0]
    doc = nlp(text)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [s._.fact for s in again.spans["factx"]] == [s._.fact for s in doc.spans["factx"]] != []
    docs = list(DocBin(docs=[doc], store_user_data=True).get_docs(nlp.vocab))
    assert [s._.fact for s in docs[0].spans["factx"]] == factx.extract_records(text)


def test_a_span_of_another_component_has_no_fact(nlp):
    doc = nlp("قتل أكثر من 500 شخص")
    assert doc[0:2]._.fact is None
