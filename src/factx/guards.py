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

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from .language import morphology
from .lemmas import lemma
from .numerals.scan import AFTER_AGAINST, AFTER_COMPARISON, joins_unit_noun
from .numerals.words import word_reading
from .text.tokens import DIGITS, LATIN, WORD
from .rules.date import year_cue, year_era
from .rules.identifier import HEAD, head_before, named_by_head, phone_patterns, place_date_at
from .rules.nouns import counted_noun_at, looks_plural, noun_like
from .rules.ordinal import rank_point
from .rules.qualifiers import comparison_before
from .rules.registry import KINDS
from .rules.units import unit_after


class NumeralGuard(NamedTuple):
    """``keep(doc, numeral) -> bool``: does the numeral reader's proposal stand?
    `digits` says which numerals it can reject: True only numerals written in digits,
    False only number words, None both (the pipeline does not ask it about the others)."""

    name: str
    keep: Callable
    digits: bool | None = None


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
    and only in a number's context: with more parts (متين وعشرة), a unit after it
    (متين جنيه) or a counted noun, plural (تلت ولاد) or, after a hundred, singular
    (ميتين شخص). Elsewhere the MSA reading wins. Without the hint, a word its overlay
    lists `before_unit` is read only with a unit right after the number (ميتين ريال،
    ميتين وخمسين ألف ليرة; not جدار متين وعشرة أبواب). Either way a fraction joined to a
    unit noun before it is a number (ساعة ونص)."""
    if num.digits:
        return True
    if num.stem in doc.lex.homographs_before_unit:
        return unit_after(doc, num.j) is not None or joins_unit_noun(doc, num)
    if num.j > num.i + 1 or num.stem not in doc.lex.homographs:
        return True
    nxt = doc.word(num.j)
    return unit_after(doc, num.j) is not None or joins_unit_noun(doc, num) or (
        noun_like(doc.lex, nxt) and not morphology.is_definite(nxt)
        and (looks_plural(doc.lex, nxt) or num.value >= 100))    # ميتين شخص: a hundred takes a singular


def not_below_zero(doc, num) -> bool:
    """3 درجات تحت الصفر، 2 تحت الصفر: the zero of "below zero" after a temperature is
    the zero of the scale, which makes the temperature negative, not a number of its own."""
    if num.digits or doc.toks[num.j - 1].text not in doc.lex.below_zero.last:
        return True
    hit = doc.phrase_before(num.j, doc.lex.below_zero)
    return hit is None or hit[1] >= num.i


def not_unit_power(doc, num) -> bool:
    """كم2، م3، سم²، m2: digits glued to a unit word or symbol that make a unit with it
    (square and cubic units) are the unit's power, not a number of their own."""
    if not num.digits or num.i == 0 or not doc.adjacent(num.i) or doc.toks[num.i - 1].kind not in (WORD, LATIN):
        return True
    for table in (doc.lex.unit_phrases, doc.lex.unit_symbols):
        hit = doc.phrase_before(num.j, table)
        if hit is not None and hit[1] < num.i:
            return False
    return True


def colloquial_in_context(doc, num) -> bool:
    """بلدة تمانة "the town of Tamana": a colloquial number word read without its
    variety's hint (تمانة، حداشر) is a number only in a number's context — with more
    parts, a unit or a counted noun after it, or a unit noun before it (ساعة ونص); place
    and family names look like them."""
    lex = doc.lex
    if num.digits or lex.variety is not None or num.j > num.i + 1 or num.stem not in lex.colloquial:
        return True
    return unit_after(doc, num.j) is not None or noun_like(lex, doc.word(num.j)) or joins_unit_noun(doc, num)


def not_dual_naming_a_list(doc, num) -> bool:
    """المادتين 5 و6، وزارتي الصحة والتعليم، في الدقيقتين 12 و78: a dual that names the two
    things listed after it (numbers, or two nouns joined by و) counts nothing; and a
    construct dual needs a noun after it: رحلتي في is "my trip", ركلتي جزاء "two kicks"."""
    if num.unit is not None and num.unit.dual:
        prefix = doc.norm[doc.toks[num.i].start:num.start]
        return not (morphology.ARTICLE in morphology.parts_of(prefix) and num.j < doc.n
                    and doc.toks[num.j].kind == DIGITS)
    if not num.counts_itself or num.value != 2:             # a dual, not a goal tally
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


def not_in_a_name(doc, num) -> bool:
    """بئر السبع، ألف ليلة وليلة، مجموعة العشرين، ميلان، ربع النهائي، ألف مبروك، 24/7:
    a number word (or digits) inside a name or a set phrase of the names table
    (data/names.toml: places, works, events, groups, clubs, stages, terms, idioms) states
    no number."""
    return not _in_a_name(doc, num.i)


def ordinal_not_in_a_name(doc, cand, m) -> bool:
    """ثاني أكسيد الكربون، أول أكسيد الكربون: an ordinal word inside a name or a term of
    the names table ranks nothing (the ordinal finders read words no numeral guard sees)."""
    return not _in_a_name(doc, doc.tokens_in(m.start, m.end)[0])


def _in_a_name(doc, i: int) -> bool:
    """Is token i inside a name or a set phrase of the names table?"""
    lex = doc.lex
    if not _may_be_in_a_name(lex, doc.toks[i].text):
        return False
    names = lex.names
    for k in range(max(0, i - names.max_words + 1), i + 1):
        hit = doc.phrase_at(k, names, morphology.NO_ARTICLE)
        if hit is not None and hit[1] > i:
            return True
    return False


@lru_cache(maxsize=65536)
def _may_be_in_a_name(lex, word: str) -> bool:
    """Is `word`, or its stem without a first word's proclitics, a token of a name?"""
    return word in lex.name_tokens or any(stem in lex.name_tokens
                                          for stem in morphology.clitic_stems(word, morphology.NO_ARTICLE))


def not_place_name(doc, num) -> bool:
    """مدينة الخمس، بلدة السبع: a number word with the article right after the singular
    noun of a place (cues.toml [identifier] place_heads) is the place's name. A number that counts
    places follows a plural (المدن الخمس) or stands before it (خمس مدن); a counted noun
    after the number word (مدينة الخمسين ألف نسمة) makes it a number again."""
    if num.digits or not num.definite or num.i == 0 or num.j != num.i + 1 or num.stem in doc.lex.colloquial:
        return True                                  # a colloquial word: the colloquial guard's to judge
    prev = doc.word(num.i - 1)
    if prev is None or doc.taken[num.i - 1]:
        return True
    heads = doc.lex.id_place_heads
    if not any(sp.stem in heads for sp in morphology.splits(prev) if not sp.definite):
        return True
    nxt = doc.word(num.j)
    return unit_after(doc, num.j) is not None or (
        noun_like(doc.lex, nxt) and not morphology.is_definite(nxt)
        and not morphology.readings(nxt, morphology.ANY, morphology.WA_REQUIRED))


def not_the_single(doc, num) -> bool:
    """الدولار الواحد، في اليوم الواحد: الواحد / الواحدة with the article after a definite
    noun is the adjective "single", "each" (the dollar is worth …), not a count of one."""
    if num.digits or not num.definite or num.value != 1 or num.j != num.i + 1 or num.i == 0:
        return True
    prev = doc.word(num.i - 1)
    return prev is None or doc.taken[num.i - 1] or not morphology.is_definite(prev)


def not_indefinite_article(doc, num) -> bool:
    """واحد صاحبي قالي، واحدة ست: in speech a bare واحد / واحدة before a noun, with no
    noun or number before it, is the indefinite article "a (certain)"; a count of one
    follows its noun (رجل واحد) or stands alone."""
    if num.digits or num.definite or num.prefix or num.value != 1 or num.j != num.i + 1 or num.stem \
            not in doc.lex.units:
        return True
    nxt = doc.word(num.j)
    if nxt is None or doc.taken[num.j] or unit_after(doc, num.j) is not None or not noun_like(doc.lex, nxt):
        return True
    if num.i == 0:
        return False
    prev = doc.toks[num.i - 1]
    if prev.kind != WORD:
        return prev.kind == DIGITS
    return noun_like(doc.lex, prev.text) or word_reading(doc.lex, prev.text) is not None


#: the qualifiers under which a bare singular noun is the number one
_BOUNDS = frozenset({"more_than", "less_than", "at_least", "at_most"})


def bound_singular(doc, num) -> bool:
    """مدة لا تقل عن سنة (one year at least), أكثر من شهر; not a singular noun the
    comparison words do not reach: يزيد عدد الطلاب كل عام. The reader proposes the noun
    after a comparison word; it stands only when the comparison, read back from the noun
    as for any number, ends right before it. After a score's مقابل (بهدفين مقابل هدف) the
    noun stands only when the side before counts the same noun: not مقابل هدف نبيل. (A
    noun next to a duration head or before a one-nil phrase, لمدة عام، بهدف نظيف, is
    proposed only where the reader has seen its cue: nothing is left to verify.)"""
    if num.singular == AFTER_AGAINST:
        return _same_noun_before(doc, num.i - 2, doc.norm[num.start:num.end])
    if num.singular == AFTER_COMPARISON:
        hit = comparison_before(doc, num.i)
        return hit is not None and hit.qualifier in _BOUNDS
    return True


def _same_noun_before(doc, k: int, noun: str) -> bool:
    """Does token k count `noun` (بهدفين، بثلاثة أهداف، بثلاثية before مقابل هدف)?"""
    w = doc.word(k)
    if w is None:
        return False
    lex = doc.lex
    duals = lex.dual_nouns
    return lemma(w) == noun or any(duals.get(sp.stem, ("",))[0] == noun
                                   or (sp.stem in lex.score_tallies and noun in lex.score_goals)   # بثلاثية مقابل هدف
                                   for sp in morphology.splits(w))


# --- mentions ---------------------------------------------------------------------

#: the kinds of unit that make a number after a naming head an amount
_AMOUNT_KINDS = frozenset({"money", "measure", "duration"})


def outside_addresses(doc, cand, m) -> bool:
    """https://site.com/search?q=30%25، www.x.com/news/2019/05/12/، info2020@mail.com:
    a mention inside a web or mail address (a URL escape read as a percent, the date
    of a path, a code) is part of the address, not a fact."""
    return not doc.in_address(m.start)


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


#: a phone number's digits, with its country code and extension
_PHONE_DIGITS = (7, 15)
#: the digits of a phone number written with neither a country code nor a trunk 0
_BARE_PHONE_DIGITS = (9, 12)
_PHONE_GROUP_RE = re.compile(r"[0-9]+")


def phone_shape(doc, cand, m) -> bool:
    """1.234.567، 25 000 000، 2010-2015، 1500000000 دولار are numbers, not phones: digit
    groups are a phone number with a country code (+33 1 46647998، (+1)6507018887) or a
    trunk 0 (0933 123 456) and 7 to 15 digits; without either, with 9 to 12 digits in one
    run not ending in 000 and with no unit or noun after it (6507018887), in groups of
    3, 3 and 4 (650 701 8887), in three or four groups joined by hyphens or dots
    (650-701-8887), or in four single digits or more joined by dots (4.8.6.6.8.2.7).
    Groups of three after the first (thousands) make a number, and so do a table's
    numbers in a row (1250 1300 1420)."""
    text = doc.norm[m.start:m.end]
    ext = phone_patterns(doc.lex)[1].search(text)
    body = text[:ext.start()] if ext else text
    n = len(m.value)
    if not _PHONE_DIGITS[0] <= n <= _PHONE_DIGITS[1]:
        return False
    groups = _PHONE_GROUP_RE.findall(body)
    if body.lstrip("( ").startswith(("+", "00")):
        return True
    if body.startswith("0") and n >= 8:
        return True
    if len(groups) > 1 and len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]) \
            and len(set(_PHONE_GROUP_RE.split(body)[1:-1])) == 1:
        return False                                  # 1.234.567، 25 000 000: thousands
    if len(groups) >= 4 and all(len(g) == 1 for g in groups) and "." in body:
        return True
    bare = sum(map(len, groups))
    if not _BARE_PHONE_DIGITS[0] <= bare <= _BARE_PHONE_DIGITS[1]:
        return False
    if len(groups) == 1:
        j = doc.tokens_in(m.start, m.end)[1]
        return not groups[0].endswith("000") and unit_after(doc, j) is None and not noun_like(doc.lex, doc.word(j))
    seps = {x.strip() for x in _PHONE_GROUP_RE.split(body)[1:-1]}
    return len(groups) >= 3 and ([len(g) for g in groups] == [3, 3, 4]
                                 or (len(groups) <= 4 and len(groups[-1]) >= 3 and "" not in seps))


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
    after a naming head (الكيلو 60 on a road, رحلة 447 a flight) or in the square
    brackets of a footnote marker ([ 7 ] كيلومترات)."""
    u = unit_after(doc, cand.j)
    return u is None or u.unit.kind not in _AMOUNT_KINDS


def counted_not_name(doc, cand, m) -> bool:
    """خط الدفاع 3 لاعبين، رقم 5 و3 قرارات أخرى، فاز بكأس العالم 5 مرات، تراجع مؤشر داو
    جونز 350 نقطة: a number after a naming head or a series name with a counted noun after
    it (a plural, or a noun the lexicon counts, in the singular after 11 and more) counts
    that noun; it names nothing (آيفون 15 برو, بوينغ 737 ماكس still name)."""
    if counted_noun_at(doc, cand.j, plural_only=True):
        return False
    v = cand.first.value
    return v is None or v < _SINGULAR_TAMYIZ or not _counted_singular(doc, cand.j)


#: the smallest number whose counted noun is a singular (11 and more: 45 مقعداً)
_SINGULAR_TAMYIZ = 11


def _counted_singular(doc, j: int) -> bool:
    """Is the word at token j a counted noun in the singular, free and without the
    article: one the lexicon counts (نقطة، وفاةً), or any noun in the indefinite
    accusative that the tamyiz of 11 and more takes (120 صوتاً، 45 مقعداً; not a nisba
    adverb: عالمياً)?"""
    w = doc.word(j)
    if w is None or doc.taken[j]:
        return False
    singulars = doc.lex.counted_singulars
    if w in singulars:
        return True
    if not w.endswith(morphology.ACCUSATIVE_ENDINGS) or morphology.is_definite(w):
        return False
    stem = w[:-1]
    return stem in singulars or (noun_like(doc.lex, w) and not morphology.nisba_like(stem)
                                 and w not in doc.lex.adverbs and len(stem) >= 3)


def range_not_name(doc, cand, m) -> bool:
    """المواد من 10 إلى 15 (articles 10 to 15), but عدد المواد بين 10 و15 مادة، المواد من
    3 إلى 5 كيلوغرامات: the ends of a range after a naming head name things only when
    no unit or counted noun follows the range's last number, which all its ends share.
    A singular head right before the first number names it all the same (قفز سعر الذهب
    عيار 21 إلى 3,650 جنيهاً: the grade 21, and the price it rose to)."""
    found = head_before(doc, cand.i)
    if found is not None and found == (HEAD, cand.i - 1):
        return True
    j = cand.j
    if doc.word(j) in doc.lex.range_closers and j + 1 < doc.n and doc.toks[j + 1].kind == DIGITS:
        j = _digits_end(doc, j + 1)
    elif not (doc.word(cand.i - 1) in doc.lex.range_closers):
        return True
    u = unit_after(doc, j)
    return (u is None or u.unit.kind not in _AMOUNT_KINDS) and not counted_noun_at(doc, j, plural_only=False)


def _digits_end(doc, k: int) -> int:
    """The token after the number written in digits from token k (15، 1,500، 43.5)."""
    while k + 2 < doc.n and doc.toks[k + 1].text in ",." and doc.adjacent(k + 1) and doc.adjacent(k + 2) \
            and doc.toks[k + 2].kind == DIGITS:
        k += 2
    return k + 1


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


def not_a_place_date(doc, cand, m) -> bool:
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
    NumeralGuard("weekday", not_weekday, digits=False),
    NumeralGuard("one-of", not_one_of, digits=False),
    NumeralGuard("homograph", not_homograph, digits=False),
    NumeralGuard("below-zero", not_below_zero, digits=False),
    NumeralGuard("unit-power", not_unit_power, digits=True),
    NumeralGuard("colloquial", colloquial_in_context, digits=False),
    NumeralGuard("dual-list", not_dual_naming_a_list),
    NumeralGuard("digit-fraction", digit_fraction_before_a_unit),
    NumeralGuard("in-a-name", not_in_a_name),
    NumeralGuard("place-name", not_place_name, digits=False),
    NumeralGuard("the-single", not_the_single, digits=False),
    NumeralGuard("indefinite-article", not_indefinite_article, digits=False),
    NumeralGuard("bound-singular", bound_singular, digits=False),
)
MENTION_GUARDS: tuple[MentionGuard, ...] = (
    MentionGuard("address", frozenset(k.name for k in KINDS), outside_addresses),
    MentionGuard("year-range", frozenset({"date.year", "date.year-words"}), plausible_year),
    MentionGuard("phone-shape", frozenset({"identifier.phone"}), phone_shape),
    MentionGuard("dash-not-sign", frozenset(k.name for k in KINDS if k.nonnegative), dash_not_sign),
    MentionGuard("one-after-number", frozenset({"count"}), not_one_after_a_number),
    MentionGuard("place-date", frozenset({"date.month"}), not_a_place_date),
    MentionGuard("year-not-name", frozenset({"date.year"}), year_not_name),
    MentionGuard("unit-not-name", frozenset({"identifier.head", "identifier.footnote", "identifier.series"}),
                 unit_not_name),
    MentionGuard("counted-not-name", frozenset({"identifier.head", "identifier.series"}), counted_not_name),
    MentionGuard("range-not-name", frozenset({"identifier.head"}), range_not_name),
    MentionGuard("counted-not-rank", frozenset({"ordinal.rank-head"}), counted_not_rank),
    MentionGuard("relative-day", frozenset({"ordinal.construct"}), not_relative_day),
    MentionGuard("elative", frozenset({"ordinal.construct"}), not_elative),
    MentionGuard("unit-homograph", frozenset({"ordinal.word"}), not_unit_homograph),
    MentionGuard("ordinal-in-a-name", frozenset({"ordinal"}), ordinal_not_in_a_name),
)
GUARDS = (*NUMERAL_GUARDS, *MENTION_GUARDS)
