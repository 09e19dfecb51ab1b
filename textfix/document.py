"""Paragraphs: pure functions that split a text into paragraphs and join them back.

Scraped text puts one paragraph on each line; editors' files separate paragraphs with blank
lines and hard-wrap the lines inside them. :func:`split_paragraphs` handles both: blank
lines always end a paragraph, and inside a block a line break is *soft* (the line goes on
the previous paragraph, keeping its ``\\n``) when the block is hard-wrapped, or when the
next line plainly continues the sentence (it starts with punctuation or a lowercase word,
or the previous line ends with an opening bracket) -- the "link text on its own line"
damage of old scrapes. Every paragraph remembers the whitespace that followed it, so
:func:`join_layout` can rebuild the source byte for byte around the parts a rule changed.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from . import patterns

#: Sentence-final punctuation, possibly followed by closing quotes or brackets.
_SENTENCE_END_RE = regex.compile(r"[.!?:;][\"'”’)\]]*$")
#: A line that continues the previous one: it starts with closing punctuation or lowercase.
_CONTINUATION_RE = regex.compile(r"^(?:[,.;:!?)\]]|\p{Ll})")
#: A name written with a lowercase first letter (``iPhone``, ``eBay``, ``e-KTP``, ``mRNA``):
#: after a sentence end it opens a paragraph, though it starts in lowercase.
_LOWERCASE_NAME_RE = regex.compile(r"^\p{Ll}[\p{Ll}\d]*+-?\p{Lu}")
#: Hard-wrapped lines: editors wrap at 60-80 columns; a narrower "width" is short lines.
_WRAP_MIN, _WRAP_MAX = 40, 100
#: A line shorter than this with no sentence end is link text split from its sentence.
_LINK_MAX = 40


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its text (soft line breaks kept as ``\\n``) and what followed it."""

    text: str
    sep: str
    offset: int


@dataclass(frozen=True)
class Document:
    """A text split into paragraphs, with the whitespace before the first one."""

    lead: str
    paragraphs: list[Paragraph]


@dataclass(frozen=True)
class Step:
    """One change a run made: the rule, the text before and after, and where it was.

    ``line`` and ``column`` are 1-based positions in the normalised input (0 if unknown).
    """

    rule: str
    before: str
    after: str
    line: int = 0
    column: int = 0

    def describe(self) -> str:
        """A one-line account, e.g. ``3:1: drop_read_also: removed 'Baca juga: ...'``.

        >>> Step("split_sentence_glue", "", " ", 1, 18).describe()
        "1:18: split_sentence_glue: inserted ' '"
        >>> Step("normalize_whitespace", "Harga   beras", "Harga beras").describe()
        "normalize_whitespace: 'Harga   beras' -> 'Harga beras'"
        >>> Step("normalize_whitespace", "  ", "", 2, 7).describe()
        "2:7: normalize_whitespace: removed '  '"
        """
        where = f"{self.line}:{self.column}: " if self.line else ""
        if not self.after:  # (whitespace alone is shown as it is, not as '')
            return f"{where}{self.rule}: removed {_clip(self.before) or _clip(self.before, spaces=True)!r}"
        if not self.before:
            return f"{where}{self.rule}: inserted {_clip(self.after, spaces=True)!r}"
        before, after = _clip(self.before), _clip(self.after)
        if before == after:  # a change of whitespace only: show it
            before, after = _clip(self.before, spaces=True), _clip(self.after, spaces=True)
        return f"{where}{self.rule}: {before!r} -> {after!r}"


def _clip(text: str, width: int = 120, spaces: bool = False) -> str:
    """At most ``width`` characters, whitespace runs as one space unless ``spaces``."""
    if not spaces:
        text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END_RE.search(line.rstrip()))


def _is_wrapped_block(lines: list[str]) -> bool:
    """A block whose lines were hard-wrapped at a fixed width (an editor's file)."""
    if len(lines) < 2 or len(lines[-1].strip()) > _WRAP_MAX:
        return False
    body = [line.strip() for line in lines[:-1]]
    if not all(_WRAP_MIN <= len(line) <= _WRAP_MAX for line in body):
        return False
    lengths = [len(line) for line in body]
    if min(lengths) * 5 < max(lengths) * 3:
        return False  # filled to a width, lines are of a length; short title lines are not
    return sum(not _ends_sentence(line) for line in body) * 2 > len(body)


def _is_soft_break(previous: str, line: str, wrapped: bool) -> bool:
    if _opens_promo(previous) or _opens_promo(line):
        return False
    if wrapped:
        return True
    previous, line = previous.strip(), line.strip()
    if previous.endswith(("(", "[")):
        return True
    if _CONTINUATION_RE.match(line):
        return not (_ends_sentence(previous) and _LOWERCASE_NAME_RE.match(line))
    if len(previous) < _LINK_MAX and not _ends_sentence(previous) and patterns.DATELINE_RE.match(previous + "\n" + line[:8]):
        return True  # "JAKARTA, KOMPAS.com" / "- Direktur ...": the dash went to the next line
    # Link text on its own line (old scrapes put every <a> on a line): a short line that
    # does not end a sentence runs on into its neighbour -- unless either line is a label,
    # an ad slot, a date, a byline or a list item, which stand alone.
    if _ends_sentence(previous) or previous.endswith(","):
        return previous.endswith(",") and len(line) < _LINK_MAX and not _ends_sentence(line) and not _stands_alone(line)
    if not previous[-1:].islower() or (len(previous) >= _LINK_MAX and len(line) >= _LINK_MAX):
        return False
    words = previous.split()
    if len(words) >= 4 and sum(w[:1].isupper() or w[:1].isdigit() for w in words) * 4 >= len(words) * 3:
        return False  # a title line, not link text
    return not (_stands_alone(previous) or _stands_alone(line))


def _stands_alone(line: str) -> bool:
    return bool(patterns.STANDALONE_LINE_RE.match(line))


#: The phrase files whose lines open a promo or a note (as ``rules`` reads them).
_PROMO_FILES = ("social_promos.txt", "syndication_notes.txt")


def _opens_promo(line: str) -> bool:
    """A line that opens, capitalised, with a social promo's or a syndication note's phrase:
    never link text nor a wrapped line's continuation. Run on into the sentence below it
    ("Berlangganan newsletter Contoh" above a line of news), a Markdown paragraph gave the
    rules one line, and the promo rule took both.

    Asked of every line break, so the phrases' first two words are looked up first (a
    "Baca juga" line is not "Baca berita ..."); the patterns are the rules' own (``re``
    compiles the same source once)."""
    line = line.strip()
    if not line[:1].isupper():
        return False
    words = line.lower().split(None, 2)
    if " ".join(words[:2]) not in _promo_openings() and words[0] not in _promo_openings():
        return False
    from . import lexicon

    return any(patterns.phrase_re(lexicon.data_lines(name)).match(line) for name in _PROMO_FILES)


@functools.cache
def _promo_openings() -> frozenset[str]:
    """The phrases' first two words (the one word of a one-word phrase)."""
    from . import lexicon

    return frozenset(" ".join(phrase.split()[:2]) for name in _PROMO_FILES for phrase in lexicon.data_lines(name))


def lines_with_ends(text: str) -> list[str]:
    r"""``text``'s lines, each with its ``"\n"``: what a file's lines are. ``str.splitlines``
    also breaks at ``\x1c``, ``\x85``, ``\u2028`` and others, which are text to every
    line-numbering tool (git, editors, the Markdown parser).

    >>> lines_with_ends("a\x1cb\nc")
    ['a\x1cb\n', 'c']
    """
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def hard_breaks(lines: list[str]) -> list[bool]:
    """For each line break between the non-blank ``lines`` of one block, whether it ends a
    paragraph (True) or only wraps one (a soft break).

    >>> hard_breaks(["Satu.", "Dua yang", "dipotong."])
    [True, False]
    """
    wrapped = _is_wrapped_block(lines)
    return [not _is_soft_break(previous, line, wrapped) for previous, line in zip(lines, lines[1:])]


def rejoins(one_per_line: str) -> bool:
    """Whether reading one-paragraph-a-line text back joins some of its lines into one
    paragraph (a dateline left alone on its line runs on into the lead; lines that look
    hard-wrapped): then the text is no fixed point of cleaning.

    >>> rejoins("Jakarta, Kabar.com --\\nHarga beras naik lagi di pasar induk pekan ini.\\n")
    True
    """
    return len(split_paragraphs(one_per_line).paragraphs) != one_per_line.count("\n")


def split_paragraphs(text: str) -> Document:
    """Split ``text`` into paragraphs; ``join_layout`` of the result gives ``text`` back.

    >>> doc = split_paragraphs("Satu.\\nDua.\\n\\nTiga yang\\ndipotong (\\nKTT\\n).\\n")
    >>> [p.text for p in doc.paragraphs]
    ['Satu.', 'Dua.', 'Tiga yang\\ndipotong (\\nKTT\\n).']
    >>> join_layout(doc) == "Satu.\\nDua.\\n\\nTiga yang\\ndipotong (\\nKTT\\n).\\n"
    True
    """
    lines = text.split("\n")
    # Offsets of each line start, so paragraphs know where they stood.
    starts, pos = [], 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1

    blocks: list[list[int]] = []
    current: list[int] = []
    for index, line in enumerate(lines):
        if line.strip():
            current.append(index)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    # Each paragraph is a run of line indexes.
    runs: list[list[int]] = []
    for block in blocks:
        runs.append([block[0]])
        for index, hard in zip(block[1:], hard_breaks([lines[i] for i in block])):
            if hard:
                runs.append([index])
            else:
                runs[-1].append(index)

    if not runs:
        return Document(lead=text, paragraphs=[])
    paragraphs = []
    for number, run in enumerate(runs):
        first, last = run[0], run[-1]
        indent = len(lines[first]) - len(lines[first].lstrip())
        begin = starts[first] + indent
        end = starts[last] + len(lines[last].rstrip())
        next_begin = len(text)
        if number + 1 < len(runs):
            nxt = runs[number + 1][0]
            next_begin = starts[nxt] + len(lines[nxt]) - len(lines[nxt].lstrip())
        paragraphs.append(Paragraph(text=text[begin:end], sep=text[end:next_begin], offset=begin))
    return Document(lead=text[: paragraphs[0].offset], paragraphs=paragraphs)


def reflow_paragraph(text: str) -> str:
    """Join a paragraph's soft-wrapped lines into one line with single spaces.

    No space goes before closing punctuation or after an opening bracket, so a link
    that the scraper put on its own line reads as it did on the page.

    >>> reflow_paragraph("Klaim (\\nJKP\\n) yang\\n  dikelola")
    'Klaim (JKP) yang dikelola'
    """
    lines = [line.strip() for line in text.split("\n")]
    out = lines[0]
    for line in lines[1:]:
        if not line:
            continue
        if out.endswith(("(", "[")) or regex.match(r"[,.;:!?)\]]", line):
            out += line
        else:
            out += " " + line
    return regex.sub(r" {2,}", " ", out)


def join_reflow(paragraphs: list[str], one_per_line: bool = False) -> str:
    """Paragraphs as clean text: one blank line (or one line break) between, final newline.

    >>> join_reflow(["Satu\\nbaris.", "Dua."])
    'Satu baris.\\n\\nDua.\\n'
    >>> join_reflow([])
    ''
    """
    kept = [reflow_paragraph(p) for p in paragraphs]
    kept = [p for p in kept if p]
    if not kept:
        return ""
    return ("\n" if one_per_line else "\n\n").join(kept) + "\n"


#: Spaces before the first line break of a separator (any space ``str.strip`` removes).
_LEADING_SPACE_RE = regex.compile(r"^[^\S\n]+")


def join_layout(document: Document, texts: list[str | None] | None = None) -> str:
    """Rebuild the source layout with each paragraph's text replaced by ``texts``.

    A paragraph replaced by ``None`` takes its line(s) with it; the file keeps its own
    ending (trailing newline or not). Where a dropped paragraph ended a block, the block
    break (blank line) it carried stays, and the next paragraph keeps its own indentation.

    >>> doc = split_paragraphs("A.\\n\\nJUNK\\n\\nB.\\n")
    >>> join_layout(doc, ["A.", None, "B."])
    'A.\\n\\nB.\\n'
    >>> join_layout(doc, ["A.", "b", None])
    'A.\\n\\nb\\n'
    >>> join_layout(split_paragraphs("A.\\nJUNK\\n\\n  B.\\n"), ["A.", None, "B."])
    'A.\\n\\n  B.\\n'
    """
    paragraphs = document.paragraphs
    if texts is None:
        texts = [p.text for p in paragraphs]
    if not paragraphs:
        return document.lead
    if all(t is None for t in texts):
        return ""
    out: list[str] = []
    index, total = 0, len(paragraphs)
    # Paragraphs dropped before the first kept one: keep the file's leading blank lines
    # and the indentation of the first kept paragraph.
    dropped = []
    while texts[index] is None:
        dropped.append(paragraphs[index].sep)
        index += 1
    lead = document.lead
    if dropped:
        lead = lead[: lead.rfind("\n") + 1] + _indent_after(dropped[-1])
    out.append(lead)
    while index < total:
        current = index
        text, sep = texts[index], paragraphs[index].sep
        index += 1
        dropped = []
        while index < total and texts[index] is None:
            dropped.append(paragraphs[index].sep)
            index += 1
        if dropped:
            sep = _merge_separators(sep, dropped, at_end=index == total)
        indent, cut_tail = _cut_lines(paragraphs[current].text, text)
        if cut_tail:
            # A rule cut the paragraph's last line(s): their trailing spaces go too.
            sep = _LEADING_SPACE_RE.sub("", sep)
        if indent is not None or text[:1] in (" ", "\t"):
            # A rule removed the paragraph's first line(s): the line that now opens it
            # keeps its own indentation, not the removed line's.
            previous = out[-1]
            out[-1] = previous[: previous.rfind("\n") + 1] if "\n" in previous else previous.rstrip()
            text = (indent or "") + text
        out.append(text + sep)
    return "".join(out)


def _cut_lines(old: str, new: str) -> tuple[str | None, bool]:
    """Whether a rule cut whole lines off the start or end of ``old`` to give ``new``:
    ``(indentation of the line that now comes first, or None; whether the end was cut)``.

    >>> _cut_lines("Judul\\n  isi.\\n***", "isi.")
    ('  ', True)
    >>> _cut_lines("Judul\\nisi.", "Isi.")
    ('', False)
    >>> _cut_lines("Harga naik.", "naik.")
    (None, False)
    """
    if new == old or not new or new[0].isspace() or len(new) >= len(old):
        return None, False
    at = old.lower().find(new.lower())  # casing may have run since the cut
    if at < 0:
        return None, False
    head, tail = old[:at], old[at + len(new) :]
    indent = head[head.rfind("\n") + 1 :] if "\n" in head else None
    if indent is not None and indent.strip():
        indent = None
    return indent, "\n" in tail


def _indent_after(sep: str) -> str:
    """The part of a separator after its last line break: the next line's indentation."""
    return sep[sep.rfind("\n") + 1 :] if "\n" in sep else sep


def _merge_separators(own: str, dropped: list[str], at_end: bool) -> str:
    """The separator a kept paragraph gets when the paragraphs after it were dropped.

    Its own trailing spaces, the strongest line break among the separators (a blank line
    wins over a plain line break), and the indentation of the paragraph that follows.
    """
    if "\n" not in own:
        return own
    trailing = own[: own.index("\n")]
    last = dropped[-1]
    if at_end:
        return trailing + (last[last.index("\n") :] if "\n" in last else "")
    strongest = max([own] + dropped, key=lambda s: s.count("\n"))
    middle = strongest[strongest.index("\n") : strongest.rindex("\n") + 1]
    return trailing + middle + _indent_after(last)
