"""factx check and factx compare as commands: the fixed output formats
(/docs/cli.md), bad lines reported with file:line and skipped, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import factx
from factx import cli

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CHECK_KEYS = ["claim_id", "claim_text", "claim_fact", "verdict", "evidence"]
EVIDENCE_KEYS = ["doc_id", "line", "span", "text", "kind", "value", "low", "high", "qualifier", "unit",
                 "entity_norm", "predicate", "verdict", "sentence_text"]
GROUP_KEYS = ["kind", "unit", "entity_norm", "predicate_family", "members"]
MEMBER_KEYS = ["doc_id", "line", "span", "text", "value", "low", "high", "qualifier", "unit", "interval",
               "sentence_text"]


@pytest.fixture(scope="module")
def facts_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("facts") / "facts.jsonl"
    assert cli.main(["extract", str(SEEDS), "--sentence", "--quiet", "-o", str(path)]) == 0
    return path


def _lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def test_check_one_claim(facts_file, capsys):
    assert cli.main(["check", "--facts", str(facts_file), "أصيب ثلاثة مدنيين في الدانا"]) == 0
    (line,) = _lines(capsys.readouterr().out)
    assert list(line)[:5] == CHECK_KEYS
    assert line["claim_id"] == "claim" and line["verdict"] == "supported"
    assert line["claim_fact"]["text"] == "ثلاثة" and line["claim_fact"]["predicate"] == "أصيب"
    (ev,) = line["evidence"]
    assert set(EVIDENCE_KEYS) <= set(ev)
    assert ev["doc_id"] == "002_6982dbe427647f91" and ev["text"] == "ثلاثة" and ev["verdict"] == "supported"
    text = (SEEDS / "002_6982dbe427647f91.txt").read_text(encoding="utf-8")
    assert text[ev["span"]["start"]:ev["span"]["end"]] == "ثلاثة"
    assert "أسفر عن إصابة ثلاثة مدنيين" in ev["sentence_text"]
    record = facts_file.read_text(encoding="utf-8").splitlines()[ev["line"] - 1]
    assert json.loads(record)["span"] == ev["span"]


def test_check_matches_the_library(facts_file, capsys):
    claim = "قتل 400 شخص منذ بدء الهجوم"
    assert cli.main(["check", "--facts", str(facts_file), claim]) == 0
    (line,) = _lines(capsys.readouterr().out)
    records = [json.loads(x) for x in facts_file.read_text(encoding="utf-8").splitlines()]
    (lib,) = factx.check(claim, records)
    assert line == lib
    assert line["verdict"] == "contradicted"


def test_several_claims_and_a_claims_file(facts_file, tmp_path, capsys):
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"id": "x1", "text": "قتل أكثر من 500 شخص"}\nnot json\n'
                      '{"id": "x2", "text": "لا رقم هنا"}\n{"id": "x3", "text": "أصيب 3 مدنيين"}\n', encoding="utf-8")
    code = cli.main(["check", "--facts", str(facts_file), "--claims", str(claims), "نزح 3 آلاف", "هدم 5 منازل"])
    out, err = capsys.readouterr()
    assert code == 1
    assert [line["claim_id"] for line in _lines(out)] == ["claim-1", "claim-2", "x1", "x3"]
    assert f"{claims}:2" in err and "claim x2: no quantity" in err


def test_bad_fact_lines_are_reported_and_skipped(facts_file, tmp_path, capsys):
    bad = tmp_path / "facts.jsonl"
    good = facts_file.read_text(encoding="utf-8").splitlines()
    bad.write_text("\n".join([good[0], "{oops", '{"doc_id": "d", "kind": "count"}', *good[1:]]) + "\n",
                   encoding="utf-8")
    code = cli.main(["check", "--facts", str(bad), "أصيب ثلاثة مدنيين"])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{bad}:2: [json]" in err and f"{bad}:3: doc_id=d: [required-field]" in err
    (line,) = _lines(out)
    assert line["verdict"] == "supported"


def test_usage_errors(tmp_path, capsys):
    assert cli.main(["check", "--facts", str(tmp_path / "missing.jsonl"), "قتل 5"]) == 2
    assert "cannot open" in capsys.readouterr().err
    empty = tmp_path / "f.jsonl"
    empty.write_text("", encoding="utf-8")
    assert cli.main(["check", "--facts", str(empty)]) == 2
    with pytest.raises(SystemExit) as e:
        cli.main(["check", "قتل 5"])
    assert e.value.code == 2


def test_source_gives_the_sentence(tmp_path, capsys):
    facts = tmp_path / "facts.jsonl"
    assert cli.main(["extract", str(SEEDS / "002_6982dbe427647f91.txt"), "--quiet", "-o", str(facts)]) == 0
    assert cli.main(["check", "--facts", str(facts), "أصيب ثلاثة مدنيين"]) == 0
    assert _lines(capsys.readouterr().out)[0]["evidence"][0]["sentence_text"] is None
    assert cli.main(["check", "--facts", str(facts), "--source", str(SEEDS), "أصيب ثلاثة مدنيين"]) == 0
    assert "أسفر عن إصابة ثلاثة مدنيين" in _lines(capsys.readouterr().out)[0]["evidence"][0]["sentence_text"]


def test_compare_finds_the_idlib_population_disagreement(facts_file, capsys):
    assert cli.main(["compare", str(facts_file)]) == 0
    groups = _lines(capsys.readouterr().out)
    for g in groups:
        assert list(g)[:5] == GROUP_KEYS
        for m in g["members"]:
            assert set(MEMBER_KEYS) <= set(m)
        assert len({m["doc_id"] for m in g["members"]}) >= 2
    people = [g for g in groups if g["entity_class"] == "person" and g["predicate_family"] is None]
    assert len(people) == 1
    members = {(m["doc_id"][:3], m["text"], m["qualifier"]): m["interval"] for m in people[0]["members"]}
    assert members[("000", "ثلاثة ملايين", "approximately")] == [2700000, 3300000]
    assert members[("001", "ثلاثة ملايين", "more_than")] == [3000000, None]
    assert members[("001", "أربعة ملايين", "exact")] == [4000000, 4000000]
    assert members[("004", "ثلاثة ملايين", "exact")] == [3000000, 3000000]
    index = {(m["doc_id"][:3], m["text"], m["qualifier"]): n for n, m in enumerate(people[0]["members"])}
    disjoint = {tuple(p) for p in people[0]["disagreements"]}
    assert tuple(sorted((index[("000", "ثلاثة ملايين", "approximately")],
                         index[("001", "أربعة ملايين", "exact")]))) in disjoint


def test_compare_reports_nothing_when_sources_agree(tmp_path, capsys):
    facts = tmp_path / "facts.jsonl"
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a", "text": "قتل 40 مدنيا في القصف"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "b", "text": "أسفر القصف عن مقتل نحو 40 شخصا"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "c", "text": "بلغ عدد القتلى 90"}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    assert cli.main(["extract", str(docs), "--quiet", "-o", str(facts)]) == 0
    assert cli.main(["compare", str(facts)]) == 0
    (group,) = _lines(capsys.readouterr().out)
    assert group["predicate_family"] == "kill"
    assert sorted(m["doc_id"] for m in group["members"]) == ["a", "b", "c"]
    assert group["disagreements"] == [[0, 2], [1, 2]]
    two = [json.loads(x) for x in facts.read_text(encoding="utf-8").splitlines()][:2]
    assert factx.compare(two) == []
