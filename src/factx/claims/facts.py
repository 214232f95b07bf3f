"""Facts to check claims against: read from a facts JSONL file, or given as records.

A facts file is read with the same strict reading and validation as
`factx validate` (`record.loads_record`, `record.check_record`); a line that
fails is reported as ``FILE:LINE: doc_id=…: [rule] message`` and skipped, never
fatal. Only quantity facts are kept: dates and identifiers are not compared.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..record import QUANTITY_KINDS
from .intervals import Interval, interval_of
from .matching import About, about


@dataclass(slots=True)
class Fact:
    """One quantity fact with where it was read (1-based line of its file, or its
    position among the records given) and what matching needs of it."""

    record: dict
    line: int
    about: About
    interval: Interval

    @property
    def doc_id(self) -> str | None:
        return self.record.get("doc_id")

    def sentence_text(self, sources: dict[str, str] | None) -> str | None:
        """The fact's sentence: its `sentence_text`, else cut from its source document."""
        text = self.record.get("sentence_text")
        if isinstance(text, str):
            return text
        sent, doc = self.record.get("sentence"), (sources or {}).get(self.doc_id)
        if isinstance(sent, dict) and doc is not None:
            return doc[sent["start"]:sent["end"]]
        return None


def as_dict(record: Any) -> dict:
    """A record as a plain dict (a `factx.Fact` is dumped as JSON)."""
    if isinstance(record, dict):
        return record
    return record.model_dump(mode="json")


def make_facts(records: Iterable[Any]) -> list[Fact]:
    """The quantity facts of `records` (dicts, `factx.Fact`s, or `Fact`s already
    made), numbered by position from 1 where they carry no line."""
    if isinstance(records, list) and all(isinstance(r, Fact) for r in records):
        return records
    out = []
    for n, r in enumerate(records, 1):
        if isinstance(r, Fact):
            out.append(r)
            continue
        fact = make_fact(as_dict(r), n)
        if fact is not None:
            out.append(fact)
    return out


def make_fact(record: dict, line: int) -> Fact | None:
    """A `Fact` of a quantity record; None for another kind or a record without interval."""
    if record.get("kind") not in QUANTITY_KINDS:
        return None
    iv = interval_of(record)
    if iv is None:
        return None
    return Fact(record, line, about(record), iv)


def read_facts(fh, name: str) -> Iterator[Fact | str]:
    """The quantity facts of a facts JSONL stream (binary), and for each bad line
    the message that reports it (``NAME:LINE: …``)."""
    from ..record import check_record, loads_record
    for lineno, raw in enumerate(fh, 1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            obj = loads_record(raw.decode("utf-8"))
        except UnicodeDecodeError as e:
            yield f"{name}:{lineno}: [json] invalid UTF-8 at byte {e.start} of the line"
            continue
        except (ValueError, RecursionError) as e:
            yield f"{name}:{lineno}: [json] not valid JSON: {e}"
            continue
        _, problems = check_record(obj)
        if problems:
            doc_id = obj.get("doc_id") if isinstance(obj, dict) else None
            yield f"{name}:{lineno}: doc_id={doc_id if doc_id is not None else '?'}: {'; '.join(problems)}"
            continue
        fact = make_fact(obj, lineno)
        if fact is not None:
            yield fact
