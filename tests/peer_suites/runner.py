"""Other projects' Arabic suites, scored against factx through the SPEC.

Three suites (copied here byte for byte, see README.md) test how other
projects read Arabic numbers: Duckling's corpora, Microsoft Recognizers-Text's
specs and NeMo's inverse-text-normalisation cases. Each suite writes its
expectations in its own convention. One function per suite (`duckling`,
`recognizers`, `nemo`) converts every line into an `Example`: the text and
what SPEC §4–§5 says factx must output for it (kind, value or bounds,
qualifier, unit code), or for the suites that test the bare number reader,
the value `factx.find_numerals` must give. Where the SPEC really
says something else than the suite, the mapped expectation still says what the
suite wants, and `conventions.toml` lists the example with its reason: it is
then left out of the score and must keep failing (a strict expected failure).

`run()` runs factx on every example and returns one `Outcome` each;
`scores()` and `gates()` sum them per group and per threshold of
`thresholds.toml`. Both tests/peer_suites/test_peer_suites.py and
benchmarks/accuracy.py use this module.
"""

from __future__ import annotations

import json
import math
import re
import tomllib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache
from pathlib import Path

import factx
from factx import find_numerals
from factx.record import KINDS, QUANTITY_KINDS as QUANTITY

HERE = Path(__file__).resolve().parent
UNIT_KINDS = frozenset({"money", "measure", "duration", "age"})
TEMPORAL = frozenset({"date", "time"})
ANY = object()          # a field the suite does not fix


# --- what factx must output ---------------------------------------------------

@dataclass(frozen=True)
class Want:
    """One reading of a mention: every field given must agree with the fact.

    `value`, `low`, `high` are numbers, None (the fact's field is null) or ANY;
    `qualifier` None means any; `units` None means the unit is not compared.
    `span` (start, end) in the example's text: the fact's span must overlap it.
    """

    kinds: frozenset[str]
    value: object = ANY
    low: object = None
    high: object = None
    qualifier: str | None = "exact"
    units: frozenset | None = None
    span: tuple[int, int] | None = None

    def describe(self) -> str:
        kind = "|".join(sorted(self.kinds))
        if self.qualifier == "range":
            val = f"{_num(self.low)}–{_num(self.high)}"
        else:
            val = "*" if self.value is ANY else _num(self.value)
        q = "" if self.qualifier in (None, "exact") else f" {self.qualifier}"
        u = "" if not self.units else " " + "|".join(sorted(str(x) for x in self.units))
        return f"{kind} {val}{q}{u}"


Mention = tuple[Want, ...]      # alternative readings, any one will do


@dataclass(frozen=True)
class Expect:
    """What the SPEC says factx must output for one example.

    level "extract": each mention is matched by a distinct fact of
    `factx.extract_records`; unmatched facts fail the example when `only`
    (the whole text is those mentions) or when their kind is in `extra_kinds`
    (and their qualifier in `extra_qualifiers`, when that is set).
    No fact may fit a want of `absent` (a place where the SPEC reads no
    number). level "numeral": `find_numerals` gives exactly one numeral over the whole
    text, of value `numeral`. level "phone": identifier facts cover every digit
    of the text and their digits, in order, are `digits`; no quantity fact.
    """

    level: str = "extract"
    mentions: tuple[Mention, ...] = ()
    only: bool = False
    extra_kinds: frozenset[str] = frozenset()
    extra_qualifiers: frozenset[str] | None = None
    absent: tuple[Want, ...] = ()
    numeral: Fraction | None = None
    digits: str | None = None

    def describe(self) -> str:
        if self.level == "numeral":
            return f"numeral {_num(self.numeral)}"
        if self.level == "phone":
            return f"identifier digits {self.digits}"
        parts = [" or ".join(w.describe() for w in m) for m in self.mentions]
        parts += [f"no {w.describe()} at {w.span}" for w in self.absent]
        if not parts:
            return "no " + "|".join(sorted(self.extra_kinds)) + " fact"
        return "; ".join(parts)


@dataclass(frozen=True)
class Example:
    suite: str          # duckling | recognizers | nemo
    group: str          # a dimension, model or file: "Numeral/AR", "NumberModel", "cardinal"
    ref: str            # where the line is: upstream file and line, or spec and index
    text: str
    expect: Expect
    gated: bool = True  # counts towards a threshold; otherwise informative

    @property
    def group_id(self) -> str:
        return f"{self.suite}/{self.group}"


@dataclass(frozen=True)
class Outcome:
    example: Example
    ok: bool
    got: str
    convention: str | None = None   # the reason, when conventions.toml lists the example


def _num(x) -> str:
    if x is None:
        return "null"
    if isinstance(x, Fraction):
        x = float(x) if x.denominator != 1 else int(x)
    if isinstance(x, float) and x.is_integer():
        x = int(x)
    return repr(x) if isinstance(x, float) else str(x)


def _digits(s: str) -> str:
    """The digits of `s` in any script, as Western digits."""
    return "".join(str(unicodedata.digit(c)) for c in s if c.isdigit())


def _to_fraction(x) -> Fraction:
    return x if isinstance(x, Fraction) else Fraction(str(x))


# --- Duckling -----------------------------------------------------------------

# Duckling's currency names → ISO 4217 and the factor to the main unit (SPEC §5.3:
# a cent is 0.01 of the main unit). جنيه alone is ambiguous; SPEC §5.3 says the
# table's default then, which factx's unit table makes EGP.
DUCKLING_MONEY = {"Dollar": ("USD", 1), "Cent": ("USD", Fraction(1, 100)), "Pound": ("EGP", 1)}
DUCKLING_VOLUME = {"Millilitre": "ml", "Litre": "l", "Gallon": "gal", "Hectolitre": "hl"}
DUCKLING_MASS = {"Ounce": "oz", "Cup": "cup"}
# Duckling writes every mass in grams; SPEC §1 keeps the written unit. The unit
# words of Duckling's Gram examples, longest first, with grams per unit.
DUCKLING_GRAM_WORDS = (
    ("كيلوغرام", "kg", 1000), ("كيلوجرام", "kg", 1000), ("كغ", "kg", 1000), ("كلغ", "kg", 1000),
    ("ملغ", "mg", Fraction(1, 1000)), ("ملج", "mg", Fraction(1, 1000)),
    ("غرام", "g", 1), ("جرام", "g", 1), ("غم", "g", 1), ("جم", "g", 1),
)
# Duckling's Degree has no scale; the Arab press writes Celsius unless it says
# otherwise, so a Degree reads as degC (or a degree of unknown scale, deg).
DUCKLING_TEMPERATURE = {"Celsius": frozenset({"degC"}), "Fahrenheit": frozenset({"degF"}),
                        "Degree": frozenset({"degC", "deg"})}
DUCKLING_KIND = {"AmountOfMoney": "money", "Duration": "duration", "Quantity": "measure",
                 "Temperature": "measure", "Volume": "measure", "Ordinal": "ordinal"}
_AT_LEAST_AFTER = re.compile(r"على\s+ال[اأ]قل")


def duckling(rows: Iterable[dict]) -> list[Example]:
    """Duckling corpora: the whole text must read as the value.

    Numeral tests the number reader (`find_numerals`), per locale (AR, AR_EG).
    The other dimensions are read by `extract`: exactly one fact, of the
    dimension's kind, with the mapped value, bounds, qualifier and unit.
    `extra.negative` texts must give no fact of the dimension's kind. Time is
    recognition only (a date or time fact), informative.
    """
    out = []
    for r in rows:
        ex = r["extra"]
        dim, text, locale = r["dim"], r["text"], ex["locale"]
        group = f"Numeral/{locale}" if dim == "Numeral" else dim
        ref = f"{ex['source']}:{ex['line']}"
        neg_kinds = {"PhoneNumber": {"identifier"}, "Time": TEMPORAL}.get(dim, {DUCKLING_KIND.get(dim, "count")})
        if ex.get("negative"):
            expect = Expect(extra_kinds=frozenset(neg_kinds))
        elif dim == "Numeral":
            expect = Expect(level="numeral", numeral=_to_fraction(r["value"]))
        elif dim == "PhoneNumber":
            expect = Expect(level="phone", digits=_digits(str(r["value"])))
        elif dim == "Time":
            expect = Expect(mentions=((Want(TEMPORAL, qualifier=None),),))
        else:
            expect = Expect(mentions=(_duckling_want(dim, r),), only=True)
        out.append(Example("duckling", group, ref, text, expect, gated=dim != "Time"))
    return out


def _duckling_want(dim: str, r: dict) -> Mention:
    text, unit, value = r["text"], r["unit"], r["value"]
    interval = r["extra"].get("interval")
    factor = 1
    if dim == "AmountOfMoney":
        code, factor = DUCKLING_MONEY.get(unit, (unit, 1))
        units = frozenset({code})
    elif dim == "Duration":
        units = frozenset({unit})
    elif dim == "Quantity" and unit == "Gram":
        code, grams = next((c, g) for w, c, g in DUCKLING_GRAM_WORDS if w in text)
        units, factor = frozenset({code}), 1 / _to_fraction(grams)
    elif dim == "Quantity":
        units = frozenset({DUCKLING_MASS[unit]})
    elif dim == "Temperature":
        units = frozenset({"degC"}) if "مئوي" in text else DUCKLING_TEMPERATURE[unit]
    elif dim == "Volume":
        units = frozenset({DUCKLING_VOLUME[unit]})
    else:
        units = None
    kind = frozenset({DUCKLING_KIND[dim]})

    def scaled(x):
        return _to_fraction(x) * factor

    if interval and "from" in interval and "to" in interval:
        return (Want(kind, None, scaled(interval["from"]), scaled(interval["to"]), "range", units),)
    if interval and "to" in interval:
        return (Want(kind, scaled(interval["to"]), qualifier="less_than", units=units),)
    if interval and "from" in interval:
        q = "at_least" if _AT_LEAST_AFTER.search(text) else "more_than"
        return (Want(kind, scaled(interval["from"]), qualifier=q, units=units),)
    return (Want(kind, scaled(value), units=units),)


# --- Recognizers-Text ---------------------------------------------------------

GATED_MODELS = frozenset({"NumberModel", "OrdinalModel", "PercentModel", "NumberRangeModel"})
NONEXACT = frozenset({"more_than", "at_least", "less_than", "at_most", "range"})


def recognizers(rows: Iterable[dict]) -> list[Example]:
    """Recognizers-Text specs: each expected result is a mention at its span.

    Only `value_checked` examples of the four number models are gated; the
    rest (unchecked specs, date/time models, BooleanModel) are informative.
    Number results are numbers of any quantity kind; a fraction of a whole
    (0.5) is a percent of 50 (SPEC §4.2, §5.1) unless it quantifies a unit
    (ربع كيلو غرام: measure 0.25). A number range maps to the SPEC qualifier
    of its bounds: (a,) more_than, [a,) at_least, (,b) less_than, (,b] at_most,
    [a,a] exact, and a range otherwise (the SPEC's range has no open ends).
    Extra facts fail the example when the model would have reported them:
    any quantity (NumberModel), ordinal, percent, a bounded or range fact
    (NumberRangeModel), a date or time (the temporal models). A relative
    ordinal (الأخير last, التالي next: Recognizers' ordinal.relative) names no
    number: no ordinal or quantity fact may fall on it.
    """
    out = []
    for r in rows:
        model, inp = r["model"], r["input"]
        group = model if r["value_checked"] else f"{model} (unchecked)"
        ref = f"{r['spec']}#{r['index']}"
        gated = r["value_checked"] and model in GATED_MODELS
        # one unchecked range spec has an empty result (no text, no type): not a mention
        results = [res for res in r["results"] if res["text"]]
        wants = tuple(_recognizers_want(inp, res) for res in results if res["type"] != "ordinal.relative")
        if model in ("NumberModel",):
            expect = Expect(mentions=wants, extra_kinds=QUANTITY)
        elif model in ("OrdinalModel", "OrdinalModelSuppressExtendedTypes"):
            # ordinal.relative (الأخير، قبل الأخير، التالي) names no number, and a SPEC
            # ordinal is a rank with a value: factx must give no ordinal or quantity there
            absent = tuple(Want(QUANTITY | {"ordinal"}, qualifier=None, span=_result_span(inp, res))
                           for res in results if res["type"] == "ordinal.relative")
            expect = Expect(mentions=wants, extra_kinds=frozenset({"ordinal"}), absent=absent)
        elif model == "PercentModel":
            expect = Expect(mentions=wants, extra_kinds=frozenset({"percent"}))
        elif model == "NumberRangeModel":
            expect = Expect(mentions=wants, extra_kinds=QUANTITY, extra_qualifiers=NONEXACT)
        elif model == "BooleanModel":
            expect = Expect(extra_kinds=QUANTITY)
        else:
            expect = Expect(mentions=wants, extra_kinds=TEMPORAL | {"duration"})
        out.append(Example("recognizers", group, ref, inp, expect, gated=gated))
    return out


def _result_span(inp: str, res: dict) -> tuple[int, int] | None:
    t, s = res["text"], res["start"]
    if s is not None and inp[s:s + len(t)] == t:
        return s, s + len(t)
    k = inp.find(t)
    return (k, k + len(t)) if k >= 0 else None


def _recognizers_want(inp: str, res: dict) -> Mention:
    span = _result_span(inp, res)
    typ, v = res["type"], res.get("value_num")
    if typ == "number":
        plain = Want(QUANTITY - {"percent"}, v, qualifier=None, span=span)
        if not _is_fraction(res):
            return (plain,)
        # a fraction of a whole is a percent (نصف 0.5 → 50); a fraction of a unit
        # keeps its value (ربع كيلو غرام: measure 0.25), as does a mixed number (20.6)
        alts = (Want(frozenset({"percent"}), v * 100, qualifier=None, span=span),
                Want(UNIT_KINDS, v, qualifier=None, span=span))
        return alts + ((plain,) if abs(v) >= 1 else ())
    if typ == "percentage":
        return (Want(frozenset({"percent"}), v, qualifier=None, units=frozenset({"%"}), span=span),)
    if typ == "ordinal":
        return (Want(frozenset({"ordinal"}), v, qualifier=None, span=span),)
    if typ == "numberrange":
        return (_range_want(res["range"], span),)
    return (Want(TEMPORAL | {"duration"}, qualifier=None, span=span),)


def _is_fraction(res: dict) -> bool:
    """Recognizers' subtype, or, where an unchecked spec gives none, a non-integer
    value written in words."""
    sub, v = res["resolution"].get("subtype"), res.get("value_num")
    if sub is not None:
        return sub == "fraction"
    return v is not None and not float(v).is_integer() and not any(c.isdigit() for c in res["text"])


def _range_want(rg: dict, span) -> Want:
    lo, hi = rg["low"], rg["high"]
    bounds = [b for b in (lo, hi) if b is not None]
    kinds = QUANTITY
    if bounds and all(0 < abs(b) < 1 for b in bounds):
        # every fraction bound in these specs is a fraction word or ratio (ربع، نصف،
        # 1/2، 2 من 5): a percent (SPEC §4.2, §5.1)
        kinds, lo, hi = frozenset({"percent"}), lo and lo * 100, hi and hi * 100
    if lo is not None and hi is not None:
        if lo == hi:
            return Want(kinds, lo, span=span)
        return Want(kinds, None, lo, hi, "range", span=span)
    if lo is not None:
        return Want(kinds, lo, qualifier="at_least" if rg["low_inclusive"] else "more_than", span=span)
    return Want(kinds, hi, qualifier="at_most" if rg["high_inclusive"] else "less_than", span=span)


# --- NeMo ---------------------------------------------------------------------

NEMO_CURRENCY = (("$", "USD"), ("€", "EUR"), ("د.ك", "KWD"), ("ر.س", "SAR"))
NEMO_NUMERAL_FILES = ("cardinal", "decimal", "fraction")


def nemo(files: Iterable[Path]) -> list[Example]:
    """NeMo inverse-normalisation cases, `spoken~written` per line.

    Cardinal, decimal and fraction cases test the number reader: one numeral
    of the written value (`1 1/2` = 3/2). Measure and money cases are read by
    `extract`: one fact, a percent (`7%`), a temperature (`9f` = 9 degF) or an
    amount (`$7.50` = money 7.5 USD; NeMo writes cents as dollars, as SPEC
    §5.3 does). The whitelist (greetings) must give no fact: informative.
    """
    out = []
    for path in files:
        name = path.stem.removeprefix("test_cases_")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            spoken, written = line.split("~", 1)
            ref = f"{path.name}:{n}"
            if name in NEMO_NUMERAL_FILES:
                expect = Expect(level="numeral", numeral=_nemo_number(written))
            elif name in ("measure", "money"):
                expect = Expect(mentions=(_nemo_want(written),), only=True)
            else:
                expect = Expect(extra_kinds=frozenset(KINDS))
            out.append(Example("nemo", name, ref, spoken, expect, gated=name != "whitelist"))
    return out


def _nemo_number(written: str) -> Fraction:
    """`7.99`, `1 1/2`, `9/3` → an exact value."""
    total = Fraction(0)
    for part in written.split():
        total += Fraction(part)
    return total


def _nemo_want(written: str) -> Mention:
    if written.endswith("%"):
        return (Want(frozenset({"percent"}), _nemo_number(written[:-1]), units=frozenset({"%"})),)
    if written.endswith("f"):
        return (Want(frozenset({"measure"}), _nemo_number(written[:-1]), units=frozenset({"degF"})),)
    for sign, code in NEMO_CURRENCY:
        if written.startswith(sign):
            return (Want(frozenset({"money"}), _nemo_number(written[len(sign):]), units=frozenset({code})),)
    raise ValueError(f"NeMo: unknown written form {written!r}")


# --- loading ------------------------------------------------------------------

def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    """Every line of every suite file, mapped; none is left out."""
    return tuple(duckling(_jsonl(HERE / "duckling_ar.jsonl"))
                 + recognizers(_jsonl(HERE / "recognizers_ar.jsonl"))
                 + nemo(sorted((HERE / "nemo_ar_itn").glob("test_cases_*.txt"))))


@dataclass(frozen=True)
class Convention:
    suite: str
    groups: tuple[str, ...]
    text: str
    reason: str

    def covers(self, ex: Example) -> bool:
        return ex.suite == self.suite and ex.group in self.groups and ex.text == self.text


@lru_cache(maxsize=1)
def conventions() -> tuple[Convention, ...]:
    """conventions.toml: one entry per (reason, example text)."""
    data = tomllib.loads((HERE / "conventions.toml").read_text(encoding="utf-8"))
    out = []
    for entry in data["convention"]:
        for text in entry["texts"]:
            out.append(Convention(entry["suite"], tuple(entry["groups"]), text, entry["reason"].strip()))
    return tuple(out)


# --- running and matching -----------------------------------------------------

def _same(want, got) -> bool:
    if want is ANY:
        return True
    if want is None or got is None:
        return want is None and got is None
    if isinstance(got, str):
        return False
    return math.isclose(float(want), float(got), rel_tol=1e-9, abs_tol=1e-12)


def _overlaps(span, f) -> bool:
    return span is None or (f["span"]["start"] < span[1] and span[0] < f["span"]["end"])


def _fits(w: Want, f: dict) -> bool:
    return (f["kind"] in w.kinds and _overlaps(w.span, f)
            and (w.qualifier is None or f["qualifier"] == w.qualifier)
            and (w.units is None or f["unit"] in w.units)
            and _same(w.value, f["value"])
            and (w.qualifier != "range" or (_same(w.low, f["low"]) and _same(w.high, f["high"]))))


def describe_fact(f: dict) -> str:
    if f["qualifier"] in ("range", "vague"):
        val = f"{_num(f['low'])}–{_num(f['high'])}"
    else:
        val = _num(f["value"]) if not isinstance(f["value"], str) else f["value"]
    q = "" if f["qualifier"] == "exact" else f" {f['qualifier']}"
    u = f" {f['unit']}" if f["unit"] else ""
    return f"{f['kind']} {val}{q}{u} {f['text']!r}"


def check(ex: Example) -> tuple[bool, str]:
    """Run factx on one example: (expectation met, what factx gave)."""
    e = ex.expect
    if e.level == "numeral":
        nums = find_numerals(ex.text)
        got = "; ".join(f"{_num(n.value)} {n.text!r}" for n in nums) or "nothing"
        stripped = ex.text.strip()
        lead = len(ex.text) - len(ex.text.lstrip())
        ok = (len(nums) == 1 and nums[0].value is not None and nums[0].value == e.numeral
              and (nums[0].start, nums[0].end) == (lead, lead + len(stripped)))
        return ok, got
    facts = factx.extract_records(ex.text)
    got = "; ".join(describe_fact(f) for f in facts) or "nothing"
    if e.level == "phone":
        ids = [f for f in facts if f["kind"] == "identifier"]
        covered = set()
        for f in ids:
            covered.update(range(f["span"]["start"], f["span"]["end"]))
        digits_at = [k for k, c in enumerate(ex.text) if c.isdigit()]
        ok = (not any(f["kind"] in QUANTITY for f in facts) and all(k in covered for k in digits_at)
              and "".join(_digits(str(f["value"])) for f in ids) == e.digits)
        return ok, got
    used: set[int] = set()
    for mention in e.mentions:
        k = next((k for k, f in enumerate(facts) if k not in used and any(_fits(w, f) for w in mention)), None)
        if k is None:
            return False, got
        used.add(k)
    if any(_fits(w, f) for w in e.absent for f in facts):
        return False, got
    for k, f in enumerate(facts):
        if k in used:
            continue
        if e.only or (f["kind"] in e.extra_kinds
                      and (e.extra_qualifiers is None or f["qualifier"] in e.extra_qualifiers)):
            return False, got
    return True, got


@lru_cache(maxsize=1)
def run() -> tuple[Outcome, ...]:
    """Every example, checked; an error inside factx fails that example only."""
    convs = conventions()
    out = []
    for ex in examples():
        try:
            ok, got = check(ex)
        except Exception as exc:  # noqa: BLE001 - one bad example must not stop the run
            ok, got = False, f"error: {type(exc).__name__}: {exc}"
        reason = next((c.reason for c in convs if c.covers(ex)), None)
        out.append(Outcome(ex, ok, got, reason))
    return tuple(out)


# --- scores -------------------------------------------------------------------

@dataclass
class Score:
    correct: int = 0
    total: int = 0          # scored examples: conventions are not in it
    deliberate: int = 0     # listed in conventions.toml
    failures: list[Outcome] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def add(self, o: Outcome) -> None:
        if o.convention is not None:
            self.deliberate += 1
        else:
            self.total += 1
            self.correct += o.ok
            if not o.ok:
                self.failures.append(o)


def scores(outcomes: Iterable[Outcome]) -> dict[str, Score]:
    """Per group id ("duckling/Numeral/AR", "recognizers/NumberModel" …), in suite order."""
    out: dict[str, Score] = {}
    for o in outcomes:
        out.setdefault(o.example.group_id, Score()).add(o)
    return out


@dataclass(frozen=True)
class Gate:
    name: str
    title: str
    groups: tuple[str, ...]
    target: float
    floor: float


@lru_cache(maxsize=1)
def gates() -> tuple[Gate, ...]:
    """thresholds.toml: the issue's targets and today's floors, per group of groups."""
    data = tomllib.loads((HERE / "thresholds.toml").read_text(encoding="utf-8"))
    return tuple(Gate(name, g["title"], tuple(g["groups"]), g["target"], g["floor"])
                 for name, g in data["gate"].items())


def gate_score(gate: Gate, by_group: dict[str, Score]) -> Score:
    total = Score()
    for gid in gate.groups:
        s = by_group[gid]
        total.correct += s.correct
        total.total += s.total
        total.deliberate += s.deliberate
        total.failures += s.failures
    return total
