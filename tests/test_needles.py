"""``needles.starts_at`` answers exactly as the trie pattern it replaces would."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix import needles, rules

#: The gates' needles, each rule's set (what ``rules._gate_patterns`` tests at a scan hit).
GATE_SETS = {
    name: set(literals).union(*(needles.phrase_needles(rules.lexicon.data_lines(file)) for file in files))
    for name, (literals, files) in rules._GATES.items()
}

#: Pieces the texts are built from: needles cut anywhere, word and non-word characters.
PIECES = sorted({n.replace(needles.END, "")[: k] for group in GATE_SETS.values() for n in group for k in (2, 4, 99)})
TEXTS = st.lists(st.sampled_from(PIECES) | st.sampled_from(["", " ", "a", "_", "é", "7", ":", ".", "\n", "-"]), max_size=8).map("".join)


@pytest.mark.parametrize("name", sorted(GATE_SETS))
@settings(max_examples=200, deadline=None)
@given(text=TEXTS, data=st.data())
def test_starts_at_equals_the_trie_pattern(name, text, data):
    group = GATE_SETS[name]
    at = data.draw(st.integers(0, len(text)))
    expected = re.compile(needles.trie(group)).match(text, at) is not None
    assert needles.starts_at(group)(text, at) is expected


@pytest.mark.parametrize(
    ("needle", "text", "at", "found"),
    [
        ("dok" + needles.END, "(dok. warga)", 1, True),  # a word boundary after
        ("dok" + needles.END, "(dokter)", 1, False),  # none: a longer word
        ("dok" + needles.END, "(dok", 1, True),  # the text's end is a boundary
        ("sumber:" + needles.END, "sumber:bmkg", 0, True),  # after a mark, a word must follow
        ("sumber:" + needles.END, "sumber: bmkg", 0, False),
        ("foto/", "antara foto/budi", 7, True),  # no END: anything may follow
        ("foto/", "antara foto/budi", 6, False),  # not where it starts
    ],
)
def test_word_boundary_after_a_needle(needle, text, at, found):
    assert needles.starts_at([needle])(text, at) is found
    assert (re.compile(needles.trie([needle])).match(text, at) is not None) is found


def test_end_only_closes_a_needle():
    with pytest.raises(ValueError):
        needles.starts_at(["a" + needles.END + "b"])
