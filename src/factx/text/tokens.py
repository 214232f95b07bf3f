"""Tokens of a normalised text: Arabic words, digit runs, Latin words, single symbols.

Offsets are normalised-text offsets; `NormText.orig_span` maps them back.
Word analysis (proclitic splitting) is cached per distinct word, so a corpus
pays for each spelling once.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple

from ..lexicon import PROCLITICS

WORD, DIGITS, LATIN, PUNCT = "w", "d", "l", "p"
#: the letters of an Arabic word (after normalisation), as a regex class body
ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u066E\u066F\u0671-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FC\u06FF"

# stdlib re: plain character classes, measurably faster here than `regex`
_TOKEN_RE = re.compile(
    rf"(?P<w>[{ARABIC_LETTERS}]+)|(?P<d>[0-9]+)|(?P<l>[A-Za-z]+)|(?P<p>[^\s])")


class Token(NamedTuple):
    kind: str
    text: str
    start: int
    end: int


#: stands between two windows of a sparsely tokenised text; matches no rule
GAP = "\u2029"


_Match = re.Match
_lastgroup = attrgetter("lastgroup")


def tokenize(norm: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The tokens of ``norm[start:end]`` in order, with offsets into `norm`."""
    end = len(norm) if end is None else end
    ms = list(_TOKEN_RE.finditer(norm, start, end))
    # built column by column with C-level maps, and without the NamedTuple's
    # Python-level __new__: tokens are the most numerous objects factx makes
    return list(map(tuple.__new__, repeat(Token),
                    zip(map(_lastgroup, ms), map(_Match.group, ms), map(_Match.start, ms), map(_Match.end, ms))))


def tokenize_windows(norm: str, windows: list[tuple[int, int]]) -> list[Token]:
    """Tokens of each window, windows separated by a zero-width GAP token."""
    out: list[Token] = []
    for a, b in windows:
        if out:
            out.append(Token(PUNCT, GAP, out[-1].end, out[-1].end))
        out.extend(tokenize(norm, a, b))
    return out


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
