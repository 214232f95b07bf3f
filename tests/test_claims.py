"""The claim corpus (tests/claims/): claims checked against facts extracted at
test time from seeds/ and tests/claims/articles/, against hand-made verdicts."""

from __future__ import annotations

import json
import tomllib
from collections import Counter
from pathlib import Path

import pytest

import factx
from factx.claims import VERDICTS

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).parent / "claims"
CLAIMS = [json.loads(line) for line in (HERE / "claims.jsonl").read_text(encoding="utf-8").splitlines() if line]
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def facts():
    out = []
    for path in sorted([*(ROOT / "seeds").glob("*.txt"), *(HERE / "articles").glob("*.txt")]):
        out += factx.extract_records(path.read_text(encoding="utf-8"), doc_id=path.stem)
    return out


def _short(e: dict) -> str:
    doc = e["doc_id"]
    prefix = doc[:2] if doc.startswith("a") else doc[:3]
    return f"{prefix}|{e['text']}|{e['verdict']}"


@pytest.mark.parametrize("claim", CLAIMS, ids=lambda c: c["id"])
def test_claim_corpus(claim, facts):
    got = factx.check(claim["text"], facts, claim_id=claim["id"])
    want = EXPECTED[claim["id"]]["q"]
    assert len(got) == len(want), f"{claim['text']!r}: {len(got)} quantities"
    for g, w in zip(got, want):
        assert g["claim_id"] == claim["id"] and g["claim_text"] == claim["text"]
        shown = [_short(e) for e in g["evidence"]]
        assert Counter(shown) == Counter(w["evidence"]), f"{claim['text']!r}: evidence {shown}"
        assert g["verdict"] == w["verdict"], f"{claim['text']!r}: {g['verdict']}, evidence {shown}"
        order = [{"supported": 0, "compatible": 1, "contradicted": 2}[e["verdict"]] for e in g["evidence"]]
        assert order == sorted(order), "evidence is listed supported, compatible, contradicted"


def test_corpus_covers_every_verdict():
    assert len(CLAIMS) >= 40
    seen = {q["verdict"] for c in EXPECTED.values() for q in c["q"]}
    assert seen == set(VERDICTS)
    assert any(len(c["q"]) > 1 for c in EXPECTED.values()), "a claim with two quantities"
