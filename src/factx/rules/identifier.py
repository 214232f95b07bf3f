"""Identifiers: numbers that name a thing (القرار 2254، أستانة 12، كوفيد-19،
phone numbers, hashtags, reference codes). Typed `identifier`, value = digits.
"""

from __future__ import annotations

import re

import regex

from .. import lexicon as L
from ..numerals.words import Numeral
from ..text.tokens import ARABIC_LETTERS, splits
from .base import Doc, Mention

# +963 11 123 4567, 00963-..., 0933 123 456: a leading + / 0, then ≥ 8 digits in groups
_PHONE_RE = regex.compile(r"(?<![0-9])(?:\+|00|0)[0-9]{1,4}(?:[ \-]?[0-9]{2,4}){2,5}(?![0-9])")
# a code of Latin letters and digits: A/HRC/39/65, PHR-2019-01, F-16, 5G, G20
# a run of Latin letters, digits and / - _ . ; a code when it has both a letter and a digit
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


def _emit(doc: Doc, out: list[Mention], start: int, end: int, value: str, rule: str) -> None:
    i, j = doc.tokens_in(start, end)
    if value and not any(doc.blocked[i:j]):
        doc.block(i, j)
        out.append(Mention("identifier", start, end, value, rule=rule))


def find_patterns(doc: Doc) -> list[Mention]:
    """Identifiers recognisable from their shape alone; their tokens are blocked."""
    out: list[Mention] = []
    norm = doc.norm
    for m in _HASHTAG_RE.finditer(norm):
        _emit(doc, out, m.start(), m.end(), _digits_of(m.group()), "identifier.hashtag")
    for a, b in _latin_runs(norm, doc.windows):
        for m in _CODE_RE.finditer(norm, a, b):
            code = m.group()
            if code.isdigit() or not any(c.isdigit() for c in code) or not any(c.isalpha() for c in code):
                continue
            _emit(doc, out, m.start(), m.end(), _digits_of(code), "identifier.code")
    for m in doc.finditer(_PHONE_RE):
        digits = _digits_of(m.group())
        if len(digits) >= 8 and (m.group()[0] == "+" or m.group().startswith("0")):
            _emit(doc, out, m.start(), m.end(), digits, "identifier.phone")
    for m in _HYPHENATED_RE.finditer(norm):
        k = doc.token_at(m.end())                    # the digits: an anchor, so inside a window
        if k < doc.n and doc.toks[k].start == m.end():
            d = doc.toks[k]
            _emit(doc, out, d.start, d.end, d.text, "identifier.hyphenated")
    return out


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


def match(doc: Doc, num: Numeral) -> Mention | None:
    """A number after a naming head (القرار 2254، قرار مجلس الأمن 2254، رقم 5) or a series name (أستانة 12).

    A digit string too long to be a quantity (numerals.digits.MAX_DIGITS) is
    reported as an identifier too: its span is kept, its value is the digits.
    """
    if num.digits and num.value is None and not num.vague:
        return Mention("identifier", num.start, num.end, _digits_of(doc.norm[num.start:num.end]),
                       rule="identifier.overlong")
    if not num.digits or num.scale or num.percent_sign or num.value is None:
        return None
    if num.definite or (num.i > 0 and doc.tok_text(num.i - 1) in ("ال",)):
        return None
    digits = doc.norm[num.start:num.end]          # as written, in ASCII digits: 2254, 43.22
    prev = doc.word(num.i - 1)
    if prev is not None and any(sp.stem in L.ID_SERIES for sp in splits(prev)):
        return Mention("identifier", num.start, num.end, digits, rule="identifier.series")
    for gap in range(0, L.ID_MAX_GAP + 1):
        w = doc.word(num.i - 1 - gap)
        if w is None:
            break
        if any(sp.stem in L.ID_HEADS or sp.prefix + sp.stem in L.ID_HEADS for sp in splits(w)):
            if gap and any(doc.word(num.i - 1 - g) in L.NOT_NOUNS for g in range(gap)):
                break
            return Mention("identifier", num.start, num.end, digits, rule="identifier.head")
    return None
