"""Readers and writers: bytes to text and back, JSONL records, gzip, atomic writes.

Everything here is about not losing text. Input bytes are decoded strictly by default: an
undecodable byte stops that one input with a message naming the file, the byte offset and
the way out (``--errors replace``), in the spirit of sqlite-utils' ``UNICODE_ERROR``. A NUL
byte outside UTF-16 means a binary file, which is skipped rather than "cleaned".

A :class:`TextFile` remembers what the input looked like (encoding, byte-order mark, its
dominant line ending), so :func:`encode_text` can give an ``--in-place`` rewrite the same
shape as the original. Files with mixed line endings are written back with the dominant one.

Writes go through :func:`atomic_output`: a hidden temp file in the destination's folder is
written, flushed, fsynced, given the original's permission bits and renamed over the
destination with :func:`os.replace`, so a reader (or a crash, or Ctrl-C, or SIGKILL) only
ever sees the whole old file or the whole new one. On any failure the temp file is removed
and the original is untouched. A SIGKILL cannot run clean-up code, so it may leave a hidden
``.NAME.textfix-XXXXXXXX.tmp`` beside the original -- never a damaged original.

Symbolic links are never written through: writing to a path that is a symlink raises
:class:`~textfix.errors.TextfixError`. Replacing the link with a regular file would silently
break whatever the link was for, and writing through it would change a file outside the
tree the user named; refusing is the only choice that surprises nobody. (A hard link is
replaced by a new file, like every rename-based editor does.)

``gzip`` and ``json`` are imported where they are used: a CLI run on one text file needs
neither, and they were 6 ms of its start-up. Temp names come from ``os.urandom``, as
``secrets.token_hex`` makes them, without the 9 ms of importing ``secrets`` (and OpenSSL).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import os
import stat
import zlib
from dataclasses import dataclass
from typing import BinaryIO, Iterable, Iterator

from .errors import BinaryInputError, DecodeError, RecordError, TextfixError

#: Byte-order marks we recognise, longest first (a UTF-32 LE BOM starts with UTF-16 LE's).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_BOM_FOR = {encoding: bom for bom, encoding in _BOMS}
ERRORS = ("strict", "replace")
_TEMP_MARK = ".textfix-"


@dataclass(frozen=True)
class TextFile:
    """Decoded text (always ``\\n`` line endings) and the shape of the bytes it came from.

    ``newline`` is the input's dominant line ending: ``"\\n"``, ``"\\r\\n"`` or ``"\\r"``.
    """

    text: str
    encoding: str = "utf-8"
    newline: str = "\n"
    bom: bool = False


def _describe_path(name: str | os.PathLike) -> str:
    return os.fspath(name)


def detect_newline(text: str) -> str:
    """The most frequent line ending of ``text`` (``"\\n"`` when there is none or a tie).

    >>> detect_newline("a\\r\\nb\\r\\nc\\n")
    '\\r\\n'
    >>> detect_newline("a\\rb\\rc")
    '\\r'
    >>> detect_newline("satu baris")
    '\\n'
    """
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max(lf, crlf, cr)
    if lf == best:
        return "\n"
    return "\r\n" if crlf == best else "\r"


def _to_lf(text: str) -> str:
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, name: str, errors: str = "strict") -> TextFile:
    """Decode an input file's bytes: UTF-8 (with or without BOM), UTF-16/32 with a BOM.

    ``errors="replace"`` turns undecodable bytes into U+FFFD instead of failing.

    >>> decode_bytes(b"\\xef\\xbb\\xbfSatu\\r\\nDua\\r\\n", "a.txt")
    TextFile(text='Satu\\nDua\\n', encoding='utf-8', newline='\\r\\n', bom=True)
    >>> decode_bytes("Jalan".encode("utf-16"), "b.txt").text
    'Jalan'
    >>> decode_bytes(b"caf\\xe9", "c.txt")
    Traceback (most recent call last):
    ...
    textfix.errors.DecodeError: c.txt: not valid UTF-8 at byte 3 (0xe9); convert the file to UTF-8, or pass --errors replace to decode bad bytes as U+FFFD
    >>> decode_bytes(b"caf\\xe9", "c.txt", errors="replace").text
    'caf\\ufffd'
    """
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    encoding, bom_len = "utf-8", 0
    for bom, candidate in _BOMS:
        if data.startswith(bom):
            encoding, bom_len = candidate, len(bom)
            break
    wide = encoding.startswith(("utf-16", "utf-32"))
    if not wide:
        nul = data.find(b"\0")
        if nul >= 0:
            raise BinaryInputError(f"{name}: binary file (NUL byte at offset {nul}); skipped")
    try:
        text = data[bom_len:].decode(encoding, errors)
    except UnicodeDecodeError as exc:
        offset = exc.start + bom_len
        bad = data[offset : offset + 1].hex()
        label = encoding.upper().replace("-LE", " LE").replace("-BE", " BE")
        raise DecodeError(
            f"{name}: not valid {label} at byte {offset} (0x{bad}); convert the file to "
            "UTF-8, or pass --errors replace to decode bad bytes as U+FFFD"
        ) from None
    if wide and "\0" in text:
        raise BinaryInputError(
            f"{name}: binary file (NUL character in {encoding.upper()} text); skipped"
        )
    return TextFile(_to_lf(text), encoding, detect_newline(text), bom_len > 0)


def encode_text(text: str, like: TextFile) -> bytes:
    """``text`` as bytes shaped like ``like``: its line ending, encoding and BOM.

    >>> shape = decode_bytes(b"\\xef\\xbb\\xbfA\\r\\nB\\r\\n", "a.txt")
    >>> encode_text("A\\nb\\n", shape)
    b'\\xef\\xbb\\xbfA\\r\\nb\\r\\n'
    """
    text = _to_lf(text)
    if like.newline != "\n":
        text = text.replace("\n", like.newline)
    data = text.encode(like.encoding)
    if like.bom:
        data = _BOM_FOR[like.encoding] + data
    return data


def encode_parts(parts: Iterable[str], like: TextFile) -> Iterator[bytes]:
    """:func:`encode_text` of the concatenated ``parts``, a part at a time: for a cleaned text
    so big that it should never exist as one string (``pipeline.clean_parts``).

    >>> shape = decode_bytes(b"\\xef\\xbb\\xbfA\\r\\nB\\r\\n", "a.txt")
    >>> b"".join(encode_parts(["A\\r", "\\nb", "\\n"], shape)) == encode_text("A\\r\\nb\\n", shape)
    True
    """
    if like.bom:
        yield _BOM_FOR[like.encoding]
    plain = TextFile("", like.encoding, like.newline, bom=False)
    held = ""
    for part in parts:
        part = held + part if held else part
        # A CR at a part's end may be half of a CRLF: it waits for the next part.
        held = "\r" if part.endswith("\r") else ""
        if held:
            part = part[:-1]
        if part:
            yield encode_text(part, plain)
    if held:
        yield encode_text(held, plain)


def _read_error(path: str, exc: OSError) -> TextfixError:
    if isinstance(exc, FileNotFoundError):
        reason = "no such file"
    elif isinstance(exc, IsADirectoryError):
        reason = "is a directory, not a file"
    elif isinstance(exc, PermissionError):
        reason = "permission denied"
    else:
        reason = exc.strerror or str(exc)
    return TextfixError(f"{path}: cannot read: {reason}")


def is_gzip_path(path: str | os.PathLike) -> bool:
    """Whether ``path`` names a gzip file by its extension (``.gz``)."""
    return os.fspath(path).lower().endswith(".gz")


def read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of ``path``, gunzipped if it ends in ``.gz``; errors are one line.

    >>> read_bytes("/nonexistent/x.txt")
    Traceback (most recent call last):
    ...
    textfix.errors.TextfixError: /nonexistent/x.txt: cannot read: no such file
    """
    name = _describe_path(path)
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", name)
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise _read_error(name, exc) from None
    if is_gzip_path(name):
        import gzip

        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise DecodeError(f"{name}: not a valid gzip file ({exc})") from None
    return data


def read_file(path: str | os.PathLike, errors: str = "strict") -> TextFile:
    """Read and decode a text file (see :func:`decode_bytes`); ``.gz`` is gunzipped."""
    return decode_bytes(read_bytes(path), _describe_path(path), errors)


@contextlib.contextmanager
def open_binary_input(path: str | os.PathLike) -> Iterator[BinaryIO]:
    """Open ``path`` for streaming binary reads (gunzipped if ``.gz``): for large JSONL."""
    name = _describe_path(path)
    try:
        if os.path.isdir(path):
            raise IsADirectoryError(errno.EISDIR, "Is a directory", name)
        raw = open(path, "rb")
    except OSError as exc:
        raise _read_error(name, exc) from None
    with raw:
        if is_gzip_path(name):
            import gzip

            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            yield raw


def iter_jsonl_lines(
    stream: Iterable[str] | Iterable[bytes], name: str, errors: str = "strict", first_line: int = 1
) -> Iterator[tuple[int, dict | TextfixError]]:
    """``(line_number, record)`` for each non-blank line; a bad line gives a RecordError.

    ``stream`` may yield ``str`` or ``bytes`` lines; bytes are decoded line by line, so one
    undecodable line fails alone. A BOM on the first line is ignored. The caller decides
    what to do with the errors (count and report them, and go on). ``first_line`` numbers
    the first line of ``stream``, for a chunk taken from the middle of a file.

    >>> lines = ['{"text": "a"}\\n', '\\n', '{"text": \\n', '[1]\\n']
    >>> for number, item in iter_jsonl_lines(lines, "x.jsonl"):
    ...     print(number, item)
    1 {'text': 'a'}
    3 x.jsonl:3: malformed JSON: Expecting value at column 10; record skipped
    4 x.jsonl:4: not a JSON object (a list); record skipped
    """
    import json

    decoder = json.JSONDecoder(strict=False)
    if errors not in ERRORS:
        raise ValueError(f"errors must be one of {ERRORS}, not {errors!r}")
    for number, line in enumerate(stream, start=first_line):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8", errors)
            except UnicodeDecodeError as exc:
                yield number, RecordError(
                    f"{name}:{number}: not valid UTF-8 at byte {exc.start} of the line; "
                    "pass --errors replace to decode bad bytes as U+FFFD"
                )
                continue
        if number == 1 and line.startswith("\ufeff"):
            line = line[1:]
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        try:
            record = decoder.decode(line)
        except json.JSONDecodeError as exc:
            yield number, RecordError(f"{name}:{number}: malformed JSON: {exc.msg} at column {exc.colno}; record skipped")
            continue
        except RecursionError:
            yield number, RecordError(f"{name}:{number}: malformed JSON: nested too deeply; record skipped")
            continue
        if not isinstance(record, dict):
            kind = {list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
                type(record), "a number"
            )
            yield number, RecordError(f"{name}:{number}: not a JSON object ({kind}); record skipped")
            continue
        yield number, record


def record_text(record: dict, field: str, name: str, line_number: int) -> str:
    """The text field of a JSONL record, or a RecordError naming ``file:line``.

    >>> record_text({"text": "Isi"}, "text", "a.jsonl", 1)
    'Isi'
    >>> record_text({"judul": "x"}, "text", "a.jsonl", 7)
    Traceback (most recent call last):
    ...
    textfix.errors.RecordError: a.jsonl:7: no field 'text' (fields: judul); record skipped
    >>> record_text({"text": 3}, "text", "a.jsonl", 2)
    Traceback (most recent call last):
    ...
    textfix.errors.RecordError: a.jsonl:2: field 'text' is int, not a string; record skipped
    """
    if field not in record:
        fields = ", ".join(sorted(map(str, record))[:10]) or "none"
        raise RecordError(f"{name}:{line_number}: no field {field!r} (fields: {fields}); record skipped")
    value = record[field]
    if not isinstance(value, str):
        kind = "null" if value is None else type(value).__name__
        raise RecordError(f"{name}:{line_number}: field {field!r} is {kind}, not a string; record skipped")
    return value


def dump_record(record: dict) -> bytes:
    """One JSONL line (with ``\\n``) in UTF-8, non-ASCII kept readable as the scrapers
    write it. A record holding a lone surrogate (JSON allows the escape ``\\ud83c``, UTF-8
    cannot hold the character) is written with ``\\u`` escapes, as it came.

    >>> dump_record({"text": "Kamis, 7 Mei"})
    b'{"text": "Kamis, 7 Mei"}\\n'
    >>> dump_record({"text": "\\ud83c"})
    b'{"text": "\\\\ud83c"}\\n'
    """
    import json

    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def _write_error(path: str, exc: OSError, what: str = "cannot write", untouched: bool = True) -> TextfixError:
    reason = exc.strerror or str(exc)
    if isinstance(exc, PermissionError):
        reason = f"permission denied in {os.path.dirname(os.path.abspath(path))}"
    tail = "; the original is untouched" if untouched else ""
    return TextfixError(f"{path}: {what}: {reason}{tail}")


def _refuse_symlink(path: str) -> None:
    if os.path.islink(path):
        raise TextfixError(
            f"{path}: is a symbolic link; textfix never writes through links "
            "(clean the file it points to instead)"
        )


def _create_temp(path: str, mode: int) -> tuple[int, str]:
    folder, base = os.path.split(os.path.abspath(path))
    for _ in range(100):
        temp = os.path.join(folder, f".{base}{_TEMP_MARK}{os.urandom(4).hex()}.tmp")
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "could not pick a free temporary name", folder)


def is_temp_name(name: str) -> bool:
    """Whether a file name is one of textfix's in-progress temp files.

    >>> is_temp_name(".berita.txt.textfix-0a1b2c3d.tmp")
    True
    """
    base = os.path.basename(name)
    return base.startswith(".") and _TEMP_MARK in base and base.endswith(".tmp")


def _fsync_folder(folder: str) -> None:
    # Makes the rename itself durable; not every platform lets a folder be opened.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on a folder; the data itself is already synced
    finally:
        os.close(fd)


def _is_stream_device(st: os.stat_result) -> bool:
    """A character device, pipe or socket: ``-o /dev/stdout``, ``/dev/null``, a FIFO."""
    return not stat.S_ISREG(st.st_mode) and not stat.S_ISDIR(st.st_mode)


#: gzip's own default level: see :func:`_maybe_gzipped`.
GZIP_LEVEL = 6


@contextlib.contextmanager
def _maybe_gzipped(handle: BinaryIO, compress: bool) -> Iterator[BinaryIO]:
    """``handle``, or a gzip stream onto it (no name or time in the header: reproducible).

    Level 6, gzip's own default: on news JSONL it compresses a third faster than Python's
    default 9 (11 against 8 MB/s here) to within half a percent of the size."""
    if compress:
        import gzip

        with gzip.GzipFile(filename="", fileobj=handle, mode="wb", mtime=0, compresslevel=GZIP_LEVEL) as zipped:
            yield zipped  # type: ignore[misc]
    else:
        yield handle


def gzip_member(data: bytes) -> bytes:
    """``data`` as one whole gzip member, as :func:`_maybe_gzipped` would compress it.

    A gzip file may hold several members one after another, read back as one stream
    (RFC 1952; ``gzip -d``, ``zcat`` and Python's :mod:`gzip` all do), so the workers
    of a parallel batch each compress their own part of a ``.jsonl.gz`` output and the
    main process only joins them, as ``pigz`` shares out its work.

    >>> import gzip
    >>> gzip.decompress(gzip_member(b"satu\\n") + gzip_member(b"dua\\n"))
    b'satu\\ndua\\n'
    """
    import gzip

    return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)


@contextlib.contextmanager
def _direct_output(name: str, compress: bool) -> Iterator[BinaryIO]:
    # Devices and pipes cannot be renamed over (and as root that would replace the
    # device node itself), so they are written straight through.
    try:
        handle = open(name, "wb")
    except OSError as exc:
        raise _write_error(name, exc, untouched=False) from None
    try:
        with handle:
            with _maybe_gzipped(handle, compress) as out:
                yield out
            handle.flush()
    except OSError as exc:
        raise _write_error(name, exc, untouched=False) from None


@contextlib.contextmanager
def atomic_output(
    path: str | os.PathLike, compress: bool | None = None, sync_folder: bool = True
) -> Iterator[BinaryIO]:
    """Write ``path`` atomically: yield a binary file, rename it into place on success.

    On an exception (including ``KeyboardInterrupt``) the temp file is removed and
    ``path`` is left as it was. ``compress`` (default: ``path`` ends in ``.gz``) gzips
    what is written. The folder must exist. A symlink ``path`` is refused (never written
    through); a device or pipe (``/dev/stdout``, ``/dev/null``, a FIFO, also through a
    link) is written directly, since it cannot be replaced.

    The data is synced before the rename, so a crash never leaves a short file; the folder
    is synced after it, making the rename itself durable, unless ``sync_folder`` is False:
    then the caller syncs it later (:func:`sync_folders`), once for many files.
    """
    name = _describe_path(path)
    compress = compress if compress is not None else is_gzip_path(name)
    try:
        original = os.stat(name)
    except FileNotFoundError:
        original = None
    except OSError as exc:
        raise _write_error(name, exc) from None
    if original is not None and _is_stream_device(original):
        with _direct_output(name, compress) as handle:
            yield handle
        return
    _refuse_symlink(name)
    if original is not None and stat.S_ISDIR(original.st_mode):
        raise TextfixError(f"{name}: is a directory; cannot write over it")
    try:
        # A new file gets 0o666 minus the umask, as open() would give it; an existing
        # file's copy stays private until it has the original's bits.
        fd, temp = _create_temp(name, 0o600 if original else 0o666)
    except OSError as exc:
        raise _write_error(name, exc) from None
    handle = os.fdopen(fd, "wb")
    try:
        with _maybe_gzipped(handle, compress) as out:
            yield out
        handle.flush()
        os.fsync(handle.fileno())
        if original is not None:
            os.chmod(temp, stat.S_IMODE(original.st_mode))
            if hasattr(os, "chown") and (original.st_uid, original.st_gid) != (
                os.getuid(),
                os.getgid(),
            ):
                with contextlib.suppress(PermissionError):
                    # Only root may give a file away; anyone else keeps their own copy.
                    os.chown(temp, original.st_uid, original.st_gid)
        handle.close()
        _refuse_symlink(name)  # a link may have appeared while we wrote
        os.replace(temp, name)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        if isinstance(exc, OSError):
            raise _write_error(name, exc) from None
        raise
    if sync_folder:
        _fsync_folder(os.path.dirname(os.path.abspath(name)))


def sync_folders(folders: Iterable[str]) -> None:
    """Make the renames into each of ``folders`` durable, one fsync a folder: what
    :func:`atomic_output` does after each file unless told not to. A batch syncs its
    output folders once at its end, where syncing the folder after every file took
    13,068 fsyncs instead of 6,534 on bench.py's archive of 6,534 files."""
    for folder in folders:
        _fsync_folder(folder)


def atomic_write(path: str | os.PathLike, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically, keeping its permission bits.

    ``data`` is written as given (no gzip: use :func:`atomic_output` for that). A symlink
    ``path`` raises :class:`TextfixError` and is never written through.
    """
    with atomic_output(path, compress=False) as handle:
        handle.write(data)


def write_text_file(path: str | os.PathLike, text: str, like: TextFile | None = None) -> None:
    """Atomically write ``text`` shaped like ``like`` (default plain UTF-8, ``\\n``);
    gzipped if ``path`` ends in ``.gz``."""
    with atomic_output(path) as handle:
        handle.write(encode_text(text, like or TextFile("")))


__all__ = [
    "TextFile",
    "atomic_output",
    "atomic_write",
    "decode_bytes",
    "detect_newline",
    "dump_record",
    "encode_parts",
    "encode_text",
    "is_gzip_path",
    "is_temp_name",
    "iter_jsonl_lines",
    "open_binary_input",
    "read_bytes",
    "read_file",
    "record_text",
    "sync_folders",
    "write_text_file",
]

