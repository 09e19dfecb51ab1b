"""Needles: literal strings whose absence proves that a junk rule has nothing to do.

Sought in the casefolded text with one stdlib ``re`` pattern per set, factored into a trie
(one character test per position; a flat alternation of a hundred needles is ten times
slower). A needle that starts with a letter is sought only at a word start (``\\b``),
since every rule that keys on a word finds it there; :data:`END` at a needle's end asks
for a word boundary after it too (the phrase files are matched with a final ``\\b``).
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

#: Marks a needle that must end at a word boundary.
END = "\x00"


def trie(needles: Iterable[str]) -> str:
    """A regex (without flags) matching any of ``needles``, factored by common prefixes.

    >>> trie(["foto:", "foto/", "dok" + END])
    '(?:dok\\\\b|foto(?:/|:))'
    """
    root: dict = {}
    for needle in needles:
        node = root
        for char in needle:
            node = node.setdefault(char, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [
            (r"\b" if char == END else re.escape(char)) + render(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and "" not in node else "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return render(root) or "(?!)"


def scan_pattern(needles: Iterable[str]) -> re.Pattern:
    """One pattern finding every needle: word needles after ``\\b``, the others anywhere.

    >>> bool(scan_pattern(["foto:", "(dok"]).search("lihat (dok. warga)"))
    True
    >>> bool(scan_pattern(["foto:"]).search("swafoto: x"))
    False
    """
    needles = set(needles)
    words = sorted(n for n in needles if n[:1].isalpha())
    marks = sorted(n for n in needles if not n[:1].isalpha())
    parts = [rf"\b{trie(words)}"] if words else []
    if marks:
        parts.append(trie(marks))
    return re.compile("|".join(parts) or "(?!)")


def phrase_needles(phrases: Iterable[str]) -> set[str]:
    """Phrases as the rules match them (spaces as single spaces, a word boundary after)."""
    return {" ".join(p.casefold().split()) + END for p in phrases if p.strip()}


def _is_word(char: str) -> bool:
    """``re``'s ``\\w`` on a str: a Unicode letter or digit, or ``_``."""
    return char.isalnum() or char == "_"


def starts_at(needles: Iterable[str]) -> Callable[[str, int], bool]:
    """A test ``(text, at) -> bool`` equal to ``re.compile(trie(needles)).match(text, at)``
    being a match, with no pattern to compile: the needles by first character, compared
    with ``startswith``. For the few places a scan stops at, this is as fast, and a short
    run saves compiling a trie per rule.

    >>> test = starts_at(["foto:", "dok" + END])
    >>> test("(dok. warga)", 1), test("(dokter)", 1), test("foto: a", 0)
    (True, False, True)
    """
    by_first: dict[str, list[tuple[str, bool]]] = {}
    for needle in set(needles):
        plain = needle.replace(END, "")
        if not plain or END in needle[:-1]:
            raise ValueError(f"needle {needle!r}: END may only close a needle")
        by_first.setdefault(plain[0], []).append((plain, needle.endswith(END)))

    def test(text: str, at: int) -> bool:
        for plain, boundary in by_first.get(text[at : at + 1], ()):
            if text.startswith(plain, at):
                if not boundary:
                    return True
                end = at + len(plain)
                if _is_word(text[end - 1]) != (end < len(text) and _is_word(text[end])):
                    return True
        return False

    return test
