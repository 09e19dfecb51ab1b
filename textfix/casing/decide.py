"""The casing decisions for one title-cased paragraph: EYD rules first, then the model.

Order of work, each step only *lowering* capitals (Title Case never removes one):

1. rules that need no lexicon: sentence starts, quoted sentence starts and the word after
   a dateline's dash keep their capital; ``Ke-43`` becomes ``ke-43`` (EYD: *ke-* with a
   numeral is lowercase);
2. every other title-shaped word: the fast path or the model (:mod:`.model`);
3. rules over the decisions: the second half of a reduplication follows the first
   (``Bangsa-Bangsa``, ``anak-anak``); a capital acronym in brackets whose letters are the
   initials of the words before it confirms them as a name when the model kept at least one
   (``Konferensi Tingkat Tinggi (KTT)``), lowering the function words inside
   (``Informasi dan Komunikasi Publik (IKP)``); a syllable acronym in brackets
   (``(Kemenkominfo)``, ``(medsos)``) takes the case of the words it abbreviates.

Why the acronym rule waits for the model: EYD writes common-noun abbreviations in capitals
too (``pemutusan hubungan kerja (PHK)``), so the letters alone cannot tell a name.
"""

from __future__ import annotations

from typing import Mapping, Sequence

import regex

from .model import ACRONYM, KEEP, LOWER, OTHER, START, Lexicon, Model, decode
from .words import (
    Word,
    is_acronym,
    lower_first,
    sentence_starts,
    split_words,
    titlecase_reaches,
)

#: "Ke-43", "Ke-3": the ordinal prefix before a numeral.
_ORDINAL_RE = regex.compile(r"-\d")
#: Closing a bracket right after an acronym: "(KTT)" / "(PBB)."
_CLOSE_RE = regex.compile(r"\s*\)")

#: Words skipped inside an acronym's expansion ("Informasi dan Komunikasi Publik (IKP)").
#: English words that join the parts of a name: "Epicentrum of Growth".
_NAME_JOINERS = frozenset({"of"})
#: The share of capitalised sightings that makes a word able to head a name by itself.
_NAME_SHARE = 0.3
_ACRONYM_SKIP = frozenset(
    "dan di ke dari untuk yang atas bagi pada serta dengan the of and for".split()
)


def rule_decisions(
    text: str, words: Sequence[Word], starts: set[int] | None = None
) -> dict[int, str]:
    """Decisions that need no lexicon: sentence starts (START) and ``Ke-43`` (LOWER).

    >>> from textfix.casing.words import split_words
    >>> t = "Ini KTT Ke-43."
    >>> rule_decisions(t, split_words(t))
    {0: 'S', 2: 'l'}
    """
    fixed: dict[int, str] = {}
    for i in sentence_starts(text, words) if starts is None else starts:
        fixed[i] = START
    for i, word in enumerate(words):
        if i in fixed or word.text not in ("Ke", "ke"):
            continue
        end = word.start + len(word.text)
        if _ORDINAL_RE.match(text, end):
            fixed[i] = LOWER
    return fixed


def _follow_reduplication(words: Sequence[Word], decisions: list[str]) -> None:
    for i in range(1, len(words)):
        if words[i].gap == "-" and words[i].text.lower() == words[i - 1].text.lower():
            if decisions[i] in (KEEP, LOWER):
                decisions[i] = LOWER if decisions[i - 1] == START else decisions[i - 1]
                if decisions[i] not in (KEEP, LOWER):
                    decisions[i] = KEEP


def _continue_english_names(words: Sequence[Word], decisions: list[str]) -> None:
    """``Epicentrum of Growth``, ``Bank of America``: a capital after a lowered *of* that
    follows a kept capital continues the name."""
    for i in range(1, len(words) - 1):
        if (
            decisions[i] == LOWER
            and words[i].text.lower() in _NAME_JOINERS
            and decisions[i - 1] in (KEEP, ACRONYM, START)
            and decisions[i + 1] == LOWER
            and words[i + 1].gap == " "
            and words[i].gap == " "
        ):
            decisions[i + 1] = KEEP


def _initials_span(words: Sequence[Word], end: int, letters: str) -> list[int] | None:
    """Indexes of the words before ``end`` whose initials spell ``letters``, or None.

    Function words inside the expansion are skipped; punctuation ends it.
    """
    span: list[int] = []
    k = len(letters) - 1
    j = end - 1
    while k >= 0 and j >= 0:
        word = words[j]
        key = word.text.lower()
        if key[0] == letters[k]:
            span.append(j)
            k -= 1
        elif key in _ACRONYM_SKIP and span:
            span.append(j)
        else:
            return None
        if k >= 0 and not (word.gap.isspace() or word.gap == "-"):
            return None
        j -= 1
    return span if k < 0 else None


def _syllable_span(words: Sequence[Word], end: int, acronym: str) -> list[int] | None:
    """Indexes of the words before ``end`` whose prefixes spell ``acronym`` (``medsos``)."""
    best: list[int] | None = None
    # Try expansions of 2..5 words ending just before the bracket.
    for size in range(2, 6):
        first = end - size
        if first < 0:
            break
        span = list(range(first, end))
        if any(not (words[j].gap.isspace() or words[j].gap == "-") for j in span[1:]):
            break
        keys = [words[j].text.lower() for j in span]
        if _spells(acronym, keys):
            best = span
            break
    return best


def _spells(acronym: str, keys: list[str]) -> bool:
    """True when ``acronym`` is a run of prefixes, one from each key in order (skippable
    function words may give none)."""
    if not keys:
        return not acronym
    key, rest = keys[0], keys[1:]
    if key in _ACRONYM_SKIP and _spells(acronym, rest):
        return True
    for n in range(min(len(key), len(acronym)), 0, -1):
        if acronym[:n] == key[:n] and (rest or n == len(acronym)) and _spells(acronym[n:], rest):
            return True
    return False


def _name_like(lexicon: Lexicon, word: str) -> bool:
    """A word the corpus capitalises often enough to head a name (``Konferensi``: 7 of 19)."""
    lower, capital = lexicon.counts.get(word.lower(), (0, 0))
    return capital >= _NAME_SHARE * (lower + capital) and capital > 0


def _apply_acronyms(lexicon: Lexicon, text: str, words: Sequence[Word], decisions: list[str]) -> None:
    for a, word in enumerate(words):
        if a == 0 or not word.gap.endswith("(") or not _CLOSE_RE.match(text, word.start + len(word.text)):
            continue
        if is_acronym(word.text) and word.text.isalpha():
            span = _initials_span(words, a, word.text.lower())
            if not span:
                continue
            content = [j for j in span if words[j].text.lower() not in _ACRONYM_SKIP]
            if not any(decisions[j] in (KEEP, ACRONYM) for j in content) and not _name_like(
                lexicon, words[content[-1]].text
            ):
                continue
            for j in span:
                if decisions[j] == LOWER and j in content:
                    decisions[j] = KEEP
                elif decisions[j] == KEEP and j not in content:
                    decisions[j] = LOWER
        elif decisions[a] in (KEEP, LOWER) and len(word.text) >= 4:
            span = _syllable_span(words, a, word.text.lower())
            if not span:
                continue
            inner = [decisions[j] for j in span if decisions[j] in (KEEP, LOWER)]
            if inner:
                decisions[a] = KEEP if KEEP in inner else LOWER


def decide_words(
    text: str,
    words: Sequence[Word],
    lexicon: Lexicon,
    model: Model,
    starts: set[int] | None = None,
) -> list[str]:
    """One decision per word of a title-cased paragraph (see the module docstring)."""
    fixed = rule_decisions(text, words, starts)
    decisions = decode(lexicon, model, words, fixed)
    _follow_reduplication(words, decisions)
    _continue_english_names(words, decisions)
    _apply_acronyms(lexicon, text, words, decisions)
    return decisions


def apply_decisions(text: str, words: Sequence[Word], decisions: Sequence[str]) -> str:
    """``text`` with every word decided LOWER given a lowercase first letter."""
    parts = []
    last = 0
    for i, decision in enumerate(decisions):
        if decision == LOWER:
            word = words[i]
            if word.text[0].isupper():
                parts.append(text[last : word.start])
                parts.append(lower_first(word.text))
                last = word.start + len(word.text)
    parts.append(text[last:])
    return "".join(parts)


def recase_title_cased(
    text: str,
    lexicon: Lexicon,
    model: Model,
    words: Sequence[Word] | None = None,
    starts: set[int] | None = None,
) -> str:
    """Repair one paragraph already known to be title-cased."""
    if words is None:
        words = split_words(text)
    if not words:
        return text
    return apply_decisions(text, words, decide_words(text, words, lexicon, model, starts))


__all__ = [
    "ACRONYM",
    "KEEP",
    "LOWER",
    "OTHER",
    "START",
    "apply_decisions",
    "decide_words",
    "recase_title_cased",
    "rule_decisions",
    "sentence_starts",
    "titlecase_reaches",
]
