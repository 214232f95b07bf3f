"""Ages: a person's age (محمد العموري، 53 عاماً; يبلغ من العمر 53 عاما; في العشرين
من عمره; as the year of life it is in, an ordinal: في العاشرة من عمره، سن الخامسة عشرة)."""

from __future__ import annotations

from functools import lru_cache

from ..language import morphology
from ..text.tokens import COMMAS
from .declare import Finder, Kind, Phase, Rule
from .mention import Candidate, Mention
from .nouns import possessed, pronoun_suffix
from .ordinal import ordinal_at
from .qualifiers import qualifier_before
from .units import unit_after

KINDS = (Kind("age", quantity=True, nonnegative=True),)

#: what sets a year count apart after a name: commas or brackets on both sides
_OPENING, _CLOSING = COMMAS | {"("}, COMMAS | {")"}


def _is_age(doc, cand: Candidate, end: int) -> bool:
    """A year count is an age next to an age cue, right after an age phrase (توفي عن),
    after an age as the clause's subject (متوسط العمر المتوقع … إلى 72.6 سنة), or set off
    by commas after a name."""
    lex = doc.lex
    if doc.phrase_before(cand.i, lex.age_before, morphology.NO_ARTICLE) is not None:
        return True
    for k in range(max(0, cand.i - 4), cand.i):
        w = doc.word(k)
        if w is not None and any(sp.stem in lex.age_cues for sp in morphology.splits(w)):
            return True
    if doc.phrase_at(end, lex.age_after) is not None:
        return True
    for k in range(cand.i - 1, max(-1, cand.i - lex.age_subject_window - 1), -1):
        if doc.ends_clause(k):
            break
        if doc.phrase_at(k, lex.age_subjects, morphology.NO_ARTICLE) is not None:
            return True
    name_before = doc.word(cand.i - 2) is not None
    return doc.tok_text(cand.i - 1) in _OPENING and doc.tok_text(end) in _CLOSING and name_before


def unit(doc, cand: Candidate) -> Mention | None:
    """53 عاما next to an age cue or after a name set off by commas."""
    if cand.first.unit is not None:                   # a dual (عامين) is a duration
        return None
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "duration" and u[1] == "year" and _is_age(doc, cand, u[2]):
        return cand.mention("age", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None


def phrase(doc, cand: Candidate) -> Mention | None:
    """في العشرين من عمره: an age phrase right after the number."""
    if cand.first.unit is not None or doc.phrase_at(cand.j, doc.lex.age_after) is None:
        return None
    return cand.mention("age", unit="year")


def _after_age_noun(doc, i: int) -> bool:
    """Is token i right after سن/عمر (في سن، بعمر), or after them with a possessive
    pronoun (كان عمره 40، عمرها خمسة وعشرون; not عمرة, the pilgrimage, whose ة the
    normalised text writes as ه)?"""
    head = doc.word(i - 1)
    if head is None:
        return False
    if _age_noun(doc.lex, head):
        return True
    cut = pronoun_suffix(head)                      # the cheap tests first: cached string look-ups
    return bool(cut) and _age_noun(doc.lex, head[:-cut]) and possessed(doc, i - 1) == cut


@lru_cache(maxsize=65536)
def _age_noun(lex, word: str) -> bool:
    return any(sp.stem in lex.age_ordinal_heads for sp in morphology.readings(word, morphology.NO_ARTICLE))


def head(doc, cand: Candidate) -> Mention | None:
    """في سن العشرين، بعمر 40: a number right after the noun "age" is an age, also with
    its qualifier between them (عن عمر ناهز الثمانين، بعمر يقارب 40)."""
    if cand.first.unit is not None or cand.first.fraction:
        return None
    if not _after_age_noun(doc, cand.i):
        bound = qualifier_before(doc, cand.i)
        if bound is None or not _after_age_noun(doc, bound[1]):
            return None
    return cand.mention("age", unit="year")


def _before_age_phrase(doc, k: int, j: int) -> bool:
    """في العاشرة من عمره: a feminine ordinal (of the year it is in) at token k, ending
    before an age phrase (الفصل الثالث من العمر is no age)."""
    return (morphology.feminine_singular(morphology.strip_definite(doc.toks[k].text)[1])
            and doc.phrase_at(j, doc.lex.age_after) is not None)


def find_ordinal_ages(doc):
    """سن الخامسة عشرة، دون سن الخامسة: an age written as an ordinal after سن/عمر,
    with the bound written before that noun (قبل بلوغهم سن … is under the age); or
    before an age phrase (في العاشرة من عمره، أتم الخامسة والثلاثين من العمر)."""
    lex = doc.lex
    for k in doc.word_anchors:
        if doc.taken[k]:
            continue
        after_noun = _after_age_noun(doc, k)
        if not (after_noun or morphology.is_definite(doc.toks[k].text)):
            continue                                      # an age ordinal has the article
        hit = ordinal_at(doc, k)
        if hit is None or not hit[2] or not (after_noun or _before_age_phrase(doc, k, hit[1])):
            continue
        value, j, _, start = hit
        m = Mention("age", start, doc.toks[j - 1].end, value, unit="year")
        bound = doc.phrase_before(k - 1, lex.age_bounds, morphology.NO_ARTICLE)
        if bound is None:
            bound = qualifier_before(doc, k - 1)
        if bound is not None:
            m.qualifier, m.qualifier_span = bound[0], doc.span_of(bound[1], k - 1)
        yield m


FINDERS = (
    Finder("age.ordinal", Phase.SHAPES, find_ordinal_ages),
)
RULES = (
    Rule("age.unit", Phase.QUANTITIES, unit, unit_after="duration"),
    Rule("age.phrase", Phase.QUANTITIES, phrase),
    Rule("age.head", Phase.QUANTITIES, head),
)
