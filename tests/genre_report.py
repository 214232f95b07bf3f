"""Failure report of the genre corpus against the installed factx.

    python tests/genre_report.py [--examples 2] [--genre laws ...] [--markdown]

Prints how many examples of each genre pass, then the failures grouped by
category of phenomenon (across genres; `CATEGORIES` maps the examples'
phenomenon names to categories), largest group first, each with the kinds of
mismatch it shows, its phenomena and a few examples (text, expected, got). The engine
engineer works from this; the tests (tests/test_genres.py) assert the same.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import factx  # noqa: E402
from genre_corpus import GENRES, Issue, compare, expected_short, load_genre, short  # noqa: E402


IDS = "identifiers: document structure and references (articles, clauses, laws, parts, pages, footnotes)"
NAMES = "identifiers: names and codes (phones, hotlines, models, shirts, streets, SMS, events, programmes)"
LOOKALIKE = "look-alikes read as numbers (names, idioms, one-of, referential duals, no number)"
DATES = "dates: era markers, Hijri dates, ordinal days, month names"
QUAL = "qualifiers and two-bound ranges (لا تقل عن … ولا تزيد على, أقصاه, فما فوق, تجاوز)"
CURRENCY = "currencies: abbreviations, ISO codes, sub-units, defaults and context (unit_source)"
ORTHO = "orthography: digit scripts, tatweel, diacritics, bidi marks, no-break spaces"

#: phenomenon prefix -> category of the failure report; the first prefix that matches wins
CATEGORIES = [
    ("not-", LOOKALIKE), ("no-number", LOOKALIKE), ("hashtag-no-number", LOOKALIKE),
    ("event-date-after-name", LOOKALIKE),
    ("dual-naming-list", IDS), ("dual-thousand", CURRENCY),
    ("dual-", "dual nouns (count 2, span and entity the noun)"),
    ("score-words-dual", "dual nouns (count 2, span and entity the noun)"),
    ("entity-norm-dual", "dual nouns (count 2, span and entity the noun)"),
    ("colloquial-", "colloquial numerals (Egyptian, Levantine, Gulf, Maghrebi)"),
    ("list-numbering", "list numbering at the start of a line (ordinal)"),
    ("article-", IDS), ("clause-", IDS), ("part-", IDS), ("law-", IDS), ("reference-", IDS),
    ("volume-", IDS), ("page-", IDS), ("footnote-", IDS), ("archive-", IDS),
    ("phone-", NAMES), ("hashtag-", NAMES), ("hotline", NAMES), ("hospital-name", NAMES),
    ("product-model", NAMES), ("shirt-number", NAMES), ("street-number", NAMES), ("sms-code", NAMES),
    ("stage-name", NAMES), ("event-name", NAMES), ("programme-name", NAMES), ("disease-name", NAMES),
    ("vitamin-name", NAMES), ("place-name", NAMES), ("change-size-with-index-name", NAMES),
    ("era-", DATES), ("double-dating", DATES), ("hijri-", DATES), ("ordinal-day-date", DATES),
    ("approximate-year", DATES), ("wrapped-year", DATES), ("gregorian-date", DATES),
    ("month-name", DATES), ("numeric-date", DATES), ("entry-into-force", DATES), ("date-", DATES),
    ("match-date", DATES),
    ("rank-", "ordinals: rank, match minute, round, century in digits"),
    ("match-minute", "ordinals: rank, match minute, round, century in digits"),
    ("round-number", "ordinals: rank, match minute, round, century in digits"),
    ("century-", "ordinals: rank, match minute, round, century in digits"),
    ("negative-", "signs and decimals: −, سالب/ناقص, تحت الصفر, leading dots"),
    ("leading-dot-decimal", "signs and decimals: −, سالب/ناقص, تحت الصفر, leading dots"),
    ("temperature-", "temperatures: درجة, °, unit from context"), ("body-temperature", "temperatures: درجة, °, unit from context"),
    ("tatweel-diacritics", "temperatures: درجة, °, unit from context"),
    ("wind-", "units: rates (km/h), mg, magnitudes"), ("unit-mg", "units: rates (km/h), mg, magnitudes"),
    ("earthquake-", "units: rates (km/h), mg, magnitudes"),
    ("penalty-", QUAL), ("deadline-bound", QUAL), ("percent-bound", QUAL), ("alternative-range", QUAL),
    ("range-", QUAL), ("currency-adjective-more-than", QUAL), ("altitude-more-than", QUAL),
    ("age-and-above", QUAL), ("age-or-more", QUAL), ("occupancy-percent", QUAL), ("visibility-", QUAL),
    ("rain-more-than", QUAL), ("at-most", QUAL), ("level-reached", QUAL), ("unit-grams-plural", QUAL),
    ("approximate", QUAL),
    ("change-", "change verbs: the change field, levels after من … إلى"), ("level-", "change verbs: the change field, levels after من … إلى"),
    ("basis-points", "change verbs: the change field, levels after من … إلى"),
    ("predicate", "§5.5 predicate and entity_norm"), ("entity-norm-", "§5.5 predicate and entity_norm"),
    ("currency-", CURRENCY), ("sub-unit", CURRENCY), ("price-", CURRENCY), ("stock-price", CURRENCY),
    ("historical-currency", CURRENCY),
    ("ratio-", "ratios and fractions of a group (percent)"), ("fraction-", "ratios and fractions of a group (percent)"),
    ("age-", "ages: age, not duration; ages written as ordinals"), ("legal-age", "ages: age, not duration; ages written as ordinals"),
    ("life-expectancy", "ages: age, not duration; ages written as ordinals"),
    ("classical-million", "compositions: آلاف ألف, digits joined to words"),
    ("composition-", "compositions: آلاف ألف, digits joined to words"),
    ("score", "match scores (two counts, not a range)"),
    ("duration-", "durations: time units (century, …)"), ("vague-", "vague quantities (مليارات, عشرات الملايين)"),
    ("digit-script", ORTHO), ("tatweel", ORTHO), ("diacritics", ORTHO), ("bidi-mark", ORTHO),
    ("no-break-space", ORTHO), ("glued-", ORTHO),
]


NO_VARIETY = "variety hint not supported yet: the example passes without it, fails only by the error"


def category(phenomenon: str) -> str:
    """The failure report's category of a phenomenon (the phenomenon itself if none)."""
    return next((c for prefix, c in CATEGORIES if phenomenon.startswith(prefix)), phenomenon)


def failure_category(ex, issues) -> str:
    """An example that fails only because its variety hint raised goes apart: its
    phenomenon is read right without the hint."""
    if all(i.what == "error" for i in issues):
        return NO_VARIETY
    return category(ex.phenomenon)


def run(genres) -> tuple[dict, list]:
    corpus = {g: load_genre(g) for g in genres}
    tally, failures = {}, []
    for g in genres:
        ok = 0
        for ex in corpus[g]:
            try:
                records = factx.extract_records(ex.text, variety=ex.variety)
            except Exception as exc:        # the report goes on; the test shows the traceback
                # what the engine reads without the hint, so the report still says something
                records = factx.extract_records(ex.text)
                issues = [Issue("error", f"variety {ex.variety!r}: {type(exc).__name__}: {exc}; "
                                         f"the rest is without the hint")] + compare(ex, records)
            else:
                issues = compare(ex, records)
            if issues:
                failures.append((ex, records, issues))
            else:
                ok += 1
        errors = sum(1 for ex, _, issues in failures if ex.genre == g and issues[0].what == "error")
        tally[g] = (ok, len(corpus[g]), sum(1 for e in corpus[g] if e.negative or e.trap), errors)
    return tally, failures


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--examples", type=int, default=2, help="examples shown per phenomenon (default 2)")
    ap.add_argument("--genre", action="append", choices=GENRES, help="only these genres (repeatable)")
    ap.add_argument("--markdown", action="store_true", help="Markdown headings")
    args = ap.parse_args(argv)
    genres = args.genre or list(GENRES)
    tally, failures = run(genres)
    h = (lambda s: f"### {s}") if args.markdown else (lambda s: f"== {s}")

    total_ok = sum(t[0] for t in tally.values())
    total = sum(t[1] for t in tally.values())
    print(h("pass counts per genre"))
    for g, (ok, n, neg, errors) in tally.items():
        note = f"; {errors} raise an error with their variety hint" if errors else ""
        print(f"- {g}: {ok}/{n} pass ({neg} negatives or traps{note})")
    print(f"- all: {total_ok}/{total} pass")

    groups: dict[str, list] = defaultdict(list)
    for item in failures:
        groups[failure_category(item[0], item[2])].append(item)
    print()
    print(h(f"failures by category ({len(failures)} examples, {len(groups)} categories)"))
    for cat, items in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        whats = Counter(i.what for _, _, issues in items for i in issues)
        genres_of = Counter(ex.genre for ex, _, _ in items)
        phens = Counter(ex.phenomenon for ex, _, _ in items)
        print()
        print(f"{cat}: {len(items)} failing ({', '.join(f'{g} {n}' for g, n in genres_of.most_common())})")
        print(f"  mismatches: {', '.join(f'{w} {n}' for w, n in whats.most_common())}")
        print(f"  phenomena: {', '.join(f'{p} {n}' for p, n in phens.most_common())}")
        for ex, records, issues in items[: args.examples]:
            print(f"  - [{ex.id}] {ex.text}")
            print(f"    expected: {'; '.join(expected_short(e) for e in ex.facts) or '(nothing)'}")
            print(f"    got:      {'; '.join(short(r) for r in records) or '(nothing)'}")
            print(f"    issues:   {'; '.join(f'{i.what}: {i.detail}' for i in issues)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
