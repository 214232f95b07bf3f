"""What a quantity is about (SPEC §5.5): its counted noun and that noun's base
form, the predicate that says what happened to it, whether it is the size of a
change, and where its unit came from.

`describe(doc, mentions)` fills, on every quantity mention of a document,
`entity` (counts), `entity_norm`, `predicate`, `change` and `unit_source`.
It runs after the pipeline, on its mentions, and reads only the tokens around
each number (`Document.toks`, `word`, `tokens_in`, `token_at`, the unit table
`lex.unit_phrases`) and the tables of `data/about.toml`, `data/lemmas.toml` and
`data/predicates.toml`, so the rules can change around it. Where Arabic puts
what is counted:

* after the number: 39 هجوما، ثلاثة ملايين من السكان (found by the count rule;
  a verb there is no noun: 16 قتلوا);
* before it, for adjectival numbers: الدول الثلاث (found by the count rule);
* after a head before it: بلغ عدد القتلى 40، ارتفعت نسبة البطالة إلى 7%؛ before
  a head glued to ب: مساعدات بقيمة 100 مليون دولار؛ before a head with a
  pronoun: اللاجئين البالغ عددهم 3.6 مليون نسمة.
"""

from __future__ import annotations

from bisect import bisect_right

from functools import lru_cache
from typing import NamedTuple

from .. import lemmas, predicates
from ..language.morphology import (ARTICLE_FORM, DETACHED, FEMININE_ENDINGS, WA_FORM, is_definite, nisba_like,
                                   splits, strip_definite)
from ..language.tables import Int, ListOf, Record, Str, Word, load
from ..predicates import ANY, Entry
from ..record import QUANTITY_KINDS
from ..text.document import Document
from ..text.normalize import normalize_word as nw
from ..text.tokens import PUNCT, WORD
from .mention import Mention
from .nouns import conjoined

#: the kind of the mentions that name things
NAME_KIND = "identifier"

_NAME = "about.toml"
DECLARATION = Record(required={
    "heads": Record(required={"words": ListOf(Word()), "pronoun_heads": ListOf(Word()), "max_back": Int(1, 20)}),
    "generic": Record(required={"nouns": ListOf(Word())}),
    "not_entities": Record(required={"words": ListOf(Word())}),
    "others": Record(required={"words": ListOf(Word())}),
    "barriers": Record(required={"words": ListOf(Word()), "max_before": Int(1, 20), "max_after": Int(0, 20)}),
    "verbs": Record(required={"past_plural": ListOf(Str()), "present_prefixes": ListOf(Str()),
                              "present_suffixes": ListOf(Str()), "nisba_plurals": ListOf(Str()),
                              "min_letters": Int(2, 9), "derived_past_prefixes": ListOf(Str()),
                              "past_feminine": ListOf(Str()), "feminine_plurals": ListOf(Str()),
                              "bare_present_prefix": Str(),
                              "bare_present_letters": ListOf(Int(2, 9))}),
})
_T = load(_NAME, DECLARATION)


def _words(xs: list[str]) -> frozenset[str]:
    return frozenset(nw(x) for x in xs)


_HEADS = _words(_T["heads"]["words"])
_PRONOUN_HEADS = _words(_T["heads"]["pronoun_heads"])
_MAX_BACK = _T["heads"]["max_back"]
_GENERIC = frozenset(lemmas.lemma(w) for w in _T["generic"]["nouns"])
_NOT_ENTITIES = _words(_T["not_entities"]["words"])
_OTHERS = _words(_T["others"]["words"])
_BARRIERS = _words(_T["barriers"]["words"])
_MAX_BEFORE = _T["barriers"]["max_before"]
_MAX_AFTER = _T["barriers"]["max_after"]
_V = {k: (tuple(nw(x) if isinstance(x, str) else x for x in v) if isinstance(v, list)
          else nw(v) if isinstance(v, str) else v) for k, v in _T["verbs"].items()}

_LAM = "ل"
#: the kind whose entity is the group it is a share of
_SHARE_KIND = "percent"
#: the kinds whose entity is what the amount is of, after its unit and من
_MEASURED_KINDS = frozenset({"money", "measure"})
#: symbols that do not end a clause (a percent or currency sign, a dash inside a range)
_SOFT_PUNCT = frozenset("%$€£-/")


def describe(doc: Document, mentions: list[Mention]) -> None:
    """Set the §5.5 fields of every quantity mention of `doc` (in place).

    `mentions` are all the mentions of the document, in text order: the ones
    around each end its clause (a predicate is not looked for across another number).
    """
    prev = None
    last = len(mentions) - 1
    #: identifiers name things inside a clause (مؤشر ستاندرد آند بورز 500): they end no clause
    names = tuple((m.start, m.end) for m in mentions if m.kind == NAME_KIND)      # in text order
    for n, m in enumerate(mentions):
        if m.kind in QUANTITY_KINDS:
            nxt = mentions[n + 1] if n < last else None
            if nxt is not None and nxt.start < m.end and n + 1 < last:
                nxt = mentions[n + 2]
            _describe(doc, m, _Around(prev, -1 if prev is None else prev.end,
                                      len(doc.norm) + 1 if nxt is None else nxt.start, names))
        if m.kind != NAME_KIND and (prev is None or m.end > prev.end):
            prev = m


_NO_END = float("inf")


class _Around(NamedTuple):
    """The mentions before and after one: a token that starts before `prev_end`
    or ends after `next_start` belongs to them, and ends the mention's clause."""

    prev: Mention | None
    prev_end: int
    next_start: int
    names: tuple[tuple[int, int], ...] = ()

    def in_name(self, t) -> bool:
        """Is token `t` part of an identifier (which a predicate is looked for across)?
        The identifiers own their tokens, so they do not overlap: the last one starting
        at or before `t` is the only one that may hold it (a bisection, not a scan of
        every identifier of the document)."""
        k = bisect_right(self.names, (t.start, _NO_END)) - 1
        return k >= 0 and t.end <= self.names[k][1]


def _describe(doc: Document, m: Mention, around: _Around) -> None:
    i, j = doc.tokens_in(m.start, m.end)
    left = i
    if m.qualifier_span is not None and m.qualifier_span[0] < m.start:
        q, qe = doc.tokens_in(*m.qualifier_span)
        if all(doc.word(t) is None or doc.tok_text(t) in DETACHED for t in range(qe, i)):
            left = q                        # not a verb before its subject (تجاوزت نسبة الإشغال 90%)
    ent = m.entity
    if ent is not None and ent[0] >= m.end and not _can_be_entity(doc, doc.tokens_in(*ent)[0]):
        ent = None
    norm = None if ent is None else lemmas.lemma(doc.norm[ent[0]:ent[1]], ent == (m.start, m.end))
    if (norm is None or norm in _GENERIC) and m.kind not in ("duration", "age"):
        head = _head_noun(doc, left, around)
        if head is not None:
            if ent is None:
                ent = _noun_span(doc, head)
                norm = lemmas.lemma(doc.norm[ent[0]:ent[1]], False)
            else:                           # البالغ عددهم 3.6 مليون نسمة: the head's noun is counted
                norm = lemmas.lemma(doc.toks[head].text, False)
    if ent is None and m.kind in _MEASURED_KINDS and m.unit_span is not None and m.unit_span[0] >= m.end:
        ent = _measured_after(doc, doc.token_at(m.unit_span[1]))        # 2.5 طن من المخدرات
        norm = None if ent is None else lemmas.lemma(doc.norm[ent[0]:ent[1]], False)
    if ent is None and norm is None and doc.word(j) in _OTHERS:
        other = around.prev                 # قتل ثلاثة أشخاص وأصيب خمسة آخرون: five other persons
        if other is not None and other.kind == m.kind:
            norm = other.entity_norm        # what it counts; no noun is written next to it
    m.entity, m.entity_norm = ent, norm
    _set_predicate(doc, m, left, j, around)
    if m.kind == _SHARE_KIND and m.entity is None and m.change is not None:
        _subject_of_change(doc, m, left)
    m.unit_source = _unit_source(doc, m)


def _measured_after(doc: Document, k: int) -> tuple[int, int] | None:
    """What an amount is of, after its unit and من (2.5 طن من المخدرات، 500 مليون دولار
    من المساعدات): a definite noun, or None."""
    if doc.word(k) not in doc.lex.partitive:
        return None
    w = doc.word(k + 1)
    if w is None or not w.startswith(ARTICLE_FORM) or not _plain_noun(w) or names_quantity(w):
        return None
    return _noun_span(doc, k + 1)


def _subject_of_change(doc: Document, m: Mention, left: int) -> None:
    """تراجعت أسعار النقل 1.1%، ارتفعت البورصة 2%: the size of a change in percent is
    a share of what changed, the subject between the verb and the number."""
    k = doc.token_at(m.predicate[1])
    if k >= left:
        return
    w = doc.word(k)
    if w is not None and _plain_noun(w) and not names_quantity(w):
        m.entity = _noun_span(doc, k)
        m.entity_norm = lemmas.lemma(doc.norm[m.entity[0]:m.entity[1]], False)


# --- the counted noun --------------------------------------------------------------

def _noun_span(doc: Document, k: int) -> tuple[int, int]:
    t = doc.toks[k]
    return t.start + strip_definite(t.text)[0], t.end


def _can_be_entity(doc: Document, k: int) -> bool:
    """A word after a number that is a verb (16 قتلوا، 40 يعيشون), a participle of
    reporting (البالغ) or a known noun with و glued (إلى 50 وعدد الجرحى: the next
    clause) is not what the number counts."""
    w = doc.word(k)
    if w is None or w in _NOT_ENTITIES or _joins_next(w):
        return False
    return not looks_like_verb(w)


@lru_cache(maxsize=65536)
def _joins_next(w: str) -> bool:
    """وعدد، والقتلى: و glued to a noun the tables know (or a head that names a
    quantity) opens the next phrase; a word that merely starts with و (وزير) does not."""
    if lemmas.lemma(w) in lemmas.KNOWN_NOUNS:
        return False
    return any(sp.prefix == WA_FORM and (lemmas.lemma(sp.stem) in lemmas.KNOWN_NOUNS or names_quantity(sp.stem))
               for sp in splits(w)[1:])


@lru_cache(maxsize=65536)
def looks_like_verb(w: str) -> bool:
    """A verb form of the predicate table, or a verb by its shape: a past plural
    (قتلوا), a present with a plural or dual ending (يعيشون، تسكنان), or the past of a
    derived verb with a feminine subject (اتسعت، اندلعت، استمرت)."""
    if predicates.is_verb(w):
        return True
    for sp in splits(w):
        stem = sp.stem
        if sp.definite or stem in lemmas.OVERRIDES or len(stem) < _V["min_letters"] - 1:
            continue
        if stem.endswith(_V["past_plural"]):
            return True
        if len(stem) >= _V["min_letters"] and stem.startswith(_V["derived_past_prefixes"]) \
                and stem.endswith(_V["past_feminine"]) and not stem.endswith(_V["feminine_plurals"]):
            return True
        if (len(stem) >= _V["min_letters"] and stem.startswith(_V["present_prefixes"])
                and stem.endswith(_V["present_suffixes"]) and not stem.endswith(_V["nisba_plurals"])):
            return True
    return False


def _bare_present(w: str) -> bool:
    """يرسل، يعيش: a present verb the table does not know (nisba nouns and known nouns excepted)."""
    return (w.startswith(_V["bare_present_prefix"]) and len(w) in _V["bare_present_letters"]
            and not w.endswith(lemmas.nisba_ending()) and w not in lemmas.KNOWN_NOUNS)


class _Word(NamedTuple):
    """What the look-back needs of one spelling (cached: a corpus repeats its words)."""

    barrier: bool                       # opens another clause (إن، الذي، قال، وقال)
    head: bool                          # عدد، نسبة، بقيمة …
    pronoun_head: bool                  # عددهم …
    entry: tuple[Entry, int] | None     # the predicate table's word (entry, proclitic length)
    phrase: bool                        # may start a phrase of the predicate table
    stop: bool                          # a present verb the table does not know


@lru_cache(maxsize=65536)
def _info(w: str) -> _Word:
    stems = [sp.stem for sp in splits(w)]
    return _Word(w in _BARRIERS or any(s in _BARRIERS for s in stems[1:2]),
                 any(s in _HEADS for s in stems), any(s in _PRONOUN_HEADS for s in stems),
                 predicates.word_entry(w), predicates.starts_phrase(w), _bare_present(w))


def names_quantity(w: str) -> bool:
    """Is `w` a head that names a quantity (عدد، نسبة، حصيلة, with its proclitics)?"""
    return _info(w).head


def _head_noun(doc: Document, left: int, around: _Around) -> int | None:
    """Token of the noun a head before the number names (عدد القتلى، نسبة البطالة;
    مساعدات بقيمة; اللاجئين البالغ عددهم), or None."""
    k, steps = left - 1, 0
    while k >= 0 and steps < _MAX_BEFORE:
        w = doc.word(k)
        if w is None or doc.toks[k].start < around.prev_end:
            return None
        info = _info(w)
        if info.barrier:
            return None
        if info.pronoun_head:
            return _referent(doc, k)
        t = _past_adjectives(doc, k, left) if info.head else left
        # a head with the article right before the number (الصادرات) is the noun of a head
        # before it (بلغت قيمة الصادرات 3 مليارات)
        if info.head and not (w.startswith(ARTICLE_FORM) and t >= left):
            if t < left:
                nxt = doc.word(t)
                if nxt is not None and (t == k + 1 or nxt[:1] == _LAM and is_definite(nxt)) \
                        and nxt not in _NOT_ENTITIES and nxt not in _BARRIERS and nxt not in doc.lex.not_nouns \
                        and _countable_entry(nxt) and not looks_like_verb(nxt):
                    return t
                if t == k + 1:
                    return None
            if w.startswith("ب"):                   # مساعدات بقيمة 100 مليون، نما الاقتصاد بمعدل سنوي
                prev = doc.word(k - 1)
                if prev is not None and not doc.toks[k - 1].start < around.prev_end and _plain_noun(prev) \
                        and not conjoined(prev):           # بين سرت ومصراتة بطول 250 كيلومتراً: no head
                    return _before_adjectives(doc, k - 1, around)
            return None
        k -= 1
        steps += 1
    return None


def _countable_entry(w: str) -> bool:
    """Can `w`, after a head, be what the head counts? Not a verb of the predicate
    table, nor a noun of change (نسبة ارتفاع الأسعار: what rose comes after it); an event
    noun is (عدد الإصابات)."""
    entry = predicates.word_entry(w)
    return entry is None or not (entry[0].verb or entry[0].change is not None)


def _past_adjectives(doc: Document, k: int, left: int) -> int:
    """The token after the nisba adjectives that follow the head at token k, agreeing
    with it in the article (العدد الإجمالي للقتلى، القيمة السوقية لأرامكو، بمعدل سنوي):
    what the head is of comes after them, with ل (للقتلى), or before the head (بـ)."""
    t = k + 1
    definite = is_definite(doc.toks[k].text)
    while t < left:
        w = doc.word(t)
        if w is None or w.startswith(ARTICLE_FORM) != definite or not _singular_nisba(strip_definite(w)[1]):
            break
        if not definite and any(sp.prefix for sp in splits(w)[1:]):
            break                               # a proclitic may open another phrase (بسنوي، لمصري)
        t += 1
    return t


@lru_cache(maxsize=4096)
def _singular_nisba(stem: str) -> bool:
    """سنوي، السوقية: a singular nisba adjective, as a head (عدد، نسبة، قيمة) takes."""
    nisba = lemmas.nisba_ending()
    return len(stem) > 2 and (stem.endswith(nisba) or any(stem.endswith(nisba + f) for f in FEMININE_ENDINGS))


def _before_adjectives(doc: Document, k: int, around: _Around) -> int:
    """The noun a nisba adjective at token k follows (تراجعت البورصة المصرية بنسبة 0.8%:
    البورصة; مساعدات إنسانية بقيمة: مساعدات): adjectives agree with their noun in the article.
    An adjective of another shape is passed over after a nisba one (الاستثمارات الأجنبية
    المباشرة بنسبة 8.3%: الاستثمارات)."""
    while k > 0:
        w, prev = doc.toks[k].text, doc.word(k - 1)
        if prev is None or doc.toks[k - 1].start < around.prev_end \
                or is_definite(prev) != is_definite(w) or not _plain_noun(prev):
            break
        if not (nisba_like(strip_definite(w)[1]) or (is_definite(w) and nisba_like(strip_definite(prev)[1]))):
            break
        k -= 1
    return k


def _plain_noun(w: str) -> bool:
    return (w not in _BARRIERS and w not in _NOT_ENTITIES and predicates.word_entry(w) is None
            and not looks_like_verb(w))


def _referent(doc: Document, k: int) -> int | None:
    """The noun a pronoun head refers to: the nearest known noun before it
    (معظم سكانها البالغ عددهم، اللاجئين السوريين في العالم البالغ عددهم)."""
    for b in range(k - 1, max(-1, k - 1 - _MAX_BACK), -1):
        w = doc.word(b)
        if w is None or w in _BARRIERS:
            return None
        if lemmas.lemma(w) in lemmas.KNOWN_NOUNS:
            return b
    return None


# --- the predicate -----------------------------------------------------------------

def _entry_at(doc: Document, k: int, info: _Word) -> tuple[Entry, int, int] | None:
    """The predicate table's phrase or word at token k: (entry, proclitic length, end token)."""
    if info.phrase:
        words = []
        for t in range(k, min(doc.n, k + predicates.PHRASE_MAX_WORDS)):
            if doc.word(t) is None:
                break
            words.append(doc.word(t))
        hit = predicates.phrase_entry(tuple(words))
        if hit is not None:
            return hit[0], hit[1], k + hit[2]
    hit = info.entry
    return None if hit is None else (hit[0], hit[1], k + 1)


def _set_predicate(doc: Document, m: Mention, left: int, j: int, around: _Around) -> None:
    if _coordinated(doc, m, left, around):       # قتل 5 أطفال و12 بالغاً: و12 shares قتل
        m.predicate, m.change = around.prev.predicate, around.prev.change
        return
    before = _predicate_before(doc, m, left, around)
    if isinstance(before, Mention):              # من 900 ريال إلى 1400 ريال: the levels share it
        m.predicate, m.change = before.predicate, None
        if m.entity is None:                     # ارتفع عدد القتلى من 40 إلى 55: and what they count
            m.entity, m.entity_norm = before.entity, before.entity_norm
        return
    after = None
    if before is None or before[0].family == ANY:
        end = doc.token_at(m.entity[1]) if m.entity is not None and m.entity[0] >= m.end else j
        if m.unit_span is not None and m.unit_span[0] >= m.end:
            end = max(end, doc.token_at(m.unit_span[1]))
        after = _predicate_after(doc, end, around)
    hit = after or before
    if hit is None:
        return
    entry, clitic, k, e = hit
    m.predicate = (doc.toks[k].start + clitic, doc.toks[e - 1].end)
    if entry.change is not None and hit is before and not _level(doc, e, left) and not _governed(doc, left) \
            and not (m.qualifier_span is not None and m.qualifier_span[0] <= m.predicate[0] < m.qualifier_span[1]):
        m.change = entry.change             # not the verb of a comparison (زاد عدد السكان على 5 ملايين)


def _coordinated(doc: Document, m: Mention, left: int, around: _Around) -> bool:
    """Is the number joined by و to the quantity right before it, with nothing between
    but that quantity's counted noun or unit (5 أطفال و12 بالغاً، 3 قتلى و5 جرحى)?"""
    other = around.prev
    if other is None or other.predicate is None or other.kind not in QUANTITY_KINDS:
        return False
    if doc.toks[left].start < m.start:                # وخمسة: the و glued to the number word
        if doc.norm[doc.toks[left].start:m.start] != WA_FORM:
            return False
        k = left - 1
    elif left > 0 and doc.tok_text(left - 1) == WA_FORM:
        k = left - 2
    else:
        return False
    kept = [sp for sp in (other.entity, other.unit_span) if sp is not None]
    while k >= 0 and doc.toks[k].start >= other.end:
        if not any(a <= doc.toks[k].start and doc.toks[k].end <= b for a, b in kept):
            return False
        k -= 1
    return k >= 0 and doc.toks[k].end <= other.end


def _predicate_before(doc: Document, m: Mention, left: int, around: _Around):
    """The nearest predicate before the number in its clause: (entry, clitic, first
    token, end token); or the mention it shares its predicate with; or None."""
    k, steps = left - 1, 0
    while k >= 0 and steps < _MAX_BEFORE:
        t = doc.toks[k]
        if around.names and around.in_name(t):
            k -= 1
            continue
        if doc.toks[k].start < around.prev_end:
            other = around.prev
            between = {doc.word(x) for x in range(k + 1, left)}
            if other.kind == m.kind and other.predicate is not None and between & predicates.LEVEL_MARKERS:
                return other
            return None
        if t.kind != WORD:
            if t.kind == PUNCT and t.text in _SOFT_PUNCT:
                k -= 1
                continue
            return None
        info = _info(t.text)
        if info.barrier:
            return None
        hit = _entry_at(doc, k, info) if info.entry or info.phrase else None
        if hit is not None and hit[2] <= left:
            return hit[0], hit[1], k, hit[2]
        if info.stop:
            return None
        k -= 1
        steps += 1
    return None


def _predicate_after(doc: Document, end: int, around: _Around):
    """A verb of a family right after the counted noun (500 شخص لقوا حتفهم، 16 قتلوا)."""
    for k in range(end, min(doc.n, end + _MAX_AFTER)):
        t = doc.toks[k]
        if t.kind != WORD or doc.toks[k].end > around.next_start:
            return None
        info = _info(t.text)
        if info.barrier:
            return None
        hit = _entry_at(doc, k, info) if info.entry or info.phrase else None
        if hit is not None:
            if hit[0].verb and hit[0].family != ANY:
                return hit[0], hit[1], k, hit[2]
            return None
    return None


def ends_clause(w: str) -> bool:
    """Does the word open another clause or state another verb (إن، الذي، قال; a verb of
    the predicate table or of a verb's shape)? What is said of one number is not read across it."""
    info = _info(w)
    return info.barrier or info.stop or looks_like_verb(w)


def change_before(doc: Document, k: int) -> bool:
    """Does a verb of change stand before token k in its clause, with at most its subject
    between (ارتفع السعر من …، تراجع معدل التضخم في مصر من …)? A verbal noun does not
    count: ارتفاع is also "height" (يتراوح ارتفاع الموج من 2 إلى 3 أمتار)."""
    for t in range(k - 1, max(-1, k - 1 - _MAX_BEFORE), -1):
        w = doc.word(t)
        if w is None or doc.taken[t]:
            return False
        info = _info(w)
        if info.barrier:
            return False
        if info.entry is not None and info.entry[0].change is not None and info.entry[0].verb:
            return True
        if info.stop or looks_like_verb(w):
            return False
    return False


def _governed(doc: Document, left: int) -> bool:
    """Is the number (or its qualifier) at token `left` the object of a preposition other than
    بـ (ارتفعت الأسعار خلال 3 أشهر، في 5 محافظات)? Then it is not the size of a change,
    which follows the verb, its subject or بـ / بنسبة / بمقدار."""
    k = left - 1
    if doc.tok_text(k) == ARTICLE_FORM:              # في الـ 5
        k -= 1
    w = doc.word(k)
    return w is not None and w in doc.lex.not_nouns and not is_definite(w)   # not العام "general"


def _level(doc: Document, start: int, left: int) -> bool:
    """Does a level marker stand between a verb of change and the number (ارتفع إلى 40)?"""
    for k in range(start, left):
        w = doc.word(k)
        if w is not None and _level_marker(w):
            return True
    return False


@lru_cache(maxsize=65536)
def _level_marker(w: str) -> bool:
    return any(sp.stem in predicates.LEVEL_MARKERS for sp in splits(w))


# --- the unit ------------------------------------------------------------------------

def _unit_source(doc: Document, m: Mention) -> str | None:
    """text: the unit is written (also inside the numeral: 85%، يومين); context: taken
    from the words around (بنسبة 3.5، العظمى 24، 99 ريال بدل 150), or an ambiguous
    word settled by them or by the caller's region (الليرة التركية … 32.5 ليرة);
    default: an ambiguous word read as the unit table's default (ليرة alone → SYP).
    A rule that reads a unit written after the number knows which, and says it
    (`rules.units.UnitHit.source`); the rest follows from where the unit is."""
    if m.unit is None:
        return None
    if m.unit_source is not None:
        return m.unit_source
    if m.unit_span is not None or "%" in doc.norm[m.start:m.end] or m.rule.endswith(".dual"):
        return "text"
    return "context"
