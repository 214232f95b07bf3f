"""Other projects' Arabic suites as tests (README.md here): the copies, the mapping,
the floors of thresholds.toml, and the deliberate differences of conventions.toml
as strict expected failures."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from fractions import Fraction

import pytest

from peer_suites import runner as R
from peer_suites.runner import Example, Expect, Want

HERE = R.HERE


def test_copies_match_their_checksums():
    lines = (HERE / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 11
    for line in lines:
        digest, name = line.split(maxsplit=1)
        assert hashlib.sha256((HERE / name).read_bytes()).hexdigest() == digest, name


def test_every_suite_line_is_an_example():
    def nonblank(path):
        return sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())

    nemo = sum(nonblank(p) for p in (HERE / "nemo_ar_itn").glob("test_cases_*.txt"))
    got = Counter(ex.suite for ex in R.examples())
    assert got == {"duckling": nonblank(HERE / "duckling_ar.jsonl"),
                   "recognizers": nonblank(HERE / "recognizers_ar.jsonl"), "nemo": nemo}
    assert got == {"duckling": 703, "recognizers": 2149, "nemo": 126}


def test_every_example_is_scored_or_deliberate_once():
    by_group = R.scores(R.run())
    assert sum(s.total + s.deliberate for s in by_group.values()) == len(R.examples())
    assert sum(s.deliberate for s in by_group.values()) == sum(1 for o in R.run() if o.convention)


def test_gates_name_existing_groups_with_sane_thresholds():
    groups = {ex.group_id for ex in R.examples()}
    names = [g.name for g in R.gates()]
    assert len(names) == len(set(names)) == 5
    for gate in R.gates():
        assert gate.groups and set(gate.groups) <= groups, gate.name
        assert 0 < gate.floor <= 1 and 0 < gate.target <= 1, gate.name
        assert all(ex.gated for ex in R.examples() if ex.group_id in gate.groups), gate.name


def test_every_convention_names_a_gated_example():
    examples = R.examples()
    for c in R.conventions():
        covered = [ex for ex in examples if c.covers(ex)]
        assert covered, f"{c.suite} {c.groups}: no example has the text {c.text!r}"
        assert all(ex.gated for ex in covered), c.text
        assert len(c.reason) > 40, c.text


@pytest.mark.parametrize("gate", R.gates(), ids=lambda g: g.name)
def test_gate_meets_its_floor(gate):
    s = R.gate_score(gate, R.scores(R.run()))
    print(f"{gate.title}: {s.correct}/{s.total} = {s.rate:.3f} (deliberate {s.deliberate}); "
          f"target {gate.target:.2f}, gap {max(0.0, gate.target - s.rate):.3f}; floor {gate.floor:.2f}")
    failures = "\n".join(f"  {o.example.group_id} {o.example.text!r}: want {o.example.expect.describe()}; "
                         f"got {o.got}" for o in s.failures)
    assert s.rate >= gate.floor, f"{gate.title} fell to {s.rate:.3f} < floor {gate.floor}:\n{failures}"


def _deliberate_params():
    out = []
    for o in R.run():
        if o.convention is not None:
            mark = pytest.mark.xfail(strict=True, raises=AssertionError, reason=o.convention)
            out.append(pytest.param(o.example, id=f"{o.example.group_id}:{o.example.ref}", marks=mark))
    return out


@pytest.mark.parametrize("example", _deliberate_params())
def test_deliberate_difference_still_holds(example):
    """Fails (as expected) while factx reads the example the SPEC's way; passes, and
    so breaks the run, once factx reads it the suite's way (conventions.toml)."""
    ok, got = R.check(example)
    assert ok, f"factx reads {example.text!r} as {got}, not as the suite's {example.expect.describe()}"


# --- the mapping, on lines written here with independently known readings -------

def _duckling(dim, text, value, unit=None, **extra):
    row = {"dim": dim, "text": text, "value": value, "unit": unit,
           "extra": {"locale": "AR", "source": "Corpus.hs", "line": 1, **extra}}
    (ex,) = R.duckling([row])
    return ex


def _only_want(ex: Example) -> Want:
    ((want,),) = ex.expect.mentions
    return want


def test_duckling_grams_go_back_to_the_written_unit():
    w = _only_want(_duckling("Quantity", "0.5 كغ من الفراولة", 500, "Gram"))
    assert (w.kinds, w.units, w.value) == ({"measure"}, {"kg"}, Fraction(1, 2))
    w = _only_want(_duckling("Quantity", "2000 ملغ", 2, "Gram"))
    assert (w.units, w.value) == ({"mg"}, 2000)
    w = _only_want(_duckling("Quantity", "500 جم من الفراولة", 500, "Gram"))
    assert (w.units, w.value) == ({"g"}, 500)


def test_duckling_money_cents_and_bounds():
    w = _only_want(_duckling("AmountOfMoney", "10 سنتات", 10, "Cent"))
    assert (w.kinds, w.units, w.value, w.qualifier) == ({"money"}, {"USD"}, Fraction(1, 10), "exact")
    w = _only_want(_duckling("AmountOfMoney", "اقل من 7 يورو", 7, "EUR", interval={"to": 7}))
    assert (w.value, w.qualifier, w.units) == (7, "less_than", {"EUR"})
    w = _only_want(_duckling("AmountOfMoney", "3.42$ على الاقل", 3.42, "Dollar", interval={"from": 3.42}))
    assert (w.value, w.qualifier) == (Fraction(342, 100), "at_least")
    w = _only_want(_duckling("AmountOfMoney", "اكثر من 3 دولار", 3, "Dollar", interval={"from": 3}))
    assert w.qualifier == "more_than"
    w = _only_want(_duckling("AmountOfMoney", "من 10 الى 20 دولار", None, "Dollar", interval={"from": 10, "to": 20}))
    assert (w.value, w.low, w.high, w.qualifier) == (None, 10, 20, "range")


def test_duckling_numeral_negative_and_time():
    ex = _duckling("Numeral", "٢١", 21)
    assert ex.expect.level == "numeral" and ex.expect.numeral == 21 and ex.group == "Numeral/AR"
    ex = _duckling("Quantity", "جمهور", None, negative=True)
    assert ex.expect.mentions == () and ex.expect.extra_kinds == {"measure"}
    assert not _duckling("Time", "غدا", None).gated


def _range(low, high, low_inc=None, high_inc=None):
    res = {"text": "x", "start": 0, "type": "numberrange", "resolution": {},
           "range": {"low": low, "high": high, "low_inclusive": low_inc, "high_inclusive": high_inc}}
    (w,) = R._recognizers_want("x", res)
    return w


def test_recognizers_range_notation_becomes_qualifiers():
    assert (_range(None, 1000, high_inc=False).qualifier, _range(None, 1000, high_inc=False).value) == ("less_than", 1000)
    assert _range(None, 500, high_inc=True).qualifier == "at_most"
    assert _range(200, None, low_inc=True).qualifier == "at_least"
    assert _range(30, None, low_inc=False).qualifier == "more_than"
    w = _range(20, 20, True, True)
    assert (w.value, w.qualifier) == (20, "exact")
    w = _range(20, 30, True, False)
    assert (w.low, w.high, w.qualifier) == (20, 30, "range")
    w = _range(0.5, None, low_inc=False)
    assert (w.kinds, w.value, w.qualifier) == ({"percent"}, 50, "more_than")


def test_recognizers_fraction_is_a_percent_or_a_unit_amount():
    res = {"text": "نصف", "start": 5, "type": "number", "value_num": 0.5,
           "resolution": {"subtype": "fraction", "value": "0.5"}}
    alts = R._recognizers_want("شربت نصف العصير", res)
    assert [(w.kinds, w.value, w.span) for w in alts] == [({"percent"}, 50, (5, 8)),
                                                         (R.UNIT_KINDS, 0.5, (5, 8))]


def test_recognizers_relative_ordinal_forbids_a_fact():
    row = {"model": "OrdinalModel", "input": "أريد الكتاب الأخير.", "value_checked": True,
           "spec": "OrdinalModel.json", "index": 0,
           "results": [{"text": "الأخير", "start": 12, "type": "ordinal.relative", "value_num": None,
                        "resolution": {"value": "end+0"}}]}
    (ex,) = R.recognizers([row])
    assert ex.expect.mentions == () and [w.span for w in ex.expect.absent] == [(12, 18)]
    assert "ordinal" in ex.expect.absent[0].kinds


def test_nemo_written_forms():
    assert R._nemo_number("1 1/2") == Fraction(3, 2)
    assert R._nemo_number("7 10/5") == 9
    assert R._nemo_number("101.50") == Fraction(203, 2)
    (w,) = R._nemo_want("$7.50")
    assert (w.kinds, w.value, w.units) == ({"money"}, Fraction(15, 2), {"USD"})
    (w,) = R._nemo_want("د.ك5")
    assert (w.value, w.units) == (5, {"KWD"})
    (w,) = R._nemo_want("9f")
    assert (w.kinds, w.units) == ({"measure"}, {"degF"})
    (w,) = R._nemo_want("6.88%")
    assert (w.kinds, w.value) == ({"percent"}, Fraction(688, 100))


# --- the matcher, on readings factx documents (README, SPEC §4.4) ---------------

def _ex(text, *wants, **kw):
    return Example("test", "g", "r", text, Expect(mentions=tuple((w,) for w in wants), **kw))


def test_matcher_compares_kind_value_qualifier_and_extra_facts():
    more = Want(frozenset({"count"}), 500, qualifier="more_than")
    assert R.check(_ex("قتل أكثر من 500 شخص", more, only=True))[0]
    assert not R.check(_ex("قتل أكثر من 500 شخص", Want(frozenset({"count"}), 501, qualifier="more_than")))[0]
    assert not R.check(_ex("قتل أكثر من 500 شخص", Want(frozenset({"count"}), 500)))[0]
    assert not R.check(_ex("قتل أكثر من 500 شخص", Want(frozenset({"money"}), 500, qualifier=None)))[0]
    two = "قتل أكثر من 500 شخص و12 جنديا"
    assert R.check(_ex(two, more))[0]
    assert not R.check(_ex(two, more, only=True))[0]
    assert not R.check(_ex(two, more, extra_kinds=frozenset({"count"})))[0]


def test_matcher_spans_absent_and_numerals():
    text = "قتل 12 مدنياً في 5 أغسطس"
    at_12 = Want(frozenset({"count"}), 12, span=(4, 6))
    assert R.check(_ex(text, at_12))[0]
    assert not R.check(_ex(text, Want(frozenset({"count"}), 12, span=(17, 24))))[0]
    assert not R.check(Example("t", "g", "r", text, Expect(absent=(at_12,))))[0]
    assert R.check(Example("t", "g", "r", text, Expect(absent=(Want(frozenset({"ordinal"}), qualifier=None),))))[0]
    assert R.check(Example("t", "g", "r", "ثلاثة ملايين", Expect(level="numeral", numeral=Fraction(3000000))))[0]
    assert not R.check(Example("t", "g", "r", "ثلاثة ملايين", Expect(level="numeral", numeral=Fraction(3))))[0]
    assert not R.check(Example("t", "g", "r", "3 و 4", Expect(level="numeral", numeral=Fraction(3))))[0]


def test_outcomes_report_what_factx_gave():
    o = next(o for o in R.run() if o.example.suite == "duckling" and o.example.text == "1 دولار")
    assert o.ok and o.got == "money 1 USD '1'"
    row = json.loads((HERE / "duckling_ar.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert row["text"] == "$1" and R.examples()[0].text == "$1"


def test_failures_fall_into_named_categories_largest_first():
    from peer_suites import categories as C

    def outcome(group, text):
        suite, _, grp = group.partition("/")
        return R.Outcome(Example(suite, grp, "r", text, Expect()), False, "nothing")

    fails = [outcome("nemo/decimal", "اثنان وثمانية من عشرة"), outcome("nemo/decimal", "سبعة وتسعة من عشرة"),
             outcome("duckling/Numeral/AR_EG", "حداشر"), outcome("duckling/Volume", "250 مل"),
             outcome("duckling/PhoneNumber", "+١ ٢٠٢.٥٥٥.٠١٢١"), outcome("duckling/Volume", "كلام")]
    got = [(c.name, len(os)) for c, os in C.categorise(fails)]
    assert got[0] == ("spoken decimal: N و M من عشرة/مئة/ألف", 2)
    assert dict(got) == {"spoken decimal: N و M من عشرة/مئة/ألف": 2,
                         "Egyptian colloquial teens (حداشر، إتناشر، -تاشر)": 1,
                         "volume units missing from the unit table (مل، ملي لتر، غالون، جالون، هكتوليتر)": 1,
                         "phone numbers: country code (+cc), parentheses, dotted groups": 1, "other": 1}
