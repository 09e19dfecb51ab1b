"""Junk rules, one table per kind of junk: what must go and what must stay.

Every text here is written for these tests (short Indonesian news-like lines); the real
scraped samples are measured by ``scripts/eval_junk.py``, never copied. Cases run through
``textfix.clean`` with casing repair off, so they test the junk stage alone; each case
lists strings that must be absent (junk) and present (body) in the output.
"""

from __future__ import annotations

import pytest

import textfix
from textfix import rules
from textfix.config import CORPUS, Config

JUNK_ONLY = Config(recase=False)

BODY1 = "Pemerintah kota menambah armada bus untuk melayani warga pada akhir pekan."
BODY2 = "Kepala dinas perhubungan mengatakan jadwal baru berlaku mulai bulan depan."
BODY3 = "Warga berharap waktu tunggu di halte bisa lebih singkat dari sebelumnya."


#: Town names for runs of promos (a dozen: more than a pass of the pipeline used to cut).
TOWNS = ("Bekasi", "Bogor", "Depok", "Tangerang", "Serang", "Cilegon", "Karawang", "Purwakarta", "Subang",
         "Cianjur", "Sukabumi", "Garut")


def case(label, text, absent=(), present=(BODY1, BODY2), config=JUNK_ONLY):
    return pytest.param(text, absent, present, config, id=label)


def check(text, absent, present, config):
    out = textfix.clean(text, config)
    flat = " ".join(out.split())
    for junk in absent:
        assert " ".join(junk.split()).casefold() not in flat.casefold(), f"junk left: {junk!r}\n{out}"
    for body in present:
        assert " ".join(body.split()) in flat, f"body lost: {body!r}\n{out}"
    assert textfix.clean(out, config) == out, "cleaning twice differs from cleaning once"
    return out


READ_ALSO = [
    case("trap: a glued label before a title-cased sentence takes only itself",
         f"Baca Juga:Harga Cabai Melonjak Harga Beras Naik Sejak Awal Pekan.\n{BODY1}\n",
         ["Baca Juga"], ["Harga Beras Naik Sejak Awal Pekan.", BODY1]),
    case("1a own line", f"{BODY1}\nBaca juga: Harga Cabai Naik Jelang Lebaran di Pasar Induk\n{BODY2}\n",
         ["Harga Cabai Naik"]),
    case("1a no space after colon", f"{BODY1}\nBaca juga:Warga Keluhkan Jalan Rusak di Desa Sukamaju\n{BODY2}\n",
         ["Warga Keluhkan"]),
    case("1a all caps, no space", f"{BODY1}\nBACA JUGA:Petani Sambut Musim Tanam\n{BODY2}\n", ["Petani Sambut"]),
    case("bare label with a marker glued to it", f"{BODY1}\n\nBaca juga***\n\n{BODY2}\n", ["Baca juga", "***"]),
    case("1a space before colon", f"{BODY1}\nBaca Juga : Lima Tips Hemat Listrik di Rumah\n{BODY2}\n", ["Lima Tips"]),
    case("1a one-letter typo", f"{BODY1}\nBACA JUA: Banjir Rendam Dua Kecamatan\n{BODY2}\n", ["Banjir Rendam"]),
    case("1a headline with colon and question",
         f"{BODY1}\nBaca juga: Wali Kota: Siapa yang Menanggung Biaya Perbaikan?\n{BODY2}\n", ["Menanggung Biaya"]),
    case("1a three in a row", f"{BODY1}\nBaca juga: Satu Judul Berita Pertama\nBaca juga: Dua Judul Berita Kedua\n"
         f"Baca juga: Tiga Judul Berita Ketiga\n{BODY2}\n", ["Judul Berita"]),
    case("1b label then headline line", f"{BODY1}\nBaca juga:\nPolisi Amankan Dua Pencuri Motor di Pasar\n{BODY2}\n",
         ["Polisi Amankan", "Baca juga"]),
    case("1b label then two headlines", f"{BODY1}\nBaca juga:\nSatu Judul Terkait Banjir\nDua Judul Terkait Macet\n{BODY2}\n",
         ["Satu Judul", "Dua Judul"]),
    case("1b label then headlines as a list", f"{BODY1}\nBaca Juga:\n * Satu Judul Terkait Banjir\n - Dua Judul Terkait Macet\n{BODY2}\n",
         ["Satu Judul", "Dua Judul", "Baca Juga"], [BODY1, BODY2]),
    case("1c bare label, next line is prose", f"{BODY1}\nBaca Juga\n\"Kami akan terus memantau kondisi di lapangan,\" katanya.\n{BODY2}\n",
         ["Baca Juga"], [BODY1, "\"Kami akan terus memantau kondisi di lapangan,\" katanya.", BODY2]),
    case("1d inline, subject back to the body",
         f"{BODY1} Baca juga:Pemkot Siapkan Bus Listrik untuk Rute Baru Pengumuman tersebut disampaikan kemarin. {BODY2}",
         ["Pemkot Siapkan", "Rute Baru Pengumuman tersebut"],
         [BODY1, "Pengumuman tersebut disampaikan kemarin.", BODY2]),
    case("1d inline, the headline's name opening the body after a common word",
         f"{BODY1} Baca juga:Lagu Lama Ditulis Khusus untuk Rina Wati Rina Dewi Wati lahir di Medan pada 1990. {BODY2}",
         ["Lagu Lama", "Khusus untuk"], [BODY1, "Rina Dewi Wati lahir di Medan pada 1990.", BODY2]),
    case("trap: a title before the body's name stays with the body",
         f"{BODY1} Baca juga:Tol Baru Dibuka Khusus untuk Budi Presiden Budi Santoso meresmikan tol itu. {BODY2}",
         [], [BODY1, "Presiden Budi Santoso meresmikan tol itu.", BODY2]),
    case("1d inline, repeated n-gram", f"{BODY1} Baca juga:Film Senja Merah Tayang Pekan Depan Senja Merah "
         "mengisahkan keluarga nelayan di pesisir.",
         ["Tayang Pekan Depan"], [BODY1, "Senja Merah mengisahkan keluarga nelayan di pesisir."]),
    case("1d inline, ellipsis", f"{BODY1} Baca juga:Menteri Sebut Harga Beras Turun Bulan Ini... "
         "Menteri juga meminta warga tidak panik.",
         ["Harga Beras Turun"], [BODY1, "Menteri juga meminta warga tidak panik."]),
    case("1d inline at the very end", f"{BODY1} {BODY2} Baca juga:Bongkar Kasus, Polisi: Kami Terus Selidiki...",
         ["Bongkar Kasus"]),
    case("1d glued headlines", f"{BODY1} Baca juga:Harga Emas Naik Lagi Hari IniWarga Serbu Toko Emas di Pusat Kota "
         "Pedagang mengaku omzetnya naik dua kali lipat.",
         ["Harga Emas Naik", "Warga Serbu"], [BODY1, "Pedagang mengaku omzetnya naik dua kali lipat."]),
    case("1d a run of promos, each label glued to the headline before it",
         f"{BODY1} " + "".join(f"Baca juga:Banjir Rendam Jalan Utama {town}" for town in TOWNS) + f" {BODY2}",
         ["Baca juga", "Banjir Rendam"]),
    case("1d a run of promos, labels after a space",
         f"{BODY1} " + " ".join(f"Baca juga: Banjir Rendam Jalan Utama {town}" for town in TOWNS) + f" {BODY2}",
         ["Baca juga", "Banjir Rendam"]),
    case("1a own line, headline in sentence case", f"{BODY1}\nBaca juga: Dinkes siapkan vaksin untuk anak sekolah\n{BODY2}\n",
         ["Dinkes siapkan", "Baca juga"], [BODY1, BODY2]),
    case("1a own line, click-to-read label", f"{BODY1}\nKlik untuk baca: Polisi Periksa Lima Saksi Kasus Jalan Rusak\n{BODY2}\n",
         ["Klik untuk baca", "Lima Saksi"], [BODY1, BODY2]),
    case("1a own line, next-article label", f"{BODY1}\n{BODY2}\nNext Article: Polisi Periksa Lima Saksi Kasus Jalan Rusak\n",
         ["Next Article", "Lima Saksi"], [BODY1, BODY2]),
    case("1a own line, editor's pick", f"{BODY1}\n{BODY2}\nPilihan Editor: Polisi Periksa Lima Saksi Kasus Jalan Rusak\n",
         ["Pilihan Editor", "Lima Saksi"], [BODY1, BODY2]),
    case("1c label glued to prose that ends a sentence: only the label goes",
         f"{BODY1}\nBaca juga: warga diminta tetap tenang dan tidak panik membeli beras.\n{BODY2}\n",
         ["Baca juga"], [BODY1, "warga diminta tetap tenang dan tidak panik membeli beras.", BODY2]),
    case("1c label glued to the sentence before it: the glue is repaired, then the label goes in the same run",
         f"{BODY1}\nBus listrik mulai beroperasi.Simak juga: BACA\n{BODY2}\n",
         ["Simak juga", "BACA"], [BODY1, "Bus listrik mulai beroperasi.", BODY2]),
    case("1b 'Baca berikutnya' then a headline at the end", f"{BODY1}\n{BODY2}\nBaca berikutnya\nGempa Terkini di Jawa Barat\n",
         ["Baca berikutnya", "Gempa Terkini"], [BODY1, BODY2]),
    case("1a short label 'Baca:'", f"{BODY1}\nBaca: Warga Kota Mengungsi ke Balai Desa\n{BODY2}\n",
         ["Warga Kota Mengungsi"], [BODY1, BODY2]),
    case("1a label then an ellipsis", f"{BODY1}\nBACA ARTIKEL LAINNYA... Dinas Pastikan Sekolah Tanpa Pungutan\n{BODY2}\n",
         ["BACA ARTIKEL", "Tanpa Pungutan"], [BODY1, BODY2]),
    case("trap: a sentence that starts with Baca", f"Baca buku setiap hari, pesan guru itu kepada murid-muridnya.\n{BODY2}\n",
         [], ["Baca buku setiap hari, pesan guru itu kepada murid-muridnya.", BODY2]),
    case("label and headline in brackets on their own line", f"{BODY1}\n(Baca juga: Stok Beras Aman Jelang Lebaran)\n{BODY2}\n",
         ["Stok Beras", "Baca juga"], [BODY1, BODY2]),
    case("label and headline in brackets inside a paragraph", f"{BODY1} (Baca juga: Stok Beras Aman Jelang Lebaran) {BODY2}",
         ["Stok Beras", "Baca juga"], [f"{BODY1} {BODY2}"]),
    case("trap: baca as an ordinary word", "Program ini menarik minat baca masyarakat desa.\n" + BODY2,
         [], ["Program ini menarik minat baca masyarakat desa.", BODY2]),
    case("trap: baca juga inside a sentence", "Ia membaca koran pagi, lalu baca juga majalah sore di teras rumahnya.",
         [], ["Ia membaca koran pagi, lalu baca juga majalah sore di teras rumahnya."]),
]

PROMO = [
    case("trap: a story paragraph between a video label and its placeholder stays",
         f"{BODY3}\nSimak Video 'Antrean Bus di Terminal'\nHalte baru dibuka pagi ini.\n[Gambas:Video 20detik]\n{BODY2}\n",
         ["Gambas"], [BODY3, "Halte baru dibuka pagi ini.", BODY2]),
    case("a story sentence after the placeholder stays",
         f"{BODY1}\nSimak Video 'Antrean Bus di Terminal':\n[Gambas:Video 20detik] {BODY2}\n",
         ["Antrean Bus di Terminal", "Gambas"]),
    case("video promo through placeholder", f"{BODY1}\nSimak Video 'Antrean Bus di Terminal':\n[Gambas:Video 20detik]\n{BODY2}\n",
         ["Antrean Bus di Terminal", "Gambas"]),
    case("video title split over lines", f"{BODY1}\nTonton juga Video:\nPersib\nVs Persija:\nSkor\nakhir 2-0\n[Gambas:Video 20detik]\n",
         ["Persib", "Gambas"], [BODY1]),
    case("video promo inline", f"{BODY1} Simak juga Video 'Bus Listrik Mulai Beroperasi': [Gambas:Video 20detik] ",
         ["Bus Listrik Mulai", "Gambas"], [BODY1]),
    case("a show's promo line goes with the placeholder under it",
         f"{BODY1}\nSaksikan juga Blak-blakan, Kepala Dinas: Halte Baru Siap Dipakai!\n[Gambas:Video 20detik]\n{BODY2}\n",
         ["Blak-blakan", "Gambas"], [BODY1, BODY2]),
    case("trap: 'saksikan juga' opening a story sentence stays",
         f"{BODY1}\nSaksikan juga pertunjukan musik di halte baru itu, kata kepala dinas kepada wartawan.\n{BODY2}\n",
         [], [BODY1, "Saksikan juga pertunjukan musik di halte baru itu, kata kepala dinas kepada wartawan.", BODY2]),
    case("placeholder alone inline", f"{BODY1} {BODY2} [Gambas:Video CNN] ", ["Gambas"]),
    case("glued related title", f"{BODY1}\nDinas Perhubungan Raih Penghargaan Layanan Publik 2024Penghargaan tersebut "
         "diterima langsung oleh kepala dinas.\n",
         ["Raih Penghargaan"], [BODY1, "Penghargaan tersebut diterima langsung oleh kepala dinas."]),
    case("trap: video as the topic", f"Video itu viral di media sosial sejak Senin pagi.\n{BODY2}\n",
         [], ["Video itu viral di media sosial sejak Senin pagi.", BODY2]),
]

PHOTO = [
    case("a dated caption with a source credit goes",
         f"{BODY1}\nWali kota meninjau depo bus, Selasa (5/9/2023). (Sumber: Kabar TV)\n{BODY2}\n",
         ["Wali kota meninjau", "Kabar TV"]),
    case("trap: a source note closing an undated sentence cites its facts",
         f"{BODY1}\nJumlah penumpang bus naik 20 persen tahun ini (Sumber: BPS).\n{BODY2}\n",
         [], [BODY1, "Jumlah penumpang bus naik 20 persen tahun ini (Sumber: BPS).", BODY2]),
    case("caption glued to the next sentence (the glue is repaired after the rules)",
         f"{BODY1} ANTARA FOTO/Budi Santoso/abc.Pekerja mengangkut beras di gudang Bulog, Senin (5/2/2024). "
         f"Menteri mengaku ditegur karena membongkar mafia beras.Menteri juga menegaskan dukungan pemerintah.\n{BODY2}\n",
         ["Pekerja mengangkut", "ditegur karena"], [BODY1, "Menteri juga menegaskan dukungan pemerintah.", BODY2]),
    case("caption line with (Foto: ...)", f"Wali Kota Meninjau Halte Baru (Foto: Humas Pemkot)\n{BODY1}\n{BODY2}\n",
         ["Meninjau Halte Baru", "Humas Pemkot"]),
    case("caption with Foto: name/outlet", f"{BODY1}\nBus listrik terparkir di depo. Foto: Budi Santoso/Contohkota\n{BODY2}\n",
         ["Bus listrik terparkir", "Budi Santoso"]),
    case("agency credit glued to its caption", f"{BODY1} ANTARA FOTO/Rina Wati/abc.Petugas memeriksa bus di terminal, "
         f"Senin (3/2/2025). {BODY2}", ["Rina Wati", "Petugas memeriksa bus"]),
    case("Dok. credit glued to its caption", f"{BODY1}\nDok. Dinas PerhubunganArmada Bus Baru Tiba di Depo Kota\n{BODY2}\n",
         ["Dok.", "Armada Bus Baru"]),
    case("credit after an inline caption", f"{BODY1} Presiden dan Wali Kota di halte (Getty Images) {BODY2}",
         ["Getty Images", "Presiden dan Wali Kota di halte"]),
    case("bracketed outlet credit", f"{BODY1}\nHalte terendam banjir, Senin (3/2). [contoh.com/Andi Saputra]\n{BODY2}\n",
         ["Halte terendam", "Andi Saputra"]),
    case("credit line above its caption", f"{BODY1}\nContoh Jatim Network/Andi Saputra\nWarga menunggu bus di halte, Senin (3/2/2025).\n{BODY2}\n",
         ["Andi Saputra", "Warga menunggu bus"]),
    case("outlet credit line above an undated illustration caption",
         f"{BODY1}\nContoh Times/Andi Saputra\nIlustrasi penumpang menunggu bus di terminal\n{BODY2}\n",
         ["Andi Saputra", "Ilustrasi penumpang"], [BODY1, BODY2]),
    case("trap: a line under a credit that is not its caption stays",
         f"Contoh Times/Andi Saputra\n{BODY1}\n{BODY2}\n", ["Andi Saputra"], [BODY1, BODY2]),
    case("photo label line, domain credit on the next line", f"{BODY1}\nPhoto :\nContoh.co.id/Andi Saputra\n{BODY2}\n",
         ["Photo", "Andi Saputra"], [BODY1, BODY2]),
    case("keep captions: only the credit goes", f"Wali kota meninjau halte baru. (Foto: Humas Pemkot)\n{BODY1}\n",
         ["Humas Pemkot"], ["Wali kota meninjau halte baru.", BODY1], JUNK_ONLY.replace(drop_photo_caption=False)),
    case("trap: a credit opening a paragraph of story sentences takes only itself",
         f"(Foto: Antara/Andi Saputra) {BODY1} {BODY2}\n", ["Foto", "Andi Saputra"], [f"{BODY1} {BODY2}"]),
    case("trap: story sentences before a credit that ends their paragraph stay",
         f"{BODY1} {BODY2} (Foto: Antara/Andi Saputra)\n", ["Andi Saputra"], [f"{BODY1} {BODY2}"]),
    case("a dated caption between a story sentence and its credit goes with it",
         f"{BODY1} Warga menunggu bus di halte, Senin (3/2). (Foto: Antara/Andi Saputra)\n{BODY2}\n",
         ["Warga menunggu", "Andi Saputra"]),
    case("'Ilustrasi.' before a credit goes with it",
         f"{BODY1} Ilustrasi. (ANTARA FOTO/ANDI SAPUTRA).\n{BODY2}\n", ["Ilustrasi", "ANDI SAPUTRA"]),
    case("trap: a dated story sentence after a credit is no caption",
         f"{BODY1} (Foto: Antara/Andi Saputra) Menteri mengatakan pada Selasa (24/1) bahwa halte baru dibuka. {BODY2}\n",
         ["Andi Saputra"], [BODY1, "Menteri mengatakan pada Selasa (24/1) bahwa halte baru dibuka.", BODY2]),
    case("a caption ending in its date after a credit goes with it",
         f"{BODY1} (Foto: Antara/Andi Saputra) Warga menunggu bus di halte, Senin (3/2/2025). {BODY2}\n",
         ["Andi Saputra", "Warga menunggu"], [f"{BODY1} {BODY2}"]),
    case("a Foto: label credit mid-paragraph takes its full stop",
         f"{BODY1} Foto: Antara/Andi Saputra. {BODY2}\n", ["Andi Saputra", ". ."], [f"{BODY1} {BODY2}"]),
    case("a credit opening one caption sentence takes it along",
         f"(Foto: Antara/Andi Saputra) Warga menunggu bus di halte, Senin (3/2/2025).\n{BODY1}\n{BODY2}\n",
         ["Andi Saputra", "Warga menunggu bus"]),
    case("a caption line with an English credit goes", f"{BODY1}\nIlustrasi bus listrik (Image by contohfoto)\n{BODY2}\n"
         f"Warga antre di halte baru (credit:contohfoto)\n{BODY3}\n", ["Ilustrasi bus", "Warga antre", "contohfoto"],
         [BODY1, BODY2, BODY3]),
    case("a capitals domain credit line with its caption goes",
         f"{BODY1}\nCONTOH.COM/ANDI SAPUTRA Kepala Dinas Perhubungan Kota Contoh\n{BODY2}\n", ["ANDI SAPUTRA", "Kota Contoh"],
         [BODY1, BODY2]),
    case("a credit wrapped onto the next line goes whole, with its caption",
         f"{BODY1}\nWarga menunggu bus di halte, Senin (3/2/2025). (Foto: Antara/Andi\nSaputra)\n{BODY2}\n",
         ["Warga menunggu", "Foto", "Saputra"], [BODY1, BODY2]),
    case("a wrapped credit after story sentences goes, its bracket too",
         f"{BODY1} {BODY2} (Foto: Antara/Andi\nSaputra)\n{BODY3}\n", ["Foto", "Saputra", "("],
         [f"{BODY1} {BODY2}", BODY3]),
    case("trap: foto as an ordinary word", f"Ia menunjukkan foto-foto bersama warga di halte.\n{BODY1}\n",
         [], ["Ia menunjukkan foto-foto bersama warga di halte.", BODY1]),
    case("trap: pengambilan foto", "Kamera ini unggul dalam pengambilan foto dalam kondisi minim cahaya.",
         [], ["Kamera ini unggul dalam pengambilan foto dalam kondisi minim cahaya."]),
]

ADS = [
    case("a sentence's full stop on a line of its own goes back to the sentence",
         f"Desainnya kini lebih modern dan\nstylish\n.\n{BODY2}\n", [], ["Desainnya kini lebih modern dan stylish.", BODY2]),
    case("scroll line", f"{BODY1}\nSCROLL TO CONTINUE WITH CONTENT\n{BODY2}\n", ["SCROLL TO CONTINUE"]),
    case("scroll line in Indonesian", f"{BODY1}\nGulir ke bawah untuk melanjutkan\n{BODY2}\n", ["Gulir"], [BODY1, BODY2]),
    case("scroll-to-read line", f"{BODY1}\nScroll untuk membaca\n{BODY2}\n", ["Scroll"], [BODY1, BODY2]),
    case("separator line", f"{BODY1}\n============\n{BODY2}\n", ["====="], [BODY1, BODY2]),
    case("reading-time line", f"{BODY1}\nWaktu membaca: 8 menit\n{BODY2}\n", ["Waktu membaca"], [BODY1, BODY2]),
    case("most-read widget lines", f"{BODY1}\nPaling banyak dibaca\n{BODY2}\nAkhir dari Paling banyak dibaca\n{BODY3}\n",
         ["Paling banyak dibaca"], [BODY1, BODY2, BODY3]),
    case("photo gallery button", f"{BODY1}\nLihat Foto\n{BODY2}\n", ["Lihat Foto"], [BODY1, BODY2]),
    case("audio and share buttons", f"{BODY1}\nDengarkan artikel ini\n{BODY2}\nBagikan artikel ini\n",
         ["Dengarkan", "Bagikan"], [BODY1, BODY2]),
    case("ad pair inline", f"{BODY1} ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT {BODY2}", ["ADVERTISEMENT", "SCROLL"]),
    case("ad pair with a lone-space line", f"{BODY1}\nADVERTISEMENT\n \nSCROLL TO CONTINUE WITH CONTENT\n {BODY2}\n",
         ["ADVERTISEMENT", "SCROLL"]),
    case("resume variant", f"{BODY1}\nADVERTISEMENT\nSCROLL TO RESUME CONTENT\n{BODY2}\n", ["SCROLL TO RESUME"]),
    case("Advertisement line", f"{BODY1}\nAdvertisement\n{BODY2}\n", ["Advertisement"]),
    case("widget residue", f"{BODY1}\n{BODY2}\nIkuti kami di\nAA\n", ["Ikuti kami di"]),
]

SOCIAL = [
    case("an app download promo", f"{BODY1}\n{BODY2}\nDownload Apps Contoh News sekarang https://app.contoh.com/\n", ["Download Apps"], [BODY1, BODY2]),
    case("trap: short story sentences under a follow-us promo stay",
         "Simak berita lainnya di Google News\n\nHarga beras naik sejak awal pekan.\n\nWarga antre sejak pagi tadi.\n",
         ["Google News"], ["Harga beras naik sejak awal pekan.", "Warga antre sejak pagi tadi."], JUNK_ONLY.replace(drop_header_chrome=False)),
    case("a bracketed follow promo mid-article", f"{BODY1}\n(Ayo ikuti saluran WhatsApp Contoh.com biar tidak ketinggalan berita. Klik di sini!)\n{BODY2}\n",
         ["Ayo ikuti"], [BODY1, BODY2]),
    case("a channel promo mid-article", f"{BODY1}\nIkuti Whatsapp Channel Contoh News\n{BODY2}\n", ["Whatsapp Channel"], [BODY1, BODY2]),
    case("trap: a bracketed sentence about following rules stays",
         f"{BODY1}\n(Ayo ikuti aturan lalu lintas di jalan, kata polisi kepada warga.)\n{BODY2}\n",
         [], [BODY1, "(Ayo ikuti aturan lalu lintas di jalan, kata polisi kepada warga.)", BODY2]),
    case("follow promo line", f"{BODY1}\n{BODY2}\nIkuti saluran WhatsApp Contoh News untuk berita terbaru lainnya.\n",
         ["Ikuti saluran"]),
    case("more-news lines", f"{BODY1}\n{BODY2}\nBaca berita Contohkota.com lainnya di Google News.\n", ["lainnya di Google"]),
    case("promo block over several lines at the end", f"{BODY1}\n{BODY2}\nSimak\nbreaking news\ndan\nberita pilihan\n"
         "kami langsung di ponselmu. Pilih saluran andalanmu WhatsApp Channel :\nhttps://example.com/channel/abc\n"
         ". Pastikan kamu sudah install aplikasi WhatsApp ya.\n", ["breaking news", "Pastikan kamu"]),
    case("promo running to the end of flattened text", f"{BODY1} {BODY2} Dapatkan update berita pilihan setiap hari. "
         "Mari bergabung di Kanal WhatsApp Contoh. Caranya klik link https://example.com/x.", ["Dapatkan update", "Kanal WhatsApp"]),
    case("don't-forget-to-follow line", f"{BODY1}\n{BODY2}\nJangan lupa ikuti update berita lainnya dan follow akun Google News Contoh\n",
         ["Jangan lupa"], [BODY1, BODY2]),
    case("trap: a short article's sentence opening with a one-word promo phrase",
         f"{BODY1}\nBerlangganan listrik prabayar kini makin mudah bagi warga kota.\n", [],
         [BODY1, "Berlangganan listrik prabayar kini makin mudah bagi warga kota."]),
    case("trap: follow-up is not follow",
         f"{BODY1}\nFollow-up dari rapat itu akan dibahas pekan depan oleh panitia.\n{BODY2}\n", [],
         [BODY1, BODY2, "Follow-up dari rapat itu akan dibahas pekan depan oleh panitia."]),
    case("trap: don't forget to follow the traffic rules",
         f"{BODY1}\nJangan lupa ikuti aturan lalu lintas selama perjalanan mudik.\n", [],
         [BODY1, "Jangan lupa ikuti aturan lalu lintas selama perjalanan mudik."]),
    case("trap: a short article ending on a sentence that opens with a promo phrase",
         f"{BODY1}\n{BODY2}\nGabung di grup relawan itu tidak dipungut biaya sepeser pun.\n", [],
         [BODY1, BODY2, "Gabung di grup relawan itu tidak dipungut biaya sepeser pun."]),
    case("follow-more-news line naming the site only", f"{BODY1}\n{BODY2}\nIkuti perkembangan berita lainnya di Contoh\n",
         ["Ikuti perkembangan"], [BODY1, BODY2]),
    case("fact-check footer after a bullet", f"{BODY1}\n{BODY2}\n* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi "
         "yang beredar, silakan WhatsApp ke nomor Cek Fakta Contoh 0811-0000-000.\n", ["Fakta atau Hoaks"], [BODY1, BODY2]),
    case("trap: a fact-check article that asks the question itself", f"Fakta atau hoaks? Video banjir di halte itu ternyata "
         f"direkam tahun lalu.\n{BODY1}\n", [], ["Fakta atau hoaks? Video banjir di halte itu ternyata direkam tahun lalu.", BODY1]),
    case("live-stream promo line", f"{BODY1}\nSaksikan live streaming program-program Contoh TV di sini\n{BODY2}\n",
         ["Saksikan live"], [BODY1, BODY2]),
    case("trap: WhatsApp as the topic", f"Pemerintah mengimbau warga menghapus WhatsApp dari ponsel mereka.\n{BODY2}\n",
         [], ["Pemerintah mengimbau warga menghapus WhatsApp dari ponsel mereka.", BODY2]),
    case("promos glued in a row at the end of flattened text", f"{BODY1} {BODY2}" + " Ikuti saluran WhatsApp Contoh"
         " untuk berita terbaru." * 40, ["Ikuti saluran"]),
    case("trap: a short article after a promo at its top", f"Ikuti kami di Google News untuk berita terbaru setiap hari.\n"
         f"{BODY1}\n{BODY2}\n", ["Ikuti kami"]),
]

SYNDICATION = [
    case("a note after editor initials", f"{BODY1}\n{BODY2} (ant) Artikel ini telah tayang di Contoh.com dengan judul Harga Naik, https://contoh.com/a\n",
         ["telah tayang", "Harga Naik"], [BODY1, BODY2 + " (ant)"]),
    case("CNN's read-the-article note", f"{BODY1}\n{BODY2}\nBaca artikel CNN Indonesia \"Harga Naik Lagi\" selengkapnya di sini: https://contoh.com/a\n",
         ["selengkapnya di sini"], [BODY1, BODY2]),
    case("reuse notice, then the copyright above it goes too",
         f"{BODY1}\n{BODY2}\nEditor: Budi\nCOPYRIGHT © CONTOH 2024\n\nDilarang keras mengambil konten, melakukan crawling"
         " atau pengindeksan otomatis untuk AI di situs web ini tanpa izin tertulis dari Contoh.\n",
         ["Dilarang keras", "COPYRIGHT"], [BODY1, BODY2, "Editor: Budi"]),
    case("reuse notice for social media accounts", f"{BODY1}\n{BODY2}\nDilarang mengambil dan/atau menayangkan ulang sebagian"
         " atau keseluruhan artikel di atas untuk konten akun media sosial komersil tanpa seizin redaksi.\n",
         ["Dilarang mengambil"], [BODY1, BODY2]),
    case("note with headline on its line", f"{BODY1}\n{BODY2}\nArtikel ini telah tayang di Contoh.com dengan judul Bus Baru Siap Melayani Warga\n",
         ["Artikel ini telah tayang", "Bus Baru Siap"]),
    case("note with headline on the next line", f"{BODY1}\n{BODY2}\nArtikel ini telah tayang di Contoh.co.id dengan judul\n"
         "Bus Baru Siap Melayani Warga Kota\n", ["telah tayang", "Bus Baru Siap"]),
    case("note inline with quoted headline", f"{BODY1} {BODY2} Artikel ini telah tayang di Contoh.com dengan judul "
         "\"Bus Baru Siap Melayani\"", ["telah tayang", "Bus Baru Siap"]),
    case("AI disclosure", f"{BODY1}\n{BODY2}\nKonten ini disempurnakan menggunakan Kecerdasan Buatan (AI).\n",
         ["Kecerdasan Buatan"]),
]

PAGINATION = [
    case("page list", f"{BODY1}\n{BODY2}\nHalaman : 1 2 Selanjutnya\n", ["Halaman : 1 2"]),
    case("page list glued", f"{BODY1}\n{BODY2}\nHalaman: 12Lihat Semua\n", ["Lihat Semua"]),
    case("page x of y", f"{BODY1}\n{BODY2}\nHalaman 2 dari 2\n", ["Halaman 2 dari 2"]),
    case("next-page sentence, page 2 follows", f"{BODY1}\nSimak berita selengkapnya di halaman selanjutnya.\n{BODY2}\n",
         ["halaman selanjutnya"]),
    case("next-page inline", f"{BODY1} Baca lanjutan prediksi laga di halaman selanjutnya>>> {BODY2}", ["lanjutan prediksi"]),
    case("next-page link line between paragraphs, not glued to the next one",
         f"{BODY1}\nHalaman Selanjutnya\n{BODY2}\n", ["Halaman Selanjutnya"], [BODY1, BODY2]),
    case("trap: halaman as courtyard", "Warga salat di halaman Masjid Agung sejak pagi.",
         [], ["Warga salat di halaman Masjid Agung sejak pagi."]),
    case("trap: textbook page", "Jawaban soal kelas 8 halaman 205 ada di bawah ini.",
         [], ["Jawaban soal kelas 8 halaman 205 ada di bawah ini."]),
]

FOOTER = [
    case("tag list after initials", f"{BODY1}\n{BODY2}\n(abc/def)\nbus listrik\nhalte\ndinas perhubungan\n",
         ["bus listrik halte"], [BODY1, BODY2, "(abc/def)"]),
    case("related-list labels", f"{BODY1}\n{BODY2}\n\nBERITA TERKAIT\n\nREKOMENDASI\n\nTERKINI\n", ["BERITA TERKAIT", "REKOMENDASI"]),
    case("tags and category stubs", f"{BODY1}\n{BODY2}\n(xyz)\n\nTags :\nKategori :\n\nTerkait\n", ["Tags :", "Kategori :"],
         [BODY1, BODY2, "(xyz)"]),
    case("copyright", f"{BODY1}\n{BODY2}\n\n© 2025 Contoh.com Network, a subsidiary.\nAll Right Reserved\n", ["©", "All Right"]),
    case("trailing stars glued", f"{BODY1}\n{BODY2} *****\n", ["*****"]),
    case("stars line", f"{BODY1}\n***\n{BODY2}\n", ["***"]),
    case("footer label but page 2 follows", f"{BODY1}\nTERKINI\n{BODY3} {BODY3} {BODY3}\n", ["TERKINI"], [BODY1, BODY3]),
    case("trap: tag words in the body", f"Dinas perhubungan menambah bus listrik di halte utama.\n{BODY2}\n(abc)\nbus listrik\nhalte\n",
         ["bus listrik halte"], ["Dinas perhubungan menambah bus listrik di halte utama.", BODY2]),
    case("trap: asterisks inside a sentence", "Ia menulis kata b***t di media sosial lalu dilaporkan.",
         [], ["Ia menulis kata b***t di media sosial lalu dilaporkan."]),
    case("trap: a category label on top of a short article", f"Kategori: Berita\n{BODY1}\n{BODY2}\n", ["Kategori"]),
    case("trap: a tag line between short paragraphs (kept: body follows)", f"{BODY1}\nTags: bus, halte, warga\n{BODY2}\n", []),
    case("trap: a last sentence about copyright is no footer",
         f"{BODY1}\n{BODY2}\nHak Cipta Karya Seni Tradisional Perlu Dilindungi Negara.\n", [],
         [BODY1, BODY2, "Hak Cipta Karya Seni Tradisional Perlu Dilindungi Negara."], JUNK_ONLY),
    case("trap: copyright line above the body", f"Hak Cipta Dilindungi Undang-Undang\n\n{BODY1}\n\n{BODY2}\n", []),
]

HEADER = [
    case("trap: COVID-19 opening a paragraph is no dateline, and the lead above it stays",
         f"{BODY1}\n\nCOVID-19 kembali merebak di kota itu sejak awal bulan.\n", [],
         [BODY1, "COVID-19 kembali merebak di kota itu sejak awal bulan."]),
    case("trap: a title-cased lead cut off by a line break is no title",
         "Presiden Meresmikan Jalan Tol Baru Di\nJawa Tengah Pada Senin Pagi.\nWarga Menyambut Gembira.\n", [],
         ["Presiden Meresmikan Jalan Tol Baru Di", "Jawa Tengah Pada Senin Pagi."]),
    case("trap: title-cased speech ending in a comma is no title",
         '"Kami Akan Terus Memantau Harga Di Pasar,"\nKata Kepala Dinas Perdagangan Kota Pada Senin Pagi.\nWarga Lega.\n', [],
         ['"Kami Akan Terus Memantau Harga Di Pasar,"']),
    case("trap: a top line that lost its link text is no title",
         "Aktor Itu Membintangi Sinetron Perdananya, Yakni\nCinta Fitri Yang Tayang Pada 2007.\nWarga Lega.\n", [],
         ["Aktor Itu Membintangi Sinetron Perdananya, Yakni"]),
    case("a title above the lead goes", f"Harga Cabai Naik Lagi\n{BODY1}\n{BODY2}\n", ["Harga Cabai Naik Lagi"]),
    case("trap: a lead sentence that a promo follows, above a byline, stays",
         "Harga beras naik sejak awal pekan. (Baca juga: Harga Cabai Melonjak)\n\nPenulis: Budi Santoso\n\n"
         f"{BODY1}\n", ["Baca juga"], ["Harga beras naik sejak awal pekan.", "Penulis: Budi Santoso", BODY1]),
    case("trap: a lead repeated under a sentence that ends in a promo is no title's summary",
         "Harga beras naik sejak awal pekan. (Baca juga: Harga Cabai Melonjak)\n\nHarga beras naik lagi di pasar induk.\n\n"
         "Penulis: Budi Santoso\n", ["Baca juga"],
         ["Harga beras naik sejak awal pekan.", "Harga beras naik lagi di pasar induk.", "Penulis: Budi Santoso"]),
    case("trap: a short one-sentence lead above a byline stays",
         "Harga beras naik sejak awal pekan.\n\nPenulis: Budi Santoso\n", [],
         ["Harga beras naik sejak awal pekan.", "Penulis: Budi Santoso"]),
    case("trap: a title-cased lead of two sentences ending in a promo is no title",
         "Harga Beras Naik Sejak Awal Pekan. Warga Antre Di Depan Kantor Kelurahan. (Baca Juga: Harga Cabai Melonjak)\n\n"
         f"{BODY1}\n",
         ["Baca Juga"], ["Harga Beras Naik Sejak Awal Pekan. Warga Antre Di Depan Kantor Kelurahan.", BODY1]),
    case("trap: a title-cased lead sentence ending in a promo is no title",
         f"Harga Beras Naik Sejak Awal Pekan. (Baca Juga: Harga Cabai Melonjak)\n\n{BODY1}\n",
         ["Baca Juga"], ["Harga Beras Naik Sejak Awal Pekan.", BODY1]),
    case("title, date, bylines before the dateline",
         "Bus Listrik Mulai Layani Warga Kota\n\nSabtu 24 Feb 2024 - 21:58 WIB\nReporter : Andi\nEditor : Budi\n\n"
         f"KOTA, CONTOH.CO - {BODY1}\n{BODY2}\n", ["Bus Listrik Mulai", "21:58"], [BODY1, BODY2, "Reporter : Andi"]),
    case("menu and caption before the dateline", f"Menu\n\nJudul Berita Soal Bus Listrik\n\nAndi 11 Jun 2022, 22:23\n"
         f"Bus listrik di depo. Sumber: Internet\n\nCONTOH.COM - {BODY1}\n{BODY2}\n",
         ["Judul Berita Soal", "22:23", "Sumber: Internet"], [BODY1, BODY2, "Andi"]),
    case("no dateline: title line then the lead", f"Pemkot Tambah Armada Bus Akhir Pekan\n{BODY1}\n{BODY2}\n", ["Pemkot Tambah Armada"]),
    case("trap: body starts at once", f"{BODY1}\n{BODY2}\n", []),
    case("old detik dateline on three lines, author above: both stay, also on a second run",
         f"Andi 11 Jun 2022, 22:23\n\nWina\n-\n{BODY1}\n{BODY2}\n", ["22:23"], [BODY1, BODY2, "Andi", "Wina -"]),
    case("trap: a numbered list before the first sentence is content", "Daftar Pemenang Lomba Desa Tahun Ini\n\n"
         f"1. Desa Sukamaju, Kabupaten Bandung\n2. Desa Mekarsari, Kabupaten Garut\n\n{BODY1}\n",
         ["Daftar Pemenang"], ["1. Desa Sukamaju, Kabupaten Bandung", "2. Desa Mekarsari, Kabupaten Garut", BODY1]),
    case("title, its summary, then a byline: the summary is chrome",
         "Berita Kota\n\nArmada Bus Kota Bertambah, Wali Kota Janji Tak Naikkan Tarif\n\n"
         "Armada bus kota bertambah, wali kota janji tarif tidak akan naik tahun ini.\n\n"
         f"Penulis: Andi | Editor: Budi\n{BODY1}\n{BODY2}\n",
         ["Berita Kota", "janji tarif tidak"], [BODY1, BODY2, "Penulis: Andi"]),
    case("trap: the lead above an editor line at the end of a short article",
         f"{BODY1}\n\nEditor: Budi\n\n{BODY2}\n", [], [BODY1, BODY2, "Editor: Budi"]),
    case("trap: the lead above a source line, under a title",
         f"Armada Bus Kota Bertambah\n\n{BODY1}\n\nSumber: Antara\n\n{BODY2}\n", [], [BODY1, BODY2]),
    case("trap: a subheading below a short first sentence is content",
         f"Armada bus kota bertambah lagi.\nKondisi Jalan Rusak Parah\n{BODY1}\n", [],
         ["Armada bus kota bertambah lagi.", "Kondisi Jalan Rusak Parah", BODY1]),
    case("title-cased question above the lead is chrome",
         f"Kenapa Armada Bus Kota Bertambah Lagi?\n{BODY1}\n{BODY2}\n", ["Kenapa Armada"], [BODY1, BODY2]),
    case("trap: split link text at the start is not chrome", "JAKARTA, CONTOH.com\n- Direktur lembaga itu,\nSiti Aminah\n"
         "mendesak agar kasus ini diusut tuntas oleh polisi.\n", [], ["Siti Aminah mendesak agar kasus ini diusut"]),
]

#: The body as a nested-container scraper prints it once more: glued, no space after the periods.
LEAD = "Pemerintah kota menambah armada bus baru untuk melayani rute pinggiran mulai pekan depan."
GLUED = "".join((LEAD, BODY1, BODY2, BODY3))

DUPLICATES = [
    case("body glued once, then its paragraphs", f"{GLUED}\n{LEAD}\n{BODY1}\n{BODY2}\n{BODY3}\n",
         [GLUED[len(LEAD) - 8 : len(LEAD) + 8]], [LEAD, BODY1, BODY2, BODY3]),
    case("paragraphs, then the body glued", f"{LEAD}\n{BODY1}\n{BODY2}\n{BODY3}\n{GLUED}\n",
         [GLUED[len(LEAD) - 8 : len(LEAD) + 8]], [LEAD, BODY1, BODY2, BODY3]),
    case("trap: a summary is not a glued copy", f"{GLUED.replace('bus baru', 'bus listrik')}\n{LEAD}\n{BODY1}\n{BODY2}\n{BODY3}\n",
         [], [LEAD.replace("bus baru", "bus listrik"), LEAD, BODY3]),
    case("repeated caption-like line", f"Presiden di Halte Baru Kota\nPresiden di Halte Baru Kota\n{BODY1}\n{BODY2}\n", [],
         [BODY1, BODY2]),
    case("teaser that starts a later sentence", f"Warga berharap waktu tunggu di halte bisa lebih\n{BODY1}\n{BODY3}\n", [],
         [BODY1, BODY3]),
]

META = [
    case("dateline kept by default", f"JAKARTA, KOMPAS.com - {BODY1}\n{BODY2}\n", [], ["JAKARTA, KOMPAS.com - " + BODY1]),
    case("dateline stripped", f"JAKARTA, KOMPAS.com -{BODY1}\n{BODY2}\n", ["KOMPAS.com"], config=CORPUS.replace(recase=False)),
    case("glued city dateline stripped", f"Contoh6.com, Jakarta{BODY1}\n", ["Contoh6.com", "Jakarta"], [BODY1],
         CORPUS.replace(recase=False)),
    case("city and dash on their own lines", f"Wina\n-\n{BODY1}\n{BODY2}\n", ["Wina"], config=CORPUS.replace(recase=False)),
    case("bylines stripped", f"Laporan Wartawan Contoh.com, Andi\nKOTA, CONTOH.COM - {BODY1}\n{BODY2}\nEditor: Budi\n",
         ["Laporan Wartawan", "Editor: Budi"], config=CORPUS.replace(recase=False)),
    case("csv byline stripped", f"{BODY1},Reporter: Andi,Sumber: Contoh.com ", ["Reporter"], [BODY1],
         CORPUS.replace(recase=False)),
    case("trap: byline with the lead on its line: kept whole", f"Penulis: Andi Wijaya | Editor: Budi {BODY1}\n{BODY2}\n",
         [], [f"Penulis: Andi Wijaya | Editor: Budi {BODY1}", BODY2], CORPUS.replace(recase=False)),
    case("trap: byline with the lead, names running into it: kept whole",
         f"Sumber: Kompas TV Presiden Joko Widodo meminta harga beras diturunkan.\n{BODY2}\n", [],
         ["Sumber: Kompas TV Presiden Joko Widodo meminta harga beras diturunkan."], CORPUS.replace(recase=False)),
    case("trap: byline with a Title-Cased lead: kept whole", f"Penulis: Andi Wijaya Harga Beras Naik Sejak Awal Pekan.\n{BODY2}\n",
         [], ["Penulis: Andi Wijaya Harga Beras Naik Sejak Awal Pekan."], CORPUS.replace(recase=False)),
    case("trap: an acronym's dash is no dateline's", f"{BODY1}\nVVT-i diperkenalkan pada 1996.\nEMB - 314 Super Tucano terbang.\n",
         [], [BODY1, "VVT-i diperkenalkan pada 1996.", "EMB - 314 Super Tucano terbang."], CORPUS.replace(recase=False)),
    case("a byline written 'Penulis, Name' is kept by default", f"Penulis, Andi Wijaya\nMelaporkan dari, Kota Contoh\n{BODY1}\n{BODY2}\n",
         [], ["Penulis, Andi Wijaya", "Melaporkan dari, Kota Contoh", BODY1, BODY2]),
    case("... and stripped with the metadata", f"Penulis, Andi Wijaya\nMelaporkan dari, Kota Contoh\n{BODY1}\n{BODY2}\n",
         ["Andi Wijaya", "Melaporkan"], [BODY1, BODY2], CORPUS.replace(recase=False)),
    case("trap: 'Penulis,' opening a sentence is no byline",
         f"{BODY1}\nPenulis, yang juga warga kota ini, ikut antre di halte baru.\n{BODY2}\n", [],
         [BODY1, "Penulis, yang juga warga kota ini, ikut antre di halte baru.", BODY2], CORPUS.replace(recase=False)),
    case("a dateline alone on its line, no dash, is kept by default", f"Jakarta, CONTOH Online\n\n{BODY1}\n\n{BODY2}\n",
         [], ["Jakarta, CONTOH Online", BODY1, BODY2]),
    case("... and stripped with the metadata", f"Jakarta, CONTOH Online\n\n{BODY1}\n\n{BODY2}\n", ["CONTOH"], [BODY1, BODY2],
         CORPUS.replace(recase=False)),
    case("initials stripped", f"{BODY1}\n{BODY2}(abc)\n", ["(abc)"], config=CORPUS.replace(recase=False)),
    case("initials kept by default", f"{BODY1}\n{BODY2} (abc/def)\n", [], [BODY2 + " (abc/def)"]),
    case("initials in square brackets stripped", f"{BODY1}\n{BODY2}\n[ded]\n", ["[ded]"], [BODY1, BODY2],
         CORPUS.replace(recase=False)),
    case("trap: [sic] at a paragraph end", f"{BODY1}\nIa menulis 'tidak ada pilihan' [sic]\n", [],
         ["Ia menulis 'tidak ada pilihan' [sic]"], CORPUS.replace(recase=False)),
    case("trap: acronym at a sentence end", f"{BODY1}\nHal itu disampaikan Kementerian Kelautan (KKP).\n", [],
         ["Hal itu disampaikan Kementerian Kelautan (KKP)."], CORPUS.replace(recase=False)),
    case("trap: attribution inside a sentence", "Hal itu dikatakan Andi kepada Contoh.com, Senin (3/2/2025).", [],
         ["Hal itu dikatakan Andi kepada Contoh.com, Senin (3/2/2025)."], CORPUS.replace(recase=False)),
    case("trap: laporan as a noun", "Laporan kantor berita itu menyebut lima orang ditangkap.", [],
         ["Laporan kantor berita itu menyebut lima orang ditangkap."], CORPUS.replace(recase=False)),
]

EXTRA = [
    case("user phrase drops its line", f"{BODY1}\nDukung kami lewat donasi\n{BODY2}\n", ["Dukung kami"],
         config=JUNK_ONLY.replace(extra_junk=("dukung kami",))),
    case("user pattern removes its matches", f"{BODY1} [promo:123] {BODY2}", ["[promo:"],
         config=JUNK_ONLY.replace(extra_junk=(r"re:\[promo:\d+\]",))),
]


@pytest.mark.parametrize(("text", "absent", "present", "config"), READ_ALSO)
def test_read_also(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), PROMO)
def test_promo(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), PHOTO)
def test_photo_credit_and_caption(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), ADS)
def test_ads_and_widgets(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), SOCIAL)
def test_social_promo(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), SYNDICATION)
def test_syndication_note(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), PAGINATION)
def test_pagination(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), FOOTER)
def test_footer(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), HEADER)
def test_header_chrome(text, absent, present, config):
    check(text, absent, present, config)


def test_header_chrome_reads_the_first_lines_again_once_other_rules_removed_some():
    """The promo line first stopped the header rule at a full sentence; once it was gone,
    a second run found the title above the lead and dropped it. One run does both."""
    text = (
        "Ikuti berita terbaru kami di Google News dan kanal WhatsApp resmi kami setiap hari.\n\n"
        "Pemerintah Siapkan Operasi Pasar Beras Murah\n\n"
        "Harga beras di pasar induk naik lagi pekan ini, kata para pedagang yang ditemui di sana.\n\n"
        "Kenaikan itu terjadi karena pasokan dari daerah sentra produksi berkurang sejak bulan lalu.\n"
    )
    once = textfix.clean(text)
    assert once.startswith("Harga beras di pasar induk") and "Kenaikan itu terjadi" in once
    assert textfix.clean(once) == once


def test_only_the_first_byline_anchors_the_header():
    """Once the chrome above the first byline is gone, a second run must not anchor on a
    byline further down and take the sentence between (found by scripts/fuzz.py)."""
    text = (
        "(Foto: Humas Pemkab)\n\nEditor: Budi Santoso\n\n"
        "Warga desa bertanya kapan jalan rusak itu akan diperbaiki oleh dinas terkait?\n\n"
        "Editor: Siti Aminah\n\nPerbaikan jalan dijadwalkan mulai bulan depan, kata kepala dinas.\n"
    )
    once = textfix.clean(text)
    assert "Foto" not in once and "Warga desa bertanya" in once
    assert textfix.clean(once) == once


def test_a_dateline_below_body_sentences_does_not_make_them_header_chrome():
    """Two articles in one file: the second one's dateline comes after the first one's
    sentences, which are body, not the chrome above a lead."""
    text = (
        "Warga desa mengeluhkan jalan rusak yang belum juga diperbaiki sejak tahun lalu oleh pemerintah.\n"
        "Kepala desa berjanji akan mengajukan anggaran perbaikan kepada pemerintah kabupaten tahun depan.\n"
        "Menurut warga, jalan itu menjadi satu-satunya akses menuju pasar kecamatan yang terdekat.\n"
        "JAKARTA, KOMPAS.com - Harga beras di pasar induk naik lagi pekan ini, kata para pedagang di sana.\n"
    )
    out = textfix.clean(text)
    assert out.startswith("Warga desa mengeluhkan jalan rusak")
    assert len(out.split("\n\n")) == 4


@pytest.mark.parametrize(("text", "absent", "present", "config"), DUPLICATES)
def test_duplicates(text, absent, present, config):
    out = check(text, absent, present, config)
    assert out.count("Presiden di Halte Baru Kota") <= 1
    assert "lebih\n" not in out


def test_a_block_printed_twice_in_a_row_goes_once():
    """Under each photo of a listicle the scraper printed its two paragraphs twice: the
    second copy goes, though each is a sentence (which may repeat elsewhere)."""
    text = f"{BODY1}\n\n{BODY2}\n\n{BODY1}\n\n{BODY2}\n\n{BODY3}\n\n{BODY3}\n"
    out = check(text, [], [BODY1, BODY2, BODY3], JUNK_ONLY)
    assert [out.count(b) for b in (BODY1, BODY2, BODY3)] == [1, 1, 1], out


def test_a_sentence_said_again_further_on_stays():
    """A sentence taken up again later (a quote recalled) is no scraper's copy."""
    text = f"{BODY1}\n\n{BODY2}\n\n{BODY3}\n\n{BODY1}\n"
    out = check(text, [], [BODY1, BODY2, BODY3], JUNK_ONLY)
    assert out.count(BODY1) == 2, out


def test_a_table_of_contents_and_its_headings_both_stay():
    """A module's contents list, then each heading again above its section (found on a
    plain-text course module): the headings are no scraper's copies."""
    headings = ["Pengantar Jurnalistik", "Bahasa Jurnalistik", "Kode Etik Jurnalistik"]
    intro = "Modul ini mengenalkan dasar-dasar jurnalistik kepada siswa kelas sepuluh."
    sections = (f"{h}\n\n{body}" for h, body in zip(headings, (BODY1, BODY2, BODY3)))
    text = "\n\n".join([intro, "Daftar isi:", *headings, *sections]) + "\n"
    out = check(text, [], [intro, BODY1, BODY2, BODY3], JUNK_ONLY)
    assert all(out.count(h) == 2 for h in headings), out


def test_a_paragraph_introducing_what_follows_may_come_again():
    """``... sebagai berikut:`` before each of two lists is said twice on purpose (found
    on a Markdown file that introduced two examples alike); a copied title is not."""
    intro = "Menurut para pedagang, harganya sebagai berikut:"
    text = (
        f"{BODY1}\n\n{intro}\n\nBeras medium naik menjadi Rp 13.000 per kilogram di Pasar Induk.\n\n"
        f"{BODY2}\n\n{intro}\n\nBeras premium naik menjadi Rp 15.000 per kilogram di Pasar Induk.\n"
    )
    out = check(text, [], [BODY1, BODY2], Config())
    assert out.count(intro) == 2


@pytest.mark.parametrize(("text", "absent", "present", "config"), META)
def test_metadata(text, absent, present, config):
    check(text, absent, present, config)


@pytest.mark.parametrize(("text", "absent", "present", "config"), EXTRA)
def test_extra_junk(text, absent, present, config):
    check(text, absent, present, config)


def test_every_rule_has_a_config_field_of_its_name():
    fields = set(Config.__dataclass_fields__)
    assert [name for name in rules.RULES if name not in fields] == []


def test_explain_names_the_rule_behind_each_removal():
    text = f"{BODY1}\nBaca juga: Judul Lain Soal Bus\nSCROLL TO CONTINUE WITH CONTENT\n{BODY2}\n***\n"
    steps = textfix.clean_and_explain(text, JUNK_ONLY).steps
    by_rule = {step.rule: step.before for step in steps}
    assert "Judul Lain" in by_rule["drop_read_also"]
    assert "SCROLL" in by_rule["drop_ads"]
    assert "***" in by_rule["strip_trailing_marker"]


def test_a_disabled_rule_leaves_its_junk():
    text = f"{BODY1}\nBaca juga: Judul Lain Soal Bus\n{BODY2}\n"
    assert "Judul Lain" in textfix.clean(text, JUNK_ONLY.replace(drop_read_also=False))


def test_corpus_profile_strips_every_kind_of_metadata():
    assert CORPUS.strip_dateline and CORPUS.strip_byline and CORPUS.strip_editor_initials
    assert Config().with_meta_stripped() == CORPUS


# --- Helpers written without a regex: the same answers as the regex ---------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from textfix import patterns  # noqa: E402

_SENTENCE_ALPHABET = list(".!?:;,\"'”’)]([ \n\t\u3000aB1") + ["kata dia", "Warga "]


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.sampled_from(_SENTENCE_ALPHABET), max_size=14).map("".join), words=st.integers(0, 9))
def test_sentence_helpers_agree_with_the_regex(line, words):
    ends = bool(patterns.SENTENCE_END_RE.search(line.rstrip()))
    assert rules._ends_sentence(line) == ends
    assert rules._is_sentence(line, words) == (ends and len(line.split()) >= words)
