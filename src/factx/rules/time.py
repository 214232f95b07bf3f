"""Clock times: HH:MM، الساعة 6 صباحًا، السادسة مساء، الساعة الثالثة والنصف."""

from __future__ import annotations

import regex

from ..language import morphology
from ..text.document import Document
from ..text.tokens import DIGITS, WORD
from .date import bounded
from .declare import Finder, Kind, Phase
from .mention import Mention

KINDS = (Kind("time", quantity=False),)

_CLOCK_RE = regex.compile(r"[0-9]{1,2}:[0-9]{2}")
_CLOCK_EDGE = frozenset("0123456789:")


def find_clock(doc: Document):
    """10:30، 6:15 مساء: hours and minutes in digits, with a day part."""
    for m in doc.finditer(_CLOCK_RE):
        if not bounded(doc.norm, *m.span(), _CLOCK_EDGE):
            continue
        h, mi = (int(x) for x in m.group().split(":"))
        i, j = doc.tokens_in(m.start(), m.end())
        if h <= 24 and mi <= 59 and not doc.any_taken(i, j):
            part = doc.phrase_at(j, doc.lex.day_parts)
            end = m.end()
            if part is not None:
                if h < 12:
                    h += part[0]
                end = doc.toks[part[1] - 1].end
            yield Mention("time", m.start(), end, f"T{h:02d}:{mi:02d}")


def _hour_word(doc: Document, k: int) -> int | None:
    """السادسة، الحادية عشرة: a definite feminine ordinal names a clock hour (one
    o'clock is الواحدة, a cardinal: الأولى alone is "the first")."""
    lex = doc.lex
    for sp in morphology.splits(doc.toks[k].text):
        if sp.definite and sp.stem in lex.ordinals and lex.ordinals[sp.stem][1] == "f":
            hour = lex.ordinals[sp.stem][0]
            if doc.word(k + 1) in lex.teen_tens:
                return hour + 10
            return hour if hour > 1 else None
    return None


def find_hour(doc: Document):
    """الساعة 6، 6 صباحا، السادسة مساء، الساعة الثالثة والنصف: an hour with a cue or a day part."""
    lex = doc.lex
    for k in doc.anchors:
        t = doc.toks[k]
        if doc.taken[k]:
            continue
        hour = None
        if t.kind == DIGITS and len(t.text) <= 2 and int(t.text) <= 24:
            hour = int(t.text)
        elif t.kind == WORD:
            hour = _hour_word(doc, k)
        if hour is None:
            continue
        cue = doc.word(k - 1) in lex.hour_cues
        j = k + 1
        if doc.word(j) in lex.teen_tens and t.kind == WORD:
            j += 1
        minutes = 0
        if doc.word(j) in lex.minute_words:
            minutes = lex.minute_words[doc.word(j)]
            j += 1
        part = doc.phrase_at(j, lex.day_parts)
        if not cue and part is None:
            continue
        if part is not None:
            if hour < 12:
                hour += part[0]
            j = part[1]
        if hour > 24:
            continue
        start = t.start + (morphology.strip_definite(t.text)[0] if t.kind == WORD else 0)
        yield Mention("time", start, doc.toks[j - 1].end, f"T{hour:02d}:{minutes:02d}")


FINDERS = (
    Finder("time.clock", Phase.CALENDAR, find_clock),
    Finder("time.hour", Phase.CALENDAR, find_hour),
)
