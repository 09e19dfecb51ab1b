#!/usr/bin/env python3
"""Measure junk removal on the gold-annotated samples in ``../shared/samples/news``.

For every raw article ``news/NAME.txt`` the library's cleaner runs with default options (or
``--strip-meta``) and the output is checked against ``news/gold/NAME.json``:

* junk recall: share of ``junk`` spans no longer in the output (case-insensitive);
* body kept: share of ``body`` spans still in the output, exactly (case-sensitive);
* meta kept: share of ``meta`` spans still in the output (with ``--strip-meta`` the script
  reports the share *removed* instead).

Both sides are compared after NFC, NBSP -> space and collapsing whitespace runs, so reflowed
lines never count against the cleaner. ``--titlecase`` first converts every raw line to
scraped Title Case (the protocol of ``../shared/corpora/README.md``) and then checks body
spans against their gold casing. The seed article is scored too: its junk is listed here and
its body is every paragraph of the hand-written expected output (compared ignoring case
unless ``--titlecase`` is given, since the seed is already Title-Cased).

The samples belong to their publishers and never enter the project; this script only reads
them. ``--shared DIR`` or ``TEXTFIX_SHARED`` point at the shared folder.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import unicodedata
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import textfix  # noqa: E402
from textfix.config import Config  # noqa: E402

_SPACE_RE = regex.compile(r"\s+")
#: Scraped Title Case: the first lowercase letter after a line start, whitespace, hyphen,
#: opening bracket or quote, or a slash is uppercased.
_TITLE_RE = regex.compile(r"(?:^|(?<=[\s\-(\[{\"“‘'«/]))(\p{Ll})", regex.M)
_SEED_JUNK = [
    "(Foto: Kemendagri RI)",
    "Baca Juga: Presiden Jokowi: Butuh Usaha Bersama Selesaikan Masalah Polusi Udara",
    "Baca Juga: Presiden Jokowi Apresiasi Pelaksanaan Muktamar Sufi Internasional",
    "Baca Juga: Mendagri Tegaskan Dukungannya Perkuat Pembangunan Pemerintahan Desa",
    "***",
]


def squash(text: str) -> str:
    """NFC, NBSP to space, whitespace runs collapsed: the comparison form."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return _SPACE_RE.sub(" ", text).strip()


def title_case(text: str) -> str:
    """Scraped Title Case of each line (``../shared/corpora/README.md``)."""
    return "\n".join(_TITLE_RE.sub(lambda m: m.group(1).upper(), line) for line in text.split("\n"))


def miscased_words(span: str, out: str) -> list[str]:
    """The words of ``span`` that ``out`` holds with another casing, as ``gold->output``
    (``span`` is found in ``out`` ignoring case; empty if it is not there)."""
    span = squash(span)
    at = out.casefold().find(span.casefold())
    if at < 0 or len(out.casefold()) != len(out):
        return []  # not there, or case folding moved the offsets
    found = out[at : at + len(span)]
    return [f"{g}->{o}" for g, o in zip(span.split(" "), found.split(" ")) if g != o]


def shared_dir(option: str | None) -> Path:
    if option:
        return Path(option)
    if os.environ.get("TEXTFIX_SHARED"):
        return Path(os.environ["TEXTFIX_SHARED"])
    return ROOT.parent / "shared"


def load_cases(shared: Path) -> list[tuple[str, str, dict]]:
    news = shared / "samples" / "news"
    cases = []
    for raw in sorted(news.glob("*.txt")):
        gold = json.loads((news / "gold" / f"{raw.stem}.json").read_text(encoding="utf-8"))
        cases.append((raw.stem, raw.read_text(encoding="utf-8"), gold))
    seed = shared / "samples" / "seed-title-cased.txt"
    expected = ROOT / "samples" / "seed-title-cased.expected.txt"
    if seed.exists() and expected.exists():
        body = [p for p in expected.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        # The dateline at the start of the lead is metadata, not body.
        dateline = "Jakarta, serayunusantara.com – "
        body = [p[len(dateline) :] if p.startswith(dateline) else p for p in body]
        gold = {"junk": _SEED_JUNK, "meta": [dateline.strip()], "body": body, "seed": True}
        cases.append(("seed", seed.read_text(encoding="utf-8"), gold))
    return cases


def score(name: str, raw: str, gold: dict, config: Config, titlecase: bool):
    if titlecase:
        raw = title_case(raw)
    out = squash(textfix.clean(raw, config))
    low = out.casefold()
    ignore_case = gold.get("seed") and not titlecase
    junk_left = [j for j in gold["junk"] if squash(j).casefold() in low]
    if ignore_case:
        body_lost = [b for b in gold["body"] if squash(b).casefold() not in low]
    else:
        body_lost = [b for b in gold["body"] if squash(b) not in out]
    meta_kept = [m for m in gold["meta"] if squash(m) in out]
    body_lost_any_case = [b for b in gold["body"] if squash(b).casefold() not in low]
    # A junk span counts as gone when it is no longer whole; note those whose last four
    # words are still there (a headline left behind its removed label) unless the body has them.
    body_text = " ".join(squash(b).casefold() for b in gold["body"])
    partial = []
    for j in gold["junk"]:
        words = squash(j).casefold().split()
        tail = " ".join(words[-4:])
        if len(words) >= 6 and j not in junk_left and tail in low and tail not in body_text:
            partial.append(j)
    return junk_left, body_lost, meta_kept, body_lost_any_case, partial, out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", help="the shared folder (default ../shared or $TEXTFIX_SHARED)")
    parser.add_argument("--strip-meta", action="store_true", help="strip datelines, bylines, initials")
    parser.add_argument("--titlecase", action="store_true", help="Title-Case every raw line first")
    parser.add_argument("-q", "--quiet", action="store_true", help="print totals only")
    args = parser.parse_args(argv)

    config = Config().with_meta_stripped() if args.strip_meta else Config()
    cases = load_cases(shared_dir(args.shared))
    if not cases:
        parser.error("no samples found; pass --shared DIR")
    totals = {"junk": 0, "junk_left": 0, "body": 0, "body_lost": 0, "meta": 0, "meta_kept": 0, "body_lost_any_case": 0, "junk_partial": 0}
    meta_word = "meta_removed" if args.strip_meta else "meta_kept"
    if not args.quiet:
        print(f"{'file':<22} {'junk':>9} {'body':>9} {meta_word:>12}")
    for name, raw, gold in cases:
        junk_left, body_lost, meta_kept, lost_any_case, partial, out = score(name, raw, gold, config, args.titlecase)
        totals["body_lost_any_case"] += len(lost_any_case)
        totals["junk_partial"] += len(partial)
        nj, nb, nm = len(gold["junk"]), len(gold["body"]), len(gold["meta"])
        totals["junk"] += nj
        totals["junk_left"] += len(junk_left)
        totals["body"] += nb
        totals["body_lost"] += len(body_lost)
        totals["meta"] += nm
        totals["meta_kept"] += len(meta_kept)
        if args.quiet:
            continue
        meta_n = nm - len(meta_kept) if args.strip_meta else len(meta_kept)
        print(f"{name:<22} {nj - len(junk_left):>4}/{nj:<4} {nb - len(body_lost):>4}/{nb:<4} {meta_n:>6}/{nm:<4}")
        for item in junk_left:
            print(f"    junk left: {squash(item)[:100]!r}")
        for item in partial:
            print(f"    junk partly left (its last words): {squash(item)[:100]!r}")
        for item in body_lost:
            if item in lost_any_case:
                print(f"    body lost: {squash(item)[:100]!r}")
            else:
                words = ", ".join(miscased_words(item, out))
                print(f"    body miscased: {squash(item)[:100]!r}\n        words: {words}")
        if args.strip_meta:
            for item in meta_kept:
                print(f"    meta left: {squash(item)[:100]!r}")

    def share(good: int, total: int) -> str:
        return f"{good / total:.3f} ({good}/{total})" if total else "n/a"

    print(f"files: {len(cases)}")
    print(f"junk recall: {share(totals['junk'] - totals['junk_left'], totals['junk'])}")
    print(f"  of which partly left (label gone, tail still there): {totals['junk_partial']}")
    print(f"body kept:   {share(totals['body'] - totals['body_lost'], totals['body'])}")
    if args.titlecase:
        kept = totals["body"] - totals["body_lost_any_case"]
        print(f"body kept ignoring case: {share(kept, totals['body'])}")
    if args.strip_meta:
        print(f"meta removed: {share(totals['meta'] - totals['meta_kept'], totals['meta'])}")
    else:
        print(f"meta kept:   {share(totals['meta_kept'], totals['meta'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
