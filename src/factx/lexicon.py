"""The language tables of `data/*.toml`, loaded once and normalised for look-up.

Every surface form is passed through the same normalisation as running text
(`text.normalize.normalize_word`), so the tables can be written in ordinary
Arabic spelling and still match any hamza, ta marbuta or diacritic variant.
This module holds data only; the reading logic lives in `numerals` and `rules`.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from .text.normalize import normalize_word as nw


def _load(name: str) -> dict:
    """A table of `data/`, read through this package's loader (as `pkgutil.get_data`
    does: also from a zip), without `importlib.resources`, whose imports would
    add a tenth to the command's start-up."""
    path = os.path.join(os.path.dirname(__file__), "data", name)
    return tomllib.loads(__loader__.get_data(path).decode("utf-8"))


class Phrases(dict):
    """A phrase table (tuple of normalised words -> value) with its first and last
    words indexed, so that a look-up at a word that starts or ends no phrase
    costs one set test (most words of a text)."""

    def __init__(self, items=()):
        super().__init__(items)
        self.max_words = max(map(len, self), default=0)
        # a unit symbol glued to the word before it (كم²) is read as part of that word
        self.first = frozenset(w for k in self for w in (k[0], k[0].removesuffix("²")))
        self.last = frozenset(k[-1] for k in self)

    def lookup(self, words: tuple[str, ...], clitics: str = ""):
        """The value of `words`, also when their first word carries proclitics made
        of the letters `clitics` (وأكثر من، بنحو، وبنسبة); None when no phrase matches."""
        value = self.get(words)
        if value is None and words[0][:1] in clitics:
            for stem in clitic_stems(words[0], clitics):
                value = self.get((stem,) + words[1:])
                if value is not None:
                    break
        return value

    def starts_after_clitics(self, word: str, clitics: str) -> bool:
        """Does a phrase start with `word` once proclitics of `clitics` are read off?
        (Callers test ``word in self.first`` themselves first: most words end there.)"""
        return any(stem in self.first for stem in clitic_stems(word, clitics))

    def ends_after_clitics(self, word: str, clitics: str) -> bool:
        """Is `word`, once proclitics of `clitics` are read off, a one-word phrase's last word?"""
        return any(stem in self.last for stem in clitic_stems(word, clitics))


@lru_cache(maxsize=65536)
def clitic_stems(word: str, clitics: str) -> tuple[str, ...]:
    """`word` without each proclitic of the morphology table (`PROCLITICS`, longest
    first) that has no article and is made of letters of `clitics`: وبنسبة → نسبة
    with "وب", بنسبة with "و". The stem keeps two letters or more."""
    letters = set(clitics)
    return tuple(word[len(p):] for p, definite in PROCLITICS
                 if not definite and word.startswith(p) and len(word) - len(p) >= 2 and set(p) <= letters)


def _phrase(s: str) -> tuple[str, ...]:
    """A phrase as a tuple of normalised words (tatweel-marked clitics like بـ lose the tatweel)."""
    return tuple(nw(w) for w in s.split())


# --- numbers ------------------------------------------------------------------
_N = _load("numbers.toml")

UNITS: dict[str, tuple[int, str]] = {nw(k): (v["value"], v["gender"]) for k, v in _N["units"].items()}
TEEN_UNITS: dict[str, int] = {nw(k): v for k, v in _N["teen_units"].items()}
TEEN_TENS: frozenset[str] = frozenset(nw(w) for w in _N["markers"]["teen_tens"])
TENS: dict[str, int] = {nw(k): v for k, v in _N["tens"].items()}
HUNDREDS: dict[str, int] = {nw(k): v for k, v in _N["hundreds"].items()}
HUNDRED_WORDS: frozenset[str] = frozenset(nw(w) for w in _N["markers"]["hundred_words"])
SCALES: dict[str, tuple[int, str]] = {nw(k): (v["value"], v["number"]) for k, v in _N["scales"].items()}
FRACTIONS: dict[str, Fraction] = {nw(k): Fraction(*v) for k, v in _N["fractions"].items()}
FRACTION_PLURALS: dict[str, Fraction] = {nw(k): Fraction(*v) for k, v in _N["fraction_plurals"].items()}
GROUP_FRACTIONS: dict[str, Fraction] = {nw(k): Fraction(*v) for k, v in _N["group_fractions"].items()}
VAGUE: dict[str, tuple[int, int]] = {nw(k): tuple(v) for k, v in _N["vague"].items()}
NAYYIF: frozenset[str] = frozenset(nw(w) for w in _N["markers"]["nayyif"])
ORDINALS: dict[str, int] = {nw(k): v for k, v in _N["ordinals"].items()}

#: every word that can start or continue a cardinal number
NUMBER_WORDS: frozenset[str] = frozenset(
    [*UNITS, *TEEN_UNITS, *TENS, *HUNDREDS, *SCALES, *FRACTIONS, *FRACTION_PLURALS, *VAGUE, *NAYYIF])


# --- units --------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Unit:
    """One reading of a unit word: canonical code, fact kind, and whether it is a dual."""

    code: str
    kind: str
    dual: bool = False
    adjectives: tuple[tuple[str, str], ...] = ()


_U = _load("units.toml")["unit"]
UNIT_CODES: frozenset[str] = frozenset(u["code"] for u in _U)
#: phrase (tuple of normalised words) -> Unit; the longest phrase wins at match time
_unit_phrases: dict[tuple[str, ...], Unit] = {}
UNIT_SYMBOLS: dict[str, Unit] = {}
#: plural unit words (أيام، دولارات): what agreement needs to know about units
UNIT_PLURALS: frozenset[tuple[str, ...]] = frozenset(_phrase(f) for _u in _U for f in _u.get("plural", []))
for _u in _U:
    _adj = tuple((nw(k), v) for k, v in _u.get("adjectives", {}).items())
    for _f in [*_u["forms"], *_u.get("plural", [])]:
        _unit_phrases.setdefault(_phrase(_f), Unit(_u["code"], _u["kind"], False, _adj))
    for _f in _u.get("dual", []):
        _unit_phrases.setdefault(_phrase(_f), Unit(_u["code"], _u["kind"], True, _adj))
    for _s in _u.get("symbols", []):
        UNIT_SYMBOLS[_s] = Unit(_u["code"], _u["kind"], False, _adj)
UNIT_PHRASES: Phrases = Phrases(_unit_phrases)
UNIT_MAX_WORDS = UNIT_PHRASES.max_words


# --- calendar -----------------------------------------------------------------
_C = _load("calendar.toml")
#: month phrase -> (month number, calendar)
MONTHS: dict[tuple[str, ...], tuple[int, str]] = {}
for _cal in ("gregorian", "hijri"):
    for _m, _names in _C[_cal].items():
        for _name in _names:
            MONTHS.setdefault(_phrase(_name), (int(_m), _cal))
AMBIGUOUS_MONTHS: frozenset[tuple[str, ...]] = frozenset(_phrase(w) for w in _C["markers"]["ambiguous"])
GREGORIAN_YEAR_SUFFIX: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["gregorian_year_suffix"])
HIJRI_YEAR_SUFFIX: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["hijri_year_suffix"])
YEAR_CUES: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["year_cues"])
YEAR_NOUNS: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["year_nouns"])
MONTH_YEAR_LINKS: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["month_year_links"])
DAY_WORDS: dict[str, int] = {nw(k): v for k, v in _C["markers"]["day_words"].items()}
DAY_SPAN_LINKS: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["day_span_links"])
RELATIVE_DAYS: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["relative_days"])
HOUR_CUES: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["hour_cues"])
DAY_PARTS: Phrases = Phrases((_phrase(k), v) for k, v in _C["markers"]["day_parts"].items())
MINUTE_WORDS: dict[str, int] = {nw(k): v for k, v in _C["markers"]["minute_words"].items()}
WEEKDAYS: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["weekdays"])
WEEKDAY_CUES: frozenset[str] = frozenset(nw(w) for w in _C["markers"]["weekday_cues"])


# --- qualifiers ---------------------------------------------------------------
_Q = _load("qualifiers.toml")
#: phrase -> qualifier, for phrases written before / after the number
QUALIFIERS_BEFORE: Phrases = Phrases((_phrase(p), q) for q, ps in _Q["before"].items() for p in ps)
QUALIFIERS_AFTER: Phrases = Phrases((_phrase(p), q) for q, ps in _Q["after"].items() for p in ps)
QUALIFIER_MAX_WORDS = max(len(p) for p in [*QUALIFIERS_BEFORE, *QUALIFIERS_AFTER])
#: range-opening phrase -> the words that close it (بين … و، من … إلى)
RANGE_OPEN: Phrases = Phrases(
    (_phrase(k), frozenset(nw(w) for w in v)) for k, v in _Q["range"]["close"].items())
RANGE_BARE: frozenset[str] = frozenset(nw(w) for w in _Q["range"]["bare"])
RANGE_BARE_STRICT: frozenset[str] = frozenset(nw(w) for w in _Q["range"]["bare_strict"])


# --- cues ---------------------------------------------------------------------
_K = _load("cues.toml")
ID_HEADS: frozenset[str] = frozenset(nw(w) for w in _K["identifier"]["heads"])
ID_MAX_GAP: int = _K["identifier"]["max_gap"]
ID_SERIES: frozenset[str] = frozenset(nw(w) for w in _K["identifier"]["series"])
PERCENT_CUES: Phrases = Phrases((_phrase(w), True) for w in _K["percent"]["cues"])
AGE_CUES: frozenset[str] = frozenset(nw(w) for w in _K["age"]["cues"])
AGE_AFTER: Phrases = Phrases((_phrase(w), True) for w in _K["age"]["after"])
NOT_NOUNS: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["not_nouns"])
DEMONSTRATIVES: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["demonstratives"])
ADVERBS: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["adverbs"])
FEMININE_NOUNS: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["feminine"])
RANKED_NOUNS: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["ranked"])
PARTITIVE: frozenset[str] = frozenset(nw(w) for w in _K["entity"]["partitive"])

# --- morphology ----------------------------------------------------------------
_M = _K["morphology"]
#: proclitics that may be glued to a word, longest first, with whether they carry ال
PROCLITICS: tuple[tuple[str, bool], ...] = tuple(sorted(
    ((nw(p), "ال" in p or p.endswith("لل")) for p in _M["proclitics"]), key=lambda p: -len(p[0])))
#: proclitics that glue a preposition to the article (للجمعية، بالمدينة): they open a phrase
PREPOSITION_ARTICLES: frozenset[str] = frozenset(
    p for p, definite in PROCLITICS if definite and any(c in p.replace("ال", "", 1) for c in "بلك"))
#: pronoun suffixes a fraction takes (نصفهم، ثلثاهم), longest first
PRONOUN_SUFFIXES: tuple[str, ...] = tuple(sorted((nw(s) for s in _M["pronoun_suffixes"]), key=len, reverse=True))
