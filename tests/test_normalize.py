"""Stage 1 repairs of scraper damage: paragraphs a CSV export joined with commas, sentences glued."""

from __future__ import annotations

import pytest

import textfix
from textfix import Config, normalize

# A scraper's CSV export joined each <p> with ",": a sentence end, a comma, no space.
JOINED = (
    "Nilai ekspor UMKM masih kecil dibanding total ekspor nonmigas tahun ini (PDB).,"
    '"Dari data BPS, jumlah UKM kita sekitar 64 juta lebih," ujar Kasan dalam webinar.,'
    "Keharusan ekspor ini, kata Kasan, karena potensi pasar ekspor jauh lebih besar!,"
    "Menurutnya, pelaku UMKM harus melihat perubahan pola konsumsi ini dengan cermat."
)
SPLIT = (
    "Nilai ekspor UMKM masih kecil dibanding total ekspor nonmigas tahun ini (PDB).\n\n"
    '"Dari data BPS, jumlah UKM kita sekitar 64 juta lebih," ujar Kasan dalam webinar.\n\n'
    "Keharusan ekspor ini, kata Kasan, karena potensi pasar ekspor jauh lebih besar!\n\n"
    "Menurutnya, pelaku UMKM harus melihat perubahan pola konsumsi ini dengan cermat.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Joined after a period, a closing quote, "!" and "?"; into a quote or a capital.
        ("Satu dua tiga.,Empat lima.,“Enam tujuh.”,Delapan.", "Satu dua tiga.\nEmpat lima.\n“Enam tujuh.”\nDelapan."),
        ('Ia bertanya?,Kami menjawab!,"Begitu," katanya.', 'Ia bertanya?\nKami menjawab!\n"Begitu," katanya.'),
        # One join alone may be an abbreviation's: left as it is.
        ("Harga naik.,Warga mengeluh.", "Harga naik.,Warga mengeluh."),
        # Academic titles: the capital after the comma is not followed by a lowercase letter.
        ("Dr. Budi, S.Pd.,M.Pd.,M.Si. hadir di acara.", "Dr. Budi, S.Pd.,M.Pd.,M.Si. hadir di acara."),
        # A space after the comma is ordinary prose.
        ("Ia membeli apel, jeruk, dll., Budi membeli sisanya. Lalu pulang., Selesai.", "Ia membeli apel, jeruk, dll., Budi membeli sisanya. Lalu pulang., Selesai."),
        # Only the line with the joins is split.
        ("Judul berita\nSatu dua.,Tiga empat.,Lima enam.", "Judul berita\nSatu dua.\nTiga empat.\nLima enam."),
    ],
)
def test_split_list_joins(text, expected):
    assert normalize.split_list_joins(text) == expected
    assert normalize.has_list_joins(text) is (text != expected)
    assert normalize.split_list_joins(expected) == expected


def test_a_joined_article_comes_out_as_paragraphs():
    assert textfix.clean(JOINED) == SPLIT
    assert textfix.clean(SPLIT) == SPLIT


def test_the_split_is_named_in_the_explanation():
    cleaned = textfix.clean_and_explain(JOINED)
    assert [step.rule for step in cleaned.steps] == ["split_list_joins"]


def test_an_editors_own_layout_is_left_alone():
    text = JOINED + "\n"
    assert textfix.clean(text, Config(layout="keep")) == text


def test_the_split_can_be_turned_off():
    assert textfix.clean(JOINED, Config(split_list_joins=False)) == JOINED + "\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("karena membongkar mafia beras.Amran juga menegaskan.", "karena membongkar mafia beras. Amran juga menegaskan."),
        ("ke Piala Dunia Antarklub 2025.Eks AS Monaco itu datang.", "ke Piala Dunia Antarklub 2025. Eks AS Monaco itu datang."),
        ("Benarkah itu?Warga bertanya lagi. Wah!Ramai sekali hari ini.", "Benarkah itu? Warga bertanya lagi. Wah! Ramai sekali hari ini."),
        # Domains, abbreviations after a capital, initials, decimals: left alone.
        ("dikutip dari Suara.Com hari ini dan Kompas.com kemarin.", "dikutip dari Suara.Com hari ini dan Kompas.com kemarin."),
        ("senjata buatan PT.Pindad itu dan U.Today menulis.", "senjata buatan PT.Pindad itu dan U.Today menulis."),
        ("Harga naik 2.5 persen.Di pasar sepi.", "Harga naik 2.5 persen.Di pasar sepi."),  # "Di": too short to be sure
        ("Ia lahir di St.Louis pada 1990.", "Ia lahir di St.Louis pada 1990."),
    ],
)
def test_split_sentence_glue(text, expected):
    assert normalize.split_sentence_glue(text) == expected
    assert normalize.has_sentence_glue(text) is (text != expected)
    assert textfix.clean(text, Config(recase=False)) == expected + "\n"


def test_sentence_glue_is_left_alone_in_an_editors_file():
    text = "karena membongkar mafia beras.Amran juga menegaskan.\n"
    assert textfix.clean(text, Config(layout="keep", recase=False)) == text


def test_joins_after_curly_quotes_are_split_on_the_fast_path_too():
    # The fast path looks for a join by byte classes first: here only "”," marks one.
    text = (
        "“Kami akan datang lagi ke pasar ini besok pagi.”,“Harga cabai masih tinggi di pasar induk.”,"
        "Pedagang menunggu pasokan dari Magelang sejak pagi hari ini."
    )
    assert textfix.clean(text, Config(recase=False)) == (
        "“Kami akan datang lagi ke pasar ini besok pagi.”\n\n“Harga cabai masih tinggi di pasar induk.”\n\n"
        "Pedagang menunggu pasokan dari Magelang sejak pagi hari ini.\n"
    )
