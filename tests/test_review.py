"""``factx review`` without a browser: the command, its inputs and errors, the
segments the page is given, and what the HTML file holds. (The page itself is
tested in a real browser in test_review_browser.py.)"""

from __future__ import annotations

import base64
import hashlib
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from factx.review import layout, page
from test_cli import SEEDS, run

DATA_RE = re.compile(r'<script type="application/json" id="factx-data">(.*?)</script>', re.S)


def page_data(html: str) -> dict:
    """The data a written page holds (as the page's own JSON.parse reads it)."""
    found = DATA_RE.findall(html)
    assert len(found) == 1
    return json.loads(found[0])


def flatten(nodes) -> str:
    return "".join(n if isinstance(n, str) else flatten(n[1]) for n in nodes)


def marks(nodes, out=None) -> dict[int, str]:
    out = {} if out is None else out
    for n in nodes:
        if not isinstance(n, str):
            out[n[0]] = flatten(n[1])
            marks(n[1], out)
    return out


# --- segments --------------------------------------------------------------------------

def test_nest_cuts_the_text_into_marks_that_nest():
    text = "abcdefghij"
    nodes, crossing = layout.nest(text, [(2, 8, 0), (3, 5, 1), (3, 5, 2), (8, 10, 3), (6, 9, 4)])
    assert crossing == {4: 0}
    assert nodes == ["ab", [0, ["c", [1, [[2, ["de"]]]], "fgh"]], [3, ["ij"]]]


@given(st.text(min_size=1, max_size=40),
       st.lists(st.tuples(st.integers(0, 40), st.integers(1, 40)), max_size=12))
def test_nest_keeps_the_text_and_each_placed_span(text, pairs):
    spans = [(s, e, i) for i, (s, e) in enumerate(pairs) if s < e <= len(text)]
    nodes, crossing = layout.nest(text, spans)
    assert flatten(nodes) == text
    placed = marks(nodes)
    assert set(placed) | set(crossing) == {i for _, _, i in spans}
    assert not set(placed) & set(crossing)
    for s, e, i in spans:
        if i in placed:
            assert placed[i] == text[s:e]
        else:      # left out only when it really crosses the span it is reported against
            s2, e2, _ = spans[[j for _, _, j in spans].index(crossing[i])]
            assert s2 < s < e2 < e or s < s2 < e < e2


def test_excerpt_stays_in_the_sentence_and_marks_cuts():
    text = "أولى. " + "كلمة " * 30 + "قتل 500 شخص " + "كلمة " * 30 + ". أخرى"
    start = text.index("500")
    sentence = (6, len(text) - 6)
    before, after = layout.excerpt(text, start, start + 3, sentence)
    assert before.startswith("…") and before.endswith("قتل ") and after.startswith(" شخص") and after.endswith("…")
    assert len(before) <= layout.EXCERPT + 1 and len(after) <= layout.EXCERPT + 1
    assert layout.excerpt("قتل\n\n 500شخص", 6, 9, None) == ["قتل ", "شخص"]   # white space as one space, none added


# --- the HTML --------------------------------------------------------------------------

def test_script_json_cannot_end_its_element():
    data = {"t": "</script><script>alert(1)</script><!-- & \u2028\u2029 {{JS}}"}
    text = page.script_json(data)
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}
    assert json.loads(text) == data


def test_page_is_self_contained_and_under_a_strict_policy(tmp_path):
    out = tmp_path / "page.html"
    p = run("review", SEEDS, "-o", out)
    assert p.returncode == 0 and p.stdout == "" and p.stderr == "", p.stderr
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"(?i)\b(src|href)\s*=\s*[\"']?(https?:|//)", html)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)[1]
    assert "default-src 'none'" in policy and "unsafe-inline" not in policy
    script = re.findall(r"<script>(.*?)</script>", html, re.S)
    style = re.findall(r"<style>(.*?)</style>", html, re.S)
    assert len(script) == len(style) == 1
    assert not re.search(r"(?i)@import|url\(", style[0])
    for body, directive in ((script[0], "script-src"), (style[0], "style-src")):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{directive} 'sha256-{digest}'" in policy


def test_extracted_facts_are_keyed_like_the_file_factx_extract_writes(tmp_path):
    """The review of a page built from documents is kept under the digest of the fact
    file `factx extract` writes for them, so both ways of building it share it."""
    facts = run("extract", SEEDS, "--workers", "1")
    (tmp_path / "facts.jsonl").write_text(facts.stdout, encoding="utf-8")
    from_docs = page_data(run("review", SEEDS).stdout)
    from_file = page_data(run("review", "--facts", tmp_path / "facts.jsonl", "--source", SEEDS).stdout)
    assert from_docs["key"] == from_file["key"] == hashlib.sha256(facts.stdout.encode()).hexdigest()
    assert from_docs["records"] == from_file["records"] == [json.loads(x) for x in facts.stdout.splitlines()]
    assert from_docs["name"] is None and from_file["name"].endswith("facts.jsonl")


# --- the command -------------------------------------------------------------------------

def test_help_and_usage_errors(tmp_path):
    p = run("review", "--help")
    assert p.returncode == 0 and "--facts" in p.stdout and "exit codes" in p.stdout
    (tmp_path / "f.jsonl").write_text("", encoding="utf-8")
    assert run("review", "--facts", tmp_path / "f.jsonl").returncode == 2                    # no --source
    assert run("review", SEEDS, "--facts", tmp_path / "f.jsonl", "--source", SEEDS).returncode == 2
    assert run("review", SEEDS, "--source", SEEDS).returncode == 2
    p = run("review", "--facts", tmp_path / "none.jsonl", "--source", SEEDS)
    assert p.returncode == 2 and "none.jsonl" in p.stderr
    p = run("review", SEEDS, "-o", tmp_path / "no" / "such" / "dir.html")
    assert p.returncode == 2 and "cannot write" in p.stderr


def test_stdin_and_kinds_as_for_extract(tmp_path):
    p = run("review", "--kinds", "count", input="قتل أكثر من 500 شخص في 5 أغسطس، وأصيب 20 طفلا")
    assert p.returncode == 0, p.stderr
    data = page_data(p.stdout)
    assert [d["id"] for d in data["docs"]] == ["stdin"]
    assert [(r["kind"], r["text"]) for r in data["records"]] == [("count", "500"), ("count", "20")]


def test_bad_inputs_are_reported_and_the_page_is_still_written(tmp_path):
    (tmp_path / "good.txt").write_text("قتل أكثر من 500 شخص", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe")
    out = tmp_path / "page.html"
    p = run("review", tmp_path / "good.txt", tmp_path / "bad.txt", "-o", out)
    assert p.returncode == 1
    assert "bad.txt: invalid UTF-8 at byte 0" in p.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert [d["id"] for d in data["docs"]] == ["good"] and len(data["records"]) == 1


def test_fact_file_problems_are_shown_not_dropped(tmp_path):
    facts = [json.loads(x) for x in run("extract", SEEDS / "002_6982dbe427647f91.txt").stdout.splitlines()]
    facts[0]["text"] = "x" + facts[0]["text"][1:]                # not the source's text
    facts[1]["kind"] = "weight"                                  # not a kind
    lines = [json.dumps(f, ensure_ascii=False) for f in facts] + ["{not json"]
    (tmp_path / "facts.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "page.html"
    p = run("review", "--facts", tmp_path / "facts.jsonl", "--source", SEEDS, "-o", out)
    assert p.returncode == 1
    assert f"facts.jsonl:1: doc_id={facts[0]['doc_id']}: [text-slice]" in p.stderr
    assert "facts.jsonl:2:" in p.stderr and "[kind-closed-list]" in p.stderr
    assert f"facts.jsonl:{len(lines)}: not shown: [json]" in p.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["records"] == facts                              # every record, the bad ones too
    assert data["meta"][0]["o"].startswith("[text-slice]")       # outside the text, with the reason
    assert "o" not in data["meta"][1] and data["meta"][1]["p"][0].startswith("[kind-closed-list]")
    doc = next(d for d in data["docs"] if d["id"] == facts[0]["doc_id"])
    assert doc["outside"] == [0] and set(marks(doc["nodes"])) == set(range(1, len(facts)))
    assert len(data["docs"]) == 5                                # every source, also without facts


def test_bad_check_and_compare_lines_name_file_and_line(tmp_path):
    good_check = {"claim_id": "c", "claim_text": "قتل 5 أشخاص", "verdict": "not_found", "evidence": [],
                  "claim_fact": {"kind": "count", "span": {"start": 4, "end": 5}, "text": "5"}}
    checks = tmp_path / "checks.jsonl"
    checks.write_text("\n".join([json.dumps(good_check), "[1]", json.dumps({**good_check, "verdict": "maybe"}),
                                 json.dumps({**good_check, "evidence": [{"doc_id": "d", "text": "5"}]})]) + "\n",
                      encoding="utf-8")
    groups = tmp_path / "groups.jsonl"
    groups.write_text(json.dumps({"kind": "count", "members": "none"}) + "\n"
                      + '{"kind": "count", "members": [], "x": NaN}\n', encoding="utf-8")
    out = tmp_path / "page.html"
    p = run("review", "--check", checks, "--compare", groups, "-o", out)
    assert p.returncode == 1
    assert "checks.jsonl:2: not a JSON object" in p.stderr
    assert "checks.jsonl:3: verdict 'maybe'" in p.stderr
    assert "checks.jsonl:4: evidence 1: span must be" in p.stderr
    assert "groups.jsonl:1: member must be a list" in p.stderr
    assert "groups.jsonl:2: malformed JSON: NaN is not valid JSON" in p.stderr
    data = page_data(out.read_text(encoding="utf-8"))
    assert [c["id"] for c in data["claims"]] == ["c"] and data["claims"][0]["ctx"] == ["قتل ", "5", " أشخاص"]
    assert data["docs"] == [] and data["groups"] == []


def test_a_cited_fact_is_found_in_its_sentence():
    doc = "أولى. قتل 500 شخص و500 جريح. أخرى"
    start = doc.index("500", 12)
    cited = {"doc_id": "d", "span": {"start": start, "end": start + 3}, "text": "500",
             "sentence_text": "قتل 500 شخص و500 جريح."}
    assert layout.mention(cited, {"d": doc}) == {"ctx": ["قتل 500 شخص و", "500", " جريح."]}   # the second 500
    assert layout.mention(cited, {}) == {"ctx": ["قتل ", "500", " شخص و500 جريح."]}          # no source: first
    assert layout.mention({**cited, "text": "600"}, {}) == {"ctx": None, "plain": cited["sentence_text"]}


def test_a_missing_browser_is_named_with_how_to_install_it(monkeypatch, tmp_path):
    from factx.review import browser
    monkeypatch.setattr(browser, "CHROMIUM", str(tmp_path / "no-chromium"))
    why = browser.missing()
    assert "no-chromium" in why and "apt-get install -y chromium chromium-driver" in why
    try:
        with browser.chromium():
            raise AssertionError("started without a browser")
    except browser.BrowserMissing as e:
        assert str(e) == why
