"""Property tests of the numeral reader `factx.find_numerals`.

The contract under test: ``find_numerals(text)`` returns numerals with
``.value`` (a Fraction, or None for a vague quantity), ``.low``/``.high``
(Fraction or None) and ``.start``/``.end``/``.text``, offsets into the
ORIGINAL text with ``text[start:end] == .text``. The properties:

1. Number words: every n in [0, 10**12) written by `to_words` in both genders,
   both cases and every hundreds spelling reads back as exactly one numeral of
   value n covering the whole string, alone and inside "قتل … شخص".
2. Digits: n in Western, Arabic-Indic and Extended Arabic-Indic digits, with
   no grouping or a valid grouping of threes by , ٬ ، . space or NBSP, reads
   back as n; decimals with . ٫ or , (not followed by exactly three digits)
   read back exactly (Fraction("3.6")).
3. Orthographic noise: diacritics, tatweel after a connecting letter, bidi
   marks (LRM, RLM, ALM), ZWNJ and presentation forms (single letters and
   ligatures whose NFKC is the letters) inserted into a numeral leave its
   reading unchanged: the same values as the clean text, and spans that slice
   the noisy text to strings normalising to the clean numerals. (Compared with
   the clean reading rather than with n, so that a grammar failure shows up in
   property 1 only; where property 1 holds, that reading is n on the whole
   numeral.)
4. Robustness: on any text at all, find_numerals does not raise and every span
   is well formed.

Numbers are drawn both uniformly and group by group (so zero groups, 1, 2,
3–10, teens and round hundreds, where the grammar changes, are common).
Settings come from the profiles in conftest.py ("ci" is derandomised).
"""

from __future__ import annotations

import tomllib
import unicodedata
from fractions import Fraction
from importlib import resources

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from factx import find_numerals
from verbalize import MAX, to_digits, to_words
from factx.text.normalize import _ONE_TO_ONE, _map_one_to_one, normalize

COMBOS = [("m", "nom"), ("m", "acc"), ("f", "nom"), ("f", "acc")]
STYLES = ["mixed", "mia", "maa"]
SCRIPTS = ["western", "arabic-indic", "extended"]
GROUPINGS = [None, ",", "٬", "،", ".", " ", "\u00a0"]
PREFIX, SUFFIX = "قتل ", " شخص"


# --- strategies -------------------------------------------------------------------

_group = st.one_of(
    st.just(0),
    st.integers(1, 2),
    st.integers(3, 10),
    st.integers(11, 99),
    st.integers(1, 9).map(lambda h: 100 * h),
    st.integers(1, 9).flatmap(lambda h: st.integers(1, 10).map(lambda r: 100 * h + r)),
    st.integers(0, 999),
)
structured = st.tuples(_group, _group, _group, _group).map(
    lambda gs: sum(g * 1000**i for i, g in enumerate(gs)))
numbers = st.one_of(st.integers(0, MAX - 1), structured)


def _only(found, value, start, end, text):
    """The reading is exactly one numeral of `value` on ``text[start:end]``."""
    got = [(f.value, f.start, f.end) for f in found]
    assert got == [(value, start, end)], f"{text!r}: {got}"
    assert found[0].text == text[start:end]


def _check_reads(s: str, value: Fraction) -> None:
    _only(find_numerals(s), value, 0, len(s), s)
    t = PREFIX + s + SUFFIX
    _only(find_numerals(t), value, len(PREFIX), len(PREFIX) + len(s), t)


# --- 1. number words ----------------------------------------------------------------

@given(n=numbers, style=st.sampled_from(STYLES))
@example(n=0, style="mixed")
@example(n=2000, style="mixed")
@example(n=101000, style="mixed")
@example(n=202000, style="maa")
@example(n=1234567, style="mixed")
@example(n=MAX - 1, style="mia")
def test_words_read_back(n, style):
    for gender, case in COMBOS:
        _check_reads(to_words(n, gender, case, hundreds=style), Fraction(n))


# The smallest number of each construction that property 1 exercises and that
# has been read wrongly at some point (kept as plain examples so that a
# failure names the construction at once).
@pytest.mark.parametrize(("n", "gender", "case"), [
    (21, "f", "nom"),         # إحدى وعشرون: إحدى before a ten
    (111, "m", "nom"),        # مئة وأحد عشر: و + أحد normalises to واحد (one)
    (1011, "m", "acc"),       # ألف وأحد عشر
    (111000, "m", "nom"),     # مئة وأحد عشر ألفا
    (103000, "m", "nom"),     # مئة وثلاثة آلاف: hundreds + 3–10 + plural scale
    (110000, "f", "acc"),     # مئة وعشرة آلاف
    (303000000, "m", "nom"),  # ثلاثمائة وثلاثة ملايين
    (101000, "m", "nom"),     # مئة ألف وألف: the same scale twice (as in مئة رجل ورجل)
    (202000, "m", "acc"),     # مئتي ألف وألفين
    (1, "f", "nom"), (2, "f", "acc"), (8, "f", "acc"), (10, "f", "nom"), (0, "m", "nom"),
    (18, "f", "nom"), (12, "m", "acc"), (200000, "m", "acc"), (2000, "m", "acc"),
])
def test_words_constructions(n, gender, case):
    _check_reads(to_words(n, gender, case), Fraction(n))


# --- 2. digits ----------------------------------------------------------------------

@given(n=numbers, script=st.sampled_from(SCRIPTS), grouping=st.sampled_from(GROUPINGS))
@example(n=350000, script="western", grouping="،")
@example(n=25000, script="western", grouping=".")
@example(n=25000, script="arabic-indic", grouping="\u00a0")
def test_digits_read_back(n, script, grouping):
    _check_reads(to_digits(n, script, grouping), Fraction(n))


_DECIMAL_SEPARATORS = [".", "٫", ","]


@given(whole=st.integers(0, 10**7), frac=st.text("0123456789", min_size=1, max_size=5),
       sep=st.sampled_from(_DECIMAL_SEPARATORS), script=st.sampled_from(SCRIPTS))
@example(whole=3, frac="6", sep=".", script="western")
@example(whole=3, frac="6", sep="٫", script="arabic-indic")
@example(whole=3, frac="6", sep=",", script="western")
def test_decimals_read_back(whole, frac, sep, script):
    if sep != "٫" and len(frac) == 3:       # "3.600" and "3,600" are thousands (SPEC 4.1)
        frac += "5"
    s = to_digits(whole, script) + sep + to_digits(int("1" + frac), script)[1:]
    _check_reads(s, Fraction(f"{whole}.{frac}"))


# --- 3. orthographic noise --------------------------------------------------------------

def _is_letter(c: str) -> bool:
    return "\u0621" <= c <= "\u064a" and c != "\u0640"


def _connects(c: str) -> bool:
    """The letter joins to the next one (it has an initial form), so a tatweel may follow."""
    if not _is_letter(c):
        return False
    try:
        unicodedata.lookup(unicodedata.name(c) + " INITIAL FORM")
    except KeyError:
        return False
    return True


def _presentation_forms() -> dict[str, list[str]]:
    """Base letters (one letter, or two for a ligature) -> the presentation forms
    whose NFKC is exactly those letters."""
    out: dict[str, list[str]] = {}
    for cp in (*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)):
        c = chr(cp)
        if unicodedata.category(c) == "Cn":
            continue
        k = unicodedata.normalize("NFKC", c)
        if 1 <= len(k) <= 2 and all(_is_letter(x) for x in k):
            out.setdefault(k, []).append(c)
    return out


PRESENTATION = _presentation_forms()
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)]
CONTROLS = ["\u200e", "\u200f", "\u061c", "\u200c"]
# applied in this order: tatweel between letters, then letter shapes, then marks on them
_KINDS = ["tatweel", "form", "ligature", "diacritic", "control"]


def add_noise(clean: str, edits: list[tuple[str, int, int]]) -> str:
    """Apply `edits` (kind, where, which) to `clean`; `where`/`which` index the
    eligible places and variants modulo their number, so any integers are valid."""
    s = clean
    for kind, where, which in sorted(edits, key=lambda e: _KINDS.index(e[0])):
        if kind == "tatweel":
            places = [p for p in range(1, len(s))
                      if (_connects(s[p - 1]) or (s[p - 1] == "\u0640" and p > 1))
                      and (_is_letter(s[p]) or s[p] == "\u0640")]
            if places:
                p = places[where % len(places)]
                s = s[:p] + "\u0640" * (1 + which % 3) + s[p:]
        elif kind in ("form", "ligature"):
            width = 1 if kind == "form" else 2
            places = [p for p in range(len(s) - width + 1) if s[p:p + width] in PRESENTATION]
            if places:
                p = places[where % len(places)]
                forms = PRESENTATION[s[p:p + width]]
                s = s[:p] + forms[which % len(forms)] + s[p + width:]
        elif kind == "diacritic":
            places = [p for p in range(1, len(s) + 1) if s[p - 1] not in " \u0640"]
            if places:
                p = places[where % len(places)]
                s = s[:p] + DIACRITICS[which % len(DIACRITICS)] + s[p:]
        else:
            p = 1 + where % (len(s) - 1) if len(s) > 1 else 0
            if p:
                s = s[:p] + CONTROLS[which % len(CONTROLS)] + s[p:]
    return s


_edits = st.lists(st.tuples(st.sampled_from(_KINDS), st.integers(0, 10**4), st.integers(0, 100)),
                  min_size=1, max_size=8)


def _check_noisy(clean: str, noisy: str) -> None:
    """`noisy` reads like `clean`: the same values, and spans that slice out strings
    normalising to the clean numerals. Compared with the clean reading (not with
    n), so that a number the reader gets wrong even when clean (property 1)
    does not also fail here."""
    for c_text, n_text in ((clean, noisy), (PREFIX + clean + SUFFIX, PREFIX + noisy + SUFFIX)):
        want = find_numerals(c_text)
        found = find_numerals(n_text)
        assert [f.value for f in found] == [f.value for f in want], f"{n_text!r}: {found}"
        for f, w in zip(found, want):
            assert n_text[f.start:f.end] == f.text
            assert 0 <= f.start < f.end <= len(n_text)
            assert normalize(f.text).norm == normalize(w.text).norm, f"{n_text!r}: {f.text!r}"


@given(n=numbers, combo=st.sampled_from(COMBOS), style=st.sampled_from(STYLES), edits=_edits)
@example(n=3000000, combo=("m", "nom"), style="mixed",
         edits=[("diacritic", 5, 0), ("tatweel", 9, 2), ("control", 3, 1), ("ligature", 0, 0)])
def test_words_survive_noise(n, combo, style, edits):
    clean = to_words(n, *combo, hundreds=style)
    _check_noisy(clean, add_noise(clean, edits))


@given(n=numbers, script=st.sampled_from(SCRIPTS), grouping=st.sampled_from(GROUPINGS),
       edits=st.lists(st.tuples(st.just("control"), st.integers(0, 10**4), st.integers(0, 100)),
                      min_size=1, max_size=3))
def test_digits_survive_bidi_marks(n, script, grouping, edits):
    clean = to_digits(n, script, grouping)
    _check_noisy(clean, add_noise(clean, edits))


def test_noise_helpers():
    assert _connects("ل") and _connects("ئ") and not _connects("ا") and not _connects("ة")
    assert "لا" in PRESENTATION and "ث" in PRESENTATION and "ة" in PRESENTATION
    assert all(unicodedata.normalize("NFKC", f) == k for k, fs in PRESENTATION.items() for f in fs)
    noisy = add_noise("ثلاثة", [("tatweel", 0, 1), ("diacritic", 0, 0), ("form", 0, 0)])
    assert normalize(noisy).norm == normalize("ثلاثة").norm and noisy != "ثلاثة"


# --- 4. robustness -----------------------------------------------------------------------

def _check_spans(text: str) -> None:
    found = find_numerals(text)
    for f in found:
        assert 0 <= f.start < f.end <= len(text), (text, f)
        assert text[f.start:f.end] == f.text, (text, f)
        for v in (f.value, f.low, f.high):
            assert v is None or isinstance(v, Fraction), (text, f)


def _lexicon_words() -> list[str]:
    with resources.files("factx.data").joinpath("numbers.toml").open("rb") as fh:
        tables = tomllib.load(fh)
    words = set()
    for name, table in tables.items():
        if isinstance(table, dict):
            words.update(table)
        for v in (table.values() if isinstance(table, dict) else ()):
            if isinstance(v, list) and all(isinstance(w, str) for w in v):
                words.update(v)
    return sorted(words)


_ARABICISH = ("".join(chr(c) for c in range(0x0621, 0x064B)) + "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹"
              + ",٬،.٫%٪-–/+ \u00a0\u200e\u200f\u061c\u200c\u200d\u202b\u202c\u2067\u2069\u0640"
              + "".join(DIACRITICS) + "\ufefb\ufe8d\ufe91\ufee3\n")
_WORDS = _lexicon_words() + ["و", "ب", "بـ", "ال", "الـ", "وال", "نحو", "أكثر", "من", "بين",
                             "إلى", "ونصف", "ونيف", "عشرات", "الآلاف", "شخص", "%", "$", "عام"]
_joiners = st.sampled_from([" ", "", " و", "، ", "-", "\u00a0", " \u200f", "."])
_pieces = st.one_of(
    st.sampled_from(_WORDS),
    numbers.map(to_words),
    st.builds(to_digits, numbers, st.sampled_from(SCRIPTS), st.sampled_from(GROUPINGS)),
    st.text(_ARABICISH, max_size=6),
)
arabic_texts = st.lists(st.tuples(_pieces, _joiners), max_size=12).map(
    lambda ps: "".join(p + j for p, j in ps))


@given(st.text())
@example("")
@example("\u200f\u0640\u064b")
def test_any_text(text):
    _check_spans(text)


@given(st.text(_ARABICISH, max_size=120))
def test_arabic_characters(text):
    _check_spans(text)


@given(arabic_texts)
@example("بين عشرة وعشرين")
@example("مليون ونصف المليون ، 3.6 مليون و25.000 جندي و%85")
def test_arabic_numeral_soup(text):
    _check_spans(text)


_ONE_TO_ONE_CHARS = "".join(_ONE_TO_ONE)


@given(st.text(_ONE_TO_ONE_CHARS + _ARABICISH + "abc ") | st.text())
def test_one_to_one_map_is_translate(text):
    """The fast replace-chain gives exactly what str.translate with the table gives."""
    assert _map_one_to_one(text) == text.translate(str.maketrans(_ONE_TO_ONE))
