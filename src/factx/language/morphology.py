"""Arabic word structure from the one morphology table (`data/morphology.toml`).

A word may carry proclitics (و ف ب ل ك ال and their combinations) and, for
some words, pronoun suffixes. Every stage reads them off through this module:
`splits` gives every proclitic + stem reading of a word, `readings` only those
whose proclitic is made of allowed parts, and the ending tests (feminine,
nisba, sound plural, broken-plural templates) read the table's suffixes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..text.normalize import normalize_word as nw
from .tables import Int, LanguageDataError, ListOf, MapOf, OneOf, Phrase, Record, Word, load

#: the parts a proclitic is made of
WA, FA, PREPOSITION, KA, ARTICLE = "wa", "fa", "preposition", "ka", "article"
PARTS = (WA, FA, PREPOSITION, KA, ARTICLE)

#: the part sets use sites allow (a proclitic qualifies when its parts are a subset)
ANY = frozenset(PARTS)
#: what the first word of a number may carry: not ك "like" (كمية is no ك + مية)
NUMBER_FIRST = frozenset({WA, FA, PREPOSITION, ARTICLE})
NO_ARTICLE = frozenset({WA, FA, PREPOSITION})
CONJUNCTIONS = frozenset({WA, FA})
WA_ARTICLE = frozenset({WA, ARTICLE})
ARTICLE_ONLY = frozenset({ARTICLE})
NOTHING = frozenset()
WA_REQUIRED = frozenset({WA})

DECLARATION = Record(required={
    "proclitics": MapOf(Word(), ListOf(OneOf(*PARTS))),
    "detached": Record(required={
        "proclitics": ListOf(Word()),
        "min_stem": Int(1, 5),
        "min_stem_short": Int(1, 5),
        "short_stem_proclitics": ListOf(Word()),
        "word_starts": ListOf(Word()),
    }),
    "suffixes": Record(required={
        "pronoun": ListOf(Word()), "feminine": ListOf(Word()), "feminine_plural": ListOf(Word()),
        "nisba": ListOf(Word()),
        "sound_plural": ListOf(Word()),
        "dual_nominative": ListOf(Word()), "dual_oblique": ListOf(Word()),
        "feminine_dual_nominative": ListOf(Word()), "feminine_dual_oblique": ListOf(Word()),
        "feminine_dual_construct": ListOf(Word()),
        "accusative": ListOf(Word()),
    }),
    "patterns": Record(required={"root_slots": ListOf(Word()), "broken_plural": ListOf(Phrase())}),
})

def load_table(data_dir: str | None = None) -> dict:
    """The morphology table, validated (from `data_dir`, or the package's tables)."""
    return load("morphology.toml", DECLARATION, data_dir)


_T = load_table()


class Proclitic(NamedTuple):
    form: str                  # normalised
    parts: frozenset[str]

    @property
    def definite(self) -> bool:
        return ARTICLE in self.parts


#: every proclitic, longest first (so that وال is tried before و)
PROCLITICS: tuple[Proclitic, ...] = tuple(sorted(
    (Proclitic(nw(f), frozenset(parts)) for f, parts in _T["proclitics"].items()), key=lambda p: -len(p.form)))
_BY_FORM = {p.form: p for p in PROCLITICS}
#: the proclitics by their first letter, in the order of PROCLITICS (a word is tried only
#: against those it can start with: most words start with none)
_STARTING_WITH: dict[str, tuple[Proclitic, ...]] = {
    c: tuple(p for p in PROCLITICS if p.form[0] == c) for c in dict.fromkeys(p.form[0] for p in PROCLITICS)}
#: proclitics that may stand apart from the number they belong to (بـ 76، الـ 44)
DETACHED: frozenset[str] = frozenset(nw(w) for w in _T["detached"]["proclitics"])
_unknown = DETACHED - set(_BY_FORM)
if _unknown:
    raise LanguageDataError(f"morphology.toml: [detached] 'proclitics': {sorted(_unknown)} are not in [proclitics]")
#: the article as a proclitic of its own
ARTICLE_FORM: str = next(p.form for p in PROCLITICS if p.parts == {ARTICLE})
#: the conjunction و as a proclitic of its own
WA_FORM: str = next(p.form for p in PROCLITICS if p.parts == {WA})
#: the conjunction و written apart (مليون و 200 ألف)
DETACHED_WA: frozenset[str] = frozenset(w for w in DETACHED if _BY_FORM[w].parts == {WA})
_MIN_STEM = _T["detached"]["min_stem"]
_MIN_STEM_SHORT = _T["detached"]["min_stem_short"]
_SHORT_STEM = frozenset(nw(w) for w in _T["detached"]["short_stem_proclitics"])
#: word beginnings that look like proclitics but are letters of the word (بالغ)
_WORD_STARTS = tuple(nw(w) for w in _T["detached"]["word_starts"])
#: pronoun suffixes, longest first
PRONOUN_SUFFIXES: tuple[str, ...] = tuple(sorted((nw(s) for s in _T["suffixes"]["pronoun"]), key=len, reverse=True))
FEMININE_ENDINGS: tuple[str, ...] = tuple(nw(s) for s in _T["suffixes"]["feminine"])
FEMININE_PLURAL_ENDINGS: tuple[str, ...] = tuple(nw(s) for s in _T["suffixes"]["feminine_plural"])
NISBA_ENDINGS: tuple[str, ...] = tuple(nw(s) for s in _T["suffixes"]["nisba"])
SOUND_PLURAL_ENDINGS: tuple[str, ...] = tuple(nw(s) for s in _T["suffixes"]["sound_plural"])
#: dual endings by case: (nominative, oblique, construct), masculine and after ة
DUALS = tuple(tuple(nw(e) for e in _T["suffixes"][k]) for k in ("dual_nominative", "dual_oblique"))
FEMININE_DUALS = tuple(tuple(nw(e) for e in _T["suffixes"][k]) for k in (
    "feminine_dual_nominative", "feminine_dual_oblique", "feminine_dual_construct"))
#: every ending a dual noun can end in, in either case (the construct ones aside)
DUAL_ENDINGS: tuple[str, ...] = tuple(dict.fromkeys((*DUALS[0], *DUALS[1], *FEMININE_DUALS[0], *FEMININE_DUALS[1])))
#: the endings of an indefinite accusative (ثانياً → ثانيا)
ACCUSATIVE_ENDINGS: tuple[str, ...] = tuple(nw(s) for s in _T["suffixes"]["accusative"])
_ROOT_SLOTS = frozenset(nw(c) for c in _T["patterns"]["root_slots"])
BROKEN_PLURAL_TEMPLATES: tuple[str, ...] = tuple(nw(s) for s in _T["patterns"]["broken_plural"])
#: the long a before the ي of a noun in -اية (ولاية), which is no nisba
_LONG_A = nw("ا")
#: proclitics made of a preposition and the article (للجمعية، بالمدينة): they open a phrase
PREPOSITION_ARTICLES: frozenset[str] = frozenset(
    p.form for p in PROCLITICS if ARTICLE in p.parts and (PREPOSITION in p.parts or KA in p.parts))


class Split(NamedTuple):
    """A word split into proclitic prefix and stem."""

    prefix: str
    stem: str
    definite: bool


@lru_cache(maxsize=65536)
def splits(word: str) -> tuple[Split, ...]:
    """The word itself, then every proclitic + stem reading (longest prefix first).

    The stem keeps `min_stem` letters, or `min_stem_short` after the article
    or a short-stem proclitic (والست، وست; but لست is "I am not", not ل + ست).
    """
    out = [Split("", word, False)]
    for p in _STARTING_WITH.get(word[:1], ()):
        if word.startswith(p.form):
            rest = len(word) - len(p.form)
            if (rest >= _MIN_STEM or (rest >= _MIN_STEM_SHORT and (p.definite or p.form in _SHORT_STEM))) \
                    and not _cuts_word_start(word, len(p.form)):
                out.append(Split(p.form, word[len(p.form):], p.definite))
    return tuple(out)


def _cuts_word_start(word: str, cut: int) -> bool:
    """Does a proclitic ending at `cut` fall inside a word start of the table
    (بالغين is not بال + غين, البالغين is ال + بالغين)? The word start may follow
    a shorter proclitic of the word or nothing."""
    for start in _WORD_STARTS:
        if start not in word:                    # most words hold none: no proclitic look-up
            continue
        for k in (0, *(len(p.form) for p in PROCLITICS if len(p.form) < cut and word.startswith(p.form))):
            if k < cut < k + len(start) and word.startswith(start, k):
                return True
    return False


@lru_cache(maxsize=65536)
def readings(word: str, allowed: frozenset = ANY, required: frozenset = NOTHING) -> tuple[Split, ...]:
    """The readings of `splits` whose proclitic is made of `allowed` parts and holds the
    `required` ones (the bare word counts when nothing is required)."""
    out = []
    for sp in splits(word):
        parts = _BY_FORM[sp.prefix].parts if sp.prefix else NOTHING
        if parts <= allowed and required <= parts:
            out.append(sp)
    return tuple(out)


def parts_of(prefix: str) -> frozenset[str]:
    """The parts of a proclitic as read off by `splits` ("" has none)."""
    return _BY_FORM[prefix].parts if prefix else NOTHING


@lru_cache(maxsize=65536)
def clitic_stems(word: str, allowed: frozenset) -> tuple[str, ...]:
    """`word` without each proclitic made of `allowed` parts, longest first:
    وبنسبة → نسبة, بنسبة. The stem keeps two letters or more."""
    return tuple(word[len(p.form):] for p in _STARTING_WITH.get(word[:1], ())
                 if p.parts <= allowed and word.startswith(p.form) and len(word) - len(p.form) >= 2)


def strip_definite(word: str) -> tuple[int, str]:
    """Remove a proclitic group that holds the article (ال، وال، بال، لل …): (prefix length, rest)."""
    for s in splits(word)[1:]:
        if s.definite and len(s.stem) >= 2:
            return len(s.prefix), s.stem
    return 0, word


def is_definite(word: str) -> bool:
    """Does a reading of `word` carry the article?"""
    return any(sp.definite for sp in splits(word)[1:])


def dual_forms(singular: str, oblique: bool = True) -> dict[str, bool]:
    """The duals of a singular noun, each with whether it is a construct (which needs
    a genitive after it): طفل → طفلان، طفلين; جرعة → جرعتان، جرعتين، جرعتا، جرعتي.
    Without `oblique`, the ين form is left out (its sound plural ends the same)."""
    fem = next((e for e in FEMININE_ENDINGS if singular.endswith(e)), None)
    if fem:
        base = singular[: -len(fem)]
        nom, obl, construct = FEMININE_DUALS
        return {**{base + e: False for e in (*nom, *(obl if oblique else ()))}, **{base + e: True for e in construct}}
    nom, obl = DUALS
    return {singular + e: False for e in (*nom, *(obl if oblique else ()))}


def accusative_forms(stem: str) -> tuple[str, ...]:
    """The indefinite accusatives of a stem: ثاني → ثانيا (ثانياً, the ordinal adverb)."""
    return tuple(stem + e for e in ACCUSATIVE_ENDINGS)


def feminine_by_form(stem: str) -> bool:
    """حالة، إصابات: a feminine singular or plural ending."""
    return stem.endswith(FEMININE_ENDINGS) or stem.endswith(FEMININE_PLURAL_ENDINGS)


def feminine_singular(stem: str) -> bool:
    """حالة، الدورة: the feminine ending of a singular."""
    return stem.endswith(FEMININE_ENDINGS)


def nisba_like(stem: str) -> bool:
    """حدودي، عسكرية: a nisba adjective, which follows its noun (not a noun in -اية: ولاية،
    بداية، نهاية، رواية, whose ي follows a long a)."""
    for e in NISBA_ENDINGS:
        if stem.endswith(e):
            return not stem[:-len(e)].endswith(_LONG_A)
    return False


def sound_plural(stem: str) -> bool:
    """مدنيين، إصابات: a sound plural ending on a stem of two letters or more."""
    return any(stem.endswith(e) and len(stem) >= len(e) + 2 for e in SOUND_PLURAL_ENDINGS)


def broken_plural_shape(stem: str) -> bool:
    """أطفال، أشخاص: the stem fits a broken-plural template of the table."""
    return any(_fits(stem, t) for t in BROKEN_PLURAL_TEMPLATES)


def _fits(stem: str, template: str) -> bool:
    return len(stem) == len(template) and all(t in _ROOT_SLOTS or t == c for c, t in zip(stem, template))
