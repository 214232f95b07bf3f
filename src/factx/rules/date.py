"""Dates: calendar mentions that must never become counts.

* month-anchored dates in every month system, the month possibly doubled
  (21 آب/أغسطس، 18 يونيو / حزيران، 22 يناير كانون الثاني، أول فبراير شباط),
  with an optional day before and year after (يناير/ كانون الثاني 2017،
  أبريل/ نيسان في 2017); the day may be joined by من and written as an
  ordinal (14 من رمضان، الخامس عشر من شعبان سنة 1340هـ، ٤من المايو);
* numeric dates in any spacing and order (31/08/2019، 15 / 3 / 1998،
  1998/3/15، 23/8/1426هـ), and a day and month alone after a date cue (في 22/4);
* years written in digits after a year cue (عام 2017، في 2018) or with an
  era marker (2019م، 1440هـ، سنة 505 هـ، ٨٠٨ للهجرة).

An era marker sets the calendar and stays out of the span (SPEC §5.4); with
one, a year of fewer than four digits is a year, written with four (0505).
"""

from __future__ import annotations

import calendar as _cal
import re
from functools import lru_cache

from ..language import morphology
from ..numerals.words import TEN, Numeral, read_number, word_reading
from ..text.document import Document
from ..text.tokens import COMMAS, DIGITS, GAP, WORD, opening_wrapper
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import entity_after
from .ordinal import ordinal_at
from .qualifiers import qualifier_after, qualifier_before
from .ranges import opener
from .units import unit_after

KINDS = (Kind("date", quantity=False),)

# Matched at each run of digits (`Document.digit_matches`), by stdlib `re`, whose match
# at a position costs nothing for the length of the text; the boundaries (no digit or
# separator around the match) are checked in Python.
# Three parts make a date (15 / 3 / 1998: a slash or a dash may have a space on
# either side, a dot not); two parts with a slash a day and a month (22/4).
_NUMERIC_DATE_RE = re.compile(r"[0-9]{1,4} ?([/.\-]) ?[0-9]{1,2}(?: ?\1 ?[0-9]{1,4})?")
_DATE_EDGE = frozenset("0123456789/.-")
#: what may stand between the two names of a doubled month (آب/أغسطس، (أغسطس))
_DOUBLING = frozenset({"/", "-", "(", ")"})
#: separators inside a number (1,250) or a date (15/3): a digit glued after one is no day
_NUMBER_SEPARATORS = frozenset({".", ",", "،", "/", ":"})
_YEAR_SEPARATORS = frozenset({".", ",", "،", "٬"})
#: what ends the clause a year's context is looked for in
_CLAUSE_ENDS = frozenset({*COMMAS, ".", GAP, ":", "؛", ";", "(", ")"})
#: how many tokens back a verb of change may stand from the level marker before a number
_CHANGE_REACH = 6
_HIJRI_DAYS = 30


def bounded(norm: str, a: int, b: int, edge) -> bool:
    """No character of `edge` right before `a` or right at `b`."""
    return not ((a > 0 and norm[a - 1] in edge) or (b < len(norm) and norm[b] in edge))


#: a full numeric date glued by a dash to the one before or after it (1/1/2024-31/12/2024)
_DASHED_DATE = r"[0-9]{1,4}([/.])[0-9]{1,2}\1[0-9]{1,4}"
_DATE_AFTER_DASH = re.compile(rf"-{_DASHED_DATE}(?![0-9]|[/.\-][0-9])")
_DATE_BEFORE_DASH = re.compile(rf"(?<![0-9/.\-]){_DASHED_DATE}-\Z")
#: the longest such date with its dash (1234/12/1234-)
_DASHED_LONGEST = 13


def _date_bounded(norm: str, a: int, b: int, full: bool) -> bool:
    """A numeric date is not part of a longer run of digits and separators: nothing of
    `_DATE_EDGE` before it, and after it no digit, nor a separator before a digit (the
    full stop that ends a sentence after 1/1/2025. is no part of it). A `full` date
    (day, month and year, / or .) may be glued by a dash to another (1/1/2024-31/12/2024)."""
    if a > 0 and norm[a - 1] in _DATE_EDGE and not (
            full and norm[a - 1] == "-" and _DATE_BEFORE_DASH.search(norm, max(0, a - _DASHED_LONGEST), a)):
        return False
    if b >= len(norm) or norm[b] not in _DATE_EDGE:
        return True
    if full and norm[b] == "-" and _DATE_AFTER_DASH.match(norm, b):
        return True
    return not norm[b].isdigit() and (b + 1 >= len(norm) or not norm[b + 1].isdigit())


def in_year_range(lex, y: int) -> bool:
    low, high = lex.year_range
    return low <= y <= high


def _valid_day(day: int, month: int, year: int | None, cal: str = "gregorian") -> bool:
    if cal == "hijri":
        return 1 <= day <= _HIJRI_DAYS
    return 1 <= day <= _cal.monthrange(year or 2000, month)[1]


# --- era markers -----------------------------------------------------------------

def era_at(doc: Document, k: int) -> str | None:
    """The calendar named by an era marker at token k (هـ، للهجرة: hijri; م، ميلادي:
    gregorian), or None."""
    w = doc.word(k)
    if w is None:
        return None
    if w in doc.lex.hijri_year_suffix:
        return "hijri"
    if w in doc.lex.gregorian_year_suffix:
        return "gregorian"
    return None


def year_era(doc: Document, num: Numeral) -> str | None:
    """The calendar of the era marker written after a year of digits (1436هـ، 505 هـ،
    and the second year of a pair: بين عامي 132 و656 للهجرة), or None.

    A marker that is also a unit (م: 1500 م is a distance) marks a year only in a
    year's context (see `_homograph_era`).
    """
    j = num.j
    cal = era_at(doc, j)
    if cal is None and doc.tok_text(j) in morphology.DETACHED_WA and j + 1 < doc.n \
            and doc.toks[j + 1].kind == DIGITS and len(doc.toks[j + 1].text) <= 4:
        j += 2
        cal = era_at(doc, j)
    if cal is None or doc.word(j) not in doc.lex.era_homographs:
        return cal
    return cal if _homograph_era(doc, num, j) else None


def _homograph_era(doc: Document, num: Numeral, marker: int) -> bool:
    """Is the marker at token `marker` (م, also "metre") an era marker after `num`?
    After a year noun (عام 632م); after a weaker year cue for a four-digit year (في
    1258م); after a concordance word or a Hijri year (656هـ/1258م، الموافق 4 يونيو
    2022 م); or glued to a year of the bare range (1967م)."""
    strong, weak = year_cue(doc, num.i)
    if strong or (weak and num.ndigits == 4):
        return True
    if doc.phrase_before(num.i, doc.lex.concordance) is not None:
        return True
    if doc.tok_text(num.i - 1) in _DOUBLING and era_at(doc, num.i - 2) == "hijri":
        return True
    low, high = doc.lex.bare_year_range
    return doc.adjacent(marker) and num.ndigits == 4 and low <= int(num.value) <= high


# --- numeric dates ---------------------------------------------------------------

def _numeric_date(a: str, b: str, c: str, era: str | None) -> tuple[int, int, int] | None:
    """31/08/2019, 15 / 3 / 1998, 1998/3/15, 2019-08-31 → (year, month, day). A day
    and month come first when the year is last (the Arabic order); a year of three
    digits only with an era marker (12/5/505هـ)."""
    if len(a) == 4 and len(c) <= 2:
        return int(a), int(b), int(c)
    if len(a) <= 2 and (len(c) == 4 or (len(c) == 3 and era is not None)):
        return int(c), int(b), int(a)
    return None


def find_numeric(doc: Document):
    """31/08/2019، 15 / 3 / 1998، 1998/3/15، 23/8/1426هـ: day, month and year in digits,
    the calendar from an era marker after them (left out of the span); and a day and
    a month after a date cue (`_day_month`)."""
    lex = doc.lex
    for m in doc.digit_matches(_NUMERIC_DATE_RE):
        sep = m.group(1)
        parts = m.group().split(sep)
        if (sep == "." and " " in m.group()) or (len(parts) == 2 and sep != "/") \
                or not _date_bounded(doc.norm, *m.span(), len(parts) == 3 and sep != "-"):
            continue
        i, j = doc.tokens_in(m.start(), m.end())
        if doc.any_taken(i, j):
            continue
        if len(parts) == 2:
            d = _day_month(doc, i, j, int(parts[0]), int(parts[1]))
            if d is not None:
                yield Mention("date", m.start(), m.end(), d, calendar="gregorian", rule="date.day-month")
            continue
        era = era_at(doc, j)
        ymd = _numeric_date(*(x.strip() for x in parts), era)
        if ymd is None:
            continue
        y, mo, d = ymd
        cal = era or "gregorian"
        if 1 <= mo <= 12 and (era is not None or in_year_range(lex, y)) and _valid_day(d, mo, y, cal):
            yield Mention("date", m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", calendar=cal)


def _day_month(doc: Document, i: int, j: int, day: int, month: int) -> str | None:
    """في 22/4، منذ 1/7، بتاريخ 5/6: a day and a month in digits (tokens [i, j)) after a
    date cue are a date (SPEC §5.1: N/M in a date context); its value, or None. With a
    unit after it, N/M is no date (3/4 كوب); after a weak cue (في، من), nor with a noun
    after it (من 3/4 السكان)."""
    cue = doc.phrase_before(i, doc.lex.day_month_cues)
    if cue is None or not (1 <= month <= 12 and _valid_day(day, month, None)) \
            or (unit_after(doc, j) is not None if cue[0] else _counted_after(doc, j)):
        return None
    return f"XXXX-{month:02d}-{day:02d}"


# --- month names -----------------------------------------------------------------

@lru_cache(maxsize=65536)
def _month_splits(lex, w: str) -> tuple:
    """The readings of `w` whose stem can start a month name (most words: none)."""
    firsts = _month_first_words(lex)
    return tuple(sp for sp in morphology.splits(w) if sp.stem in firsts)


@lru_cache(maxsize=None)
def _month_first_words(lex) -> frozenset:
    return frozenset(p[0] for p in lex.months)


def month_at(doc: Document, k: int, article: bool = False):
    """A month name at token k, possibly after و/ب/ل/ف (and the article, with
    `article`): (month, calendar, end token, prefix, words)."""
    w = doc.word(k)
    if w is None or doc.taken[k]:
        return None
    months = doc.lex.months
    for sp in _month_splits(doc.lex, w):
        parts = morphology.parts_of(sp.prefix)
        if morphology.KA in parts or (morphology.ARTICLE in parts and not article):
            continue
        two = doc.word(k + 1)
        if two is not None and (sp.stem, two) in months:
            m, cal = months[(sp.stem, two)]
            return m, cal, k + 2, sp.prefix, (sp.stem, two)
        if (sp.stem,) in months:
            m, cal = months[(sp.stem,)]
            return m, cal, k + 1, sp.prefix, (sp.stem,)
    return None


def _year_at(doc: Document, k: int) -> tuple[int, int, str | None] | None:
    """A year at token k, optionally after في/عام/سنة/من عام: (year, end token of its
    digits, calendar of its era marker or None). Four digits in the year range, or
    up to four with an era marker (رجب سنة 583هـ)."""
    lex = doc.lex
    for skip in range(0, 3):
        t = doc.toks[k + skip] if k + skip < doc.n else None
        if t is None:
            return None
        if t.kind == DIGITS:
            e = k + skip + 1
            if len(t.text) > 4 or doc.taken[k + skip]:
                return None
            if e < doc.n and doc.toks[e].text in _YEAR_SEPARATORS and doc.adjacent(e) \
                    and e + 1 < doc.n and doc.toks[e + 1].kind == DIGITS and doc.adjacent(e + 1):
                return None
            era = era_at(doc, e)
            if era is None and not (len(t.text) == 4 and in_year_range(lex, int(t.text))):
                return None
            return int(t.text), e, era
        if t.kind != WORD or t.text not in lex.month_year_links:
            return None
    return None


def find_month(doc: Document):
    """21 آب/أغسطس، أول فبراير، يناير/ كانون الثاني 2017، الخامس من حزيران، 14 من رمضان
    1444: a month name with its day and year; and a month named by its number after
    شهر (`_month_number_date`)."""
    lex, toks, taken = doc.lex, doc.toks, doc.taken
    resume = 0
    month_nouns = tuple(lex.month_nouns)
    for k in doc.anchors:
        if k < resume or taken[k]:
            continue
        t = toks[k]
        if t.kind != WORD or not _month_splits(lex, t.text):
            before = toks[k - 1] if k else None
            if before is not None and before.kind == WORD and before.text.endswith(month_nouns):
                m = _month_number_date(doc, k)
                if m is not None:
                    yield m
                    resume = doc.tokens_in(m.start, m.end)[1]
            continue
        hit = month_at(doc, k)
        if hit is None:                                  # ٤من المايو: the article after a day and من
            hit = month_at(doc, k, article=True)
            if hit is None or _day_before(doc, k, hit[3])[0] is None:
                continue
        month, cal, end, prefix, words = hit
        end = _doubled(doc, month, cal, end)
        day, start_tok, start = _day_before(doc, k, prefix)
        if start_tok == k:
            start = doc.toks[k].start + len(prefix)
        year = None
        yr = _year_at(doc, end)
        if yr is None and day is not None and end < doc.n and doc.toks[end].text in COMMAS:
            yr = _year_at(doc, end + 1)
        if yr is not None:
            year, end, _ = yr
        if day is None and year is None:
            ambiguous = words in lex.ambiguous_months and end == hit[2]
            if (ambiguous and (prefix or doc.word(k - 1) not in lex.month_cues)) \
                    or (cal == "hijri" and lex.hijri_needs_number):
                resume = hit[2]
                continue
        if day is not None and not _valid_day(day, month, year, cal):
            day = None
            start_tok, start = k, doc.toks[k].start + len(prefix)
        y = f"{year:04d}" if year is not None else "XXXX"
        value = f"{y}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        if day is not None and start_tok == k - 1:        # من 1 إلى 7 مايو: the first day shares the month
            for k0, d0 in _days_sharing(doc, start_tok, month, year, cal):
                yield Mention("date", doc.toks[k0].start, doc.toks[k0].end, f"{y}-{month:02d}-{d0:02d}",
                              calendar=cal, rule="date.shared-month")
        yield Mention("date", start, doc.toks[end - 1].end, value, calendar=cal)
        resume = end


def _month_number_date(doc: Document, k: int) -> Mention | None:
    """شهر 3، بداية شهر ثلاثة، الثالث من شهر عشرة 2020: a month named by its number (at
    token k) after شهر (a cardinal from two on: شهر واحد is one month), with its day
    and year; with a counted noun after the number it is no month (خلال شهر 3 مرات)."""
    lex = doc.lex
    if doc.taken[k - 1]:
        return None
    noun = next((sp for sp in morphology.readings(doc.toks[k - 1].text, morphology.NO_ARTICLE)
                 if sp.stem in lex.month_nouns), None)
    if noun is None:
        return None
    month, j = _month_number(doc, k)
    if month is None or _counted_after(doc, j):
        return None
    day, start_tok, start = _day_before(doc, k - 1, noun.prefix)
    yr = _year_at(doc, j)
    year, end = (yr[0], yr[1]) if yr is not None else (None, j)
    if day is not None and not _valid_day(day, month, year):
        day = None
    if day is None:
        start = doc.toks[k - 1].start + len(noun.prefix)
    value = (f"{year:04d}" if year is not None else "XXXX") + f"-{month:02d}" \
        + (f"-{day:02d}" if day is not None else "")
    return Mention("date", start, doc.toks[end - 1].end, value, calendar="gregorian", rule="date.month-number")


def _month_number(doc: Document, k: int) -> tuple[int | None, int]:
    """The month number at token k (3، ثلاثة، اثنا عشر) and the token after it."""
    t = doc.toks[k]
    if t.kind == DIGITS:
        return (int(t.text), k + 1) if len(t.text) <= 2 and 1 <= int(t.text) <= 12 else (None, k)
    stop = k + 2
    if True in doc.taken[k:stop]:
        stop = doc.taken.index(True, k, stop)
    num = read_number(doc.norm, doc.toks, k, min(stop, doc.n), doc.lex)
    if num is None or num.prefix or num.value is None or num.value.denominator != 1 or num.scale \
            or not 2 <= num.value <= 12:
        return None, k
    return int(num.value), num.j


def _doubled(doc: Document, month: int, cal: str, end: int) -> int:
    """The end token of a doubled month name: آب/أغسطس، يونيو / حزيران، يناير كانون الثاني، (أغسطس)."""
    e2 = end
    if e2 < doc.n and doc.toks[e2].text in _DOUBLING:
        e2 += 1
    hit2 = month_at(doc, e2) if e2 < doc.n else None
    if hit2 is not None and hit2[0] == month and hit2[1] == cal and not hit2[3]:
        end = hit2[2]
        if end < doc.n and doc.toks[end].text == ")" and doc.toks[e2 - 1].text == "(":
            end += 1
    return end


def _day_before(doc: Document, k: int, prefix: str) -> tuple[int | None, int, int]:
    """The day before the month at token k: (day, first token, start offset), or
    (None, k, -1). 21 آب، أول فبراير; and after من (or من شهر): 14 من رمضان، الخامس
    عشر من شعبان، الحادي والعشرين من مارس، العشرين من أيار. A month with a proclitic
    takes no day, except the article after من (٤من المايو)."""
    none = None, k, -1
    link = None
    if k > 0 and not doc.taken[k - 1]:
        link = doc.phrase_before(k, doc.lex.day_month_links)
    if prefix and (link is None or morphology.parts_of(prefix) != {morphology.ARTICLE}):
        return none
    e = k if link is None else link[1]
    if e == 0 or doc.taken[e - 1]:
        return none
    prev = doc.toks[e - 1]
    if prev.kind == DIGITS:
        if len(prev.text) <= 2 and 1 <= int(prev.text) <= 31 \
                and not (e > 1 and doc.toks[e - 2].text in _NUMBER_SEPARATORS and doc.adjacent(e - 1)):
            return int(prev.text), e - 1, prev.start
        return none
    if prev.kind != WORD:
        return none
    for sp in morphology.readings(prev.text, morphology.NO_ARTICLE):
        if sp.stem in doc.lex.day_words:
            return doc.lex.day_words[sp.stem], e - 1, prev.start + len(sp.prefix)
    if link is None:
        return none
    for s in (e - 2, e - 1):                          # الخامس عشر، الحادي والعشرين، الخامس
        if s < 0 or doc.taken[s]:
            continue
        o = ordinal_at(doc, s)
        if o is not None and o[1] == e and 1 <= o[0] <= 31:
            return o[0], s, o[3]
    r = word_reading(doc.lex, prev.text, morphology.ARTICLE_ONLY, morphology.ARTICLE_ONLY)
    if r is not None and r[1].role == TEN and r[1].value <= 30:   # العشرين من أيار
        return r[1].value, e - 1, prev.start + len(r[0].prefix)
    return none


def _days_sharing(doc: Document, day_tok: int, month: int, year: int | None,
                  cal: str) -> list[tuple[int, int]]:
    """The days before the day at `day_tok` that share its month, in text order, as
    (token, day): the first day of "من 1 إلى 7 مايو" / "1-7 مايو", or the days of a list
    joined by و، أو or commas after a day cue or بين (يومي 12 و13 أكتوبر، في 5 و6 و7 مايو،
    بين 1 و7 مايو)."""
    days: list[tuple[int, int]] = []
    k = day_tok
    while k >= 2:
        link, k0 = doc.tok_text(k - 1), k - 2
        t = doc.toks[k0]
        if t.kind != DIGITS or len(t.text) > 2 or doc.taken[k0] or not _valid_day(int(t.text), month, year, cal):
            break
        if link in doc.lex.day_span_links and link not in morphology.DETACHED_WA:
            return [] if days else [(k0, int(t.text))]   # من 1 إلى 7، 1-7: a span's first end
        if link not in morphology.DETACHED_WA and link not in doc.lex.range_alternatives and link not in COMMAS:
            break
        days.append((k0, int(t.text)))
        k = k0
    if not days:
        return []
    first = days[-1][0]
    op = opener(doc, first)
    if not (op is not None and doc.tok_text(first + 1) in op[0]) \
            and doc.phrase_before(first, doc.lex.day_month_cues) is None:
        return []                                     # 45 و13 أكتوبر: no cue, no list of days
    return days[::-1]


# --- years -----------------------------------------------------------------------

def year(doc: Document, cand) -> Mention | None:
    """A bare year in digits: عام 2017، في 2018، بداية 2019، 2019م، سنة 505هـ (never a count).

    A four-digit number after a year noun is a year; after a weaker cue or none,
    only when no counted noun follows (a verb is none: في 2019 قتل 3), and not as
    the level a verb of change reaches (ارتفع العدد إلى 1850). The year guards
    decide which four-digit numbers are plausible years.
    """
    num: Numeral = cand.first
    if cand.is_range or not num.plain_digits or num.ndigits > 4 or num.value is None or num.percent_sign:
        return None
    y = int(num.value)
    era = year_era(doc, num)
    if era is None:
        if num.ndigits != 4:
            return None
        strong, weak = year_cue(doc, num.i)
        if not strong and not _second_year(doc, num.i, y) \
                and (_counted_after(doc, num.j) or (weak and _level_of_change(doc, num.i - 1))):
            return None
    m = Mention("date", num.start, num.end, f"{y:04d}", calendar=era or "gregorian")
    _approximately(doc, num, m)
    return m


def year_words(doc: Document, cand) -> Mention | None:
    """A year in words after a year noun: عام ألفين وعشرين، سنة ألف وتسعمائة وخمسين، سنة خمس
    وستين وثلاثمائة للهجرة (never a count; the year-range guard decides which are
    plausible years). عام واحد is a duration: one and two follow their noun."""
    num: Numeral = cand.first
    if cand.is_range or num.digits or num.value is None or num.vague or num.fraction or num.unit is not None \
            or num.counts_itself or num.singular or num.value.denominator != 1 or num.value <= 2:
        return None
    if not year_cue(doc, num.i)[0] or (doc.word(num.j) not in doc.lex.partitive and _counted_after(doc, num.j)):
        return None                                   # (عام ألفين وعشرين من الجامعة: من opens no counted noun)
    y = int(num.value)
    return Mention("date", num.start, num.end, f"{y:04d}", calendar=year_era(doc, num) or "gregorian")


def _second_year(doc: Document, i: int, y: int) -> bool:
    """Is the number at token i the second year of an academic or fiscal year (موسم
    2013/2014): the year before it, glued to it by a slash?"""
    return i > 1 and doc.toks[i - 1].text == "/" and doc.adjacent(i) and doc.adjacent(i - 1) \
        and doc.toks[i - 2].kind == DIGITS and doc.toks[i - 2].text == str(y - 1)


def _counted_after(doc: Document, j: int) -> bool:
    """Is there a unit or a counted noun at token j (a verb is none: 2019 قتل)?"""
    from . import about               # about reads the record's kinds, which the registry of this module makes
    if unit_after(doc, j) is not None:
        return True
    ent = entity_after(doc, j)
    return ent is not None and not about.looks_like_verb(doc.toks[doc.tokens_in(*ent)[0]].text)


def _level_of_change(doc: Document, k: int) -> bool:
    """Is token k a level marker (إلى، حتى) after a verb or noun of change or a head
    that names a quantity, in its clause (ارتفع العدد إلى، وصل عدد القتلى إلى)? Then
    the number after it is the level reached, not a year."""
    from .. import predicates          # as in `_counted_after`
    from . import about
    w = doc.word(k)
    if w is None or not any(sp.stem in predicates.LEVEL_MARKERS for sp in morphology.splits(w)):
        return False
    for b in range(k - 1, max(-1, k - 1 - _CHANGE_REACH), -1):
        t = doc.toks[b]
        if t.text in _CLAUSE_ENDS:
            return False
        if t.kind != WORD:
            continue
        hit = predicates.word_entry(t.text)
        if (hit is not None and hit[0].change is not None) or about.names_quantity(t.text):
            return True
    return False


def _approximately(doc: Document, num: Numeral, m: Mention) -> None:
    """حوالي عام 1299، نحو 1300، عام 1300 تقريبا: an approximate year (the only
    qualifier a date takes)."""
    strong, weak = year_cue(doc, num.i)
    k = num.i - 1 if strong or weak else num.i
    hit = qualifier_before(doc, k)
    if hit is not None:
        if hit[0] == "approximately":
            m.qualifier, m.qualifier_span = hit[0], doc.span_of(hit[1], k)
        return
    j = num.j + (1 if era_at(doc, num.j) else 0)
    after = qualifier_after(doc, j)
    if after is not None and after[0] == "approximately":
        m.qualifier, m.qualifier_span = after[0], doc.span_of(j, after[1])


def year_cue(doc: Document, i: int) -> tuple[bool, bool]:
    """(strong, weak): is token i after a year noun (عام، سنة: always a year) or after a
    weaker year cue (في، منذ، بداية: a year when no noun follows)? An opening bracket or
    quote between them is left out (عام (1948))."""
    if i > 0 and opening_wrapper(doc.tok_text(i - 1)):
        i -= 1
    prev = doc.word(i - 1)
    if prev is None:
        return False, False
    lex = doc.lex
    splits = morphology.splits(prev)
    strong = any(sp.stem in lex.year_nouns for sp in splits)
    weak = prev in lex.year_cues or any(sp.stem in lex.year_cues for sp in splits[1:]) \
        or (prev in lex.level_openers and _years_from(doc, i))
    return strong, weak


def _years_from(doc: Document, i: int) -> bool:
    """حكم من 1520 إلى 1566: من is no year cue (أكثر من 1500), but a four-digit number
    after it that a range's link joins to a second one, itself a year (no noun or unit
    after it, no verb of change before: ارتفع العدد من 1500 إلى 2000), is the first year."""
    k = i + 1
    if k + 1 >= doc.n or doc.word(k) not in doc.lex.range_closers:
        return False
    first, second = doc.toks[i], doc.toks[k + 1]
    return first.kind == DIGITS == second.kind and len(first.text) == 4 == len(second.text) \
        and (era_at(doc, k + 2) is not None or not _counted_after(doc, k + 2)) and not _level_of_change(doc, k)


FINDERS = (
    Finder("date.numeric", Phase.CALENDAR, find_numeric, also=("date.day-month",)),
    Finder("date.month", Phase.CALENDAR, find_month, also=("date.shared-month", "date.month-number")),
)
RULES = (
    Rule("date.year", Phase.NON_QUANTITIES, year, digits=True),
    Rule("date.year-words", Phase.NON_QUANTITIES, year_words, digits=False),
)
