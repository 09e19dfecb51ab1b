"""``needles.starts_at`` answers exactly as the trie pattern it replaces would; the byte
prefilter never misses where the trie pattern would match."""

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


#: Needles of every shape the prefilter treats apart: a word or a mark first, END after a
#: word character or a mark, non-ASCII characters inside, first and last.
ODD_NEEDLES = ["é dia" + needles.END, "(foto", "x:" + needles.END, "kata é", "©x", "a_b" + needles.END]


@pytest.mark.parametrize("name", sorted(GATE_SETS) + ["fastpath", "odd"])
@settings(max_examples=300, deadline=None)
@given(text=TEXTS | st.text(max_size=12), data=st.data())
def test_byte_prefilter_finds_every_needle_the_trie_finds(name, text, data):
    if name == "fastpath":
        from textfix import fastpath

        group = None
        found = fastpath._needles()
        pattern, table, patterns = found.words, found.kept, found.after
    else:
        group = ODD_NEEDLES if name == "odd" else GATE_SETS[name]
        pattern = re.compile(r"\b" + needles.trie(group))
        table, patterns = needles.byte_prefilter(group)
    text = text.casefold() if name == "fastpath" else text
    if pattern.search(text):
        kept = b" " + text.encode("utf-8", "surrogatepass").translate(table)
        assert any(p.search(kept) for p in patterns)


def test_byte_prefilter_passes_over_near_misses():
    table, patterns = needles.byte_prefilter(["foto:", "baca juga" + needles.END])
    for text in ("swafoto: kami", "baca jugalah", "foto kami", "bacajuga"):
        assert not any(p.search(b" " + text.encode().translate(table)) for p in patterns), text
