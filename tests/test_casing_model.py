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
    _pair_weights,
    decode,
    fast_decision,
    left_features,
    right_features,
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
                    feats = word_features(lexicon, words, i, previous, before, stats)
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
    the weights of the ``lb=`` and ``rb=`` features the pair gives, for every
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


@pytest.mark.parametrize("word", ["berlangusng", "pasawat", "peesrta", "memiih", "menjadii", "Jakarta", "kemudian", "pertamax"])
def test_a_misspelling_is_found_as_every_edit_would_find_it(word):
    # The index (built from the counts dict) and trying every spelling one edit away (as
    # with counts read from an index file) must agree, and on which spellings are one edit.
    from textfix.casing.model import _UNSEEN, _frequent_common, _misspelt_common, _one_edit, _one_edit_away

    lexicon = casing.default_lexicon()
    key = word.lower()
    spellings = set(_one_edit_away(key)) - {key}
    by_every_edit = len(key) >= 7 and any(_frequent_common(*lexicon.counts.get(s, _UNSEEN)) for s in spellings)
    assert _misspelt_common(lexicon, key) == by_every_edit
    others = ["kemudian", "menjadi", "peserta", "berlangsung", key[:2] + key[3:], key[0] + key[2] + key[1] + key[3:]]
    assert all(_one_edit(key, other) == (other in spellings) for other in others)


@pytest.mark.parametrize(
    "text, i, previous, counts, expected",
    [
        ("Tiba Di Provinsi Anbar", 2, LOWER, (30, 30), "wpn=provinsil|u"),
        ("Gubernur Provinsi Anbar", 1, KEEP, (30, 30), "wpn=provinsiC|u"),
        ("Tiba Di Provinsi Itu", 2, LOWER, (30, 30), "wpn=provinsil|low"),  # (lowered by the rules)
        ("Warga Di Provinsi", 2, LOWER, (30, 30), "wpn=provinsil|$"),
        ("Sebuah Provinsi Anbar", 1, START, (30, 30), None),  # after a sentence start: no wpn=
        ("Tiba Di Provinsi Anbar", 2, LOWER, (6, 6), None),  # seen 12 times: fewer than _WPN_MIN (50)
    ],
    ids=["after-lowered", "after-kept", "before-lowercase", "last-word", "after-start", "rare"],
)
def test_a_frequent_word_is_read_between_the_previous_decision_and_the_next_shape(text, i, previous, counts, expected):
    from textfix.casing.model import Lexicon

    lexicon = Lexicon(counts={"provinsi": counts})
    words = split_words(text.replace("Itu", "itu"))
    stats = lambda j: lexicon.counts.get(words[j].text.lower(), (0, 0))  # noqa: E731
    found = [f for f in word_features(lexicon, words, i, previous, OTHER, stats) if f.startswith("wpn=")]
    assert found == ([expected] if expected else [])


def test_right_words_are_the_word_types_with_wnb_or_wpn_weights():
    """Word types without ``wnb=`` or ``wpn=`` weights share one dict of zeros in decoding
    (``_right_words``): the words read from the weights, whatever their order, must be
    exactly those with such features (True: ``wpn=`` too)."""
    from textfix.casing.model import _right_words

    weights = casing.default_model().weights
    expected: dict[str, bool] = {}
    for feature in weights:
        if feature.startswith("wnb="):
            expected.setdefault(feature.split("=", 1)[1].rsplit("|", 1)[0], False)
        elif feature.startswith("wpn="):
            expected[feature.split("=", 1)[1].rsplit("|", 1)[0][:-1]] = True
    assert any(expected.values()) and not all(expected.values())
    assert _right_words(Model(dict(weights))) == expected
    assert _right_words(Model(dict(reversed(list(weights.items()))))) == expected
    assert _right_words(Model({"b": 1.0})) == {}


def test_the_shared_zero_weights_are_never_written():
    from textfix.casing.model import _NO_RIGHT_WEIGHTS, _SHAPES_MAX

    before = dict(_NO_RIGHT_WEIGHTS)
    model = Model(scrambled(casing.default_model().weights))
    lexicon = casing.default_lexicon()
    for text in TEXTS:
        damaged = scraped_title_case(text)
        words = split_words(damaged)
        decode(lexicon, model, words, decide.rule_decisions(damaged, words, sentence_starts(damaged, words)))
    assert any(info[14] is _NO_RIGHT_WEIGHTS for info in model.fast.values())
    assert _NO_RIGHT_WEIGHTS == before and len(before) > _SHAPES_MAX and set(before.values()) == {0.0}
