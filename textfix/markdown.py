"""Markdown files: clean the prose, leave every byte of structure where it was.

Editors keep articles as Markdown under git and run textfix as a pre-commit hook, so a fix
must be a minimal edit: the diff shows recased words and removed junk, never a reflowed
file, a broken link or a mangled front matter. The design:

1. **Front matter** (``---`` YAML or ``+++`` TOML at the top) is never cleaned; its lines are
   blanked before parsing so the parser's line numbers still match the file. With
   ``Config.recase_front_matter_title`` a title-cased ``title:`` value gets heading casing.
2. **Block structure comes from markdown-it-py** (CommonMark + tables + strikethrough), whose
   tokens carry source line ranges (``token.map``). Only ``inline`` tokens hold prose; code
   blocks, fences, HTML blocks, reference definitions and rules produce no inline token, so
   they cannot be touched.
3. **Each inline token is aligned with its source.** The token's raw content is located in the
   source lines (container markers such as ``>`` and list bullets stay outside it); then its
   children (text, code spans, links, images, HTML, emphasis, breaks) are walked over the raw
   content. The walk yields a *plain text* (what a reader sees: link text without ``](...)``,
   emphasis without ``*``, a soft line break as a space) and for every plain character the
   source offset it came from, or ``None`` for a stand-in: a code span, image, autolink,
   entity or object tag (``<br>``, ``<img>``) is one ``U+FFFC`` character, so the casing model
   sees something there but no rule can match its content (a code span holding "Baca Juga"
   must not make its paragraph junk); formatting tags and comments are left out. If any
   child fails to align, the whole inline token is left alone: a wrong edit is worse than
   none.
4. **Prose runs through the ordinary stages**: paragraphs (top level, in lists and block
   quotes) through normalisation, the junk rules and casing (``pipeline.run_stages``) as one
   document; table cells through casing only; headings through ``casing.titlecase_heading``,
   and only when they are title-cased (a normally cased heading is the editor's choice).
5. **Only changed characters are written back**, and only where the plain character maps to
   a source offset. Case changes are per character; a deletion (a photo credit) is applied
   only when it covers one contiguous run of source text with no markup inside or (for
   spaces) beside it. A dropped paragraph takes its lines with it (its list item or block
   quote too, when it was the only thing in it) and one of the blank lines around it, so no
   double blank line is left.
6. **The result is checked by parsing it again**: code and HTML blocks, headings, tables and
   reference definitions must come out as they went in. A drop that would change them (an
   indented code block after a list would join the list) is skipped.

Steps carry the line and column of the change in the input file.
"""

from __future__ import annotations

import bisect
import dataclasses
import difflib
import functools
import html
from dataclasses import dataclass

import regex

from . import casing, document, normalize, pipeline
from .config import Config
from .document import Step

#: The stand-in for an atom of markup the stages must not see into (code span, image, HTML).
STAND_IN = "\ufffc"

# Matches: "---\n" or "+++  \n" as the first line of a file (YAML / TOML front matter).
# Must not match: "----" (a longer thematic break) or "--- judul".
_FRONT_MATTER_FENCE_RE = regex.compile(r"^(---|\+\+\+)[ \t]*\n")
# Matches: 'title: "Harga Beras Naik"' / "title = 'Judul'" / "title: Judul Tanpa Kutip".
# Must not match: "subtitle: Judul" / "title:" (no value).
_FRONT_MATTER_TITLE_RE = regex.compile(
    r"^(?P<key>title[ \t]*[:=][ \t]*)(?P<q>[\"']?)(?P<value>[^\"'\n]*?[^\"'\s][^\"'\n]*?)(?P=q)[ \t]*$",
    regex.MULTILINE,
)
_ENTITY_RE = regex.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# Matches: "<br>" / "<img src=x>" / "<IFRAME". Must not match: "<em>" / "<!-- catatan -->".
_OBJECT_TAG_RE = regex.compile(r"(?i)<(?:br|img|hr|wbr|input|iframe|video|audio|embed|object|svg)\b")
_WORD_RE = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'’]*")


@functools.cache
def _parser():
    from markdown_it import MarkdownIt  # imported lazily: only Markdown input needs it

    return MarkdownIt("commonmark").enable(["table", "strikethrough"])


@functools.cache
def _block_parser():
    """Blocks and reference definitions only: enough to check a result's structure."""
    return _parser().__class__("commonmark").enable(["table", "strikethrough"]).disable(["inline", "text_join"])


# --------------------------------------------------------------------------- front matter


def split_front_matter(text: str) -> int:
    """Length of the front matter block at the start of ``text`` (0 if there is none).

    >>> split_front_matter("---\\ntitle: A\\n---\\n# Judul\\n")
    17
    >>> split_front_matter("+++\\ntitle = 'A'\\n+++\\nteks\\n")
    20
    >>> split_front_matter("--- bukan\\n")
    0
    """
    match = _FRONT_MATTER_FENCE_RE.match(text)
    if not match:
        return 0
    fence = match.group(1)
    closing = regex.compile(r"^" + regex.escape(fence) + r"[ \t]*(?:\n|\Z)", regex.MULTILINE)
    end = closing.search(text, match.end())
    return end.end() if end else 0


# --------------------------------------------------------------------------- alignment


@dataclass
class _Prose:
    """One piece of prose: its plain text and, per plain character, its source offset."""

    kind: str  # "paragraph", "heading" or "cell"
    plain: str
    offsets: list  # list[int | None]
    lines: tuple[int, int]  # the block's source line range, for dropping it
    removable: bool = True  # False when dropping the lines would break the structure
    joins: set = dataclasses.field(default_factory=set)  # where invisible markup was left out
    breaks: set = dataclasses.field(default_factory=set)  # where a soft line break stands as a space
    in_list: bool = False  # a paragraph in a list item (its marker is not in ``plain``)
    nested: bool = False  # a paragraph in a list item or a block quote
    headed: bool = False  # a paragraph right under a heading


class _Misaligned(Exception):
    """The token stream and the source disagree; the inline is left alone."""


def _skip_destination(raw: str, i: int) -> int:
    """``raw[i]`` is just after a link's ``]``: skip ``(target "title")`` or ``[label]``."""
    if raw.startswith("(", i):
        depth, j, quote, angle = 0, i, "", False
        while j < len(raw):
            ch = raw[j]
            if ch == "\\":
                j += 2
                continue
            if angle:
                angle = ch != ">"
            elif quote:
                if ch == quote:
                    quote = ""
            elif ch == "<" and raw[j - 1] in "( ":
                angle = True
            elif ch in "\"'" and raw[j - 1] in " \t\n":
                quote = ch
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        raise _Misaligned("unclosed link destination")
    if raw.startswith("[", i):
        end = raw.find("]", i)
        if end < 0:
            raise _Misaligned("unclosed reference label")
        return end + 1
    return i


def _skip_brackets(raw: str, i: int) -> int:
    """``raw[i]`` is ``[``: the index just past its matching ``]``."""
    depth, j = 0, i
    while j < len(raw):
        ch = raw[j]
        if ch == "\\":
            j += 2
            continue
        if ch == "`":
            run = len(raw[j:]) - len(raw[j:].lstrip("`"))
            close = raw.find("`" * run, j + run)
            j = close + run if close >= 0 else j + run
            continue
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    raise _Misaligned("unclosed bracket")


def align_inline(raw: str, children) -> tuple[str, list, set, set]:
    """Walk an inline token's children over its raw source.

    Returns the plain text, per plain character its index in ``raw`` (``None`` for
    stand-ins and line breaks), the plain positions where invisible markup (emphasis,
    link brackets, formatting tags) was left out, and those of soft line breaks. Raises
    :class:`_Misaligned` when they disagree.
    """
    plain: list[str] = []
    where: list = []
    joins: set[int] = set()
    breaks: set[int] = set()
    i = 0
    n = len(raw)
    tokens = list(children or [])
    k = 0

    def stand_in() -> None:
        plain.append(STAND_IN)
        where.append(None)

    while k < len(tokens):
        tok = tokens[k]
        kind = tok.type
        if kind in ("text", "text_special"):
            content, c = tok.content, 0
            if raw.startswith(content, i):  # the common case: no escapes, no entities
                plain.extend(content)
                where.extend(range(i, i + len(content)))
                i, c = i + len(content), len(content)
            while c < len(content):
                ch = content[c]
                entity = _ENTITY_RE.match(raw, i) if ch == "&" or raw.startswith("&", i) else None
                decoded = html.unescape(entity.group()) if entity else ""
                if entity and decoded != entity.group() and content.startswith(decoded, c):
                    # An entity is one stand-in: its decoded text is never edited.
                    stand_in()
                    i, c = entity.end(), c + len(decoded)
                    continue
                if i < n and raw[i] == ch:
                    plain.append(ch)
                    where.append(i)
                    i, c = i + 1, c + 1
                    continue
                if raw.startswith("\\", i) and i + 1 < n and raw[i + 1] == ch:
                    plain.append(ch)
                    where.append(i + 1)
                    i, c = i + 2, c + 1
                    continue
                raise _Misaligned(f"text {ch!r} at {i}")
        elif kind in ("softbreak", "hardbreak"):
            while i < n and raw[i] in " \t\\":
                i += 1
            if i >= n or raw[i] != "\n":
                raise _Misaligned("line break")
            i += 1
            while i < n and raw[i] in " \t":
                i += 1
            # A soft line break is a space to a reader (and to the rules: a line-level
            # rule must not see a wrapped line as a line of its own).
            if kind == "softbreak":
                breaks.add(len(plain))
            plain.append(" ")
            where.append(None)
        elif kind == "code_inline":
            if not raw.startswith(tok.markup, i):
                raise _Misaligned("code span")
            close = i + len(tok.markup)
            while True:
                close = raw.find(tok.markup, close)
                if close < 0:
                    raise _Misaligned("unclosed code span")
                after = close + len(tok.markup)
                if (after >= n or raw[after] != "`") and raw[close - 1] != "`":
                    break
                close = after
                while close < n and raw[close] == "`":
                    close += 1
            i = close + len(tok.markup)
            stand_in()
        elif kind == "html_inline":
            if not raw.startswith(tok.content, i):
                raise _Misaligned("inline HTML")
            i += len(tok.content)
            # Formatting tags and comments are invisible to a reader; an image or a
            # line break is something in the sentence.
            if _OBJECT_TAG_RE.match(tok.content):
                stand_in()
            else:
                joins.add(len(plain))
        elif kind == "image":
            if not raw.startswith("![", i):
                raise _Misaligned("image")
            i = _skip_destination(raw, _skip_brackets(raw, i + 1))
            stand_in()
        elif kind == "link_open" and tok.info == "auto":
            end = raw.find(">", i)
            if not raw.startswith("<", i) or end < 0:
                raise _Misaligned("autolink")
            i = end + 1
            while k < len(tokens) and tokens[k].type != "link_close":
                k += 1
            stand_in()
        elif kind == "link_open":
            if not raw.startswith("[", i):
                raise _Misaligned("link")
            i += 1
            joins.add(len(plain))
        elif kind == "link_close":
            if not raw.startswith("]", i):
                raise _Misaligned("link end")
            i = _skip_destination(raw, i + 1)
            joins.add(len(plain))
        elif kind.endswith(("_open", "_close")) and tok.markup:
            if not raw.startswith(tok.markup, i):
                raise _Misaligned(kind)
            i += len(tok.markup)
            joins.add(len(plain))
        else:
            raise _Misaligned(f"unknown token {kind}")
        k += 1
    if raw[i:].strip():
        raise _Misaligned("unconsumed source")
    return "".join(plain), where, joins, breaks


# --------------------------------------------------------------------------- locating


def _line_starts(text: str) -> list[int]:
    starts, pos = [0], text.find("\n")
    while pos >= 0:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def _locate_lines(content: str, first: int, lines: list[str], starts: list[int]) -> list | None:
    """Source offsets of each character of ``content``, whose lines end source lines."""
    offsets: list = []
    parts = content.split("\n")
    for number, part in enumerate(parts):
        index = first + number
        if index >= len(lines):
            return None
        line = lines[index]
        end = len(line.rstrip()) if number == len(parts) - 1 else len(line)
        begin = end - len(part)
        if begin < 0 or line[begin:end] != part:
            return None
        offsets.extend(range(starts[index] + begin, starts[index] + end))
        if number < len(parts) - 1:
            offsets.append(starts[index] + len(line))  # the "\n"
    return offsets


def _split_row(line: str) -> list[tuple[int, str]]:
    """Cells of a table row: (start column, raw text), as markdown-it splits them."""
    cells = []
    core_start = len(line) - len(line.lstrip())
    core_end = len(line.rstrip())
    i = begin = core_start
    if line.startswith("|", core_start):
        i = begin = core_start + 1
    while i < core_end:
        if line[i] == "\\":
            i += 2
            continue
        if line[i] == "|":
            cells.append((begin, line[begin:i]))
            begin = i + 1
        i += 1
    if begin < core_end:
        cells.append((begin, line[begin:core_end]))
    return [(start + len(raw) - len(raw.lstrip()), raw.strip()) for start, raw in cells]


def _collect_prose(text: str, parse_text: str) -> list[_Prose]:
    tokens = _parser().parse(parse_text)
    lines = text.split("\n")
    starts = _line_starts(text)
    found: list[_Prose] = []
    # Direct block children of each container, so a dropped paragraph knows whether it
    # was alone in its list item or block quote.
    children: dict[int, int] = {}
    stack: list[int] = []
    for index, tok in enumerate(tokens):
        if tok.nesting == -1:
            stack.pop()
            continue
        if stack and tok.type != "inline":
            children[stack[-1]] = children.get(stack[-1], 0) + 1
        if tok.nesting == 1:
            stack.append(index)
    row_cells: dict = {}
    cell_index = -1
    for index, tok in enumerate(tokens):
        if tok.nesting == 1:
            stack.append(index)
        elif tok.nesting == -1:
            stack.pop()
        if tok.type == "tr_open":
            cell_index = -1
        elif tok.type in ("th_open", "td_open"):
            cell_index += 1
        if tok.type != "inline" or not tok.map or tok.children is None:
            continue
        parent = tokens[index - 1]
        first, last = tok.map
        if parent.type == "heading_open":
            if parent.markup.startswith("#"):
                line = lines[first]
                lead = len(line) - len(line.lstrip())
                hashes = lead + len(parent.markup)
                begin = line.find(tok.content, hashes) if tok.content else -1
                if begin < 0:
                    continue
                offsets = list(range(starts[first] + begin, starts[first] + begin + len(tok.content)))
            else:
                offsets = _locate_lines(tok.content, first, lines, starts)
            kind = "heading"
        elif parent.type in ("th_open", "td_open"):
            cells = row_cells.setdefault(first, _split_row(lines[first]))
            if cell_index >= len(cells):
                continue
            begin, raw = cells[cell_index]
            if raw.replace("\\|", "|") != tok.content:
                continue
            offsets = list(range(starts[first] + begin, starts[first] + begin + len(raw)))
            kind = "cell"
        elif parent.type == "paragraph_open":
            offsets = _locate_lines(tok.content, first, lines, starts)
            kind = "paragraph"
        else:
            continue
        if offsets is None:
            continue
        raw_text = "".join(text[o] for o in offsets)
        try:
            plain, where, joins, breaks = align_inline(raw_text, tok.children)
        except _Misaligned:
            continue
        source = [offsets[w] if w is not None else None for w in where]
        span, removable, in_list, nested = (first, last), True, False, False
        if kind == "paragraph":
            span, removable = _removal_span(tokens, stack, children, (first, last))
            in_list = any(tokens[k].type == "list_item_open" for k in stack)
            nested = in_list or any(tokens[k].type == "blockquote_open" for k in stack)
        headed = kind == "paragraph" and index >= 2 and tokens[index - 2].type == "heading_close"
        found.append(_Prose(kind, plain, source, span, removable, joins, breaks, in_list, nested, headed))
    return found


def _removal_span(tokens, stack: list[int], children: dict, span: tuple[int, int]):
    """The lines to delete with a dropped paragraph; ``stack`` ends with its paragraph_open.

    Returns ``(span, removable)``.
    """
    depth = len(stack) - 2
    while depth >= 0:
        container = tokens[stack[depth]]
        if container.type not in ("list_item_open", "blockquote_open") or children.get(stack[depth]) != 1:
            break
        span = tuple(container.map)
        depth -= 1
    if depth >= 0:
        container = tokens[stack[depth]]
        inner = tokens[stack[depth + 1]]
        # The first block of a list item shares the bullet's line: dropping it alone would
        # orphan the item's other blocks.
        if container.type == "list_item_open" and inner.map and inner.map[0] == container.map[0]:
            return span, False
    return span, True


# --------------------------------------------------------------------------- write-back


def _fold(text: str) -> str:
    """Lowercase, keeping the length (``İ`` lowercases to two characters)."""
    folded = text.lower()
    if len(folded) == len(text):
        return folded
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


#: Above this many differing characters difflib (quadratic on long repetitive text) is not
#: used when a greedy alignment can do: the new text only deletes characters from the old.
_DIFF_LIMIT = 1000


def _opcodes(a: str, b: str) -> list[tuple[str, int, int, int, int]]:
    """Opcodes turning ``a`` into ``b``, as ``difflib.SequenceMatcher.get_opcodes`` gives.

    Only the part between the common prefix and suffix is aligned; a long middle from
    which ``b`` only deletes (junk cuts) or to which it only inserts (spaces put into
    sentence glue) is aligned by :func:`_deletions`, any other long middle is one
    replacement. (difflib on a long middle took minutes: a 20 KB paragraph with glue
    repaired at both ends, found by ``scripts/fuzz.py``.)

    >>> _opcodes("a  b", "a b")
    [('equal', 0, 2, 0, 2), ('delete', 2, 3, 2, 2), ('equal', 3, 4, 2, 3)]
    """
    start, end_a, end_b = pipeline._diff_span(a, b)
    middle_a, middle_b = a[start:end_a], b[start:end_b]
    if max(len(middle_a), len(middle_b)) <= _DIFF_LIMIT:
        inner = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes()
    else:
        if len(middle_b) <= len(middle_a):
            inner = _deletions(middle_a, middle_b)
        else:
            inner = _insertions(middle_a, middle_b)
        if inner is None:
            # One replacement of the whole middle: never a partial alignment whose parts
            # could be applied apart (an insert kept, its matching delete skipped at markup).
            inner = [("replace", 0, len(middle_a), 0, len(middle_b))]
    ops = [("equal", 0, start, 0, start)] if start else []
    ops += [(op, i1 + start, i2 + start, j1 + start, j2 + start) for op, i1, i2, j1, j2 in inner]
    if end_a < len(a):
        ops.append(("equal", end_a, len(a), end_b, len(b)))
    return ops


def _greedy_deletions(a: str, b: str) -> list[tuple[str, int, int, int, int]] | None:
    """Opcodes deleting from ``a`` what ``b`` lacks, matching ``b`` leftmost; ``None`` if
    ``b`` is not a subsequence of ``a``.

    >>> _greedy_deletions("a  b  c", "a b c")
    [('equal', 0, 2, 0, 2), ('delete', 2, 3, 2, 2), ('equal', 3, 5, 2, 4), ('delete', 5, 6, 4, 4), ('equal', 6, 7, 4, 5)]
    >>> _greedy_deletions("ab", "ba") is None
    True
    """
    ops: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    while j < len(b):
        k = a.find(b[j], i)
        if k < 0:
            return None
        if k > i:
            ops.append(("delete", i, k, j, j))
        run = 0
        while k + run < len(a) and j + run < len(b) and a[k + run] == b[j + run]:
            run += 1
        ops.append(("equal", k, k + run, j, j + run))
        i, j = k + run, j + run
    if i < len(a):
        ops.append(("delete", i, len(a), j, j))
    return ops


#: An anchor: this many characters of the new text found once, and only once, in the old.
_ANCHOR = 32
_ANCHOR_DEPTH = 48


def _deletions(a: str, b: str, depth: int = 0) -> list[tuple[str, int, int, int, int]] | None:
    """Opcodes deleting from ``a`` what ``b`` lacks; ``None`` if ``b`` is not a
    subsequence of ``a``.

    Two junk cuts in one long paragraph (a "Baca juga" headline near its start, a
    promo near its end) leave a middle that is nearly the whole paragraph. Matching it
    leftmost, character by character, matched the "S" of "Sementara" in the cut
    "BPJS" and spread the deletion over every line; where a line break stopped part
    of it, "Sementara" was written back as "Sentara". So the middle is split at an
    anchor (:data:`_ANCHOR` characters of ``b`` that occur exactly once in ``a``) and
    each side aligned the same way, down to difflib on short middles; the leftmost
    match is kept for text with no unique anchor (repeated phrases).

    >>> _deletions("Baca juga: Judul Sementara. " + "isi berita " * 200 + "Simak saluran kami.",
    ...            "Sementara. " + "isi berita " * 200)[0]
    ('delete', 0, 17, 0, 0)
    """
    start, end_a, end_b = pipeline._diff_span(a, b)
    middle_a, middle_b = a[start:end_a], b[start:end_b]
    inner = None
    if not middle_b:
        inner = [("delete", 0, len(middle_a), 0, 0)] if middle_a else []
    elif len(middle_a) <= _DIFF_LIMIT:
        inner = difflib.SequenceMatcher(None, middle_a, middle_b, autojunk=False).get_opcodes()
    elif depth < _ANCHOR_DEPTH and len(middle_b) > _ANCHOR:
        for share in (2, 3, 4, 6):  # a few places, in case one spans a cut
            pos = len(middle_b) // share
            probe = middle_b[pos : pos + _ANCHOR]
            at = middle_a.find(probe)
            if at < 0 or middle_a.find(probe, at + 1) >= 0:
                continue
            left = _deletions(middle_a[:at], middle_b[:pos], depth + 1)
            right = _deletions(middle_a[at:], middle_b[pos:], depth + 1)
            if left is not None and right is not None:
                inner = left + [(op, i1 + at, i2 + at, j1 + pos, j2 + pos) for op, i1, i2, j1, j2 in right]
            break
    if inner is not None and any(op[0] not in ("equal", "delete") for op in inner):
        # An anchor in repeated text can be the one place its words occur in ``a`` and
        # still not where ``b`` took them from (a cut made them): the halves then need
        # insertions, which a deletion never does. Found by ``scripts/fuzz.py --seed 67``.
        inner = None
    if inner is None:
        inner = _greedy_deletions(middle_a, middle_b)
        if inner is None:
            return None
    ops = [("equal", 0, start, 0, start)] if start else []
    ops += [(op, i1 + start, i2 + start, j1 + start, j2 + start) for op, i1, i2, j1, j2 in inner if i2 > i1 or j2 > j1]
    if end_a < len(a):
        ops.append(("equal", end_a, len(a), end_b, len(b)))
    return _merged(ops)


def _merged(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Adjacent opcodes of one kind joined (the halves of an anchored split meet)."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if out and out[-1][0] == op[0] and out[-1][2] == op[1] and out[-1][4] == op[3]:
            out[-1] = (op[0], out[-1][1], op[2], out[-1][3], op[4])
        else:
            out.append(op)
    return out


def _insertions(a: str, b: str) -> list[tuple[str, int, int, int, int]] | None:
    """Opcodes inserting into ``a`` what ``b`` adds; ``None`` if ``a`` is not a
    subsequence of ``b`` (:func:`_deletions` read the other way).

    >>> _insertions("a.b", "a. b")
    [('equal', 0, 2, 0, 2), ('insert', 2, 2, 2, 3), ('equal', 2, 3, 3, 4)]
    """
    backwards = _deletions(b, a)
    if backwards is None:
        return None
    swap = {"equal": "equal", "delete": "insert", "insert": "delete", "replace": "replace"}
    return [(swap[op], j1, j2, i1, i2) for op, i1, i2, j1, j2 in backwards]


def _word_around(text: str, i: int) -> tuple[int, int]:
    start = end = i
    while start and text[start - 1].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum():
        end += 1
    return start, end


def _same_place_in_word(old: str, i: int, new: str, j: int) -> bool:
    """Whether letter ``i`` of ``old`` and letter ``j`` of ``new`` are the same letter of
    the same word, so a change of case may go from one to the other. An alignment of long
    repeated text (:func:`_greedy_deletions` matches leftmost) can pair letters of other
    words, and their cases then made "SCROLL TO CONtINuE" and "KePala" of a paragraph
    whose cut was not written back (found by ``scripts/fuzz.py --seed 67``).

    >>> _same_place_in_word("Sejak Kepala", 6, "sejak kepala", 6), _same_place_in_word("Kepala Kota", 2, "kota kepala", 2)
    (True, False)
    """
    a_start, a_end = _word_around(old, i)
    b_start, b_end = _word_around(new, j)
    return i - a_start == j - b_start and old[a_start:a_end].lower() == new[b_start:b_end].lower()


def _edits(
    old: str, new: str, offsets: list, joins: set = frozenset(), breaks: set = frozenset(), source: str = ""
) -> tuple[list, set]:
    """Source edits ``(start, end, replacement)`` turning ``old`` into ``new``, and the
    plain indexes they came from. Only characters with a source offset are edited, and
    no deletion crosses markup (``joins``), nor removes the space beside it (two spaces
    around a left-out ``<!-- comment -->`` are not a run of spaces in the file). A
    deletion may cross soft line breaks (``breaks``) when it takes whole lines (a "Baca
    juga" label on one line and its headline on the next go together) or when it keeps
    one of them (:func:`_cut_around_break`: a wrapped inline promo); no lines join
    (``source``, the file, shows what the lines around such a cut hold).

    An alignment's parts hold together: when one part cannot be written back, the
    others are written only if they are all deletions (the text then loses less, but
    gains nothing); one that pairs letters of other words writes nothing at all. A replacement or an insertion written without the deletion it was
    aligned with would put text in that was never there ("Baca Juga: harga harga <b>
    harga" once became "harga harga harga <b> harga")."""
    edits: list = []
    touched: set = set()
    if old == new:
        return edits, touched
    a, b = _fold(old), _fold(new)
    if a == b:
        blocks = [("equal", 0, len(old), 0, len(new))]
    else:
        blocks = _opcodes(a, b)
    cuts: list = []  # (edit, plain indexes, only a deletion)
    skipped = False
    for op, i1, i2, j1, j2 in blocks:
        if op == "equal":
            for k in range(i2 - i1):
                if old[i1 + k] != new[j1 + k] and offsets[i1 + k] is not None:
                    if not _same_place_in_word(old, i1 + k, new, j1 + k):
                        # An alignment of repeated text paired letters of other words:
                        # none of its parts can be trusted, so the paragraph stays as it is.
                        return [], set()
                    start = offsets[i1 + k]
                    edits.append((start, start + 1, new[j1 + k]))
                    touched.add(i1 + k)
            continue
        replacement = new[j1:j2]
        if STAND_IN in replacement or "\n" in replacement:
            skipped = True
            continue
        span = offsets[i1:i2]
        if i1 == i2:
            if i1 > 0 and offsets[i1 - 1] is not None:
                anchor = offsets[i1 - 1] + 1
            elif i1 < len(offsets) and offsets[i1] is not None:
                anchor = offsets[i1]
            else:
                skipped = True
                continue
            cuts.append(((anchor, anchor, replacement), {max(i1 - 1, 0)}, False))
            continue
        if not _one_piece(span):
            found = _whole_lines_cut(old, offsets, breaks, i1, i2) if not replacement else None
            if found is None and not replacement and not any(i1 < j < i2 for j in joins):
                around = _cut_around_break(old, offsets, breaks, i1, i2, source)
                if around is not None:
                    cuts += [((start, end, ""), set(range(i1, i2)), True) for start, end in around]
                    continue
            if found is None or _joins_lines(source, *found[2]):
                skipped = True
                continue
            i1, i2, lines = found
            span = list(range(*lines))
        inside = any(i1 < j < i2 for j in joins)
        beside = (i1 in joins or i2 in joins) and not old[i1:i2].strip()
        if inside or beside:
            skipped = True
            continue
        cuts.append(((span[0], span[-1] + 1, replacement), set(range(i1, i2)), not replacement))
    if skipped and not all(deletion for _, _, deletion in cuts):
        cuts = []
    for edit, indexes, _ in cuts:
        edits.append(edit)
        touched.update(indexes)
    return edits, touched


def _cut_around_break(
    old: str, offsets: list, breaks: set, i1: int, i2: int, source: str = ""
) -> list[tuple[int, int]] | None:
    """Source ranges that cut plain ``old[i1:i2]`` where it crosses soft line breaks and
    starts inside a line (an inline "(Baca juga: ...)" wrapped onto the next line): the
    first line's tail goes, so do the lines after it up to the cut's end and the head of
    the line it ends in; the first break stays and stands for the space the cut took with
    it. So no line is joined to another and none is left blank. None when the cut is not
    like that, or the line it ends in would then open with a block marker.

    The file ``naik. (Baca juga:\\nHarga Cabai) Pedagang`` becomes ``naik.\\nPedagang``:

    >>> _cut_around_break("naik. (Baca juga: Harga Cabai) Pedagang", list(range(39)), {17}, 6, 31)
    [(5, 17), (18, 31)]
    """
    crossed = [k for k in range(i1 - 1, i2 + 1) if k in breaks]
    if not crossed:
        return None
    k = crossed[0]
    wanted = old[:i1] + old[i2:]
    line_start = max((b + 1 for b in breaks if b < k), default=0)
    for a, b in ((i1 - 1, i2), (i1, i2 + 1), (i1 - 1, i2 + 1), (i1, i2)):
        if not (line_start < a <= k < b < len(old)) or old[:a] + " " + old[b:] != wanted:
            continue
        if old[a - 1].isspace() or old[b].isspace() or not old[line_start:a].strip():
            continue
        line_end = min((c for c in breaks if c > b), default=len(old))
        if not old[b].isalnum() or regex.match(r"\d+[.)]", old[b:line_end]):
            continue  # the line would open a list, a quote, a heading or a rule
        left = offsets[a:k]  # the first line's tail, in the file in one piece
        if left and not _one_piece(left):
            return None
        ranges = [(left[0], left[-1] + 1)] if left else []
        if k + 1 == b:
            return ranges or None  # the cut ended at the break
        # The rest may take whole lines with it.
        known = _known_in_order(offsets, breaks, k + 1, b)
        if known is None or offsets[b] is None:
            return None
        right = (known[0][1], offsets[b])
        if _joins_lines(source, *right):
            return None
        return ranges + [right]
    return None


#: How far a cut across line breaks may slide to line up with whole lines.
_SLIDE = 200


def _joins_lines(source: str, start: int, end: int) -> bool:
    """Whether cutting ``source[start:end]`` leaves a line that is no line of ``source``: the
    cut's first line kept its container markers ("> - ") and the line after the cut has
    others ("    "), so the two would run together ("> - * Judul", found by the property
    test). A whole-lines cut inside a block quote leaves the next line's own "> "."""
    if not source or "\n" not in source[start:end]:
        return False
    head = source.rfind("\n", 0, start) + 1
    tail = source.find("\n", end)
    tail = len(source) if tail < 0 else tail
    left = source[head:start] + source[end:tail]
    return left != source[head : source.find("\n", start)] and left != source[source.rfind("\n", 0, end) + 1 : tail]


def _whole_lines_cut(old: str, offsets: list, breaks: set, i1: int, i2: int):
    """``(i1, i2, source range)`` of the deletion of plain ``old[i1:i2]`` as whole lines
    (:func:`_across_breaks`), or None. The same deletion can sit a few characters either
    way ("Konten ... (AI). Kepala" cut to "Kepala" is also "onten ... (AI). K" cut after
    the "K" both share); it is slid, at most :data:`_SLIDE`, to where it takes whole lines."""
    for step in (-1, 1):
        a, b = i1, i2
        for _ in range(_SLIDE + 1):
            source = _across_breaks(offsets, breaks, a, b)
            if source is not None:
                return a, b, source
            if step < 0 and a > 0 and old[a - 1] == old[b - 1]:
                a, b = a - 1, b - 1
            elif step > 0 and b < len(old) and old[a] == old[b]:
                a, b = a + 1, b + 1
            else:
                break
    return None


def _across_breaks(offsets: list, breaks: set, i1: int, i2: int) -> tuple[int, int] | None:
    """The source range of plain ``[i1, i2)`` when it is whole lines and the soft line
    breaks between them: a break it opens with follows a kept line and it ends at a line's
    end, or it starts a line and a break it ends with leads to a kept one. So a cut takes
    lines out and never joins two (every output line is an input line, cut or not); one
    that starts inside a line and crosses a break is :func:`_cut_around_break`'s."""
    known = _known_in_order(offsets, breaks, i1, i2)
    if known is None:
        return None
    starts_line = i1 == 0 or i1 - 1 in breaks
    ends_line = i2 == len(offsets) or i2 in breaks
    if not (i1 in breaks and ends_line or i2 - 1 in breaks and starts_line):
        return None
    start, end = known[0][1], known[-1][1] + 1
    if offsets[i1] is None:
        if i1 == 0 or offsets[i1 - 1] is None:
            return None
        start = offsets[i1 - 1] + 1
    if offsets[i2 - 1] is None:
        if i2 >= len(offsets) or offsets[i2] is None:
            return None
        end = offsets[i2]
    return start, end


def _one_piece(span: list) -> bool:
    """Whether ``span``, the file offsets of plain characters, is one run of the file:
    none unknown (markup left out), each right after the one before."""
    return bool(span) and None not in span and span == list(range(span[0], span[0] + len(span)))


def _known_in_order(offsets: list, breaks: set, i1: int, i2: int) -> list[tuple[int, int]] | None:
    """The characters of plain ``[i1, i2)`` with their file offsets when the range is the
    file's text in order but for soft line breaks: nothing unknown but the breaks, and
    each character right after the one before unless a break lies between (a new line's
    container markers, "> ", sit there in the file); None otherwise."""
    known = [(k, offsets[k]) for k in range(i1, i2) if offsets[k] is not None]
    if not known or any(offsets[k] is None and k not in breaks for k in range(i1, i2)):
        return None
    for (k, at), (k2, at2) in zip(known, known[1:]):
        if at2 != at + (k2 - k) and not (at2 > at and any(b in breaks for b in range(k + 1, k2))):
            return None
    return known


def _blank(line: str) -> bool:
    return not line.strip()


def _drop_lines(lines: list[str], spans: list[tuple[int, int]]) -> list[str]:
    """Remove whole lines (``keepends`` lines), and one side's blank lines around each run."""
    removed = [False] * len(lines)
    for first, last in spans:
        last = min(last, len(lines))
        # A list item's or block quote's line range may end with blank lines; they stay,
        # or the next block would run into the one before.
        while last > first and _blank(lines[last - 1]):
            last -= 1
        for index in range(first, last):
            removed[index] = True
    index = 0
    while index < len(lines):
        if not removed[index]:
            index += 1
            continue
        start = index
        while index < len(lines) and removed[index]:
            index += 1
        before = start - 1
        while before >= 0 and removed[before]:
            before -= 1
        if before < 0 or _blank(lines[before]):
            after = index
            while after < len(lines) and _blank(lines[after]) and not removed[after]:
                after += 1
            if after < len(lines):
                for j in range(index, after):
                    removed[j] = True
            else:
                j = before
                while j >= 0 and _blank(lines[j]) and not removed[j]:
                    removed[j] = True
                    j -= 1
    return [line for line, gone in zip(lines, removed) if not gone]


# --------------------------------------------------------------------------- headings


def is_title_cased(text: str) -> bool:
    """Whether a heading has every word capitalised (and is not simply in capitals).

    >>> is_title_cased("Harga Beras Naik Di Pasar Induk")
    True
    >>> is_title_cased("Harga Beras Naik di Pasar Induk")
    False
    >>> is_title_cased("Harga beras naik")
    False
    >>> is_title_cased("KTT ASEAN")
    False
    """
    words = _WORD_RE.findall(text)
    if len(words) < 2 or not all(w[0].isupper() for w in words):
        return False
    return any(not w.isupper() for w in words) and any(w[0].isupper() and w[1:].islower() for w in words)


def _recase_heading(plain: str) -> str:
    if not is_title_cased(plain):
        return plain
    recased = casing.titlecase_heading(plain)
    return recased if len(recased) == len(plain) else plain


# --------------------------------------------------------------------------- the stage


def _lines_for_rules(item: _Prose, norm: str) -> str:
    """``norm`` with a line break at each soft break that ends a paragraph to a reader of
    plain text (a promo line above two sentences, each on its line): the rules judge such
    lines one by one, as they do in a text file, where a line-level rule would otherwise
    take the sentences after a promo, a credit or a tag line with it. Wrapped prose keeps
    its spaces. Only where stage 1 changed nothing, so that positions stay as they were."""
    if not item.breaks or norm != item.plain:
        return norm
    breaks = sorted(item.breaks)
    bounds = [0] + [b + 1 for b in breaks]
    lines = [norm[start : end - 1] for start, end in zip(bounds, bounds[1:] + [len(norm) + 1])]
    chars = list(norm)
    for at, hard in zip(breaks, document.hard_breaks(lines)):
        if hard:
            chars[at] = "\n"
    return "".join(chars)


def _normalize(plain: str, config: Config) -> tuple[str, list[tuple[str, int, str, str]]]:
    """Stage 1 on one piece of prose: ``(text, [(rule, position, before, after)])``."""
    changes = []
    stages = (
        ("fix_encoding", normalize.fix_encoding),
        ("normalize_unicode", normalize.normalize_unicode),
        ("normalize_whitespace", lambda t: normalize.normalize_whitespace(t, keep_layout=True)),
    )
    for name, func in stages:
        if not config.is_enabled(name):
            continue
        fixed = func(plain)
        if fixed != plain and fixed.count(STAND_IN) == plain.count(STAND_IN):
            start, old_end, new_end = pipeline._diff_span(plain, fixed)
            changes.append((name, start, plain[start:old_end], fixed[start:new_end]))
            plain = fixed
    return plain, changes


def _back_to(original: str, normalized: str):
    """A function mapping positions in ``normalized`` to positions in ``original``."""
    if original == normalized:
        return lambda pos: pos
    blocks = [(i1, j1, i2 - i1) for op, i1, i2, j1, _ in _opcodes(original, normalized) if op == "equal"]

    def back(pos: int) -> int:
        for a, b, size in blocks:
            if b <= pos < b + size:
                return a + pos - b
            if b > pos:
                return a
        return len(original)

    return back


#: Passes over a document at most: a cut can leave text the rules read differently (a
#: note left alone at a paragraph's end), so cleaning repeats until nothing changes.
_MAX_PASSES = 5


def clean_markdown(text: str, config: Config) -> pipeline.Cleaned:
    """Clean the prose of a Markdown document, keeping its structure byte for byte.

    Cleaning twice gives what cleaning once does: a pass that changed the text is
    followed by another (at most :data:`_MAX_PASSES`); a later pass's steps give their
    place in the text as the pass before left it.

    >>> clean_markdown("# Judul\\n\\nBaca juga: [Lain](https://x.id/a)\\n\\nIsi `kode`.\\n", Config()).text
    '# Judul\\n\\nIsi `kode`.\\n'
    """
    from .normalize import normalize_newlines

    text = normalize_newlines(text)
    cleaned = _clean_markdown_once(text, config)
    for _ in range(_MAX_PASSES - 1):
        if cleaned.text == text:
            break
        text = cleaned.text
        again = _clean_markdown_once(text, config)
        cleaned = pipeline.Cleaned(again.text, cleaned.steps + again.steps)
    return cleaned


def _clean_markdown_once(text: str, config: Config) -> pipeline.Cleaned:
    """One pass of :func:`clean_markdown` over ``text`` (its line breaks ``"\\n"``)."""
    head = split_front_matter(text)
    # Blank the front matter so the parser keeps line numbers but never sees it.
    parse_text = "\n" * text[:head].count("\n") + text[head:]
    prose = _collect_prose(text, parse_text)
    starts = _line_starts(text)

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    edits: list = []
    steps: list[tuple[int, Step]] = []  # (source offset, step) for ordering
    drops: list[tuple[tuple[int, int], list[Step]]] = []  # (lines, steps to report)

    def anchor(item: _Prose, pos: int) -> int:
        offsets = item.offsets
        for index in range(pos, len(offsets)):
            if offsets[index] is not None:
                return offsets[index]
        for index in range(min(pos, len(offsets)) - 1, -1, -1):
            if offsets[index] is not None:
                return offsets[index]
        return starts[item.lines[0]]

    def hit(touched: set, start: int, length: int) -> bool:
        return any(t in touched for t in range(start, start + max(length, 1)))

    def add_step(offset: int, step: Step) -> None:
        line, column = where(offset)
        before, after = (_without_stand_ins(t) for t in (step.before, step.after))
        step = dataclasses.replace(step, before=before, after=after, line=line, column=column)
        steps.append((offset, step))

    if head and config.recase and config.recase_front_matter_title:
        edits += _front_matter_title(text[:head], add_step)

    paragraphs = [p for p in prose if p.kind == "paragraph"]
    normalized = [_normalize(p.plain, config) for p in paragraphs]
    texts, para_steps = pipeline.run_stages(
        [_lines_for_rules(p, n) for p, (n, _) in zip(paragraphs, normalized)],
        config,
        unwrap=True,
        list_items={n for n, p in enumerate(paragraphs) if p.in_list},
        nested={n for n, p in enumerate(paragraphs) if p.nested},
        headed={n for n, p in enumerate(paragraphs) if p.headed},
    )
    steps_of: dict[int, list] = {}
    for item in para_steps:
        steps_of.setdefault(item.paragraph, []).append(item)
    for number, (item, (norm, changes), new) in enumerate(zip(paragraphs, normalized, texts)):
        if new is None:
            if item.removable:
                dropped = [s.step for s in steps_of.get(number, []) if not s.step.after]
                drops.append((item.lines, dropped[:1]))
            continue
        back = _back_to(item.plain, norm)
        if _orphans_a_link(item, steps_of.get(number, []), back):
            continue
        found, touched = _edits(item.plain, new, item.offsets, item.joins, item.breaks, text)
        edits += found
        for rule, pos, before, after in changes:
            # A collapsed run of spaces may have lost either of its spaces: look one wider.
            if hit(touched, pos - 1, len(before) + 2):
                add_step(anchor(item, pos), Step(rule, before, after))
        for s in steps_of.get(number, []):
            pos = back(s.start)
            # An insertion's edit is anchored on the character before it.
            if hit(touched, pos, len(s.step.before)) or (not s.step.before and hit(touched, pos - 1, 1)):
                add_step(anchor(item, pos), s.step)

    if config.recase:
        cells = [p for p in prose if p.kind == "cell"]
        recased = casing.recase_document([p.plain for p in cells]) if cells else []
        pairs = list(zip(cells, recased))
        pairs += [(p, _recase_heading(p.plain)) for p in prose if p.kind == "heading"]
        for item, new in pairs:
            if len(new) != len(item.plain):
                continue
            found, touched = _edits(item.plain, new, item.offsets, item.joins)
            edits += found
            for start, end in pipeline._changed_words(item.plain, new):
                if hit(touched, start, end - start):
                    rule = "recase_heading" if item.kind == "heading" else "recase"
                    add_step(anchor(item, start), Step(rule, item.plain[start:end], new[start:end]))

    out = _apply(text, edits)
    if drops or edits:
        expected = _signature(parse_text)

        def keeps_structure(candidate: str) -> bool:
            return _signature(_blank_front(candidate, head)) == expected

        if not keeps_structure(out):
            # Should not happen (edits change case and cut text inside one paragraph);
            # if it does, the file is left as it was rather than restructured.
            return pipeline.Cleaned(text, [])
        # Each drop as (its lines in ``out``, its lines in ``text``, the steps it reports):
        # a cut across soft line breaks above it took lines out.
        placed = [
            (moved, lines, reported)
            for moved, (lines, reported) in zip(_moved_lines(text, edits, [lines for lines, _ in drops]), drops)
        ]
        accepted = placed
        if placed and not keeps_structure(_apply_drops(out, [moved for moved, _, _ in placed])):
            # Removing a block can change how its neighbours parse (an indented code
            # block after a list becomes part of the list): find the drops that do.
            accepted = []
            for drop in placed:
                if keeps_structure(_apply_drops(out, [moved for moved, _, _ in accepted + [drop]])):
                    accepted.append(drop)
        for _, lines, reported in accepted:
            for step in reported:
                add_step(starts[lines[0]], step)
        if accepted:
            out = _apply_drops(out, [moved for moved, _, _ in accepted])
    steps.sort(key=lambda pair: pair[0])
    return pipeline.Cleaned(out, [step for _, step in steps])


def _orphans_a_link(item: _Prose, steps: list, back) -> bool:
    """Whether a "Baca juga:" label would go alone from before a link (``Baca juga:
    [Judul](url)`` inside a paragraph): the link, its headline, cannot go with it (a cut
    crosses no markup), and a bare link left in the sentence is no cleaner. The paragraph
    is then left as it is."""
    for s in steps:
        if s.step.rule == "drop_read_also" and not s.step.after:
            end = back(s.start) + len(s.step.before)
            while end < len(item.plain) and item.plain[end] == " ":
                end += 1
            if end in item.joins:
                return True
    return False


def _without_stand_ins(text: str) -> str:
    """Step text as an editor would read it: no stand-ins, no spaces left around them."""
    if STAND_IN not in text:
        return text
    return text.replace(STAND_IN, "").strip() or text.replace(STAND_IN, "")


def _apply(text: str, edits: list) -> str:
    pieces, last = [], 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < last:
            continue  # overlapping edits: keep the first
        pieces.append(text[last:start])
        pieces.append(replacement)
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _blank_front(text: str, head: int) -> str:
    return "\n" * text[:head].count("\n") + text[head:]


def _signature(parse_text: str) -> tuple:
    """What a drop must not change: code and HTML blocks, headings, tables, rules and
    reference definitions, in order (paragraphs, lists and quotes may lose a block)."""
    env: dict = {}
    tokens = _block_parser().parse(parse_text, env)
    kept = []
    for tok in tokens:
        if tok.type in ("fence", "code_block", "html_block"):
            kept.append((tok.type, tok.info, tok.content))
        elif tok.type in ("heading_open", "table_open", "hr"):
            kept.append((tok.type, tok.markup))
    references = sorted((label, ref["href"], ref["title"]) for label, ref in env.get("references", {}).items())
    return tuple(kept), tuple(references)


def _moved_lines(text: str, edits: list, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line ranges of ``text`` as line ranges of ``_apply(text, edits)``: a deletion that
    crossed line breaks moved every later line up (dropped blocks lie outside edits)."""
    shifts, last = [], 0
    for start, end, replacement in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < last:
            continue  # skipped by _apply too
        gone = text.count("\n", start, end) - replacement.count("\n")
        if gone:
            shifts.append((end, gone))
        last = end
    starts = _line_starts(text)
    moved = []
    for first, end_line in spans:
        delta = sum(gone for end, gone in shifts if end <= starts[first])
        moved.append((first - delta, end_line - delta))
    return moved


def _apply_drops(out: str, drops: list) -> str:
    """Remove the dropped blocks' lines (in ``out``'s line numbers) from the edited text.

    Kept lines stay whole, their line break included: a file without a final newline
    whose last block is dropped ends with the kept line's newline (a front matter or a
    code block before it stays byte-identical).
    """
    return "".join(_drop_lines(document.lines_with_ends(out), drops))


def _front_matter_title(front: str, add_step) -> list:
    """Edits giving a title-cased ``title:`` value of the front matter heading casing."""
    match = _FRONT_MATTER_TITLE_RE.search(front)
    if not match:
        return []
    value = match.group("value")
    new = _recase_heading(value)
    if new == value:
        return []
    begin = match.start("value")
    found, _ = _edits(value, new, list(range(begin, begin + len(value))))
    for start, end in pipeline._changed_words(value, new):
        add_step(begin + start, Step("recase_heading", value[start:end], new[start:end]))
    return found
