"""The review page in a real browser: Debian's headless Chromium, driven by Selenium.

Pages are built by the installed ``factx review`` command and opened from
disk. What is expected comes from elsewhere: the facts from ``factx extract``
on the same inputs, the documents from the files themselves. Every test ends
by checking that the browser console holds no error.

These tests fail (they do not skip) when Chromium, ChromeDriver or Selenium is
missing: ``apt-get install -y chromium chromium-driver`` and
``pip install -e '.[test]'`` (``.ci/run`` does both).
"""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from factx.review import browser
from test_cli import SEED_FILES, SEEDS, run

SEED_ARTICLE = "004_6cdcd244366ab463"      # the longest-but-one seed, with every kind of quantity


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    why = browser.missing()
    if why:
        pytest.fail(f"the browser tests need headless Chromium: {why}", pytrace=False)
    downloads = tmp_path_factory.mktemp("downloads")
    with browser.chromium(downloads=downloads) as d:
        d.downloads = downloads
        yield d


@pytest.fixture(autouse=True)
def no_console_errors(driver):
    driver.get_log("browser")         # drop what earlier tests left
    yield
    errors = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == [], errors


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def extract(*paths) -> list[dict]:
    p = run("extract", *paths, "--workers", "1")
    assert p.returncode == 0, p.stderr
    return [json.loads(line) for line in p.stdout.splitlines()]


def build(tmp_path: Path, *args, code: int = 0, name: str = "page.html") -> Path:
    page = tmp_path / name
    p = run("review", *args, "-o", page)
    assert p.returncode == code, p.stderr
    return page


@pytest.fixture(scope="module")
def seeds_page(tmp_path_factory):
    return build(tmp_path_factory.mktemp("seeds"), SEEDS)


@pytest.fixture(scope="module")
def seed_facts():
    return extract(SEEDS)


def open_page(driver, page: Path, clear_storage: bool = True) -> None:
    browser.open_page(driver, page)
    if clear_storage:
        js(driver, "localStorage.clear()")
        browser.open_page(driver, page)


def show_doc(driver, doc_id: str) -> None:
    assert js(driver, "const b = [...document.querySelectorAll('#docs button[data-doc]')]"
                      ".find(b => b.title === arguments[0]); if (b) b.click(); return !!b;", doc_id), doc_id


MARKS = """return [...document.querySelectorAll('#text mark[data-fact], #outside-list mark[data-fact]')]
           .map(m => [Number(m.dataset.fact), m.dataset.kind, m.textContent]);"""
# The table renders only the rows in view: read it as a user would, scrolling it
# from top to bottom, or until the row `arguments[0]` is in view.
_SCROLL_TABLE = """
const done = arguments[arguments.length - 1], wanted = arguments[0];
const wrap = document.querySelector('.table-wrap'), seen = [], have = new Set();
const next = () => requestAnimationFrame(() => setTimeout(look, 0));
function look() {
  for (const tr of document.querySelectorAll('#facts tbody tr[data-row]')) {
    const i = Number(tr.dataset.row), r = tr.getBoundingClientRect(), w = wrap.getBoundingClientRect();
    if (i === wanted && r.top >= w.top + 30 && r.bottom <= w.bottom) return done(seen);
    if (r.bottom > w.top && r.top < w.bottom && !have.has(i)) { have.add(i); seen.push(i); }
  }
  if (wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 1) return done(wanted === null ? seen : null);
  wrap.scrollTop += Math.max(20, wrap.clientHeight / 3);
  next();
}
wrap.scrollTop = 0;
next();
"""


def table_rows(driver) -> list[int]:
    """The fact index of every row of the table, in order."""
    return driver.execute_async_script(_SCROLL_TABLE, None)


def click_row(driver, i: int) -> None:
    assert driver.execute_async_script(_SCROLL_TABLE, i) is not None, f"no row {i} in the table"
    click(driver, f"#facts tr[data-row='{i}']")


def set_scope(driver, scope: str) -> None:
    js(driver, "const s = document.getElementById('scope'); s.value = arguments[0];"
               "s.dispatchEvent(new Event('change'));", scope)


def click(driver, css: str) -> None:
    from selenium.webdriver.common.by import By
    driver.find_element(By.CSS_SELECTOR, css).click()


def type_into(driver, css: str, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    e = driver.find_element(By.CSS_SELECTOR, css)
    e.send_keys(Keys.CONTROL, "a")
    e.send_keys(Keys.BACKSPACE)           # as a user empties it (clear() fires no input event)
    if text:
        e.send_keys(text)


def press(driver, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    ActionChains(driver).send_keys(keys).perform()


# --- marks ---------------------------------------------------------------------------

def test_a_mark_per_fact_with_its_text_kind_and_index(driver, seeds_page, seed_facts):
    open_page(driver, seeds_page)
    seen = []
    for path in SEED_FILES:
        show_doc(driver, path.stem)
        marks = js(driver, MARKS)
        expected = [(i, f["kind"], f["text"]) for i, f in enumerate(seed_facts) if f["doc_id"] == path.stem]
        assert sorted(tuple(m) for m in marks) == expected
        # the text shown is the document itself, character for character
        assert js(driver, "return document.getElementById('text').textContent") == path.read_text(encoding="utf-8")
        seen += marks
    assert len(seen) == len(seed_facts) > 50


def test_emoji_and_nested_text_keep_marks_in_place(driver, tmp_path):
    """Characters outside the BMP are two UTF-16 units in JavaScript: marks must not shift."""
    text = "😀😀 قتل أكثر من 500 شخص 😀👨‍👩‍👧 وأصيب 20 طفلا في 5 أغسطس 2020 🇸🇾 ونزح 3 ملايين"
    doc = tmp_path / "emoji.txt"
    doc.write_text(text, encoding="utf-8")
    facts = extract(doc)
    assert len(facts) >= 4
    open_page(driver, build(tmp_path, doc))
    assert sorted(tuple(m) for m in js(driver, MARKS)) == [(i, f["kind"], f["text"]) for i, f in enumerate(facts)]
    assert js(driver, "return document.getElementById('text').textContent") == text


def test_facts_file_with_a_wrong_fact_shows_it_as_such(driver, tmp_path, seed_facts):
    facts = [dict(f) for f in seed_facts]
    bad = next(i for i, f in enumerate(facts) if f["text"] == "500")
    facts[bad]["text"] = "501"                           # no longer the source's text
    ghost = len(facts) - 1
    facts[ghost]["doc_id"] = "ghost"                     # not among the sources
    fact_file = tmp_path / "facts.jsonl"
    fact_file.write_text("".join(json.dumps(f, ensure_ascii=False) + "\n" for f in facts), encoding="utf-8")
    open_page(driver, build(tmp_path, "--facts", fact_file, "--source", SEEDS, code=1))
    seen = []
    for doc_id in [p.stem for p in SEED_FILES] + ["ghost"]:
        show_doc(driver, doc_id)
        seen += js(driver, MARKS)
    assert sorted(m[0] for m in seen) == list(range(len(facts)))          # nothing dropped
    show_doc(driver, facts[bad]["doc_id"])
    outside = js(driver, "return [...document.querySelectorAll('#outside-list li')].map(li => "
                         "[li.querySelector('mark').dataset.fact, li.querySelector('mark').textContent, li.textContent])")
    assert [(int(i), t) for i, t, _ in outside] == [(bad, "501")]
    assert "[text-slice]" in outside[0][2]
    assert js(driver, f"return document.querySelector('#facts tr[data-row=\"{bad}\"]').classList.contains('problem')")
    show_doc(driver, "ghost")
    assert js(driver, "return document.getElementById('doc-head').textContent").count("not among the source")


# --- table -----------------------------------------------------------------------------

def test_filter_by_kind_search_and_sort(driver, seeds_page, seed_facts):
    open_page(driver, seeds_page)
    set_scope(driver, "all")
    assert table_rows(driver) == list(range(len(seed_facts)))
    click(driver, "#legend input[data-kind-filter='date']")
    rows = table_rows(driver)
    assert rows == [i for i, f in enumerate(seed_facts) if f["kind"] != "date"]
    assert js(driver, "return [...document.querySelectorAll('#text mark[data-kind=date]')]"
                      ".every(m => m.classList.contains('dim'))")
    click(driver, "#legend input[data-kind-filter='date']")
    assert len(table_rows(driver)) == len(seed_facts)

    type_into(driver, "#search", "more_than")
    assert table_rows(driver) == [i for i, f in enumerate(seed_facts) if f["qualifier"] == "more_than"]
    type_into(driver, "#search", "003_104f")
    assert table_rows(driver) == [i for i, f in enumerate(seed_facts) if f["doc_id"].startswith("003_104f")]
    type_into(driver, "#search", "")

    click(driver, "#facts th[data-sort='value']")
    numeric = [seed_facts[i]["value"] for i in table_rows(driver)
               if isinstance(seed_facts[i]["value"], (int, float))]
    assert len(numeric) > 40 and numeric == sorted(numeric)
    click(driver, "#facts th[data-sort='value']")
    numeric = [seed_facts[i]["value"] for i in table_rows(driver)
               if isinstance(seed_facts[i]["value"], (int, float))]
    assert numeric == sorted(numeric, reverse=True)
    assert js(driver, "return document.querySelector(\"th[data-sort='value']\").getAttribute('aria-sort')") == "descending"


def test_clicking_a_row_scrolls_to_and_flashes_its_mark(driver, seeds_page, seed_facts):
    open_page(driver, seeds_page)
    set_scope(driver, "all")
    target = max(i for i, f in enumerate(seed_facts) if f["doc_id"] == "001_f612f0834b487b3d")  # far down a long doc
    click_row(driver, target)
    state = js(driver, """
        const m = document.querySelector(`#text mark[data-fact="${arguments[0]}"]`);
        const r = m.getBoundingClientRect(), pane = document.getElementById('reader').getBoundingClientRect();
        return {flash: m.classList.contains('flash'), selected: m.classList.contains('selected'),
                inView: r.top >= pane.top && r.bottom <= pane.bottom, scrolled: document.getElementById('reader').scrollTop,
                doc: document.querySelector('#doc-head .doc-title').textContent,
                detail: document.getElementById('detail').textContent};""", target)
    assert state["flash"] and state["selected"] and state["inView"], state
    assert state["scrolled"] > 0
    assert state["doc"] == "001_f612f0834b487b3d"
    assert json.dumps(seed_facts[target]["text"], ensure_ascii=False) in state["detail"]   # the full record


def test_keyboard_goes_through_the_facts(driver, seeds_page, seed_facts):
    open_page(driver, seeds_page)
    show_doc(driver, SEED_ARTICLE)
    mine = [i for i, f in enumerate(seed_facts) if f["doc_id"] == SEED_ARTICLE]
    focused = "return Number(document.activeElement.dataset.fact)"
    press(driver, "n")
    assert js(driver, focused) == mine[0]
    press(driver, "nnj")
    assert js(driver, focused) == mine[3]
    press(driver, "pk")
    assert js(driver, focused) == mine[1]
    assert js(driver, "return document.querySelector('mark.selected').dataset.fact") == str(mine[1])
    assert js(driver, "return document.querySelector('#facts tr.selected').dataset.row") == str(mine[1])


def test_qualifier_unit_and_entity_on_hover_and_focus(driver, seeds_page, seed_facts):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    open_page(driver, seeds_page)
    show_doc(driver, SEED_ARTICLE)
    i = next(i for i, f in enumerate(seed_facts)
             if f["doc_id"] == SEED_ARTICLE and f["entity"] and f["qualifier"] != "exact")
    mark = driver.find_element(By.CSS_SELECTOR, f"mark[data-fact='{i}']")
    js(driver, "arguments[0].scrollIntoView({block: 'center'})", mark)
    ActionChains(driver).move_to_element(mark).perform()
    tip = js(driver, "const t = document.getElementById('tip'); return [t.hidden, t.textContent]")
    assert tip[0] is False
    assert seed_facts[i]["qualifier"] in tip[1] and seed_facts[i]["entity"] in tip[1] and "unit" in tip[1]
    j = next(j for j, f in enumerate(seed_facts) if f["doc_id"] == SEED_ARTICLE and f["unit"])
    js(driver, f"document.querySelector(\"mark[data-fact='{j}']\").focus()")
    tip = js(driver, "const t = document.getElementById('tip'); return [t.hidden, t.textContent]")
    assert tip[0] is False and seed_facts[j]["unit"] in tip[1]


# --- the review ----------------------------------------------------------------------------

def test_review_is_kept_and_exported_as_jsonl_that_validate_accepts(driver, seeds_page, seed_facts, tmp_path):
    open_page(driver, seeds_page)
    show_doc(driver, SEED_ARTICLE)
    mine = [i for i, f in enumerate(seed_facts) if f["doc_id"] == SEED_ARTICLE]
    click(driver, f"#text mark[data-fact='{mine[0]}']")
    click(driver, "#detail button[data-review='correct']")
    click(driver, f"#text mark[data-fact='{mine[1]}']")
    press(driver, "w")
    note = "التاريخ غير صحيح \"quoted\"\nline 2"
    type_into(driver, "#detail textarea", note)
    open_page(driver, seeds_page, clear_storage=False)        # kept in the browser
    assert "2 of" in js(driver, "return document.getElementById('progress').textContent")
    show_doc(driver, SEED_ARTICLE)
    assert js(driver, f"return document.querySelector(\"mark[data-fact='{mine[1]}']\").className").count("rev-wrong")

    for old in driver.downloads.glob("*"):
        old.unlink()
    click(driver, "#export")
    out = driver.downloads / "review.jsonl"
    deadline = time.monotonic() + 20
    while not out.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [{k: v for k, v in r.items() if k not in ("review", "review_note")} for r in exported] == seed_facts
    reviews = {i: (r["review"], r["review_note"]) for i, r in enumerate(exported) if r["review"] or r["review_note"]}
    assert reviews == {mine[0]: ("correct", None), mine[1]: ("wrong", note)}
    p = run("validate", out, "--source", SEEDS)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout.strip() == f"{len(seed_facts)} records, 0 invalid"

    # the export read back shows its review (also in a browser that never saw it)
    page = build(tmp_path, "--facts", out, "--source", SEEDS)
    open_page(driver, page)
    assert js(driver, "return document.getElementById('progress').textContent").startswith("2 of")


# --- untrusted documents ---------------------------------------------------------------------

EVIL = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
        '</textarea></script><!-- {{JS}} <b>bold</b> &amp; &lt; قتل أكثر من 500 شخص\u2028و20 طفلا')


def test_a_document_holding_html_and_script_shows_it_as_text(driver, tmp_path):
    doc = tmp_path / "evil.txt"
    doc.write_text(EVIL, encoding="utf-8")
    corpus = tmp_path / "evil.jsonl"
    corpus.write_text(json.dumps({"id": "<img src=y onerror=\"window.pwned=3\">", "text": EVIL}) + "\n",
                      encoding="utf-8")
    facts = extract(doc, corpus)
    open_page(driver, build(tmp_path, doc, corpus, "--title", "<script>window.pwned=4</script>"))
    assert js(driver, "return window.pwned === undefined")
    for doc_id in ("evil", "<img src=y onerror=\"window.pwned=3\">"):
        show_doc(driver, doc_id)
        assert js(driver, "return document.getElementById('text').textContent") == EVIL
        assert js(driver, "return document.querySelectorAll('#text *:not(mark), #docs img, #docs script').length") == 0
        assert sorted(m[2] for m in js(driver, MARKS)) == sorted(f["text"] for f in facts if f["doc_id"] == doc_id)
        click(driver, "#text mark[data-fact]")
    assert js(driver, "return document.title") == "<script>window.pwned=4</script>"
    assert js(driver, "return window.pwned === undefined && document.querySelectorAll('img').length === 0")


# --- claims and disagreements ------------------------------------------------------------------

def _cited(fact: dict, line: int, texts: dict, **extra) -> dict:
    s = fact["sentence"]
    return {"doc_id": fact["doc_id"], "line": line, "span": fact["span"], "text": fact["text"],
            "value": fact["value"], "low": fact["low"], "high": fact["high"], "qualifier": fact["qualifier"],
            "unit": fact["unit"], "sentence_text": texts[fact["doc_id"]][s["start"]:s["end"]], **extra}


def test_check_and_compare_results(driver, tmp_path, seed_facts):
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEED_FILES}
    counts = [(i, f) for i, f in enumerate(seed_facts) if f["kind"] == "count" and f["entity"]]
    (i1, f1), (i2, f2) = counts[0], counts[1]
    claim_text = f"قتل أكثر من {f1['value']} {f1['entity']}"
    at = claim_text.index(str(f1["value"]))
    claim_fact = {"doc_id": "claim", "kind": "count", "value": f1["value"], "low": None, "high": None,
                  "qualifier": "more_than", "unit": None, "entity": f1["entity"],
                  "span": {"start": at, "end": at + len(str(f1["value"]))}, "text": str(f1["value"])}
    checks = [
        {"claim_id": "c1", "claim_text": claim_text, "claim_fact": claim_fact, "verdict": "supported",
         "evidence": [_cited(f1, i1 + 1, texts, kind="count", entity_norm=f1["entity"], predicate=None,
                             verdict="supported")]},
        {"claim_id": "c2", "claim_text": "ارتفع عدد اللاجئين 7 مرات", "claim_fact": {**claim_fact, "text": "x"},
         "verdict": "not_found", "evidence": []},
    ]
    groups = [{"kind": "count", "unit": None, "entity_norm": f1["entity"], "predicate_family": None,
               "members": [_cited(f1, i1 + 1, texts, interval=[f1["value"], None]),
                           _cited(f2, i2 + 1, texts, interval=[f2["value"], f2["value"]])]}]
    check_file, compare_file = tmp_path / "checks.jsonl", tmp_path / "groups.jsonl"
    check_file.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in checks), encoding="utf-8")
    compare_file.write_text(json.dumps(groups[0], ensure_ascii=False) + "\n", encoding="utf-8")
    open_page(driver, build(tmp_path, SEEDS, "--check", check_file, "--compare", compare_file))

    click(driver, ".tab[data-view='claims']")
    cards = js(driver, """return [...document.querySelectorAll('#view-claims .card')].map(c => ({
        verdict: c.querySelector('.verdict').textContent,
        claim: c.querySelector('.quote').textContent, claimMark: c.querySelector('.quote mark').textContent,
        evidence: [...c.querySelectorAll('.evidence li')].map(li => [li.querySelector('.quote').textContent,
                   li.querySelector('.quote mark').textContent, li.querySelector('.quote mark').dataset.ref])}))""")
    sentence = checks[0]["evidence"][0]["sentence_text"]
    assert cards[0] == {"verdict": "supported", "claim": claim_text, "claimMark": str(f1["value"]),
                        "evidence": [[sentence, f1["text"], str(i1)]]}
    assert cards[1]["verdict"] == "not_found" and cards[1]["evidence"] == []
    assert cards[1]["claim"].startswith("ارتفع عدد اللاجئين 7 مرات")   # a claim span that does not match: shown plain
    click(driver, "#view-claims .evidence button[data-goto]")
    assert js(driver, "return [document.getElementById('view-docs').hidden,"
                      "document.querySelector('#text mark.selected').dataset.fact]") == [False, str(i1)]

    click(driver, ".tab[data-view='groups']")
    members = js(driver, "return [...document.querySelectorAll('#view-groups .card li')].map(li =>"
                         "[li.querySelector('mark').textContent, li.querySelector('mark').dataset.ref])")
    assert members == [[f1["text"], str(i1)], [f2["text"], str(i2)]]


# --- screenshot ---------------------------------------------------------------------------------

def test_screenshot_of_a_seed_article_is_not_blank(driver, seeds_page, seed_facts, tmp_path):
    from PIL import Image
    open_page(driver, seeds_page)
    show_doc(driver, SEED_ARTICLE)
    png = driver.get_screenshot_as_png()
    (tmp_path / "seed.png").write_bytes(png)
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size[0] >= 1000 and image.size[1] >= 600
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 200                            # text, marks, legend: far from a blank page
    count = sum(n for n, c in colours if c == (0xFF, 0xC8, 0x70))   # the colour of count marks
    header = sum(n for n, c in colours if c == (0x24, 0x29, 0x2F))  # the top bar
    assert count > 2000 and header > 20000, (count, header)
