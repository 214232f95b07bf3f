"""Identifiers: numbers that name a thing (القرار 2254، أستانة 12، كوفيد-19،
phone numbers, hashtags, reference codes). Typed `identifier`, value = digits.
"""

from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..language import morphology
from ..language.lexicon import key_of
from ..text.document import Document
from ..text.tokens import ARABIC_LETTERS, CODE_JOINERS, COMMAS, DIGITS, PUNCT, WORD, tokenize
from .date import month_at
from .declare import Finder, Kind, Phase, Rule
from .mention import Mention
from .nouns import counted_noun_at, definite_number
from .ordinal import ordinal_adverb_at, ordinal_at
from .qualifiers import closing_wrapper, opening_wrapper
from .ranges import opener
from .units import unit_after

KINDS = (Kind("identifier", quantity=False),)

@lru_cache(maxsize=None)
def phone_patterns(lex) -> tuple[re.Pattern, re.Pattern]:
    """Phone-number candidates (the phone-shape guard verifies them), and the extension
    at the end of one. A candidate has an optional country code (+963، (+1)، 00963, the
    last also glued to the number: 0096891234567),
    digit groups joined by spaces, hyphens or dots (650 701 8887، 650-701-8887،
    202.555.0121), and an optional extension after a word of cues.toml
    `phone_extensions` (ext 897، فرعي 897). The opening look-ahead names the characters
    a match starts with, so the engine skips to them instead of trying the look-behind
    and the country code at every position (5x faster over the windows)."""
    ext = "|".join(map(re.escape, lex.phone_extensions))
    candidate = regex.compile(
        r"(?=[(+0-9])(?<![0-9.,])"
        r"(?:\(\s*\+?[0-9]{1,4}\s*\)\s*|\+\s?[0-9]{1,4}(?:\s*-\s*|[ .]+)?|00[0-9]{1,4}(?:\s*-\s*|[ .]+)?)?"
        r"[0-9]{1,12}(?:(?:\s*-\s*|\.|\s+)[0-9]{1,12}){0,7}"
        rf"(?:\s*(?:{ext})\s*[0-9]{{1,6}})?"
        r"(?![0-9]|[.,][0-9])")
    return candidate, re.compile(rf"\s*(?:{ext})\s*[0-9]+$")


# a run of Latin letters, digits and / - _ . ; a code when it has both a letter and a digit
# (A/HRC/39/65, PHR-2019-01, F-16, 5G, G20)
_JOINERS = re.escape(CODE_JOINERS)                # / - _ . as a character class body
_CODE_RE = re.compile(rf"[A-Za-z0-9]+(?:[{_JOINERS}][A-Za-z0-9]+)*")
# Codes are looked for only in the runs of code characters that hold a Latin
# letter: Arabic text has few, while running _CODE_RE everywhere stops at every number.
_LATIN_RE = regex.compile(r"[A-Za-z]+")          # regex skips to a character class faster than re
_CODE_RUN_END_RE = re.compile(rf"[A-Za-z0-9{_JOINERS}]*")
_CODE_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789" + CODE_JOINERS)
# a word glued to digits by a hyphen: كوفيد-19، إس-400، ميغ-29 (opens with the rare "-")
_HYPHENATED_RE = re.compile(rf"-(?<=[{ARABIC_LETTERS}A-Za-z]-)(?=[0-9])")
_HASHTAG_RE = re.compile(r"#[\w\-]*[0-9][\w\-]*")
# digits, with a decimal part, and the letters glued after them (250ml، 2.5M، 120km/h، 300m2)
_AMOUNT_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?([A-Za-z][A-Za-z0-9/]*)")


def _digits_of(s: str) -> str:
    return "".join(c for c in s if c.isdigit())


def _free(doc: Document, start: int, end: int) -> bool:
    return not doc.any_taken(*doc.tokens_in(start, end))


def _identifier(doc: Document, start: int, end: int, value: str):
    """The mention, when it has digits and its tokens are free (else None)."""
    if value and _free(doc, start, end):
        return Mention("identifier", start, end, value)
    return None


def find_hashtags(doc: Document):
    """#سوريا2019، #G20: a hashtag with digits names a thing."""
    for m in _HASHTAG_RE.finditer(doc.norm):
        found = _identifier(doc, m.start(), m.end(), _digits_of(m.group()))
        if found:
            yield found


def find_codes(doc: Document):
    """A/HRC/39/65، PHR-2019-01، F-16: Latin letters and digits together."""
    norm = doc.norm
    for a, b in _latin_runs(norm, doc.windows):
        for m in _CODE_RE.finditer(norm, a, b):
            code = m.group()
            if code.isdigit() or not any(c.isdigit() for c in code) or not any(c.isalpha() for c in code):
                continue
            if _amount_with_unit(doc.lex, code) or _symbol_after_number(doc, m.start(), code):
                continue
            found = _identifier(doc, m.start(), m.end(), _digits_of(code))
            if found:
                yield found


def _symbol_after_number(doc: Document, start: int, code: str) -> bool:
    """5 m3، 300 km2: a unit symbol with a power after digits is the number's unit."""
    k = doc.token_at(start)
    return k > 0 and doc.toks[k - 1].kind == DIGITS and _code_key(code) in doc.lex.unit_symbols


def _amount_with_unit(lex, code: str) -> bool:
    """43c، 250ml، 5mg، 2.5M، 10k: digits glued to a unit's Latin symbol or to a scale
    are an amount, not a code."""
    m = _AMOUNT_RE.fullmatch(code)
    if m is None:
        return False
    letters = m.group(1)
    key = _code_key(letters)
    return letters in lex.glued_scales or key in lex.unit_phrases or key in lex.unit_symbols


def _code_key(code: str) -> tuple[str, ...]:
    """A code of the normalised text as the unit tables key it (km/h → km, /, h glued)."""
    return key_of(tokenize(code))


def find_phones(doc: Document):
    """+963 11 123 4567، 0933 123 456، (+1) 650-701-8887: digit groups shaped like a
    phone number; the phone-shape guard keeps those that are one."""
    for m in doc.finditer(phone_patterns(doc.lex)[0]):
        if m.end() - m.start() < 7:                   # fewer than 7 characters: fewer than 7 digits
            continue
        found = _identifier(doc, m.start(), m.end(), _digits_of(m.group()))
        if found:
            yield found


def find_hyphenated(doc: Document):
    """كوفيد-19، إس-400، ميغ-29: a name glued to its number by a hyphen."""
    for m in _HYPHENATED_RE.finditer(doc.norm):
        k = doc.token_at(m.end())                    # the digits: an anchor, so inside a window
        if k < doc.n and doc.toks[k].start == m.end():
            d = doc.toks[k]
            found = _identifier(doc, d.start, d.end, d.text)
            if found:
                yield found


def _latin_runs(norm: str, windows: list[tuple[int, int]]):
    """The maximal runs of code characters (Latin letters, digits, / - _ .) that
    contain a Latin letter within one of `windows`, as (start, end).

    A code has a letter next to a digit (an anchor), so its run has a letter
    inside that digit's window; the run itself is followed to its real ends,
    inside the window or not. Each run is walked once.
    """
    covered = 0
    for ws, we in windows:
        for m in _LATIN_RE.finditer(norm, max(ws, covered), we):
            a = m.start()
            if a < covered:
                continue
            while a > covered and norm[a - 1] in _CODE_CHARS:
                a -= 1
            covered = _CODE_RUN_END_RE.match(norm, m.end()).end()
            yield a, covered


def overlong(doc: Document, cand) -> Mention | None:
    """A digit string too long to be a quantity (numerals.digits.MAX_DIGITS): its span is
    kept, its value is the digits."""
    num = cand.first
    if num.digits and num.value is None and not num.vague:
        return Mention("identifier", num.start, num.end, _digits_of(doc.norm[num.start:num.end]))
    return None


def _naming(doc: Document, cand, definite: bool = False):
    """The digits of a number that could name a thing (plain, no scale; with the article
    only when `definite` allows it: شارع الـ 60)."""
    num = cand.first
    if cand.is_range or not num.digits or num.scale or num.percent_sign or num.value is None:
        return None
    if definite_number(doc, cand) and not definite:
        return None
    return doc.norm[num.start:num.end]          # as written, in ASCII digits: 2254, 43.22


#: the head kinds: a head names one number, a plural or dual head each number of a
#: list, a construct head only a number with the article (دور الـ16), a place only a
#: number right after it, itself without the article (شارع 9، مستشفى 57357)
HEAD, PLURAL, CONSTRUCT, PLACE = "head", "plural", "construct", "place"


@lru_cache(maxsize=65536)
def naming_head(lex, w: str | None) -> str | None:
    """Is `w` (with its proclitics) a naming head, and of which kind?"""
    if w is None:
        return None
    for sp in morphology.splits(w):
        if sp.stem in lex.id_heads or sp.prefix + sp.stem in lex.id_heads:
            return HEAD
        if sp.stem in lex.id_head_plurals:
            return PLURAL
        if sp.stem in lex.id_construct_heads:
            return CONSTRUCT
        if sp.stem in lex.id_place_heads and not sp.definite:
            return PLACE
    return None


#: the links of a list of numbers after one head: المادتين 5 و6، المواد 3، 4، ص 23-25
_LIST_LINKS = COMMAS | {"-", morphology.WA_FORM}
#: the marks inside one number written in digits (43.22، 1,500، 13/2)
_NUMBER_MARKS = frozenset(".,/")
#: the most marks one such number holds (1,500,000,000)
_NUMBER_MAX_MARKS = 4
#: how many numbers a list after one head may hold
_LIST_MAX = 8


def opening(doc: Document, i: int) -> tuple[int, int | None]:
    """(k, code start): the first token of what is written before the number at token i
    as part of it — an Arabic code letter with its slash (م/51), the article written
    apart (الـ 60), an opening bracket (المادة (12)) — and the start of the code letter."""
    k, code = i, None
    if k >= 2 and doc.tok_text(k - 1) == "/" and doc.adjacent(k) and doc.adjacent(k - 1) \
            and doc.toks[k - 2].kind == WORD and len(doc.toks[k - 2].text) == 1:
        k -= 2
        code = doc.toks[k].start
    prev = doc.tok_text(k - 1)
    if prev in morphology.DETACHED and doc.toks[k - 1].kind == WORD \
            and morphology.parts_of(prev) == morphology.ARTICLE_ONLY:
        k -= 1
    if k > 0 and doc.toks[k - 1].kind == PUNCT and opening_wrapper(doc.toks[k - 1].text):
        k -= 1
    return k, code


def head_before(doc: Document, i: int, depth: int = 0) -> tuple[str, int] | None:
    """(kind, token) of the naming head of the number at token i: before it, possibly after
    a genitive complement of up to `id_max_gap` words (قرار مجلس الأمن 2254), or before
    the list the number ends (المادتين 5 و6، ص 23-25). Kept per document."""
    try:
        return doc.head_memo[i]
    except KeyError:
        found = doc.head_memo[i] = _head_before(doc, i, depth)
        return found


def _head_before(doc: Document, i: int, depth: int) -> tuple[str, int] | None:
    lex = doc.lex
    k, _ = opening(doc, i)
    op = opener(doc, k)
    if op is not None:                                   # المواد من 10 إلى 15
        kind = naming_head(lex, doc.word(op[1] - 1))
        if kind in (HEAD, PLURAL):
            return kind, op[1] - 1
    for gap in range(0, lex.id_max_gap + 1):
        w = doc.word(k - 1 - gap)
        if w is None:
            break
        kind = naming_head(lex, w)
        if kind is not None:
            if gap and any(doc.word(k - 1 - g) in lex.not_nouns for g in range(gap)):
                break
            return kind, k - 1 - gap
    if depth < _LIST_MAX and (doc.tok_text(k - 1) in _LIST_LINKS or doc.word(k - 1) in lex.range_closers):
        m = k - 2
        if m >= 0 and doc.toks[m].kind == PUNCT and closing_wrapper(doc.toks[m].text):
            m -= 1
        if m >= 0 and doc.toks[m].kind == DIGITS:
            for _ in range(_NUMBER_MAX_MARKS):    # back to the first digits of 43.22، 1,500,000
                if not (m >= 2 and doc.adjacent(m) and doc.toks[m - 1].text in _NUMBER_MARKS
                        and doc.adjacent(m - 1) and doc.toks[m - 2].kind == DIGITS):
                    break
                m -= 2
            return head_before(doc, m, depth + 1)
    return None


#: the proclitics و and ف written alone before digits: they join the number to the one before
_CONJUNCTION_FORMS = frozenset(p.form for p in morphology.PROCLITICS if p.parts <= morphology.CONJUNCTIONS)


def series(doc: Document, cand) -> Mention | None:
    """أستانة 12، جنيف 2، ستاندرد آند بورز 500، فيتامين ب12: a number after the name of a
    series of talks, products, indexes … (a letter glued to the number is part of the name)."""
    if not cand.first.digits:
        return None
    k = cand.i
    if k > 0 and doc.adjacent(k) and doc.toks[k - 1].kind == WORD and len(doc.toks[k - 1].text) == 1:
        if doc.toks[k - 1].text in _CONJUNCTION_FORMS:
            return None                            # كورونا و12 وفاة: the next number of a list
        k -= 1                                     # ب12، د3
    if doc.phrase_before(k, doc.lex.id_series, morphology.ANY) is None:
        return None
    digits = _naming(doc, cand)
    return None if digits is None else Mention("identifier", cand.start, cand.end, digits)


def head(doc: Document, cand) -> Mention | None:
    """القرار 2254، قرار مجلس الأمن 2254، المادة (12)، رقم (م/51)، المادتين 5 و6، ص 23-25،
    شارع الـ 60، دور الـ16: a number after a naming head (possibly after a genitive
    complement of up to `id_max_gap` words), or in a list after a plural or dual one."""
    if not cand.first.digits:
        return None
    found = head_before(doc, cand.i)
    if found is None:
        return None
    kind, k = found
    first, code = opening(doc, cand.i)
    construct = k == first - 1 and not morphology.is_definite(doc.toks[k].text)
    if (kind == CONSTRUCT and not (construct and definite_number(doc, cand))) or (kind == PLACE and not construct):
        return None
    digits = _naming(doc, cand, definite=construct)
    if digits is None:
        return None
    return Mention("identifier", cand.start if code is None else code, cand.end, digits)


def named_by_head(doc: Document, cand) -> bool:
    """Is the number a head names (كأس العالم 2022، رؤية 2030)? For the year guard."""
    return cand.first.digits and head(doc, cand) is not None


@lru_cache(maxsize=65536)
def _send_verb(lex, w: str | None) -> bool:
    return w is not None and any(sp.stem in lex.send_verbs
                                 for sp in morphology.readings(w, morphology.CONJUNCTIONS))


def message(doc: Document, cand) -> Mention | None:
    """ارسل 1 إلى 5050: the message an SMS service asks for, and the short number it is
    sent to, name things (a plural noun after either makes it a count: أرسل 5 رسائل)."""
    digits = _naming(doc, cand)
    if digits is None:
        return None
    lex, i, j = doc.lex, cand.i, cand.j
    if unit_after(doc, j) is not None or counted_noun_at(doc, j, plural_only=True):
        return None                                # أرسل 5 رسائل، إلى 3 مدن
    if _send_verb(lex, doc.word(i - 1)) and doc.word(j) in lex.send_links and j + 1 < doc.n \
            and doc.toks[j + 1].kind == DIGITS:
        return Mention("identifier", cand.start, cand.end, digits)
    if doc.word(i - 1) in lex.send_links:
        for b in range(i - 2, max(-1, i - 2 - lex.send_reach), -1):
            if doc.toks[b].kind == PUNCT:
                break
            if _send_verb(lex, doc.word(b)):
                return Mention("identifier", cand.start, cand.end, digits)
    return None


def footnote(doc: Document, cand) -> Mention | None:
    """[ 4 ]، للحدث(7).: a number in square brackets, or in parentheses glued to the word
    before and ending the clause, is a footnote marker."""
    digits = _naming(doc, cand)
    if digits is None:
        return None
    i, j = cand.i, cand.j
    if j > i + 1 and doc.toks[j - 1].start >= cand.end:
        j -= 1                                        # the numeral ends past its closing bracket
    before, after = doc.tok_text(i - 1), doc.tok_text(j)
    if before == "[" and after == "]":
        return Mention("identifier", cand.start, cand.end, digits)
    if before == "(" and after == ")" and i >= 2 and doc.adjacent(i - 1) and doc.toks[i - 2].kind == WORD:
        rest = doc.norm[doc.toks[j].end:doc.toks[j].end + 1]
        if rest in ("", "\n") or (j + 1 < doc.n and doc.toks[j + 1].kind == PUNCT
                                   and doc.toks[j + 1].start == doc.toks[j].end
                                   and not opening_wrapper(doc.toks[j + 1].text)):
            return Mention("identifier", cand.start, cand.end, digits)
    return None


# 1.11.91، 192.168.1.1: digit groups joined by two dots or more, matched at each run of
# digits (stdlib `re`: `regex`'s match costs time for the length of the window); what
# may stand before it is checked in Python.
_DOTTED_RE = re.compile(r"[0-9]+(?:\.[0-9]+){2,}(?![0-9]|\.[0-9])")
_DIGITS_OR_DOT = frozenset("0123456789.")


def find_dotted(doc: Document):
    """رقم 1.11.91 (a Moroccan dahir)، 192.168.1.1: digit groups joined by dots, after a
    naming head or in four groups or more, are one name (1.250.000 groups thousands)."""
    norm = doc.norm
    for m in doc.digit_matches(_DOTTED_RE):
        if m.start() > 0 and norm[m.start() - 1] in _DIGITS_OR_DOT:
            continue                                  # inside a longer run (the engine started mid-run)
        groups = m.group().split(".")
        if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
            continue
        k = doc.token_at(m.start())
        if len(groups) < 4 and (k >= doc.n or head_before(doc, k) is None):
            continue
        found = _identifier(doc, m.start(), m.end(), m.group())
        if found:
            yield found


@lru_cache(maxsize=65536)
def _division(lex, w: str | None) -> tuple[bool, bool] | None:
    """(definite,) when `w` names a division of a text (المادة، للبند، باب), else None."""
    if w is None:
        return None
    for sp in morphology.splits(w):
        if sp.stem in lex.id_divisions:
            return (sp.definite,)
    return None


def find_divisions(doc: Document):
    """المادة الخامسة والعشرون، البند ثانياً، الباب الثاني، الجزء الثالث: an ordinal word or
    adverb after a division of a text numbers it (an identifier, its value the number)."""
    lex = doc.lex
    for k in doc.word_anchors:
        if doc.taken[k] or k == 0:
            continue
        div = _division(lex, doc.word(k - 1))
        if div is None or doc.taken[k - 1]:
            continue
        hit = ordinal_at(doc, k)
        if hit is not None:
            value, j, definite, start = hit
            if definite != div[0]:                 # agreement: المادة الخامسة; مادة خامسة is "a fifth article"
                continue
        else:
            adv = ordinal_adverb_at(doc, k)
            if adv is None:
                continue
            value, j, start = adv
        found = _identifier(doc, start, doc.toks[j - 1].end, str(value))
        if found:
            yield found


def place_date_at(doc: Document, k: int) -> int | None:
    """The end token of a day and month after an indefinite place noun at token k - 1,
    which name the place (مدينة 6 أكتوبر، جسر 15 مايو), or None."""
    lex = doc.lex
    w = doc.word(k - 1)
    if w is None or k >= doc.n or doc.toks[k].kind != DIGITS or not _place_head(lex, w):
        return None
    hit = month_at(doc, k + 1)
    if hit is None or hit[3] or (hit[2] < doc.n and doc.toks[hit[2]].kind == DIGITS):
        return None
    return hit[2]


@lru_cache(maxsize=65536)
def _place_head(lex, w: str) -> bool:
    return any(sp.stem in lex.id_place_heads and not sp.definite for sp in morphology.readings(w, morphology.NO_ARTICLE))


def find_place_dates(doc: Document):
    """مدينة 6 أكتوبر، ميدان 23 يوليو: a place named after a date (the place-date guard
    keeps it from the calendar): one identifier over the day and the month, value the day."""
    for k in doc.anchors:
        if doc.toks[k].kind != DIGITS or doc.taken[k]:
            continue
        end = place_date_at(doc, k)
        if end is not None:
            found = _identifier(doc, doc.toks[k].start, doc.toks[end - 1].end, doc.toks[k].text)
            if found:
                yield found


FINDERS = (
    Finder("identifier.hashtag", Phase.SHAPES, find_hashtags),
    Finder("identifier.code", Phase.SHAPES, find_codes),
    Finder("identifier.phone", Phase.SHAPES, find_phones),
    Finder("identifier.hyphenated", Phase.SHAPES, find_hyphenated),
    Finder("identifier.dotted", Phase.SHAPES, find_dotted),
    Finder("identifier.division", Phase.SHAPES, find_divisions),
    Finder("identifier.place-date", Phase.SHAPES, find_place_dates),
)
RULES = (
    Rule("identifier.overlong", Phase.NON_QUANTITIES, overlong, digits=True),
    Rule("identifier.series", Phase.NON_QUANTITIES, series, digits=True),
    Rule("identifier.head", Phase.NON_QUANTITIES, head, digits=True),
    Rule("identifier.message", Phase.NON_QUANTITIES, message, digits=True),
    Rule("identifier.footnote", Phase.NON_QUANTITIES, footnote, digits=True),
)
