"""Paragraph splitting: which line breaks are soft (the line runs on) and which end a paragraph."""

from __future__ import annotations

import pytest

from textfix.document import join_layout, reflow_paragraph, split_paragraphs

SPLITS = [
    pytest.param("Satu kalimat.\nDua kalimat.\n", ["Satu kalimat.", "Dua kalimat."], id="one paragraph per line"),
    pytest.param("Satu.\n\nDua.\n", ["Satu.", "Dua."], id="blank-line separated"),
    pytest.param("Klaim (\nJKP\n) yang dikelola naik.\n", ["Klaim (\nJKP\n) yang dikelola naik."],
                 id="link text in brackets"),
    pytest.param("Warga melihat\nBus Listrik\nmelintas.\n", ["Warga melihat\nBus Listrik\nmelintas."],
                 id="link text between lowercase"),
    pytest.param("Sebuah pesawat jenis\nAirbus\nyang dioperasikan maskapai\nContohAir\nmengalami insiden.\n",
                 ["Sebuah pesawat jenis\nAirbus\nyang dioperasikan maskapai\nContohAir\nmengalami insiden."],
                 id="old scrape: every link on a line"),
    pytest.param("Direktur lembaga itu,\nSiti Aminah\nmendesak polisi.\n", ["Direktur lembaga itu,\nSiti Aminah\nmendesak polisi."],
                 id="name after a comma"),
    pytest.param("JAKARTA, CONTOH.com\n- Direktur itu bicara.\n", ["JAKARTA, CONTOH.com\n- Direktur itu bicara."],
                 id="dateline dash on the next line"),
    pytest.param("Harga ponsel naik.\niPhone 15 dijual hari ini.\ne-KTP wajib dibawa.\n",
                 ["Harga ponsel naik.", "iPhone 15 dijual hari ini.", "e-KTP wajib dibawa."],
                 id="a name in lowercase after a sentence end opens a paragraph"),
    pytest.param("Warga membeli\niPhone 15\ndi toko resmi.\n", ["Warga membeli\niPhone 15\ndi toko resmi."],
                 id="the same name inside a sentence runs on"),
    pytest.param("Wina\n-\nSebuah pesawat mendarat.\n", ["Wina\n-", "Sebuah pesawat mendarat."], id="city and dash"),
    pytest.param("Pemkot Tambah Armada Bus Akhir Pekan\nPemerintah kota menambah bus.\n",
                 ["Pemkot Tambah Armada Bus Akhir Pekan", "Pemerintah kota menambah bus."], id="title line stays alone"),
    pytest.param("Isi berita di sini\nBaca Juga\n\"Kutipan berikutnya,\" katanya.\n",
                 ["Isi berita di sini", "Baca Juga", "\"Kutipan berikutnya,\" katanya."], id="read-also label stands alone"),
    pytest.param("Isi berita pada pagi hari\nADVERTISEMENT\nberita lanjut\n", ["Isi berita pada pagi hari", "ADVERTISEMENT\nberita lanjut"],
                 id="ad slot does not join the line above"),
    pytest.param("Bahan yang dibutuhkan\n- gula pasir\n- garam dapur\n", ["Bahan yang dibutuhkan", "- gula pasir", "- garam dapur"],
                 id="list items stand alone"),
    pytest.param("A. Tujuan Pembelajaran\nB. Infografis\n", ["A. Tujuan Pembelajaran", "B. Infografis"], id="outline items"),
    pytest.param("Penulis: Ani\nEditor: Budi\n", ["Penulis: Ani", "Editor: Budi"], id="bylines stand alone"),
    pytest.param(
        "Para pedagang di pasar induk mengeluhkan harga cabai\nyang terus naik sejak awal bulan, sementara pasokan dari\n"
        "daerah penghasil berkurang karena cuaca buruk.\n",
        ["Para pedagang di pasar induk mengeluhkan harga cabai\nyang terus naik sejak awal bulan, sementara pasokan dari\n"
         "daerah penghasil berkurang karena cuaca buruk."],
        id="hard-wrapped editor's block",
    ),
    pytest.param("Berlangganan newsletter Kabar\nHarga beras naik lagi di pasar induk pekan ini.\n",
                 ["Berlangganan newsletter Kabar", "Harga beras naik lagi di pasar induk pekan ini."],
                 id="a promo line is no link text"),
    pytest.param("Ikuti perkembangan berita lainnya di Kabar\n\"Kami terus memantau harga di pasar,\" kata dia.\n",
                 ["Ikuti perkembangan berita lainnya di Kabar", "\"Kami terus memantau harga di pasar,\" kata dia."],
                 id="a promo line does not wrap into the next"),
    pytest.param("Presiden di Halte Baru Kota\nPresiden di Halte Baru Kota\nIsi berita yang panjang sekali di sini ya.\n",
                 ["Presiden di Halte Baru Kota", "Presiden di Halte Baru Kota", "Isi berita yang panjang sekali di sini ya."],
                 id="short title lines are not a wrapped block"),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_split_paragraphs(text, expected):
    assert [p.text for p in split_paragraphs(text).paragraphs] == expected


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_join_layout_gives_the_source_back(text, expected):
    assert join_layout(split_paragraphs(text)) == text


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        pytest.param("Klaim (\nJKP\n) yang", "Klaim (JKP) yang", id="brackets"),
        pytest.param("dilansir\nReuters\n, Selasa", "dilansir Reuters, Selasa", id="comma on the next line"),
        pytest.param("Manchester City\ntertarik\n. Ia", "Manchester City tertarik. Ia", id="period on the next line"),
    ],
)
def test_reflow_paragraph(paragraph, expected):
    assert reflow_paragraph(paragraph) == expected
