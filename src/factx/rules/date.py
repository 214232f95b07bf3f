"""Dates: calendar mentions that must never become counts.

* month-anchored dates in every month system, the month possibly doubled
  (21 آب/أغسطس، 18 يونيو / حزيران، 22 يناير كانون الثاني، أول فبراير شباط),
  with an optional day before and year after (يناير/ كانون الثاني 2017،
  أبريل/ نيسان في 2017);
* numeric dates (31/08/2019، 2019-08-31);
* years written in digits after a year cue (عام 2017، في 2018) or with a
  calendar suffix (2019م، 1440هـ).
"""

from __future__ import annotations

import calendar as _cal
from functools import lru_cache

import regex

from ..language import morphology
from ..numerals.words import Numeral
from ..text.document import Document
from ..text.tokens import COMMAS, DIGITS, WORD
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import entity_after
from .ranges import opener
from .units import unit_after

KINDS = (Kind("date", quantity=False),)

# Starts with a character class so that `regex` skips ahead fast; the
# boundaries (no digit or separator around the match) are checked in Python.
_NUMERIC_DATE_RE = regex.compile(r"[0-9]{1,4}([/.\-])[0-9]{1,2}\1[0-9]{1,4}")
_DATE_EDGE = frozenset("0123456789/.-")
#: what may stand between the two names of a doubled month (آب/أغسطس، (أغسطس))
_DOUBLING = frozenset({"/", "-", "(", ")"})
#: separators inside a number (1,250) or a date (15/3): a digit glued after one is no day
_NUMBER_SEPARATORS = frozenset({".", ",", "،", "/", ":"})
_YEAR_SEPARATORS = frozenset({".", ",", "،", "٬"})


def bounded(norm: str, a: int, b: int, edge) -> bool:
    """No character of `edge` right before `a` or right at `b`."""
    return not ((a > 0 and norm[a - 1] in edge) or (b < len(norm) and norm[b] in edge))


def in_year_range(lex, y: int) -> bool:
    low, high = lex.year_range
    return low <= y <= high


def _numeric_date(s: str, sep: str) -> tuple[int, int, int] | None:
    """31/08/2019, 31.08.2019, 2019-08-31 → (year, month, day)."""
    a, b, c = s.split(sep)
    if len(a) == 4 and sep == "-" and len(b) == 2 and len(c) == 2:
        return int(a), int(b), int(c)
    if len(a) <= 2 and len(c) == 4:
        return int(c), int(b), int(a)
    return None


def _valid_day(day: int, month: int, year: int | None) -> bool:
    return 1 <= day <= _cal.monthrange(year or 2000, month)[1]


@lru_cache(maxsize=65536)
def _month_splits(lex, w: str) -> tuple:
    """The readings of `w` whose stem can start a month name (most words: none)."""
    firsts = _month_first_words(lex)
    return tuple(sp for sp in morphology.readings(w, morphology.NO_ARTICLE) if sp.stem in firsts)


@lru_cache(maxsize=None)
def _month_first_words(lex) -> frozenset:
    return frozenset(p[0] for p in lex.months)


def _month_at(doc: Document, k: int):
    """A month name at token k (possibly after و/ب/ل/ف): (month, calendar, end token, prefix length, words)."""
    w = doc.word(k)
    if w is None or doc.taken[k]:
        return None
    months = doc.lex.months
    for sp in _month_splits(doc.lex, w):
        two = doc.word(k + 1)
        if two is not None and (sp.stem, two) in months:
            m, cal = months[(sp.stem, two)]
            return m, cal, k + 2, len(sp.prefix), (sp.stem, two)
        if (sp.stem,) in months:
            m, cal = months[(sp.stem,)]
            return m, cal, k + 1, len(sp.prefix), (sp.stem,)
    return None


def _year_at(doc: Document, k: int) -> tuple[int, int] | None:
    """A year (4 digits) at token k, optionally after في/عام/سنة/من عام: (year, end token)."""
    lex = doc.lex
    for skip in range(0, 3):
        t = doc.toks[k + skip] if k + skip < doc.n else None
        if t is None:
            return None
        if t.kind == DIGITS:
            if len(t.text) == 4 and not doc.taken[k + skip] and in_year_range(lex, int(t.text)):
                if k + skip + 1 < doc.n and doc.toks[k + skip + 1].text in _YEAR_SEPARATORS \
                        and doc.adjacent(k + skip + 1) and k + skip + 2 < doc.n \
                        and doc.toks[k + skip + 2].kind == DIGITS and doc.adjacent(k + skip + 2):
                    return None
                end = k + skip + 1
                suffix = doc.word(end)
                if suffix is not None and (suffix in lex.gregorian_year_suffix or suffix in lex.hijri_year_suffix):
                    end += 1
                return int(t.text), end
            return None
        if t.kind != WORD or t.text not in lex.month_year_links:
            return None
    return None


def find_numeric(doc: Document):
    """31/08/2019، 2019-08-31: day, month and year in digits."""
    for m in doc.finditer(_NUMERIC_DATE_RE):
        ymd = _numeric_date(m.group(), m.group(1)) if bounded(doc.norm, *m.span(), _DATE_EDGE) else None
        if ymd is None:
            continue
        y, mo, d = ymd
        if 1 <= mo <= 12 and in_year_range(doc.lex, y) and _valid_day(d, mo, y):
            i, j = doc.tokens_in(m.start(), m.end())
            if not doc.any_taken(i, j):
                yield Mention("date", m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}", calendar="gregorian")


def find_month(doc: Document):
    """21 آب/أغسطس، أول فبراير، يناير/ كانون الثاني 2017: a month name with its day and year."""
    lex = doc.lex
    resume = 0
    for k in doc.word_anchors:
        if k < resume:
            continue
        hit = _month_at(doc, k)
        if hit is None:
            continue
        month, cal, end, prefix, words = hit
        start_tok, start = k, doc.toks[k].start + prefix
        end = _doubled(doc, month, cal, end)
        day, start_tok, start = _day_before(doc, start_tok, start, prefix)
        year = None
        yr = _year_at(doc, end)
        if yr is None and day is not None and end < doc.n and doc.toks[end].text in COMMAS:
            yr = _year_at(doc, end + 1)
        if yr is not None:
            year, end = yr
        if day is None and year is None:
            if (words in lex.ambiguous_months and end == hit[2]) or (cal == "hijri" and lex.hijri_needs_number):
                resume = hit[2]
                continue
        if day is not None and not _valid_day(day, month, year if cal == "gregorian" else None):
            day = None
            start_tok, start = k, doc.toks[k].start + prefix
        y = f"{year:04d}" if year is not None else "XXXX"
        value = f"{y}-{month:02d}" + (f"-{day:02d}" if day is not None else "")
        if day is not None and prefix == 0:                  # من 1 إلى 7 مايو: the first day shares the month
            first = _first_day_of_span(doc, start_tok, month, year if cal == "gregorian" else None)
            if first is not None:
                k0, d0 = first
                yield Mention("date", doc.toks[k0].start, doc.toks[k0].end, f"{y}-{month:02d}-{d0:02d}",
                              calendar=cal, rule="date.shared-month")
        yield Mention("date", start, doc.toks[end - 1].end, value, calendar=cal)
        resume = end


def _doubled(doc: Document, month: int, cal: str, end: int) -> int:
    """The end token of a doubled month name: آب/أغسطس، يونيو / حزيران، يناير كانون الثاني، (أغسطس)."""
    e2 = end
    if e2 < doc.n and doc.toks[e2].text in _DOUBLING:
        e2 += 1
    hit2 = _month_at(doc, e2) if e2 < doc.n else None
    if hit2 is not None and hit2[0] == month and hit2[1] == cal and hit2[3] == 0:
        end = hit2[2]
        if end < doc.n and doc.toks[end].text == ")" and doc.toks[e2 - 1].text == "(":
            end += 1
    return end


def _day_before(doc: Document, start_tok: int, start: int, prefix: int) -> tuple[int | None, int, int]:
    """The day before a month: 21 آب، أول فبراير → (day, first token, start offset)."""
    if prefix or start_tok == 0 or doc.taken[start_tok - 1]:
        return None, start_tok, start
    prev = doc.toks[start_tok - 1]
    if prev.kind == DIGITS and len(prev.text) <= 2 and 1 <= int(prev.text) <= 31 \
            and not (start_tok > 1 and doc.toks[start_tok - 2].text in _NUMBER_SEPARATORS
                     and doc.adjacent(start_tok - 1)):
        return int(prev.text), start_tok - 1, prev.start
    if prev.kind == WORD:
        for sp in morphology.readings(prev.text, morphology.NO_ARTICLE):
            if sp.stem in doc.lex.day_words:
                return doc.lex.day_words[sp.stem], start_tok - 1, prev.start + len(sp.prefix)
    return None, start_tok, start


def _first_day_of_span(doc: Document, day_tok: int, month: int, year: int | None) -> tuple[int, int] | None:
    """In "من 1 إلى 7 مايو" / "بين 1 و7 مايو" / "1-7 مايو": the token and value of the first day."""
    link = doc.tok_text(day_tok - 1)
    if link not in doc.lex.day_span_links or day_tok < 2:
        return None
    k0 = day_tok - 2
    t = doc.toks[k0]
    if t.kind != DIGITS or len(t.text) > 2 or doc.taken[k0] or not _valid_day(int(t.text), month, year):
        return None
    if link in morphology.DETACHED_WA:               # بين 1 و7 مايو: only after an opener closed by و
        op = opener(doc, k0)
        if op is None or link not in op[0]:
            return None
    return k0, int(t.text)


def year(doc: Document, cand) -> Mention | None:
    """A bare year in digits: عام 2017، في 2018، بداية 2019، 2019م (never a count).

    The year guards decide which four-digit numbers are plausible years.
    """
    num: Numeral = cand.first
    if cand.is_range or not num.plain_digits or num.ndigits != 4 or num.value is None or num.percent_sign:
        return None
    y = int(num.value)
    lex = doc.lex
    suffix = doc.word(num.j)
    if suffix in lex.gregorian_year_suffix or suffix in lex.hijri_year_suffix:
        return Mention("date", num.start, num.end, f"{y:04d}",
                       calendar="hijri" if suffix in lex.hijri_year_suffix else "gregorian")
    strong, weak = year_cue(doc, num.i)
    noun_follows = entity_after(doc, num.j) is not None or unit_after(doc, num.j) is not None
    if strong or not noun_follows:
        return Mention("date", num.start, num.end, f"{y:04d}", calendar="gregorian")
    return None


def year_cue(doc: Document, i: int) -> tuple[bool, bool]:
    """(strong, weak): is token i after a year noun (عام، سنة: always a year) or after a
    weaker year cue (في، منذ، بداية: a year when no noun follows)?"""
    prev = doc.word(i - 1)
    if prev is None:
        return False, False
    lex = doc.lex
    splits = morphology.splits(prev)
    strong = any(sp.stem in lex.year_nouns for sp in splits)
    weak = prev in lex.year_cues or any(sp.stem in lex.year_cues for sp in splits[1:])
    return strong, weak


FINDERS = (
    Finder("date.numeric", Phase.CALENDAR, find_numeric),
    Finder("date.month", Phase.CALENDAR, find_month, also=("date.shared-month",)),
)
RULES = (
    Rule("date.year", Phase.NON_QUANTITIES, year, digits=True),
)
