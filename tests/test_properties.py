"""Properties that hold for every input: textfix never crashes, never invents, never
damages clean text, and explains every character it removes.

Inputs come from three places: arbitrary Unicode (hypothesis' own text, and text drawn
from the characters the rules care about), generated scraped-looking articles (Indonesian
sentences, "Baca juga" promos, photo credits, trailing markers, title-cased or not), and
the project's own samples and test texts.

*Words* are compared after the pipeline's own stage-1 normalisation (entities unescaped,
mojibake repaired, NFC, odd spaces) and ``casefold``: a word is a maximal run of ``\\w``
characters. Recasing changes no word under ``casefold``; junk rules only remove.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import regex
from hypothesis import HealthCheck, Phase, example, find, given, settings
from hypothesis import strategies as st

import textfix
from textfix import pipeline, rules
from textfix.config import Config

HERE = Path(__file__).parent
ROOT = HERE.parent
NORMALISERS = {"fix_encoding", "normalize_unicode", "normalize_whitespace", "split_list_joins", "split_sentence_glue"}
KEEP = Config(layout="keep")
#: One paragraph a line is read back differently (a line break is not a paragraph break):
#: its output must be a fixed point too.
ONE_PER_LINE = Config(one_per_line=True)
CONFIGS = [Config(), KEEP, ONE_PER_LINE]

FAST = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- a small generator of scraped-looking articles ------------------------------------

COMMON = (
    "warga desa pemerintah kota harga beras naik di pasar dan yang akan membuka jalan baru "
    "pada tahun ini petani panen padi sekolah siswa guru mengikuti upacara hujan deras sejak "
    "pagi rumah terendam banjir kepala dinas mengatakan bahwa program bantuan sosial tersebut "
    "berjalan lancar untuk masyarakat setempat kegiatan berlangsung meriah sebanyak orang hadir "
    "dalam acara itu juga sudah belum masih sangat lebih banyak kecil besar menurut dia kami "
    "mereka ke dari oleh karena sehingga namun tetapi baca foto berita"
).split()
NAMES = ["Bandung", "Jakarta", "Surabaya", "Budi", "Siti Aminah", "Senin", "Selasa", "Indonesia", "Jawa Barat"]
NUMBERS = ["2025", "24", "(3/11/2025)", "Rp 15.000", "12,5"]
CREDITS = ["(Foto: Humas Pemkab)", "(Foto: Dok. Warga)", "(FOTO: ANTARA/Budi)"]


@st.composite
def sentences(draw) -> str:
    words = draw(st.lists(st.sampled_from(COMMON), min_size=4, max_size=14))
    if draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words))), draw(st.sampled_from(NAMES)))
    if draw(st.booleans()):
        words.insert(draw(st.integers(1, len(words))), draw(st.sampled_from(NUMBERS)))
    if len(words) > 5 and draw(st.booleans()):
        words[2] += ","
    text = " ".join(words)
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", ".", "?", "!"]))


@st.composite
def paragraphs(draw) -> str:
    return " ".join(draw(st.lists(sentences(), min_size=1, max_size=3)))


def _title_case(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split(" "))


@st.composite
def junk(draw) -> str:
    headline = _title_case(" ".join(draw(st.lists(st.sampled_from(COMMON), min_size=3, max_size=8))))
    kind = draw(st.sampled_from(["read", "READ", "credit", "caption", "stars", "ad"]))
    if kind == "read":
        return f"Baca juga: {headline}"
    if kind == "READ":
        return f"BACA JUGA :{headline}"
    if kind == "credit":
        return draw(paragraphs()) + " " + draw(st.sampled_from(CREDITS))
    if kind == "caption":
        return headline + " " + draw(st.sampled_from(CREDITS))
    if kind == "stars":
        return "***"
    return "ADVERTISEMENT"


@st.composite
def articles(draw) -> str:
    """A scraped article: paragraphs with junk among them, maybe title-cased, any layout."""
    parts = draw(st.lists(st.one_of(paragraphs(), paragraphs(), junk()), min_size=1, max_size=8))
    if draw(st.booleans()):
        parts[0] = draw(st.sampled_from(["BANDUNG - ", "Jakarta, KOMPAS.com - "])) + parts[0]
    if draw(st.booleans()):
        parts = [_title_case(p) for p in parts]
    if draw(st.booleans()):
        parts[-1] += "***"
    text = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n\n"])).join(parts)
    return text + draw(st.sampled_from(["", "\n", "\n\n", "  \n"]))


@st.composite
def clean_articles(draw) -> str:
    """What textfix itself writes: normally cased, junk-free paragraphs, blank-line separated.

    Paragraphs are distinct: a repeated paragraph is scraper junk (``drop_duplicate_paragraphs``).
    """
    return "\n\n".join(draw(st.lists(paragraphs(), min_size=1, max_size=6, unique=True))) + "\n"


#: Characters the rules and normalisers care about, to reach their edges quickly.
EDGY = st.lists(
    st.sampled_from(
        list("aAbBcCjJgGuUfFoOtT .,:;*()[]\n\r\t-–&#“”\"'/!?0123456789")
        + ["Baca juga", "BACA JUGA", "Foto", "(Foto: ", "ANTARA FOTO/", "***", "&amp;", "&#8220;",
           "Ã©", "â€œ", "\u00a0", "\u200b", "\ufeff", "é", "e\u0301", "İ", "ß", "ǅ", "Dok. ", "\r\n"]
    ),
    max_size=60,
).map("".join)
ANY_TEXT = st.text(max_size=200)


def _project_texts() -> list[pytest.param]:
    texts = []
    for path in sorted(ROOT.glob("samples/*.txt")) + sorted(HERE.glob("negative/*.txt")):
        texts.append(pytest.param(path.read_text(encoding="utf-8"), id=path.relative_to(ROOT).as_posix()))
    for path in sorted(HERE.glob("cases/*.txt")):
        for n, part in enumerate(path.read_text(encoding="utf-8").split("# output\n")):
            texts.append(pytest.param(part, id=f"{path.relative_to(ROOT).as_posix()}#{n}"))
    return texts


PROJECT_TEXTS = _project_texts()

# --- the properties ---------------------------------------------------------------------


def _normalised(text: str, config: Config) -> str:
    """The text the rules saw: stage 1 exactly as the pipeline runs it for ``config``."""
    return pipeline.normalize_text(text, config)[0]


def _words(text: str) -> list[str]:
    return regex.findall(r"\w+", text.casefold())


def _letters(text: str) -> Counter:
    return Counter(ch for ch in text.casefold() if not ch.isspace())


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    rest = iter(big)
    return all(word in rest for word in small)


def check_all(text: str, config: Config) -> None:
    """Every property for one input (the output's own properties are checked too)."""
    cleaned, steps = textfix.clean_and_explain(text, config)
    assert isinstance(cleaned, str)

    # Idempotence: cleaning the output again changes nothing and explains no change.
    again = textfix.clean_and_explain(cleaned, config)
    assert again.text == cleaned, "clean(clean(x)) != clean(x)"

    # No invention: the output's words, in order, are among the (normalised) input's.
    normalised = _normalised(text, config)
    assert _is_subsequence(_words(cleaned), _words(normalised)), "output has words the input lacks"

    # Accounting: every non-space character that went missing is named by a step.
    removed, added = Counter(), Counter()
    for step in steps:
        if step.rule in NORMALISERS:
            continue
        assert step.rule == "recase" or step.rule in rules.RULES, step.rule
        assert step.before, f"{step.rule} made a step with nothing before"
        removed += _letters(step.before)
        added += _letters(step.after)
        if step.rule == "recase":
            assert step.before.casefold() == step.after.casefold(), step
    expected = _letters(normalised)
    expected.subtract(removed)
    expected.update(added)
    assert +expected == _letters(cleaned), "characters removed without a step naming them"
    assert not [c for c, n in expected.items() if n < 0], "steps name characters that were not there"


@pytest.mark.parametrize("config", CONFIGS, ids=["reflow", "keep", "one-per-line"])
@FAST
@given(text=ANY_TEXT)
@example(text="")
@example(text=" \n\t\r\n ")
@example(text="\x00")
@example(text="***")
@example(text="Baca juga")
def test_any_unicode(text, config):
    check_all(text, config)


@pytest.mark.parametrize("config", CONFIGS, ids=["reflow", "keep", "one-per-line"])
@FAST
@given(text=EDGY)
@example(text="(Foto: \na")  # a credit only once its soft-wrapped lines are joined
@example(text=".***")  # only punctuation left before the marker
@example(text="Baca juga***")  # a label once the marker is cut: the rules run again
def test_edgy_text(text, config):
    check_all(text, config)


@pytest.mark.parametrize("config", CONFIGS, ids=["reflow", "keep", "one-per-line"])
@SLOW
@given(text=articles())
# A short dateline that already ends a sentence does not run on into the next line.
@example(text="BANDUNG - ***\n\nWarga warga warga warga.\n\nWarga warga warga warga.")
def test_scraped_articles(text, config):
    check_all(text, config)


@example(text="Warga Bandung di di dalam?\n\nWarga warga warga warga.\n")  # a short question stays
@SLOW
@given(text=clean_articles())
def test_clean_articles_pass_unchanged(text):
    assert textfix.clean(text) == text


@SLOW
@given(text=clean_articles(), newline=st.sampled_from(["\n", "\r\n"]))
def test_clean_articles_pass_unchanged_keeping_layout(text, newline):
    # An editor's file in --in-place mode: nothing to do means nothing touched.
    text = text.replace("\n", newline)
    assert textfix.clean_and_explain(text, KEEP).text == text.replace("\r\n", "\n")


@pytest.mark.parametrize("config", CONFIGS, ids=["reflow", "keep", "one-per-line"])
@pytest.mark.parametrize("text", PROJECT_TEXTS)
def test_project_texts(text, config):
    check_all(text, config)


#: ``find`` without shrinking: any example will do, the smallest is not needed.
FIND = settings(database=None, phases=[Phase.generate], max_examples=500)


@pytest.mark.parametrize("needle", ["Baca juga:", "BACA JUGA :", "(Foto", "***", "ADVERTISEMENT"])
def test_generated_articles_are_scraped_looking(needle):
    # The generator must really produce the junk it claims to, or the properties above
    # would only ever be checked on easy text.
    find(articles(), lambda article: needle in article, settings=FIND)


def test_generated_articles_need_cleaning():
    find(articles(), lambda article: textfix.clean(article) != article, settings=FIND)


# --- every story sentence survives the junk beside it ------------------------------------

#: Whole sentences, so a lost one is easy to see. Left out on purpose: subjects of several
#: capitalised words right after a glued inline headline ("...Melonjak Menteri Perdagangan
#: mengatakan"), where the rules can only guess the boundary (see ``rules._body_start``).
STORY = (
    "Harga beras naik sejak awal pekan.",
    "Warga antre di depan kantor kelurahan.",
    "Hujan turun deras sepanjang malam di Jakarta.",
    "\"Kami berharap harga segera turun,\" kata Budi, seorang pedagang.",
    "Pemerintah menyiapkan operasi pasar di 20 titik.",
)
#: Junk that goes inline or on a paragraph of its own; credits only between two sentences
#: (beside one sentence alone a credit makes it a caption, by design).
INLINE_JUNK = (
    "(Baca juga: Harga Cabai Melonjak Jelang Lebaran)",
    "Baca juga:Harga Cabai Melonjak",
    "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT",
    "[Gambas:Video CNN]",
    'Simak Video "Harga Beras Naik Lagi"',
)
INLINE_CREDITS = ("(Foto: Antara/Budi Santoso)", "(Foto: Antara/Budi Santoso) Warga menunggu bus di halte, Senin (3/2/2025).")
#: Paragraphs of their own between the story's: metadata (kept, or gone with --strip-meta)
#: and junk. (No dateline: one opens the lead, and what stands above it is the header.)
OWN_PARAGRAPHS = (
    "Penulis: Budi Santoso", "Editor: Andi", "(yld/idh)", "Sumber: Kompas TV", "Reporter : Andi\nEditor : Budi",
    "Baca juga: Harga Cabai Naik", "***", "Halaman Selanjutnya", "Simak berita lainnya di Google News",
)

#: Bylines a scraper joined to the paragraph after them, on one line.
BYLINES = ("Penulis: Budi Santoso", "Reporter: Andi | Editor: Budi")


@st.composite
def stories_with_junk(draw) -> tuple[str, list[str]]:
    paragraphs, story = [], []
    for _ in range(draw(st.integers(1, 4))):
        sentences = draw(st.lists(st.sampled_from(STORY), min_size=1, max_size=5))
        story += sentences
        if len(sentences) >= 2 and draw(st.booleans()):
            at = draw(st.integers(1, len(sentences) - 1))
            sentences = sentences[:at] + [draw(st.sampled_from(INLINE_CREDITS))] + sentences[at:]
        elif draw(st.booleans()):
            at = draw(st.integers(0, len(sentences)))
            sentences = sentences[:at] + [draw(st.sampled_from(INLINE_JUNK))] + sentences[at:]
        if draw(st.integers(0, 5)) == 0:
            sentences = [draw(st.sampled_from(BYLINES)), *sentences]  # a scraper joined them
        paragraphs.append(" ".join(sentences))
        if draw(st.booleans()):
            paragraphs.insert(draw(st.integers(0, len(paragraphs))), draw(st.sampled_from(OWN_PARAGRAPHS)))
    return "\n\n".join(paragraphs) + "\n", story


@FAST
@given(case=stories_with_junk(), title=st.booleans(), markdown=st.booleans(), strip_meta=st.booleans())
@example(case=("Harga beras naik sejak awal pekan. (Baca juga: Harga Cabai Melonjak Jelang Lebaran)\n\n"
               "Warga antre di depan kantor kelurahan.\n", [STORY[0], STORY[1]]), title=True, markdown=False, strip_meta=False)
@example(case=("Harga beras naik sejak awal pekan.\n\n[Gambas:Video CNN] Warga antre di depan kantor kelurahan.\n",
               [STORY[0], STORY[1]]), title=False, markdown=False, strip_meta=False)
@example(case=("Baca juga:Harga Cabai Melonjak Harga beras naik sejak awal pekan.\n", [STORY[0]]), title=True, markdown=False, strip_meta=False)
@example(case=(f"{STORY[0]} {INLINE_CREDITS[0]} Menteri mengatakan pada Selasa (24/1) bahwa stok aman.\n",
               [STORY[0], "Menteri mengatakan pada Selasa (24/1) bahwa stok aman."]), title=False, markdown=True, strip_meta=False)
@example(case=(f"{STORY[0]}\n\nPenulis: Budi Santoso\n", [STORY[0]]), title=False, markdown=False, strip_meta=False)
@example(case=(f"Simak berita lainnya di Google News\n\n{STORY[0]}\n\n{STORY[0]}\n", [STORY[0]]),
         title=False, markdown=True, strip_meta=False)
@example(case=(f"{STORY[0]}\n\nSimak berita lainnya di Google News\n\n{STORY[1]} {INLINE_JUNK[4]}\n", [STORY[0], STORY[1]]),
         title=False, markdown=False, strip_meta=False)
@example(case=(f"{STORY[0]} {INLINE_JUNK[0]}\n\nPenulis: Budi Santoso\n\n{STORY[1]}\n", [STORY[0], STORY[1]]),
         title=False, markdown=False, strip_meta=True)
@example(case=(f"Penulis: Budi Santoso {STORY[0]}\n", [STORY[0]]), title=False, markdown=False, strip_meta=True)
@example(case=(f"Penulis: Budi Santoso {STORY[0]}\n", [STORY[0]]), title=True, markdown=False, strip_meta=True)
def test_every_story_sentence_survives_the_junk_beside_it(case, title, markdown, strip_meta):
    """Found, before they were fixed: a two-sentence lead ending in a promo taken for a
    title above it, a credit's caption taking a dated story sentence, the story after a
    [Gambas:...] placeholder, a glued label taking a title-cased sentence for its headline,
    a short lead (or one a promo follows) above a byline taken for the page's header, short
    sentences under a follow-us promo taken for the rest of its block, a lead that a
    scraper joined to the byline above it going with the byline."""
    from textfix.casing.words import scraped_title_case

    text, story = case
    if title:
        text = scraped_title_case(text)
    config = Config(format="markdown" if markdown else "text")
    config = config.with_meta_stripped() if strip_meta else config
    once = textfix.clean(text, config)
    flat = " ".join(once.split())
    for sentence in story:
        assert (sentence.casefold() in flat.casefold()) if title else (sentence in flat), (sentence, once)
    assert textfix.clean(once, config) == once
