"""Stage 4: repair Title-Cased-Every-Word text into Indonesian sentence casing (EYD V).

``recase_document(paragraphs) -> list[str]``
    Same length list; each output paragraph has exactly the same length as its input
    and differs only in letter case. Only paragraphs that :func:`~.detect.is_title_cased`
    finds title-cased are touched; others come back as they were. A short title-cased
    line without sentence-final punctuation is a heading and gets :func:`titlecase_heading`.
``titlecase_heading(text) -> str``
    EYD title style: every word capitalised except function words.

The model and word lists load on first use (the first title-cased paragraph), never at
import, so ``import textfix`` stays fast. Modules: :mod:`.words` (tokens and shapes),
:mod:`.detect` (is it title-cased?), :mod:`.model` (the perceptron and its features),
:mod:`.decide` (EYD rules around the model).
"""

from __future__ import annotations

import functools
import re
from typing import Collection, Container, Mapping, Sequence

import regex

from .. import lexicon as _lexicon
from .decide import (
    apply_decisions,
    dateline_place,
    decide_words,
    extend_names,
    grow_phrases,
    recase_title_cased,
    refine_decisions,
)
from .detect import HEADING_MAX_WORDS, is_title_cased
from .model import Lexicon, Model
from .words import (
    REACHED_LOWER_RE,
    WORD_RE,
    is_title_shaped,
    lower_first,
    sentence_starts,
    split_keyed,
    split_words,
    titlecase_reaches,
)

__all__ = [
    "Lexicon",
    "Model",
    "default_lexicon",
    "default_model",
    "document_evidence",
    "is_title_cased",
    "leaves_alone",
    "recase_document",
    "recase_paragraph",
    "titlecase_heading",
]

#: A heading: at most HEADING_MAX_WORDS words and no sentence-final punctuation at the end.
_SENTENCE_END_RE = regex.compile(r"[.!?…:;,][\"'”’)\]]*+\s*+$")


def default_lexicon() -> Lexicon:
    """The shipped lexicon: corpus counts, Sastrawi's roots and stemmer, the word lists.

    The always-capitalised list overrides Sastrawi's roots (which hold ``senin``,
    ``agustus``, ``indonesia``, ``allah``); the common words missing from Sastrawi's list
    (``common-words.txt``: ``hoaks``, ``plenary``) count as roots. Built once per table
    mode (see :func:`textfix.lexicon.use_indexed_tables`).
    """
    return _default_lexicon(_lexicon.indexed_tables_on())


@functools.cache
def _default_lexicon(indexed: bool) -> Lexicon:
    always = _lexicon.word_set("always-capitalised.txt")
    common = _lexicon.word_set("common-words.txt") - always
    sastrawi = _lexicon.sastrawi_roots()
    roots: Container[str]
    if isinstance(sastrawi, frozenset):
        roots = (sastrawi | common) - always
    else:  # an index (a short run): ask it word by word
        roots = _lexicon.KeySet(sastrawi, common, always)
    return Lexicon(
        counts=_lexicon.casing_counts(),
        bigrams=_lexicon.casing_bigrams(),
        roots=roots,
        always_capital=always,
        common_words=common,
        titles=_lexicon.word_set("titles.txt"),
        name_heads=_lexicon.word_set("name-heads.txt"),
        countries=_lexicon.word_set("countries.txt"),
        function_words=_lexicon.word_set("function-words.txt"),
        stem=_lexicon.stem,
    )


def default_model() -> Model:
    """The shipped averaged-perceptron weights. Built once per table mode, as the lexicon."""
    return _default_model(_lexicon.indexed_tables_on())


@functools.cache
def _default_model(indexed: bool) -> Model:
    return Model(_lexicon.casing_weights())


#: The characters the regex module's ``\s`` matches (a test checks every code point), the
#: closers and the punctuation of _SENTENCE_END_RE.
_SPACES = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_CLOSERS = "\"'”’)]"
_ENDINGS = frozenset(".!?…:;,")


def _sentence_end(text: str) -> bool:
    """Whether ``_SENTENCE_END_RE.search(text)`` finds one, without a regex call (which
    cost more than the rest of _is_heading): the punctuation must be the last character
    once trailing spaces, then closers, are stripped (the three classes are disjoint)."""
    return text.rstrip(_SPACES).rstrip(_CLOSERS)[-1:] in _ENDINGS


def _is_heading(text: str) -> bool:
    if _sentence_end(text):
        return False
    return 0 < len(WORD_RE.findall(text)) <= HEADING_MAX_WORDS


def _is_called_out_heading(text: str) -> bool:
    """A heading that asks or exclaims ("Kenapa Blog Ini Dibuat?", "Akhirnya, Langkah
    Pertamaku!"): a short paragraph of one sentence ending in "?" or "!". Only beside prose
    in normal case is it read as one (see recase_document): in a title-cased document the
    same line is one more damaged sentence."""
    bare = text.rstrip(_SPACES).rstrip(_CLOSERS)
    if bare[-1:] not in "?!" or "\n" in bare:
        return False
    return 0 < len(WORD_RE.findall(bare)) <= HEADING_MAX_WORDS and not _INNER_STOP_RE.search(bare)


#: A sentence's end inside a paragraph: one that holds it is two sentences, no heading.
_INNER_STOP_RE = re.compile(r"[.!?]\s")


def _normal_prose(paragraphs: Sequence[str], found: Container[int]) -> bool:
    """Whether a paragraph the detector passed reads as a sentence of prose: the document
    is cased normally, and its title-cased short lines are its headings."""
    return any(
        i not in found and _sentence_end(p) and len(WORD_RE.findall(p)) >= _PROSE_MIN_WORDS
        for i, p in enumerate(paragraphs)
    )


#: Words that make a paragraph prose for _normal_prose.
_PROSE_MIN_WORDS = 6


def titlecase_heading(text: str, lexicon: Lexicon | None = None) -> str:
    """EYD title style: capitalise every word except function words (not the first).

    ALL-CAPS words are kept; only first letters change, so the length never does.

    >>> lex = Lexicon(function_words={"dan", "di"})
    >>> titlecase_heading("bupati dan wabup adakan salat bersama di alun-alun", lex)
    'Bupati dan Wabup Adakan Salat Bersama di Alun-Alun'
    >>> titlecase_heading("Dan KTT Di Jakarta", lex)
    'Dan KTT di Jakarta'
    """
    function_words = (lexicon or default_lexicon()).function_words
    out = []
    last = 0
    for n, match in enumerate(WORD_RE.finditer(text)):
        word = match.group()
        if not is_title_shaped(word) and not word[0].islower():
            continue
        lowered = word[0].islower()
        if n > 0 and word.lower() in function_words and text[match.start() - 1] != "-":
            new = lower_first(word)
        elif lowered:
            up = word[0].upper()
            new = up + word[1:] if len(up) == 1 else word
        else:
            continue
        out.append(text[last : match.start()])
        out.append(new)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def recase_paragraph(
    text: str,
    lexicon: Lexicon | None = None,
    model: Model | None = None,
    evidence: Mapping[str, tuple[int, int]] | None = None,
) -> str:
    """Repair one paragraph if it is title-cased; return it unchanged otherwise.

    ``evidence`` maps a lowercase word to how often the rest of the document wrote it in
    mid-sentence in lowercase and with a capital (see :func:`document_evidence`).
    """
    lexicon = lexicon or default_lexicon()
    words = split_words(text)
    starts = sentence_starts(text, words)
    if not is_title_cased(text, lexicon, words, starts):
        return text
    if _is_heading(text):
        return titlecase_heading(text, lexicon)
    return recase_title_cased(text, lexicon, model or default_model(), words, starts, evidence)


def document_evidence(paragraphs: Sequence[str]) -> dict[str, tuple[int, int]]:
    """How the normally cased paragraphs of a document write each word in mid-sentence:
    ``word -> (lowercase, capital)``. A word the writer put in lowercase elsewhere is a
    common word here too; one always capitalised is a name.

    >>> document_evidence(["Harga beras di Pasar Baru naik.", "Warga Pasar Baru resah.", "Judul Baru"])
    {'beras': (1, 0), 'di': (1, 0), 'pasar': (0, 1), 'baru': (0, 1), 'naik': (1, 0)}
    """
    evidence: dict[str, list[int]] = {}
    for text in paragraphs:
        text = text.replace("\n", " ")
        words = split_words(text)
        starts = sentence_starts(text, words)
        seen = []
        for i, word in enumerate(words):
            rest = word.text[1:]
            if i in starts or not titlecase_reaches(word) or (rest and not rest.islower()):
                continue
            seen.append((word.text.lower(), word.text[0].isupper()))
        # Only prose counts: a headline in title style capitalises its common words.
        if sum(capital for _, capital in seen) * 2 > len(seen):
            continue
        for key, capital in seen:
            evidence.setdefault(key, [0, 0])[capital] += 1
    return {k: (v[0], v[1]) for k, v in evidence.items()}


#: A lowercase letter that Title Case would have capitalised ("#bawel" has none) / a
#: letter that starts a word in uppercase (counted in C, for a quick look).
_LOWER_START_RE = REACHED_LOWER_RE
_UPPER_START_RE = regex.compile(r"(?<![\p{L}\p{M}\p{N}])\p{Lu}")


#: A superset of _LOWER_START_RE's matches, in the standard ``re`` (twice as fast as the
#: regex module here): a character that is no ASCII capital, digit, space or punctuation
#: (so maybe a lowercase letter) after one that is no ASCII letter or digit (so maybe a
#: space, bracket, quote...), or opening the text. Groups: the character before, the one.
_LOWER_START_CANDIDATE_RE = re.compile(r"(?:^|(?<=([^0-9A-Za-z])))([^A-Z0-9\s!-/:-@\[-`{-~])")
_LOWER_RE = regex.compile(r"\p{Ll}")
_REACHES_RE = regex.compile(r"[\s\-(\[{\"“‘'«/]")  # REACHED_LOWER_RE's lookbehind
#: Whether a character is a lowercase letter / one after which Title Case capitalises, by
#: character (the regex module decides, so the count is exactly _LOWER_START_RE's).
_IS_LOWER: dict[str, bool] = {}
_REACHES: dict[str, bool] = {}
_CHARS_MAX = 4096


def _char_test(table: dict[str, bool], pattern: regex.Pattern, char: str) -> bool:
    found = table.get(char)
    if found is None:
        if len(table) >= _CHARS_MAX:
            table.clear()
        found = table[char] = pattern.fullmatch(char) is not None
    return found


def _ascii_start_classes() -> bytes:
    """A ``bytes.translate`` table for _LOWER_START_RE in ASCII text: ``r`` a character of
    its lookbehind (in ASCII: \\t-\\r, space, quotes, brackets, hyphen, slash; the regex
    module's \\s takes no \\x1c-\\x1f), ``a`` a-z (all of \\p{Ll} there), ``x`` the rest."""
    table = bytearray(b"x" * 256)
    for char in "\t\n\x0b\x0c\r \"'(-/[{":
        table[ord(char)] = ord("r")
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = ord("a")
    return bytes(table)


_ASCII_START_CLASSES = _ascii_start_classes()


def _count_lower_starts(text: str) -> int:
    """``len(_LOWER_START_RE.findall(text))``: in ASCII text (nearly all) the pairs ``ra``
    of its byte classes, counted in C (the two classes are disjoint, so no two pairs
    overlap), plus the text's first letter (the quick look on 464 title-cased paragraphs:
    7.0 million instructions, where a ``re`` scan for the pairs made it 18.0 million);
    else the candidates of a cheaper pattern, checked character by character
    (title-cased text has next to none)."""
    if text.isascii():
        classes = text.encode("ascii").translate(_ASCII_START_CLASSES)
        return classes.count(b"ra") + ("a" <= text[:1] <= "z")
    lower = 0
    is_lower, reaches = _IS_LOWER, _REACHES
    for before, char in _LOWER_START_CANDIDATE_RE.findall(text):
        if is_lower.get(char) or _char_test(is_lower, _LOWER_RE, char):
            if not before or reaches.get(before) or _char_test(reaches, _REACHES_RE, before):
                lower += 1
    return lower


def _quick_reject(text: str) -> bool:
    """Cheap test that needs no lexicon: too many lowercase word starts to be title-cased."""
    lower = _count_lower_starts(text)
    if lower == 0:
        return False
    upper = len(_UPPER_START_RE.findall(text))
    return upper < 2 or lower * 10 > lower + upper + 10


def _title_cased_parts(text: str, lexicon: Lexicon | None) -> tuple | None:
    """A paragraph's words, sentence starts and keys (the words in lowercase) if it is
    title-cased, else None."""
    if _quick_reject(text):
        return None
    lexicon = lexicon or default_lexicon()  # loaded only when a paragraph may need it
    flat = text.replace("\n", " ")  # soft line breaks are spaces; offsets stay the same
    words, keys = split_keyed(flat)
    starts = sentence_starts(flat, words)
    return (words, starts, keys) if is_title_cased(flat, lexicon, words, starts) else None


#: A list item: a bullet, then its text ("- 500 Paket Sembako").
_LIST_ITEM_RE = regex.compile(r"[-*•·][ \t]+\S")


def _title_cased_items(
    paragraphs: Sequence[str], found: dict[int, tuple], list_items: Collection[int] = ()
) -> set[int]:
    """List items of a title-cased document whose every word is capitalised: too short to
    show the damage themselves (no function word: "- 500 Paket Sembako"), but a document
    whose prose is title-cased damaged its lists too, and a list item is no heading. An
    item opens with a bullet, or is in ``list_items`` (Markdown's, without their marker).
    Each is added to ``found``; returns the indexes of all the title-cased items, those
    found by their own evidence too ("- Bantuan Untuk Petani Di Desa" was given heading
    style beside "- Pembangunan jalan tol di Sumatra")."""
    items = set()
    for index, text in enumerate(paragraphs):
        if not (index in list_items or _LIST_ITEM_RE.match(text)):
            continue
        if index in found:  # title-cased by its own evidence: a sentence, all the same
            items.add(index)
            continue
        flat = text.replace("\n", " ")
        words, keys = split_keyed(flat)
        letters = [w.text for w in words if w.text[0].isalpha()]
        if len(letters) >= 2 and all(w[0].isupper() for w in letters) and not all(w.isupper() for w in letters):
            found[index] = words, sentence_starts(flat, words), keys
            items.add(index)
    return items


def leaves_alone(paragraph: str) -> bool:
    """Whether :func:`recase_document` leaves ``paragraph`` as it is when it leaves every
    other paragraph alone too: it is not title-cased (what the fast path asks of a line its
    quick look cannot settle; a list item changes only beside title-cased prose).

    >>> leaves_alone("Warga Yang Datang Ke Pasar Itu Mengeluh."), leaves_alone("Harga naik di Pasar Baru.")
    (False, True)
    """
    return _title_cased_parts(paragraph, None) is None


def recase_document(
    paragraphs: Sequence[str],
    lexicon: Lexicon | None = None,
    model: Model | None = None,
    list_items: Collection[int] = (),
) -> list[str]:
    """Recase every title-cased paragraph of one document; leave the others as they are.

    Each output has the input's length and differs from it only in letter case.
    ``list_items``: the indexes of paragraphs that are list items without a bullet in
    their text (Markdown's): beside title-cased prose they are recased as sentences, as
    bulleted items are, not as headings.

    >>> recase_document(["Harga naik di pasar.", "Warga Yang Datang Ke Pasar Itu Mengeluh."])
    ['Harga naik di pasar.', 'Warga yang datang ke pasar itu mengeluh.']
    """
    found: dict[int, tuple] = {}
    for index, text in enumerate(paragraphs):
        parts = _title_cased_parts(text, lexicon)
        if parts is not None:
            found[index] = parts
    if not found:
        return list(paragraphs)
    items = _title_cased_items(paragraphs, found, list_items) if len(found) >= 2 else set()
    lexicon = lexicon or default_lexicon()
    model = model or default_model()
    evidence = document_evidence([t for i, t in enumerate(paragraphs) if i not in found])
    # Two passes: the first decides every paragraph and collects the words acronyms
    # confirm as names; the second lets those words keep their capital elsewhere.
    names: set[str] = set()
    decided = {}
    called_out = {i for i in found if _is_called_out_heading(paragraphs[i])}
    if called_out and not _normal_prose(paragraphs, found):
        called_out = set()
    for index, (words, starts, keys) in found.items():
        text = paragraphs[index]
        if index not in called_out and (index in items or not _is_heading(text)):
            flat = text.replace("\n", " ")
            decisions = decide_words(flat, words, lexicon, model, starts, evidence, names, keys)
            refine_decisions(lexicon, words, decisions, keys, evidence)
            decided[index] = keys, decisions
    place = dateline_place(paragraphs[0]) if paragraphs else None
    if place:
        names.add(place)
    if names:
        grow_phrases([(found[i][0], keys, decisions) for i, (keys, decisions) in decided.items()], names)
    out = list(paragraphs)
    for index, (words, _, _) in found.items():
        text = paragraphs[index]
        if index in decided:
            keys, decisions = decided[index]
            if names:
                extend_names(words, decisions, names, keys, lexicon)
            new = apply_decisions(text, words, decisions)
        else:
            # Heading style may also raise a letter; recasing damage only ever lowers.
            styled = titlecase_heading(text, lexicon)
            new = "".join(n if n == o.lower() else o for o, n in zip(text, styled))
        if _same_but_case(text, new):
            out[index] = new
    return out


def _same_but_case(old: str, new: str) -> bool:
    return len(old) == len(new) and old.lower() == new.lower()
