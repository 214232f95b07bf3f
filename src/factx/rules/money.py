"""Money: an amount with a currency word, code or symbol (100 مليون دولار، $5،
42 KWD، USD 150، 50 ليرة تركية، دولارين، 10 سنتات), an amount and its sub-unit
(20 دولاراً و43 سنتاً: one mention, 20.43 USD; joined by `rules.amounts`), a bare
amount that takes its currency from the amount before it (99 ريال بدل 150), and an
exchange rate (هبط الجنيه إلى 30.9 للدولار: EGP)."""

from __future__ import annotations

from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .units import carried_mention, dual_mention, rate_mention, symbol_before, unit_after, unit_mention

KINDS = (Kind("money", quantity=True),)


def dual(doc, cand: Candidate) -> Mention | None:
    """دولارين، ليرتين، هللتين: a dual currency noun is the amount two (and دولار واحد،
    لا تقل عن دينار one: `units.dual_mention`)."""
    return dual_mention(doc, cand, "money")


def composite(doc, cand: Candidate) -> Mention | None:
    """20 دولاراً و43 سنتاً، سبعة دولار وخمسون سنت: an amount and its sub-unit, one
    mention from the main amount to the sub-unit's number; the unit is the main unit."""
    joined = cand.extra.get("composite")
    if joined is None:
        return None
    main, k = joined
    m = cand.mention("money", unit=main.code, unit_span=doc.span_of(k, main.end))
    m.unit_source = main.source
    return m


def unit(doc, cand: Candidate) -> Mention | None:
    """100 مليون دولار، 50 ليرة تركية، 42 KWD، 10 سنتات: a currency after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u.unit.kind == "money":
        return unit_mention(doc, cand, "money", u)
    return None


def symbol(doc, cand: Candidate) -> Mention | None:
    """$5، € 20، USD 150: a currency symbol or code just before the number."""
    s = symbol_before(doc, cand.i)
    if s is not None and doc.toks[cand.i].start - doc.toks[cand.i - 1].end <= 1:
        return cand.mention("money", unit=s[0].code, unit_span=doc.span_of(s[1], cand.i))
    return None


def carried(doc, cand: Candidate) -> Mention | None:
    """العرض بـ 99 ريال بدل 150: a bare amount after a substitution word takes the
    currency of the amount before it (unit_source "context")."""
    return carried_mention(doc, cand, "money")


def rate(doc, cand: Candidate) -> Mention | None:
    """هبط الجنيه إلى 30.9 للدولار: an exchange rate is an amount of the currency named
    before it, against the one after it (`units.rate_mention`)."""
    return rate_mention(doc, cand)


RULES = (
    Rule("money.dual", Phase.QUANTITIES, dual, dual="money"),
    Rule("money.composite", Phase.QUANTITIES, composite, unit_after="money"),
    Rule("money.unit", Phase.QUANTITIES, unit, unit_after="money"),
    Rule("money.symbol", Phase.QUANTITIES, symbol),
    Rule("money.carried", Phase.QUANTITIES, carried),
    Rule("money.rate", Phase.QUANTITIES, rate),
)
