"""Predicate families (`data/predicates.toml`): which verb or verbal noun says what
happened to a quantity, and which words of different sources say the same.

Every word form of the table (verbs conjugated by the table's affixes, verbal
nouns, phrases) maps to one `Entry`: its family id (`ANY` for reporting and
copular words, which match every predicate), whether it is a verb form (a
verb is never a counted noun), and the direction of change it states.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from . import lemmas
from .language.morphology import splits
from .language.tables import Bool, ListOf, MapOf, OneOf, Phrase, Record, Str, Where, Word, load
from .record import CHANGES
from .text.normalize import normalize_word as nw

#: the family id of reporting and copular words (بلغ، وصل، سجل، البالغ عددهم)
ANY = "any"

def _affixes(value, where) -> None:
    """A list of affixes: strings, the empty one included (no affix)."""
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        raise where.error(f"expected a list of strings, got {value!r}")
    if len(set(value)) != len(value):
        raise where.error("an affix is listed twice")


_GROUP = Record(optional={"verbs": ListOf(Phrase()), "forms": ListOf(Word()), "nouns": ListOf(Phrase()),
                          "phrases": ListOf(Phrase()), "change": OneOf(*CHANGES), "yields_to_noun": Bool()})
DECLARATION = Record(required={
    "conjugation": Record(required={"past_suffixes": _affixes, "present_prefixes": _affixes,
                                    "present_suffixes": _affixes}),
    "any": _GROUP,
    "family": MapOf(Str(), _GROUP),
    "change": Record(required={"level_markers": ListOf(Word())}),
})
_NAME = "predicates.toml"
_T = load(_NAME, DECLARATION)
_WHERE = Where((_NAME,))


class Entry(NamedTuple):
    """What one word form (or phrase) of the table is."""

    family: str            # a family id, or ANY
    verb: bool             # a verb form: never a counted noun
    change: str | None     # "increase" / "decrease" for verbs of change


#: normalised word -> Entry; phrase (tuple of normalised words) -> Entry
WORDS: dict[str, Entry] = {}
PHRASES: dict[tuple[str, ...], Entry] = {}
#: the first words of PHRASES, and the longest phrase
_PHRASE_FIRST: frozenset[str]
PHRASE_MAX_WORDS: int
#: family id -> its change direction (None for most)
FAMILIES: dict[str, str | None] = {}
#: families that a status noun overrides (سقوط 10 قتلى is about killing)
YIELDING: set[str] = set()
LEVEL_MARKERS: frozenset[str] = frozenset(nw(w) for w in _T["change"]["level_markers"])

_C = {k: [nw(x) for x in v] for k, v in _T["conjugation"].items()}
#: a past ending in a long vowel (نما، تدنى) drops it before a suffix opening with these
_DEFECTIVE = ("ا", "ى")
_WEAK_DROPPING = ("ت", "و")


def _conjugate(pair: str, key: str) -> list[str]:
    """Every form of a "PAST PRESENT" verb entry (a lone PAST has no present)."""
    parts = [nw(p) for p in pair.split()]
    if not 1 <= len(parts) <= 2:
        raise (_WHERE / key).error(f"{pair!r} is not 'PAST PRESENT'")
    past = parts[0]
    out = [past + s for s in _C["past_suffixes"]]
    if pair.split()[0].endswith(_DEFECTIVE):         # نما → نمت، نموا; تدنى → تدنت
        out += [past[:-1] + s for s in _C["past_suffixes"] if s.startswith(_WEAK_DROPPING)]
    if len(parts) == 2:
        present = parts[1]
        prefix = next((p for p in sorted(_C["present_prefixes"], key=len, reverse=True)
                       if present.startswith(p)), None)
        if prefix is None:
            raise (_WHERE / key).error(f"{parts[1]!r} does not start with a present prefix")
        stem = present[len(prefix):]
        out += [p + stem + s for p in _C["present_prefixes"] for s in _C["present_suffixes"]]
    return out


def _add_word(w: str, entry: Entry, key: str) -> None:
    old = WORDS.get(w)
    if old is not None and old.family != entry.family:
        raise (_WHERE / key).error(f"{w!r} is already in family {old.family!r}")
    if old is None or (entry.verb and not old.verb):
        WORDS[w] = entry


def _add_group(family: str, group: dict, key: str) -> None:
    change = group.get("change")
    FAMILIES[family] = change
    if group.get("yields_to_noun"):
        YIELDING.add(family)
    verb, noun = Entry(family, True, change), Entry(family, False, change)
    for pair in group.get("verbs", []):
        for form in _conjugate(pair, f"{key}.verbs"):
            _add_word(form, verb, f"{key}.verbs")
    for form in group.get("forms", []):
        _add_word(nw(form), verb, f"{key}.forms")
    for field in ("nouns", "phrases"):
        for item in group.get(field, []):
            words = tuple(nw(w) for w in item.split())
            if len(words) > 1:
                PHRASES[words] = verb if field == "phrases" else noun
            elif field == "nouns":
                _add_word(words[0], noun, f"{key}.nouns")
            else:
                raise (_WHERE / key / "phrases").error(f"{item!r} is one word (put it in forms)")


_add_group(ANY, _T["any"], "any")
for _fam, _group in _T["family"].items():
    if _fam == ANY:
        raise (_WHERE / "family" / _fam).error(f"{ANY!r} is the reporting group, not a family")
    _add_group(_fam, _group, f"family.{_fam}")
_PHRASE_FIRST = frozenset(p[0] for p in PHRASES)
PHRASE_MAX_WORDS = max(map(len, PHRASES), default=1)

for _base, _fam in lemmas.STATUS.items():
    if _fam not in FAMILIES or _fam == ANY:
        raise Where(("lemmas.toml", "status", _base)).error(f"{_fam!r} is not a family of {_NAME}")


@lru_cache(maxsize=65536)
def word_entry(word: str) -> tuple[Entry, int] | None:
    """The table entry of a word of running text, read with or without its
    proclitics (وقتل، بسقوط، لتصل): (entry, length of the proclitic), or None."""
    for sp in splits(word):
        hit = WORDS.get(sp.stem)
        if hit is not None:
            return hit, len(sp.prefix)
    return None


def starts_phrase(word: str) -> bool:
    """Could a phrase of the table start with this word (or this word without و/ف)?"""
    return any(sp.stem in _PHRASE_FIRST for sp in splits(word))


def phrase_entry(words: tuple[str, ...]) -> tuple[Entry, int, int] | None:
    """The longest phrase of the table at the start of `words` (its first word may
    carry proclitics): (entry, proclitic length, number of words), or None."""
    for sp in splits(words[0]):
        for n in range(min(len(words), PHRASE_MAX_WORDS), 1, -1):
            hit = PHRASES.get((sp.stem,) + words[1:n])
            if hit is not None:
                return hit, len(sp.prefix), n
    return None


def is_verb(word: str) -> bool:
    """Is this word (with its proclitics) a verb form of the table?"""
    hit = word_entry(word)
    return hit is not None and hit[0].verb


@lru_cache(maxsize=4096)
def family_of(predicate: str | None) -> str | None:
    """The family id of a predicate as a record writes it (ANY for reporting words;
    an unknown predicate is a family of its own, named by its normalised spelling)."""
    if not predicate:
        return None
    words = tuple(nw(w) for w in predicate.split())
    if len(words) > 1:
        hit = phrase_entry(words)
        if hit is not None:
            return hit[0].family
    hit = word_entry(words[0])
    return hit[0].family if hit is not None else " ".join(words)
