"""The learned part of the casing repair: an averaged perceptron that keeps or lowers a capital.

Design, and the evidence for it (numbers from ``scripts/eval_casing.py`` on the dev set):

* Title Case only ever *adds* capitals, so repair is a binary choice per title-shaped word:
  keep the capital (a name, a title before a name, a word inside an institution's name) or
  lower it. ALL-CAPS words and sentence starts never reach the model.
* The evidence is lexical and contextual. Per word: how often ``train.txt`` writes it with a
  capital in mid-sentence (leave-one-out while training, so the model learns how far to trust
  the count), whether Sastrawi knows it or its stem as a common root, whether it is on the
  always-capitalised list, its suffix. Per context: the previous decision (greedy, left to
  right), the neighbours' words and capital rates, the punctuation in between. That is how
  ``Presiden`` before ``Joko`` keeps its capital but ``presiden itu`` does not.
* A fast path skips the model for words whose casing is not in doubt: a word written in
  lowercase at least 99 times in 100 (over 20 or more sightings) after a lowered word, and a
  word written with a capital 99 times in 100. Function words inside names (``Menteri Dalam
  Negeri``) follow a capital, so they still go to the model.

The model takes its word sets as a :class:`Lexicon`, so tests can run it on a ten-word one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Container, Mapping, Sequence

from .words import Word, is_acronym

#: Decisions, as used in features and results.
KEEP, LOWER, ACRONYM, START, OTHER = "C", "l", "A", "S", "O"

_FAST_MIN = 20
_FAST_LOW = 0.01
_FAST_CAP = 0.99
#: A word seen at least this often gets a feature of its own.
_IDENTITY_MIN = 10


def _identity(word: str) -> str:
    return word


@dataclass(frozen=True)
class Lexicon:
    """The word knowledge the casing model reads, each part replaceable in tests.

    ``counts`` maps a lowercase word to how often a cased corpus wrote it in mid-sentence
    in lowercase and with a capital; ``roots`` are common (lowercase) root words; ``stem``
    maps a word to its root; ``always_capital`` are names that Sastrawi's list also holds
    (days, months, countries); ``titles`` are words that take a capital before a name;
    ``function_words`` stay lowercase in headings.
    """

    counts: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    roots: Container[str] = frozenset()
    always_capital: Container[str] = frozenset()
    titles: Container[str] = frozenset()
    function_words: Container[str] = frozenset()
    stem: Callable[[str], str] = _identity


@dataclass
class Model:
    """Averaged-perceptron weights: ``feature -> weight``; a positive sum keeps the capital."""

    weights: dict[str, float] = field(default_factory=dict)

    def score(self, features: Sequence[str]) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in features)


def _bucket(lower: int, capital: int) -> str:
    n = lower + capital
    if n == 0:
        return "u"
    size = "1" if n < 3 else "2" if n < 10 else "3" if n < 100 else "4"
    return f"{round(10 * capital / n)}:{size}"


def _gap_class(gap: str) -> str:
    """A short class for the punctuation before a word."""
    if not gap:
        return "_"
    tail = gap.rstrip()
    if not tail:
        return "sp"
    last = tail[-1]
    if last == "-":
        return "-"
    if last in "(":
        return "("
    if last in "\"“‘'«":
        return "q"
    if last in ",":
        return ","
    if last in ":":
        return ":"
    if last.isdigit():
        return "9"
    if last in "/":
        return "/"
    return "p"


def word_features(
    lexicon: Lexicon,
    words: Sequence[Word],
    i: int,
    previous: str,
    before: str,
    stats: Callable[[int], tuple[int, int]],
) -> list[str]:
    """Features of title-shaped word ``i`` given the previous two decisions.

    ``stats(j)`` gives the (lowercase, capital) counts of word ``j``; while training it
    leaves out the sentence's own occurrence.
    """
    key = words[i].text.lower()
    lo, cap = stats(i)
    b = _bucket(lo, cap)
    gap = _gap_class(words[i].gap)
    feats = ["b", "b=" + b, "g=" + gap, "p=" + previous, "pp=" + before + previous, "bp=" + b + previous]
    n = lo + cap
    total = sum(lexicon.counts.get(key, (0, 0)))
    if total >= _IDENTITY_MIN:
        feats.append("w=" + key)
        feats.append("wp=" + key + previous)
    if key in lexicon.roots:
        feats.append("root")
        feats.append("rootb=" + b)
    else:
        stem = lexicon.stem(key)
        if stem != key and stem in lexicon.roots:
            feats.append("stem")
            feats.append("stemb=" + b)
    if key in lexicon.always_capital:
        feats.append("always")
    if key in lexicon.titles:
        feats.append("title")
    feats.append("s3=" + key[-3:])
    feats.append("len=" + str(min(len(key), 6)))
    if n == 0:
        feats.append("uns3=" + key[-3:])
        feats.append("unp2=" + key[:2])
    # Neighbours.
    if i > 0:
        pk = words[i - 1].text.lower()
        feats.append("pw=" + pk)
        feats.append("pwg=" + pk + gap)
        if pk in lexicon.titles:
            feats.append("ptitle" + previous)
    else:
        feats.append("pw=<s>")
    if i + 1 < len(words):
        nxt = words[i + 1]
        nk = nxt.text.lower()
        ngap = _gap_class(nxt.gap)
        if is_acronym(nxt.text):
            nb = "A"
        elif not nxt.text[0].isupper():
            nb = "low"
        else:
            nb = _bucket(*stats(i + 1))
            if nk in lexicon.roots:
                nb += "r"
        feats.append("nb=" + nb + ngap)
        feats.append("bnb=" + b + "|" + nb)
        feats.append("nw=" + nk)
        feats.append("wnb=" + key + "|" + nb)
        if "title" in feats:
            feats.append("tnb=" + nb)
        if i + 2 < len(words):
            feats.append("nw2=" + nk + "|" + words[i + 2].text.lower())
    else:
        feats.append("nw=</s>")
    return feats



def fast_decision(lexicon: Lexicon, lower: int, capital: int, previous: str) -> str | None:
    """KEEP or LOWER when the counts leave no doubt, else None (ask the model)."""
    n = lower + capital
    if n < _FAST_MIN:
        return None
    if capital <= _FAST_LOW * n and previous in (LOWER, START, OTHER):
        return LOWER
    if capital >= _FAST_CAP * n:
        return KEEP
    return None


def decode(
    lexicon: Lexicon,
    model: Model,
    words: Sequence[Word],
    fixed: Mapping[int, str],
) -> list[str]:
    """Decide every word of a paragraph, left to right.

    ``fixed`` holds decisions already made by rules (sentence starts, ``Ke-43``); other
    title-shaped words go to the fast path, then the model. Words that are not
    title-shaped are ACRONYM (all capitals) or OTHER (lowercase, digits, mixed case).
    """
    counts = lexicon.counts

    def stats(j: int) -> tuple[int, int]:
        return counts.get(words[j].text.lower(), (0, 0))

    out: list[str] = []
    previous, before = OTHER, OTHER
    for i, word in enumerate(words):
        decision = fixed.get(i)
        if decision is None:
            text = word.text
            if is_acronym(text):
                decision = ACRONYM
            elif not text[0].isupper() or any(ch.isupper() for ch in text[1:]):
                decision = OTHER
            else:
                lo, cap = stats(i)
                decision = fast_decision(lexicon, lo, cap, previous)
                if decision is None:
                    feats = word_features(lexicon, words, i, previous, before, stats)
                    decision = KEEP if model.score(feats) > 0 else LOWER
        out.append(decision)
        before, previous = previous, decision
    return out
