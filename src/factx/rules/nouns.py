"""The counted noun: where Arabic puts it and what it can be.

The noun (tamyiz) follows the number (39 هجوما، ثلاثة ملايين من السكان), or
precedes it when the number is an adjective (مركز حدودي واحد، الدول الثلاث).
These helpers find it; agreement (gender, number) tells a head from the
adjectives around it.
"""

from __future__ import annotations

from functools import lru_cache

from .. import lemmas
from ..language import morphology
from ..numerals.words import classify
from ..text.document import Document
from ..text.tokens import DIGITS, WORD


@lru_cache(maxsize=65536)
def noun_like(lex, w: str | None) -> bool:
    """Could this word be a counted noun? (not a particle, number, month or qualifier word)."""
    return _noun_shape(lex, w) and not _opens_comparison(lex, w)


@lru_cache(maxsize=65536)
def _noun_shape(lex, w: str | None) -> bool:
    """noun_like without the qualifier check, which needs the words after `w`."""
    if w is None or len(w) < 2 or w in lex.not_nouns:
        return False
    for sp in morphology.splits(w):
        if classify(lex, sp.stem) is not None or sp.stem in lex.ordinals or _particle(lex, sp):
            return False
    return not ((w,) in lex.months or w in lex.weekdays)


def _particle(lex, sp) -> bool:
    """A word of `not_nouns` after و/ف (وفيه، وعنده) or with a pronoun suffix (لديهم، معها):
    no counted noun (ثلاثة وعندهم سيارة, متين وعنده بيت). A final ه counts only after و/ف:
    alone it may be a normalised ة (مقابلة, not مقابل + ه)."""
    if sp.prefix and not morphology.parts_of(sp.prefix) <= morphology.CONJUNCTIONS:
        return False
    stem = sp.stem
    return (bool(sp.prefix) and stem in lex.not_nouns) or any(
        stem.endswith(s) and stem[:-len(s)] in lex.not_nouns
        for s in morphology.PRONOUN_SUFFIXES if sp.prefix or s != _HA)


@lru_cache(maxsize=65536)
def _opens_comparison(lex, w: str) -> bool:
    """أكبر من 100 وأصغر من 300: a word that opens a qualifier (with و/ف glued) is no noun."""
    for stem in (w, *morphology.clitic_stems(w, morphology.CONJUNCTIONS)):
        if stem in lex.qualifiers_before.first or stem in lex.comparison_verbs or stem in lex.verb_negations:
            return True
    return False


def noun_span(doc: Document, k: int) -> tuple[int, int]:
    """Span of the word at token k without its ال-proclitics (المدنيين → مدنيين), or
    without و/ب/ل before a noun the tables know (وبسيارة واحدة → سيارة، لهجوم واحد → هجوم)."""
    t = doc.toks[k]
    p, _ = morphology.strip_definite(t.text)
    return t.start + (p or _proclitic_length(doc.lex, t.text)), t.end


@lru_cache(maxsize=65536)
def _proclitic_length(lex, w: str) -> int:
    """The proclitics before a noun the tables know (a dual noun, a unit, a lemma), when
    the whole word is none they know: وزير keeps its و, وحدة (no known حدة) too."""
    if _known_noun(lex, w):
        return 0
    for sp in morphology.splits(w)[1:]:
        if not sp.definite and len(sp.stem) >= _MIN_STEM and _known_noun(lex, sp.stem):
            return len(sp.prefix)
    return 0


def _known_noun(lex, w: str) -> bool:
    return w in lex.counted_singulars or (w,) in lex.unit_phrases or lemmas.lemma(w) in lemmas.KNOWN_NOUNS


#: the fewest letters a noun keeps once a proclitic is read off
_MIN_STEM = 3


def entity_after(doc: Document, j: int) -> tuple[int, int] | None:
    """The counted noun after a number: 39 هجوما، ثلاثة ملايين من السكان."""
    w = doc.word(j)
    if w in doc.lex.partitive:
        j += 1
        w = doc.word(j)
    if w is None or not _noun_shape(doc.lex, w) or doc.taken[j] or prepositional(w):
        return None
    if _opens_comparison(doc.lex, w) and _comparison_at(doc, j):
        return None
    if j + 1 < doc.n and doc.toks[j + 1].kind == DIGITS and conjoined(w):
        return None                                   # مقابل 45 ورفض 12: the noun of the next number
    return noun_span(doc, j)


@lru_cache(maxsize=65536)
def conjoined(w: str) -> bool:
    """Can `w` be read as و glued to a word (ورفض، وامتناع), and is it no noun the tables
    know whose own first letter is و (وفاة، ولد)? No counted noun carries و."""
    return bool(morphology.readings(w, morphology.CONJUNCTIONS, morphology.WA_REQUIRED)) \
        and lemmas.lemma(w) not in lemmas.KNOWN_NOUNS


def _comparison_at(doc: Document, j: int) -> bool:
    """Does a qualifier phrase or a comparison verb really start at token j? (وحدة is
    a noun though وحده الأدنى would open one; وأصغر من 300 does.)"""
    lex = doc.lex
    if doc.phrase_at(j, lex.qualifiers_before, morphology.CONJUNCTIONS) is not None:
        return True
    w = doc.word(j)
    return any(stem in lex.comparison_verbs or stem in lex.verb_negations
               for stem in (w, *morphology.clitic_stems(w, morphology.CONJUNCTIONS)))


@lru_cache(maxsize=65536)
def prepositional(w: str) -> bool:
    """للجمعية، بالمدينة: a preposition glued to a definite noun starts a phrase, not a tamyiz."""
    return any(sp.prefix in morphology.PREPOSITION_ARTICLES for sp in morphology.splits(w)[1:])


@lru_cache(maxsize=65536)
def is_feminine(lex, w: str) -> bool:
    """Feminine by form (ة، ات، ى) or by lexicon (حرب، أرض)."""
    stem = morphology.strip_definite(w)[1]
    return morphology.feminine_by_form(stem) or stem in lex.feminine_nouns or looks_plural(lex, w)


@lru_cache(maxsize=65536)
def looks_plural(lex, w: str) -> bool:
    """Sound plurals, plural unit words, the broken-plural templates of the morphology
    table and the broken plurals of the lemma table (الدول → دولة)."""
    stem = morphology.strip_definite(w)[1]
    return morphology.sound_plural(stem) or (stem,) in lex.unit_plurals or morphology.broken_plural_shape(stem) \
        or lemmas.OVERRIDES.get(stem, stem) != stem


def head_before(doc: Document, i: int, definite_only: bool, gender: str | None = None) -> int | None:
    """Token index of the noun a following adjective-number qualifies.

    Walks back over agreeing adjectives: for a definite number, over the run
    of definite words (الدورية المنسقة المستقلة الـ 44 → الدورية); otherwise
    over nisba adjectives (مركز حدودي واحد → مركز). With a `gender` ("m"/"f"),
    the run stops at a word that does not agree with it, since adjectives
    agree with their noun (احتل المنتخب المرتبة الأولى → المرتبة). A definite run
    starts at a word with و or a preposition glued (فاز بالكأس للمرة الثالثة → المرة).
    """
    lex = doc.lex
    k = i - 1
    if doc.tok_text(k) in morphology.DETACHED and doc.toks[k].kind == WORD:
        k -= 1
    head = None
    steps = 0
    while k >= 0 and steps < 4 and doc.toks[k].kind == WORD and not doc.taken[k]:
        w = doc.toks[k].text
        if not noun_like(lex, w) or morphology.strip_definite(w)[1] in lex.adverbs or w in lex.adverbs:
            break
        if definite_only:
            owned = steps == 0 and bool(possessed(doc, k))   # فوزه العاشر: definite by its pronoun
            if not (owned or morphology.is_definite(w)):
                break
            if gender is not None and not owned and is_feminine(lex, w) != (gender == "f"):
                break                               # (the ه of a pronoun is no feminine ending)
            head = k
            if owned or prepositional(w) or morphology.readings(w, morphology.ANY, morphology.WA_REQUIRED):
                break                               # فوزه، وال…، بال…، لل…: the phrase starts there
        else:
            head = k
            if not morphology.nisba_like(morphology.strip_definite(w)[1]):
                break
        k -= 1
        steps += 1
    return head


def possessed(doc: Document, k: int) -> int:
    """The length of the possessive pronoun of the noun at token k (فوزه، هدفه، مباراتها،
    لقبهم), which is definite as a noun with the article is (فوزه العاشر); 0 for none. A
    final ه counts only as written in the original text, not as the ة normalisation turns
    into ه."""
    t = doc.toks[k]
    cut = pronoun_suffix(t.text)
    if cut == len(_HA) and t.text.endswith(_HA) and doc.text[doc.nt.orig_index(t.end - 1)] != _HA:
        return 0
    return cut


@lru_cache(maxsize=65536)
def pronoun_suffix(w: str) -> int:
    """The length of the pronoun suffix `w` may end in (لقبهم → 2، فوزه → 1), after a stem
    of `_POSSESSED_STEM` letters or more; 0 for none. A final ه may be a normalised ة:
    `possessed` tells them apart in the document."""
    for suffix in morphology.PRONOUN_SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= _POSSESSED_STEM:
            return len(suffix)
    return 0


def head_span(doc: Document, k: int) -> tuple[int, int]:
    """`noun_span` of a head noun, without its possessive pronoun (هدفه → هدف); a stem
    whose ة became ت before the pronoun (مباراته) keeps the whole word."""
    start, end = noun_span(doc, k)
    cut = possessed(doc, k)
    if cut and doc.norm[end - cut - 1] != _TA:
        end -= cut
    return start, end


#: the pronoun suffix ه, which ة also becomes in the normalised text, and the ت that ة
#: becomes before a pronoun
_HA, _TA = "ه", "ت"
#: the fewest letters of a noun before a possessive suffix (لقب|ه)
_POSSESSED_STEM = 3


def definite_number(doc: Document, cand) -> bool:
    """Is the number written with the article, glued (الثلاثة) or apart (الـ 44)?"""
    if cand.first.definite:
        return True
    prev = doc.tok_text(cand.i - 1)
    return prev in morphology.DETACHED and morphology.ARTICLE in morphology.parts_of(prev) \
        and doc.toks[cand.i - 1].kind == WORD


def counted_noun_at(doc: Document, j: int, plural_only: bool) -> bool:
    """Is the word at token j a counted noun of the number before it: a noun, free, with
    no article (الصادر) and no nisba ending (عالمياً); a plural (لاعبين، مرات), or, unless
    `plural_only`, any other noun without a preposition (مريض, not بفارق، برصيد)? (من
    after the number opens a complement: المادة 7 من قانون العمل.)"""
    w = doc.word(j)
    if w is None or doc.taken[j] or not noun_like(doc.lex, w) or morphology.is_definite(w) \
            or morphology.nisba_like(w):
        return False
    if looks_plural(doc.lex, w):
        return True
    return not plural_only and not any(morphology.PREPOSITION in morphology.parts_of(sp.prefix)
                                       for sp in morphology.splits(w)[1:])
