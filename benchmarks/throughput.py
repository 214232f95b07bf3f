"""Throughput of factx on a news-archive-sized corpus ("fast enough for whole news archives").

One run measures, on a corpus of whole seed documents (seeds/*.txt, repeated and
shuffled with a fixed random seed):

* library   `factx.extract` per document, chars/s (median of --repeat runs after a warm-up,
            interleaved with the baseline's runs);
* baseline  `pyarabic.number.extract_number_phrases` on the same documents, and the
            ratio factx / baseline in chars/s;
* dense     both again on a number-dense corpus, as economy and sports pages are: the
            genre corpus's sentences (tests/corpus/genres/*.toml) and the seeds'
            sentences that carry digits, repeated, shuffled with a fixed seed and
            grouped into pages of about 3,000 characters, --dense-mb in all (default
            2: factx reads dense text several times slower per character, so the
            default keeps the run short; 2 M characters are some 700 pages). Its
            density, numbers written in digits per 1,000 characters (number words
            not counted), is printed: about 16, against 1.6 for the seeds;
* command   `python -m factx.cli extract CORPUS.jsonl --workers 1 -o OUT --quiet`
            (wall time, so interpreter start-up, JSON reading and writing count),
            and the same with --workers = all cores; src/factx is byte-compiled
            first, as an installed package is. For information, both again on
            the first half of the corpus: the command's fixed start-up (about
            0.09 s) weighs twice as much there, so its speedup and overhead show
            how the figures depend on the corpus size. The command's runs are
            interleaved (1 worker, N workers, half with 1, half with N, again …);
* scaling   `factx.extract` on ONE document made of the --scale-mb corpus joined x1, x2,
            x4, x8: time and time per character, so any super-linear step shows;
* memory    peak RSS of each command run (os.wait4 rusage of that child: the largest
            of the CLI process and any of its workers, not their sum), on the x1
            scaling corpus and on the full corpus;
* long line the command on one .txt document of --long-line-mb MB with no white space
            at all (seed text with spaces and newlines removed, repeated);
* dask      with the dask extra, the command on the full corpus with --engine dask: on a local
            cluster of --workers processes that the command starts (start-up included), and on
            a cluster already running (--scheduler; started by this script), interleaved with
            the built-in pool on as many workers; its output is checked against the pool's,
            and the running cluster's workers report their own peak RSS.

It prints a table and PASS/FAIL for the targets, and writes every figure as JSON.

Targets:
  ratio to baseline          factx chars/s / pyarabic chars/s >= 1.0
  ratio on number-dense text the same on the number-dense corpus >= 1.0
  end-to-end overhead        CLI (--workers 1) time / library time - 1 <= 25%
  multi-core speedup         CLI time with 1 worker / with N workers >= 0.85 * N (1.7x on 2 cores)
  linear growth              time per char at x8 <= 1.3 * time per char at x1

    python benchmarks/throughput.py [--mb 8] [--dense-mb 2] [--repeat 5] [--scale-mb 0.5]
        [--long-line-mb 10] [--json benchmarks/out/throughput.json] [--no-cli] [--no-dask]
        [--profile N]

Timings are wall-clock on whatever else the machine is running; on a shared
machine, compare figures from the same run (that is what the ratios do).
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
GENRE_DIR = ROOT / "tests" / "corpus" / "genres"
sys.path.insert(0, str(SRC))

import factx  # noqa: E402

SEED = 20240601
MB = 1_000_000          # "MB" of text means a million characters (code points) here

TARGET_RATIO = 1.0
TARGET_OVERHEAD = 0.25
TARGET_SPEEDUP_PER_CORE = 0.85   # 1.7x on 2 cores
TARGET_LINEAR = 1.3


# --- corpus -------------------------------------------------------------------------

def load_seeds(seeds_dir: Path) -> list[tuple[str, str]]:
    docs = [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(seeds_dir.glob("*.txt"))]
    if not docs:
        sys.exit(f"no seed documents in {seeds_dir}")
    return docs


def build_corpus(seeds: list[tuple[str, str]], chars: int, seed: int) -> list[tuple[str, str]]:
    """Whole seed documents, repeated and shuffled, until at least `chars` characters."""
    total = sum(len(t) for _, t in seeds)
    copies = max(1, -(-chars // total))
    pool = [(f"{name}#{k}", text) for k in range(copies) for name, text in seeds]
    random.Random(seed).shuffle(pool)
    out, n = [], 0
    for doc in pool:
        if n >= chars:
            break
        out.append(doc)
        n += len(doc[1])
    return out


# A number as the density counts it: digits of any script, with inner separators.
# Number words are left out, so the density is a lower bound.
NUMBER_RE = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u060c\u066b\u066c][0-9\u0660-\u0669\u06f0-\u06f9]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?\u061f])\s+|\n+")
DENSE_PAGE = 3000       # characters per page of the number-dense corpus


def genre_sentences(directory: Path) -> list[str]:
    """The sentences of the genre corpus (laws, archives, sports, economy …)."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        sys.exit(f"no genre corpus files in {directory}")
    return [ex["text"] for p in files for ex in tomllib.loads(p.read_text(encoding="utf-8")).get("example", [])]


def number_bearing_sentences(seeds: list[tuple[str, str]]) -> list[str]:
    """The seeds' sentences that carry at least one number written in digits."""
    return [s.strip() for _, text in seeds for s in SENTENCE_END.split(text) if NUMBER_RE.search(s)]


def build_dense_corpus(sentences: list[str], chars: int, seed: int) -> list[tuple[str, str]]:
    """Number-dense pages: `sentences` repeated and shuffled, one per line, grouped into
    documents of about DENSE_PAGE characters, until at least `chars` characters."""
    total = sum(len(s) + 1 for s in sentences)
    pool = sentences * max(1, -(-chars // total))
    random.Random(seed).shuffle(pool)
    docs, page, page_len, n = [], [], 0, 0
    for s in pool:
        if n >= chars:
            break
        page.append(s)
        page_len += len(s) + 1
        n += len(s) + 1
        if page_len >= DENSE_PAGE:
            docs.append((f"dense#{len(docs)}", "\n".join(page)))
            page, page_len = [], 0
    if page:
        docs.append((f"dense#{len(docs)}", "\n".join(page)))
    return docs


def number_density(docs) -> float:
    """Numbers written in digits per 1,000 characters."""
    return 1000 * sum(len(NUMBER_RE.findall(t)) for _, t in docs) / max(1, n_chars(docs))


def n_chars(docs) -> int:
    return sum(len(t) for _, t in docs)


def write_jsonl(docs, path: Path) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for doc_id, text in docs:
            fh.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")


# --- measurements -------------------------------------------------------------------

def time_per_doc(fn, docs) -> float:
    t0 = time.perf_counter()
    for _, text in docs:
        fn(text)
    return time.perf_counter() - t0


def interleaved(lib, base, docs, repeat: int) -> tuple[list[float], list[float]]:
    """`repeat` timed runs of `lib` and of `base` over `docs`, interleaved (lib, base,
    lib, base …): a load that comes and goes on a shared machine then falls on both
    sides of their ratio, not on one."""
    lib_runs, base_runs = [], []
    for _ in range(repeat):
        lib_runs.append(time_per_doc(lib, docs))
        base_runs.append(time_per_doc(base, docs))
    return lib_runs, base_runs


# The command is started by a small wrapper process: a child forked straight from
# this (large) benchmark process would report this process's RSS as its own peak
# (Linux counts the pre-exec memory in ru_maxrss). The wrapper reports the CPU time
# and peak RSS of its children: the command and, through it, its workers.
_WRAPPER = """
import resource, subprocess, sys, time
t0 = time.perf_counter()
rc = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
wall = time.perf_counter() - t0
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
sys.stderr.write(f"\\n@@rusage {rc} {wall} {ru.ru_maxrss} {ru.ru_utime + ru.ru_stime}\\n")
"""


def run_cli(args: list[str], cmd: list[str] | None = None) -> dict:
    """Run the command: wall time, CPU time, exit code, and peak RSS (the largest of
    the command's process and its workers, not their sum)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(SRC) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    cmd = cmd or [sys.executable, "-m", "factx.cli", *args]
    with tempfile.TemporaryFile() as err:
        subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], stdout=subprocess.DEVNULL, stderr=err, env=env)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    lines = [x for x in stderr.splitlines() if x.startswith("@@rusage ")]
    if not lines:                                  # the wrapper itself failed
        return {"cmd": " ".join(cmd[1:]), "seconds": float("nan"), "cpu_seconds": float("nan"), "exit": -1,
                "max_rss_mib": float("nan"), "stderr": stderr[-2000:]}
    line = lines[-1].split()
    rc, wall, maxrss, cpu = int(line[1]), float(line[2]), float(line[3]), float(line[4])
    stderr = "\n".join(x for x in stderr.splitlines() if not x.startswith("@@rusage "))
    # ru_maxrss is in KiB on Linux, bytes on macOS
    rss_mib = maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024
    return {"cmd": " ".join(cmd[1:]), "seconds": wall, "cpu_seconds": cpu, "exit": rc,
            "max_rss_mib": rss_mib, "stderr": stderr[-2000:]}


def cli_extract(path: Path, out: Path, workers: int | None, extra: tuple[str, ...] = ()) -> dict:
    """The command on `path`; `workers` None leaves --workers out (a --scheduler run)."""
    size = [] if workers is None else ["--workers", str(workers)]
    return run_cli(["extract", str(path), *size, "-o", str(out), "--quiet", *extra])


def median_clis(configs: list[tuple], out_dir: Path, repeat: int) -> list[dict]:
    """The command on each (input, workers) of `configs`, `repeat` times, interleaved
    (a, b, c, a, b, c …): a load that comes and goes on a shared machine then falls
    on every configuration alike instead of on one. The median run of each is kept.
    A config is (input, workers) or (input, workers, extra command-line arguments)."""
    outs = [out_dir / f"facts-{k}.jsonl" for k in range(len(configs))]
    runs: list[list[dict]] = [[] for _ in configs]
    for _ in range(repeat):
        for k, (path, workers, *extra) in enumerate(configs):
            runs[k].append(cli_extract(path, outs[k], workers, *extra))
    results = []
    for rs, out in zip(runs, outs):
        ok = [r for r in rs if r["exit"] == 0]
        res = dict(rs[-1])
        res["runs"] = [round(r["seconds"], 3) for r in rs]
        res["seconds"] = statistics.median(r["seconds"] for r in (ok or rs))
        res["max_rss_mib"] = max(r["max_rss_mib"] for r in rs)
        res["ok"] = bool(ok) and len(ok) == len(rs)
        if res["ok"] and out.exists():
            with out.open("rb") as fh:
                res["facts"] = sum(1 for _ in fh)
            res["output_sha256"] = hashlib.sha256(out.read_bytes()).hexdigest()
        results.append(res)
    return results


# The running cluster is started by a small process of its own, for the reason the
# wrapper above exists: workers forked from this large process would count its memory
# in their own peak RSS.
_CLUSTER = """
import sys
from distributed import LocalCluster
with LocalCluster(n_workers=int(sys.argv[1]), threads_per_worker=1, processes=True,
                  dashboard_address=":0") as cluster:
    print(cluster.scheduler_address, flush=True)
    sys.stdin.read()
"""


def _worker_usage() -> tuple[float, float]:
    """(peak RSS in MiB, CPU seconds) of the process it runs in: a Dask worker."""
    import resource
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return (ru.ru_maxrss / (1024 * 1024) if sys.platform == "darwin" else ru.ru_maxrss / 1024,
            ru.ru_utime + ru.ru_stime)


def dask_clis(path: Path, out_dir: Path, workers: int, repeat: int) -> tuple[dict, dict, dict] | None:
    """The command with --engine dask on a local cluster it starts, and on a running
    cluster (--scheduler), interleaved with the built-in pool; None without the dask extra.
    The running cluster's workers report their peak RSS (``worker_max_rss_mib``) and the
    CPU time they spent, per run (``worker_cpu_seconds``: their time over all the runs,
    idle ones included, divided by `repeat`)."""
    try:
        from distributed import Client
    except ImportError:
        return None
    cluster = subprocess.Popen([sys.executable, "-c", _CLUSTER, str(workers)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        address = cluster.stdout.readline().strip()
        with Client(address) as client:
            client.wait_for_workers(workers)
            before = client.run(_worker_usage)
            pool, local, running = median_clis(
                [(path, workers), (path, workers, ("--engine", "dask")),
                 (path, None, ("--engine", "dask", "--scheduler", address))], out_dir, repeat)
            after = client.run(_worker_usage)
    finally:
        cluster.stdin.close()
        cluster.wait()
    running["client_max_rss_mib"] = running["max_rss_mib"]
    running["worker_max_rss_mib"] = max(rss for rss, _ in after.values())
    running["worker_cpu_seconds"] = sum(after[w][1] - before[w][1] for w in after if w in before) / repeat
    running["max_rss_mib"] = max(running["max_rss_mib"], running["worker_max_rss_mib"])
    return pool, local, running


def profile_extract(docs, top: int) -> list[dict]:
    import cProfile
    import pstats
    pr = cProfile.Profile()
    pr.enable()
    for _, text in docs:
        factx.extract(text)
    pr.disable()
    st = pstats.Stats(pr)
    total = st.total_tt
    rows = []
    for (fname, line, func), (cc, nc, tt, ct, _) in st.stats.items():
        rows.append({"function": f"{Path(fname).name}:{line}({func})" if line else func,
                     "path": fname, "calls": nc, "self_s": tt, "cum_s": ct,
                     "self_pct": 100 * tt / total, "cum_pct": 100 * ct / total})
    rows.sort(key=lambda r: -r["self_s"])
    print(f"\nprofile of factx.extract over {len(docs)} documents ({n_chars(docs):,} chars), "
          f"{total:.2f} s under cProfile; top {top} by self time:")
    print(f"  {'self %':>7} {'cum %':>7} {'calls':>9}  function")
    for r in rows[:top]:
        print(f"  {r['self_pct']:7.1f} {r['cum_pct']:7.1f} {r['calls']:9d}  {r['function']}")
    by_cum = sorted(rows, key=lambda r: -r["cum_s"])
    print(f"top {top} by cumulative time:")
    for r in by_cum[:top]:
        print(f"  {r['self_pct']:7.1f} {r['cum_pct']:7.1f} {r['calls']:9d}  {r['function']}")
    return rows[:top]


# --- reporting -----------------------------------------------------------------------

def fmt_rate(chars_per_s: float) -> str:
    return f"{chars_per_s / 1e6:.3f} M/s" if chars_per_s >= 1e6 else f"{chars_per_s / 1e3:.0f} k/s"


def table(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w)  # noqa: E731
                               for i, (c, w) in enumerate(zip(r, widths)))
    sep = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=8.0, help="corpus size in millions of characters (default 8)")
    ap.add_argument("--dense-mb", type=float, default=2.0,
                    help="number-dense corpus size in millions of characters (default 2)")
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per measurement; the median is kept (default 5)")
    ap.add_argument("--scale-mb", type=float, default=0.5, help="base size of the x1/x2/x4/x8 scaling runs (default 0.5)")
    ap.add_argument("--long-line-mb", type=float, default=10.0,
                    help="size of the one-line, no-white-space document run through the command (0: skip; default 10)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1, help="cores for the multi-core run (default: all)")
    ap.add_argument("--no-cli", action="store_true", help="skip the command-line runs")
    ap.add_argument("--no-dask", action="store_true", help="skip the --engine dask runs")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="also profile factx.extract (cProfile) over the corpus and print the top N functions")
    ap.add_argument("--seeds", type=Path, default=ROOT / "seeds", help="folder of seed .txt documents (default: seeds/)")
    ap.add_argument("--json", type=Path, default=ROOT / "benchmarks" / "out" / "throughput.json",
                    help="where to write the figures (default: benchmarks/out/throughput.json)")
    args = ap.parse_args(argv)

    from pyarabic import number as pyarabic_number

    started = time.perf_counter()
    seeds = load_seeds(args.seeds)
    corpus = build_corpus(seeds, int(args.mb * MB), SEED)
    size = n_chars(corpus)
    print(f"corpus: {len(corpus)} documents, {size:,} characters "
          f"({len(seeds)} seeds, random seed {SEED}); python {platform.python_version()}, "
          f"{os.cpu_count()} cores", flush=True)
    results: dict = {"corpus": {"documents": len(corpus), "chars": size, "seeds": len(seeds), "random_seed": SEED},
                     "python": platform.python_version(), "cpu_count": os.cpu_count(),
                     "factx_version": factx.__version__, "repeat": args.repeat}

    # warm-up: lexicon load, per-word caches, regex compilation
    for _, text in seeds:
        factx.extract(text)
        pyarabic_number.extract_number_phrases(text)

    # --- library vs baseline -------------------------------------------------------
    lib_runs, base_runs = interleaved(factx.extract, pyarabic_number.extract_number_phrases, corpus, args.repeat)
    lib_s, base_s = statistics.median(lib_runs), statistics.median(base_runs)
    facts = sum(len(factx.extract(t)) for _, t in seeds)
    lib_rate, base_rate = size / lib_s, size / base_s
    ratio = lib_rate / base_rate
    results["library"] = {"seconds": lib_s, "runs": lib_runs, "chars_per_s": lib_rate,
                          "facts_per_seed_set": facts}
    results["baseline"] = {"name": "pyarabic.number.extract_number_phrases", "seconds": base_s,
                           "runs": base_runs, "chars_per_s": base_rate}
    results["ratio_to_baseline"] = ratio
    print(f"library: {lib_s:.2f} s; baseline: {base_s:.2f} s", flush=True)

    # --- number-dense text: the same measurement ------------------------------------------
    dense = build_dense_corpus(genre_sentences(GENRE_DIR) + number_bearing_sentences(seeds),
                               int(args.dense_mb * MB), SEED + 2)
    dense_size, density = n_chars(dense), number_density(dense)
    seed_density = number_density(seeds)
    print(f"number-dense corpus: {len(dense)} pages, {dense_size:,} characters, {density:.1f} numbers "
          f"in digits per 1,000 characters (seeds: {seed_density:.1f})", flush=True)
    for _, text in dense[:50]:
        factx.extract(text)
        pyarabic_number.extract_number_phrases(text)
    dense_lib_runs, dense_base_runs = interleaved(factx.extract, pyarabic_number.extract_number_phrases,
                                                  dense, args.repeat)
    dense_lib_s, dense_base_s = statistics.median(dense_lib_runs), statistics.median(dense_base_runs)
    dense_lib_rate, dense_base_rate = dense_size / dense_lib_s, dense_size / dense_base_s
    dense_ratio = dense_lib_rate / dense_base_rate
    results["dense"] = {"documents": len(dense), "chars": dense_size, "random_seed": SEED + 2,
                        "numbers_per_1000_chars": density, "seed_numbers_per_1000_chars": seed_density,
                        "library": {"seconds": dense_lib_s, "runs": dense_lib_runs, "chars_per_s": dense_lib_rate},
                        "baseline": {"seconds": dense_base_s, "runs": dense_base_runs,
                                     "chars_per_s": dense_base_rate}}
    results["dense_ratio_to_baseline"] = dense_ratio
    print(f"number-dense: library {dense_lib_s:.2f} s; baseline {dense_base_s:.2f} s", flush=True)

    # --- scaling: one document of growing size ----------------------------------------
    base_docs = build_corpus(seeds, int(args.scale_mb * MB), SEED + 1)
    scaling = []
    for k in (1, 2, 4, 8):
        parts = [t for _, t in base_docs] * k
        random.Random(SEED + k).shuffle(parts)
        text = "\n\n".join(parts)
        runs = []
        for _ in range(3 if k <= 2 else 2):       # best of three (two for the large sizes): one
            #                                           slow run on a shared machine is not growth
            t0 = time.perf_counter()
            factx.extract(text)
            runs.append(time.perf_counter() - t0)
        t = min(runs)
        scaling.append({"factor": k, "chars": len(text), "seconds": t, "us_per_char": 1e6 * t / len(text)})
        print(f"scaling x{k}: {len(text):,} chars in one document, {t:.2f} s", flush=True)
        del text
    for s in scaling:
        s["vs_x1"] = s["us_per_char"] / scaling[0]["us_per_char"]
    results["scaling"] = scaling
    linear = scaling[-1]["vs_x1"]

    # --- command line -------------------------------------------------------------------
    cli1 = cliN = cli_small = longline = half1 = halfN = dask_runs = None
    startup = 0.0
    if not args.no_cli:
        out_dir = args.json.parent
        out_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=out_dir, prefix="tp-") as tmp:
            tmp = Path(tmp)
            jl = tmp / "corpus.jsonl"
            write_jsonl(corpus, jl)
            half_docs = corpus[: len(corpus) // 2]
            half = tmp / "half.jsonl"
            write_jsonl(half_docs, half)
            small = tmp / "small.jsonl"
            write_jsonl(base_docs, small)
            out = tmp / "facts.jsonl"
            # The command is timed as an installed package runs: with its bytecode
            # compiled (pip compiles at install). Without this, an environment that
            # sets PYTHONDONTWRITEBYTECODE (this sandbox does, as many container
            # images do) recompiles every module of the source tree at each start.
            compileall.compile_dir(str(SRC / "factx"), quiet=1)
            startup = statistics.median(
                run_cli([], [sys.executable, "-c", "import factx.cli"])["seconds"] for _ in range(3))
            results["cli_startup_seconds"] = startup
            print(f"command start-up (python -c 'import factx.cli'): {startup:.2f} s", flush=True)
            cli_small = cli_extract(small, out, 1)
            cli_small["chars"] = n_chars(base_docs)
            print(f"command x1 ({cli_small['chars']:,} chars, 1 worker): {cli_small['seconds']:.2f} s, "
                  f"exit {cli_small['exit']}", flush=True)
            cli1, cliN, half1, halfN = median_clis(
                [(jl, 1), (jl, args.workers), (half, 1), (half, args.workers)], tmp, args.repeat)
            print(f"command, 1 worker: {cli1['seconds']:.2f} s, exit {cli1['exit']}", flush=True)
            if cli1["exit"] != 0:
                print(f"  stderr: {cli1['stderr'].strip()[-500:]}")
            print(f"command, {args.workers} workers: {cliN['seconds']:.2f} s, exit {cliN['exit']}", flush=True)
            half1["chars"] = halfN["chars"] = n_chars(half_docs)
            print(f"command on half the corpus: {half1['seconds']:.2f} s with 1 worker, "
                  f"{halfN['seconds']:.2f} s with {args.workers}", flush=True)
            if args.long_line_mb > 0:
                flat = "".join("".join(t.split()) for _, t in seeds)
                reps = -(-int(args.long_line_mb * MB) // len(flat))
                line = (flat * reps)[: int(args.long_line_mb * MB)]
                ll = tmp / "long_line.txt"
                ll.write_text(line, encoding="utf-8")
                longline = cli_extract(ll, out, 1)
                longline["chars"] = len(line)
                if longline["exit"] == 0:
                    with out.open("rb") as fh:
                        longline["facts"] = sum(1 for _ in fh)
                print(f"command, one {len(line):,}-char line: {longline['seconds']:.2f} s, "
                      f"exit {longline['exit']}", flush=True)
                del line, flat
            if not args.no_dask:
                dask_runs = dask_clis(jl, tmp, args.workers, args.repeat)
                if dask_runs is None:
                    print("dask: the dask extra is not installed; no --engine dask runs", flush=True)
                else:
                    pool, local, running = dask_runs
                    print(f"command --engine dask, {args.workers} workers: {local['seconds']:.2f} s on a local "
                          f"cluster, {running['seconds']:.2f} s on a running one (the pool: {pool['seconds']:.2f} s)",
                          flush=True)
        results["cli_x1"] = cli_small
        results["cli_1_worker"] = cli1
        results[f"cli_{args.workers}_workers"] = cliN
        results["cli_half_1_worker"] = half1
        results[f"cli_half_{args.workers}_workers"] = halfN
        results["cli_long_line"] = longline
        if dask_runs is not None:
            pool, local, running = dask_runs
            same = pool.get("output_sha256") is not None and \
                pool.get("output_sha256") == local.get("output_sha256") == running.get("output_sha256")
            results["dask"] = {"pool": pool, "local_cluster": local, "running_cluster": running,
                               "same_output_as_pool": same}

    # --- table --------------------------------------------------------------------------
    rows = [
        ("factx.extract (library)", f"{size:,}", f"{lib_s:.2f}", fmt_rate(lib_rate), "", ""),
        ("pyarabic extract_number_phrases", f"{size:,}", f"{base_s:.2f}", fmt_rate(base_rate), "", ""),
        ("factx.extract, number-dense", f"{dense_size:,}", f"{dense_lib_s:.2f}", fmt_rate(dense_lib_rate), "", ""),
        ("pyarabic, number-dense", f"{dense_size:,}", f"{dense_base_s:.2f}", fmt_rate(dense_base_rate), "", ""),
    ]
    if cli1 is not None:
        rows.append(("start-up: python -c 'import factx.cli'", "", f"{startup:.2f}", "", "", ""))
        rows.append(("factx extract x1 JSONL, 1 worker", f"{cli_small['chars']:,}", f"{cli_small['seconds']:.2f}",
                     fmt_rate(cli_small["chars"] / cli_small["seconds"]), f"{cli_small['max_rss_mib']:.0f}",
                     f"exit {cli_small['exit']}"))
        rows.append(("factx extract JSONL, 1 worker", f"{size:,}", f"{cli1['seconds']:.2f}",
                     fmt_rate(size / cli1["seconds"]), f"{cli1['max_rss_mib']:.0f}", f"exit {cli1['exit']}"))
        rows.append((f"factx extract JSONL, {args.workers} workers", f"{size:,}", f"{cliN['seconds']:.2f}",
                     fmt_rate(size / cliN["seconds"]), f"{cliN['max_rss_mib']:.0f}", f"exit {cliN['exit']}"))
        for label, r in (("1 worker", half1), (f"{args.workers} workers", halfN)):
            rows.append((f"factx extract JSONL half, {label}", f"{r['chars']:,}", f"{r['seconds']:.2f}",
                         fmt_rate(r["chars"] / r["seconds"]), f"{r['max_rss_mib']:.0f}", f"exit {r['exit']}"))
        if longline is not None:
            rows.append(("factx extract one line, no spaces", f"{longline['chars']:,}", f"{longline['seconds']:.2f}",
                         fmt_rate(longline["chars"] / longline["seconds"]), f"{longline['max_rss_mib']:.0f}",
                         f"exit {longline['exit']}"))
        if dask_runs is not None:
            for label, r in (("local cluster", dask_runs[1]), ("running cluster", dask_runs[2])):
                rows.append((f"  --engine dask, {label}, {args.workers} w", f"{size:,}", f"{r['seconds']:.2f}",
                             fmt_rate(size / r["seconds"]), f"{r['max_rss_mib']:.0f}", f"exit {r['exit']}"))
    print()
    print(table(rows, ("run", "chars", "s", "chars/s", "max RSS MiB", "")))
    print()
    print(table([(f"x{s['factor']}", f"{s['chars']:,}", f"{s['seconds']:.2f}", f"{s['us_per_char']:.3f}",
                  f"{s['vs_x1']:.2f}") for s in scaling],
                ("scaling (one document)", "chars", "s", "us/char", "vs x1")))

    # --- targets ------------------------------------------------------------------------
    targets = []

    def target(name, value, ok, goal, shown):
        targets.append({"target": name, "value": value, "goal": goal,
                        "status": "N/A" if ok is None else ("PASS" if ok else "FAIL"), "shown": shown})

    target("ratio to baseline (chars/s)", ratio, ratio >= TARGET_RATIO, f">= {TARGET_RATIO}", f"{ratio:.2f}x")
    target("ratio to baseline on number-dense text", dense_ratio, dense_ratio >= TARGET_RATIO,
           f">= {TARGET_RATIO}", f"{dense_ratio:.2f}x")
    if cli1 is not None and cli1["exit"] == 0:
        overhead = cli1["seconds"] / lib_s - 1
        results["cli_overhead"] = overhead
        results["cli_overhead_without_startup"] = (cli1["seconds"] - startup) / lib_s - 1
        target("end-to-end JSONL overhead", overhead, overhead <= TARGET_OVERHEAD,
               f"<= {TARGET_OVERHEAD:.0%}", f"{overhead:+.1%}")
    else:
        target("end-to-end JSONL overhead", None, None, f"<= {TARGET_OVERHEAD:.0%}",
               "command not run" if cli1 is None else f"command failed (exit {cli1['exit']})")
    if cli1 is not None and cliN is not None and cli1["exit"] == 0 and cliN["exit"] == 0 and args.workers > 1:
        speedup = cli1["seconds"] / cliN["seconds"]
        goal = TARGET_SPEEDUP_PER_CORE * args.workers
        results["speedup"] = speedup
        results["speedup_without_startup"] = (cli1["seconds"] - startup) / max(cliN["seconds"] - startup, 1e-9)
        target(f"speedup on {args.workers} cores", speedup, speedup >= goal, f">= {goal:.2f}x", f"{speedup:.2f}x")
    else:
        target("multi-core speedup", None, None, f">= {TARGET_SPEEDUP_PER_CORE:.2f}x per core",
               "needs the command and more than one core")
    target("linear growth (us/char x8 / x1)", linear, linear <= TARGET_LINEAR, f"<= {TARGET_LINEAR}", f"{linear:.2f}")
    results["targets"] = targets
    print()
    print(table([(t["target"], t["shown"], t["goal"], t["status"]) for t in targets],
                ("target", "value", "goal", "status")))
    if "cli_overhead_without_startup" in results:
        extra = f"without the {startup:.2f} s start-up: overhead {results['cli_overhead_without_startup']:+.1%}"
        if "speedup_without_startup" in results:
            extra += f", speedup {results['speedup_without_startup']:.2f}x"
        print(f"(for information, {extra})")
    if half1 is not None and halfN is not None and half1["exit"] == 0 and halfN["exit"] == 0:
        half_overhead = half1["seconds"] / (lib_s * half1["chars"] / size) - 1
        half_speedup = half1["seconds"] / halfN["seconds"]
        results["half_corpus"] = {"chars": half1["chars"], "overhead": half_overhead, "speedup": half_speedup}
        print(f"(for information, on half the corpus, {half1['chars']:,} chars: overhead {half_overhead:+.1%} "
              f"against the library's rate, speedup {half_speedup:.2f}x)")

    if "dask" in results:
        d = results["dask"]
        print(f"(for information, --engine dask on {args.workers} workers: {d['local_cluster']['seconds']:.2f} s "
              f"with its local cluster's start-up, {d['running_cluster']['seconds']:.2f} s on a running cluster, "
              f"against {d['pool']['seconds']:.2f} s for the pool in the same interleaved runs; peak RSS "
              f"{d['local_cluster']['max_rss_mib']:.0f} MiB (largest process, local cluster), "
              f"{d['running_cluster']['worker_max_rss_mib']:.0f} MiB per worker and "
              f"{d['running_cluster']['client_max_rss_mib']:.0f} MiB for the command (running cluster); "
              f"CPU per run {d['pool']['cpu_seconds']:.2f} s for the pool, {d['local_cluster']['cpu_seconds']:.2f} s "
              f"with the local cluster, {d['running_cluster']['cpu_seconds']:.2f} s (command) + "
              f"{d['running_cluster']['worker_cpu_seconds']:.2f} s (workers) on the running cluster; "
              f"same output as the pool: {'yes' if d['same_output_as_pool'] else 'NO'})")

    if args.profile:
        results["profile_top"] = profile_extract(corpus, args.profile)

    results["total_seconds"] = time.perf_counter() - started
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.json} ({results['total_seconds']:.0f} s in all)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
