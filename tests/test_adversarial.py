"""Adversarial inputs: `factx.extract` must finish on them, in time linear in the input.

Every case is timed against ordinary text (whole seed documents) of about the same
size, measured in the same test, in CPU seconds per character. The case passes
when its time per character is below RATIO_LIMIT times the ordinary one, and every
fact it returns satisfies ``text == document[start:end]``. Absolute times are never
compared, so the tests do not depend on the machine.

The limits are generous on purpose. RATIO_LIMIT (25x) applies to inputs with
about as few facts as news text (one every ~300 characters). Some inputs here hold
one fact every two to five characters (1%1%1%…). Each fact costs tens of
microseconds to type and validate, so those inputs run 10-50x slower per
character than news text even when extraction is linear, and the figure grows
whenever ordinary text gets faster or a fact gets a reading more ('مليون و200 ألف و'
repeated, one fact per 16 characters, measured 25-27x). An input with at least one
fact per DENSE_CHARS characters therefore gets DENSE_LIMIT (250x), plus a growth check:
the whole input may take at most GROWTH_LIMIT (3.5x) the time of its first half
(2x when linear, 4x when quadratic; allocating and collecting tens of thousands of
records measurably adds to the linear figure, up to ~3x on a loaded machine). A quadratic step shows up at thousands of
times slower, even at these sizes, and it grows with the size.

Each case runs in a forked child with a wall-clock budget (DENSE_LIMIT x the
ordinary time, with a margin), so an input that hangs fails quickly with a
message instead of stalling the run.

Sizes are scaled down so the file runs in well under a minute: the 100,000-digit
run and the 10,000-word و chains are full size, the one-line no-white-space
document is 1 MB here. The 10 MB line goes through the command line in
``benchmarks/throughput.py`` (``--long-line-mb``, 10 by default).
"""

from __future__ import annotations

import gc
import multiprocessing
import random
import time
from pathlib import Path

import pytest

import factx
from factx.models import QUANTITY_KINDS

ROOT = Path(__file__).resolve().parent.parent
RATIO_LIMIT = 25.0           # time per char vs ordinary text, for inputs with few facts
DENSE_LIMIT = 250.0          # ... for inputs with at least one fact per DENSE_CHARS characters
DENSE_CHARS = 20             # one fact per 20 characters is 15 times news text's density
GROWTH_LIMIT = 3.5           # time(whole) / time(first half) of a dense input
SEP_SIZE = 20_000            # characters of each separator run

_SEEDS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]


# --- helpers ------------------------------------------------------------------------

def ordinary(n: int, seed: int = 7) -> str:
    """About `n` characters of whole seed documents (shuffled, repeated), cut at white space."""
    rng = random.Random(seed)
    parts: list[str] = []
    size = 0
    while size < n:
        docs = _SEEDS[:]
        rng.shuffle(docs)
        for d in docs:
            parts.append(d)
            size += len(d) + 2
    text = "\n\n".join(parts)
    cut = text.rfind(" ", 0, n)
    return text[: cut if cut > n // 2 else n]


@pytest.fixture(scope="module", autouse=True)
def _warm():
    """Lexicon load, regex compilation and per-word caches happen before any timing."""
    for d in _SEEDS:
        factx.extract(d)


def _cpu(text: str) -> float:
    t0 = time.process_time()
    factx.extract(text)
    return time.process_time() - t0


def _child(conn, text: str) -> None:
    try:
        # the child inherits the parent's garbage collector counts: a full collection of
        # pytest's whole heap falling due inside one run and not the other is no cost of
        # the input (it made the growth check flip on any change of allocations)
        gc.collect()
        t0 = time.process_time()
        facts = factx.extract(text)
        dt = time.process_time() - t0
        conn.send(("ok", dt, [(f.span.start, f.span.end, f.text, f.kind, f.value) for f in facts]))
    except BaseException as e:  # report anything, even SystemExit, to the parent
        conn.send(("error", f"{type(e).__name__}: {e}"[:1500], None))
    finally:
        conn.close()


def _run_limited(text: str, budget: float):
    """("ok", cpu seconds, facts) / ("error", message, None), or None after `budget` wall seconds."""
    ctx = multiprocessing.get_context("fork")
    recv, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, text), daemon=True)
    proc.start()
    send.close()
    try:
        if not recv.poll(budget):
            return None
        try:
            return recv.recv()
        except EOFError:                       # the child died without a word
            proc.join()
            return ("error", f"the extracting process died (exit code {proc.exitcode})", None)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        recv.close()


def _timed(text: str, budget: float, label: str) -> tuple[float, list]:
    result = _run_limited(text, budget)
    if result is None:
        pytest.fail(f"{label}: {len(text):,} chars not done after {budget:.1f} s wall")
    status, seconds, facts = result
    if status != "ok":
        pytest.fail(f"{label}: extract raised {seconds}")
    return seconds, facts


def check(text: str, label: str, limit: float = RATIO_LIMIT):
    """Run `text` against ordinary text of the same size; return its facts as
    (start, end, text, kind, value) tuples."""
    base = ordinary(len(text))
    runs = 3 if len(base) < 100_000 else 2 if len(base) < 300_000 else 1
    per_char = min(_cpu(base) for _ in range(runs)) / len(base)
    expected = per_char * len(text)                       # ordinary CPU time for this size
    budget = 1.2 * max(limit, DENSE_LIMIT) * expected + 0.5
    where = f"{label} (ordinary text of this size: {expected:.3f} s CPU)"
    seconds, facts = _timed(text, budget, where)
    dense = len(facts) * DENSE_CHARS >= len(text)
    if dense:
        limit = max(limit, DENSE_LIMIT)
    ratio = seconds / expected
    if ratio >= limit:                                    # one retry before calling it
        ratio = min(ratio, _timed(text, budget, where)[0] / expected)
    print(f"{label}: {ratio:.1f}x ordinary text per char, {len(facts)} facts, limit {limit:.0f}x")
    assert ratio < limit, (f"{label}: {ratio:.1f}x ordinary text per char "
                           f"({1e6 * per_char:.2f} us/char), {len(facts)} facts; limit {limit:.0f}x")
    if dense:
        half = text[: len(text) // 2]
        growth = seconds / max(_timed(half, budget, where)[0], 1e-3)
        if growth >= GROWTH_LIMIT:
            growth = min(growth, _timed(text, budget, where)[0] / max(_timed(half, budget, where)[0], 1e-3))
        print(f"{label}: whole / first half = {growth:.2f}")
        assert growth < GROWTH_LIMIT, (f"{label}: the whole input takes {growth:.2f}x its first half "
                                       f"(linear: 2); limit {GROWTH_LIMIT}")
    bad = [(s, e, t) for s, e, t, _, _ in facts if text[s:e] != t or not 0 <= s < e <= len(text)]
    assert not bad, f"{label}: {len(bad)} facts whose text is not document[start:end], e.g. {bad[:3]}"
    return facts


def repeat_to(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


# --- digit runs ---------------------------------------------------------------------

@pytest.mark.parametrize("digit", ["1", "٣", "۷"], ids=["ascii", "arabic-indic", "extended"])
def test_hundred_thousand_digits(digit):
    text = digit * 100_000
    facts = check(text, f"{digit!r} x 100,000")
    assert [(s, e) for s, e, *_ in facts] == [(0, len(text))], "the whole run is one fact"


@pytest.mark.parametrize("number", [
    "1" * 31,
    "9" * 45,
    "1,000,000,000,000,000,000,000,000,000,000,000",   # 34 digits, grouped
    "0." + "0" * 40 + "1",                                # 42 digits with the decimal part
    "١٢٣٤٥٦٧٨٩٠" * 4,                                     # 40 Arabic-Indic digits
], ids=["31-digits", "45-digits", "grouped-34", "decimal-42", "arabic-indic-40"])
def test_overlong_number_is_reported_not_converted(number):
    """More than 30 digits: still one fact with the digit run as its text, and no
    exception (the value may be None, or the digits for an identifier)."""
    text = f"بلغ عدد السكان {number} نسمة في المدينة."
    start = text.index(number)
    facts = factx.extract(text)
    hits = [f for f in facts if f.span.start < start + len(number) and start < f.span.end]
    assert len(hits) == 1, hits
    f = hits[0]
    assert f.text == number and (f.span.start, f.span.end) == (start, start + len(number))
    if f.kind in QUANTITY_KINDS and f.value is not None:
        assert isinstance(f.value, (int, float))


def test_thirty_digits_still_converted():
    number = "9" * 30
    facts = factx.extract(f"بلغ عدد السكان {number} نسمة.")
    assert [(f.text, f.value) for f in facts] == [(number, int(number))]


# --- number words ---------------------------------------------------------------------

@pytest.mark.parametrize("unit", ["ثلاثة وعشرون و", "مليون و", "ألف و", "ثلاثة ملايين و"])
def test_ten_thousand_number_words(unit):
    check(unit * 10_000, f"{unit!r} x 10,000")


def test_number_words_with_wa_and_digits():
    check("مليون و200 ألف و" * 5_000, "'مليون و200 ألف و' x 5,000")


# --- separators -----------------------------------------------------------------------

SEPARATOR_RUNS = {
    "comma": "1,",                      # 1,1,1,1 …
    "dot": "1.",                        # 1.1.1.1 …
    "arabic-comma": "1،",               # 1،1،1 …
    "space": "1 ",                      # 1 1 1 1 …
    "mixed": "1,1.1،1٫1٬1\u00a0",      # every separator, ٫ and ٬ among them
    "arabic-separators-only": "٫٬",
    "percent": "1%",
    "colon": "1:",
    "slash": "1/",                      # identifier code shape: 1/1/1 …
    "dots-only": ".",                   # ellipsis abuse
    "hyphens-only": "-",                # a rule line
}


@pytest.mark.parametrize("unit", SEPARATOR_RUNS.values(), ids=SEPARATOR_RUNS.keys())
def test_separator_runs(unit):
    check(repeat_to(unit, SEP_SIZE), f"{unit!r} repeated to {SEP_SIZE:,} chars")


@pytest.mark.parametrize("run", [".", "!", "؟!", "؛"], ids=["dots", "bangs", "question-bang", "semicolons"])
def test_punctuation_run_glued_to_a_word(run):
    """A run of sentence-final punctuation followed by a letter, not by white space,
    in a document that has a fact (sentence bounds are computed only then)."""
    text = "قتل 5 أشخاص" + repeat_to(run, SEP_SIZE) + "ثم"
    check(text, f"{run!r} x {SEP_SIZE:,} glued to a word")


# --- code characters (identifiers are looked for in runs that hold a Latin letter) ---------

@pytest.mark.parametrize("unit", ["a1", "A-1/", "AB12 ", "x.", "1_"], ids=["letter-digit", "code-groups",
                                                                          "latin-with-digits", "letter-dot",
                                                                          "digit-underscore"])
def test_code_character_runs(unit):
    check(repeat_to(unit, SEP_SIZE), f"{unit!r} repeated to {SEP_SIZE:,} chars")


@pytest.mark.parametrize("text", ["1" * 100_000 + "a", "a" * 100_000 + "1", ("1" * 99 + "a ") * 1_000],
                         ids=["digits-then-letter", "letters-then-digit", "many-long-runs"])
def test_long_code_runs_walked_once(text):
    """A Latin letter at the far end of a long run of code characters: the run is
    followed back to its start once, not once per window."""
    check(text, f"{len(text):,}-char code runs")


def test_many_distinct_pieces():
    """Every piece is new (the per-piece anchor cache only misses)."""
    check(" ".join(f"كلمة{i}x" for i in range(40_000)), "40,000 distinct pieces")


# --- diacritics and tatweel ---------------------------------------------------------------

def test_thousands_of_diacritics_on_one_letter():
    text = "قتل 5 أشخاص و ب" + "\u064e" * 20_000 + " ثم 7 آخرون."
    facts = check(text, "20,000 fathas on one letter")
    assert sorted(v for *_, v in facts) == [5, 7]


def test_diacritics_after_a_number_word_belong_to_it():
    marks = "\u064f\u0651" * 5_000
    text = "قتل ثلاثة" + marks + " أشخاص."
    facts = check(text, "10,000 marks after ثلاثة")
    assert [(t, v) for _, _, t, _, v in facts] == [("ثلاثة" + marks, 3)]


def test_tatweel_run_inside_a_number_word():
    text = "قتل ثلاث" + "ـ" * 20_000 + "ة أشخاص."
    facts = check(text, "20,000 tatweels in ثلاثة")
    assert [v for *_, v in facts] == [3]


def test_many_facts_before_a_diacritic_run():
    """Every fact of a sentence maps the sentence's end back to the original text;
    a long run of marks there must not be walked once per fact."""
    text = "5 و " * 2_000 + "ب" + "\u064e" * 30_000
    check(text, "2,000 facts, then 30,000 fathas at the sentence end")


# --- one long line ---------------------------------------------------------------------------

def test_one_megabyte_line_without_white_space():
    flat = "".join("".join(d.split()) for d in _SEEDS)
    text = repeat_to(flat, 1_000_000)
    check(text, "1 MB line without white space")


def test_one_long_arabic_word():
    text = repeat_to("ثلاثةعشرونمليون", 300_000)
    check(text, "one 300,000-letter word")


# --- qualifiers, months, slashes --------------------------------------------------------

@pytest.mark.parametrize("qual,expected", [
    ("أكثر من ", "more_than"),
    ("نحو ", "approximately"),
    ("أقل من ", "less_than"),
])
def test_repeated_qualifiers(qual, expected):
    text = qual * 5_000 + "5 أشخاص"
    facts = check(text, f"{qual!r} x 5,000, then 5")
    assert len(facts) == 1
    f = factx.extract(qual * 3 + "5 أشخاص")[0]
    assert (f.value, f.qualifier) == (5, expected)


def test_alternating_qualifiers():
    check("أكثر من أقل من نحو " * 3_000 + "5", "alternating qualifiers x 3,000")


@pytest.mark.parametrize("unit", [
    "<1", "أكثر من 1 وأقل من 2 و", "لا تقل عن 1 دينار ولا تزيد على 2 دينار و", "3 أو 4 أو ", "بين 1 و2 و",
    "ارتفع من 1 إلى 2 و", "1$-2$-", "ألا تزيد ساعات ",
], ids=["glued-less-than", "two-bounds", "legal-bounds", "alternatives", "between-chain", "levels-chain",
        "symbol-ranges", "verb-and-subject"])
def test_comparison_and_range_runs(unit):
    """Comparisons, bounds and range links repeated: each number looks back and ahead a
    bounded number of tokens. Most of these inputs hold a fact every 20-40 characters
    (ten times news text), a range costing about twice a plain count (two numerals and a
    qualifier each), so they get 3x the per-character limit (a quadratic step would be
    thousands of times slower). Twice the usual size: their runs are short, and the growth
    check of the dense ones is steadier on longer runs."""
    check(repeat_to(unit, 2 * SEP_SIZE), f"{unit!r} repeated to {2 * SEP_SIZE:,} chars", limit=3 * RATIO_LIMIT)


@pytest.mark.parametrize("unit", [
    "يناير/", "آب/أغسطس/", "كانون الثاني/يناير/", "21 آب/أغسطس/", "أول فبراير/شباط ", "رمضان/", "(يناير) ",
    "/", "31/08/2019/", "في 1/2 ", "15 / 3 / 1998 / ", "الخامس عشر من شعبان ", "٤من المايو ", "شهر 3 ",
    "سنة 505 هـ / ", "الساعة ثلاثة وعشرين دقيقة ", "7:56:35 ",
], ids=["jan-slash", "aug-doubled", "two-word-month", "day-month", "first-feb", "hijri", "parenthesised",
        "slashes", "numeric-dates", "day-slash-month", "spaced-dates", "ordinal-days", "article-month",
        "month-number", "era-years", "clock-words", "clock-seconds"])
def test_month_and_slash_runs(unit):
    check(repeat_to(unit, 20_000), f"{unit!r} repeated")


# --- units and currencies ----------------------------------------------------------------

@pytest.mark.parametrize("unit", [
    "تركيا 5 ليرة 6 ليرة 7 ليرة ", "تركيا. 5 ليرة 6 ليرة 7 ليرة. ", "20$ و43c ", "العظمى 2 والصغرى 3 ",
    "9 ريال بدل 1 ", "1$-2$ ", "لتر ونص ", "2 تحت الصفر ",
], ids=["currency-context-one-sentence", "currency-context-sentences", "sub-units", "temperature-cues",
        "carried-unit", "unit-ranges", "unit-fractions", "below-zero"])
def test_unit_runs(unit):
    """Ambiguous currency words settled from context words all over one sentence (or
    before it), sub-units, cues, carried units: each look-up stays local."""
    check(repeat_to(unit, 20_000), f"{unit!r} repeated")


# --- signs ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "(-7)",
    "قتل -7 أشخاص",
    "درجة الحرارة -7 درجات",
    "انخفض بنسبة -5 بالمئة",
    "من -3 إلى 12",
    "-3 - 12",
])
def test_signed_numbers_do_not_raise(text):
    """A minus sign before a count or a percentage must not make extract raise
    (counts and percentages are non-negative by the record rules)."""
    for f in factx.extract(text):
        assert text[f.span.start:f.span.end] == f.text


def test_long_run_of_signed_numbers():
    check(repeat_to(" -7 +7", 20_000), "' -7 +7' repeated")


# --- random text ----------------------------------------------------------------------------

_LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]


def test_random_arabic_letters():
    rng = random.Random(11)
    words = ["".join(rng.choice(_LETTERS) for _ in range(rng.randint(1, 9))) for _ in range(25_000)]
    check(" ".join(words), "random Arabic letters")


def test_random_soup():
    """Letters, digits of three scripts, separators, marks, tatweel, controls, number words."""
    rng = random.Random(12)
    alphabet = (_LETTERS * 3 + list("0123456789٠١٢٣٤٥٦٧٨٩") + list(".,،٫٬/-:%$ ") * 2
                + ["\u064e", "\u0651", "ـ", "\u200f", "\n", "ثلاثة", " مليون ", " و", "أكثر من ", "يناير"])
    text = "".join(rng.choice(alphabet) for _ in range(40_000))
    check(text, "random soup")
