"""What every rule module shares: the document context, the mention record,
and the grammar helpers for the words around a number (qualifiers, units,
the counted noun). Rules work in normalised offsets; `extract` maps them back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from operator import attrgetter

from .. import lexicon as L
from ..numerals.words import Numeral, classify
from ..text.normalize import NormText, normalize
from ..numerals.anchors import find_anchors
from ..text.tokens import DIGITS, PUNCT, WORD, Token, splits, strip_definite, tokenize, tokenize_windows

_start_of = attrgetter("start")
# proclitics a phrase's first word may carry: after a number (وأكثر), before it (بنحو، لأكثر من)
_PHRASE_AFTER_CLITICS = "وف"
_PHRASE_BEFORE_CLITICS = "وفبل"
# the proclitic particles written apart from the number (بـ 76، الـ 44)
DETACHED_CLITICS = frozenset({"ب", "ل", "ال", "و", "ف", "ك", "وال", "بال", "لل", "وب"})


@dataclass(slots=True)
class Mention:
    """A typed mention in normalised offsets, before it becomes a `Fact`."""

    kind: str
    start: int
    end: int
    value: object = None
    low: object = None
    high: object = None
    qualifier: str = "exact"
    unit: str | None = None
    entity: tuple[int, int] | None = None          # normalised span of the counted noun
    qualifier_span: tuple[int, int] | None = None
    unit_span: tuple[int, int] | None = None
    calendar: str | None = None
    rule: str = ""
    # what the quantity is about (SPEC §5.5), set by rules.about.describe
    entity_norm: str | None = None
    predicate: tuple[int, int] | None = None        # normalised span of the predicate
    change: str | None = None
    unit_source: str | None = None


class Doc:
    """One document: original text, normalised text, tokens, and which tokens are taken."""

    def __init__(self, text: str, sparse: bool = True):
        self.text = text
        self.nt: NormText = normalize(text)
        self.norm = self.nt.norm
        # only the windows around anchors are tokenised (see numerals.anchors)
        anchor_starts, wins = find_anchors(self.norm)
        #: the spans of text that are tokenised: every mention lies inside one
        self.windows = wins if sparse else [(0, len(self.norm))]
        self.toks: list[Token] = tokenize_windows(self.norm, wins) if sparse else tokenize(self.norm)
        self.n = len(self.toks)
        self.blocked = [False] * self.n
        #: unit_after's answers by token (asked by several rules; tokens are blocked before)
        self.units_after: dict[int, tuple | None] = {}
        self._starts = list(map(_start_of, self.toks))
        #: tokens a mention can start at: the digit and lexicon-word tokens the anchor regex found
        self.anchors = [k for pos, k in zip(anchor_starts, map(self.token_at, anchor_starts))
                        if k < self.n and self._starts[k] == pos and self.toks[k].kind in (DIGITS, WORD)]

    # --- tokens ---------------------------------------------------------------
    def word(self, k: int) -> str | None:
        """The word at token k, or None for a symbol, digits, or past the end."""
        if 0 <= k < self.n and self.toks[k].kind == WORD:
            return self.toks[k].text
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

    def block(self, i: int, j: int) -> None:
        for k in range(i, j):
            self.blocked[k] = True

    def adjacent(self, k: int) -> bool:
        """No space between token k-1 and token k."""
        return 0 < k < self.n and self.toks[k - 1].end == self.toks[k].start

    # --- phrases --------------------------------------------------------------
    def phrase_at(self, k: int, table: L.Phrases, max_words: int, first_clitic: bool = False):
        """Longest phrase of `table` starting at token k: (value, end token) or None.

        Phrases are word sequences; a detached clitic token is a word too (يقدر بـ).
        With `first_clitic`, the first word may carry a و/ف proclitic.
        """
        clitics = _PHRASE_AFTER_CLITICS if first_clitic else ""
        if k >= self.n:
            return None
        first = self.toks[k].text
        if first not in table.first and not (first[:1] in clitics and table.starts_after_clitics(first, clitics)):
            return None
        words = []
        for m in range(k, min(self.n, k + max_words)):
            t = self.toks[m]
            if t.kind != WORD and t.text not in ("%", "$", "€", "£", "²"):
                break
            if t.text == "²":
                if not words:
                    break
                words[-1] = words[-1] + t.text
                continue
            words.append(t.text)
        for ln in range(len(words), 0, -1):
            value = table.lookup(tuple(words[:ln]), clitics)
            if value is not None:
                return value, k + ln
        return None

    def phrase_before(self, j: int, table: L.Phrases, max_words: int):
        """Longest phrase of `table` ending just before token j: (value, first token) or None.

        The first word may carry proclitics و ف ب ل (وأكثر من، بنحو، لأكثر من، وبنسبة).
        """
        if not 0 < j <= self.n:
            return None
        last = self.toks[j - 1].text
        if last not in table.last and not (last[:1] in _PHRASE_BEFORE_CLITICS
                                           and table.ends_after_clitics(last, _PHRASE_BEFORE_CLITICS)):
            return None
        words = []                                  # the run of words ending at j, read backwards
        for m in range(j - 1, max(j - max_words, 0) - 1, -1):
            t = self.toks[m]
            if t.kind != WORD:
                break
            words.append(t.text)
        words.reverse()
        for ln in range(len(words), 0, -1):
            value = table.lookup(tuple(words[-ln:]), _PHRASE_BEFORE_CLITICS)
            if value is not None:
                return value, j - ln
        return None

    def finditer(self, pattern):
        """Matches of a compiled `pattern` inside the windows: for shapes that hold
        digits (dates, clock times, phone numbers), whose digits are anchors."""
        for a, b in self.windows:
            yield from pattern.finditer(self.norm, a, b)

    def span_of(self, i: int, j: int) -> tuple[int, int]:
        """Normalised span of tokens [i, j)."""
        return self.toks[i].start, self.toks[j - 1].end


# --- the counted noun -----------------------------------------------------------

@lru_cache(maxsize=65536)
def noun_like(w: str | None) -> bool:
    """Could this word be a counted noun? (not a particle, number, month or qualifier word)."""
    if w is None or len(w) < 2 or w in L.NOT_NOUNS:
        return False
    for sp in splits(w):
        if classify(sp.stem) is not None or sp.stem in L.ORDINALS:
            return False
    if (w,) in L.MONTHS or w in L.WEEKDAYS:
        return False
    return True


def noun_span(doc: Doc, k: int) -> tuple[int, int]:
    """Span of the word at token k without its ال-proclitics (المدنيين → مدنيين)."""
    t = doc.toks[k]
    p, _ = strip_definite(t.text)
    return t.start + p, t.end


def entity_after(doc: Doc, j: int) -> tuple[int, int] | None:
    """The counted noun after a number: 39 هجوما، ثلاثة ملايين من السكان."""
    w = doc.word(j)
    if w in L.PARTITIVE:
        j += 1
        w = doc.word(j)
    if w is None or not noun_like(w) or doc.blocked[j] or _prepositional(w):
        return None
    return noun_span(doc, j)


@lru_cache(maxsize=65536)
def _prepositional(w: str) -> bool:
    """للجمعية، بالمدينة: a preposition glued to a definite noun starts a phrase, not a tamyiz."""
    return any(sp.prefix in L.PREPOSITION_ARTICLES for sp in splits(w)[1:])


@lru_cache(maxsize=65536)
def _definite(w: str) -> bool:
    return any(sp.definite for sp in splits(w)[1:])


@lru_cache(maxsize=65536)
def _adjective_like(w: str) -> bool:
    """Nisba adjectives (حدودي، حدوديا، عسكرية) follow their noun."""
    stem = strip_definite(w)[1]
    return stem.endswith(("ي", "يا", "يه", "يين", "يون"))


@lru_cache(maxsize=65536)
def is_feminine(w: str) -> bool:
    """Feminine by form (ة، ات، ى) or by lexicon (حرب، أرض)."""
    stem = strip_definite(w)[1]
    return stem.endswith(("ه", "ات")) or stem in L.FEMININE_NOUNS or looks_plural(w)


def head_before(doc: Doc, i: int, definite_only: bool, gender: str | None = None) -> int | None:
    """Token index of the noun a following adjective-number qualifies.

    Walks back over agreeing adjectives: for a definite number, over the run
    of definite words (الدورية المنسقة المستقلة الـ 44 → الدورية); otherwise
    over nisba adjectives (مركز حدودي واحد → مركز). With a `gender` ("m"/"f"),
    the run stops at a word that does not agree with it, since adjectives
    agree with their noun (احتل المنتخب المرتبة الأولى → المرتبة).
    """
    k = i - 1
    if doc.tok_text(k) in DETACHED_CLITICS and doc.toks[k].kind == WORD:
        k -= 1
    head = None
    steps = 0
    while k >= 0 and steps < 4 and doc.toks[k].kind == WORD and not doc.blocked[k]:
        w = doc.toks[k].text
        if not noun_like(w) or strip_definite(w)[1] in L.ADVERBS or w in L.ADVERBS:
            break
        if definite_only:
            if not _definite(w):
                break
            if gender is not None and is_feminine(w) != (gender == "f"):
                break
            head = k
            if w.startswith("و"):
                break
        else:
            head = k
            if not _adjective_like(w):
                break
        k -= 1
        steps += 1
    return head


@lru_cache(maxsize=65536)
def looks_plural(w: str) -> bool:
    """Sound plurals and the commonest broken-plural pattern (أفعال)."""
    stem = strip_definite(w)[1]
    if stem.endswith(("ات", "ين", "ون")) and len(stem) >= 4:
        return True
    if (stem,) in L.UNIT_PLURALS:
        return True
    return len(stem) == 5 and stem[0] == "ا" and stem[3] == "ا"


# --- qualifiers -------------------------------------------------------------------

def qualifier_before(doc: Doc, i: int) -> tuple[str, int] | None:
    """A qualifier phrase ending before token i (skipping a detached clitic): (qualifier, first token)."""
    hit = doc.phrase_before(i, L.QUALIFIERS_BEFORE, L.QUALIFIER_MAX_WORDS)
    if hit is None and doc.tok_text(i - 1) in DETACHED_CLITICS:
        hit = doc.phrase_before(i - 1, L.QUALIFIERS_BEFORE, L.QUALIFIER_MAX_WORDS)
    return hit


def qualifier_after(doc: Doc, j: int) -> tuple[str, int] | None:
    """A qualifier phrase starting at token j: (qualifier, end token)."""
    if doc.tok_text(j) in ("،", ","):
        return None
    return doc.phrase_at(j, L.QUALIFIERS_AFTER, L.QUALIFIER_MAX_WORDS, first_clitic=True)


# --- units --------------------------------------------------------------------------

def unit_after(doc: Doc, j: int) -> tuple[L.Unit, str, int] | None:
    """A unit word (or symbol) starting at token j: (unit, canonical code, end token).

    Every quantity rule asks for the unit after its number; the answer is kept.
    """
    try:
        return doc.units_after[j]
    except KeyError:
        hit = doc.units_after[j] = _unit_after(doc, j)
        return hit


def _unit_after(doc: Doc, j: int) -> tuple[L.Unit, str, int] | None:
    if j >= doc.n or doc.blocked[j]:
        return None
    t = doc.toks[j]
    if t.kind == PUNCT:
        u = L.UNIT_SYMBOLS.get(t.text)
        return (u, u.code, j + 1) if u and u.kind != "percent" else None
    hit = doc.phrase_at(j, L.UNIT_PHRASES, L.UNIT_MAX_WORDS)
    if hit is None:
        return None
    unit, end = hit
    code = unit.code
    if unit.adjectives:
        adj = doc.word(end)
        if adj is not None:
            stem = strip_definite(adj)[1]
            for form, c in unit.adjectives:
                if stem == form or stem == form + "ه" or stem + "ه" == form:
                    code, end = c, end + 1
                    break
    return unit, code, end


def symbol_before(doc: Doc, i: int) -> tuple[L.Unit, int] | None:
    """A currency symbol written before the digits ($100)."""
    t = doc.toks[i - 1] if i > 0 else None
    if t is not None and t.kind == PUNCT and t.text in L.UNIT_SYMBOLS:
        u = L.UNIT_SYMBOLS[t.text]
        if u.kind == "money":
            return u, i - 1
    return None


# --- numbers to JSON ------------------------------------------------------------------

def as_number(x: Fraction | None):
    """Exact int where integral, else float (JSON has no fractions)."""
    if x is None:
        return None
    if x.denominator == 1:
        return int(x)
    return float(x)


@dataclass(slots=True)
class Candidate:
    """A quantity to type: one numeral, or two joined into a range."""

    first: Numeral
    last: Numeral
    value: Fraction | None
    low: Fraction | None = None
    high: Fraction | None = None
    qualifier: str = "exact"
    opener: int | None = None            # token of بين / من opening a range
    extra: dict = field(default_factory=dict)

    @property
    def i(self) -> int:
        return self.first.i

    @property
    def j(self) -> int:
        return self.last.j

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end

    def mention(self, kind: str, rule: str, **kw) -> Mention:
        return Mention(kind, self.start, self.end, as_number(self.value), as_number(self.low),
                       as_number(self.high), self.qualifier, rule=rule, **kw)
