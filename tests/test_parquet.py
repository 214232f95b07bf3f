"""Parquet output (`factx.parquet`, ``-o facts.parquet``) and ``factx validate`` on Parquet.

The JSONL output of the same run is the reference: Parquet must give back exactly its
records, read with pyarrow (and factx's reader) and with DuckDB, an independent
Parquet implementation.
"""

from __future__ import annotations

import json

import pytest

from factx import cli
from factx.models import Fact

from test_cli import SEED_TEXT, SEEDS, paragraph_corpus, run

# The libraries these tests need are imported when the module's first test runs, not at
# collection: their tens of thousands of objects in the test process change when the
# cyclic garbage collector runs, and with it the timing ratios of test_adversarial,
# which runs before this module.
duckdb = pa = pq = parquet = None


@pytest.fixture(scope="module", autouse=True)
def _libraries():
    global duckdb, pa, pq, parquet
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    from factx import parquet


def jsonl_lines(path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def seed_runs(tmp_path_factory):
    """The seeds extracted once to JSONL and once to Parquet, with --sentence."""
    d = tmp_path_factory.mktemp("pq")
    for out in ("facts.jsonl", "facts.parquet"):
        p = run("extract", SEEDS, "--sentence", "-o", d / out, "--workers", "1")
        assert p.returncode == 0, p.stderr
    return d / "facts.jsonl", d / "facts.parquet"


def test_parquet_holds_the_jsonl_records_exactly(seed_runs):
    jl, pqf = seed_runs
    lines = jsonl_lines(jl)
    assert len(lines) > 50
    back = [r for _, _, r in parquet.read(pqf)]
    assert [cli._dumps(r) for r in back] == lines          # same keys, order, types, bytes


def test_parquet_columns_are_typed(seed_runs):
    _, pqf = seed_runs
    sch = pq.read_schema(pqf)
    span = pa.struct([("start", pa.int64()), ("end", pa.int64())])
    for name in ("span", "sentence", "qualifier_span", "entity_span", "unit_span", "predicate_span"):
        assert sch.field(name).type == span
    assert not sch.field("span").nullable and sch.field("entity_span").nullable
    for name in ("value", "low", "high"):
        assert sch.field(name).type == pa.float64()
    for name in ("doc_id", "kind", "value_str", "unit", "entity", "text", "sentence_text", "exact_numbers"):
        assert sch.field(name).type == pa.string()
    table = pq.read_table(pqf)
    records = [json.loads(line) for line in jsonl_lines(seed_runs[0])]
    kinds = table.column("kind").to_pylist()
    values = table.column("value").to_pylist()
    strs = table.column("value_str").to_pylist()
    for r, kind, v, s in zip(records, kinds, values, strs):
        assert kind == r["kind"]
        if isinstance(r["value"], str):
            assert v is None and s == r["value"]
        else:
            assert s is None and v == r["value"]


def test_duckdb_reads_what_the_jsonl_says(seed_runs):
    jl, pqf = seed_runs
    records = [json.loads(line) for line in jsonl_lines(jl)]
    con = duckdb.connect()
    rows = con.execute(
        "SELECT doc_id, kind, value, value_str, span.start, span.\"end\", text, entity_span.start "
        f"FROM read_parquet('{pqf}')").fetchall()
    assert len(rows) == len(records)
    for r, (doc_id, kind, value, value_str, start, end, text, entity_start) in zip(records, rows):
        assert (doc_id, kind, start, end, text) == (r["doc_id"], r["kind"], r["span"]["start"],
                                                   r["span"]["end"], r["text"])
        assert (value_str if isinstance(r["value"], str) else value) == r["value"]
        assert entity_start == (r["entity_span"] or {}).get("start")
        assert SEED_TEXT[doc_id][start:end] == text
    counts = dict(con.execute(f"SELECT kind, count(*) FROM read_parquet('{pqf}') GROUP BY kind").fetchall())
    assert counts == {k: sum(r["kind"] == k for r in records) for k in {r["kind"] for r in records}}


def _record(**fields) -> dict:
    r = {name: None for name in parquet.FIELDS}
    r.update(kind="count", qualifier="exact", span={"start": 0, "end": 1}, text="x")
    r.update(fields)
    return r


@pytest.mark.parametrize("value", [
    3, 2.5, 0, 10**12, 2**53 + 1, 10**23 - 1, -7, 5e19, 2.0, 1e-12, 10**400, None,
    "XXXX-08-05", "T06:00", "2254", "",
])
def test_every_number_and_string_comes_back_as_it_was(value):
    r = _record(value=value, low=None if isinstance(value, str) else value,
                high=2**60 + 3 if value is None else None)
    back = list(parquet.records_of(parquet.to_table([r])))
    assert back == [r]
    assert [type(v) for v in back[0].values()] == [type(v) for v in r.values()]


def test_a_field_without_a_column_is_refused():
    with pytest.raises(ValueError, match="no Parquet column for field"):
        parquet.to_table([_record(mystery=1)])
    with pytest.raises(ValueError, match="sentence_text"):
        parquet.to_table([_record(sentence_text="x")])          # only with sentence=True


def test_the_columns_follow_the_fact_model():
    """A field added to `Fact` must get a column (the writer would refuse its records)."""
    assert parquet.FIELDS == tuple(Fact.model_fields)


def test_the_writer_leaves_no_file_when_interrupted(tmp_path):
    target = tmp_path / "f.parquet"
    with pytest.raises(KeyboardInterrupt):
        with parquet.FactsWriter(target) as out:
            out.write(cli._dumps(_record(value=1)) + "\n")
            raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_many_row_groups_read_back_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(parquet, "ROW_GROUP_ROWS", 7)
    monkeypatch.setattr(parquet, "TEXT_ROWS", 4)
    records = [_record(value=i, doc_id=f"d{i}") for i in range(50)]
    with parquet.FactsWriter(tmp_path / "f.parquet") as out:
        for i in range(0, 50, 3):           # JSON lines and tables (as a Dask task sends), mixed
            block = records[i:i + 3]
            out.write(parquet.to_table(block) if i % 9 == 0 else "".join(cli._dumps(r) + "\n" for r in block))
    assert pq.ParquetFile(tmp_path / "f.parquet").num_row_groups == 8
    assert [r for _, _, r in parquet.read(tmp_path / "f.parquet")] == records


def test_output_format_by_suffix_or_option(tmp_path):
    corpus, _ = paragraph_corpus(tmp_path / "p.jsonl")
    ref = run("extract", corpus, "-o", tmp_path / "ref.jsonl")
    forced = run("extract", corpus, "--output-format", "parquet", "-o", tmp_path / "facts.data")
    plain = run("extract", corpus, "--output-format", "jsonl", "-o", tmp_path / "facts.parquet")
    assert ref.returncode == forced.returncode == plain.returncode == 0
    assert (tmp_path / "facts.data").read_bytes()[:4] == b"PAR1"
    assert (tmp_path / "facts.parquet").read_text(encoding="utf-8") == (tmp_path / "ref.jsonl").read_text(encoding="utf-8")
    assert [cli._dumps(r) for _, _, r in parquet.read(tmp_path / "facts.data")] == jsonl_lines(tmp_path / "ref.jsonl")


def test_parquet_needs_a_file():
    for args in (["--output-format", "parquet"], ["--output-format", "parquet", "-o", "-"]):
        p = run("extract", *args, input="قتل 5 أشخاص")
        assert p.returncode == 2 and "Parquet output needs -o FILE" in p.stderr and p.stdout == ""


def test_bad_documents_are_skipped_and_reported_as_with_jsonl(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a", "text": "قتل 5 أشخاص"}\n{"id": 3\n{"id": "b", "text": "نحو 7 آلاف"}\n',
                      encoding="utf-8")
    a = run("extract", corpus, "-o", tmp_path / "f.jsonl")
    b = run("extract", corpus, "-o", tmp_path / "f.parquet")
    assert a.returncode == b.returncode == 1
    assert a.stderr == b.stderr and "c.jsonl:2: malformed JSON" in a.stderr
    assert [cli._dumps(r) for _, _, r in parquet.read(tmp_path / "f.parquet")] == jsonl_lines(tmp_path / "f.jsonl")


# --- validate ---------------------------------------------------------------------------

def test_validate_reads_parquet(seed_runs):
    _, pqf = seed_runs
    n = pq.ParquetFile(pqf).metadata.num_rows
    p = run("validate", pqf, "--source", SEEDS)
    assert p.returncode == 0, p.stdout + p.stderr
    assert p.stdout == f"{n} records, 0 invalid\n"


def test_validate_names_the_file_and_row_of_a_bad_record(tmp_path):
    good = _record(doc_id="a", value=5, text="5", span={"start": 4, "end": 5})
    bad = _record(doc_id="a", value=7, text="7", span={"start": 4, "end": 5})
    broken = _record(doc_id="a", kind="count", value=-3, text="5", span={"start": 4, "end": 5})
    path = tmp_path / "f.parquet"
    parquet.write([good, bad, broken], path)
    src = tmp_path / "a.txt"
    src.write_text("قتل 5 أشخاص", encoding="utf-8")
    p = run("validate", path, "--source", src)
    assert p.returncode == 1
    lines = p.stdout.splitlines()
    assert lines[0].startswith(f"{path}:2: doc_id=a: [text-slice]")
    assert lines[1].startswith(f"{path}:3: doc_id=a: [non-negative]")
    assert lines[-1] == "3 records, 2 invalid"


def test_validate_reads_a_folder_of_part_files(tmp_path, seed_runs):
    jl, _ = seed_runs
    records = [json.loads(line) for line in jsonl_lines(jl)]
    folder = tmp_path / "parts"
    folder.mkdir()
    half = len(records) // 2
    parquet.write(records[:half], folder / "part.00000.parquet", sentence=True)
    parquet.write(records[half:], folder / "part.00001.parquet", sentence=True)
    assert [r for _, _, r in parquet.read(folder)] == records
    p = run("validate", folder, "--source", SEEDS)
    assert p.returncode == 0 and p.stdout == f"{len(records)} records, 0 invalid\n"


def test_validate_an_unreadable_parquet_is_a_usage_error(tmp_path):
    bad = tmp_path / "f.parquet"
    bad.write_bytes(b"PAR1 not really")
    p = run("validate", bad)
    assert p.returncode == 2 and f"cannot read {bad}" in p.stderr
