#!/usr/bin/env python3
"""Fuzz ``textfix clean``: generated and mutated files in, crashes out (0 expected).

Every input is a file written to a scratch folder and cleaned through the real command
line: in-process through click's CliRunner for speed, and a sample through a subprocess
(``python -m textfix``) to cover start-up, signals and real streams. A *crash* is any of:

* an exception escaping the CLI (a traceback), in-process or in a subprocess's stderr;
* an exit code other than the documented ``0`` / ``1`` / ``2`` / ``123``;
* an "internal error" line: a bug in a stage that the batch runner caught and reported;
* ``--in-place`` leaving the file neither whole-original nor whole-output (compared with
  what ``-o`` writes for the same input and options);
* an output that, cleaned again with the same options, comes back changed (cleaning
  twice must equal cleaning once).

Seeds are generated scraped-looking articles, the project's own samples and test texts,
and (with ``--shared``, for local runs) the articles in ``../shared/samples/news``, which
are read and mutated in memory only. Mutations: byte flips, truncation, inserted NULs,
BOMs and CRs, CRLF and CR endings, huge lines, random Unicode, UTF-16, gzip, JSONL
wrapping with broken records, splices of two inputs.

Usage::

    python scripts/fuzz.py --count 3000 --subprocess 40 --shared
    python scripts/fuzz.py --huge 100      # one 100 MB single-line file: time and peak RSS

Crash reproducers are saved under ``--crash-dir`` (default: a temp folder).
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_NEWS = ROOT.parent / "shared" / "samples" / "news"
DOCUMENTED_EXITS = {0, 1, 2, 123}

WORDS = (
    "warga desa pemerintah kota harga beras naik di pasar dan yang akan membuka jalan baru pada "
    "tahun ini petani panen padi sekolah siswa guru upacara hujan deras sejak pagi rumah banjir "
    "kepala dinas mengatakan bahwa program bantuan sosial tersebut berjalan lancar untuk "
    "masyarakat Bandung Jakarta Presiden Joko Widodo Senin Selasa Indonesia KTT ASEAN PBB"
).split()
JUNK = [
    "Baca juga: {h}", "BACA JUGA :{h}", "Baca Juga{h}", "(Foto: Humas {h})", "ANTARA FOTO/{h}",
    "Dok. {h}", "***", "(*)", "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Editor: {h}",
    "Halaman 2", "Simak juga: {h}", "(abc/xyz)", "[Gambas:Video 20detik]",
]
ODD = ["\x00", "\ufeff", "\r", "\r\n", "\u200b", "\u00a0", "\ufffd", "\ud7ff", "\U0001f600", "\u0301",
       "&amp;", "&#8220;", "Ã©", "â€œ", "İ", "ß", "ǅ", "\x1b[31m", "\u202e", "\t", "\x0c", "\x85", "\u2028"]
OPTIONS = [
    [], ["--check"], ["--diff"], ["--explain"], ["--keep-layout"], ["--reflow"], ["--errors", "replace"],
    ["--strip-meta"], ["--no-recase"], ["--one-per-line"], ["--keep-captions"], ["--profile", "corpus"],
    ["--format", "markdown"], ["--format", "text"], ["--annotate"], ["--field", "isi"],
]


def _headline(rng: random.Random) -> str:
    return " ".join(w.capitalize() for w in rng.choices(WORDS, k=rng.randint(2, 8)))


def generate_article(rng: random.Random) -> str:
    lines = []
    for _ in range(rng.randint(1, 12)):
        if rng.random() < 0.25:
            lines.append(rng.choice(JUNK).format(h=_headline(rng)))
            continue
        words = rng.choices(WORDS, k=rng.randint(3, 40))
        sentence = " ".join(words) + rng.choice([".", ".", "?", "!", "", ":"])
        if rng.random() < 0.4:
            sentence = " ".join(w.capitalize() for w in sentence.split(" "))
        lines.append(sentence[:1].upper() + sentence[1:])
    return rng.choice(["\n", "\n\n", "\r\n"]).join(lines) + rng.choice(["", "\n"])


def project_seeds(shared: bool) -> list[bytes]:
    paths = sorted(ROOT.glob("samples/*.txt")) + sorted(ROOT.glob("tests/negative/*.txt"))
    paths += sorted(ROOT.glob("tests/cases/*.txt"))
    if shared and SHARED_NEWS.is_dir():
        paths += sorted(p for p in SHARED_NEWS.rglob("*") if p.is_file())
    return [p.read_bytes() for p in paths]


# --- mutations: bytes -> bytes ---------------------------------------------------------------


def _flip(rng, data):
    if not data:
        return bytes([rng.randrange(256)])
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        data[rng.randrange(len(data))] = rng.randrange(256)
    return bytes(data)


def _truncate(rng, data):
    return data[: rng.randint(0, len(data))]


def _insert(rng, data, piece: bytes):
    at = rng.randint(0, len(data))
    return data[:at] + piece + data[at:]


def _odd_text(rng, data):
    out = data
    for _ in range(rng.randint(1, 6)):
        out = _insert(rng, out, rng.choice(ODD).encode("utf-8", "surrogatepass"))
    return out


def _random_unicode(rng, data):
    chars = "".join(chr(rng.choice([rng.randrange(0x20, 0x7f), rng.randrange(0xa0, 0x2fff),
                                    rng.randrange(0x1f300, 0x1f6ff), rng.randrange(0, 0x20)]))
                    for _ in range(rng.randint(1, 200)))
    return _insert(rng, data, chars.encode("utf-8"))


def _huge_line(rng, data):
    piece = (data[:200] or b"Harga Naik ").replace(b"\n", b" ").replace(b"\r", b" ")
    return _insert(rng, data, piece * rng.randint(20, 300))


def _endings(rng, data):
    return data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\n", b"\r\r\n"]))


def _bom(rng, data):
    return rng.choice([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]) + data


def _utf16(rng, data):
    text = data.decode("utf-8", "replace")
    return rng.choice([codecs.BOM_UTF16_LE + text.encode("utf-16-le"), codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
                       text.encode("utf-16-le")])


def _latin1(rng, data):
    return data.decode("utf-8", "replace").encode("latin-1", "replace")


def _splice(rng, data, other):
    return data[: rng.randint(0, len(data))] + other[rng.randint(0, len(other)) :]


MUTATIONS = [_flip, _truncate, _odd_text, _random_unicode, _huge_line, _endings, _bom, _utf16, _latin1,
             lambda rng, d: _insert(rng, d, b"\x00" * rng.randint(1, 3)),
             lambda rng, d: _insert(rng, d, b"\r" * rng.randint(1, 5))]


def mutate(rng: random.Random, data: bytes, other: bytes) -> bytes:
    for _ in range(rng.choice([0, 1, 1, 1, 2, 3])):
        if rng.random() < 0.08:
            data = _splice(rng, data, other)
        else:
            data = rng.choice(MUTATIONS)(rng, data)
    return data


def as_jsonl(rng: random.Random, texts: list[bytes]) -> bytes:
    lines = []
    for raw in texts:
        text = raw.decode("utf-8", "replace")
        kind = rng.random()
        if kind < 0.7:
            record = {"id": len(lines), "text": text, "sumber": "fuzz"}
            if rng.random() < 0.2:
                record["isi"] = text
            lines.append(json.dumps(record, ensure_ascii=rng.random() < 0.5).encode())
        elif kind < 0.8:
            lines.append(json.dumps({"text": rng.choice([None, 3, [text], {"a": text}, True])}).encode())
        elif kind < 0.9:
            lines.append(json.dumps({"judul": text}).encode()[: rng.randint(0, 60)])
        else:
            lines.append(_flip(rng, json.dumps({"text": text}).encode()))
    return b"\n".join(lines) + rng.choice([b"", b"\n", b"\r\n"])


# --- running ------------------------------------------------------------------------------------


@dataclass
class Stats:
    runs: int = 0
    subprocess_runs: int = 0
    exits: dict = field(default_factory=dict)
    crashes: list = field(default_factory=list)


def _crash(stats: Stats, crash_dir: Path, what: str, data: bytes, suffix: str, args: list[str], detail: str) -> None:
    crash_dir.mkdir(parents=True, exist_ok=True)
    number = len(stats.crashes)
    saved = crash_dir / f"crash-{number:04d}{suffix}"
    saved.write_bytes(data)
    (crash_dir / f"crash-{number:04d}.about").write_text(f"{what}\nargs: {args}\n\n{detail}\n", encoding="utf-8")
    stats.crashes.append(f"{what}: {saved} args={args}: {detail.strip().splitlines()[-1] if detail.strip() else ''}")


def _problems(exit_code: int, stderr: str) -> str:
    if exit_code not in DOCUMENTED_EXITS:
        return f"exit code {exit_code}"
    if "Traceback (most recent call last)" in stderr:
        return "traceback on stderr"
    if "internal error" in stderr:
        return "internal error reported"
    return ""


class Hang(Exception):
    """An input took longer than ``PER_INPUT_SECONDS``: reported as a crash, with its stack."""


PER_INPUT_SECONDS = 60


def _alarm(signum, frame):
    raise Hang(f"no result after {PER_INPUT_SECONDS} s")


def run_in_process(runner, main, path: Path, args: list[str]):
    import signal

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(PER_INPUT_SECONDS)
    try:
        result = runner.invoke(main, ["clean", "-j1", "-q", *args, str(path)], catch_exceptions=True)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    detail = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        detail = "".join(traceback.format_exception(result.exception))
        return 999, detail, result
    return result.exit_code, result.stderr, result


def fuzz(
    count: int, seed: int, subprocesses: int, shared: bool, crash_dir: Path, verbose: bool = False,
    markdown: bool = True,
) -> Stats:
    from click.testing import CliRunner

    from textfix.cli import main

    rng = random.Random(seed)
    seeds = project_seeds(shared) or [b"Harga Beras Naik.\n"]
    stats = Stats()
    runner = CliRunner()
    sub_every = max(count // subprocesses, 1) if subprocesses else 0
    with tempfile.TemporaryDirectory(prefix="textfix-fuzz-") as scratch:
        scratch = Path(scratch)
        for number in range(count):
            base = generate_article(rng).encode() if rng.random() < 0.5 else rng.choice(seeds)
            data = mutate(rng, base, rng.choice(seeds))
            suffix = rng.choice([".txt", ".txt", ".txt", ".md", ".txt.gz", ".jsonl", ".jsonl.gz"])
            if not markdown and suffix == ".md":
                suffix = ".txt"
            if suffix.startswith(".jsonl"):
                data = as_jsonl(rng, [mutate(rng, generate_article(rng).encode(), base) for _ in range(rng.randint(1, 6))])
            stored = gzip.compress(data) if suffix.endswith(".gz") else data
            if suffix.endswith(".gz") and rng.random() < 0.1:
                stored = _truncate(rng, stored)
            args = list(rng.choice(OPTIONS))
            if not markdown and "markdown" in args:
                args = ["--format", "text"]
            if "--annotate" in args or "--field" in args:
                suffix = ".jsonl"
                stored = data = as_jsonl(rng, [data])
            folder = scratch / f"{number:05d}"
            folder.mkdir()
            path = folder / f"in{suffix}"
            path.write_bytes(stored)

            code, stderr, _ = run_in_process(runner, main, path, args)
            stats.runs += 1
            stats.exits[code] = stats.exits.get(code, 0) + 1
            problem = _problems(code, stderr)
            if problem:
                _crash(stats, crash_dir, problem, stored, suffix, args, stderr)

            # --in-place must give exactly what -o gives, or leave the file alone on failure.
            writes = not {"--check", "--diff"} & set(args)
            if writes and not problem and rng.random() < 0.3:
                out = folder / f"out{suffix}"
                code_o, stderr_o, _ = run_in_process(runner, main, path, [*args, "--keep-layout", "-o", str(out)])
                code_i, stderr_i, _ = run_in_process(runner, main, path, [*args, "--keep-layout", "--in-place"])
                stats.runs += 2
                problem = _problems(code_o, stderr_o) or _problems(code_i, stderr_i)
                if not problem and code_i == 123 and path.read_bytes() != stored and not suffix.startswith(".jsonl"):
                    problem = "--in-place failed but changed the file"
                # An unchanged file is left alone in place, bytes and all (its gzip header,
                # mixed line endings, undecodable bytes under --errors replace, no
                # --annotate fields), so compare the decoded text, and skip --annotate.
                if not problem and code_i == 0 and out.exists() and "--annotate" not in args:
                    from textfix.errors import TextfixError
                    from textfix.io import read_file

                    try:
                        same = read_file(path, "replace").text == read_file(out, "replace").text
                    except TextfixError:  # a JSONL file may hold what a text file may not (NUL)
                        same = path.read_bytes() == out.read_bytes() or suffix.startswith(".jsonl")
                    if not same:
                        problem = "--in-place wrote something other than -o"
                if problem:
                    _crash(stats, crash_dir, problem, stored, suffix, args, stderr_o + stderr_i)

            # Twice is once: the output, cleaned again with the same options, comes back as it was.
            if writes and not problem and "--annotate" not in args and rng.random() < 0.3:
                once, twice = folder / f"once{suffix}", folder / f"twice{suffix}"
                code_1, _, _ = run_in_process(runner, main, path, [*args, "-o", str(once)])
                stats.runs += 1
                if code_1 == 0 and once.exists():
                    code_2, stderr_2, _ = run_in_process(runner, main, once, [*args, "-o", str(twice)])
                    stats.runs += 1
                    problem = _problems(code_2, stderr_2)
                    unpack = gzip.decompress if suffix.endswith(".gz") else bytes
                    if not problem and (code_2 != 0 or unpack(once.read_bytes()) != unpack(twice.read_bytes())):
                        problem = "cleaning the output again changed it"
                    if problem:
                        _crash(stats, crash_dir, problem, stored, suffix, args, stderr_2)

            if sub_every and number % sub_every == 0 and stats.subprocess_runs < subprocesses:
                proc = subprocess.run(
                    [sys.executable, "-m", "textfix", "clean", "-q", *args, str(path)],
                    capture_output=True, timeout=300, cwd=scratch,
                )
                stats.subprocess_runs += 1
                stderr_text = proc.stderr.decode("utf-8", "replace")
                problem = _problems(proc.returncode, stderr_text)
                if problem:
                    _crash(stats, crash_dir, "subprocess: " + problem, stored, suffix, args, stderr_text)
            shutil.rmtree(folder)
            if verbose and (number + 1) % 50 == 0:
                print(f"{number + 1} inputs, {len(stats.crashes)} crashes", file=sys.stderr)
    return stats


def huge(megabytes: int) -> None:
    """Clean one single-line file of ``megabytes`` MB with the CLI; print time and peak RSS."""
    with tempfile.TemporaryDirectory(prefix="textfix-huge-") as scratch:
        path = Path(scratch) / "satu-baris.txt"
        sentence = "Harga Beras Di Pasar Induk Naik Lagi Pada Pekan Ini, Kata Pedagang. "
        size = megabytes * 1024 * 1024
        with open(path, "w", encoding="utf-8") as handle:
            block = sentence * (1024 * 1024 // len(sentence) + 1)
            written = 0
            while written < size:
                piece = block[: size - written]
                handle.write(piece)
                written += len(piece)
        out = Path(scratch) / "hasil.txt"
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c",
             "import resource, sys\n"
             "from textfix.cli import main\n"
             "try:\n    main(['clean', '-q', sys.argv[1], '-o', sys.argv[2]])\n"
             "except SystemExit as e:\n    code = e.code\n"
             "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, code, file=sys.stderr)\n",
             str(path), str(out)],
            capture_output=True, text=True,
        )
        elapsed = time.perf_counter() - start
        rss_kib, code = proc.stderr.split()[-2:]
        print(f"{megabytes} MB single line: exit {code}, {elapsed:.1f} s, "
              f"{megabytes / elapsed:.2f} MB/s, peak RSS {int(rss_kib) / 1024:.0f} MiB, "
              f"output {out.stat().st_size / 1024 / 1024:.1f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=2000, help="inputs to run in-process")
    parser.add_argument("--subprocess", type=int, default=20, help="of which also run as a subprocess")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--shared", action="store_true", help="also mutate ../shared/samples/news (local runs)")
    parser.add_argument("--crash-dir", type=Path, default=Path(tempfile.gettempdir()) / "textfix-fuzz-crashes")
    parser.add_argument("--huge", type=int, metavar="MB", help="instead: time one single-line file of MB megabytes")
    parser.add_argument("--timeout", type=int, default=PER_INPUT_SECONDS, help="seconds per input before it counts as a hang")
    parser.add_argument("--no-markdown", action="store_true", help="leave Markdown out (to measure the rest apart)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if args.huge:
        huge(args.huge)
        return 0
    globals()["PER_INPUT_SECONDS"] = args.timeout
    start = time.perf_counter()
    stats = fuzz(args.count, args.seed, args.subprocess, args.shared, args.crash_dir, args.verbose,
                 markdown=not args.no_markdown)
    elapsed = time.perf_counter() - start
    exits = ", ".join(f"{code}: {n}" for code, n in sorted(stats.exits.items()))
    print(f"{stats.runs} in-process runs on {args.count} inputs and {stats.subprocess_runs} subprocess runs "
          f"in {elapsed:.0f} s (seed {args.seed}); exit codes {{{exits}}}; {len(stats.crashes)} crashes")
    for crash in stats.crashes:
        print("  " + crash)
    return 1 if stats.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
