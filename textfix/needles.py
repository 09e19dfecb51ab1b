"""Needles: literal strings whose absence proves that a junk rule has nothing to do.

Sought in the casefolded text with one stdlib ``re`` pattern per set, factored into a trie
(one character test per position; a flat alternation of a hundred needles is ten times
slower). A needle that starts with a letter is sought only at a word start (``\\b``),
since every rule that keys on a word finds it there; :data:`END` at a needle's end asks
for a word boundary after it too (the phrase files are matched with a final ``\\b``).
"""

from __future__ import annotations

import re
from typing import Iterable

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
