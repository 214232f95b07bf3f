"""Reading numbers written in words, and digits with multiplier words (SPEC §4.2).

The grammar follows Arabic number composition. A number is a sequence of
*groups* below a thousand, each closed by a scale word (ألف، مليون، مليار …):

    group  := hundred [و unit] [و ten] | unit [و ten] | teen | ten | digits
    unit   := 0–10 (either gender);   teen := unit عشر/عشرة (أحد عشر …)
    number := group scale (و group scale)* [و group] [و fraction] [و نيف]

Units come before tens (خمسة وعشرون), hundreds before both, scales decrease.
A word that does not fit the grammar ends the number, so "بين عشرة وعشرين"
is two numbers, not thirty. Fractions join scales (نصف مليون، مليون ونصف،
ثلاثة ملايين ونصف المليون); vague plurals take a plural scale (عشرات الآلاف).

`read_number` reads one number: `_first` reads its first part (the parts are
the word roles of `WordClass`), then `_Sum.extend` adds the parts joined to it
one at a time, each by its own small rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple

from ..language import morphology
from ..language.morphology import Split
from ..text.tokens import CODE_JOINERS, DIGITS, LATIN, PUNCT, WORD, Token
from .digits import read_digits

# the roles a number word plays in the grammar (`WordClass.role`)
UNIT, TEEN_UNIT, TEEN, TEN, HUNDRED, SCALE = "unit", "teen_unit", "teen", "ten", "hundred", "scale"
FRACTION, VAGUE, FRACTION_PLURAL, NAYYIF = "fraction", "vague", "fraction_plural", "nayyif"


@dataclass(slots=True)
class Numeral:
    """A number read from tokens ``[i, j)`` of a normalised text."""

    i: int
    j: int
    start: int                     # normalised offset of the first character (after proclitics)
    end: int                       # normalised offset one past the last character
    value: int | Fraction | None   # exact (an int where whole); None for vague quantities
    low: int | Fraction | None = None
    high: int | Fraction | None = None
    prefix: str = ""               # proclitic glued to the first word (و، ب، ال …)
    definite: bool = False         # written with the article: الثلاثة، الـ 44
    digits: bool = False           # written (at least partly) in digits
    plain_digits: bool = False     # digits only: no separators, no words
    ndigits: int = 0               # digits before the first separator
    scale: int = 0                 # last scale word applied (1000, 10**6 …)
    vague: bool = False
    fraction: bool = False         # a bare fraction word (نصف، ثلث …) with no scale
    percent_sign: bool = False
    per_mille: bool = False        # the sign is ‰ (؉): a tenth of a percent
    sign_span: tuple[int, int] | None = None   # from the sign to where the number itself starts
    unit: object = None            # a dual unit noun read as "two" (يومين): its lexicon Unit
    counts_itself: bool = False    # a noun that carries its own number: a dual (هدفين = 2), a goal tally (رباعية = 4)
    singular: str = ""             # a bare singular noun read as "one": the cue (scan.AFTER_COMPARISON …)
    digit_fraction: bool = False   # digits over digits (3/4 كوب)
    whole: tuple | None = None     # a digit fraction's numerator as a number: (value, j, end)
    gender: str | None = None      # gender of the last unit word
    stem: str = ""                 # the first word without its proclitic ("" for digits)


class WordClass(NamedTuple):
    """What a (clitic-free) number word is to the grammar. `value` is an int, or a
    Fraction for a fraction word (ints keep the grammar's comparisons fast)."""

    role: str
    value: int | Fraction
    gender: str | None = None      # units: m (ثلاثة) or f (ثلاث)
    number: str | None = None      # scales: sg, du, pl, sg_or_du
    high: int | None = None        # vague words: the upper bound (value is the lower)


_ZERO = 0


@lru_cache(maxsize=65536)
def classify(lex, stem: str) -> WordClass | None:
    """The role of a clitic-free word in number grammar, or None."""
    if stem in lex.units:
        v, g = lex.units[stem]
        return WordClass(UNIT, v, gender=g)
    if stem in lex.tens:
        return WordClass(TEN, lex.tens[stem])
    if stem in lex.hundreds:
        return WordClass(HUNDRED, lex.hundreds[stem])
    if stem in lex.scales:
        v, number = lex.scales[stem]
        return WordClass(SCALE, v, number=number)
    if stem in lex.teen_units:
        return WordClass(TEEN_UNIT, lex.teen_units[stem])
    if stem in lex.teens:
        return WordClass(TEEN, lex.teens[stem])
    if stem in lex.fractions:
        return WordClass(FRACTION, lex.fractions[stem])
    if stem in lex.vague:
        low, high = lex.vague[stem]
        return WordClass(VAGUE, low, high=high)
    if stem in lex.fraction_plurals:
        return WordClass(FRACTION_PLURAL, lex.fraction_plurals[stem])
    if stem in lex.nayyif:
        return WordClass(NAYYIF, 0)
    return None


@lru_cache(maxsize=65536)
def word_reading(lex, word: str, allowed: frozenset = morphology.ANY,
                 required: frozenset = morphology.NOTHING) -> tuple[Split, WordClass] | None:
    """(split, class) of a number word, trying the bare word before proclitic splits
    whose proclitic is made of `allowed` parts and holds the `required` ones."""
    for sp in morphology.readings(word, allowed, required):
        cat = classify(lex, sp.stem)
        if cat is not None:
            return sp, cat
    return None


def _later_reading(lex, word: str, joined: bool):
    """A later part of a number: with و glued (وعشرون، والعشرين), or after a
    detached و (`joined`): then any proclitic."""
    if joined:
        return word_reading(lex, word, morphology.NUMBER_FIRST)
    return word_reading(lex, word, morphology.WA_ARTICLE, morphology.WA_REQUIRED)


class _Tokens:
    """The tokens a number may be read from: up to `stop`."""

    def __init__(self, norm: str, toks: list[Token], stop: int, lex):
        self.norm, self.toks, self.stop, self.lex = norm, toks, stop, lex

    def word(self, k: int) -> str | None:
        if k < self.stop and self.toks[k].kind == WORD:
            return self.toks[k].text
        return None

    def after_conjunction(self, k: int) -> tuple[int, str | None]:
        """If a part joined by a detached و starts at token k: (its token, its word or None)."""
        w = self.word(k)
        if w is not None and w in morphology.DETACHED_WA:
            return k + 1, self.word(k + 1)
        return k, w

    def scale_at(self, k: int, allowed: frozenset = morphology.NOTHING) -> WordClass | None:
        w = self.word(k)
        r = None if w is None else word_reading(self.lex, w, allowed)
        return r[1] if r and r[1].role == SCALE else None

    def role_joined_at(self, k: int) -> str | None:
        """Role of the number word joined by و at token k (ومئتي → hundred), or None."""
        k2, w = self.after_conjunction(k)
        rd = None if w is None else _later_reading(self.lex, w, k2 != k)
        return None if rd is None else rd[1].role

    def teen_ten(self, k: int) -> bool:
        w = self.word(k)
        return w is not None and w in self.lex.teen_tens

    def token_after(self, end: int, k: int) -> int:
        """The first token from k on that starts at or after normalised offset `end`."""
        while k < self.stop and self.toks[k].start < end:
            k += 1
        return k


class _Sum:
    """The number read so far: closed groups in `total`, the open group below a thousand."""

    __slots__ = ("total", "group", "slots", "last_scale", "ended", "joins")

    def __init__(self):
        self.total: int | Fraction = _ZERO
        self.group: Fraction | None = None
        self.slots: set = set()          # parts the open group has: hundred unit ten teen digits
        self.last_scale: int = 0
        self.ended = False               # a part that ends the number was read (ونصف، ونيف)
        self.joins: list = []            # (token, total, group) where each part joined by و starts

    @property
    def value(self) -> Fraction:
        return self.total + (self.group or 0)

    def open(self, value, slot: str) -> None:
        self.group, self.slots = value, {slot}

    def add(self, value, slot: str) -> None:
        self.group = (self.group or 0) + value
        self.slots = self.slots | {slot}

    def close(self, scale: int) -> None:
        """A scale word after the open group: ثلاثة ملايين، خمسون ألفا، ألف مليون."""
        if self.last_scale and scale >= self.last_scale:
            self.total = (self.total + self.group) * scale
        else:
            self.total += self.group * scale
        self.group, self.slots, self.last_scale = None, set(), scale


def _definite_hundred(sp: Split, cat: WordClass) -> bool:
    """المئة / بالمئة are the percent unit (في المئة), not the number 100."""
    return sp.definite and cat.role == HUNDRED and cat.value == 100


def read_number(norm: str, toks: list[Token], i: int, stop: int, lex, decimals: bool = True) -> Numeral | None:
    """Read the longest number starting at token `i` (tokens from `stop` on are off limits;
    `decimals=False` reads the parts of a spoken decimal, which take none of their own)."""
    r = _Tokens(norm, toks, stop, lex)
    t = toks[i]
    num = Numeral(i, i + 1, t.start, t.end, None)
    acc = _Sum()
    if t.kind == DIGITS:
        pos = _first_digits(r, num, acc)
        if acc.group is None and not acc.last_scale:         # absurdly long digit string: span only
            return num
    elif t.kind == WORD:
        pos = _first_word(r, num, acc)
        if pos is None:
            return None
        if num.value is not None or num.vague:               # a part that ends the number
            return num
    else:
        return None
    pos = _rest(r, num, acc, pos)
    if num.vague:                                            # ونيف
        return num
    num.value = acc.value
    num.scale = int(acc.last_scale)
    if decimals and pos < r.stop and (not num.digits or r.word(pos) in lex.decimal_points):
        pos = _spoken_decimal(r, num, acc, pos)
    if num.digits and num.j < pos:
        num.plain_digits = False
    return _close(num, toks, max(pos, num.j))


def _first_digits(r: _Tokens, num: Numeral, acc: _Sum) -> int:
    """Digits, read with the separator conventions of `digits.read_digits`."""
    i = num.i
    d = read_digits(r.norm, r.toks[i].start, lambda end: r.scale_at(r.token_after(end, i)) is not None)
    k = r.token_after(d.end, i)
    num.j, num.end, num.digits, num.ndigits = k, d.end, True, d.ndigits
    num.plain_digits = not d.grouped and not d.decimal
    if d.value is not None:
        acc.open(d.value, "digits")
        scale = _glued_scale(r, k, d.end)
        if scale is not None:                                # 10k، 2.5M
            acc.close(scale)
            num.j, num.end, num.plain_digits = k + 1, r.toks[k].end, False
            return k + 1
    return k


def _glued_scale(r: _Tokens, k: int, end: int) -> int | None:
    """The value of Latin scale letters glued to the digits ending at `end` (10k), when
    nothing that would make them a code follows (10k-2، 10k5)."""
    if k >= r.stop:
        return None
    t = r.toks[k]
    scale = r.lex.glued_scales.get(t.text) if t.kind == LATIN and t.start == end else None
    if scale is None:
        return None
    toks, n = r.toks, len(r.toks)
    if k + 1 < n and toks[k + 1].start == t.end and (
            toks[k + 1].kind == DIGITS
            or toks[k + 1].text in CODE_JOINERS and k + 2 < n and toks[k + 2].start == toks[k + 1].end
            and toks[k + 2].kind != PUNCT):
        return None
    return scale


def _first_word(r: _Tokens, num: Numeral, acc: _Sum) -> int | None:
    """The first number word; returns the next token, or None when there is no number.
    A part that is a whole number by itself (a vague word, a bare fraction) sets `num`."""
    t = r.toks[num.i]
    rd = word_reading(r.lex, t.text, morphology.NUMBER_FIRST)
    if rd is None:
        return None
    sp, cat = rd
    if _definite_hundred(sp, cat):
        return None
    num.prefix, num.definite, num.stem = sp.prefix, sp.definite, sp.stem
    num.start = t.start + len(sp.prefix)
    pos = num.i + 1
    role = cat.role
    if role == UNIT:
        return _first_unit(r, num, acc, sp, cat, pos)
    if role == TEEN_UNIT:
        if r.teen_ten(pos):
            acc.open(cat.value + 10, "teen")
            return pos + 1
        if r.role_joined_at(pos) == TEN:                 # إحدى وعشرون
            acc.open(cat.value, "unit")
            return pos
        num.value = cat.value                            # أحد / إحدى alone: "one of" (a guard decides)
        _close(num, r.toks, pos)
        return pos
    if role == TEEN:                                    # حداشر، طنعش: a teen in one word
        acc.open(cat.value, "teen")
        return pos
    if role == TEN:
        acc.open(cat.value, "ten")
        return pos
    if role == HUNDRED:
        acc.open(cat.value, "hundred")
        return pos
    if role == SCALE:
        if cat.number == "pl":                           # آلاف alone: vague
            _vague(num, r.toks, pos, 2 * cat.value, 10 * cat.value - 1)
            return pos
        # ألفا / مليونا: a dual in construct (ألفا دولار = 2000), unless more of the
        # number follows with و: then it is the accusative singular (مليونًا ومئتي ألف)
        dual = cat.number == "du" or (cat.number == "sg_or_du" and r.role_joined_at(pos) is None)
        acc.total = 2 * cat.value if dual else cat.value
        acc.last_scale = cat.value
        return pos
    if role == FRACTION:
        sc = r.scale_at(pos, morphology.ARTICLE_ONLY)
        if sc is None:
            num.value, num.fraction = cat.value, True
            _close(num, r.toks, pos)
            return pos
        acc.total, acc.last_scale = cat.value * sc.value, sc.value
        return pos + 1
    if role == VAGUE:
        sc = r.scale_at(pos, morphology.ARTICLE_ONLY)
        ten = r.lex.vague_scales.get(r.word(pos)) if cat.high < 10 else None
        if sc is not None and sc.number == "pl":         # عشرات الآلاف
            _vague(num, r.toks, pos + 1, cat.value * sc.value, (cat.high + 1) * sc.value - 1)
        elif ten is not None:                            # بضع عشرات، عدة مئات
            _vague(num, r.toks, pos + 1, cat.value * ten, (cat.high + 1) * ten - 1)
        else:
            _vague(num, r.toks, pos, cat.value, cat.high)
        return pos
    return None


def _first_unit(r: _Tokens, num: Numeral, acc: _Sum, sp: Split, cat: WordClass, pos: int) -> int:
    """A unit word first: alone, a teen (ثلاثة عشر), a hundred in two words (ثلاث مئة),
    or a fraction plural (ثلاثة أرباع)."""
    acc.open(cat.value, "unit")
    num.gender = cat.gender
    nxt = r.word(pos)
    if r.teen_ten(pos):
        teen = _wa_teen_unit(r, sp)
        if teen is not None:                              # وأحد عشر: و + أحد, which normalises like واحد
            prefix, value = teen
            acc.open(value + 10, "teen")
            num.prefix, num.start = prefix, r.toks[num.i].start + len(prefix)
            return pos + 1
        if 3 <= cat.value <= 9:
            acc.open(cat.value + 10, "teen")
            return pos + 1
    if 3 <= cat.value <= 9 and nxt is not None and nxt in r.lex.hundred_words:
        acc.open(cat.value * 100, "hundred")
        return pos + 1
    if 3 <= cat.value <= 10 and nxt is not None and nxt in r.lex.fraction_plurals:
        num.value = Fraction(cat.value) * r.lex.fraction_plurals[nxt]
        num.fraction = True
        _close(num, r.toks, pos + 1)
        return pos + 1
    return pos


def _wa_teen_unit(r: _Tokens, sp: Split) -> tuple[str, Fraction] | None:
    """(proclitic, value) of a unit word that is also و + a teen unit (واحد = و + أحد)."""
    if sp.prefix:
        return None
    for reading in morphology.readings(sp.stem, morphology.WA_ARTICLE, morphology.WA_REQUIRED):
        if reading.stem in r.lex.teen_units:
            return reading.prefix, r.lex.teen_units[reading.stem]
    return None


def _rest(r: _Tokens, num: Numeral, acc: _Sum, pos: int) -> int:
    """The parts after the first, each joined by و or (scales) directly; returns the next token.

    A group joined after a scale and closed by the same scale again is the next number,
    not a part of this one: خمسة آلاف وعشرة آلاف is two numbers (a range's ends), so the
    reading goes back to before its و."""
    mark = None                                        # (token, total, scale, digits) before a و after a scale
    while pos < r.stop:
        if acc.group is not None:
            sc = r.scale_at(pos)
            if sc is not None:
                if sc.number == "du" or (sc.number == "pl" and not (3 <= acc.group % 100 <= 10)):
                    break
                if mark is not None and sc.value == mark[2]:
                    pos, acc.total, acc.last_scale, num.digits = mark
                    acc.group, acc.slots = None, set()
                    while acc.joins and acc.joins[-1][0] >= pos:
                        acc.joins.pop()
                    break
                acc.close(sc.value)
                pos += 1
                continue
        if acc.group is None and acc.last_scale:
            mark = (pos, acc.total, acc.last_scale, num.digits)
        if acc.slots == {"hundred"} and r.lex.variety is not None:
            w = r.word(pos)                                # متين تلاتة وستين: colloquial, without و
            rd = None if w is None else word_reading(r.lex, w, morphology.NOTHING)
            if rd is not None and rd[1].role in (UNIT, TEEN, TEN) and rd[1].value:
                nxt = _JOINED[rd[1].role](r, num, acc, rd[1], pos)
                if nxt is not None:
                    pos = nxt
                    continue
        if acc.group is None and acc.last_scale:
            sc = r.scale_at(pos)                           # ألف ألف، أربعة آلاف ألف، ألف مليون
            if sc is not None and sc.number in ("sg", "sg_or_du") and sc.value >= acc.last_scale:
                acc.total *= sc.value
                acc.last_scale = sc.value
                pos += 1
                continue
        k, w = r.after_conjunction(pos)
        if k == pos and w is not None and not morphology.readings(w, morphology.WA_ARTICLE,
                                                                  morphology.WA_REQUIRED):
            break
        if w is None:
            nxt = _digits_after_wa(r, num, acc, k, pos)
            if nxt is None:
                break
            pos = nxt
            continue
        rd = _later_reading(r.lex, w, k != pos)
        if rd is None:
            break
        before = (pos, acc.total, acc.group)
        nxt = _JOINED[rd[1].role](r, num, acc, rd[1], k)
        if nxt is None:
            break
        acc.joins.append(before)
        pos = nxt
        if acc.ended:
            break
    return pos


#: the digits after a spoken point that a scale word may follow (فاصلة خمسة مليار; not
#: فاصلة مليون وخمسمائة ألف, which is no decimal)
_DECIMALS_BEFORE_SCALE = 1000


def _spoken_decimal(r: _Tokens, num: Numeral, acc: _Sum, pos: int) -> int:
    """A decimal or fraction said in words (SPEC §5.1): ثلاثة فاصلة خمسة (3.5) — the
    digits after the point read as a number, and a scale after them scales it all
    (تسعة وتسعين فاصلة خمسة مليار: 99.5 billion); اثنان وخمسة من عشرة (2.5) — a whole
    number, و, the numerator, من and a power of ten; when the whole number already took
    the numerator (مئة وواحد وخمسون من مئة), its last parts below the denominator are
    the numerator (101.50); a mixed number (خمسة و ثلثين، ثلاثون و تسعة أعشار); a
    fraction over a denominator said in words (واحد على مئة; not الواحد على 500, where على
    is a preposition). Returns the token after it (`pos`
    when there is none)."""
    lex = r.lex
    w = r.word(pos)
    if w is None:
        return pos
    if w in lex.fraction_over:                       # واحد على مئة، سبعة عشر على ثلاثة
        if num.definite:                             # القرص الواحد على 500 ملغ: "contains", no fraction
            return pos
        d = read_number(r.norm, r.toks, pos + 1, r.stop, lex, False) if pos + 1 < r.stop else None
        if d is None or not d.value or d.vague or d.digits or d.value.denominator != 1:
            return pos
        num.value = Fraction(num.value) / d.value
        num.fraction = True
        _close(num, r.toks, d.j)
        return d.j
    if w in lex.decimal_points:
        k, zeros = pos + 1, 0
        while r.word(k) is not None and lex.units.get(r.word(k), (None,))[0] == 0:
            k, zeros = k + 1, zeros + 1
        m = read_number(r.norm, r.toks, k, r.stop, lex, False) if k < r.stop else None
        if m is None or m.value is None or m.vague or m.value.denominator != 1:
            return pos
        scale = 1
        if m.scale:                                  # خمسة فاصلة اثنين مليون: 5.2 million
            scale = m.scale
            if num.scale or m.value % scale or m.value // scale >= _DECIMALS_BEFORE_SCALE:
                return pos
        digits = int(m.value) // scale
        num.value = (num.value + Fraction(digits, 10 ** (zeros + len(str(digits))))) * scale
        if m.scale:
            num.scale = m.scale
        _close(num, r.toks, m.j)
        return m.j
    if w in lex.decimal_of:
        d = _power_of_ten(r, pos + 1)
        if d is None or num.value < d[0] or not acc.joins:
            return pos
        for k, total, group in reversed(acc.joins):
            whole = total + (group or 0)
            if num.value - whole < d[0]:
                num.value = whole + Fraction(num.value - whole, d[0])
                _close(num, r.toks, d[1])
                return d[1]
        return pos
    k, w2 = r.after_conjunction(pos)
    if w2 is None or (k == pos and not morphology.readings(w2, morphology.WA_ARTICLE, morphology.WA_REQUIRED)):
        return pos
    m = read_number(r.norm, r.toks, k, r.stop, lex, False)
    if m is None or m.value is None or m.vague:
        return pos
    if m.j < r.stop and r.word(m.j) in lex.fraction_over:      # ستة عشر و سبعة عشر على ثلاثة
        d = read_number(r.norm, r.toks, m.j + 1, r.stop, lex, False) if m.j + 1 < r.stop else None
        if d is None or not d.value or d.vague or d.value.denominator != 1:
            return pos
        m.value, m.fraction, m.j = Fraction(m.value) / d.value, True, d.j
    if m.fraction and not m.scale:                   # a mixed number: خمسة و ثلثين، ثلاثون و تسعة أعشار
        num.value += m.value
        _close(num, r.toks, m.j)
        return m.j
    if m.value.denominator != 1 or m.j >= r.stop or r.word(m.j) not in lex.decimal_of:
        return pos
    d = _power_of_ten(r, m.j + 1)
    if d is None or m.value >= d[0]:
        return pos
    num.value += Fraction(m.value, d[0])
    _close(num, r.toks, d[1])
    return d[1]


def _power_of_ten(r: _Tokens, k: int) -> tuple[int, int] | None:
    """(10^n, end token) of a power of ten (عشرة، مئة، ألف، عشرة آلاف) read at token k."""
    if k >= r.stop or r.toks[k].kind != WORD:
        return None
    d = read_number(r.norm, r.toks, k, r.stop, r.lex, False)
    if d is None or d.value is None or d.value < 10 or d.value.denominator != 1:
        return None
    v = int(d.value)
    return (v, d.j) if str(v).strip("0") == "1" else None


def _digits_after_wa(r: _Tokens, num: Numeral, acc: _Sum, k: int, pos: int) -> int | None:
    """و followed by digits below the last scale: مليون و200 ألف."""
    if not (k < r.stop and r.toks[k].kind == DIGITS and k != pos and acc.group is None and acc.last_scale):
        return None
    d = read_digits(r.norm, r.toks[k].start)
    if d.value is None or d.value >= acc.last_scale:
        return None
    acc.open(d.value, "digits")
    num.digits = True
    return r.token_after(d.end, k)


def _joined_unit(r, num, acc, cat, k):
    """و + unit after a hundred or a scale: مئة وخمسة، ألف وثلاثة عشر; a hundred in
    two words after a scale: خمسة آلاف وسبع مئة."""
    if not (cat.value >= 1 and (acc.group is None or acc.slots == {"hundred"})):
        return None
    if acc.group is None and not acc.last_scale:
        return None
    nxt = r.word(k + 1)
    if acc.group is None and 1 <= cat.value <= 9 and nxt is not None and nxt in r.lex.hundred_words:
        if cat.value * 100 >= acc.last_scale:
            return None
        acc.open(cat.value * 100, "hundred")
        return k + 2
    if 3 <= cat.value <= 9 and r.teen_ten(k + 1):
        acc.add(cat.value + 10, "teen")
        return k + 2
    acc.add(cat.value, "unit")
    num.gender = cat.gender
    return k + 1


def _joined_teen_unit(r, num, acc, cat, k):
    """و + أحد/إحدى/اثنا: a teen (وأحد عشر) or a unit before a ten (وإحدى وعشرون)."""
    if not ((acc.group is None or acc.slots == {"hundred"}) and (acc.group is not None or acc.last_scale)):
        return None
    if r.teen_ten(k + 1):
        acc.add(cat.value + 10, "teen")
        return k + 2
    if r.role_joined_at(k + 1) == TEN:
        acc.add(cat.value, "unit")
        return k + 1
    return None


def _joined_teen(r, num, acc, cat, k):
    """و + a one-word teen after a hundred or a scale: مية وحداشر، ألف وطنعش."""
    if (acc.group is None or acc.slots == {"hundred"}) and (acc.group is not None or acc.last_scale):
        acc.add(cat.value, "teen")
        return k + 1
    return None


def _joined_ten(r, num, acc, cat, k):
    """و + ten: خمسة وعشرون، مئة وعشرون."""
    if "ten" in acc.slots or "teen" in acc.slots or "digits" in acc.slots:
        return None
    if not (acc.group is not None or acc.last_scale):
        return None
    if acc.group is not None and "unit" in acc.slots and acc.group % 100 > 9:
        return None
    acc.add(cat.value, "ten")
    return k + 1


def _joined_hundred(r, num, acc, cat, k):
    """و + hundred after a scale: ألف وخمسمائة; after units and tens in a year written
    the classical way, smallest part first (سنة خمس وستين وثلاثمائة = 365)."""
    if acc.group is None and acc.last_scale and cat.value < acc.last_scale:
        acc.open(cat.value, "hundred")
        return k + 1
    if _ascending_year(r, num, acc) and "hundred" not in acc.slots:
        acc.add(cat.value, "hundred")
        return k + 1
    return None


def _ascending_year(r, num, acc) -> bool:
    """Is the number a year after a year noun (سنة، عام) read smallest part first, with no
    scale yet (سنة خمس وستين وثلاثمائة وألف)? Elsewhere بين خمسين ومئة is two numbers."""
    if acc.group is None or acc.last_scale or acc.total or num.digits or num.i == 0:
        return False
    t = r.toks[num.i - 1]
    return t.kind == WORD and any(sp.stem in r.lex.year_nouns for sp in morphology.splits(t.text))


def _joined_scale(r, num, acc, cat, k):
    """و + a smaller scale: مليون وألف; or the same scale after hundreds of it (مئة ألف وألف);
    a thousand after the rest of a year read smallest part first (سنة خمس وستين وثلاثمائة وألف)."""
    if cat.value == 1000 and cat.number == "sg" and _ascending_year(r, num, acc) and "hundred" in acc.slots:
        acc.add(cat.value, "hundred")
        acc.ended = True
        return k + 1
    if not (acc.group is None and acc.last_scale and cat.number != "pl"):
        return None
    multiple = acc.total // acc.last_scale
    if cat.value < acc.last_scale or (cat.value == acc.last_scale and multiple % 100 == 0
                                      and multiple % 1000 >= 100):
        acc.total += cat.value * (2 if cat.number == "du" else 1)
        acc.last_scale = cat.value
        return k + 1
    return None


def _joined_fraction(r, num, acc, cat, k):
    """و + fraction, which ends the number: مليون ونصف، ثلاثة ملايين ونصف المليون، ثلاثة ونصف."""
    if acc.group is None and acc.last_scale:
        acc.total += cat.value * acc.last_scale
        pos = k + 1
        sc = r.scale_at(pos, morphology.ARTICLE_ONLY)
        if sc is not None and sc.value == acc.last_scale:
            pos += 1
        acc.ended = True
        return pos
    if acc.group is not None and not acc.last_scale:
        acc.group += cat.value
        acc.ended = True
        return k + 1
    return None


def _joined_nayyif(r, num, acc, cat, k):
    """و + نيف, which ends the number: عشرون ونيف = 21 … 29."""
    base = acc.value
    num.value = None
    num.low, num.high, num.vague = base + 1, base + 9, True
    num.scale = int(acc.last_scale)
    _close(num, r.toks, k + 1)
    acc.ended = True
    return k + 1


def _no_join(r, num, acc, cat, k):
    return None


#: the rule for each part joined to a number, by the part's role
_JOINED = {UNIT: _joined_unit, TEEN_UNIT: _joined_teen_unit, TEEN: _joined_teen, TEN: _joined_ten, HUNDRED: _joined_hundred,
           SCALE: _joined_scale, FRACTION: _joined_fraction, NAYYIF: _joined_nayyif,
           VAGUE: _no_join, FRACTION_PLURAL: _no_join}


def _vague(num: Numeral, toks: list[Token], j: int, low, high) -> Numeral:
    num.value, num.low, num.high, num.vague = None, low, high, True
    return _close(num, toks, j)


def _close(num: Numeral, toks: list[Token], j: int) -> Numeral:
    num.j = j
    last = toks[j - 1]
    num.end = max(num.end, last.end) if last.kind != PUNCT else num.end
    return num
