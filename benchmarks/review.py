"""How the review page holds up on a large corpus (issue: "responsive with at least
200 documents and 5,000 facts").

The corpus is --docs documents, each two seed articles joined (seeds/*.txt in
turn), about 8,000 facts for 200 documents. Measured:

* build     in Python, median of --repeat runs: extraction (`collect.extracted`,
            the path of `factx extract`), the page's data (`layout.page_data`),
            the HTML (`page.render`); and the whole command `factx review
            CORPUS.jsonl -o PAGE` (wall time, interpreter start-up included);
* size      of the page, and of the corpus it shows;
* browser   headless Chromium (as the tests start it), a fresh page load per
            repeat: the page's script done (`performance.mark("factx-ready")`,
            ms from navigation start) and its first frame after that; then each
            interaction, timed in the page with performance.now() from the
            action to the next frame after it (layout forced, so the time
            includes the DOM work and layout, not only the handler).

    python benchmarks/review.py [--docs 200] [--repeat 5] [--json benchmarks/out/review.json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factx.io import read_inputs  # noqa: E402
from factx.review import browser, collect, layout, page  # noqa: E402

OUT = ROOT / "benchmarks" / "out"

# each action runs in the page; the time is taken from just before it to the next frame
_TIMED = """
const done = arguments[arguments.length - 1];
const t0 = performance.now();
%s
document.body.offsetHeight;
requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
"""
_SET = ("const e = document.querySelector(%r); e.value = %r; "
        "e.dispatchEvent(new Event(e.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));")
_CLICK = "document.querySelector(%r).click();"
INTERACTIONS = [
    ("table: this document -> all documents", _SET % ("#scope", "all")),
    ("filter: hide count (all documents)", _CLICK % "#legend input[data-kind-filter='count']"),
    ("filter: show count again", _CLICK % "#legend input[data-kind-filter='count']"),
    ("search: type مدني", _SET % ("#search", "مدني")),
    ("search: clear", _SET % ("#search", "")),
    ("sort: by value", _CLICK % "#facts th[data-sort='value']"),
    ("sort: by value, descending", _CLICK % "#facts th[data-sort='value']"),
    ("sort: by entity", _CLICK % "#facts th[data-sort='entity']"),
    ("scroll the table to the middle", "const w = document.querySelector('.table-wrap');"
                                       "w.scrollTop = w.scrollHeight / 2; w.dispatchEvent(new Event('scroll'));"),
    ("click a row: another document, scroll, flash",
     "const rows = document.querySelectorAll('#facts tbody tr[data-row]');"
     "rows[rows.length >> 1].click();"),
    ("next fact (key n)", "document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'n', bubbles: true}));"),
    ("document list: open the last document", "document.querySelector('#docs li:last-child button').click();"),
]


def make_corpus(n_docs: int, path: Path) -> tuple[int, int]:
    """--docs documents of two seeds each, as JSONL; (documents, characters)."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    chars = 0
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n_docs):
            text = seeds[i % len(seeds)] + "\n\n" + seeds[(i + 2) % len(seeds)]
            chars += len(text)
            fh.write(json.dumps({"id": f"doc-{i:03d}", "text": text}, ensure_ascii=False) + "\n")
    return n_docs, chars


def median_time(fn, repeat: int):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def in_browser(page_path: Path, repeat: int) -> dict[str, float]:
    """Median ms of the load and of each interaction, each repeat on a fresh page load."""
    runs: dict[str, list[float]] = {}
    with browser.chromium() as driver:
        driver.set_script_timeout(120)
        for _ in range(repeat):
            browser.open_page(driver, page_path)
            driver.execute_script("localStorage.clear()")
            ready = driver.execute_script("return performance.getEntriesByName('factx-ready')[0].startTime")
            frame = driver.execute_async_script(
                "const done = arguments[0]; requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));")
            runs.setdefault("load: script done (from navigation start)", []).append(ready)
            runs.setdefault("load: first frame after it", []).append(frame)
            for name, action in INTERACTIONS:
                runs.setdefault(name, []).append(driver.execute_async_script(_TIMED % action))
            errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
            if errors:
                raise SystemExit(f"console errors: {errors}")
    return {name: statistics.median(v) for name, v in runs.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", type=Path, default=OUT / "review.json")
    args = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    corpus, page_path = OUT / "review-corpus.jsonl", OUT / "review.html"
    docs, chars = make_corpus(args.docs, corpus)

    t_extract, facts = median_time(lambda: collect.extracted(read_inputs([str(corpus)])), args.repeat)
    t_layout, data = median_time(lambda: layout.page_data(facts, title="benchmark"), args.repeat)
    t_render, html = median_time(lambda: page.render(data), args.repeat)
    cmd = [sys.executable, "-m", "factx.cli", "review", str(corpus), "-o", str(page_path)]
    t_cmd, _ = median_time(lambda: subprocess.run(cmd, check=True), args.repeat)
    n_facts = len(facts.records)
    figures = {
        "documents": docs, "characters": chars, "facts": n_facts,
        "build: extraction s": t_extract, "build: page data s": t_layout, "build: HTML s": t_render,
        "build: factx review command s": t_cmd,
        "page bytes": page_path.stat().st_size, "corpus bytes": corpus.stat().st_size,
        "html bytes (in memory)": len(html.encode("utf-8")),
    }
    browser_ms = in_browser(page_path, args.repeat)
    figures.update({f"browser: {k} ms": v for k, v in browser_ms.items()})

    print(f"{docs} documents, {chars:,} characters, {n_facts:,} facts; medians of {args.repeat} runs")
    for key, value in figures.items():
        if key in ("documents", "characters", "facts", "html bytes (in memory)"):
            continue
        shown = f"{value:,.0f}" if "bytes" in key or " ms" in key else f"{value:.2f}"
        print(f"  {key:<62} {shown:>12}")
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
