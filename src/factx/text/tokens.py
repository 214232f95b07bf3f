"""Tokens of a normalised text: Arabic words, digit runs, Latin words, single symbols.

Offsets are normalised-text offsets; `NormText.orig_span` maps them back.
What a word is made of (proclitics, endings) is `language.morphology`'s job.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import repeat
from operator import attrgetter
from typing import NamedTuple

WORD, DIGITS, LATIN, PUNCT = "w", "d", "l", "p"
#: the commas that end a clause (Latin and Arabic)
COMMAS = frozenset({",", "،"})
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
#: the marks that end a clause: what a score word, an age subject and the like are not read
#: across (nor across the GAP between two windows, text that is not tokenised)
CLAUSE_END_MARKS = frozenset({".", "؛", ";", "؟", "?", "!", GAP})
#: the marks that glue Latin letters and digits into one code (A/HRC/39/65، F-16، 10k-2)
CODE_JOINERS = "/-_."
#: marks, in a phrase key, a token written without a space after the one before (كم2)
GLUED_MARK = "\x00"


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


def opening_wrapper(text: str | None) -> bool:
    """An opening bracket or quote, which a number may stand in: ( [ « “ " (SPEC §5.1)."""
    return text is not None and len(text) == 1 and (unicodedata.category(text) in ("Ps", "Pi") or text == '"')


def closing_wrapper(text: str | None) -> bool:
    """A closing bracket or quote: ) ] » ” "."""
    return text is not None and len(text) == 1 and (unicodedata.category(text) in ("Pe", "Pf") or text == '"')
