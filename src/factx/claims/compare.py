"""Where sources disagree: facts of several documents grouped by what they are
about, and the groups whose intervals do not all overlap (issue 12).

A group is the facts with one kind, unit dimension, class of counted noun,
predicate family and change (`matching.group_key`). It is reported when two
of its facts from different documents are disjoint: every member is listed,
with its interval in the group's unit, and `disagreements` names the pairs.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from . import units
from .facts import Fact, make_facts
from .matching import group_key


def compare(facts: Iterable[Any], sources: dict[str, str] | None = None) -> list[dict]:
    """The groups of `facts` on which documents disagree, in the output format of
    ``factx compare`` (docs/cli.md); `facts` as for `claims.check`."""
    pool = make_facts(facts)
    groups: dict[tuple, list[Fact]] = defaultdict(list)
    for fact in pool:
        key = group_key(fact.about)
        if key is not None:
            groups[key].append(fact)
    out = []
    for key, members in groups.items():
        if len({f.doc_id for f in members}) < 2:
            continue
        report = _report(key, members, sources)
        if report is not None:
            out.append(report)
    out.sort(key=lambda g: (g["kind"], str(g["entity_norm"]), str(g["predicate_family"])))
    return out


def _report(key: tuple, members: list[Fact], sources) -> dict | None:
    kind, _, cls, family, change = key
    members = sorted(members, key=lambda f: (str(f.doc_id), f.line))
    unit = Counter(f.about.unit for f in members).most_common(1)[0][0]
    ivs = [units.convert(f.interval, f.about.unit, unit) for f in members]
    pairs = [[a, b] for a in range(len(members)) for b in range(a + 1, len(members))
             if members[a].doc_id != members[b].doc_id and not ivs[a].overlaps(ivs[b])]
    if not pairs:
        return None
    norms = Counter(f.record.get("entity_norm") for f in members if f.record.get("entity_norm"))
    head = max(sorted(norms), key=norms.__getitem__) if norms else None
    return {
        "kind": kind, "unit": unit, "entity_norm": head, "predicate_family": family,
        "members": [_member(f, iv, sources) for f, iv in zip(members, ivs)],
        "entity_class": cls, "entity_norms": sorted(norms), "change": change,
        "documents": len({f.doc_id for f in members}),
        "disagreements": pairs,
    }


def _member(fact: Fact, iv, sources) -> dict:
    r = fact.record
    return {
        "doc_id": r.get("doc_id"), "line": fact.line, "span": r.get("span"), "text": r.get("text"),
        "value": r.get("value"), "low": r.get("low"), "high": r.get("high"),
        "qualifier": r.get("qualifier"), "unit": r.get("unit"),
        "interval": iv.as_json(), "sentence_text": fact.sentence_text(sources),
        "interval_text": str(iv), "entity_norm": r.get("entity_norm"), "predicate": r.get("predicate"),
    }

