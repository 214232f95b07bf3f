"""Where a mention can start: one C-speed regex over the normalised text.

Most of a news article holds no number. Rather than walking every token in
Python, factx finds *anchors* — digits, signs, and every word of the lexicons
(number words, ordinals, month names, dual unit nouns, unit fractions, the comparisons
a bare singular noun may follow) with their clitics —
and tokenises only a window of words around each. The regex is a trie of the
lexicon forms, so its cost does not grow with the size of the lexicon.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate, compress

from ..language import morphology
from ..text.tokens import ARABIC_LETTERS

#: words of context kept on each side of an anchor (qualifiers, units, nouns, dates)
CONTEXT_CHARS_BEFORE = 50
CONTEXT_CHARS_AFTER = 60


def trie_regex(words) -> str:
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def walk(node: dict) -> str:
        alts = [re.escape(c) + walk(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return walk(root)


class AnchorFinder:
    """The anchor regex of one lexicon, with its cache of space-separated pieces."""

    def __init__(self, lex):
        # the first words of two-word month names (كانون الثاني، ذي القعدة، ربيع الأول) are
        # never written with the article, so they anchor only without it (الذي "which" and
        # الربيع "spring" were a tenth of all anchors in the seeds, and never a mention)
        starters = frozenset(p[0] for p in lex.months if len(p) > 1) - {p[0] for p in lex.months if len(p) == 1}
        words = set(lex.number_words) | set(lex.ordinals) | set(lex.ordinal_adverbs) | set(lex.group_fractions) \
            | set(lex.teen_tens)
        words |= {p[0] for p in lex.months}
        words |= {p[0] for p, u in lex.unit_phrases.items() if u.dual}
        words |= set(lex.unit_fractions)
        words |= set(lex.dual_nouns)
        words |= lex.bound_words | lex.score_against | lex.duration_heads | lex.score_clean_ends
        words |= set(lex.score_tallies)
        words = {w for w in words if w} - starters
        any_clitic = trie_regex(p.form for p in morphology.PROCLITICS)
        no_article = trie_regex(p.form for p in morphology.PROCLITICS if not p.definite)
        self.regex = re.compile(
            r"[0-9]+|[%‰#$€£]"
            rf"|(?<![{ARABIC_LETTERS}])(?:(?:{any_clitic})?{trie_regex(words)}"
            rf"|(?:{no_article})?{trie_regex(starters)})"
            rf"(?:{'|'.join(morphology.PRONOUN_SUFFIXES)})?(?![{ARABIC_LETTERS}])")
        self.pieces = _PieceAnchors(self.regex)

    def spans(self, norm: str) -> Iterator[tuple[int, int]]:
        """Every match of the anchor regex in `norm`, in order, as (start, end).

        No anchor contains a space and the regex looks around only for letters,
        so the matches of the text are the matches of its space-separated pieces.
        A news archive repeats its words, so each distinct piece goes through the
        regex once and the rest is C-speed list work (split, map, accumulate):
        less than half the cost of running the regex over the whole text.
        """
        pieces = norm.split(" ")
        found = list(map(self.pieces.__getitem__, pieces))         # a miss calls __missing__
        lengths = list(accumulate(map(len, pieces), initial=0))    # piece i starts at lengths[i] + i
        for i in compress(range(len(pieces)), found):
            p = lengths[i] + i
            for a, b in found[i]:
                yield p + a, p + b


@lru_cache(maxsize=None)
def anchor_finder(lex) -> AnchorFinder:
    """The anchor finder of `lex`, built once per lexicon."""
    return AnchorFinder(lex)


class _PieceAnchors(dict):
    """Anchors of each space-separated piece, as (start, end) inside it; () for none.

    Bounded: long pieces are not kept, and the cache starts over when full (an
    archive's vocabulary is large, but it repeats).
    """

    LIMIT, LONGEST = 300_000, 64

    def __init__(self, regex):
        super().__init__()
        self.regex = regex

    def __missing__(self, piece: str) -> tuple[tuple[int, int], ...]:
        found = tuple(m.span() for m in self.regex.finditer(piece))
        if len(piece) <= self.LONGEST:
            if len(self) >= self.LIMIT:
                self.clear()
            self[piece] = found
        return found


def find_anchors(norm: str, lex) -> tuple[list[int], list[tuple[int, int]]]:
    """Start offsets of every anchor of `norm` for lexicon `lex`, and the
    ``[start, end)`` windows of context around them (overlapping windows merged)."""
    starts: list[int] = []
    windows: list[tuple[int, int]] = []
    first = last = -1                    # the open window: its first anchor start, last anchor end
    for a, b in anchor_finder(lex).spans(norm):
        starts.append(a)
        if first >= 0 and a - CONTEXT_CHARS_BEFORE <= last + CONTEXT_CHARS_AFTER:
            last = max(last, b)          # its context overlaps the open window's
            continue
        if first >= 0:
            _close(norm, windows, first, last)
        first, last = a, b
    if first >= 0:
        _close(norm, windows, first, last)
    return starts, windows


def _close(norm: str, windows: list[tuple[int, int]], first: int, last: int) -> None:
    """Add the window of anchors [first, last) with its context, out to word edges,
    merged with the previous window when the word edges make them meet."""
    ws = _word_start(norm, max(0, first - CONTEXT_CHARS_BEFORE))
    we = _word_end(norm, min(len(norm), last + CONTEXT_CHARS_AFTER))
    if windows and ws <= windows[-1][1]:
        windows[-1] = (windows[-1][0], we)
    else:
        windows.append((ws, we))


def _word_start(norm: str, a: int) -> int:
    """Move a window start back to the start of its word (at most 40 characters)."""
    k = a
    while k > 0 and a - k < 40 and not norm[k - 1].isspace():
        k -= 1
    return k


def _word_end(norm: str, b: int) -> int:
    k = b
    n = len(norm)
    while k < n and k - b < 40 and not norm[k].isspace():
        k += 1
    return k
