"""Properties of the interval logic of factx check (SPEC §5.5): a fact supports
itself, contradiction is symmetric, widening a claim never turns supported into
contradicted; and the intervals of each qualifier."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, strategies as st

from factx.claims.intervals import COMPATIBLE, CONTRADICTED, SUPPORTED, Interval, interval_of, relation

QUALIFIERS = ("exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range", "vague")
values = st.one_of(st.integers(0, 10**9), st.floats(0, 1e9, allow_nan=False, allow_infinity=False))
kinds = st.sampled_from(["count", "percent", "money", "measure", "duration", "age"])


@st.composite
def records(draw):
    """A valid quantity record's value fields."""
    q = draw(st.sampled_from(QUALIFIERS))
    kind = draw(kinds)
    if q in ("range", "vague"):
        a, b = sorted((draw(values), draw(values)))
        if a == b:
            b = a + 1
        return {"kind": kind, "qualifier": q, "value": None, "low": a, "high": b}
    value = draw(values)
    if q == "less_than" and not value:             # fewer than none of something: no interval (tested below)
        value = 1
    return {"kind": kind, "qualifier": q, "value": value, "low": None, "high": None}


def test_fewer_than_none_has_no_interval():
    assert interval_of({"kind": "count", "qualifier": "less_than", "value": 0, "low": None, "high": None}) is None
    assert interval_of({"kind": "count", "qualifier": "at_most", "value": 0, "low": None, "high": None}) == \
        Interval(Fraction(0), Fraction(0))


ends = st.one_of(st.none(), st.fractions(-1000, 1000, max_denominator=100))


@st.composite
def intervals(draw):
    lo, hi = draw(ends), draw(ends)
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    lo_open = lo is None or draw(st.booleans())
    hi_open = hi is None or draw(st.booleans())
    if lo is not None and lo == hi:
        lo_open = hi_open = False
    return Interval(lo, hi, lo_open, hi_open)


@given(records())
def test_a_fact_supports_itself(r):
    iv = interval_of(r)
    assert iv is not None
    assert relation(iv, iv) == SUPPORTED


@given(intervals(), intervals())
def test_contradiction_is_symmetric(a, b):
    assert (relation(a, b) == CONTRADICTED) == (relation(b, a) == CONTRADICTED)


@given(intervals(), intervals(), st.fractions(0, 100, max_denominator=10), st.fractions(0, 100, max_denominator=10))
def test_widening_the_claim_never_turns_supported_into_contradicted(claim, fact, down, up):
    wider = Interval(None if claim.low is None else claim.low - down,
                     None if claim.high is None else claim.high + up,
                     claim.low_open and down == 0, claim.high_open and up == 0)
    before, after = relation(claim, fact), relation(wider, fact)
    if before == SUPPORTED:
        assert after == SUPPORTED
    if before != CONTRADICTED:
        assert after != CONTRADICTED


@given(records(), records())
def test_supported_means_inside_and_contradicted_means_disjoint(a, b):
    ia, ib = interval_of(a), interval_of(b)
    rel = relation(ia, ib)
    assert (rel == SUPPORTED) == ia.contains(ib)
    assert (rel == CONTRADICTED) == (not ia.overlaps(ib))


def _iv(**r):
    return interval_of({"kind": "count", "value": None, "low": None, "high": None, **r})


def test_the_intervals_of_each_qualifier():
    assert _iv(qualifier="exact", value=600) == Interval(Fraction(600), Fraction(600))
    assert _iv(qualifier="approximately", value=100) == Interval(Fraction(90), Fraction(110))
    assert _iv(qualifier="more_than", value=600) == Interval(Fraction(600), None, True, False)
    assert _iv(qualifier="at_least", value=600) == Interval(Fraction(600), None, False, False)
    assert _iv(qualifier="less_than", value=5) == Interval(Fraction(0), Fraction(5), False, True)
    assert _iv(qualifier="at_most", value=5) == Interval(Fraction(0), Fraction(5))
    assert _iv(qualifier="range", low=10, high=20) == Interval(Fraction(10), Fraction(20))
    assert _iv(qualifier="vague", low=20, high=99) == Interval(Fraction(20), Fraction(99))
    assert interval_of({"kind": "measure", "qualifier": "less_than", "value": 5, "low": None, "high": None}) \
        == Interval(None, Fraction(5), True, True)
    assert interval_of({"kind": "count", "qualifier": "approximately", "value": 0.1, "low": None, "high": None}) \
        == Interval(Fraction(9, 100), Fraction(11, 100))


def test_open_and_closed_ends():
    exact600, more600, least600 = _iv(qualifier="exact", value=600), _iv(qualifier="more_than", value=600), \
        _iv(qualifier="at_least", value=600)
    assert relation(more600, exact600) == CONTRADICTED and relation(exact600, more600) == CONTRADICTED
    assert relation(least600, exact600) == SUPPORTED
    assert relation(exact600, least600) == COMPATIBLE
    assert relation(more600, _iv(qualifier="more_than", value=700)) == SUPPORTED
    assert relation(_iv(qualifier="less_than", value=600), exact600) == CONTRADICTED
    assert relation(_iv(qualifier="at_most", value=600), exact600) == SUPPORTED
