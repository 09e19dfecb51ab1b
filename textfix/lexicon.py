"""The only module that opens data files or calls Sastrawi.

Data files live in ``textfix/data/``: UTF-8, one entry per line, ``#`` header lines naming
source, licence and the script that generated them. Each is read once, lazily, on first
use (``functools.cache``), so start-up stays fast. They are found beside this module
rather than through ``importlib.resources``, whose import cost about 10 ms of the CLI's
start-up (spawned by py-spy, 12 runs on the seed: 3.6% of the samples).

The casing tables (170,000 lines) are most of the start-up time of ``textfix clean``, so
they are parsed without Python code per line (C-level ``map``/``filter`` over the lines, one
``split`` of all fields, ``dict(zip(...))`` over column slices), and the parsed dicts are
kept as ``marshal`` files in the user cache dir, which load in about half the time.
"""

from __future__ import annotations

import array
import functools
import gc
import marshal
import mmap
import os
import struct
import sys
import zlib
from itertools import filterfalse
from operator import methodcaller

_is_comment = methodcaller("startswith", "#")
_split_tab = methodcaller("split", "\t")
_rsplit_tab = methodcaller("rsplit", "\t", 1)


def _entries(text: str) -> list[str]:
    """Stripped lines of ``text`` without blanks or ``#`` comments (see :func:`data_lines`)."""
    return list(filterfalse(_is_comment, filter(None, map(str.strip, text.splitlines()))))


#: The folder of the package's data files (an installed package is a plain folder: the
#: marshal copies and indexes in :func:`cache_dir` need real files anyway).
DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def _read(name: str) -> str:
    # Bytes + decode skips the slower newline translation of read_text(); splitlines()
    # treats "\r\n" and "\r" as line ends anyway.
    return _package_bytes(name).decode("utf-8")


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The entries of data file ``name``: stripped lines, without blanks or ``#`` comments."""
    return tuple(_entries(_read(name)))


def _columns(entries: list[str], width: int) -> list[str] | None:
    """All TAB-separated fields of ``entries`` in one list, row after row; None unless
    there are ``width`` per entry on average.

    The average is enough: an entry with fewer fields fails the line-by-line parse, so a
    table that parses has exactly ``width`` fields in every entry. (One whose miscounts
    cancel out is corrupt either way, and ``int``/``float`` then mostly raise.)
    """
    fields = "\t".join(entries).split("\t")
    return fields if len(fields) == width * len(entries) else None


class _GCPaused:
    """Pause the cycle collector while a count table is built: tens of thousands of new
    tuples would trigger passes over the whole heap (about a tenth of the parse time)."""

    def __enter__(self) -> None:
        self.enabled = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            gc.enable()


def _shared(values) -> map:
    """``values`` with equal tuples made one object: the count tables hold 80,000 tuples
    but 2,700 distinct ones, so memory and the marshal copy (which stores a shared object
    once) shrink, and the copy loads 40% faster."""
    values = list(values)
    return map({}.setdefault, values, values)


def parse_counts(text: str) -> dict[str, tuple[int, int]]:
    """``word TAB lowercase TAB capital`` lines -> ``word -> (lowercase, capital)``."""
    entries = _entries(text)
    f = _columns(entries, 3)
    if f is None:
        raise ValueError("casing counts: every entry needs 3 TAB-separated fields")
    with _GCPaused():
        return dict(zip(f[0::3], _shared(zip(map(int, f[1::3]), map(int, f[2::3])))))


def parse_bigrams(text: str) -> dict[str, tuple[int, int, int, int]]:
    """``word SPACE next TAB ll TAB lC TAB Cl TAB CC`` lines -> ``"word next" -> counts``."""
    entries = _entries(text)
    f = _columns(entries, 5)
    if f is None:
        raise ValueError("casing bigrams: every entry needs 5 TAB-separated fields")
    with _GCPaused():
        counts = zip(map(int, f[1::5]), map(int, f[2::5]), map(int, f[3::5]), map(int, f[4::5]))
        return dict(zip(f[0::5], _shared(counts)))


def parse_weights(text: str) -> dict[str, float]:
    """``feature TAB weight`` lines -> ``feature -> weight``; a feature may hold a TAB."""
    entries = _entries(text)
    f = _columns(entries, 2)
    if f is None:  # some feature holds a TAB: split at the last one
        pairs = list(map(_rsplit_tab, entries))
        if any(len(pair) != 2 for pair in pairs):
            raise ValueError("casing model: an entry has no TAB before its weight")
        f = [field for pair in pairs for field in pair]
    # Equal weights made one object (87,293 weights, 9,831 distinct): see _cached_table.
    return dict(zip(f[0::2], _shared(map(float, f[1::2]))))


def parse_stems(text: str) -> dict[str, str]:
    """``word TAB root`` lines -> ``word -> root`` (equal roots one object)."""
    table = dict(map(_split_tab, _entries(text)))
    return dict(zip(table, _shared(table.values())))


# --- The parsed-table cache ---------------------------------------------------------------

#: Bump when a ``parse_*`` function changes what it returns for the same file, or the
#: copies their layout (3: the distinct values first, see :func:`_cached_table`).
_CACHE_VERSION = 3


def cache_dir() -> str:
    """``$XDG_CACHE_HOME/textfix`` (default ``~/.cache/textfix``)."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "textfix")


def _package_bytes(name: str) -> bytes:
    with open(os.path.join(DATA_DIR, name), "rb") as handle:
        return handle.read()


def _cache_paths(name: str, raw: bytes) -> tuple[str, str]:
    """The marshal copy's and the index's paths for data file ``name`` with content ``raw``.

    Their names hold the file's size and CRC-32 and Adler-32 checksums (zlib is loaded
    anyway; hashlib would add 6 ms of start-up), the interpreter's cache tag (marshal's
    format may change between versions) and :data:`_CACHE_VERSION`, so a rebuilt data
    file or another Python never reads a stale copy.
    """
    digest = f"{len(raw)}-{zlib.crc32(raw):08x}{zlib.adler32(raw):08x}"
    stem = os.path.join(cache_dir(), f"{name}.{digest}.{sys.implementation.cache_tag}-v{_CACHE_VERSION}")
    return stem + ".marshal", stem + ".index"


def _write_atomically(path: str, prefix: str, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename, so concurrent
    processes never read half a file."""
    import tempfile

    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{prefix}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _cached_table(name: str, parse, read=_package_bytes):
    """``parse`` of data file ``name``, through a marshal copy in :func:`cache_dir`.

    The first use also writes the table's :class:`IndexedTable` file beside the copy. Any
    trouble (no home, read-only disk, a damaged copy) falls back to parsing, silently:
    the cache only saves time. With :func:`use_indexed_tables` on, the table comes as
    an :class:`IndexedTable` when its index is there.

    The copy holds the table's distinct values (one object each, see :func:`_shared`)
    before the table: loaded, they lie together in memory instead of between the keys.
    That matters to a parallel run's workers, which share the tables with the process
    that forked them until they write to a page, and every lookup writes to the value it
    returns (its reference count): with values between the keys, looking up a few
    thousand words copied most of a table's pages into each worker (and the forking
    process then held the originals alone). Bench.py's 500 MB JSONL run, two workers:
    process tree PSS 151.0, 151.5, 151.0 -> 140.9, 139.5, 139.4 MiB (largest process 81.8
    -> 79.1 MiB RSS); one process cleaning 23 MB of news 93.2 -> 90.2 MiB max RSS.
    """
    raw = read(name)
    path, index_path = _cache_paths(name, raw)
    if _INDEXED:
        try:
            return IndexedTable(index_path)
        except (OSError, ValueError):
            pass
    try:
        with open(path, "rb") as fh:
            copy = marshal.loads(fh.read())  # marshal.load(fh) reads piecemeal: 10x slower
        if type(copy) is tuple and len(copy) == 2 and type(copy[1]) is dict:
            value = copy[1]
            del copy
            if _INDEXED:  # a copy written before indexes were
                _write_quietly(index_path, name, IndexedTable.build(value))
            return value
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = parse(raw.decode("utf-8"))
    distinct = tuple({id(v): v for v in value.values()}.values())
    _write_quietly(path, name, marshal.dumps((distinct, value)))
    _write_quietly(index_path, name, IndexedTable.build(value))
    try:
        _prune(os.path.dirname(path), f"{name}.", f".{sys.implementation.cache_tag}-v")
    except OSError:
        pass
    return value


def _write_quietly(path: str, name: str, data: bytes) -> None:
    try:
        _write_atomically(path, name, data)
    except OSError:
        pass


# --- Indexed tables: a short run looks up a few hundred words, not 170,000 ----------------

_INDEXED = False


def use_indexed_tables(on: bool = True) -> None:
    """Look table entries up in their index files instead of loading whole tables.

    Loading the casing tables costs about 80 ms; a run on one short article looks up a
    few thousand keys at a few microseconds each. The CLI turns this on for small jobs
    (see ``cli.clean``); long runs keep the dicts, whose lookups are many times faster.
    Tables loaded already are dropped, so the next use loads them the new way.
    """
    global _INDEXED
    if on == _INDEXED:
        return
    _INDEXED = on
    for loader in (casing_counts, casing_bigrams, casing_weights, casing_stems, sastrawi_roots, _stemmer, stem, sastrawi_stem):
        loader.cache_clear()


def indexed_tables_on() -> bool:
    """Whether :func:`use_indexed_tables` is on."""
    return _INDEXED


_MISSING = object()
_INDEX_MAGIC = b"textfix-index-1\n"
_HEADER = struct.Struct("<16sQ")
_RECORD = struct.Struct("<HI")


class IndexedTable:
    """A read-only ``dict`` of str keys kept in a file: an open-addressing hash table.

    Layout: a header (magic, slot count, a power of two), the slots (native ``uint32``
    offsets, 0 for empty), then records (key length, value length, UTF-8 key, marshalled
    value). A key's first slot is its CRC-32 masked by the slot count, then the next ones.
    Looked-up values are remembered, so a word asked for twice costs one dict lookup.
    """

    __slots__ = ("_data", "_slots", "_mask", "_memo")

    def __init__(self, path: str) -> None:
        with open(path, "rb") as fh:
            # Mapped, not read: a short run touches a few pages of a few MB.
            data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        if len(data) < _HEADER.size:
            raise ValueError(f"{path}: not a textfix index")
        magic, size = _HEADER.unpack_from(data)
        end = _HEADER.size + 4 * size
        if magic != _INDEX_MAGIC or size & (size - 1) or len(data) < end:
            raise ValueError(f"{path}: not a textfix index")
        self._data = data
        self._slots = memoryview(data)[_HEADER.size : end].cast("I")
        self._mask = size - 1
        self._memo: dict[str, object] = {}

    @staticmethod
    def build(table: dict) -> bytes:
        """The index file's bytes for ``table`` (same table, same bytes)."""
        size = 1 << max(3, (2 * len(table)).bit_length())  # at most half the slots full
        mask = size - 1
        slots = array.array("I", bytes(4 * size))
        records = bytearray(1)  # offset 0 means an empty slot
        for key in sorted(table):
            raw_key = key.encode("utf-8")
            raw_value = marshal.dumps(table[key])
            slot = zlib.crc32(raw_key) & mask
            while slots[slot]:
                slot = (slot + 1) & mask
            slots[slot] = _HEADER.size + 4 * size + len(records)
            records += _RECORD.pack(len(raw_key), len(raw_value)) + raw_key + raw_value
        return _HEADER.pack(_INDEX_MAGIC, size) + slots.tobytes() + bytes(records)

    def _find(self, key: str) -> object:
        raw = key.encode("utf-8", "surrogatepass")
        data, slots, mask = self._data, self._slots, self._mask
        slot = zlib.crc32(raw) & mask
        while True:
            at = slots[slot]
            if not at:
                return _MISSING
            key_length, value_length = _RECORD.unpack_from(data, at)
            start = at + _RECORD.size
            if key_length == len(raw) and data[start : start + key_length] == raw:
                start += key_length
                return marshal.loads(data[start : start + value_length])
            slot = (slot + 1) & mask

    def get(self, key: str, default=None):
        try:
            value = self._memo[key]
        except KeyError:
            value = self._memo[key] = self._find(key)
        return default if value is _MISSING else value

    def __getitem__(self, key: str):
        value = self.get(key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.get(key, _MISSING) is not _MISSING


#: Copies kept per data file: one per version in use (say two checkouts on different data)
#: so they do not evict each other, without piling up a copy per rebuild.
_CACHE_KEEP = 4


def _prune(folder: str, prefix: str, python: str) -> None:
    """Delete all but the :data:`_CACHE_KEEP` newest copies named ``prefix...`` for this
    Python (``python`` in the name; any :data:`_CACHE_VERSION`)."""
    paths = [
        os.path.join(folder, n)
        for n in os.listdir(folder)
        if n.startswith(prefix) and python in n and n.endswith(".marshal")
    ]
    paths.sort(key=os.path.getmtime, reverse=True)
    for old in paths[_CACHE_KEEP:]:
        os.unlink(old)
        index = old[: -len(".marshal")] + ".index"
        if os.path.exists(index):
            os.unlink(index)


# --- The casing lexicon -------------------------------------------------------------------


@functools.cache
def _kata_dasar() -> tuple[str, ...]:
    """Sastrawi's root-word file split as ``StemmerFactory.get_words`` splits it, read
    directly: the factory would import the whole stemmer just to read a file."""
    return tuple(_sastrawi_bytes("kata-dasar.txt").decode("utf-8").split("\n"))


def _sastrawi_bytes(name: str) -> bytes:
    """A file of Sastrawi's ``Stemmer/data`` folder (importing the package, not the stemmer)."""
    import Sastrawi.Stemmer

    with open(os.path.join(Sastrawi.Stemmer.__path__[0], "data", name), "rb") as handle:
        return handle.read()


def _parse_roots(text: str) -> dict[str, int]:
    return dict.fromkeys(filter(None, map(str.strip, text.split("\n"))), 1)


@functools.cache
def sastrawi_roots() -> frozenset[str] | IndexedTable:
    """Sastrawi's list of Indonesian root words (CC BY-NC-SA 3.0), loaded on first use.

    With :func:`use_indexed_tables` on: an :class:`IndexedTable` (only ``in`` is used).
    """
    if _INDEXED:
        table = _cached_table("kata-dasar.txt", _parse_roots, read=_sastrawi_bytes)
        return table if isinstance(table, IndexedTable) else frozenset(table)
    return frozenset(filter(None, map(str.strip, _kata_dasar())))


class KeySet:
    """``key in (base | plus) - minus`` without building the set: for an indexed ``base``."""

    __slots__ = ("_base", "_plus", "_minus")

    def __init__(self, base, plus=frozenset(), minus=frozenset()) -> None:
        self._base, self._plus, self._minus = base, plus, minus

    def __contains__(self, key: object) -> bool:
        return (key in self._base or key in self._plus) and key not in self._minus


class _IndexedDictionary:
    """What Sastrawi's stemmer asks of its dictionary (``contains``), from an index."""

    def __init__(self, words: IndexedTable) -> None:
        self.contains = words.__contains__


@functools.cache
def _stemmer():
    """``StemmerFactory().create_stemmer()``, with the dictionary filled in one C-level
    step instead of ``ArrayDictionary.add`` per word (10 ms less on the first stem), or
    read from the index with :func:`use_indexed_tables` on."""
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Cache.ArrayCache import ArrayCache
    from Sastrawi.Stemmer.CachedStemmer import CachedStemmer
    from Sastrawi.Stemmer.Stemmer import Stemmer

    roots = sastrawi_roots()
    if isinstance(roots, IndexedTable):
        return CachedStemmer(ArrayCache(), Stemmer(_IndexedDictionary(roots)))
    dictionary = ArrayDictionary()
    if isinstance(getattr(dictionary, "words", None), dict):
        words = [w for w in _kata_dasar() if w.strip()]  # ArrayDictionary.add skips blanks
        dictionary.words.update(zip(words, words))
    else:  # not the PySastrawi 1.2 layout
        dictionary.add_words(_kata_dasar())
    return CachedStemmer(ArrayCache(), Stemmer(dictionary))


@functools.lru_cache(maxsize=65536)
def sastrawi_stem(word: str) -> str:
    """Sastrawi's root of one lowercase word (``menyosialisasikan`` -> ``sosialisasi``).

    Sastrawi lowercases and strips punctuation, so this is only ever used as a key. It
    takes about 2 ms a word, hence the cache and the precomputed table used by :func:`stem`.
    """
    if len(word) < 5 or not word.isalpha():
        return word
    return _stemmer().stem(word)


@functools.cache
def casing_stems() -> dict[str, str]:
    """Sastrawi stems of the derived words in ``casing-counts.tsv``, precomputed."""
    return _cached_table("casing-stems.tsv", parse_stems)


_PREFIXES = ("me", "di", "be", "te", "pe", "ke", "se")
_SUFFIXES = ("kan", "an", "i", "nya", "lah", "kah")


@functools.lru_cache(maxsize=4096)
def stem(word: str) -> str:
    """The root of a lowercase word: from the precomputed table for corpus words, from
    Sastrawi for others that carry an Indonesian affix; the word itself otherwise.

    Cached for the few calls a new word type makes in a row (its casing record, its kind):
    then decoding reads the record, and a long run calls this for no word twice that far
    apart (200 KB of title-cased news cleaned again: 23 calls, all hits). With 65,536
    entries each worker of bench.py's 500 MB JSONL run kept 28,000 (2.4 MiB)."""
    known = casing_stems().get(word)
    if known is not None:
        return known
    if word in casing_counts() or not (word.startswith(_PREFIXES) or word.endswith(_SUFFIXES)):
        return word
    return sastrawi_stem(word)


def word_set(name: str) -> frozenset[str]:
    """A data file's entries as a set of lowercase words."""
    return frozenset(line.lower() for line in data_lines(name))


@functools.cache
def casing_counts() -> dict[str, tuple[int, int]]:
    """``word -> (lowercase, capital)`` mid-sentence counts from ``casing-counts.tsv``."""
    return _cached_table("casing-counts.tsv", parse_counts)


@functools.cache
def casing_bigrams() -> dict[str, tuple[int, int, int, int]]:
    """``"word next" -> (ll, lC, Cl, CC)`` pair counts from ``casing-bigrams.tsv``."""
    return _cached_table("casing-bigrams.tsv", parse_bigrams)


@functools.cache
def casing_weights() -> dict[str, float]:
    """The casing model's feature weights from ``casing-model.tsv``."""
    return _cached_table("casing-model.tsv", parse_weights)

