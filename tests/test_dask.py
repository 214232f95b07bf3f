"""The Dask engine (`factx.dask`, ``factx extract --engine dask``) against the local run.

One ``distributed.LocalCluster`` of 2 worker processes (one thread each) serves the
module; the command is run against it with ``--scheduler``. The local run's output (bytes of -o, stderr,
exit code) is the reference for every case, bad documents and a killed worker included.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factx import cli
from factx.io import InputDoc, read_inputs

from test_cli import ENV, FACTX, SEED_TEXT, SEEDS, run

# The libraries these tests need are imported when the module's first test runs, not at
# collection: their tens of thousands of objects in the test process change when the
# cyclic garbage collector runs, and with it the timing ratios of test_adversarial,
# which runs before this module.
db = Client = fdask = parquet = None


@pytest.fixture(scope="module", autouse=True)
def _libraries():
    global db, Client, fdask, parquet
    import dask.bag as db
    from distributed import Client

    import factx.dask as fdask
    from factx import parquet

SMALL = "0.002"          # --partition-mb: 2 KB partitions, so files are split into many ranges


# The cluster runs in a process of its own: a LocalCluster leaves multiprocessing's
# resource tracker behind as a child of the process that started it, and other tests
# check that the test process has no child left.
CLUSTER = """
import sys
from distributed import LocalCluster
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
"""


@pytest.fixture(scope="module")
def client():
    proc = subprocess.Popen([sys.executable, "-c", CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=ENV)
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("tcp://127.0.0.1:"), address
        with Client(address) as c:
            c.wait_for_workers(2, timeout=60)
            yield c
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A folder with every kind of input and of bad input, JSONL files larger than a partition."""
    d = tmp_path_factory.mktemp("corpus")
    lines = []
    for stem, text in SEED_TEXT.items():
        for i, para in enumerate(p for p in text.split("\n") if p.strip()):
            lines.append(json.dumps({"id": f"{stem}/{i}", "text": para}, ensure_ascii=False).encode())
    lines[3] = b'{"id": "broken", "text": '                      # malformed JSON
    lines[10] = b'{"id": "x"}'                                      # no text
    lines[20] = lines[20][:-12] + b"\xff\xfe" + lines[20][-10:]     # invalid UTF-8, deep in the file
    lines[30] = json.dumps({"text": "قتل 5 أشخاص"}, ensure_ascii=False).encode()   # no id: FILE-LINE
    (d / "a.jsonl").write_bytes(b"\xef\xbb\xbf" + b"\n".join(lines) + b"\n")
    (d / "b.jsonl").write_bytes(b"\r\n".join(lines[::-1]) + b"\r\n\r\n   \r\n")          # CRLF, no BOM
    (d / "blank.jsonl").write_bytes(b" \n\n\t \n" * 2000)                             # empty, split
    (d / "binary.jsonl").write_bytes(b"\0\1\2" * 3000)                                # binary, split
    (d / "nul_late.jsonl").write_bytes(b"\n".join(lines[:40]) + b"\n\0\n" + b"\n".join(lines[40:60]))
    (d / "empty.txt").write_bytes(b"")
    (d / "bad.txt").write_bytes(b"\xc3\x28 " + "قتل 3".encode())
    sub = d / "sub"
    sub.mkdir()
    for stem, text in list(SEED_TEXT.items())[:3]:
        (sub / f"{stem}.txt").write_text(text, encoding="utf-8")
    (d / ".hidden.txt").write_text("قتل 9 أشخاص", encoding="utf-8")
    return d


def extract(*args, engine: str | None = None, scheduler: str | None = None, out: Path, timeout=300):
    extra = [] if engine is None else ["--engine", engine]
    if scheduler is not None:
        extra += ["--scheduler", scheduler]
    p = run("extract", *args, *extra, "-o", out, timeout=timeout)
    return p.returncode, p.stderr, out.read_bytes() if out.exists() else None


@pytest.fixture(scope="module")
def local_reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("ref") / "facts.jsonl"
    return extract(corpus, corpus / "a.jsonl", corpus / "missing.jsonl", "--workers", "1", out=out)


# --- the command ------------------------------------------------------------------------

@pytest.mark.parametrize("partition_mb", [SMALL, "0.02", "2"])
def test_the_engine_writes_what_the_local_run_writes(client, corpus, local_reference, tmp_path, partition_mb):
    code, stderr, data = local_reference
    assert code == 1 and data                     # bad input skipped, facts written
    for reason in ("malformed JSON", "no 'text' field", "invalid UTF-8 at byte", "binary file",
                   "no such file or directory", "2 empty files"):
        assert reason in stderr
    got = extract(corpus, corpus / "a.jsonl", corpus / "missing.jsonl", "--partition-mb", partition_mb,
                  engine="dask", scheduler=client.scheduler.address, out=tmp_path / "facts.jsonl")
    assert got == local_reference


def test_a_local_cluster_is_started_when_no_scheduler_is_given(corpus, local_reference, tmp_path):
    got = extract(corpus, corpus / "a.jsonl", corpus / "missing.jsonl", "--workers", "2",
                  engine="dask", out=tmp_path / "facts.jsonl")
    assert got == local_reference


@pytest.mark.parametrize("extra", [["--on-error", "stop"], ["--kinds", "quantity", "--sentence"],
                                   ["--id-field", "text", "--text-field", "id"]])
def test_options_behave_as_locally(client, corpus, tmp_path, extra):
    args = (corpus / "b.jsonl", corpus / "a.jsonl", *extra)
    local = extract(*args, out=tmp_path / "local.jsonl")
    dask = extract(*args, "--partition-mb", SMALL, engine="dask", scheduler=client.scheduler.address,
                   out=tmp_path / "dask.jsonl")
    assert dask == local
    assert local[0] == 1


def test_parquet_from_the_engine_holds_the_local_records(client, corpus, tmp_path):
    local = extract(corpus, "--sentence", out=tmp_path / "local.jsonl")
    code, stderr, _ = extract(corpus, "--sentence", "--partition-mb", SMALL, engine="dask",
                              scheduler=client.scheduler.address, out=tmp_path / "dask.parquet")
    assert (code, stderr) == local[:2]
    lines = local[2].decode("utf-8").splitlines()
    assert [cli._dumps(r) for _, _, r in parquet.read(tmp_path / "dask.parquet")] == lines


def test_python_dash_m_factx_cli_runs_the_engine(client, tmp_path):
    local = extract(SEEDS, out=tmp_path / "local.jsonl")
    p = subprocess.run([sys.executable, "-m", "factx.cli", "extract", str(SEEDS), "--engine", "dask",
                        "--scheduler", client.scheduler.address, "-o", str(tmp_path / "dask.jsonl")],
                       capture_output=True, text=True, env=ENV, timeout=120)
    assert (p.returncode, p.stderr) == local[:2]
    assert (tmp_path / "dask.jsonl").read_bytes() == local[2]


def test_usage_errors(tmp_path):
    for args, message in (
        (["extract", "--engine", "dask", "-"], "not stdin"),
        (["extract", "--engine", "dask"], "not stdin"),
        (["extract", SEEDS, "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
        (["extract", SEEDS, "--partition-mb", "1"], "--partition-mb needs --engine dask"),
        (["extract", SEEDS, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--workers", "2"], "--workers"),
    ):
        p = run(*args, input="")
        assert p.returncode == 2 and message in p.stderr, (args, p.stderr)
    assert run("extract", SEEDS, "--engine", "dask", "--partition-mb", "0").returncode == 2


def test_an_unreachable_scheduler_is_a_usage_error_and_leaves_no_file(tmp_path):
    out = tmp_path / "facts.jsonl"
    env = {**ENV, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}      # Dask's own setting
    p = subprocess.run([*FACTX, "extract", str(SEEDS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9",
                        "-o", str(out)], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in p.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_killed_worker_costs_nothing(client, tmp_path):
    """A worker killed in the middle of a task: Dask runs the task again elsewhere, and
    the output is complete and the same as the local run's."""
    docs = [(f"{stem}#{k}", text) for k in range(60) for stem, text in SEED_TEXT.items()]
    corpus = tmp_path / "big.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
    local = extract(corpus, "--workers", "2", out=tmp_path / "local.jsonl")
    assert local[0] == 0

    pids = client.run(os.getpid)
    out = tmp_path / "dask.jsonl"
    proc = subprocess.Popen([*FACTX, "extract", str(corpus), "--engine", "dask", "--partition-mb", "0.1",
                             "--scheduler", client.scheduler.address, "-o", str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV)
    victim = None
    deadline = time.monotonic() + 60
    while victim is None and time.monotonic() < deadline and proc.poll() is None:
        busy = [w for w, keys in client.processing().items()
                if any(str(k).startswith("factx-extract-") for k in keys)]
        if busy:
            victim = busy[0]
            os.kill(pids[victim], signal.SIGKILL)
        time.sleep(0.005)
    stdout, stderr = proc.communicate(timeout=300)
    assert victim is not None, "no task was seen running"
    assert proc.returncode == 0, stderr.decode()
    assert stderr.decode() == local[1] == ""
    assert out.read_bytes() == local[2]
    client.wait_for_workers(2, timeout=60)
    assert pids[victim] not in client.run(os.getpid).values()   # it was killed and replaced


# --- the library ------------------------------------------------------------------------

def test_read_corpus_reads_what_the_command_reads(client, corpus):
    expected = [{"id": d.doc_id, "text": d.text} for d in read_inputs([str(corpus)]) if isinstance(d, InputDoc)]
    bag = fdask.read_corpus(str(corpus), partition_bytes=2000)
    assert bag.npartitions > 10
    assert bag.compute() == expected
    assert fdask.read_corpus(f"file://{corpus}", partition_bytes=2000).compute() == expected


def test_read_corpus_can_raise_on_bad_input(client, corpus):
    with pytest.raises(fdask.BadDocumentError, match=r"a\.jsonl:4: malformed JSON"):
        fdask.read_corpus(str(corpus / "a.jsonl"), on_error="raise").compute()


def test_extract_bag_gives_the_records_of_the_command(client, corpus, tmp_path):
    local = extract(corpus / "a.jsonl", "--sentence", out=tmp_path / "local.jsonl")
    expected = [json.loads(line) for line in local[2].decode("utf-8").splitlines()]
    facts = fdask.extract_bag(fdask.read_corpus(str(corpus / "a.jsonl"), partition_bytes=3000), sentence=True)
    got = facts.compute()
    assert got == expected
    assert [cli._dumps(r) for r in got] == local[2].decode("utf-8").splitlines()


def test_extract_bag_takes_strings_and_dicts(client):
    texts = ["قتل أكثر من 500 شخص", "ارتفعت الأسعار بنسبة 85%", "لا أرقام هنا"]
    docs = [{"id": 7, "text": texts[0]}, texts[1], {"text": texts[2]}, {"id": "x"}, 42]
    facts = fdask.extract_bag(db.from_sequence(docs, npartitions=2), kinds=["count", "percent"]).compute()
    expected = (cli.doc_records(InputDoc("7", texts[0], "t"), frozenset({"count", "percent"}), False)
                + cli.doc_records(InputDoc(None, texts[1], "t"), frozenset({"count", "percent"}), False))
    assert facts == expected and {f["kind"] for f in facts} == {"count", "percent"}
    assert [f["doc_id"] for f in facts] == ["7", None]
    with pytest.raises(fdask.BadDocumentError, match="document 'x': no 'text' field"):
        fdask.extract_bag(db.from_sequence(docs, npartitions=2), on_error="raise").compute()
    with pytest.raises(ValueError, match="unknown kind"):
        fdask.extract_bag(db.from_sequence(docs), kinds=["counts"])


def test_to_parquet_writes_one_part_per_partition(client, corpus, tmp_path):
    facts = fdask.extract_bag(fdask.read_corpus(str(corpus / "b.jsonl"), partition_bytes=5000))
    expected = facts.compute()
    names = fdask.to_parquet(facts, tmp_path / "facts.parquet")
    assert len(names) == facts.npartitions > 3
    assert [r for _, _, r in parquet.read(tmp_path / "facts.parquet")] == expected
    p = run("validate", tmp_path / "facts.parquet")
    assert p.returncode == 0 and p.stdout == f"{len(expected)} records, 0 invalid\n"
