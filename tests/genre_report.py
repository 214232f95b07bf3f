"""Failure report of the genre corpus against the installed factx.

    python tests/genre_report.py [--examples 2] [--genre laws ...] [--markdown]

Prints how many examples of each genre pass, then the failures grouped by
phenomenon (across genres), largest group first, each with the kinds of
mismatch it shows and a few examples (text, expected, got). The engine
engineer works from this; the tests (tests/test_genres.py) assert the same.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import factx  # noqa: E402
from genre_corpus import GENRES, compare, expected_short, load_genre, short  # noqa: E402


def run(genres) -> tuple[dict, list]:
    corpus = {g: load_genre(g) for g in genres}
    tally, failures = {}, []
    for g in genres:
        ok = 0
        for ex in corpus[g]:
            records = factx.extract_records(ex.text)
            issues = compare(ex, records)
            if issues:
                failures.append((ex, records, issues))
            else:
                ok += 1
        tally[g] = (ok, len(corpus[g]), sum(1 for e in corpus[g] if e.negative or e.trap))
    return tally, failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=2, help="examples shown per phenomenon (default 2)")
    ap.add_argument("--genre", action="append", choices=GENRES, help="only these genres (repeatable)")
    ap.add_argument("--markdown", action="store_true", help="Markdown headings and code spans")
    args = ap.parse_args(argv)
    genres = args.genre or list(GENRES)
    tally, failures = run(genres)
    h = (lambda s: f"### {s}") if args.markdown else (lambda s: f"== {s}")

    total_ok = sum(t[0] for t in tally.values())
    total = sum(t[1] for t in tally.values())
    print(h("pass counts per genre"))
    for g, (ok, n, neg) in tally.items():
        print(f"- {g}: {ok}/{n} pass ({neg} negatives or traps)")
    print(f"- all: {total_ok}/{total} pass")

    groups: dict[str, list] = defaultdict(list)
    for item in failures:
        groups[item[0].phenomenon].append(item)
    print()
    print(h(f"failures by phenomenon ({len(failures)} examples, {len(groups)} phenomena)"))
    for phen, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        whats = Counter(i.what for _, _, issues in items for i in issues)
        genres_of = Counter(ex.genre for ex, _, _ in items)
        print()
        print(f"{phen}: {len(items)} failing ({', '.join(f'{g} {n}' for g, n in genres_of.most_common())}); "
              f"mismatches: {', '.join(f'{w} {n}' for w, n in whats.most_common())}")
        for ex, records, issues in items[: args.examples]:
            print(f"  - [{ex.id}] {ex.text}")
            print(f"    expected: {'; '.join(expected_short(e) for e in ex.facts) or '(nothing)'}")
            print(f"    got:      {'; '.join(short(r) for r in records) or '(nothing)'}")
            print(f"    issues:   {'; '.join(f'{i.what}: {i.detail}' for i in issues)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
