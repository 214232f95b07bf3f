"""The language tables are validated when loaded: a wrong key, type or value is
an error that names the file, the table and the key — never a silent wrong
reading — and a new entry needs no code (a currency added in data is extracted)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import factx.models
from factx.language import morphology
from factx.language.lexicon import VARIETIES, Lexicon
from factx.language.tables import PACKAGE_DATA, LanguageDataError


@pytest.fixture
def data(tmp_path) -> Path:
    """A private copy of the package's tables, to break or extend."""
    return Path(shutil.copytree(PACKAGE_DATA, tmp_path / "data"))


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


def _replace(path: Path, old: str, new: str) -> None:
    s = path.read_text(encoding="utf-8")
    assert old in s, old
    path.write_text(s.replace(old, new, 1), encoding="utf-8")


def test_the_package_tables_load_for_every_variety():
    assert Lexicon().unit_codes
    for v in VARIETIES:
        if (Path(PACKAGE_DATA) / "varieties" / f"{v}.toml").exists():
            assert Lexicon(v).units


@pytest.mark.parametrize("file,edit,names", [
    ("qualifiers.toml", ("[after]", '[after]\nup_to = ["لغاية"]'), ["qualifiers.toml", "[after]", "up_to"]),
    ("cues.toml", ("[percent]", '[percent]\nkues = ["نسبة"]'), ["cues.toml", "[percent]", "kues"]),
    ("calendar.toml", ("[markers]", '[markers]\nweek_days = ["السبت"]'), ["calendar.toml", "week_days"]),
    ("morphology.toml", ("[suffixes]", '[suffixes]\ndual = ["ان"]'), ["morphology.toml", "dual"]),
], ids=["qualifier category", "misspelt table key", "calendar marker", "morphology"])
def test_an_unknown_key_names_file_table_and_key(data, file, edit, names):
    _replace(data / file, *edit)
    with pytest.raises(LanguageDataError) as e:
        morphology.load_table(str(data))
        Lexicon(data_dir=str(data))
    for name in names:
        assert name in str(e.value)
    assert "unknown key" in str(e.value)


@pytest.mark.parametrize("file,old,new,expect", [
    ("numbers.toml", '"ثلاثة" = { value = 3, gender = "m" }', '"ثلاثة" = { value = "3", gender = "m" }',
     ["numbers.toml", "[units.ثلاثة]", "'value'", "integer"]),
    ("numbers.toml", '"ثلاثة" = { value = 3, gender = "m" }', '"ثلاثة" = { value = 3, gender = "x" }',
     ["numbers.toml", "'gender'", "'x' is not one of"]),
    ("units.toml", 'code = "EUR"\nkind = "money"', 'code = "EUR"\nkind = "currency"',
     ["units.toml", "'kind'", "'currency' is not one of"]),
    ("numbers.toml", '"عشرون" = 20', '"عشرون" = 25',
     ["numbers.toml", "[tens]", "'عشرون'"]),
    ("numbers.toml", '"عشرون" = 20', '"عشرون عشرون" = 20',
     ["numbers.toml", "not one Arabic word", "could never match"]),
    ("calendar.toml", '"صفر"]', '"صفر", "صفر"]', ["calendar.toml", "listed twice"]),
    ("units.toml", 'forms = ["يوان", "اليوان"]', 'forms = ["يوان", "اليوان", "يورو"]',
     ["units.toml", "'يورو' is also a form of 'EUR'"]),
    ("units.toml", 'default = "JOD"\nnames = ["JOD",', 'default = "XYZ"\nnames = ["JOD",',
     ["units.toml", "[[ambiguous]] 'دينار'", "default 'XYZ' is not one of its names"]),
    ("units.toml", 'names = ["AED", "MAD"]', 'names = ["AED", "MAD", "km"]',
     ["units.toml", "[[ambiguous]] 'درهم' names", "'km' is a measure unit, not money"]),
    ("units.toml", 'of = { SAR = 100 }', 'of = { SAR = 100, XXX = 100 }',
     ["units.toml", "[[subunit]] 'هللة' of", "'XXX' is not the code of a declared unit"]),
    ("units.toml", 'forms = ["هللة"]', 'forms = ["هللة", "ريال"]',
     ["units.toml", "'ريال' is also a form of [[ambiguous]] 'ريال'"]),
    ("regions.toml", 'currencies = ["KWD"]', 'currencies = ["KWX"]',
     ["regions.toml", "[region.KW] currencies", "'KWX' is not the code of a money unit"]),
    ("regions.toml", '[region.KW]', '[region.Kuwait]',
     ["regions.toml", "'Kuwait'", "not an ISO 3166-1 alpha-2 country code"]),
    ("regions.toml", 'variety = "gulf"\ncurrencies = ["KWD"]', 'variety = "khaleeji"\ncurrencies = ["KWD"]',
     ["regions.toml", "'variety'", "'khaleeji' is not one of"]),
    ("numbers.toml", 'bn = 1_000_000_000', '"ك" = 1_000',
     ["numbers.toml", "[glued_scales]", "'ك' is not one run of Latin letters", "could never match"]),
    ("cues.toml", '"رباعية" = 4', '"رباعية" = 40',
     ["cues.toml", "[score.tallies]", "'رباعية'"]),
], ids=["type", "gender closed list", "unit kind closed list", "value range", "word that cannot match",
        "duplicate", "form of two units", "ambiguous default", "ambiguous names of another kind",
        "sub-unit of an unknown code", "sub-unit form of an ambiguous word", "region currency",
        "region code", "region variety", "glued scale not Latin", "goal tally out of range"])
def test_a_bad_value_names_file_and_key(data, file, old, new, expect):
    _replace(data / file, old, new)
    with pytest.raises(LanguageDataError) as e:
        Lexicon(data_dir=str(data))
    for part in expect:
        assert part in str(e.value), str(e.value)


def test_a_currency_word_and_its_country_added_in_data_alone(data):
    """A new ambiguous word, its sub-unit and a country in regions.toml: the country's
    adjective, its name in the text and the region hint all choose the currency."""
    _append(data / "units.toml", '[[unit]]\ncode = "XAF"\nkind = "money"\nforms = []\n'
                                 '[[unit]]\ncode = "XOF"\nkind = "money"\nforms = []\n'
                                 '[[ambiguous]]\nkind = "money"\ndefault = "XOF"\nnames = ["XOF", "XAF"]\n'
                                 'forms = ["فرنك أفريقي"]\n'
                                 '[[subunit]]\nforms = ["سنتيم أفريقي"]\nof = { XOF = 100, XAF = 100 }\n')
    _append(data / "regions.toml", '[region.CM]\nname = "Cameroon"\ncurrencies = ["XAF"]\nnames = ["الكاميرون"]\n'
                                   'nisba = ["كاميروني"]\n')
    from factx.pipeline import Pipeline
    lex = Lexicon(data_dir=str(data))

    def read(text, lexicon=lex):
        return [(m.value, m.unit) for m in Pipeline(lexicon).mentions(text)[1]]
    assert read("دفع 500 فرنك أفريقي") == [(500, "XOF")]                     # the default
    assert read("دفع 500 فرنك أفريقي كاميروني") == [(500, "XAF")]            # the country's adjective
    assert read("في الكاميرون دفع 500 فرنك أفريقي") == [(500, "XAF")]         # the country named
    assert read("دفع 500 فرنك أفريقي", Lexicon(data_dir=str(data), region="CM")) == [(500, "XAF")]
    assert read("دفع 50 سنتيم أفريقي") == [(0.5, "XOF")]


def test_a_region_implies_its_variety():
    assert Lexicon(region="MA").variety == "maghreb"
    assert Lexicon("eg", region="MA").variety == "eg"          # the caller's variety wins
    assert Lexicon(region="IQ").variety is None
    with pytest.raises(ValueError, match="unknown region 'XX'"):
        Lexicon(region="XX")


def test_a_variety_overlay_is_validated_too(data):
    (data / "varieties").mkdir(exist_ok=True)
    (data / "varieties" / "eg.toml").write_text('name = "test"\nhomographs = []\n[numbers.units]\n"تلاتة" = { value = 3 }\n',
                                                encoding="utf-8")
    with pytest.raises(LanguageDataError) as e:
        Lexicon("eg", data_dir=str(data))
    assert "varieties/eg.toml" in str(e.value) and "gender" in str(e.value)


def test_an_overlay_adds_words_and_msa_wins(data):
    (data / "varieties").mkdir(exist_ok=True)
    (data / "varieties" / "eg.toml").write_text(
        'name = "test"\nhomographs = ["متين"]\n[numbers.units]\n"تلاتة" = { value = 3, gender = "m" }\n'
        '"خمسة" = { value = 6, gender = "m" }\n[numbers.hundreds]\n"متين" = 200\n', encoding="utf-8")
    lex = Lexicon("eg", data_dir=str(data))
    assert lex.units["تلاته"] == (3, "m")
    assert lex.units["خمسه"] == (5, "m")            # the base reading stands
    assert lex.hundreds["متين"] == 200 and "متين" in lex.homographs
    msa = Lexicon(data_dir=str(data))
    assert "متين" not in msa.hundreds                # a homograph needs the variety's hint
    assert msa.units["تلاته"] == (3, "m")            # a word that is no MSA word is read anyway


def test_a_before_unit_homograph_is_read_without_the_hint_only_before_a_unit(data):
    (data / "varieties" / "eg.toml").write_text(
        'name = "test"\nhomographs = ["متين"]\nbefore_unit = ["متين"]\n[numbers.hundreds]\n"متين" = 200\n',
        encoding="utf-8")
    msa = Lexicon(data_dir=str(data))
    assert msa.hundreds["متين"] == 200 and "متين" in msa.homographs_before_unit
    assert "متين" not in Lexicon("eg", data_dir=str(data)).homographs_before_unit   # the hint's own word


def test_a_before_unit_word_that_is_no_homograph_is_an_error(data):
    (data / "varieties" / "eg.toml").write_text(
        'name = "test"\nhomographs = ["متين"]\nbefore_unit = ["تمن"]\n', encoding="utf-8")
    with pytest.raises(LanguageDataError) as e:
        Lexicon(data_dir=str(data))
    assert "varieties/eg.toml" in str(e.value) and "before_unit" in str(e.value) and "تمن" in str(e.value)


@pytest.mark.parametrize("text, want", [
    ("الغدا كلفني ميتين ريال", [("money", 200, "SAR", "ميتين")]),
    ("دفع متين جنيه", [("money", 200, "EGP", "متين")]),
    ("استنيت نص ساعة", [("duration", 0.5, "hour", "نص")]),
    ("عندي تلت ولاد", []),                  # a plural noun is a number's context only with the hint
    ("بنى جدار متين حول البيت", []),
    ("اشتريت تمن ساعة غالي", []),          # تمن is not before_unit: "the price of a watch"
])
def test_the_package_homographs_without_a_hint(text, want):
    assert [(f.kind, f.value, f.unit, f.text) for f in factx.extract(text)] == want


def _cli(args, env_data, stdin=None):
    env = {**os.environ, "FACTX_DATA_DIR": str(env_data)}
    return subprocess.run([sys.executable, "-m", "factx", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=120)


def test_a_currency_added_in_data_alone_is_extracted_and_validated(data, tmp_path):
    _append(data / "units.toml", '[[unit]]\ncode = "KZT"\nkind = "money"\nforms = ["تينغي", "تنغي"]\n'
                                 'symbols = ["₸"]\n')
    assert "KZT" not in factx.models.UNIT_CODES            # the package's own tables do not have it
    out = _cli(["extract", "--quiet", "-"], data, stdin="دفع التاجر 500 تينغي و₸20\n")
    assert out.returncode == 0, out.stderr
    recs = [json.loads(line) for line in out.stdout.splitlines()]
    assert [(r["kind"], r["value"], r["unit"], r["text"]) for r in recs] == [
        ("money", 500, "KZT", "500"), ("money", 20, "KZT", "20")]
    facts = tmp_path / "facts.jsonl"
    facts.write_text(out.stdout, encoding="utf-8")
    ok = _cli(["validate", str(facts)], data)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # the package's own tables do not know the code: the same file is invalid there
    bad = subprocess.run([sys.executable, "-m", "factx", "validate", str(facts)], capture_output=True,
                         text=True, timeout=120)
    assert bad.returncode == 1 and "[unit-closed-list]" in bad.stdout + bad.stderr


def test_egyptian_reads_both_spellings_of_two_hundred():
    """Egyptians write 200 as متين and as ميتين; with the hint and a currency after it, both are 200."""
    for spelling in ("متين", "ميتين"):
        facts = factx.extract(f"سعر الكيلو وصل {spelling} جنيه", variety="eg")
        assert [(f.kind, f.value, f.unit, f.text) for f in facts] == [("money", 200, "EGP", spelling)]
