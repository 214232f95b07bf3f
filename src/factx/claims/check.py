"""Checking a claim against facts: each quantity of the claim, the facts that
speak of the same thing, and what their intervals say (issue 12).

Per piece of evidence: inside the claim's interval → supported, disjoint →
contradicted, overlapping → compatible. Per claim quantity: supported when
some evidence supports it and none contradicts it; contradicted when some
contradicts and none supports; conflicting when both; compatible when all
evidence merely overlaps; not_found without evidence.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..extract import extract_records
from ..record import QUANTITY_KINDS
from . import units
from .facts import Fact, make_facts
from .intervals import COMPATIBLE, CONTRADICTED, SUPPORTED, interval_of, relation
from .matching import about, same_thing

CONFLICTING, NOT_FOUND = "conflicting", "not_found"
VERDICTS = (SUPPORTED, CONTRADICTED, COMPATIBLE, CONFLICTING, NOT_FOUND)
_ORDER = {SUPPORTED: 0, COMPATIBLE: 1, CONTRADICTED: 2}


def verdict_of(relations: Iterable[str]) -> str:
    """The claim's verdict from the verdicts of its evidence."""
    seen = set(relations)
    if not seen:
        return NOT_FOUND
    if SUPPORTED in seen and CONTRADICTED in seen:
        return CONFLICTING
    if SUPPORTED in seen:
        return SUPPORTED
    if CONTRADICTED in seen:
        return CONTRADICTED
    return COMPATIBLE


def check(claim: str, facts: Iterable[Any], claim_id: str = "claim",
          sources: dict[str, str] | None = None) -> list[dict]:
    """Check the claim text `claim` against `facts`: one result per quantity of
    the claim, in the output format of ``factx check`` (docs/cli.md).

    `facts` are records (dicts as `factx.extract_records` or a facts file gives
    them, `factx.Fact`s, or `claims.Fact`s from `read_facts`); `sources` maps
    doc_id to document text, for the sentence of a fact without `sentence_text`.
    """
    pool = make_facts(facts)
    out = []
    for record in extract_records(claim, doc_id=claim_id):
        if record["kind"] not in QUANTITY_KINDS:
            continue
        out.append(check_quantity(record, claim, claim_id, pool, sources))
    return out


def check_quantity(record: dict, claim: str, claim_id: str, pool: list[Fact],
                   sources: dict[str, str] | None) -> dict:
    """The result line of one claim quantity (`record`, as extract writes it)."""
    civ = interval_of(record)
    mine = about(record)
    evidence = []
    if civ is not None:
        for fact in pool:
            if not same_thing(mine, fact.about):
                continue
            fiv = units.convert(fact.interval, fact.about.unit, mine.unit)
            if fiv is None:
                continue
            rel = relation(civ, fiv)
            evidence.append((_ORDER[rel], str(fact.doc_id), fact.line, rel, fact, fiv))
    evidence.sort(key=lambda e: e[:3])
    return {
        "claim_id": claim_id,
        "claim_text": claim,
        "claim_fact": record,
        "verdict": verdict_of(e[3] for e in evidence),
        "evidence": [_evidence(f, rel, fiv, sources) for _, _, _, rel, f, fiv in evidence],
        "claim_interval": None if civ is None else civ.as_json(),
        "claim_interval_text": None if civ is None else str(civ),
    }


def _evidence(fact: Fact, rel: str, fiv, sources) -> dict:
    r = fact.record
    return {
        "doc_id": r.get("doc_id"), "line": fact.line, "span": r.get("span"), "text": r.get("text"),
        "kind": r.get("kind"), "value": r.get("value"), "low": r.get("low"), "high": r.get("high"),
        "qualifier": r.get("qualifier"), "unit": r.get("unit"),
        "entity_norm": r.get("entity_norm"), "predicate": r.get("predicate"),
        "verdict": rel,
        "sentence_text": fact.sentence_text(sources),
        "interval": fiv.as_json(), "interval_text": str(fiv),
    }
