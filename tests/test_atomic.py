"""Atomic writes under SIGKILL: a file is always the whole original or the whole result.

SIGKILL runs no clean-up code, so this is the hardest case for ``--in-place``: the only
thing that protects the file is the order of operations in :func:`textfix.io.atomic_output`
(write a temp file beside it, fsync, rename). Two kinds of victim are killed at random
moments: the real ``textfix clean --in-place`` command in a subprocess, and a forked child
doing nothing but :func:`~textfix.io.atomic_write` of a few megabytes in a loop (which is
cheap, so many more kills land inside the write and the rename).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from textfix import batch
from textfix import io as tio

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork and SIGKILL")

PARAGRAPH = (
    "Pemerintah Kota Bandung Membuka Posko Pengaduan Banjir Di Setiap Kecamatan Mulai Senin. "
    "Warga Dapat Melapor Melalui Nomor Darurat Yang Disediakan Oleh Dinas Terkait.\n"
)


def _leftovers(folder, names) -> list[str]:
    """Files other than ``names``; only textfix's hidden temp files are allowed there."""
    return [n for n in os.listdir(folder) if n not in names]


def test_sigkill_during_in_place_cli(tmp_path):
    original = (PARAGRAPH * 400).encode()  # ~70 kB: long enough to be caught mid-run
    reference = tmp_path / "rujukan.txt"
    reference.write_bytes(original)
    command = [sys.executable, "-m", "textfix", "clean", "--in-place", "-q", "-j1"]
    # The median of three whole runs: one run timed during a neighbour's burst of load
    # was twice as slow as the rest, and every kill then landed after the rename.
    runs = []
    for _ in range(3):
        reference.write_bytes(original)
        start = time.perf_counter()
        subprocess.run(command + [str(reference)], check=True, timeout=120)
        runs.append(time.perf_counter() - start)
    full_run = sorted(runs)[1]
    cleaned = reference.read_bytes()
    assert cleaned != original

    rng = random.Random(6)
    outcomes = {"original": 0, "cleaned": 0}
    for run in range(20):
        folder = tmp_path / f"run{run}"
        folder.mkdir()
        path = folder / "berita.txt"
        path.write_bytes(original)
        path.chmod(0o640)
        process = subprocess.Popen(command + [str(path)])
        # Most of a run is start-up; the write comes at the end, so aim around it.
        time.sleep(rng.uniform(0.5 * full_run, 1.5 * full_run))
        process.send_signal(signal.SIGKILL)
        process.wait()
        data = path.read_bytes()
        if data not in (original, cleaned):
            # A working tree whose casing data changed mid-test cleans differently: take
            # the current whole result as a second reference before calling it torn.
            reference.write_bytes(original)
            subprocess.run(command + [str(reference)], check=True, timeout=120)
            cleaned = reference.read_bytes()
        assert data in (original, cleaned), f"run {run}: {len(data)} bytes, neither whole file"
        outcomes["original" if data == original else "cleaned"] += 1
        assert oct(path.stat().st_mode & 0o777) == oct(0o640)
        assert all(tio.is_temp_name(n) for n in _leftovers(folder, {"berita.txt"}))
        # A later batch run over the folder sees only the article, never a temp file.
        assert [p.name for p, _ in batch.find_files([folder])] == ["berita.txt"]
    # Kills landed both before and after the rename, or the test proved nothing.
    assert outcomes["original"] and outcomes["cleaned"], outcomes


def test_sigkill_during_atomic_write(tmp_path):
    path = tmp_path / "arsip.txt"
    old, new = b"a" * 500_000, b"b" * 500_000
    path.write_bytes(old)
    start = time.perf_counter()
    tio.atomic_write(path, old)
    one_write = time.perf_counter() - start
    rng = random.Random(66)
    seen = set()
    for _ in range(60):
        pid = os.fork()
        if pid == 0:  # the child: rewrite the file back and forth until killed
            try:
                while True:
                    tio.atomic_write(path, new if path.read_bytes()[:1] == b"a" else old)
            finally:
                os._exit(1)
        time.sleep(rng.uniform(0, 4 * one_write + 0.002))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        data = path.read_bytes()
        assert data in (old, new), f"{len(data)} bytes, neither whole file"
        seen.add(data[:1])
        assert all(tio.is_temp_name(n) for n in _leftovers(tmp_path, {"arsip.txt"}))
    # Stray temp files from the killed children are hidden, named as ours, and a batch
    # walk skips them: they never stand in for the original.
    assert seen == {b"a", b"b"}
