#!/usr/bin/env python3
"""Time and memory of ``textfix clean`` on one huge single-line input.

Prints numbers; it is not a test. The input is one line of about ``--mb`` MB (default 100)
built from the sentences of ``../shared/corpora/train.txt`` (override with ``--shared DIR``
or ``TEXTFIX_SHARED``) joined with spaces: one sentence in three in scraped Title Case, and
inline junk ("Baca juga: ..." promos, photo credits, ad slots) every few dozen sentences,
as a scraper that lost every line break would store an archive. ``textfix clean FILE -o
OUT -q`` runs in a subprocess; the script prints its wall and CPU time, its peak RSS and
the peak RSS per input character, the figure that must not grow with the input.

The peak is the child's own ``VmHWM`` (Linux), read when its run ends: ``wait4`` and
``RUSAGE_CHILDREN`` carry the *parent's* peak over fork and exec (a vfork child execs from
the parent's memory map), so a parent that ever held the text would inflate them. The
parent holds no more than the sentences here anyway, and ``wait4``'s figure is printed too.

``--keep FILE`` saves the generated input, ``--input FILE`` cleans a saved one instead
(to compare two versions of textfix on the same bytes: run one with ``PYTHONPATH``).

Usage: ``python scripts/bench_long_line.py [--mb 100] [--shared DIR] [--keep FILE |
--input FILE] [-- extra textfix options]``
"""

from __future__ import annotations

import argparse
import codecs
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textfix.casing.words import scraped_title_case  # noqa: E402

MB = 1_000_000
MIB = 1024 * 1024
JUNK = (
    "Baca juga: Harga Cabai Rawit Naik Lagi Jelang Lebaran",
    "BACA JUGA: Warga Serbu Pasar Murah di Kota",
    "(Foto: Humas Pemkot Bandung)",
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
    "Simak juga: Banjir Rendam Ratusan Rumah Warga",
)


def default_shared() -> Path:
    env = os.environ.get("TEXTFIX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def write_long_line(path: Path, sentences: list[str], megabytes: float, seed: int = 7) -> tuple[int, int]:
    """Write one line of about ``megabytes`` MB to ``path``: (bytes, characters)."""
    rng = random.Random(seed)
    target = int(megabytes * MB)
    size = chars = 0
    with open(path, "w", encoding="utf-8", newline="") as handle:
        while size < target:
            parts = []
            for _ in range(1000):
                sentence = rng.choice(sentences)
                if rng.random() < 1 / 3:
                    sentence = scraped_title_case(sentence)
                parts.append(sentence)
                if rng.random() < 1 / 40:
                    parts.append(rng.choice(JUNK))
            block = " ".join(parts) + " "
            data = block.encode("utf-8")
            if size + len(data) > target:
                data = data[: target - size].decode("utf-8", "ignore").rstrip().encode("utf-8")
                block = data.decode("utf-8")
                if not data:
                    break
            handle.write(block)
            size += len(data)
            chars += len(block)
        handle.write("\n")
    return size + 1, chars + 1


#: Runs the CLI in this child and reports the child's own peak (VmHWM) on the last line.
_CHILD = """
import sys
from textfix.cli import main
code = 0
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code or 0
try:
    with open("/proc/self/status") as status:
        peak = next(int(l.split()[1]) * 1024 for l in status if l.startswith("VmHWM:"))
except OSError:
    peak = 0
print("textfix-peak", peak, file=sys.stderr)
sys.exit(code)
"""


def run(args: list[str]) -> tuple[int, float, float, int, int]:
    """Run ``textfix`` with ``args``: (exit status, wall seconds, CPU seconds, its own peak
    RSS, wait4's peak RSS), in bytes. CPU time is the figure to compare on a busy machine."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _CHILD, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    lines = err.strip().splitlines()
    own = int(lines[-1].split()[1]) if lines and lines[-1].startswith("textfix-peak") else 0
    if proc.returncode or not own:
        sys.stderr.write(err)
    cpu = usage.ru_utime + usage.ru_stime
    return proc.returncode, elapsed, cpu, own or usage.ru_maxrss * 1024, usage.ru_maxrss * 1024  # KiB on Linux


def count_chars(path: Path) -> int:
    """Characters of a UTF-8 file, read a block at a time (the parent stays small)."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    count = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += len(decoder.decode(block))
    return count + len(decoder.decode(b"", final=True))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=100.0, help="input size in MB (default 100)")
    parser.add_argument("--shared", type=Path, default=None, help="the shared folder (holds corpora/train.txt)")
    parser.add_argument("--keep", type=Path, help="also copy the generated input here")
    parser.add_argument("--input", type=Path, help="clean this file instead of generating one")
    parser.add_argument("extra", nargs="*", help="more textfix clean options (after --)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="textfix-long-line-") as scratch:
        if args.input:
            path = args.input
            nbytes, nchars = path.stat().st_size, count_chars(path)
        else:
            shared = args.shared or default_shared()
            corpus = shared / "corpora" / "train.txt"
            sentences = [s.strip() for s in corpus.read_text(encoding="utf-8").splitlines() if s.strip()]
            path = Path(scratch) / "satu-baris.txt"
            nbytes, nchars = write_long_line(path, sentences, args.mb)
            del sentences
        if args.keep and not args.input:
            shutil.copyfile(path, args.keep)
        out = Path(scratch) / "hasil.txt"
        code, elapsed, cpu, peak, waited = run(["clean", "-q", str(path), "-o", str(out), *args.extra])
        out_size = out.stat().st_size if out.exists() else 0
    print(
        f"{nbytes / MB:.1f} MB single line ({nchars:,} chars): exit {code}, {elapsed:.1f} s "
        f"({nbytes / MB / elapsed:.2f} MB/s; CPU {cpu:.1f} s), peak RSS {peak / MIB:.0f} MiB "
        f"({peak / nchars:.2f} bytes/char; wait4 {waited / MIB:.0f} MiB), output {out_size / MB:.1f} MB"
    )
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
