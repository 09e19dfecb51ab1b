#!/usr/bin/env python3
"""Benchmark textfix against ftfy: throughput, batch scaling, start-up and peak memory.

Prints numbers; it is not a test. Everything is built from ``../shared/corpora/train.txt``
(override with ``--shared DIR`` or ``TEXTFIX_SHARED``) and measured in this one run:

1. **Throughput** of the full default pipeline (``textfix.clean``) in MB/s on (a) normally
   cased news text and (b) the same text in scraped Title Case (the protocol of
   ``corpora/README.md``), beside ``ftfy.fix_text(text, uncurl_quotes=False)`` on the same
   articles, as a ratio. Articles are 8 paragraphs of 4 train sentences; both tools are
   warmed up on one article of each kind first (loading data is start-up, measured below).
   Times are CPU seconds of this process; in each of three rounds the two tools take
   turns every ten articles, and the ratio is the median of the rounds' ratios.
2. **Batch**: ``textfix clean ARCHIVE --out-dir OUT -q`` with ``-j1`` and ``-j2`` on a
   generated archive (default 50 MB: half as ~5 KB ``.txt`` articles in 50 folders, half as
   JSONL files, one of them gzipped; one article in five title-cased), in MB/s and as a ratio:
   the median of ``--batch-rounds`` rounds (default 3), each running both back to back, then
   two ``-j1`` processes side by side on the two halves of the archive: the same work split
   with no pool, what ``-j2`` could reach on this machine. Before and after, the same ratio
   for two copies of a plain Python loop.
3. **Start-up**: wall time of ``textfix clean samples/seed-title-cased.txt`` against the
   ``ftfy`` command on the same file, median of ``--runs`` runs each, the two taking turns,
   after one warm-up run each (file cache, bytecode cache, textfix's copies of its tables).
4. **Peak memory**: ``textfix clean BIG.jsonl -o OUT.jsonl`` (default jobs: all cores) on a
   generated JSONL file (default 500 MB, one record in five title-cased); the largest RSS
   of any one process (``wait4``), and the peak of the whole process tree's summed PSS and
   RSS (sampled from ``/proc`` every 50 ms). Both are held to the target.

Usage: ``python scripts/bench.py [--shared DIR] [--text-mb 2] [--batch-mb 50]
[--memory-mb 500] [--runs 7] [--batch-rounds 3] [--skip batch,memory]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import math
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import ftfy  # noqa: E402

import textfix  # noqa: E402
from textfix.casing.words import scraped_title_case  # noqa: E402

MB = 1_000_000
MIB = 1024 * 1024
TARGETS = {
    "clean": 1.0,  # textfix / ftfy throughput, normally cased text
    "title": 0.15,  # textfix / ftfy throughput, title-cased text
    "scaling": 1.8,  # -j2 / -j1
    "startup": 2.0,  # textfix / ftfy CLI wall time, at most
    "memory": 150.0,  # MiB, at most
}


def default_shared() -> Path:
    env = os.environ.get("TEXTFIX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def make_articles(sentences: list[str], per_paragraph: int = 4, paragraphs: int = 8) -> list[str]:
    """News-shaped articles: one paragraph per line, as scrapers store them."""
    size = per_paragraph * paragraphs
    articles = []
    for start in range(0, len(sentences) - size + 1, size):
        chunk = sentences[start : start + size]
        paras = [" ".join(chunk[i : i + per_paragraph]) for i in range(0, size, per_paragraph)]
        articles.append("\n".join(paras) + "\n")
    return articles


def take_mb(articles: list[str], megabytes: float) -> list[str]:
    out, size = [], 0
    for article in articles:
        if size >= megabytes * MB:
            break
        out.append(article)
        size += len(article.encode("utf-8"))
    return out


def nbytes(articles: list[str]) -> int:
    return sum(len(a.encode("utf-8")) for a in articles)


def time_it(func, articles: list[str]) -> float:
    """CPU seconds of this process for ``func`` over ``articles`` (a neighbour's load
    changes wall time far more than CPU time on this 2-core machine)."""
    start = time.process_time()
    for article in articles:
        func(article)
    return time.process_time() - start


def interleaved(funcs: dict, articles: list[str], chunk: int = 10) -> dict[str, float]:
    """Each function's CPU seconds over ``articles``, the functions taking turns every
    ``chunk`` articles, so that both meet the same moments of this machine's drifting
    speed. Timed whole, one after the other, the short ftfy runs often caught a fast
    moment the long textfix runs could not: ftfy's best of three on the same text moved
    between 6.3 and 11.3 MB/s within one session here, and the ratio with it."""
    spent = {name: 0.0 for name in funcs}
    for start in range(0, len(articles), chunk):
        part = articles[start : start + chunk]
        for name, func in funcs.items():
            spent[name] += time_it(func, part)
    return spent


def bench_throughput(sentences: list[str], megabytes: float, rounds: int = 3) -> dict[str, float]:
    normal = take_mb(make_articles(sentences), megabytes)
    titled = [scraped_title_case(a) for a in normal]
    size = nbytes(normal) / MB
    results = {}

    def fix(text: str) -> str:
        return ftfy.fix_text(text, uncurl_quotes=False)

    # Warm up on one article of each kind: a clean article may take the fast path, which
    # loads no casing data, so the first title-cased one would otherwise load it in the clock.
    for article in (normal[0], titled[0]):
        textfix.clean(article)
        fix(article)
    for label, articles in (("clean", normal), ("title", titled)):
        runs = [interleaved({"textfix": textfix.clean, "ftfy": fix}, articles) for _ in range(rounds)]
        ratios = sorted(run["ftfy"] / run["textfix"] for run in runs)
        results[label] = statistics.median(ratios)
        middle = min(runs, key=lambda run: abs(run["ftfy"] / run["textfix"] - results[label]))
        kind = "normally cased" if label == "clean" else "title-cased"
        print(
            f"throughput, {kind} ({len(articles)} articles, {size:.2f} MB): "
            f"textfix {size / middle['textfix']:.2f} MB/s, ftfy {size / middle['ftfy']:.2f} MB/s "
            f"(CPU, taking turns every 10 articles; the median round of {rounds}), ratio "
            f"{results[label]:.3f}x (rounds " + ", ".join(f"{r:.3f}x" for r in ratios) + ")",
            flush=True,
        )
    return results


def console_script(name: str) -> str | None:
    """The ``name`` command of the environment running this script (its bin folder, where
    pip put it, even when that folder is not on PATH), else the first on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def textfix_command() -> list[str]:
    found = console_script("textfix")
    return [found] if found else [sys.executable, "-m", "textfix"]


def write_archive(folder: Path, sentences: list[str], megabytes: float, seed: int = 5) -> int:
    """A folder of .txt articles and JSONL dumps of about ``megabytes`` MB in all."""
    rng = random.Random(seed)
    base = make_articles(sentences)
    target = int(megabytes * MB)

    def article(i: int) -> str:
        text = rng.choice(base)
        if i % 5 == 0:
            text = scraped_title_case(text)
        return text

    size, i = 0, 0
    while size < target // 2:
        path = folder / f"rubrik-{i % 50:02d}" / f"berita-{i:06d}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        data = article(i).encode("utf-8")
        path.write_bytes(data)
        size += len(data)
        i += 1
    dumps = 5
    for d in range(dumps):
        name = folder / "dump" / f"bagian-{d}.jsonl{'.gz' if d == dumps - 1 else ''}"
        name.parent.mkdir(parents=True, exist_ok=True)
        opener = gzip.open if name.suffix == ".gz" else open
        with opener(name, "wt", encoding="utf-8") as out:
            part = 0
            while part < (target - target // 2) // dumps:
                line = json.dumps({"id": i, "url": f"https://contoh.id/{i}", "text": article(i)}, ensure_ascii=False) + "\n"
                out.write(line)
                part += len(line.encode("utf-8"))
                i += 1
        size += part
    return size


def _busy_loop(n: int) -> float:
    """Pure-Python dict work (like the casing decoder's), timed in CPU seconds."""
    start = time.process_time()
    table: dict[int, int] = {}
    total = 0
    for i in range(n):
        key = i % 5000
        total += table.get(key, 0)
        table[key] = i
    return time.process_time() - start


def machine_scaling(n: int = 4_000_000) -> float:
    """How much faster two copies of a pure-Python loop finish side by side than one after
    the other: the ceiling this machine puts on ``-j2 / -j1`` at that moment (a virtual
    machine whose two cores share a host may give far less than 2x, and it changes with
    the neighbours' load)."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _busy_loop(n), _busy_loop(n)
    serial = time.perf_counter() - start
    with ProcessPoolExecutor(max_workers=2) as pool:
        list(pool.map(_busy_loop, [1000, 1000]))  # workers started before the clock
        start = time.perf_counter()
        list(pool.map(_busy_loop, [n, n]))
        parallel = time.perf_counter() - start
    return serial / parallel


def _batch_command(archive: Path, out: Path, jobs: int) -> list[str]:
    """``textfix clean ARCHIVE --out-dir OUT -q -jN``."""
    return [*textfix_command(), "clean", str(archive), "--out-dir", str(out), "-q", "-j", str(jobs)]


def _run_batch(archive: Path, out: Path, jobs: int) -> tuple[float, float, bool]:
    """Wall and CPU seconds of one ``textfix clean ARCHIVE --out-dir OUT -jN``; whether it failed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(_batch_command(archive, out, jobs), capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        print(f"  -j{jobs} exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, proc.returncode != 0


def split_archive(archive: Path, halves: tuple[Path, Path]) -> None:
    """The archive's work in two: text files in turn (hard links), each JSONL file's
    records in turn (gzipped ones as plain JSONL)."""
    for n, path in enumerate(sorted(p for p in archive.rglob("*") if p.is_file())):
        rel = path.relative_to(archive)
        if ".jsonl" in path.name:
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as source:
                lines = source.readlines()
            for half, part in zip(halves, (lines[0::2], lines[1::2])):
                dest = half / rel.with_name(rel.name.removesuffix(".gz"))
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text("".join(part), encoding="utf-8")
        else:
            dest = halves[n % 2] / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            os.link(path, dest)


def _run_halves(halves: tuple[Path, Path], work: Path) -> tuple[float, bool]:
    """Wall seconds of two ``-j1`` runs, one on each half, side by side; whether one failed."""
    start = time.perf_counter()
    procs = [
        subprocess.Popen(_batch_command(half, work / f"bersih-{n}", 1), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for n, half in enumerate(halves)
    ]
    codes = [proc.wait() for proc in procs]
    wall = time.perf_counter() - start
    for n, proc in enumerate(procs):
        proc.stderr.close()
        shutil.rmtree(work / f"bersih-{n}", ignore_errors=True)
    return wall, any(codes)


def bench_batch(sentences: list[str], megabytes: float, work: Path, rounds: int = 3) -> float:
    """The median over ``rounds`` of the ratio -j1 / -j2 wall time, the two run back to back
    in each round (in turn first), so each ratio compares runs under the same load: one run
    of each moved between 1.46x and 1.69x from one session to the next here.

    Each round also runs two ``-j1`` processes side by side, each on half of the archive:
    the same work split in two with no pool, so what this machine allows ``-j2`` with this
    work (a pure-Python loop's 2x overstates it: two cleaning processes slow each other)."""
    print(f"machine: two pure-Python loops side by side vs one after the other: {machine_scaling():.2f}x",
          flush=True)
    archive = work / "arsip"
    size = write_archive(archive, sentences, megabytes)
    files = sum(1 for _ in archive.rglob("*") if _.is_file())
    print(f"batch archive: {size / MB:.1f} MB in {files} files", flush=True)
    halves = (work / "separuh-a", work / "separuh-b")
    split_archive(archive, halves)
    ratios, ceilings, failed = [], [], False
    for round_ in range(rounds):
        times = {}
        for jobs in (1, 2) if round_ % 2 == 0 else (2, 1):
            wall, cpu, bad = _run_batch(archive, work / f"bersih-j{jobs}", jobs)
            failed = failed or bad
            times[jobs] = wall
            print(f"batch round {round_ + 1} -j{jobs}: {wall:.1f} s wall, {cpu:.1f} s CPU, "
                  f"{size / MB / wall:.2f} MB/s", flush=True)
        halves_wall, bad = _run_halves(halves, work)
        failed = failed or bad
        print(f"batch round {round_ + 1} two -j1 on halves side by side: {halves_wall:.1f} s wall", flush=True)
        ratios.append(times[1] / times[2])
        ceilings.append(times[1] / halves_wall)
    for folder in (archive, *halves):
        shutil.rmtree(folder, ignore_errors=True)
    ratio = float("nan") if failed else statistics.median(ratios)
    print(f"batch scaling -j2 / -j1: median {ratio:.2f}x of rounds "
          + ", ".join(f"{r:.2f}x" for r in ratios), flush=True)
    print(f"batch ceiling, -j1 / two -j1 on halves side by side: median {statistics.median(ceilings):.2f}x of rounds "
          + ", ".join(f"{r:.2f}x" for r in ceilings) + " (what -j2 could reach here with no pool at all)", flush=True)
    print(f"machine: the same loops again: {machine_scaling():.2f}x", flush=True)
    return ratio


def bench_startup(seed: Path, runs: int) -> float:
    ftfy_command = console_script("ftfy")
    if ftfy_command is None:
        print("start-up: no ftfy command beside this Python or on PATH (pip install ftfy); skipped")
        return float("nan")
    commands = {
        "textfix": [*textfix_command(), "clean", str(seed)],
        "ftfy": [ftfy_command, str(seed)],
    }
    # As on a user's machine: Python may cache bytecode. With PYTHONDONTWRITEBYTECODE set
    # (some sandboxes set it) an editable install recompiles every module on every run,
    # while ftfy, installed by pip, came with its bytecode compiled.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    if "PYTHONDONTWRITEBYTECODE" in os.environ:
        print("  (PYTHONDONTWRITEBYTECODE is set here; unset for the start-up runs)")
    failed = False
    for command in commands.values():
        subprocess.run(command, capture_output=True, check=False, env=env)  # warm the caches
    # Interleaved, so both commands see the same load: in blocks, a neighbour starting
    # or stopping between the blocks moved the ratio by half.
    times: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            proc = subprocess.run(command, capture_output=True, check=False, env=env)
            times[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu[name].append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
            if proc.returncode != 0:
                failed = True
                print(f"  {name} exited {proc.returncode}: {proc.stderr.decode()[:300]}")
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name in commands:
        print(
            f"start-up {name} on {seed.name}: median {medians[name] * 1000:.0f} ms wall, "
            f"{statistics.median(cpu[name]) * 1000:.0f} ms CPU, of {runs} runs",
            flush=True,
        )
    ratio = float("nan") if failed else medians["textfix"] / medians["ftfy"]
    print(f"start-up textfix / ftfy: {ratio:.2f}x", flush=True)
    return ratio


def write_big_jsonl(path: Path, sentences: list[str], megabytes: float, seed: int = 11) -> int:
    rng = random.Random(seed)
    base = make_articles(sentences)
    size, i = 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < megabytes * MB:
            text = rng.choice(base)
            if i % 5 == 0:
                text = scraped_title_case(text)
            line = json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n"
            out.write(line)
            size += len(line.encode("utf-8"))
            i += 1
    return size


def _tree_memory(pid: int) -> tuple[int, int]:
    """Summed RSS and PSS (bytes) of ``pid`` and its descendants, from /proc.

    RSS counts pages shared between the processes (the interpreter, data a worker got by
    fork) once per process; PSS divides each shared page among its sharers, so the PSS sum
    is what the run really holds in memory.
    """
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    todo.extend(int(child) for child in handle.read().split())
        except (OSError, ValueError):
            continue
    return rss, pss


def bench_memory(sentences: list[str], megabytes: float, work: Path) -> float:
    big = work / "besar.jsonl"
    size = write_big_jsonl(big, sentences, megabytes)
    print(f"memory input: {size / MB:.0f} MB JSONL ({size / MIB:.0f} MiB)", flush=True)
    out = work / "besar.bersih.jsonl"
    start = time.perf_counter()
    proc = subprocess.Popen(
        [*textfix_command(), "clean", str(big), "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    peak_rss = peak_pss = 0
    while True:
        finished, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if finished:
            break
        if sys.platform.startswith("linux"):
            rss, pss = _tree_memory(proc.pid)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
        time.sleep(0.05)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code != 0:
        print(f"  exited {code}: {proc.stderr.read().decode()[:500]}")
        return float("nan")
    # ru_maxrss is in KiB on Linux: the largest any one process of the run reached.
    single = usage.ru_maxrss / 1024
    print(
        f"peak memory: {single:.1f} MiB max RSS of the largest process; whole process tree "
        f"(sampled): {peak_pss / MIB:.1f} MiB PSS, {peak_rss / MIB:.1f} MiB RSS counting shared "
        f"pages per process ({elapsed:.0f} s, {size / MB / elapsed:.2f} MB/s)",
        flush=True,
    )
    big.unlink()
    out.unlink(missing_ok=True)
    return single, peak_pss / MIB


def _print_load() -> None:
    # Wall times mean little on a busy machine: say how busy it was (CPU times are printed
    # beside wall times where they are measured).
    if hasattr(os, "getloadavg"):
        one, five, _ = os.getloadavg()
        print(f"  (load average {one:.1f} / {five:.1f} over 1 / 5 min on {os.cpu_count()} cores)", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder (corpora/)")
    parser.add_argument("--text-mb", type=float, default=2.0, help="MB of text for the throughput runs")
    parser.add_argument("--batch-mb", type=float, default=50.0, help="MB of the generated batch archive")
    parser.add_argument("--memory-mb", type=float, default=500.0, help="MB of the generated JSONL file")
    parser.add_argument("--runs", type=int, default=7, help="runs per command for start-up")
    parser.add_argument("--batch-rounds", type=int, default=3, help="rounds of -j1 and -j2 for batch scaling")
    parser.add_argument("--skip", default="", help="comma-separated: throughput,batch,startup,memory")
    parser.add_argument("--tmp", type=Path, default=None, help="folder for generated files")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))

    train = args.shared / "corpora" / "train.txt"
    sentences = [line for line in train.read_text(encoding="utf-8").splitlines() if line.strip()]
    seed = ROOT / "samples" / "seed-title-cased.txt"
    print(f"textfix {textfix.__version__}, ftfy {ftfy.__version__}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} cores", flush=True)
    _print_load()

    results: dict[str, float] = {}
    with tempfile.TemporaryDirectory(dir=args.tmp, prefix="textfix-bench-") as tmp:
        work = Path(tmp)
        if "throughput" not in skip:
            results.update(bench_throughput(sentences, args.text_mb))
            _print_load()
        if "batch" not in skip:
            results["scaling"] = bench_batch(sentences, args.batch_mb, work, args.batch_rounds)
            _print_load()
        if "startup" not in skip:
            results["startup"] = bench_startup(seed, args.runs)
            _print_load()
        if "memory" not in skip:
            results["memory"], results["memory_tree"] = bench_memory(sentences, args.memory_mb, work)
            _print_load()

    print("\nsummary (target):")
    labels = {
        "clean": ("clean-text throughput vs ftfy", ">=", "x"),
        "title": ("title-cased throughput vs ftfy", ">=", "x"),
        "scaling": ("batch -j2 / -j1", ">=", "x"),
        "startup": ("start-up vs ftfy CLI", "<=", "x"),
        "memory": ("peak memory, largest process", "<", " MiB"),
        "memory_tree": ("peak memory, process tree PSS", "<", " MiB"),
    }
    for key, value in results.items():
        label, op, unit = labels[key]
        target = TARGETS["memory" if key == "memory_tree" else key]
        met = value >= target if op == ">=" else value <= target if op == "<=" else value < target
        verdict = "run failed" if math.isnan(value) else "met" if met else "MISSED"
        print(f"  {label:32} {value:8.2f}{unit}  ({op} {target}{unit}: {verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
