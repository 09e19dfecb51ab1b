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


_WORD_BYTES = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_")


def byte_prefilter(needles: Iterable[str]) -> tuple[bytes, tuple[re.Pattern, ...]]:
    """``(table, patterns)``: a necessary condition for ``\\b`` + :func:`trie` of ``needles``
    to match a str ``text``, at a fraction of that pattern's cost: some pattern searches
    ``b" " + text.encode("utf-8", "surrogatepass").translate(table)`` successfully.

    That pattern runs its trie at every position (there is no literal to skip to). Here
    the table keeps word bytes and the needles' own bytes (so a needle's bytes are still
    there) and turns every other byte into a space. The byte before a needle that starts
    with a word character (a non-word character's last byte: ASCII or a continuation
    byte) is then a space, before which the first pattern looks (``re`` skips to a
    literal first byte at C speed), or one of the few non-word bytes the needles hold
    (``:`` ``/`` ``.``), which rarely touches a word: one small pattern per such byte
    looks for it before a needle's first byte. ``END`` stays only after an ASCII word
    character, where the bytes' ``\\b`` holds whenever the str's does.

    >>> table, patterns = byte_prefilter(["foto:", "baca juga" + END])
    >>> def hit(text): return any(p.search(b" " + text.encode().translate(table)) for p in patterns)
    >>> hit("(baca juga: x)"), hit("“foto: a”"), hit("baca jugalah"), hit("swafoto: x"), hit("x:foto")
    (True, True, False, False, True)
    """
    starts: list[str] = []
    loose: list[str] = []
    kept = set(_WORD_BYTES)
    for needle in set(needles):
        plain = needle.replace(END, "")
        encoded = plain.encode("utf-8", "surrogatepass")
        kept.update(encoded)
        end = END if needle.endswith(END) and encoded[-1] in _WORD_BYTES else ""
        (starts if re.match(r"\w", plain) else loose).append(encoded.decode("latin-1") + end)
    table = bytes(byte if byte in kept else 0x20 for byte in range(256))
    patterns = []
    if starts:
        patterns.append(re.compile(b" " + trie(starts).encode("latin-1")))
        firsts = b"[" + b"".join(re.escape(bytes([ord(n[0])])) for n in sorted(set(n[0] for n in starts))) + b"]"
        patterns += [re.compile(re.escape(bytes([byte])) + firsts) for byte in sorted(kept - _WORD_BYTES - {0x20})]
    if loose:
        patterns.append(re.compile(trie(loose).encode("latin-1")))
    return table, tuple(patterns)
