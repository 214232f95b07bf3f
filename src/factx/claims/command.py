"""The ``factx check`` and ``factx compare`` commands: files in, JSON lines out.

Facts files are read strictly (`facts.read_facts`); a bad line is reported on
stderr as ``FILE:LINE: …`` and skipped, and the exit code is then 1. An
unreadable facts file is a usage error (exit code 2).
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable

from ..io import AtomicWriter, InputDoc, DocError, read_inputs
from .check import check
from .compare import compare
from .facts import Fact, read_facts

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    sys.stderr.write(msg + "\n")
    sys.stderr.flush()


def _load(paths: list[str]) -> tuple[list[Fact] | None, int]:
    """The facts of every file of `paths`, and how many bad lines were skipped
    (None when a file cannot be opened)."""
    facts: list[Fact] = []
    bad = 0
    for path in paths:
        try:
            fh = sys.stdin.buffer if path == "-" else open(path, "rb")
        except OSError as e:
            _err(f"factx: error: cannot open {path}: {e.strerror or e}")
            return None, bad
        with contextlib.nullcontext() if fh is sys.stdin.buffer else fh:
            for item in read_facts(fh, "<stdin>" if path == "-" else path):
                if isinstance(item, str):
                    _err(f"factx: skipped {item}")
                    bad += 1
                else:
                    facts.append(item)
    return facts, bad


def _sources(paths: list[str], fmt: str, id_field: str, text_field: str) -> tuple[dict[str, str], int]:
    docs: dict[str, str] = {}
    bad = 0
    for item in read_inputs(paths, fmt, id_field, text_field):
        if isinstance(item, DocError):
            _err(f"factx: cannot read source {item.location}: {item.reason}")
            bad += 1
        elif isinstance(item, InputDoc):
            docs.setdefault(item.doc_id, item.text)
    return docs, bad


def _write(path: str | None, lines: list[dict]) -> None:
    with AtomicWriter(path) as out:
        for obj in lines:
            out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")


def _claims(args) -> tuple[list[tuple[str, str]], int]:
    """(claim_id, text) of the CLAIM arguments and of every --claims file."""
    out: list[tuple[str, str]] = []
    if len(args.claim) == 1:
        out.append(("claim", args.claim[0]))
    else:
        out += [(f"claim-{n}", text) for n, text in enumerate(args.claim, 1)]
    bad = 0
    for path in args.claims:
        for item in read_inputs([path], "jsonl", "id", "text"):
            if isinstance(item, DocError):
                _err(f"factx: skipped {item.location}: {item.reason}")
                bad += 1
            elif isinstance(item, InputDoc):
                out.append((item.doc_id, item.text))
    return out, bad


def _with_inputs(args, body: Callable[[list[Fact], dict[str, str]], list[dict]]) -> int:
    facts, bad = _load(args.facts)
    if facts is None:
        return EXIT_USAGE
    sources, bad_src = _sources(args.source, "auto", "id", "text") if args.source else ({}, 0)
    lines = body(facts, sources)
    _write(args.output, lines)
    return EXIT_DATA if bad or bad_src else EXIT_OK


def run_check(args) -> int:
    """factx check: one line per quantity of each claim."""
    if not args.claim and not args.claims:
        _err("factx check: error: give a CLAIM or --claims FILE")
        return EXIT_USAGE
    claims, bad_claims = _claims(args)

    def body(facts, sources):
        lines = []
        for claim_id, text in claims:
            found = check(text, facts, claim_id=claim_id, sources=sources)
            if not found:
                _err(f"factx: note: claim {claim_id}: no quantity to check")
            lines += found
        return lines

    code = _with_inputs(args, body)
    return code if code != EXIT_OK else (EXIT_DATA if bad_claims else EXIT_OK)


def run_compare(args) -> int:
    """factx compare: one line per group of facts on which documents disagree."""
    return _with_inputs(args, lambda facts, sources: compare(facts, sources=sources))
