"""Score `factx.extract` against the gold seeds (fixtures/seeds.jsonl).

Scoring follows fixtures/README.md: a system mention matches a gold mention
when their spans overlap. A quantity (count, percent, money, measure,
duration, age) is found when kind, value (or low/high) and qualifier agree.
Optional gold mentions neither reward nor penalise. Also reported: unit and
entity agreement on found quantities, exact span boundaries, non-quantities
(dates, years, identifiers, ordinals) output as quantities, and every fact's
`text == document[start:end]`.

Then the peer suites (tests/peer_suites: Duckling, Recognizers-Text and NeMo
Arabic suites, mapped to the SPEC by tests/peer_suites/runner.py): the score
per gate of tests/peer_suites/thresholds.toml with its target and floor, per
suite group, and the informative groups. --peer-failures lists every failing
example, grouped by the phenomenon factx misreads (tests/peer_suites/categories.py).

    python benchmarks/accuracy.py [--json OUT] [--errors] [--peer-failures]
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))   # the peer-suite runner lives beside its tests

import factx  # noqa: E402
from factx.models import QUANTITY_KINDS  # noqa: E402
from peer_suites import categories, runner  # noqa: E402


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-6)


def _same_quantity(s: dict, g: dict) -> bool:
    return (s["kind"] == g["kind"] and s["qualifier"] == g["qualifier"]
            and _close(s["value"], g["value"]) and _close(s["low"], g["low"]) and _close(s["high"], g["high"]))


def _overlap(a: dict, b: dict) -> bool:
    return a["span"]["start"] < b["span"]["end"] and b["span"]["start"] < a["span"]["end"]


def score(gold_path: Path, seeds_dir: Path) -> tuple[dict, list[str]]:
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold_by_doc[g["doc_id"]].append(g)
    tp = fp = fn = 0
    unit_ok = entity_ok = matched_q = 0
    exact_bounds = matched_all = 0
    nonq_as_q = 0
    slice_errors = 0
    errors: list[str] = []
    for doc_id in sorted(gold_by_doc):
        text = (seeds_dir / f"{doc_id}.txt").read_text(encoding="utf-8")
        sys_facts = [f.model_dump(mode="json") for f in factx.extract(text, doc_id=doc_id)]
        gold = gold_by_doc[doc_id]
        for f in sys_facts:
            if text[f["span"]["start"]:f["span"]["end"]] != f["text"]:
                slice_errors += 1
        used: set[int] = set()
        for g in gold:
            cands = [k for k, s in enumerate(sys_facts) if _overlap(s, g)]
            if cands:
                matched_all += 1
                best = next((k for k in cands if _same_quantity(sys_facts[k], g)), cands[0])
                s = sys_facts[best]
                if (s["span"]["start"], s["span"]["end"]) == (g["span"]["start"], g["span"]["end"]):
                    exact_bounds += 1
            for k in cands:
                used.add(k)
            if g["kind"] not in QUANTITY_KINDS:
                bad = [sys_facts[k] for k in cands if sys_facts[k]["kind"] in QUANTITY_KINDS]
                if bad and not g.get("optional"):
                    nonq_as_q += 1
                    errors.append(f"NONQ-AS-Q {doc_id} gold {g['kind']} {g['text']!r} -> {bad[0]['kind']} {bad[0]['value']}")
                continue
            if g.get("optional"):
                continue
            hit = [k for k in cands if _same_quantity(sys_facts[k], g)]
            if hit:
                tp += 1
                s = sys_facts[hit[0]]
                matched_q += 1
                unit_ok += s["unit"] == g["unit"]
                entity_ok += s["entity"] == g["entity"]
                if s["entity"] != g["entity"]:
                    errors.append(f"ENTITY {doc_id} {g['text']!r}: got {s['entity']!r} want {g['entity']!r}")
                if s["unit"] != g["unit"]:
                    errors.append(f"UNIT {doc_id} {g['text']!r}: got {s['unit']!r} want {g['unit']!r}")
            else:
                fn += 1
                got = [(sys_facts[k]["kind"], sys_facts[k]["value"], sys_facts[k]["low"], sys_facts[k]["high"],
                        sys_facts[k]["qualifier"]) for k in cands]
                errors.append(f"MISS {doc_id} {g['text']!r} want {g['kind']} {g['value']} {g['low']} {g['high']} "
                              f"{g['qualifier']} got {got}")
        for k, s in enumerate(sys_facts):
            if k in used or s["kind"] not in QUANTITY_KINDS:
                continue
            fp += 1
            errors.append(f"SPURIOUS {doc_id} {s['text']!r} {s['kind']} {s['value']} {s['qualifier']} ({s['rule']})")
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    report = {
        "quantity_precision": round(p, 4), "quantity_recall": round(r, 4), "quantity_f1": round(f1, 4),
        "tp": tp, "fp": fp, "fn": fn,
        "unit_agreement": round(unit_ok / matched_q, 4) if matched_q else 1.0,
        "entity_agreement": round(entity_ok / matched_q, 4) if matched_q else 1.0,
        "exact_boundary_rate": round(exact_bounds / matched_all, 4) if matched_all else 1.0,
        "nonquantities_as_quantities": nonq_as_q,
        "text_slice_errors": slice_errors,
    }
    return report, errors


def peer_scores() -> tuple[list[str], dict]:
    """The peer-suite table (lines) and its figures (for --json)."""
    by_group = runner.scores(runner.run())
    head = f"{'peer suite gate / group':58s} {'correct':>7s} {'total':>5s} {'score':>6s} {'deliberate':>10s}"
    lines = [head]
    figures: dict = {"gates": {}, "groups": {}}

    def row(name: str, s: runner.Score, indent: str) -> str:
        return f"{indent}{name:{58 - len(indent)}s} {s.correct:7d} {s.total:5d} {s.rate:6.3f} {s.deliberate:10d}"

    gated = set()
    for gate in runner.gates():
        s = runner.gate_score(gate, by_group)
        lines.append(row(gate.title, s, "") + f"   target {gate.target:.2f} gap {max(0.0, gate.target - s.rate):.3f}"
                     f" floor {gate.floor:.2f}")
        figures["gates"][gate.name] = {"score": round(s.rate, 4), "correct": s.correct, "total": s.total,
                                       "deliberate": s.deliberate, "target": gate.target, "floor": gate.floor}
        for gid in gate.groups:
            lines.append(row(gid, by_group[gid], "  "))
            gated.add(gid)
    lines.append("informative (not gated)")
    for gid, s in sorted(by_group.items()):
        if gid not in gated:
            lines.append(row(gid, s, "  "))
    for gid, s in by_group.items():
        figures["groups"][gid] = {"score": round(s.rate, 4), "correct": s.correct, "total": s.total,
                                  "deliberate": s.deliberate}
    return lines, figures


def peer_failures() -> list[str]:
    """Every failing gated example, by category, largest category first."""
    fails = [o for o in runner.run() if o.example.gated and not o.ok and o.convention is None]
    lines = [f"{len(fails)} failing examples in the gated groups"]
    for cat, outs in categories.categorise(fails):
        lines += ["", f"[{len(outs)}] {cat.name}", f"    text:   {cat.phenomenon}", f"    factx:  {cat.instead}"]
        for o in outs:
            ex = o.example
            lines.append(f"    {ex.group_id} {ex.ref} {ex.text!r}: want {ex.expect.describe()}; got {o.got}")
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=ROOT / "fixtures" / "seeds.jsonl")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--errors", action="store_true", help="list every disagreement")
    ap.add_argument("--peer-failures", action="store_true",
                    help="list every failing peer-suite example, grouped by phenomenon")
    args = ap.parse_args(argv)
    report, errors = score(args.gold, args.seeds)
    for k, v in report.items():
        print(f"{k:30s} {v}")
    if args.errors:
        print()
        print("\n".join(errors))
    lines, figures = peer_scores()
    print()
    print("\n".join(lines))
    if args.peer_failures:
        print()
        print("\n".join(peer_failures()))
    if args.json:
        args.json.write_text(json.dumps({**report, "peer_suites": figures}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
