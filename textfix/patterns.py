"""Compiled regular expressions for the junk rules, each with an example it must match
and one it must not (``tests/test_patterns.py`` checks both).

Patterns are written to run in linear time: no nested quantifiers over the same
characters, bounded repeats, and possessive quantifiers where a run could backtrack.
Patterns meant for a whole line start with ``^`` (and no ``MULTILINE``), so a scan of a
long text fails at once everywhere but the start. Phrase lists that users extend live in
``textfix/data/`` and are compiled by :func:`phrase_re`, not written here.
"""

from __future__ import annotations

import re
import sys

import regex


class _Source(str):
    """A pattern's source, compiled on first use (see :func:`__getattr__`)."""


def _lazy(source: str) -> _Source:
    return _Source(source)

# --- "Baca juga" -------------------------------------------------------------------------

# Matches: "Baca juga: Judul" / "BACA JUGA:Judul" / "Baca Juga :" / "BACA JUA: Judul" / "Baca Juga"
# Must not match: "menarik minat baca masyarakat"
READ_ALSO_LABEL_RE = _lazy(r"(?i)\bbaca[ ]{1,3}+(?:ju[gq]?a|jga|jug|pula)\b[ ]{0,3}+:?+[ ]{0,3}+")

# Matches (inline, after a sentence end): "dengan judul The Body. Baca juga:Davina Karamoy"
# Must not match: "Warga baca juga koran" (no colon, no capital)
READ_ALSO_INLINE_RE = _lazy(r"(?<=^|[.!?\"”')][ ]{0,3})Baca[ ]{1,3}+(?:juga|Juga|JUGA)[ ]{0,3}+:[ ]{0,3}+")

# A line that stands on its own and never continues the line above (or takes the next):
# a label, an ad slot, a date or byline line, a list item, a marker.
# Matches: "Baca Juga" / "ADVERTISEMENT" / "Selasa, 24 Jan 2023 09:08 WIB" / "Editor: Ani" / "- gula" / "(yld/idh)" / "Kategori: Berita"
# Must not match: "Siti Aminah Tardi" (link text split from its sentence)
STANDALONE_LINE_RE = _lazy(
    r"(?i)^(?:baca[ ]{1,3}+ju[gq]?a\b|advertisement$|scroll[ ]to[ ]|\[gambas:|\*{3}|[-*•–][ ]|\d{1,3}[.)][ ]|\p{L}[.)][ ]"
    r"|(?:tags?|kategori|topik|label)[ ]?:"
    r"|(?:reporter|editor|penulis|pewarta|sumber|laporan)\b|\(\p{Ll}{2,5}(?:/\p{Ll}{2,5}){0,2}\)$|\|$"
    r"|(?:senin|selasa|rabu|kamis|jumat|sabtu|minggu)\b[ ,]|\d{1,2}[ ](?:jan|feb|mar|apr|mei|jun|jul|agu|agt|sep|okt|nov|des)\w{0,6}[ ]\d{4})"
)

# --- Other promos ------------------------------------------------------------------------

# Matches: "[Gambas:Video 20detik]" / "[Gambas:Video CNN]"
# Must not match: "[Gambar: peta]"
GAMBAS_RE = _lazy(r"[ ]?\[Gambas:[^\[\]\n]{0,80}+\][ ]?")

# Matches: "Simak juga Video 'Judul': [Gambas:Video 20detik]" (inline, through the placeholder)
# Must not match: "Simak video di kanal kami."
VIDEO_PROMO_INLINE_RE = _lazy(
    r"(?:Simak|Lihat|Tonton|Saksikan)[ ]{1,3}+(?:[Jj]uga[ ]{1,3}+)?[Vv]ideo\b[^\[\]\n]{0,300}?\[Gambas:[^\[\]\n]{0,80}+\]"
)

# Matches: "Simak juga Video: Judul" / "Tonton juga Video:" / "Lihat juga video: Judul" / "Video: Judul"
# Must not match: "Video itu viral di media sosial."
VIDEO_LABEL_RE = _lazy(
    r"^(?:(?:Simak|Lihat|Tonton|Saksikan)[ ]{1,3}+(?:[Jj]uga[ ]{1,3}+)?[Vv]ideo\b|Video[ ]{0,2}+:)"
)

# Matches: "Saksikan juga Blak-blakan, Judul Acara!" / "Simak juga Sosok: Judul" (a show's promo,
#          which goes only when a [Gambas:...] placeholder follows)
# Must not match: "Saksikan pertandingan itu." / "Simaklah juga"
SHOW_PROMO_RE = _lazy(r"^(?:Simak|Lihat|Tonton|Saksikan)[ ]{1,3}+[Jj]uga\b")

# Matches: "Media Internal Pemprov DKI Raih Juara 1 AMH 2018Momentum tersebut dinilai"
# Must not match: "Media Internal Pemprov DKI meraih juara pada 2018."
GLUED_TITLE_RE = _lazy(
    r"^((?:(?:\p{Lu}[\p{L}\p{N}'’-]{0,30}+|\p{N}{1,6}+|di|ke|dan|yang|untuk|dari|soal|saat|lewat)[ ]){4,20}+"
    r"(?:\p{Lu}[\p{L}'’-]{0,30}?\p{Ll}(?=\p{Lu}\p{Ll}{1,30}+[ ]\p{Ll})|\p{N}{1,6}+(?=\p{Lu}\p{Ll}{1,30}+[ ]\p{L})))"
)

# --- Ads and widgets ---------------------------------------------------------------------

# Matches: "SCROLL TO CONTINUE WITH CONTENT" (alone or inline in flattened text)
# Must not match: "scroll ke bawah"
SCROLL_RE = _lazy(r"[ ]?\bSCROLL TO (?:CONTINUE WITH|RESUME) CONTENT\b[ ]?")

# Matches: "ADVERTISEMENT" (upper case, a word of its own)
# Must not match: "Advertisement is" / "ADVERTISEMENTS"
ADVERTISEMENT_RE = _lazy(r"[ ]?\bADVERTISEMENT\b[ ]?")

# Matches: "Waktu membaca: 8 menit" / "Lama baca 3 menit" / "4 min read" (a reading-time widget line)
# Must not match: "Waktu membaca buku anak-anak 30 menit sehari." / "Waktu membaca: 8 menit, kata dia"
READ_TIME_RE = _lazy(r"(?i)^(?:(?:waktu[ ](?:membaca|baca)|lama[ ]baca|estimasi[ ]waktu[ ]baca)[ ]?:?[ ]?\d{1,3}[ ]?menit|\d{1,3}[ ]min(?:ute)?s?[ ]read)$")

# Matches: ", ," / "|" / ". ," / "============" (a line of nothing but separators left by a scraper)
# Must not match: "-" (a dateline dash on its own line) / "A." / "= 5"
PUNCT_ONLY_RE = _lazy(r"^[,.|;>•·=_~]{1,3}+(?:[ ]{0,3}+[,.|;>•·=_~]{1,3}+){0,20}+$")

# Matches: "— Sutopo Purwo Nugroho (@Sutopo_BNPB) February 21, 2017" (an embedded tweet's attribution)
# Must not match: "— kata Sutopo kepada wartawan"
TWEET_RESIDUE_RE = _lazy(r"^[—–-][ ]?[^\n()]{2,60}[ ]\(@\w{1,30}+\)[ ]?[\p{L}]{3,10}+[ ]\d{1,2},[ ]\d{4}$")

# --- Photo credits -----------------------------------------------------------------------

# Matches: "(Foto: Kemendagri RI)" / "(Foto Rahman/ KabarBenggawi)" / "(Sumber: KOMPAS TV)" /
#          "(Getty Images)" / "(ANTARA FOTO/GALIH PRADIPTA)." / "(Image by mydramalist)" / "(credit:IG)"
# Must not match: "(foto-foto bersama)" / "(Sumber Daya Alam)" / "(foto dan gambar hidup)" /
#   "(kredit: Rp5 juta)", also
#   Title-Cased: "(Foto Dan Gambar Hidup)" (a function word after it makes "foto" a noun)
PAREN_PHOTO_CREDIT_RE = _lazy(
    r"[ ]?\((?:(?:Foto|FOTO|Photo|Dok|DOK)\b(?![-]|[ ](?i:dan|atau|yang|dari|di|ke|ini|itu|untuk|dengan)\b)[.:]?+[^()\n]{1,100}+"
    r"|foto[ ]?[:/][^()\n]{1,100}+"
    r"|Sumber[ ]?:[^()\n]{1,60}+"
    r"|(?:Image[ ]by|[Cc]redit[ ]?:)[ ]?[^()\n]{1,60}+"
    r"|(?:ANTARA FOTO|Antara Foto|Getty Images|AP Photo|Shutterstock|iStock|(?:AFP|Reuters|REUTERS|AP)[ ]?/)[^()\n]{0,80}+)\)\.?"
)

# Matches: "[suara.com/Oke Atmaja]" / "[Dok. Humas]"
# Must not match: "[Gambas:Video CNN]" / "[1]"
BRACKET_PHOTO_CREDIT_RE = _lazy(
    r"[ ]?\[(?:[\p{L}\d-]{1,40}+\.(?:com|co\.id|id|net)/[^\[\]\n]{1,60}+|(?:Foto|Dok)\b[^\[\]\n]{1,60}+)\]"
)

# Matches: "Foto: Wisma Putra/detikJabar" / "Foto: ANTARA FOTO/RAISAN AL FARISI" / "Foto: Humas Pemkab"
# Must not match: "pengambilan foto dalam kondisi minim cahaya", nor run past the bracket
#   that closes "(Foto: Antara/Budi Santoso) Harga beras naik ..." into the text after it
#   (its own full stop goes with it: "pekan. Foto: Antara/Budi. Menteri" left ". ." behind)
FOTO_LABEL_CREDIT_RE = _lazy(r"\b(?:Foto|FOTO|Photo)[ ]?:[ ]?+[^\n:)]{1,60}?(?:\.(?=[ ]|$)|(?=$|[ ]?\n|[ ](?=Foto|FOTO)|\)))")

# Matches: "ANTARA FOTO/Aprillio Akbar/rwa." / "ANTARA FOTO/Raisan Al Farisi/Spt."
# Must not match: "ANTARA" alone
AGENCY_CREDIT_RE = _lazy(r"\bANTARA FOTO/[^/\n]{1,50}+(?:/[A-Za-z]{1,6}+(?:\.|(?![\p{L}\d])))?")

# Matches: "Getty Images/Somrerk Kosolwitthayanant" (glued: "...KosolwitthayanantSejumlah") /
#          "Reuters/Willy Kurniawan" / "Dok. Jasa Marga"
# Must not match: "Getty Images menyebut" / "Laporan Reuters Yang Mengutip Para Ahli" (an
#   agency with no slash is the agency, most of all in Title-Cased prose)
_CREDIT_AGENCY = r"(?:(?:Getty Images|Shutterstock|iStockphoto|Reuters|AFP|AP Photo)[ ]?/[ ]?|Dok\.[ ]?/?[ ]?)"
NAMED_CREDIT_RE = _lazy(
    rf"\b{_CREDIT_AGENCY}(?:\p{{Lu}}\p{{Ll}}{{0,30}}+[ ]){{0,3}}+\p{{Lu}}\p{{Ll}}{{2,30}}+"
    r"(?![\p{L}\d])|\b(?:Getty Images[ ]?/[ ]?|Dok\.[ ]?/?[ ]?)(?:\p{Lu}\p{Ll}{0,30}+[ ]){0,3}+\p{Lu}\p{Ll}{3,30}+(?=\p{Lu}\p{Ll}{3})"
)

# Matches: "Kompas.com/soffyaranti" / "Kompas.con/soffyaranti" (a desk credit: domain/handle) /
#          "KOMPAS.COM/PARTAHI FERNANDO SIRAIT" (in capitals, the photographer's name too)
# Must not match: "Kompas.com" / "https://kompas.com/read" / "melihat di Beyonce.com/reliefefforts" (a link in prose,
#   also Title-Cased: "Di Beyonce.com/Reliefefforts")
DOMAIN_CREDIT_RE = _lazy(
    r"(?<![/\w(])(?<!\b(?i:di|ke|dari|laman|situs|melalui|lewat)[ ])\p{Lu}[\p{L}\d]{1,30}+\.co[mn](?:\.id)?+/\p{L}[\p{Ll}\d_]{1,40}+"
    r"|(?<![/\w(])\p{Lu}[\p{Lu}\d]{1,30}+\.CO[MN](?:\.ID)?+/\p{Lu}{2,30}+(?:[ ]\p{Lu}{2,30}+){0,4}+(?!\p{Ll})"
)

# Matches: "Tribun Jatim Network/Pramita Kusumaningrum" / "IDN Times/Debbie Sutrisno" /
#   "VIVA.co.id/Andrew Tito" (a credit line of its own: an outlet whose name ends in one of
#   these words or is a domain, then the photographer)
# Must not match: "rzn/as (AFP,AP)" / "Jakarta/Bandung"
CREDIT_LINE_RE = _lazy(
    r"^(?:[\p{L}.]{1,30}+[ ]){0,4}+(?:Network|FOTO|Foto|Images|Photo|Times|(?:\p{L}{1,3})?News|Portal|TV|Pos|Post"
    r"|\p{L}{2,30}+\.com|\p{L}{2,30}+\.co\.id)[ ]?/[ ]?[\p{L}][\p{L} .'-]{1,60}+$"
)

# Matches: "Presiden RI Joko Widodo. Sumber: Internet" (a caption ending in a source)
# Must not match: "Sumber: Kompas TV" (a source line of its own: metadata)
CAPTION_SOURCE_RE = _lazy(r"(?<=[.!?])[ ]Sumber[ ]?:[ ]?[^\n.:]{1,40}+$")

#: A date in brackets, day/month[/year]: a photo's date in its caption.
_DATE_PAREN = r"\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)"

# A caption right after its credit: one sentence that ends in the photo's date (a story
# sentence dates things inside it). Used with ``match`` after the credit and a space.
# Matches: "Petugas memeriksa beras di gudang, Senin (5/2/2024)."
# Must not match: "Menteri mengatakan pada Selasa (24/1) bahwa stok aman."
DATED_CAPTION_RE = _lazy(r"^\p{Lu}[^.!?\n]{0,200}?" + _DATE_PAREN + r"\.")

# A date in brackets, the mark of a photo caption: "Selasa (28/5/2024)." / "(21/2)."
# Matches: "(28/5/2024)"   Must not match: "(52)"
DATE_PAREN_RE = _lazy(_DATE_PAREN)

# --- Social and syndication --------------------------------------------------------------

# Matches: "Baca berita Wartakotalive.com lainnya di WhatsApp." / "Update berita lainnya di PROHABA.co"
# Must not match: "Baca berita ini sampai habis." (no "lainnya di")
MORE_NEWS_RE = _lazy(r"(?i)^(?:baca|update|dapatkan|simak)[ ]berita[ ](?:[^\n]{0,40}?[ ])?lainnya[ ]di\b")

# Matches: "WhatsApp / Google News / Telegram / Channel" (a promo's channel)
# Must not match: "Whats up"
CHANNEL_RE = _lazy(r"(?i)\b(?:whatsapp|google[ ]news|telegram|channel|saluran|instagram|tiktok|youtube|twitter|facebook|kanal|aplikasi)\b")

# Matches: "... update berita pilihan ... dari Kompas.com." (what a promo sentence offers: the
#          site's news, a newsletter, a domain)
# Must not match: "Gabung di grup relawan itu tidak dipungut biaya."
PROMO_OFFER_RE = _lazy(r"(?i)\b(?:berita|artikel|update|news|newsletter|notifikasi|konten)\b|\.(?:com|co\.id|id|net)\b")

# Matches: 'dengan judul "Britney Spears Ganti Nama"' (the quoted headline of a syndication note)
# Must not match: "dengan judul The Body."
QUOTED_TITLE_RE = _lazy(r"^[^\n]{0,80}?dengan judul[ ]?[\"“][^\"”\n]{1,200}+[\"”]")

# --- Pagination --------------------------------------------------------------------------

# Matches: "Halaman : 1 2 Selanjutnya" / "Halaman: 12Lihat Semua" / "Halaman 2 dari 2" / "Page 1 of 3"
# Must not match: "kelas 8 halaman 205" / "di halaman Masjid Agung"
PAGINATION_LINE_RE = _lazy(
    r"(?i)^(?:halaman|hal\.|page)[ ]?:?[ ]?\d{1,3}+(?:(?:[ ]?\d{1,3}+){0,20}+[ ]?(?:selanjutnya|berikutnya|lihat semua|next|»|>>)?|[ ](?:dari|of)[ ]\d{1,3}+)$"
)

# Matches: "Simak berita selengkapnya di halaman selanjutnya." / "Baca lanjutan prediksi X di halaman selanjutnya>>>"
# Must not match: "Warga berkumpul di halaman masjid."
NEXT_PAGE_RE = _lazy(
    r"(?<=^|[.!?\"”][ ]{1,3}|\n)(?:Simak|Baca|Lihat|Klik|Cek|Ikuti)\b(?:[^.!?\n]|\.(?=\S)){0,160}?\b(?i:di[ ]halaman[ ](?:selanjutnya|berikutnya))\b(?:[ ]?(?:>{1,3}|»)|\.)?"
)

# --- Footer ------------------------------------------------------------------------------

# Matches: "Tags :" / "Kategori :" / "Tag: banjir, jombang"
# Must not match: "Kategori ini mencakup"
TAGS_LINE_RE = _lazy(r"(?i)^(?:tags?|kategori|topik|label)[ ]?:")

# Matches: "© 2025 TRIBUNnews.com Network" / "All Right Reserved" / "Hak Cipta Dilindungi" /
#          "Copyright 2025." (a word that opens the line needs a year, ©, a domain or "reserved")
# Must not match: "hak cipta lagu itu" / "Copyright Menjadi Isu Penting Bagi Musisi Muda."
COPYRIGHT_RE = _lazy(
    r"^(?:©|\(c\)[ ]|All Rights? Reserved"
    r"|(?:Copyright|COPYRIGHT)\b(?=[^\n]{0,80}?(?:©|\([Cc]\)|\b(?:19|20)\d\d\b|\b[Rr]eserved\b|\.com\b|\.co\.id\b))"
    r"|(?:Hak|HAK)[ ](?:Cipta|CIPTA)(?=[ ]?(?:©|\([Cc]\)|(?:19|20)\d\d\b)|[ ](?:[Dd]ilindungi|DILINDUNGI)\b))"
)

# Matches: "***" / " *****" at the end of a paragraph
# Must not match: "kata b***t di tengah kalimat"
# The lookbehinds start a try only at the beginning of a run of spaces or stars, so a
# long run that is not at the end costs one scan, not one per position (quadratic).
TRAILING_STARS_RE = _lazy(r"(?<!\s)\s*+(?<!\*)\*{3,}+\s*+$")

# --- Metadata ----------------------------------------------------------------------------

_CITY_WORD = r"\p{Lu}[\p{L}.'-]{1,30}+"
_CITY = rf"{_CITY_WORD}(?:[ ]{_CITY_WORD}){{0,3}}+"
_DOMAIN = r"[\p{L}\d-]{2,40}+(?:\.[\p{L}]{2,6}+){1,2}+"  # KOMPAS.com, SURYA.CO.ID, Posmetro.co.id
_NAMED_OUTLET = r"(?:CNN[ ]Indonesia|POSMETRO(?:[ ]MEDAN)?|ANTARA|KABAR[ ]BENGGAWI|\p{Lu}{3,20}+(?:[ ]\p{Lu}{3,20}+){0,2}+)"
_OUTLET = rf"(?:{_DOMAIN}|{_NAMED_OUTLET})"
_DASH = r"(?:-{1,2}+|–|—)"
#: What follows a dateline's dash: spaces, then no numeral; or, glued, a capital or a
#: quote; or the end of the line.
_AFTER_DASH = r"(?:[ \n]{1,3}+(?!\d)|(?=[\p{Lu}\"“‘'])|$)"
#: A dateline's dash after an outlet that may be capitals alone: a space before it or
#: after it, a real dash, or a hyphen glued to a domain ("KOMPAS.com-Bintang"); capitals
#: hyphened to capitals are one name ("Selain Itu, UPT-PUSKOM Juga").
_OUTLET_DASH = (
    rf"(?:[ \n]{{1,3}}+{_DASH}{_AFTER_DASH}|{_DASH}[ \n]{{1,3}}+(?!\d)|(?:--|–|—)(?=[\p{{Lu}}\"“‘']|$)"
    r"|(?<=\.\p{L}{2,6})-(?=\p{Lu}))"
)

# Matches: "JAKARTA, KOMPAS.com -" / "Liputan6.com, Bandung -" / "Jakarta, CNN Indonesia --" /
#          "TRIBUNNEWS.COM, Konawe Selatan -" / "BATAM, POSMETRO:" / "POSMETRO MEDAN–"
# Must not match: "Jakarta - Harga naik" (a city alone) / "Presiden RI, Joko Widodo - kata dia" /
#                 "BACA JUGA: Judul" (a colon needs a city before the outlet) /
#                 "COVID-19 kembali ..." / "VVT-i ..." / "EMB - 314 Super Tucano" (an acronym's
#                 dash before a digit or a lowercase letter joins a name; EYD opens no
#                 sentence with a numeral) / "SCORE-International Labour ..." (a hyphen with
#                 no space either side joins a name to capitals; to a domain it is glue) /
#                 "Selain Itu, UPT-PUSKOM Juga" (Title-Cased prose: a city, a comma, capitals)
DATELINE_RE = _lazy(
    rf"^{_CITY},[ ]?+{_OUTLET}(?:,[ ]?+{_CITY})?+(?:{_OUTLET_DASH}|[ \n]{{0,3}}+:[ \n]{{0,3}}+)"
    rf"|^{_DOMAIN}(?:,[ ]?+{_CITY})?+[ \n]{{0,3}}+{_DASH}{_AFTER_DASH}"
    rf"|^{_NAMED_OUTLET}(?:,[ ]?+{_CITY})?+{_OUTLET_DASH}"
    rf"|^(?:{_CITY},[ ]?+)?\p{{L}}[\p{{L}}\d-]{{1,40}}+\.com,[ ](?:\p{{Lu}}\p{{Ll}}{{1,30}}+[ ]){{0,2}}\p{{Lu}}\p{{Ll}}{{1,30}}+(?=\p{{Lu}}\p{{Ll}})"
)

# Matches: "Jakarta, NU Online" / "Surabaya, ANTARA" / "Bandung, Tempo.co" (a dateline alone on its
#          line above the lead, with no dash: a city, a comma, an outlet)
# Must not match: "Jakarta, Indonesia" / "Jakarta, Senin (3/2/2025)" / "Jakarta, NU Online dan Kompas" /
#   "Spesifikasi Dari Segi Tampilan, BF CG" (Title-Cased prose: a city is one or two words)
OUTLET_LINE_RE = _lazy(
    rf"^{_CITY_WORD}(?:[ ]{_CITY_WORD})?+,[ ]?+(?:{_DOMAIN}|\p{{Lu}}{{2,20}}+(?:[ ]\p{{Lu}}\p{{Ll}}{{1,20}}+)?+)$"
)

# Matches: "Wina\n-\n" / "Jakarta\n- " (old detik: city, dash and text on their own lines) /
#   "Wina -" alone on its line (the same, reflowed: cleaning it again must keep it)
# Must not match: "Jakarta - Harga naik" (a dash before text on the same line is not enough
#   without an outlet)
CITY_DATELINE_RE = _lazy(rf"^{_CITY}(?:[ ]?\n[ ]?{_DASH}(?:\n|[ ]|$)|[ ]{_DASH}(?=\n|$))")

# Matches: "Reporter : danang" / "Editor: Ali Amrizal" / "Penulis : Ninuk Editor : Desy" /
#          "Laporan Wartawan TribunSolo.com, Andreas" / "Laporan Sara Masroni | Banda Aceh" /
#          "(Reporter: Shintia | Editor: Ignatia)" / "Sumber : Kompas TV" /
#          "Penulis, Muhammad Irham" / "Peranan, BBC News Indonesia," / "Melaporkan dari, Tapanuli
#          Tengah, Sumatra Utara" (a label, a comma, then names only: BBC Indonesia's header)
# Must not match: "Laporan kantor berita Tasnim menyebut" / "Sumber daya manusia" /
#   "Penulis, yang juga dosen, mengatakan" / "Peranan, Fungsi dan Tugas DPR" (no name run to the end) /
#   "Penulis, Yang Juga Dosen, Mengatakan Hal Itu." (Title-Cased, a sentence)
BYLINE_RE = _lazy(
    r"^\(?(?:(?:Reporter|Editor|Penulis|Pewarta|Jurnalis|Wartawan|Kontributor|Redaktur|Penyunting|Fotografer|Sumber)[ ]?:"
    r"|Laporan[ ]Wartawan\b|Laporan[ ]\p{Lu}[\p{L} .]{1,40}+\|"
    r"|(?:Penulis|Peranan|Melaporkan[ ]dari),[ ](?=(?:\p{Lu}[\p{L}.'’-]{0,30}+,?+[ ]?+){1,6}+$)(?!.*\p{Ll}\.$))"
)

# Matches: "Siswanto Suara.Com" (an author line in a page header: name and outlet)
# Must not match: "Kata Siswanto kepada Suara.com."
AUTHOR_OUTLET_RE = _lazy(r"^\p{Lu}\p{Ll}{1,20}+(?:[ ]\p{Lu}\p{Ll}{1,20}+){0,2}[ ][\p{L}\d]{2,30}+\.(?:com|Com|COM|co\.id|id)$")

# Matches: ",Reporter: Pipit Ika Ramadhani,Sumber: Liputan6.com " (a comma-joined CSV byline)
# Must not match: "kata Reporter itu"
CSV_BYLINE_RE = _lazy(r"(?<=[.,\"”])[ ]?,[ ]?(?:Reporter|Editor|Penulis|Sumber)[ ]?:[^\n]{0,200}+$")

# Matches: "(yld/idh)" / "(fer)" / "(*)" / "(ADV)" at the end of a paragraph (also glued: "tahun.(cnk)");
#          Title-Cased by a scraper only with a slash: "(Yld/Idh)"; in square brackets "[ded]"
# Must not match: "(KKP)." / "(18/6/2025)." / "(Polri)." / "[sic]"
EDITOR_INITIALS_RE = _lazy(
    r"[ ]{0,3}+(?:\((?:\p{Ll}{2,5}+(?:/\p{Ll}{2,5}+){0,2}+|\p{Lu}\p{Ll}{1,4}+(?:/\p{Lu}\p{Ll}{1,4}+){1,2}+|\*|ADV)\)"
    r"|\[(?!sic\])\p{Ll}{2,5}+(?:/\p{Ll}{2,5}+){0,2}+\])[ ]{0,3}+$"
)

# Matches: "rzn/as (AFP,AP)" (DW: editor initials and agencies)
# Must not match: "dan/atau (AS)" mid-sentence
AGENCY_INITIALS_RE = _lazy(r"(?<=[.!?\"”][ ]{0,3})\p{Ll}{2,4}+/\p{Ll}{2,4}+[ ]\((?:\p{Lu}{2,6}+(?:,[ ]?\p{Lu}{2,6}+){0,4}+)\)[ ]{0,3}+$")

# Matches: "(TribunJakarta.com/Elga Hikari Putra)" (a reporter credit on its own line)
# Must not match: "(PT Pindad)"
NAME_CREDIT_LINE_RE = _lazy(r"^\([\p{L}\d]{2,40}+\.(?:com|co\.id|id)/[\p{L} .'-]{2,60}+\)$")

# --- Dates -------------------------------------------------------------------------------

_MONTH = (
    r"(?:Jan(?:uari|uary)?|Feb(?:ruari|ruary)?|Mar(?:et|ch)?|Apr(?:il)?|Mei|May|Jun(?:i|e)?|Jul(?:i|y)?"
    r"|Agu(?:stus)?|Agt|Aug(?:ust)?|Sep(?:tember)?|Okt(?:ober)?|Oct(?:ober)?|Nov(?:ember)?|Des(?:ember)?|Dec(?:ember)?)"
)
_DAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"

# Matches: "Selasa, 24 Jan 2023 09:08 WIB" / "Sabtu 24 Feb 2024 - 21:58 WIB" / "Kamis 03-09-2020,14:01 WIB" /
#          "Politik | 11 April 2024, 13:39 WIB" / "11 Jun 2022, 22:23"
# Must not match: "Selasa (24/1) pagi harga naik."
DATE_LINE_RE = _lazy(
    rf"^(?:\p{{L}}{{2,20}}+[ ]\|[ ])?(?:{_DAY},?[ ])?(?:\d{{1,2}}[ ]{_MONTH}[ ]\d{{4}}|\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})"
    rf"(?:[ ]?[,|-]?[ ]?\d{{1,2}}[:.]\d{{2}}(?:[ ]?(?:WIB|WITA|WIT))?)?$"
)

# Matches: "Azhar 11 Jun 2022, 22:23" (an author with the timestamp of a page header)
# Must not match: "Pada 11 Jun 2022, 22:23 warga"
AUTHOR_DATE_LINE_RE = _lazy(
    rf"^(\p{{Lu}}\p{{Ll}}{{1,20}}+(?:[ ]\p{{Lu}}\p{{Ll}}{{1,20}}+){{0,2}}+)[ ]\d{{1,2}}[ ]{_MONTH}[ ]\d{{4}}(?:,?[ ]\d{{1,2}}[:.]\d{{2}})?$"
)

# --- Words -------------------------------------------------------------------------------

# Matches: "Davina" / "100" / "Kata-kata" / "DPR:" (one token of text, with its punctuation)
# Must not match: "" / " "
TOKEN_RE = _lazy(r"\S++")

# Matches: "mental" + "Yang" glue point in "mentalYang" (lower then Upper inside a word)
# Must not match: "Mental Yang"
GLUE_RE = _lazy(r"(?<=[\p{Ll}\d])(?=\p{Lu}\p{Ll})")

# Matches: "." + "Amran" in "beras.Amran juga" / "2025.Eks AS" (a sentence glued to the next)
# Must not match: "Kompas.com" / "Suara.Com hari" / "U.Today" / "Prof. Dr." / "PT.Pindad itu"
SENTENCE_GLUE_RE = _lazy(
    r"(?<=[\p{Ll}\d]{2}[.!?])"
    r"(?!(?i:com|co|id|net|org|tv|info|news|online|travel|today|asia|go|ac|or|web|my|sg|io|biz)\b)"
    r"(?=\p{Lu}\p{Ll}{2,}[ ])"
)

# Sentence-final punctuation at the end of a line, possibly followed by a closing quote.
# Matches: "selesai." / "katanya.”"   Must not match: "Baca juga"
SENTENCE_END_RE = _lazy(r"[.!?][\"'”’)\]]{0,3}+$")


# --- Sentences and spans (helpers of the rules) ------------------------------------------

# Matches: "Judul. Lalu" (a sentence end with more text after it: prose, not a headline)
# Must not match: "Judul Tanpa Titik"
PROSE_RE = _lazy(r"[.!?][\"”']?\s++\S")

# Matches: "terminal. " / "2025)." (a sentence stop that is not an abbreviation)
# Must not match: "PT. Pindad" / "Dr. Atik"
SENTENCE_STOP_RE = _lazy(r"(?<!\b\p{Lu}\p{L}?\p{L}?)(?<!\bDr|\bProf)[.!?](?=\s|$)")

# Matches: "Kompas.com/soffyaranti" (a token that is a credit: letters, a slash, letters)
# Must not match: "(5/2/2024)"
CREDIT_TOKEN_RE = _lazy(r"\S{0,40}?(?<=\p{L})/\p{L}")

# Matches: "(5/2/2024)." / "beras.Amran" (where a caption sentence can stop)
# Must not match: "Rp2.000"
CAPTION_STOP_RE = _lazy(r"[.!?](?=[ ]|\p{Lu}|$)")

# Matches: ". Mari" / "” Dapatkan" (a gap before a capitalised word: where a sentence may start)
# Must not match: "kata dia"
SENTENCE_GAP_RE = _lazy(r"(?<=[.!?\"”])[ ]{1,3}+(?=\p{Lu})")

# Matches: "Iklan Dapatkan" (any gap before a capitalised word)
# Must not match: "iklan dapatkan"
CAPITAL_GAP_RE = _lazy(r"(?<=\S)[ ]{1,3}+(?=\p{Lu})")

# Matches: "sumatera, selatan" (punctuation: not a tag line)
# Must not match: "sumatera selatan"
TAG_PUNCT_RE = _lazy(r"[.,;:!?\"“”()]")

# Matches: "Solo , menjelaskan" (a space before punctuation)
# Must not match: "Solo, menjelaskan"
SPACE_BEFORE_PUNCT_RE = _lazy(r"(?<!\s)\s++([,.;:!?)])")

# Matches: "Azhar" / "Siti Aminah" (a short name on a line of its own)
# Must not match: "Presiden RI Joko Widodo" / "azhar"
SHORT_NAME_RE = _lazy(r"^\p{Lu}\p{Ll}{1,20}+(?:[ ]\p{Lu}\p{Ll}{1,20}+){0,2}$")


def phrase_re(phrases: tuple[str, ...] | list[str], *, whole_line: bool = False, anchored: bool = True) -> re.Pattern:
    """One case-insensitive pattern for a list of phrases; spaces match any run of spaces.

    With ``whole_line`` the phrase must be the whole line (a trailing ``:`` or ``.`` allowed),
    otherwise it must start the line. Without ``anchored`` there is no ``^``, so
    ``pattern.match(text, pos)`` tests a phrase at ``pos`` without slicing the text.

    Compiled with the standard ``re``, which compiles a long list of literal phrases about
    three times as fast as ``regex`` (about 8 ms of each start-up); with only literals and
    bounded repeats, backtracking cannot run away.

    >>> bool(phrase_re(["berita terkait"], whole_line=True).match("BERITA  TERKAIT"))
    True
    >>> bool(phrase_re(["ikuti kami"]).match("Ikuti kami di Instagram"))
    True
    """
    parts = sorted({phrase_source(p) for p in phrases if p.strip()}, key=len, reverse=True)
    body = "|".join(parts) or r"(?!)"
    tail = r"[ ]{0,3}[:.]?[ ]{0,3}$" if whole_line else r"\b"
    return re.compile(rf"(?i){'^' if anchored else ''}(?:{body}){tail}")


def phrase_source(phrase: str) -> str:
    """A phrase as a pattern for :mod:`re`: literal, each space any run of up to three.

    >>> phrase_source(" baca juga ")
    'baca[ ]{1,3}juga'
    """
    return re.escape(phrase.strip()).replace(r"\ ", "[ ]{1,3}")


# --- Compiled on first use ------------------------------------------------------------------
# Compiling every pattern at import cost about 50 ms of each start-up, and one short
# article needs only some of them. Each name above holds its source until first looked
# up; module ``__getattr__`` then compiles it once and puts the compiled pattern in its
# place, so later lookups are plain global reads.

_SOURCES: dict[str, str] = {name: str(value) for name, value in globals().items() if type(value) is _Source}
for _name in _SOURCES:
    del globals()[_name]
del _name


def __getattr__(name: str) -> regex.Pattern:
    try:
        source = _SOURCES[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    compiled = globals()[name] = regex.compile(source)
    return compiled


def all_patterns() -> dict[str, regex.Pattern]:
    """Every pattern of this module by name, compiled (for tests and benchmarks)."""
    module = sys.modules[__name__]
    return {name: getattr(module, name) for name in _SOURCES}
