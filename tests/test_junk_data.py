"""The junk phrase lists in ``textfix/data`` are tested like code (codespell's dictionary tests).

Each list: UTF-8, a ``#`` header naming its source and licence, entries sorted and unique,
lower case, no stray whitespace; and every entry must actually be recognised by the rule
that reads the list. All bad lines are collected and reported at once.
"""

from __future__ import annotations

from importlib import resources

import pytest

import textfix
from textfix import lexicon
from textfix.config import Config

JUNK_LISTS = [
    "headline_function_words.txt",
    "promo_labels.txt",
    "read_also_labels.txt",
    "social_promos.txt",
    "syndication_notes.txt",
    "widget_lines.txt",
]


def _raw(name: str) -> str:
    return resources.files("textfix.data").joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", JUNK_LISTS)
def test_list_is_well_formed(name: str) -> None:
    text = _raw(name)
    lines = text.splitlines()
    assert lines and lines[0].startswith("#"), f"{name}: no '#' header"
    header = "\n".join(line for line in lines if line.startswith("#")).lower()
    assert "licence" in header or "license" in header, f"{name}: header names no licence"
    assert text.endswith("\n"), f"{name}: no final newline"
    entries = [line for line in lines if line and not line.startswith("#")]
    bad = [line for line in entries if line != line.strip() or line != line.lower() or "  " in line]
    assert not bad, f"{name}: entries with stray spaces or capitals: {bad}"
    assert entries == sorted(entries, key=lambda s: s.encode()), f"{name}: not sorted (LC_ALL=C sort)"
    duplicates = sorted({e for e in entries if entries.count(e) > 1})
    assert not duplicates, f"{name}: duplicates: {duplicates}"
    assert not [line for line in lines if not line.strip()], f"{name}: blank lines"


BODY = "Pemerintah kota menambah armada bus untuk melayani warga pada akhir pekan."
QUIET = Config(recase=False)


def test_every_read_also_label_is_recognised() -> None:
    missed = []
    for label in lexicon.data_lines("read_also_labels.txt"):
        text = f"{BODY}\n{label.title()}: Judul Berita Lain Soal Banjir di Kota\n{BODY}\n"
        if "Judul Berita Lain" in textfix.clean(text, QUIET):
            missed.append(label)
    assert not missed, f"labels not recognised: {missed}"


def test_every_widget_line_is_recognised() -> None:
    missed = []
    for line in lexicon.data_lines("widget_lines.txt"):
        out = textfix.clean(f"{BODY}\n{line.upper()}\n{BODY} Lagi.\n", QUIET)
        if line.upper() in out:
            missed.append(line)
    assert not missed, f"widget lines not recognised: {missed}"


def test_every_social_promo_is_recognised() -> None:
    missed = []
    for phrase in lexicon.data_lines("social_promos.txt"):
        out = textfix.clean(f"{BODY}\n{phrase.capitalize()} WhatsApp dan Google News kami.\n", QUIET)
        if "Google News" in out:
            missed.append(phrase)
    assert not missed, f"promos not recognised: {missed}"


def test_every_syndication_note_is_recognised() -> None:
    missed = []
    for phrase in lexicon.data_lines("syndication_notes.txt"):
        out = textfix.clean(f"{BODY}\n{phrase.capitalize()} Contoh.com.\n", QUIET)
        if phrase.split()[0].capitalize() + " " in out or "Contoh.com" in out:
            missed.append(phrase)
    assert not missed, f"notes not recognised: {missed}"


def test_every_promo_label_ends_the_text_it_heads() -> None:
    missed = []
    for label in lexicon.data_lines("promo_labels.txt"):
        out = textfix.clean(f"{BODY}\n\n{label.upper()}\n\nJudul Lain di Situs Ini\n", QUIET)
        if "Judul Lain" in out:
            missed.append(label)
    assert not missed, f"labels that do not cut the footer: {missed}"
