"""The fast table loaders of :mod:`textfix.lexicon` give exactly what a plain line-by-line
parse gives: same keys, values, value types and order (the start-up speed-up must not
change a single casing decision).
"""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import pytest

from textfix import lexicon


# --- Reference parses: the straightforward loops the fast loaders replace ------------------


def ref_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def ref_counts(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        word, lower, capital = line.split("\t")
        out[word] = (int(lower), int(capital))
    return out


def ref_bigrams(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        pair, ll, lc, cl, cc = line.split("\t")
        out[pair] = (int(ll), int(lc), int(cl), int(cc))
    return out


def ref_weights(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        feature, weight = line.rsplit("\t", 1)
        out[feature] = float(weight)
    return out


def ref_stems(text: str) -> dict:
    return dict(line.split("\t") for line in ref_lines(text))


def same(fast: dict, slow: dict) -> bool:
    """Equal including order and value types (3 == 3.0, but a weight must be a float)."""
    return list(fast.items()) == list(slow.items()) and [
        tuple(map(type, v)) if isinstance(v, tuple) else type(v) for v in fast.values()
    ] == [tuple(map(type, v)) if isinstance(v, tuple) else type(v) for v in slow.values()]


# --- Small tables with everything the line-by-line parse tolerates ------------------------

HEADER = "# textfix test table: a header line.\n#   Licence: none, written for this test.\n"

COUNTS = HEADER + "abad\t12\t0\nadik\t3\t1\r\n\n  alun-alun\t7\t2  \n# a comment mid-file\nabad\t1\t 2\nzaman\t0\t41\n"
BIGRAMS = HEADER + "di sana\t5\t0\t0\t1\nke jakarta\t0\t9\t0\t2\r\n\n  yang baru\t1\t2\t3\t4 \n"
WEIGHTS = (
    HEADER
    + "b\t2.977\nb=0:1\t-4.758\nw=se kali\t3\nw=#tag\t1e-05\n  p=a|b\t-0\t\nw=x\t+.5\n"
    + "w=x\t-1.25\u2028sfx=nya\t0.5\n"  # a Unicode line separator ends a line for splitlines()
)
STEMS = HEADER + "menyosialisasikan\tsosialisasi\n\ndikatakannya\tkata\r\n  berlari\tlari \n"


@pytest.mark.parametrize(
    "parse, reference, text",
    [
        (lexicon.parse_counts, ref_counts, COUNTS),
        (lexicon.parse_bigrams, ref_bigrams, BIGRAMS),
        (lexicon.parse_weights, ref_weights, WEIGHTS),
        (lexicon.parse_stems, ref_stems, STEMS),
    ],
    ids=["counts", "bigrams", "weights", "stems"],
)
def test_fast_parse_equals_line_by_line_parse(parse, reference, text):
    expected = reference(text)
    assert len(expected) >= 3  # the sample is not all filtered out
    assert same(parse(text), expected)


def test_a_feature_holding_a_tab_splits_at_the_last_tab():
    text = HEADER + "a\tb\t1.5\nc\t-2\n"
    assert same(lexicon.parse_weights(text), ref_weights(text))
    assert lexicon.parse_weights(text) == {"a\tb": 1.5, "c": -2.0}


@pytest.mark.parametrize(
    "parse, text",
    [
        (lexicon.parse_counts, HEADER + "abad\t12\nadik\t3\t1\n"),
        (lexicon.parse_counts, HEADER + "abad\t12\t0\t5\nadik\t3\t1\n"),
        (lexicon.parse_bigrams, HEADER + "di sana\t5\t0\t0\n"),
        (lexicon.parse_weights, HEADER + "b\t2.5\nno-weight\n"),
        (lexicon.parse_stems, HEADER + "dikatakannya\tkata\tlagi\n"),
    ],
)
def test_a_malformed_table_raises_like_the_line_by_line_parse(parse, text):
    with pytest.raises(ValueError):
        parse(text)


def test_data_lines_match_the_line_by_line_parse():
    text = HEADER + "  Baca juga \n\n\t# indented comment\nBaca pula\r\nLihat juga\n"
    assert lexicon._entries(text) == ref_lines(text) == ["Baca juga", "Baca pula", "Lihat juga"]


# --- The shipped files -------------------------------------------------------------------


def _shipped(name: str) -> str:
    return resources.files("textfix.data").joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "loader, reference, name",
    [
        (lexicon.casing_counts, ref_counts, "casing-counts.tsv"),
        (lexicon.casing_bigrams, ref_bigrams, "casing-bigrams.tsv"),
        (lexicon.casing_weights, ref_weights, "casing-model.tsv"),
        (lexicon.casing_stems, ref_stems, "casing-stems.tsv"),
    ],
    ids=["counts", "bigrams", "weights", "stems"],
)
def test_shipped_tables_load_as_the_line_by_line_parse(loader, reference, name):
    assert same(loader(), reference(_shipped(name)))


def test_sastrawi_roots_and_stemmer_dictionary_match_the_factory():
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = StemmerFactory().get_words()
    assert lexicon.sastrawi_roots() == frozenset(w.strip() for w in words if w.strip())
    built = lexicon._stemmer().delegatedStemmer.dictionary.words
    assert list(built.items()) == list(ArrayDictionary(words).words.items())


def test_the_lexicon_loads_without_the_sastrawi_stemmer():
    """Only a word missing from the precomputed stems should pay for Sastrawi's stemmer."""
    code = (
        "import sys; from textfix import casing; casing.default_lexicon(); casing.default_model(); "
        "print(sorted(m for m in sys.modules if m.startswith('Sastrawi.Stemmer.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
