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
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .. import lexicon as L
from ..text.tokens import DIGITS, PUNCT, WORD, Split, Token, splits
from .digits import read_digits


@dataclass(slots=True)
class Numeral:
    """A number read from tokens ``[i, j)`` of a normalised text."""

    i: int
    j: int
    start: int                     # normalised offset of the first character (after proclitics)
    end: int                       # normalised offset one past the last character
    value: Fraction | None         # None for vague quantities
    low: Fraction | None = None
    high: Fraction | None = None
    prefix: str = ""               # proclitic glued to the first word (و، ب، ال …)
    definite: bool = False         # written with the article: الثلاثة، الـ 44
    digits: bool = False           # written (at least partly) in digits
    plain_digits: bool = False     # digits only: no separators, no words
    ndigits: int = 0               # digits before the first separator
    scale: int = 0                 # last scale word applied (1000, 10**6 …)
    vague: bool = False
    fraction: bool = False         # a bare fraction word (نصف، ثلث …) with no scale
    percent_sign: bool = False
    sign_span: tuple[int, int] | None = None
    unit: L.Unit | None = None     # a dual unit noun read as "two" (يومين)
    gender: str | None = None      # gender of the last unit word


# --- word classification ------------------------------------------------------

def classify(stem: str):
    """The grammatical category of a (clitic-free) word, or None."""
    if stem in L.UNITS:
        return ("unit",) + L.UNITS[stem]
    if stem in L.TENS:
        return ("ten", L.TENS[stem])
    if stem in L.HUNDREDS:
        return ("hundred", L.HUNDREDS[stem])
    if stem in L.SCALES:
        return ("scale",) + L.SCALES[stem]
    if stem in L.TEEN_UNITS:
        return ("teen_unit", L.TEEN_UNITS[stem])
    if stem in L.FRACTIONS:
        return ("fraction", L.FRACTIONS[stem])
    if stem in L.VAGUE:
        return ("vague",) + L.VAGUE[stem]
    if stem in L.FRACTION_PLURALS:
        return ("fraction_plural", L.FRACTION_PLURALS[stem])
    if stem in L.NAYYIF:
        return ("nayyif",)
    return None


@lru_cache(maxsize=65536)
def word_reading(word: str, allow: str = "any"):
    """(split, category) for a word, trying the bare word before proclitic splits.

    `allow` limits the proclitics: "any" for a number's first word, "conj"
    for a later component (it must carry the conjunction و, optionally with
    ال: وأحد is و + أحد even though it normalises like واحد), "al" for a
    scale after a vague word or fraction (الآلاف، المليون), "none".
    """
    for sp in splits(word):
        if allow == "none" and sp.prefix:
            continue
        if allow == "conj" and sp.prefix not in ("و", "وال"):
            continue
        if allow == "al" and sp.prefix not in ("", "ال"):
            continue
        cat = classify(sp.stem)
        if cat is not None:
            return sp, cat
    return None


# --- the reader ---------------------------------------------------------------

class _Reader:
    """State of one left-to-right read starting at token `i`."""

    def __init__(self, norm: str, toks: list[Token], stop: int):
        self.norm, self.toks, self.stop = norm, toks, stop

    def word(self, k: int) -> str | None:
        if k < self.stop and self.toks[k].kind == WORD:
            return self.toks[k].text
        return None

    def conj(self, k: int) -> tuple[int, str | None]:
        """If a component joined by و starts at token k: (token index, its word or None)."""
        w = self.word(k)
        if w == "و":
            return k + 1, self.word(k + 1)
        return k, w

    def scale_at(self, k: int, allow: str = "none"):
        w = self.word(k)
        if w is None:
            return None
        r = word_reading(w, allow)
        if r and r[1][0] == "scale":
            return r
        return None


def _is_definite_hundred(sp: Split, cat) -> bool:
    """المئة / بالمئة are the percent unit (في المئة), not the number 100."""
    return sp.definite and cat[0] == "hundred" and cat[1] == 100


def read_number(norm: str, toks: list[Token], i: int, stop: int) -> Numeral | None:
    """Read the longest number starting at token `i` (tokens from `stop` on are off limits)."""
    r = _Reader(norm, toks, stop)
    t = toks[i]
    total = Fraction(0)
    group: Fraction | None = None
    slots: set[str] = set()          # hundred / unit / ten / teen / digits in the open group
    last_scale = 0
    num = Numeral(i, i + 1, t.start, t.end, None)

    # --- first component ------------------------------------------------------
    if t.kind == DIGITS:
        def mult(end: int) -> bool:
            k = i
            while k < stop and toks[k].start < end:
                k += 1
            return r.scale_at(k) is not None
        d = read_digits(norm, t.start, mult)
        k = i
        while k < stop and toks[k].start < d.end:
            k += 1
        num.j, num.end, num.digits = k, d.end, True
        num.ndigits = d.ndigits
        num.plain_digits = not d.grouped and not d.decimal
        if d.value is None:                       # absurdly long digit string: span only
            return num
        group, slots = d.value, {"digits"}
        pos = k
    elif t.kind == WORD:
        rd = word_reading(t.text, "any")
        if rd is None:
            return None
        sp, cat = rd
        if _is_definite_hundred(sp, cat):
            return None
        num.prefix, num.definite = sp.prefix, sp.definite
        num.start = t.start + len(sp.prefix)
        pos = i + 1
        kind = cat[0]
        if kind == "unit":
            group, slots, num.gender = Fraction(cat[1]), {"unit"}, cat[2]
            nxt = r.word(pos)
            if cat[1] == 1 and t.text == "واحد" and nxt is not None and nxt in L.TEEN_TENS:
                # وأحد عشر: و + أحد, which normalises like واحد
                group, slots = Fraction(11), {"teen"}
                num.prefix, num.start = "و", t.start + 1
                pos += 1
            elif 3 <= cat[1] <= 9 and nxt is not None and nxt in L.TEEN_TENS:
                group, slots = Fraction(cat[1] + 10), {"teen"}
                pos += 1
            elif 3 <= cat[1] <= 9 and nxt is not None and nxt in L.HUNDRED_WORDS:
                group, slots = Fraction(cat[1] * 100), {"hundred"}
                pos += 1
            elif 3 <= cat[1] <= 10 and nxt is not None and nxt in L.FRACTION_PLURALS:
                num.value = Fraction(cat[1]) * L.FRACTION_PLURALS[nxt]
                num.fraction = True
                return _close(num, toks, pos + 1)
        elif kind == "teen_unit":
            nxt = r.word(pos)
            if nxt is not None and nxt in L.TEEN_TENS:
                group, slots = Fraction(cat[1] + 10), {"teen"}
                pos += 1
            elif _ten_follows(r, pos):           # إحدى وعشرون
                group, slots = Fraction(cat[1]), {"unit"}
            else:
                return None                       # أحد / إحدى alone: "one of", not a number
        elif kind == "ten":
            group, slots = Fraction(cat[1]), {"ten"}
        elif kind == "hundred":
            group, slots = Fraction(cat[1]), {"hundred"}
        elif kind == "scale":
            value, number = cat[1], cat[2]
            if number == "pl":                    # آلاف alone: vague
                return _vague(num, toks, pos, 2 * value, 10 * value - 1)
            # ألفا / مليونا: a dual in construct (ألفا دولار = 2000), unless more of the
            # number follows with و: then it is the accusative singular (مليونًا ومئتي ألف)
            dual = number == "du" or (number == "sg_or_du" and not _component_follows(r, pos))
            total = Fraction(2 * value if dual else value)
            last_scale = value
        elif kind == "fraction":
            sc = r.scale_at(pos, "al")
            if sc is None:
                num.value, num.fraction = cat[1], True
                return _close(num, toks, pos)
            total = cat[1] * sc[1][1]
            last_scale = sc[1][1]
            pos += 1
        elif kind == "vague":
            low, high = cat[1], cat[2]
            sc = r.scale_at(pos, "al")
            if sc is not None and sc[1][2] == "pl":
                s = sc[1][1]
                return _vague(num, toks, pos + 1, low * s, (high + 1) * s - 1)
            return _vague(num, toks, pos, low, high)
        else:
            return None
    else:
        return None

    # --- later components -----------------------------------------------------
    while pos < stop:
        # scale directly after a group: ثلاثة ملايين، خمسون ألفا، 3.6 مليون
        if group is not None:
            sc = r.scale_at(pos)
            if sc is not None:
                value, number = sc[1][1], sc[1][2]
                if number == "du" or (number == "pl" and not (3 <= group % 100 <= 10)):
                    break
                if last_scale and value >= last_scale:
                    total = (total + group) * value      # ألف مليون
                else:
                    total += group * value
                group, slots, last_scale = None, set(), value
                pos += 1
                continue
        k, w = r.conj(pos)
        if k == pos and w is not None and not w.startswith("و"):
            break
        if w is None:
            # و followed by digits: مليون و200 ألف
            if k < stop and toks[k].kind == DIGITS and k != pos and group is None and last_scale:
                d = read_digits(norm, toks[k].start)
                if d.value is None or d.value >= last_scale:
                    break
                kk = k
                while kk < stop and toks[kk].start < d.end:
                    kk += 1
                group, slots = d.value, {"digits"}
                num.digits = True
                pos = kk
                continue
            break
        rd = word_reading(w, "conj" if k == pos else "any")
        if rd is None:
            break
        sp, cat = rd
        kind = cat[0]
        if kind == "unit" and cat[1] >= 1 and (group is None or slots == {"hundred"}):
            if group is None and not last_scale:
                break
            nxt = r.word(k + 1)
            if 3 <= cat[1] <= 9 and nxt is not None and nxt in L.TEEN_TENS:
                group = (group or 0) + cat[1] + 10
                slots = slots | {"teen"}
                pos = k + 2
            else:
                group = (group or 0) + cat[1]
                slots = slots | {"unit"}
                num.gender = cat[2]
                pos = k + 1
        elif kind == "teen_unit" and (group is None or slots == {"hundred"}) and (group is not None or last_scale):
            nxt = r.word(k + 1)
            if nxt is not None and nxt in L.TEEN_TENS:
                group = (group or 0) + cat[1] + 10
                slots = slots | {"teen"}
                pos = k + 2
            elif _ten_follows(r, k + 1):                          # مئة وإحدى وعشرون
                group = (group or 0) + cat[1]
                slots = slots | {"unit"}
                pos = k + 1
            else:
                break
        elif kind == "ten" and "ten" not in slots and "teen" not in slots and "digits" not in slots \
                and (group is not None or last_scale) \
                and (group is None or "unit" not in slots or group % 100 <= 9):
            group = (group or 0) + cat[1]
            slots = slots | {"ten"}
            pos = k + 1
        elif kind == "hundred" and group is None and last_scale and cat[1] < last_scale:
            group, slots = Fraction(cat[1]), {"hundred"}
            pos = k + 1
        elif kind == "scale" and group is None and last_scale and cat[2] != "pl" and (
                cat[1] < last_scale or (cat[1] == last_scale and (total // last_scale) % 100 == 0
                                        and (total // last_scale) % 1000 >= 100)):
            total += cat[1] * (2 if cat[2] == "du" else 1)
            last_scale = cat[1]
            pos = k + 1
        elif kind == "fraction":
            # مليون ونصف، ثلاثة ملايين ونصف المليون، ثلاثة ونصف
            if group is None and last_scale:
                total += cat[1] * last_scale
                pos = k + 1
                sc = r.scale_at(pos, "al")
                if sc is not None and sc[1][1] == last_scale:
                    pos += 1
            elif group is not None and not last_scale:
                group += cat[1]
                pos = k + 1
            else:
                break
            break
        elif kind == "nayyif":
            base = total + (group or 0)
            num.value = None
            num.low, num.high, num.vague = base + 1, base + 9, True
            num.scale = last_scale
            return _close(num, toks, k + 1)
        else:
            break

    num.value = total + (group or 0)
    num.scale = last_scale
    if num.digits and num.j < pos:
        num.plain_digits = False
    return _close(num, toks, max(pos, num.j))


def _joined_category(r: _Reader, k: int) -> str | None:
    """Category of the number word joined by و at token k (ومئتي → hundred), or None."""
    k2, w = r.conj(k)
    rd = None if w is None else word_reading(w, "conj" if k2 == k else "any")
    return None if rd is None else rd[1][0]


def _component_follows(r: _Reader, k: int) -> bool:
    """Is the word at token k a number word joined by و (ومئتي، وخمسون)?"""
    return _joined_category(r, k) is not None


def _ten_follows(r: _Reader, k: int) -> bool:
    """Is the word at token k a ten joined by و (وعشرون)?"""
    return _joined_category(r, k) == "ten"


def _vague(num: Numeral, toks: list[Token], j: int, low, high) -> Numeral:
    num.value, num.low, num.high, num.vague = None, Fraction(low), Fraction(high), True
    return _close(num, toks, j)


def _close(num: Numeral, toks: list[Token], j: int) -> Numeral:
    num.j = j
    last = toks[j - 1]
    num.end = max(num.end, last.end) if last.kind != PUNCT else num.end
    return num
