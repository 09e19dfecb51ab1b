#!/usr/bin/env python3
"""A fixed workload for counting instructions of ``textfix.clean`` on title-cased news.

Wall time on a shared 2-core machine moves by more than most optimisations gain, so
changes are measured in instructions instead::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python scripts/callgrind_clean.py --passes N

Articles are built as ``scripts/bench.py`` builds them (8 paragraphs of 4 train.txt
sentences, scraped Title Case), ``--kb`` kilobytes of them. ``--passes 0`` only builds
them (and imports textfix); each pass cleans them all once. The first pass is the cold
cost (the model and word lists load, the caches fill), the second the steady state of a
long batch run: ``passes 2 - passes 1`` instructions. ``--check FILE`` writes the outputs
of the last pass to FILE (to compare two versions byte for byte).

Usage: ``python scripts/callgrind_clean.py [--kb 200] [--passes 2] [--plain] [--check FILE]``
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import textfix  # noqa: E402
from bench import default_shared, make_articles, take_mb  # noqa: E402
from textfix.casing.words import scraped_title_case  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared())
    parser.add_argument("--kb", type=float, default=200.0, help="kilobytes of articles")
    parser.add_argument("--passes", type=int, default=2, help="times every article is cleaned")
    parser.add_argument("--plain", action="store_true", help="normally cased, not title-cased")
    parser.add_argument("--check", type=Path, default=None, help="write the last pass's outputs here")
    args = parser.parse_args()
    train = args.shared / "corpora" / "train.txt"
    sentences = [line for line in train.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = take_mb(make_articles(sentences), args.kb / 1000)
    if not args.plain:
        articles = [scraped_title_case(a) for a in articles]
    outputs: list[str] = []
    for _ in range(args.passes):
        outputs = [textfix.clean(a) for a in articles]
    if args.check is not None:
        args.check.write_text("\x00".join(outputs), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
