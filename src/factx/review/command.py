"""``factx review``: build the review page and report what could not be shown."""

from __future__ import annotations

import argparse
import os
import sys

from ..io import AtomicWriter, read_inputs
from . import collect, layout, page, results

EXIT_OK, EXIT_DATA, EXIT_USAGE = 0, 1, 2


def _err(msg: str) -> None:
    print(f"factx: {msg}", file=sys.stderr, flush=True)


def _title(args: argparse.Namespace) -> str:
    if args.title:
        return args.title
    named = [args.facts] if args.facts else args.paths
    names = [os.path.basename(os.path.normpath(p)) for p in named if p != "-"]
    return "factx review" + (f": {', '.join(names[:3])}{' …' if len(names) > 3 else ''}" if names else "")


def run_review(args: argparse.Namespace) -> int:
    """The subcommand; exit code 1 when some input or fact could not be used or shown as valid."""
    from ..cli import _load_sources    # the sources exactly as `factx validate` reads them
    from ..extract import pipeline
    if args.facts and args.paths:
        _err("error: give documents (PATH ...) or --facts with --source, not both")
        return EXIT_USAGE
    if args.facts and not args.source:
        _err("error: --facts needs --source: the documents the facts were extracted from")
        return EXIT_USAGE
    if args.source and not args.facts:
        _err("error: --source goes with --facts (documents to extract from are given as PATH)")
        return EXIT_USAGE
    errors: list[str] = []
    unreadable = 0                           # sources _load_sources could not read (it reports them)
    if args.facts:
        sources, unreadable = _load_sources(args)
        try:
            facts = collect.from_fact_file(args.facts, sources)
        except OSError as e:
            _err(f"error: cannot open {args.facts}: {e.strerror or e}")
            return EXIT_USAGE
    elif args.paths or not (args.check or args.compare):
        pipeline(args.variety, args.region)   # the language tables, loaded before any document, as extract does
        facts = collect.extracted(read_inputs(args.paths, args.format, args.id_field, args.text_field),
                                  args.kinds, args.variety, args.region)
    else:
        facts = collect.FactSet()
    errors += facts.errors
    found = {}
    for option, check in (("check", results.check_problem), ("compare", results.compare_problem)):
        path = getattr(args, option)
        found[option] = []
        if path:
            try:
                found[option], bad = results.read_results(path, check)
            except OSError as e:
                _err(f"error: cannot open {path}: {e.strerror or e}")
                return EXIT_USAGE
            errors += bad
    for message in errors:
        _err(message)
    for i, problems in facts.problems.items():
        _err(f"{facts.name}:{facts.lines[i]}: doc_id={facts.records[i].get('doc_id')}: {'; '.join(problems)}")
    data = layout.page_data(facts, found["check"], found["compare"], _title(args))
    try:
        with AtomicWriter(args.output) as out:
            out.write(page.render(data))
    except OSError as e:
        _err(f"error: cannot write {args.output}: {e.strerror or e}")
        return EXIT_USAGE
    not_used = unreadable + len(errors)
    if not_used or facts.problems:
        summary = f"{len(facts.documents)} documents, {len(facts.records)} facts"
        if facts.problems:
            summary += f", {len(facts.problems)} with problems (shown as such)"
        if not_used:
            summary += f"; {not_used} inputs or lines left out"
        _err(summary)
        return EXIT_DATA
    return EXIT_OK
