"""The learned part of the casing repair: an averaged perceptron that keeps or lowers a capital.

Design, and the evidence for it (numbers from ``scripts/eval_casing.py`` on the dev set):

* Title Case only ever *adds* capitals, so repair is a binary choice per title-shaped word:
  keep the capital (a name, a title before a name, a word inside an institution's name) or
  lower it. ALL-CAPS words and sentence starts never reach the model.
* The evidence is lexical and contextual. Per word: how often ``train.txt`` writes it with a
  capital in mid-sentence (leave-one-out while training, so the model learns how far to trust
  the count), whether Sastrawi knows it or its stem as a common root, whether it is on the
  always-capitalised list, its suffix. Per context: the previous decision (greedy, left to
  right), the neighbours' words and capital rates, the punctuation in between. That is how
  ``Presiden`` before ``Joko`` keeps its capital but ``presiden itu`` does not.
* Pair counts (``casing-bigrams.tsv``: how often ``train.txt`` wrote a pair of words
  lower-lower, lower-Capital, Capital-lower, Capital-Capital) tell a name's parts from the
  same words in prose: ``Bandar Udara`` vs ``udara panas``. Adding them moved dev accuracy
  from 0.9516 to 0.9537 and cap F1 from 0.8685 to 0.8720 (same rules, same epochs).
* Lexical context features: the word itself after a kept or a lowered word (``wp=``:
  ``Angkatan Laut`` vs ``di laut``), whether the next word is a title (``Wakil Presiden``),
  and, after a kept capital, how often the corpus capitalises that previous word (``pb=``:
  ``Dalai Lama`` after an unseen name). With ten passes: 0.9544 -> 0.9547 (``wp``, titles),
  -> 0.9559 (``pb`` and the derived forms below), -> 0.9561 (``wp`` not after a sentence
  start, where train.txt's glued headlines taught "Warga Menyambut"); cap F1 0.8757 ->
  0.8803 in all. Tried and left out: the suffix after a kept or lowered word (``s3p=``,
  0.9552) and the shapes of the next two words (``n2b=``, 0.9554).
* A fast path skips the model for words whose casing is not in doubt: always-capitalised
  words; words the corpus never saw and Sastrawi does not know (kept: when unsure whether
  a word is a name, keep the capital) unless they are a common word with a clitic or a
  bound prefix (``ponselnya``, ``antarwarga``: lowered after a lowered word), a compound
  with a confix (``menggarisbawahi``), a misspelling of a frequent common word
  (``berlansung``) or a borrowed word with an adapted ending (``leitmotif``); the hand
  list of common words Sastrawi lacks (lowered outside names); a word written in
  lowercase at least 99 times in 100 (over 20 sightings) after a lowered word, or 499
  times in 500 anywhere; a word written with a capital 99 times in 100. Function words
  inside names (``Menteri Dalam Negeri``) follow a capital, so they still go to the model.
* A positive score keeps the capital. Moving the threshold trades precision for recall
  (dev, shipped model: threshold +1: acc 0.9567, cap P 0.861, R 0.902; 0: 0.9561, 0.853,
  0.910; -3: 0.9510, 0.819, 0.929); 0 is kept rather than tuned on dev.
* While training, a word's counts leave out the block of 20 consecutive train.txt lines
  around the sentence (``build_casing_model.py --holdout-block``), not only the sentence:
  train.txt keeps an article's sentences together, so a name's other mentions made rare
  words' counts look more telling in training than in unseen text. Three shuffling seeds
  (13, 14, 15; the figures above are single runs and move by up to 0.0008 with the seed):
  acc 0.9550, 0.9558, 0.9551 -> 0.9554, 0.9563, 0.9553; cap F1 0.8775, 0.8795, 0.8777 ->
  0.8786, 0.8809, 0.8783; R 0.9083, 0.9095, 0.9078 -> 0.9094, 0.9111, 0.9089 (harm 0).
  Blocks of 10 (0.9550, 0.9548, 0.9564) and 50 (0.9551, 0.9552, 0.9554) did no better.
  The shipped model before this was 0.9561 (F1 0.8803) but was trained before 93c183a
  changed sentence starts; rebuilt from that code it gave 0.9550 (F1 0.8775).
  Tried with three seeds each and left out (acc, F1 means against 0.9553, 0.8782): the
  counts of a derived word's root (``stc=``, 0.9552, 0.8782); name heads as a feature
  (0.9552, 0.8780); unseen words sent to the model instead of kept (0.9544, 0.8742: recall
  0.894); exact Viterbi decoding over the two labels with the greedy-trained weights (0.9536 against
  0.9551 greedy, same weights).
* The shipped weights are the mean of runs that differ only in the order of the
  sentences (first three, seeds 13, 14, 15; ``--seeds``), so that the order no longer moves the model
  by up to 0.0008: block-20 counts, acc 0.9560, acc_mid 0.9541, P 0.8520, R 0.9103, F1
  0.8802, lowered 568, harm 0, against 0.9554, 0.9563, 0.9553 for the single runs (mean
  0.9557); with one-sentence hold-out counts 0.9555 against a mean of 0.9553. The mean
  keeps only the features that at least two of the three runs learnt (the union held
  113,093; this 82,970, 1.69 MB): acc 0.9560, acc_mid 0.9540, P 0.8517, R 0.9103, F1
  0.8800, lowered 568, harm 0, as shipped then. Rebuilt (same script, same options) once
  the rules and word lists it reads had changed (``walikota``, common-noun acronyms,
  numeral-opened sentences): 82,586 features; with the rules of that day, dev acc 0.9594
  -> 0.9596, cap F1 0.8890 -> 0.8895, names lowered 533 -> 533, harm 0.
* Now the mean of five orders (seeds 13 to 17). Later changes to sentence starts (a
  dash inside a sentence is no dateline's, a list item after a colon, two backticks)
  had left the shipped files stale again: the script made other counts (565,890
  mid-sentence words against 565,739) and another model. Rebuilt with the rules of
  session 12: three orders gave dev acc 0.9635, cap F1 0.9002; five 0.9638, 0.9011; seven
  0.9636, 0.9004 (the stale files 0.9643, 0.9021: a lucky draw that the script no longer
  made). ``tests/test_build_reproducible.py`` now rebuilds the files and compares them
  byte for byte whenever ``../shared`` is there. Also leaving out the counts of a
  sentence's near duplicates elsewhere in train.txt (half its word 8-grams shared, as the
  corpus README tests train against dev; 11,462 lines have one, mostly IndoNLI's edited
  premises) did worse: acc 0.9630, F1 0.8986, three orders.
* A second pass that also read the first pass's decisions for the next two words (``rd=``,
  ``rd2=``, trained on cross-fitted first-pass decisions) was tried and dropped: averaged
  over three orders as the first pass is shipped it gave no gain (acc 0.9557, F1 0.8795
  against the first pass's 0.9560, 0.8802) and cost a second decode of every paragraph
  the model was asked about (dev.txt on first sight: 1.62-1.86 s of CPU instead of
  1.01-1.26 s).
* Ten training passes (fifteen gave 0.9551; with older features eight gave 0.9527
  against 0.9515 after five).
  Training on the model's own previous decisions instead of the gold ones (as decoding
  sees them; ``build_casing_model.py --history predicted``) gave 0.9549 against 0.9548:
  no gain, so the gold history is kept.
* A frequent word between a kept or a lowered word and the next word's shape (``wpn=``:
  ``di provinsi`` before an unseen name), where ``wp=`` and ``wnb=`` saw one side each.
  Measured for words of 10 sightings or more (shipped from 50: ``_WPN_MIN``), three draws
  of five orders, the same code without and with it: seeds 13-17 dev acc 0.9643 -> 0.9643 (1284 -> 1284 wrong), cap F1 0.9021 -> 0.9021,
  names lowered 466 -> 463; seeds 23-27 0.9637 -> 0.9642 (1304 -> 1285), 0.9006 -> 0.9020,
  474 -> 467; seeds 33-37 0.9639 -> 0.9643 (1298 -> 1283), 0.9011 -> 0.9021, 467 -> 467.
  Shipped (13-17): acc 0.9643, cap P 0.8790 -> 0.8786, R 0.9264 -> 0.9269, names lowered
  466 -> 463; the every-4th-line train sample 3526 -> 3497 wrong. Decoding keeps its
  weights in the word's record beside ``wnb=``'s, by shape and decision. From 50
  sightings, on the merged code of session 12: dev 1,256 -> 1,264 wrong (acc 0.9650 ->
  0.9648, F1 0.9041 -> 0.9036), for memory (see ``_WPN_MIN``).
* Tried in session 12, before ``wpn=``, and left out (five orders, seeds 13-17, against
  acc 0.9643, cap F1 0.9021, names lowered 466, 1,284 wrong; a second draw, seeds 23-27,
  against 0.9637, 0.9006, 474, 1,304): the shape of the word two to the left with the two
  previous decisions and this word's bucket (0.9640, 0.9015, 465), or, frequent, the word
  itself with the previous decision (0.9638, 0.9009, 469); the previous word's class
  (function word, number, title, always capitalised) with the previous decision and this
  word's bucket (0.9641, 0.9017, 467); the next word's class with this word's bucket
  (0.9639, 0.9013, 464); this word's bucket with the previous decision and the next word's
  shape (0.9637, 0.9004, 478); how far a pair's capital rate is from the word's own
  (0.9643, 0.9022, 464; second draw 0.9634, 0.8999, 471), also with ``wpn=`` (0.9640,
  0.9013, 466); a word's own feature from 5 sightings (0.9637, 0.9008, 466) or 20 (0.9642,
  0.9020, 465); pairs read from 2 sightings (0.9640, 0.9014, 472; the table grows from
  46,000 pairs to 76,600) or 5 (0.9626, 0.8980, 469: the sparse pairs do help, though
  ``lb=10:2l`` outweighs ``lb=10:3l``); pairs of 3-9 sightings bucketed with those of
  10-99 (0.9644, 0.9023, 471; second draw 0.9636, 0.9003, 480), only at the rates 0 and 1
  (0.9638, 0.9011, 465), or their rate drawn towards one half by a sighting each way
  (0.9640, 0.9013, 467); the pair counts (not the words') also without the sentence's near
  duplicates outside its block (0.9635, 0.9001, 466); buckets split at 30 sightings
  (0.9638, 0.9009, 476) or rates in twentieths (0.9626, 0.8979, 475); no ``nw2=`` (0.9633,
  0.8992, 489); a training margin of 2 (0.9641, 0.9020, R 0.9293, names lowered 448;
  second draw 0.9628, 0.8984, 460) or 8 (0.9637, 0.9007, 461); a margin of 3 on lowercase
  words only (0.9648, 0.9031, P 0.8851, R 0.9219, names lowered 495: the threshold's
  trade, as with the threshold at +1: 0.9652, 0.9039, R 0.9222, 493 lowered).

The model takes its word sets as a :class:`Lexicon`, so tests can run it on a ten-word one.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from dataclasses import dataclass, field
from typing import Any, Callable, Container, Iterable, Mapping, Sequence

from .words import Word, is_acronym, lowercase_keys, lowerable

#: Decisions, as used in features and results.
KEEP, LOWER, ACRONYM, START, OTHER = "C", "l", "A", "S", "O"
#: A rule's decision for the piece of a word after an inner apostrophe (``Ma'Ruf``):
#: lowered, and no word of its own, so the next word is read after the word's head.
PIECE = "p"

_FAST_MIN = 20
_FAST_LOW = 0.01
_FAST_CAP = 0.99
#: A word capitalised at most once in this many sightings is lowered even after a capital.
_FAST_NEVER = 500
#: A pair seen fewer times than this counts as unseen (two sightings are mostly noise).
PAIR_MIN = 3
#: A word seen at least this often gets a feature of its own.
_IDENTITY_MIN = 10
#: Sightings that give a word ``wpn=`` features. From 10 (as ``w=``) they were 11,497 and
#: took the weights past 87,381 entries, where their dict doubles its table: one process
#: cleaning 23 MB of news (a fifth title-cased) peaked at 97.5 MiB, against 93.5 from 50
#: (6,863 features) and 90.9 without ``wpn=``; bench.py's 500 MB JSONL process tree
#: measured 171 MiB PSS from 10 (with the zeros below kept too), 151 from 50.
_WPN_MIN = 50
_UNSEEN = (0, 0)


def _identity(word: str) -> str:
    return word


@dataclass(frozen=True)
class Lexicon:
    """The word knowledge the casing model reads, each part replaceable in tests.

    ``counts`` maps a lowercase word to how often a cased corpus wrote it in mid-sentence
    in lowercase and with a capital; ``bigrams`` maps ``"word next"`` to how often the pair
    was written lower-lower, lower-Capital, Capital-lower, Capital-Capital; ``roots`` are
    common (lowercase) root words; ``stem`` maps a word to its root; ``always_capital`` are names that Sastrawi's list also holds
    (days, months, countries); ``titles`` are words that take a capital before a name;
    ``name_heads`` are generic words that head a place's name (``Sungai Ciliwung``);
    ``function_words`` stay lowercase in headings; ``countries`` are words ending a
    country's name, after which a compass word describes a part of it.
    """

    counts: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    bigrams: Mapping[str, tuple[int, int, int, int]] = field(default_factory=dict)
    roots: Container[str] = frozenset()
    always_capital: Container[str] = frozenset()
    common_words: Container[str] = frozenset()
    titles: Container[str] = frozenset()
    name_heads: Container[str] = frozenset()
    function_words: Container[str] = frozenset()
    countries: Container[str] = frozenset()
    stem: Callable[[str], str] = _identity
    #: What detection makes of each capitalised word, by its text (see
    #: :func:`.detect.title_case_evidence`): it depends on the lists above alone.
    kinds: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    #: ``titles | name_heads | countries`` when all three are sets, else None: one pass
    #: over a paragraph's words tells which of the rules that read them can fire.
    rule_words: frozenset[str] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = (self.titles, self.name_heads, self.countries)
        if all(isinstance(part, (set, frozenset)) for part in parts):
            object.__setattr__(self, "rule_words", frozenset().union(*parts))  # type: ignore[arg-type]

    def knows_root(self, key: str) -> bool:
        """Whether ``key`` is a common root or Sastrawi stems it to one (``diperjuangkan``)."""
        return key in self.roots or self.stem(key) in self.roots


@dataclass
class Model:
    """Averaged-perceptron weights: ``feature -> weight``; a positive sum keeps the capital."""

    weights: Mapping[str, float] = field(default_factory=dict)
    #: Partial scores by the few things each group of features depends on (see decode;
    #: each group's keys are tuples of a length or a first item no other group uses).
    cache: dict[tuple, float] = field(default_factory=dict, repr=False, compare=False)
    #: Each word type's fast-path decisions and static score (see _word_info).
    fast: dict[str, tuple] = field(default_factory=dict, repr=False, compare=False)
    #: The weights a word pair gives, by its counts (see _pair_weights).
    pairs: dict[tuple | None, dict[str, float]] = field(default_factory=dict, repr=False, compare=False)
    #: The word types with ``wnb=`` or ``wpn=`` weights (see _right_words).
    right_words: Any = field(default=None, repr=False, compare=False)

    def score(self, features: Sequence[str]) -> float:
        get = self.weights.get
        return sum(get(f, 0.0) for f in features)


@functools.lru_cache(maxsize=4096)
def _bucket(lower: int, capital: int) -> str:
    n = lower + capital
    if n == 0:
        return "u"
    size = "1" if n < 3 else "2" if n < 10 else "3" if n < 100 else "4"
    return f"{round(10 * capital / n)}:{size}"


@functools.lru_cache(maxsize=4096)
def _gap_class(gap: str) -> str:
    """A short class for the punctuation before a word."""
    if not gap:
        return "_"
    tail = gap.rstrip()
    if not tail:
        return "sp"
    last = tail[-1]
    if last == "-":
        return "-"
    if last in "(":
        return "("
    if last in "\"“‘'«":
        return "q"
    if last in ",":
        return ","
    if last in ":":
        return ":"
    if last.isdigit():
        return "9"
    if last in "/":
        return "/"
    return "p"


class _GapClasses(dict):
    """``gap -> _gap_class(gap)``, filled as gaps are met: a subscript that reaches Python
    code only for a new gap (a third of an ``lru_cache`` call)."""

    def __missing__(self, gap: str) -> str:
        if len(self) >= _GAP_CLASSES_MAX:
            self.clear()
        found = self[gap] = _gap_class(gap)
        return found


_GAP_CLASSES_MAX = 4096
_GAP_CLASSES = _GapClasses()


def static_features(lexicon: Lexicon, key: str, lower: int, capital: int) -> list[str]:
    """Features of a word by itself: its counts, Sastrawi root or stem, lists, shape."""
    b = _bucket(lower, capital)
    feats = ["b", "b=" + b]
    if sum(lexicon.counts.get(key, (0, 0))) >= _IDENTITY_MIN:
        feats.append("w=" + key)
    if key in lexicon.roots:
        feats.append("root")
        feats.append("rootb=" + b)
    else:
        stem = lexicon.stem(key)
        if stem != key and stem in lexicon.roots:
            feats.append("stem")
            feats.append("stemb=" + b)
    if key in lexicon.always_capital:
        feats.append("always")
    if key in lexicon.titles:
        feats.append("title")
    feats.append("s3=" + key[-3:])
    feats.append("len=" + str(min(len(key), 6)))
    if lower + capital == 0:
        feats.append("uns3=" + key[-3:])
        feats.append("unp2=" + key[:2])
    return feats


def _shape(lexicon: Lexicon, text: str, lower: int, capital: int) -> str:
    """The class of a neighbouring word: acronym, lowercase, or its bucket (+r if a root)."""
    if is_acronym(text):
        return "A"
    if not text[0].isupper():
        return "low"
    shape = _bucket(lower, capital)
    return shape + "r" if text.lower() in lexicon.roots else shape


def own_context(b: str, gap: str, previous: str, before: str) -> list[str]:
    """Features of the word's bucket with the previous decisions and the punctuation before it."""
    return ["g=" + gap, "p=" + previous, "pg=" + previous + gap, "bg=" + b + gap,
            "pp=" + before + previous, "bp=" + b + previous]


def _has_identity(lexicon: Lexicon, key: str) -> bool:
    return sum(lexicon.counts.get(key, _UNSEEN)) >= _IDENTITY_MIN


def own_features(lexicon: Lexicon, key: str, b: str, gap: str, previous: str, before: str) -> list[str]:
    """Features of the word with the previous decisions and the punctuation before it."""
    feats = own_context(b, gap, previous, before)
    if (previous == KEEP or previous == LOWER) and _has_identity(lexicon, key):
        # The word after a kept or a lowered word: "Angkatan Laut" vs "di laut". Not after
        # a sentence start: train.txt's glued headlines taught "Warga Menyambut".
        feats.append("wp=" + key + previous)
    return feats


def _pair_rate(pair: tuple[int, int, int, int] | None, previous: str) -> str:
    """How often the pair's second word is capitalised, given the first word's decision."""
    if pair is None:
        return "u"
    ll, lc, cl, cc = pair
    if previous == KEEP:
        lower, capital = cl, cc
    elif previous == LOWER:
        lower, capital = ll, lc
    else:
        lower, capital = ll + cl, lc + cc
    return _bucket(lower, capital) if lower + capital >= PAIR_MIN else "u"


def left_word(lexicon: Lexicon, pk: str, gap: str, previous: str) -> list[str]:
    """Features of the previous word (``pk``, lowercase) and its decision."""
    feats = ["pw=" + pk, "pwg=" + pk + gap]
    if previous == START:
        # The first word's capital is forced: say whether it is a common word or a name.
        lower, capital = lexicon.counts.get(pk, _UNSEEN)
        known = lexicon.knows_root(pk)
        feats.append("ps=" + _bucket(lower, capital) + ("r" if known else ""))
    elif previous == KEEP:
        # What kind of capital it follows: a name the corpus knows, or one it never saw
        # ("Dalai Lama" after an unseen name, "presiden lama" after a title).
        feats.append("pb=" + _bucket(*lexicon.counts.get(pk, _UNSEEN)))
    if pk in lexicon.titles:
        feats.append("ptitle" + previous)
    return feats


def left_features(
    lexicon: Lexicon,
    pk: str | None,
    gap: str,
    previous: str,
    pair: tuple[int, int, int, int] | None = None,
) -> list[str]:
    """Features of the previous word (``pk``, lowercase; None at the paragraph start) and
    of the pair it makes with this word (``pair``: its counts, when the gap is a space)."""
    if pk is None:
        return ["pw=<s>"]
    feats = left_word(lexicon, pk, gap, previous)
    if gap == "sp":
        feats.append("lb=" + _pair_rate(pair, previous) + previous)
    return feats


def right_shape(b: str, nb: str, ngap: str, title: bool, next_title: bool) -> list[str]:
    """Features of the next word's shape and gap, with this word's bucket."""
    feats = ["nb=" + nb + ngap, "bnb=" + b + "|" + nb]
    if title:
        feats.append("tnb=" + nb)
    if next_title:
        feats.append("ntitle=" + b)  # "Wakil Presiden", "Angkatan Bersenjata" before a title
    return feats


def _right_pair(pair: tuple[int, int, int, int] | None) -> str:
    """How often this word is capitalised before the next one (``rb=``)."""
    if pair is None or sum(pair) < PAIR_MIN:
        return "rb=u"
    ll, lc, cl, cc = pair
    return "rb=" + _bucket(ll + lc, cl + cc)


def right_features(
    lexicon: Lexicon,
    key: str,
    b: str,
    nk: str | None,
    nb: str,
    ngap: str,
    pair: tuple[int, int, int, int] | None = None,
) -> list[str]:
    """Features of the next word (``nk``, lowercase; None at the end), its shape and gap,
    and how often this word is capitalised before it (``pair``)."""
    if nk is None:
        return ["nw=</s>"]
    feats = right_shape(b, nb, ngap, key in lexicon.titles, nk in lexicon.titles)
    feats += ["nw=" + nk, "wnb=" + key + "|" + nb]
    if ngap == "sp":
        feats.append(_right_pair(pair))
    return feats


def context_features(
    lexicon: Lexicon,
    words: Sequence[Word],
    i: int,
    previous: str,
    before: str,
    stats: Callable[[int], tuple[int, int]],
    pairs: Callable[[str, str], tuple[int, int, int, int] | None] | None = None,
) -> list[str]:
    """Features of word ``i`` in its place: the previous two decisions, the neighbours."""
    if pairs is None:
        pairs = lambda a, b: lexicon.bigrams.get(a + " " + b)  # noqa: E731
    key = words[i].text.lower()
    b = _bucket(*stats(i))
    gap = _gap_class(words[i].gap)
    feats = own_features(lexicon, key, b, gap, previous, before)
    pk = words[i - 1].text.lower() if i > 0 else None
    feats += left_features(lexicon, pk, gap, previous, pairs(pk, key) if pk else None)
    if i + 1 < len(words):
        nxt = words[i + 1]
        nk = nxt.text.lower()
        nb = _shape(lexicon, nxt.text, *stats(i + 1))
        feats += right_features(lexicon, key, b, nk, nb, _gap_class(nxt.gap), pairs(key, nk))
        if i + 2 < len(words):
            feats.append("nw2=" + nxt.text.lower() + "|" + words[i + 2].text.lower())
    else:
        nb = "$"
        feats += right_features(lexicon, key, b, None, "", "")
    if (previous == KEEP or previous == LOWER) and sum(lexicon.counts.get(key, _UNSEEN)) >= _WPN_MIN:
        # The word between a kept or lowered word and the next word's shape (decoded
        # beside wnb=, by shape and decision).
        feats.append("wpn=" + key + previous + "|" + nb)
    return feats


def word_features(
    lexicon: Lexicon,
    words: Sequence[Word],
    i: int,
    previous: str,
    before: str,
    stats: Callable[[int], tuple[int, int]],
    pairs: Callable[[str, str], tuple[int, int, int, int] | None] | None = None,
) -> list[str]:
    """All features of title-shaped word ``i`` given the previous two decisions.

    ``stats(j)`` gives the (lowercase, capital) counts of word ``j``; while training it
    leaves out the sentence's own occurrence.
    """
    lower, capital = stats(i)
    return static_features(lexicon, words[i].text.lower(), lower, capital) + context_features(
        lexicon, words, i, previous, before, stats, pairs
    )


#: Entries kept in the decoder's caches (context parts; word records) before the older
#: half is dropped. With 200,000 of each and a full clear, the two workers of a default run
#: on a 500 MB JSONL file grew to a process tree of 202 MiB PSS; at these sizes, 134 MiB,
#: but most context parts were then per word pair (and per previous word), which long
#: title-cased runs cycled through and rebuilt: `-j2` used 15-33% more CPU than `-j1`.
#: Pair weights are now kept by the pair's counts (_pair_weights) and the previous word's
#: in its record (_word_info), so the context parts are combinations of buckets, shapes,
#: gaps and decisions (8,632 for all of train.txt) and the bound is a safety net. The
#: 500 MB JSONL run then peaked at 116.6 MiB PSS (largest process 64.5 MiB RSS).
_CACHE_MAX = 50_000
_FAST_MAX = 100_000
#: ``wnb=`` and ``wpn=`` weights kept per word type (a word meets a few dozen next-word
#: shapes at most, ``wpn=`` each after a kept and a lowered word).
_SHAPES_MAX = 64
#: The (empty, never filled) ``wnb=`` weights of word types the fast path always settles.
_NEVER_ASKED: dict[str, float] = {}
#: The ``wnb=`` weights of the word types that have none (see _right_words): 0.0 for
#: every shape a next word has (:func:`_bucket`'s, with ``r`` for a root, ``low``, ``A``).
#: Holding more than _SHAPES_MAX, it is never added to.
_BUCKETS = ["u", *(f"{rate}:{size}" for rate in range(11) for size in "1234")]
_NO_RIGHT_WEIGHTS: dict[str, float] = dict.fromkeys([*_BUCKETS, *(b + "r" for b in _BUCKETS), "low", "A"], 0.0)
#: One object per value a record or its dict of weights holds for many word types, where
#: each made its own: a bucket with ``r`` (a root's shape), the ``wpn=`` keys (the next
#: word's shape with this word's decision).
_ROOT_SHAPES = {b: b + "r" for b in _BUCKETS}
_SHAPE_DECISIONS = {(nb, previous): (nb, previous) for nb in _NO_RIGHT_WEIGHTS for previous in (KEEP, LOWER)}
#: Model.right_words before it is read.
_NOT_READ = None
#: Keep the capital when the score reaches this (below 0: when unsure, keep it).
THRESHOLD = 0.0
_AFTER_LOWER = frozenset({"l", "S", "O"})


#: Clitics and bound prefixes around a common word make a common word: "ponselnya",
#: "antarwarga", "semiotonomi" (unseen forms Sastrawi cannot stem). train.txt: of the
#: one-off words these rules catch, 31 of 32 are lowercase ("Nonkependidikan" is not).
_CLITICS = ("nya", "ku", "mu")
_BOUND_PREFIXES = ("antar", "semi", "pasca", "non", "swa", "multi", "nir")
_BASE_MIN = 4


def _common_base(lexicon: Lexicon, base: str, stemmed: bool = True) -> bool:
    """A word the corpus writes in lowercase or, unseen, a common root: through its
    Sastrawi stem, or (not ``stemmed``) only as it is, for the bases an affix reading
    makes up (:func:`_affixed_common`), which stem to anything."""
    if len(base) < _BASE_MIN:
        return False
    lower, capital = lexicon.counts.get(base, _UNSEEN)
    if lower or capital:
        return lower > capital and lower >= 2
    return lexicon.knows_root(base) if stemmed else base in lexicon.roots


def _derived_common(lexicon: Lexicon, key: str) -> bool:
    """An unseen word that is a common word with a clitic or a bound prefix, or with a
    verb or noun affix (:func:`_affixed_common`)."""
    for clitic in _CLITICS:
        if key.endswith(clitic) and _common_base(lexicon, key[: -len(clitic)]):
            return True
    for prefix in _BOUND_PREFIXES:
        if key.startswith(prefix) and _common_base(lexicon, key[len(prefix) :]):
            return True
    return _affixed_common(lexicon, key)


#: Verb and noun prefixes: the first letters a base may have after each as written, and
#: the letter its nasal replaced (``pemrotes``: *pem-* + *protes*; ``menyusun``: *meny-* +
#: *susun*), longest first. ``me-`` and ``pe-`` alone come only before l, r, w, y, m, n
#: (``Mesuji``, ``Peterongan`` are names, not *me-* + *suji*, *pe-* + *terong* + *-an*).
_VOWELS = "aeiou"
_ANY = None
_AFFIX_PREFIXES = (
    ("meng", "ghk" + _VOWELS, "k"), ("meny", "", "s"), ("mem", "bfvp", "p"), ("men", "cdjtz", "t"),
    ("me", "lrwymn", ""), ("peng", "ghk" + _VOWELS, "k"), ("peny", "", "s"), ("pem", "bfvp", "p"),
    ("pen", "cdjtz", "t"), ("per", _ANY, ""), ("pe", "lrwymn", ""), ("ber", _ANY, ""),
    ("ter", _ANY, ""), ("di", _ANY, ""), ("ke", _ANY, ""),
)
_AFFIX_SUFFIXES = ("kannya", "annya", "kan", "an", "i", "nya", "lah", "")


def _affixed_common(lexicon: Lexicon, key: str) -> bool:
    """An unseen word read as a prefix (and a suffix) around a word the corpus writes in
    lowercase, where Sastrawi's root list lacks that word or the spelling
    (``pencapresan``: *pen-* + *capres* + *-an*; ``pemrotes``; ``berwewenang``).
    ``ke-`` only with ``-an`` (``Kesamben`` is a name). train.txt: the 16 words seen
    once that Sastrawi does not know and that read so are all lowercase (``direspon``,
    ``mengaudisi``, ``kewartawanan``); dev acc 0.9625 -> 0.9627, one word lost
    downstream of eight fixed."""
    for prefix, firsts, dropped in _AFFIX_PREFIXES:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix) :]
        for suffix in _AFFIX_SUFFIXES:
            if not rest.endswith(suffix) or (prefix == "ke" and suffix not in ("an", "annya")):
                continue
            base = rest[: len(rest) - len(suffix)]
            if base and (firsts is _ANY or base[0] in firsts) and _common_base(lexicon, base, stemmed=False):
                return True
            if dropped and _common_base(lexicon, dropped + base, stemmed=False):
                return True
    return False


#: The suffixes of a confix around a compound (``-i``, ``-kan``, ``-an``, with ``-nya``).
_COMPOUND_SUFFIXES = ("kannya", "annya", "inya", "kan", "an", "i")
#: The shortest word of a compound (``uji`` in ``diujicobakan``).
_COMPOUND_PART_MIN = 3


def _compound_part(lexicon: Lexicon, part: str) -> bool:
    """A word of a compound: one the corpus writes in lowercase, or, unseen, a root."""
    if len(part) < _COMPOUND_PART_MIN:
        return False
    lower, capital = lexicon.counts.get(part, _UNSEEN)
    if lower or capital:
        return lower > capital and lower >= 2
    return part in lexicon.roots


def _affixed_compound(lexicon: Lexicon, key: str) -> bool:
    """An unseen word read as a prefix and a suffix around two common words: EYD V
    writes a compound that takes a prefix and a suffix at once as one word
    (``menggarisbawahi``: *meng-* + *garis bawah* + *-i*; ``dilipatgandakan``,
    ``ketidakadilan``), which neither Sastrawi nor the corpus's counts know. ``ke-`` only
    with ``-an``, as in :func:`_affixed_common`. train.txt: of the words seen once that
    Sastrawi does not know and that read so, 22 are lowercase (``disebarluaskan``,
    ``ditindaklanjuti``, ``ketidakteraturan``) and one capitalised (``Kewarganegaraan``, in
    an office's name). Lowered after a lowered word and kept otherwise, settled in
    :func:`fast_decision` rather than left to the model: the build script trains on the
    words the fast path leaves open, which must not change, or the shipped model would
    no longer be what the script makes (``tests/test_build_reproducible.py``). Dev acc
    0.9638 -> 0.9639 (1299 -> 1296 wrong: ``menggarisbawahi`` twice,
    ``ketidaksediaan``), cap P 0.8769 -> 0.8773, F1 0.9011 -> 0.9013, names lowered 465
    -> 465; the every-4th-line train sample unchanged (3526 wrong)."""
    for prefix, firsts, dropped in _AFFIX_PREFIXES:
        if not key.startswith(prefix):
            continue
        rest = key[len(prefix) :]
        for suffix in _COMPOUND_SUFFIXES:
            if not rest.endswith(suffix) or (prefix == "ke" and not suffix.startswith("an")):
                continue
            middle = rest[: len(rest) - len(suffix)]
            for cut in range(_COMPOUND_PART_MIN, len(middle) - _COMPOUND_PART_MIN + 1):
                first, second = middle[:cut], middle[cut:]
                if not _compound_part(lexicon, second):
                    continue
                if (firsts is _ANY or first[0] in firsts) and _compound_part(lexicon, first):
                    return True
                if dropped and _compound_part(lexicon, dropped + first):
                    return True
    return False


#: A misspelling is read only in a word this long (shorter ones are a name's too often).
_TYPO_MIN = 7
#: What a misspelt word's correct spelling must be: written in lowercase this often, and
#: with a capital at most once in _TYPO_CAPITAL_EVERY sightings.
_TYPO_TARGET_MIN = 20
_TYPO_CAPITAL_EVERY = 10
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _frequent_common(lower: int, capital: int) -> bool:
    """Counts of a frequent common word: written in lowercase at least 20 times, and with
    a capital at most once in 10 sightings."""
    return lower >= _TYPO_TARGET_MIN and capital * _TYPO_CAPITAL_EVERY <= lower + capital


def _misspelt_common(lexicon: Lexicon, key: str) -> bool:
    """An unseen word one typing error away from a frequent common word: a letter left
    out, doubled or added, two neighbours swapped, a letter struck for another
    (``berlansung``, ``pasawat``, ``peesrta``), but never the first letter, which names
    differ by (``Manyak``, ``Sonten``). Only words of seven letters or more, and only
    towards a word the corpus writes in lowercase at least 20 times and capitalised at
    most once in 10. train.txt, words seen once that Sastrawi does not know, after a
    lowered word: 76 read so are lowercase (``memiih``, ``kemudia``, ``sepanajng``), 7
    capitalised (``Pertamax``, ``Species``, ``Kwandang``); capitalised at most once in
    20: 66 and the same 7 (dev unchanged); at least 10 times: 87 and 10; words of six
    letters: 26 and 14 (``Carita``, ``Orange``, ``Salman``). Lowered only after a lowered
    word, kept otherwise (asking the model instead: one dev word more, but the words the
    build script trains on would change). Dev acc 0.9639 -> 0.9641 (1296 -> 1289 wrong),
    cap P 0.8773 -> 0.8783, R 0.9266 -> 0.9264, F1 0.9013 -> 0.9017, names lowered 465
    -> 466 (``pasawat Air Mauritania``: the model lowers ``Air`` after the lowered word,
    as after ``pesawat``); the every-4th-line train sample unchanged (3526). Cost:
    dev.txt's 1,293 unseen words of seven letters or more after a lowered word take 14
    ms with :func:`_typo_index` (5-8 ms more to build it once),
    133 ms trying every spelling one edit away."""
    if len(key) < _TYPO_MIN or not key.isalpha() or not key.isascii():
        return False
    index = _typo_index(lexicon)
    if index is None:  # the counts are an index file: try every spelling one edit away
        return any(_frequent_common(*lexicon.counts.get(spelling, _UNSEEN)) for spelling in _one_edit_away(key))
    # The words one edit away share with it the word itself or the word less one letter
    # (not the first): the index holds those of every target, so n + 1 lookups find them.
    for probe in (key, *(key[:cut] + key[cut + 1 :] for cut in range(1, len(key)))):
        targets = index.get(probe)
        if targets is not None and any(_one_edit(key, target) for target in targets.split("\n")):
            return True
    return False


def _one_edit_away(key: str) -> Iterable[str]:
    """The spellings one edit from ``key``, its first letter kept."""
    for cut in range(1, len(key) + 1):
        head, tail = key[:cut], key[cut:]
        yield from (head + letter + tail for letter in _LETTERS)  # one left out
        if tail:
            rest = tail[1:]
            yield head + rest  # one added
            yield from (head + letter + rest for letter in _LETTERS if letter != tail[0])  # one struck
            if rest:
                yield head + rest[0] + tail[0] + rest[1:]  # two swapped


def _one_edit(key: str, target: str) -> bool:
    """Whether ``target`` is one of :func:`_one_edit_away`'s spellings of ``key``."""
    if key == target or key[0] != target[0]:
        return False
    size, other = len(key), len(target)
    if abs(size - other) > 1:
        return False
    cut = 0
    while cut < min(size, other) and key[cut] == target[cut]:
        cut += 1
    if size == other:
        if key[cut + 1 :] == target[cut + 1 :]:
            return True  # one struck
        return cut + 1 < size and key[cut] == target[cut + 1] and key[cut + 1] == target[cut] and key[cut + 2 :] == target[cut + 2 :]
    if size > other:
        return key[cut + 1 :] == target[cut:]  # one added
    return key[cut:] == target[cut + 1 :]  # one left out


#: _typo_index's memory: the lexicon, and its index.
_TYPO_INDEX: list = [None, None]


def _typo_index(lexicon: Lexicon) -> dict[str, str] | None:
    """Each typo target (:func:`_frequent_common`, six letters or more) by itself and by
    itself less one letter but the first; made once per lexicon, from a pass over the
    counts (None when they are an index file, which cannot be walked). 1,813 targets, 5 ms.

    A spelling's targets are one string, joined by newlines (14,224 spellings, 13,939 of
    them one target's: the counts' own key then, no new string), where a list each took
    2.25 MiB; 1.25 MiB now (tracemalloc). A process that forks workers builds it before
    (:func:`prepare`), as reading every count in each worker copied the counts' pages."""
    if _TYPO_INDEX[0] is lexicon:
        return _TYPO_INDEX[1]
    index: dict[str, str] | None = None
    counts = lexicon.counts
    if isinstance(counts, dict):
        index = {}
        for word, (lower, capital) in counts.items():
            if len(word) >= _TYPO_MIN - 1 and _frequent_common(lower, capital):
                for spelling in dict.fromkeys((word, *(word[:cut] + word[cut + 1 :] for cut in range(1, len(word))))):
                    found = index.get(spelling)
                    index[spelling] = word if found is None else found + "\n" + word
    _TYPO_INDEX[:] = [lexicon, index]
    return index


def prepare(lexicon: Lexicon, model: Model) -> None:
    """Build now what decoding builds from the whole lexicon and model on first need (the
    typo index, :func:`_right_words`): a process about to fork workers that share its
    memory builds them once for all."""
    _typo_index(lexicon)
    _right_words(model)


#: Endings of foreign words adapted by Indonesian spelling (Pedoman Umum Pembentukan
#: Istilah: -ation -> -asi, -ive -> -if), kept as those whose unseen words train.txt
#: never capitalises after a lowered word (words seen once that Sastrawi does not know,
#: six letters or more: -asi 17 of 17 lowercase, -if 9 of 9). Tried and left out: -si
#: (21 of 23; dev: ``antarfaksi`` fixed, ``pro-Tbilisi`` lowered), -ik (34 of 40; dev
#: four words more, but ``Atlantik`` and ``Baltik`` lowered), -isme (6 of 7;
#: ``Neopaganisme`` lowered), -itas (6 of 8), -tor (5 of 7), -logi (2 of 4), -al (17 of
#: 29), -is (19 of 37), and the English endings -er (34 of 68), -ing (22 of 43), -tion
#: (8 of 13), -ment (6 of 10), -ic (0 of 7): English words in Indonesian text are names
#: (of films, firms, bands) about as often as borrowed common words.
_ADAPTED_ENDINGS = ("asi", "if")
_ADAPTED_MIN = 6


def _adapted_loanword(lexicon: Lexicon, key: str) -> bool:
    """An unseen word with an ending Indonesian spelling gives borrowed common nouns and
    adjectives (``dekontaminasi``, ``leitmotif``; :data:`_ADAPTED_ENDINGS`), unless the
    corpus mostly capitalises what is left without the ending: a word made from a name.
    Lowered after a lowered word. Dev acc 0.9641 -> 0.9642 (1289 -> 1287 wrong:
    ``sherif``, ``leitmotif``), cap P 0.8783 -> 0.8786, F1 0.9017 -> 0.9019, names
    lowered 466 -> 466; the every-4th-line train sample unchanged (3526)."""
    if len(key) < _ADAPTED_MIN or not key.endswith(_ADAPTED_ENDINGS) or not key.isalpha():
        return False
    for ending in _ADAPTED_ENDINGS:
        if key.endswith(ending):
            lower, capital = lexicon.counts.get(key[: -len(ending)], _UNSEEN)
            if capital > lower:
                return False
    return True


#: Affixes that alone make no common word from a root: ``-i`` without a prefix and ``ke-``
#: without ``-an`` are how Sastrawi reads names (``Rahimi`` as *rahim* + *-i*, ``Kesamben``
#: as *ke-* + *samben*). dev.txt: 5 of the 6 unseen words read as root + ``-i`` are names,
#: both read as ``ke-`` + root; kept as unknown words: names lowered 551 -> 546. Not
#: around a frequent common word after a lowered word (:func:`_name_like_reading_of_common`).
_NAME_LIKE_AFFIXES = frozenset({("", "i"), ("ke", "")})


def _credibly_derived(lexicon: Lexicon, key: str) -> bool:
    """Whether an unseen word's reading as a common root plus affixes is credible."""
    if key in lexicon.roots:
        return True
    stem = lexicon.stem(key)
    at = key.find(stem)
    if at < 0:
        return True  # a nasal prefix changed the root's first letter (menyelidiki)
    return (key[:at], key[at + len(stem):]) not in _NAME_LIKE_AFFIXES


def _name_like_reading_of_common(lexicon: Lexicon, key: str) -> bool:
    """An unseen word that :func:`_credibly_derived` doubts (``ke-`` without ``-an``, or
    ``-i`` alone), read around a frequent common word (:func:`_frequent_common`): then
    it is a common word too, a glued preposition (``kelangit``: *ke langit*) or a verb
    (``hujani``). train.txt, words seen once read so: 77 lowercase, 3 capitalised
    (``Kerumah``, ``Ayahi``, ``Riwayati``); around other roots 256 and 39. Lowered after
    a lowered word, kept otherwise. Dev acc 0.9642 -> 0.9643 (1285 -> 1284 wrong:
    ``kelangit``), cap P 0.8788 -> 0.8790, F1 0.9020 -> 0.9021, names lowered 466 -> 466;
    the every-4th-line train sample unchanged (3526)."""
    stem = lexicon.stem(key)
    return stem != key and _frequent_common(*lexicon.counts.get(stem, _UNSEEN))


def fast_decision(lexicon: Lexicon, key: str, lower: int, capital: int, previous: str) -> str | None:
    """KEEP or LOWER when the word alone settles it, else None (ask the model).

    Always-capitalised words keep their capital; a word the corpus never wrote keeps it
    too unless Sastrawi knows it or its root (when unsure whether a word is a name, keep
    the capital); frequent words written one way 99 times in 100 go that way (lowercase
    only after a lowered word: ``Menteri Dalam Negeri``).
    """
    if key in lexicon.always_capital:
        return KEEP
    if key in lexicon.common_words and previous in _AFTER_LOWER:
        return LOWER
    n = lower + capital
    if n == 0:
        if lexicon.knows_root(key):
            if _credibly_derived(lexicon, key):
                return None
            return LOWER if previous in _AFTER_LOWER and _name_like_reading_of_common(lexicon, key) else KEEP
        if _derived_common(lexicon, key):
            return LOWER if previous in _AFTER_LOWER else None
        if previous in _AFTER_LOWER and (
            _affixed_compound(lexicon, key) or _misspelt_common(lexicon, key) or _adapted_loanword(lexicon, key)
        ):
            return LOWER
        return KEEP
    if n < _FAST_MIN:
        return None
    if capital >= _FAST_CAP * n:
        return KEEP
    if capital <= _FAST_LOW * n and (previous in _AFTER_LOWER or capital * _FAST_NEVER <= n):
        return LOWER
    return None


def _drop_older_half(cache: dict) -> None:
    """Forget the older half of a full cache (first in, first out): what is used often
    comes back soon, where a full clear rebuilt every common entry at once (`-j1` on the
    bench archive: 35.1 s of CPU against 41.4 s with a full clear, one run each)."""
    for key in list(itertools.islice(cache, len(cache) // 2)):
        del cache[key]


def _pair_weights(model: Model, pair: tuple[int, int, int, int] | None) -> dict[str, float]:
    """The weights a word pair with counts ``pair`` (None: not in the table) gives: ``lb=``
    by the first word's decision (keys ``C``, ``l``, ``A``, ``S``, ``O``) and ``rb=`` (key
    ``rb``).

    They depend on the counts alone, and the shipped table holds 46,000 pairs but fewer
    than 1,000 distinct counts: kept by the counts, they need no bound, where a cache by
    word pair held most of its entries for pairs the table lacks and rebuilt them as
    long runs cycled through more pairs than it held."""
    get = model.weights.get
    weights = {previous: get("lb=" + _pair_rate(pair, previous) + previous, 0.0)
               for previous in (KEEP, LOWER, ACRONYM, START, OTHER)}
    weights["rb"] = get(_right_pair(pair), 0.0)
    model.pairs[pair] = weights
    return weights


def _title_form(key: str) -> str | None:
    """``key`` with a capital, if that spelling is :func:`.words.lowerable`; else None. A
    word equal to it is lowerable without testing its letters (one string comparison,
    where the test sliced the word and called two methods)."""
    first = key[:1].upper()
    form = first + key[1:] if len(first) == 1 else ""
    return form if form and lowerable(form) else None


def _right_words(model: Model) -> dict[str, bool] | bool:
    """The word types that have ``wnb=`` weights (False) or ``wpn=`` ones too (True), read
    once from the weights (7,189 of the 33,288 words counted, 859 with ``wpn=``); True
    when the weights cannot be walked (an index file: then any word may have them).

    Decoding keeps the ``wnb=`` and ``wpn=`` weights a word type meets in its record, a
    dict by the next word's shape (:func:`_word_info`). Most types have none: they share
    one dict of zeros instead of a dict each. Bench.py's 500 MB JSONL run, two workers:
    tree PSS 132.3, 131.4, 131.6 -> 124.3, 124.0, 124.2 MiB (largest process 77.8 -> 73.8
    MiB RSS); one process cleaning 23 MB of news 88.8 -> 86.2 MiB max RSS."""
    words = model.right_words
    if words is _NOT_READ:
        weights = model.weights
        if isinstance(weights, dict):
            # Sorted (the shipped file is: a linear pass), each prefix's features are one
            # slice: 6 ms, where testing every feature's prefix took 23.
            features = sorted(weights)
            words = {}
            for prefix, cut, wpn in (("wnb=", 0, False), ("wpn=", 1, True)):  # (wpn=: less the decision)
                start = bisect.bisect_left(features, prefix)
                end = bisect.bisect_left(features, prefix[:-1] + ">", start)
                for feature in features[start:end]:
                    words[feature[4 : feature.rindex("|") - cut]] = wpn
        else:
            words = True
        model.right_words = words
    return words


def _word_info(lexicon: Lexicon, model: Model, key: str) -> tuple:
    """What decoding needs of a word type, computed once: its fast-path decisions (after
    a lowered word, after others), its bucket, its static score (when the model may be
    asked), the weights of ``wp=`` after a kept and a lowered word, whether it is a title,
    its shape as the next word, the weight of ``nw=`` (it as the next word), and the
    weights of :func:`left_word` that depend on it alone (it as the previous word: ``pw=``,
    ``pwg=`` after a space, ``ps=``, ``pb=``), where a cache by previous word, gap and
    decision held 35,000 entries for train.txt's word types. Then what saves decoding
    string work: its capitalised form (:func:`_title_form`). The ``nw2=`` features and
    the pairs' keys are built in decoding with one f-string each: kept in the record as
    ready-made prefixes they cost two strings a word type (3.7 MB of each worker's memory
    at 30,000 types, traced) and saved nothing (callgrind, 200 KB title-cased, steady
    state: 763.8M instructions with them, 758.4M without; tree PSS on 60 MB of JSONL
    141.3 -> 134.6 MiB).

    ``wnb=`` (the word with the next word's shape) is looked up in decoding instead: its
    92 shapes cost 50 microseconds a word type here (most of this function's time), as
    much as 200 lookups in decoding, and a long run's workers each met every word type
    of the run at least once. The weights met are kept in the record (a dict by shape, up
    to _SHAPES_MAX), where building and hashing ``wnb=word|shape`` cost four times the
    lookup."""
    lower, capital = lexicon.counts.get(key, _UNSEEN)
    after_lower = fast_decision(lexicon, key, lower, capital, LOWER)
    after_other = fast_decision(lexicon, key, lower, capital, KEEP)
    b = _bucket(lower, capital)
    static = wp_keep = wp_lower = 0.0
    weights = model.weights
    known = lexicon.knows_root(key)
    may_ask = after_lower is None or after_other is None
    shapes, wpn = _NEVER_ASKED, False
    if may_ask:
        static = model.score(static_features(lexicon, key, lower, capital))
        if lower + capital >= _IDENTITY_MIN:
            wp_keep = weights.get("wp=" + key + KEEP, 0.0)
            wp_lower = weights.get("wp=" + key + LOWER, 0.0)
        right = _right_words(model)
        listed = True if right is True else right.get(key)
        if listed is None:
            shapes = _NO_RIGHT_WEIGHTS
        else:
            # Whether the word has wpn= weights: the others' would all be 0, and keeping
            # those zeros in every asked word's record cost 4.4 MiB more in one process
            # cleaning 23 MB of news (101.9 against 97.5 MiB, wpn= from 10 sightings).
            shapes, wpn = {}, listed and lower + capital >= _WPN_MIN
    info = (
        after_lower,
        after_other,
        b,
        static,
        wp_keep,
        wp_lower,
        key in lexicon.titles,
        (_ROOT_SHAPES.get(b) or b + "r") if key in lexicon.roots else b,
        weights.get("nw=" + key, 0.0),
        weights.get("pw=" + key, 0.0),
        weights.get("pwg=" + key + "sp", 0.0),
        weights.get("ps=" + b + ("r" if known else ""), 0.0),
        weights.get("pb=" + b, 0.0),
        _title_form(key),
        shapes,  # wnb= weights by the next word's shape, as met
        wpn,
    )
    if len(model.fast) > _FAST_MAX:
        _drop_older_half(model.fast)
    model.fast[key] = info
    return info


def decode(
    lexicon: Lexicon,
    model: Model,
    words: Sequence[Word],
    fixed: Mapping[int, str],
    keys: Sequence[str] | None = None,
) -> list[str]:
    """Decide every word of a paragraph in one greedy left-to-right pass.

    ``fixed`` holds decisions already made by rules (sentence starts, ``Ke-43``); other
    title-shaped words go to the fast path, then the model. Words that are not
    title-shaped are ACRONYM (all capitals) or OTHER (lowercase, digits, mixed case).
    ``keys`` are the words in lowercase, when the caller has them.

    The model's score is the same sum as :func:`word_features` gives, taken in parts: a
    word type's own weights and those it gives as the previous word (:func:`_word_info`),
    a word pair's weights by its counts (:func:`_pair_weights`), and context parts cached
    on the little each depends on (the previous decisions with the gap and bucket; the
    next word's shape), so a first sighting is cheap too.
    """
    if keys is None:
        keys = lowercase_keys(words)
    cache = model.cache
    if len(cache) > _CACHE_MAX:  # a long batch run: stay bounded rather than grow forever
        _drop_older_half(cache)
    infos = model.fast
    wget = model.weights.get
    score = model.score
    bigrams = lexicon.bigrams
    pairs = model.pairs
    last = len(words) - 1
    gap_class = _GAP_CLASSES  # by gap string, read only for the words the model is asked about
    previous, before = OTHER, OTHER
    ahead = -1  # the word whose left pair ``weights`` holds (the last right pair looked up)
    weights: Any = None
    # (Words are read by index: an attribute is a generic, unspecialised lookup.)
    # The records of the paragraph's word types, looked up in one C loop; a missing one
    # is made when a word needs it (as itself or as a neighbour). A word equal to its
    # type's capitalised form is lowerable: one comparison settles nearly every word.
    found: list = list(map(infos.get, keys))
    # The rules' decisions in place, the others filled in as the loop reaches them: one
    # list read a word, where a lookup in ``fixed`` and an append were two calls.
    out: list = [None] * len(words)
    for i, rule in fixed.items():
        out[i] = rule
    after_lower = _AFTER_LOWER
    # The caches are read by subscript, a miss raising KeyError: a miss is a first
    # sighting, and a subscript costs less than a ``get`` call (200 KB title-cased,
    # callgrind steady state: decode 199.4M -> 194.3M instructions; the cold first pass,
    # with its misses, 9M more).
    for i, word in enumerate(words):
        decision = out[i]
        if decision is None:
            text = word[0]
            info = found[i]
            if info is not None and text == info[13]:
                decision = info[0] if previous in after_lower else info[1]
            elif lowerable(text):
                info = found[i] = info or _word_info(lexicon, model, keys[i])
                decision = info[0] if previous in after_lower else info[1]
            else:
                decision = ACRONYM if text[0].isupper() and text.isupper() else OTHER
            if decision is None:  # title-shaped, and the fast path left it open
                key = keys[i]
                gap = gap_class[word[2]]
                b = info[2]
                total = info[3]
                k = (b, gap, previous, before)
                try:
                    part = cache[k]
                except KeyError:
                    part = cache[k] = score(own_context(b, gap, previous, before))
                total += part
                if previous == KEEP:
                    total += info[4]
                elif previous == LOWER:
                    total += info[5]
                if i:
                    pinfo = found[i - 1]
                    if pinfo is None:
                        pinfo = found[i - 1] = _word_info(lexicon, model, keys[i - 1])
                    # left_word's weights, added in its order: the same sum to the last bit
                    part = pinfo[9] + (pinfo[10] if gap == "sp" else wget("pwg=" + keys[i - 1] + gap, 0.0))
                    if previous == START:
                        part += pinfo[11]
                    elif previous == KEEP:
                        part += pinfo[12]
                    if pinfo[6]:
                        part += wget("ptitle" + previous, 0.0)
                    total += part
                    if gap == "sp":
                        if ahead != i:  # not this pair's weights from the word before
                            pair = bigrams.get(f"{keys[i - 1]} {key}")
                            try:
                                weights = pairs[pair]
                            except KeyError:
                                weights = _pair_weights(model, pair)
                        total += weights[previous]
                else:
                    total += wget("pw=<s>", 0.0)
                j = i + 1
                if j <= last:
                    following_word = words[j]
                    ntext = following_word[0]
                    nk = keys[j]
                    ngap = gap_class[following_word[2]]
                    ninfo = found[j]
                    if ninfo is None:
                        ninfo = found[j] = _word_info(lexicon, model, nk)
                    if ntext == ninfo[13]:  # title-shaped, so neither lowercase nor an acronym
                        nb = ninfo[7]
                    elif not ntext[0].isupper():
                        nb = "low"
                    elif len(ntext) > 1 and not ntext[1].islower() and is_acronym(ntext):
                        nb = "A"
                    else:
                        nb = ninfo[7]
                    rk = (b, nb, ngap, info[6], ninfo[6])
                    try:
                        part = cache[rk]
                    except KeyError:
                        part = cache[rk] = score(right_shape(b, nb, ngap, info[6], ninfo[6]))
                    shapes = info[14]
                    try:
                        right = shapes[nb]
                    except KeyError:
                        right = wget(f"wnb={key}|{nb}", 0.0)
                        if len(shapes) < _SHAPES_MAX:
                            shapes[nb] = right
                    if info[15] and (previous == KEEP or previous == LOWER):
                        try:
                            right += shapes[nb, previous]
                        except KeyError:
                            found_wpn = wget(f"wpn={key}{previous}|{nb}", 0.0)
                            if len(shapes) < _SHAPES_MAX:
                                k = (nb, previous)
                                shapes[_SHAPE_DECISIONS.get(k, k)] = found_wpn
                            right += found_wpn
                    total += part + ninfo[8] + right
                    if ngap == "sp":
                        pair = bigrams.get(f"{key} {nk}")
                        try:
                            weights = pairs[pair]
                        except KeyError:
                            weights = _pair_weights(model, pair)
                        ahead = j  # the next word's left pair, if it is asked
                        total += weights["rb"]
                    if j < last:
                        total += wget(f"nw2={nk}|{keys[j + 1]}", 0.0)
                else:
                    total += wget("nw=</s>", 0.0)
                    if info[15] and (previous == KEEP or previous == LOWER):
                        total += wget(f"wpn={key}{previous}|$", 0.0)
                decision = KEEP if total >= THRESHOLD else LOWER
            out[i] = decision
        elif decision == PIECE:
            out[i] = LOWER
            continue  # the next word reads on from this word's head
        before, previous = previous, decision
    return out
