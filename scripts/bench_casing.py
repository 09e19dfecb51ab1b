#!/usr/bin/env python3
"""Benchmark the casing stage: MB/s of title-cased text on one core, load time, import time.

Inputs, each put through the evaluation's scraped Title Case (so every paragraph is
repaired, none skipped by the detector):

* ``news``: the article bodies in ``../shared/samples/news`` (unseen text: many words the
  model has never met, so the Sastrawi stemmer runs cold on them);
* ``dev``: ``../shared/corpora/dev.txt``, one paragraph per line;
* ``train-1MB``: the first megabyte of ``train.txt`` (every word known: the fast path's
  best case).

Each set is timed twice in one process, in CPU seconds of this process (wall time is
printed beside it; on a busy machine it says more about the neighbours than about textfix): ``first`` (caches empty but for what earlier sets
filled) and ``again`` (warm caches, as in a long batch run). The model's load time is
measured before any set. ``import textfix`` is timed in a fresh interpreter.

Usage: ``python scripts/bench_casing.py [--shared DIR]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textfix import casing, document, lexicon  # noqa: E402
from textfix.casing.words import scraped_title_case  # noqa: E402


def default_shared() -> Path:
    env = os.environ.get("TEXTFIX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def documents(shared: Path) -> dict[str, list[list[str]]]:
    news = []
    for path in sorted((shared / "samples" / "news").glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        news.append([scraped_title_case(p.text) for p in document.split_paragraphs(text).paragraphs])
    dev = [
        [scraped_title_case(line)]
        for line in (shared / "corpora" / "dev.txt").read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    train, size = [], 0
    for line in (shared / "corpora" / "train.txt").read_text(encoding="utf-8").split("\n"):
        if size >= 1_000_000:
            break
        if line.strip():
            train.append([scraped_title_case(line)])
            size += len(line.encode())
    return {"news": news, "dev": dev, "train-1MB": train}


def run(docs: list[list[str]]) -> tuple[float, float]:
    """CPU seconds (this process, so other load on the machine counts little) and wall."""
    cpu, wall = time.process_time(), time.perf_counter()
    for paragraphs in docs:
        casing.recase_document(paragraphs)
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    args = parser.parse_args()

    code = "import time; t = time.perf_counter(); import textfix; print(time.perf_counter() - t)"
    imports = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                    check=True).stdout) for _ in range(3)]
    print(f"import textfix: {min(imports) * 1000:.0f} ms (best of 3, fresh interpreter)")

    started = time.perf_counter()
    casing.default_lexicon()
    casing.default_model()
    load = time.perf_counter() - started
    sizes = {
        name: (ROOT / "textfix" / "data" / name).stat().st_size
        for name in ("casing-model.tsv", "casing-counts.tsv", "casing-bigrams.tsv", "casing-stems.tsv")
    }
    print(f"model load (counts, pairs, stems, weights, Sastrawi roots): {load * 1000:.0f} ms")
    print(
        "shipped model files: "
        + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items())
        + f"; total {sum(sizes.values()) / 1e6:.2f} MB"
    )
    print(f"Sastrawi stems computed so far: {lexicon.sastrawi_stem.cache_info().currsize}")

    for name, docs in documents(args.shared).items():
        mb = sum(len(p.encode()) for paragraphs in docs for p in paragraphs) / 1e6
        (first, first_wall), (again, again_wall) = run(docs), run(docs)
        print(
            f"{name:<10} {mb:6.3f} MB  first {mb / first:5.2f} MB/s CPU ({mb / first_wall:.2f} wall)"
            f"  again {mb / again:5.2f} MB/s CPU ({mb / again_wall:.2f} wall)"
        )
    print(f"Sastrawi stems computed in all: {lexicon.sastrawi_stem.cache_info().currsize}")
    print(f"load average during the run: {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
          f" on {os.cpu_count()} CPUs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
