"""The extraction pipeline: text → numerals → candidates → rules per kind → guards.

`Pipeline.mentions` runs the phases of `rules.declare.PHASES` in order:

1. calendar and shape finders (dates, times, identifiers by shape, compound
   ordinals) take their tokens first, so a year or a day is never a count;
2. the numeral reader proposes numerals on what is left; numeral guards verify;
3. each numeral is tried as a non-quantity (identifier, year, rank);
4. the rest are paired into ranges and composite amounts (20 دولاراً و43 سنتاً),
   then typed by the quantity rules;
5. ordinal words are read on the tokens no mention has taken;
6. qualifiers attach to the quantities they bound; then two quantities that
   are the ends of one range, or bound it from below and above, are joined
   (`rules.ranges.join`), and level pairs after a verb of change split.

Every proposal of a rule or finder passes the guards that verify it; the
first rule of a phase whose proposal stands wins. The mention's `rule` field
is the name the winning unit is declared with.
"""

from __future__ import annotations

from .guards import MENTION_GUARDS, NUMERAL_GUARDS
from .numerals.scan import read_document, scan
from .rules import amounts, qualifiers, ranges, ratios
from .rules.declare import Phase
from .rules.mention import Candidate, Mention
from .rules.registry import FINDERS, RULES
from .rules.units import unit_after
from .text.document import Document


class Pipeline:
    """The phases, rules and guards that turn a text into mentions, for one lexicon."""

    def __init__(self, lexicon, numeral_guards=NUMERAL_GUARDS, mention_guards=MENTION_GUARDS,
                 finders=FINDERS, rules=RULES):
        self.lex = lexicon
        self.numeral_guards = tuple(numeral_guards)
        #: the numeral guards to ask about a numeral written in digits (True) or in words (False)
        self._numeral_guards_of = {d: tuple(g for g in self.numeral_guards if g.digits in (None, d))
                                   for d in (False, True)}
        self.mention_guards = tuple(mention_guards)
        self.finders, self.rules = finders, rules
        self._guards_of: dict[tuple[str, str], tuple] = {}
        self._non_quantities = _dispatch(rules[Phase.NON_QUANTITIES])
        self._quantities = _dispatch(rules[Phase.QUANTITIES])

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
            m = self._type(doc, Candidate.single(num), self._non_quantities)
            if m is not None:
                out.append(m)
            else:
                quantities.append(num)
        typed = []
        for cand in amounts.join(doc, ratios.pair(doc, ranges.candidates(doc, quantities))):
            m = self._type(doc, cand, self._quantities)
            if m is not None:
                if m.unit_span:
                    doc.take(*doc.tokens_in(*m.unit_span))
                typed.append((cand, m))
        self._find(doc, Phase.ORDINAL_WORDS, out)
        for cand, m in typed:
            qualifiers.attach(doc, cand, m)
        out.extend(ranges.join(doc, typed))
        out.sort(key=lambda m: (m.start, m.end))
        return doc, out

    def _keep_numeral(self, doc: Document, num) -> bool:
        for g in self._numeral_guards_of[num.digits]:
            if not g.keep(doc, num):
                return False
        return True

    def _stands(self, doc: Document, cand, m: Mention) -> bool:
        key = (m.rule, m.kind)
        guards = self._guards_of.get(key)
        if guards is None:
            guards = self._guards_of[key] = tuple(g for g in self.mention_guards
                                                  if m.rule in g.verifies or m.kind in g.verifies)
        for g in guards:
            if not g.keep(doc, cand, m):
                return False
        return True

    def _type(self, doc: Document, cand: Candidate, dispatch: dict) -> Mention | None:
        """The first proposal of a phase's rules for `cand` that the guards let stand;
        `dispatch` (see `_dispatch`) gives the rules whose pattern the candidate fits."""
        digits = cand.first.digits
        if len(dispatch) == 2:                             # a phase without unit patterns
            rules = dispatch[None, None, digits]
        else:
            after = unit_after(doc, cand.j)
            dual = cand.first.unit
            rules = dispatch[after[0].kind if after is not None else None, dual.kind if dual is not None else None,
                             digits]
        for rule in rules:
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


def _dispatch(rules) -> dict:
    """The rules to try, in order, for each (kind of the unit after, kind of the dual
    noun, written in digits) a candidate can have: the rules whose pattern it fits.
    A phase without unit patterns has only the (None, None, digits) entries."""
    kinds = [None, *dict.fromkeys(k for r in rules for k in (r.unit_after, r.dual) if k)]
    if len(kinds) == 1:
        return {(None, None, d): tuple(r for r in rules if r.digits in (None, d)) for d in (False, True)}
    return {(a, u, d): tuple(r for r in rules if r.unit_after in (None, a) and r.dual in (None, u)
                             and r.digits in (None, d))
            for a in kinds for u in kinds for d in (False, True)}
