"""Checking claims against facts, and finding where sources disagree (issue 12).

    >>> import factx
    >>> facts = factx.extract_records("قتل أكثر من 500 شخص في إدلب", doc_id="a")
    >>> [r["verdict"] for r in factx.check("قتل 400 شخص", facts)]
    ['contradicted']

`check(claim, facts)` and `compare(facts)` take records (as `factx.extract_records`
or a facts file give them); `read_facts` reads a facts JSONL file strictly.
"""

from .check import VERDICTS, check, verdict_of
from .compare import compare
from .facts import Fact, make_facts, read_facts
from .intervals import Interval, interval_of, relation
from .matching import about, same_thing

__all__ = ["check", "compare", "read_facts", "make_facts", "Fact", "Interval", "interval_of", "relation",
           "about", "same_thing", "verdict_of", "VERDICTS"]
