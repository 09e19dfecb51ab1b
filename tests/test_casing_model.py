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
    START,
    THRESHOLD,
    Model,
    _bucket,
    _pair_weights,
    decode,
    fast_decision,
    left_features,
    right_decisions,
    right_features,
    second_features,
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


def reference(lexicon, model, words, fixed, first=None):
    """Greedy decoding straight from word_features, as in training; with ``first`` (the
    first pass's decisions), the second pass, which adds second_features."""
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
                    feats = word_features(lexicon, words, i, previous, before, stats)
                    if first is not None:
                        feats += second_features(lexicon, words, i, previous, _bucket(*stats(i)), first)
                    total = model.score(feats)
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


def test_decode_reads_word_shapes_as_the_reference_does():
    """Decoding tells a lowerable word by comparing it with its type's capitalised form;
    words whose letters make that comparison and the letter test disagree must still be
    decided as the reference decides them (digits, mixed case, titlecase letters, a
    capital whose lowercase is two characters, an uncased letter first)."""
    lexicon = casing.default_lexicon()
    model = Model(scrambled(casing.default_model().weights))
    text = (
        "Warga Ke43 Dan K9 Yang KTT Di McDonald Itu İstanbul Ke ǅemal Dan ǄEMAL Yang "
        "Éclair Di ÉCLAIR Itu Aß Dan 中A Yang Ab1c Di A1b Itu G20 Ke Warga."
    )
    words = split_words(text)
    fixed = {0: START}
    for _ in range(2):  # cold caches, then warm ones
        assert decode(lexicon, model, words, fixed) == reference(lexicon, model, words, fixed)


def _second_pass_features(lexicon, first_model):
    """Every second-pass feature the test texts can fire, whatever the decisions."""
    names = set()
    for text in TEXTS:
        damaged = scraped_title_case(text)
        words = split_words(damaged)
        fixed = decide.rule_decisions(damaged, words, sentence_starts(damaged, words))
        one = reference(lexicon, first_model, words, fixed)
        for i in range(len(words)):
            b = _bucket(*lexicon.counts.get(words[i].text.lower(), (0, 0)))
            for previous in (KEEP, LOWER, OTHER):
                for flipped in (KEEP, LOWER):
                    first = list(one)
                    if i + 1 < len(first) and first[i + 1] in (KEEP, LOWER):
                        first[i + 1] = flipped
                    names.update(second_features(lexicon, words, i, previous, b, first))
    return names


def test_second_pass_matches_its_training_features():
    """The second pass (not shipped; ``build_casing_model.py --second``) reads the first
    pass's decisions for the next two words; decode runs both passes and must agree with
    the features the second pass was trained on. Arbitrary weights, so every feature
    can tip a decision."""
    lexicon = casing.default_lexicon()
    first = scrambled(casing.default_model().weights)
    second = scrambled(dict.fromkeys([*first, *_second_pass_features(lexicon, Model(first))], 0.0))
    model = Model(first, second=Model(second))
    for _ in range(2):  # cold caches, then warm ones
        for text in TEXTS:
            damaged = scraped_title_case(text)
            words = split_words(damaged)
            fixed = decide.rule_decisions(damaged, words, sentence_starts(damaged, words))
            one = reference(lexicon, Model(first), words, fixed)
            assert decode(lexicon, model, words, fixed) == reference(lexicon, Model(second), words, fixed, one)
    assert model.second.cache, "the second pass was never asked: the test compares nothing"


def test_second_pass_reads_the_next_decision():
    """The same word before a kept and before a lowered next word: the first pass's
    decision to the right is a feature of its own (``rd=``), and only kept or lowered
    next words give one (a sentence start or an acronym says nothing new)."""
    lexicon = casing.default_lexicon()
    text = "Warga kota Bandung datang"
    words = split_words(text)
    b = _bucket(*lexicon.counts.get("kota", (0, 0)))
    kept = second_features(lexicon, words, 1, LOWER, b, ["S", LOWER, KEEP, LOWER])
    lowered = second_features(lexicon, words, 1, LOWER, b, ["S", LOWER, LOWER, LOWER])
    assert "rd=Csp" in kept and "rd=lsp" in lowered
    assert second_features(lexicon, words, 1, LOWER, b, ["S", LOWER, ACRONYM, LOWER]) == []
    assert second_features(lexicon, words, 3, LOWER, b, ["S", LOWER, KEEP, LOWER]) == []



def test_bounded_caches_change_no_decision(monkeypatch):
    # The decoder's caches drop their older half when full; decisions must not depend on
    # what happens to be cached. Tiny caps make them drop many times over the seed.
    from pathlib import Path

    from textfix import casing
    from textfix.casing import model as model_module

    seed = (Path(__file__).parents[1] / "samples" / "seed-title-cased.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    full = casing.Model(casing.default_model().weights)
    expected = casing.recase_document(paragraphs, model=full)
    monkeypatch.setattr(model_module, "_CACHE_MAX", 8)
    monkeypatch.setattr(model_module, "_FAST_MAX", 8)
    small = casing.Model(casing.default_model().weights)
    assert casing.recase_document(paragraphs, model=small) == expected
    # (checked when a paragraph starts and a word is first met: a paragraph may overshoot)
    assert len(small.cache) < len(full.cache) and len(small.fast) <= 9 < len(full.fast)


def test_a_full_cache_keeps_its_newer_half():
    from textfix.casing.model import _drop_older_half

    cache = {n: str(n) for n in range(10)}
    _drop_older_half(cache)
    assert list(cache) == [5, 6, 7, 8, 9]


def test_pair_weights_are_the_pair_features_weights():
    """The decoder reads a pair's weights by its counts (``_pair_weights``): they must be
    the weights of the ``lb=``, ``rb=`` and ``rbd=`` features the pair gives, for every
    count in the shipped table and for a pair the table lacks."""
    lexicon = casing.default_lexicon()
    model = Model(scrambled(casing.default_model().weights))
    get = model.weights.get
    for pair in {None, (0, 0, 0, 0), (1, 1, 0, 0), *lexicon.bigrams.values()}:
        weights = _pair_weights(model, pair)
        for previous in (KEEP, LOWER, ACRONYM, START, OTHER):
            feature = left_features(lexicon, "x", "sp", previous, pair)[-1]
            assert feature.startswith("lb=") and weights[previous] == get(feature, 0.0)
        assert weights["rb"] == get(right_features(lexicon, "x", "u", "y", "low", "sp", pair)[-1], 0.0)
        for following in (KEEP, LOWER):
            feature = right_decisions(lexicon, "x", "u", LOWER, following, "</s>", "sp", pair)[-1]
            assert weights["r" + following] == get(feature, 0.0)
