"""The document every later stage reads: original text, normalised text with its
offset map, the tokens of the windows around anchors, and which tokens are taken.

Later stages work in normalised offsets and token indices; `NormText.orig_span`
maps a span back to the original text. Only the windows around anchors (the
places a mention can start, found by `numerals.anchors`) are tokenised: most of
a news article holds no number. A zero-width GAP token separates windows, so no
phrase or number is read across two of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cached_property
from operator import attrgetter
from typing import Any

from .normalize import NormText
from .tokens import CLAUSE_END_MARKS, DIGITS, GLUED_MARK, GAP, PUNCT, WORD, Token, tokenize_windows

_start_of = attrgetter("start")

# One mark, not a run: "[.!?]+(?=\s)" backtracks through every run glued to a word
# (quadratic). The pattern opens with a character class so that `re` skips to the
# next candidate character in C (3x faster than "[.!?؟;؛](?=\s|$)|\n+").
_SENTENCE_END_RE = re.compile(r"[.!?؟;؛\n](?:(?<=\n)\n*|(?=\s|$))")


# Web and mail addresses and social-media handles: the digits inside them (%20,
# /2019/05/12/, info2020@, @user123) are no numbers.
# A web address opens with literal text, so that `re` skips to a candidate in C; a mail
# address is found from its @ (matching its local part at every position would be
# quadratic on a long run of word characters).
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"«»]+")
_MAIL_DOMAIN_RE = re.compile(r"[\w-]+(?:\.[\w-]+)+")
_MAIL_LOCAL_RE = re.compile(r"[\w.+-]{1,64}$")
# a social-media handle: @ with no local part before it (@user123، @وزارة_الصحة)
_HANDLE_RE = re.compile(r"\w{1,50}")


class Document:
    """One document as the pipeline reads it.

    `lexicon` is the language data the document is read with (a variety's, or
    Modern Standard Arabic's); `anchor_starts` and `windows` come from the
    anchor search. `taken[k]` is set once a mention owns token k: later rules
    never read a taken token.
    """

    def __init__(self, nt: NormText, anchor_starts: list[int], windows: list[tuple[int, int]], lexicon: Any):
        self.text = nt.original
        self.nt = nt
        self.norm = nt.norm
        self.lex = lexicon
        #: the spans of text that are tokenised: every mention lies inside one
        self.windows = windows
        self.toks: list[Token] = tokenize_windows(self.norm, windows)
        self.n = len(self.toks)
        self.taken = [False] * self.n
        #: the unit found after each token and the qualifier before it, as the rules
        #: asked for them (they ask often)
        self.unit_memo: dict = {}
        self.qualifier_memo: dict = {}
        #: the naming head found for the number at each token (a list after one head asks again)
        self.head_memo: dict = {}
        #: where the context words of the whole text stand, by unit code (`rules.unit_context`),
        #: found on first need
        self.unit_context: dict | None = None
        self._starts = list(map(_start_of, self.toks))
        #: tokens a mention can start at: the digit and word tokens that begin an anchor
        self.anchors = [k for pos, k in zip(anchor_starts, map(self.token_at, anchor_starts))
                        if k < self.n and self._starts[k] == pos and self.toks[k].kind in (DIGITS, WORD)]
        #: the anchors that are words (month names, ordinals, number words), for the rules that read only those
        self.word_anchors = [k for k in self.anchors if self.toks[k].kind == WORD]

    @cached_property
    def anchor_set(self) -> frozenset[int]:
        """`anchors` as a set, for the readers that ask whether a token is one."""
        return frozenset(self.anchors)

    @cached_property
    def addresses(self) -> list[tuple[int, int]]:
        """Normalised spans of the web and mail addresses and the handles of the text, in order."""
        norm = self.norm
        spans = [m.span() for m in _URL_RE.finditer(norm)] if "://" in norm or "www." in norm else []
        at = norm.find("@")
        while at >= 0:                              # an @ at 0 has no local part, but the next may
            local = _MAIL_LOCAL_RE.search(norm, max(0, at - 64), at)
            domain = _MAIL_DOMAIN_RE.match(norm, at + 1)
            if local and domain:
                spans.append((local.start(), domain.end()))
            elif at == 0 or not (norm[at - 1].isalnum() or norm[at - 1] == "_"):
                handle = _HANDLE_RE.match(norm, at + 1)
                if handle:
                    spans.append((at, handle.end()))
            at = norm.find("@", at + 1)
        return sorted(spans)

    def in_address(self, pos: int) -> bool:
        """Is normalised offset `pos` inside a web or mail address?"""
        spans = self.addresses
        if not spans:
            return False
        k = bisect_right(spans, (pos, float("inf"))) - 1
        return k >= 0 and spans[k][0] <= pos < spans[k][1]

    @cached_property
    def sentence_ends(self) -> list[int]:
        """Normalised offsets where a sentence ends (after its final mark or line break)."""
        return list(map(re.Match.end, _SENTENCE_END_RE.finditer(self.norm)))

    # --- tokens ---------------------------------------------------------------
    def word(self, k: int) -> str | None:
        """The word at token k, or None for a symbol, digits, or past either end."""
        if 0 <= k < self.n:
            t = self.toks[k]
            if t.kind == WORD:
                return t.text
        return None

    def tok_text(self, k: int) -> str | None:
        return self.toks[k].text if 0 <= k < self.n else None

    def token_at(self, pos: int) -> int:
        """Index of the first token starting at or after normalised offset `pos`."""
        return bisect_left(self._starts, pos)

    def tokens_in(self, start: int, end: int) -> tuple[int, int]:
        """Token range [i, j) of every token overlapping the normalised span [start, end)."""
        i = bisect_right(self._starts, start) - 1
        if i < 0 or self.toks[i].end <= start:
            i += 1
        return i, bisect_left(self._starts, end)

    def take(self, i: int, j: int) -> None:
        """Tokens [i, j) now belong to a mention."""
        for k in range(i, j):
            self.taken[k] = True

    def any_taken(self, i: int, j: int) -> bool:
        return True in self.taken[i:j]

    def ends_clause(self, k: int) -> bool:
        """Is token k a mark that ends a clause (CLAUSE_END_MARKS), not the point of a
        decimal written inside a number (72.6)?"""
        t = self.toks[k]
        if t.kind != PUNCT or t.text not in CLAUSE_END_MARKS:
            return False
        return not (t.text == "." and self.adjacent(k) and self.adjacent(k + 1)
                    and self.toks[k - 1].kind == DIGITS == self.toks[k + 1].kind)

    def adjacent(self, k: int) -> bool:
        """No space between token k-1 and token k."""
        return 0 < k < self.n and self.toks[k - 1].end == self.toks[k].start

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """Normalised span of tokens [i, j)."""
        return self.toks[i].start, self.toks[j - 1].end

    def finditer(self, pattern):
        """Matches of a compiled `pattern` inside the windows: for shapes that hold
        digits (dates, clock times, phone numbers), whose digits are anchors."""
        for a, b in self.windows:
            yield from pattern.finditer(self.norm, a, b)

    def digit_matches(self, pattern):
        """Matches of `pattern` starting at a run of digits, inside its window, none
        overlapping the one before: what `finditer` finds for a shape that opens with
        its digits (a date, a clock time), less the matches from inside a run, which the
        shapes' edge checks reject. A match per run of digits instead of a scan of every
        window character (the windows are most of a number-dense text)."""
        norm, toks, windows = self.norm, self.toks, self.windows
        w, done = 0, -1
        for k in self.digit_anchors:
            start = toks[k].start
            if start < done:
                continue
            while windows[w][1] <= start:
                w += 1
            m = pattern.match(norm, start, windows[w][1])
            if m is not None:
                done = m.end()
                yield m

    @cached_property
    def digit_anchors(self) -> list[int]:
        """The anchors that are runs of digits, in order."""
        toks = self.toks
        return [k for k in self.anchors if toks[k].kind == DIGITS]

    # --- phrases --------------------------------------------------------------
    def key_at(self, k: int, m: int) -> str:
        """Token m as a phrase table keys it when the phrase starts at token k < m:
        marked when it is glued to the token before it."""
        t = self.toks[m]
        return t.text if m == k or self.toks[m - 1].end != t.start else GLUED_MARK + t.text

    def phrase_at(self, k: int, table, clitics: frozenset = frozenset()):
        """Longest phrase of `table` starting at token k: (value, end token) or None.

        A phrase is a run of tokens (words, symbols, codes), glued ones marked;
        the first word may carry proclitics made of the `clitics` parts.
        """
        if k >= self.n:
            return None
        first = self.toks[k].text
        if first not in table.first and not (clitics and first[:1] in table.clitic_letters
                                             and table.starts_after_clitics(first, clitics)):
            return None
        key = [first]
        toks = self.toks
        end = toks[k].end
        longest = table.max_words if clitics else table.longest.get(first, table.max_words)
        for m in range(k + 1, min(self.n, k + longest)):
            t = toks[m]
            if t.text == GAP:
                break
            key.append(t.text if t.start != end else GLUED_MARK + t.text)
            end = t.end
        for ln in range(len(key), 0, -1):
            value = table.lookup(tuple(key[:ln]), clitics)
            if value is not None:
                return value, k + ln
        return None

    def phrase_before(self, j: int, table, clitics: frozenset = frozenset()):
        """Longest phrase of `table` ending just before token j: (value, first token) or None.

        The first word may carry proclitics made of the `clitics` parts (وأكثر من،
        بنحو، لأكثر من، وبنسبة).
        """
        if not 0 < j <= self.n:
            return None
        last = self.toks[j - 1].text
        if last not in table.last and not (clitics and last[:1] in table.clitic_letters
                                           and table.ends_after_clitics(last, clitics)):
            return None
        toks = self.toks
        lo = j - 1                             # the run of tokens before j, back to a GAP or the longest phrase
        longest = table.longest_ending.get(last, table.max_words)
        while lo > 0 and j - lo < longest and toks[lo - 1].text != GAP:
            lo -= 1
        # the key of tokens [k, j) is (plain text of k,) + marked texts of k+1 … j-1
        marked = [t.text if m == lo or toks[m - 1].end != t.start else GLUED_MARK + t.text
                  for m, t in enumerate(toks[lo:j], lo)]
        for k in range(lo, j):
            value = table.lookup((toks[k].text, *marked[k - lo + 1:]), clitics)
            if value is not None:
                return value, k
        return None
