"""Finding every numeral of a document.

`scan` reads the longest number at each anchor (`words.read_number`), plus the
forms that carry a number without being number words: dual nouns of a unit
(يومين = 2 days), fractions with a pronoun (نصفهم), and the percent sign or
arithmetic sign written with digits. It proposes; the numeral guards of the
pipeline decide which proposals are numbers (a weekday, "one of" …).
`read_numerals` reads a whole text (`factx.find_numerals` adds the pipeline's numeral guards).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

from ..language import morphology
from ..language.lexicon import lexicon as _lexicon
from ..text.document import Document
from ..text.normalize import normalize
from ..text.tokens import DIGITS, PUNCT, WORD, closing_wrapper, opening_wrapper
from .anchors import find_anchors
from .words import UNIT, Numeral, read_number, word_reading

#: no number is longer than this many tokens
MAX_TOKENS = 64


@lru_cache(maxsize=65536)
def fraction_of_group(lex, word: str) -> tuple[int, int, Fraction] | None:
    """نصفهم → (prefix length, stem length, 1/2): a fraction word with a pronoun suffix
    (not ثمنها "its price": numbers.toml noun_homographs)."""
    for suffix in morphology.PRONOUN_SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            base = word[: -len(suffix)]
            for sp in morphology.splits(base):
                if sp.stem in lex.noun_homographs:
                    continue
                f = lex.fractions.get(sp.stem) or lex.group_fractions.get(sp.stem)
                if f is not None:
                    return len(sp.prefix), len(sp.stem), f
    return None


@lru_cache(maxsize=65536)
def dual_unit(lex, word: str):
    """يومين → (prefix length, the lexicon's Unit for the dual day)."""
    for sp in morphology.splits(word):
        u = lex.unit_phrases.get((sp.stem,))
        if u is not None and u.dual:
            return len(sp.prefix), u
    return None


def scan(doc: Document, keep=None) -> list[Numeral]:
    """All numerals of `doc`, in order, never reading a taken token.

    A numeral starts at an anchor. `keep(doc, numeral)` (the numeral guards)
    says whether a proposal stands; a rejected one leaves its tokens free.
    """
    norm, toks, taken, lex = doc.norm, doc.toks, doc.taken, doc.lex
    out: list[Numeral] = []
    n = doc.n
    resume = 0
    for i in doc.anchors:
        if i < resume or taken[i]:
            continue
        # a number never reads across a taken token, nor past MAX_TOKENS tokens
        stop = min(n, i + MAX_TOKENS)
        if True in taken[i + 1:stop]:
            stop = taken.index(True, i + 1, stop)
        t = toks[i]
        num = read_number(norm, toks, i, stop, lex)
        if t.kind == DIGITS:
            if num is not None:
                _digit_fraction(toks, num, stop)
                _attach_signs(norm, toks, num, stop)
        elif num is None and t.kind == WORD:
            num = _special_word(doc, i)
        if num is not None and keep is not None and not keep(doc, num):
            num = _without_fraction(num) if num.digit_fraction else None
            if num is not None and not keep(doc, num):
                num = None
        if num is None:
            continue
        if i > 0 and not taken[i - 1]:
            _sign_word(doc, num)
        free_before = i > resume and not taken[i - 1]
        num = _unit_fraction(doc, num, stop, free_before)
        num = _unit_one(doc, num, free_before)
        _restated_two(doc, num, stop)
        _past_wrapper(toks, num, stop)
        _restated_in_other_script(doc, num, stop)
        tail = _fraction_after_unit(doc, num, stop)
        first = _singular_range_start(doc, num, resume) if not num.digits or num.j > num.i else None
        if first is not None:
            out.append(first)
        out.append(num)
        resume = max(num.j, i + 1, tail)
        last = _singular_range_end(doc, num, stop)
        if last is not None:
            out.append(last)
            resume = last.j
    return out


def _singular_range_start(doc: Document, num: Numeral, resume: int) -> Numeral | None:
    """من سنة إلى ثلاث سنوات، بين شهر وثلاثة أشهر، من متر إلى مترين: a bare singular unit
    noun as the first end of a range is one (the range's words are the cue, as a
    comparison's are)."""
    closers = doc.lex.range_closers
    glued = doc.norm[doc.toks[num.i].start:num.start][:1] if num.prefix else ""    # وثلاث، لثلاث
    link, s = (glued, num.i - 1) if glued in closers else (doc.word(num.i - 1), num.i - 2)
    if link not in closers or s < max(resume, 1):
        return None                                   # the cheap tests first: most numbers are no range end
    return _range_one(doc, s, link, s)


def _singular_range_end(doc: Document, num: Numeral, stop: int) -> Numeral | None:
    """من ستة أشهر إلى سنة، من 500 غرام إلى كيلوغرام: a bare singular unit noun as the
    second end of a range opened before the number, after the number's unit and the link."""
    closers = doc.lex.range_closers
    reach = min(stop, num.j + doc.lex.unit_phrases.max_words + 1)
    if not any(doc.word(k) in closers for k in range(num.j + 1, reach)):
        return None                                   # no link within a unit's reach: the cheap test first
    hit = doc.phrase_at(num.j, doc.lex.unit_phrases)
    if hit is None or hit[1] + 1 >= stop:
        return None
    link = doc.word(hit[1])
    return _range_one(doc, hit[1] + 1, link, num.i)


def _range_one(doc: Document, k: int, link: str | None, first: int) -> Numeral | None:
    """The singular unit noun at token k read as one, when the range opener before
    token `first` closes with `link`."""
    t = doc.toks[k] if k < doc.n else None
    if t is None or (t.text,) not in doc.lex.unit_phrases or doc.taken[k] or k in doc.anchor_set:
        return None                                   # the cheap test first: most numbers have no such noun
    unit = _bare_unit(doc, k)
    if unit is None:
        return None
    op = doc.phrase_before(first, doc.lex.range_open, morphology.NO_ARTICLE)
    if op is None or link not in op[0]:
        return None
    return Numeral(k, k + 1, t.start, t.end, 1, unit=unit, singular=RANGE_END)


def _past_wrapper(toks, num: Numeral, stop: int) -> None:
    """«250» ديناراً، (12) طناً، عام ( 1950 ): a number alone in brackets or quotes reads
    as if they were absent (SPEC §5.1): its end token moves past the closing one, so that
    its unit, counted noun and qualifier after it are read; its span stays the number."""
    if num.i > 0 and num.j < stop and toks[num.i - 1].kind == PUNCT and toks[num.j].kind == PUNCT \
            and opening_wrapper(toks[num.i - 1].text) and closing_wrapper(toks[num.j].text):
        num.j += 1


def _restated_in_other_script(doc: Document, num: Numeral, stop: int) -> None:
    """رسوم قدرها (100) مائة ريال، غرامة 5000 (خمسة آلاف) درهم، مدة ثلاثين (30) يوماً: the
    drafting of laws and contracts, a number in digits restated in words (or the other
    way round), one of the two in brackets. The restatement is the same number: the
    numeral reads past it (its unit and noun come after it); its span stays the first."""
    k = num.j
    if k >= stop or num.value is None:
        return
    toks = doc.toks
    wrapped = toks[k - 1].kind == PUNCT and closing_wrapper(toks[k - 1].text)
    opened = toks[k].kind == PUNCT and opening_wrapper(toks[k].text)
    if wrapped == opened or k + opened >= stop:
        return                                        # exactly one of the two is in brackets
    again = read_number(doc.norm, toks, k + opened, stop, doc.lex)
    if again is None or again.digits == num.digits or again.value != num.value or again.prefix \
            or again.percent_sign or again.fraction:
        return
    end = again.j
    if opened:
        if end >= stop or not (toks[end].kind == PUNCT and closing_wrapper(toks[end].text)):
            return
        end += 1
    num.j = end


#: the unit kinds a fraction after the unit noun adds to (ثلاث ساعات ونصف)
_FRACTION_UNIT_KINDS = frozenset({"duration", "measure", "money"})


def _fraction_after_unit(doc: Document, num: Numeral, stop: int) -> int:
    """ثلاث ساعات ونصف، 3 كيلومترات ونصف، خمسة دنانير وربع: a fraction joined by و after
    the unit of a number adds to the number (3.5 hours); the numeral's span runs to the
    fraction, its unit is still read after the number. The token after the fraction,
    or 0 when there is none. Not a fraction of a group of its own (ونصف المبلغ)."""
    if num.value is None or num.fraction or num.unit is not None or num.counts_itself or num.percent_sign \
            or num.j + 1 >= stop:
        return 0
    hit = doc.phrase_at(num.j, doc.lex.unit_phrases)
    if hit is None or hit[1] >= stop or hit[0].kind not in _FRACTION_UNIT_KINDS or hit[0].dual:
        return 0
    after = _wa_fraction_at(doc, hit[1], stop)
    if after is None:
        return 0
    num.value += after.value
    num.end = after.end
    return after.j


def _wa_fraction_at(doc: Document, k: int, stop: int) -> Numeral | None:
    """ونصف، وربع، و نصف at token k, after a unit (ساعتين ونصف، ثلاث ساعات ونصف): a fraction
    below one joined by و, glued or apart, that is no fraction of a group of its own (ونصف
    المبلغ); None otherwise."""
    w = doc.word(k)
    if w is None:
        return None
    detached = w in morphology.DETACHED_WA
    if not (detached or w.startswith(morphology.WA_FORM)) or k + detached >= stop:
        return None                                   # the cheap test first: no و here
    lex = doc.lex
    after = read_number(doc.norm, doc.toks, k + detached, stop, lex)
    if after is None or not after.fraction or after.value is None or after.value >= 1 \
            or morphology.parts_of(after.prefix) != (frozenset() if detached else {morphology.WA}):
        return None
    group = doc.word(after.j)
    if group is not None and morphology.is_definite(group) \
            and (morphology.strip_definite(group)[1],) not in lex.unit_phrases:
        return None                                   # ونصف المبلغ: half of something else
    return after


def _unit_fraction(doc: Document, num: Numeral, stop: int, free_before: bool) -> Numeral:
    """ونصف after a unit noun (SPEC §4.2): ساعة ونصف = 1.5 hours, لتر و ربع = 1.25 l,
    دولار ونصف = 1.5 USD, ساعتين ونصف = 2.5.

    The grammar joins a fraction to a number; here the number is carried by the
    unit noun itself: one for a singular noun before the fraction, two for a dual.
    """
    toks, lex = doc.toks, doc.lex
    if num.fraction and free_before:
        k = _unit_before_fraction(doc, num.i, num.prefix)
        unit = None if k is None else _singular_unit(doc, k, num.j)
        if unit is not None:
            return Numeral(k, num.j, toks[k].start, num.end, 1 + num.value, unit=unit)
    elif num.unit is not None and num.unit.dual and num.j < stop:
        after = _wa_fraction_at(doc, num.j, stop)
        if after is not None:
            num.value += after.value
            num.j, num.end = after.j, after.end
    return num


def _unit_one(doc: Document, num: Numeral, free_before: bool) -> Numeral:
    """دولار واحد، ساعة واحدة: "one" written as the adjective of a singular unit noun
    before it is one of that unit (as ساعة ونصف is one and a half); the span is both words."""
    if not free_before or num.digits or num.prefix or num.definite or num.value != 1 or num.j != num.i + 1 \
            or num.unit is not None or num.counts_itself or num.singular:
        return num
    k = num.i - 1
    if doc.word(k) is None or morphology.is_definite(doc.toks[k].text):
        return num
    unit = _singular_unit(doc, k, num.j)
    if unit is None:
        return num
    return Numeral(k, num.j, doc.toks[k].start, num.end, 1, unit=unit)


#: the most dual nisba adjectives between a dual and the "two" that restates it
_DUAL_ADJECTIVES = 2


def _restated_two(doc: Document, num: Numeral, stop: int) -> None:
    """عامين اثنين، طفلين اثنين، جنديان إسرائيليان اثنان: "two" written as the adjective of a
    dual (after its other adjectives) restates the dual's number; the dual's numeral
    takes it in (one number, not two)."""
    if not ((num.unit is not None and num.unit.dual) or (num.counts_itself and num.value == 2)) or num.j >= stop:
        return
    k = num.j
    while k < stop - 1 and k - num.j < _DUAL_ADJECTIVES and _dual_nisba(doc.word(k)):
        k += 1
    w = doc.word(k) if k < stop else None
    hit = None if w is None else word_reading(doc.lex, w, morphology.NOTHING)
    if hit is not None and hit[1].role == UNIT and hit[1].value == 2:
        num.end = doc.toks[k].end
        num.j = k + 1


def _dual_nisba(w: str | None) -> bool:
    """إسرائيليان، عسكريتين: a nisba adjective in the dual, as a dual noun's adjective is."""
    return w is not None and any(w.endswith(e) and morphology.nisba_like(w[:-len(e)])
                                 for e in morphology.DUAL_ENDINGS)


def joins_unit_noun(doc: Document, num: Numeral) -> bool:
    """A fraction joined by و to the singular unit noun before it (ساعة ونص، لتر و ربع),
    which `scan` reads as one of the unit and the fraction."""
    if not num.fraction:
        return False
    k = _unit_before_fraction(doc, num.i, num.prefix)
    return k is not None and _singular_unit(doc, k, num.j) is not None


def _unit_before_fraction(doc: Document, i: int, prefix: str) -> int | None:
    """The token a unit noun would stand at before a fraction at token i joined by و
    (لتر ونصف، لتر و ربع), or None when no و joins it."""
    if morphology.WA in morphology.parts_of(prefix):
        return i - 1 if i > 0 else None
    if not prefix and i > 1 and doc.toks[i - 1].text in morphology.DETACHED_WA and not doc.taken[i - 2]:
        return i - 2
    return None


def _singular_unit(doc: Document, k: int, j: int):
    """The singular unit noun at token k that a fraction ending at token j adds to
    (ساعة ونصف، لتر وربع), or None. A unit other than time has no article, and the
    fraction takes no group of its own (not الدولار ونصف الموظفين)."""
    before = (doc.toks[k].text,)
    unit = doc.lex.unit_phrases.get(before)
    if unit is None or unit.kind == "percent" or unit.code is None or unit.dual or unit.per \
            or before in doc.lex.unit_plurals:
        return None
    if unit.kind != "duration":
        nxt = doc.word(j)
        if morphology.is_definite(before[0]) or (nxt is not None and morphology.is_definite(nxt)):
            return None
    return unit


def _special_word(doc: Document, i: int) -> Numeral | None:
    t = doc.toks[i]
    uf = _unit_fraction_word(doc, i)
    if uf is not None:
        return uf
    fg = fraction_of_group(doc.lex, t.text)
    if fg is not None:
        p, ln, f = fg
        return Numeral(i, i + 1, t.start + p, t.start + p + ln, f, fraction=True)
    du = dual_unit(doc.lex, t.text)
    if du is not None:
        p, unit = du
        return Numeral(i, i + 1, t.start + p, t.end, 2, unit=unit)
    dn = dual_noun(doc.lex, t.text)
    if dn is not None:
        p, construct = dn
        if construct and doc.word(i + 1) is None:            # ركلتي جزاء: a construct needs its genitive
            return None
        return Numeral(i, i + 1, t.start + p, t.end, 2, counts_itself=True)
    tally = _goal_tally(doc, i)
    if tally is not None:
        return tally
    return _singular_after_bound(doc, i)


def _goal_tally(doc: Document, i: int) -> Numeral | None:
    """فاز برباعية نظيفة، خسر بثلاثية مقابل هدف: a noun of a goal tally (cues.toml [score]
    tallies) is that many goals in a score: before a clean or against word, or with بـ
    after a score word of its clause. The noun counts itself, as a dual does."""
    lex, t = doc.lex, doc.toks[i]
    for sp in morphology.splits(t.text):
        n = lex.score_tallies.get(sp.stem)
        if n is None or sp.definite:
            continue
        if doc.phrase_at(i + 1, lex.score_clean) is not None or doc.word(i + 1) in lex.score_against \
                or (morphology.PREPOSITION in morphology.parts_of(sp.prefix) and score_word_before(doc, i)):
            return Numeral(i, i + 1, t.start + len(sp.prefix), t.end, n, prefix=sp.prefix, counts_itself=True,
                           stem=sp.stem)
    return None


def score_word_before(doc: Document, i: int) -> bool:
    """Does a word of a match (cues.toml [score]) stand before token i in its clause, within
    the score window (فاز الهلال على النصر بـ…، 2-1)?"""
    lex = doc.lex
    for k in range(i - 1, max(-1, i - lex.score_window - 1), -1):
        if doc.ends_clause(k):
            return False
        if doc.phrase_at(k, lex.score_words, morphology.ANY) is not None:
            return True
    return False


#: why a bare singular noun was read as one (`Numeral.singular`): after a comparison,
#: after a score's مقابل, after a duration head, before a one-nil phrase
#: … or at an end of a range (من سنة إلى ثلاث سنوات)
AFTER_COMPARISON, AFTER_AGAINST, AFTER_HEAD, BEFORE_CLEAN = "comparison", "against", "head", "clean"
RANGE_END = "range"


def _singular_after_bound(doc: Document, i: int) -> Numeral | None:
    """A bare singular noun is the number one, as a dual is two, after a comparison
    (لا تقل عن سنة، أكثر من شهر، ألا تزيد مدة الحبس على سنة: a unit noun), after
    the مقابل of a score (بهدفين مقابل هدف: a counted noun), after a duration head
    (لمدة عام: a time noun) or before a one-nil phrase (بهدف نظيف: a goal). Proposed at
    the first unit noun within the comparison's reach when no other anchor comes first,
    or at the noun next to the other cue words; the "bound-singular" guard checks what
    the reader cannot: that the comparison reaches the noun, that the score's other side
    counts the same noun."""
    lex, word = doc.lex, doc.toks[i].text
    if word in lex.score_clean_ends:
        return _clean_goal(doc, i)
    if _has_stem(word, lex.score_against):
        k = i + 1
        return _one(doc, k, None, AFTER_AGAINST) if doc.word(k) in lex.counted_singulars else None
    if _has_stem(word, lex.duration_heads):
        unit = _bare_unit(doc, i + 1)
        return _one(doc, i + 1, unit, AFTER_HEAD) if unit is not None and unit.kind == "duration" else None
    if not _has_stem(word, lex.bound_words):
        return None
    for k in range(i + 1, min(doc.n, i + lex.max_subject + 3)):
        t = doc.toks[k]
        if t.kind != WORD or doc.taken[k]:
            return None
        if k in doc.anchor_set:
            if _has_stem(t.text, lex.duration_heads):
                continue                          # ألا تقل مدة التدريب عن شهر: the head is no number
            return None
        unit = _bare_unit(doc, k)
        if unit is not None:
            return _one(doc, k, unit, AFTER_COMPARISON)
    return None


def _has_stem(word: str, table) -> bool:
    """Is `word`, or its stem under some proclitics (لمدة، بأكثر), in `table`?"""
    return any(sp.stem in table for sp in morphology.splits(word))


def _bare_unit(doc: Document, k: int):
    """The unit of the indefinite singular unit noun at token k, or None."""
    if doc.word(k) is None or morphology.is_definite(doc.toks[k].text):
        return None
    return _singular_unit(doc, k, k + 1)


def _one(doc: Document, k: int, unit, cue: str) -> Numeral | None:
    """The noun at token k read as one (of `unit`, or counting itself), when it is free to be."""
    if not _free_single(doc, k):
        return None
    t = doc.toks[k]
    return Numeral(k, k + 1, t.start, t.end, 1, unit=unit, singular=cue)


def _clean_goal(doc: Document, i: int) -> Numeral | None:
    """بهدف نظيف، بهدف دون رد: a singular goal ([score] goals) before a phrase of
    [score] clean ending at token i is one (a one-nil score)."""
    hit = doc.phrase_before(i + 1, doc.lex.score_clean)
    k = -1 if hit is None else hit[1] - 1
    if k < 0 or doc.taken[k] or k in doc.anchor_set or doc.toks[k].kind != WORD:
        return None
    t = doc.toks[k]
    for sp in morphology.splits(t.text):
        if sp.stem in doc.lex.score_goals and not sp.definite:
            return Numeral(k, k + 1, t.start + len(sp.prefix), t.end, 1, prefix=sp.prefix, singular=BEFORE_CLEAN,
                           stem=sp.stem)
    return None


def _free_single(doc: Document, k: int) -> bool:
    """Is the singular noun at token k free to stand for "one": not taken, not an anchor,
    and followed by no number, fraction or definite genitive (سنة 2020، ساعة ونصف، يوم الأحد)?"""
    if doc.taken[k] or k in doc.anchor_set:
        return False
    if k + 1 >= doc.n:
        return True
    nxt = doc.toks[k + 1]
    return not (nxt.kind == DIGITS or (k + 1) in doc.anchor_set
                or (nxt.kind == WORD and morphology.is_definite(nxt.text)))


@lru_cache(maxsize=65536)
def dual_noun(lex, word: str) -> tuple[int, bool] | None:
    """هدفين، والجرعتين، ركلتي → (prefix length, construct): the dual of a counted noun
    (a construct dual takes no article)."""
    for sp in morphology.splits(word):
        hit = lex.dual_nouns.get(sp.stem)
        if hit is not None and not (hit[1] and sp.definite):
            return len(sp.prefix), hit[1]
    return None


def _unit_fraction_word(doc: Document, i: int) -> Numeral | None:
    """نص لتر، كيلو ونص: a fraction word that is another word elsewhere (نص "text"),
    read as a fraction only right before a unit, or joined by و to a unit noun before it."""
    t, lex = doc.toks[i], doc.lex
    for sp in morphology.readings(t.text, morphology.WA_REQUIRED):
        f = lex.unit_fractions.get(sp.stem)
        if f is None:
            continue
        k = _unit_before_fraction(doc, i, sp.prefix)
        if k is not None:
            ok = _singular_unit(doc, k, i + 1) is not None
        else:
            hit = doc.phrase_at(i + 1, lex.unit_phrases)
            ok = not sp.prefix and hit is not None and hit[0].kind != "percent" and hit[0].code is not None
        if ok:
            return Numeral(i, i + 1, t.start + len(sp.prefix), t.end, f, prefix=sp.prefix, fraction=True,
                           stem=sp.stem)
    return None


#: denominators a digit fraction may have besides those above its numerator (2/1000 كغ)
_POWERS_OF_TEN = frozenset({10, 100, 1000})


def _digit_fraction(toks, num: Numeral, stop: int) -> None:
    """3/4 كوب، 2/1000 كغ: digits over digits glued by "/" (SPEC §5.1) read as a fraction;
    the digit-fraction guard lets it stand only before a unit or a noun (24/7 is none)."""
    j = num.j
    if not (num.plain_digits and j + 1 < stop and toks[j].text == "/" and toks[j].start == num.end
            and toks[j + 1].kind == DIGITS and toks[j + 1].start == toks[j].end):
        return
    if j + 2 < stop and toks[j + 2].text in ("/", "-") and toks[j + 2].start == toks[j + 1].end:
        return                                            # 15/3/1998: a date's shape
    n, d = num.value, int(toks[j + 1].text)
    if not (2 <= d <= 100 or d in _POWERS_OF_TEN) or not (n < d or d in _POWERS_OF_TEN) or n >= 1000:
        return                                            # 2013/2014 is no fraction
    num.whole = (n, num.j, num.end)
    num.value, num.fraction, num.digit_fraction, num.plain_digits = Fraction(n, d), True, True, False
    num.j, num.end = j + 2, toks[j + 1].end


def _without_fraction(num: Numeral) -> Numeral:
    """The numerator of a digit fraction the guards did not let stand, as a number of its own."""
    n, j, end = num.whole
    num.value, num.fraction, num.digit_fraction, num.plain_digits, num.j, num.end = n, False, False, True, j, end
    return num


#: a percent sign and a per-mille sign (‰, and ؉ after normalisation)
_PERCENT_SIGNS = frozenset("%‰")


def _attach_signs(norm: str, toks, num: Numeral, stop: int) -> None:
    """Take a percent or per-mille sign (85%, %85, 85 %, 5‰), a leading minus/plus (-4، −3.5%) and a
    leading decimal point (.25، ٫٢٥) into a numeral written in digits."""
    i, j = num.i, num.j
    if j < stop and toks[j].kind == PUNCT and toks[j].text in _PERCENT_SIGNS and toks[j].start - num.end <= 1:
        num.percent_sign, num.per_mille = True, toks[j].text == "‰"
        num.end = toks[j].end
        num.j = j + 1
    elif i > 0 and toks[i - 1].text in _PERCENT_SIGNS and num.start - toks[i - 1].end <= 1 and num.scale == 0:
        num.percent_sign, num.per_mille = True, toks[i - 1].text == "‰"
        num.start = toks[i - 1].start
        i -= 1
    if i > 0 and toks[i - 1].text in _DECIMAL_POINTS and toks[i - 1].end == num.start and num.plain_digits \
            and num.value is not None and not _glued_before(norm, toks[i - 1].start, "0123456789"):
        ndig = len(toks[num.i].text)                        # .25 = 0.25: a point with no whole part
        num.value = Fraction(num.value, 10 ** ndig)
        num.plain_digits = False
        num.start = toks[i - 1].start
        i -= 1
    if i > 0 and toks[i - 1].text in "-+" and toks[i - 1].end == num.start:
        if not _glued_before(norm, toks[i - 1].start, None):
            num.sign_span = (toks[i - 1].start, num.start)
            if toks[i - 1].text == "-" and num.value is not None:
                num.value = -num.value
            num.start = toks[i - 1].start


#: the decimal points a number may begin with (.25، ٫٢٥)
_DECIMAL_POINTS = frozenset({".", "\u066b"})


def _glued_before(norm: str, pos: int, chars) -> bool:
    """Is the character before `pos` part of a word or number (not a space, a start
    or an opening bracket)? With `chars`, only those characters count."""
    if pos == 0:
        return False
    c = norm[pos - 1]
    if chars is not None:
        return c in chars
    return not (c.isspace() or c == "(")


def _sign_word(doc: Document, num: Numeral) -> None:
    """سالب خمسة، ناقص 3: a minus word before a number makes it negative; the word is
    part of the numeral (SPEC §5.1)."""
    k = num.i - 1
    w = doc.word(k)
    if w is not None and w in doc.lex.minus_words and num.sign_span is None and num.value is not None:
        num.sign_span = (doc.toks[k].start, num.start)
        num.value = -num.value
        num.start = doc.toks[k].start


@dataclass(frozen=True, slots=True)
class FoundNumeral:
    """A numeral with its value and its span in the original text."""

    value: Fraction | None
    low: Fraction | None
    high: Fraction | None
    start: int
    end: int
    text: str


def read_document(text: str, lex, sparse: bool = True) -> Document:
    """`text` normalised, its anchors found and the windows around them tokenised
    (all of it with ``sparse=False``, which must read exactly the same)."""
    nt = normalize(text)
    starts, windows = find_anchors(nt.norm, lex)
    return Document(nt, starts, windows if sparse else [(0, len(nt.norm))], lex)


def _exact(x) -> Fraction | None:
    """A value as the API gives it: a Fraction (the reader computes with ints where it can)."""
    return None if x is None else Fraction(x)


def read_numerals(text: str, lex=None, keep=None) -> list[FoundNumeral]:
    """Every numeral `scan` reads in `text`, with its exact value and original-text
    span; `keep` as for `scan`."""
    doc = read_document(text, lex or _lexicon())
    out = []
    for num in scan(doc, keep):
        s, e = doc.nt.orig_span(num.start, num.end)
        out.append(FoundNumeral(_exact(num.value), _exact(num.low), _exact(num.high), s, e, text[s:e]))
    return out
