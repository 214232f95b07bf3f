"""Tokens of a normalised text: Arabic words, digit runs, Latin words, single symbols.

Offsets are normalised-text offsets; `NormText.orig_span` maps them back.
Word analysis (proclitic splitting) is cached per distinct word, so a corpus
pays for each spelling once.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from ..lexicon import PROCLITICS

WORD, DIGITS, LATIN, PUNCT = "w", "d", "l", "p"

_TOKEN_RE = regex.compile(
    r"(?P<w>[\u0621-\u063A\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF]+)"
    r"|(?P<d>[0-9]+)|(?P<l>[A-Za-z]+)|(?P<p>[^\s])")


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


def tokenize(norm: str) -> list[Token]:
    """All tokens of `norm` in order (white space is not a token)."""
    return [Token(m.lastgroup, m.group(), m.start(), m.end()) for m in _TOKEN_RE.finditer(norm)]


class Split(NamedTuple):
    """A word split into proclitic prefix and stem."""

    prefix: str
    stem: str
    definite: bool


@lru_cache(maxsize=65536)
def splits(word: str) -> tuple[Split, ...]:
    """The word itself, then every proclitic + stem reading (longest prefix first).

    The stem keeps at least two letters (three after a lone ب/ل/ك/ف, where
    short stems are mostly ordinary words: لست is "I am not", not ل + ست).
    """
    out = [Split("", word, False)]
    for p, definite in PROCLITICS:
        if word.startswith(p):
            rest = len(word) - len(p)
            if rest >= 3 or (rest == 2 and (definite or p == "و")):
                out.append(Split(p, word[len(p):], definite))
    return tuple(out)


def strip_definite(word: str) -> tuple[int, str]:
    """Remove a proclitic group that contains ال (ال، وال، بال، لل …): (prefix length, rest)."""
    for s in splits(word)[1:]:
        if s.definite and len(s.stem) >= 2:
            return len(s.prefix), s.stem
    return 0, word
