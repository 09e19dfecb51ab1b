"""Stage 3: junk rules, as small pure functions registered in run order in ``RULES``.

A *paragraph rule* takes one paragraph and returns it changed, unchanged, or ``None`` to
drop it. A *document rule* sees every paragraph at once (for rules that need position or
neighbours: header chrome, footers, duplicates) and returns a list of the same length.
Each rule has a :class:`~textfix.config.Config` field of the same name that turns it off.
Paragraph text may hold ``\\n`` where a line was soft-wrapped; rules treat it as a space,
and most rules work on the *lines* of the document (a scraper's line is the unit its junk
fills), so a junk line that was soft-joined to a body line still goes on its own.

Design, from the junk catalogued in ``../shared/samples/PATTERNS.md`` (62 real scraped
articles from 18 sites): junk is recognised by its *kind* -- a label phrase from a data file
(``textfix/data/*.txt``, user-extensible), a shape (a credit ``Outlet/Name``, a date line,
a Title-Case headline with no final period) and a position (before the dateline, after the
editor's initials) -- never by a site's exact text. Where a rule is unsure it keeps the
text: a junk line left in costs an editor a second, a body sentence lost costs the article.

The hard case is a "Baca juga" promo inside whitespace-flattened text, where nothing marks
the end of the linked headline. :func:`_headline_end` takes the run of Title-Case tokens
after the label and hands its last capitalised words back to the body when they start the
next sentence: a word that the corpus counts (``casing-counts.tsv``) show is mostly written
in lower case can only be capitalised as a sentence start (``... Cari Kedamaian Pengumuman
tersebut``), a repeated n-gram marks the restart (``Dendam Malam Kelam Dendam Malam Kelam
mengusung``), and a name repeated from the headline starts the body (``Britney Spears
Britney Jean Spears lahir``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Callable, Collection, Iterable

import regex

from . import lexicon, needles, patterns
from .config import Config


@dataclass(frozen=True)
class Rule:
    name: str
    func: Callable
    scope: str  # "paragraph" or "document"
    structural: bool = False  # a document rule told the Markdown structure (a Structure)


@dataclass(frozen=True)
class Structure:
    """What Markdown says of a document's paragraphs (indexes into the list a document
    rule is given); plain text has none of it."""

    nested: frozenset[int] = frozenset()  # in a list item or a block quote
    headed: frozenset[int] = frozenset()  # right under a heading: its section's own text


PLAIN = Structure()


#: Every rule in the order it runs.
RULES: dict[str, Rule] = {}


def paragraph_rule(func: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """Register ``func`` as a paragraph rule, after those already registered."""
    RULES[func.__name__] = Rule(func.__name__, func, "paragraph")
    return func


def document_rule(func: Callable[[list[str], Config], list[str | None]]):
    """Register ``func`` as a document rule, after those already registered. One with a
    ``structure`` parameter is given the Markdown :class:`Structure` of the paragraphs
    (see :func:`.pipeline.run_stages`)."""
    code = func.__code__
    RULES[func.__name__] = Rule(func.__name__, func, "document", "structure" in code.co_varnames[: code.co_argcount])
    return func


# --- Data ----------------------------------------------------------------------------------


@functools.cache
def _phrases(name: str, whole_line: bool = False, anchored: bool = True) -> re.Pattern:
    return patterns.phrase_re(lexicon.data_lines(name), whole_line=whole_line, anchored=anchored)


@functools.cache
def _read_also_line_re() -> re.Pattern:
    """A read-also label opening a line, then ``:``, an ellipsis ("BACA ARTIKEL LAINNYA...
    Judul") or the line's end (see phrase_re on :mod:`re`)."""
    labels = "|".join(map(patterns.phrase_source, lexicon.data_lines("read_also_labels.txt")))
    return re.compile(rf"(?i)^(?:{labels})\b[ ]{{0,3}}(?::[ ]{{0,3}}|$)|^(?:{labels})[ ]{{0,3}}(?::|\.{{3}}|…)[ ]{{0,3}}")


def _read_also_labels_source() -> str:
    """The read-also labels as alternatives for :mod:`regex`, each space a run of up to three."""
    return "|".join(regex.escape(p).replace(r"\ ", "[ ]{1,3}+") for p in lexicon.data_lines("read_also_labels.txt"))


@functools.cache
def _read_also_inline_re() -> regex.Pattern:
    # Inline, a label needs a sentence end before it.
    return regex.compile(rf"(?<=[.!?\"”')][ ]{{1,3}}|^){_inline_label_source()}")


def _inline_label_source() -> str:
    """A read-also label inside a paragraph: a capital, the label, a colon after it."""
    return rf"(?=\p{{Lu}})(?i:{_read_also_labels_source()})[ ]{{0,3}}+:[ ]{{0,3}}+"


@functools.cache
def _read_also_next_re() -> regex.Pattern:
    """A label that follows a headline just cut, glued or after a space: no sentence end
    is needed before it (see :func:`_drop_inline_read_also`)."""
    return regex.compile(rf"[ ]{{0,3}}+{_inline_label_source()}")


@functools.cache
def _bracketed_read_also_re() -> regex.Pattern:
    """A read-also label and its headline in brackets, "(Baca juga: Stok Daging Aman)": the
    brackets say exactly where the headline ends, on its own line or inside a paragraph."""
    labels = _read_also_labels_source()
    return regex.compile(rf"\((?i:{labels})[ ]{{0,3}}+:[^()\n]{{1,200}}+\)")


def _opens_bracketed_label(line: str) -> bool:
    """Whether a bracket in ``line`` opens with a read-also label's first word: looked up
    before :func:`_bracketed_read_also_re` is compiled (8 ms of a CLI run on one file)."""
    start = line.find("(")
    while start != -1:
        if line[start + 1 : start + 16].split(" ", 1)[0].lower() in _read_also_first_words():
            return True
        start = line.find("(", start + 1)
    return False


@functools.cache
def _read_also_first_words() -> frozenset[str]:
    return frozenset(label.split()[0] for label in lexicon.data_lines("read_also_labels.txt"))


@functools.cache
def _function_words() -> frozenset[str]:
    return frozenset(lexicon.data_lines("headline_function_words.txt"))


@functools.lru_cache(maxsize=16384)
def _is_common_word(word: str) -> bool:
    """A word written in lower case mid-sentence (so capitalised, it starts a sentence)."""
    key = word.lower()
    counts = getattr(lexicon, "casing_counts", None)
    if counts is not None:
        lower, capital = counts().get(key, (0, 0))
        if lower + capital >= 3:
            return lower > capital
    roots = getattr(lexicon, "sastrawi_roots", None)
    if roots is None:
        return False
    if key in roots():
        return True
    stem = getattr(lexicon, "stem", None)
    return bool(stem) and len(key) > 5 and stem(key) != key and stem(key) in roots()


def _is_known_word(word: str) -> bool:
    counts = getattr(lexicon, "casing_counts", None)
    return counts is not None and word.lower() in counts()


# --- Gates ----------------------------------------------------------------------------------

#: Credit needles (casefolded): PAREN/BRACKET/FOTO_LABEL/AGENCY/NAMED/DOMAIN_CREDIT_RE,
#: CREDIT_LINE_RE and CAPTION_SOURCE_RE each need one of these.
CREDIT_NEEDLES = (
    "(foto", "(photo", "(dok", "(sumber", "(image by", "(credit", "(antara foto", "(getty images", "(shutterstock", "(istock",
    "(afp", "(reuters", "(ap", "sumber:", "sumber :", "foto:", "foto :", "photo:", "photo :",
    "antara foto", "foto/", "foto /", "photo/", "photo /", "network/", "network /", "images/",
    "images /", ".com/", ".com /", ".con/", ".com.id/", ".con.id/", "[", "times/", "times /", "news/",
    "news /", "portal/", "portal /", "tv/", "tv /", "pos/", "pos /", "post/", "post /", ".co.id/", ".co.id /",
)
#: NAMED_CREDIT_RE's names (a capital follows them; casefolded, they are only needles).
CREDIT_NAMES = ("getty images", "shutterstock", "istockphoto", "reuters", "afp", "ap photo", "dok.")
#: MORE_NEWS_RE's openings.
MORE_NEWS_NEEDLES = ("baca berita", "update berita", "dapatkan berita", "simak berita")

#: Rules that can act only where one of their needles occurs in the (casefolded) document:
#: literal needles and phrase files. ``run_stages`` skips them on a document without one.
_GATES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "drop_read_also": ((), ("read_also_labels.txt",)),
    "drop_photo_caption": (CREDIT_NEEDLES + CREDIT_NAMES, ()),
    "strip_photo_credit": (CREDIT_NEEDLES + CREDIT_NAMES, ()),
    "drop_social_promo": (tuple(n + needles.END for n in MORE_NEWS_NEEDLES), ("social_promos.txt",)),
    "drop_syndication_note": ((), ("syndication_notes.txt",)),
    # PAGINATION_LINE_RE and NEXT_PAGE_RE ("halaman2" has no word boundary: no END).
    "drop_pagination": (("halaman", "hal.", "page"), ()),
    "strip_trailing_marker": (("***",), ()),
}


@functools.cache
def _gate_patterns() -> tuple[re.Pattern, dict[str, Callable[[str, int], bool]]]:
    per_rule = {}
    for name, (literals, files) in _GATES.items():
        found = set(literals)
        for file in files:
            found |= needles.phrase_needles(lexicon.data_lines(file))
        per_rule[name] = found
    every = set().union(*per_rule.values())
    return needles.scan_pattern(every), {name: needles.starts_at(n) for name, n in per_rule.items()}


#: Below this many characters the rules cost less than compiling the gates (a CLI run on
#: one short file pays that at start-up), so short documents run every rule.
GATE_MIN = 2_000


def gated_out(paragraphs: list[str]) -> frozenset[str]:
    """The gated rules that have nothing to do in ``paragraphs`` (none of their needles)."""
    if sum(map(len, paragraphs)) < GATE_MIN:
        return frozenset()
    return without_needles("\n".join(paragraphs))


def without_needles(text: str) -> frozenset[str]:
    """The gated rules none of whose needles is in ``text``.

    >>> sorted(without_needles("Harga beras naik lagi. Baca juga: Judul Lain"))[:3]
    ['drop_pagination', 'drop_photo_caption', 'drop_social_promo']
    """
    scan, per_rule = _gate_patterns()
    folded = text.casefold()
    waiting = dict(per_rule)
    found = scan.search(folded)
    while found and waiting:
        at = found.start()
        for name in [name for name, starts_here in waiting.items() if starts_here(folded, at)]:
            del waiting[name]
        found = scan.search(folded, at + 1)
    return frozenset(waiting)


# --- Helpers --------------------------------------------------------------------------------


def _map_lines(paragraphs: list[str], func: Callable[[list[str]], list[str | None]]) -> list[str | None]:
    """Apply a line-level pass to the document and regroup the lines into paragraphs."""
    owners: list[int] = []
    lines: list[str] = []
    for number, text in enumerate(paragraphs):
        for line in text.split("\n"):
            owners.append(number)
            lines.append(line)
    new = func(lines)
    grouped: list[list[str]] = [[] for _ in paragraphs]
    for owner, old, line in zip(owners, lines, new):
        if line is not None and line != old and not any(ch.isalnum() for ch in line):
            line = None  # only punctuation left where junk was cut out
        if line is not None and line.strip():
            grouped[owner].append(line)
    out: list[str | None] = []
    for original, kept in zip(paragraphs, grouped):
        text = "\n".join(kept) if kept else None
        out.append(original if text is not None and text == original else text)
    return out


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, the two sides joined by one space."""
    left, right = text[:start].rstrip(" "), text[end:].lstrip(" ")
    if not left or not right or left.endswith("\n") or right.startswith("\n"):
        return (left + right).strip(" ")
    return left + " " + right


def _cut_spans(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` without the (sorted) spans, each gap joined like :func:`_cut`, in one pass."""
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        if start < pos:
            start = pos
        if end <= start:
            continue
        pieces.append(text[pos:start])
        pos = end
    if not pieces:
        return text
    pieces.append(text[pos:])
    out: list[str] = []
    for index, piece in enumerate(pieces):
        if index > 0:
            piece = piece.lstrip(" ")
        if index < len(pieces) - 1:
            piece = piece.rstrip(" ")
        if not piece:
            continue
        if out and not out[-1].endswith("\n") and not piece.startswith("\n"):
            out.append(" ")
        out.append(piece)
    return "".join(out).strip(" ")


def _cut_all(text: str, pattern: regex.Pattern) -> str:
    return _cut_spans(text, (m.span() for m in pattern.finditer(text)))


def _flat(text: str) -> str:
    return " ".join(text.split())


def _core(token: str) -> str:
    return token.strip("\"'“”‘’()[],.:;!?…")


def _words(text: str) -> list[str]:
    return [w for w in (_core(t) for t in text.split()) if w]


def _is_capitalised(word: str) -> bool:
    return bool(word) and (word[0].isupper() or word[0].isdigit())


#: ``patterns.SENTENCE_END_RE`` in parts: a stop, then at most three closers, at the end.
_SENTENCE_STOPS = (".", "!", "?")
_SENTENCE_CLOSERS = "\"'”’)]"


def _ends_sentence(line: str) -> bool:
    """``SENTENCE_END_RE.search(line.rstrip())`` with two ``rstrip`` calls: the regex
    module's search tries every position of a long line (6 µs a paragraph). A stop is no
    closer, so the only stop that can end a match is the one before the trailing closers."""
    text = line.rstrip()
    bare = text.rstrip(_SENTENCE_CLOSERS)
    return len(text) - len(bare) <= 3 and bare[-1:] in _SENTENCE_STOPS


def _is_headline(line: str, max_len: int = 160) -> bool:
    """A headline: short, no final period, most content words capitalised, and no full
    stop inside (title-cased prose ending in a promo, "Harga Beras Naik Sejak Awal Pekan.
    (Baca Juga: ...)", was taken for a title above the lead, and went)."""
    line = line.strip()
    if not line or len(line) > max_len or line.endswith((".", ",", ";")) and not line.endswith("..."):
        return False
    if ". " in line and any(
        line[m.start()] == "." and line[m.start() - 1] != "." for m in patterns.SENTENCE_STOP_RE.finditer(line, 1)
    ):
        return False  # a full stop, not an abbreviation's nor an ellipsis's
    words = _words(line)
    if not words or len(words) > 28 or not _is_capitalised(words[0]):
        return False
    content = [w for w in words if w.lower() not in _function_words() and w[0].isalpha()]
    if not content:
        return False
    capitalised = sum(_is_capitalised(w) for w in content)
    if line.endswith(("?", "!")):
        # A question or exclamation is a headline only when fully title-cased: "Apa kata
        # Presiden Joko Widodo?" is a sentence, "Jokowi Panggil Relawan, Ada Apa?" a title.
        # A short one is kept (when unsure, keep): "Warga Bandung di dalam?" reads either way.
        return capitalised == len(content) >= 4
    return capitalised / len(content) >= 0.6


def _is_sentence(line: str, min_words: int = 6) -> bool:
    # Split no further than ``min_words`` words: the rest stays one piece if there is any.
    return _ends_sentence(line) and len(line.split(None, max(min_words - 1, 0))) >= min_words


def _is_meta_line(line: str) -> bool:
    line = line.strip()
    return bool(
        patterns.BYLINE_RE.match(line)
        or patterns.NAME_CREDIT_LINE_RE.match(line)
        or patterns.EDITOR_INITIALS_RE.fullmatch(line)
        or patterns.AGENCY_INITIALS_RE.search(" " + line if not line.startswith((".",)) else line)
        and len(line) < 40
    )


def _is_dateline(line: str) -> bool:
    return bool(patterns.DATELINE_RE.match(line))


# --- Ads, widgets, scraper residue ----------------------------------------------------------


@document_rule
def drop_ads(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop ad slots, "SCROLL TO CONTINUE" and widget lines (also inline in flattened text).

    >>> drop_ads(["Satu. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Dua.", "Advertisement"], Config())
    ['Satu. Dua.', None]
    """
    widget = _phrases("widget_lines.txt", whole_line=True)

    def lines(items: list[str]) -> list[str | None]:
        out: list[str | None] = []
        for line in items:
            stripped = line.strip()
            if stripped == "." and out and out[-1] and out[-1].rstrip()[-1:].isalnum():
                # A sentence's full stop the scraper put on a line of its own (after a
                # link or italics): it goes back to the sentence, not away with it.
                out[-1] = out[-1].rstrip() + "."
                out.append(None)
                continue
            if (
                widget.match(stripped)
                or patterns.PUNCT_ONLY_RE.match(stripped)
                or patterns.TWEET_RESIDUE_RE.match(stripped)
                or len(stripped) < 40 and patterns.READ_TIME_RE.match(stripped)
            ):
                out.append(None)
                continue
            new = line
            if "ADVERTISEMENT" in new:
                new = _cut_all(new, patterns.ADVERTISEMENT_RE)
            if "SCROLL TO" in new:
                new = _cut_all(new, patterns.SCROLL_RE)
            out.append(new if new.strip() else None)
        return out

    return _map_lines(paragraphs, lines)


# --- Header chrome ----------------------------------------------------------------------------

_HEADER_LINES = 16
_HEADER_CHARS = 2500


@document_rule
def drop_header_chrome(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop page chrome before the lead: title, menu, date line, summary (bylines stay).

    The anchor is the dateline (or, without one, a byline) within the first lines: every
    line above it that is not a byline is chrome. Without an anchor only lines that look
    like chrome (a title, a date line, a menu word) go, up to the first full sentence.

    >>> drop_header_chrome(["Menu", "Harga Cabai Naik Lagi", "JAKARTA, KOMPAS.com - Harga naik."], Config())
    [None, None, 'JAKARTA, KOMPAS.com - Harga naik.']
    """
    lines = [line for text in paragraphs for line in text.split("\n")]
    if _header_anchor(lines) is not None:
        return _map_lines(paragraphs, _drop_before_anchor)
    return _drop_header_paragraphs(paragraphs)


#: Header chrome holds at most a summary or two in full sentences; a dateline below more
#: is inside the body (two articles in one file), and the sentences above it stay.
_HEADER_SENTENCES = 3
#: A byline is weaker evidence than a dateline: it anchors the header only above the
#: second full sentence (a summary may stand above it; "Editor: ..." after two paragraphs
#: of a short article is not the end of its header).
_BYLINE_SENTENCES = 2


def _header_anchor(lines: list[str]) -> int | None:
    """The dateline's line within the first lines, else a byline's below short header lines.

    Neither is sought at or below the line that makes :data:`_HEADER_SENTENCES` full
    sentences: such a dateline is inside the body (two articles in one file), and a second
    run, which sees fewer lines above it once the first removed junk there, would drop
    body that the first run kept.
    """
    datelines, end = _header_window(lines)
    for number in range(datelines):
        text = lines[number].strip()
        joined = text + "\n" + lines[number + 1].strip() if number + 1 < len(lines) else text
        if _is_dateline(text) or _is_dateline(joined) or patterns.CITY_DATELINE_RE.match(joined):
            return number
    for number, line in enumerate(lines[:end]):
        if patterns.BYLINE_RE.match(line.strip()):
            # The first byline only: with the lines above it gone (a second run), a byline
            # further down would anchor on the first and take the body between.
            if not _only_summaries_above(lines[:number]):
                return None
            return number or None
        if len(line.strip()) > 200:
            break
    return None


#: An outlet line is shorter than this: the fast path's plain lines (40 characters and
#: more) then never hold one. (It is metadata the header rule keeps, as it keeps bylines,
#: not an anchor that the lines above would go with: "Korea Selatan, TOUS" in a run of
#: corpus fragments took them.)
_OUTLET_LINE_MAX = 40


def _is_outlet_line(text: str) -> bool:
    """A dateline alone on its line with no dash: "Jakarta, NU Online" above the lead."""
    return len(text) < _OUTLET_LINE_MAX and bool(patterns.OUTLET_LINE_RE.match(text))


def _holds_sentence(text: str) -> bool:
    """A sentence of four words or more ends the line or stands inside it (a story
    sentence that a promo follows: "Harga beras naik sejak awal pekan. (Baca juga: ...)")."""
    if _is_sentence(text, 4):
        return True
    stop = patterns.SENTENCE_STOP_RE.search(text) if "." in text or "!" in text or "?" in text else None
    return stop is not None and len(text[: stop.start()].split(None, 3)) >= 4


def _only_summaries_above(lines: list[str]) -> bool:
    """Whether every full sentence above a byline is a summary: one that restates a title
    line above it (its first three words open that line, as sites print a title and its
    summary). Another sentence there is the article's lead ("Editor:" after one paragraph
    of a short article), and a byline below it anchors no header. A sentence here is any
    of four words or more: "Harga beras naik sejak awal pekan." above "Penulis: ..." was
    too short to count (eight words were needed) and went as chrome; and what it restates
    must be a title, not a sentence of the story that ends in a promo; a line holding a
    sentence with a promo after it is a sentence here (:func:`_holds_sentence`)."""
    seen: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if _holds_sentence(text):
            opening = " ".join(text.casefold().split()[:3])
            if not any(earlier.startswith(opening) for earlier in seen):
                return False
        elif _is_headline(text):
            seen.append(text.casefold())
    return True


def _header_window(lines: list[str]) -> tuple[int, int]:
    """How many of the first lines :func:`_header_anchor` reads for a dateline (through
    the one that makes :data:`_HEADER_SENTENCES` full sentences, or passes the size
    limits), and how many for a byline (those above the second full sentence, at most
    eight). Apart, so that the fast path can read the same lines in its own way."""
    seen = sentences = 0
    end = 8  # where a byline may be
    count = 0
    for number, line in enumerate(lines[:_HEADER_LINES]):
        count = number + 1
        text = line.strip()
        sentences += _is_sentence(text, 8)
        if sentences >= _BYLINE_SENTENCES:
            end = min(end, number)
        if sentences >= _HEADER_SENTENCES:
            break
        seen += len(text)
        if seen > _HEADER_CHARS or len(text) > 450:
            break
    return count, end


def _drop_before_anchor(lines: list[str]) -> list[str | None]:
    out: list[str | None] = list(lines)
    anchor = _header_anchor(lines) or 0
    for number in range(anchor):
        text = lines[number].strip()
        if patterns.BYLINE_RE.match(text) or patterns.AUTHOR_OUTLET_RE.match(text):
            continue
        if number == anchor - 1 and patterns.SHORT_NAME_RE.match(text):
            continue  # the author's name right above the dateline (what "Azhar 11 Jun 2022" leaves)
        author = patterns.AUTHOR_DATE_LINE_RE.match(text)
        out[number] = author.group(1) if author else None
    return out


_NUMBERED_ITEM_RE = regex.compile(r"\d{1,3}[.)][ ]")
#: Words no title ends with: a line ending in one was cut off in mid-sentence ("Presiden
#: Meresmikan Jalan Tol Baru Di" above "Jawa Tengah Pada Senin."), or lost the link text
#: after it ("... sinetron perdananya, yakni"), and the story goes on.
_CONTINUING_WORDS = frozenset(
    "dan atau serta yang di ke dari untuk dengan pada oleh bagi demi hingga sejak tapi agar dalam bahwa karena saat "
    "yakni yaitu seperti adalah ialah sebagai bertajuk berjudul".split()
)


def _cut_off(text: str) -> bool:
    """Whether ``text`` ends with a word that needs more after it (:data:`_CONTINUING_WORDS`)."""
    last = text.rsplit(None, 1)[-1:]
    return bool(last) and last[0].lower() in _CONTINUING_WORDS


def _drop_header_paragraphs(paragraphs: list[str]) -> list[str | None]:
    """No anchor: drop chrome-shaped paragraphs (title, date line) up to the first sentence.

    Whole paragraphs are judged on their flattened text, so a second run over the reflowed
    output decides exactly as the first did.
    """
    out: list[str | None] = list(paragraphs)
    for number, paragraph in enumerate(paragraphs[:_HEADER_LINES]):
        text = _flat(paragraph)
        if number + 1 >= len(paragraphs) or text.rstrip(_SENTENCE_CLOSERS + " ").endswith(","):
            break  # a comma, quoted or not, ends no title: speech ('"Kami siap,"') goes on
        # A full sentence of prose ends the header; a short one too unless it reads as a
        # headline (a title-like line below it is then a subheading).
        if _is_sentence(text, 4) and (_is_sentence(text, 8) or not _is_headline(text)) and not _looks_like_caption(text):
            break
        if _NUMBERED_ITEM_RE.match(text):
            break  # "1. Desa Sukamaju, Kabupaten Bandung": a numbered list is content, not chrome
        if _cut_off(text):
            break  # a sentence cut off by a line break: the story has begun
        if patterns.BYLINE_RE.match(text) or patterns.AUTHOR_OUTLET_RE.match(text) or _is_outlet_line(text):
            continue
        author = patterns.AUTHOR_DATE_LINE_RE.match(text)
        if author:
            out[number] = author.group(1)
        elif patterns.DATE_LINE_RE.match(text) or (_is_headline(text) and not _read_also_line_re().match(text)):
            out[number] = None
        elif len(text) > 200:
            break
    return out


def _looks_like_caption(line: str) -> bool:
    return bool(_find_credit(line))


# --- Promos -----------------------------------------------------------------------------------


@document_rule
def drop_promo(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop video promos through their ``[Gambas:...]`` placeholder, and glued related titles.

    >>> drop_promo(["Akhir berita. Simak juga Video 'Judul Video': [Gambas:Video 20detik]"], Config())
    ['Akhir berita.']
    >>> drop_promo(["Simak Video 'Banjir di Kota':", "[Gambas:Video 20detik]", "Berita lain."], Config())
    [None, None, 'Berita lain.']
    """
    return _map_lines(paragraphs, _drop_promo_lines)


def _drop_promo_lines(lines: list[str]) -> list[str | None]:
    out: list[str | None] = list(lines)
    number = 0
    while number < len(lines):
        line = out[number] or ""
        text = line.strip()
        if "[Gambas:" in line and patterns.VIDEO_PROMO_INLINE_RE.search(line):
            line = _cut_all(line, patterns.VIDEO_PROMO_INLINE_RE)
        if "[Gambas:" in line:
            line = _cut_all(line, patterns.GAMBAS_RE)
        out[number] = line if line.strip() else None
        text = line.strip()
        video = bool(text) and patterns.VIDEO_LABEL_RE.match(text)
        if video or text and patterns.SHOW_PROMO_RE.match(text):
            # Own-line video promo: the label, its (split) title, through the placeholder.
            # A line that ends a sentence is no piece of a title: a label line that does
            # goes on with the story, and one between label and placeholder is the story.
            # A show's promo ("Saksikan juga Blak-blakan, ...!") names no video: it goes
            # only with a placeholder after it.
            end = None
            story = _ends_sentence(text) and not text.endswith(("?", "!"))
            for ahead in range(number + 1, min(number + 7, len(lines))) if not story else ():
                if "[Gambas:" in lines[ahead]:
                    end = ahead
                    break
                if _is_sentence(lines[ahead].strip(), 4):
                    break
            if end is not None:
                for drop in range(number, end + 1):
                    out[drop] = None
                # The placeholder's line may go on with the story: "[Gambas:Video CNN] Harga ...".
                rest = _cut_all(lines[end], patterns.GAMBAS_RE)
                if _is_sentence(rest.strip(), 4):
                    out[end] = rest
                number = end + 1
                continue
            if not story and video:
                out[number] = None
        elif text:
            glued = patterns.GLUED_TITLE_RE.match(text)
            if glued and _is_headline(glued.group(1)):
                out[number] = line[line.index(text) + glued.end() :]
        number += 1
    return out


# --- "Baca juga" --------------------------------------------------------------------------------


@document_rule
def drop_read_also(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop "Baca juga" promos: label and linked headline(s), on their own lines or inline.

    >>> drop_read_also(["Baca Juga: Presiden Jokowi Apresiasi Muktamar", "Minat baca masyarakat naik."], Config())
    [None, 'Minat baca masyarakat naik.']
    >>> drop_read_also(["Harga naik. Baca juga:Warga Serbu Pasar Murah di Kota Pemerintah tersebut menjamin stok."], Config())
    ['Harga naik. Pemerintah tersebut menjamin stok.']
    """
    return _map_lines(paragraphs, _drop_read_also_lines)


#: A list bullet opening a line: the headlines under a bare label may come as a list.
_BULLET_RE = re.compile(r"^[ ]{0,8}[-*•–][ ]{1,3}")


def _drop_read_also_lines(lines: list[str]) -> list[str | None]:
    out: list[str | None] = list(lines)
    label_re = _read_also_line_re()
    number = 0
    while number < len(lines):
        line = lines[number]
        if "(" in line and _opens_bracketed_label(line):
            line = _cut_spans(line, (m.span() for m in _bracketed_read_also_re().finditer(line)))
            if not line.strip():
                out[number] = None
                number += 1
                continue
        text = line.strip()
        label = label_re.match(text)
        if label:
            rest = text[label.end() :].strip()
            if not rest:
                # A label alone: the headline(s) follow on the next lines (1b) unless the
                # next line is prose (1c: the scraper lost the headline).
                out[number] = None
                ahead = number + 1
                while ahead < len(lines) and _is_headline(_BULLET_RE.sub("", lines[ahead], 1)) and ahead - number <= 3:
                    out[ahead] = None
                    ahead += 1
                number = ahead
                continue
            # Without prose, a rest that ends a sentence may be a headline glued to a
            # title-cased sentence ("Baca Juga:Harga Cabai Melonjak Harga Beras Naik ...
            # Pekan."): the inline rules below cut no more than they can tell.
            if _is_headline(rest, 200) or (len(rest) <= 200 and not _has_prose(rest) and not _ends_sentence(rest)) or _is_one_clause(rest):
                out[number] = None
                number += 1
                continue
            # A label at the start of a long line: inline rules below.
        out[number] = _drop_inline_read_also(line) if "aca" in line or "ACA" in line else line
        if out[number] is not None and not out[number].strip():
            out[number] = None
        number += 1
    return out


def _is_one_clause(text: str) -> bool:
    """One clause with no sentence end: a headline in sentence case, as the national news
    agency writes them ("Baca juga: Kemenkes siapkan vaksin DBD untuk anak sekolah"). Prose
    a scraper glued to a bare label ends with a full stop and stays (pattern 1c)."""
    text = text.rstrip()
    return len(text) <= 160 and not text.endswith((".", ",", ";", ":")) and not patterns.PROSE_RE.search(text)


def _at_end(text: str, pos: int) -> bool:
    """Only spaces from ``pos`` to the end of ``text`` (without copying a long text)."""
    return pos >= len(text) or (len(text) - pos <= 64 and not text[pos:].strip())


def _has_prose(text: str) -> bool:
    """Sentence punctuation followed by more text, or a run of lowercase content words."""
    return bool(patterns.PROSE_RE.search(text)) or _runs_in_lowercase(text)


def _runs_in_lowercase(text: str) -> bool:
    """Three lowercase words or more that are not function words: prose, where names,
    titles and outlets are capitalised."""
    functions = _function_words()
    return sum(1 for w in _words(text) if w[0].islower() and w.lower() not in functions) >= 3


def _drop_inline_read_also(line: str) -> str:
    """Cut each inline label with its headline. A label right where a headline ends
    (``…Kepala Daerah Simak juga: …`` or glued, ``…DaerahSimak juga:``) opens the next
    promo of a run, though no sentence end comes before it: cut in the same pass, or a
    run of many took a pass each and cleaning twice differed from cleaning once."""
    label_re, next_label_re = _read_also_inline_re(), _read_also_next_re()
    spans: list[tuple[int, int]] = []
    pos = 0
    match = label_re.search(line)
    while match:
        end = _headline_end(line, match.end())
        if end is None:
            # Unsure where the headline ends: remove the label only.
            spans.append(match.span())
            pos = max(match.end(), pos + 1)
            match = label_re.search(line, pos)
            continue
        if _at_end(line, end):
            spans.append((match.start(), len(line)))
            break
        spans.append((match.start(), end))
        pos = max(end, pos + 1)
        match = next_label_re.match(line, end) or label_re.search(line, pos)
    return _cut_spans(line, spans)




def _headline_end(text: str, start: int, depth: int = 0) -> int | None:
    """Where the headline that starts at ``text[start]`` ends (an index), or ``None``."""
    limit = text.find("\n", start, start + 261)
    limit = min(len(text), start + 261) if limit < 0 else limit
    window_end = min(limit, start + 260)
    segment = text[start:window_end]
    tokens = [(m.start() + start, m.group()) for m in patterns.TOKEN_RE.finditer(segment)]
    if not tokens:
        return start
    functions = _function_words()
    run: list[tuple[int, str]] = []
    stop_reason = None
    for position, token in tokens:
        word = _core(token)
        if "/" in token or "://" in token:
            stop_reason = ("credit", position)
            break
        glue = patterns.GLUE_RE.search(token, 1) if word and word[0].isupper() or token[:1].isdigit() else None
        if glue and _is_glue(token, glue.start()):
            # Glued join: the headline ends inside this token.
            run.append((position, token[: glue.start()]))
            stop_reason = ("glue", position + glue.start())
            break
        if token.endswith(("...", "…")) and len(run) >= 1:
            run.append((position, token))
            stop_reason = ("ellipsis", position + len(token))
            break
        if not word:
            run.append((position, token))
            continue
        if word[0].isupper() or word[0].isdigit() or word.lower() in functions or token in "-–—":
            if token.endswith(".") and not token.endswith("...") and len(word) > 2:
                stop_reason = ("period", position)
                break
            run.append((position, token))
            continue
        stop_reason = ("lower", position)
        break
    if stop_reason is None:
        if _at_end(text, window_end) or window_end == limit:
            return window_end  # the headline runs to the end of the line or text
        return None
    kind, where = stop_reason
    if kind == "period":
        # A sentence end before any lowercase word: Title-Cased text, no telling where the
        # headline ends -- unless an n-gram repeats across the boundary.
        words = [_core(t) for _, t in run]
        start = _repeated_ngram(words)
        return run[start][0] if start else None
    if kind in ("glue", "ellipsis"):
        if kind == "glue":
            # Several headlines glued in a row: keep removing while the next is one too.
            nxt = _headline_end(text, where, depth + 1) if depth < 4 else None
            if nxt is not None and nxt > where and _glued_headline_follows(text, where, nxt):
                return nxt
        return where
    if kind == "credit":
        return where
    # The run stopped at a lowercase content word (or a sentence end): hand the last
    # capitalised words, the subject of the next sentence, back to the body.
    words = [_core(t) for _, t in run]
    if len(run) < 2:
        return None
    body_start = _body_start(words)
    if body_start is None or body_start < 1:
        return None
    return run[body_start][0]


def _is_glue(token: str, at: int) -> bool:
    """A lower->Upper join inside ``token`` that is glue, not camelCase (``WhatsApp``)."""
    left, right = token[:at], token[at:]
    left_word = left.lstrip("\"'“‘([")
    if left_word[-1:].isdigit():
        return len(_core(right)) >= 3  # "2018Momentum": a number never runs into a word
    # camelCase names (``WhatsApp``, ``YouTube``, ``EasyJet``) are known words or have a
    # short head or tail; glue joins two whole words.
    if len(left_word) < 4 or len(_core(right)) < 4 or left_word[1:].isupper():
        return False
    return not _is_known_word(left_word + _core(right))


def _glued_headline_follows(text: str, start: int, end: int) -> bool:
    words = _words(text[start:end])
    return len(words) >= 3 and all(_is_capitalised(w) or w.lower() in _function_words() for w in words)


def _repeated_ngram(words: list[str]) -> int | None:
    """Where a 2-4 word n-gram repeats right after itself: "Dendam Malam Kelam Dendam Malam Kelam"."""
    for size in range(4, 1, -1):
        for start in range(size, len(words) - size + 1):
            if words[start : start + size] == words[start - size : start] and all(w[:1].isupper() for w in words[start : start + size]):
                return start
    return None


def _body_start(words: list[str]) -> int | None:
    """Index in a Title-Case run where the next sentence starts."""
    n = len(words)
    # The run ends with words the headline already used: "Film Senja Merah ... Senja Merah mengisahkan".
    for size in range(4, 1, -1):
        tail = words[n - size :]
        if n > 2 * size and all(w[:1].isupper() for w in tail):
            if any(words[i : i + size] == tail for i in range(0, n - 2 * size + 1)):
                return n - size
    # A repeated n-gram across the boundary: "Dendam Malam Kelam Dendam Malam Kelam".
    for size in range(4, 0, -1):
        if n >= 2 * size + 1 and words[n - size :] == words[n - 2 * size : n - size]:
            return n - size
    # Walk back over names (capitalised words not common) and function words.
    functions = _function_words()
    names: list[int] = []
    for index in range(n - 1, max(n - 8, 0) - 1, -1):
        word = words[index]
        if word.lower() in functions and not word[0].isupper():
            continue
        if _is_capitalised(word) and _is_common_word(word) and not word.isupper():
            # The sentence starts here, unless the names after it restate theirs, the
            # headline's name opening the body: "Diciptakan Khusus untuk Britney Spears
            # Britney Jean Spears lahir" (but not "... untuk Prabowo Presiden Prabowo").
            repeat = _name_repeat(words, names[-1]) if names else None
            if repeat is None or not set(words[names[-1] + 1 : repeat]) <= set(words[repeat + 1 :]):
                return index
            return repeat
        if _is_capitalised(word):
            names.append(index)
            continue
        break
    if names:
        first = names[-1]
        repeat = _name_repeat(words, first)
        if repeat is not None:
            return repeat
        for index in names[::-1]:
            if words[index] in words[:index]:
                return index
        return first
    return None


def _name_repeat(words: list[str], first: int) -> int | None:
    """Where the name ``words[first]`` comes again later in the run, or None."""
    for index in range(first + 1, len(words)):
        if words[index] == words[first]:
            return index
    return None


# --- Photo credits and captions -----------------------------------------------------------

#: Names in :mod:`.patterns` of the credits found in a line, trailing ones first, each with
#: the literals one of which it cannot match without (read off the pattern; case as
#: written): a line without any is not searched, which spares most lines five scans.
_CREDIT_PATTERNS = (
    ("PAREN_PHOTO_CREDIT_RE", ("(",)),
    ("BRACKET_PHOTO_CREDIT_RE", ("[",)),
    ("FOTO_LABEL_CREDIT_RE", (":",)),
    ("AGENCY_CREDIT_RE", ("ANTARA FOTO/",)),
    ("NAMED_CREDIT_RE", ("Getty Images", "Shutterstock", "iStockphoto", "Reuters", "AFP", "AP Photo", "Dok.")),
    ("DOMAIN_CREDIT_RE", (".co", ".CO")),
)


def _find_credit(line: str) -> list[tuple[int, int]]:
    spans = []
    for name, literals in _CREDIT_PATTERNS:
        if any(literal in line for literal in literals):
            pattern = getattr(patterns, name)
            spans.extend(m.span() for m in pattern.finditer(line) if not _cites_a_source(line, m.start()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_SOURCE_NOTE_RE = regex.compile(r"[ ]?\((?:Sumber|SUMBER)[ ]?:")


def _cites_a_source(line: str, start: int) -> bool:
    """Whether the "(Sumber: ...)" at ``start`` cites where a sentence's facts come from
    ("Penduduknya 10 juta jiwa (Sumber: BPS)."), not where a photo does: the sentence it
    closes is no caption, neither dated ("..., Selasa (5/9/2023). (Sumber: KOMPAS TV)")
    nor an illustration's. Taken for a credit, it made its sentence a caption, and both went."""
    if not _SOURCE_NOTE_RE.match(line, start):
        return False
    before = line[max(0, start - 300) : start].rstrip().rstrip(".")
    boundary = max(before.rfind(". "), before.rfind("! "), before.rfind("? "))
    sentence = before[boundary + 2 :] if boundary >= 0 else before
    return not (patterns.DATE_PAREN_RE.search(sentence) or sentence[:10].casefold().startswith("ilustrasi"))


@document_rule
def drop_photo_caption(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop photo captions with their credit: a short line carrying a credit, or glued inline.

    >>> drop_photo_caption(["Jelang KTT Ke-43 ASEAN 2023 (Foto: Kemendagri RI)", "Isi berita."], Config())
    [None, 'Isi berita.']
    """
    return _map_lines(paragraphs, _drop_caption_lines)


def _is_illustration_caption(line: str) -> bool:
    """"Ilustrasi pemudik di terminal": under a credit, a short line naming the photo as an
    illustration is its caption, dated or not."""
    return len(line) < 200 and line[:10].casefold() == "ilustrasi " and len(patterns.SENTENCE_STOP_RE.findall(line)) <= 1


def _drop_caption_lines(lines: list[str]) -> list[str | None]:
    out: list[str | None] = list(lines)
    for number, line in enumerate(lines):
        text = line.strip()
        if not text or out[number] is None:
            continue
        if patterns.CREDIT_LINE_RE.match(text) and len(text) < 90:
            # A credit on its own line: the caption is the next line when it reads like one.
            out[number] = None
            if number + 1 < len(lines):
                nxt = lines[number + 1].strip()
                if len(nxt) < 450 and patterns.DATE_PAREN_RE.search(nxt) or _is_illustration_caption(nxt):
                    out[number + 1] = None
            continue
        source = patterns.CAPTION_SOURCE_RE.search(text)
        if source and len(text) < 200:
            out[number] = None
            continue
        credits = _find_credit(text)
        if not credits:
            continue
        rest = len(text) - sum(end - start for start, end in credits)
        last_end = credits[-1][1]
        bare = _cut_spans(text, credits)
        sentences = len(patterns.SENTENCE_STOP_RE.findall(bare))
        # A credit that ends the line closes its caption, one sentence; a credit that
        # opens it heads one when glued to it ("Dok. Jasa MargaRazia Truk ...") or when
        # one sentence follows. Beside two or three sentences it may as well sit in the
        # story: only it goes, and the caption sentence it touches (_drop_inline_captions).
        first_end = credits[0][1]
        closes_caption = last_end >= len(text.rstrip(" .")) - 1 and sentences <= 1
        opens_caption = credits[0][0] == 0 and (
            sentences <= 1 or (first_end < len(text) and not text[first_end].isspace() and sentences <= 3)
        )
        opened = _open_bracket(text, credits[-1])
        if opened is not None and number + 1 < len(lines) and _CREDIT_TAIL_RE.fullmatch(lines[number + 1].strip()):
            # The rest of the credit, wrapped: "(Foto: ANTARA/Budi" / "Santoso)" goes, bracket too.
            out[number + 1] = None
            credits[-1] = (opened, credits[-1][1])
        if (closes_caption or opens_caption) and rest <= 600 and "\n" not in line:
            out[number] = None
            continue
        out[number] = _drop_inline_captions(line, credits)
    return out


#: The end of a credit wrapped onto the next line: a few words and the closing bracket.
_CREDIT_TAIL_RE = re.compile(r"(?<![^()\[\]\s])[^()\[\]\s]++(?:[ ][^()\[\]\s]++){0,3}+[)\]]")


def _open_bracket(text: str, credit: tuple[int, int]) -> int | None:
    """Where the bracket of ``credit`` opens, when the credit runs to the end of ``text``
    with that bracket still open; else None."""
    start, end = credit
    if text[end:].strip():
        return None
    opened = max(text.rfind("(", 0, end), text.rfind("[", 0, end))
    if opened >= start - 2 and opened > max(text.rfind(")", 0, end), text.rfind("]", 0, end)):
        return min(opened, start)
    return None


def _drop_inline_captions(line: str, credits: list[tuple[int, int]]) -> str:
    """Remove credits and the caption glued to them inside a long (flattened) line."""
    spans: list[tuple[int, int]] = []
    done = 0
    for start, end in credits:
        if start < done:
            continue
        glued_after = end < len(line) and line[end].isupper()
        if glued_after or (end < len(line) and line[end : end + 1] == " " and _caption_after(line, end)):
            spans.append((start, _caption_end(line, end)))
            done = spans[-1][1]
            continue
        # Credit after its caption: "Presiden X dan Presiden Y (Getty Images) Pada ...", or
        # a dated caption with its own stop: "... pekan. Warga antre, Senin (3/2). (Foto: X)".
        offset = max(start - 200, done)
        before = line[offset:start]
        core = before.rstrip()
        stopped = core.endswith((".", "!", "?"))
        last = len(core) - 1 if stopped else len(core)
        boundary = max(core.rfind(". ", 0, last), core.rfind("! ", 0, last), core.rfind("? ", 0, last),
                       core.rfind('" ', 0, last), core.rfind("” ", 0, last))
        caption = core[boundary + 2 : last] if boundary >= 0 else ""
        illustration = caption[:10].casefold() in ("ilustrasi", "ilustrasi ")  # "Ilustrasi." names the photo
        marked = not stopped or illustration or patterns.DATE_PAREN_RE.search(caption)
        if boundary >= 0 and (10 <= len(caption) or illustration) and len(caption) <= 160 and not regex.search(r"[.!?]", caption) and marked:
            spans.append((offset + boundary + 2, end))
        else:
            spans.append((start, end))
        done = end
    return _cut_spans(line, spans)


def _caption_after(line: str, end: int) -> bool:
    """Whether the sentence after a credit (and a space) is its caption.

    >>> _caption_after("(Foto: X) Petugas memeriksa beras di gudang, Senin (5/2/2024). Menteri", 9)
    True
    >>> _caption_after("(Foto: X) Menteri mengatakan pada Selasa (24/1) bahwa stok aman.", 9)
    False
    """
    # The pattern reads at most about 215 characters: copying the rest of a long line for
    # each credit made a 1 MB line of credits quadratic (bench_rules.py).
    return patterns.DATED_CAPTION_RE.match(line[end : end + _CAPTION_WINDOW].lstrip()) is not None


#: How much of a line after a credit _caption_after reads: DATED_CAPTION_RE's longest match
#: and a run of spaces before it.
_CAPTION_WINDOW = 320


def _sentence_restart(window: str) -> int | None:
    """Where a new sentence starts without a period: "... stiker WA bergerak Itulah beberapa"."""
    tokens = list(patterns.TOKEN_RE.finditer(window))
    functions = _function_words()
    for index in range(3, len(tokens) - 1):
        word, before, after = (_core(tokens[i].group()) for i in (index, index - 1, index + 1))
        if (
            word[:1].isupper() and not word.isupper() and _is_common_word(word)
            and before[:1].islower() and before.lower() not in functions and tokens[index - 1].group()[-1:].isalpha()
            and after[:1].islower()
        ):
            return tokens[index].start()
    return None


def _caption_end(line: str, start: int) -> int:
    """The end of a caption that starts at ``start``: its sentence, or a glued second one."""
    window = line[start : start + 400]
    credit = patterns.CREDIT_TOKEN_RE.search(window)
    if credit:
        window = window[: credit.start()]
    restart = _sentence_restart(window)
    ends = list(patterns.CAPTION_STOP_RE.finditer(window))
    if restart is not None and (not ends or restart < ends[0].start()):
        return start + restart
    if ends:
        first = ends[0]
        if first.end() > 130:
            return start  # too long for a caption: only the credit goes
        # A second sentence glued to the next body sentence ("...beras.Amran juga") is caption too.
        if first.end() < len(window) and window[first.end()] == " " and len(ends) > 1:
            second = ends[1]
            if second.end() < len(window) and window[second.end()].isupper() and second.start() - first.end() < 200:
                return start + second.end()
        return start + first.end()
    return start + len(window)


@paragraph_rule
def strip_photo_credit(paragraph: str) -> str | None:
    """Remove a photo credit, keeping the text around it.

    >>> strip_photo_credit("Bupati meninjau banjir. (Foto: Humas)")
    'Bupati meninjau banjir.'
    >>> strip_photo_credit("Ia mengambil foto-foto bersama warga.")
    'Ia mengambil foto-foto bersama warga.'
    """
    lines = []
    for line in paragraph.split("\n"):
        text = line.strip()
        if patterns.CREDIT_LINE_RE.match(text) and len(text) < 90:
            continue
        line = _cut_spans(line, _find_credit(line))
        if line.strip():
            lines.append(line)
    return "\n".join(lines) or None


# --- Social promos, syndication, pagination ---------------------------------------------------


@document_rule
def drop_social_promo(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop social, newsletter and app promos ("Ikuti saluran WhatsApp ...", "Simak breaking news ...").

    >>> drop_social_promo(["Isi berita.", "Ikuti kami di Instagram dan Google News."], Config())
    ['Isi berita.', None]
    >>> drop_social_promo(["Warga menghapus WhatsApp dari ponsel mereka."], Config())
    ['Warga menghapus WhatsApp dari ponsel mereka.']
    """
    starts = _phrases("social_promos.txt")

    def lines(items: list[str]) -> list[str | None]:
        out: list[str | None] = list(items)
        total = len(items)
        for number, line in enumerate(items):
            text = line.strip()
            if out[number] is None or not text:
                continue
            opens = _opens_promo(text)
            promo_here = opens or _opens_promo(_flat(" ".join(items[number : number + 8])))
            if promo_here and total - number <= 20:
                tail = items[number:]
                tail_flat = _flat(" ".join(tail))
                if len(tail_flat) < 700 and patterns.CHANNEL_RE.search(tail_flat) and not any(
                    _is_body(t) or _reads_as_news(t.strip()) for t in tail
                ):
                    # A promo block that runs to the end of the text: it all goes (credits stay).
                    for drop in range(number, total):
                        if not _is_meta_line(items[drop]):
                            out[drop] = None
                    break
            if opens and len(text) < 600 and (
                patterns.CHANNEL_RE.search(text)
                or (number >= total - 8 and (not _is_sentence(text, 8) or patterns.PROMO_OFFER_RE.search(text)))
            ):
                out[number] = None
                continue
            # Promos glued in a row at the end go one by one (each cut shows the next).
            for _ in range(_PROMO_TAIL_CUTS):
                cut = _cut_promo_tail(line, starts)
                if cut == line or cut is None:
                    break
                line = cut
            out[number] = cut
        return out

    return _map_lines(paragraphs, lines)


def _opens_promo(text: str) -> bool:
    """A social promo's phrase or "Baca berita lainnya di ..." opens ``text``, after a list
    bullet or an opening bracket if there is one ("* Fakta atau hoaks? Untuk mengetahui
    ...", "(Ayo ikuti saluran WhatsApp ...)")."""
    text = _BULLET_RE.sub("", text, 1).removeprefix("(")
    return bool(_phrases("social_promos.txt").match(text) or patterns.MORE_NEWS_RE.match(text))


def _reads_as_news(text: str) -> bool:
    """A full sentence of prose: no promo phrase or channel in it, not metadata, not a
    headline. The rules that take a run of lines to the end of the text (a promo block, a
    footer) stop at one: a short article under a promo or a tag line at its top came out
    empty, where only lines over 200 characters counted as body. Four words make one, as
    for the header: from eight, "Harga beras naik sejak awal pekan." under a follow-us
    promo went with it; a line that holds one before a promo is news too."""
    return (
        _holds_sentence(text)
        and not _opens_promo(text)
        and not patterns.CHANNEL_RE.search(text)
        and not _is_meta_line(text)
        and not _is_headline(text)
    )


#: Promos cut one after another from the end of one line, at most.
_PROMO_TAIL_CUTS = 20


def _cut_promo_tail(paragraph: str, starts: regex.Pattern) -> str | None:
    """In flattened text, a promo sentence that runs to the end goes with the rest."""
    offset = max(len(paragraph) - 500, 0)
    for match in patterns.CAPITAL_GAP_RE.finditer(paragraph, offset):
        tail = paragraph[match.end() :]
        promo = starts.match(tail)
        if not promo or not patterns.CHANNEL_RE.search(tail):
            continue
        # After a sentence end any promo phrase; glued to a headline only a longer one.
        if paragraph[match.start() - 1 : match.start()] in tuple(".!?\"”") or " " in promo.group().strip():
            return paragraph[: match.start()].rstrip() or None
    return paragraph


@document_rule
def drop_syndication_note(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop "Artikel ini telah tayang di ..." notes (with their headline) and AI notes.

    >>> drop_syndication_note(["Isi.", "Artikel ini telah tayang di Kompas.com dengan judul", "Judul Berita Asli"], Config())
    ['Isi.', None, None]
    """
    starts = _phrases("syndication_notes.txt")

    def lines(items: list[str]) -> list[str | None]:
        out: list[str | None] = list(items)
        for number, line in enumerate(items):
            text = line.strip()
            if out[number] is None:
                continue
            if starts.match(text):
                out[number] = None
                if regex.search(r"(?i)dengan judul\s*:?$", text) or not regex.search(r"\s", text[28:].strip()):
                    # The headline (or a lone dash) follows on the next line.
                    if number + 1 < len(items):
                        nxt = items[number + 1].strip()
                        if _is_headline(nxt, 220) or nxt in ("-", "–", "—"):
                            out[number + 1] = None
                continue
            out[number] = _cut_inline_note(line, starts)
        return out

    return _map_lines(paragraphs, lines)


#: A gap after editor initials, where a note may start too: "(ant) Artikel ini telah ...".
_INITIALS_GAP_RE = regex.compile(r"(?<=\([\p{L}/]{2,20}+\))[ ]{1,3}+(?=\p{Lu})")


def _cut_inline_note(line: str, starts: regex.Pattern) -> str | None:
    anywhere = _phrases("syndication_notes.txt", anchored=False)
    gaps = list(patterns.SENTENCE_GAP_RE.finditer(line))
    if ") " in line:
        gaps = sorted(gaps + list(_INITIALS_GAP_RE.finditer(line)), key=lambda match: match.start())
    for match in gaps:
        if not anywhere.match(line, match.end()):
            continue
        quoted = patterns.QUOTED_TITLE_RE.match(line[match.end() : match.end() + 400])
        if quoted:
            return _cut(line, match.start(), match.end() + quoted.end())
        if len(line) - match.end() < 300:
            return line[: match.start()].rstrip() or None
    return line


@paragraph_rule
def drop_pagination(paragraph: str) -> str | None:
    """Drop pagination markers: "Halaman 2 dari 2", "Simak berita selengkapnya di halaman berikutnya.".

    >>> drop_pagination("Halaman : 1 2 Selanjutnya") is None
    True
    >>> drop_pagination("Warga berkumpul di halaman masjid.")
    'Warga berkumpul di halaman masjid.'
    """
    lines = []
    for line in paragraph.split("\n"):
        if patterns.PAGINATION_LINE_RE.match(line.strip()):
            continue
        if "alaman" in line:
            line = _cut_all(line, patterns.NEXT_PAGE_RE)
        if line.strip():
            lines.append(line)
    return "\n".join(lines) or None


# --- Footer -----------------------------------------------------------------------------------


@document_rule
def cut_footer(paragraphs: list[str], config: Config, structure: Structure = PLAIN) -> list[str | None]:
    """Cut footer chrome: tag lists after the editor's initials, related-list labels, copyright.

    Bylines and credits among the footer lines stay (they are metadata), and nothing is
    cut when a long body paragraph follows (multi-page articles put page 2 after page 1's
    footer). A copyright notice right under a Markdown heading (``## Lisensi``) is that
    section's text, not a page's footer.

    >>> cut_footer(["Isi berita.", "(yld/idh)\\nbanjir\\njakarta utara", "BERITA TERKAIT", "Judul Lain"], Config())
    ['Isi berita.', '(yld/idh)', None, None]
    """
    if not structure.headed:
        return _map_lines(paragraphs, _cut_footer_lines)
    sections: set[int] = set()  # the lines (as _map_lines numbers them) of paragraphs under a heading
    line = 0
    for number, paragraph in enumerate(paragraphs):
        count = paragraph.count("\n") + 1
        if number in structure.headed:
            sections.update(range(line, line + count))
        line += count
    return _map_lines(paragraphs, functools.partial(_cut_footer_lines, sections=sections))


def _cut_footer_lines(lines: list[str], sections: Collection[int] = ()) -> list[str | None]:
    out: list[str | None] = list(lines)
    labels = _phrases("promo_labels.txt", whole_line=True)
    start = None
    body_after = [False] * (len(lines) + 1)
    for number in range(len(lines) - 1, -1, -1):
        body_after[number] = body_after[number + 1] or _is_body(lines[number]) or _reads_as_footer_news(lines[number])
    for number, line in enumerate(lines):
        text = line.strip()
        marker = False
        if (
            patterns.EDITOR_INITIALS_RE.fullmatch(text)
            and number + 1 < len(lines)
            and _is_tag(lines[number + 1])
            and (lines[number + 1].strip().islower() or number + 2 < len(lines) and _is_tag(lines[number + 2]))
        ):
            marker = True
            first = number + 1
        elif labels.match(text) or patterns.TAGS_LINE_RE.match(text) or patterns.COPYRIGHT_RE.match(text) and number not in sections:
            marker = True
            first = number
        if marker and not body_after[first]:
            start = first
            break
        if marker and first == number and labels.match(text):
            out[number] = None  # a related-list label before more body (page 2): the label only
    if start is None:
        return out
    for number in range(start, len(lines)):
        if not _is_meta_line(lines[number]):
            out[number] = None
    return out


def _reads_as_footer_news(line: str) -> bool:
    """:func:`_reads_as_news`, a tag or copyright line aside (a footer marker is no body)."""
    text = line.strip()
    return _reads_as_news(text) and not (patterns.TAGS_LINE_RE.match(text) or patterns.COPYRIGHT_RE.match(text))


def _is_tag(line: str) -> bool:
    """A tag of a tag list: short, no punctuation, all lower case (or every word Title-Cased)."""
    text = line.strip()
    if not text or len(text) >= 60 or patterns.TAG_PUNCT_RE.search(text):
        return False
    return text == text.lower() or all(w[:1].isupper() and w[1:] == w[1:].lower() for w in text.split())


def _is_body(line: str) -> bool:
    text = line.strip()
    return len(text) > 200 and _ends_sentence(text) and not _is_meta_line(text)


@paragraph_rule
def strip_trailing_marker(paragraph: str) -> str | None:
    """Remove ``***`` markers at the end of a paragraph (a line of them goes entirely).

    >>> strip_trailing_marker("Asia Timur (EAS).***")
    'Asia Timur (EAS).'
    >>> strip_trailing_marker("***") is None
    True
    >>> strip_trailing_marker(".***") is None
    True
    """
    lines = []
    for line in paragraph.split("\n"):
        cut = patterns.TRAILING_STARS_RE.sub("", line)
        if cut != line and not any(ch.isalnum() for ch in cut):
            continue  # only punctuation was left before the marker (".***"): drop_ads' case
        if cut.strip():
            lines.append(cut)
    return "\n".join(lines) or None


# --- Duplicates ---------------------------------------------------------------------------------


def _dedupe_key(text: str) -> str:
    text = patterns.SPACE_BEFORE_PUNCT_RE.sub(r"\1", _flat(text))
    return text.casefold()


#: A glued copy is at least this long without its spaces; shorter repeats are left to
#: the exact check (a short paragraph may repeat).
GLUED_COPY_MIN = 200


def glued_copies(keys: list[str]) -> set[int]:
    """The paragraphs (by index) that are the paragraphs next to them glued into one.

    A nested-container scraper prints the whole body once with no spaces after the
    periods, then again paragraph by paragraph (PATTERNS.md 16). ``keys`` are the
    paragraphs flattened to single spaces (:func:`_dedupe_key`); with the spaces taken
    out, a glued copy equals the run of paragraphs right after it, or right before it.
    The paragraphs keep their text, so dropping the copy loses nothing.

    >>> body = ["Harga beras naik lagi di pasar induk pekan ini.", "Warga mengeluh karena harga terus naik."] * 3
    >>> sorted(glued_copies(["".join(body).replace(". ", "."), *body]))
    [0]
    >>> sorted(glued_copies([*body, " ".join(body)]))
    [6]
    >>> glued_copies(body)
    set()
    """
    bare = [key.replace(" ", "") for key in keys]
    found = set()
    for number, whole in enumerate(bare):
        if len(whole) < GLUED_COPY_MIN:
            continue
        for step in (1, -1):
            size, other = 0, number + step
            while 0 <= other < len(bare) and other not in found and size < len(whole):
                part = bare[other]
                if not part or not (whole.startswith(part, size) if step == 1 else whole.endswith(part, 0, len(whole) - size)):
                    break
                size += len(part)
                other += step
            if size == len(whole):
                found.add(number)
                break
    return found


#: A table of contents: at least this many short lines in a row, each no sentence...
_CONTENTS_MIN = 3
#: ... and at most this long, two of which come again later (as their sections' headings).
_CONTENTS_LINE_MAX = 80


def _contents_lines(paragraphs: list[str], keys: list[str]) -> set[str]:
    """The keys of the lines of a table of contents: a run of at least _CONTENTS_MIN short
    paragraphs that end no sentence, two of which or more come again later. A scraper's
    copy is a title or a caption twice, not a list of headings repeated one by one."""
    last = {key: number for number, key in enumerate(keys)}
    listed: set[str] = set()
    run: list[int] = []
    named: set[str] = set()  # the run's keys: a list names each item once, a repeat starts the next run
    for number in range(len(paragraphs) + 1):
        short = number < len(paragraphs) and len(keys[number]) <= _CONTENTS_LINE_MAX and not _ends_sentence(paragraphs[number])
        if short and keys[number] not in named:
            run.append(number)
            named.add(keys[number])
            continue
        again = [keys[i] for i in run if last[keys[i]] > run[-1]]
        if len(run) >= _CONTENTS_MIN and len(again) >= 2:
            listed.update(again)
        run, named = ([number], {keys[number]}) if short else ([], set())
    return listed


#: A block printed twice in a row is at most this many paragraphs...
_ECHO_MAX = 4
#: ... each at least this long (a refrain of short lines may repeat on purpose).
_ECHO_MIN_CHARS = 60


def _echoed_blocks(keys: list[str]) -> set[int]:
    """The paragraphs of a block the scraper printed twice in a row (``A B A B``: each pair
    of a listicle's paragraphs under its photo): the second copy, by index. A sentence said
    again elsewhere may be a quote taken up; the same sentences again at once are a copy."""
    echoed: set[int] = set()
    for number in range(1, len(keys)):
        for size in range(1, min(_ECHO_MAX, number) + 1):
            block = keys[number : number + size]
            if (
                len(block) == size
                and block == keys[number - size : number]
                and all(len(key) >= _ECHO_MIN_CHARS for key in block)
            ):
                echoed.update(range(number, number + size))
                break
    return echoed


def _introduces(paragraph: str) -> bool:
    """A paragraph ending in a colon, which introduces what follows (``Berikut
    daftarnya:``): said again before another list or quote, it is no copy."""
    return paragraph.rstrip().endswith(":")


@document_rule
def drop_duplicate_paragraphs(paragraphs: list[str], config: Config, structure: Structure = PLAIN) -> list[str | None]:
    """Drop a paragraph that repeats an earlier one, a short teaser that a later sentence
    starts with, and the body printed once glued before or after its paragraphs.

    Structure repeats on purpose, so a repeat is kept where it is the document's own:
    a paragraph in a Markdown list item or block quote (table rows written as lists, an
    example quoted and then shown), and a line listed in a table of contents
    (:func:`_contents_lines`) that comes again as its section's heading.

    >>> drop_duplicate_paragraphs(["Video: Banjir Kota", "Isi berita.", "Video: Banjir Kota"], Config())
    ['Video: Banjir Kota', 'Isi berita.', None]
    """
    seen: set[str] = set()
    keys = [_dedupe_key(p) for p in paragraphs]
    glued = glued_copies(keys)
    # Which repeats may stay or must go matters only where some paragraph repeats.
    repeats = len(set(keys)) < len(keys)
    listed = _contents_lines(paragraphs, keys) if repeats else set()
    echoed = _echoed_blocks(keys) if repeats else set()
    out: list[str | None] = []
    for number, (paragraph, key) in enumerate(zip(paragraphs, keys)):
        if number in glued:
            out.append(None)
            continue
        if number in structure.nested:
            out.append(paragraph)  # neither dropped nor a first copy of a later one
            continue
        repeatable = (
            (_ends_sentence(paragraph) or _introduces(paragraph) or key in listed)
            and len(key) < 250
            and number not in echoed
        )
        if len(key) >= 12 and key in seen and not repeatable and not _is_meta_line(paragraph):
            out.append(None)
            continue
        seen.add(key)
        if (
            40 <= len(key) <= 200
            and not _ends_sentence(paragraph)
            and not _is_dateline(paragraph)
            and number < 30
            and any(later.startswith(key) and len(later) > len(key) + 10 for later in keys[number + 1 : number + 40])
        ):
            out.append(None)
            continue
        out.append(paragraph)
    return out


# --- User phrases -------------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def _extra_patterns(entries: tuple[str, ...]) -> tuple[re.Pattern | None, regex.Pattern | None]:
    phrases = [e.strip() for e in entries if e.strip() and not e.startswith("re:") and not e.startswith("#")]
    expressions = [e[3:] for e in entries if e.startswith("re:") and e[3:].strip()]
    phrase = patterns.phrase_re(phrases) if phrases else None
    pattern = regex.compile("|".join(f"(?:{e})" for e in expressions)) if expressions else None
    return phrase, pattern


@document_rule
def drop_extra_junk(paragraphs: list[str], config: Config) -> list[str | None]:
    """Drop the user's own junk: a line starting with a phrase, or every match of a ``re:`` pattern.

    >>> drop_extra_junk(["Isi. Promo Kami!", "Dukung kami di Saweria"], Config(extra_junk=("dukung kami", "re:Promo Kami!")))
    ['Isi.', None]
    """
    if not config.extra_junk:
        return list(paragraphs)
    phrase, pattern = _extra_patterns(tuple(config.extra_junk))

    def lines(items: list[str]) -> list[str | None]:
        out: list[str | None] = []
        for line in items:
            if phrase is not None and phrase.match(line.strip()):
                out.append(None)
                continue
            if pattern is not None:
                line = _cut_all(line, pattern)
            out.append(line if line.strip() else None)
        return out

    return _map_lines(paragraphs, lines)


# --- Metadata (kept unless asked) --------------------------------------------------------------


@document_rule
def strip_byline(paragraphs: list[str], config: Config) -> list[str | None]:
    """Remove reporter/editor bylines and source lines ("Editor: ...", "Laporan Wartawan ...").

    >>> strip_byline(["Isi berita.", "Penulis: Ani Editor: Budi"], Config())
    ['Isi berita.', None]
    >>> strip_byline(["Isi berita kata dia.,Reporter: Ani,Sumber: Liputan6.com "], Config())
    ['Isi berita kata dia.']
    """

    def lines(items: list[str]) -> list[str | None]:
        out: list[str | None] = list(items)
        dateline = next((n for n, line in enumerate(items[:12]) if _is_dateline(line.strip())), None)
        for number, line in enumerate(items):
            text = line.strip()
            byline = patterns.BYLINE_RE.match(text)
            if byline and len(text) < 160:
                out[number] = _story_after_byline(text, byline.end())
            elif patterns.NAME_CREDIT_LINE_RE.match(text):
                out[number] = None
            elif dateline is not None and number < dateline and (
                patterns.AUTHOR_OUTLET_RE.match(text) or patterns.SHORT_NAME_RE.match(text)
            ):
                out[number] = None
            elif number < 8 and patterns.AUTHOR_OUTLET_RE.match(text):
                out[number] = None
            else:
                csv = patterns.CSV_BYLINE_RE.search(line)
                if csv:
                    out[number] = line[: csv.start()].rstrip() or None
        return out

    return _map_lines(paragraphs, lines)


def _story_after_byline(text: str, label_end: int) -> str | None:
    """What a byline line keeps: nothing when it is only a byline (names, outlets,
    separators: "Reporter : danang"); all of it when story text follows on the same line,
    a lead a scraper joined to it. Where the names end is not certain ("Penulis: Budi
    Harapan Harga ..."), nor is it once cleaning lowered the lead's first word; a cut
    there could take story words, or cut again on a second run."""
    rest = text[label_end:]
    return text if _runs_in_lowercase(rest) or _holds_sentence(rest) else None


@paragraph_rule
def strip_dateline(paragraph: str) -> str | None:
    """Remove the dateline at the start of the lead ("JAKARTA, KOMPAS.com - ").

    >>> strip_dateline("JAKARTA, KOMPAS.com -Pakar hukum menilai survei itu.")
    'Pakar hukum menilai survei itu.'
    >>> strip_dateline("Liputan6.com, JakartaKita semua pernah lelah.")
    'Kita semua pernah lelah.'
    >>> strip_dateline("Jakarta - Harga naik.")
    'Jakarta - Harga naik.'
    """
    match = patterns.DATELINE_RE.match(paragraph) or patterns.CITY_DATELINE_RE.match(paragraph)
    if not match:
        return None if _is_outlet_line(paragraph.strip()) else paragraph
    rest = paragraph[match.end() :].lstrip(" \n")
    rest = regex.sub(r"^[,\s]+$", "", rest)
    return rest or None


@paragraph_rule
def strip_editor_initials(paragraph: str) -> str | None:
    """Remove editor initials and end marks at the end of the text: "(yld/idh)", "(*)", "(ADV)".

    >>> strip_editor_initials("maksimal 7 tahun.(cnk)")
    'maksimal 7 tahun.'
    >>> strip_editor_initials("menurut Kementerian (KKP).")
    'menurut Kementerian (KKP).'
    """
    lines = []
    for line in paragraph.split("\n"):
        line = patterns.EDITOR_INITIALS_RE.sub("", line)
        line = patterns.AGENCY_INITIALS_RE.sub("", line)
        if line.strip():
            lines.append(line.rstrip())
    return "\n".join(lines) or None
