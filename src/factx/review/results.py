"""Reading the JSONL output of ``factx check`` (one line per quantity of a claim)
and ``factx compare`` (one line per group of disagreeing facts) for the page.

Each line is checked for the fields the page shows; a line without them is
left out and reported as ``FILE:LINE: reason``, and the others are kept.
"""

from __future__ import annotations

from collections.abc import Callable

from ..record import loads_record

CHECK_VERDICTS = ("supported", "contradicted", "compatible", "conflicting", "not_found")
EVIDENCE_VERDICTS = ("supported", "contradicted", "compatible")


def _span_problem(obj: dict, where: str) -> str | None:
    span = obj.get("span")
    if not (isinstance(span, dict) and all(type(span.get(k)) is int for k in ("start", "end"))
            and 0 <= span["start"] < span["end"]):
        return f"{where}span must be {{\"start\": int, \"end\": int}} with 0 <= start < end"
    if not isinstance(obj.get("text"), str):
        return f"{where}text must be a string"
    if not isinstance(obj.get("doc_id"), str):
        return f"{where}doc_id must be a string"
    return None


def _mention_problem(items, name: str, verdicts: tuple[str, ...] | None) -> str | None:
    """The first problem of a list of cited facts (evidence or group members)."""
    if not isinstance(items, list):
        return f"{name} must be a list"
    for n, m in enumerate(items, 1):
        where = f"{name} {n}: "
        if not isinstance(m, dict):
            return f"{where}not an object"
        problem = _span_problem(m, where)
        if problem:
            return problem
        if verdicts is not None and m.get("verdict") not in verdicts:
            return f"{where}verdict {m.get('verdict')!r} is not one of {', '.join(verdicts)}"
        if m.get("sentence_text") is not None and not isinstance(m["sentence_text"], str):
            return f"{where}sentence_text must be a string or null"
    return None


def check_problem(obj: dict) -> str | None:
    """Why a line of ``factx check`` output cannot be shown (None: it can)."""
    for name in ("claim_id", "claim_text"):
        if not isinstance(obj.get(name), str):
            return f"{name} must be a string"
    if obj.get("verdict") not in CHECK_VERDICTS:
        return f"verdict {obj.get('verdict')!r} is not one of {', '.join(CHECK_VERDICTS)}"
    fact = obj.get("claim_fact")
    if not isinstance(fact, dict) or not isinstance(fact.get("kind"), str):
        return "claim_fact must be a fact record"
    return _mention_problem(obj.get("evidence"), "evidence", EVIDENCE_VERDICTS)


def compare_problem(obj: dict) -> str | None:
    """Why a line of ``factx compare`` output cannot be shown (None: it can)."""
    if not isinstance(obj.get("kind"), str):
        return "kind must be a string"
    return _mention_problem(obj.get("members"), "member", None)


def read_results(path: str, problem: Callable[[dict], str | None]) -> tuple[list[dict], list[str]]:
    """The lines of the JSONL file `path` that `problem` accepts, and an error per
    other line. Raises OSError when the file cannot be opened."""
    found: list[dict] = []
    errors: list[str] = []
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                obj = loads_record(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
            except UnicodeDecodeError as e:
                errors.append(f"{path}:{lineno}: invalid UTF-8 at byte {e.start} of the line")
                continue
            except (ValueError, RecursionError) as e:
                errors.append(f"{path}:{lineno}: malformed JSON: {e}")
                continue
            why = problem(obj) if isinstance(obj, dict) else "not a JSON object"
            if why:
                errors.append(f"{path}:{lineno}: {why}")
            else:
                found.append(obj)
    return found, errors
