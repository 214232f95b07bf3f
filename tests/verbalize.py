"""Write integers as Modern Standard Arabic number words (and as digit strings).

`to_words` is factx's own verbaliser: the test suite uses it to generate number
words whose value is known, and reads them back with the numeral reader. It is
a pure function with no dependencies. Conventions (all fixed, so that every
integer has exactly one spelling per gender, case and hundreds style):

Range and zero
    0 <= n < 10**12; 0 is صفر.

Gender and case
    ``gender`` is the gender of the counted noun: "m" (masculine noun) or "f".
    It changes only the last group (the units below one thousand): 1 and 2
    agree with the noun (واحد/واحدة، اثنان/اثنتان) and 3–10 take the opposite
    form (polarity: ثلاثة رجال، ثلاث نساء). ``case`` is "nom" or "acc"
    (accusative and genitive share their written form): it inflects the duals
    (اثنان/اثنين، اثنا عشر/اثني عشر، مئتان/مئتين، ألفان/ألفين) and the tens
    (عشرون/عشرين) everywhere in the number, the multipliers of the scale words
    included (مئتين وأربعة وثلاثين ألفا).

Units 1–10
    m: واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة
    f: واحدة اثنتان ثلاث أربع خمس ست سبع ثمان تسع عشر
    Feminine 8 is ثمان in the nominative and ثماني in the accusative
    (the indefinite ثمانٍ / ثمانيَ without diacritics).

11–19
    m: أحد عشر، اثنا عشر (acc اثني عشر)، ثلاثة عشر … تسعة عشر
    f: إحدى عشرة، اثنتا عشرة (acc اثنتي عشرة)، ثلاث عشرة … ثماني عشرة، تسع عشرة

21–99
    The unit comes before the ten, joined by و: خمسة وعشرون. The unit of a
    compound follows the gender rules above, except that feminine one is
    إحدى (إحدى وعشرون); masculine one is واحد (واحد وعشرون).

Hundreds
    Always one word; gender does not change them. ``hundreds`` selects the
    spelling:

    * "mixed" (default, the usual newspaper spelling): مئة، مئتان،
      ثلاثمائة … تسعمائة;
    * "mia" (the Academy spelling): مئة، مئتان، ثلاثمئة … تسعمئة;
    * "maa" (the traditional spelling): مائة، مائتان، ثلاثمائة … تسعمائة.

    The rest of the group follows after و: مئة وخمسة وعشرون.

Scale words (ألف 10**3، مليون 10**6، مليار 10**9; the billion is مليار)
    Groups of three digits are written from the largest scale down and joined
    by " و" (a space, then و glued to the next word). A group multiplier g
    (1 … 999) and its scale word are written by the tamyiz rule, which looks
    at the part of g that stands next to the noun, r = g % 100:

    * g = 1: the scale word alone: ألف، مليون، مليار;
    * g = 2: the dual alone: ألفان/ألفين، مليونان/مليونين، ملياران/مليارين;
    * r = 3 … 10: masculine-polarity unit + plural: ثلاثة آلاف، عشرة ملايين،
      also after hundreds: مئة وثلاثة آلاف (103 000);
    * r = 11 … 99: the multiplier + accusative singular, written without
      tanween: أحد عشر ألفا، مئة وخمسون ألفا، تسعمائة وتسعة وتسعون مليارا;
    * r = 0 (g = 100, 200, … 900): the hundred + genitive singular, with
      200 in its construct form: مئة ألف، مئتا ألف (acc مئتي ألف)، ثلاثمائة مليون;
    * r = 1 or 2 after hundreds (g = 101, 102, 201, …): the hundreds take the
      noun and the one or two is added as its own term, as in مئة رجل ورجل:
      مئة ألف وألف (101 000)، مئتا ألف وألفان (202 000).

    Multipliers are always masculine (ألف، مليون، مليار are masculine nouns).

Examples
    1234567 → مليون ومئتان وأربعة وثلاثون ألفا وخمسمائة وسبعة وستون
    2000 (acc) → ألفين;  21 (f) → إحدى وعشرون;  18 (f, acc) → ثماني عشرة

`to_digits` writes an integer as digits in one of three scripts with an
optional thousands separator; the tests use it to build digit numerals.
"""

from __future__ import annotations

__all__ = ["to_words", "to_digits", "MAX"]

#: the first integer that `to_words` cannot write
MAX = 10**12

_GENDERS = ("m", "f")
_CASES = ("nom", "acc")
_HUNDRED_STYLES = ("mixed", "mia", "maa")

# 3–10, the form with ta marbuta (used with masculine nouns) and without it.
_UNITS_M = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة",
            8: "ثمانية", 9: "تسعة", 10: "عشرة"}
_UNITS_F = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع",
            8: "ثمان", 9: "تسع", 10: "عشر"}

_TENS = {2: "عشر", 3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع",
         8: "ثمان", 9: "تسع"}   # + ون / ين

# hundreds 3–9: the prefix is the feminine unit (ثمانمائة, not ثمانيمائة)
_HUNDRED_PREFIX = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع",
                   8: "ثمان", 9: "تسع"}

_SCALES = {1: ("ألف", "ألفا", "آلاف", "ألفان", "ألفين"),
           2: ("مليون", "مليونا", "ملايين", "مليونان", "مليونين"),
           3: ("مليار", "مليارا", "مليارات", "ملياران", "مليارين")}
# index: 0 singular (genitive/bare), 1 accusative singular, 2 plural, 3 dual nom, 4 dual acc


def _unit(k: int, gender: str, case: str, *, compound: bool = False) -> str:
    """1–10 counting a noun of `gender` (polarity for 3–10)."""
    if k == 1:
        if gender == "m":
            return "واحد"
        return "إحدى" if compound else "واحدة"
    if k == 2:
        if gender == "m":
            return "اثنان" if case == "nom" else "اثنين"
        return "اثنتان" if case == "nom" else "اثنتين"
    if gender == "m":
        return _UNITS_M[k]
    if k == 8:
        return "ثمان" if case == "nom" else "ثماني"
    return _UNITS_F[k]


def _teen(k: int, gender: str, case: str) -> str:
    """11–19."""
    u = k - 10
    if gender == "m":
        if u == 1:
            first = "أحد"
        elif u == 2:
            first = "اثنا" if case == "nom" else "اثني"
        else:
            first = _UNITS_M[u]
        return first + " عشر"
    if u == 1:
        first = "إحدى"
    elif u == 2:
        first = "اثنتا" if case == "nom" else "اثنتي"
    elif u == 8:
        first = "ثماني"
    else:
        first = _UNITS_F[u]
    return first + " عشرة"


def _tens_word(t: int, case: str) -> str:
    return _TENS[t] + ("ون" if case == "nom" else "ين")


def _below_100(k: int, gender: str, case: str) -> str:
    """1–99."""
    if k <= 10:
        return _unit(k, gender, case)
    if k < 20:
        return _teen(k, gender, case)
    t, u = divmod(k, 10)
    if u == 0:
        return _tens_word(t, case)
    return _unit(u, gender, case, compound=True) + " و" + _tens_word(t, case)


def _hundred(h: int, case: str, style: str, *, construct: bool = False) -> str:
    """100, 200, … 900 as one word (construct: مئتا/مئتي before a noun)."""
    mia = "مائة" if style == "maa" else "مئة"
    if h == 1:
        return mia
    if h == 2:
        stem = "مائت" if style == "maa" else "مئت"
        if construct:
            return stem + ("ا" if case == "nom" else "ي")
        return stem + ("ان" if case == "nom" else "ين")
    compound = "مئة" if style == "mia" else "مائة"
    return _HUNDRED_PREFIX[h] + compound


def _below_1000(k: int, gender: str, case: str, style: str) -> str:
    """1–999 standing alone (no noun follows within the number)."""
    h, r = divmod(k, 100)
    parts = []
    if h:
        parts.append(_hundred(h, case, style))
    if r:
        parts.append(_below_100(r, gender, case))
    return " و".join(parts)


def _scaled(g: int, level: int, case: str, style: str) -> str:
    """Group multiplier g (1–999) with the scale word of `level` (1 ألف, 2 مليون, 3 مليار)."""
    sg, acc, pl, du_nom, du_acc = _SCALES[level]
    dual = du_nom if case == "nom" else du_acc
    h, r = divmod(g, 100)
    if g == 1:
        return sg
    if g == 2:
        return dual
    if r == 0:                                   # مئة ألف، مئتا ألف، ثلاثمائة ألف
        return _hundred(h, case, style, construct=True) + " " + sg
    if h and r in (1, 2):                        # مئة ألف وألف، مئة ألف وألفان
        return _hundred(h, case, style, construct=True) + " " + sg + " و" + (sg if r == 1 else dual)
    head = _hundred(h, case, style) + " و" if h else ""
    if r <= 10:                                  # ثلاثة آلاف، مئة وعشرة آلاف
        return head + _UNITS_M[r] + " " + pl
    return head + _below_100(r, "m", case) + " " + acc   # أحد عشر ألفا، مئة وخمسون ألفا


def to_words(n: int, gender: str = "m", case: str = "nom", *, hundreds: str = "mixed") -> str:
    """Write `n` (0 <= n < 10**12) in Arabic words; see the module docstring for the conventions.

    >>> to_words(1234567)
    'مليون ومئتان وأربعة وثلاثون ألفا وخمسمائة وسبعة وستون'
    >>> to_words(3, "f"), to_words(2, "m", "acc"), to_words(200000, case="acc")
    ('ثلاث', 'اثنين', 'مئتي ألف')
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if not 0 <= n < MAX:
        raise ValueError(f"n must satisfy 0 <= n < 10**12, got {n}")
    if gender not in _GENDERS:
        raise ValueError(f"gender must be 'm' or 'f', got {gender!r}")
    if case not in _CASES:
        raise ValueError(f"case must be 'nom' or 'acc', got {case!r}")
    if hundreds not in _HUNDRED_STYLES:
        raise ValueError(f"hundreds must be one of {_HUNDRED_STYLES}, got {hundreds!r}")
    if n == 0:
        return "صفر"
    parts = []
    for level in (3, 2, 1):
        g = n // 10 ** (3 * level) % 1000
        if g:
            parts.append(_scaled(g, level, case, hundreds))
    last = n % 1000
    if last:
        parts.append(_below_1000(last, gender, case, hundreds))
    return " و".join(parts)


_SCRIPTS = {"western": "0123456789",
            "arabic-indic": "٠١٢٣٤٥٦٧٨٩",
            "extended": "۰۱۲۳۴۵۶۷۸۹"}
_GROUPINGS = (None, ",", "٬", "،", ".", " ", "\u00a0")


def to_digits(n: int, script: str = "western", grouping: str | None = None) -> str:
    """Write the integer `n` in digits of `script`, with `grouping` between groups of three.

    script: "western" (0-9), "arabic-indic" (U+0660–0669) or "extended"
    (U+06F0–06F9). grouping: None (no separator), ",", "٬" (U+066C), "،"
    (U+060C), ".", " " or "\\u00a0". A negative number gets a leading "-".

    >>> to_digits(1234567, "arabic-indic", "٬")
    '١٬٢٣٤٬٥٦٧'
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"n must be an int, not {type(n).__name__}")
    if script not in _SCRIPTS:
        raise ValueError(f"script must be one of {tuple(_SCRIPTS)}, got {script!r}")
    if grouping not in _GROUPINGS:
        raise ValueError(f"grouping must be one of {_GROUPINGS}, got {grouping!r}")
    sign = "-" if n < 0 else ""
    s = str(abs(n))
    if grouping is not None:
        head = len(s) % 3 or 3
        s = grouping.join([s[:head]] + [s[i:i + 3] for i in range(head, len(s), 3)])
    return sign + s.translate(str.maketrans("0123456789", _SCRIPTS[script]))
