"""A ten-word stand-in for the casing model, so layout and Markdown tests check structure
on their own: which lines and characters change, not how well casing guesses.

``sentence_case`` lowercases the words of ``COMMON`` unless they start a sentence, like
the real model does with a tiny lexicon, and only in paragraphs whose words are mostly
capitalised (the real model leaves normally cased paragraphs alone); ``title_case`` lowercases ``FUNCTION`` words
after the first. Both keep the length, as the real interface promises.
"""

from __future__ import annotations

import re

COMMON = frozenset(
    "naik tajam pekan ini para pedagang mengeluh karena pembeli berkurang "
    "stok menumpuk gudang harga beras yang dan di ke dari untuk pada dalam dua depan "
    "berjanji menambah pasokan segera warga datang membeli pasar lagi sejak awal bulan".split()
)
FUNCTION = frozenset("di ke dari dan yang untuk pada dalam".split())

_WORD_RE = re.compile(r"\w+")
_SENTENCE_GAP_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]*$")


def sentence_case(text: str) -> str:
    """Lowercase common words that do not start a sentence, in a title-cased text.

    >>> sentence_case("Harga Beras Naik Di Kota Induk. Warga Mengeluh.")
    'Harga beras naik di Kota Induk. Warga mengeluh.'
    >>> sentence_case("Harga beras di Pasar Induk naik.")
    'Harga beras di Pasar Induk naik.'
    """
    words = _WORD_RE.findall(text)
    if sum(w[0].isupper() for w in words) * 10 < len(words) * 6:
        return text

    def fix(match: re.Match) -> str:
        word = match.group()
        before = text[: match.start()]
        starts = not before.strip() or _SENTENCE_GAP_RE.search(before)
        if word.lower() in COMMON and not starts:
            return word.lower()
        return word

    return _WORD_RE.sub(fix, text)


def recase_document(paragraphs: list[str], list_items=()) -> list[str]:
    return [sentence_case(p) for p in paragraphs]


def title_case(text: str) -> str:
    """Lowercase function words after the first word.

    >>> title_case("Harga Naik Di Pasar Dan Di Kota")
    'Harga Naik di Pasar dan di Kota'
    """
    words = list(_WORD_RE.finditer(text))
    out = list(text)
    for match in words[1:]:
        if match.group().lower() in FUNCTION:
            out[match.start()] = out[match.start()].lower()
    return "".join(out)


def install(monkeypatch) -> None:
    """Replace the casing stage with the stub for one test."""
    from textfix import casing

    monkeypatch.setattr(casing, "recase_document", recase_document)
    monkeypatch.setattr(casing, "titlecase_heading", title_case)
