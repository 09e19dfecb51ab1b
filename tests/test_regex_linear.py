"""No catastrophic regexes: every compiled ``*_RE`` in textfix runs in linear time.

A paragraph can be a whole 100 MB single-line file, so a pattern that is quadratic when
scanned with ``finditer``/``sub`` (it retries at every start position and each try runs to
the end) is as bad as exponential backtracking. Each pattern is scanned over adversarial
texts -- runs of one "unit" (a character class the pattern cares about, or a word taken
from the pattern itself), with and without a tail that makes the match fail -- at two
sizes ten times apart. The larger must not cost more than 30 times the smaller (a linear
pattern costs ~10x, a quadratic one ~100x), plus a small floor for timer noise.

Run ``python tests/test_regex_linear.py`` to print each pattern's worst case.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time

import pytest
import regex

import textfix

SMALL, LARGE = 3_000, 30_000
MAX_RATIO = 30
NOISE_FLOOR = 0.02  # seconds: below this the large run is too quick to judge
TIMEOUT = 5.0  # a regex scan slower than this on 30k characters is a failure anyway

GENERIC_UNITS = [
    "a", "A", " ", "\n", ".", "*", "(", ")", "[", "-", ":", "/", "&", "#", "1", ",", "'", "\"",
    "“", "é", "Ã©", "\u00a0", "\u200b", "\t", "ab ", "Ab ", "AB ", "a.", "A. ", "a\n", "(a",
    "&#1", "&a", "a1", "- ", "* ", " :", "1/", "Aa-", "a (", "A: ",
]
TAILS = ("", "!", "\n")


def _patterns() -> dict[str, object]:
    """Every module-level compiled pattern whose name ends in ``_RE``, by ``module.NAME``."""
    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(textfix.__path__, "textfix."):
        if info.name.endswith(("cli", "__main__")):
            continue
        module = importlib.import_module(info.name)
        # Modules that compile on first use (patterns.py) list theirs in all_patterns().
        compiled = module.all_patterns() if hasattr(module, "all_patterns") else {}
        for name, value in {**vars(module), **compiled}.items():
            if name.endswith("_RE") and isinstance(value, (regex.Pattern, re.Pattern)):
                found[f"{info.name}.{name}"] = value
    return found


PATTERNS = _patterns()


def _source(pattern) -> str:
    """The pattern's source as a str (a bytes pattern's read as Latin-1)."""
    return pattern.pattern.decode("latin-1") if isinstance(pattern.pattern, bytes) else pattern.pattern


def _tails(pattern) -> list[str]:
    """Fixed tails, plus each escaped punctuation of the pattern then a failing character."""
    marks = sorted(set(regex.findall(r"\\([^\w\s])", _source(pattern))))[:6]
    return list(TAILS) + [mark + "!" for mark in marks]


def _units(pattern) -> list[str]:
    words = sorted(set(regex.findall(r"[A-Za-z]{3,}", _source(pattern))))[:12]
    return GENERIC_UNITS + [w + " " for w in words] + [w.upper() for w in words] + words


def _scan(pattern, text: str, repeat: int = 1) -> float:
    """Seconds to step through every match in ``text`` (best of ``repeat``), as ``sub`` does.

    The collector is off while timing: thousands of match objects would otherwise make
    its passes, not the pattern, look super-linear. A bytes pattern (one run over byte
    classes) scans the text's UTF-8 bytes.
    """
    if isinstance(pattern.pattern, bytes):
        text = text.encode("utf-8", "surrogatepass")
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            if isinstance(pattern, regex.Pattern):
                for _match in pattern.finditer(text, timeout=TIMEOUT):
                    pass
            else:
                for _match in pattern.finditer(text):
                    pass
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


def _text(unit: str, size: int, tail: str) -> str:
    return (unit * (size // len(unit) + 1))[:size] + tail


def measure(pattern) -> tuple[float, float, str]:
    """The adversarial input closest to failing: (small seconds, large seconds, label)."""
    worst = (-float("inf"), 0.0, 0.0, "")
    for unit in _units(pattern):
        for tail in _tails(pattern):
            try:
                small = _scan(pattern, _text(unit, SMALL, tail))
                large = _scan(pattern, _text(unit, LARGE, tail))
                if large > MAX_RATIO * small + NOISE_FLOOR:
                    # Measure again, more carefully, before calling it super-linear.
                    small = _scan(pattern, _text(unit, SMALL, tail), repeat=5)
                    large = _scan(pattern, _text(unit, LARGE, tail), repeat=3)
            except TimeoutError:
                small, large = 0.0, float("inf")
            excess = large - MAX_RATIO * small - NOISE_FLOOR
            if excess > worst[0]:
                worst = (excess, small, large, f"{unit!r} * n + {tail!r}")
            if excess > 0:
                return worst[1:]  # confirmed super-linear: no need to try the rest
    return worst[1:]


def test_there_are_patterns_to_check():
    # The package keeps its regexes in patterns.py and normalize.py; finding none means
    # the discovery above broke, not that everything is linear.
    assert any(name.startswith("textfix.patterns.") for name in PATTERNS)
    assert any(name.startswith("textfix.normalize.") for name in PATTERNS)


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_linear_time(name):
    pattern = PATTERNS[name]
    small, large, label = measure(pattern)
    assert large <= MAX_RATIO * small + NOISE_FLOOR, (
        f"{name} looks super-linear on {label}: {SMALL} chars {small * 1000:.1f} ms, "
        f"{LARGE} chars {large * 1000:.1f} ms"
    )


if __name__ == "__main__":
    rows = []
    for name in sorted(PATTERNS):
        small, large, label = measure(PATTERNS[name])
        rows.append((large, name, small, label))
    for large, name, small, label in sorted(rows, reverse=True):
        print(f"{name:55} {small * 1000:8.2f} ms -> {large * 1000:8.2f} ms  ({large / max(small, 1e-9):5.1f}x)  {label}")
