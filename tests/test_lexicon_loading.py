"""The fast table loaders of :mod:`textfix.lexicon` give exactly what a plain line-by-line
parse gives: same keys, values, value types and order (the start-up speed-up must not
change a single casing decision).
"""

from __future__ import annotations

import marshal
import os
import pathlib
import subprocess
import sys
from importlib import resources

import pytest

from textfix import cli, lexicon


# --- Reference parses: the straightforward loops the fast loaders replace ------------------


def ref_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def ref_counts(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        word, lower, capital = line.split("\t")
        out[word] = (int(lower), int(capital))
    return out


def ref_bigrams(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        pair, ll, lc, cl, cc = line.split("\t")
        out[pair] = (int(ll), int(lc), int(cl), int(cc))
    return out


def ref_weights(text: str) -> dict:
    out = {}
    for line in ref_lines(text):
        feature, weight = line.rsplit("\t", 1)
        out[feature] = float(weight)
    return out


def ref_stems(text: str) -> dict:
    return dict(line.split("\t") for line in ref_lines(text))


def same(fast: dict, slow: dict) -> bool:
    """Equal including order and value types (3 == 3.0, but a weight must be a float)."""
    return list(fast.items()) == list(slow.items()) and [
        tuple(map(type, v)) if isinstance(v, tuple) else type(v) for v in fast.values()
    ] == [tuple(map(type, v)) if isinstance(v, tuple) else type(v) for v in slow.values()]


# --- Small tables with everything the line-by-line parse tolerates ------------------------

HEADER = "# textfix test table: a header line.\n#   Licence: none, written for this test.\n"

COUNTS = HEADER + "abad\t12\t0\nadik\t3\t1\r\n\n  alun-alun\t7\t2  \n# a comment mid-file\nabad\t1\t 2\nzaman\t0\t41\n"
BIGRAMS = HEADER + "di sana\t5\t0\t0\t1\nke jakarta\t0\t9\t0\t2\r\n\n  yang baru\t1\t2\t3\t4 \n"
WEIGHTS = (
    HEADER
    + "b\t2.977\nb=0:1\t-4.758\nw=se kali\t3\nw=#tag\t1e-05\n  p=a|b\t-0\t\nw=x\t+.5\n"
    + "w=x\t-1.25\u2028sfx=nya\t0.5\n"  # a Unicode line separator ends a line for splitlines()
)
STEMS = HEADER + "menyosialisasikan\tsosialisasi\n\ndikatakannya\tkata\r\n  berlari\tlari \n"


@pytest.mark.parametrize(
    "parse, reference, text",
    [
        (lexicon.parse_counts, ref_counts, COUNTS),
        (lexicon.parse_bigrams, ref_bigrams, BIGRAMS),
        (lexicon.parse_weights, ref_weights, WEIGHTS),
        (lexicon.parse_stems, ref_stems, STEMS),
    ],
    ids=["counts", "bigrams", "weights", "stems"],
)
def test_fast_parse_equals_line_by_line_parse(parse, reference, text):
    expected = reference(text)
    assert len(expected) >= 3  # the sample is not all filtered out
    assert same(parse(text), expected)


def test_a_feature_holding_a_tab_splits_at_the_last_tab():
    text = HEADER + "a\tb\t1.5\nc\t-2\n"
    assert same(lexicon.parse_weights(text), ref_weights(text))
    assert lexicon.parse_weights(text) == {"a\tb": 1.5, "c": -2.0}


@pytest.mark.parametrize(
    "parse, text",
    [
        (lexicon.parse_counts, HEADER + "abad\t12\nadik\t3\t1\n"),
        (lexicon.parse_counts, HEADER + "abad\t12\t0\t5\nadik\t3\t1\n"),
        (lexicon.parse_bigrams, HEADER + "di sana\t5\t0\t0\n"),
        (lexicon.parse_weights, HEADER + "b\t2.5\nno-weight\n"),
        (lexicon.parse_stems, HEADER + "dikatakannya\tkata\tlagi\n"),
    ],
)
def test_a_malformed_table_raises_like_the_line_by_line_parse(parse, text):
    with pytest.raises(ValueError):
        parse(text)


def test_equal_counts_are_one_object():
    """Keeps the tables (and their marshal copies) small: 80,000 tuples, 2,700 distinct."""
    pairs = lexicon.parse_bigrams(HEADER + "a b\t1\t0\t0\t0\nc d\t1\t0\t0\t0\ne f\t2\t0\t0\t0\n")
    assert pairs["a b"] is pairs["c d"] and pairs["a b"] is not pairs["e f"]
    counts = lexicon.parse_counts(HEADER + "a\t3\t1\nb\t3\t1\n")
    assert counts["a"] is counts["b"] == (3, 1)


def test_data_lines_match_the_line_by_line_parse():
    text = HEADER + "  Baca juga \n\n\t# indented comment\nBaca pula\r\nLihat juga\n"
    assert lexicon._entries(text) == ref_lines(text) == ["Baca juga", "Baca pula", "Lihat juga"]


# --- The shipped files -------------------------------------------------------------------


def _shipped(name: str) -> str:
    return resources.files("textfix.data").joinpath(name).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "loader, reference, name",
    [
        (lexicon.casing_counts, ref_counts, "casing-counts.tsv"),
        (lexicon.casing_bigrams, ref_bigrams, "casing-bigrams.tsv"),
        (lexicon.casing_weights, ref_weights, "casing-model.tsv"),
        (lexicon.casing_stems, ref_stems, "casing-stems.tsv"),
    ],
    ids=["counts", "bigrams", "weights", "stems"],
)
def test_shipped_tables_load_as_the_line_by_line_parse(loader, reference, name):
    assert same(loader(), reference(_shipped(name)))


def test_sastrawi_roots_and_stemmer_dictionary_match_the_factory():
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    words = StemmerFactory().get_words()
    assert lexicon.sastrawi_roots() == frozenset(w.strip() for w in words if w.strip())
    built = lexicon._stemmer().delegatedStemmer.dictionary.words
    assert list(built.items()) == list(ArrayDictionary(words).words.items())


def test_the_lexicon_loads_without_the_sastrawi_stemmer():
    """Only a word missing from the precomputed stems should pay for Sastrawi's stemmer."""
    code = (
        "import sys; from textfix import casing; casing.default_lexicon(); casing.default_model(); "
        "print(sorted(m for m in sys.modules if m.startswith('Sastrawi.Stemmer.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# --- The marshal cache of parsed tables --------------------------------------------------


@pytest.fixture
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "textfix"


def _stems_reference() -> dict:
    return ref_stems(_shipped("casing-stems.tsv"))


def test_the_cache_is_written_once_and_then_read(cache_home):
    first = lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems)
    assert same(first, _stems_reference())
    (copy,) = cache_home.glob("casing-stems.tsv.*.marshal")
    # Replace the copy by another table under the same name: a hit returns it unparsed.
    copy.write_bytes(marshal.dumps((("from the cache",), {"marker": "from the cache"})))
    assert lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems) == {"marker": "from the cache"}


@pytest.mark.parametrize(
    "damage", [b"", b"\x00garbage", b"\xfb\x07", marshal.dumps(42), marshal.dumps({"a": "b"})]
)
def test_a_damaged_copy_falls_back_to_parsing_and_is_rewritten(cache_home, damage):
    lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems)
    (copy,) = cache_home.glob("casing-stems.tsv.*.marshal")
    copy.write_bytes(damage)
    assert same(lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems), _stems_reference())
    distinct, table = marshal.loads(copy.read_bytes())
    assert same(table, _stems_reference())
    assert len(distinct) == len(set(table.values())) and all(v in distinct for v in table.values())


def test_the_copy_holds_each_distinct_value_once_before_the_table(cache_home):
    """Loaded from the copy, a table's values are its distinct values, which were loaded
    first (so they lie together in memory: see _cached_table)."""
    lexicon._cached_table("casing-model.tsv", lexicon.parse_weights)
    weights = lexicon._cached_table("casing-model.tsv", lexicon.parse_weights)
    values = {id(v) for v in weights.values()}
    assert len(values) == len(set(weights.values())) < len(weights) / 5


def test_an_unusable_cache_dir_falls_back_to_parsing(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache dir would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert same(lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems), _stems_reference())


def test_copies_of_other_versions_of_the_file_are_pruned_to_the_newest(cache_home):
    cache_home.mkdir(parents=True)
    tag = f"{sys.implementation.cache_tag}-v{lexicon._CACHE_VERSION}"
    stale = []
    for n in range(lexicon._CACHE_KEEP + 1):  # n = 0 is the oldest, of an older format
        version = tag if n else f"{sys.implementation.cache_tag}-v0"
        copy = cache_home / f"casing-stems.tsv.{n}-0000000000000000.{version}.marshal"
        copy.write_bytes(marshal.dumps({"stale": "entry"}))
        os.utime(copy, (1_000_000 + n, 1_000_000 + n))
        stale.append(copy)
    other_python = cache_home / "casing-stems.tsv.1-0000000000000000.cpython-399-v1.marshal"
    other_python.write_bytes(b"kept")
    os.utime(other_python, (1, 1))
    assert same(lexicon._cached_table("casing-stems.tsv", lexicon.parse_stems), _stems_reference())
    kept = sorted(p.name for p in cache_home.glob("casing-stems.tsv.*.marshal") if p != other_python)
    assert len(kept) == lexicon._CACHE_KEEP
    assert not any(p.exists() for p in stale[:2]) and all(p.exists() for p in stale[-2:])
    assert other_python.exists()
    assert not list(cache_home.glob(".*.tmp"))


# --- Indexed tables (short runs look keys up in a file) ------------------------------------


@pytest.fixture
def indexed(cache_home):
    """Indexed tables on for one test (the index files written to a fresh cache first)."""
    lexicon.use_indexed_tables(False)
    for loader in (lexicon.casing_counts, lexicon.casing_bigrams, lexicon.casing_weights, lexicon.casing_stems):
        loader.cache_clear()
        loader()  # a first run writes the marshal copies and the indexes
    lexicon._cached_table("kata-dasar.txt", lexicon._parse_roots, read=lexicon._sastrawi_bytes)
    lexicon.use_indexed_tables(True)
    yield
    lexicon.use_indexed_tables(False)


@pytest.mark.parametrize(
    "table",
    [{}, {"a": 1}, {"kata": (3, 1), "kata lain": (0, 1, 2, 3), "w=é": -0.25, "nw=x": "root", "🙂": None}],
)
def test_an_index_answers_as_its_dict(tmp_path, table):
    path = tmp_path / "t.index"
    path.write_bytes(lexicon.IndexedTable.build(table))
    index = lexicon.IndexedTable(str(path))
    for key, value in table.items():
        assert index.get(key) == value and index[key] == value and key in index
    for missing in ("", "b", "kata ", "KATA", "\ud800", "w=e"):
        assert index.get(missing, "none") == "none" and missing not in index
        with pytest.raises(KeyError):
            index[missing]
    assert 42 not in index


def test_an_index_is_the_same_bytes_for_the_same_table():
    table = {f"w{n}": n for n in range(500)}
    assert lexicon.IndexedTable.build(table) == lexicon.IndexedTable.build(dict(reversed(table.items())))


@pytest.mark.parametrize("damage", [b"", b"textfix-index-1\n", b"\x00" * 64])
def test_a_damaged_index_is_refused(tmp_path, damage):
    path = tmp_path / "t.index"
    path.write_bytes(damage)
    with pytest.raises(ValueError):
        lexicon.IndexedTable(str(path))


def test_indexed_tables_hold_the_shipped_tables(indexed):
    for loader, reference, name in [
        (lexicon.casing_counts, ref_counts, "casing-counts.tsv"),
        (lexicon.casing_weights, ref_weights, "casing-model.tsv"),
        (lexicon.casing_stems, ref_stems, "casing-stems.tsv"),
    ]:
        table = loader()
        assert isinstance(table, lexicon.IndexedTable)
        expected = reference(_shipped(name))
        assert all(table.get(key) == value for key, value in list(expected.items())[::7])
    roots = lexicon.sastrawi_roots()
    assert isinstance(roots, lexicon.IndexedTable) and "makan" in roots and "jakarta" not in roots
    assert lexicon.sastrawi_stem("menyosialisasikan") == "sosialisasi"


def test_recasing_from_indexed_tables_equals_recasing_from_dicts(indexed):
    from textfix import casing

    from test_properties import PROJECT_TEXTS, _title_case

    plain = [p.values[0] if hasattr(p, "values") else p for p in PROJECT_TEXTS]
    texts = [_title_case(text) for text in plain] + plain
    from_index = [casing.recase_document(text.split("\n\n")) for text in texts]
    assert isinstance(casing.default_model().weights, lexicon.IndexedTable)
    lexicon.use_indexed_tables(False)
    assert [casing.recase_document(text.split("\n\n")) for text in texts] == from_index
    assert type(casing.default_model().weights) is dict


def test_the_cli_reads_indexes_for_a_small_job_and_gives_the_same_text(cache_home, tmp_path):
    text = (pathlib.Path(__file__).parents[1] / "samples" / "seed-title-cased.txt").read_text(encoding="utf-8")
    source = tmp_path / "a.txt"
    source.write_text(text, encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    run = [sys.executable, "-m", "textfix", "clean", str(source)]
    first = subprocess.run(run, capture_output=True, text=True, env=env, check=True).stdout  # writes the cache
    assert list(cache_home.glob("casing-model.tsv.*.index"))
    # The same command in a process that reports which indexes it opened.
    code = (
        "import sys; sys.argv = ['textfix', 'clean', sys.argv[1]]\n"
        "import textfix.cli, textfix.lexicon as l\n"
        "opened, init = [], l.IndexedTable.__init__\n"
        "l.IndexedTable.__init__ = lambda self, path: (opened.append(path.split('.')[0].split('/')[-1]), init(self, path))[1]\n"
        "try: textfix.cli.main()\n"
        "except SystemExit: pass\n"
        "print(' '.join(sorted(opened)), file=sys.stderr)\n"
    )
    second = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True, env=env, check=True)
    assert second.stdout == first
    assert second.stderr.split() == ["casing-bigrams", "casing-counts", "casing-model", "casing-stems", "kata-dasar"]
    source.write_text(text * (cli.SMALL_JOB // len(text) + 1), encoding="utf-8")  # no longer small
    third = subprocess.run([sys.executable, "-c", code, str(source)], capture_output=True, text=True, env=env, check=True)
    assert third.stderr.split() == []


def test_the_cli_in_process_leaves_whole_tables_on(tmp_path):
    from click.testing import CliRunner

    source = tmp_path / "a.txt"
    source.write_text("Warga Yang Datang Ke Pasar Itu Mengeluh Dan Pulang.\n", encoding="utf-8")
    result = CliRunner().invoke(cli.main, ["clean", str(source)])
    assert result.exit_code == 0 and result.output == "Warga yang datang ke pasar itu mengeluh dan pulang.\n"
    assert not lexicon.indexed_tables_on()
