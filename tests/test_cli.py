"""End-to-end tests of the installed ``factx`` command (and of `factx.io`).

Most tests run the command in a subprocess, as a user would. They check the
structure of the output (every record valid, text == source slice, facts
found in every seed), not the extractor's exact values: those are the
extractor's own tests.

Size of the big single-line document: FACTX_BIG_DOC_MB (default 2; the
streaming path is the same at 10 MB, which takes ~15 s with the current
extractor).
"""

from __future__ import annotations

import contextlib
import functools
import io
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import factx
import factx.io
import factx.workers
from factx import cli
from factx.io import AtomicWriter, InputDoc, DocError, EmptyFile, read_inputs
from factx.models import KINDS, QUANTITY_KINDS
from factx.record import check_record
from factx.schema import dumps_schema

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_TEXT = {p.stem: p.read_text(encoding="utf-8") for p in SEED_FILES}
PHRASE = "قتل أكثر من 500 شخص"
BIG_DOC_MB = float(os.environ.get("FACTX_BIG_DOC_MB", "2"))


def _factx_command() -> list[str]:
    exe = shutil.which("factx", path=os.path.dirname(sys.executable)) or shutil.which("factx")
    return [exe] if exe else [sys.executable, "-m", "factx.cli"]


FACTX = _factx_command()
ENV = {**os.environ, "PYTHONUTF8": "1", "PYTHONIOENCODING": "utf-8"}


def run(*args, input: str | bytes | None = None, cwd: Path | None = None, timeout: float = 120):
    """Run factx; stdout and stderr decoded as UTF-8."""
    if isinstance(input, str):
        input = input.encode("utf-8")
    p = subprocess.run([*FACTX, *map(str, args)], input=input, capture_output=True,
                       cwd=cwd, env=ENV, timeout=timeout)
    p.stdout = p.stdout.decode("utf-8")
    p.stderr = p.stderr.decode("utf-8")
    return p


def records(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines()]


def assert_valid(recs: list[dict], texts: dict[str, str]) -> None:
    """Every record passes the model, the schema, and text == source slice."""
    for r in recs:
        _, problems = check_record(r, texts[r["doc_id"]])
        assert problems == [], (r, problems)


def seed_corpus(path: Path) -> Path:
    """The seeds as one JSONL corpus, in file order."""
    with path.open("w", encoding="utf-8") as fh:
        for stem, text in SEED_TEXT.items():
            fh.write(json.dumps({"id": stem, "text": text}, ensure_ascii=False) + "\n")
    return path


def paragraph_corpus(path: Path) -> tuple[Path, dict[str, str]]:
    """Every paragraph of every seed as its own document (many small documents)."""
    texts = {}
    with path.open("w", encoding="utf-8") as fh:
        for stem, text in SEED_TEXT.items():
            for i, para in enumerate(p for p in text.split("\n") if p.strip()):
                texts[f"{stem}/{i}"] = para
                fh.write(json.dumps({"id": f"{stem}/{i}", "text": para}, ensure_ascii=False) + "\n")
    return path, texts


@pytest.fixture(scope="module")
def folder_run():
    p = run("extract", SEEDS, "--workers", "1")
    assert p.returncode == 0, p.stderr
    return p


# --- basics ---------------------------------------------------------------------------

def test_version():
    p = run("--version")
    assert p.returncode == 0
    assert p.stdout.strip() == f"factx {factx.__version__}"


def test_python_dash_m_factx_cli_works():
    p = subprocess.run([sys.executable, "-m", "factx.cli", "extract", "-"], input=PHRASE.encode(),
                       capture_output=True, env=ENV, timeout=60)
    assert p.returncode == 0, p.stderr
    assert any(r["text"] == "500" for r in records(p.stdout.decode("utf-8")))


@pytest.mark.parametrize("sub", ["extract", "validate", "schema"])
def test_help_of_each_subcommand(sub):
    p = run(sub, "--help")
    assert p.returncode == 0
    assert "example" in p.stdout
    if sub != "schema":
        assert PHRASE in p.stdout  # Arabic examples
        assert "exit codes" in p.stdout and "usage error" in p.stdout


def test_usage_errors_exit_2():
    assert run().returncode == 2                                 # no subcommand
    assert run("extract", "--kinds", "counts", "-").returncode == 2
    assert run("extract", "--workers", "0", "-").returncode == 2
    assert run("extract", "--on-error", "ignore").returncode == 2
    assert run("validate").returncode == 2


# --- extract: inputs -------------------------------------------------------------------

def test_extract_one_seed_file():
    path = SEED_FILES[0]
    p = run("extract", path)
    assert p.returncode == 0, p.stderr
    assert p.stderr == ""  # no progress bar when stderr is not a terminal, no summary when clean
    recs = records(p.stdout)
    assert recs and {r["doc_id"] for r in recs} == {path.stem}
    assert_valid(recs, SEED_TEXT)
    assert all("sentence_text" not in r for r in recs)
    # one JSON object per line, UTF-8 not escaped
    assert "\\u06" not in p.stdout and all(line.startswith("{") for line in p.stdout.splitlines())


def test_extract_folder_in_sorted_order_with_facts_in_every_seed(folder_run):
    recs = records(folder_run.stdout)
    assert_valid(recs, SEED_TEXT)
    ids = [r["doc_id"] for r in recs]
    assert set(ids) == set(SEED_TEXT)  # some facts found in each seed
    order = sorted(SEED_TEXT)
    assert [order.index(i) for i in ids] == sorted(order.index(i) for i in ids)
    # facts in document order within a document
    for doc_id in SEED_TEXT:
        starts = [r["span"]["start"] for r in recs if r["doc_id"] == doc_id]
        assert starts == sorted(starts)


def test_extract_folder_equals_the_files_one_by_one(folder_run):
    one_by_one = run("extract", *SEED_FILES)
    assert one_by_one.returncode == 0
    assert one_by_one.stdout == folder_run.stdout


def test_extract_jsonl_corpus_equals_the_folder(tmp_path, folder_run):
    corpus = seed_corpus(tmp_path / "corpus.jsonl")
    p = run("extract", corpus)
    assert p.returncode == 0, p.stderr
    assert p.stdout == folder_run.stdout


def test_extract_jsonl_custom_fields_and_integer_ids(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"url": 7, "body": PHRASE}, ensure_ascii=False) + "\n"
                    + json.dumps({"body": PHRASE}, ensure_ascii=False) + "\n", encoding="utf-8")
    p = run("extract", path, "--id-field", "url", "--text-field", "body")
    assert p.returncode == 0, p.stderr
    assert [r["doc_id"] for r in records(p.stdout)] == ["7", "c-2"]  # no id: FILE-LINE


def test_extract_stdin_is_plain_text():
    for args in (["extract", "-"], ["extract"]):
        p = run(*args, input=PHRASE)
        assert p.returncode == 0, p.stderr
        recs = records(p.stdout)
        assert recs and all(r["doc_id"] == "stdin" for r in recs)
        assert_valid(recs, {"stdin": PHRASE})
        assert any(r["text"] == "500" for r in recs)


def test_extract_stdin_jsonl(tmp_path, folder_run):
    corpus = seed_corpus(tmp_path / "corpus.jsonl")
    p = run("extract", "--format", "jsonl", "-", input=corpus.read_bytes())
    assert p.returncode == 0, p.stderr
    assert p.stdout == folder_run.stdout


def test_format_txt_forces_plain_text(tmp_path):
    path = tmp_path / "notes.jsonl"
    path.write_text(PHRASE, encoding="utf-8")  # not JSON: fine as plain text
    assert run("extract", path).returncode == 1
    p = run("extract", "--format", "txt", path)
    assert p.returncode == 0
    assert {r["doc_id"] for r in records(p.stdout)} == {"notes"}


def test_two_workers_give_the_same_output_as_one(tmp_path, folder_run):
    corpus, texts = paragraph_corpus(tmp_path / "paragraphs.jsonl")
    assert len(texts) > 40  # several batches
    one = run("extract", corpus, "--workers", "1")
    two = run("extract", corpus, "--workers", "2")
    assert one.returncode == two.returncode == 0
    assert one.stdout and two.stdout == one.stdout
    assert_valid(records(one.stdout), texts)
    two_folder = run("extract", SEEDS, "--workers", "2")
    assert two_folder.stdout == folder_run.stdout


@pytest.mark.parametrize("kinds", ["count", "date", "percent,duration", "quantity"])
def test_kinds_filter(kinds, folder_run):
    wanted = QUANTITY_KINDS if kinds == "quantity" else set(kinds.split(","))
    p = run("extract", SEEDS, "--kinds", kinds)
    assert p.returncode == 0, p.stderr
    recs = records(p.stdout)
    assert recs and {r["kind"] for r in recs} <= set(wanted)
    expected = [line for line in folder_run.stdout.splitlines() if json.loads(line)["kind"] in wanted]
    assert p.stdout.splitlines() == expected


def test_sentence_adds_the_sentence_text(folder_run):
    p = run("extract", SEEDS, "--sentence")
    assert p.returncode == 0, p.stderr
    recs = records(p.stdout)
    assert len(recs) == len(folder_run.stdout.splitlines())
    plain = [json.loads(line) for line in folder_run.stdout.splitlines()]
    for r in recs:
        doc = SEED_TEXT[r["doc_id"]]
        s = r["sentence"]
        assert s is not None
        assert r["sentence_text"] == doc[s["start"]:s["end"]]
        assert s["start"] <= r["span"]["start"] < r["span"]["end"] <= s["end"]
        assert r["text"] in r["sentence_text"]
        without = {k: v for k, v in r.items() if k != "sentence_text"}
        assert without in plain


# --- extract: bad input ------------------------------------------------------------------

def test_invalid_utf8_names_the_file_and_byte_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    prefix = "قتل 5 أشخاص ".encode("utf-8")
    bad.write_bytes(prefix + b"\xff\xfe" + "و 7".encode("utf-8"))
    p = run("extract", SEED_FILES[0], bad, SEED_FILES[1])
    assert p.returncode == 1
    assert f"factx: skipped {bad}: invalid UTF-8 at byte {len(prefix)}" in p.stderr
    assert {r["doc_id"] for r in records(p.stdout)} == {SEED_FILES[0].stem, SEED_FILES[1].stem}
    assert "1 skipped" in p.stderr.splitlines()[-1]


def test_invalid_utf8_in_a_jsonl_line(tmp_path):
    path = tmp_path / "c.jsonl"
    line1 = json.dumps({"id": "a", "text": PHRASE}, ensure_ascii=False).encode("utf-8") + b"\n"
    path.write_bytes(line1 + b'{"id": "b", "text": "\xc3("}\n' + line1.replace(b'"a"', b'"c"'))
    p = run("extract", path)
    assert p.returncode == 1
    offset = len(line1) + len(b'{"id": "b", "text": "')  # counted from the start of the file
    assert f"factx: skipped {path}:2: invalid UTF-8 at byte {offset}" in p.stderr
    assert [r["doc_id"] for r in records(p.stdout)] == ["a", "c"]


def test_malformed_jsonl_line_names_file_and_line_others_still_written(tmp_path):
    path = tmp_path / "corpus.jsonl"
    good = [json.dumps({"id": f"d{i}", "text": PHRASE}, ensure_ascii=False) for i in range(3)]
    path.write_text(f"{good[0]}\n{{\"id\": \"x\", \"text\": \n\n{good[1]}\n{good[2]}\n", encoding="utf-8")
    p = run("extract", path)
    assert p.returncode == 1
    assert f"factx: skipped {path}:2: malformed JSON" in p.stderr
    assert {r["doc_id"] for r in records(p.stdout)} == {"d0", "d1", "d2"}


@pytest.mark.parametrize("line,reason", [
    ('{"id": "x"}', "no 'text' field"),
    ('{"id": "x", "text": null}', "no 'text' field"),
    ('{"id": "x", "text": 5}', "'text' must be a string"),
    ('["x", "y"]', "not a JSON object"),
    ('"just a string"', "not a JSON object"),
    ('{"id": ["x"], "text": "5"}', "'id' must be a string"),
])
def test_jsonl_line_without_usable_text(tmp_path, line, reason):
    path = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "ok", "text": PHRASE}, ensure_ascii=False)
    path.write_text(f"{good}\n{line}\n", encoding="utf-8")
    p = run("extract", path)
    assert p.returncode == 1
    assert f"factx: skipped {path}:2: {reason}" in p.stderr
    assert {r["doc_id"] for r in records(p.stdout)} == {"ok"}


def test_empty_files_are_not_errors_but_noted(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_text("\n\n  \n", encoding="utf-8")
    p = run("extract", tmp_path / "empty.txt", tmp_path / "blank.jsonl", SEED_FILES[0])
    assert p.returncode == 0
    assert {r["doc_id"] for r in records(p.stdout)} == {SEED_FILES[0].stem}
    assert "2 empty files" in p.stderr and "empty.txt" in p.stderr
    assert len(p.stderr.splitlines()) == 1  # one summary line
    assert run("extract", tmp_path / "empty.txt", "--quiet").stderr == ""


def test_binary_file(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    p = run("extract", path, SEED_FILES[0])
    assert p.returncode == 1
    assert f"factx: skipped {path}: binary file" in p.stderr
    assert {r["doc_id"] for r in records(p.stdout)} == {SEED_FILES[0].stem}
    jpath = tmp_path / "data.jsonl"
    jpath.write_bytes(b'{"id": "a", "text": "x"}\n\x00\x01\x02')
    assert "binary file" in run("extract", jpath).stderr


def test_missing_path(tmp_path):
    p = run("extract", tmp_path / "nope.txt")
    assert p.returncode == 1
    assert "nope.txt: no such file or directory" in p.stderr


def test_big_single_line_document_streams(tmp_path):
    unit = " ".join(t.replace("\n", " ") for t in SEED_TEXT.values())
    repeats = max(1, int(BIG_DOC_MB * 1e6) // len(unit.encode("utf-8")) + 1)
    text = " ".join([unit] * repeats)
    assert "\n" not in text and len(text.encode("utf-8")) >= BIG_DOC_MB * 1e6
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"id": "big", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    started = time.monotonic()
    p = run("extract", path, "-o", tmp_path / "big.out.jsonl", timeout=300)
    elapsed = time.monotonic() - started
    assert p.returncode == 0, p.stderr
    recs = [json.loads(line) for line in (tmp_path / "big.out.jsonl").read_text(encoding="utf-8").splitlines()]
    per_unit = len(records(run("extract", "-", input=unit).stdout))
    assert len(recs) >= repeats * per_unit * 0.9
    for r in recs[:: max(1, len(recs) // 500)]:
        assert text[r["span"]["start"]:r["span"]["end"]] == r["text"]
    assert elapsed < 120


# --- extract: error policy, output file -------------------------------------------------

def test_on_error_stop_keeps_what_was_extracted(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff")
    first = run("extract", SEED_FILES[0]).stdout
    p = run("extract", SEED_FILES[0], bad, SEED_FILES[1], "--on-error", "stop")
    assert p.returncode == 1
    assert p.stdout == first
    assert f"factx: error: {bad}: invalid UTF-8 at byte 0" in p.stderr
    assert "skipped" not in p.stderr
    out = tmp_path / "out.jsonl"
    p = run("extract", SEED_FILES[0], bad, SEED_FILES[1], "--on-error", "stop", "-o", out)
    assert p.returncode == 1
    assert out.read_text(encoding="utf-8") == first  # -o: the facts before the bad document


def test_output_file_is_complete_and_replaced_atomically(tmp_path, folder_run):
    out = tmp_path / "facts.jsonl"
    out.write_text("old content\n", encoding="utf-8")
    p = run("extract", SEEDS, "-o", out, "--workers", "2")
    assert p.returncode == 0, p.stderr
    assert p.stdout == ""
    assert out.read_text(encoding="utf-8") == folder_run.stdout
    assert sorted(os.listdir(tmp_path)) == ["facts.jsonl"]  # no temporary file left
    assert run("extract", SEEDS, "-o", tmp_path / "no" / "such" / "dir.jsonl").returncode == 2


def test_atomic_writer_commits_on_success(tmp_path):
    out = tmp_path / "f.jsonl"
    with AtomicWriter(out) as fh:
        fh.write("١٢٣\n")
        assert not out.exists()  # nothing visible before the end
    assert out.read_bytes() == "١٢٣\n".encode("utf-8")
    assert os.listdir(tmp_path) == ["f.jsonl"]


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_atomic_writer_interrupted_leaves_the_target_untouched(tmp_path, exc):
    out = tmp_path / "f.jsonl"
    out.write_text("previous\n", encoding="utf-8")
    with pytest.raises(exc):
        with AtomicWriter(out) as fh:
            fh.write("partial")
            raise exc()
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert os.listdir(tmp_path) == ["f.jsonl"]
    fresh = tmp_path / "new.jsonl"
    with pytest.raises(exc):
        with AtomicWriter(fresh) as fh:
            fh.write("partial")
            raise exc()
    assert not fresh.exists() and os.listdir(tmp_path) == ["f.jsonl"]


def test_atomic_writer_dash_is_stdout(capfd):
    with AtomicWriter("-") as fh:
        fh.write("٥٠٠\n")
    with AtomicWriter(None) as fh:
        fh.write("x\n")
    assert capfd.readouterr().out == "٥٠٠\nx\n"
    sys.stdout.write("stdout still open\n")


# --- extract in process: an extractor failure is one bad document ------------------------

@pytest.mark.parametrize("workers", [1, 2])
def test_extractor_exception_is_a_bad_document(tmp_path, monkeypatch, capsys, workers):
    if workers > 1 and not hasattr(os, "fork"):
        pytest.skip("the patched extractor only reaches forked workers")
    real = factx.extract_records

    def flaky(text, doc_id=None, kinds=None, variety=None, region=None):
        if "BOOM" in text:
            raise RuntimeError("exploded")
        return real(text, doc_id=doc_id, kinds=kinds, variety=variety, region=region)

    monkeypatch.setattr(factx, "extract_records", flaky)
    monkeypatch.setattr(factx.io, "BLOCK_BYTES", 1)     # a block per line: the pool is used
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{PHRASE} {'BOOM' if i == 2 else ''}"},
                                       ensure_ascii=False) + "\n" for i in range(5)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = cli.main(["extract", str(path), "-o", str(out), "--workers", str(workers)])
    err = capsys.readouterr().err
    assert code == 1
    assert f"factx: skipped {path}:3: extraction failed: RuntimeError: exploded" in err
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(set(ids)) == ["d0", "d1", "d3", "d4"] and ids == sorted(ids)


def test_a_worker_killed_by_the_os_skips_only_its_documents(tmp_path, monkeypatch, capsys):
    if not hasattr(os, "fork"):
        pytest.skip("the patched extractor only reaches forked workers")
    real = factx.extract_records

    def fatal(text, doc_id=None, kinds=None, variety=None, region=None):
        if "KILL" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, doc_id=doc_id, kinds=kinds, variety=variety, region=region)

    monkeypatch.setattr(factx, "extract_records", fatal)
    monkeypatch.setattr(factx.io, "BLOCK_BYTES", 1)                              # a line per block,
    monkeypatch.setattr(cli, "_batched", functools.partial(cli._batched, max_items=1))  # a block per batch
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": f"{PHRASE} {'KILL' if i == 4 else ''}"},
                                       ensure_ascii=False) + "\n" for i in range(12)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(path), "-o", str(out), "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert f"factx: skipped {path}:5: " in err and "killed by signal 9" in err
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(set(ids), key=lambda d: int(d[1:])) == [f"d{i}" for i in range(12) if i != 4]


def test_extractor_invalid_fact_is_a_bad_document(monkeypatch, capsys, tmp_path):
    real = factx.extract_records

    def shifted(text, doc_id=None, kinds=None, variety=None, region=None):
        return [{**r, "span": {"start": r["span"]["start"] + 1, "end": r["span"]["end"] + 1}}
                for r in real(text, doc_id=doc_id, kinds=kinds, variety=variety, region=region)]

    monkeypatch.setattr(factx, "extract_records", shifted)
    src = tmp_path / "a.txt"
    src.write_text(PHRASE, encoding="utf-8")
    assert cli.main(["extract", str(src), "--workers", "1", "-o", str(tmp_path / "o.jsonl")]) == 1
    assert "extractor produced an invalid fact: [text-slice]" in capsys.readouterr().err


def test_documents_are_streamed_not_collected():
    """The pool reads only a bounded number of documents ahead of the writer."""
    pulled = 0

    def docs():
        nonlocal pulled
        for i in range(100_000):
            pulled += 1
            yield InputDoc(f"d{i}", "٥ أشخاص", "gen", i)

    results = cli.run(docs(), workers=2)
    try:
        first = next(results)
        assert isinstance(first, cli.Done)
        time.sleep(0.5)
        assert pulled < 2_000, pulled  # two batches of 32 per worker, plus the look-ahead
    finally:
        results.close()


# --- extract: --variety ------------------------------------------------------------------

def _variety_marked(events: list | None = None):
    """An extract_records that writes the variety (and region) it was asked for into each
    record's rule (so that the output shows it, also from a forked worker); it reads MSA."""
    real = factx.extract_records

    def marked(text, doc_id=None, kinds=None, variety=None, region=None):
        if events is not None:
            events.append(("extract", variety) if region is None else ("extract", variety, region))
        mark = f"variety={variety}" if region is None else f"variety={variety} region={region}"
        return [{**r, "rule": mark} for r in real(text, doc_id=doc_id, kinds=kinds)]
    return marked


def _pipeline_recorded(events: list):
    """`factx.extract.pipeline`, noting each call in `events`."""
    real = sys.modules["factx.extract"].pipeline

    def recorded(variety=None, region=None):
        events.append(("pipeline", variety) if region is None else ("pipeline", variety, region))
        return real(variety, region)
    return recorded


@pytest.mark.parametrize("variety,workers", [(None, 1), *((v, 1) for v in factx.VARIETIES), ("gulf", 2)])
def test_variety_reaches_the_library(tmp_path, monkeypatch, variety, workers):
    events: list = []
    monkeypatch.setattr(factx, "extract_records", _variety_marked())
    monkeypatch.setattr(cli, "pipeline", _pipeline_recorded(events))
    real_pool = factx.workers.imap_ordered

    def pool(*args, **kwargs):
        events.append(("fork", None))
        return real_pool(*args, **kwargs)

    monkeypatch.setattr(factx.workers, "imap_ordered", pool)
    monkeypatch.setattr(factx.io, "BLOCK_BYTES", 1)     # a block per line: two blocks, so the pool is used
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": PHRASE}, ensure_ascii=False) + "\n"
                            for i in range(2)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    option = [] if variety is None else ["--variety", variety]
    assert cli.main(["extract", str(path), *option, "--workers", str(workers), "-o", str(out)]) == 0
    got = records(out.read_text(encoding="utf-8"))
    assert [r["doc_id"] for r in got] == ["d0", "d1"]
    assert {r["rule"] for r in got} == {f"variety={variety}"}
    # the pipeline is built in this process first: before the workers are forked, who share it
    assert events[0] == ("pipeline", variety)
    assert events.count(("fork", None)) == (workers > 1)
    if workers > 1:
        assert events.index(("pipeline", variety), 1) < events.index(("fork", None))


def test_review_extracts_with_the_variety(tmp_path, monkeypatch):
    events: list = []
    monkeypatch.setattr(factx, "extract_records", _variety_marked(events))
    monkeypatch.setattr(sys.modules["factx.extract"], "pipeline", _pipeline_recorded(events))
    page = tmp_path / "review.html"
    assert cli.main(["review", str(SEED_FILES[0]), str(SEED_FILES[1]), "--variety", "maghreb",
                     "-o", str(page)]) == 0
    assert events[0] == ("pipeline", "maghreb")           # first, before any document
    assert [e for e in events if e[0] == "extract"] == [("extract", "maghreb")] * 2
    assert "variety=maghreb" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("workers", [1, 2])
def test_region_reaches_the_library(tmp_path, monkeypatch, workers):
    events: list = []
    monkeypatch.setattr(factx, "extract_records", _variety_marked())
    monkeypatch.setattr(cli, "pipeline", _pipeline_recorded(events))
    monkeypatch.setattr(factx.io, "BLOCK_BYTES", 1)     # a block per line: two blocks, so the pool is used
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": PHRASE}, ensure_ascii=False) + "\n"
                            for i in range(2)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli.main(["extract", str(path), "--region", "MA", "--workers", str(workers), "-o", str(out)]) == 0
    assert {r["rule"] for r in records(out.read_text(encoding="utf-8"))} == {"variety=None region=MA"}
    assert events[0] == ("pipeline", None, "MA")


def test_review_extracts_with_the_region(tmp_path, monkeypatch):
    events: list = []
    monkeypatch.setattr(factx, "extract_records", _variety_marked(events))
    monkeypatch.setattr(sys.modules["factx.extract"], "pipeline", _pipeline_recorded(events))
    page = tmp_path / "review.html"
    assert cli.main(["review", str(SEED_FILES[0]), "--region", "KW", "-o", str(page)]) == 0
    assert events[0] == ("pipeline", None, "KW")
    assert [e for e in events if e[0] == "extract"] == [("extract", None, "KW")]


def test_region_end_to_end():
    """درهم alone is the table's default (AED); from Morocco (--region MA) it is MAD."""
    text = "دفع 40 درهما"
    want = factx.extract_records(text, doc_id="stdin", region="MA")
    assert [(r["unit"], r["unit_source"]) for r in want] == [("MAD", "context")]
    assert [r["unit"] for r in factx.extract_records(text)] == ["AED"]
    p = run("extract", "-", "--region", "MA", input=text)
    assert p.returncode == 0, p.stderr
    assert records(p.stdout) == want


def test_a_broken_region_table_is_one_error(tmp_path):
    """regions.toml is checked like every table: a bad country code is exit 2, naming it."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "src" / "factx" / "data", data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    table = data / "regions.toml"
    table.write_text(table.read_text(encoding="utf-8").replace("[region.KW]", "[region.Kuwait]"), encoding="utf-8")
    for option in ([], ["--region", "KW"]):
        p = subprocess.run([*FACTX, "extract", "-", *option], input=PHRASE.encode("utf-8"), capture_output=True,
                           env={**ENV, "FACTX_DATA_DIR": str(data)}, timeout=120)
        stderr = p.stderr.decode("utf-8")
        assert p.returncode == 2, stderr
        assert "cannot load the language tables: regions.toml: [region] 'Kuwait'" in stderr, stderr
        assert "Traceback" not in stderr


@pytest.mark.parametrize("option,value", [("--variety", "klingon"), ("--region", "ZZ")])
@pytest.mark.parametrize("sub", ["extract", "review"])
def test_unknown_variety_or_region_is_a_usage_error(tmp_path, sub, option, value):
    out = tmp_path / "out"
    p = run(sub, "-", option, value, "-o", out, input=PHRASE)
    assert p.returncode == 2
    assert f"argument {option}: invalid choice: '{value}'" in p.stderr
    assert not out.exists()


def test_variety_end_to_end():
    """An Egyptian homograph (تلت: 3, or "she recited") read before a plural noun only with
    --variety eg (before a unit it is read without the hint too)."""
    text = "عندي تلت ولاد"
    want = factx.extract_records(text, doc_id="stdin", variety="eg")
    assert want != factx.extract_records(text, doc_id="stdin"), "the example no longer tells the varieties apart"
    p = run("extract", "-", "--variety", "eg", input=text)
    assert p.returncode == 0, p.stderr
    assert records(p.stdout) == want


@pytest.mark.parametrize("sub", ["extract", "review"])
def test_a_missing_language_table_is_one_error_before_any_document(tmp_path, sub):
    """Language tables (FACTX_DATA_DIR: a copy of the package's) without one variety's
    file: one error naming the file, exit 2, no output file; with it, the run works."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "src" / "factx" / "data", data, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    missing = data / "varieties" / "lev.toml"
    kept = missing.read_bytes()
    missing.unlink()
    out = tmp_path / "out"
    command = [*FACTX, sub, SEED_FILES[0], SEED_FILES[1], "--variety", "lev", "-o", out]
    env = {**ENV, "FACTX_DATA_DIR": str(data)}
    p = subprocess.run(command, capture_output=True, env=env, timeout=120)
    stderr = p.stderr.decode("utf-8")
    assert p.returncode == 2, stderr
    assert stderr == f"factx: error: cannot load the language tables: {missing}: missing language table\n"
    assert not out.exists()
    missing.write_bytes(kept)
    p = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr.decode("utf-8")
    assert out.exists()


# --- extract: SIGTERM and SIGINT -----------------------------------------------------------

class EndlessCorpus:
    """A JSONL file that does not end: a FIFO that a thread fills with the seeds, over
    and over, until the reader goes away. A run on it is still running whenever the
    test signals it, however fast or slow the machine."""

    def __init__(self, path: Path):
        os.mkfifo(path)
        self.path = path
        self.thread = threading.Thread(target=self._feed, daemon=True)

    def _feed(self) -> None:
        try:
            with open(self.path, "wb") as fh:              # waits for the command to open it
                for k in itertools.count():
                    for stem, text in SEED_TEXT.items():
                        fh.write(json.dumps({"id": f"{stem}-{k}", "text": text}, ensure_ascii=False).encode() + b"\n")
        except OSError:                                     # the reader is gone (EPIPE)
            pass

    def start(self) -> None:
        self.thread.start()

    def close(self) -> None:
        """Stop the thread: a reader opened and closed at once releases its open() or write()."""
        try:
            os.close(os.open(self.path, os.O_RDONLY | os.O_NONBLOCK))
        except OSError:
            pass
        self.thread.join(timeout=60)


@contextlib.contextmanager
def sigint_not_ignored():
    """A child inherits an ignored SIGINT (as a shell's background job has it), and its
    Python then never raises KeyboardInterrupt: the child starts with the default."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def wait_for_facts_in_the_temporary_file(folder: Path, proc: subprocess.Popen, name: str) -> None:
    """Until the hidden temporary file of `name` holds facts: the workers are at work."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"factx ended before it was signalled (exit {proc.returncode}): "
                        f"{proc.stderr.read().decode('utf-8', 'replace')}")
        for f in folder.iterdir():
            if f.name.startswith(f".{name}.") and f.name.endswith(".tmp") and f.stat().st_size > 0:
                return
        time.sleep(0.02)
    pytest.fail("no facts were written to the temporary file within 120 s")


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "mkfifo"), reason="POSIX signals and forked workers")
@pytest.mark.parametrize("signame,code,message,target,existing", [
    ("SIGTERM", 143, "terminated", "process", False),
    ("SIGTERM", 143, "terminated", "process", True),
    ("SIGTERM", 143, "terminated", "group", False),     # what a batch scheduler does at a time limit
    ("SIGINT", 130, "interrupted", "process", False),
    ("SIGINT", 130, "interrupted", "process", True),
    ("SIGINT", 130, "interrupted", "group", True),      # Ctrl-C on a terminal
])
def test_a_signal_ends_the_run_leaving_no_temporary_file(tmp_path, signame, code, message, target, existing):
    """`factx extract --workers 2 -o FILE` sent SIGTERM or SIGINT (the command alone, or
    its whole process group) while its workers are at work: its exit code, FILE as it
    was (or absent), no temporary file, no traceback from any process. stderr is read
    to its end, so every worker has exited too (each holds it open while it runs)."""
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "facts.jsonl"
    if existing:
        out.write_text("old content\n", encoding="utf-8")
    corpus = EndlessCorpus(tmp_path / "corpus.jsonl")
    with sigint_not_ignored():
        proc = subprocess.Popen([*FACTX, "extract", str(corpus.path), "--workers", "2", "-o", str(out)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV, start_new_session=True)
    corpus.start()
    try:
        wait_for_facts_in_the_temporary_file(folder, proc, out.name)
        (os.killpg if target == "group" else os.kill)(proc.pid, getattr(signal, signame))
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        corpus.close()
    stderr = stderr.decode("utf-8")
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr, stderr
    assert stderr.splitlines()[-1] == f"factx: {message}"
    assert stdout == b""
    assert sorted(os.listdir(folder)) == (["facts.jsonl"] if existing else [])
    if existing:
        assert out.read_text(encoding="utf-8") == "old content\n"


# --- validate ------------------------------------------------------------------------------

@pytest.fixture()
def facts_file(tmp_path, folder_run):
    path = tmp_path / "facts.jsonl"
    path.write_text(folder_run.stdout, encoding="utf-8")
    return path


def test_validate_good_output(facts_file):
    n = len(facts_file.read_text(encoding="utf-8").splitlines())
    for extra in ([], ["--source", SEEDS]):
        p = run("validate", facts_file, *extra)
        assert p.returncode == 0, p.stdout + p.stderr
        assert p.stdout == f"{n} records, 0 invalid\n"


def test_validate_gold_file_with_sources():
    p = run("validate", ROOT / "fixtures" / "seeds.jsonl", "--source", SEEDS)
    assert p.returncode == 0, p.stdout
    assert p.stdout.endswith(" invalid\n") and ", 0 invalid" in p.stdout


def _tamper(path: Path, lineno: int, **change) -> dict:
    lines = path.read_text(encoding="utf-8").splitlines()
    rec = json.loads(lines[lineno - 1])
    rec.update(change)
    lines[lineno - 1] = json.dumps(rec, ensure_ascii=False)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return rec


def test_validate_tampered_text_and_span_with_source(facts_file):
    n = len(facts_file.read_text(encoding="utf-8").splitlines())
    r = _tamper(facts_file, 2, text="X" * len(json.loads(facts_file.read_text(encoding="utf-8").splitlines()[1])["text"]))
    s = json.loads(facts_file.read_text(encoding="utf-8").splitlines()[4])["span"]
    r5 = _tamper(facts_file, 5, span={"start": s["start"] + 1, "end": s["end"] + 1})
    p = run("validate", facts_file, "--source", SEEDS)
    assert p.returncode == 1
    out = p.stdout.splitlines()
    assert out[0].startswith(f"{facts_file}:2: doc_id={r['doc_id']}: [text-slice] ")
    assert out[1].startswith(f"{facts_file}:5: doc_id={r5['doc_id']}: [text-slice] ")
    assert out[-1] == f"{n} records, 2 invalid"
    # without the sources the text cannot be checked: the records are well-formed
    assert run("validate", facts_file).returncode == 0


def test_validate_schema_violation(facts_file):
    r = _tamper(facts_file, 3, kind="foo")
    p = run("validate", facts_file)
    assert p.returncode == 1
    line = p.stdout.splitlines()[0]
    assert line.startswith(f"{facts_file}:3: doc_id={r['doc_id']}: [kind-closed-list] ") and "'foo'" in line
    assert p.stdout.splitlines()[-1].endswith(", 1 invalid")


def test_validate_bad_lines_and_unknown_doc(tmp_path, facts_file):
    lines = facts_file.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    bad = [
        "{not json",
        json.dumps({**first, "value": None, "low": None, "high": None, "qualifier": "range"}),
        json.dumps({**first, "doc_id": "nowhere"}),
        json.dumps({**first, "value": float("nan")}),
        "[1, 2]",
        json.dumps({**first, "span": {"start": 10**6, "end": 10**6 + len(first["text"])}}),
    ]
    facts_file.write_text("\n".join([lines[0], *bad, ""]) + "\n", encoding="utf-8")
    p = run("validate", facts_file, "--source", SEEDS)
    assert p.returncode == 1
    out = p.stdout.splitlines()
    assert out[0].startswith(f"{facts_file}:2: doc_id=?: [json] ")
    assert out[1].startswith(f"{facts_file}:3: doc_id={first['doc_id']}: [range-bounds]")
    assert out[2].startswith(f"{facts_file}:4: doc_id=nowhere: [unknown-doc]")
    assert out[3].startswith(f"{facts_file}:5: doc_id=?: [json] ")
    assert out[4].startswith(f"{facts_file}:6: doc_id=?: [json-object]")
    assert out[5].startswith(f"{facts_file}:7: doc_id={first['doc_id']}: [span-bounds]")
    assert out[-1] == "7 records, 6 invalid"


def test_validate_stdin_and_missing_file(tmp_path, facts_file):
    p = run("validate", "-", input=facts_file.read_bytes())
    assert p.returncode == 0 and p.stdout.endswith(" records, 0 invalid\n")
    assert run("validate", tmp_path / "missing.jsonl").returncode == 2


def test_extract_then_validate_stdin_roundtrip(tmp_path):
    src = tmp_path / "s.txt"
    src.write_text(PHRASE + "\r\nو 3 أيام\u200f", encoding="utf-8")  # CRLF and a bidi mark kept
    out = run("extract", src)
    assert out.returncode == 0
    p = run("validate", "-", "--source", src, input=out.stdout)
    assert p.returncode == 0, p.stdout


# --- schema --------------------------------------------------------------------------------

def test_schema_command_prints_the_committed_schema():
    p = run("schema")
    assert p.returncode == 0
    schema = json.loads(p.stdout)
    assert schema["title"] and schema["properties"]["kind"]["enum"] == list(KINDS)
    assert p.stdout == dumps_schema() == (ROOT / "schemas" / "fact.schema.json").read_text(encoding="utf-8")


# --- factx.io in process -------------------------------------------------------------------

def _items(*args, **kw):
    return list(read_inputs(*args, **kw))


def test_folder_walk_is_recursive_sorted_and_skips_hidden(tmp_path):
    for rel, text in [("b/z.txt", "2"), ("a.txt", "1"), ("b/a/y.jsonl", '{"id": "y", "text": "3"}'),
                      ("c.md", "no"), (".hidden/x.txt", "no"), ("b/.x.txt", "no"), ("B.TXT", "4")]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    docs = _items([str(tmp_path)])
    assert [d.doc_id for d in docs] == ["B", "a", "y", "z"]
    assert _items([str(tmp_path)]) == docs


def test_txt_offsets_are_into_the_raw_text(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffسطر\r\nو 5".encode("utf-8"))
    [doc] = _items([str(path)])
    assert doc.text == "\ufeffسطر\r\nو 5" and doc.doc_id == "crlf" and doc.line is None


def test_jsonl_reader_bom_crlf_blank_lines_and_locations(tmp_path):
    path = tmp_path / "c.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "a", "text": "1\\u2028 2"}\r\n\r\n{"id": "b", "text": ""}\n{"x"')
    items = _items([str(path)])
    assert items[0] == InputDoc("a", "1\u2028 2", str(path), 1)
    assert items[1] == InputDoc("b", "", str(path), 3)
    assert isinstance(items[2], DocError) and items[2].location == f"{path}:4"
    assert len(items) == 3


def test_stdin_reader(tmp_path):
    raw = ("x" * 9000 + "\n").encode() + json.dumps({"id": "z", "text": "٥"}).encode()
    items = _items(["-"], fmt="jsonl", stdin=io.BytesIO(raw))
    assert isinstance(items[0], DocError) and items[0].line == 1
    assert items[1] == InputDoc("z", "٥", "<stdin>", 2)
    [doc] = _items([], stdin=io.BytesIO("٥ أشخاص".encode()))
    assert doc == InputDoc("stdin", "٥ أشخاص", "<stdin>")
    assert _items(["-"], stdin=io.BytesIO(b"")) == [EmptyFile("<stdin>")]


def test_reader_is_lazy(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.jsonl"
    first.write_text("١", encoding="utf-8")
    it = read_inputs([str(first), str(second)])
    assert next(it) == InputDoc("a", "١", str(first))
    second.write_text('{"id": "late", "text": "2"}\n', encoding="utf-8")  # created after the start
    assert next(it) == InputDoc("late", "2", str(second), 1)


def test_extract_command_does_not_load_pydantic():
    """The extract path writes plain records: starting it must not import pydantic
    (half of the start-up time); validate still loads the models."""
    code = ("import sys, factx.cli\n"
            "from factx import extract_records\n"
            "extract_records('قتل أكثر من 500 شخص')\n"
            "assert 'pydantic' not in sys.modules, 'pydantic was imported'\n"
            "assert 'jsonschema' not in sys.modules, 'jsonschema was imported'\n")
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert p.returncode == 0, p.stderr


def test_extract_output_is_the_library_facts(tmp_path):
    """The command's JSON lines parse to exactly the library's Fact records."""
    path = seed_corpus(tmp_path / "seeds.jsonl")
    p = run("extract", path, "--workers", "1")
    assert p.returncode == 0, p.stderr
    got = records(p.stdout)
    want = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            doc = json.loads(line)
            want += [json.loads(f.model_dump_json()) for f in factx.extract(doc["text"], doc_id=doc["id"])]
    assert got == want and got


def test_record_lines_are_exactly_json_dumps():
    """The record encoder writes exactly what json.dumps writes with the same arguments."""
    for text in SEED_TEXT.values():
        for r in factx.extract_records(text, doc_id="d"):
            assert cli._dumps(r) == json.dumps(r, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    assert cli._dumps({"t": "قال \"لا\"\n", "v": 1.5e16, "n": None}) == '{"t":"قال \\"لا\\"\\n","v":1.5e+16,"n":null}'
    with pytest.raises(ValueError):
        cli._dumps({"v": float("nan")})
