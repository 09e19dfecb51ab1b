"""The casing model's decoder gives the decisions its training features define.

``decode`` sums the weights in cached parts for speed; ``word_features`` is what the
model was trained on. Both must give the same decision for every word.
"""

from __future__ import annotations

import zlib

import pytest

from textfix import casing
from textfix.casing import decide
from textfix.casing.model import (
    ACRONYM,
    KEEP,
    LOWER,
    OTHER,
    THRESHOLD,
    Model,
    decode,
    fast_decision,
    word_features,
)
from textfix.casing.words import scraped_title_case, sentence_starts, split_words

TEXTS = [
    "Menteri Energi dan Sumber Daya Mineral (ESDM) Jero Wacik meninjau kilang di Cilacap, Jawa Tengah.",
    "Juru bicara Kementerian Luar Negeri itu mengatakan pasukan Angkatan Laut tiba di Teluk Jakarta.",
    "Warga yang tinggal di tepi sungai itu menyambut presiden dengan meriah pada Minggu pagi.",
    "“Kami akan datang,” kata Ketua Umum Partai Golkar, Airlangga Hartarto, kepada wartawan.",
    "Para pemain berlatih di Stadion Gelora Bung Karno menjelang laga melawan Vietnam Selatan.",
    "Pasukan Angkatan Udara yang bertugas di Bandar Udara Internasional itu menilai satu hal penting.",
    "Ponselnya hilang di antarwarga kampung Sukamaju yang berjualan di Pasar Baru, Bandung.",
]


def reference(lexicon, model, words, fixed):
    """Greedy decoding straight from word_features, as in training."""
    counts = lexicon.counts

    def stats(j):
        return counts.get(words[j].text.lower(), (0, 0))

    out, previous, before = [], OTHER, OTHER
    for i, word in enumerate(words):
        decision = fixed.get(i)
        if decision is None:
            text, rest = word.text, word.text[1:]
            if not text[0].isupper():
                decision = OTHER
            elif rest and not rest.islower():
                decision = ACRONYM if text.isupper() else OTHER
            else:
                decision = fast_decision(lexicon, text.lower(), *stats(i), previous)
                if decision is None:
                    total = model.score(word_features(lexicon, words, i, previous, before, stats))
                    decision = KEEP if total >= THRESHOLD else LOWER
        out.append(decision)
        before, previous = previous, decision
    return out


def scrambled(weights):
    """Arbitrary weights on the same features, so that every feature can tip a decision."""
    return {f: (zlib.crc32(f.encode()) % 2001 - 1000) / 100 for f in weights}


@pytest.mark.parametrize("weights", ["shipped", "scrambled"])
def test_decode_matches_training_features(weights):
    lexicon = casing.default_lexicon()
    shipped = casing.default_model().weights
    model = Model(shipped if weights == "shipped" else scrambled(shipped))  # empty caches
    for _ in range(2):  # cold caches, then warm ones
        for text in TEXTS:
            damaged = scraped_title_case(text)
            words = split_words(damaged)
            fixed = decide.rule_decisions(damaged, words, sentence_starts(damaged, words))
            assert decode(lexicon, model, words, fixed) == reference(lexicon, model, words, fixed)
    assert model.cache, "the model was never asked: the test compares nothing"
