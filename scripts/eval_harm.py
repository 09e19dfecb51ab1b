#!/usr/bin/env python3
"""Measure two promises textfix makes beyond the gold spans: do no harm, and twice is once.

1. **Body kept around junk**: short articles of one to four body sentences (written for
   this script) with one junk line put in at a random place, cleaned as text (reflow and
   keep layout), as Markdown and one paragraph a line. Prints, per junk kind and mode, how
   many runs lost a body sentence. A rule that takes a run of lines (to the end of the
   text, above a dateline) shows up here long before it shows in the samples.
2. **Traps kept**: sentences of prose that open like junk ("Foto itu diambil ...",
   "Berlangganan listrik ...", "Gabung di grup relawan ..."), each put into a short
   article above, between, below the body or at its end, in every mode: a sentence lost
   is harm (junk that looks like prose would only cost recall).
3. **Twice is once** on spliced articles: the news samples of ``../shared/samples/news``
   (raw and title-cased) and random splices of their lines, cleaned under several options
   and cleaned again; prints how many second runs changed something, with the rules they
   named. Run locally; the samples are read, never copied.
4. **Corpus prose kept**: the lines of ``../shared/corpora/train.txt`` (clean prose, some
   of it cut off mid-sentence or holding a junk line of its own), eight to a text (every
   ``--corpus-every``-th text), cleaned one paragraph a line and with blank lines between,
   as Markdown and with ``--strip-meta``, as they are and title-cased. Prints how many
   lines did not come out whole (compared casefolded, whitespace collapsed, NFC), by the
   rules the run named, with examples: a junk rule that takes prose shows here first.

Usage: ``python scripts/eval_harm.py [--shared DIR] [--seed 7] [--per-kind 40] [--splices 150] [--corpus-every 4]``
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import textfix  # noqa: E402
from eval_junk import squash  # noqa: E402  (this script's folder is on the path)
from textfix.casing.words import scraped_title_case  # noqa: E402
from textfix.config import CORPUS, Config  # noqa: E402

BODY = [
    "Pemerintah kota menambah armada bus untuk melayani warga pada akhir pekan.",
    "Kepala dinas perhubungan mengatakan jadwal baru berlaku mulai bulan depan.",
    "Warga berharap waktu tunggu di halte bisa lebih singkat dari sebelumnya.",
    "Harga beras di pasar induk naik lagi pekan ini, kata para pedagang.",
    "\"Kami akan terus memantau harga di pasar,\" kata kepala dinas.",
    "Kenaikan itu terjadi karena pasokan dari daerah sentra produksi berkurang.",
]
JUNK = [
    "Ikuti kami di Google News untuk berita terbaru setiap hari.",
    "Baca juga: Harga Cabai Naik Menjelang Lebaran",
    "Baca Juga",
    "Artikel ini telah tayang di Contoh.com dengan judul Bus Baru Siap Melayani Warga",
    "Tags: bus, transportasi, warga",
    "Kategori: Berita",
    "Copyright © 2024 Contoh.com. All rights reserved.",
    "Halaman selanjutnya",
    "ADVERTISEMENT",
    "SCROLL TO CONTINUE WITH CONTENT",
    "(Foto: Humas Pemkot)",
    "Simak Video 'Bus Baru di Kota':",
    "[Gambas:Video 20detik]",
    "***",
    "Editor: Budi Santoso",
    "Dapatkan update berita pilihan setiap hari di kanal WhatsApp kami.",
    "Pilihan Editor: Harga Cabai Naik",
    "Konten ini disempurnakan menggunakan Kecerdasan Buatan (AI).",
    "Lihat juga: Warga Antre Beras Murah",
    "Advertisement",
    "Baca juga: Dinkes siapkan vaksin untuk anak sekolah",
    "Contoh Times/Andi Saputra",
    "Baca: Warga Kota Mengungsi ke Balai Desa",
    "BACA ARTIKEL LAINNYA... Dinas Pastikan Sekolah Tanpa Pungutan",
    "Halaman Selanjutnya",
    "Ikuti perkembangan berita lainnya di Contoh",
    "* Fakta atau Hoaks? Untuk mengetahui kebenaran informasi yang beredar, silakan WhatsApp ke nomor Cek Fakta Contoh.",
    "Saksikan live streaming program-program Contoh TV di sini",
    "[ded]",
    "(Baca juga: Stok Beras Aman Jelang Lebaran)",
    "Gulir ke bawah untuk melanjutkan",
    "Sumber: Antara",
    "Lihat Foto",
    "Klik untuk baca: Jalan Desa Rusak Parah",
    "Jangan lupa ikuti update berita lainnya dan follow akun Google News Contoh",
    "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis untuk AI di situs web ini.",
]
#: Prose that opens like junk, written for this script (a junk rule must leave each alone).
TRAPS = [
    "Foto itu diambil oleh seorang warga saat banjir melanda kota.",
    "Baca juga buku-buku sejarah agar kalian memahami masa lalu bangsa.",
    "Sumber air bersih di desa itu mulai mengering sejak bulan lalu.",
    "Editor majalah itu menolak memuat tulisan tersebut.",
    "Iklan rokok dilarang tayang di televisi pada jam tertentu.",
    "Halaman sekolah itu dipenuhi genangan air setelah hujan deras.",
    "Follow-up dari pertemuan itu akan dibahas pekan depan.",
    "Simak baik-baik penjelasan guru sebelum ujian dimulai.",
    "Ikuti petunjuk petugas saat terjadi gempa bumi.",
    "Lihat juga kondisi jalan sebelum berangkat mudik.",
    "Berlangganan listrik prabayar kini makin mudah bagi warga.",
    "Tonton juga pertandingan final itu bersama keluarga di rumah.",
    "Reporter televisi itu meliput banjir di Jakarta Utara.",
    "Penulis buku itu hadir dalam acara peluncuran di Bandung.",
    "Ilustrasi dalam buku anak itu dibuat oleh seniman lokal.",
    "Artikel ini ditulis berdasarkan wawancara dengan sejumlah warga.",
    "Halaman 2 laporan itu memuat data yang keliru.",
    "Kategori penerima bantuan diatur dalam peraturan wali kota.",
    "Menu makan bergizi gratis di sekolah itu berganti setiap hari.",
    "Komentar warganet di media sosial beragam.",
    "Selengkapnya akan diumumkan pemerintah pekan depan.",
    "Subscribe atau tidak, pelanggan tetap dikenakan biaya, kata dia.",
    "Ikuti kami, teriak pemimpin aksi kepada para pengunjuk rasa.",
    "Video amatir yang beredar menunjukkan detik-detik kecelakaan itu.",
    "Pilihan editor jatuh pada naskah karya penulis muda itu.",
    "Sumber Waras adalah nama rumah sakit di Jakarta Barat.",
    "Copyright menjadi isu penting bagi musisi muda.",
    "Gabung di grup relawan itu tidak dipungut biaya.",
    "Berita lainnya menyebutkan bahwa harga cabai turun.",
    "Jangan lupa ikuti aturan lalu lintas selama perjalanan mudik.",
    "Hak cipta karya seni tradisional perlu dilindungi negara.",
    "Dilarang keras mengambil foto di area bandara, kata petugas.",
    "Terima kasih kepada semua pihak yang telah membantu, kata bupati.",
]
MODES = {
    "text": Config(),
    "keep-layout": Config(layout="keep"),
    "markdown": Config(format="markdown"),
    "one-per-line": Config(one_per_line=True),
}
TWICE_MODES = {
    **MODES,
    "corpus": CORPUS,  # every strip option
    "markdown-keep": Config(format="markdown", layout="keep"),
    "one-per-line-strip-meta": Config(one_per_line=True).with_meta_stripped(),
}


def default_shared() -> Path:
    env = os.environ.get("TEXTFIX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def body_kept(rng: random.Random, per_kind: int) -> tuple[int, int, collections.Counter]:
    lost, runs, where = 0, 0, collections.Counter()
    for junk in JUNK:
        for _ in range(per_kind):
            body = rng.sample(BODY, rng.randint(1, 4))
            at = rng.randint(0, len(body))
            text = rng.choice(["\n", "\n\n"]).join(body[:at] + [junk] + body[at:]) + "\n"
            for mode, config in MODES.items():
                out = textfix.clean(text, config)
                runs += 1
                if any(sentence not in out for sentence in body):
                    lost += 1
                    where[(junk, mode)] += 1
    return lost, runs, where


def traps_kept() -> tuple[int, int, collections.Counter]:
    """Each trap above, between, below the body and as its last line, in every mode."""
    lost, runs, where = 0, 0, collections.Counter()
    body = BODY[:2]
    for trap in TRAPS:
        for place in range(len(body) + 1):
            for gap in ("\n", "\n\n"):
                lines = body[:place] + [trap] + body[place:]
                text = gap.join(lines) + "\n"
                for mode, config in MODES.items():
                    out = " ".join(textfix.clean(text, config).split())
                    runs += 1
                    if any(line not in out for line in lines):
                        lost += 1
                        where[(trap, mode)] += 1
    return lost, runs, where


def twice(shared: Path, rng: random.Random, splices: int) -> tuple[int, int, collections.Counter]:
    texts = []
    for path in sorted((shared / "samples" / "news").glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        texts += [raw, "\n".join(scraped_title_case(line) for line in raw.split("\n"))]
    for number in range(splices):
        a, b = rng.choice(texts).split("\n"), rng.choice(texts).split("\n")
        mixed = a[: rng.randrange(len(a) + 1)] + b[rng.randrange(len(b) + 1) :]
        if number % 3 == 0:
            rng.shuffle(mixed)
        texts.append("\n".join(mixed))
    changed, runs, named = 0, 0, collections.Counter()
    for text in texts:
        for mode, config in TWICE_MODES.items():
            once = textfix.clean(text, config)
            again = textfix.clean_and_explain(once, config)
            runs += 1
            if again.text != once:
                changed += 1
                named[(mode, ", ".join(sorted({s.rule for s in again.steps})) or "(layout only)")] += 1
    return changed, runs, named


CORPUS_MODES = {
    "one-per-line": ("\n", Config()),
    "blank-lines": ("\n\n", Config()),
    "markdown": ("\n\n", Config(format="markdown")),
    "strip-meta": ("\n", Config().with_meta_stripped()),
}
#: Rules that change a line's text without taking it: not counted as what lost a line.
_EDITS = frozenset({"recase", "normalize_unicode", "fix_encoding", "normalize_whitespace", "split_sentence_glue"})


def _squash(text: str) -> str:
    """eval_junk's comparison form, casefolded, without the BOMs cleaning removes."""
    return squash(text.replace("\ufeff", "")).casefold()


def corpus_kept(shared: Path, every: int) -> tuple[int, int, collections.Counter, dict]:
    lines = [line.strip() for line in (shared / "corpora" / "train.txt").read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    lost, runs, named, examples = 0, 0, collections.Counter(), {}
    for start in range(0, len(lines), 8 * every):
        group = lines[start : start + 8]
        for title in (False, True):
            for mode, (sep, config) in CORPUS_MODES.items():
                text = sep.join(scraped_title_case(line) if title else line for line in group) + "\n"
                cleaned = textfix.clean_and_explain(text, config)
                out = _squash(cleaned.text)
                rules = ", ".join(sorted({step.rule for step in cleaned.steps} - _EDITS)) or "(an edit only)"
                for line in group:
                    runs += 1
                    if _squash(line) not in out:
                        lost += 1
                        key = (mode + (", title-cased" if title else ""), rules)
                        named[key] += 1
                        examples.setdefault(key, line)
    return lost, runs, named, examples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--per-kind", type=int, default=40, help="articles per junk kind")
    parser.add_argument("--splices", type=int, default=150, help="spliced articles for twice-is-once")
    parser.add_argument("--corpus-every", type=int, default=4, help="every Nth text of train.txt's lines, eight a text")
    args = parser.parse_args()

    lost, runs, where = body_kept(random.Random(args.seed), args.per_kind)
    print(f"body kept around one junk line: {runs - lost}/{runs} runs kept every body sentence ({lost} lost one)")
    for (junk, mode), n in where.most_common():
        print(f"  {n:4d}  {mode:<13} {junk}")
    lost, runs, where = traps_kept()
    print(f"traps kept (prose that opens like junk): {runs - lost}/{runs} runs kept every sentence ({lost} lost one)")
    for (trap, mode), n in where.most_common():
        print(f"  {n:4d}  {mode:<13} {trap}")
    news = args.shared / "samples" / "news"
    if not news.is_dir():
        print(f"twice is once: skipped ({news} not found)")
    else:
        changed, runs, named = twice(args.shared, random.Random(args.seed), args.splices)
        print(f"twice is once: {runs - changed}/{runs} second runs changed nothing ({changed} changed something)")
        for (mode, rules), n in named.most_common():
            print(f"  {n:4d}  {mode:<24} {rules}")
    if not (args.shared / "corpora" / "train.txt").is_file():
        print("corpus prose kept: skipped (corpora/train.txt not found)")
        return 0
    lost, runs, named, examples = corpus_kept(args.shared, args.corpus_every)
    print(f"corpus prose kept: {runs - lost}/{runs} lines came out whole ({lost} did not)")
    for (mode, rules), n in named.most_common():
        print(f"  {n:4d}  {mode:<26} {rules:<40} e.g. {examples[mode, rules][:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
