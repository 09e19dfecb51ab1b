"""The only module that opens data files or calls Sastrawi.

Data files live in ``textfix/data/``: UTF-8, one entry per line, ``#`` header lines naming
source, licence and the script that generated them. Each is read once, lazily, on first
use (``importlib.resources`` + ``functools.cache``), so start-up stays fast.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The entries of data file ``name``: stripped lines, without blanks or ``#`` comments."""
    text = resources.files("textfix.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


# --- The casing lexicon -------------------------------------------------------------------


@functools.cache
def sastrawi_roots() -> frozenset[str]:
    """Sastrawi's list of Indonesian root words (CC BY-NC-SA 3.0), loaded on first use."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w.strip() for w in StemmerFactory().get_words() if w.strip())


@functools.cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=65536)
def sastrawi_stem(word: str) -> str:
    """Sastrawi's root of one lowercase word (``menyosialisasikan`` -> ``sosialisasi``).

    Sastrawi lowercases and strips punctuation, so this is only ever used as a key. It
    takes about 2 ms a word, hence the cache and the precomputed table used by :func:`stem`.
    """
    if len(word) < 5 or not word.isalpha():
        return word
    return _stemmer().stem(word)


@functools.cache
def casing_stems() -> dict[str, str]:
    """Sastrawi stems of the derived words in ``casing-counts.tsv``, precomputed."""
    return dict(line.split("\t") for line in data_lines("casing-stems.tsv"))


_PREFIXES = ("me", "di", "be", "te", "pe", "ke", "se")
_SUFFIXES = ("kan", "an", "i", "nya", "lah", "kah")


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The root of a lowercase word: from the precomputed table for corpus words, from
    Sastrawi for others that carry an Indonesian affix; the word itself otherwise."""
    known = casing_stems().get(word)
    if known is not None:
        return known
    if word in casing_counts() or not (word.startswith(_PREFIXES) or word.endswith(_SUFFIXES)):
        return word
    return sastrawi_stem(word)


def word_set(name: str) -> frozenset[str]:
    """A data file's entries as a set of lowercase words."""
    return frozenset(line.lower() for line in data_lines(name))


@functools.cache
def casing_counts() -> dict[str, tuple[int, int]]:
    """``word -> (lowercase, capital)`` mid-sentence counts from ``casing-counts.tsv``."""
    counts: dict[str, tuple[int, int]] = {}
    for line in data_lines("casing-counts.tsv"):
        word, lower, capital = line.split("\t")
        counts[word] = (int(lower), int(capital))
    return counts


@functools.cache
def casing_bigrams() -> dict[str, tuple[int, int, int, int]]:
    """``"word next" -> (ll, lC, Cl, CC)`` pair counts from ``casing-bigrams.tsv``."""
    pairs: dict[str, tuple[int, int, int, int]] = {}
    for line in data_lines("casing-bigrams.tsv"):
        pair, ll, lc, cl, cc = line.split("\t")
        pairs[pair] = (int(ll), int(lc), int(cl), int(cc))
    return pairs


@functools.cache
def casing_weights() -> dict[str, float]:
    """The casing model's feature weights from ``casing-model.tsv``."""
    weights: dict[str, float] = {}
    for line in data_lines("casing-model.tsv"):
        feature, weight = line.rsplit("\t", 1)
        weights[feature] = float(weight)
    return weights
