"""The fuzzer at a CI-friendly size: generated and mutated files through the CLI, 0 crashes.

``scripts/fuzz.py`` is the tool (run it locally with ``--count 3000``); this runs a small,
seeded slice of it so every CI run throws a fresh few dozen broken files at textfix.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "fuzz.py"


def _load():
    spec = importlib.util.spec_from_file_location("textfix_fuzz", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


fuzz = _load()


def test_mutations_really_break_things():
    # The fuzzer is only worth its runtime if its inputs reach the error paths.
    rng = random.Random(1)
    seeds = fuzz.project_seeds(shared=False)
    assert seeds, "the project's own samples and test texts are the seeds"
    mutated = [fuzz.mutate(rng, rng.choice(seeds), rng.choice(seeds)) for _ in range(300)]
    assert any(b"\x00" in m for m in mutated)
    assert any(m.startswith((b"\xff\xfe", b"\xfe\xff")) for m in mutated)
    assert any(b"\r" in m for m in mutated)
    undecodable = 0
    for m in mutated:
        try:
            m.decode("utf-8")
        except UnicodeDecodeError:
            undecodable += 1
    assert undecodable > 10


def test_fuzz_finds_no_crash(tmp_path, monkeypatch):
    monkeypatch.setattr(fuzz, "PER_INPUT_SECONDS", 20)  # a hang fails in 20 s, not 60
    stats = fuzz.fuzz(count=60, seed=20261126, subprocesses=2, shared=False, crash_dir=tmp_path / "crashes")
    assert stats.subprocess_runs == 2
    assert stats.runs >= 60
    assert stats.crashes == []
    # Both outcomes are reached: inputs that clean, and inputs that fail (exit 123).
    assert stats.exits.get(123, 0) > 0 and (stats.exits.get(0, 0) + stats.exits.get(1, 0)) > 0
