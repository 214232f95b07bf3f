"""Clock times: HH:MM and HH:MM:SS، الساعة 6 صباحًا، السادسة مساء، الساعة الثالثة والنصف،
الساعة ثلاثة الصبح، ٨ بالليل، الثامنة وعشرين دقيقة مساءً، الخامسة إلا ربع.

A day part after the hour (صباحا، مساء، بالليل) is part of the span and adds
its hours; at night a small hour stays after midnight (2 ليلا = 02:00).

The same shape is a stopwatch reading, a duration, when a unit of its first
field follows it (2:01:09 ساعة، 3:28 دقيقة) or its last field has hundredths
(1:55.20): a race time, counted in its smallest field.
"""

from __future__ import annotations

import re
from fractions import Fraction
from functools import lru_cache

from ..language import morphology
from ..numerals.words import read_number
from ..text.document import Document
from ..text.tokens import DIGITS, WORD
from .date import bounded
from .declare import Finder, Kind, Phase
from .mention import Mention, as_number
from .nouns import entity_after
from .qualifiers import comparison_before
from .units import unit_after

KINDS = (Kind("time", quantity=False),)

_CLOCK_RE = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?")
_CLOCK_EDGE = frozenset("0123456789:")
#: hundredths after the last field of a stopwatch reading (3:28.45): no clock has them
_HUNDREDTHS_RE = re.compile(r"\.([0-9]{1,3})(?![0-9])")
#: the unit a stopwatch reading's first field counts, by the number of fields, and the
#: unit the whole reading is given in (its smallest field)
_STOPWATCH_UNITS = {("hour", 2): "minute", ("hour", 3): "second", ("minute", 2): "second",
                    (None, 2): "second", (None, 3): "second"}
_SECONDS_IN = {"hour": 3600, "minute": 60, "second": 1}
#: the unit code of a minute (الثامنة وعشرين دقيقة)
_MINUTE = "minute"
#: tokens a clock time reads after its hour: minutes in words, a minute noun, a day part
_READ_AHEAD = 8


def find_clock(doc: Document):
    """10:30، 6:15 مساء، 15:23:24: hours, minutes and seconds in digits, with a day part;
    a stopwatch reading (2:01:09 ساعة، 3:28.45 دقيقة) is a duration instead."""
    for m in doc.digit_matches(_CLOCK_RE):
        if not bounded(doc.norm, *m.span(), _CLOCK_EDGE):
            continue
        h, mi, *sec = (int(x) for x in m.group().split(":"))
        i, j = doc.tokens_in(m.start(), m.end())
        if doc.any_taken(i, j):
            continue
        watch = _stopwatch(doc, m, (h, mi, *sec))
        if watch is not None:
            yield watch
        elif h <= 24 and mi <= 59 and all(s <= 59 for s in sec):
            h, e = day_part(doc, j, h)
            end = doc.toks[e - 1].end if e > j else m.end()
            yield Mention("time", m.start(), end, _value(h, mi, *sec))


def _stopwatch(doc: Document, m: re.Match, fields: tuple[int, ...]) -> Mention | None:
    """2:01:09 ساعة (7269 seconds)، 3:28.45 دقيقة (208.45 seconds)، 1:30 ساعة (90 minutes):
    the clock shape `m` as a duration, when a unit of its first field follows it or
    its last field has hundredths; None for a clock time."""
    end = m.end()
    hundredths = _HUNDREDTHS_RE.match(doc.norm, end)
    if hundredths is not None:
        end = hundredths.end()
    i, j = doc.tokens_in(m.start(), end)
    unit = unit_after(doc, j)
    first = unit[1] if unit is not None and unit[0].kind == "duration" else None
    if first is None and (hundredths is None or doc.word(i - 1) in doc.lex.hour_cues):
        return None
    code = _STOPWATCH_UNITS.get((first, len(fields)))
    if code is None or any(f > 59 for f in fields[1:]):
        return None
    step = _SECONDS_IN[first or ("hour" if len(fields) == 3 else "minute")]
    value: int | Fraction = 0
    for f in fields:
        value, step = value + f * step, step // 60
    if hundredths is not None:
        value += Fraction(int(hundredths.group(1)), 10 ** len(hundredths.group(1)))
    if code != "second":
        value = Fraction(value, _SECONDS_IN[code])
    out = Mention("duration", m.start(), end, as_number(value), unit=code, rule="duration.stopwatch")
    if first is not None:
        out.unit_span = doc.span_of(j, unit[2])
    bound = comparison_before(doc, i)
    if bound is not None:
        out.qualifier, out.qualifier_span = bound.qualifier, doc.span_of(bound.first, bound.end)
    return out


def _value(hour: int, minutes: int, seconds: int | None = None) -> str:
    return f"T{hour:02d}:{minutes:02d}" + (f":{seconds:02d}" if seconds is not None else "")


def day_part(doc: Document, j: int, hour: int) -> tuple[int, int]:
    """The hour as the day part written at token j sets it (6 مساء → 18, ٨ بالليل → 20,
    2 ليلا → 2, 12 ليلا → 0), and the token after the day part (j when there is none)."""
    lex = doc.lex
    part = doc.phrase_at(j, lex.day_parts)
    if part is None:
        return hour, j
    add, end = part
    night = doc.phrase_at(j, lex.night_parts)
    if night is not None and night[1] == end:
        if hour == 12:
            return 0, end
        if hour <= lex.small_hours:
            return hour, end
    return (hour + add if hour < 12 else hour), end


@lru_cache(maxsize=65536)
def _hour_reading(lex, w: str) -> tuple[str, int] | None:
    """What a word can be as a clock hour: ("ordinal", n) for a definite feminine
    ordinal (السادسة، الحادية with عشرة after it), ("one", 1) for الواحدة (one o'clock is
    a cardinal: الأولى alone is "the first"), None for any other word."""
    for sp in morphology.splits(w):
        if sp.definite and sp.stem in lex.ordinals and lex.ordinals[sp.stem][1] == "f":
            return "ordinal", lex.ordinals[sp.stem][0]
        if sp.definite and lex.units.get(sp.stem, (0,))[0] == 1:
            return "one", 1
    return None


def _hour_word(doc: Document, k: int, reading: tuple[str, int]) -> tuple[int, int] | None:
    """السادسة، الحادية عشرة: the hour a definite feminine ordinal names: (hour, end token)."""
    hour = reading[1]
    if doc.word(k + 1) in doc.lex.teen_tens:
        return hour + 10, k + 2
    return (hour, k + 1) if hour > 1 else None


def _cardinal_hour(doc: Document, k: int, stop: int, cue: bool) -> tuple[int, int] | None:
    """الساعة ثلاثة، الساعة الواحدة، الساعة اتناشر: after الساعة a cardinal from 1 to 12
    names the hour; without it only الواحدة does (the other hours are ordinals; الأحد
    is a weekday): (hour, end token)."""
    lex = doc.lex
    if morphology.ARTICLE_FORM + morphology.strip_definite(doc.toks[k].text)[1] in lex.weekdays:
        return None
    for ln in (2, 1):
        num = read_number(doc.norm, doc.toks, k, min(stop, k + ln), lex)
        if num is not None and num.value is not None and not num.scale and not num.fraction \
                and num.value.denominator == 1 and 1 <= num.value <= (12 if cue else 1) \
                and morphology.parts_of(num.prefix) <= morphology.ARTICLE_ONLY and (cue or num.definite):
            return int(num.value), num.j
    return None


def _minutes(doc: Document, j: int, stop: int) -> tuple[int, int, bool] | None:
    """Minutes after an hour at token j: والنصف، إلا ربع، و 30 دقيقة، وعشرين دقيقة،
    وخمسة وثلاثين، إلا عشر دقائق: (minutes, end token, written with a minute word or a
    fraction word). Negative minutes come before the hour."""
    lex = doc.lex
    hit = doc.phrase_at(j, lex.minute_words)
    if hit is not None:
        return hit[0], hit[1], True
    sign, k = 1, j
    w = doc.word(j)
    if w in lex.minutes_before:
        sign, k = -1, j + 1
    elif w in morphology.DETACHED_WA:
        k = j + 1
    elif w is None or not w.startswith(morphology.WA_FORM):
        return None
    if k >= stop:
        return None
    num = read_number(doc.norm, doc.toks, k, stop, lex)
    if num is None or num.value is None or num.scale or num.fraction or num.percent_sign \
            or num.value.denominator != 1 or not 1 <= num.value <= 59:
        return None
    wa = morphology.parts_of(num.prefix)
    if (k == j and wa != {morphology.WA}) or (k > j and num.prefix):
        return None
    unit = unit_after(doc, num.j)
    if unit is not None and unit[1] == _MINUTE:
        return sign * int(num.value), unit[2], True
    # without a minute noun, only minutes no hour could be (بين الساعة 10 و11 صباحا is two
    # hours), in words, with nothing counted after them
    if unit is None and num.value > 12 and not num.digits \
            and (doc.phrase_at(num.j, lex.day_parts) is not None or entity_after(doc, num.j) is None):
        return sign * int(num.value), num.j, False
    return None


def find_hour(doc: Document):
    """الساعة 6، 6 صباحا، السادسة مساء، الساعة الثالثة والنصف، الساعة ثلاثة الصبح، الثامنة
    وعشرين دقيقة مساءً: an hour with a cue, a day part, or minutes in words."""
    lex = doc.lex
    for k in doc.anchors:
        if doc.taken[k]:
            continue
        t = doc.toks[k]
        cue = doc.word(k - 1)
        cue = cue if cue in lex.hour_cues else None
        if t.kind == DIGITS:
            if len(t.text) > 2 or int(t.text) > 24:
                continue
            if cue is None:
                w = doc.word(k + 1)
                if w is None or not (w in lex.day_parts.first or w in lex.minute_words.first
                                     or w.startswith(morphology.WA_FORM) or w in lex.minutes_before):
                    continue
            hour = int(t.text), k + 1
        else:
            reading = _hour_reading(lex, t.text)
            if reading is None and cue is None:
                continue
            hour = None
            if reading is not None and reading[0] == "ordinal":
                hour = _hour_word(doc, k, reading)
            elif cue is not None and morphology.is_definite(cue):
                hour = _cardinal_hour(doc, k, _stop(doc, k), True)
            elif reading is not None:
                hour = _cardinal_hour(doc, k, _stop(doc, k), False)
            if hour is None:
                continue
        hour, j = hour
        minutes, worded = 0, False
        mins = _minutes(doc, j, _stop(doc, k))
        if mins is not None:
            minutes, j, worded = mins
        hour, e = day_part(doc, j, hour)
        if e == j and not cue and not (worded and t.kind == WORD):
            continue
        if minutes < 0:
            hour, minutes = (hour - 1) % 24, 60 + minutes
        if hour > 24 or (hour == 24 and minutes):
            continue
        start = t.start + (morphology.strip_definite(t.text)[0] if t.kind == WORD else 0)
        yield Mention("time", start, doc.toks[e - 1].end, _value(hour, minutes))


def _stop(doc: Document, k: int) -> int:
    """The token a time starting at token k is read up to: a few tokens on, or the next taken one."""
    stop = min(doc.n, k + _READ_AHEAD)
    if True in doc.taken[k + 1:stop]:
        stop = doc.taken.index(True, k + 1, stop)
    return stop


FINDERS = (
    Finder("time.clock", Phase.CALENDAR, find_clock, also=("duration.stopwatch",)),
    Finder("time.hour", Phase.CALENDAR, find_hour),
)
