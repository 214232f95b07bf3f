"""Run the genre corpus (tests/corpus/genres/*.toml) against factx.

One test per example: the records `factx.extract_records` gives for the
sentence must be exactly the expected facts, in order, each with the checked
fields and with its span at the position computed from the sentence itself
(`genre_corpus` explains the format). At the end of the run a summary line per
genre says how many examples pass. `python tests/genre_report.py` prints the
failures grouped by phenomenon.

The corpus is the specification the engine is held to. The examples factx
does not read right yet are listed, by category, in
tests/corpus/genres/pending.toml: each listed example must still fail (when
one starts passing, the test says to take it off the list), and every other
example must pass. The list only shrinks.
"""

from __future__ import annotations

import tomllib
from collections import defaultdict
from pathlib import Path

import pytest

import factx
from factx.models import UNIT_CODES
from factx.record import KINDS, QUALIFIERS, value_problems
from genre_corpus import GENRES, Example, Expected, compare, load_all, occurrence

CORPUS = load_all()
PENDING = {i: cat for cat, ids in tomllib.loads(
    (Path(__file__).parent / "corpus" / "genres" / "pending.toml").read_text(encoding="utf-8"))["pending"].items()
    for i in ids}
MIN_EXAMPLES = 40
MIN_NEGATIVES = 8


class GenreTally:
    """A pytest plugin that counts passing examples per genre and prints them."""

    def __init__(self):
        self.results: dict[str, list[int]] = defaultdict(lambda: [0, 0])

    def add(self, genre: str, ok: bool) -> None:
        self.results[genre][0] += ok
        self.results[genre][1] += 1

    def pytest_terminal_summary(self, terminalreporter):
        if not self.results:
            return
        terminalreporter.write_sep("-", "genre corpus: examples passing")
        for genre in GENRES:
            if genre in self.results:
                ok, n = self.results[genre]
                terminalreporter.write_line(f"{genre:10s} {ok:4d}/{n:<4d} pass")
        ok = sum(r[0] for r in self.results.values())
        n = sum(r[1] for r in self.results.values())
        terminalreporter.write_line(f"{'all':10s} {ok:4d}/{n:<4d} pass")


@pytest.fixture(scope="session")
def tally(pytestconfig):
    plugin = pytestconfig.pluginmanager.get_plugin("genre-tally")
    if plugin is None:
        plugin = GenreTally()
        pytestconfig.pluginmanager.register(plugin, "genre-tally")
    return plugin


def _params():
    for genre in GENRES:
        for ex in CORPUS[genre]:
            yield pytest.param(ex, id=ex.id)


@pytest.mark.parametrize("example", list(_params()))
def test_genre_example(example, tally):
    records = factx.extract_records(example.text, variety=example.variety)
    issues = compare(example, records)
    tally.add(example.genre, not issues)
    if example.id in PENDING:
        assert issues, f"{example.id} now passes: take it off tests/corpus/genres/pending.toml"
        return
    assert not issues, f"{example.text!r}:\n  " + "\n  ".join(f"{i.what}: {i.detail}" for i in issues)


def test_pending_examples_exist():
    ids = {ex.id for g in GENRES for ex in CORPUS[g]}
    assert set(PENDING) <= ids, sorted(set(PENDING) - ids)


@pytest.mark.parametrize("genre", GENRES)
def test_genre_corpus_is_substantial(genre):
    """Each genre has enough examples, and enough negatives and traps among them."""
    examples = CORPUS[genre]
    negatives = [e for e in examples if e.negative or e.trap]
    assert len(examples) >= MIN_EXAMPLES, (genre, len(examples))
    assert len(negatives) >= MIN_NEGATIVES, (genre, len(negatives))
    assert all(e.phenomenon for e in examples)
    assert all(e.variety in (None, *factx.VARIETIES) for e in examples)


@pytest.mark.parametrize("genre", GENRES)
def test_genre_expectations_are_records(genre):
    """Every expected fact names a known kind, qualifier and unit, and is itself a
    valid record under SPEC §3 (ranges with low < high, vague bounds, dates)."""
    for ex in CORPUS[genre]:
        for e in ex.facts:
            f = {k: (None if v == "null" else v) for k, v in e.fields.items()}
            where = f"{ex.id}: {e.surface!r}"
            assert f["kind"] in KINDS, where
            assert f.get("qualifier", "exact") in QUALIFIERS, where
            assert f.get("unit") is None or f["unit"] in UNIT_CODES, where
            record = {"kind": f["kind"], "value": f.get("value"), "low": f.get("low"), "high": f.get("high"),
                      "qualifier": f.get("qualifier", "exact"), "calendar": f.get("calendar")}
            problems = value_problems(record)
            assert not problems, (where, problems)


def test_genre_texts_are_new():
    """The genre sentences are not copied from the per-kind corpora or the seeds."""
    root = Path(__file__).parent
    known = set()
    for path in (root / "corpus").glob("*.toml"):
        for ex in tomllib.loads(path.read_text(encoding="utf-8")).get("example", []):
            if "text" in ex:
                known.add(ex["text"])
    seeds = " ".join(p.read_text(encoding="utf-8") for p in (root.parent / "seeds").glob("*.txt"))
    texts = [ex.text for g in GENRES for ex in CORPUS[g]]
    assert not [t for t in texts if t in known]
    assert not [t for t in texts if len(t) > 30 and t in seeds]
    assert len(set(texts)) == len(texts), "a sentence appears twice in the genre corpus"


def _example(text, facts):
    ex = Example("self-test", 0, text, "self-test", False)
    for f in facts:
        surface, at = f.pop("text"), f.pop("at", 1)
        ex.facts.append(Expected(f, surface, occurrence(text, surface, at)))
    return ex


def _record(text, start, surface, **fields):
    return {"kind": "count", "value": None, "qualifier": "exact", **fields,
            "span": {"start": start, "end": start + len(surface)}, "text": surface}


def test_compare_holds_records_to_the_span_position():
    """The checker itself: a record with the right text at the wrong place fails,
    `at` picks the occurrence, and missing, extra and wrong fields are reported."""
    text = "سجل 13 هدفاً و3 تمريرات"
    ex = _example(text, [{"kind": "count", "value": 13, "text": "13"},
                         {"kind": "count", "value": 3, "text": "3", "at": 2}])
    assert ex.facts[1].start == text.index("و3") + 1
    good = [_record(text, 4, "13", value=13), _record(text, ex.facts[1].start, "3", value=3)]
    assert compare(ex, good) == []
    shifted = [good[0], _record(text, 5, "3", value=3)]          # the "3" inside "13"
    assert [i.what for i in compare(ex, shifted)] == ["missing", "extra"]
    wrong = [good[0], dict(good[1], value=4, kind="ordinal")]
    assert sorted(i.what for i in compare(ex, wrong)) == ["kind", "value"]
    assert [i.what for i in compare(ex, good[:1])] == ["missing"]
    assert [i.what for i in compare(_example(text, []), good[:1])] == ["extra"]
