"""The unit table (`data/units.toml`) and the regions (`data/regions.toml`), checked
and turned into look-up tables.

`build` reads both into a `UnitTable`: every spelling of a unit (a word, an
abbreviation, a symbol, a Latin ISO code) keyed as the tokens of its normalised
form, each with the `Unit` it reads as; the adjectives that refine a currency
word (دينار كويتي); the cue phrases that give a bare number a unit (العظمى 24);
and the context words (countries, their adjectives, what a unit measures) that
choose among the readings of an ambiguous word. `language.lexicon` wraps the
tables for phrase look-up; `rules.units` and `rules.unit_context` read them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction

from ..text.normalize import normalize_word as nw
from . import morphology
from .tables import Bool, Int, LanguageDataError, ListOf, MapOf, OneOf, Phrase, Ratio, Record, Str, Word

#: the fact kinds a unit can give a number (a closed list of the record)
UNIT_KINDS = ("percent", "money", "measure", "duration")
#: the reading of an ambiguous word marked `unitless` that the [unitless] cues choose:
#: a measure with no unit of the table (بقوة 7.8 درجات after زلزال: a magnitude)
UNITLESS = ""

_UNIT_WORDS = {"plural": ListOf(Phrase()), "dual": ListOf(Word()), "adjectives": MapOf(Phrase(), Str())}
UNITS = Record(required={"unit": ListOf(Record(
    required={"code": Str(), "kind": OneOf(*UNIT_KINDS), "forms": ListOf(Phrase())},
    optional={**_UNIT_WORDS, "symbols": ListOf(Phrase()), "names": ListOf(Str()), "cues": ListOf(Phrase())},
), unique=False)}, optional={
    "ambiguous": ListOf(Record(
        required={"kind": OneOf(*UNIT_KINDS), "default": Str(), "names": ListOf(Str()), "forms": ListOf(Phrase())},
        optional={**_UNIT_WORDS, "unitless": Bool()}), unique=False),
    "subunit": ListOf(Record(
        required={"forms": ListOf(Phrase()), "of": MapOf(Str(), Int(2))},
        optional={"plural": ListOf(Phrase()), "dual": ListOf(Word()), "symbols": ListOf(Phrase())}), unique=False),
    "below_zero": Record(required={"phrases": ListOf(Phrase()), "units": ListOf(Str())}),
    "unitless": Record(optional={"measure": ListOf(Phrase()), "cues": ListOf(Phrase())}),
    "carried": Record(required={"links": ListOf(Phrase())}),
    "rates": Record(required={"links": ListOf(Word())}),
    "fractions": MapOf(Word(), Ratio()),
})


def _country_code(value, where) -> None:
    """An ISO 3166-1 alpha-2 code: two capital Latin letters."""
    if not (isinstance(value, str) and len(value) == 2 and value.isascii() and value.isupper()):
        raise where.error(f"{value!r} is not an ISO 3166-1 alpha-2 country code (two capital letters)")


def regions_declaration(varieties: tuple[str, ...]):
    """The shape of `data/regions.toml` (a region's variety is one of `varieties`)."""
    return Record(required={"region": MapOf(_country_code, Record(
        required={"name": Str(), "currencies": ListOf(Str()), "names": ListOf(Phrase()), "nisba": ListOf(Phrase())},
        optional={"variety": OneOf(*varieties)}))})


@dataclass(frozen=True, slots=True)
class Unit:
    """One reading of a unit word, symbol or code.

    `code` is what it reads as by itself (None: a measure with no unit of the
    table, such as a Richter magnitude); `names` every code it can stand for,
    which an adjective after it may pick (دولار كندي → CAD). An `ambiguous`
    word's code is a default: the words around it and the caller's region
    choose among its names first. A sub-unit has `per`: for each main code, how
    many of it make one (سنت: USD 100). `negative`: the phrase says below zero.
    """

    code: str | None
    kind: str
    dual: bool = False
    names: frozenset[str] = frozenset()
    ambiguous: bool = False
    per: tuple[tuple[str, int], ...] = ()
    negative: bool = False

    def factor(self, code: str | None) -> Fraction:
        """What one of this unit is worth in `code`: 1, or 1/100 for a cent of a dollar."""
        for c, n in self.per:
            if c == code:
                return Fraction(1, n)
        return Fraction(1)


@dataclass
class UnitTable:
    """The unit table as look-up dicts keyed by phrase keys (tuples of tokens)."""

    codes: frozenset[str]
    kinds: dict[str, str]
    #: words, abbreviations and codes written after a number (دولار، كم، كم2، تحت الصفر)
    phrases: dict[tuple[str, ...], Unit] = field(default_factory=dict)
    #: written before or after the digits ($، €، ج.م، KWD)
    symbols: dict[tuple[str, ...], Unit] = field(default_factory=dict)
    plurals: set[tuple[str, ...]] = field(default_factory=set)
    #: an adjective after a currency word -> the codes it can pick (كويتي → KWD)
    adjectives: dict[tuple[str, ...], frozenset[str]] = field(default_factory=dict)
    #: phrases after a unit that make its value negative, and the codes they follow
    below_zero: dict[tuple[str, ...], bool] = field(default_factory=dict)
    below_zero_units: frozenset[str] = frozenset()
    #: a phrase right before a bare number -> the unit it gives the number (العظمى → degC)
    cues: dict[tuple[str, ...], Unit] = field(default_factory=dict)
    #: a context word as written in normalised text -> the codes it speaks for
    #: (الكويت، كويتية → KWD; حرارة → degC), for `rules.unit_context`
    context: dict[str, frozenset[str]] = field(default_factory=dict)
    #: words between an amount and a bare number that carry its unit over (بدل)
    carry_links: dict[tuple[str, ...], bool] = field(default_factory=dict)
    rate_links: frozenset[str] = frozenset()
    #: fraction words read only next to a unit (نص لتر، كيلو ونص)
    fractions: dict[str, Fraction] = field(default_factory=dict)
    #: the caller's region: its currencies
    region_codes: frozenset[str] = frozenset()
    #: regions.toml's countries, by code
    regions: dict = field(default_factory=dict)


def build(u: dict, regions: dict, defaults: dict[str, str], region: str | None,
          key: Callable[[str], tuple[str, ...]], where: str = "units.toml") -> UnitTable:
    """The unit table of `u` (units.toml) and `regions` (regions.toml), with a
    variety's `defaults` (a form -> the code its word reads as) and the caller's
    `region` (a country code of regions.toml, or None). `key` makes a phrase key."""
    units = u["unit"]
    codes = [x["code"] for x in units]
    dup = sorted({c for c in codes if codes.count(c) > 1})
    if dup:
        raise LanguageDataError(f"units.toml: [[unit]] code {dup[0]!r}: declared twice")
    t = UnitTable(frozenset(codes), {x["code"]: x["kind"] for x in units})
    _check_regions(t, regions)
    if region is not None:
        t.region_codes = frozenset(regions["region"][region]["currencies"])
    owner: dict[tuple[str, ...], str] = {}

    def add(table: dict, form: str, unit: Unit, label: str) -> None:
        k = key(form)
        if k in owner:
            raise LanguageDataError(f"units.toml: {label}: {form!r} is also a form of {owner[k]} "
                                    f"(after normalisation)")
        owner[k] = label.removeprefix("[[unit]] ")
        table[k] = unit

    def add_words(x: dict, make: Callable[[bool], Unit], label: str) -> None:
        for f in [*x["forms"], *x.get("plural", [])]:
            add(t.phrases, f, make(False), label)
        for f in x.get("dual", []):
            add(t.phrases, f, make(True), label)
        t.plurals.update(key(f) for f in x.get("plural", []))

    default_of = {key(f): c for f, c in defaults.items()}
    for x in units:
        code, label = x["code"], f"[[unit]] {x['code']!r}"
        names = frozenset([code, *_codes(t, x.get("names", []), x["kind"], f"{label} names")])
        add_words(x, lambda dual: Unit(code, x["kind"], dual, names), label)
        for f in x.get("symbols", []):
            add(t.symbols, f, Unit(code, x["kind"], False, frozenset([code])), label)
        if x["kind"] == "money" and code.isascii() and code.isalpha() and code.isupper():
            add(t.symbols, code, Unit(code, "money", False, frozenset([code])), label)    # 42 KWD، USD 150
        _add_adjectives(t, x, names, label, key)
        for c in x.get("cues", []):
            if key(c) in t.cues:
                raise LanguageDataError(f"units.toml: {label} cues: {c!r} is already a cue of "
                                        f"{t.cues[key(c)].code!r}")
            t.cues[key(c)] = Unit(code, x["kind"], False, names)
            _add_context(t, [c], frozenset([code]))
    for x in u.get("ambiguous", []):
        label = f"[[ambiguous]] {x['forms'][0] if x['forms'] else x['default']!r}"
        names = frozenset(_codes(t, x["names"], x["kind"], f"{label} names"))
        if x.get("unitless"):
            names |= {UNITLESS}
        if x["default"] not in names:
            raise LanguageDataError(f"units.toml: {label}: default {x['default']!r} is not one of its names")
        picked = [default_of[key(f)] for f in [*x["forms"], *x.get("plural", []), *x.get("dual", [])]
                  if key(f) in default_of]
        if picked and picked[0] not in names:
            raise LanguageDataError(f"{where}: [units.defaults]: {picked[0]!r} is not one of the names of {label}")
        code = picked[0] if picked else x["default"]
        add_words(x, lambda dual: Unit(code, x["kind"], dual, names, ambiguous=True), label)
        _add_adjectives(t, x, names, label, key)
    for x in u.get("subunit", []):
        label = f"[[subunit]] {x['forms'][0] if x['forms'] else ''!r}"
        per = tuple((c, n) for c, n in x["of"].items())
        mains = _codes(t, [c for c, _ in per], "money", f"{label} of")
        if not mains:
            raise LanguageDataError(f"units.toml: {label}: 'of' names no main unit")

        def sub(dual: bool, mains=mains, per=per) -> Unit:
            return Unit(mains[0], "money", dual, frozenset(mains), ambiguous=len(mains) > 1, per=per)
        add_words(x, sub, label)
        for f in x.get("symbols", []):
            add(t.phrases, f, sub(False), label)
    bz = u.get("below_zero")
    if bz:
        t.below_zero_units = frozenset(_codes(t, bz["units"], "measure", "[below_zero] units"))
        first = bz["units"][0]
        for f in bz["phrases"]:
            t.below_zero[key(f)] = True
            add(t.phrases, f, Unit(first, "measure", False, frozenset([first]), negative=True), "[below_zero]")
    for f in u.get("unitless", {}).get("measure", []):
        add(t.phrases, f, Unit(None, "measure"), "[unitless] measure")
    _add_context(t, u.get("unitless", {}).get("cues", []), frozenset([UNITLESS]))
    t.carry_links = {key(f): True for f in u.get("carried", {}).get("links", [])}
    t.rate_links = frozenset(nw(w) for w in u.get("rates", {}).get("links", []))
    t.fractions = {nw(w): Fraction(*r) for w, r in u.get("fractions", {}).items()}
    return t


def _codes(t: UnitTable, codes: list[str], kind: str, label: str) -> list[str]:
    """`codes`, each checked to be a declared unit of `kind`."""
    for c in codes:
        if c not in t.codes:
            raise LanguageDataError(f"units.toml: {label}: {c!r} is not the code of a declared unit")
        if t.kinds[c] != kind:
            raise LanguageDataError(f"units.toml: {label}: {c!r} is a {t.kinds[c]} unit, not {kind}")
    return list(codes)


def _check_regions(t: UnitTable, regions: dict) -> None:
    for cc, r in regions["region"].items():
        for c in r["currencies"]:
            if c not in t.codes or t.kinds[c] != "money":
                raise LanguageDataError(f"regions.toml: [region.{cc}] currencies: {c!r} is not the code "
                                        f"of a money unit of units.toml")
    t.regions = regions["region"]
    _add_region_context(t)


def _variants(phrase: str) -> list[str]:
    """An adjective as it agrees with its noun, with and without the article on each
    word: a nisba in each of its endings (أردني، أردنيا، أردنية، الأردنية), another
    adjective masculine and feminine."""
    words = nw(phrase).split()
    last = words[-1]
    nisba = morphology.NISBA_ENDINGS[0]
    if last.endswith(nisba):
        lasts = [last[:-len(nisba)] + e for e in morphology.NISBA_ENDINGS]
    else:
        lasts = [last, *(last + e for e in morphology.FEMININE_ENDINGS)]
    out = []
    for w in lasts:
        ws = [*words[:-1], w]
        out.append(" ".join(ws))
        out.append(" ".join(morphology.ARTICLE_FORM + x for x in ws))
    return out


def _add_adjectives(t: UnitTable, x: dict, names: frozenset[str], label: str, key) -> None:
    """The adjectives after the entry's words: its explicit `adjectives` and the nisbas of
    the countries whose currency is one of its `names` (regions.toml)."""
    found: dict[str, set[str]] = {}
    for adj, c in x.get("adjectives", {}).items():
        if c not in names:
            raise LanguageDataError(f"units.toml: {label} adjectives {adj!r}: {c!r} is not one of its names")
        found.setdefault(adj, set()).add(c)
    for r in t.regions.values():
        hit = names & set(r["currencies"])
        for adj in r["nisba"]:
            if hit:
                found.setdefault(adj, set()).update(hit)
    for adj, cs in found.items():
        for v in _variants(adj):
            k = key(v)
            t.adjectives[k] = t.adjectives.get(k, frozenset()) | frozenset(cs)


def _add_context(t: UnitTable, phrases, codes: frozenset[str]) -> None:
    for p in phrases:
        w = nw(p)
        t.context[w] = t.context.get(w, frozenset()) | codes


def _add_region_context(t: UnitTable) -> None:
    """The countries as context words: their names (الكويت) and their adjectives in
    every agreement (كويتي، الكويتية), each speaking for the country's currencies."""
    for r in t.regions.values():
        cs = frozenset(r["currencies"])
        _add_context(t, r["names"], cs)
        _add_context(t, [morphology.strip_definite(nw(n))[1] for n in r["names"]], cs)   # للكويت = ل + الكويت
        for adj in r["nisba"]:
            _add_context(t, _variants(adj), cs)
