"""Base forms of counted nouns: factx's tables against the qalsadi lemmatiser.

Scores both on the [[lemma]] cases of tests/corpus/about.toml (normalised
spelling on both sides), and measures import time and the cost of a word
(first sight, and again: factx caches per word, qalsadi has its own cache).
qalsadi is optional: `pip install qalsadi` to include it.

    python benchmarks/lemmas.py [--errors]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from factx.text.normalize import normalize_word as nw  # noqa: E402


def _cases() -> list[tuple[str, str, bool]]:
    data = tomllib.loads((ROOT / "tests" / "corpus" / "about.toml").read_text(encoding="utf-8"))
    return [(w, b, g.get("dual", False)) for g in data["lemma"] for w, b in g["cases"]]


def _import_seconds(stmt: str) -> float:
    best = min(float(subprocess.run(
        [sys.executable, "-c", f"import time; t = time.perf_counter(); {stmt}; print(time.perf_counter() - t)"],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src")}).stdout or "nan")
        for _ in range(3))
    return best


def _score(name: str, fn, cases, errors: bool) -> None:
    t = time.perf_counter()
    got = [nw(fn(w, d)) for w, _, d in cases]
    first = (time.perf_counter() - t) / len(cases)
    t = time.perf_counter()
    for w, _, d in cases:
        fn(w, d)
    again = (time.perf_counter() - t) / len(cases)
    ok = sum(g == nw(b) for g, (_, b, _) in zip(got, cases))
    print(f"{name:10s} {ok:3d}/{len(cases)} = {ok / len(cases):.3f}   first {first * 1e3:8.3f} ms/word"
          f"   again {again * 1e3:8.4f} ms/word")
    if errors:
        for g, (w, b, _) in zip(got, cases):
            if g != nw(b):
                print(f"    {w} -> {g} (want {nw(b)})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--errors", action="store_true", help="list the words each gets wrong")
    args = ap.parse_args(argv)
    cases = _cases()
    from factx import lemmas
    print(f"import factx.lemmas: {_import_seconds('import factx.lemmas') * 1e3:.1f} ms "
          f"(with the package and its tables)")
    _score("factx", lambda w, d: lemmas.lemma(w, dual=d), cases, args.errors)
    try:
        import qalsadi.lemmatizer
    except ImportError:
        print("qalsadi    not installed (pip install qalsadi)")
        return 0
    print(f"import qalsadi + Lemmatizer(): "
          f"{_import_seconds('import qalsadi.lemmatizer; qalsadi.lemmatizer.Lemmatizer()') * 1e3:.1f} ms")
    lem = qalsadi.lemmatizer.Lemmatizer()
    _score("qalsadi", lambda w, d: lem.lemmatize(w), cases, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
