"""Guards: rules propose, guards verify.

A guard is a named check with a docstring that says which false reading it
prevents (as phonenumbers' matcher verifies its candidates with named
leniency checks). Numeral guards run on what the numeral reader proposes;
mention guards on what a rule proposes, for the rules or kinds they name. A
proposal a guard rejects is dropped, and the next rule may try the candidate.
Each guard has examples in `tests/corpus/guards.toml`, and a test checks that
removing the guard changes what those examples yield.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .language import morphology
from .numerals.words import word_reading
from .text.tokens import DIGITS, WORD
from .rules.date import year_cue, year_era
from .rules.identifier import named_by_head, place_date_at
from .rules.nouns import counted_noun_at, noun_like
from .rules.ordinal import rank_point
from .rules.registry import KINDS
from .rules.units import unit_after


class NumeralGuard(NamedTuple):
    """``keep(doc, numeral) -> bool``: does the numeral reader's proposal stand?"""

    name: str
    keep: Callable


class MentionGuard(NamedTuple):
    """``keep(doc, candidate, mention) -> bool`` for mentions of the named rules or
    kinds (`candidate` is None for a finder's mention). A guard may also mend the
    mention it lets stand (a dash taken for a sign)."""

    name: str
    verifies: frozenset[str]
    keep: Callable


# --- numerals ---------------------------------------------------------------------

def not_weekday(doc, num) -> bool:
    """الاثنين، الأحد، يوم اثنين are days of the week, not the numbers two and one."""
    lex, w = doc.lex, doc.toks[num.i].text
    if num.digits:
        return True
    for sp in morphology.splits(w)[1:]:
        if sp.definite and morphology.ARTICLE_FORM + sp.stem in lex.weekdays:
            return False
    return not (doc.tok_text(num.i - 1) in lex.weekday_cues and w in lex.weekdays)


def not_one_of(doc, num) -> bool:
    """أحد المسؤولين، إحدى القرى: أحد / إحدى alone mean "one of", not the number one
    (they count only before عشر/عشرة or a ten: أحد عشر، إحدى وعشرون)."""
    return not (not num.digits and num.j == num.i + 1 and num.stem in doc.lex.teen_units)


def not_homograph(doc, num) -> bool:
    """جدار متين "a strong wall": a colloquial number word that is also an MSA word
    (متين 200 / "strong", تنين 2 / "dragon") is read only with its variety's hint,
    and only in a number's context: with more parts (متين وعشرة) or a unit after it
    (متين جنيه). Elsewhere the MSA reading wins."""
    if num.digits or num.j > num.i + 1 or num.stem not in doc.lex.homographs:
        return True
    return unit_after(doc, num.j) is not None


def not_below_zero(doc, num) -> bool:
    """3 درجات تحت الصفر، 2 تحت الصفر: the zero of "below zero" after a temperature is
    the zero of the scale, which makes the temperature negative, not a number of its own."""
    if num.digits or doc.toks[num.j - 1].text not in doc.lex.below_zero.last:
        return True
    hit = doc.phrase_before(num.j, doc.lex.below_zero)
    return hit is None or hit[1] >= num.i


def not_unit_power(doc, num) -> bool:
    """كم2، م3، سم²: digits glued to a unit word that make a unit with it (square and cubic
    units) are the unit's power, not a number of their own."""
    if not num.digits or num.i == 0 or not doc.adjacent(num.i) or doc.toks[num.i - 1].kind != WORD:
        return True
    hit = doc.phrase_before(num.j, doc.lex.unit_phrases)
    return hit is None or hit[1] >= num.i


def colloquial_in_context(doc, num) -> bool:
    """بلدة تمانة "the town of Tamana": a colloquial number word read without its
    variety's hint (تمانة، حداشر) is a number only in a number's context — with more
    parts, or a unit or a counted noun after it; place and family names look like them."""
    lex = doc.lex
    if num.digits or lex.variety is not None or num.j > num.i + 1 or num.stem not in lex.colloquial:
        return True
    return unit_after(doc, num.j) is not None or noun_like(lex, doc.word(num.j))


def not_dual_naming_a_list(doc, num) -> bool:
    """المادتين 5 و6، وزارتي الصحة والتعليم: a dual that names the two things listed
    after it (numbers, or two nouns joined by و) counts nothing; and a construct dual
    needs a noun after it: رحلتي في is "my trip", ركلتي جزاء "two kicks"."""
    if not num.dual_noun:
        return True
    if doc.lex.dual_nouns.get(doc.norm[num.start:num.end], (None, False))[1] \
            and not noun_like(doc.lex, doc.word(num.j)):
        return False
    nxt = doc.toks[num.j] if num.j < doc.n else None
    if nxt is None:
        return True
    if nxt.kind == DIGITS:
        return False
    after = doc.word(num.j + 1)
    return not (doc.word(num.j) is not None and after is not None and morphology.is_definite(doc.word(num.j))
                and morphology.readings(after, morphology.WA_ARTICLE, frozenset(morphology.WA_ARTICLE)))


def digit_fraction_before_a_unit(doc, num) -> bool:
    """24/7، 3/4 alone: digits over digits are a fraction only before a unit, a counted
    noun or من (3/4 كوب، 1/2 من الناس); elsewhere they are no number of ours."""
    if not num.digit_fraction:
        return True
    nxt = doc.word(num.j)
    return unit_after(doc, num.j) is not None or (nxt is not None and (nxt in doc.lex.partitive
                                                                       or noun_like(doc.lex, nxt)))


# --- mentions ---------------------------------------------------------------------

#: the kinds of unit that make a number after a naming head an amount
_AMOUNT_KINDS = frozenset({"money", "measure", "duration"})


def plausible_year(doc, cand, m) -> bool:
    """عام 2500 شخص is no year: a four-digit number is a year only inside the
    calendar table's year range, and without a year cue (عام، في …) only inside
    its narrower bare range (1850 قتيلا stays a count). A year with an era marker
    (سنة 505هـ، 1258م) is one whatever its size."""
    if year_era(doc, cand.first) is not None:
        return True
    y = int(m.value)
    low, high = doc.lex.year_range
    if not low <= y <= high:
        return False
    strong, weak = year_cue(doc, cand.i)
    low, high = doc.lex.bare_year_range
    return strong or weak or low <= y <= high


def dash_not_sign(doc, cand, m) -> bool:
    """A "-" before a count is a dash (a list item, a range), not a
    minus sign: the sign is dropped from the value and the span. A range that is
    no longer ordered without it does not stand."""
    if cand is None or cand.first.sign_span is None:
        return True
    m.start = cand.first.sign_span[1]
    if isinstance(m.value, (int, float)):
        m.value = abs(m.value)
    if isinstance(m.low, (int, float)):
        m.low = abs(m.low)
    return m.low is None or m.high is None or m.low < m.high


def not_one_after_a_number(doc, cand, m) -> bool:
    """تلاتة مليون واحد "three million people": واحد right after a number is that
    number's counted noun (colloquial "one, person"), not a count of one."""
    num = cand.first if cand is not None else None
    if num is None or num.digits or num.j != num.i + 1 or num.value != 1 or num.prefix or num.i == 0:
        return True
    prev = doc.toks[num.i - 1]
    if not doc.taken[num.i - 1] or prev.end == num.start:
        return True
    return not (prev.kind == DIGITS or word_reading(doc.lex, prev.text) is not None)


def unit_not_name(doc, cand, m) -> bool:
    """الكيلو بقى بـ 120 جنيه، بعد رحلة 5 ساعات: a number with a currency, a unit of
    measure or of time written after it is an amount, not the name of a thing, even
    after a naming head (الكيلو 60 on a road, رحلة 447 a flight)."""
    u = unit_after(doc, cand.j)
    return u is None or u.unit.kind not in _AMOUNT_KINDS


def counted_not_name(doc, cand, m) -> bool:
    """خط الدفاع 3 لاعبين، رقم 5 و3 قرارات أخرى، فاز بكأس العالم 5 مرات: a number after a
    naming head with a plural counted noun after it counts that noun; it names nothing."""
    return not counted_noun_at(doc, cand.j, plural_only=True)


def counted_not_rank(doc, cand, m) -> bool:
    """استقبل المركز 300 مريض، تقام في الجولة 3 مباريات: after a rank head that also names
    an institution, an event or a period (المركز "the centre"), a counted noun after the
    number makes it a count; the heads of a point in time (الدقيقة 90 هدف التعادل) hold
    nothing."""
    i = doc.tokens_in(m.entity[0], m.entity[1])[0] if m.entity else None
    if i is None or rank_point(doc.lex, doc.toks[i].text):
        return True
    return not counted_noun_at(doc, cand.j, plural_only=False)


def year_not_name(doc, cand, m) -> bool:
    """كأس العالم 2022، أولمبياد باريس 2024، رؤية 2030: a year after a naming head names
    the edition or the programme, not a date (the head rule types it); a year noun right
    before it keeps it a year (القانون رقم 8 لسنة 1980)."""
    strong, weak = year_cue(doc, cand.i)
    return strong or weak or not named_by_head(doc, cand)


def not_place_name(doc, cand, m) -> bool:
    """مدينة 6 أكتوبر، ميدان 23 يوليو، جسر 15 مايو: a day and month in construct after an
    indefinite place noun name the place (its identifier finder reads it), not a date."""
    i = doc.tokens_in(m.start, m.end)[0]
    return place_date_at(doc, i) is None


def not_relative_day(doc, cand, m) -> bool:
    """أول أمس is "the day before yesterday", not the first of anything."""
    i, j = doc.tokens_in(m.start, m.end)
    return doc.word(j) not in doc.lex.relative_days


def not_elative(doc, cand, m) -> bool:
    """أولى with nothing after it, or with its complement (أولى بالاهتمام، أولى به),
    is the elative "more deserving", not "first": an ordinal only before its noun."""
    lex = doc.lex
    if doc.norm[m.start:m.end] not in lex.elative_ordinals:
        return True
    nxt = doc.word(doc.tokens_in(m.start, m.end)[1])
    if nxt is None:
        return False
    for sp in morphology.splits(nxt):
        if sp.prefix and morphology.PREPOSITION in morphology.parts_of(sp.prefix) \
                and sp.prefix[0] in lex.elative_prepositions:
            return False
    return not any(nxt == p + s for p in lex.elative_prepositions for s in morphology.PRONOUN_SUFFIXES)


def not_unit_homograph(doc, cand, m) -> bool:
    """ثانية without the article is the unit "a second" unless it follows a noun it
    ranks (مرة ثانية): after a number or alone it is no ordinal."""
    i, j = doc.tokens_in(m.start, m.end)
    prefix = doc.norm[doc.toks[i].start:m.start]
    if doc.norm[m.start:m.end] not in doc.lex.unit_homograph_ordinals \
            or morphology.ARTICLE in morphology.parts_of(prefix):
        return True
    return i > 0 and doc.toks[i - 1].kind == WORD and not doc.taken[i - 1]


NUMERAL_GUARDS: tuple[NumeralGuard, ...] = (
    NumeralGuard("weekday", not_weekday),
    NumeralGuard("one-of", not_one_of),
    NumeralGuard("homograph", not_homograph),
    NumeralGuard("below-zero", not_below_zero),
    NumeralGuard("unit-power", not_unit_power),
    NumeralGuard("colloquial", colloquial_in_context),
    NumeralGuard("dual-list", not_dual_naming_a_list),
    NumeralGuard("digit-fraction", digit_fraction_before_a_unit),
)
MENTION_GUARDS: tuple[MentionGuard, ...] = (
    MentionGuard("year-range", frozenset({"date.year"}), plausible_year),
    MentionGuard("dash-not-sign", frozenset(k.name for k in KINDS if k.nonnegative), dash_not_sign),
    MentionGuard("one-after-number", frozenset({"count"}), not_one_after_a_number),
    MentionGuard("place-date", frozenset({"date.month"}), not_place_name),
    MentionGuard("year-not-name", frozenset({"date.year"}), year_not_name),
    MentionGuard("unit-not-name", frozenset({"identifier.head"}), unit_not_name),
    MentionGuard("counted-not-name", frozenset({"identifier.head"}), counted_not_name),
    MentionGuard("counted-not-rank", frozenset({"ordinal.rank-head"}), counted_not_rank),
    MentionGuard("relative-day", frozenset({"ordinal.construct"}), not_relative_day),
    MentionGuard("elative", frozenset({"ordinal.construct"}), not_elative),
    MentionGuard("unit-homograph", frozenset({"ordinal.word"}), not_unit_homograph),
)
GUARDS = (*NUMERAL_GUARDS, *MENTION_GUARDS)
