"""The data files are tested like code: well formed, sorted, unique, consistent.

Each check collects every bad line and fails once with the whole list, so a broken
regeneration shows all its damage at a glance (codespell's ``test_dictionary.py``).
"""

from __future__ import annotations

from importlib import resources

import pytest

DATA = resources.files("textfix.data")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))

#: Hand-written casing word lists: one lowercase word per line.
WORD_LISTS = [
    "always-capitalised.txt",
    "common-words.txt",
    "countries.txt",
    "function-words.txt",
    "name-heads.txt",
    "titles.txt",
]
#: Generated tables: name -> number of columns.
TABLES = {"casing-counts.tsv": 3, "casing-bigrams.tsv": 5, "casing-stems.tsv": 2, "casing-model.tsv": 2}


def _read(name: str) -> tuple[list[str], list[tuple[int, str]]]:
    """Header lines and (line number, entry) pairs of a data file."""
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    header, entries = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if line.startswith("#"):
            header.append(line)
        elif line:
            entries.append((number, line))
    return header, entries


def _key(line: str) -> str:
    return line.split("\t", 1)[0]


@pytest.mark.parametrize("name", FILES)
def test_file_has_a_provenance_header(name):
    text = DATA.joinpath(name).read_text(encoding="utf-8")
    assert text.startswith("#"), f"{name}: must open with a '#' header"
    header, _ = _read(name)
    joined = "\n".join(header).lower()
    assert "licence" in joined, f"{name}: the header must name the licence"
    assert any(word in joined for word in ("source", "written", "generated")), (
        f"{name}: the header must say where the entries come from"
    )
    assert text.endswith("\n"), f"{name}: no final newline"


@pytest.mark.parametrize("name", FILES)
def test_entries_are_sorted_unique_and_trimmed(name):
    _, entries = _read(name)
    bad = []
    seen: set[str] = set()
    previous = None
    for number, line in entries:
        key = _key(line)
        if line != line.strip() or "  " in line:
            bad.append(f"{name}:{number}: stray whitespace: {line!r}")
        if key in seen:
            bad.append(f"{name}:{number}: duplicate: {key!r}")
        if previous is not None and key < previous:
            bad.append(f"{name}:{number}: out of order: {key!r} after {previous!r}")
        seen.add(key)
        previous = key
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", WORD_LISTS)
def test_word_lists_hold_single_lowercase_words(name):
    _, entries = _read(name)
    bad = [
        f"{name}:{number}: {line!r}"
        for number, line in entries
        if not line.isalpha() or line != line.lower()
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name, columns", sorted(TABLES.items()))
def test_tables_are_well_formed(name, columns):
    _, entries = _read(name)
    bad = []
    for number, line in entries:
        fields = line.split("\t")
        if len(fields) != columns:
            bad.append(f"{name}:{number}: {len(fields)} columns, want {columns}: {line!r}")
            continue
        if name == "casing-model.tsv":
            try:
                float(fields[1])
            except ValueError:
                bad.append(f"{name}:{number}: weight is not a number: {line!r}")
        elif name != "casing-stems.tsv" and not all(f.isdigit() for f in fields[1:]):
            bad.append(f"{name}:{number}: counts must be whole numbers: {line!r}")
        elif fields[0] != fields[0].lower():
            bad.append(f"{name}:{number}: key must be lowercase: {line!r}")
    assert not bad, "\n".join(bad)


def _words(name: str) -> set[str]:
    return {line for _, line in _read(name)[1]}


def test_no_word_is_both_common_and_proper():
    proper = _words("always-capitalised.txt")
    bad = []
    for name in ("common-words.txt", "function-words.txt"):
        bad += [f"{word!r} is in always-capitalised.txt and {name}" for word in sorted(proper & _words(name))]
    assert not bad, "\n".join(bad)


def test_stems_point_at_different_words():
    _, entries = _read("casing-stems.tsv")
    bad = [f"casing-stems.tsv:{n}: {line!r}" for n, line in entries if line.split("\t")[0] == line.split("\t")[1]]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", ["widget_lines.txt", "promo_labels.txt"])
def test_whole_line_phrases_are_shorter_than_a_plain_line(name):
    """The clean-text fast path proves no whole-line phrase can be a line of at least
    ``fastpath._PLAIN_MIN`` characters; a longer phrase switches the fast path off for every text
    (a 33-character widget line once did, and clean text ran the full pipeline)."""
    from textfix import fastpath

    _, entries = _read(name)
    long = [f"{number}: {entry}" for number, entry in entries if len(entry) > fastpath.WHOLE_LINE_MAX]
    assert not long, f"{name}: too long for a whole-line phrase: {long}"
