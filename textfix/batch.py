"""Batch runs: find the inputs, clean them in parallel, stream the results in order.

A run is a list of :class:`Source` (a file, or stdin) with a destination each: the file
itself (``--in-place``), a mirror under ``--out-dir``, one ``-o`` file, or stdout. The work
is cut into *units*: a whole text file (articles are small), or a chunk of about 256 KiB of
lines of a JSONL file (dumps are huge). Units go to a process pool through a bounded window
and their results come back in submission order, so

* memory stays flat however large the input (at most a few chunks are in flight; one JSONL
  line is the largest thing ever held whole),
* a single big JSONL file still keeps every core busy, and
* output order is input order, byte for byte the same as with ``-j1``.

Workers read, clean and (for whole text files) write their file themselves; JSONL chunks come
back as bytes that the main process writes into one :func:`~textfix.io.atomic_output`, so an
interrupted run (Ctrl-C, a crash) leaves every output whole or absent. Workers ignore SIGINT
and finish the unit in hand; the main process discards the half-written output.

Failures are data here, never exceptions: a file that cannot be read or decoded, or a JSONL
record that is malformed or lacks its field, becomes a line in :attr:`Outcome.failures` and
the run goes on. A failed record is copied to the output unchanged, so nothing is lost.

This module neither prints nor exits: :func:`run` yields events (:class:`Emit`,
:class:`Advance`, :class:`~textfix.report.Outcome`) and ``cli.py`` shows them.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator

from . import document, io, pipeline
from .config import Config
from .document import Step
from .errors import TextfixError
from .pipeline import as_field, clean_and_count, clean_and_explain
from .report import Outcome

#: What a folder walk picks up unless ``--glob`` says otherwise.
DEFAULT_GLOBS = ("*.txt", "*.txt.gz", "*.md", "*.markdown", "*.jsonl", "*.jsonl.gz")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Bytes of JSONL lines per unit of work: big enough to amortise the trip to a worker,
#: small enough that a few in flight per worker keep memory flat.
CHUNK_BYTES = 256 * 1024
#: Inputs smaller than this together are cleaned in-process: a pool costs more than it saves.
POOL_MIN_BYTES = 1024 * 1024
#: Name of the field ``--annotate`` adds to each JSONL record.
ANNOTATION_FIELD = "textfix"


@dataclass(frozen=True)
class Job:
    """What to do with every input of a run (the same for all of them)."""

    config: Config = Config()
    mode: str = "write"  # "write", "check" or "diff" (see report.WRITE_MODES)
    in_place: bool = False
    field: str = "text"
    annotate: bool = False
    errors: str = "strict"
    explain: bool = False
    resume: bool = False

    def config_for(self, name: str) -> Config:
        """The config for one file: ``--format auto`` picks Markdown by extension.

        >>> Job().config_for("berita.md").format
        'markdown'
        >>> Job().config_for("berita.txt.gz").format
        'text'
        """
        if self.config.format != "auto":
            return self.config
        base = name[:-3] if name.lower().endswith(".gz") else name
        return self.config.replace(format="markdown" if base.lower().endswith(MARKDOWN_SUFFIXES) else "text")


@dataclass(frozen=True)
class Source:
    """One input: its name as shown to the user, where to read it, where its output goes.

    ``path`` is None for stdin (then ``stream`` is read); ``dest`` is None for stdout, or
    for nothing at all in check and diff modes.
    """

    name: str
    path: Path | None = None
    dest: Path | None = None
    jsonl: bool = False
    size: int = 0
    stream: BinaryIO | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Emit:
    """Output of a unit: bytes for stdout (cleaned text, JSONL or a diff), lines for stderr."""

    stdout: bytes = b""
    stderr: tuple[str, ...] = ()


@dataclass(frozen=True)
class Advance:
    """Progress: ``nbytes`` more of the input are done (for a progress bar)."""

    nbytes: int


def is_jsonl(path: str | os.PathLike) -> bool:
    """Whether a path names a JSONL file (``.jsonl`` or ``.jsonl.gz``).

    >>> is_jsonl("arsip/2023.jsonl.gz"), is_jsonl("berita.txt")
    (True, False)
    """
    return os.fspath(path).lower().endswith((".jsonl", ".jsonl.gz"))


def find_files(
    paths: Iterable[Path], globs: Iterable[str] = DEFAULT_GLOBS, exclude: Path | None = None
) -> Iterator[tuple[Path, Path | None]]:
    """``(file, root)`` for each input: files as named, folders walked recursively.

    ``root`` is the folder the file was found under (None for a file named directly), so
    an output tree can mirror the input tree. Inside folders only names matching one of
    ``globs`` (on the file name or the path below the folder) are taken, in sorted order;
    symlinked folders are not followed (no loops), textfix's own temp files and anything
    under ``exclude`` (the output folder) are skipped.
    """
    globs = tuple(globs)
    skip = exclude.resolve() if exclude is not None else None
    for path in paths:
        if not path.is_dir():
            yield path, None
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders.sort()
            here = Path(folder)
            if skip is not None and here.resolve() == skip:
                subfolders.clear()
                continue
            for name in sorted(names):
                if io.is_temp_name(name):
                    continue
                file = here / name
                relative = file.relative_to(path).as_posix()
                if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(relative, g) for g in globs):
                    yield file, path


def mirror_path(file: Path, root: Path | None, out_dir: Path) -> Path:
    """Where ``file``'s output goes under ``out_dir``, mirroring its place below ``root``.

    >>> mirror_path(Path("arsip/2023/a.txt"), Path("arsip"), Path("bersih")).as_posix()
    'bersih/2023/a.txt'
    >>> mirror_path(Path("lain/b.jsonl"), None, Path("bersih")).as_posix()
    'bersih/b.jsonl'
    """
    return out_dir / (file.relative_to(root) if root is not None else file.name)


def is_up_to_date(source: Path, dest: Path) -> bool:
    """Whether ``dest`` exists and is at least as new as ``source`` (``--resume``)."""
    try:
        return dest.stat().st_mtime_ns >= source.stat().st_mtime_ns
    except OSError:
        return False


# --- units of work (these run in the worker processes) ---------------------------------


@dataclass
class _Result:
    outcome: Outcome
    data: bytes | list[bytes] = b""  # stdout text (in parts, if huge), a JSONL chunk, or a diff
    explanations: tuple[str, ...] = ()


def _init_worker(parent: int) -> None:
    """Set up a pool worker: leave Ctrl-C to the main process, and die with it.

    On Ctrl-C a worker finishes its unit, so a file it writes is whole, and the main
    process discards what is unfinished. If the main process is killed outright (SIGKILL),
    a pool worker would wait for work forever; a watchdog thread ends it instead.
    """
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(parent,), daemon=True).start()


def _exit_when_orphaned(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)  # nothing of ours is half-done that a clean exit could finish


def _count(steps: list[Step]) -> Counter:
    return Counter(step.rule for step in steps)


def _explain(where: str, step: Step) -> str:
    """``file:line:column: rule: ...`` (``file: rule: ...`` when the step has no position).

    >>> _explain("a.txt", Step("drop_read_also", "Baca juga: X", "", 3, 1))
    "a.txt:3:1: drop_read_also: removed 'Baca juga: X'"
    >>> _explain("a.jsonl:7", Step("recase", "Di", "di"))
    "a.jsonl:7: recase: 'Di' -> 'di'"
    """
    return f"{where}:{step.describe()}" if step.line else f"{where}: {step.describe()}"


def _in_file_order(step: Step) -> tuple[bool, int, int]:
    """Steps by their place in the file (the pipeline gives them rule by rule), so an editor
    can walk through ``--explain`` from the top; steps with no place come last."""
    return not step.line, step.line, step.column


def _clean(text: str, config: Config, where: str, steps: bool) -> tuple[str, list[Step], Counter]:
    """``clean_and_explain`` (or, when no step is needed, ``clean_and_count``: memory then
    stays flat on a huge input), with a bug in a stage turned into a failure of this one input.

    A batch of a million records must not die on the one record that trips a bug: the
    input is reported with the exception (so the bug can be fixed), counted, and passed
    through unchanged.
    """
    with _failure_of(where):
        if steps:
            cleaned, found = clean_and_explain(text, config)
            return cleaned, found, _count(found)
        cleaned, counts = clean_and_count(text, config)
        return cleaned, [], counts


@contextlib.contextmanager
def _failure_of(where: str) -> Iterator[None]:
    """A bug in a stage becomes a :class:`TextfixError` naming the input ``where``."""
    try:
        yield
    except TextfixError:
        raise
    except Exception as exc:  # reported and counted as a failure, never swallowed
        raise TextfixError(
            f"{where}: internal error ({type(exc).__name__}: {exc}); left unchanged, please report this"
        ) from exc


class _Equal:
    """Whether a text given in parts equals ``text``, without joining the parts."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.same = text, 0, True

    def feed(self, part: str) -> str:
        if self.same:
            self.same = self.text.startswith(part, self.pos)
        self.pos += len(part)
        return part

    def equal(self) -> bool:
        return self.same and self.pos == len(self.text)


def _clean_encoded(
    text: str, config: Config, where: str, like: io.TextFile, write: Callable[[bytes], object] | None
) -> tuple[bool, Counter]:
    """``clean_and_count`` of a huge text, each part encoded like ``like`` and given to
    ``write`` (if any) as it comes: ``(changed, counts)``. The cleaned text is never one
    string, so memory is the input and at most the encoded output (see ``_clean``)."""
    counts: Counter = Counter()
    equal = _Equal(text)
    parts = map(equal.feed, _guarded(pipeline.clean_parts(text, config, counts), where))
    if write is None:
        for _ in parts:
            pass
    else:
        for chunk in io.encode_parts(parts, like):
            write(chunk)  # its own errors are write errors, not the pipeline's
    return not equal.equal(), counts


def _guarded(parts: Iterator[str], where: str) -> Iterator[str]:
    """``parts`` with a bug in a stage turned into a failure of this one input (as ``_clean``)."""
    with _failure_of(where):
        yield from parts


def clean_text_file(source: Source, job: Job, data: bytes | None = None) -> _Result:
    """Clean one whole text file (or stdin's ``data``) and write it where it goes."""
    outcome = Outcome(source.name, records=0)
    try:
        if data is not None:
            original = io.decode_bytes(data, source.name, job.errors)
        else:
            original = io.read_file(source.path, job.errors)
        config = job.config_for(source.name)
        if len(original.text) > pipeline.LONG_LINE and not job.explain and job.mode != "diff":
            return _write_encoded(source, job, original, config, outcome)
        cleaned, steps, counts = _clean(original.text, config, source.name, job.explain)
    except TextfixError as exc:
        outcome.failed = True
        outcome.failures.append(str(exc))
        return _Result(outcome)
    outcome.changed = cleaned != original.text
    outcome.rules = counts
    if pipeline.nearly_empty(cleaned, counts):
        outcome.empty.append(source.name)
    result = _Result(outcome)
    if job.explain:
        result.explanations = tuple(_explain(source.name, step) for step in sorted(steps, key=_in_file_order))
    if job.mode == "diff":
        if outcome.changed:
            result.data = unified_diff(original.text, cleaned, source.name, original.newline).encode("utf-8")
        return result
    if job.mode == "check":
        return result
    like = _output_form(source, job, config, original)
    if source.dest is None:
        result.data = io.encode_text(cleaned, like)
        return result
    if job.in_place and not outcome.changed:
        return result  # leave the file and its mtime alone
    try:
        source.dest.parent.mkdir(parents=True, exist_ok=True)
        with io.atomic_output(source.dest, sync_folder=False) as handle:
            handle.write(io.encode_text(cleaned, like))
    except (OSError, TextfixError) as exc:
        _write_failed(outcome, source, exc)
    return result


def _output_form(source: Source, job: Job, config: Config, original: io.TextFile) -> io.TextFile:
    """The encoding and line endings of the output: in place, and wherever the layout is
    kept, the input's own; on stdout or reflowed, plain UTF-8 with "\\n"."""
    if source.dest is not None and (job.in_place or config.layout == "keep"):
        return original
    return io.TextFile("")


def _write_failed(outcome: Outcome, source: Source, exc: OSError | TextfixError) -> None:
    outcome.failed = True
    if isinstance(exc, TextfixError):
        outcome.failures.append(str(exc))
    else:
        outcome.failures.append(f"{source.dest}: cannot write: {exc.strerror or exc}")


def _write_encoded(source: Source, job: Job, original: io.TextFile, config: Config, outcome: Outcome) -> _Result:
    """``clean_text_file`` for a huge text (no diff, no explanations): the output is made
    and written in encoded parts (see ``pipeline.clean_parts``). To a new file (``-o``,
    ``--out-dir``) each part goes straight into the atomic temp file; in place (an unchanged
    file is not rewritten) and to stdout the encoded parts are kept until the end."""
    like = _output_form(source, job, config, original)
    result = _Result(outcome)
    chunks: list[bytes] = []
    try:
        if source.dest is not None and not job.in_place and job.mode == "write":
            source.dest.parent.mkdir(parents=True, exist_ok=True)
            with io.atomic_output(source.dest, sync_folder=False) as handle:
                outcome.changed, outcome.rules = _clean_encoded(original.text, config, source.name, like, handle.write)
            return result
        write = None if job.mode == "check" else chunks.append
        outcome.changed, outcome.rules = _clean_encoded(original.text, config, source.name, like, write)
        if job.mode == "check":
            return result
        if source.dest is None:
            result.data = chunks
            return result
        if job.in_place and not outcome.changed:
            return result
        with io.atomic_output(source.dest, sync_folder=False) as handle:
            for chunk in chunks:
                handle.write(chunk)
    except (OSError, TextfixError) as exc:
        _write_failed(outcome, source, exc)
    return result


def clean_jsonl_chunk(
    lines: list[bytes], first_line: int, name: str, job: Job, compress: bool = False
) -> _Result:
    """Clean the records of consecutive JSONL lines; returns the output lines as bytes,
    as one gzip member when ``compress`` (the output is a ``.gz`` file: compressed here,
    in the worker, where one main process compressing for all of them held a parallel
    batch to its own speed).

    Blank lines and failed records are copied unchanged; an unchanged record keeps its
    original bytes (key order, spacing, escapes), so only cleaned records are re-encoded.
    """
    outcome = Outcome(name)
    parsed = dict(io.iter_jsonl_lines(lines, name, job.errors, first_line=first_line))
    config = job.config_for("")
    out: list[bytes] = []
    hunks: list[str] = []
    explanations: list[str] = []
    for number, raw in enumerate(lines, start=first_line):
        record = parsed.get(number)
        if record is None:
            out.append(raw)
            continue
        outcome.records += 1
        try:
            if isinstance(record, TextfixError):
                raise record
            text = io.record_text(record, job.field, name, number)
            cleaned, steps, counts = _clean(
                text, config, f"{name}:{number}", job.explain or job.annotate
            )
        except TextfixError as exc:
            outcome.failures.append(str(exc))
            out.append(raw)
            continue
        cleaned = as_field(cleaned, text)  # a clean record stays as it was, as --check says
        outcome.rules.update(counts)
        if pipeline.nearly_empty(cleaned, counts):
            outcome.empty.append(f"{name}:{number}")
        if job.explain:
            explanations.extend(_explain(f"{name}:{number}", replace(s, line=0)) for s in steps)
        if cleaned == text and not job.annotate:
            out.append(raw)
            continue
        outcome.changed = outcome.changed or cleaned != text
        record[job.field] = cleaned
        if job.annotate:
            record[ANNOTATION_FIELD] = [
                {"rule": s.rule, "before": s.before, "after": s.after} for s in steps
            ]
        line = io.dump_record(record)
        if not raw.endswith(b"\n"):
            line = line[:-1]
        if job.mode == "diff" and cleaned != text:
            old, new = raw.decode("utf-8", "replace").rstrip("\r\n"), line.decode("utf-8").rstrip("\n")
            hunks.append(f"@@ -{number},1 +{number},1 @@\n-{old}\n+{new}\n")
        out.append(line)
    if job.mode == "diff":
        return _Result(outcome, "".join(hunks).encode("utf-8"), tuple(explanations))
    if job.mode == "check":
        return _Result(outcome, b"", tuple(explanations))
    data = b"".join(out)
    return _Result(outcome, io.gzip_member(data) if compress else data, tuple(explanations))


def unified_diff(before: str, after: str, name: str, newline: str = "\n") -> str:
    """A unified diff fit for ``git apply`` (``a/`` and ``b/`` prefixes, no-newline markers).

    >>> print(unified_diff("Satu.\\nDua Kata.\\n", "Satu.\\nDua kata.\\n", "x.txt"), end="")
    --- a/x.txt
    +++ b/x.txt
    @@ -1,2 +1,2 @@
     Satu.
    -Dua Kata.
    +Dua kata.
    """
    import difflib  # only --diff needs it

    if newline != "\n":
        before, after = before.replace("\n", newline), after.replace("\n", newline)
    lines = difflib.unified_diff(
        document.lines_with_ends(before),
        document.lines_with_ends(after),
        f"a/{name}",
        f"b/{name}",
        lineterm="\n",
    )
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith("\n"):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


# --- the driver (main process) ---------------------------------------------------------


@dataclass
class _Unit:
    source: Source
    call: Callable[..., _Result] | None  # None: end of the source (or its failure)
    args: tuple = ()
    nbytes: int = 0
    error: str = ""
    skipped: bool = False


def _position(stream: BinaryIO) -> int:
    raw = getattr(stream, "fileobj", None) or stream  # a GzipFile: count compressed bytes
    try:
        return raw.tell()
    except (OSError, ValueError):
        return 0


def _jsonl_units(source: Source, job: Job) -> Iterator[_Unit]:
    """Chunks of a JSONL source, then an end marker (carrying a read error, if any)."""
    try:
        if source.stream is not None:
            yield from _chunks(source, source.stream, job)
        else:
            with io.open_binary_input(source.path) as stream:
                yield from _chunks(source, stream, job)
    except TextfixError as exc:
        yield _Unit(source, None, error=str(exc))
        return
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip stream, a read error
        yield _Unit(source, None, error=f"{source.name}: cannot read: {exc}")
        return
    yield _Unit(source, None)


def _chunks(source: Source, stream: BinaryIO, job: Job) -> Iterator[_Unit]:
    compress = _compressed_sink(source, job)
    lines: list[bytes] = []
    size, first, seen = 0, 1, 0
    for number, line in enumerate(stream, start=1):
        lines.append(line)
        size += len(line)
        if size >= CHUNK_BYTES:
            done = _position(stream)
            yield _Unit(source, clean_jsonl_chunk, (lines, first, source.name, job, compress), max(done - seen, 0))
            lines, size, first, seen = [], 0, number + 1, done
    if lines:
        yield _Unit(
            source, clean_jsonl_chunk, (lines, first, source.name, job, compress), max(_position(stream) - seen, 0)
        )


def _units(sources: Iterable[Source], job: Job, stdin_data: Callable[[], bytes]) -> Iterator[_Unit]:
    for source in sources:
        if job.resume and source.path is not None and source.dest is not None:
            if is_up_to_date(source.path, source.dest):
                yield _Unit(source, None, skipped=True)
                continue
        if source.jsonl:
            yield from _jsonl_units(source, job)
        elif source.path is None:
            yield _Unit(source, clean_text_file, (source, job, stdin_data()), 0)
        else:
            yield _Unit(source, clean_text_file, (source, job), source.size)


class _Done:
    """A finished future for units that need no work (end markers)."""

    def __init__(self, value: _Result | None = None) -> None:
        self._value = value

    def result(self) -> _Result | None:
        return self._value


def _share_data_with_workers(config: Config) -> None:
    """Load the pipeline's data here, before the pool forks, so the workers share it.

    Each worker would otherwise load the casing model and word lists itself. Loaded once
    and inherited copy-on-write (``gc.freeze`` keeps the collector from touching, and so
    copying, those pages), the run's summed PSS with two workers measured 82 MiB instead
    of 115 MiB on a 10 MB JSONL file, and the workers start cleaning at once. Where the
    workers are not forked (spawn, forkserver) this would only cost time, so it is skipped.
    """
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return
    import gc

    for text in _WARM_UP:
        clean_and_explain(text, config)
    # Words that short text did not need: the stems table and Sastrawi's stemmer (its
    # modules and dictionary), which each worker otherwise loaded for itself.
    from . import lexicon

    lexicon.stem("menyosialisasikan")
    lexicon.sastrawi_stem("menyosialisasikan")
    # What the casing model builds from the whole lexicon on first need: built in each
    # worker, it read every count there (copying the counts' pages into both workers).
    from .casing import default_lexicon, default_model, model

    model.prepare(default_lexicon(), default_model())
    gc.freeze()


#: Texts cleaned before the pool forks, so that what the pipeline builds on first use is
#: built once and shared: the casing tables (title-cased text), the fast path's needles
#: (tried on any text), the rules' needle gates (a document over ``rules.GATE_MIN``) and the
#: inline read-also patterns. Without them each worker compiled its own: about 50 ms of CPU
#: each here (needles 38 ms, gates 9 ms, read-also 6 ms), now spent once.
_WARM_UP = (
    "Harga Beras Naik Di Pasar Induk Hari Ini.\n\nBaca juga: Judul Lain\n",
    "".join(f"Pedagang nomor {n} di pasar induk mengatakan harga beras naik sejak awal pekan.\n" for n in range(40))
    + "Harga naik lagi. (Baca juga: Judul Lain) Pedagang mengeluh. Baca juga:Judul Kedua Warga antre sejak pagi.\n",
)


#: Small text files go to a worker in groups: one task per file cost more in pickling and
#: queueing than cleaning a clean article takes (the fast path), and -j2 fell behind -j1.
_GROUP_FILES = 16
_GROUP_BYTES = 256 * 1024


def _run_group(calls: list[tuple[Callable[..., _Result], tuple]]) -> list[_Result]:
    """Run several units in one worker task, results in order."""
    return [call(*args) for call, args in calls]


def _ordered(
    units: Iterator[_Unit], jobs: int, config: Config = Config()
) -> Iterator[tuple[_Unit, _Result | None]]:
    """Run the units on ``jobs`` processes (in-process for 1), results in input order.

    Consecutive small text-file units travel as one task (:data:`_GROUP_FILES`)."""
    if jobs <= 1:
        for unit in units:
            yield unit, unit.call(*unit.args) if unit.call else None
        return
    from concurrent.futures import ProcessPoolExecutor

    _share_data_with_workers(config)
    window = 2 * jobs + 2
    executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(os.getpid(),))
    pending: deque = deque()  # (units, future of their results as a list)
    group: list[_Unit] = []

    def submit_group() -> None:
        if group:
            calls = [(unit.call, unit.args) for unit in group]
            pending.append((list(group), executor.submit(_run_group, calls)))
            group.clear()

    def ready() -> Iterator[tuple[_Unit, _Result | None]]:
        while len(pending) >= window or (pending and pending[0][0][0].call is None):
            heads, done = pending.popleft()
            yield from zip(heads, done.result())

    try:
        for unit in units:
            small = unit.call is clean_text_file and 0 < unit.nbytes < _GROUP_BYTES
            if small:
                group.append(unit)
                if len(group) < _GROUP_FILES and sum(u.nbytes for u in group) < _GROUP_BYTES:
                    continue
                submit_group()
            else:
                submit_group()
                future = executor.submit(_run_group, [(unit.call, unit.args)]) if unit.call else _Done([None])
                pending.append(([unit], future))
            yield from ready()
        submit_group()
        while pending:
            heads, done = pending.popleft()
            yield from zip(heads, done.result())
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def run(
    sources: list[Source], job: Job, jobs: int = 1, stdin_data: Callable[[], bytes] = bytes
) -> Iterator[Emit | Advance | Outcome]:
    """Clean every source; yield what to show, in input order, and one Outcome per source.

    ``jobs`` > 1 uses a process pool when the input is big enough to pay for it. Closing the
    generator early (Ctrl-C in the caller) discards any half-written output.

    Outputs are renamed into place unsynced, and each folder written to is synced once at
    the end (also when interrupted: what was renamed stays): a crash before that may lose
    a rename, never a file's content, which is synced before it.
    """
    total = sum(s.size for s in sources)
    if jobs > 1 and _too_little_to_share(sources, total):
        jobs = 1
    current: Outcome | None = None
    sink = None  # the output of the JSONL source being written (a _Sink)
    diff_started = False
    written: dict[str, None] = {}  # the folders outputs went to, in order
    try:
        for unit, result in _ordered(_units(sources, job, stdin_data), jobs, job.config_for("")):
            source = unit.source
            if unit.skipped:
                yield Outcome(source.name, skipped=True)
                continue
            if not source.jsonl:
                if result.explanations:
                    yield Emit(stderr=result.explanations)
                for chunk in result.data if isinstance(result.data, list) else [result.data]:
                    if chunk:
                        yield Emit(stdout=chunk)
                if job.mode == "write" and source.dest is not None:
                    written[_folder_of(source.dest)] = None
                yield Advance(unit.nbytes)
                yield result.outcome
                continue
            if current is None:
                current, diff_started = Outcome(source.name), False
                if job.mode == "write" and source.dest is not None:
                    sink = _open_sink(source, job)
                    if isinstance(sink, str):
                        current.failed = True
                        current.failures.append(sink)
                        sink = None
            if unit.call is not None:
                current.merge(result.outcome)
                if result.explanations:
                    yield Emit(stderr=result.explanations)
                if result.data and job.mode == "diff":
                    header = b"" if diff_started else f"--- a/{source.name}\n+++ b/{source.name}\n".encode()
                    diff_started = True
                    yield Emit(stdout=header + result.data)
                elif result.data and job.mode == "write":
                    if sink is not None:
                        sink.write(result.data)
                    elif source.dest is None:
                        yield Emit(stdout=result.data)
                yield Advance(unit.nbytes)
                continue
            # End of a JSONL source: commit its output, unless the file itself failed.
            if unit.error:
                current.failed = True
                current.failures.append(unit.error)
            if sink is not None:
                # In place, an unchanged file is left alone (and keeps its mtime).
                keep = not current.failed and (current.changed or not job.in_place)
                error = sink.close(commit=keep)
                written[_folder_of(source.dest)] = None
                if error:
                    current.failed = True
                    current.failures.append(error)
                sink = None
            outcome, current = current, None
            yield outcome
    finally:
        if sink is not None:
            sink.close(commit=False)
        io.sync_folders(written)


def _folder_of(dest: Path) -> str:
    return os.path.dirname(os.path.abspath(dest))


def _too_little_to_share(sources: list[Source], total: int) -> bool:
    """Whether a pool would cost more than it saves: one text file is one unit of work
    however big it is, and a few small inputs take less time than starting workers.

    >>> _too_little_to_share([Source("besar.txt", size=10**9)], 10**9)
    True
    >>> _too_little_to_share([Source("a.jsonl", jsonl=True, size=10**9)], 10**9)
    False
    """
    if len(sources) == 1 and not sources[0].jsonl:
        return True
    return total < POOL_MIN_BYTES and not any(s.stream for s in sources)


def _compressed_sink(source: Source, job: Job) -> bool:
    """Whether a JSONL source's output is a ``.gz`` file that its chunks arrive at as
    gzip members (:func:`clean_jsonl_chunk`); the sink then writes them as they are."""
    return job.mode == "write" and source.dest is not None and io.is_gzip_path(source.dest)


class _Sink:
    """The atomic output of a JSONL source, written a chunk at a time (``.gz`` chunks
    arrive compressed, see :func:`clean_jsonl_chunk`)."""

    def __init__(self, dest: Path, compressed: bool) -> None:
        self.compressed = compressed
        self.empty = True
        dest.parent.mkdir(parents=True, exist_ok=True)
        self._manager = io.atomic_output(dest, compress=False, sync_folder=False)
        self._handle = self._manager.__enter__()

    def write(self, data: bytes) -> None:
        self._handle.write(data)
        self.empty = self.empty and not data

    def close(self, commit: bool) -> str:
        """Commit or discard what was written; an error as one line, else ""."""
        try:
            if commit:
                if self.empty and self.compressed:
                    self._handle.write(io.gzip_member(b""))  # an empty input: still a gzip file
                self._manager.__exit__(None, None, None)
            else:
                self._manager.__exit__(_Discard, _Discard(), None)
        except TextfixError as exc:
            return str(exc)
        except OSError as exc:
            return f"cannot write: {exc.strerror or exc}"
        return ""


def _open_sink(source: Source, job: Job) -> _Sink | str:
    """The sink of a JSONL source written out, or its error as one line."""
    dest = source.dest
    try:
        return _Sink(dest, _compressed_sink(source, job))
    except TextfixError as exc:
        return str(exc)
    except OSError as exc:
        return f"{dest}: cannot write: {exc.strerror or exc}"


class _Discard(Exception):
    """Thrown into an atomic output to make it delete its temp file."""
