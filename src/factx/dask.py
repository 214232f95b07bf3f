"""factx on a Dask cluster (the ``dask`` extra): bags of documents and facts, and the
command's ``--engine dask``.

- `read_corpus(paths)` reads ``.jsonl`` and ``.txt`` files and folders, local or any
  fsspec URL, into a bag of ``{"id", "text"}`` documents, exactly as ``factx extract``
  reads them (same ids, same order). Files are grouped into partitions of about
  `PARTITION_BYTES`, and a larger JSONL file is split into byte ranges of that size, so
  no task holds more than a partition's text: memory stays flat.
- `extract_bag(bag)` turns a bag of documents (``{"id", "text"}`` dicts or strings)
  into a bag of fact records, the dicts ``factx extract`` writes.
- `to_parquet(facts, folder)` writes a bag of records as a folder of Parquet part files.
- `cli_results` is ``factx extract --engine dask``: the same partitions, each extracted
  by a task on the cluster through the function the local run uses
  (`factx.cli.process_item`), handed back in input order.

A document is extracted by `factx.cli.doc_records`, as in the local run, so records
are byte for byte the same. Workers need factx installed (``pip install factx[dask]``)
and must see the input paths (a shared file system, or URLs).
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
import uuid
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

import dask
import dask.bag as db

import factx

from . import io as fio
from .cli import Done, Result, _joined, doc_records, process_item
from .io import InputDoc, DocError, EmptyFile, JsonlBlock

#: bytes of input per partition: a task reads and extracts about this much text
PARTITION_BYTES = 2_000_000
#: bytes read at a time when counting the lines of a JSONL file split into ranges
_COUNT_BYTES = 1 << 20
ON_ERROR = ("skip", "raise")

log = logging.getLogger("factx.dask")


class BadDocumentError(ValueError):
    """A document that cannot be extracted, with ``on_error="raise"``."""


class EngineError(RuntimeError):
    """The cluster cannot be started or reached."""


@dataclasses.dataclass(frozen=True, slots=True)
class Piece:
    """What a task reads: a whole file, or the lines of a JSONL file that start in bytes
    ``[start, end)`` (`end` None: the whole file), or a path that is not there (`error`).

    A range knows the newlines before `start` (its line numbers), and the last range of
    a file whether any range had anything but white space (an empty file is noted).
    """

    name: str
    fmt: str = "txt"
    size: int = 0
    start: int = 0
    end: int | None = None
    newlines: int = 0
    last: bool = False
    blank_file: bool = False
    error: str | None = None

    @property
    def nbytes(self) -> int:
        return (self.size if self.end is None else self.end - self.start) if self.error is None else 0


# --- planning (where the command or `read_corpus` runs) -------------------------------

def _is_url(name: str) -> bool:
    return "://" in name


def _files(path: str, fmt: str) -> Iterator[Piece]:
    """The files of one PATH as whole-file pieces, in the order `factx.io.read_inputs` reads
    them: a folder's ``.txt`` and ``.jsonl`` files by sorted relative path, hidden ones left out."""
    if _is_url(path):
        import fsspec
        fs, root = fsspec.core.url_to_fs(path)
        if fs.isdir(root):
            found = []
            for f, info in fs.find(root, detail=True).items():
                rel = PurePosixPath(f).relative_to(PurePosixPath(root)).parts
                suffix = PurePosixPath(f).suffix.lower()
                if any(p.startswith(".") for p in rel) or suffix not in (".txt", ".jsonl"):
                    continue
                found.append((rel, fs.unstrip_protocol(f), suffix[1:], info.get("size") or 0))
            for _, name, kind, size in sorted(found):
                yield Piece(name, kind, size)
        elif fs.exists(root):
            yield Piece(path, _fmt_of(path, fmt), fs.size(root) or 0)
        else:
            yield Piece(path, error="no such file or directory")
        return
    p = Path(path)
    if p.is_dir():
        for f in fio.walk_folder(p):
            yield Piece(str(f), f.suffix.lower()[1:], _size(f))
    elif p.exists():
        yield Piece(str(p), _fmt_of(str(p), fmt), _size(p))
    else:
        yield Piece(str(p), error="no such file or directory")


def _fmt_of(name: str, fmt: str) -> str:
    if fmt != "auto":
        return fmt
    return "jsonl" if PurePosixPath(name).suffix.lower() == ".jsonl" else "txt"


def _size(p: Path) -> int:
    try:
        return p.stat().st_size
    except OSError:
        return 0            # opening it will say why


def plan(paths: Iterable[str], fmt: str = "auto",
         partition_bytes: int = PARTITION_BYTES) -> list[list[Piece]]:
    """The partitions of the input, in input order: lists of pieces of about
    `partition_bytes` bytes. JSONL files larger than that are split into ranges whose
    lines are counted first, by one quick pass on the cluster (``dask.compute``), so
    that every document keeps its line number."""
    if fmt not in fio.FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    if partition_bytes < 1:
        raise ValueError("partition_bytes must be at least 1")
    pieces: list[Piece] = []
    for path in paths:
        if path == fio.STDIN:
            raise ValueError("the Dask engine reads files and URLs, not stdin")
        for piece in _files(path, fmt):
            if piece.fmt == "jsonl" and piece.error is None and piece.size > partition_bytes:
                pieces.extend(Piece(piece.name, "jsonl", piece.size, s, min(s + partition_bytes, piece.size))
                              for s in range(0, piece.size, partition_bytes))
            else:
                pieces.append(piece)
    pieces = _with_line_counts(pieces)
    parts: list[list[Piece]] = []
    current: list[Piece] = []
    size = 0
    for piece in pieces:
        current.append(piece)
        size += piece.nbytes
        if size >= partition_bytes:
            parts.append(current)
            current, size = [], 0
    if current:
        parts.append(current)
    return parts


def _with_line_counts(pieces: list[Piece]) -> list[Piece]:
    """Ranges with the newlines before them, and their file's last range marked."""
    ranges = [k for k, p in enumerate(pieces) if p.end is not None]
    if not ranges:
        return pieces
    counts = dask.compute(*(dask.delayed(_count_range, pure=True)(pieces[k].name, pieces[k].start, pieces[k].end)
                            for k in ranges))
    out = list(pieces)
    files = itertools.accumulate(pieces[k].start == 0 for k in ranges)   # a file's ranges follow each other
    for _, group in itertools.groupby(zip(files, ranges, counts), key=lambda fkc: fkc[0]):
        group = [(k, c) for _, k, c in group]
        before = 0
        blank = not any(content for _, (_, content) in group)
        for i, (k, (newlines, _)) in enumerate(group):
            out[k] = dataclasses.replace(pieces[k], newlines=before, last=i == len(group) - 1, blank_file=blank)
            before += newlines
    return out


def _count_range(name: str, start: int, end: int) -> tuple[int, bool]:
    """(newlines, anything but white space) of bytes ``[start, end)`` of a file."""
    newlines, content = 0, False
    try:
        fh = _open(name)
    except Exception:
        return 0, True          # reading it will report the error
    with fh:
        fh.seek(start)
        pos = start
        while pos < end:
            data = fh.read(min(_COUNT_BYTES, end - pos))
            if not data:
                break
            newlines += data.count(b"\n")
            if not content:
                content = bool((data[3:] if pos == 0 and data.startswith(b"\xef\xbb\xbf") else data).strip())
            pos += len(data)
    return newlines, content


# --- reading (in the tasks) -----------------------------------------------------------

def _open(name: str):
    if _is_url(name):
        import fsspec
        return fsspec.open(name, "rb").open()
    return open(name, "rb")


def read_partition(pieces: Iterable[Piece], id_field: str = "id",
                   text_field: str = "text") -> Iterator[fio.Item | JsonlBlock]:
    """The items of a partition, as `factx.io.read_inputs` gives them (with ``blocks``)."""
    for piece in pieces:
        yield from _read_piece(piece, id_field, text_field)


def _read_piece(piece: Piece, id_field: str, text_field: str) -> Iterator[fio.Item | JsonlBlock]:
    if piece.error is not None:
        yield DocError(piece.name, None, piece.error)
        return
    try:
        fh = _open(piece.name)
    except Exception as e:
        if piece.start == 0:
            reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
            yield DocError(piece.name, None, reason)
        return
    with fh:
        if piece.end is not None:
            yield from _read_range(fh, piece, id_field, text_field)
        elif piece.fmt == "jsonl":
            yield from fio.read_jsonl_stream(fh, piece.name, id_field, text_field, blocks=True)
        else:
            yield from fio.read_txt_stream(fh, piece.name, PurePosixPath(piece.name).stem)


def _read_range(fh, piece: Piece, id_field: str, text_field: str) -> Iterator[fio.Item | JsonlBlock]:
    """The lines that start in the piece's byte range, as the JSONL reader gives them: the
    same blocks' line numbers and byte offsets, the binary check on the file's first bytes."""
    if b"\0" in fh.read(fio.BINARY_SNIFF):
        if piece.start == 0:
            yield DocError(piece.name, None, "binary file (NUL byte in the first 8 KB)")
        return
    if piece.start == 0:
        pos, line = 0, 1
    else:
        fh.seek(piece.start - 1)
        if fh.read(1) == b"\n":
            pos, line = piece.start, piece.newlines + 1
        else:                                   # the line under way belongs to the range before
            pos, line = piece.start + len(fh.readline()), piece.newlines + 2
    fh.seek(pos)
    stem = PurePosixPath(piece.name).stem
    while pos < piece.end:
        data = fh.read(min(fio.BLOCK_BYTES, piece.end - pos))
        if not data:
            break
        if not data.endswith(b"\n"):
            data += fh.readline()
        yield JsonlBlock(data, piece.name, line, pos, id_field, text_field, stem)
        line += data.count(b"\n")
        pos += len(data)
    if piece.last and piece.blank_file:
        yield EmptyFile(piece.name)


# --- bags -----------------------------------------------------------------------------

def _check_on_error(on_error: str) -> None:
    if on_error not in ON_ERROR:
        raise ValueError(f"on_error must be one of {', '.join(ON_ERROR)}, not {on_error!r}")


def _bad(err: DocError, on_error: str) -> None:
    """A bad document under `on_error`: logged where it was read ("skip"), or raised."""
    if on_error == "raise":
        raise BadDocumentError(str(err))
    log.warning("skipped %s: %s", err.location, err.reason)


def read_corpus(paths: str | Iterable[str], *, fmt: str = "auto", id_field: str = "id",
                text_field: str = "text", partition_bytes: int = PARTITION_BYTES,
                on_error: str = "skip") -> db.Bag:
    """A bag of the documents of `paths` (files, folders, fsspec URLs), as dicts
    ``{"id": doc_id, "text": text}``, in the order ``factx extract`` reads them.

    A line or file that is not a document is logged (logger ``factx.dask``, on the
    worker that read it) and left out (``on_error="skip"``), or raises
    `BadDocumentError` when the bag is computed (``"raise"``).
    """
    _check_on_error(on_error)
    parts = plan([paths] if isinstance(paths, str) else paths, fmt, partition_bytes)
    if not parts:
        return db.from_sequence([], npartitions=1)
    return db.from_delayed([dask.delayed(_documents, pure=True)(part, id_field, text_field, on_error)
                            for part in parts])


def _documents(pieces: list[Piece], id_field: str, text_field: str, on_error: str) -> list[dict]:
    out = []
    for item in read_partition(pieces, id_field, text_field):
        for doc in item.items() if isinstance(item, JsonlBlock) else (item,):
            if isinstance(doc, InputDoc):
                out.append({"id": doc.doc_id, "text": doc.text})
            elif isinstance(doc, DocError):
                _bad(doc, on_error)
    return out


def extract_bag(bag: db.Bag, *, kinds: Iterable[str] | None = None, sentence: bool = False,
                on_error: str = "skip") -> db.Bag:
    """The fact records of a bag of documents, partition by partition, in order.

    Documents are ``{"id": …, "text": …}`` dicts (an integer id becomes a string; no id:
    ``doc_id`` null) or strings (``doc_id`` null). Records are the dicts ``factx
    extract`` writes: `sentence` adds ``sentence_text``, `kinds` keeps those kinds. A
    document that is not one, or whose extraction fails, is logged and left out
    (``on_error="skip"``) or raises `BadDocumentError` at compute time (``"raise"``).
    """
    _check_on_error(on_error)
    wanted = None if kinds is None else frozenset(kinds)
    if wanted is not None:
        factx.extract_records("", kinds=wanted)      # the library's own check: UnknownKindError now
    return bag.map_partitions(_extract_documents, wanted, sentence, on_error)


def _as_doc(obj) -> InputDoc | DocError:
    if isinstance(obj, str):
        return InputDoc(None, obj, "document", None)
    if not isinstance(obj, dict):
        return DocError("bag item", None, f"not a document (a dict or a str): got {type(obj).__name__}")
    where = "document" if obj.get("id") is None else f"document {obj.get('id')!r}"
    found = fio.doc_fields(obj, "id", "text", None)
    return InputDoc(found[0], found[1], where, None) if isinstance(found, tuple) else DocError(where, None, found)


def _extract_documents(docs: Iterable, kinds: frozenset[str] | None, sentence: bool, on_error: str) -> list[dict]:
    out: list[dict] = []
    for obj in docs:
        doc = _as_doc(obj)
        found = doc_records(doc, kinds, sentence) if isinstance(doc, InputDoc) else doc
        if isinstance(found, DocError):
            _bad(found, on_error)
        else:
            out.extend(found)
    return out


def to_parquet(facts: db.Bag, folder: str | os.PathLike, *, sentence: bool = False) -> list[str]:
    """Write a bag of fact records as a folder of Parquet files, ``part.00000.parquet``
    and on, one per partition, each written by the worker that made it (so `folder` must
    be a path every worker can write to). Returns the part files' paths, in order."""
    os.makedirs(folder, exist_ok=True)
    names = [os.path.join(folder, f"part.{k:05d}.parquet") for k in range(facts.npartitions)]
    writes = [dask.delayed(_write_part, pure=False)(part, name, sentence)
              for part, name in zip(facts.to_delayed(), names)]
    return list(dask.compute(*writes))


def _write_part(records: list[dict], name: str, sentence: bool) -> str:
    from . import parquet
    parquet.write(records, name, sentence)
    return name


# --- the command's engine -------------------------------------------------------------

def _extract_partition(pieces: list[Piece], id_field: str, text_field: str, kinds: frozenset[str] | None,
                       sentence: bool, arrow: bool, variety: str | None = None) -> list[Result]:
    """A task of ``--engine dask``: the results of one partition, as the local run has them
    (with `arrow`, each block of JSON lines made an Arrow table here, for Parquet output)."""
    items = read_partition(pieces, id_field, text_field)
    results = _joined(r for item in items for r in process_item(item, kinds, sentence, variety))
    if arrow:
        from . import parquet
        results = [dataclasses.replace(r, block=parquet.table_from_jsonl(r.block, sentence))
                   if isinstance(r, Done) else r for r in results]
    return results


def _lost(pieces: list[Piece], reason: str) -> list[Result]:
    """What stands for a partition whose task failed: each of its pieces is a bad input."""
    out: list[Result] = []
    for p in pieces:
        if p.error is not None:
            out.append(DocError(p.name, None, p.error))
        elif p.end is None:
            out.append(DocError(p.name, None, f"not extracted: {reason}"))
        else:
            out.append(DocError(p.name, None, f"bytes {p.start}-{p.end} not extracted: {reason}"))
    return out


def _reason(e: BaseException) -> str:
    if type(e).__name__ == "KilledWorker":
        return "the worker processes running it died, on every try"
    return f"the task failed: {type(e).__name__}: {e}"


def start_client(scheduler: str | None, workers: int, stack):
    """A ``distributed.Client`` of the scheduler at `scheduler`, or of a local cluster of
    `workers` processes of one thread each; closed by the ExitStack `stack`."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise EngineError(f"the Dask engine needs the dask extra (pip install 'factx[dask]'): {e}") from None
    try:
        if scheduler is None:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=":0"))
            return stack.enter_context(Client(cluster))
        return stack.enter_context(Client(scheduler))       # timeout: distributed.comm.timeouts.connect
    except (OSError, TimeoutError, ValueError) as e:
        where = "start a local Dask cluster" if scheduler is None else f"reach the Dask scheduler at {scheduler}"
        raise EngineError(f"cannot {where}: {e}") from None


def cli_results(client, paths: list[str], fmt: str, id_field: str, text_field: str,
                kinds: frozenset[str] | None, sentence: bool, arrow: bool,
                partition_bytes: int = PARTITION_BYTES, variety: str | None = None) -> Iterator[Result]:
    """The results of ``factx extract --engine dask``, in input order.

    Partitions are submitted a few at a time (twice the cluster's threads, at least 4,
    ahead of the one being written), so results do not pile up anywhere. A task lost
    with its worker is run again by Dask on another one; a partition that fails on every
    try becomes bad inputs, as a batch lost by the local pool does. Closing the generator
    cancels what is still pending.
    """
    parts = plan(paths, fmt, partition_bytes)
    run_id = uuid.uuid4().hex[:8]
    pending: deque = deque()
    todo = iter(enumerate(parts))

    def window() -> int:
        return max(4, 2 * sum(client.nthreads().values()))

    def submit() -> None:
        limit = window()
        for k, pieces in todo:
            pending.append((pieces, client.submit(_extract_partition, pieces, id_field, text_field, kinds,
                                                  sentence, arrow, variety, key=f"factx-extract-{run_id}-{k}")))
            if len(pending) >= limit:
                return

    try:
        submit()
        while pending:
            pieces, future = pending.popleft()
            try:
                results = future.result()
            except Exception as e:
                results = _lost(pieces, _reason(e))
            future.release()
            submit()
            yield from results
    finally:
        for _, future in pending:
            future.cancel()
