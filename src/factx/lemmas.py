"""Base forms of counted nouns (SPEC §5.5 `entity_norm`) and what they count.

`lemma` turns a counted noun as written (مدنياً، المدنيين، أطفال، قتلى) into
its singular base form in factx's normalised spelling (مدني، طفل، قتيل):
first the overrides of `data/lemmas.toml` (broken plurals, the nouns of news),
then its broken-plural patterns, then the sound endings (tanween, plurals,
duals). Own tables rather than a morphological analyser: `qalsadi` was
measured and is both slower (1-6 ms a word against microseconds) and wrong on
the broken plurals that matter (قتلى، أطفال، أشخاص); see docs/claims.md.

`entity_class` says which base forms count the same thing (شخص، مدني، نسمة are
all people), and `status_family` which ones say what happened to the people
counted (قتيل → the predicate family "kill").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .language.morphology import splits, strip_definite
from .language.tables import Int, ListOf, MapOf, Record, Str, Where, Word, load
from .text.normalize import normalize_word as nw

_ENDINGS = ListOf(Str())
DECLARATION = Record(required={
    "rules": Record(required={
        "tanween": Str(), "tanween_min_stem": Int(1, 9), "nisba_plurals": _ENDINGS, "nisba_singular": Str(),
        "masculine_plurals": _ENDINGS, "masculine_min_stem": Int(1, 9), "feminine_plural": Str(),
        "feminine_singular": Str(), "feminine_min_stem": Int(1, 9), "masculine_verbal_noun_starts": _ENDINGS,
        "masculine_verbal_noun_min_stem": Int(1, 9), "duals": _ENDINGS, "feminine_duals": _ENDINGS,
        "dual_min_stem": Int(1, 9), "pronoun_suffixes": _ENDINGS,
    }),
    "patterns": MapOf(Str(), Str()),
    "lemmas": MapOf(Word(), Word()),
    "classes": MapOf(Str(), ListOf(Word())),
    "status": MapOf(Word(), Str()),
})
_NAME = "lemmas.toml"
_T = load(_NAME, DECLARATION)
_WHERE = Where((_NAME,))
_R = {k: ([nw(x) for x in v] if isinstance(v, list) else nw(v) if isinstance(v, str) else v)
      for k, v in _T["rules"].items()}


def _longest_first(xs: list[str]) -> tuple[str, ...]:
    return tuple(sorted(xs, key=len, reverse=True))


_NISBA = _longest_first(_R["nisba_plurals"])
_MASC = _longest_first(_R["masculine_plurals"])
_DUALS = _longest_first(_R["duals"])
_FEM_DUALS = _longest_first(_R["feminine_duals"])
_PRONOUNS = _longest_first(_R["pronoun_suffixes"])
_VN_STARTS = _longest_first(_R["masculine_verbal_noun_starts"])

#: surface form -> base form (both normalised)
OVERRIDES: dict[str, str] = {nw(k): nw(v) for k, v in _T["lemmas"].items()}


def _pattern(key: str, value: str) -> tuple[re.Pattern, str]:
    """A broken-plural pattern: "اCCاC" → "123" as a regex and its replacement."""
    where = _WHERE / "patterns" / key
    if not re.fullmatch(r"[C\u0621-\u064a]+", key) or "C" not in key:
        raise where.error("a pattern is Arabic letters and C")
    slots = key.count("C")
    if any(c.isdigit() and not 1 <= int(c) <= slots for c in value):
        raise where.error(f"its digits must name one of its {slots} C's")
    rx = re.compile("".join("(.)" if c == "C" else re.escape(c) for c in nw(key)))
    return rx, "".join(f"\\{c}" if c.isdigit() else c for c in nw(value))


_PATTERNS = tuple(_pattern(k, v) for k, v in _T["patterns"].items())

#: base form -> class name, and class name -> the base form that names it
_CLASS_OF: dict[str, str] = {}
CLASS_HEADS: dict[str, str] = {}
for _cls, _members in _T["classes"].items():
    if not _members:
        raise (_WHERE / "classes" / _cls).error("a class needs members")
    CLASS_HEADS[_cls] = nw(_members[0])
    for _m in _members:
        if nw(_m) in _CLASS_OF:
            raise (_WHERE / "classes" / _cls).error(f"{_m!r} is already in class {_CLASS_OF[nw(_m)]!r}")
        _CLASS_OF[nw(_m)] = _cls

#: base form -> predicate family it implies (checked against predicates.toml there)
STATUS: dict[str, str] = {nw(k): v for k, v in _T["status"].items()}

#: every base form the tables name: a noun factx knows
KNOWN_NOUNS: frozenset[str] = frozenset([*OVERRIDES, *OVERRIDES.values(), *_CLASS_OF, *STATUS])


@lru_cache(maxsize=65536)
def lemma(word: str, dual: bool = False) -> str:
    """The base form of the noun `word` (normalised spelling); `dual` when the word
    itself carries the number two (طفلين → طفل), where ين/ان are dual endings."""
    w = nw(word)
    for sp in splits(w):
        if sp.stem in OVERRIDES:
            return OVERRIDES[sp.stem]
    w = strip_definite(w)[1]
    for suf in _PRONOUNS:
        if w.endswith(suf) and w[:-len(suf)] in OVERRIDES:
            return OVERRIDES[w[:-len(suf)]]
    hit = _by_pattern(w)
    if hit is not None:
        return hit
    t = _R["tanween"]
    if w.endswith(t) and len(w) - len(t) >= _R["tanween_min_stem"]:
        w = w[:-len(t)]
        if w in OVERRIDES:
            return OVERRIDES[w]
        hit = _by_pattern(w)
        if hit is not None:
            return hit
    return _sound_singular(w, dual)


def _by_pattern(w: str) -> str | None:
    for rx, repl in _PATTERNS:
        if rx.fullmatch(w):
            return rx.sub(repl, w)
    return None


def _sound_singular(w: str, dual: bool) -> str:
    fem = _R["feminine_singular"]
    if dual:
        for suf in _FEM_DUALS:
            if w.endswith(suf) and len(w) - len(suf) >= _R["dual_min_stem"] - 1:
                return w[:-len(suf)] + fem
        for suf in _DUALS:
            if w.endswith(suf) and len(w) - len(suf) >= _R["dual_min_stem"]:
                return w[:-len(suf)]
    for suf in _NISBA:
        if w.endswith(suf) and len(w) - len(suf) >= 2:
            return w[:-len(suf)] + _R["nisba_singular"]
    for suf in _MASC:
        if w.endswith(suf) and len(w) - len(suf) >= _R["masculine_min_stem"]:
            return w[:-len(suf)]
    suf = _R["feminine_plural"]
    if w.endswith(suf) and len(w) - len(suf) >= _R["feminine_min_stem"]:
        stem = w[:-len(suf)]
        if len(stem) >= _R["masculine_verbal_noun_min_stem"] and stem.startswith(_VN_STARTS):
            return stem
        return stem + fem
    return w


def nisba_ending() -> str:
    """The ending of nisba nouns (مدني، يمني)."""
    return _R["nisba_singular"]


def entity_class(base: str | None) -> str | None:
    """The class of a base form (shared by the nouns that count the same thing),
    or the base form itself when it has none; None for None."""
    if base is None:
        return None
    base = nw(base)
    return _CLASS_OF.get(base, base)


def class_head(cls: str) -> str:
    """The base form that names a class (the class of a lone noun is the noun)."""
    return CLASS_HEADS.get(cls, cls)


def status_family(base: str | None) -> str | None:
    """The predicate family a base form says happened to what it counts (قتيل → kill)."""
    return None if base is None else STATUS.get(nw(base))
