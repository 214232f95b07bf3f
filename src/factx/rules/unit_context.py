"""Which unit an ambiguous unit word names, from the text around it (SPEC §5.3).

دينار، ريال، ليرة، درهم، جنيه each name several currencies, and a bare degree
(درجة، °) a temperature or an angle. Written with an adjective the word is
settled (`rules.units`). Alone, the text decides: a country, its adjective or a
currency named (`data/regions.toml`), or what the unit measures (the `cues` of
`data/units.toml`: حرارة → degC), in the same sentence (the nearest first) or
else the nearest before it — ``الليرة التركية … 32.5 ليرة`` is TRY. Then the
caller's region hint; else the table's default, which the record says
(unit_source ``"default"``).

The context words of a document are found once, when the first ambiguous word
asks, by one regex over the whole normalised text (they may stand far from any
number, outside the tokenised windows).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..language import morphology
from ..language.unit_table import Unit
from ..numerals.anchors import trie_regex
from ..text.document import Document
from ..text.tokens import ARABIC_LETTERS

TEXT, CONTEXT, DEFAULT = "text", "context", "default"


@lru_cache(maxsize=None)
def _context_regex(lex) -> re.Pattern:
    """A context word of `lex`, with or without proclitics (بالكويت، والليرة التركية)."""
    clitics = trie_regex(p.form for p in morphology.PROCLITICS)
    return re.compile(rf"(?<![{ARABIC_LETTERS}])(?:{clitics})?({trie_regex(lex.unit_context)})"
                      rf"(?![{ARABIC_LETTERS}])")


def _positions(doc: Document) -> dict[str, list[int]]:
    """Where the context words of `doc` stand, by the code they speak for (ascending)."""
    if doc.unit_context is None:
        words = doc.lex.unit_context
        found: dict[str, list[int]] = {}
        for m in _context_regex(doc.lex).finditer(doc.norm):
            for code in words[m.group(1)]:
                found.setdefault(code, []).append(m.start(1))
        doc.unit_context = found
    return doc.unit_context


def resolve(doc: Document, unit: Unit, pos: int) -> tuple[str, str]:
    """The code an ambiguous `unit` read at normalised offset `pos` names, and how it
    was chosen: (code, "context") from the text or the region hint, else (default, "default").

    A context word in the sentence wins (the nearest), then the nearest before the
    sentence; each look-up is a binary search, so a text full of them stays linear."""
    if doc.lex.unit_context:
        by_code = _positions(doc)
        ends = doc.sentence_ends
        k = bisect_right(ends, pos)
        s0, s1 = (ends[k - 1] if k else 0), (ends[k] if k < len(ends) else len(doc.norm) + 1)
        best = None
        for code in unit.names:
            ps = by_code.get(code)
            if not ps:
                continue
            n = bisect_left(ps, pos)
            near = [p for p in (ps[n - 1] if n else None, ps[n] if n < len(ps) else None)
                    if p is not None and s0 <= p < s1]
            before = bisect_left(ps, s0) - 1
            rank = (0, min(abs(p - pos) for p in near)) if near else (1, s0 - ps[before]) if before >= 0 else None
            if rank is not None and (best is None or (*rank, code != unit.code, code) < best):
                best = (*rank, code != unit.code, code)
        if best is not None:
            return best[-1], CONTEXT
    hit = doc.lex.region_codes & unit.names
    if hit:
        return _pick(unit, hit), CONTEXT
    return unit.code, DEFAULT


def _pick(unit: Unit, codes: frozenset[str]) -> str:
    """One code of `codes`: the word's own reading when it is among them."""
    return unit.code if unit.code in codes else min(codes)
