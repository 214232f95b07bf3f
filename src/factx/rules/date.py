"""Dates and clock times: calendar mentions that must never become counts.

* month-anchored dates in every month system, the month possibly doubled
  (21 آب/أغسطس، 18 يونيو / حزيران، 22 يناير كانون الثاني، أول فبراير شباط),
  with an optional day before and year after (يناير/ كانون الثاني 2017،
  أبريل/ نيسان في 2017);
* numeric dates (31/08/2019، 2019-08-31);
* years written in digits after a year cue (عام 2017، في 2018) or with a
  calendar suffix (2019م، 1440هـ);
* clock times (الساعة 6 صباحًا، 10:30، السادسة مساء).
"""

from __future__ import annotations

import calendar as _cal
from functools import lru_cache

import regex

from .. import lexicon as L
from ..numerals.words import Numeral
from ..text.tokens import DIGITS, WORD, splits
from .base import Doc, Mention, entity_after, unit_after

# Both start with a character class so that `regex` skips ahead fast; the
# boundaries (no digit or separator around the match) are checked in Python.
_NUMERIC_DATE_RE = regex.compile(r"[0-9]{1,4}([/.\-])[0-9]{1,2}\1[0-9]{1,4}")
_CLOCK_RE = regex.compile(r"[0-9]{1,2}:[0-9]{2}")
_DATE_EDGE = frozenset("0123456789/.-")
_CLOCK_EDGE = frozenset("0123456789:")


def _bounded(norm: str, a: int, b: int, edge) -> bool:
    """No character of `edge` right before `a` or right at `b`."""
    return not ((a > 0 and norm[a - 1] in edge) or (b < len(norm) and norm[b] in edge))


def _numeric_date(s: str, sep: str) -> tuple[int, int, int] | None:
    """31/08/2019, 31.08.2019, 2019-08-31 → (year, month, day)."""
    a, b, c = s.split(sep)
    if len(a) == 4 and sep == "-" and len(b) == 2 and len(c) == 2:
        return int(a), int(b), int(c)
    if len(a) <= 2 and len(c) == 4:
        return int(c), int(b), int(a)
    return None


_DOUBLING = frozenset({"/", "-", "(", ")", "،", ","})


def _valid_day(day: int, month: int, year: int | None) -> bool:
    return 1 <= day <= _cal.monthrange(year or 2000, month)[1]


_MONTH_FIRST_WORDS = frozenset(p[0] for p in L.MONTHS)


@lru_cache(maxsize=65536)
def _month_splits(w: str) -> tuple:
    """The readings of `w` whose stem can start a month name (most words: none)."""
    return tuple(sp for sp in splits(w)
                 if sp.prefix in ("", "و", "ب", "ل", "ف", "وب") and sp.stem in _MONTH_FIRST_WORDS)


def _month_at(doc: Doc, k: int):
    """A month name at token k (possibly after في/و/ب/ل): (month, calendar, end token, prefix length)."""
    w = doc.word(k)
    if w is None or doc.blocked[k]:
        return None
    for sp in _month_splits(w):
        words = (sp.stem,)
        two = doc.word(k + 1)
        if two is not None and (sp.stem, two) in L.MONTHS:
            m, cal = L.MONTHS[(sp.stem, two)]
            return m, cal, k + 2, len(sp.prefix), (sp.stem, two)
        if words in L.MONTHS:
            m, cal = L.MONTHS[words]
            return m, cal, k + 1, len(sp.prefix), words
    return None


def _year_at(doc: Doc, k: int) -> tuple[int, int] | None:
    """A year (4 digits) at token k, optionally after في/عام/سنة/من عام: (year, end token)."""
    for skip in range(0, 3):
        t = doc.toks[k + skip] if k + skip < doc.n else None
        if t is None:
            return None
        if t.kind == DIGITS:
            if len(t.text) == 4 and not doc.blocked[k + skip] and 1000 <= int(t.text) <= 2200:
                if k + skip + 1 < doc.n and doc.toks[k + skip + 1].text in (".", ",", "،", "٬") \
                        and doc.adjacent(k + skip + 1) and k + skip + 2 < doc.n \
                        and doc.toks[k + skip + 2].kind == DIGITS and doc.adjacent(k + skip + 2):
                    return None
                end = k + skip + 1
                suffix = doc.word(end)
                if suffix is not None and (suffix in L.GREGORIAN_YEAR_SUFFIX or suffix in L.HIJRI_YEAR_SUFFIX):
                    end += 1
                return int(t.text), end
            return None
        if t.kind != WORD or t.text not in L.MONTH_YEAR_LINKS:
            return None
    return None


def find_dates(doc: Doc) -> list[Mention]:
    """Month-anchored and numeric dates; their tokens are blocked for other rules."""
    out: list[Mention] = []
    for m in doc.finditer(_NUMERIC_DATE_RE):
        ymd = _numeric_date(m.group(), m.group(1)) if _bounded(doc.norm, *m.span(), _DATE_EDGE) else None
        if ymd is None:
            continue
        y, mo, d = ymd
        if 1 <= mo <= 12 and 1000 <= y <= 2200 and _valid_day(d, mo, y):
            i, j = doc.tokens_in(m.start(), m.end())
            if not any(doc.blocked[i:j]):
                doc.block(i, j)
                out.append(Mention("date", m.start(), m.end(), f"{y:04d}-{mo:02d}-{d:02d}",
                                   rule="date.numeric", calendar="gregorian"))
    resume = 0
    for k in doc.anchors:
        if k < resume:
            continue
        hit = _month_at(doc, k)
        if hit is None:
            continue
        month, cal, end, prefix, words = hit
        start_tok, start = k, doc.toks[k].start + prefix
        # a doubled name: آب/أغسطس، يونيو / حزيران، يناير كانون الثاني، (أغسطس)
        e2 = end
        if e2 < doc.n and doc.toks[e2].text in _DOUBLING and doc.toks[e2].text not in ("،", ","):
            e2 += 1
        hit2 = _month_at(doc, e2) if e2 < doc.n else None
        if hit2 is not None and hit2[0] == month and hit2[1] == cal and hit2[3] == 0:
            end = hit2[2]
            if end < doc.n and doc.toks[end].text == ")" and doc.toks[e2 - 1].text == "(":
                end += 1
        # the day before: 21 آب، أول فبراير
        day = None
        if prefix == 0 and start_tok > 0 and not doc.blocked[start_tok - 1]:
            prev = doc.toks[start_tok - 1]
            if prev.kind == DIGITS and len(prev.text) <= 2 and 1 <= int(prev.text) <= 31 \
                    and not (start_tok > 1 and doc.toks[start_tok - 2].text in (".", ",", "،", "/", ":")
                             and doc.adjacent(start_tok - 1)):
                day, start_tok, start = int(prev.text), start_tok - 1, prev.start
            elif prev.kind == WORD:
                for sp in splits(prev.text):
                    if sp.stem in L.DAY_WORDS and sp.prefix in ("", "و", "ب", "ف"):
                        day, start_tok, start = L.DAY_WORDS[sp.stem], start_tok - 1, prev.start + len(sp.prefix)
                        break
        # the year after
        year = None
        yr = _year_at(doc, end)
        if yr is None and day is not None and end < doc.n and doc.toks[end].text in ("،", ","):
            yr = _year_at(doc, end + 1)
        if yr is not None:
            year, end = yr
        if day is None and year is None:
            if words in L.AMBIGUOUS_MONTHS and end == hit[2] or cal == "hijri":
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
                doc.block(k0, k0 + 1)
                out.append(Mention("date", doc.toks[k0].start, doc.toks[k0].end, f"{y}-{month:02d}-{d0:02d}",
                                   rule="date.shared-month", calendar=cal))
        doc.block(start_tok, end)
        out.append(Mention("date", start, doc.toks[end - 1].end, value, rule="date.month", calendar=cal))
        resume = end
    return out


def _first_day_of_span(doc: Doc, day_tok: int, month: int, year: int | None) -> tuple[int, int] | None:
    """In "من 1 إلى 7 مايو" / "بين 1 و7 مايو" / "1-7 مايو": the token and value of the first day."""
    link = doc.tok_text(day_tok - 1)
    if link not in L.DAY_SPAN_LINKS or day_tok < 2:
        return None
    k0 = day_tok - 2
    t = doc.toks[k0]
    if t.kind != DIGITS or len(t.text) > 2 or doc.blocked[k0] or not _valid_day(int(t.text), month, year):
        return None
    if link == "و":                                  # بين 1 و7 مايو: only after an opener closed by و
        opener = doc.phrase_before(k0, L.RANGE_OPEN, L.RANGE_OPEN.max_words)
        if opener is None or link not in opener[0]:
            return None
    return k0, int(t.text)


def find_times(doc: Doc) -> list[Mention]:
    """Clock times: HH:MM, الساعة N [والنصف] [صباحا], N صباحا/مساء; tokens are blocked."""
    out: list[Mention] = []
    for m in doc.finditer(_CLOCK_RE):
        if not _bounded(doc.norm, *m.span(), _CLOCK_EDGE):
            continue
        h, mi = (int(x) for x in m.group().split(":"))
        i, j = doc.tokens_in(m.start(), m.end())
        if h <= 24 and mi <= 59 and not any(doc.blocked[i:j]):
            part = doc.phrase_at(j, L.DAY_PARTS, 2)
            end = m.end()
            if part is not None:
                if h < 12:
                    h += part[0]
                end = doc.toks[part[1] - 1].end
                j = part[1]
            doc.block(i, j)
            out.append(Mention("time", m.start(), end, f"T{h:02d}:{mi:02d}", rule="time.clock"))
    for k in doc.anchors:
        t = doc.toks[k]
        if doc.blocked[k]:
            continue
        hour = None
        if t.kind == DIGITS and len(t.text) <= 2 and int(t.text) <= 24:
            hour = int(t.text)
        elif t.kind == WORD:
            for sp in splits(t.text):
                if sp.definite and sp.stem in L.ORDINALS and (sp.stem.endswith("ه") or sp.stem == "حاديه"):
                    hour = L.ORDINALS[sp.stem]
                    nxt = doc.word(k + 1)
                    if nxt in L.TEEN_TENS:
                        hour += 10
                    break
        if hour is None:
            continue
        cue = doc.word(k - 1) in L.HOUR_CUES
        j = k + 1
        if doc.word(j) in L.TEEN_TENS and t.kind == WORD:
            j += 1
        minutes = 0
        if doc.word(j) in L.MINUTE_WORDS:
            minutes = L.MINUTE_WORDS[doc.word(j)]
            j += 1
        part = doc.phrase_at(j, L.DAY_PARTS, 2)
        if not cue and part is None:
            continue
        if part is not None:
            if hour < 12:
                hour += part[0]
            j = part[1]
        if hour > 24:
            continue
        start = t.start + (len(t.text) - len(_strip_al(t.text)) if t.kind == WORD else 0)
        doc.block(k, j)
        out.append(Mention("time", start, doc.toks[j - 1].end, f"T{hour:02d}:{minutes:02d}", rule="time.hour"))
    return out


def _strip_al(w: str) -> str:
    for sp in splits(w)[1:]:
        if sp.definite:
            return sp.stem
    return w


def match_year(doc: Doc, num: Numeral) -> Mention | None:
    """A bare year in digits: عام 2017، في 2018، بداية 2019، 2019م (never a count)."""
    if not num.plain_digits or num.ndigits != 4 or num.value is None or num.percent_sign:
        return None
    y = int(num.value)
    if not 1000 <= y <= 2200:
        return None
    j = num.j
    suffix = doc.word(j)
    hijri = suffix in L.HIJRI_YEAR_SUFFIX
    if suffix in L.GREGORIAN_YEAR_SUFFIX or hijri:
        return Mention("date", num.start, num.end, f"{y:04d}", rule="date.year-suffix",
                       calendar="hijri" if hijri else "gregorian")
    prev = doc.word(num.i - 1)
    strong = prev is not None and any(sp.stem in L.YEAR_NOUNS for sp in splits(prev))
    weak = prev is not None and (prev in L.YEAR_CUES or any(sp.stem in L.YEAR_CUES for sp in splits(prev)[1:]))
    noun_follows = entity_after(doc, j) is not None or unit_after(doc, j) is not None
    if strong or ((weak or 1900 <= y <= 2100) and not noun_follows):
        return Mention("date", num.start, num.end, f"{y:04d}", rule="date.year", calendar="gregorian")
    return None
