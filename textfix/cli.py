"""The command line: ``textfix clean``. click and rich live here and nowhere else.

stdout carries only cleaned text, JSONL or a diff; every message, explanation, progress
bar and summary goes to stderr, so ``textfix clean < in.txt > out.txt`` and pipes stay
clean. rich is imported only when a progress bar or summary table is actually shown, and
the pipeline's data only when there is text to clean, so ``textfix --help`` starts fast.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import click

from . import __version__
from .config import CORPUS, FORMATS, Config
from .report import EXIT_FAILED, Report


def _read_extra_junk(path: Path) -> tuple[str, ...]:
    """Phrases (or ``re:pattern`` lines) from ``--extra-junk FILE``; ``#`` lines are comments."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise click.BadParameter(f"cannot read {path}: {exc}", param_hint="--extra-junk") from None
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )


def _build_config(
    profile: str,
    strip_meta: bool,
    strip_dateline: bool,
    no_recase: bool,
    keep_captions: bool,
    one_per_line: bool,
    layout: str,
    text_format: str,
    extra_junk: Path | None,
    recase_title: bool = False,
) -> Config:
    config = CORPUS if profile == "corpus" else Config()
    if strip_meta:
        config = config.with_meta_stripped()
    changes = {"layout": layout, "format": text_format, "one_per_line": one_per_line}
    if strip_dateline:
        changes["strip_dateline"] = True
    if no_recase:
        changes["recase"] = False
    if keep_captions:
        changes["drop_photo_caption"] = False
    if recase_title:
        changes["recase_front_matter_title"] = True
    if extra_junk is not None:
        changes["extra_junk"] = _read_extra_junk(extra_junk)
    return config.replace(**changes)


#: Up to this many bytes of input, the casing tables are looked up in their index files
#: rather than loaded whole (80 ms): see :func:`textfix.lexicon.use_indexed_tables`.
SMALL_JOB = 64 * 1024


def _small_job(sources: list) -> bool:
    """Whether the inputs are known to be small: files, or stdin redirected from a file
    (a pipe's size is unknown until read, so it counts as large)."""
    total = 0
    for source in sources:
        if source.path is not None:
            total += source.size
            continue
        try:
            info = os.fstat((source.stream or sys.stdin).fileno())
        except (OSError, ValueError, AttributeError):
            return False
        if not stat.S_ISREG(info.st_mode):
            return False
        total += info.st_size
    return total <= SMALL_JOB


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="textfix")
def main() -> None:
    """Clean scraped Indonesian news text: junk removed, Title-Cased text recased (EYD V).

    Run `textfix clean --help` for the options.
    """


@main.command()
@click.argument("inputs", metavar="[FILE|DIR]...", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the cleaned text to this file (one input only).")
@click.option("--in-place", is_flag=True, help="Rewrite each file in place (atomically, keeping permissions).")
@click.option("--out-dir", type=click.Path(file_okay=False, path_type=Path), help="Write outputs under DIR, mirroring the input tree.")
@click.option("--check", is_flag=True, help="Change nothing; list the files that would change and exit 1 if any.")
@click.option("--diff", is_flag=True, help="Change nothing; print a unified diff (for git apply) on stdout.")
@click.option("--explain", is_flag=True, help="Print each change as file:line:column: rule: ... on stderr.")
@click.option("--no-recase", is_flag=True, help="Do not repair Title-Cased text.")
@click.option("--strip-dateline", is_flag=True, help="Remove datelines (\"Jakarta, KOMPAS.com -\").")
@click.option("--strip-meta", is_flag=True, help="Remove datelines, bylines and editor initials.")
@click.option("--profile", type=click.Choice(["default", "corpus"]), default="default", show_default=True, help="corpus: every strip option on, for building corpora.")
@click.option("--keep-captions", is_flag=True, help="Keep photo captions (their credit is still removed).")
@click.option("--one-per-line", is_flag=True, help="One paragraph per line instead of a blank line between.")
@click.option("--extra-junk", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="File of extra junk phrases to drop, one per line (or re:PATTERN).")
@click.option("--keep-layout/--reflow", "keep_layout", default=None, help="Keep the file's line breaks and edit only what changes, or reflow into clean paragraphs. [default: keep for --in-place/--check/--diff, reflow otherwise]")
@click.option("--recase-title", is_flag=True, help="Markdown: give a Title-Cased front matter title: heading casing too.")
@click.option("--format", "text_format", type=click.Choice(FORMATS), default="auto", show_default=True, help="auto: Markdown for .md/.markdown files.")
@click.option("--errors", type=click.Choice(["strict", "replace"]), default="strict", show_default=True, help="On undecodable bytes: fail that input, or decode them as U+FFFD.")
@click.option("--glob", "globs", multiple=True, metavar="PATTERN", help="Files to take inside folders (repeatable). [default: *.txt *.txt.gz *.md *.markdown *.jsonl *.jsonl.gz]")
@click.option("-j", "--jobs", type=click.IntRange(min=0), default=0, help="Parallel processes. [default: all cores]")
@click.option("--field", metavar="NAME", help="Text field of JSONL records [default: text]; with stdin, reads stdin as JSONL.")
@click.option("--annotate", is_flag=True, help="Add a field to each JSONL record listing what changed.")
@click.option("--resume", is_flag=True, help="Skip inputs whose output (--out-dir/-o) is newer than the input.")
@click.option("-q", "--quiet", is_flag=True, help="No messages, progress or summary; errors only.")
def clean(
    inputs: tuple[Path, ...],
    output: Path | None,
    in_place: bool,
    out_dir: Path | None,
    check: bool,
    diff: bool,
    explain: bool,
    no_recase: bool,
    strip_dateline: bool,
    strip_meta: bool,
    profile: str,
    keep_captions: bool,
    one_per_line: bool,
    extra_junk: Path | None,
    keep_layout: bool | None,
    recase_title: bool,
    text_format: str,
    errors: str,
    globs: tuple[str, ...],
    jobs: int,
    field: str | None,
    annotate: bool,
    resume: bool,
    quiet: bool,
) -> None:
    """Clean text files, folders, JSONL dumps or stdin.

    With no FILE, or with -, read stdin and write stdout. Folders are walked recursively.
    JSONL (.jsonl, .jsonl.gz) is cleaned record by record, other fields kept as they were.

    \b
    Exit status: 0 nothing to do (or all written), 1 something would change
    (--check), 2 usage error, 123 some input failed.
    """
    from . import batch

    inputs = inputs or (Path("-"),)
    stdin_count = sum(str(p) == "-" for p in inputs)
    writes = [name for name, on in (("--in-place", in_place), ("-o", output), ("--out-dir", out_dir)) if on]
    if len(writes) > 1:
        raise click.UsageError(f"{' and '.join(writes)} cannot be used together")
    if writes and (check or diff):
        raise click.UsageError(f"--check and --diff change nothing; drop {writes[0]}")
    if stdin_count > 1:
        raise click.UsageError("stdin (-) can be read only once")
    if stdin_count and (in_place or out_dir):
        raise click.UsageError(f"stdin cannot be cleaned with {writes[0]}; use -o or a pipe")
    if output is not None and (len(inputs) > 1 or inputs[0].is_dir()):
        raise click.UsageError("-o takes one input; use --out-dir for several files or a folder")
    if resume and not (out_dir or output):
        raise click.UsageError("--resume needs --out-dir or -o (outputs to compare with)")

    mode = "diff" if diff else "check" if check else "write"
    if keep_layout is None:
        keep_layout = in_place or mode != "write"
    config = _build_config(
        profile, strip_meta, strip_dateline, no_recase, keep_captions, one_per_line,
        "keep" if keep_layout else "reflow", text_format, extra_junk, recase_title,
    )
    job = batch.Job(
        config=config, mode=mode, in_place=in_place, field=field or "text", annotate=annotate,
        errors=errors, explain=explain, resume=resume,
    )
    sources = _sources(inputs, globs or batch.DEFAULT_GLOBS, output, in_place, out_dir, field is not None)
    if _small_job(sources):
        from . import lexicon

        lexicon.use_indexed_tables()
        # Back to whole tables when the command ends: matters when it runs in-process.
        click.get_current_context().call_on_close(lambda: lexicon.use_indexed_tables(False))
    report = Report(mode=mode, check=check, in_place=in_place)
    progress = None
    # A live bar would garble text going to the same terminal on stdout.
    writes_stdout = mode == "diff" or (mode == "write" and not (in_place or out_dir or output))
    if not quiet and not stdin_count and sys.stderr.isatty() and not (writes_stdout and sys.stdout.isatty()):
        progress = _Progress(len(sources), sum(s.size for s in sources))
    stdout = _binary(sys.stdout)
    stdin = _binary(sys.stdin)
    events = batch.run(sources, job, jobs or _cores(), stdin_data=stdin.read)
    try:
        for event in events:
            if isinstance(event, batch.Emit):
                if event.stdout:
                    stdout.write(event.stdout)
                    stdout.flush()
                for line in event.stderr:
                    _echo_err(line, progress)
            elif isinstance(event, batch.Advance):
                if progress:
                    progress.advance(event.nbytes)
            else:
                for line in report.add(event):
                    if not quiet or line.startswith("error:"):
                        _echo_err(line, progress)
                if progress:
                    progress.file_done()
    except KeyboardInterrupt:
        events.close()  # discards the half-written output
        if progress:
            progress.stop()
        click.echo("Aborted: no output file was left half-written.", err=True)
        sys.exit(130)
    except BrokenPipeError:
        events.close()
        # The reader went away (``| head``): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(EXIT_FAILED if report.failed else 0)
    if progress:
        progress.stop()
    single_stream = mode == "write" and not (in_place or out_dir) and len(sources) == 1
    if not quiet and not single_stream:
        _print_summary(report)
    sys.exit(report.exit_code)


def _binary(stream):
    """The byte stream under a standard text stream (what Click's ``get_binary_stream``
    gave before Click 8.5 deprecated it); a stream that is bytes already stays itself."""
    return getattr(stream, "buffer", stream)


def _sources(inputs, globs, output, in_place, out_dir, stdin_jsonl):
    """The run's inputs, each with its destination; usage errors for unsafe destinations."""
    from . import batch

    sources = []
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise click.UsageError(f"--out-dir {out_dir} is not a folder")
    for given in inputs:
        if str(given) == "-":
            stream = _binary(sys.stdin) if stdin_jsonl else None
            sources.append(batch.Source("-", None, output, stdin_jsonl, 0, stream))
            continue
        for path, root in batch.find_files([given], globs, exclude=out_dir):
            name = path.as_posix()
            if in_place:
                dest = path
            elif out_dir is not None:
                dest = batch.mirror_path(path, root, out_dir)
            else:
                dest = output
            try:
                info = path.stat()
            except OSError:
                info = None  # reading it will fail and be reported with the reason
            if dest is not None and not in_place and info is not None and _is_file(dest, info):
                raise click.UsageError(f"{name}: the output would overwrite the input; use --in-place for that")
            sources.append(batch.Source(name, path, dest, batch.is_jsonl(path), info.st_size if info else 0))
    return sources


def _cores() -> int:
    """The cores this process may run on (a container or taskset may allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def _is_file(path: Path, info: os.stat_result) -> bool:
    """Whether ``path`` is the file ``info`` describes (through symlinks and hard links too).

    One ``stat`` of a path that mostly does not exist yet: resolving both paths of each of
    6,500 files cost the batch half a second before it started.
    """
    try:
        other = path.stat()
    except OSError:
        return False
    return (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino)


def _echo_err(line: str, progress) -> None:
    if progress:
        progress.console.print(line, markup=False, highlight=False)
    else:
        click.echo(line, err=True)


class _Progress:
    """A rich progress bar on stderr: files and bytes done, rate, time left."""

    def __init__(self, files: int, nbytes: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn,
            TransferSpeedColumn,
        )

        self.console = Console(stderr=True)
        self._files, self._done = files, 0
        self._bar = Progress(
            TextColumn("{task.description}"), BarColumn(), DownloadColumn(),
            TransferSpeedColumn(), TimeRemainingColumn(), console=self.console, transient=True,
        )
        self._task = self._bar.add_task(self._describe(), total=max(nbytes, 1))
        self._bar.start()

    def _describe(self) -> str:
        return f"{self._done}/{self._files} files"

    def advance(self, nbytes: int) -> None:
        self._bar.advance(self._task, nbytes)

    def file_done(self) -> None:
        self._done += 1
        self._bar.update(self._task, description=self._describe())

    def stop(self) -> None:
        self._bar.stop()


def _print_summary(report: Report) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True, highlight=False)
    console.print(report.summary(), markup=False)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold")
    table.add_column(justify="right")
    for label, value in report.rows():
        table.add_row(label, value)
    console.print(table)
