"""The documents and facts of a review page, from either of two inputs.

- `extracted`: documents (as `factx.io.read_inputs` yields them), whose facts
  are extracted exactly as ``factx extract`` extracts them; the records, in
  order, are the fact file that command would write.
- `from_fact_file`: a fact file checked line by line as ``factx validate``
  checks it against its sources. A record with a problem is kept (the page
  shows it with its problem); only a line that is not a JSON object is left
  out, and reported.

Either way each record has an index (its position among the records, the
page's ``data-fact``) and the fact file has a digest, under which the page
keeps its review.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..io import STDIN, STDIN_NAME, InputDoc, DocError

_BOM = b"\xef\xbb\xbf"


@dataclass
class Document:
    """One document of the page and the indices of its facts. `text` is None for
    a doc_id of the fact file that none of the sources holds."""

    doc_id: str
    text: str | None
    facts: list[int] = field(default_factory=list)


@dataclass
class FactSet:
    """Documents, the fact records in fact-file order, and what went wrong reading them."""

    documents: list[Document] = field(default_factory=list)
    records: list[dict] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)     # 1-based line of each record in its fact file
    problems: dict[int, list[str]] = field(default_factory=dict)  # record index -> "[rule] message"s
    digest: str = ""                                   # SHA-256 of the fact file's bytes
    name: str | None = None                            # the fact file as named (None: extracted)
    errors: list[str] = field(default_factory=list)    # inputs not used: "WHERE: reason"

    def add(self, doc: Document, record: dict, line: int) -> int:
        """Append `record` to the facts of `doc`; its index."""
        index = len(self.records)
        self.records.append(record)
        self.lines.append(line)
        doc.facts.append(index)
        return index


def extracted(items: Iterable, kinds: frozenset[str] | None = None, variety: str | None = None) -> FactSet:
    """The facts of the documents in `items`, extracted by the path of ``factx extract``
    (`kinds` and `variety` as its options)."""
    from ..cli import Done, process   # the command's own extraction step, checks included
    out = FactSet()
    digest = hashlib.sha256()
    for item in items:
        if isinstance(item, DocError):
            out.errors.append(f"skipped {item.location}: {item.reason}")
        if not isinstance(item, InputDoc):
            continue
        done = process(item, kinds, False, variety)
        if not isinstance(done, Done):
            out.errors.append(f"skipped {done.location}: {done.reason}")
            continue
        digest.update(done.block.encode("utf-8"))
        doc = Document(item.doc_id, item.text)
        out.documents.append(doc)
        for line in done.block.split("\n")[:-1]:  # the lines' JSON escapes every \n it holds
            out.add(doc, json.loads(line), len(out.records) + 1)
    out.digest = digest.hexdigest()
    return out


def from_fact_file(path: str, sources: dict[str, str]) -> FactSet:
    """The records of the fact file `path` (``-``: stdin), checked against `sources`
    (doc_id -> text) as ``factx validate --source`` checks them.

    Raises OSError when the file cannot be opened. Documents come in the order of
    `sources`, then one entry without text per unknown doc_id.
    """
    from ..cli import check_line       # exactly the checks of `factx validate`
    from ..record import loads_record
    out = FactSet(name=STDIN_NAME if path == STDIN else path)
    by_id = {doc_id: Document(doc_id, text) for doc_id, text in sources.items()}
    out.documents.extend(by_id.values())
    digest = hashlib.sha256()
    fh = sys.stdin.buffer if path == STDIN else open(path, "rb")
    try:
        for lineno, raw in enumerate(fh, 1):
            digest.update(raw)
            if lineno == 1 and raw.startswith(_BOM):
                raw = raw[len(_BOM):]
            if not raw.strip():
                continue
            _, problems = check_line(raw, sources)
            try:
                record = loads_record(raw.decode("utf-8"))
            except (ValueError, RecursionError):   # check_line has said why
                record = None
            if not isinstance(record, dict):
                out.errors.append(f"{out.name}:{lineno}: not shown: {'; '.join(problems)}")
                continue
            doc_id = record.get("doc_id")
            key = doc_id if isinstance(doc_id, str) else json.dumps(doc_id)
            if key not in by_id:
                by_id[key] = Document(key, None)
                out.documents.append(by_id[key])
            index = out.add(by_id[key], record, lineno)
            if problems:
                out.problems[index] = problems
    finally:
        if fh is not sys.stdin.buffer:
            fh.close()
    out.digest = digest.hexdigest()
    return out
