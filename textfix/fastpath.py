"""The fast path: text that is already clean body prose (but maybe for its casing) skips the
pipeline's Python loops.

Most of a scraped archive's paragraphs need nothing, and proving that with C-speed scans
(``str`` methods, one alternation of literal *needles* over the lowercased text) costs a
fraction of running sixteen junk rules and the casing detector line by line. A text takes
the fast path only when every stage is provably a no-op on it, but stage 4 (below):

* **Stage 1**: no CR, no HTML entity, no whitespace but single spaces and line breaks, no
  space at a line's edge, no run of blank lines, no line of comma-joined paragraphs; if not
  ASCII, NFC, no invisible character and no mojibake signature (the conditions under which
  each normaliser returns its input).
* **Stage 2**: every non-blank line is *plain*: at least :data:`_PLAIN_MIN` characters,
  not starting with a lowercase letter or closing punctuation, not a pagination line. Such
  a line is never a soft break, a dateline fragment or link text, and it is its own
  paragraph (``join_reflow`` puts blank lines between) unless its block looks
  hard-wrapped, which :func:`_no_wrapped_blocks` rules out where a line does not end a
  sentence. (So a plain line need not end a sentence: no rule's argument may rest on that.)
* **Stage 3**: no needle occurs in the casefolded text (the label and promo phrases of ``textfix/data``, the
  credit, ad, pagination, footer and marker words each rule keys on); a whole-line list
  (widgets, related-list labels) cannot match a plain line, which is longer than any of its
  phrases; the header chrome rule finds no anchor below the first line and the first line
  is a sentence; no line opens with a glued headline; no two lines are the same paragraph
  to the duplicate rule; no sentence is glued to the next (the repair after the rules).
* **Stage 4**: each line has so many lowercase word starts that the casing detector's quick
  look rejects it (see :func:`_clearly_not_title_cased`), or the detector itself finds it
  not title-cased (:func:`textfix.casing.leaves_alone`). Where that is not proven (a
  title-cased line), stages 1 to 3 still are no-ops, so the pipeline recases the lines as
  the stages would (the paragraphs are the lines) and writes them out the same way.

The argument per rule is in :data:`_NEEDLES`; ``tests/test_fastpath.py`` checks that the
fast path's output equals the full pipeline's on generated and sample articles, and that a
new rule cannot slip past it unexamined (:data:`KNOWN_RULES`).
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import unicodedata
from typing import NamedTuple

from . import document, lexicon, normalize, patterns, rules
from . import needles as needles_
from .config import Config

#: The rules this module's argument covers. A rule added to ``rules.RULES`` turns the fast
#: path off until its no-op condition is added here (a test keeps the two sets equal).
KNOWN_RULES = frozenset(
    {
        "drop_ads", "drop_header_chrome", "drop_promo", "drop_read_also", "drop_photo_caption",
        "strip_photo_credit", "drop_social_promo", "drop_syndication_note", "drop_pagination",
        "cut_footer", "strip_trailing_marker", "drop_duplicate_paragraphs", "drop_extra_junk",
        "strip_byline", "strip_dateline", "strip_editor_initials",
    }
)

#: A plain line is at least this long: longer than every whole-line phrase (checked in
#: :func:`_needles`), than a dateline fragment (``document._LINK_MAX``) and a widget.
_PLAIN_MIN = 40
#: The longest whole-line phrase the plain-line argument allows: ``patterns.phrase_re`` lets
#: up to seven characters follow it (spaces around a trailing ``:`` or ``.``).
WHOLE_LINE_MAX = _PLAIN_MIN - 8

#: Longer lines are cut into casing windows (``pipeline.recase_in_windows``); the casing
#: argument is per line, so they take the full path.
_PLAIN_MAX = 100_000

#: Literal needles (casefolded) per rule, beside the phrase files read at run time. A rule
#: can change a text of plain lines only where one of these, or :data:`_CREDIT_NAME_RE`,
#: or :data:`_BRACKET_RE`, occurs:
_NEEDLES = {
    # ADVERTISEMENT / SCROLL TO CONTINUE inline (widget lines are whole-line phrases); an
    # embedded tweet's attribution line (TWEET_RESIDUE_RE), which need not end a sentence.
    "drop_ads": ("advertisement", "scroll to", "(@"),
    # Video labels (VIDEO_LABEL_RE, VIDEO_PROMO_INLINE_RE); [Gambas:...] in _BRACKET_RE.
    "drop_promo": ("simak video", "lihat video", "tonton video", "saksikan video", "juga video",
                   "video:", "video :"),
    # Credits (rules.CREDIT_NEEDLES but the bracket, which has a pattern of its own below).
    "drop_photo_caption": tuple(n for n in rules.CREDIT_NEEDLES if n != "["),
    # NEXT_PAGE_RE needs one of these (a PAGINATION_LINE_RE line is not plain: _is_plain).
    "drop_pagination": ("halaman selanjutnya", "halaman berikutnya"),
    # TAGS_LINE_RE and COPYRIGHT_RE (editor initials alone on a line end in ")": not plain).
    "cut_footer": ("tag:", "tags:", "tag :", "tags :", "kategori:", "kategori :", "topik:",
                   "topik :", "label:", "label :", "©", "(c) ", "copyright", "all right", "hak cipta"),
    "strip_trailing_marker": ("***",),
}
#: NAMED_CREDIT_RE (case-sensitive): a credit name, then a capital after ``[ ]?/?[ ]?``.
#: "laporan Reuters yang ..." is not a credit; "Reuters/Ali Budi" is. A capital is A-Z or
#: any non-ASCII character (the class is written negated: a wide range costs 3 ms to compile).
_CREDIT_NAME_RE = re.compile(
    r"(?:Getty Images|Shutterstock|iStockphoto|Reuters|AFP|AP Photo|Dok\.) ?/? ?[^\x00-\x40\x5b-\x7f]"
)
#: BRACKET_PHOTO_CREDIT_RE and GAMBAS_RE (casefolded): a bracket opening a domain path,
#: ``Foto``/``Dok`` or ``Gambas``; "[Jesse] Lingard" is none of them.
_BRACKET_RE = re.compile(r"\[(?:[\w-]{1,80}\.(?:com|co\.id|id|net)/|foto|dok|gambas)")
#: Phrase files whose phrases a rule looks for at a line's start, or inline only where a
#: capital starts them (``(?=\p{Lu})``, ``CAPITAL_GAP_RE``, ``SENTENCE_GAP_RE``).
_PHRASE_FILES = ("read_also_labels.txt", "social_promos.txt", "syndication_notes.txt")
#: Phrase files matched only as a whole line, which a plain line is too long to be.
_WHOLE_LINE_FILES = ("widget_lines.txt", "promo_labels.txt")

#: Whitespace other than a space and a line break: ``str.split``/``strip`` would act on it
#: (every ``str.isspace`` character; a test checks the list against Unicode).
OTHER_SPACES = "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_OTHER_SPACE_RE = re.compile(f"[{re.escape(OTHER_SPACES)}]")
_ASCII_OTHER_SPACES = tuple(space for space in OTHER_SPACES if space.isascii() and space != "\r")
#: What patterns.GLUED_TITLE_RE's first four words can be (:func:`_is_plain`), each at most
#: 31 characters as there (bounded, so a scan of one long word stays linear).
_GLUED_HINT_RE = re.compile(r"(?:(?:[^ a-z][^ ]{0,30}+|di|ke|dan|yang|untuk|dari|soal|saat|lewat) ){4}")
_CLOSERS = "\"'”’)]"
#: ``patterns.PUNCT_ONLY_RE``'s characters: a line of nothing else is dropped by drop_ads.
_SEPARATORS = ",.|;>•· "
#: A space before a space or a line break (stage 1 collapses the run, strips the line), or
#: before punctuation (the duplicate rule's key would differ from the line): one scan that
#: ``re`` skips from space to space, where four substring scans took twice as long.
_SPACE_BEFORE_RE = re.compile(r" [ \n,.;:!?)]")
#: In byte classes, where a list join (``normalize.LIST_JOIN_RE``) can be: a sentence end or
#: a quote (ASCII, or a non-ASCII one's last byte), a comma, then a quote or a capital (ASCII
#: or a non-ASCII lead byte). ``re`` skips from comma to comma.
_JOIN_HINT_RE = re.compile(rb',(?<=[."c],)["A]')
#: In byte classes, where a sentence glue can be: a sentence end, then a capital or a
#: non-ASCII letter (``re`` skips to each ``.``; ``in`` is slower on so frequent a last byte).
_GLUE_HINT_RE = re.compile(rb"\.A")


class _Needles(NamedTuple):
    """The patterns of the needles that start with a letter, all sought in the casefolded text."""

    words: re.Pattern  # every such needle, after ``\\b``, in one pass
    anywhere: re.Pattern  # of the word needles, those that count wherever they are
    capital: re.Pattern  # phrases: count where the original text does not start them lowercase
    credit: re.Pattern  # credit names: count where _CREDIT_NAME_RE matches the original
    kept: bytes  # bytes.translate table: word bytes and the needles' bytes kept, others a space
    after: tuple[re.Pattern, ...]  # some matches the kept bytes where a word needle is (see there)


@functools.cache
def _argument_holds() -> bool:
    """Whether the needles still make the argument: no whole-line phrase is too long for a
    plain line and no pattern a hint was read off has changed (else the fast path stays
    off rather than be wrong)."""
    if not _sources_known():
        return False
    return not any(len(p) > WHOLE_LINE_MAX for name in _WHOLE_LINE_FILES for p in lexicon.data_lines(name))


def _literal_needles() -> set[str]:
    return {n for group in _NEEDLES.values() for n in group}


@functools.cache
def _mark_needles() -> tuple[tuple[str, re.Pattern], ...]:
    """The needles that start with a mark, per mark: a literal they share and their pattern.

    Built apart from the word needles, whose patterns take 95 million instructions to
    build (the phrase files' tries): a text these find junk in ("(Foto: ...)") goes to the
    stages without them. A title-cased file on the command line used to go there before
    any needle was sought, and would otherwise pay for both the fast path's and the
    rules' patterns (samples/seed-title-cased.txt: 1,096 million instructions in all
    before the fast path took title-cased text, 1,160 million with the needles built at
    once, 1,077 million with these first)."""
    marks: dict[str, list[str]] = {}
    for needle in _literal_needles():
        if not needle[0].isalpha():
            marks.setdefault(needle[0], []).append(needle[1:])
    return tuple(
        (m + os.path.commonprefix(r), re.compile(re.escape(m) + (needles_.trie(r) if all(r) else "")))
        for m, r in sorted(marks.items())
    ) + (("[", _BRACKET_RE),)


@functools.cache
def _needles() -> _Needles:
    """The patterns of the needles that start with a letter.

    Every rule that keys on a word finds it at a word start (``^``, ``\\b``, after a space
    or a sentence end), so a needle that starts with a letter is sought only after ``\\b``,
    and the needles are one trie (one character test per position): 25 ms a megabyte
    where a flat alternation of them took ten times as long. A phrase from a file ends at
    a word boundary too (``phrase_re``'s ``\\b``), so ``follow`` is not sought in
    ``followers``, and starts with a capital (see :data:`_PHRASE_FILES`).
    """
    anywhere = [n for n in _literal_needles() if n[0].isalpha()]
    # Rules match a phrase's spaces as runs of spaces; stage 1 left single spaces.
    phrases = set().union(*(needles_.phrase_needles(lexicon.data_lines(name)) for name in _PHRASE_FILES))
    phrases.update(n + needles_.END for n in rules.MORE_NEWS_NEEDLES)  # at a line start, like the phrases
    every_word = anywhere + sorted(phrases) + list(rules.CREDIT_NAMES)
    kept, after = needles_.byte_prefilter(every_word)
    return _Needles(
        words=re.compile(rf"\b{needles_.trie(every_word)}"),
        anywhere=re.compile(needles_.trie(anywhere)),
        capital=re.compile(needles_.trie(sorted(phrases))),
        credit=re.compile(needles_.trie(list(rules.CREDIT_NAMES))),
        kept=kept,
        after=after,
    )


def _has_needle(text: str, folded: str, folded_bytes: bytes) -> bool:
    """Whether some rule may act on ``text`` (a text of plain lines) where a needle is;
    ``folded`` is ``text.casefold()``, ``folded_bytes`` that in UTF-8 (surrogates passed)."""
    if not _argument_holds():
        return True
    # A substring scan (a byte search for one character) before each pattern's scan.
    if any(literal in folded and pattern.search(folded) for literal, pattern in _mark_needles()):
        return True
    needles = _needles()
    if not _may_hold_word_needle(folded_bytes, needles):
        return False
    aligned = len(folded) == len(text)  # casefolding kept every character in its place
    found = needles.words.search(folded)
    while found:
        at = found.start()
        if needles.anywhere.match(folded, at) or not aligned:
            return True
        if needles.capital.match(folded, at) and not text[at].islower():
            return True
        if needles.credit.match(folded, at) and _CREDIT_NAME_RE.match(text, at):
            return True
        found = needles.words.search(folded, at + 1)
    return False


def _may_hold_word_needle(folded_bytes: bytes, needles: _Needles) -> bool:
    """A necessary condition for ``needles.words`` to match the casefolded text, at a sixth
    of its cost: a scan of its bytes that skips from space to space (see
    :func:`textfix.needles.byte_prefilter`)."""
    kept = b" " + folded_bytes.translate(needles.kept)
    return any(pattern.search(kept) for pattern in needles.after)


def applies(config: Config) -> bool:
    """Whether the fast path's argument covers this configuration (the default does)."""
    return (
        config.format != "markdown"
        and config.layout == "reflow"
        and not config.extra_junk
        and not (config.strip_dateline or config.strip_byline or config.strip_editor_initials)
        and frozenset(rules.RULES) == KNOWN_RULES
    )


class Plain(NamedTuple):
    """What the fast path proves of a text: stages 1 to 3 leave it as it is, and each of
    its non-blank lines is a paragraph of its own."""

    paragraphs: list[str]  # the text's non-blank lines
    settled: bool  # stage 4 provably leaves them too (else recase them: they may be title-cased)


def plain_paragraphs(text: str, config: Config) -> Plain | None:
    """The paragraphs of ``text`` if it is provably clean body prose but for its casing,
    else None (run the stages).

    A title-cased text is as often clean but for its casing as a normally cased one (of
    train.txt's 1,148 articles in scraped Title Case, 1,050 are): only stage 4 is left to
    run on it, where the stages' junk rules cost a third of cleaning it.

    >>> plain_paragraphs("Harga beras di pasar induk naik lagi pekan ini.\\nWarga mengeluh karena harga terus naik sejak Senin.\\n", Config())
    Plain(paragraphs=['Harga beras di pasar induk naik lagi pekan ini.', 'Warga mengeluh karena harga terus naik sejak Senin.'], settled=True)
    >>> plain_paragraphs("Warga Yang Datang Ke Pasar Induk Itu Mengeluh Soal Harga Beras.\\n", Config()).settled
    False
    >>> plain_paragraphs("Baca juga: Harga beras di pasar induk naik lagi pekan ini.\\n", Config()) is None
    True
    """
    if not applies(config):
        return None
    # One pass maps every byte to a class; counts and pairs of classes then answer several
    # questions at C speed (see _byte_classes).
    classes = text.encode("utf-8", "surrogatepass").translate(_BYTE_CLASSES)
    raw_lines = text.split("\n")
    if not _is_normal(text, classes, raw_lines):
        return None
    lines = [line for line in raw_lines if line]
    if not lines:
        return None
    # The casing quick look, on byte classes: most lines have so many lowercase word starts
    # that it rejects them. Lines of many capitals (names, a quoted title) it leaves open go
    # to the casing detector, last; lines of fewer than two lowercase words (a title-cased
    # line, an address list) are recased without asking. Such a line must hold more than
    # drop_ads' separators (PUNCT_ONLY_RE); a line with two lowercase words does.
    open_lines, few_words = [], []
    line_classes = [c for c in classes.split(b"\n") if c]  # the same lines
    # Mostly every line passes the quick look's bound without its first letter: counted
    # for all lines by C-level maps, without a Python call per line.
    lows = map(bytes.count, line_classes, itertools.repeat(b" a"))
    ups = map(bytes.count, line_classes, itertools.repeat(b"A"))
    if not all(map(int.__gt__, map(int.__mul__, lows, itertools.repeat(9)), map(int.__add__, ups, itertools.repeat(10)))):
        for line, line_class in zip(lines, line_classes):
            lower = _lowercase_starts(line_class)
            if not _quick_look_rejects(line_class, lower):
                (open_lines if lower >= 2 else few_words).append(line)
    if not all(line.strip(_SEPARATORS) for line in few_words):
        return None
    if not all(map(_is_plain, lines)):
        return None
    folded = text.casefold()
    folded_bytes = folded.encode("utf-8", "surrogatepass")
    if _has_needle(text, folded, folded_bytes):
        return None
    if not all(map(_ends_sentence, lines)) and not _no_wrapped_blocks(text):
        return None
    if config.drop_header_chrome and not _header_is_clean(lines):
        return None
    if config.drop_duplicate_paragraphs and not _no_duplicates(lines, folded_bytes):
        return None
    if config.split_sentence_glue and _GLUE_HINT_RE.search(classes) and normalize.has_sentence_glue(text):
        return None  # (a glue is a sentence end, then a capital or a non-ASCII letter)
    settled = not config.recase or not few_words and (not open_lines or _casing_leaves_alone(open_lines))
    return Plain(lines, settled)


def joined(paragraphs: list[str], one_per_line: bool) -> str | None:
    """Plain paragraphs as the stages write them out, or None where one paragraph a line
    would read back as one hard-wrapped block (the stages then clean it once more)."""
    if not one_per_line:
        return "\n\n".join(paragraphs) + "\n"
    out = "\n".join(paragraphs) + "\n"
    return None if document.rejoins(out) else out


def _is_normal(text: str, classes: bytes, raw_lines: list[str]) -> bool:
    """Stage 1 would return ``text`` unchanged (each normaliser's identity condition);
    ``classes`` are its bytes' classes, ``raw_lines`` its lines (``text.split("\\n")``)."""
    if "\r" in text or "\n\n\n" in text or _SPACE_BEFORE_RE.search(text):
        return False
    if text[-1:] == " " or any(line[:1] == " " for line in raw_lines):
        return False
    if "&" in text and normalize.HTML_ENTITY_RE.search(text):
        return False
    ascii = text.isascii()
    if ascii:  # seven substring scans: a twentieth of the regex's time
        if any(space in text for space in _ASCII_OTHER_SPACES):
            return False
    elif _OTHER_SPACE_RE.search(text):
        return False
    if _JOIN_HINT_RE.search(classes) and normalize.has_list_joins(text):
        return False
    if ascii:
        return True
    return (
        not normalize.has_invisible(text)
        and unicodedata.is_normalized("NFC", text)
        and not normalize._MOJIBAKE_HINT_RE.search(text)
    )


def _is_plain(line: str) -> bool:
    """A body line no rule or soft-break test can act on by its shape alone."""
    if not _PLAIN_MIN <= len(line) <= _PLAIN_MAX or line[0].islower() or line[0] in ",.;:!?)]" or line[-1] in "([":
        return False
    # A pagination line ("Halaman 1 2 3 ... lihat semua") is dropped by drop_pagination; it
    # opens with "halaman", "hal." or "page" in any case (only H, h, P, p match h and p).
    # (Their second and third letters: "al" or "ag", in any case; no other character
    # matches these, the regex module's case-insensitive matching being simple folding.)
    if _may_open_pagination(line) and patterns.PAGINATION_LINE_RE.match(line):
        return False
    # A glued headline opening the line ("... Naik TajamWarga ...") is cut by drop_promo.
    # It opens with four words, each a capital's or a number's (neither starts with a
    # space or a-z) or a function word, and a space after each: a cheaper hint first.
    return not (_GLUED_HINT_RE.match(line) and patterns.GLUED_TITLE_RE.match(line))


def _may_open_pagination(line: str) -> bool:
    return line[0] in "HhPp" and line[1:3].lower() in ("al", "ag")


def _ends_sentence(line: str) -> bool:
    """``document._ends_sentence`` on a line without trailing spaces, without a regex."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", ":", ";")


def _no_wrapped_blocks(text: str) -> bool:
    """No block of lines looks hard-wrapped to stage 2 (only possible when most of a
    block's lines do not end a sentence)."""
    blocks = ([line for line in block.split("\n") if line] for block in text.split("\n\n"))
    return not any(document._is_wrapped_block(block) for block in blocks)


def _no_duplicates(lines: list[str], folded_bytes: bytes) -> bool:
    """drop_duplicate_paragraphs keeps everything: no two lines share its key (the casefolded
    line, as stage 1 left nothing for its flattening to change), none is a glued copy of its
    neighbours, and no quote-ending line is a teaser that a later line (within its
    look-ahead) starts with.

    Mostly settled by C-speed scans of the keys in UTF-8 (``folded_bytes``: the casefolded
    text; a byte string starts or ends another only where the text does): sorted, no key
    starts the next (then no key starts another: no two are equal, none is a teaser), and
    no key without its spaces starts with the next one's or ends with the previous one's
    (the first step of any glued copy)."""
    encoded = list(filter(None, folded_bytes.split(b"\n")))
    ordered = sorted(encoded)
    if not any(map(bytes.startswith, ordered[1:], ordered)):
        bare = list(filter(None, folded_bytes.translate(None, b" ").split(b"\n")))
        if not any(map(bytes.startswith, bare, bare[1:])) and not any(map(bytes.endswith, bare[1:], bare)):
            return True
    keys = list(map(str.casefold, lines))
    if len(set(keys)) != len(keys) or rules.glued_copies(keys):
        return False
    for number, key in enumerate(keys):
        if key[-1] not in ".!?" and len(key) <= 200 and not rules._ends_sentence(key):
            if any(later.startswith(key) for later in keys[number + 1 : number + 40]):
                return False
    return True


#: The patterns whose shape this module's hints were read off (a hash of each source, see
#: :func:`_stable_hash`): the header rule's anchors (:data:`_ANCHOR_HINT`), the glued
#: headline and the pagination line (:func:`_is_plain`). If one changes, a hint may be
#: wrong, so the fast path stays off (:func:`_needles`; a test fails too).
_READ_SOURCES = {
    "GLUED_TITLE_RE": 885718798,
    "PAGINATION_LINE_RE": 3235981169,
    "DATELINE_RE": 3594204057,
    "CITY_DATELINE_RE": 2531908959,
    "BYLINE_RE": 1095043874,
}
#: In ``re``, a superset of what DATELINE_RE and CITY_DATELINE_RE match at a line's start
#: (on the line, or on it and the next joined by a line break), read off their parts. A
#: city is one to four words (``_T``), each opening with a capital (``_U``: with no table
#: of capitals, A-Z or any non-ASCII character), none holding a space, a line break or a
#: comma. An outlet opens with three capitals (``CNN``, ``ANTARA``, ``KOMPAS``...) or with a
#: word holding a dot (a domain), then at most two more words. So a dateline is a city, a
#: comma and such an outlet; or an outlet, maybe a comma and a city, then spaces or line
#: breaks and a dash; or a word with ``.com,`` (after a city and a comma, maybe); and a
#: city dateline a city alone before a line break or a dash. Backtracking into the words,
#: the hint also finds a dash inside them (the rule's dateline "ANAK-" too). Words are
#: bounded as the patterns bound them (a city's at 31 characters, an outlet's at 54), or
#: more loosely: the backtracking stays linear in a line of one long word.
_U = r"[^\x00-\x40\x5b-\x7f]"
_T = rf"{_U}[^ \n,]{{0,40}}"
_DOT = r"[^ \n,]{1,60}\.[^ \n,]{0,60}"
_CITY_HINT = rf"{_T}(?: {_T}){{0,3}}"
_ANCHOR_HINT = (
    rf"{_CITY_HINT}, ?(?:{_U}{{3}}|{_DOT})"
    rf"|(?:{_U}{{3}}[^ \n,]{{0,60}}|{_DOT})(?: {_T}){{0,2}}(?:, ?{_CITY_HINT})?[ \n]{{0,3}}[-–—]"
    rf"|(?:{_CITY_HINT}, ?)?[^ \n,]{{1,60}}\.com,"
    rf"|{_CITY_HINT}(?: ?\n| [-–—])"
)
#: What BYLINE_RE can match at a line's start opens with one of these (case as written).
_BYLINE_OPENINGS = (
    "(", "Reporter", "Editor", "Penulis", "Pewarta", "Jurnalis", "Wartawan", "Kontributor", "Redaktur",
    "Penyunting", "Fotografer", "Sumber", "Laporan", "Peranan", "Melaporkan",
)


@functools.cache
def _anchor_hint() -> re.Pattern:
    """:data:`_ANCHOR_HINT` compiled (1.5 ms: not at import)."""
    return re.compile(_ANCHOR_HINT)


def all_patterns() -> dict[str, re.Pattern]:
    """The patterns compiled on first use (for tests/test_regex_linear.py)."""
    return {"_ANCHOR_HINT_RE": _anchor_hint()}


def _sources_known() -> bool:
    """The patterns of :data:`_READ_SOURCES` are the ones the hints were read off."""
    return all(_stable_hash(patterns._SOURCES[name]) == digest for name, digest in _READ_SOURCES.items())


def _stable_hash(source: str) -> int:
    import zlib  # (hashlib takes 8 ms to import)

    return zlib.crc32(source.encode("utf-8"))


def _no_header_anchor(head: list[str]) -> bool:
    """``rules._header_anchor(head)`` is None, proven with one ``re`` test per line it
    reads (it tries three regex-module patterns on each): none starts what
    :data:`_ANCHOR_HINT` allows, and none it reads for a byline but the first (a byline
    there is no anchor) opens with one of :data:`_BYLINE_OPENINGS`. Plain lines are what
    ``strip`` leaves."""
    hint = _anchor_hint()
    datelines, bylines = rules._header_window(head)
    if any(line.startswith(_BYLINE_OPENINGS) for line in head[1:bylines]):
        return False
    hint = hint.match
    if datelines == len(head) and hint(head[-1]):
        return False
    return not any(hint(line + "\n" + after) for line, after in zip(head[:datelines], head[1:]))


def _header_is_clean(lines: list[str]) -> bool:
    """drop_header_chrome keeps everything: its anchor, if any, is the first line, and
    without one its paragraph pass (which reads at most the first ``_HEADER_LINES``
    paragraphs and whether there is one more) drops nothing.

    Mostly there is no anchor and the first line is a sentence of eight words or more,
    where the paragraph pass stops at once: it does unless that line looks like a photo
    caption, which needs a credit, and no credit needle is in the text (called after
    :func:`_has_needle`)."""
    head = lines[: rules._HEADER_LINES + 1]
    if _no_header_anchor(head) and (len(head) == 1 or head[0].endswith(",") or rules._is_sentence(head[0], 8)):
        return True
    anchor = rules._header_anchor(head)
    if anchor is not None:
        return anchor == 0
    return rules._drop_header_paragraphs(head) == head


def _casing_leaves_alone(lines: list[str]) -> bool:
    """The casing detector itself finds none of ``lines`` title-cased (stage 4 leaves them)."""
    from . import casing  # loads the lexicon: only for lines the quick look leaves open

    return all(map(casing.leaves_alone, lines))


def _lowercase_starts(classes: bytes) -> int:
    """ASCII lowercase letters after a space or opening the line, in a line's classes."""
    return classes.count(b" a") + (classes[:1] == b"a")


def _quick_look_rejects(classes: bytes, lower: int | None = None) -> bool:
    """The casing quick look (``casing._quick_reject``) rejects the line of ``classes``.

    It rejects when lowercase word starts ``lower`` and capital ones ``upper`` give
    ``lower * 10 > lower + upper + 10`` (with ``lower > 0``). ASCII lowercase letters after a
    space (or opening the line) are a subset of the first; ASCII capitals plus every
    non-ASCII character (one UTF-8 lead byte each) a superset of the second; so
    ``lo * 9 > up + 10`` on these counts implies it. ``lower``: the line's
    :func:`_lowercase_starts`, if counted already.
    """
    if lower is None:
        lower = _lowercase_starts(classes)
    return lower * 9 > classes.count(b"A") + 10


def _clearly_not_title_cased(line: str) -> bool:
    """:func:`_quick_look_rejects` for one line of text."""
    return _quick_look_rejects(line.encode("utf-8", "surrogatepass").translate(_BYTE_CLASSES))


def _byte_classes() -> bytes:
    """A table for ``bytes.translate``: ``" "`` a space, ``a`` a-z, ``A`` A-Z or a UTF-8
    lead byte (one per non-ASCII character), ``c`` a continuation byte, ``.`` a sentence
    end (``.!?``), ``,`` a comma, ``"`` an ASCII quote, ``\\n`` a line break, ``x`` the rest."""
    table = bytearray(b"x" * 256)
    for byte in range(ord("a"), ord("z") + 1):
        table[byte] = ord("a")
    for byte in list(range(ord("A"), ord("Z") + 1)) + list(range(0xC0, 0x100)):
        table[byte] = ord("A")
    for byte in range(0x80, 0xC0):
        table[byte] = ord("c")
    for char, cls in ((" ", " "), ("\n", "\n"), (".", "."), ("!", "."), ("?", "."), (",", ","), ('"', '"'), ("'", '"')):
        table[ord(char)] = ord(cls)
    return bytes(table)


_BYTE_CLASSES = _byte_classes()
