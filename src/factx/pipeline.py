"""The extraction pipeline: text → numerals → candidates → rules per kind → guards.

`Pipeline.mentions` runs the phases of `rules.declare.PHASES` in order:

1. calendar and shape finders (dates, times, identifiers by shape, compound
   ordinals) take their tokens first, so a year or a day is never a count;
2. the numeral reader proposes numerals on what is left; numeral guards verify;
3. each numeral is tried as a non-quantity (identifier, year, rank);
4. the rest are paired into ranges, then typed by the quantity rules;
5. ordinal words are read on the tokens no mention has taken;
6. qualifiers attach to the quantities they bound.

Every proposal of a rule or finder passes the guards that verify it; the
first rule of a phase whose proposal stands wins. The mention's `rule` field
is the name the winning unit is declared with.
"""

from __future__ import annotations

from .guards import MENTION_GUARDS, NUMERAL_GUARDS
from .numerals.scan import read_document, scan
from .rules import qualifiers, ranges
from .rules.declare import Phase
from .rules.mention import Candidate, Mention
from .rules.registry import FINDERS, RULES
from .text.document import Document


class Pipeline:
    """The phases, rules and guards that turn a text into mentions, for one lexicon."""

    def __init__(self, lexicon, numeral_guards=NUMERAL_GUARDS, mention_guards=MENTION_GUARDS,
                 finders=FINDERS, rules=RULES):
        self.lex = lexicon
        self.numeral_guards = tuple(numeral_guards)
        self.mention_guards = tuple(mention_guards)
        self.finders, self.rules = finders, rules
        self._guards_of: dict[tuple[str, str], tuple] = {}

    def without(self, *guard_names: str) -> "Pipeline":
        """The same pipeline without the named guards (to see what a guard prevents)."""
        return Pipeline(self.lex, [g for g in self.numeral_guards if g.name not in guard_names],
                        [g for g in self.mention_guards if g.name not in guard_names], self.finders, self.rules)

    def mentions(self, text: str, sparse: bool = True) -> tuple[Document, list[Mention]]:
        """The document read with this pipeline's lexicon, and its mentions in text order
        (``sparse=False`` tokenises the whole text, not only the windows around anchors)."""
        doc = read_document(text, self.lex, sparse)
        out: list[Mention] = []
        self._find(doc, Phase.CALENDAR, out)
        self._find(doc, Phase.SHAPES, out)
        nums = scan(doc, self._keep_numeral)
        for num in nums:
            doc.take(num.i, num.j)
        quantities = []
        for num in nums:
            m = self._type(doc, Candidate.single(num), Phase.NON_QUANTITIES)
            if m is not None:
                out.append(m)
            else:
                quantities.append(num)
        typed = []
        for cand in ranges.candidates(doc, quantities):
            m = self._type(doc, cand, Phase.QUANTITIES)
            if m is not None:
                if m.unit_span:
                    doc.take(*doc.tokens_in(*m.unit_span))
                typed.append((cand, m))
                out.append(m)
        self._find(doc, Phase.ORDINAL_WORDS, out)
        for cand, m in typed:
            qualifiers.attach(doc, cand, m)
        out.sort(key=lambda m: (m.start, m.end))
        return doc, out

    def _keep_numeral(self, doc: Document, num) -> bool:
        return all(g.keep(doc, num) for g in self.numeral_guards)

    def _stands(self, doc: Document, cand, m: Mention) -> bool:
        key = (m.rule, m.kind)
        guards = self._guards_of.get(key)
        if guards is None:
            guards = self._guards_of[key] = tuple(g for g in self.mention_guards
                                                  if m.rule in g.verifies or m.kind in g.verifies)
        return all(g.keep(doc, cand, m) for g in guards)

    def _type(self, doc: Document, cand: Candidate, phase: Phase) -> Mention | None:
        """The first proposal of the phase's rules for `cand` that the guards let stand."""
        for rule in self.rules[phase]:
            m = rule.match(doc, cand)
            if m is not None:
                m.rule = rule.name
                if self._stands(doc, cand, m):
                    return m
        return None

    def _find(self, doc: Document, phase: Phase, out: list[Mention]) -> None:
        """Run the phase's finders; each mention that stands takes its tokens at once."""
        for finder in self.finders[phase]:
            for m in finder.find(doc):
                if not m.rule:
                    m.rule = finder.name
                elif m.rule not in finder.also:
                    raise ValueError(f"finder {finder.name} made a mention of undeclared rule {m.rule}")
                if self._stands(doc, None, m):
                    doc.take(*doc.tokens_in(m.start, m.end))
                    out.append(m)
