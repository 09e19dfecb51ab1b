"""Counts, exit codes and write modes: one report for batch runs and pre-commit hooks.

The shape is black's ``report.py``: every file (or stdin) that a run touches ends in one
:class:`Outcome`; :meth:`Report.add` counts it and returns the messages an editor should see
("would clean x.txt", "error: x.jsonl:12: ..."), and :attr:`Report.exit_code` turns the
counts into the exit status. A failed file or record is counted, never raised, so one bad
input never stops a batch. ``cli.py`` prints the messages and the summary; this module
only counts.

Exit codes: ``0`` nothing to do (or written), ``1`` something would change (``--check``),
``2`` usage error (raised by click before a report exists), ``123`` some input failed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

EXIT_OK = 0
EXIT_CHANGED = 1
EXIT_USAGE = 2
EXIT_FAILED = 123

#: Write modes: ``write`` (stdout, ``-o``, ``--out-dir`` or ``--in-place``), ``check``
#: (change nothing, say what would change) and ``diff`` (print a unified diff instead).
WRITE_MODES = ("write", "check", "diff")


@dataclass
class Outcome:
    """What cleaning one input gave.

    ``failures`` holds one ``"where: message"`` line per failed file or record (``where`` is
    the file name, with ``:line`` for a JSONL record). ``failed`` says the whole file failed
    (nothing was written for it); a file with only failed records still counts as done.
    """

    name: str
    changed: bool = False
    failed: bool = False
    skipped: bool = False
    records: int = 0
    rules: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    #: Where a text with words came out with almost none (``where``, as for failures).
    empty: list[str] = field(default_factory=list)

    def merge(self, other: "Outcome") -> None:
        """Add the counts of ``other`` (a later chunk of the same file) to this one."""
        self.changed = self.changed or other.changed
        self.failed = self.failed or other.failed
        self.records += other.records
        self.rules.update(other.rules)
        self.failures.extend(other.failures)
        self.empty.extend(other.empty)


@dataclass
class Report:
    """Running totals of a run, in one write mode; ``check`` makes changes fail the run."""

    mode: str = "write"
    check: bool = False
    in_place: bool = False
    files: int = 0
    changed: int = 0
    skipped: int = 0
    failed_files: int = 0
    records: int = 0
    failed_records: int = 0
    empty: int = 0
    rules: Counter = field(default_factory=Counter)

    def __post_init__(self) -> None:
        if self.mode not in WRITE_MODES:
            raise ValueError(f"mode must be one of {WRITE_MODES}, not {self.mode!r}")

    def add(self, outcome: Outcome) -> list[str]:
        """Count ``outcome``; return the lines to show the user, errors first.

        >>> report = Report(mode="check", check=True)
        >>> report.add(Outcome("a.txt", changed=True))
        ['would clean a.txt']
        >>> report.add(Outcome("b.jsonl", records=2, failures=["b.jsonl:2: no field 'text'"]))
        ["error: b.jsonl:2: no field 'text'"]
        >>> report.exit_code
        123
        """
        lines = [f"error: {failure}" for failure in outcome.failures]
        lines += [f"warning: {where}: almost no text left after cleaning (an empty body?)" for where in outcome.empty]
        self.empty += len(outcome.empty)
        if outcome.skipped:
            self.skipped += 1
            return lines
        self.files += 1
        if outcome.failed:  # nothing was written for it, so nothing it would have done counts
            self.failed_files += 1
            return lines
        self.records += outcome.records
        self.rules.update(outcome.rules)
        self.failed_records += len(outcome.failures)
        if outcome.changed:
            self.changed += 1
            if self.mode == "check":
                lines.append(f"would clean {outcome.name}")
            elif self.mode == "write" and self.in_place:
                lines.append(f"cleaned {outcome.name}")
        return lines

    @property
    def failed(self) -> int:
        """Failed files plus failed records."""
        return self.failed_files + self.failed_records

    @property
    def exit_code(self) -> int:
        """``123`` if anything failed, else ``1`` if ``check`` and something would change, else 0.

        >>> Report(check=True, changed=1).exit_code
        1
        >>> Report(changed=1).exit_code
        0
        """
        if self.failed:
            return EXIT_FAILED
        if self.check and self.changed:
            return EXIT_CHANGED
        return EXIT_OK

    def summary(self) -> str:
        """One sentence, black-style.

        >>> Report(mode="check", files=3, changed=2).summary()
        '2 files would be cleaned, 1 file would be left unchanged.'
        >>> Report(files=1, failed_files=1).summary()
        '1 file failed to clean.'
        """
        done = self.files - self.failed_files
        parts = []
        if self.changed:
            verb = "would be cleaned" if self.mode != "write" else "cleaned"
            parts.append(f"{_plural(self.changed, 'file')} {verb}")
        if done - self.changed:
            verb = "would be left unchanged" if self.mode != "write" else "left unchanged"
            parts.append(f"{_plural(done - self.changed, 'file')} {verb}")
        if self.skipped:
            parts.append(f"{_plural(self.skipped, 'file')} skipped (up to date)")
        if self.failed_files:
            parts.append(f"{_plural(self.failed_files, 'file')} failed to clean")
        if self.failed_records:
            parts.append(f"{_plural(self.failed_records, 'record')} failed")
        return (", ".join(parts) or "No files to clean") + "."

    def rows(self) -> list[tuple[str, str]]:
        """The summary table as (label, value) rows: totals, then changes per rule.

        Junk rules count the paragraphs or spans they removed; ``recase`` counts words.

        >>> from collections import Counter
        >>> Report(files=2, records=5, rules=Counter(recase=7, drop_read_also=3)).rows()[-2:]
        [('drop_read_also', '3'), ('words recased', '7')]
        """
        rows = [
            ("files", str(self.files)),
            ("files changed" if self.mode == "write" else "files to change", str(self.changed)),
        ]
        if self.skipped:
            rows.append(("files skipped (up to date)", str(self.skipped)))
        if self.records:
            rows.append(("records", str(self.records)))
        rows.append(("failures", str(self.failed)))
        if self.empty:
            rows.append(("empty after cleaning", str(self.empty)))
        for rule, count in sorted(self.rules.items()):
            if rule != "recase":
                rows.append((rule, str(count)))
        rows.append(("words recased", str(self.rules.get("recase", 0))))
        return rows


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
