"""The same records are accepted and rejected, for the same rule, on every path.

A record reaches a check in three ways: the library checks each record it
extracts (`factx.record.record_problems`), a caller validates one with the
pydantic model (`factx.Fact.model_validate`), and a user checks a file with
`factx validate`. The records below break one rule each in a way the
extraction rules never would; each path must reject each of them, naming the
same rule, and accept the records extraction makes.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pydantic
import pytest

import factx
from factx.models import UNIT_CODES
from factx.record import record_problems

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}
_RULE_RE = re.compile(r"\[([a-z][a-z-]*)\]")

# (case, fields changed on a valid count record, the rule it breaks)
BROKEN = [
    ("unknown unit", {"unit": "furlong"}, "unit-closed-list"),
    ("unknown qualifier", {"qualifier": "roughly"}, "qualifier-closed-list"),
    ("unknown kind", {"kind": "weight"}, "kind-closed-list"),
    ("unknown change", {"change": "double"}, "change-closed-list"),
    ("unknown unit_source", {"unit_source": "guessed"}, "unit-source-closed-list"),
    ("unknown calendar", {"calendar": "julian"}, "calendar-closed-list"),
    ("boolean value", {"value": True}, "value-type"),
    ("boolean bound", {"value": None, "low": False, "qualifier": "more_than"}, "value-type"),
    ("negative count", {"value": -3}, "non-negative"),
    ("negative lower bound", {"low": -1, "high": 5, "value": None, "qualifier": "range"}, "non-negative"),
]


def rules(message: str) -> set[str]:
    """The rule names a message gives in brackets."""
    return set(_RULE_RE.findall(message))


@pytest.fixture(scope="module")
def seed_records() -> list[dict]:
    """Every record extraction makes from the seeds."""
    found = [r for p in SEEDS for r in factx.extract_records(p.read_text(encoding="utf-8"), doc_id=p.stem)]
    assert found
    return found


@pytest.fixture(scope="module")
def count_record(seed_records) -> dict:
    """A valid count record, to break one field at a time."""
    return next(r for r in seed_records if r["kind"] == "count" and r["unit"] is None)


def broken(count_record: dict, fields: dict) -> dict:
    return json.loads(json.dumps({**count_record, **fields}))


def validate(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "factx.cli", "validate", str(path)],
                          capture_output=True, text=True, encoding="utf-8", env=ENV, timeout=120)


@pytest.mark.parametrize("case,fields,rule", BROKEN, ids=[c for c, _, _ in BROKEN])
def test_the_library_check_rejects(count_record, case, fields, rule):
    problems = record_problems(broken(count_record, fields), UNIT_CODES)
    assert problems and all(rules(p) == {rule} for p in problems), problems


@pytest.mark.parametrize("case,fields,rule", BROKEN, ids=[c for c, _, _ in BROKEN])
def test_the_model_rejects(count_record, case, fields, rule):
    with pytest.raises(pydantic.ValidationError) as err:
        factx.Fact.model_validate(broken(count_record, fields))
    assert rules(str(err.value)) == {rule}, str(err.value)


def test_validate_rejects_each_line_for_its_rule(tmp_path, count_record):
    path = tmp_path / "facts.jsonl"
    lines = [json.dumps(count_record, ensure_ascii=False)]
    lines += [json.dumps(broken(count_record, fields), ensure_ascii=False) for _, fields, _ in BROKEN]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    p = validate(path)
    assert p.returncode == 1, p.stderr
    *reports, summary = p.stdout.splitlines()
    assert summary == f"{len(lines)} records, {len(BROKEN)} invalid"
    assert len(reports) == len(BROKEN)
    for lineno, ((case, _, rule), report) in enumerate(zip(BROKEN, reports), 2):   # line 1 is valid
        assert report.startswith(f"{path}:{lineno}: doc_id={count_record['doc_id']}: "), (case, report)
        assert rules(report) == {rule}, (case, report)


def test_extracted_records_pass_every_path(tmp_path, seed_records):
    assert {r["kind"] for r in seed_records} >= {"count", "date", "percent"}
    for r in seed_records:
        assert record_problems(r, UNIT_CODES) == [], r
        assert factx.Fact.model_validate(r).model_dump(mode="json") == r
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in seed_records), encoding="utf-8")
    p = validate(path)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout == f"{len(seed_records)} records, 0 invalid\n"
