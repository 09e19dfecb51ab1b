"""Detection: is this paragraph Title-Cased-Every-Word, or cased the normal way?

Repairing a normally cased paragraph can only do harm, so the detector is strict. It
looks only at the words Title Case would capitalise that are not sentence starts, and
calls a paragraph title-cased when

* almost none of them start in lowercase (at most one in ten; a scraped dateline such as
  ``Melansir dari laman ...`` before the damage starts is allowed for), and
* capitals sit on words the corpus writes in lowercase: two *function words* (``Yang``,
  ``Dan``, ``Di``), or one and a common word; without any function word, a sentence:
  ending in a full stop, with a capitalised ``me-`` or ``di-`` verb or a predicate word
  (``Adalah``, ``Merupakan``: ``_PREDICATES``) that has words after it (``Kedatangan Rebecca Membuat Kampus Heboh.``: prose writes these in
  lowercase, and a name ending on one, ``Gerakan Indonesia Mengajar.``, is left alone),
  or with a capitalised predicate (a derived verb, ``Adalah``) and a
  common word in every four, or two common words making up a third of the line
  (``_COMMON_NO_VERB``: four before session 13); ending
  in a question mark, a predicate and common words making up a third; with no final stop,
  longer than a heading (over 12 words), two predicates and half of it common words.

A headline in proper EYD title style keeps its function words lowercase, so it is never
taken for damage; one with no function word at all is left alone unless it reads as a
sentence. A common word is a frequent one written in lowercase 95 times in 100, or a rarer
one (10 uses or more) never capitalised whose root Sastrawi knows (``Diabetes``, ``Kronis``;
"Conte Menderita Diabetes Kronis." was missed without them). Lowercase letters Title Case
does not reach (``#bawel``) count for nothing. Evidence (``scripts/eval_casing.py`` on dev):
of 1,745 title-cased dev lines the detector finds all but 30 (146 words; 25 of those lines
have eight words or fewer, e.g. "Kenapa Harus Inul?", which is also how a gold headline
looks); the predicate rule above finds 7 of them more: dev acc 0.9598 -> 0.9602, cap F1
0.8899 -> 0.8909, names lowered 533 -> 535 (the model's, in "Kabinet Indonesia Bersatu
Jilid II" of a line now repaired), harm 0, eval_harm unchanged. Before the statement and long-line rules and the hashtag fix it missed 36 lines
(221 words), and dev accuracy was 0.9560 instead of 0.9574. Fed the 1,745 gold lines it
fires on none (harm 0), table rows such as "Luas Wilayah: ... Tanah Kering: ..." included.
On the 62 news articles of ``../shared/samples/news`` it fires only on the title-cased
article, and on none of the title-style promo headlines.
"""

from __future__ import annotations

from typing import Sequence

import regex

from .decide import DOMAIN_ENDINGS
from .model import Lexicon
from .words import TITLE_AFTER, Word, sentence_starts, split_words

#: A common word: written in lowercase in at least this share of at least _COMMON_MIN uses.
_COMMON_SHARE = 0.95
_COMMON_MIN = 50
#: A rarer word counts as common when never capitalised in at least this many uses.
_RARE_MIN = 10


_VERB_PREFIXES = ("me", "di", "ber", "ter", "per")
#: A sentence's end: a full stop, question or exclamation mark (maybe inside quotes), or a
#: colon introducing a list -- but not a colon after a quoted headline.
_FINAL_STOP_RE = regex.compile(r"(?:[.!?…][\"'”’)\]]*+|(?<![\"'”’]):)\s*+$")
#: A statement: a full stop or exclamation mark at the end, maybe inside quotes.
_FULL_STOP_RE = regex.compile(r"[.!…][\"'”’)\]]*+\s*+$")
#: Without a function word or a predicate, a statement needs this many capitalised
#: common words (and one word in three). Four until session 13; two finds the short
#: title-cased statements (``Harga Cabai Naik Lagi.``) that train.txt's glued kumparan
#: lines hold: dev 1252 -> 1248 wrong (acc 0.9652 -> 0.9653, cap P 0.8822 -> 0.8827, F1
#: 0.9044 -> 0.9047, names lowered 457 -> 457), the every-4th-line train sample 3454 ->
#: 3190 wrong; fed the gold lines of train.txt and dev.txt it fires on none, and on the
#: news samples on the same 8 paragraphs (eval_junk, eval_harm unchanged). A headline
#: ends without a full stop, so it is not reached; a question is not either (``Kenapa
#: Harus Inul?``: a headline's shape).
_COMMON_NO_VERB = 2
#: A heading has at most this many words (``casing`` gives such a line heading style): a
#: line without a final stop with more words than this counted mid-sentence is no heading.
HEADING_MAX_WORDS = 12
#: Predicate words that show a line is a sentence (a table row or a headline has none).
#: ``tak`` and ``belum`` as ``tidak`` and ``sudah`` ("Prasetyo Tak Sepenuhnya Politikus.":
#: dev acc 0.9639 -> 0.9640, no gold line of dev or train.txt newly changed).
_PREDICATES = frozenset("adalah merupakan ada tidak tak belum telah sudah sedang akan bukan".split())


def title_case_evidence(
    text: str,
    lexicon: Lexicon,
    words: Sequence[Word] | None = None,
    starts: set[int] | None = None,
) -> tuple[int, int, int, int, int, int, int]:
    """What :func:`is_title_cased` decides on, over the mid-sentence words of ``text``:
    ``(words, lowercase ones, capitalised function words, capitalised common words,
    capitalised rarer common words, capitalised derived verbs)``. A common word is one
    the corpus writes in lowercase (95 times in 100 over 50 sightings) or a derived form
    of a known root; a rarer one is seen 10 to 49 times, never capitalised, and known to
    Sastrawi. Counting stops
    early once two capitalised function words settle the answer: when even every word
    left that starts in lowercase could not make one in ten of those counted (the common
    case, and the slow part of detection). What a capitalised word counts as depends on
    its text alone, so it is worked out once per word (:func:`_word_kind`)."""
    if words is None:
        words = split_words(text)
    if starts is None:
        starts = sentence_starts(text, words)
    total = lower = function = common = rare = verbs = strong = 0
    # Words still to come that start in lowercase: counted only once two function words
    # can end the loop (a third of the paragraph in), and only those still to come.
    left = -1
    kinds = lexicon.kinds
    # (Words are read by index: an attribute of a Word is a slower, generic lookup.)
    for i, word in enumerate(words):
        if function >= 2:
            if left < 0:
                left = _lowercase_words(text, words, i)
            if (lower + left) * 10 <= total:
                return total, lower, function, common, rare, verbs, strong
        text_of_word = word[0]
        low = text_of_word[0].islower()
        if low and left > 0:
            left -= 1
        if i in starts:
            continue
        gap = word[2]
        if gap != " " and gap and not gap[-1].isspace() and gap[-1] not in TITLE_AFTER:
            continue  # Title Case does not reach it (titlecase_reaches)
        if low and i + 1 < len(words) and words[i + 1].gap == "." and words[i + 1].text in DOMAIN_ENDINGS:
            continue  # a site's address ("contoh.com" in a dateline) says nothing of the casing
        total += 1
        if low:
            lower += 1
            continue
        kind = kinds.get(text_of_word)
        if kind is None:
            kind = _word_kind(lexicon, text_of_word)
        if kind:
            if kind == _FUNCTION:
                function += 1
            elif kind & _COMMON:
                common += 1
            else:
                rare += 1
            if kind & _VERB:
                verbs += 1
            if kind & _PREDICATE and i + 1 < len(words):
                strong += 1  # with words after it: "Gerakan Indonesia Mengajar." is a name
    return total, lower, function, common, rare, verbs, strong


def _lowercase_words(text: str, words: Sequence[Word], first: int) -> int:
    """How many of ``words[first:]`` start with a lowercase letter.

    In ASCII text, from the gap before ``words[first]``: a word starts where a run of
    letters and digits has its first letter, so with the digits deleted and every byte
    classed (``a`` a-z, ``A`` A-Z, `` `` the rest) a lowercase word start is a ``" a"``
    (the gap's first character is no letter or digit: the word before took them all).
    Where a comparison per word made two ``map`` passes over the paragraph's words, this
    is two C scans of the rest of the text (is_title_cased on the paragraphs of the
    200 KB callgrind workload: 47.8 -> 28.1 million instructions)."""
    if not text.isascii():
        return sum(1 for word in words[first:] if word[0][0].islower())
    start = words[first][1] - len(words[first][2]) if first else 0
    classes = text[start:].encode("ascii").translate(_ASCII_WORD_CLASSES, b"0123456789")
    return classes.count(b" a") + (classes[:1] == b"a")


def _ascii_word_classes() -> bytes:
    table = bytearray(b" " * 256)
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = ord("a")
    for byte in range(ord("A"), ord("Z") + 1):
        table[byte] = ord("A")
    return bytes(table)


_ASCII_WORD_CLASSES = _ascii_word_classes()


#: What a capitalised word counts as in title_case_evidence (0: nothing).
_FUNCTION, _COMMON, _RARE, _VERB, _PREDICATE = 1, 2, 4, 8, 16
#: Prefixes of the verbs that make a predicate (``Membuat``, ``Diresmikan``): names hold
#: ``ber-`` and ``ter-`` words (``Universitas Terbuka``, ``Partai Bersatu``), these hardly.
_PREDICATE_PREFIXES = ("me", "di")
_KINDS_MAX = 50_000


def _word_kind(lexicon: Lexicon, text: str) -> int:
    """What the title-shaped ``text`` counts as (a bit set of the flags above); 0 when it
    is not title-shaped or counts for nothing. Remembered in ``lexicon.kinds``."""
    kind = 0
    rest = text[1:]
    if text[0].isupper() and (not rest or rest.islower()):
        key = text.lower()
        if key in lexicon.function_words:
            kind = _FUNCTION
        else:
            lo, cap = lexicon.counts.get(key, (0, 0))
            if lo + cap >= _COMMON_MIN:
                if lo >= _COMMON_SHARE * (lo + cap):
                    kind = _COMMON | (_VERB if key.startswith(_VERB_PREFIXES) or key in _PREDICATES else 0)
            elif lo >= _RARE_MIN and not cap and lexicon.knows_root(key):
                # Rarer words never capitalised that Sastrawi knows: "diabetes", "kronis".
                verb = key.startswith(_VERB_PREFIXES) and lexicon.stem(key) != key
                kind = _RARE | (_VERB if verb else 0)
            elif cap <= lo and key.startswith(_VERB_PREFIXES) and key not in lexicon.always_capital:
                root = lexicon.stem(key)
                if root != key and root in lexicon.roots:
                    kind = _COMMON | _VERB
    if kind and kind != _FUNCTION and _is_predicate(lexicon, key):  # (kind set: key too)
        kind |= _PREDICATE
    kinds = lexicon.kinds
    if len(kinds) >= _KINDS_MAX:
        kinds.clear()
    kinds[text] = kind
    return kind


def _is_predicate(lexicon: Lexicon, key: str) -> bool:
    """A word of ``_PREDICATES`` (``adalah``, ``merupakan``, ``tidak``, ``akan`` ...), or a
    ``me-`` or ``di-`` verb Sastrawi derives from a common root (``membuat``; not
    ``medan``, ``menteri``, ``dinas``, which are roots)."""
    if key in _PREDICATES:
        return True
    if not key.startswith(_PREDICATE_PREFIXES):
        return False
    root = lexicon.stem(key)
    return root != key and root in lexicon.roots


def is_title_cased(
    text: str,
    lexicon: Lexicon,
    words: Sequence[Word] | None = None,
    starts: set[int] | None = None,
) -> bool:
    """True when ``text`` reads as Title-Cased-Every-Word and should be repaired.

    Capitalised function words are the strong sign: a headline written in proper title
    style keeps them lowercase. Without one, a line needs a capitalised derived verb and
    common words making up a third of it (a sentence, not a table row or a headline).

    >>> lex = Lexicon(counts={"yang": (90, 1), "itu": (80, 0)}, function_words={"yang", "dan"})
    >>> is_title_cased("Warga Yang Datang Dan Pergi.", lex)
    True
    >>> is_title_cased("Warga yang datang dan pergi.", lex)
    False
    >>> is_title_cased("Kenapa Harus Inul?", lex)
    False
    """
    total, lower, function, common, rare, verbs, strong = title_case_evidence(text, lexicon, words, starts)
    if total == 0 or lower * 10 > total:
        return False
    if function >= 2 or (function == 1 and common >= 1):
        return True
    # Rarer common words count only in a sentence: a table header "Harga Per Kilogram" is
    # not damage.
    sentence = bool(_FINAL_STOP_RE.search(text))
    if function == 1 and rare >= 1 and sentence:
        return True
    if lower:
        return False
    # Without a function word, only a sentence counts: a headline quoted in a promo ("Simak
    # Video 'Iran Perketat Keamanan':") has no predicate and no final full stop.
    common += rare
    statement = _FULL_STOP_RE.search(text) is not None
    if statement and strong and total >= 2:
        # A statement whose predicate is capitalised ("Kedatangan Rebecca Membuat Kampus
        # Heboh."): prose writes a derived verb or "adalah" in lowercase, a name hardly
        # ends a sentence on one.
        return True
    if common < 2:
        return False
    if statement:
        # A statement (not a question, which may be a headline: "Kenapa Harus Inul?").
        if verbs >= 1:
            return common * 4 >= total
        return common >= _COMMON_NO_VERB and common * 3 >= total
    if sentence:
        return verbs >= 1 and common * 3 >= total
    # No final stop, but longer than any heading and reading as prose.
    return total > HEADING_MAX_WORDS and verbs >= 2 and common * 2 >= total
