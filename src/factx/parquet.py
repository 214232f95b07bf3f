"""Fact records as Parquet, through pyarrow (the ``parquet`` extra): a typed table for analysts.

The columns are the record's fields, in its order, with types instead of JSON:

- spans (``span``, ``sentence``, ``qualifier_span``, ``entity_span``, ``unit_span``,
  ``predicate_span``) are ``struct<start: int64, end: int64>``, null where the record
  has null;
- ``value`` is a ``double`` column for numbers, and ``value_str`` (placed after it) a
  ``string`` column for the string values of ``date``, ``time`` and ``identifier``;
  ``low`` and ``high`` are ``double``;
- every other field is a ``string``; ``sentence_text`` is there when the facts were
  extracted with ``--sentence``;
- ``exact_numbers`` (last) is null on almost every row: it holds, as a JSON object, the
  numbers of ``value``/``low``/``high`` that a double does not give back exactly.

Reading back gives the JSONL records exactly, same keys in the same order: a double
that is integral is read as an int, because factx writes every integral number as an
int (a float only where the value has a fraction); the rare number for which that is
not the same JSON (an integer beyond 2**53, an integral float) is restored from
``exact_numbers``. `write` and `FactsWriter` take JSON lines as the command writes
them, so a Parquet file holds the same records as the JSONL output of the same run.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from .io import AtomicWriter

SPAN = pa.struct([("start", pa.int64()), ("end", pa.int64())])
SPAN_FIELDS = ("span", "sentence", "qualifier_span", "entity_span", "unit_span", "predicate_span")
NUMBER_FIELDS = ("value", "low", "high")
#: the record's fields in order (Fact's field order; a test checks they match)
FIELDS = ("doc_id", "kind", "value", "low", "high", "qualifier", "unit", "entity", "span", "text",
          "sentence", "qualifier_span", "entity_span", "unit_span", "calendar", "rule",
          "entity_norm", "predicate", "predicate_span", "change", "unit_source")
SENTENCE_TEXT = "sentence_text"
VALUE_STR = "value_str"
EXACT = "exact_numbers"
#: what reading a broken or foreign file raises
READ_ERRORS = (OSError, pa.ArrowException)
#: rows per row group: large enough for column scans, small enough to keep memory flat
ROW_GROUP_ROWS = 16384
#: JSON lines converted to a table at a time
TEXT_ROWS = 4096


def schema(sentence: bool = False) -> pa.Schema:
    """The Parquet schema of the records (with a ``sentence_text`` column for ``--sentence``)."""
    fields = []
    for name in FIELDS:
        if name in SPAN_FIELDS:
            fields.append(pa.field(name, SPAN, nullable=name != "span"))
        elif name in NUMBER_FIELDS:
            fields.append(pa.field(name, pa.float64()))
            if name == "value":
                fields.append(pa.field(VALUE_STR, pa.string()))
        else:
            fields.append(pa.field(name, pa.string(), nullable=name not in ("kind", "text")))
    if sentence:
        fields.append(pa.field(SENTENCE_TEXT, pa.string()))
    fields.append(pa.field(EXACT, pa.string()))
    return pa.schema(fields)


def _restore(d: float | None) -> int | float | None:
    """A number read from a double column, as factx writes it: an int where integral."""
    if d is None:
        return None
    return int(d) if d.is_integer() else d


def _as_double(x) -> tuple[float | None, bool]:
    """(the double column's value for number `x`, whether `x` needs ``exact_numbers``)."""
    if x is None:
        return None, False
    try:
        d = float(x)
    except OverflowError:              # an integer beyond the doubles
        return None, True
    back = _restore(d)
    return d, not (type(back) is type(x) and back == x)


def to_table(records: Iterable[dict], sentence: bool = False) -> pa.Table:
    """Records (dicts as the command writes them) as an Arrow table of `schema(sentence)`.

    A record with a field outside the schema raises ValueError: nothing is dropped.
    """
    sch = schema(sentence)
    cols: dict[str, list] = {name: [] for name in sch.names}
    known = set(sch.names) - {VALUE_STR, EXACT}
    for r in records:
        extra = r.keys() - known
        if extra:
            raise ValueError(f"no Parquet column for field(s) {', '.join(sorted(extra))}")
        exact = {}
        for name in known:
            v = r.get(name)
            if name in NUMBER_FIELDS:
                if name == "value" and isinstance(v, str):
                    cols[VALUE_STR].append(v)
                    v = None
                elif name == "value":
                    cols[VALUE_STR].append(None)
                v, inexact = _as_double(v)
                if inexact:
                    exact[name] = r[name]
            cols[name].append(v)
        cols[EXACT].append(json.dumps(exact) if exact else None)
    return pa.table({name: pa.array(cols[name], sch.field(name).type) for name in sch.names}, schema=sch)


def table_from_jsonl(block: str, sentence: bool = False) -> pa.Table:
    """The table of a block of JSON lines (the command's output)."""
    return to_table((json.loads(line) for line in block.splitlines() if line), sentence)


def records_of(table: pa.Table | pa.RecordBatch) -> Iterator[dict]:
    """The records of a table, as the JSONL output has them (same keys, same order).

    Columns outside the schema come last, as they are; a column the table lacks is
    left out of the records (a validator then reports a missing field).
    """
    names = table.schema.names
    fields = [n for n in FIELDS if n in names]
    tail = [n for n in names if n not in FIELDS and n not in (VALUE_STR, EXACT)]
    data = {n: table.column(n).to_pylist() for n in names}
    has_str, has_exact = VALUE_STR in data, EXACT in data
    for i in range(table.num_rows):
        r = {}
        for n in fields:
            v = data[n][i]
            if n in NUMBER_FIELDS:
                v = data[VALUE_STR][i] if n == "value" and has_str and data[VALUE_STR][i] is not None \
                    else _restore(v)
            r[n] = v
        for n in tail:
            r[n] = data[n][i]
        if has_exact and data[EXACT][i] is not None:
            r.update((k, v) for k, v in json.loads(data[EXACT][i]).items() if k in r)
        yield r


class FactsWriter:
    """Write facts to one Parquet file, atomically (as `io.AtomicWriter` does for JSONL).

    ``write`` takes a block of JSON lines (what the command writes) or an Arrow table of
    `schema(sentence)`; rows are written in row groups of `ROW_GROUP_ROWS`, so memory
    stays flat on a long run. The file appears complete when the block ends, or not at all.
    JSON lines are gathered as text and converted `TEXT_ROWS` at a time: one small table
    per document would cost more memory than its rows.
    """

    def __init__(self, path: str | os.PathLike, sentence: bool = False):
        self.sentence = sentence
        self.schema = schema(sentence)
        self._atomic = AtomicWriter(path, binary=True)
        self._writer: pq.ParquetWriter | None = None
        self._pending: list[pa.Table] = []
        self._rows = 0                  # rows pending, in tables and in text
        self._text: list[str] = []
        self._text_rows = 0

    def __enter__(self) -> FactsWriter:
        fh = self._atomic.__enter__()
        try:
            self._writer = pq.ParquetWriter(fh, self.schema)
        except BaseException as e:
            self._atomic.__exit__(type(e), e, e.__traceback__)
            raise
        return self

    def write(self, block: str | pa.Table) -> None:
        if isinstance(block, str):
            rows = block.count("\n")
            self._text.append(block)
            self._text_rows += rows
            self._rows += rows
            if self._text_rows >= TEXT_ROWS:
                self._convert_text()
        elif block.num_rows:
            self._convert_text()                # keep the order of the rows
            self._pending.append(block)
            self._rows += block.num_rows
        if self._rows >= ROW_GROUP_ROWS:
            self._flush(final=False)

    def _convert_text(self) -> None:
        if self._text:
            self._pending.append(table_from_jsonl("".join(self._text), self.sentence))
            self._text, self._text_rows = [], 0

    def _flush(self, final: bool = True) -> None:
        """Write the pending rows in full row groups (and, at the end, the rest)."""
        self._convert_text()
        if not self._pending:
            return
        assert self._writer is not None
        table = pa.concat_tables(self._pending)
        n = table.num_rows if final else table.num_rows - table.num_rows % ROW_GROUP_ROWS
        self._writer.write_table(table.slice(0, n), row_group_size=ROW_GROUP_ROWS)
        rest = table.slice(n)
        self._pending, self._rows = ([rest] if rest.num_rows else []), rest.num_rows

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            if exc_type is None:
                self._flush()
            if self._writer is not None:
                self._writer.close()       # the footer; after an exception the file is dropped anyway
        except BaseException as e:
            self._atomic.__exit__(type(e), e, e.__traceback__)
            raise
        else:
            self._atomic.__exit__(exc_type, exc, tb)
        finally:
            self._pending, self._text = [], []
        return False


def write(records: Iterable[dict], path: str | os.PathLike, sentence: bool = False) -> None:
    """Write `records` to the Parquet file `path`, atomically."""
    with FactsWriter(path, sentence) as out:
        out.write(to_table(records, sentence))


def part_files(path: str | os.PathLike) -> list[Path]:
    """The Parquet files of `path`: itself, or a folder's ``*.parquet`` files in sorted order."""
    path = Path(path)
    if path.is_dir():
        return sorted((p for p in path.rglob("*.parquet") if not p.name.startswith((".", "_"))),
                      key=lambda p: p.relative_to(path).parts)
    return [path]


def read(path: str | os.PathLike) -> Iterator[tuple[str, int, dict]]:
    """(file, row number from 1, record) of every row of a Parquet file or folder of part
    files, read a row group at a time."""
    for f in part_files(path):
        pf = pq.ParquetFile(f)
        row = 0
        for batch in pf.iter_batches(batch_size=ROW_GROUP_ROWS):
            for r in records_of(batch):
                row += 1
                yield str(f), row, r
