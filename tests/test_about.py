"""The §5.5 fields (entity, entity_norm, predicate, change, unit_source) by
construction: tests/corpus/about.toml, and the tables' checks on load."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import factx
from factx import lemmas, predicates
from factx.claims import units
from factx.extract import pipeline
from factx.language.tables import LanguageDataError, load
from factx.rules import about
from factx.rules.mention import Mention
from factx.text.normalize import normalize_word

CORPUS = tomllib.loads((Path(__file__).parent / "corpus" / "about.toml").read_text(encoding="utf-8"))
FIELDS = ("entity", "entity_norm", "predicate", "change")


def _want(v):
    return None if v == "null" else v


@pytest.mark.parametrize("case", CORPUS["case"], ids=lambda c: f"{c['construction']}:{c['text'][:24]}")
def test_about_corpus(case):
    text = case["text"]
    facts = [f for f in factx.extract_records(text) if f["text"] == case["number"]]
    assert len(facts) == 1, f"{text!r}: no single fact {case['number']!r} in {[f['text'] for f in factx.extract_records(text)]}"
    f = facts[0]
    for key in FIELDS:
        if key in case:
            assert f[key] == _want(case[key]), f"{text!r}: {key} = {f[key]!r}, want {case[key]!r}"
    if f["predicate"] is not None:
        s = f["predicate_span"]
        assert text[s["start"]:s["end"]] == f["predicate"]
    if f["entity"] is not None:
        s = f["entity_span"]
        assert text[s["start"]:s["end"]] == f["entity"]


def _lemma_cases():
    for group in CORPUS["lemma"]:
        for word, base in group["cases"]:
            yield pytest.param(word, base, group.get("dual", False), id=word)


@pytest.mark.parametrize("word,base,dual", list(_lemma_cases()))
def test_lemma(word, base, dual):
    assert lemmas.lemma(word, dual=dual) == base


@pytest.mark.parametrize("text,noun,base,predicate", [
    ("قتل طفلين في القصف", "طفلين", "طفل", "قتل"),
    ("أصيبت امرأتان بجروح", "امرأتان", "امراه", "أصيبت"),
    ("نزحت عائلتين من القرية", "عائلتين", "عائله", "نزحت"),
])
def test_dual_noun_carries_two(text, noun, base, predicate):
    """A dual count (SPEC §5.1): the numeral is the noun itself, and its base form
    drops the dual ending. Built by hand: describe() must not depend on which rule
    of the engine finds duals."""
    doc = pipeline().mentions(text, sparse=False)[0]      # no anchor word here: tokenise it all
    start = doc.norm.index(normalize_word(noun))
    m = Mention("count", start, start + len(noun), value=2, entity=(start, start + len(noun)))
    about.describe(doc, [m])
    assert m.entity_norm == base
    assert m.predicate is not None and doc.norm[m.predicate[0]:m.predicate[1]] == normalize_word(predicate)


def test_corpus_covers_every_construction():
    constructions = {c["construction"] for c in CORPUS["case"]}
    for needed in ("after", "broken plural", "before (adjectival)", "عدد X", "عدد X (pronoun)", "من",
                   "verb after number", "change"):
        assert needed in constructions
    assert len(CORPUS["case"]) >= 40


@pytest.mark.parametrize("text,unit,source", [
    ("دفع 40 ليرة", "SYP", "default"),
    ("دفع 40 ليرة تركية", "TRY", "text"),
    ("دفع 40 ليرة سورية", "SYP", "text"),
    # SPEC §5.3 names the ambiguous currency words: دولار is not one (an adjective may
    # still make it another dollar: دولار كندي)
    ("سعره 100 دولار", "USD", "text"),
    ("سعره 100 دولار أمريكي", "USD", "text"),
    ("سعره 100 دولار كندي", "CAD", "text"),
    ("هبطت الليرة التركية إلى 32 ليرة", "TRY", "context"),
    ("في المغرب. ودفع 40 درهما", "MAD", "context"),
    ("دفع 40 درهما", "AED", "default"),
    ("ترتفع الحرارة إلى 40 درجة", "degC", "context"),
    ("سجلت 40 درجة", "degC", "default"),
    ("سجلت 40 درجة مئوية", "degC", "text"),
    ("العظمى 24", "degC", "context"),
    ("العرض بـ 99 ريال بدل 150", "SAR", "default"),
    ("ارتفعت بنسبة 85%", "%", "text"),
    ("استمرت يومين", "day", "text"),
    ("ارتفع بنسبة 3.5 خلال العام", "%", "context"),
])
def test_unit_source(text, unit, source):
    f = [f for f in factx.extract_records(text) if f["unit"] is not None][0]
    assert (f["unit"], f["unit_source"]) == (unit, source)


@pytest.mark.parametrize("text,region,unit,source", [
    ("دفع 40 درهما", "MA", "MAD", "context"),
    ("دفع 40 دينارا", "KW", "KWD", "context"),
    ("دفع 40 دينارا أردنيا", "KW", "JOD", "text"),          # the adjective is written
    ("هبطت الليرة التركية إلى 32 ليرة", "LB", "TRY", "context"),   # the text before the region
    ("دفع 40 دولارا", "CA", "USD", "text"),                  # not an ambiguous word
])
def test_unit_source_with_a_region_hint(text, region, unit, source):
    f = [f for f in factx.extract_records(text, region=region) if f["unit"] is not None][-1]
    assert (f["unit"], f["unit_source"]) == (unit, source)


def test_fields_only_on_quantities():
    for f in factx.extract_records("في 5 أغسطس 2019 صدر القرار 2254 وقتل 12 مدنيا"):
        if f["kind"] in factx.QUANTITY_KINDS:
            assert f["entity_norm"] == "مدني" and f["predicate"] == "قتل"
        else:
            assert f["entity_norm"] is f["predicate"] is f["change"] is f["unit_source"] is None


def test_predicate_families_group_wordings():
    fam = predicates.family_of
    assert fam("قتل") == fam("مقتل") == fam("لقي حتفه") == fam("وقُتل") == "kill"
    assert fam("نزح") == fam("نزوح") == fam("تهجير") == fam("تشريد") == "displace"
    assert fam("أصيب") == fam("إصابة") == fam("جرح") == "injure"
    assert fam("بلغ") == fam("وصلت") == fam("البالغ") == predicates.ANY
    assert fam("ارتفع") == "increase" and predicates.FAMILIES["increase"] == "increase"
    assert fam("كلمة غريبة") == "كلمه غريبه"


DATA = Path(factx.__file__).parent / "data"


@pytest.mark.parametrize("name,declaration,edit,message", [
    ("lemmas.toml", lemmas.DECLARATION, ("[rules]", "[rules]\nunknown = 1"), "[rules] 'unknown': unknown key"),
    ("lemmas.toml", lemmas.DECLARATION, ('tanween_min_stem = 3', 'tanween_min_stem = "3"'),
     "[rules] 'tanween_min_stem': expected an integer"),
    ("lemmas.toml", lemmas.DECLARATION, ('"قتلى" = "قتيل"', '"قتلى" = ["قتيل"]'), "[lemmas] 'قتلى'"),
    ("predicates.toml", predicates.DECLARATION, ('change = "increase"', 'change = "up"'), "'change'"),
    ("predicates.toml", predicates.DECLARATION, ("[family.kill]\nverbs", "[family.kill]\nverb"),
     "[family.kill] 'verb': unknown key"),
    ("about.toml", about.DECLARATION, ("max_back = 6", "max_back = 6.5"), "[heads] 'max_back'"),
    ("conversions.toml", units.DECLARATION, ("km = 1000", "kmh = 1000"), "'kmh' is not a unit code"),
    ("conversions.toml", units.DECLARATION, ("km = 1000", "km = -1"), "expected a positive number"),
])
def test_table_errors_name_file_and_key(tmp_path, name, declaration, edit, message):
    text = (DATA / name).read_text(encoding="utf-8")
    assert edit[0] in text
    (tmp_path / name).write_text(text.replace(edit[0], edit[1], 1), encoding="utf-8")
    load(name, declaration, data_dir=str(DATA))            # the shipped table is valid
    with pytest.raises(LanguageDataError) as e:
        load(name, declaration, data_dir=str(tmp_path))
    assert str(e.value).startswith(name) and message in str(e.value), str(e.value)


def test_shipped_tables_are_consistent():
    """Every status noun names a family, and classes do not overlap (checked on load)."""
    assert set(lemmas.STATUS.values()) <= set(predicates.FAMILIES)
    assert lemmas.entity_class("مدني") == lemmas.entity_class("شخص") == "person"
    assert lemmas.entity_class("طفل") == "child" and lemmas.entity_class("دبابه") == "دبابه"
