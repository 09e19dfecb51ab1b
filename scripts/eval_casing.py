#!/usr/bin/env python3
"""Measure the casing repair on ../shared/corpora/dev.txt, beside the unigram baseline.

Protocol (``../shared/corpora/README.md``): each dev line is put through scraped Title Case
and given to ``textfix.casing.recase_document`` as a one-paragraph document; output words
are aligned to gold words case-insensitively. Printed for the model and for a unigram
truecaser built from ``train.txt`` in the same run:

* acc, acc_mid (without each line's first word), cap P / R / F1 over non-initial words;
* harm: words changed when the gold line itself is fed in (must be 0);
* proper nouns lowered (gold capital, output lowercase, non-initial);
* a breakdown by source (``dev.src``), one by what the model knows of each word (seen in
  train.txt; unseen but a common root or derived from one; unseen and unknown: names,
  foreign loanwords, typos), and the 25 most frequent errors.

Usage: ``python scripts/eval_casing.py [--shared DIR] [--errors N] [--set dev]``
"""

from __future__ import annotations

import argparse
import collections
import difflib
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from textfix import casing  # noqa: E402
from textfix.casing.words import WORD_RE, scraped_title_case  # noqa: E402


def default_shared() -> Path:
    env = os.environ.get("TEXTFIX_SHARED")
    return Path(env) if env else ROOT.parent / "shared"


def aligned(gold: str, out: str) -> list[tuple[int, str, str | None]]:
    """``(position, gold word, output word or None)`` for every gold word, matched
    case-insensitively (the protocol's alignment)."""
    gw = WORD_RE.findall(gold)
    ow = WORD_RE.findall(out)
    if [w.lower() for w in gw] == [w.lower() for w in ow]:
        return [(i, g, o) for i, (g, o) in enumerate(zip(gw, ow))]
    matcher = difflib.SequenceMatcher(a=[w.lower() for w in gw], b=[w.lower() for w in ow], autojunk=False)
    partner: dict[int, str] = {}
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            partner[block.a + k] = ow[block.b + k]
    return [(i, g, partner.get(i)) for i, g in enumerate(gw)]


class Score:
    """Counts for one system over a set of lines."""

    def __init__(self) -> None:
        self.words = self.right = 0
        self.mid = self.mid_right = 0
        self.tp = self.fp = self.fn = 0
        self.errors: collections.Counter = collections.Counter()

    def add(self, gold: str, out: str) -> None:
        for i, g, o in aligned(gold, out):
            ok = o == g
            self.words += 1
            self.right += ok
            if not ok:
                self.errors[(g, o)] += 1
            if i == 0:
                continue
            self.mid += 1
            self.mid_right += ok
            gold_cap = g[0].isupper()
            out_cap = o is not None and o[0].isupper()
            if gold_cap and out_cap:
                self.tp += 1
            elif out_cap:
                self.fp += 1
            elif gold_cap:
                self.fn += 1

    def row(self) -> dict[str, float]:
        p = self.tp / max(self.tp + self.fp, 1)
        r = self.tp / max(self.tp + self.fn, 1)
        return {
            "acc": self.right / max(self.words, 1),
            "acc_mid": self.mid_right / max(self.mid, 1),
            "cap_P": p,
            "cap_R": r,
            "cap_F1": 2 * p * r / max(p + r, 1e-9),
        }


#: What the model knows of a word, for the breakdown by kind (non-initial words only).
KINDS = (
    ("seen in train.txt", "the counts table has it"),
    ("unseen, common root", "Sastrawi knows it or its stem (menyosialisasikan), or it is on common-words.txt"),
    ("unseen, unknown", "neither: names, foreign words, typos; kept capitalised unless the rules say otherwise"),
)


class ByKind:
    """The model's accuracy on mid-sentence words by what it knows of them: the issue asks
    what the out-of-vocabulary rule does to derived words, names and foreign loanwords."""

    def __init__(self, lexicon) -> None:
        self.lexicon = lexicon
        self.counts = {name: collections.Counter() for name, _ in KINDS}
        self.kept_wrongly: dict[str, collections.Counter] = {name: collections.Counter() for name, _ in KINDS}

    def kind(self, word: str) -> str:
        key = word.lower()
        if key in self.lexicon.counts:
            return KINDS[0][0]
        return KINDS[1][0] if self.lexicon.knows_root(key) else KINDS[2][0]

    def add(self, gold: str, out: str) -> None:
        for i, g, o in aligned(gold, out):
            if i == 0 or not g[0].isalpha():
                continue
            name = self.kind(g)
            counts = self.counts[name]
            gold_cap, out_cap = g[0].isupper(), o is not None and o[0].isupper()
            counts["words"] += 1
            counts["right"] += o == g
            counts["gold capital"] += gold_cap
            counts["names lowered"] += gold_cap and not out_cap
            counts["capital kept wrongly"] += out_cap and not gold_cap
            if out_cap and not gold_cap:
                self.kept_wrongly[name][g] += 1

    def print(self, examples: int) -> None:
        print(f"{'kind of word (mid-sentence)':<28}{'words':>7}{'acc':>8}{'gold cap':>9}{'names lowered':>14}{'kept wrongly':>13}")
        for name, _ in KINDS:
            c = self.counts[name]
            print(
                f"{name:<28}{c['words']:>7}{c['right'] / max(c['words'], 1):>8.4f}"
                f"{c['gold capital'] / max(c['words'], 1):>9.3f}{c['names lowered']:>14}{c['capital kept wrongly']:>13}"
            )
        for name, meaning in KINDS:
            print(f"  {name}: {meaning}")
        for name, _ in KINDS[1:]:
            common = ", ".join(f"{w} {n}" for w, n in self.kept_wrongly[name].most_common(examples))
            print(f"  {name}, capital kept but gold lowercase, most frequent: {common or '-'}")


class Unigram:
    """The README's baseline: each word's most frequent mid-sentence form in train.txt."""

    def __init__(self, lines: list[str]) -> None:
        forms: dict[str, collections.Counter] = {}
        for line in lines:
            for word in WORD_RE.findall(line)[1:]:
                forms.setdefault(word.lower(), collections.Counter())[word] += 1
        self.best = {k: c.most_common(1)[0][0] for k, c in forms.items()}

    def recase(self, text: str) -> str:
        out, last = [], 0
        for n, match in enumerate(WORD_RE.finditer(text)):
            if n == 0:
                continue
            form = self.best.get(match.group().lower())
            if form and len(form) == len(match.group()):
                out.append(text[last : match.start()])
                out.append(form)
                last = match.end()
        out.append(text[last:])
        return "".join(out)


def harm(lines: list[str], recase) -> int:
    changed = 0
    for line in lines:
        out = recase(line)
        if out != line:
            changed += sum(a != b for a, b in zip(WORD_RE.findall(line), WORD_RE.findall(out)))
    return changed


def print_table(rows: list[tuple[str, dict[str, float], int | str, int]]) -> None:
    print(f"{'system':<28}{'acc':>8}{'acc_mid':>9}{'cap_P':>8}{'cap_R':>8}{'cap_F1':>8}{'harm':>6}{'lowered':>9}")
    for name, r, h, lowered in rows:
        print(
            f"{name:<28}{r['acc']:>8.4f}{r['acc_mid']:>9.4f}{r['cap_P']:>8.4f}{r['cap_R']:>8.4f}"
            f"{r['cap_F1']:>8.4f}{h!s:>6}{lowered:>9}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="the shared folder")
    parser.add_argument("--set", default="dev", help="which corpus file to measure (dev)")
    parser.add_argument("--errors", type=int, default=25, help="how many frequent errors to list")
    args = parser.parse_args()
    corpora = args.shared / "corpora"
    gold_lines = (corpora / f"{args.set}.txt").read_text(encoding="utf-8").split("\n")
    sources = (corpora / f"{args.set}.src").read_text(encoding="utf-8").split("\n")
    pairs = [(g.strip(), s.strip()) for g, s in zip(gold_lines, sources) if g.strip()]
    train = [l for l in (corpora / "train.txt").read_text(encoding="utf-8").split("\n") if l.strip()]

    unigram = Unigram(train)
    model_total, base_total = Score(), Score()
    by_source: dict[str, Score] = collections.defaultdict(Score)
    by_kind = ByKind(casing.default_lexicon())
    started = time.perf_counter()
    recase = lambda text: casing.recase_document([text])[0]  # noqa: E731
    recase("Memuat Model Yang Dipakai Untuk Menilai Dan Mengukur.")  # load outside the timing
    started = time.perf_counter()
    size = 0
    for gold, source in pairs:
        damaged = scraped_title_case(gold)
        size += len(damaged.encode())
        out = recase(damaged)
        model_total.add(gold, out)
        by_source[source].add(gold, out)
        by_kind.add(gold, out)
        base_total.add(gold, unigram.recase(damaged))
    elapsed = time.perf_counter() - started

    golds = [g for g, _ in pairs]
    rows = [
        ("textfix casing model", model_total.row(), harm(golds, recase), model_total.fn),
        ("unigram baseline (train)", base_total.row(), harm(golds, unigram.recase), base_total.fn),
    ]
    print(f"{args.set}: {len(pairs)} lines, {model_total.words} words")
    print_table(rows)
    print(f"\nproper nouns lowered (gold capital, output lowercase, non-initial): {model_total.fn}")
    print(
        f"model time (wall, cold caches; see scripts/bench_casing.py for throughput): "
        f"{elapsed:.2f}s for {size / 1e6:.3f} MB"
    )
    print("\nby source:")
    print_table([(src, s.row(), "-", s.fn) for src, s in sorted(by_source.items())])
    print("\nby kind of word:")
    by_kind.print(examples=15)
    print(f"\n{args.errors} most frequent errors (gold -> output):")
    for (g, o), n in model_total.errors.most_common(args.errors):
        print(f"{n:5d}  {g} -> {o}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
