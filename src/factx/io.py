"""Streaming input documents and atomic output for the command line.

Readers never raise on bad input: they yield, in input order, one of

- `InputDoc`  a document to extract from,
- `DocError`  an input that cannot be read (bad UTF-8, bad JSON line …),
- `EmptyFile` a file with no document in it (not an error; worth a note),

so the caller applies its own error policy. Nothing is read whole except a
`.txt` file (which is one document anyway): JSONL is read in blocks of whole
lines. The command asks for those blocks unparsed (`JsonlBlock`), so that its
workers, not the reading process, decode and parse them.

Text is decoded as strict UTF-8 with no newline translation, so offsets are
code-point indices into exactly the characters of the file (a BOM at the start
of a `.txt` file is kept as its first character; a ``\\r\\n`` stays two).
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, TextIO, Union

#: how many leading bytes are checked for NUL to call a file binary
BINARY_SNIFF = 8192
#: bytes of JSONL read at a time, completed to the end of their last line
BLOCK_BYTES = 1 << 17
_BOM = b"\xef\xbb\xbf"
FORMATS = ("auto", "txt", "jsonl")
STDIN = "-"
STDIN_DOC_ID = "stdin"
STDIN_NAME = "<stdin>"
_SUFFIXES = {".txt": "txt", ".jsonl": "jsonl"}


@dataclass(frozen=True, slots=True)
class InputDoc:
    """One input document: its id, its text, and where it came from (file, and line for JSONL)."""

    doc_id: str
    text: str
    source: str
    line: int | None = None

    @property
    def location(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


@dataclass(frozen=True, slots=True)
class DocError:
    """An input that could not be turned into a document."""

    source: str
    line: int | None
    reason: str

    @property
    def location(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


@dataclass(frozen=True, slots=True)
class EmptyFile:
    """A file that holds no document (zero bytes, or a JSONL file of blank lines)."""

    source: str


@dataclass(frozen=True, slots=True)
class JsonlBlock:
    """Whole consecutive lines of a JSONL stream, as read: `items()` parses them.

    Handing raw blocks to the workers keeps the reading process to moving bytes
    (it would otherwise decode and parse every line itself, and pickle the
    documents it made).
    """

    data: bytes
    source: str
    line: int         # number of the block's first line
    offset: int       # byte offset of `data` in its stream
    id_field: str = "id"
    text_field: str = "text"
    stem: str = ""    # doc ids default to "<stem>-<line>"

    def items(self) -> Iterator[InputDoc | DocError]:
        """An `InputDoc` or a `DocError` for each non-blank line, in order."""
        start, source = self.offset, self.source
        for lineno, raw in enumerate(self.data.split(b"\n"), self.line):
            line_start, start = start, start + len(raw) + 1
            if line_start == 0 and raw.startswith(_BOM):
                raw, line_start = raw[3:], 3
            if not raw.strip():
                continue
            found = _jsonl_doc(raw, line_start, self.id_field, self.text_field, f"{self.stem}-{lineno}")
            yield InputDoc(*found, source, lineno) if isinstance(found, tuple) else DocError(source, lineno, found)


Item = Union[InputDoc, DocError, EmptyFile]


# --- readers ----------------------------------------------------------------------

def read_inputs(paths: Iterable[str] | None, fmt: str = "auto", id_field: str = "id",
                text_field: str = "text", stdin: BinaryIO | None = None,
                blocks: bool = False) -> Iterator[Item | JsonlBlock]:
    """Documents of every path in order; ``-`` (or no path at all) is stdin.

    A folder contributes its ``.txt`` and ``.jsonl`` files, recursively, in sorted
    order of their relative paths (hidden files and folders are skipped), each
    read by its extension. `fmt` (``auto``, ``txt``, ``jsonl``) decides how a file
    named explicitly and stdin are read: ``auto`` goes by the extension (``.jsonl``
    is JSONL, anything else plain text) and reads stdin as plain text. With
    `blocks`, JSONL comes as unparsed `JsonlBlock` items instead of documents.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    paths = list(paths or []) or [STDIN]
    for p in paths:
        if p == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            if fmt == "jsonl":
                yield from read_jsonl_stream(stream, STDIN_NAME, id_field, text_field, blocks)
            else:
                yield from read_txt_stream(stream, STDIN_NAME, STDIN_DOC_ID)
            continue
        path = Path(p)
        if path.is_dir():
            for f in walk_folder(path):
                yield from read_file(f, _SUFFIXES[f.suffix.lower()], id_field, text_field, blocks)
        elif path.exists():
            yield from read_file(path, fmt, id_field, text_field, blocks)
        else:
            yield DocError(str(path), None, "no such file or directory")


def walk_folder(root: Path) -> list[Path]:
    """The ``.txt`` and ``.jsonl`` files under `root`, sorted by relative path."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.startswith(".") or Path(name).suffix.lower() not in _SUFFIXES:
                continue
            found.append(Path(dirpath, name))
    return sorted(found, key=lambda f: f.relative_to(root).parts)


def read_file(path: Path, fmt: str = "auto", id_field: str = "id", text_field: str = "text",
              blocks: bool = False) -> Iterator[Item | JsonlBlock]:
    """The documents of one file (see `read_inputs` for `fmt` and `blocks`)."""
    if fmt == "auto":
        fmt = "jsonl" if path.suffix.lower() == ".jsonl" else "txt"
    try:
        fh = open(path, "rb")
    except OSError as e:
        yield DocError(str(path), None, e.strerror or str(e))
        return
    with fh:
        if fmt == "jsonl":
            yield from read_jsonl_stream(fh, str(path), id_field, text_field, blocks)
        else:
            yield from read_txt_stream(fh, str(path), path.stem)


def read_txt_stream(fh: BinaryIO, name: str, doc_id: str) -> Iterator[Item]:
    """A whole plain-text stream as one document."""
    try:
        data = fh.read()
    except OSError as e:
        yield DocError(name, None, f"cannot read: {e.strerror or e}")
        return
    if not data:
        yield EmptyFile(name)
        return
    if b"\0" in data[:BINARY_SNIFF]:
        yield DocError(name, None, "binary file (NUL byte in the first 8 KB)")
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        yield DocError(name, None, f"invalid UTF-8 at byte {e.start}")
        return
    yield InputDoc(doc_id, text, name)


def read_jsonl_stream(fh: BinaryIO, name: str, id_field: str = "id", text_field: str = "text",
                      blocks: bool = False) -> Iterator[Item | JsonlBlock]:
    """One document per non-blank line of a JSONL stream (with `blocks`, its raw
    `JsonlBlock`s instead, for a caller that parses them elsewhere).

    Each line must be a JSON object with a string `text_field`; its `id_field`
    (a string or an integer) is the doc id, ``<file stem>-<line>`` when absent.
    """
    for item in read_jsonl_blocks(fh, name, id_field, text_field):
        if blocks or not isinstance(item, JsonlBlock):
            yield item
        else:
            yield from item.items()


def read_jsonl_blocks(fh: BinaryIO, name: str, id_field: str = "id",
                      text_field: str = "text") -> Iterator[JsonlBlock | DocError | EmptyFile]:
    """A JSONL stream as blocks of whole lines, of about `BLOCK_BYTES` each.

    A block is what one read returns, completed to the end of its last line. A binary stream is
    one `DocError`; a stream with no non-blank line ends with `EmptyFile`.
    """
    # a file is read in full blocks; a pipe gives what it holds (lines still stream)
    read = fh.read if fh.seekable() else getattr(fh, "read1", fh.read)
    try:
        data = read(BLOCK_BYTES)
    except OSError as e:
        yield DocError(name, None, f"cannot read: {e.strerror or e}")
        return
    if b"\0" in data[:BINARY_SNIFF]:
        yield DocError(name, None, "binary file (NUL byte in the first 8 KB)")
        return
    stem = Path(name).stem if name != STDIN_NAME else STDIN_DOC_ID
    offset, line, seen = 0, 1, False
    while data:
        if not data.endswith(b"\n"):
            data += fh.readline()
        if not seen:
            seen = bool(data[3:].strip() if offset == 0 and data.startswith(_BOM) else data.strip())
        yield JsonlBlock(data, name, line, offset, id_field, text_field, stem)
        line += data.count(b"\n")
        offset += len(data)
        data = read(BLOCK_BYTES)
    if not seen:
        yield EmptyFile(name)


def _jsonl_doc(raw: bytes, start: int, id_field: str, text_field: str, default_id: str) -> tuple[str, str] | str:
    """(doc_id, text) of one JSONL line, or the reason it is not a document.
    `start` is the line's byte offset in its stream (for the UTF-8 error)."""
    try:
        line = raw.decode("utf-8").rstrip(" \t\r\n")
    except UnicodeDecodeError as e:
        return f"invalid UTF-8 at byte {start + e.start}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        return f"malformed JSON: {e.msg} (column {e.colno})"
    except RecursionError:
        return "malformed JSON: nested too deeply"
    return doc_fields(obj, id_field, text_field, default_id)


def doc_fields(obj, id_field: str, text_field: str, default_id: str | None) -> tuple[str | None, str] | str:
    """(doc_id, text) of a decoded document object, or the reason it is not a document:
    `text_field` must be a string, `id_field` a string or an integer (absent: `default_id`)."""
    if not isinstance(obj, dict):
        return f"not a JSON object (got {_json_type(obj)})"
    text = obj.get(text_field)
    if text is None:
        return f"no {text_field!r} field"
    if not isinstance(text, str):
        return f"{text_field!r} must be a string (got {_json_type(text)})"
    doc_id = obj.get(id_field)
    if doc_id is None:
        return default_id, text
    if isinstance(doc_id, bool) or not isinstance(doc_id, (str, int)):
        return f"{id_field!r} must be a string or an integer (got {_json_type(doc_id)})"
    return str(doc_id), text


def _json_type(v) -> str:
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, (int, float)):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


# --- writer -----------------------------------------------------------------------

class AtomicWriter:
    """Write a text file all at once or not at all.

    ``with AtomicWriter(path) as out: out.write(...)`` writes to a temporary file
    in the same folder and renames it over `path` when the block ends normally;
    on any exception (KeyboardInterrupt included) the temporary file is removed
    and `path` is left as it was. ``-`` or None writes to stdout (UTF-8) instead.
    With `binary`, the file is opened for bytes (a Parquet file); stdout is then
    refused, as it is not the place for binary data.
    """

    def __init__(self, path: str | os.PathLike | None, encoding: str = "utf-8", binary: bool = False):
        self.path = None if path is None or str(path) == STDIN else Path(path)
        if binary and self.path is None:
            raise ValueError("binary output needs a file, not stdout")
        self.encoding = encoding
        self.binary = binary
        self.tmp: Path | None = None
        self._fh: TextIO | BinaryIO | None = None

    def __enter__(self) -> TextIO | BinaryIO:
        if self.path is None:
            buf = getattr(sys.stdout, "buffer", None)
            if buf is None:  # a replaced sys.stdout (tests): write text to it as is
                self._fh = sys.stdout
            else:
                sys.stdout.flush()
                self._fh = io.TextIOWrapper(buf, encoding=self.encoding, newline="\n",
                                            line_buffering=False, write_through=False)
            return self._fh
        parent = self.path.parent
        fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{self.path.name}.", suffix=".tmp")
        self.tmp = Path(tmp)
        try:
            self._fh = (os.fdopen(fd, "wb") if self.binary
                        else os.fdopen(fd, "w", encoding=self.encoding, newline="\n"))
        except BaseException:
            os.close(fd)
            self.tmp.unlink(missing_ok=True)
            raise
        return self._fh

    def __exit__(self, exc_type, exc, tb) -> bool:
        fh, self._fh = self._fh, None
        if self.path is None:
            if fh is not None and fh is not sys.stdout:
                try:
                    fh.flush()
                finally:
                    try:
                        fh.detach()  # leave sys.stdout's buffer open
                    except (OSError, ValueError):
                        pass
            elif fh is not None:
                fh.flush()
            return False
        assert fh is not None and self.tmp is not None
        if exc_type is not None:
            try:
                fh.close()
            finally:
                self.tmp.unlink(missing_ok=True)
            return False
        try:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            os.chmod(self.tmp, _target_mode(self.path))
            os.replace(self.tmp, self.path)
        except BaseException:
            if not fh.closed:
                fh.close()
            self.tmp.unlink(missing_ok=True)
            raise
        return False


def _target_mode(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets the umask default."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
