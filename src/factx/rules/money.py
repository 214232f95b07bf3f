"""Money: an amount with a currency word, code or symbol (100 مليون دولار، $5،
50 ليرة تركية، دولارين)."""

from __future__ import annotations

from .declare import Kind, Phase, Rule
from .mention import Candidate, Mention
from .units import symbol_before, unit_after

KINDS = (Kind("money", quantity=True),)


def dual(doc, cand: Candidate) -> Mention | None:
    """دولارين، ليرتين: a dual currency noun is the amount two."""
    u = cand.first.unit
    return cand.mention("money", unit=u.code) if u is not None and u.kind == "money" else None


def unit(doc, cand: Candidate) -> Mention | None:
    """100 مليون دولار، 50 ليرة تركية، 42 KWD: a currency after the number."""
    u = unit_after(doc, cand.j)
    if u is not None and u[0].kind == "money":
        return cand.mention("money", unit=u[1], unit_span=doc.span_of(cand.j, u[2]))
    return None


def symbol(doc, cand: Candidate) -> Mention | None:
    """$5، € 20: a currency symbol just before the number."""
    s = symbol_before(doc, cand.i)
    if s is not None and doc.toks[cand.i].start - doc.toks[cand.i - 1].end <= 1:
        return cand.mention("money", unit=s[0].code, unit_span=doc.span_of(s[1], cand.i))
    return None


RULES = (
    Rule("money.dual", Phase.QUANTITIES, dual),
    Rule("money.unit", Phase.QUANTITIES, unit),
    Rule("money.symbol", Phase.QUANTITIES, symbol),
)
