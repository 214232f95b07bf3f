"""Finding every numeral in a tokenised text.

`scan` walks the tokens once, left to right, and reads the longest number at
each place (`words.read_number`), plus the forms that carry a number without
being number words: dual nouns of a unit (يومين = 2 days), fractions with a
pronoun (نصفهم), and the percent sign or arithmetic sign written with digits.
`find_numerals` is the public, offset-safe entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .. import lexicon as L
from ..text.normalize import NormText, normalize
from ..text.tokens import DIGITS, PUNCT, WORD, Token, splits, tokenize
from .anchors import is_anchor_word
from .words import Numeral, read_number



def is_weekday(toks: list[Token], i: int) -> bool:
    """الثلاثاء، الاثنين، يوم الأحد: day names, never numbers."""
    w = toks[i].text
    if w in L.WEEKDAYS and w.startswith("ال"):
        return True
    for sp in splits(w)[1:]:
        if sp.definite and "ال" + sp.stem in L.WEEKDAYS:
            return True
    return i > 0 and toks[i - 1].text in L.WEEKDAY_CUES and w in L.WEEKDAYS


@lru_cache(maxsize=65536)
def fraction_of_group(word: str) -> tuple[int, int, Fraction] | None:
    """نصفهم → (prefix length, stem length, 1/2): a fraction word with a pronoun suffix."""
    for suffix in L.PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)]
            for sp in splits(base):
                f = L.FRACTIONS.get(sp.stem) or L.GROUP_FRACTIONS.get(sp.stem)
                if f is not None:
                    return len(sp.prefix), len(sp.stem), f
    return None


@lru_cache(maxsize=65536)
def dual_unit(word: str) -> tuple[int, L.Unit] | None:
    """يومين → (prefix length, Unit day dual)."""
    for sp in splits(word):
        u = L.UNIT_PHRASES.get((sp.stem,))
        if u is not None and u.dual:
            return len(sp.prefix), u
    return None


def scan(nt: NormText, toks: list[Token], blocked: list[bool] | None = None,
         starts: list[int] | None = None) -> list[Numeral]:
    """All numerals in `toks`, in order, never reading a blocked token.

    `starts` lists the token indices a numeral may start at (anchors: digit
    tokens and lexicon words); by default every token is tried, and a word
    only when it is an anchor word.
    """
    norm = nt.norm
    out: list[Numeral] = []
    n = len(toks)
    resume = 0
    for i in (range(n) if starts is None else starts):
        if i < resume or (blocked is not None and blocked[i]):
            continue
        # a number never reads across a blocked token, nor past 64 tokens (none is longer)
        stop = min(n, i + 64)
        if blocked is not None and True in blocked[i + 1:stop]:
            stop = blocked.index(True, i + 1, stop)
        t = toks[i]
        num = None
        if t.kind == DIGITS:
            num = read_number(norm, toks, i, stop)
            if num is not None:
                _attach_signs(norm, toks, num, stop)
        elif t.kind == WORD and (starts is not None or is_anchor_word(t.text)) and not is_weekday(toks, i):
            num = read_number(norm, toks, i, stop)
            if num is None:
                num = _special_word(toks, i)
        if num is None:
            continue
        free_before = i > resume and (blocked is None or not blocked[i - 1])
        out.append(_time_unit_fraction(norm, toks, num, stop, free_before))
        resume = max(num.j, i + 1)
    return out


def _time_unit_fraction(norm: str, toks: list[Token], num: Numeral, stop: int, free_before: bool) -> Numeral:
    """ونصف after a unit of time (SPEC §4.2): ساعة ونصف = 1.5 hours, ساعتين ونصف = 2.5.

    The grammar joins a fraction to a number; here the number is carried by the
    time noun itself: one for a singular noun before the fraction, two for a dual.
    """
    if num.fraction and num.prefix == "و" and free_before:
        unit = L.UNIT_PHRASES.get((toks[num.i - 1].text,))
        if unit is not None and unit.kind == "duration" and not unit.dual and (toks[num.i - 1].text,) not in L.UNIT_PLURALS:
            return Numeral(num.i - 1, num.j, toks[num.i - 1].start, num.end, 1 + num.value, unit=unit)
    elif num.unit is not None and num.unit.dual and num.j < stop:
        after = read_number(norm, toks, num.j, stop)
        if after is not None and after.fraction and after.prefix == "و" and after.value is not None:
            num.value += after.value
            num.j, num.end = after.j, after.end
    return num


def _special_word(toks: list[Token], i: int) -> Numeral | None:
    t = toks[i]
    fg = fraction_of_group(t.text)
    if fg is not None:
        p, ln, f = fg
        return Numeral(i, i + 1, t.start + p, t.start + p + ln, f, fraction=True)
    du = dual_unit(t.text)
    if du is not None:
        p, unit = du
        return Numeral(i, i + 1, t.start + p, t.end, Fraction(2), unit=unit)
    return None


def _attach_signs(norm: str, toks: list[Token], num: Numeral, stop: int) -> None:
    """Take a percent sign (85%, %85, 85 %) and a leading minus/plus into the numeral."""
    i, j = num.i, num.j
    if j < stop and toks[j].kind == PUNCT and toks[j].text == "%" and toks[j].start - num.end <= 1:
        num.percent_sign = True
        num.end = toks[j].end
        num.j = j + 1
    elif i > 0 and toks[i - 1].text == "%" and num.start - toks[i - 1].end <= 1 and num.scale == 0:
        num.percent_sign = True
        num.start = toks[i - 1].start
    elif i > 0 and toks[i - 1].text in "-+" and toks[i - 1].end == num.start:
        before = norm[toks[i - 1].start - 1] if toks[i - 1].start > 0 else " "
        if before.isspace() or before in "(":
            num.sign_span = (toks[i - 1].start, toks[i - 1].end)
            if toks[i - 1].text == "-" and num.value is not None:
                num.value = -num.value
            num.start = toks[i - 1].start


@dataclass(frozen=True, slots=True)
class FoundNumeral:
    """A numeral with its value and its span in the original text."""

    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    start: int
    end: int
    text: str


def find_numerals(text: str) -> list[FoundNumeral]:
    """Every numeral in `text` with its exact value and original-text span."""
    nt = normalize(text)
    out = []
    for num in scan(nt, tokenize(nt.norm)):
        s, e = nt.orig_span(num.start, num.end)
        out.append(FoundNumeral(num.value, num.low, num.high, s, e, text[s:e]))
    return out
