#!/usr/bin/env python3
"""Time every junk rule (and scraper-damage repair) on adversarial single lines of about 1 MB, to show none is super-linear.

Each rule runs alone (through its registry entry, as the pipeline calls it) on one-line
documents made of long runs of what the rules look for: capitals, colons, brackets,
"Baca juga:" labels, credits, ad markers, glued words, dates, dashes. Every text is timed at
``--size`` characters and at a tenth of it; a linear rule costs ~10x more on the larger, a
quadratic one ~100x. The script prints seconds per rule for the worst text and the ratio,
and exits 1 if a ratio exceeds ``--max-ratio`` (30 by default).

``rule_timings()`` is importable (``scripts/bench.py`` may use it).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from textfix import normalize, rules  # noqa: E402
from textfix.config import Config  # noqa: E402

#: Units repeated to fill a line: each aims at some rule's pattern or loop.
UNITS = {
    "capitals": "ABCD EFGH IJKL ",
    "title case": "Harga Cabai Naik Di Pasar Induk ",
    "colons": "A: B: C: ",
    "brackets": "((([[[ ]]])))",
    "baca": "Baca juga:",
    "baca spaced": ". Baca juga:Judul Berita Panjang Sekali Di Sini ",
    "baca glued": ". Baca juga:Harga NaikWarga ResahPasar Sepi",
    "credits": "ANTARA FOTO/Nama Orang/abc.Petugas memeriksa bus di terminal. ",
    "credit glue": "Getty Images/Nama OrangKata ",
    "domains": "Contoh.com/namaorangIlustrasi cara buat ",
    "paren credits": "(Foto: Humas) (Sumber: Internet) ",
    "ads": "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT ",
    "gambas": "Simak juga Video 'Judul': [Gambas:Video 20detik] ",
    "dates": "Selasa, 24 Jan 2023 09:08 WIB ",
    "datelines": "JAKARTA, KOMPAS.com - ",
    "dashes": "- - -- – — ",
    "stars": "*** ",
    "initials": "(abc/def) ",
    "pagination": "Simak berita selengkapnya di halaman selanjutnya. ",
    "social": ". Ikuti saluran WhatsApp kami ",
    "syndication": ". Artikel ini telah tayang di Contoh.com dengan judul \"",
    "sentences": "Warga mengeluh. Harga naik lagi. ",
    "glue": "kataWarga mentalYang 2018Momentum ",
    "list joins": 'Satu dua.,"Tiga empat.,Lima enam!,',
    "sentence glue": "beras.Amran juga 2025.Eks AS Suara.Com hari ",
}

#: The repairs of scraper damage that are not junk rules (stage 1, and after the rules),
#: timed the same way.
REPAIRS = (
    rules.Rule("split_list_joins", normalize.split_list_joins, "paragraph"),
    rules.Rule("split_sentence_glue", normalize.split_sentence_glue, "paragraph"),
)


NOISE_FLOOR = 0.05  # seconds


def _line(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _run(rule, text: str, config: Config) -> float:
    start = time.perf_counter()
    if rule.scope == "document":
        rule.func([text], config)
    else:
        rule.func(text)
    return time.perf_counter() - start


def rule_timings(size: int = 1_000_000, units: dict[str, str] | None = None):
    """For each rule: (name, worst seconds at ``size``, its unit, ratio to a tenth of the size)."""
    config = Config().with_meta_stripped().replace(extra_junk=("dukung kami", r"re:\[promo:\d{1,6}\]"))
    units = units or UNITS
    results = []
    for rule in (*rules.RULES.values(), *REPAIRS):
        _run(rule, "Baca juga: Judul. (Foto: A) Halaman 1 2", config)  # load data files first
        worst = (0.0, "", 0.0)
        for label, unit in units.items():
            small = min(_run(rule, _line(unit, size // 10), config) for _ in range(3))
            large = _run(rule, _line(unit, size), config)
            # Below the noise floor a ratio means nothing: count it as linear.
            ratio = large / small if large > NOISE_FLOOR and small > 0 else 10.0
            if large > worst[0]:
                worst = (large, label, ratio)
        results.append((rule.name, worst[0], worst[1], worst[2]))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="characters per line (default 1 MB)")
    parser.add_argument("--max-ratio", type=float, default=30.0, help="fail above this large/small ratio")
    args = parser.parse_args(argv)
    results = rule_timings(args.size)
    print(f"{'rule':<28} {'seconds':>8}  {'ratio':>6}  worst text")
    failed = False
    for name, seconds, label, ratio in results:
        flag = "" if ratio <= args.max_ratio else "  <-- super-linear?"
        failed |= bool(flag)
        print(f"{name:<28} {seconds:8.3f}  {ratio:6.1f}  {label}{flag}")
    print(f"total {sum(r[1] for r in results):.2f} s for {len(results)} rules (worst text each, {args.size:,} chars)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
