"""decide_words and refine_decisions skip some rules by one set test (``_rule_gates``):
skipping must change nothing, so each gate must hold every word that can make its rule
act, and a document decided with the gates must be decided as without them."""

from __future__ import annotations

from pathlib import Path

from textfix import casing
from textfix.casing import decide


def test_gates_hold_every_word_their_rules_act_on():
    lexicon = casing.default_lexicon()
    gates = decide._rule_gates(lexicon)
    assert gates is not None, "the shipped counts are a dict: the gates must be read"
    keys = list(lexicon.counts)
    assert decide._mostly_capital_words(lexicon, keys) <= gates.mostly_capital
    assert {k for k in keys if decide._is_common(lexicon, k)} <= gates.common
    assert {k for k in keys if decide._name_part(lexicon, k)} <= gates.heads
    assert set(lexicon.name_heads) | {second for _, second in decide._TWO_WORD_HEADS} <= gates.heads


def test_gated_rules_decide_as_ungated_ones(monkeypatch):
    seed = (Path(__file__).parents[1] / "samples" / "seed-title-cased.txt").read_text(encoding="utf-8")
    paragraphs = [p for p in seed.split("\n") if p.strip()]
    gated = casing.recase_document(paragraphs)
    calls = []

    def no_gates(lexicon):
        calls.append(lexicon)
        return None

    monkeypatch.setattr(decide, "_rule_gates", no_gates)
    assert casing.recase_document(paragraphs) == gated
    assert calls, "the gates were never asked: the test compares nothing"


def test_repeats_finds_only_neighbours():
    assert decide._repeats(["anak", "anak", "itu"])
    assert not decide._repeats(["anak", "itu", "anak"])
