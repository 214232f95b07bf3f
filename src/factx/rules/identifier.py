"""Identifiers: numbers that name a thing (القرار 2254، أستانة 12، كوفيد-19،
phone numbers, hashtags, reference codes). Typed `identifier`, value = digits.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..language import morphology
from ..text.document import Document
from ..text.tokens import ARABIC_LETTERS
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import definite_number

KINDS = (Kind("identifier", quantity=False),)

# Phone-number candidates (the phone-shape guard verifies them): an optional country code
# (+963، (+1)، 00963), digit groups joined by spaces, hyphens or dots (650 701 8887،
# 650-701-8887، 202.555.0121), and an optional extension (ext 897، x 897، فرعي 897).
# The opening look-ahead names the characters a match starts with, so the engine skips
# to them instead of trying the look-behind and the country code at every position
# (5x faster over the windows).
_PHONE_RE = regex.compile(
    r"(?=[(+0-9])(?<![0-9.,])"
    r"(?:\(\s*\+?[0-9]{1,4}\s*\)\s*|\+\s?[0-9]{1,4}(?:\s*-\s*|[ .]+)?|00[0-9]{1,4}(?:\s*-\s*|[ .]+))?"
    r"[0-9]{1,12}(?:(?:\s*-\s*|\.|\s+)[0-9]{1,12}){0,7}"
    r"(?:\s*(?:ext\.?|x|فرعي|تحويله)\s*[0-9]{1,6})?"
    r"(?![0-9]|[.,][0-9])")
# a run of Latin letters, digits and / - _ . ; a code when it has both a letter and a digit
# (A/HRC/39/65, PHR-2019-01, F-16, 5G, G20)
_CODE_RE = re.compile(r"[A-Za-z0-9]+(?:[/\-_.][A-Za-z0-9]+)*")
# Codes are looked for only in the runs of code characters that hold a Latin
# letter: Arabic text has few, while running _CODE_RE everywhere stops at every number.
_LATIN_RE = regex.compile(r"[A-Za-z]+")          # regex skips to a character class faster than re
_CODE_RUN_END_RE = re.compile(r"[A-Za-z0-9/\-_.]*")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/-_.")
# a word glued to digits by a hyphen: كوفيد-19، إس-400، ميغ-29 (opens with the rare "-")
_HYPHENATED_RE = re.compile(rf"-(?<=[{ARABIC_LETTERS}A-Za-z]-)(?=[0-9])")
_HASHTAG_RE = re.compile(r"#[\w\-]*[0-9][\w\-]*")


def _digits_of(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _free(doc: Document, start: int, end: int) -> bool:
    return not doc.any_taken(*doc.tokens_in(start, end))


def _identifier(doc: Document, start: int, end: int, value: str):
    """The mention, when it has digits and its tokens are free (else None)."""
    if value and _free(doc, start, end):
        return Mention("identifier", start, end, value)
    return None


def find_hashtags(doc: Document):
    """#سوريا2019، #G20: a hashtag with digits names a thing."""
    for m in _HASHTAG_RE.finditer(doc.norm):
        found = _identifier(doc, m.start(), m.end(), _digits_of(m.group()))
        if found:
            yield found


def find_codes(doc: Document):
    """A/HRC/39/65، PHR-2019-01، F-16: Latin letters and digits together."""
    norm = doc.norm
    for a, b in _latin_runs(norm, doc.windows):
        for m in _CODE_RE.finditer(norm, a, b):
            code = m.group()
            if code.isdigit() or not any(c.isdigit() for c in code) or not any(c.isalpha() for c in code):
                continue
            if _amount_with_unit(doc.lex, code):
                continue
            found = _identifier(doc, m.start(), m.end(), _digits_of(code))
            if found:
                yield found


def _amount_with_unit(lex, code: str) -> bool:
    """43c، 250ml، 5mg: digits glued to a unit's Latin symbol are an amount, not a code."""
    letters = code.lstrip("0123456789")
    return letters != code and letters.isalpha() and ((letters,) in lex.unit_phrases or (letters,) in lex.unit_symbols)


def find_phones(doc: Document):
    """+963 11 123 4567، 0933 123 456، (+1) 650-701-8887: digit groups shaped like a
    phone number; the phone-shape guard keeps those that are one."""
    for m in doc.finditer(_PHONE_RE):
        if m.end() - m.start() < 7:                   # fewer than 7 characters: fewer than 7 digits
            continue
        found = _identifier(doc, m.start(), m.end(), _digits_of(m.group()))
        if found:
            yield found


def find_hyphenated(doc: Document):
    """كوفيد-19، إس-400، ميغ-29: a name glued to its number by a hyphen."""
    for m in _HYPHENATED_RE.finditer(doc.norm):
        k = doc.token_at(m.end())                    # the digits: an anchor, so inside a window
        if k < doc.n and doc.toks[k].start == m.end():
            d = doc.toks[k]
            found = _identifier(doc, d.start, d.end, d.text)
            if found:
                yield found


def _latin_runs(norm: str, windows: list[tuple[int, int]]):
    """The maximal runs of code characters (Latin letters, digits, / - _ .) that
    contain a Latin letter within one of `windows`, as (start, end).

    A code has a letter next to a digit (an anchor), so its run has a letter
    inside that digit's window; the run itself is followed to its real ends,
    inside the window or not. Each run is walked once.
    """
    covered = 0
    for ws, we in windows:
        for m in _LATIN_RE.finditer(norm, max(ws, covered), we):
            a = m.start()
            if a < covered:
                continue
            while a > covered and norm[a - 1] in _CODE_CHARS:
                a -= 1
            covered = _CODE_RUN_END_RE.match(norm, m.end()).end()
            yield a, covered


def overlong(doc: Document, cand) -> Mention | None:
    """A digit string too long to be a quantity (numerals.digits.MAX_DIGITS): its span is
    kept, its value is the digits."""
    num = cand.first
    if num.digits and num.value is None and not num.vague:
        return Mention("identifier", num.start, num.end, _digits_of(doc.norm[num.start:num.end]))
    return None


def _naming(doc: Document, cand):
    """The digits of a number that could name a thing (plain, no scale, no article)."""
    num = cand.first
    if cand.is_range or not num.digits or num.scale or num.percent_sign or num.value is None:
        return None
    if definite_number(doc, cand):
        return None
    return doc.norm[num.start:num.end]          # as written, in ASCII digits: 2254, 43.22


@lru_cache(maxsize=65536)
def _series_name(lex, w: str) -> bool:
    return any(sp.stem in lex.id_series for sp in morphology.splits(w))


@lru_cache(maxsize=65536)
def _naming_head(lex, w: str) -> bool:
    return any(sp.stem in lex.id_heads or sp.prefix + sp.stem in lex.id_heads for sp in morphology.splits(w))


def series(doc: Document, cand) -> Mention | None:
    """أستانة 12، جنيف 2: a number after the name of a series of talks, products …"""
    if not cand.first.digits:
        return None
    prev = doc.word(cand.i - 1)
    if prev is None or not _series_name(doc.lex, prev):
        return None
    digits = _naming(doc, cand)
    return None if digits is None else Mention("identifier", cand.start, cand.end, digits)


def head(doc: Document, cand) -> Mention | None:
    """القرار 2254، قرار مجلس الأمن 2254، رقم 5: a number after a naming head (possibly
    after a genitive complement of up to `id_max_gap` words)."""
    if not cand.first.digits:
        return None
    lex = doc.lex
    for gap in range(0, lex.id_max_gap + 1):
        w = doc.word(cand.i - 1 - gap)
        if w is None:
            break
        if _naming_head(lex, w):
            if gap and any(doc.word(cand.i - 1 - g) in lex.not_nouns for g in range(gap)):
                break
            digits = _naming(doc, cand)
            return None if digits is None else Mention("identifier", cand.start, cand.end, digits)
    return None


FINDERS = (
    Finder("identifier.hashtag", Phase.SHAPES, find_hashtags),
    Finder("identifier.code", Phase.SHAPES, find_codes),
    Finder("identifier.phone", Phase.SHAPES, find_phones),
    Finder("identifier.hyphenated", Phase.SHAPES, find_hyphenated),
)
RULES = (
    Rule("identifier.overlong", Phase.NON_QUANTITIES, overlong, digits=True),
    Rule("identifier.series", Phase.NON_QUANTITIES, series, digits=True),
    Rule("identifier.head", Phase.NON_QUANTITIES, head, digits=True),
)
