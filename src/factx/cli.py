"""The ``factx`` command: ``extract``, ``validate``, ``review``, ``check``, ``compare`` and ``schema``.

Run as ``factx …`` (installed script) or ``python -m factx.cli …``.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import NoReturn, Union

import factx

from .extract import pipeline
from .io import FORMATS, STDIN, STDIN_NAME, AtomicWriter, InputDoc, DocError, EmptyFile, JsonlBlock, read_inputs
from .language.tables import LanguageDataError
from .record import KINDS, QUANTITY_KINDS, slice_problems

# `extract` runs without pydantic (records are plain dicts, written by json.dumps):
# the command starts in half the time. `validate` and `schema` load the models
# and the JSON Schema (module `schema`) when they run.

PROG = "factx"

EXIT_OK = 0
EXIT_DATA = 1      # invalid records found, or input documents skipped
EXIT_USAGE = 2     # bad command line (argparse's own code)
EXIT_INTERRUPTED = 130                    # 128 + SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM    # 143

OUTPUT_FORMATS = ("auto", "jsonl", "parquet")
ENGINES = ("local", "dask")

EXIT_CODES_HELP = """\
exit codes:
  0    success: every document read (extract) / every record valid (validate)
  1    some input was bad: documents skipped or stopped at (extract),
       invalid records or unreadable sources (validate)
  2    usage error (unknown option, bad --kinds, --variety or --region, unreadable FACTS
       file, language tables that cannot be loaded …)
  130  interrupted (Ctrl-C, SIGINT); with -o the output file is left untouched
  143  terminated (SIGTERM, as a batch scheduler sends at a time limit); with -o
       the output file is left untouched
"""

MAIN_EPILOG = f"""\
examples:
  echo "قتل أكثر من 500 شخص" | factx extract -
  factx extract seeds/ -o facts.jsonl
  factx validate facts.jsonl --source seeds/
  factx review seeds/ -o review.html
  factx schema > fact.schema.json

{EXIT_CODES_HELP}"""

EXTRACT_EPILOG = f"""\
Input: each PATH is a .txt file (one document, doc_id = file name without
extension), a .jsonl file (one document per line: {{"id": …, "text": …}}),
a folder (its .txt and .jsonl files, recursively, in sorted order), or - for
stdin (plain text with doc_id "stdin", or JSONL with --format jsonl). No PATH
means stdin.

Output: one JSON fact per line, UTF-8, in document order (also with several
workers), or with -o FILE.parquet (or --output-format parquet) a Parquet file of
the same records. With -o the file is written atomically: it appears complete
when the run ends, and is left untouched if the run is interrupted.

Engines: the local one forks worker processes on this machine (--workers);
--engine dask runs the same extraction on a Dask cluster (a local one of
--workers processes, or the one at --scheduler), with the same output.

Bad input (invalid UTF-8, a malformed JSONL line, a line without text, a binary
file, an extractor failure) is reported on stderr as
  factx: skipped FILE[:LINE]: REASON
and the run goes on (--on-error skip, the default; exit code 1). With
--on-error stop the run ends at the first bad document with exit code 1; the
facts of the documents before it are kept (and -o FILE is still written).
Empty files are not errors; they are noted in the final summary line.

examples:
  echo "قتل أكثر من 500 شخص" | factx extract -
  echo "ارتفعت الأسعار بنسبة 85% خلال أربعة أعوام" | factx extract --kinds percent,duration
  factx extract seeds/000_bcc106d994346498.txt --sentence
  factx extract corpus.jsonl --id-field url --text-field body -o facts.jsonl
  factx extract seeds/ --workers 4 --kinds quantity -o facts.jsonl
  factx extract posts.jsonl --variety eg -o facts.jsonl
  factx extract news.jsonl --region MA -o facts.jsonl      # درهم is MAD where the text does not say
  factx extract corpus.jsonl -o facts.parquet
  factx extract archive/ --engine dask --scheduler tcp://scheduler.example:8786 -o facts.jsonl

{EXIT_CODES_HELP}"""

VALIDATE_EPILOG = f"""\
Every line of FACTS (- for stdin; a .parquet file or a folder is read as Parquet,
row by row) is checked: JSON syntax, the fact model's
rules (SPEC §3), the JSON Schema, and with --source the documents themselves
(the doc_id must be known and text must equal the source slice). One line is
printed per invalid record,
  FACTS:LINE: doc_id=ID: [rule] message
then a summary "N records, M invalid".

examples:
  echo "قتل أكثر من 500 شخص" > doc.txt
  factx extract doc.txt | factx validate - --source doc.txt
  factx extract seeds/ -o facts.jsonl && factx validate facts.jsonl --source seeds/

{EXIT_CODES_HELP}"""


REVIEW_EPILOG = f"""\
Writes one self-contained HTML page (no network; open it from disk): each
document with its facts highlighted in place, a sortable, filterable table of
the facts, and for each fact a correct/wrong mark with a note, kept in the
browser and exported as JSONL (the records plus review and review_note), which
factx validate accepts. Facts are extracted from the PATHs as factx extract
does, or read from --facts and checked against --source as factx validate
does: a fact with a problem is shown with it, not dropped (exit code 1).

examples:
  factx review seeds/ -o review.html
  factx review --facts facts.jsonl --source seeds/ -o review.html
  factx review seeds/ --check checks.jsonl --compare groups.jsonl -o review.html

{EXIT_CODES_HELP}"""

CHECK_EPILOG = f"""\
Each quantity of a claim is matched with the facts about the same thing (same
kind, compatible unit, same class of counted noun and predicate family) and
their intervals are compared: one JSON line per claim quantity with its
verdict (supported, contradicted, compatible, conflicting, not_found) and its
evidence. Bad lines of FACTS or CLAIMS are reported on stderr and skipped.

examples:
  factx extract seeds/ --sentence -o facts.jsonl
  factx check --facts facts.jsonl "قتل أكثر من 600 شخص في إدلب"
  factx check --facts facts.jsonl --claims claims.jsonl -o verdicts.jsonl

{EXIT_CODES_HELP}"""

COMPARE_EPILOG = f"""\
One JSON line per group of facts (same kind, unit, class of counted noun and
predicate family) in which two documents give disjoint intervals.

examples:
  factx extract seeds/ --sentence -o facts.jsonl
  factx compare facts.jsonl
  factx compare facts.jsonl --source seeds/

{EXIT_CODES_HELP}"""


def _err(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# --- argument parsing ---------------------------------------------------------------

def _kinds_arg(value: str) -> frozenset[str]:
    out: set[str] = set()
    for k in value.split(","):
        k = k.strip()
        if not k:
            continue
        if k in ("quantity", "quantities"):
            out |= QUANTITY_KINDS
        elif k in KINDS:
            out.add(k)
        else:
            raise argparse.ArgumentTypeError(
                f"unknown kind {k!r} (choose from {', '.join(KINDS)}, or 'quantity')")
    if not out:
        raise argparse.ArgumentTypeError("no kind given")
    return frozenset(out)


def _workers_arg(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def _partition_arg(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not mb * 1e6 >= 1:
        raise argparse.ArgumentTypeError("must be at least one byte (1e-6)")
    return mb


def default_workers() -> int:
    """All the cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=FORMATS, default="auto",
                   help="how to read files named on the command line and stdin: auto (by "
                        "extension: .jsonl is JSONL, anything else plain text; stdin is plain "
                        "text), txt or jsonl (default: auto). Files found in a folder always go "
                        "by extension.")
    p.add_argument("--id-field", default="id", metavar="NAME",
                   help="JSONL field holding the document id (default: id; when absent: FILE-LINE)")
    p.add_argument("--text-field", default="text", metavar="NAME",
                   help="JSONL field holding the document text (default: text)")


def _add_variety_option(p: argparse.ArgumentParser, when: str = "") -> None:
    p.add_argument("--variety", choices=factx.VARIETIES, default=None,
                   help=f"{when}read the number words, month names and currency defaults of a variety "
                        "of Arabic over Modern Standard Arabic's: eg (Egyptian), lev (Levantine), gulf, "
                        "maghreb (Maghrebi) (default: none)")


def _region_arg(value: str) -> str:
    """A country code of data/regions.toml (a broken table is reported when it is loaded)."""
    try:
        known = factx.REGIONS
    except LanguageDataError:
        return value
    if value not in known:
        raise argparse.ArgumentTypeError(f"invalid choice: {value!r} (choose from {', '.join(known)})")
    return value


def _add_region_option(p: argparse.ArgumentParser, when: str = "") -> None:
    p.add_argument("--region", type=_region_arg, default=None, metavar="CC",
                   help=f"{when}the country the text comes from (ISO 3166 alpha-2 of data/regions.toml: "
                        "EG, SA, AE, KW, MA, JO, LB, SY, IQ …): an ambiguous currency word (درهم، دينار، "
                        "ريال، ليرة، جنيه) the text does not settle names its currency, and its variety is "
                        "read when --variety is not given")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, formatter_class=fmt, epilog=MAIN_EPILOG,
        description="Extract numeric facts, with exact source spans, from Arabic text.")
    parser.add_argument("--version", action="version", version=f"{PROG} {factx.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("extract", formatter_class=fmt, epilog=EXTRACT_EPILOG,
                       help="extract facts from documents to JSONL or Parquet",
                       description="Extract the numeric facts of each document as JSON lines.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help=".txt or .jsonl file, folder, or - for stdin (default: stdin)")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the facts to FILE, atomically (default: stdout)")
    p.add_argument("--kinds", type=_kinds_arg, default=None, metavar="KIND,...",
                   help=f"only these kinds ({', '.join(KINDS)}; 'quantity' = "
                        f"{', '.join(k for k in KINDS if k in QUANTITY_KINDS)})")
    p.add_argument("--sentence", action="store_true",
                   help="add a sentence_text field: the sentence each fact sits in")
    _add_variety_option(p)
    _add_region_option(p)
    p.add_argument("--workers", type=_workers_arg, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {default_workers()}); "
                        "the output does not depend on it")
    p.add_argument("--on-error", choices=("skip", "stop"), default="skip",
                   help="on a bad document: report it and go on (skip, default) or end the "
                        "run there (stop); either way the exit code is 1")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no summary line (errors are still reported)")
    p.add_argument("--output-format", choices=OUTPUT_FORMATS, default="auto",
                   help="what to write: jsonl, or parquet (needs -o FILE and the parquet extra); auto "
                        "(default) goes by the -o suffix, .parquet being Parquet. (--format is the "
                        "input's format.)")
    p.add_argument("--engine", choices=ENGINES, default="local",
                   help="local: worker processes on this machine (default); dask: a Dask cluster "
                        "(the dask extra): a local one of --workers processes, or --scheduler's. "
                        "The output is the same.")
    p.add_argument("--partition-mb", type=_partition_arg, default=None, metavar="MB",
                   help="with --engine dask: megabytes of input per task (default 2); a larger "
                        "JSONL file is split into ranges of this size")
    p.add_argument("--scheduler", metavar="ADDRESS", default=None,
                   help="with --engine dask: the address of a running Dask scheduler "
                        "(e.g. tcp://scheduler.example:8786) instead of a local cluster")
    _add_input_options(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("validate", formatter_class=fmt, epilog=VALIDATE_EPILOG,
                       help="check a facts JSONL file against the record contract",
                       description="Check every fact record of a JSONL file.")
    p.add_argument("facts", metavar="FACTS",
                   help="facts JSONL file, - for stdin, or a Parquet file or folder of part files")
    p.add_argument("--source", action="append", default=[], metavar="PATH",
                   help="the documents the facts were extracted from (same kinds of PATH as "
                        "extract; repeatable); enables the text == source slice check")
    _add_input_options(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("review", formatter_class=fmt, epilog=REVIEW_EPILOG,
                       help="build an HTML page for reviewing the facts of documents",
                       description="Build a review page: documents with their facts highlighted.")
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="documents to extract the facts from, as for extract (default: stdin, "
                        "unless --facts, --check or --compare is given)")
    p.add_argument("--facts", metavar="FACTS", default=None,
                   help="show this facts JSONL file (- for stdin) instead of extracting; needs --source")
    p.add_argument("--source", action="append", default=[], metavar="PATH",
                   help="with --facts: the documents the facts were extracted from (repeatable)")
    p.add_argument("--check", metavar="CHECKS", default=None,
                   help="factx check output: show the claims and their evidence")
    p.add_argument("--compare", metavar="COMPARE", default=None,
                   help="factx compare output: show the groups of disagreeing facts")
    p.add_argument("--kinds", type=_kinds_arg, default=None, metavar="KIND,...",
                   help="when extracting: only these kinds, as for extract")
    _add_variety_option(p, "when extracting: ")
    _add_region_option(p, "when extracting: ")
    p.add_argument("--title", default=None, help="the page's title (default: from the inputs)")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the page to FILE, atomically (default: stdout)")
    _add_input_options(p)
    p.set_defaults(func=cmd_review)

    p = sub.add_parser("check", formatter_class=fmt, epilog=CHECK_EPILOG,
                       help="check claims against a facts file",
                       description="Check the quantities of claims against the facts of a facts JSONL file.")
    p.add_argument("claim", nargs="*", metavar="CLAIM", help="a claim, in Arabic (several: claim-1, claim-2 …)")
    p.add_argument("--facts", action="append", required=True, metavar="FACTS",
                   help="facts JSONL file (from factx extract; repeatable; - for stdin)")
    p.add_argument("--claims", action="append", default=[], metavar="CLAIMS",
                   help='claims JSONL file: lines {"id": …, "text": …} (repeatable)')
    _add_claim_options(p)
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("compare", formatter_class=fmt, epilog=COMPARE_EPILOG,
                       help="find the numbers on which documents disagree",
                       description="Group the facts of several documents by what they are about and "
                                   "report the groups whose intervals do not all overlap.")
    p.add_argument("facts", nargs="+", metavar="FACTS", help="facts JSONL file(s) (- for stdin)")
    _add_claim_options(p)
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("schema", formatter_class=fmt,
                       help="print the JSON Schema of a fact record",
                       description="Print the JSON Schema (draft 2020-12) of one fact record.",
                       epilog="example:\n  factx schema > fact.schema.json\n")
    p.set_defaults(func=cmd_schema)
    return parser


class Terminated(BaseException):
    """SIGTERM, raised where the command is, so that it ends as on Ctrl-C: the
    workers stopped, an -o file's temporary file removed and the file untouched."""


def _terminate(signum, frame) -> NoReturn:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)     # a second one does not cut the clean-up short
    raise Terminated


def _add_claim_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--source", action="append", default=[], metavar="PATH",
                   help="the documents of the facts (as for extract; repeatable): the sentence "
                        "of a fact without sentence_text is cut from them")
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write the JSON lines to FILE, atomically (default: stdout)")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:              # not the main thread (main called from a thread): left as it is
        previous = None
    try:
        return args.func(args)
    except KeyboardInterrupt:
        _err(f"{PROG}: interrupted")
        return EXIT_INTERRUPTED
    except Terminated:
        _err(f"{PROG}: terminated")
        return EXIT_TERMINATED
    except LanguageDataError as e:     # a language table missing or broken (FACTX_DATA_DIR, say)
        _err(f"{PROG}: error: cannot load the language tables: {e}")
        return EXIT_USAGE
    except BrokenPipeError:
        # the reader went away (factx extract … | head): stop quietly
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_DATA
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


# --- extract ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Done:
    """The serialised facts of `docs` consecutive documents: `facts` JSON lines,
    as one block of text (joined by the worker: one string crosses the process
    boundary); for Parquet output from a Dask task, the Arrow table of those lines."""

    block: str
    facts: int
    chars: int
    docs: int = 1


Result = Union[Done, DocError, EmptyFile]

_WORKER_CONF: tuple[frozenset[str] | None, bool, str | None, str | None] = (None, False, None, None)


def doc_records(item: InputDoc, kinds: frozenset[str] | None, sentence: bool,
                variety: str | None = None, region: str | None = None) -> list[dict] | DocError:
    """The checked records of one document (what the command writes), or the DocError
    that stands for it. Every engine and integration extracts through here."""
    try:
        records = factx.extract_records(item.text, doc_id=item.doc_id,
                                        kinds=None if kinds is None else sorted(kinds), variety=variety,
                                        region=region)
        for r in records:
            bad = slice_problems(r["span"]["start"], r["span"]["end"], r["text"], item.text)
            if bad:
                return DocError(item.source, item.line, f"extractor produced an invalid fact: {bad[0]}")
            if sentence:              # an extra field of the record (Fact allows extras)
                s = r["sentence"]
                r["sentence_text"] = None if s is None else item.text[s["start"]:s["end"]]
        return records
    except Exception as e:  # one bad document never kills the run
        return DocError(item.source, item.line, f"extraction failed: {type(e).__name__}: {e}")


def process(item, kinds: frozenset[str] | None, sentence: bool, variety: str | None = None,
            region: str | None = None) -> Result:
    """Extract one document into JSON lines; a failure becomes a DocError."""
    if not isinstance(item, InputDoc):
        return item
    records = doc_records(item, kinds, sentence, variety, region)
    if isinstance(records, DocError):
        return records
    try:
        lines = [_dumps(r) for r in records]
    except Exception as e:  # one bad document never kills the run
        return DocError(item.source, item.line, f"extraction failed: {type(e).__name__}: {e}")
    return Done("".join(line + "\n" for line in lines), len(lines), len(item.text))


def process_item(item, kinds: frozenset[str] | None, sentence: bool, variety: str | None = None,
                 region: str | None = None) -> list[Result]:
    """The results of one input item: a document, or each document of a JSONL block."""
    if isinstance(item, JsonlBlock):
        return [process(doc, kinds, sentence, variety, region) for doc in item.items()]
    return [process(item, kinds, sentence, variety, region)]


def _joined(found: Iterable[Result]) -> list[Result]:
    """`found` with each run of consecutive `Done` results joined into one."""
    out: list[Result] = []
    for is_done, group in itertools.groupby(found, key=lambda r: isinstance(r, Done)):
        if is_done:
            done = list(group)
            out.append(Done("".join(d.block for d in done), sum(d.facts for d in done),
                            sum(d.chars for d in done), sum(d.docs for d in done)))
        else:
            out.extend(group)
    return out


#: JSON for one record: compact, UTF-8 as is (no \u escapes), NaN refused. The encoder
#: is made once (``json.dumps`` with these arguments makes one per call); records are
#: trees of plain values, so the check for circular references is left out.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False,
                          check_circular=False).encode


def _init_worker(kinds, sentence, variety, region) -> None:
    global _WORKER_CONF
    _WORKER_CONF = (kinds, sentence, variety, region)


def _process_batch(batch: list) -> list[Result]:
    kinds, sentence, variety, region = _WORKER_CONF
    return _joined(r for item in batch for r in process_item(item, kinds, sentence, variety, region))


def _lost_batch(batch: list, reason: str) -> list[Result]:
    """What stands for a batch whose worker died: each of its texts is a bad document."""
    out: list[Result] = []
    for item in batch:
        if isinstance(item, InputDoc):
            out.append(DocError(item.source, item.line, f"extraction failed: {reason}"))
        elif isinstance(item, JsonlBlock):
            last = item.line + item.data.count(b"\n", 0, len(item.data) - 1)
            out.append(DocError(item.source, item.line, f"lines {item.line}-{last} not extracted: {reason}"))
        else:
            out.append(item)
    return out


def _batched(items: Iterable, max_items: int = 32, max_chars: int = 1 << 17) -> Iterator[list]:
    """Items in batches of at most `max_items` items or about `max_chars` characters
    of text (a JSONL block counts its bytes; a larger item is a batch of its own).
    Small batches keep both workers busy to the end of the input."""
    batch: list = []
    chars = 0
    for item in items:
        batch.append(item)
        if isinstance(item, InputDoc):
            chars += len(item.text)
        elif isinstance(item, JsonlBlock):
            chars += len(item.data)
        if len(batch) >= max_items or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def run(items: Iterable, workers: int, kinds: frozenset[str] | None = None,
        sentence: bool = False, variety: str | None = None, region: str | None = None) -> Iterator[Result]:
    """Results of `items` in input order, `workers` processes in parallel.

    Items (documents and JSONL blocks) are streamed, in batches: each worker
    holds at most two batches ahead of the writer. With one worker (or a single
    item to extract from) everything runs in this process. The pipeline of
    `variety` and `region` is built here before the workers are forked, so that they share
    it instead of each loading and checking the language tables again. Closing
    the generator early stops the workers.
    """
    items = iter(items)
    head: list = []
    if workers > 1:
        texts = 0
        for item in items:
            head.append(item)
            texts += isinstance(item, (InputDoc, JsonlBlock))
            if texts >= 2:
                break
        else:  # a single text in all: not worth a pool
            workers = 1
    items = itertools.chain(head, items)
    if workers == 1:
        for item in items:
            yield from process_item(item, kinds, sentence, variety, region)
        return
    pipeline(variety, region)              # built here, once: the forked workers share it
    from .workers import imap_ordered      # only for a pool: one worker does without it
    for found in imap_ordered(_process_batch, _batched(items), workers, lost=_lost_batch,
                              init=_init_worker, initargs=(kinds, sentence, variety, region)):
        yield from found


class Progress:
    """A one-line progress report on stderr, redrawn at most 10 times a second."""

    def __init__(self, enabled: bool, stream=None):
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self.last = 0.0
        self.shown = False

    def update(self, docs: int, facts: int, chars: int, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self.last < 0.1:
            return
        self.last = now
        rate = chars / max(now - self.start, 1e-6)
        self.stream.write(f"\r\x1b[K{PROG}: {_plural(docs, 'document')}, {_plural(facts, 'fact')}, "
                          f"{_human(rate)} chars/s")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.shown = False


def _human(x: float) -> str:
    for unit in ("", "k", "M", "G"):
        if x < 1000:
            return f"{x:.0f}{unit}" if unit == "" else f"{x:.1f}{unit}"
        x /= 1000
    return f"{x:.1f}T"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class UsageError(Exception):
    """A command line that cannot run (exit code 2); the message says why."""


def _extract_setup(args: argparse.Namespace) -> tuple[str, int]:
    """(output format, workers) of an extract command line; UsageError when they clash."""
    out_format = args.output_format
    if out_format == "auto":
        out_format = "parquet" if (args.output or "").lower().endswith(".parquet") else "jsonl"
    if out_format == "parquet" and args.output in (None, STDIN):
        raise UsageError("Parquet output needs -o FILE")
    if args.engine == "dask":
        if not args.paths or STDIN in args.paths:
            raise UsageError("--engine dask reads files, folders and URLs, not stdin")
        if args.scheduler is not None and args.workers is not None:
            raise UsageError("--workers sets the size of a local cluster; the cluster at --scheduler has its own")
    elif args.scheduler is not None or args.partition_mb is not None:
        raise UsageError(f"{'--scheduler' if args.scheduler is not None else '--partition-mb'} needs --engine dask")
    workers = args.workers or default_workers()
    if args.engine == "local" and workers > 1 and not hasattr(os, "fork"):
        _err(f"{PROG}: note: worker processes need os.fork, not available here; running in one process")
        workers = 1
    return out_format, workers


def _writer(args: argparse.Namespace, out_format: str):
    """The atomic writer of the output: JSON lines, or a Parquet file."""
    if out_format == "jsonl":
        return AtomicWriter(args.output)
    try:
        from .parquet import FactsWriter
    except ImportError as e:
        raise UsageError(f"Parquet output needs the parquet extra (pip install 'factx[parquet]'): {e}") from None
    return FactsWriter(args.output, args.sentence)


def _results(args: argparse.Namespace, workers: int, out_format: str, stack) -> Iterator[Result]:
    """The results of the run in input order, from this machine's pool or a Dask cluster."""
    if args.engine == "local":
        items = read_inputs(args.paths, args.format, args.id_field, args.text_field, blocks=True)
        return run(items, workers, args.kinds, args.sentence, args.variety, args.region)
    try:
        from . import dask as engine
    except ImportError as e:
        raise UsageError(f"the Dask engine needs the dask extra (pip install 'factx[dask]'): {e}") from None
    try:
        client = engine.start_client(args.scheduler, workers, stack)
    except engine.EngineError as e:
        raise UsageError(str(e)) from None
    size = engine.PARTITION_BYTES if args.partition_mb is None else round(args.partition_mb * 1e6)
    return engine.cli_results(client, args.paths, args.format, args.id_field, args.text_field,
                              args.kinds, args.sentence, arrow=out_format == "parquet", partition_bytes=size,
                              variety=args.variety, region=args.region)


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        return _extract(args)
    except UsageError as e:
        _err(f"{PROG}: error: {e}")
        return EXIT_USAGE


def _extract(args: argparse.Namespace) -> int:
    pipeline(args.variety, args.region)   # the language tables, loaded before any document: one error if they are bad
    out_format, workers = _extract_setup(args)
    progress = Progress(enabled=not args.quiet and sys.stderr.isatty())
    docs = facts = chars = 0
    skipped: list[DocError] = []
    empty: list[str] = []
    stopped: DocError | None = None
    writer = _writer(args, out_format)
    try:
        out = writer.__enter__()
    except OSError as e:
        _err(f"{PROG}: error: cannot write {args.output}: {e.strerror or e}")
        return EXIT_USAGE
    try:
        with contextlib.ExitStack() as stack:
            stack.push(writer)
            results = _results(args, workers, out_format, stack)
            progress.update(0, 0, 0, force=True)
            try:
                for r in results:
                    if isinstance(r, Done):
                        out.write(r.block)
                        docs += r.docs
                        facts += r.facts
                        chars += r.chars
                    elif isinstance(r, EmptyFile):
                        empty.append(r.source)
                    elif args.on_error == "stop":
                        stopped = r
                        break
                    else:
                        skipped.append(r)
                        progress.clear()
                        _err(f"{PROG}: skipped {r.location}: {r.reason}")
                    progress.update(docs, facts, chars)
            finally:
                results.close()
    finally:
        progress.clear()
    if stopped is not None:
        _err(f"{PROG}: error: {stopped.location}: {stopped.reason}")
        _err(f"{PROG}: stopped at the first bad document (--on-error stop); "
             f"the facts of the {_plural(docs, 'document')} before it were written")
        return EXIT_DATA
    if (skipped or empty) and not args.quiet:
        parts = [f"{_plural(docs, 'document')}, {_plural(facts, 'fact')}"]
        if skipped:
            parts.append(f"{len(skipped)} skipped")
        if empty:
            shown = ", ".join(empty[:3]) + (", …" if len(empty) > 3 else "")
            parts.append(f"{_plural(len(empty), 'empty file')} ({shown})")
        _err(f"{PROG}: " + "; ".join(parts))
    return EXIT_DATA if skipped else EXIT_OK


# --- validate -----------------------------------------------------------------------

def _load_sources(args) -> tuple[dict[str, str], int]:
    sources: dict[str, str] = {}
    where: dict[str, str] = {}
    errors = 0
    for item in read_inputs(args.source, args.format, args.id_field, args.text_field):
        if isinstance(item, DocError):
            _err(f"{PROG}: cannot read source {item.location}: {item.reason}")
            errors += 1
        elif isinstance(item, InputDoc):
            if item.doc_id in sources:
                _err(f"{PROG}: warning: doc_id {item.doc_id!r} at {item.location} was already "
                     f"read from {where[item.doc_id]}; the first one is used")
                continue
            sources[item.doc_id] = item.text
            where[item.doc_id] = item.location
    return sources, errors


def check_line(raw: bytes, sources: dict[str, str] | None) -> tuple[str, list[str]]:
    """(doc_id for display, problems) of one JSONL line of facts."""
    from .record import loads_record
    try:
        line = raw.decode("utf-8").rstrip(" \t\r\n")
    except UnicodeDecodeError as e:
        return "?", [f"[json] invalid UTF-8 at byte {e.start} of the line"]
    try:
        obj = loads_record(line)
    except (ValueError, RecursionError) as e:
        return "?", [f"[json] not valid JSON: {e}"]
    return check_record(obj, sources)


def check_record(obj, sources: dict[str, str] | None) -> tuple[str, list[str]]:
    """(doc_id for display, problems) of one decoded record (a JSONL line or a Parquet row)."""
    from .record import check_record
    doc_id = obj.get("doc_id") if isinstance(obj, dict) else None
    shown = "?" if doc_id is None else str(doc_id)
    document = None
    problems: list[str] = []
    if sources is not None and isinstance(obj, dict):
        if isinstance(doc_id, str) and doc_id in sources:
            document = sources[doc_id]
        else:
            problems.append(f"[unknown-doc] doc_id {doc_id!r} is not among the --source documents")
    _, found = check_record(obj, document)
    return shown, found + problems


def _is_parquet(path: str) -> bool:
    """A folder (of Parquet part files), a ``.parquet`` file, or a file with Parquet's magic."""
    if os.path.isdir(path) or path.lower().endswith(".parquet"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(4) == b"PAR1"
    except OSError:
        return False


def _jsonl_checks(fh, name: str, sources) -> Iterator[tuple[str, tuple[str, list[str]]]]:
    """(FILE:LINE, check) of every non-blank line of a facts JSONL stream."""
    for lineno, raw in enumerate(fh, 1):
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if raw.strip():
            yield f"{name}:{lineno}", check_line(raw, sources)


def cmd_validate(args: argparse.Namespace) -> int:
    from .schema import schema_available
    sources, source_errors = _load_sources(args) if args.source else (None, 0)
    if not schema_available():
        _err(f"{PROG}: note: jsonschema is not installed; the JSON Schema check is skipped")
    read_errors: tuple[type[BaseException], ...] = ()
    if args.facts != STDIN and _is_parquet(args.facts):
        try:
            from . import parquet
        except ImportError:
            _err(f"{PROG}: error: reading Parquet needs the parquet extra (pip install 'factx[parquet]')")
            return EXIT_USAGE
        closing = contextlib.nullcontext()
        checks = ((f"{f}:{row}", check_record(obj, sources)) for f, row, obj in parquet.read(args.facts))
        read_errors = parquet.READ_ERRORS
    else:
        try:
            fh = sys.stdin.buffer if args.facts == STDIN else open(args.facts, "rb")
        except OSError as e:
            _err(f"{PROG}: error: cannot open {args.facts}: {e.strerror or e}")
            return EXIT_USAGE
        closing = contextlib.nullcontext() if fh is sys.stdin.buffer else fh
        checks = _jsonl_checks(fh, STDIN_NAME if args.facts == STDIN else args.facts, sources)
    records = invalid = 0
    try:
        with closing, AtomicWriter(None) as out:
            for where, (doc_id, problems) in checks:
                records += 1
                if problems:
                    invalid += 1
                    out.write(f"{where}: doc_id={doc_id}: {'; '.join(problems)}\n")
            out.write(f"{records} records, {invalid} invalid\n")
    except read_errors as e:
        _err(f"{PROG}: error: cannot read {args.facts}: {e}")
        return EXIT_USAGE
    return EXIT_OK if invalid == 0 and source_errors == 0 else EXIT_DATA


# --- review -------------------------------------------------------------------------

def cmd_review(args: argparse.Namespace) -> int:
    from .review.command import run_review
    return run_review(args)


# --- check, compare (module claims, loaded only for them) ----------------------------

def cmd_check(args: argparse.Namespace) -> int:
    from .claims.command import run_check
    return run_check(args)


def cmd_compare(args: argparse.Namespace) -> int:
    from .claims.command import run_compare
    return run_compare(args)


# --- schema -------------------------------------------------------------------------

def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import dumps_schema
    with AtomicWriter(None) as out:
        out.write(dumps_schema())
    return EXIT_OK


def run_and_exit(argv: list[str] | None = None) -> NoReturn:
    """The installed ``factx`` script: `main`, then a quick exit.

    Tearing the interpreter down frees every table and cache one object at a
    time: 10 ms, a tenth of a short run. The output is complete by then (files
    are closed by `main`, the standard streams are flushed here), so the
    process ends without it.
    """
    code = main(argv)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):     # the reader went away (| head): main's exit code stands
        pass
    os._exit(code)


if __name__ == "__main__":
    # ``python -m factx.cli`` runs this file as __main__, a copy beside the module factx.cli;
    # the Dask engine hands back factx.cli's classes, which only the module itself knows.
    from factx.cli import run_and_exit as _run_module
    _run_module()
