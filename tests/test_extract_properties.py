"""Properties of `factx.extract` on arbitrary text: never raises, spans are exact,
records validate, and normalisation noise does not change what is found."""

from __future__ import annotations

import json
import random

from hypothesis import given, strategies as st

import factx
from factx.models import Fact, fact_problems

ARABIC_PIECES = ["ثلاثة", "ملايين", "شخص", "أكثر من", "نحو", "عام", "2017", "٨٥٪", "بين", "و", "إلى", "آب",
                 "/", "أغسطس", "الساعة", "6", "صباحا", "القرار", "2254", "عشرات", "الآلاف", "من", "المدنيين",
                 "،", ".", "350،000", "3.6", "مليون", "دولار", "كم", "يومين", "الـ", "44", "نصفهم", "أول",
                 "\u200f", "\u0640", "\u064b", " ", "\n", "%", "-", "12", "أحد", "عشر", "الثلاثاء", "بـ"]

arabicish = st.lists(st.sampled_from(ARABIC_PIECES), max_size=40).map(lambda xs: " ".join(xs))
any_text = st.one_of(st.text(max_size=200), arabicish,
                     st.text(alphabet=st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=200))


def _check(text: str, facts: list[Fact]) -> None:
    for f in facts:
        assert 0 <= f.span.start < f.span.end <= len(text)
        assert text[f.span.start:f.span.end] == f.text
        assert not fact_problems(f)
        again = Fact.model_validate(f.model_dump(mode="json"))
        assert again == f and again.model_fields_set <= f.model_fields_set
    assert [f.span.start for f in facts] == sorted(f.span.start for f in facts)


@given(any_text)
def test_extract_never_raises_and_spans_are_exact(text):
    _check(text, factx.extract(text, doc_id="p"))


NOISE = ["\u064e", "\u064b", "\u0651", "\u200f", "\u200e", "\u200c", "\u061c"]


@given(arabicish, st.randoms(use_true_random=False))
def test_noise_does_not_change_values(text, rnd: random.Random):
    clean = factx.extract(text)
    noisy_chars = []
    for ch in text:
        noisy_chars.append(ch)
        if "\u0621" <= ch <= "\u064a" and rnd.random() < 0.3:
            noisy_chars.append(rnd.choice(NOISE))
    noisy = "".join(noisy_chars)
    facts = factx.extract(noisy)
    _check(noisy, facts)
    assert [(f.kind, f.value, f.low, f.high, f.qualifier, f.unit) for f in facts] == \
           [(f.kind, f.value, f.low, f.high, f.qualifier, f.unit) for f in clean]


def _mention_tuples(text: str, sparse: bool):
    from factx.extract import pipeline
    return [(m.kind, m.start, m.end, m.value, m.low, m.high, m.qualifier, m.unit, m.entity)
            for m in pipeline().mentions(text, sparse=sparse)[1]]


def test_windows_change_nothing_on_the_seeds():
    """Tokenising only the windows around anchors is an optimisation: it must
    give exactly what tokenising the whole text gives."""
    from pathlib import Path
    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert _mention_tuples(text, True) == _mention_tuples(text, False), path.name


@given(arabicish)
def test_windows_change_nothing(text):
    assert _mention_tuples(text, True) == _mention_tuples(text, False)


@given(st.one_of(any_text, arabicish, arabicish.map(lambda s: s.replace(" ", "")),
                 st.lists(arabicish, max_size=30).map("\n".join)))
def test_piece_anchors_equal_the_regex_on_the_whole_text(text):
    """Anchors found piece by piece (cached) are exactly the regex's matches on the text."""
    from factx.language.lexicon import lexicon
    from factx.numerals.anchors import anchor_finder
    from factx.text.normalize import normalize
    norm = normalize(text).norm
    finder = anchor_finder(lexicon())
    for _ in range(2):                       # cold cache, then warm
        assert list(finder.spans(norm)) == [m.span() for m in finder.regex.finditer(norm)]


@given(st.text(alphabet="aZq09/-_.ب ،", max_size=300))
def test_codes_found_in_latin_runs_are_all_codes(text):
    """Looking for codes only in runs holding a Latin letter finds what a scan of the
    whole text finds (every code has a Latin letter)."""
    from factx.language.lexicon import lexicon
    from factx.numerals.scan import read_document
    from factx.rules.identifier import _CODE_RE, _latin_runs

    def is_code(s):
        return any(c.isdigit() for c in s) and any(c.isascii() and c.isalpha() for c in s)
    everywhere = [m.span() for m in _CODE_RE.finditer(text) if is_code(m.group())]
    in_runs = [m.span() for a, b in _latin_runs(text, [(0, len(text))])
               for m in _CODE_RE.finditer(text, a, b) if is_code(m.group())]
    assert in_runs == everywhere
    # in a real document only the windows around anchors are searched
    doc = read_document(text, lexicon())
    in_windows = [m.span() for a, b in _latin_runs(doc.norm, doc.windows)
                  for m in _CODE_RE.finditer(doc.norm, a, b) if is_code(m.group())]
    assert in_windows == [m.span() for m in _CODE_RE.finditer(doc.norm) if is_code(m.group())]


def test_extract_leaves_the_cyclic_gc_alone(monkeypatch):
    """A library call must not touch the interpreter's global state: the cyclic
    garbage collector is neither switched off nor on, whatever state it is in."""
    import gc

    def refuse():
        raise AssertionError("extract switched the garbage collector")
    for state in (True, False):
        (gc.enable if state else gc.disable)()
        monkeypatch.setattr(gc, "disable", refuse)
        monkeypatch.setattr(gc, "enable", refuse)
        try:
            assert factx.extract("قتل 3 أشخاص") and factx.extract_records("قتل 3 أشخاص")
            assert gc.isenabled() is state
        finally:
            monkeypatch.undo()
            gc.enable()


def _records_match_facts(text: str) -> None:
    records = factx.extract_records(text, doc_id="d")
    facts = factx.extract(text, doc_id="d")
    assert [json.loads(f.model_dump_json()) for f in facts] == records
    for r in records:
        assert list(r) == list(Fact.model_fields)
    dicts = [v for r in records for v in r.values() if isinstance(v, dict)]
    assert len({id(d) for d in dicts}) == len(dicts), "records share a mutable span dict"


@given(arabicish)
def test_plain_records_are_the_facts(text):
    """extract_records (the command line's pydantic-free path) gives exactly the
    facts of extract, as JSON-ready dicts in the model's field order."""
    _records_match_facts(text)


def test_plain_records_are_the_facts_on_the_seeds():
    from pathlib import Path
    for path in sorted((Path(__file__).parent.parent / "seeds").glob("*.txt")):
        _records_match_facts(path.read_text(encoding="utf-8"))
