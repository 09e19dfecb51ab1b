"""Every regex in ``textfix/patterns.py``: one text it must match and one it must not.

The examples mirror the comment above each pattern; a meta-test checks that no pattern
is added without those two comment lines.
"""

from __future__ import annotations

import inspect

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix import patterns, rules

MATCHES = [
    ("READ_ALSO_LABEL_RE", "Baca juga: Judul"),
    ("READ_ALSO_LABEL_RE", "BACA JUGA:Judul"),
    ("READ_ALSO_LABEL_RE", "Baca Juga :"),
    ("READ_ALSO_LABEL_RE", "BACA JUA: Judul"),
    ("READ_ALSO_INLINE_RE", "dengan judul The Body. Baca juga:Davina Karamoy"),
    ("STANDALONE_LINE_RE", "Baca Juga"),
    ("STANDALONE_LINE_RE", "ADVERTISEMENT"),
    ("STANDALONE_LINE_RE", "Selasa, 24 Jan 2023 09:08 WIB"),
    ("STANDALONE_LINE_RE", "Editor: Ani"),
    ("STANDALONE_LINE_RE", "- gula"),
    ("STANDALONE_LINE_RE", "(yld/idh)"),
    ("STANDALONE_LINE_RE", "Kategori: Berita"),
    ("GAMBAS_RE", "[Gambas:Video 20detik]"),
    ("VIDEO_PROMO_INLINE_RE", "Simak juga Video 'Judul': [Gambas:Video 20detik]"),
    ("VIDEO_LABEL_RE", "Simak juga Video: Judul"),
    ("VIDEO_LABEL_RE", "Tonton juga Video:"),
    ("VIDEO_LABEL_RE", "Video: Judul"),
    ("READ_TIME_RE", "Waktu membaca: 8 menit"),
    ("READ_TIME_RE", "4 min read"),
    ("OUTLET_LINE_RE", "Jakarta, NU Online"),
    ("OUTLET_LINE_RE", "Bandung, Tempo.co"),
    ("BYLINE_RE", "Penulis, Muhammad Irham"),
    ("BYLINE_RE", "Melaporkan dari, Tapanuli Tengah, Sumatra Utara"),
    ("SHOW_PROMO_RE", "Saksikan juga Blak-blakan, Judul Acara!"),
    ("SHOW_PROMO_RE", "Simak juga Sosok: Judul"),
    ("GLUED_TITLE_RE", "Media Internal Pemprov DKI Raih Juara 1 AMH 2018Momentum tersebut dinilai"),
    ("SCROLL_RE", "SCROLL TO CONTINUE WITH CONTENT"),
    ("SCROLL_RE", "SCROLL TO RESUME CONTENT"),
    ("ADVERTISEMENT_RE", "orang). ADVERTISEMENT SCROLL"),
    ("PUNCT_ONLY_RE", ", ,"),
    ("PUNCT_ONLY_RE", "|"),
    ("PUNCT_ONLY_RE", "============"),
    ("TWEET_RESIDUE_RE", "— Sutopo Purwo Nugroho (@Sutopo_BNPB) February 21, 2017"),
    ("PAREN_PHOTO_CREDIT_RE", "(Foto: Kemendagri RI)"),
    ("PAREN_PHOTO_CREDIT_RE", "(Foto Rahman/ KabarBenggawi)"),
    ("PAREN_PHOTO_CREDIT_RE", "(Sumber: KOMPAS TV)"),
    ("PAREN_PHOTO_CREDIT_RE", "(Getty Images)"),
    ("PAREN_PHOTO_CREDIT_RE", "(ANTARA FOTO/GALIH PRADIPTA)."),
    ("PAREN_PHOTO_CREDIT_RE", "(Image by mydramalist)"),
    ("PAREN_PHOTO_CREDIT_RE", "(credit:IG)"),
    ("BRACKET_PHOTO_CREDIT_RE", "[suara.com/Oke Atmaja]"),
    ("FOTO_LABEL_CREDIT_RE", "Foto: Wisma Putra/detikJabar"),
    ("DATED_CAPTION_RE", "Petugas memeriksa beras di gudang, Senin (5/2/2024)."),
    ("FOTO_LABEL_CREDIT_RE", "Foto: ANTARA FOTO/RAISAN AL FARISI"),
    ("AGENCY_CREDIT_RE", "ANTARA FOTO/Aprillio Akbar/rwa."),
    ("NAMED_CREDIT_RE", "Getty Images/Somrerk Kosolwitthayanant"),
    ("NAMED_CREDIT_RE", "Reuters/Willy Kurniawan"),
    ("NAMED_CREDIT_RE", "Dok. Jasa Marga"),
    ("DOMAIN_CREDIT_RE", "KOMPAS.COM/PARTAHI FERNANDO SIRAIT"),
    ("DOMAIN_CREDIT_RE", "Kompas.con/soffyaranti"),
    ("CREDIT_LINE_RE", "Tribun Jatim Network/Pramita Kusumaningrum"),
    ("CREDIT_LINE_RE", "IDN Times/Debbie Sutrisno"),
    ("CREDIT_LINE_RE", "MNC Portal/Ari Sandita"),
    ("CREDIT_LINE_RE", "iNews/Rizky Pratama"),
    ("CAPTION_SOURCE_RE", "Presiden RI Joko Widodo. Sumber: Internet"),
    ("DATE_PAREN_RE", "Selasa (28/5/2024)."),
    ("MORE_NEWS_RE", "Baca berita Wartakotalive.com lainnya di WhatsApp."),
    ("MORE_NEWS_RE", "Update berita lainnya di PROHABA.co dan Google News"),
    ("CHANNEL_RE", "Ikuti saluran WhatsApp kami"),
    ("QUOTED_TITLE_RE", 'Artikel ini telah tayang di Kompas.com dengan judul "Ganti Nama"'),
    ("PAGINATION_LINE_RE", "Halaman : 1 2 Selanjutnya"),
    ("PAGINATION_LINE_RE", "Halaman: 12Lihat Semua"),
    ("PAGINATION_LINE_RE", "Halaman 2 dari 2"),
    ("PAGINATION_LINE_RE", "Page 1 of 3"),
    ("NEXT_PAGE_RE", "Simak berita selengkapnya di halaman selanjutnya."),
    ("NEXT_PAGE_RE", "skor 3-0. Baca lanjutan prediksi di halaman selanjutnya>>>"),
    ("TAGS_LINE_RE", "Kategori :"),
    ("COPYRIGHT_RE", "© 2025 Contoh.com Network"),
    ("COPYRIGHT_RE", "All Right Reserved"),
    ("COPYRIGHT_RE", "Copyright 2025."),
    ("COPYRIGHT_RE", "Hak Cipta Dilindungi Undang-Undang"),
    ("COPYRIGHT_RE", "Copyright © 2024 Contoh.com. All rights reserved."),
    ("PROMO_OFFER_RE", "Dapatkan update berita pilihan setiap hari dari Contoh.com."),
    ("TRAILING_STARS_RE", "kata dia. *****"),
    ("DATELINE_RE", "JAKARTA, KOMPAS.com -Pakar"),
    ("DATELINE_RE", "Liputan6.com, Bandung -Gubernur"),
    ("DATELINE_RE", "Liputan6.com, JakartaKita semua"),
    ("DATELINE_RE", "Jakarta, CNN Indonesia --"),
    ("DATELINE_RE", "TRIBUNNEWS.COM, Konawe Selatan - Pada"),
    ("DATELINE_RE", "BATAM, POSMETRO: Dua"),
    ("DATELINE_RE", "POSMETRO MEDAN– Dalam"),
    ("DATELINE_RE", "JAKARTA -Harga"),
    ("DATELINE_RE", "KOMPAS.com-Bintang Pop"),
    ("DATELINE_RE", "JAKARTA, KOMPAS.com-Pakar"),
    ("DATELINE_RE", "Jakarta, CNN Indonesia—Tiket"),
    ("DATELINE_RE", "POSMETRO MEDAN–"),
    ("DATELINE_RE", "JAKARTA, KOMPAS.com\n- Direktur"),
    ("CITY_DATELINE_RE", "Wina\n-\nSebuah"),
    ("CITY_DATELINE_RE", "Wina -\nSebuah"),
    ("BYLINE_RE", "Reporter : danang"),
    ("BYLINE_RE", "Penulis : Ani Editor : Budi"),
    ("BYLINE_RE", "Laporan Wartawan Contoh.com, Andi"),
    ("BYLINE_RE", "Laporan Sara Masroni | Banda Aceh"),
    ("BYLINE_RE", "(Reporter: Ani | Editor: Budi)"),
    ("BYLINE_RE", "Sumber : Kompas TV"),
    ("AUTHOR_OUTLET_RE", "Siswanto Suara.Com"),
    ("CSV_BYLINE_RE", "kata Kasan.,Reporter: Pipit Ika,Sumber: Liputan6.com "),
    ("EDITOR_INITIALS_RE", "(yld/idh)"),
    ("EDITOR_INITIALS_RE", "maksimal 7 tahun.(cnk)"),
    ("EDITOR_INITIALS_RE", "pungkasnya. (*)"),
    ("EDITOR_INITIALS_RE", "(ADV)"),
    ("EDITOR_INITIALS_RE", "(Yld/Idh)"),
    ("AGENCY_INITIALS_RE", "udara yang mendidih. rzn/as (AFP,AP)"),
    ("NAME_CREDIT_LINE_RE", "(TribunJakarta.com/Elga Hikari Putra)"),
    ("DATE_LINE_RE", "Selasa, 24 Jan 2023 09:08 WIB"),
    ("DATE_LINE_RE", "Sabtu 24 Feb 2024 - 21:58 WIB"),
    ("DATE_LINE_RE", "Kamis 03-09-2020,14:01 WIB"),
    ("DATE_LINE_RE", "Politik | 11 April 2024, 13:39 WIB"),
    ("AUTHOR_DATE_LINE_RE", "Azhar 11 Jun 2022, 22:23"),
    ("TOKEN_RE", "Davina"),
    ("GLUE_RE", "mentalYang"),
    ("SENTENCE_GLUE_RE", "mafia beras.Amran juga"),
    ("SENTENCE_GLUE_RE", "Antarklub 2025.Eks AS Monaco"),
    ("SENTENCE_END_RE", "katanya.”"),
    ("PROSE_RE", "Judul. Lalu"),
    ("SENTENCE_STOP_RE", "di terminal. Lalu"),
    ("SENTENCE_STOP_RE", "Senin (5/2/2024)."),
    ("CREDIT_TOKEN_RE", "Kompas.com/soffyaranti"),
    ("CAPTION_STOP_RE", "mafia beras.Amran"),
    ("SENTENCE_GAP_RE", "membantu. Mari"),
    ("CAPITAL_GAP_RE", "Iklan Dapatkan"),
    ("TAG_PUNCT_RE", "sumatera, selatan"),
    ("SPACE_BEFORE_PUNCT_RE", "Solo , menjelaskan"),
    ("SHORT_NAME_RE", "Siti Aminah"),
]

NON_MATCHES = [
    ("READ_ALSO_LABEL_RE", "menarik minat baca masyarakat"),
    ("READ_ALSO_INLINE_RE", "Warga baca juga koran"),
    ("STANDALONE_LINE_RE", "Siti Aminah Tardi"),
    ("GAMBAS_RE", "[Gambar: peta]"),
    ("VIDEO_PROMO_INLINE_RE", "Simak video di kanal kami."),
    ("VIDEO_LABEL_RE", "Video itu viral di media sosial."),
    ("READ_TIME_RE", "Waktu membaca buku anak-anak 30 menit sehari."),
    ("READ_TIME_RE", "Waktu membaca: 8 menit, kata dia"),
    ("OUTLET_LINE_RE", "Jakarta, Indonesia"),
    ("OUTLET_LINE_RE", "Jakarta, Senin (3/2/2025)"),
    ("BYLINE_RE", "Penulis, yang juga dosen, mengatakan"),
    ("BYLINE_RE", "Penulis, Yang Juga Dosen, Mengatakan Hal Itu."),
    ("SHOW_PROMO_RE", "Saksikan pertandingan itu."),
    ("SHOW_PROMO_RE", "Simaklah juga"),
    ("GLUED_TITLE_RE", "Media Internal Pemprov DKI meraih juara pada 2018."),
    ("GLUED_TITLE_RE", "Warga Jakarta Bisa Lapor Lewat WhatsApp Resmi Pemprov"),
    ("SCROLL_RE", "scroll ke bawah"),
    ("ADVERTISEMENT_RE", "ADVERTISEMENTS"),
    ("PUNCT_ONLY_RE", "-"),
    ("PUNCT_ONLY_RE", "A."),
    ("PUNCT_ONLY_RE", "= 5"),
    ("TWEET_RESIDUE_RE", "— kata Sutopo kepada wartawan"),
    ("PAREN_PHOTO_CREDIT_RE", "(foto-foto bersama)"),
    ("PAREN_PHOTO_CREDIT_RE", "(Sumber Daya Alam)"),
    ("PAREN_PHOTO_CREDIT_RE", "(kredit: Rp5 juta)"),
    ("PAREN_PHOTO_CREDIT_RE", "melalui fotografi (foto dan gambar hidup) hingga video"),
    ("PAREN_PHOTO_CREDIT_RE", "rzn/as (AFP,AP)"),
    ("BRACKET_PHOTO_CREDIT_RE", "[Gambas:Video CNN]"),
    ("FOTO_LABEL_CREDIT_RE", "pengambilan foto dalam kondisi minim cahaya"),
    ("DATED_CAPTION_RE", "Menteri mengatakan pada Selasa (24/1) bahwa stok aman."),
    ("AGENCY_CREDIT_RE", "kantor berita ANTARA melaporkan"),
    ("NAMED_CREDIT_RE", "Getty Images menyebut"),
    ("NAMED_CREDIT_RE", "Laporan Reuters Yang Mengutip Para Ahli"),
    ("PAREN_PHOTO_CREDIT_RE", "Melalui Fotografi (Foto Dan Gambar Hidup)"),
    ("NAMED_CREDIT_RE", "Kantor Berita AFP Melaporkan Stadion"),
    ("DOMAIN_CREDIT_RE", "Melihat Di Beyonce.com/Reliefefforts"),
    ("DOMAIN_CREDIT_RE", "https://kompas.com/read"),
    ("DOMAIN_CREDIT_RE", "bantuan dapat disalurkan melalui Contoh.com/bantuan"),
    ("DOMAIN_CREDIT_RE", "(Tribunpekanbaru.com/mayonal putra)"),
    ("CREDIT_LINE_RE", "rzn/as (AFP,AP)"),
    ("CREDIT_LINE_RE", "Jakarta/Bandung"),
    ("CREDIT_LINE_RE", "Rute Bus Kota/Antarkota"),
    ("CAPTION_SOURCE_RE", "Sumber: Kompas TV"),
    ("DATE_PAREN_RE", "Suyanto (52)"),
    ("MORE_NEWS_RE", "Baca berita ini sampai habis."),
    ("CHANNEL_RE", "Whats up"),
    ("QUOTED_TITLE_RE", "dengan judul The Body."),
    ("PAGINATION_LINE_RE", "kelas 8 halaman 205"),
    ("PAGINATION_LINE_RE", "di halaman Masjid Agung"),
    ("NEXT_PAGE_RE", "Warga berkumpul di halaman masjid."),
    ("TAGS_LINE_RE", "Kategori ini mencakup"),
    ("COPYRIGHT_RE", "hak cipta lagu itu"),
    ("COPYRIGHT_RE", "Copyright Menjadi Isu Penting Bagi Musisi Muda."),
    ("COPYRIGHT_RE", "Hak Cipta Karya Seni Tradisional Perlu Dilindungi Negara."),
    ("PROMO_OFFER_RE", "Gabung di grup relawan itu tidak dipungut biaya."),
    ("TRAILING_STARS_RE", "kata b***t di tengah kalimat"),
    ("DATELINE_RE", "Jakarta - Harga naik"),
    ("DATELINE_RE", "Presiden RI, Joko Widodo - kata dia"),
    ("DATELINE_RE", "COVID-19 kembali merebak"),
    ("DATELINE_RE", "VVT-i diperkenalkan"),
    ("DATELINE_RE", "EMB - 314 Super Tucano"),
    ("DATELINE_RE", "SCORE-International Labour Organization"),
    ("DATELINE_RE", "Selain Itu, UPT-PUSKOM Juga Bertugas"),
    ("CITY_DATELINE_RE", "Jakarta - Harga naik"),
    ("BYLINE_RE", "Laporan kantor berita Tasnim menyebut"),
    ("BYLINE_RE", "Sumber daya manusia"),
    ("AUTHOR_OUTLET_RE", "Kata Siswanto kepada Suara.com."),
    ("CSV_BYLINE_RE", "kata Reporter itu"),
    ("EDITOR_INITIALS_RE", "(KKP)."),
    ("EDITOR_INITIALS_RE", "(18/6/2025)."),
    ("EDITOR_INITIALS_RE", "(Polri)."),
    ("EDITOR_INITIALS_RE", "oleh (Polri)"),
    ("AGENCY_INITIALS_RE", "dan/atau (AS) di tengah"),
    ("NAME_CREDIT_LINE_RE", "(PT Pindad)"),
    ("DATE_LINE_RE", "Selasa (24/1) pagi harga naik."),
    ("AUTHOR_DATE_LINE_RE", "Pada 11 Jun 2022, 22:23 warga"),
    ("TOKEN_RE", " "),
    ("GLUE_RE", "Mental Yang"),
    ("SENTENCE_GLUE_RE", "Kompas.com"),
    ("SENTENCE_GLUE_RE", "Prof. Dr."),
    ("SENTENCE_GLUE_RE", "dikutip dari Suara.Com hari ini"),
    ("SENTENCE_GLUE_RE", "diproduksi PT.Pindad itu"),
    ("SENTENCE_GLUE_RE", "U.Today menulis"),
    ("SENTENCE_END_RE", "Baca juga"),
    ("PROSE_RE", "Judul Tanpa Titik"),
    ("SENTENCE_STOP_RE", "PT. Pindad"),
    ("SENTENCE_STOP_RE", "Prof. Dr. Atik"),
    ("CREDIT_TOKEN_RE", "(5/2/2024)"),
    ("CAPTION_STOP_RE", "Rp2.000"),
    ("SENTENCE_GAP_RE", "kata dia"),
    ("CAPITAL_GAP_RE", "iklan dapatkan"),
    ("TAG_PUNCT_RE", "sumatera selatan"),
    ("SPACE_BEFORE_PUNCT_RE", "Solo, menjelaskan"),
    ("SHORT_NAME_RE", "Presiden RI Joko Widodo"),
]


@pytest.mark.parametrize(("name", "text"), MATCHES, ids=[f"{n}:{t[:30]}" for n, t in MATCHES])
def test_pattern_matches(name: str, text: str) -> None:
    assert getattr(patterns, name).search(text)


@pytest.mark.parametrize(("name", "text"), NON_MATCHES, ids=[f"{n}:{t[:30]}" for n, t in NON_MATCHES])
def test_pattern_does_not_match(name: str, text: str) -> None:
    assert not getattr(patterns, name).search(text)


def _pattern_names() -> list[str]:
    return list(patterns.all_patterns())


def test_every_pattern_has_examples_in_its_comment_and_in_these_tables() -> None:
    source = inspect.getsource(patterns)
    missing_comment, missing_table = [], []
    for name in _pattern_names():
        before = source[: source.index(f"\n{name} = ")]
        comment = before[before.rfind("\n\n") :]
        if "# Matches" not in comment or "Must not match" not in comment:
            missing_comment.append(name)
        if name not in {n for n, _ in MATCHES} or name not in {n for n, _ in NON_MATCHES}:
            missing_table.append(name)
    assert not missing_comment, f"patterns without '# Matches' / 'Must not match' comments: {missing_comment}"
    assert not missing_table, f"patterns without a case in both tables here: {missing_table}"


def test_phrase_re_matches_any_spacing_and_case() -> None:
    pattern = patterns.phrase_re(["berita terkait", "ikuti kami"], whole_line=True)
    assert pattern.match("BERITA   TERKAIT :")
    assert not pattern.match("Berita terkait banjir kemarin")


#: Pieces of credits: the credit patterns' words in several cases, marks and names.
CREDIT_PIECES = [
    "Foto", "FOTO", "foto", "Photo", "Dok", "DOK", "Dok.", "Sumber", "ANTARA FOTO", "Antara Foto",
    "Getty Images", "AP Photo", "AP", "Shutterstock", "iStock", "iStockphoto", "AFP", "Reuters", "REUTERS",
    "Network", "Images", "Kompas", ".com", ".co.id", ".con", ".net", "(", ")", "[", "]", ":", "/", ".", " ",
    "Budi", "Ali Amrizal", "warga", "x", "7", "\n",
]


@pytest.mark.parametrize("name", [name for name, _ in rules._CREDIT_PATTERNS])
@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(CREDIT_PIECES), max_size=10).map("".join))
def test_a_credit_pattern_needs_one_of_its_literals(name, text):
    literals = dict(rules._CREDIT_PATTERNS)[name]
    if getattr(patterns, name).search(text):
        assert any(literal in text for literal in literals)
