"""The one place the stages are chained: normalise, split, junk rules, casing, emit.

``clean_and_explain`` returns the cleaned text and every :class:`~textfix.document.Step`
that changed it, in the spirit of ftfy's ``fix_and_explain``: an editor can see which
rule removed or recased what, and where (line and column of the normalised input).
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import unicodedata
from collections import Counter
from typing import Collection, Iterator, NamedTuple

import regex

from . import casing, document, fastpath, normalize, rules
from .config import Config
from .document import Step

_DEFAULT = Config()


class Cleaned(NamedTuple):
    """The result of :func:`clean_and_explain`."""

    text: str
    steps: list[Step]


def clean(text: str, config: Config | None = None) -> str:
    """Clean a scraped article: junk removed, casing repaired, paragraphs normalised.

    >>> clean("Jakarta - Harga Beras Naik Dan Warga Mengeluh Di Pasar.\\nBaca juga: Judul Lain\\n")
    'Jakarta - Harga beras naik dan warga mengeluh di pasar.\\n'
    """
    return _run(text, config, explain=False).text


def clean_field(text: str, config: Config | None = None) -> str:
    """:func:`clean` for a value that is no file (a JSONL record's field, a table cell): it
    gains no final line break it did not have, so a clean value comes back as it was.

    >>> clean_field("Harga Beras Naik Dan Warga Mengeluh Di Pasar.")
    'Harga beras naik dan warga mengeluh di pasar.'
    """
    return as_field(clean(text, config), text)


def as_field(cleaned: str, original: str) -> str:
    """``cleaned`` without the final line break that ``original`` did not have."""
    if cleaned.endswith("\n") and not original.endswith("\n"):
        return cleaned.rstrip("\n")
    return cleaned


#: A text the junk rules cut down to fewer letters than this is worth a warning: a scraper
#: that lost the body leaves a dateline and commas (PATTERNS.md 18: "under ~50 letters").
EMPTY_BODY_LETTERS = 50


def nearly_empty(cleaned: str, counts: Counter) -> bool:
    r"""Whether the junk rules removed something (``counts``, per rule, as
    :func:`clean_and_count` gives them) and left almost no letters: the body was lost in
    scraping and only chrome came, or the rules took it. Said (a warning), never acted
    on; a short text the rules left alone is not flagged.

    >>> nearly_empty("Jakarta, CNN Indonesia --\n", Counter(drop_ads=3))
    True
    >>> nearly_empty("Pedagang menunggu pasokan.\n", Counter())
    False
    """
    if len(cleaned) >= 20 * EMPTY_BODY_LETTERS or not any(counts[rule] for rule in rules.RULES if rule in counts):
        return False
    return sum(map(str.isalpha, cleaned)) < EMPTY_BODY_LETTERS


def clean_and_explain(text: str, config: Config | None = None) -> Cleaned:
    """Clean ``text`` and say what changed: ``Cleaned(text, steps)``."""
    return _run(text, config, explain=True)


def clean_and_count(text: str, config: Config | None = None) -> tuple[str, Counter]:
    """Clean ``text`` and count the changes per rule (``recase`` counts words), without
    keeping the steps: what a batch summary needs, in memory that does not grow with the
    number of changes.

    >>> clean_and_count("Warga Yang Datang Ke Pasar Itu Mengeluh.\\nBaca juga: Judul Lain\\n")
    ('Warga yang datang ke pasar itu mengeluh.\\n', Counter({'recase': 6, 'drop_read_also': 1}))
    """
    counts: Counter = Counter()
    return _run(text, config, explain=False, counts=counts).text, counts


def clean_parts(text: str, config: Config | None = None, counts: Counter | None = None) -> Iterator[str]:
    """``clean(text)`` in parts that concatenate to it, counting changes into ``counts`` as
    :func:`clean_and_count` does. A text with a line over :data:`LONG_LINE` characters comes
    out piece by piece, so a writer can encode each part and let it go: the cleaned text
    then never exists as one string beside the input. Other texts come as one part.

    >>> list(clean_parts("Warga Yang Datang Ke Pasar Itu Mengeluh.\\n"))
    ['Warga yang datang ke pasar itu mengeluh.\\n']
    """
    config = _prepare(config)
    if config.format != "markdown" and len(text) > LONG_LINE:
        lf = normalize.normalize_newlines(text)
        spans = _long_lines(lf)
        if spans:
            yield from _long_parts(lf, spans, config, counts, None)
            return
    yield _run(text, config, explain=False, counts=counts).text


def _prepare(config: Config | None) -> Config:
    config = config or _DEFAULT
    if config.drop_header_chrome and (config.layout == "keep" or config.format == "markdown"):
        # A file kept in its own layout is an editor's article: the short line above the lead
        # is its title, not a scraped page's chrome. Do no harm: keep it.
        config = config.replace(drop_header_chrome=False)
    return config


def _run(
    text: str, config: Config | None, explain: bool, counts: Counter | None = None, rejoined: int = 0
) -> Cleaned:
    """The stages in order; without ``explain`` no steps are built (a big input's steps
    can outweigh the text many times over), only ``counts`` kept if given."""
    config = _prepare(config)
    if config.format == "markdown":
        from . import markdown  # only Markdown files need the parser

        cleaned = markdown.clean_markdown(text, config)
        if counts is not None:
            counts.update(step.rule for step in cleaned.steps)
        return cleaned if explain else Cleaned(cleaned.text, [])
    if len(text) > LONG_LINE:
        lf = normalize.normalize_newlines(text)
        spans = _long_lines(lf)
        if spans:
            steps: list[Step] = []
            out = "".join(_long_parts(lf, spans, config, counts, steps if explain else None))
            return Cleaned(out, steps)
    fast = _fast_path(text, config, explain, counts is not None)
    if fast is not None:
        _count_recased(counts, fast.words)  # clean but for its casing: nothing else to explain or count
        return Cleaned(fast.text, [])
    nfc = _nfc_only(text, config)
    if nfc is not None:
        fast = _fast_path(nfc, config, explain, counts is not None)
        if fast is not None:
            # Stage 1 would give ``nfc`` (see _nfc_only): its steps and counts, not its rounds.
            steps = _line_steps("normalize_unicode", text, nfc) if explain else []
            if counts is not None:
                counts["normalize_unicode"] += len(steps) if explain else _changed_lines(text, nfc)
            _count_recased(counts, fast.words)
            return Cleaned(fast.text, steps)
    keep_layout = config.layout == "keep"
    normalised, steps = normalize_text(text, config, explain=explain, counts=counts)
    if normalised != text:
        # Stage 1 repaired something (NFC, an entity, spaces): the rest may still be a no-op.
        fast = _fast_path(normalised, config, explain, counts is not None)
        if fast is not None:
            _count_recased(counts, fast.words)
            return Cleaned(fast.text, steps)
    text = normalised
    doc = document.split_paragraphs(text)
    texts, para_steps = run_stages([p.text for p in doc.paragraphs], config, explain=explain, counts=counts)
    steps = steps + _locate(para_steps, doc, text) if explain else []
    if keep_layout:
        out = document.join_layout(doc, texts)
        kept = [t for t in texts if t is not None]
        if not rejoined and kept and [p.text for p in document.split_paragraphs(out).paragraphs] != kept:
            # A dropped line changed where paragraphs begin (link text that joined two
            # lines is gone), and a second run would read, and recase, other paragraphs:
            # read them now. Its steps give their place in the text this run left.
            again = _run(out, config, explain, counts, rejoined=_REREADS)
            return Cleaned(again.text, steps + again.steps)
        return Cleaned(out, steps)
    out = document.join_reflow([t for t in texts if t is not None], config.one_per_line)
    if rejoined < _REREADS and (
        any("\n" in t for t in texts if t is not None) or config.one_per_line and document.rejoins(out)
    ):
        # Rules read a soft-wrapped paragraph line by line, the output joins its lines, and
        # a second run would read the joined line ("(Foto:" + "a" is a credit only once
        # joined). Clean the joined text once more, so that twice is the same as once
        # (twice at most: one-per-line output can join again, a line left opening with
        # ". " runs on into the line above).
        again = _run(out, config, explain, counts, rejoined=rejoined + 1)
        out = again.text
        steps += [dataclasses.replace(step, line=0, column=0) for step in again.steps]
    return Cleaned(out, steps)


#: Times the reflow path reads its own output again at most (see _run).
_REREADS = 2


class _Fast(NamedTuple):
    text: str  # the cleaned text
    words: int  # words recased


def _fast_path(text: str, config: Config, explain: bool, count: bool) -> _Fast | None:
    """``text`` cleaned without the stages when the fast path proves stages 1 to 3 no-ops
    on it (:func:`fastpath.plain_paragraphs`): its lines, recased unless that too is
    provably a no-op, written out as the stages write them; the words recased if
    ``count``. None: run the stages (also where recasing changed something and
    ``explain`` asks which steps did what)."""
    plain = fastpath.plain_paragraphs(text, config)
    if plain is None:
        return None
    paragraphs, words = plain.paragraphs, 0
    if not plain.settled:
        recased = recase_in_windows(paragraphs)
        if recased != paragraphs:
            if explain:
                return None
            if count:
                words = sum(_recased_words(old, new) for old, new in zip(paragraphs, recased))
            paragraphs = recased
    out = fastpath.joined(paragraphs, config.one_per_line)
    return None if out is None else _Fast(out, words)


def _recased_words(old: str, new: str) -> int:
    """How many words of ``old`` recasing changed (``new``: the same text but for case)."""
    return sum(a != b for a, b in zip(old.split(), new.split())) if new != old else 0


def _count_recased(counts: Counter | None, words: int) -> None:
    if counts is not None and words:
        counts["recase"] += words


def _nfc_only(text: str, config: Config) -> str | None:
    """``text`` in NFC if it is not, and stage 1 may do nothing else to it: no entity, no
    mojibake signature, no invisible character (checked here, before NFC, where stage 1
    looks for them first). If the fast path then proves the NFC text clean, stage 1 is a
    no-op on it (no CR, odd space, space run, list join...), so its first round gave just
    that and its second changed nothing: one ``normalize`` call instead of two rounds of
    every normaliser (a tenth of the time, on the one article in thirty that needs it)."""
    if text.isascii() or not config.is_enabled("normalize_unicode") or unicodedata.is_normalized("NFC", text):
        return None
    if normalize.has_invisible(text) or normalize._MOJIBAKE_HINT_RE.search(text):
        return None
    if "&" in text and normalize.HTML_ENTITY_RE.search(text):
        return None
    return unicodedata.normalize("NFC", text)


#: No scraped paragraph is this long: a line over this many characters (a whole archive
#: that lost its line breaks) is cleaned in pieces of at most this size, cut after a
#: sentence end, each piece as a one-paragraph text of its own, and the lines around it as
#: texts of their own. Memory then stays flat however long the line; the price is that no
#: rule sees across a cut (a title above such a line is not dropped as page chrome).
LONG_LINE = 1_000_000
#: Where a long line is cut: the spaces after a sentence end, else any spaces.
_SENTENCE_CUT_RE = regex.compile(r"[.!?][\"'”’)]*+([ \t]++)(?=\S)")
_SPACE_CUT_RE = regex.compile(r"(?<=\S)([ \t]++)(?=\S)")


def _long_lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each line of ``text`` longer than :data:`LONG_LINE`, found with
    C-speed searches a window at a time (not line by line).

    >>> _long_lines("a\\n" + "b" * (LONG_LINE + 1) + "\\nc")
    [(2, 1000003)]
    """
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while size - pos > LONG_LINE:
        last = text.rfind("\n", pos, pos + LONG_LINE + 1)
        if last >= 0:
            pos = last + 1  # every line before ``last`` fits in the window
            continue
        end = text.find("\n", pos)
        end = size if end < 0 else end
        spans.append((pos, end))
        pos = end + 1
    return spans


def _line_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """``(begin, stop, joint)`` of the pieces of ``text[start:end]``, each at most
    :data:`LONG_LINE` long; ``joint`` is what stood between a piece and the next (a space
    once normalised), ``""`` after the last piece and after a cut inside a word.
    """
    while end - start > LONG_LINE:
        low, high = start + LONG_LINE // 2, start + LONG_LINE
        cut = None
        for pattern in (_SENTENCE_CUT_RE, _SPACE_CUT_RE):
            for match in pattern.finditer(text, low, high):
                cut = match.span(1)
            if cut is not None:
                break
        if cut is None:
            yield start, high, ""  # no space in half a window: not text, cut anywhere
            start = high
        else:
            yield start, cut[0], " "
            start = cut[1]
    yield start, end, ""


def _long_parts(
    text: str, spans: list[tuple[int, int]], config: Config, counts: Counter | None, steps: list[Step] | None
) -> Iterator[str]:
    """The cleaned ``text`` in parts: the runs of lines between long lines each cleaned as a
    text, each long line piece by piece (see :data:`LONG_LINE`). ``steps`` (if a list)
    gets each step with its line in ``text``; a piece's columns count from the piece's start
    in the line plus its position in the normalised piece.
    """
    keep = config.layout == "keep"
    # Reflowed, every text's output ends with a line break; paragraphs need a blank line.
    gap = "" if keep or config.one_per_line else "\n"
    started = False
    line = 1  # the line number of ``pos``
    pos = 0

    def clean_chunk(chunk: str, first_line: int, column: int) -> str:
        cleaned = _run(chunk, config, explain=steps is not None, counts=counts)
        if steps is not None:
            for step in cleaned.steps:
                if step.line:
                    shift = column if step.line == 1 else 0
                    step = dataclasses.replace(step, line=step.line + first_line - 1, column=step.column + shift)
                steps.append(step)
        return cleaned.text

    for start, end in spans + [(len(text), len(text))]:
        if start > pos:
            out = clean_chunk(text[pos:start], line, 0)
            if out:
                if started:
                    yield gap
                started = True
                yield out
            line += text.count("\n", pos, start)
        if start == len(text):
            break
        joint = ""
        opened = False
        for begin, stop, after in _line_pieces(text, start, end):
            out = clean_chunk(text[begin:stop], line, begin - start)
            if not keep:
                out = out[:-1]  # a reflowed paragraph's own line break
            if out:
                if opened:
                    yield joint
                elif started:
                    yield gap
                opened = started = True
                yield out
            joint = after if out or not opened else joint or after
        if opened and (end < len(text) or not keep):
            yield "\n"
        pos = end + 1
        line += 1


#: Stage 1 runs again while it changes something: a later normaliser can expose mojibake
#: to ftfy that an earlier pass could not see ("Â\tà" becomes "Â à" only after the tab is
#: a space), and cleaning must be idempotent (tests/test_properties.py).
_NORMALIZE_ROUNDS = 3


def normalize_text(
    text: str, config: Config, explain: bool = True, counts: Counter | None = None
) -> tuple[str, list[Step]]:
    """Stage 1; steps name each line a normaliser changed.

    With ``layout="keep"`` each line's indentation and trailing whitespace stay byte for
    byte (a tab-indented file keeps its tabs); only the text between is normalised.
    Without ``explain`` no step is built (a step holds a changed line before and after,
    and each version of a one-line text would stay alive), only ``counts`` kept if given.
    """
    keep = config.layout == "keep"
    steps: list[Step] = []
    text = normalize.normalize_newlines(text)
    stages = (
        ("fix_encoding", normalize.fix_encoding),
        ("normalize_unicode", normalize.normalize_unicode),
        ("normalize_whitespace", lambda t: normalize.normalize_whitespace(t, keep_layout=keep)),
    ) + (() if keep else (("split_list_joins", normalize.split_list_joins),))
    for _round in range(_NORMALIZE_ROUNDS):
        start = text
        for name, func in stages:
            if not config.is_enabled(name):
                continue
            fixed = _within_lines(func, text) if keep else func(text)
            if fixed != text:
                if explain:
                    found = _line_steps(name, text, fixed)
                    steps.extend(found)
                    if counts is not None:
                        counts[name] += len(found)
                elif counts is not None:
                    counts[name] += _changed_lines(text, fixed)
                text = fixed
        if text == start:
            break
    return text, steps


def _within_lines(func, text: str) -> str:
    """``func`` applied to each line between its leading and trailing whitespace."""
    fixed_lines = []
    for line in text.split("\n"):
        core = line.strip()
        if core:
            begin = line.index(core[0])
            line = line[:begin] + func(core).strip() + line[begin + len(core) :]
        fixed_lines.append(line)
    return "\n".join(fixed_lines)


def _line_steps(rule: str, before: str, after: str) -> list[Step]:
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return [Step(rule, _excerpt(before), _excerpt(after))]
    return [
        Step(rule, a, b, line=number, column=_common_prefix(a, b) + 1)
        for number, (a, b) in enumerate(zip(old, new), start=1)
        if a != b
    ]


def _changed_lines(before: str, after: str) -> int:
    """How many steps :func:`_line_steps` would make, without making them."""
    old, new = before.split("\n"), after.split("\n")
    if len(old) != len(new):
        return 1
    return sum(a != b for a, b in zip(old, new))


def _excerpt(text: str, width: int = 60) -> str:
    return text[:width]


class _ParagraphStep(NamedTuple):
    paragraph: int
    start: int  # position in the paragraph's original text
    step: Step


def run_stages(
    paragraphs: list[str],
    config: Config,
    recase: bool | None = None,
    explain: bool = True,
    counts: Counter | None = None,
    unwrap: bool = False,
    list_items: Collection[int] = (),
    nested: Collection[int] = (),
    headed: Collection[int] = (),
) -> tuple[list[str | None], list[_ParagraphStep]]:
    """Stages 3 and 4 on a list of paragraphs: junk rules, then casing repair.

    ``unwrap``: the paragraphs' line breaks are there for the rules only (lines of a
    Markdown paragraph that read as paragraphs of their own); after the rules each
    becomes the space it stands for, so the rest sees what it always saw.
    ``list_items``: indexes of paragraphs that are list items with no bullet in their
    text (Markdown's), for casing (see ``casing.recase_document``).
    ``nested``, ``headed``: indexes of paragraphs inside a list item or block quote, and
    right under a heading (Markdown's), for the document rules that take the structure
    (``rules.Structure``).

    Returns one entry per input paragraph (``None`` where a rule dropped it) and the
    steps, each with the paragraph index and its position in the original paragraph.
    """
    texts: list[str | None] = list(paragraphs)
    edits: list[list[tuple[int, int, int]]] = [[] for _ in texts]
    steps: list[_ParagraphStep] = []

    def record(rule: str, index: int, old: str, new: str | None) -> None:
        if counts is not None:
            counts[rule] += 1
        if not explain:
            return
        if new is None:
            steps.append(_ParagraphStep(index, 0, Step(rule, old, "")))
            return
        start, old_end, new_end = _diff_span(old, new)
        origin = _map_back(edits[index], start)
        edits[index].append((start, old_end - start, new_end - start))
        steps.append(_ParagraphStep(index, origin, Step(rule, old[start:old_end], new[start:new_end])))

    enabled = [rule for rule in rules.RULES.values() if config.is_enabled(rule.name)]

    def run_rules() -> None:
        # The rules run in order, and again from the first while any of them changes
        # something: a cut can make text an earlier rule acts on ("Baca juga***" is a label
        # once the marker is gone), and a second run of textfix would act on it. They stop
        # once every rule in a row has had nothing to do, after at most _RULE_ROUNDS rounds.
        idle: frozenset[str] | None = None  # gated rules with none of their needles in the text
        quiet = 0  # rules in a row that changed nothing
        for turn, rule in enumerate(itertools.cycle(enabled) if enabled else ()):
            if quiet == len(enabled) or turn == _RULE_ROUNDS * len(enabled):
                break
            quiet += 1
            live = [i for i, t in enumerate(texts) if t is not None]
            if idle is None:
                idle = rules.gated_out([texts[i] for i in live])
            if rule.name in idle:
                continue
            if rule.scope == "document" and rule.structural and (nested or headed):
                structure = rules.Structure(
                    frozenset(n for n, i in enumerate(live) if i in nested),
                    frozenset(n for n, i in enumerate(live) if i in headed),
                )
                results = rule.func([texts[i] for i in live], config, structure)
            elif rule.scope == "document":
                results = rule.func([texts[i] for i in live], config)
            else:
                results = [rule.func(texts[i]) for i in live]
            for i, new in zip(live, results):
                old = texts[i]
                if new != old:
                    record(rule.name, i, old, new)
                    texts[i] = new
                    quiet = 0
                    idle = None  # a cut can join text into a needle: look again

    run_rules()
    if unwrap:
        texts = [t.replace("\n", " ") if t is not None else None for t in texts]

    if config.split_sentence_glue and config.layout == "reflow":
        # After the rules: a caption glued to the next sentence ends at the glue. What a
        # split opens to the rules ("Program.Simak juga: ..." holds a promo label once it
        # is "Program. Simak juga: ...") they see at once, as a second run of textfix would.
        for _ in range(_RULE_ROUNDS):
            split = False
            for i, old in enumerate(texts):
                new = normalize.split_sentence_glue(old) if old is not None else None
                if new != old:
                    record("split_sentence_glue", i, old, new)
                    texts[i] = new
                    split = True
            if not split:
                break
            run_rules()

    if config.recase if recase is None else recase:
        live = [i for i, t in enumerate(texts) if t is not None]
        items = {n for n, i in enumerate(live) if i in list_items} if list_items else ()
        recased = recase_in_windows([texts[i] for i in live], list_items=items)
        for i, new in zip(live, recased):
            old = texts[i]
            if new != old:
                _count_recased(counts, _recased_words(old, new))
                for start, end in _changed_words(old, new) if explain else ():
                    origin = _map_back(edits[i], start)
                    steps.append(_ParagraphStep(i, origin, Step("recase", old[start:end], new[start:end])))
                texts[i] = new
    return texts, steps


#: Rounds of the rules at most (a round is every rule once); see :func:`run_stages`.
_RULE_ROUNDS = 3

#: Casing holds every word it is given, with its features: about 65 bytes per character.
#: Beyond this many characters a document is recased in windows of whole paragraphs (an
#: overlong paragraph cut at sentence ends), so memory stays flat however large the input.
#: An ordinary article fits in one window and keeps its document-wide evidence.
CASING_WINDOW = 256_000
_CUT_RE = regex.compile(r"[.!?][\"'”’)]*+\s++(?=\S)")


def recase_in_windows(
    paragraphs: list[str], window: int = CASING_WINDOW, list_items: Collection[int] = ()
) -> list[str]:
    """``casing.recase_document`` over windows of at most ``window`` characters
    (``list_items``: indexes of paragraphs that are bulletless list items).

    >>> recase_in_windows(["Harga Beras Naik Di Pasar. Warga Yang Datang Mengeluh."], window=30)
    ['Harga beras naik di pasar. Warga yang datang mengeluh.']
    """
    if sum(map(len, paragraphs)) <= window:
        return casing.recase_document(paragraphs, list_items=list_items)
    pieces = [(index, piece) for index, text in enumerate(paragraphs) for piece in _cut(text, window)]
    parts: list[list[str]] = [[] for _ in paragraphs]
    batch: list[tuple[int, str]] = []
    size = 0
    for number, (index, piece) in enumerate(pieces):
        batch.append((index, piece))
        size += len(piece)
        if number + 1 == len(pieces) or size + len(pieces[number + 1][1]) > window:
            items = {n for n, (owner, _) in enumerate(batch) if owner in list_items} if list_items else ()
            for (owner, _), new in zip(batch, casing.recase_document([p for _, p in batch], list_items=items)):
                parts[owner].append(new)
            batch, size = [], 0
    return ["".join(chunks) for chunks in parts]


def _cut(text: str, window: int) -> list[str]:
    """``text`` in pieces of at most ``window`` characters, cut after a sentence end if any."""
    pieces = []
    while len(text) > window:
        ends = [m.end() for m in _CUT_RE.finditer(text, window // 2, window)]
        cut = ends[-1] if ends else (text.rfind(" ", 0, window) + 1 or window)
        pieces.append(text[:cut])
        text = text[cut:]
    pieces.append(text)
    return pieces


def _diff_span(old: str, new: str) -> tuple[int, int, int]:
    """The smallest span that differs: (start, end in old, end in new)."""
    start = _common_prefix(old, new)
    limit = min(len(old), len(new)) - start
    suffix = 0
    while suffix < limit and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return start, len(old) - suffix, len(new) - suffix


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _map_back(edits: list[tuple[int, int, int]], pos: int) -> int:
    """Map a position in the current paragraph text back to its original text."""
    for start, old_len, new_len in reversed(edits):
        if pos >= start + new_len:
            pos += old_len - new_len
        elif pos > start:
            pos = start
    return pos


def _changed_words(old: str, new: str) -> list[tuple[int, int]]:
    """Spans of whole words where two same-length texts differ (casing changes)."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(old)
    while i < n:
        if old[i] == new[i]:
            i += 1
            continue
        start = i
        while start > 0 and not old[start - 1].isspace():
            start -= 1
        end = i
        while end < n and not old[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
        i = end
    return spans


def _locate(para_steps: list[_ParagraphStep], doc: document.Document, text: str) -> list[Step]:
    """Give each paragraph step its line and column in the normalised text."""
    if not para_steps:
        return []
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    located = []
    for item in para_steps:
        offset = doc.paragraphs[item.paragraph].offset + item.start
        line = bisect.bisect_right(line_starts, offset)
        column = offset - line_starts[line - 1] + 1
        located.append(dataclasses.replace(item.step, line=line, column=column))
    return located
