"""Layout-preserving mode, ``Config(layout="keep")``: an editor's plain-text file keeps its
own line breaks, blank lines, indentation and ending; only what a rule changes is edited,
and a removed junk line takes its line with it.

Tests marked "stub" swap the casing model for ``casing_stub`` (a ten-word lexicon), so
they check which lines and characters change independently of how well casing guesses.
"""

from __future__ import annotations

import difflib

import pytest

import casing_stub
import textfix
from textfix import io
from textfix.config import Config
from textfix.document import Document, Paragraph, join_layout, split_paragraphs

KEEP = Config(layout="keep")

# A hard-wrapped article as an editor keeps it: two title-cased paragraphs (one indented),
# a "Baca juga" promo and a trailing marker among normally cased text.
ARTICLE = """\
Jakarta - Pengelola pasar menyebut harga beras medium di Pasar
Induk Cipinang naik tajam pada pekan ini, kata dia kepada wartawan
pada Selasa (12/3/2024).

Baca juga: Pemerintah Siapkan Operasi Pasar Beras

  Para Pedagang Mengeluh Karena Pembeli Berkurang Dan Stok Beras
  Menumpuk Di Gudang Sejak Awal Bulan Ini.

Menurut dia, kenaikan harga terjadi karena pasokan dari daerah
sentra produksi berkurang akibat banjir di sejumlah wilayah.

Warga Yang Datang Ke Pasar Mengeluh Karena Harga Naik Lagi.
***
"""

# Written by hand: what the stub casing and the junk rules should make of ARTICLE.
ARTICLE_STUB_EXPECTED = """\
Jakarta - Pengelola pasar menyebut harga beras medium di Pasar
Induk Cipinang naik tajam pada pekan ini, kata dia kepada wartawan
pada Selasa (12/3/2024).

  Para pedagang mengeluh karena pembeli berkurang dan stok beras
  menumpuk di gudang sejak awal bulan ini.

Menurut dia, kenaikan harga terjadi karena pasokan dari daerah
sentra produksi berkurang akibat banjir di sejumlah wilayah.

Warga yang datang ke pasar mengeluh karena harga naik lagi.
"""

#: 1-based lines of ARTICLE holding title-cased words or junk.
ARTICLE_DIRTY_LINES = {5, 7, 8, 13, 14}


def changed_lines(before: str, after: str) -> set[int]:
    """1-based numbers of the non-blank lines of ``before`` that ``after`` changed or removed."""
    old = before.splitlines()
    changed: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old, after.splitlines(), autojunk=False)
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op != "equal":
            changed.update(n + 1 for n in range(i1, i2) if old[n].strip())
    return changed


@pytest.fixture
def stub_casing(monkeypatch):
    casing_stub.install(monkeypatch)


# ---------------------------------------------------------------------------- join_layout

# (label, source, which paragraphs to drop, expected)
JOIN_CASES = [
    ("drop between blocks", "A.\n\nJUNK\n\nB.\n", {1}, "A.\n\nB.\n"),
    ("drop a line inside a block", "A.\nJUNK\nB.\n", {1}, "A.\nB.\n"),
    ("drop the line ending a block", "A.\nJUNK\n\nB.\n", {1}, "A.\n\nB.\n"),
    ("drop the line opening a block", "A.\n\nJUNK\nB.\n", {1}, "A.\n\nB.\n"),
    ("next paragraph keeps its indent", "A.\nJUNK\n\n\tB.\n", {1}, "A.\n\n\tB.\n"),
    ("drop the first paragraph", "  JUNK\n\n  A.\n", {0}, "  A.\n"),
    ("leading blank lines stay", "\n\nJUNK\nA.\n", {0}, "\n\nA.\n"),
    ("drop the last paragraph", "A.\n\nJUNK\n", {1}, "A.\n"),
    ("no final newline stays so", "A.\n\nJUNK", {1}, "A."),
    ("no final newline, drop middle", "A.\nJUNK\nB.", {1}, "A.\nB."),
    ("two in a row", "A.\n\nJUNK\nJUNK 2\n\nB.\n", {1, 2}, "A.\n\nB.\n"),
    ("trailing spaces of the kept line stay", "A.  \nJUNK\nB.\n", {1}, "A.  \nB.\n"),
    ("everything dropped", "JUNK\n", {0}, ""),
]


@pytest.mark.parametrize(
    ("source", "drop", "expected"),
    [pytest.param(s, d, e, id=label) for label, s, d, e in JOIN_CASES],
)
def test_join_layout_drops_lines_and_keeps_the_rest(source, drop, expected):
    doc = split_paragraphs(source)
    texts = [None if i in drop else p.text for i, p in enumerate(doc.paragraphs)]
    assert join_layout(doc, texts) == expected


@pytest.mark.parametrize(
    "source",
    [
        ARTICLE,
        "satu\r\n",
        "\n\n  menjorok\n\tdengan tab  \n\n\n\nakhir tanpa baris baru",
        "   \n",
        "",
    ],
    ids=["article", "one line", "odd whitespace", "only spaces", "empty"],
)
def test_join_layout_of_unchanged_paragraphs_is_the_source(source):
    assert join_layout(split_paragraphs(source)) == source


def test_join_layout_when_a_rule_removed_a_paragraphs_first_line():
    doc = split_paragraphs("A.\n\n  Judul\n  isi paragraf yang dipotong.\n")
    first, second = (p.text for p in doc.paragraphs)
    assert second == "Judul\n  isi paragraf yang dipotong."
    assert join_layout(doc, [first, "  isi paragraf yang dipotong."]) == "A.\n\n  isi paragraf yang dipotong.\n"


# (label, lead, [(paragraph text, separator)], texts after the rules, expected)
CUT_CASES = [
    ("first line cut: the next line keeps its own (no) indent",
     "  ", [("Judul\nlanjutan kalimat.", "\n")], ["lanjutan kalimat."], "lanjutan kalimat.\n"),
    ("first line cut: the next line keeps its own indent",
     "", [("A.", "\n\n  "), ("Judul\n\tisi.", "\n")], ["A.", "isi."], "A.\n\n\tisi.\n"),
    ("last line cut: its trailing spaces go with it",
     "", [("Harga naik\n***", "  \n")], ["Harga naik"], "Harga naik\n"),
    ("both ends cut, casing ran after",
     " ", [(".\npasar itu\n.", " \n")], ["Pasar itu"], "Pasar itu\n"),
    ("a cut inside a line is not a cut line",
     "  ", [("Harga naik (Foto: X)", "\n")], ["Harga naik"], "  Harga naik\n"),
]


@pytest.mark.parametrize(
    ("lead", "paragraphs", "texts", "expected"),
    [pytest.param(lead, p, t, e, id=label) for label, lead, p, t, e in CUT_CASES],
)
def test_join_layout_when_a_rule_cut_whole_lines(lead, paragraphs, texts, expected):
    offset, built = len(lead), []
    for text, sep in paragraphs:
        built.append(Paragraph(text, sep, offset))
        offset += len(text) + len(sep)
    assert join_layout(Document(lead, built), texts) == expected


# ---------------------------------------------------------------------------- keep mode


def test_keep_mode_edits_exactly_the_dirty_lines(stub_casing):
    out = textfix.clean(ARTICLE, KEEP.replace(drop_header_chrome=False))
    assert out == ARTICLE_STUB_EXPECTED
    assert changed_lines(ARTICLE, out) == ARTICLE_DIRTY_LINES


def test_keep_mode_end_to_end_with_the_real_casing_model():
    out = textfix.clean(ARTICLE, KEEP)
    assert changed_lines(ARTICLE, out) == ARTICLE_DIRTY_LINES
    assert "  Para pedagang mengeluh karena pembeli berkurang dan stok beras\n" in out
    assert "  menumpuk di gudang sejak awal bulan ini.\n" in out
    assert "Warga yang datang ke pasar mengeluh karena harga naik lagi.\n" in out
    assert "Baca juga" not in out and "***" not in out


def test_reflow_is_still_the_default(stub_casing):
    out = textfix.clean(ARTICLE, Config(drop_header_chrome=False))
    assert "Pasar Induk Cipinang" in out  # the wrapped lines were joined
    assert "  " not in out


def test_clean_text_comes_back_byte_identical():
    text = (
        "  Harga beras medium di Pasar Induk Cipinang naik pada pekan ini,\n"
        "kata pengelola pasar kepada wartawan.   \n"
        "\n"
        "\n"
        "\tMenurut dia, pasokan dari daerah sentra produksi berkurang.\n"
        "\n"
    )
    assert textfix.clean(text, KEEP) == text


def test_keep_mode_keeps_tabs_and_trailing_spaces_but_normalises_text(stub_casing):
    text = "\tHarga\u00a0beras  naik di pasar.  \n\tWarga mengeluh.\t\n"
    cleaned = textfix.clean_and_explain(text, KEEP)
    assert cleaned.text == "\tHarga beras naik di pasar.  \n\tWarga mengeluh.\t\n"
    assert {(s.rule, s.line) for s in cleaned.steps} == {
        ("normalize_unicode", 1),
        ("normalize_whitespace", 1),
    }


def test_scraped_file_one_paragraph_per_line(stub_casing):
    text = (
        "Harga beras naik di pasar.\n"
        "Baca Juga: Pemerintah Siapkan Operasi Pasar\n"
        "Warga Yang Datang Ke Pasar Mengeluh.\n"
    )
    out = textfix.clean(text, KEEP.replace(drop_header_chrome=False))
    assert out == "Harga beras naik di pasar.\nWarga yang datang ke pasar mengeluh.\n"


def test_explain_points_at_lines_and_columns_of_the_input(stub_casing):
    steps = textfix.clean_and_explain(ARTICLE, KEEP.replace(drop_header_chrome=False)).steps
    where = {(s.rule, s.before): (s.line, s.column) for s in steps}
    assert where[("drop_read_also", "Baca juga: Pemerintah Siapkan Operasi Pasar Beras")] == (5, 1)
    assert where[("recase", "Pedagang")] == (7, 8)
    assert where[("recase", "Menumpuk")] == (8, 3)
    assert where[("recase", "Yang")] == (13, 7)
    for step in steps:
        line = ARTICLE.splitlines()[step.line - 1]
        assert line[step.column - 1 :].startswith(step.before.split("\n")[0].strip() or "\n"[:0])


def test_crlf_file_round_trip_through_io_keeps_crlf(stub_casing):
    raw = ARTICLE.replace("\n", "\r\n").encode("utf-8")
    shape = io.decode_bytes(raw, "artikel.txt")
    out = io.encode_text(textfix.clean(shape.text, KEEP.replace(drop_header_chrome=False)), shape)
    assert out == ARTICLE_STUB_EXPECTED.replace("\n", "\r\n").encode("utf-8")
    assert b"\n" not in out.replace(b"\r\n", b"")


def test_keep_mode_on_the_library_crlf_input_gives_lf_text(stub_casing):
    # The library works on "\n" text; encode_text gives the file its CRLF back.
    out = textfix.clean("Warga Yang Datang.\r\nBaca juga: Judul Lain\r\n", KEEP.replace(drop_header_chrome=False))
    assert out == "Warga yang datang.\n"


def test_an_editors_title_line_is_kept_in_keep_layout():
    """In a scraped page a short line above the dateline is chrome; in an editor's file it is the title."""
    text = (
        "Harga Beras Naik Lagi\n"
        "\n"
        "Jakarta - Harga beras di pasar tradisional naik lagi pekan ini. Pedagang mengatakan\n"
        "pasokan dari daerah berkurang.\n"
    )
    assert textfix.clean(text, Config(layout="keep")) == text
    assert textfix.clean(text, Config(format="markdown")) == text


def test_a_dropped_line_that_joined_two_lines_lets_them_be_read_apart_in_one_run():
    """"Selengkapnya" (link text) joined the line above and the title-cased lead below into
    one paragraph, which read as normal prose and was not recased; with it dropped, a
    second run read the lead alone and recased it. One run now does what two would."""
    text = (
        "Warga desa mengeluhkan jalan rusak yang belum juga diperbaiki sejak tahun lalu.\n"
        "Baca kisah inspiratif warga desa lainnya di sini\n"
        "Selengkapnya\n"
        "Jakarta, Kabar.com – Melansir Dari Laman Resmi, Harga Beras Di Pasar Induk Naik Lagi"
        " Pekan Ini Menurut Para Pedagang Yang Ditemui.\n"
    )
    once = textfix.clean(text, KEEP)
    assert "harga beras di pasar induk naik lagi pekan ini" in once
    assert textfix.clean(once, KEEP) == once


def test_one_per_line_output_read_back_twice_in_one_run():
    """The first reading back joined wrapped lines; its one-per-line output still left a
    line opening with ". " (what a cut promo left), which runs on into the line above
    when read again: the run reads its output a second time, so twice is once."""
    config = Config(one_per_line=True).with_meta_stripped()
    text = (
        "Sementara Itu, Warga Yang Paling Banyak Mengeluh Adalah Pedagang Beras (PB) Di Pasar, Yakni Sebesar 85,7 Persen.\n"
        "“Pemerintah Juga Dapat Mengambil Peran Untuk Mengisi Ruang Pengawasan Dan Penindakan Serta Tindak Pidana"
        " Penimbunan (TPP) Yang Berasal Dari Pasar, Serta Melaksanakan Pengamanan Stok,” Ucapnya.\n"
        "Harian Kota Melaporkan Dinas Sedang Mencari Pengganti Kepala Pasar Yang Masa Tugasnya Habis Bulan Ini."
        " Masa Tugas Wakilnya Hanya Tersisa Setahun Lagi.\n"
        "Bandung\nKota Bandung\n-\n"
        "Baca Juga:73,6 Persen Warga Puas Dengan Harga Di Era Wali Kota Baru, Ini Harapan Pedagang Ke Depan\n"
        ". Ia Akan Dijadikan Pilihan Ketiga Di Belakang Dua Kandidat Lain.\n"
    )
    once = textfix.clean(text, config)
    assert textfix.clean(once, config) == once
