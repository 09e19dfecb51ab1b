"""Detection: is this paragraph Title-Cased-Every-Word, or cased the normal way?

Repairing a normally cased paragraph can only do harm, so the detector is strict. It
looks only at the words Title Case would capitalise that are not sentence starts, and
calls a paragraph title-cased when

* almost none of them start in lowercase (at most one in ten; a scraped dateline such as
  ``Melansir dari laman ...`` before the damage starts is allowed for), and
* enough of the capitals are on words the corpus writes in lowercase: at least two
  *function words* (``Yang``, ``Dan``, ``Di``), or at least three frequent common words
  making up at least a third of the words.

Evidence (``scripts/eval_casing.py`` on dev): every title-cased dev line with two or more
words is detected except very short ones, and no gold line is touched (harm 0), including
headline-like gold lines that are title-cased already ("Kenapa Harus Inul?", a table row
"Luas Wilayah: ... Tanah Kering: ...").
"""

from __future__ import annotations

from typing import Sequence

from .model import Lexicon
from .words import Word, sentence_starts, split_words, titlecase_reaches

#: A common word: written in lowercase in at least this share of at least _COMMON_MIN uses.
_COMMON_SHARE = 0.95
_COMMON_MIN = 50


_VERB_PREFIXES = ("me", "di", "ber", "ter", "per")
#: Predicate words that show a line is a sentence (a table row or a headline has none).
_PREDICATES = frozenset("adalah merupakan ada tidak telah sudah sedang akan bukan".split())


def title_case_evidence(
    text: str,
    lexicon: Lexicon,
    words: Sequence[Word] | None = None,
    starts: set[int] | None = None,
) -> tuple[int, int, int, int, int]:
    """What :func:`is_title_cased` decides on, over the mid-sentence words of ``text``:
    ``(words, lowercase ones, capitalised function words, capitalised common words,
    capitalised derived verbs)``. A common word is one the corpus writes in lowercase
    (95 times in 100 over 50 sightings) or a derived form of a known root. Counting stops
    early once two capitalised function words settle the answer in a text with no
    lowercase word start (the common case, and the slow part of detection)."""
    if words is None:
        words = split_words(text)
    if starts is None:
        starts = sentence_starts(text, words)
    total = lower = function = common = verbs = 0
    # With no lowercase word start at all, two capitalised function words settle it.
    settle = not any(w.text[0].islower() for w in words)
    for i, word in enumerate(words):
        if settle and function >= 2:
            return total, lower, function, common, verbs
        if i in starts or not titlecase_reaches(word):
            continue
        total += 1
        text_ = word.text
        first = text_[0]
        if first.islower():
            lower += 1
            continue
        rest = text_[1:]
        if not first.isupper() or (rest and not rest.islower()):
            continue
        key = text_.lower()
        if key in lexicon.function_words:
            function += 1
            continue
        lo, cap = lexicon.counts.get(key, (0, 0))
        if lo + cap >= _COMMON_MIN:
            if lo >= _COMMON_SHARE * (lo + cap):
                common += 1
                verbs += key.startswith(_VERB_PREFIXES) or key in _PREDICATES
        elif cap <= lo and key.startswith(_VERB_PREFIXES) and key not in lexicon.always_capital:
            root = lexicon.stem(key)
            if root != key and root in lexicon.roots:
                common += 1
                verbs += 1
    return total, lower, function, common, verbs


def is_title_cased(
    text: str,
    lexicon: Lexicon,
    words: Sequence[Word] | None = None,
    starts: set[int] | None = None,
) -> bool:
    """True when ``text`` reads as Title-Cased-Every-Word and should be repaired.

    Capitalised function words are the strong sign: a headline written in proper title
    style keeps them lowercase. Without one, a line needs a capitalised derived verb and
    common words making up a third of it (a sentence, not a table row or a headline).

    >>> lex = Lexicon(counts={"yang": (90, 1), "itu": (80, 0)}, function_words={"yang", "dan"})
    >>> is_title_cased("Warga Yang Datang Dan Pergi.", lex)
    True
    >>> is_title_cased("Warga yang datang dan pergi.", lex)
    False
    >>> is_title_cased("Kenapa Harus Inul?", lex)
    False
    """
    total, lower, function, common, verbs = title_case_evidence(text, lexicon, words, starts)
    if total == 0 or lower * 10 > total:
        return False
    if function >= 2 or (function == 1 and common >= 1):
        return True
    if lower:
        return False
    return verbs >= 1 and common >= 2 and common * 3 >= total
