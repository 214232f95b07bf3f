"""The process pool of `factx.workers`, and the JSONL blocks it is fed with."""

from __future__ import annotations

import io
import itertools
import json
import os
import signal
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factx import io as fio
from factx.workers import AVAILABLE, imap_ordered

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="worker processes need os.fork")


def no_children() -> bool:
    """True when this process has no child process left, running or unreaped."""
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def lost(task, reason):
    return ("lost", task, reason)


def test_results_come_in_task_order_whatever_the_finishing_order():
    def slow_evens(n):
        time.sleep(0.02 if n % 2 == 0 else 0.0)
        return n * n

    assert list(imap_ordered(slow_evens, range(40), 2, lost)) == [n * n for n in range(40)]


def test_tasks_and_results_larger_than_a_pipe_do_not_deadlock():
    """Both pipes full at once would hang: tasks and results of 3 MB each."""
    big = [bytes([i]) * (3 << 20) for i in range(6)]
    got = list(imap_ordered(lambda b: b[::-1] + b, big, 2, lost))
    assert [len(g) for g in got] == [6 << 20] * 6
    assert [g[0] for g in got] == list(range(6))


def test_a_killed_worker_costs_only_its_tasks():
    def fragile(n):
        if n == 5:
            os.kill(os.getpid(), signal.SIGKILL)
        return n

    got = list(imap_ordered(fragile, range(12), 2, lost))
    assert got[:5] == [0, 1, 2, 3, 4] and got[6:] == list(range(6, 12))
    assert got[5] == ("lost", 5, "the worker process was killed by signal 9")


def test_an_exception_in_the_function_is_raised_in_the_caller():
    def bad(n):
        if n == 3:
            raise ValueError("three")
        return n

    with pytest.raises(ValueError, match="three"):
        list(imap_ordered(bad, range(6), 2, lost))
    assert no_children()


def test_closing_early_stops_the_workers_and_reads_ahead_boundedly():
    pulled: list[int] = []
    tasks = map(lambda i: pulled.append(i) or i, range(10_000))
    it = imap_ordered(lambda n: n, tasks, 2, lost)
    assert next(it) == 0
    time.sleep(0.2)
    assert len(pulled) <= 2 * 2 + 2     # two in each worker's hands, one held, one handed out
    it.close()
    assert no_children()


def test_a_slow_task_holds_the_others_back_boundedly():
    """While one worker is slow, the other does not work through the input: the
    results waiting for the slow one's would pile up."""
    pulled: list[int] = []
    tasks = map(lambda i: pulled.append(i) or i, range(10_000))
    it = imap_ordered(lambda n: time.sleep(0.5 if n == 0 else 0) or n, tasks, 2, lost)
    try:
        assert next(it) == 0
        assert len(pulled) <= 2 * 2 + 1     # two in each worker's hands, one held
        assert list(itertools.islice(it, 100)) == list(range(1, 101))
    finally:
        it.close()
    assert no_children()


def test_init_runs_in_each_worker():
    state = {}

    def init(value):
        state["v"] = value

    assert list(imap_ordered(lambda n: (n, state.get("v")), range(4), 2, lost,
                             init=init, initargs=("set",))) == [(n, "set") for n in range(4)]


# --- JSONL blocks -------------------------------------------------------------------------

_line = st.one_of(
    st.builds(lambda i, t: json.dumps({"id": i, "text": t}, ensure_ascii=False),
              st.integers(0, 99), st.text(max_size=12)),
    st.just(""), st.just("  "), st.just('{"x"'), st.just('{"text": 5}'), st.just("\\xff"),
)


@settings(max_examples=150)
@given(lines=st.lists(_line, max_size=12), crlf=st.booleans(), bom=st.booleans(),
       final_newline=st.booleans(), block=st.integers(1, 40))
def test_blocks_of_any_size_give_the_same_documents(lines, crlf, bom, final_newline, block, monkeypatch_module):
    """Documents, errors, line numbers and byte offsets do not depend on where blocks end."""
    nl = b"\r\n" if crlf else b"\n"
    raw = nl.join(line.encode("utf-8").replace(b"\\xff", b"\xff") for line in lines)
    raw = (b"\xef\xbb\xbf" if bom else b"") + raw + (nl if final_newline and lines else b"")

    def items(size):
        monkeypatch_module.setattr(fio, "BLOCK_BYTES", size)
        return list(fio.read_jsonl_stream(io.BytesIO(raw), "c.jsonl"))

    whole = items(1 << 20)
    assert items(block) == whole
    docs = [x for x in whole if isinstance(x, (fio.InputDoc, fio.DocError))]
    assert [x.line for x in docs] == sorted({x.line for x in docs})
    assert (whole == [fio.EmptyFile("c.jsonl")]) == (not raw.removeprefix(b"\xef\xbb\xbf").strip())


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_a_pipe_streams_lines_as_they_come():
    """From a pipe, a block is what the pipe holds: a line is read without waiting for more."""
    r, w = os.pipe()
    os.write(w, b'{"id": "a", "text": "1"}\n')
    with os.fdopen(r, "rb") as fh:
        blocks = fio.read_jsonl_blocks(fh, "<stdin>")
        first = next(blocks)
        assert first.data == b'{"id": "a", "text": "1"}\n' and first.line == 1
        os.write(w, b'{"id": "b", "text": "2"}')
        os.close(w)
        second = next(blocks)
        assert [d.doc_id for d in second.items()] == ["b"] and second.line == 2
