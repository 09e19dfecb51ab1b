"""Words as the casing stage sees them: spans of letters, their shapes and their contexts.

A *word* is a maximal run of a letter followed by letters, marks or digits (the unit of the
evaluation protocol in ``../shared/corpora/README.md``), so ``Sehari-Hari`` is two words and
``Ke-43`` is the word ``Ke`` followed by ``-43``. Each word keeps the text between it and the
previous word (its *gap*), from which the casing decisions read their context: a sentence
end, an opening quote or bracket, a hyphen joining it to the previous word.

Nothing here decides anything; it only measures. All functions are pure.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple, Sequence

import regex

#: A word: a letter, then letters, marks or digits. "Ke-43" -> "Ke"; "KTT" -> "KTT".
WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}]*+")
_SPLIT_RE = regex.compile(r"(\p{L}[\p{L}\p{M}\p{N}]*+)")
#: The same split for ASCII text (99 lines in 100 of train.txt), where a letter is A-Z or
#: a-z, a number 0-9 and no character is a mark: the standard ``re`` splits it with a
#: third of the regex module's instructions.
_ASCII_SPLIT_RE = re.compile(r"([A-Za-z][A-Za-z0-9]*+)")

#: Where scraped Title Case uppercases the next lowercase letter: line start, whitespace,
#: a hyphen, an opening bracket or quote, or a slash.
REACHED_LOWER_RE = regex.compile(r"(?:^|(?<=[\s\-(\[{\"“‘'«/]))\p{Ll}")

#: The characters after which Title Case capitalises (besides whitespace and the line start).
TITLE_AFTER = "-([{\"“‘'«/"

#: A gap that ends a sentence: ". " / "?” " / "!) " / ".\n" (the words after it start anew),
#: or a scraper's paragraph join: "penurunan.,Agar" / 'produksi.,"Selama' (a full stop, a
#: comma, maybe an opening quote, no space).
_SENTENCE_GAP_RE = regex.compile(r"[.!?…][\"'”’»)\]]*+(?:\s|,[\"“‘']?$)")

#: A gap that opens a quotation: ' “' / ' "' / "(“" at its end, or the typewriter's (and
#: the Penn Treebank tokenisers') two backticks: ' ``'.
_QUOTE_OPEN_RE = regex.compile(r"(?:^|[\s(\[])(?:[\"“‘«']|``)$")


#: A dateline at a paragraph start: "Jakarta, situs.com – " / "JAKARTA - " / "INDRAMAYU –Warga"
#: (then a sentence; the dash may touch the sentence's first capital). Not a tokeniser's
#: spaced em dash, "bahasa baru - - apa saja": train.txt writes " - - " 152 times, inside
#: sentences, never after a dateline (which scrapers write "--"). Dev: 1 word fixed, none
#: broken; the every-4th-line train sample 3540 -> 3539 wrong.
_DATELINE_RE = regex.compile(r"^(?:[^.!?\n]|\.(?=\S)){2,80}?(?<![–—-])\s[–—-]{1,2}(?:\s(?![–—-])|(?=\p{Lu}))")
#: Words of prose that no dateline holds ("Jakarta, situs.com –", "JAKARTA (ANTARA) -"):
#: before a dash with one of them the dash is a sentence's own ("455 rumah - - banyak").
_PROSE_WORDS = frozenset(
    "dan yang di ke dari untuk dengan pada ini itu dalam adalah akan tidak juga atau karena "
    "oleh bahwa lain para telah sudah saja".split()
)
_DIGIT_RE = regex.compile(r"\d")
#: What every dateline holds by character 82 (at most 80 characters, a space, the dash):
#: without it the lazy match above need not be tried (two thirds of sentence_starts' time).
_DATELINE_DASH_RE = regex.compile(r"\s[–—-]")
_DATELINE_DASH_END = 82


class _WordFields(NamedTuple):
    text: str
    start: int
    gap: str


class Word(tuple):
    """One word of a paragraph: its text, where it starts, and the text before it; made
    from one ``(text, start, gap)`` tuple, ``Word(("Ke", 4, " "))``.

    Not a NamedTuple, whose ``__new__`` is Python code: a tuple subclass without one is
    made in C by ``map(Word, tuples)`` (the field getters are a NamedTuple's). Making a
    paragraph's words through ``tuple.__new__`` cost 8 million more of the 132 million
    instructions of splitting the 200 KB callgrind workload."""

    __slots__ = ()
    text = _WordFields.text
    start = _WordFields.start
    gap = _WordFields.gap

    def __repr__(self) -> str:
        return f"Word(text={self[0]!r}, start={self[1]!r}, gap={self[2]!r})"


def split_words(text: str) -> list[Word]:
    """The words of ``text`` with their offsets and the gaps before them.

    One ``split`` gives gaps and words alternately; offsets are running sums of their
    lengths (both loops in C), which is a fifth faster than building from matches.

    >>> [(w.text, w.start, w.gap) for w in split_words("KTT Ke-43 (PBB).")]
    [('KTT', 0, ''), ('Ke', 4, ' '), ('PBB', 11, '-43 (')]
    """
    return _words(_split(text))


def lowercase_keys(words: Sequence[Word]) -> list[str]:
    """The words in lowercase: the key of every lexicon lookup, made once per paragraph."""
    return [word.text.lower() for word in words]


def split_keyed(text: str) -> tuple[list[Word], list[str]]:
    """:func:`split_words` and the words in lowercase (every lexicon lookup's key), both
    from one split: lowering the split's words is a C loop, where lowering each Word's
    text afterwards was a Python one (20M of the 767M instructions of the 200 KB
    callgrind workload).

    >>> split_keyed("KTT Di Jakarta")[1]
    ['ktt', 'di', 'jakarta']
    """
    parts = _split(text)
    return _words(parts), list(map(str.lower, parts[1::2]))


def _split(text: str) -> list[str]:
    """Gaps and words alternately: gap, word, gap, word, ..., tail."""
    return (_ASCII_SPLIT_RE if text.isascii() else _SPLIT_RE).split(text)


def _words(parts: list[str]) -> list[Word]:
    # A word starts where the parts before it end.
    ends = list(accumulate(map(len, parts)))
    # map, not a comprehension: no bytecode per word, and zip reuses its tuple.
    return list(map(Word, zip(parts[1::2], ends[0::2], parts[0:-1:2])))


def scraped_title_case(text: str) -> str:
    """Title-case ``text`` the way scrapers damage it (the evaluation protocol's transform).

    The first lowercase letter after the start, whitespace, a hyphen, an opening bracket or
    quote, or a slash is uppercased; nothing else changes, and the length never does.

    >>> scraped_title_case("kegiatan sehari-hari (medsos) di KTT 29/8/2023")
    'Kegiatan Sehari-Hari (Medsos) Di KTT 29/8/2023'
    """

    def upper(match: regex.Match) -> str:
        letter = match.group()
        up = letter.upper()
        return up if len(up) == 1 else letter

    return REACHED_LOWER_RE.sub(upper, text)


def is_title_shaped(word: str) -> bool:
    """A capital followed only by lowercase letters (or nothing): what recasing may lower.

    >>> [is_title_shaped(w) for w in ("Dan", "KTT", "dan", "McDonald", "A", "Ke43")]
    [True, False, False, False, True, True]
    """
    if not word[0].isupper():
        return False
    rest = word[1:]
    return not any(ch.isupper() for ch in rest)


def lowerable(text: str) -> bool:
    """What recasing may lower, as decoding reads it: a capital, then nothing or a rest that
    ``str.islower`` accepts (stricter than :func:`is_title_shaped`: ``A1`` is not one).

    >>> [lowerable(w) for w in ("Dan", "A", "Ke43", "K9", "KTT", "McD", "dan")]
    [True, True, True, False, False, False, False]
    """
    if not text[0].isupper():
        return False
    rest = text[1:]
    return not rest or rest.islower()


def is_acronym(word: str) -> bool:
    """A capital, more characters and no lowercase letter: ``KTT``, ``ASEAN``, ``G20``.

    >>> [is_acronym(w) for w in ("KTT", "Ktt", "A", "G20")]
    [True, False, False, True]
    """
    if len(word) < 2 or not word[0].isupper():
        return False
    if word.isupper():  # one C call settles the usual cases
        return True
    return not word[1].islower() and not any(ch.islower() for ch in word)


def is_sentence_gap(gap: str) -> bool:
    """True when the gap before a word ends a sentence: ``". "``, ``"?” "``.

    >>> [is_sentence_gap(g) for g in (". ", ", ", '." ', " 10.00 ", ".,", "., ", '.,"')]
    [True, False, True, False, True, False, True]
    """
    return bool(_SENTENCE_GAP_RE.search(gap))


def opens_quote(gap: str) -> bool:
    """True when the gap before a word ends with an opening quotation mark.

    >>> [opens_quote(g) for g in (' “', ', "', " (", "”, ", ": ``")]
    [True, True, False, False, True]
    """
    return bool(_QUOTE_OPEN_RE.search(gap))


def lower_first(word: str) -> str:
    """``word`` with its first letter lowercased, unless that would change its length.

    >>> lower_first("Dan"), lower_first("İstanbul")
    ('dan', 'İstanbul')
    """
    low = word[0].lower()
    return low + word[1:] if len(low) == 1 else word


def titlecase_reaches(word: Word) -> bool:
    """True when scraped Title Case would capitalise this word's first letter.

    >>> [titlecase_reaches(w) for w in split_words("situs.com 5kg (medsos) sehari-hari")]
    [True, False, False, True, True, True]
    """
    gap = word.gap
    return not gap or gap[-1].isspace() or gap[-1] in TITLE_AFTER


#: Whether a gap starts a sentence, by gap: a few dozen gaps (", ", ". ", " (") make up
#: nearly all, and two regex searches cost more than the rest of sentence_starts.
_STARTING_GAPS: dict[str, bool] = {}
_STARTING_GAPS_MAX = 4096
_STARTING_GAP_LEN = 24


#: A list item after a colon: "berikut: - Mengalami ..." (train.txt: 12 capitals of 12).
_LIST_AFTER_COLON_RE = regex.compile(r":\s+[-–—•*]\s+$")


def _starting_gap(gap: str) -> bool:
    start = is_sentence_gap(gap) or opens_quote(gap) or bool(_LIST_AFTER_COLON_RE.search(gap))
    if len(gap) <= _STARTING_GAP_LEN:
        if len(_STARTING_GAPS) >= _STARTING_GAPS_MAX:
            _STARTING_GAPS.clear()
        _STARTING_GAPS[gap] = start
    return start


#: A task list item's checkbox, ticked, after its bullet if the text still has one.
_TASK_BOX_RE = regex.compile(r"(?:[-*+•][ \t]+)?\[[xX]\][ \t]")
_TASK_OPENERS = frozenset("[-*+•")


def sentence_starts(text: str, words: Sequence[Word]) -> set[int]:
    """Indexes of words that begin a sentence or a quoted sentence.

    >>> t = 'Jakarta - Warga Datang. “Kami Senang,” Kata Dia.'
    >>> sorted(sentence_starts(t, split_words(t)))
    [0, 1, 3]
    >>> sorted(sentence_starts("Situs.id, INDRAMAYU –Warga Datang", split_words("Situs.id, INDRAMAYU –Warga Datang")))
    [0, 3]
    """
    starts = {0} if words else set()
    if text[:1] in _TASK_OPENERS and len(words) > 1 and _TASK_BOX_RE.match(text):
        starts.add(1)  # "[x] Dashboard transaksi": the checkbox's x is no sentence's first word
    known = _STARTING_GAPS
    for i, word in enumerate(words[1:], start=1):
        gap = word[2]  # (an index: an attribute of a tuple subclass is a slower generic lookup)
        if gap != " ":
            start = known.get(gap)
            if start is None:
                start = _starting_gap(gap)
            if start:
                starts.add(i)
    head = text[:_DATELINE_DASH_END]  # no dash there: no dateline (a substring scan is cheaper)
    dateline = (
        ("-" in head or "–" in head or "—" in head)
        and _DATELINE_DASH_RE.search(text, 0, _DATELINE_DASH_END)
        and _DATELINE_RE.match(text)
    )
    if dateline and not _PROSE_WORDS.isdisjoint(dateline.group().lower().split()):
        dateline = None  # a dash inside a sentence: "455 rumah - - banyak berupa ..."
    if dateline:
        for i, word in enumerate(words):
            if word.start >= dateline.end():
                if not _DIGIT_RE.search(text, dateline.end(), word.start):
                    starts.add(i)  # (after "AK - 47" or "0 - 06" the dash joined numbers)
                break
    return starts
