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


def _hits(doc: Document) -> tuple[list[int], list[frozenset[str]]]:
    """The context words of `doc`: their offsets and the codes each speaks for."""
    if doc.unit_context is None:
        words = doc.lex.unit_context
        found = [(m.start(1), words[m.group(1)]) for m in _context_regex(doc.lex).finditer(doc.norm)]
        doc.unit_context = [[p for p, _ in found], [c for _, c in found]]
    return doc.unit_context[0], doc.unit_context[1]


def resolve(doc: Document, unit: Unit, pos: int) -> tuple[str, str]:
    """The code an ambiguous `unit` read at normalised offset `pos` names, and how it
    was chosen: (code, "context") from the text or the region hint, else (default, "default")."""
    names = unit.names
    if doc.lex.unit_context:
        positions, codes = _hits(doc)
        if positions:
            ends = doc.sentence_ends
            k = bisect_right(ends, pos)
            first = bisect_left(positions, ends[k - 1] if k else 0)
            last = bisect_left(positions, ends[k]) if k < len(ends) else len(positions)
            here = sorted(range(first, last), key=lambda n: abs(positions[n] - pos))
            for n in [*here, *range(first - 1, -1, -1)]:
                hit = codes[n] & names
                if hit:
                    return _pick(unit, hit), CONTEXT
    hit = doc.lex.region_codes & names
    if hit:
        return _pick(unit, hit), CONTEXT
    return unit.code, DEFAULT


def _pick(unit: Unit, codes: frozenset[str]) -> str:
    """One code of `codes`: the word's own reading when it is among them."""
    return unit.code if unit.code in codes else min(codes)
