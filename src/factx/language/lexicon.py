"""The language tables of `data/*.toml`, validated and normalised for look-up.

A `Lexicon` holds every word list the numeral reader and the rules consult:
number words, units and currencies, month names, qualifiers, and the cue
words of each kind. Every surface form is passed through the normalisation of
running text (`text.normalize.normalize_word`), so the tables are written in
ordinary Arabic spelling and still match any hamza, ta marbuta or diacritic
variant. Phrases are stored as the tokens the tokenizer would cut them into,
so that a symbol or code written with a word (`كم2`، `ج.م`، `US$`) matches too.

Modern Standard Arabic is the base. A *variety* (Egyptian, Levantine, Gulf,
Maghrebi) is an overlay, `data/varieties/<code>.toml`, read over the base the
way Duckling reads `AR/EG` over `AR`: it adds words and changes currency
defaults, and where one of its words is already a base word the base reading
wins (MSA always wins on an ambiguous word).
"""

from __future__ import annotations

import os
from fractions import Fraction
from functools import lru_cache

from ..text.normalize import normalize_word as nw
from ..text.tokens import GLUED_MARK as GLUED
from . import morphology, unit_table
from .tables import (Bool, Bounds, Int, LanguageDataError, Latin, ListOf, MapOf, OneOf, Phrase, Ratio, Record, Str,
                     Word, load, tokens_of)
from .unit_table import UNITS

GENDERS = ("m", "f")
#: grammatical number of a scale word: sg ألف, du ألفان, pl آلاف, sg_or_du ألفا (see numbers.toml)
SCALE_NUMBERS = ("sg", "du", "pl", "sg_or_du")
CALENDARS = ("gregorian", "hijri")
#: the qualifier categories a phrase may name (the record's closed list, without range/vague)
QUALIFIER_NAMES = ("approximately", "more_than", "at_least", "less_than", "at_most", "exact")
#: what a comparison verb may state of its number (a verb never says "exact")
VERB_QUALIFIERS = QUALIFIER_NAMES[:-1]
#: the varieties that have an overlay
VARIETIES = ("eg", "lev", "gulf", "maghreb")
REGIONS_TABLE = unit_table.regions_declaration(VARIETIES)


def _words(check=None):
    return ListOf(check or Word())


_MONTHS = MapOf(OneOf(*map(str, range(1, 13))), ListOf(Phrase()))
_NUMBER_TABLES = {
    "units": MapOf(Word(), Record(required={"value": Int(0, 10), "gender": OneOf(*GENDERS)})),
    "teen_units": MapOf(Word(), Int(1, 2)),
    "teens": MapOf(Word(), Int(11, 19)),
    "tens": MapOf(Word(), Int(20, 90, step=10)),
    "hundreds": MapOf(Word(), Int(100, 900, step=100)),
    "scales": MapOf(Word(), Record(required={"value": Int(1000), "number": OneOf(*SCALE_NUMBERS)})),
    "fractions": MapOf(Word(), Ratio()),
    "fraction_plurals": MapOf(Word(), Ratio()),
    "group_fractions": MapOf(Word(), Ratio()),
    "vague": MapOf(Word(), Bounds()),
    "vague_scales": MapOf(Word(), Int(10)),
    "ordinals": MapOf(Word(), Record(required={"value": Int(1, 10), "gender": OneOf(*GENDERS)})),
}
NUMBERS = Record(required={
    **{k: v for k, v in _NUMBER_TABLES.items() if k != "teens"},
    "markers": Record(required={"teen_tens": _words(), "hundred_words": _words(), "nayyif": _words(),
                                "noun_homographs": _words()}),
    "decimals": Record(required={"point": _words(), "of": _words(), "over": _words()}),
    "signs": Record(required={"minus": _words()}),
    "ratios": Record(required={"links": ListOf(Phrase())}),
    "ordinal_markers": Record(required={"construct": _words(), "elative": _words(),
                                        "elative_prepositions": _words(), "unit_homographs": _words()}),
    "glued_scales": MapOf(Latin(), Int(1000)),
}, optional={"teens": _NUMBER_TABLES["teens"]})
CALENDAR = Record(required={
    "gregorian": _MONTHS, "hijri": _MONTHS,
    "markers": Record(required={
        "ambiguous": ListOf(Phrase()), "month_cues": _words(), "hijri_needs_number": Bool(),
        "year_range": Bounds(), "bare_year_range": Bounds(),
        "gregorian_year_suffix": _words(), "hijri_year_suffix": _words(), "era_homographs": _words(),
        "concordance": ListOf(Phrase()), "year_cues": _words(),
        "year_nouns": _words(), "month_year_links": _words(), "month_nouns": _words(), "day_words": MapOf(Word(), Int(1, 31)),
        "day_month_links": ListOf(Phrase()), "day_month_cues": MapOf(Phrase(), OneOf("date", "weak")),
        "day_span_links": ListOf(Phrase()), "relative_days": _words(), "hour_cues": _words(),
        "day_parts": MapOf(Phrase(), OneOf(0, 12)), "night_parts": ListOf(Phrase()), "small_hours": Int(0, 11),
        "minute_words": MapOf(Phrase(), Int(-59, 59)), "minutes_before": _words(),
        "weekdays": _words(), "weekday_cues": _words(),
    }),
})
_QUALIFIER_LISTS = Record(optional={q: ListOf(Phrase()) for q in QUALIFIER_NAMES})
QUALIFIERS = Record(required={
    "before": _QUALIFIER_LISTS, "after": _QUALIFIER_LISTS,
    "comparison": Record(required={"or_equal": ListOf(Phrase()), "equal_or": ListOf(Phrase()),
                                   "negations": _words(), "verb_negations": _words(),
                                   "modal_negations": ListOf(Phrase()),
                                   "openers": _words(), "max_subject": Int(0, 12)}),
    "verb": ListOf(Record(required={"qualifier": OneOf(*VERB_QUALIFIERS), "forms": _words()},
                          optional={"prepositions": _words()}), unique=False),
    "range": Record(required={"close": MapOf(Phrase(), ListOf(Phrase())), "bare": ListOf(Phrase()),
                              "levels": _words(), "alternatives": ListOf(Phrase()),
                              "alternative_ratio": Int(1, 100)}),
})
CUES = Record(required={
    "identifier": Record(required={
        "heads": _words(), "plurals": _words(), "construct_heads": _words(), "divisions": _words(),
        "place_heads": _words(), "max_gap": Int(0, 5), "series": ListOf(Phrase()),
        "send_verbs": _words(), "send_links": _words(), "send_reach": Int(1, 8),
        "phone_extensions": ListOf(Str())}),
    "ordinal": Record(required={"rank_heads": _words(), "points": _words(), "rank_verbs": _words(),
                                "day_of_month": ListOf(Phrase()),
                                "list_marks": ListOf(Phrase()), "list_max_digits": Int(1, 6)}),
    "percent": Record(required={"cues": ListOf(Phrase())}),
    "score": Record(required={"words": ListOf(Phrase()), "window": Int(1, 20), "against": _words(),
                                "clean": ListOf(Phrase()), "goals": _words(),
                                "tallies": MapOf(Word(), Int(2, 12))}),
    "singular": Record(required={"duration_heads": _words()}),
    "age": Record(required={"cues": _words(), "after": ListOf(Phrase()), "before": ListOf(Phrase()),
                            "subjects": ListOf(Phrase()), "subject_window": Int(1, 20),
                            "ordinal_heads": _words(), "less_than": ListOf(Phrase()),
                            "at_least": ListOf(Phrase())}),
    "entity": Record(required={k: _words() for k in (
        "not_nouns", "demonstratives", "adverbs", "feminine", "partitive")}),
    "dual": Record(required={"nouns": _words(), "sound_plural_nouns": _words()}),
})
#: the kinds of name and set phrase of names.toml (SPEC §5.4: not numbers)
NAME_CATEGORIES = ("places", "works", "events", "groups", "clubs", "stages", "terms", "idioms")
NAMES = Record(required={"names": Record(optional={c: ListOf(Phrase()) for c in NAME_CATEGORIES})})
#: what a variety overlay may add: number words, month names, currency defaults
OVERLAY = Record(required={"name": Str(), "homographs": _words()}, optional={
    "before_unit": _words(),
    "numbers": Record(optional=_NUMBER_TABLES),
    "calendar": Record(optional={"gregorian": _MONTHS}),
    "units": Record(optional={"defaults": MapOf(Phrase(), Str())}),
})


class Phrases(dict):
    """A phrase table (tuple of tokens -> value) with its first and last tokens
    indexed, so that a look-up at a word that starts or ends no phrase costs
    one set test (most words of a text). A token written glued to the one
    before it is keyed with the `GLUED` mark (كم2 → ("كم", GLUED + "2"))."""

    def __init__(self, items=()):
        super().__init__(items)
        self.max_words = max(map(len, self), default=0)
        #: the longest phrase starting (ending) with each first (last) token: a look-up reads no further
        self.longest: dict[str, int] = {}
        self.longest_ending: dict[str, int] = {}
        for k in self:
            self.longest[k[0]] = max(self.longest.get(k[0], 0), len(k))
            last = k[-1].removeprefix(GLUED)
            self.longest_ending[last] = max(self.longest_ending.get(last, 0), len(k))
        self.first = frozenset(k[0] for k in self)
        self.last = frozenset(self.longest_ending)
        #: the letters a proclitic can start with: a word starting otherwise has none to read off
        self.clitic_letters = frozenset(p.form[0] for p in morphology.PROCLITICS)
        self._after_clitics: dict[tuple[str, frozenset, bool], bool] = {}

    def lookup(self, words: tuple[str, ...], clitics: frozenset = morphology.NOTHING):
        """The value of `words`, also when their first word carries proclitics made
        of the `clitics` parts (وأكثر من، بنحو، وبنسبة); None when no phrase matches."""
        value = self.get(words)
        if value is None and clitics:
            for stem in morphology.clitic_stems(words[0], clitics):
                value = self.get((stem,) + words[1:])
                if value is not None:
                    break
        return value

    def starts_after_clitics(self, word: str, clitics: frozenset) -> bool:
        """Does a phrase start with `word` once proclitics of `clitics` are read off?"""
        return self._clitic_stem_in(word, clitics, True)

    def ends_after_clitics(self, word: str, clitics: frozenset) -> bool:
        """Is `word`, once proclitics of `clitics` are read off, a one-word phrase?"""
        return self._clitic_stem_in(word, clitics, False)

    def _clitic_stem_in(self, word: str, clitics: frozenset, first: bool) -> bool:
        """Is a stem of `word` a first (or last) token? Kept per word: rules ask again and again."""
        key = (word, clitics, first)
        hit = self._after_clitics.get(key)
        if hit is None:
            if len(self._after_clitics) > 65536:
                self._after_clitics.clear()
            tokens = self.first if first else self.last
            hit = self._after_clitics[key] = any(stem in tokens for stem in morphology.clitic_stems(word, clitics))
        return hit


def phrase_key(s: str) -> tuple[str, ...]:
    """A phrase as the tokens of its normalised form, glued tokens marked."""
    return key_of(tokens_of(s))


def key_of(toks) -> tuple[str, ...]:
    """Tokens as a phrase table keys them, glued tokens marked (km/h → km, GLUED /, GLUED h):
    for a table entry (`phrase_key`) or for text already normalised, such as a code of a
    document, which is keyed without the entries' cache (a text has any number of codes)."""
    return tuple(t.text if k == 0 or toks[k - 1].end != t.start else GLUED + t.text
                 for k, t in enumerate(toks))


def _ratio(v) -> Fraction:
    return Fraction(*v)


class Lexicon:
    """Every table factx reads, for Modern Standard Arabic or one variety over it."""

    def __init__(self, variety: str | None = None, data_dir: str | None = None, region: str | None = None):
        if variety is not None and variety not in VARIETIES:
            raise ValueError(f"unknown variety {variety!r}; known: {', '.join(VARIETIES)}")
        n = load("numbers.toml", NUMBERS, data_dir)
        u = load("units.toml", UNITS, data_dir)
        r = load("regions.toml", REGIONS_TABLE, data_dir)
        c = load("calendar.toml", CALENDAR, data_dir)
        q = load("qualifiers.toml", QUALIFIERS, data_dir)
        k = load("cues.toml", CUES, data_dir)
        names = load("names.toml", NAMES, data_dir)
        if region is not None and region not in r["region"]:
            raise ValueError(f"unknown region {region!r}; known: {', '.join(sorted(r['region']))}")
        #: the caller's region hint (a country code of regions.toml), which may imply a variety
        self.region = region
        if variety is None and region is not None:
            variety = r["region"][region].get("variety")
        self.variety = variety
        overlays = {v: load(os.path.join("varieties", f"{v}.toml"), OVERLAY, data_dir) for v in VARIETIES}
        overlay = overlays[variety] if variety else {}
        self._numbers(n, _colloquial(overlays, variety))
        self._units(u, r, overlay.get("units", {}).get("defaults", {}), region)
        self._calendar(c, overlay.get("calendar", {}))
        self._qualifiers(q)
        self._cues(k)
        #: names and set phrases that hold number words but state no number -> their category
        self.names = Phrases((phrase_key(p), cat) for cat, ps in names["names"].items() for p in ps)
        #: every token of those names: a numeral whose first token is none of them is in no name
        self.name_tokens = frozenset(t.removeprefix(GLUED) for k in self.names for t in k)

    # --- numbers --------------------------------------------------------------
    def _numbers(self, n: dict, extra: dict) -> None:
        def table(name, convert=lambda v: v):
            """A base table with the overlays' entries for words the base does not have."""
            out = {nw(w): convert(v) for w, v in n.get(name, {}).items()}
            for w, v in extra.get(name, {}).items():
                out.setdefault(w, convert(v))
            return out

        self.units = table("units", lambda v: (v["value"], v["gender"]))
        self.teen_units = table("teen_units")
        #: one-word teens of the varieties (حداشر، طنعش)
        self.teens = table("teens")
        self.tens = table("tens")
        self.hundreds = table("hundreds")
        self.scales = table("scales", lambda v: (v["value"], v["number"]))
        #: Latin letters glued to digits that multiply them (10k، 2.5M)
        self.glued_scales = dict(n["glued_scales"])
        self.fractions = table("fractions", _ratio)
        self.fraction_plurals = table("fraction_plurals", _ratio)
        self.group_fractions = table("group_fractions", _ratio)
        self.vague = table("vague", tuple)
        #: vague plurals of a power of ten, which a vague word below ten multiplies (بضع عشرات)
        self.vague_scales = table("vague_scales")
        self.ordinals = table("ordinals", lambda v: (v["value"], v["gender"]))
        #: ordinal adverbs, the masculine ordinals in the indefinite accusative (أولاً، ثانياً) -> value
        self.ordinal_adverbs = {f: v for w, (v, g) in self.ordinals.items() if g == "m"
                                for f in morphology.accusative_forms(w)}
        self.decimal_points = frozenset(map(nw, n["decimals"]["point"]))
        self.decimal_of = frozenset(map(nw, n["decimals"]["of"]))
        self.fraction_over = frozenset(map(nw, n["decimals"]["over"]))
        self.minus_words = frozenset(map(nw, n["signs"]["minus"]))
        #: the token sequences that join two numbers into a ratio
        self.ratio_links = frozenset(tuple(t.removeprefix(GLUED) for t in phrase_key(w)) for w in n["ratios"]["links"])
        self.ratio_link_length = max(map(len, self.ratio_links))
        m = n["markers"]
        self.teen_tens = frozenset(map(nw, m["teen_tens"]))
        self.hundred_words = frozenset(map(nw, m["hundred_words"]))
        self.nayyif = frozenset(map(nw, m["nayyif"]))
        #: fractions that are also another noun (ثمن "price"): no share with a pronoun or before an amount
        self.noun_homographs = frozenset(map(nw, m["noun_homographs"]))
        o = n["ordinal_markers"]
        self.construct_ordinals = frozenset(map(nw, o["construct"]))
        self.elative_ordinals = frozenset(map(nw, o["elative"]))
        self.unit_homograph_ordinals = frozenset(map(nw, o["unit_homographs"]))
        self.elative_prepositions = frozenset(map(nw, o["elative_prepositions"]))
        for name, words in (("construct", self.construct_ordinals), ("elative", self.elative_ordinals),
                            ("unit_homographs", self.unit_homograph_ordinals)):
            missing = words - set(self.ordinals)
            if missing:
                raise LanguageDataError(f"numbers.toml: [ordinal_markers] {name!r}: "
                                        f"{sorted(missing)} are not in [ordinals]")
        #: every word that can start or continue a cardinal number
        #: colloquial words that are also MSA words (متين "strong"): numbers only in a number's context
        self.homographs = frozenset(extra.get("homographs", ()))
        #: homographs of another variety than the hint's (or with no hint), read only with a unit
        #: right after them (ميتين ريال): no MSA reading of theirs takes a unit
        self.homographs_before_unit = frozenset(extra.get("before_unit", ()))
        #: the number words that come from the variety overlays, not from MSA's tables
        self.colloquial = frozenset(w for table, entries in extra.items() if table not in ("homographs", "before_unit")
                                    for w in entries if w not in n.get(table, {}))
        self.number_words = frozenset([*self.units, *self.teen_units, *self.teens, *self.tens, *self.hundreds,
                                       *self.scales,
                                       *self.fractions, *self.fraction_plurals, *self.vague, *self.nayyif])

    # --- units ----------------------------------------------------------------
    def _units(self, u: dict, regions: dict, defaults: dict, region: str | None) -> None:
        t = unit_table.build(u, regions, defaults, region, phrase_key, f"varieties/{self.variety}.toml")
        self.unit_codes = t.codes
        self.unit_kinds = t.kinds
        #: unit words, abbreviations, sub-units and signs written after a number (دولار، كم، كم2، سنت)
        self.unit_phrases = Phrases(t.phrases)
        #: unit symbols and Latin ISO codes, written before or after the digits ($، €، ج.م، KWD)
        self.unit_symbols = Phrases(t.symbols)
        #: plural unit words (أيام، دولارات): what agreement needs to know about units
        self.unit_plurals = frozenset(t.plurals)
        #: an adjective after a currency word -> the codes it may pick (كويتي → KWD)
        self.currency_adjectives = Phrases(t.adjectives)
        #: phrases after a temperature that make it negative (تحت الصفر), and the codes they follow
        self.below_zero = Phrases(t.below_zero)
        self.below_zero_units = t.below_zero_units
        #: a phrase right before a bare number -> the unit it gives it (العظمى 24 → degC)
        self.unit_cues = Phrases(t.cues)
        #: context words (countries, their adjectives, what a unit measures) -> the codes they speak for
        self.unit_context = t.context
        #: words between an amount and a bare number that carry its unit over (99 ريال بدل 150)
        self.unit_carry_links = Phrases(t.carry_links)
        #: words before the currency a rate is against (30.9 مقابل الدولار)
        self.rate_links = t.rate_links
        #: the first tokens of the sub-units' words and symbols (سنت، هللة، ¢)
        self.subunit_first = frozenset(k[0] for k, u in t.phrases.items() if u.per)
        #: fraction words read only next to a unit (نص لتر، كيلو ونص)
        self.unit_fractions = t.fractions
        #: the currencies of the caller's region
        self.region_codes = t.region_codes

    # --- calendar -------------------------------------------------------------
    def _calendar(self, c: dict, extra: dict) -> None:
        months: dict[tuple[str, ...], tuple[int, str]] = {}
        for cal in CALENDARS:
            for m, names in [*c[cal].items(), *extra.get(cal, {}).items()]:
                for name in names:
                    months.setdefault(phrase_key(name), (int(m), cal))
        #: month phrase -> (month number, calendar)
        self.months = months
        m = c["markers"]
        self.ambiguous_months = frozenset(map(phrase_key, m["ambiguous"]))
        self.month_cues = frozenset(map(nw, m["month_cues"]))
        self.hijri_needs_number = m["hijri_needs_number"]
        self.year_range = tuple(m["year_range"])
        self.bare_year_range = tuple(m["bare_year_range"])
        self.gregorian_year_suffix = frozenset(map(nw, m["gregorian_year_suffix"]))
        self.hijri_year_suffix = frozenset(map(nw, m["hijri_year_suffix"]))
        self.era_homographs = frozenset(map(nw, m["era_homographs"]))
        unknown = self.era_homographs - self.gregorian_year_suffix - self.hijri_year_suffix
        if unknown:
            raise LanguageDataError(f"calendar.toml: [markers] 'era_homographs': {sorted(unknown)} "
                                    "are not year suffixes")
        self.concordance = Phrases((phrase_key(k), True) for k in m["concordance"])
        self.year_cues = frozenset(map(nw, m["year_cues"]))
        self.year_nouns = frozenset(map(nw, m["year_nouns"]))
        self.month_year_links = frozenset(map(nw, m["month_year_links"]))
        self.month_nouns = frozenset(map(nw, m["month_nouns"]))
        self.day_words = {nw(k): v for k, v in m["day_words"].items()}
        self.day_month_links = Phrases((phrase_key(k), True) for k in m["day_month_links"])
        #: cue phrase -> True when it names a date (بتاريخ، منذ), False for a weaker one (في، من)
        self.day_month_cues = Phrases((phrase_key(k), v == "date") for k, v in m["day_month_cues"].items())
        self.day_span_links = frozenset(map(nw, m["day_span_links"]))
        self.relative_days = frozenset(map(nw, m["relative_days"]))
        self.hour_cues = frozenset(map(nw, m["hour_cues"]))
        self.day_parts = Phrases((phrase_key(k), v) for k, v in m["day_parts"].items())
        self.night_parts = Phrases((phrase_key(k), True) for k in m["night_parts"])
        unknown = set(self.night_parts) - set(self.day_parts)
        if unknown:
            raise LanguageDataError(f"calendar.toml: [markers] 'night_parts': {sorted(unknown)} are not day parts")
        self.small_hours = m["small_hours"]
        self.minute_words = Phrases((phrase_key(k), v) for k, v in m["minute_words"].items())
        self.minutes_before = frozenset(map(nw, m["minutes_before"]))
        self.weekdays = frozenset(map(nw, m["weekdays"]))
        self.weekday_cues = frozenset(map(nw, m["weekday_cues"]))

    # --- qualifiers -----------------------------------------------------------
    def _qualifiers(self, q: dict) -> None:
        #: phrase -> qualifier, for phrases written before / after the number
        self.qualifiers_before = Phrases((phrase_key(p), n) for n, ps in q["before"].items() for p in ps)
        self.qualifiers_after = Phrases((phrase_key(p), n) for n, ps in q["after"].items() for p in ps)
        self.qualifier_max_words = max(self.qualifiers_before.max_words, self.qualifiers_after.max_words)
        c = q["comparison"]
        #: "or equal" after a strict comparison, and "equal or" before it
        self.or_equal = Phrases((phrase_key(p), True) for p in c["or_equal"])
        self.equal_or = Phrases((phrase_key(p), True) for p in c["equal_or"])
        #: strict comparisons without their last word (the preposition), as written before
        #: "or equal" (أخفض أو يساوي 300)
        self.bare_comparisons = Phrases((k[:-1], n) for k, n in self.qualifiers_before.items()
                                        if n in ("more_than", "less_than") and len(k) > 1)
        self.negations = frozenset(map(nw, c["negations"]))
        self.verb_negations = self.negations | frozenset(map(nw, c["verb_negations"]))
        #: phrases before a comparison verb that negate it (لا يجوز أن تتجاوز)
        self.modal_negations = Phrases((phrase_key(p), True) for p in c["modal_negations"])
        self.comparison_openers = frozenset(map(nw, c["openers"]))
        self.max_subject = c["max_subject"]
        #: comparison verb form -> (qualifier, the prepositions before its number; empty: its object)
        self.comparison_verbs = {}
        for n, v in enumerate(q["verb"]):
            for form in v["forms"]:
                if nw(form) in self.comparison_verbs:
                    raise LanguageDataError(f"qualifiers.toml: [[verb]] {n + 1}: {form!r} is a form of "
                                            "another comparison verb too")
                self.comparison_verbs[nw(form)] = (v["qualifier"], frozenset(map(nw, v.get("prepositions", ()))))
        #: the same for the verbs as written with و/ف glued (وتتجاوز)
        self.comparison_verb_surfaces = {**self.comparison_verbs, **{
            p.form + v: hit for p in morphology.PROCLITICS if p.parts <= morphology.CONJUNCTIONS
            for v, hit in self.comparison_verbs.items()}}
        #: every preposition a comparison verb takes before its number
        self.comparison_prepositions = frozenset(p for _, ps in self.comparison_verbs.values() for p in ps)
        #: the words a comparison of a bare singular noun opens with (أكثر من سنة، لا تقل عن سنة):
        #: the comparison verbs and the first words of the "more/less than" phrases
        self.bound_words = frozenset(self.comparison_verbs) | frozenset(
            k[0] for k, n in self.qualifiers_before.items()
            if n in ("more_than", "less_than") and len(k) > 1 and k[0] not in self.comparison_openers)
        r = q["range"]
        #: range-opening phrase -> the words that close it (بين … و، من … إلى)
        self.range_open = Phrases((phrase_key(k), frozenset(map(nw, v))) for k, v in r["close"].items())
        self.range_bare = frozenset(map(nw, r["bare"]))
        #: every word that closes a range (و، إلى، حتى …)
        self.range_closers = frozenset(w for v in r["close"].values() for w in map(nw, v))
        self.level_openers = frozenset(map(nw, r["levels"]))
        missing = self.level_openers - {k[-1] for k in self.range_open}
        if missing:
            raise LanguageDataError(f"qualifiers.toml: [range] 'levels': {sorted(missing)} open no range of 'close'")
        self.range_alternatives = frozenset(map(nw, r["alternatives"]))
        self.alternative_ratio = r["alternative_ratio"]

    # --- cues -----------------------------------------------------------------
    def _cues(self, k: dict) -> None:
        i = k["identifier"]
        self.id_heads = frozenset(map(nw, i["heads"]))
        #: the plurals and duals of the heads, which name each number listed after them
        self.id_head_plurals = frozenset(map(nw, i["plurals"])) | frozenset(
            f for h in self.id_heads if len(h) > 2
            for f, construct in morphology.dual_forms(morphology.strip_definite(h)[1]).items() if not construct)
        self.id_construct_heads = frozenset(map(nw, i["construct_heads"]))
        self.id_divisions = frozenset(map(nw, i["divisions"]))
        self.id_place_heads = frozenset(map(nw, i["place_heads"]))
        self.id_max_gap = i["max_gap"]
        self.id_series = Phrases((phrase_key(w), True) for w in i["series"])
        self.send_verbs = frozenset(map(nw, i["send_verbs"]))
        self.send_links = frozenset(map(nw, i["send_links"]))
        self.send_reach = i["send_reach"]
        #: the words before a phone extension, normalised, longest first (for a regex alternation)
        self.phone_extensions = tuple(sorted({nw(w) for w in i["phone_extensions"]}, key=len, reverse=True))
        o = k["ordinal"]
        self.rank_heads = frozenset(map(nw, o["rank_heads"]))
        #: their duals, which head the two numbers after them (في الدقيقتين 12 و78)
        self.rank_head_duals = frozenset(d for w in self.rank_heads for d in morphology.dual_forms(w))
        self.rank_points = frozenset(map(nw, o["points"]))
        unknown = self.rank_points - self.rank_heads
        if unknown:
            raise LanguageDataError(f"cues.toml: [ordinal] 'points': {sorted(unknown)} are not in 'rank_heads'")
        self.rank_verbs = frozenset(map(nw, o["rank_verbs"]))
        self.day_of_month = Phrases((phrase_key(w), True) for w in o["day_of_month"])
        self.list_marks = frozenset(t for w in o["list_marks"] for t in phrase_key(w))
        self.list_max_digits = o["list_max_digits"]
        self.percent_cues = Phrases((phrase_key(w), True) for w in k["percent"]["cues"])
        #: words that make digits joined by a dash a match score (فاز 3-1), and how far back they stand
        self.score_words = Phrases((phrase_key(w), True) for w in k["score"]["words"])
        self.score_window = k["score"]["window"]
        self.score_against = frozenset(map(nw, k["score"]["against"]))
        #: phrases after a singular goal that make it a one-nil score (بهدف نظيف), and their last words
        self.score_clean = Phrases((phrase_key(p), True) for p in k["score"]["clean"])
        self.score_clean_ends = frozenset(key[-1] for key in self.score_clean)
        self.score_goals = frozenset(map(nw, k["score"]["goals"]))
        #: nouns of a goal tally -> its goals (رباعية = 4), read only in a score
        self.score_tallies = {nw(w): n for w, n in k["score"]["tallies"].items()}
        #: the heads a bare singular time noun after them is one of (لمدة عام)
        self.duration_heads = frozenset(map(nw, k["singular"]["duration_heads"]))
        self.age_cues = frozenset(map(nw, k["age"]["cues"]))
        self.age_after = Phrases((phrase_key(w), True) for w in k["age"]["after"])
        self.age_before = Phrases((phrase_key(w), True) for w in k["age"]["before"])
        self.age_subjects = Phrases((phrase_key(w), True) for w in k["age"]["subjects"])
        self.age_subject_window = k["age"]["subject_window"]
        self.age_ordinal_heads = frozenset(map(nw, k["age"]["ordinal_heads"]))
        self.age_bounds = Phrases([*((phrase_key(w), "less_than") for w in k["age"]["less_than"]),
                                   *((phrase_key(w), "at_least") for w in k["age"]["at_least"])])
        e = k["entity"]
        self.not_nouns = frozenset(map(nw, e["not_nouns"]))
        self.demonstratives = frozenset(map(nw, e["demonstratives"]))
        self.adverbs = frozenset(map(nw, e["adverbs"]))
        self.feminine_nouns = frozenset(map(nw, e["feminine"]))
        self.partitive = frozenset(map(nw, e["partitive"]))
        #: the duals of counted nouns: dual form -> (singular, needs a genitive after it)
        self.dual_nouns = _duals(k["dual"]["nouns"], k["dual"]["sound_plural_nouns"])
        #: the singulars of those nouns (هدف), which count one after a score's مقابل
        self.counted_singulars = frozenset(s for s, _ in self.dual_nouns.values())


def regions(data_dir: str | None = None) -> tuple[str, ...]:
    """The country codes a region hint may name (`data/regions.toml`), sorted."""
    return _regions(data_dir or os.environ.get("FACTX_DATA_DIR"))


@lru_cache(maxsize=None)
def _regions(data_dir: str | None) -> tuple[str, ...]:
    return tuple(sorted(load("regions.toml", REGIONS_TABLE, data_dir)["region"]))


def lexicon(variety: str | None = None, data_dir: str | None = None, region: str | None = None) -> Lexicon:
    """The lexicon of `variety` (None: Modern Standard Arabic) and of the caller's
    `region` hint (a country code of regions.toml), loaded once."""
    return _lexicon(variety, data_dir, region)


def _duals(nouns, sound_plural_nouns) -> dict[str, tuple[str, bool]]:
    """The dual forms of the counted nouns of cues.toml [dual] (morphology.dual_forms):
    dual form -> (singular, whether it is a construct)."""
    out: dict[str, tuple[str, bool]] = {}
    for words, oblique in ((nouns, True), (sound_plural_nouns, False)):
        for w in map(nw, words):
            for f, construct in morphology.dual_forms(w, oblique).items():
                out.setdefault(f, (w, construct))
    return out


def _colloquial(overlays: dict[str, dict], variety: str | None) -> dict:
    """The variety number words a lexicon reads besides MSA's: every overlay's words
    that are no MSA word (a homograph of any overlay), the same in every overlay that
    has them; with a `variety`, all of that variety's words, homographs included; and
    the other overlays' `before_unit` homographs, read only before a unit.
    Returns {table: {normalised word: value}, "homographs": set, "before_unit": set}."""
    homographs = {nw(w) for o in overlays.values() for w in o["homographs"]}
    out: dict = {"homographs": set(), "before_unit": set()}
    seen: dict[tuple[str, str], object] = {}
    clash = set()
    for v, o in overlays.items():
        stray = {nw(w) for w in o.get("before_unit", ())} - {nw(w) for w in o["homographs"]}
        if stray:
            raise LanguageDataError(f"varieties/{v}.toml: 'before_unit': {sorted(stray)} are not in 'homographs'")
        for table, entries in o.get("numbers", {}).items():
            for w, val in entries.items():
                key = (table, nw(w))
                if key in seen and seen[key] != val:
                    clash.add(key)
                seen[key] = val
    for (table, w), val in seen.items():
        if w not in homographs and (table, w) not in clash:
            out.setdefault(table, {})[w] = val
    if variety:
        for table, entries in overlays[variety].get("numbers", {}).items():
            for w, val in entries.items():
                out.setdefault(table, {})[nw(w)] = val
                if nw(w) in homographs:
                    out["homographs"].add(nw(w))
    for v, o in overlays.items():
        before_unit = {nw(w) for w in o.get("before_unit", ())} - out["homographs"]
        for table, entries in o.get("numbers", {}).items():
            for w, val in entries.items():
                if nw(w) in before_unit and (table, nw(w)) not in clash:
                    out.setdefault(table, {})[nw(w)] = val
                    out["before_unit"].add(nw(w))
    return out


@lru_cache(maxsize=None)
def _lexicon(variety: str | None, data_dir: str | None, region: str | None) -> Lexicon:
    return Lexicon(variety, data_dir, region)
