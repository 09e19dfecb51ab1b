"""Stage 1: normalise characters and spaces so the rules see one spelling of everything.

Scrapers leave HTML entities, double-encoded UTF-8 (``MbappÃ©``), no-break and zero-width
spaces, CRLF endings and runs of spaces. ftfy repairs the mojibake, but it costs more than
the rest of the pipeline on clean text, so it only runs on text that holds a mojibake
signature (a UTF-8 lead byte read as a Latin-1 letter, then a continuation byte); curly
quotes are kept (Indonesian news uses “…”).
"""

from __future__ import annotations

import html
import re
import unicodedata

import regex

from . import patterns

#: ``&amp;`` ``&#8220;`` ``&nbsp;`` -- but not a bare ``R&D`` or ``AT&T``.
HTML_ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
#: Spaces that look like a space: NBSP, figure space, narrow NBSP, en/em spaces, tabs ...
ODD_SPACES = "\t\v\f\u00a0\u1680" + "".join(map(chr, range(0x2000, 0x200B))) + "\u202f\u205f\u3000"
ODD_SPACE_RE = regex.compile(f"[{ODD_SPACES}]")
#: Invisible characters that only get in the way (ZWJ/ZWNJ are kept: scripts need them).
INVISIBLE = "\u200b\u2060\ufeff\u00ad"
INVISIBLE_RE = regex.compile(f"[{INVISIBLE}]")
SPACE_RUN_RE = regex.compile(r"(?<=\S) {2,}(?=\S)")
BLANK_RUN_RE = regex.compile(r"\n{3,}")
#: UTF-8 read as cp1252/Latin-1: a lead-byte letter (Â..ô) then a continuation-byte
#: character. Matches "MbappÃ©", "43Â°C", "â€œ"; must not match "café" or “kutipan”.
_MOJIBAKE_HINT_RE = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122]"
)


#: Paragraphs a CSV export joined with commas: a sentence end (maybe closing a quote), a
#: comma with no space, then a capitalised word or an opening quote: ``(PDB).,"Dari``,
#: ``imbuhnya.,Selain``. Not one such join in train.txt's 36,738 sentences.
LIST_JOIN_RE = regex.compile(r"(?<=[.!?][\"”’']?),(?=[\"“‘']?\p{Lu}\p{Ll})")
#: Joins a line needs before it is split: one ``.,`` may be an abbreviation's.
_LIST_JOINS_MIN = 2
_LIST_JOIN_HINTS = (".,", "!,", "?,", '",', "”,", "’,", "',")


def has_list_joins(text: str) -> bool:
    """Whether :func:`split_list_joins` would change ``text``."""
    if not any(hint in text for hint in _LIST_JOIN_HINTS):
        return False
    return any(_joins(line) >= _LIST_JOINS_MIN for line in text.split("\n") if "," in line)


def _joins(line: str) -> int:
    return len(LIST_JOIN_RE.findall(line))


def split_list_joins(text: str) -> str:
    """Paragraphs that a scraper's CSV export joined into one line with commas go back on
    lines of their own, where a line holds at least two such joins.

    >>> split_list_joins('Nilai ekspor kecil (PDB).,"Dari data BPS, UKM besar," ujar Kasan.,Keharusan ekspor ini besar.')
    'Nilai ekspor kecil (PDB).\\n"Dari data BPS, UKM besar," ujar Kasan.\\nKeharusan ekspor ini besar.'
    >>> split_list_joins("Dr. Budi, S.Pd.,M.Pd. hadir.,Acara dimulai.")
    'Dr. Budi, S.Pd.,M.Pd. hadir.,Acara dimulai.'
    """
    if not has_list_joins(text):
        return text
    lines = text.split("\n")
    return "\n".join(LIST_JOIN_RE.sub("\n", line) if _joins(line) >= _LIST_JOINS_MIN else line for line in lines)


def has_sentence_glue(text: str) -> bool:
    """Whether :func:`split_sentence_glue` would change ``text``."""
    return bool(_GLUE_HINT_RE.search(text)) and bool(patterns.SENTENCE_GLUE_RE.search(text))


#: A word character, a sentence end, a letter: every sentence glue has one (cheap to scan for).
_GLUE_HINT_RE = re.compile(r"\w[.!?][^\W\d_]")


def split_sentence_glue(text: str) -> str:
    """A space where a removed link glued two sentences: ``beras.Amran juga`` becomes
    ``beras. Amran juga`` (PATTERNS.md 13b). Not in a domain (``Suara.Com``), nor after a
    capital (``U.Today``, ``PT.Pindad``): only after two lowercase letters or digits, before
    a capitalised word of three letters or more and a space.

    >>> split_sentence_glue("karena membongkar mafia beras.Amran juga menegaskan, dikutip Suara.Com hari ini.")
    'karena membongkar mafia beras. Amran juga menegaskan, dikutip Suara.Com hari ini.'
    """
    if not has_sentence_glue(text):
        return text
    return patterns.SENTENCE_GLUE_RE.sub(" ", text)


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds an :data:`INVISIBLE` character: four substring scans, a
    twentieth of the pattern's time."""
    return any(char in text for char in INVISIBLE)


def normalize_newlines(text: str) -> str:
    """CRLF and lone CR become LF.

    >>> normalize_newlines("a\\r\\nb\\rc")
    'a\\nb\\nc'
    """
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fix_encoding(text: str) -> str:
    """Unescape HTML entities and repair mojibake; leave everything else alone.

    >>> fix_encoding("Kylian MbappÃ©, suhu 43Â°C &amp; “kutipan”")
    'Kylian Mbappé, suhu 43°C & “kutipan”'
    """
    if "&" in text:
        text = HTML_ENTITY_RE.sub(lambda m: html.unescape(m.group()), text)
    if not text.isascii() and _MOJIBAKE_HINT_RE.search(text):
        import ftfy  # imported lazily: it is only needed for damaged text

        config = ftfy.TextFixerConfig(
            unescape_html=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            fix_latin_ligatures=False,
            fix_character_width=False,
            normalization=None,
            explain=False,
        )
        text = ftfy.fix_text(text, config)
    return text


def normalize_unicode(text: str) -> str:
    """NFC, odd spaces to a plain space, invisible characters removed.

    >>> normalize_unicode("SOP\\u00a0SPMB\\u200b 2025")
    'SOP SPMB 2025'
    """
    if not text.isascii():
        if has_invisible(text):
            text = INVISIBLE_RE.sub("", text)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    # Seventeen substring scans first (in ASCII text three, the others fail at once): a
    # fifth of the time of the pattern's scan.
    return ODD_SPACE_RE.sub(" ", text) if any(space in text for space in ODD_SPACES) else text


def normalize_whitespace(text: str, keep_layout: bool = False) -> str:
    """Collapse runs of spaces; unless ``keep_layout``, also strip lines and blank-line runs.

    With ``keep_layout`` the indentation, trailing spaces and blank lines of an editor's
    file stay as they were; only runs of spaces between words are collapsed.

    >>> normalize_whitespace("  Satu  dua \\n\\n\\n\\nTiga ")
    'Satu dua\\n\\nTiga'
    >>> normalize_whitespace("  Satu  dua \\n", keep_layout=True)
    '  Satu dua \\n'
    """
    if "  " in text:
        text = SPACE_RUN_RE.sub(" ", text)
    if keep_layout:
        return text
    text = "\n".join(line.strip() for line in text.split("\n"))
    return BLANK_RUN_RE.sub("\n\n", text)
