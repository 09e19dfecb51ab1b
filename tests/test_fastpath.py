"""The fast path gives exactly what the full pipeline gives, whenever it is taken.

Articles are generated near the fast path's edges: plain body paragraphs, then changes a
rule or stage 2 would act on (a junk line, a credit, a headline or dateline on top, a
repeated paragraph, a title-cased paragraph, quotations ending in a comma, short lines).
"""

from __future__ import annotations

from collections import Counter
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import textfix
from textfix import casing, fastpath, patterns, pipeline, rules
from textfix.casing.words import scraped_title_case
from textfix.config import Config

from test_properties import PROJECT_TEXTS, _title_case, articles, junk, paragraphs

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Things some rule acts on, dropped into a plain paragraph.
RISKY = [
    "Baca juga: Harga Cabai Naik", "(Foto: Humas)", "ANTARA FOTO/Budi", "Dok. Warga Desa",
    "Reuters/Ali Budi", "detik.com/budi", "[Gambas:Video 20detik]", "Simak Video 'Banjir':",
    "ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Ikuti kami di Instagram.",
    "Artikel ini telah tayang di Kompas.com.", "Simak di halaman selanjutnya.", "***",
    "Copyright 2025.", "Tags: banjir", "Sumber: BMKG", "(yld/idh)", "Halaman 2 dari 2",
    "Lihat juga: Judul", "Follow", "(AP Photo/Budi)", "Berlangganan sekarang", "Getty Images/Ali",
    "[detik.com/budi]", "Reuters/Budi", "ReutersAli Budi",
]


@st.composite
def near_plain_articles(draw) -> str:
    lines = draw(st.lists(paragraphs(), min_size=1, max_size=6))
    lines = [line if len(line) >= 40 else line + " Warga setempat membenarkan kabar itu." for line in lines]
    for _ in range(draw(st.integers(0, 2))):
        change = draw(st.sampled_from(["risky", "junk", "quote", "title", "dup", "short", "head", "dateline", "case"]))
        at = draw(st.integers(0, len(lines) - 1))
        if change == "risky":
            words = lines[at].split(" ")
            words.insert(draw(st.integers(0, len(words))), draw(st.sampled_from(RISKY)))
            lines[at] = " ".join(words)
        elif change == "junk":
            lines.insert(at, draw(junk()))
        elif change == "quote":
            lines[at] = lines[at].rstrip(".!?") + ',"'
        elif change == "title":
            lines[at] = _title_case(lines[at])
        elif change == "dup":
            lines.append(lines[at])
        elif change == "short":
            lines.insert(at, draw(st.sampled_from(["Jakarta -", "Oleh Budi", "Warga senang.", "Kata dia,"])))
        elif change == "head":
            lines.insert(0, _title_case(" ".join(lines[at].split()[:6])).rstrip(".!?"))
        elif change == "dateline":
            lines[0] = draw(st.sampled_from(["JAKARTA, KOMPAS.com - ", "Bandung - "])) + lines[0]
        else:
            lines[at] = lines[at].upper()
    return draw(st.sampled_from(["\n", "\n\n"])).join(lines) + "\n"


def full_pipeline(text: str, config: Config) -> str:
    with mock.patch.object(fastpath, "plain_paragraphs", lambda text, config: None):
        return pipeline.clean(text, config)


def fast_path(text: str, config: Config = Config()) -> str | None:
    """What the fast path gives (maybe recased), or None where it is not taken."""
    fast = pipeline._fast_path(text, config, explain=False, count=False)
    return None if fast is None else fast.text


def check(text: str, config: Config = Config()) -> bool:
    fast = fast_path(text, config)
    if fast is not None:
        assert fast == full_pipeline(text, config)
    return fast is not None


@SETTINGS
@given(text=near_plain_articles(), one_per_line=st.booleans())
def test_fast_path_equals_full_pipeline(text, one_per_line):
    check(text, Config(one_per_line=one_per_line))


@SETTINGS
@given(text=articles())
def test_fast_path_equals_full_pipeline_on_scraped_articles(text):
    check(text)


def same_as_full_pipeline(text: str, config: Config) -> None:
    """Text, counts and steps as the full pipeline's, whichever path the text takes."""
    with mock.patch.object(fastpath, "plain_paragraphs", lambda text, config: None):
        full = pipeline.clean_and_count(text, config)
        full_steps = pipeline.clean_and_explain(text, config).steps
    assert pipeline.clean_and_count(text, config) == full
    assert pipeline.clean_and_explain(text, config).steps == full_steps


@SETTINGS
@given(text=near_plain_articles(), one_per_line=st.booleans())
def test_title_cased_text_gives_what_the_full_pipeline_gives(text, one_per_line):
    text = scraped_title_case(text)
    config = Config(one_per_line=one_per_line)
    check(text, config)
    same_as_full_pipeline(text, config)


def test_title_cased_prose_is_recased_on_the_fast_path():
    text = scraped_title_case(
        "Harga beras di pasar induk naik lagi pekan ini, kata pedagang.\n"
        "Warga mengeluh karena harga terus naik sejak Senin (3/11/2025).\n"
    )
    assert not fastpath.plain_paragraphs(text, Config()).settled
    assert check(text)
    with mock.patch.object(pipeline, "run_stages", side_effect=AssertionError):
        cleaned, counts = pipeline.clean_and_count(text)
    assert cleaned == "Harga beras di pasar induk naik lagi pekan ini, kata pedagang.\n\nWarga mengeluh karena harga terus naik sejak Senin (3/11/2025).\n"
    assert counts == Counter(recase=16)
    same_as_full_pipeline(text, Config())


@pytest.mark.parametrize("text", PROJECT_TEXTS)
def test_fast_path_equals_full_pipeline_on_project_texts(text):
    check(text)
    check(textfix.clean(text))


def test_fast_path_is_taken_for_plain_prose():
    text = (
        "Harga beras di pasar induk naik lagi pekan ini, kata pedagang.\n"
        "Warga mengeluh karena harga terus naik sejak Senin (3/11/2025).\n"
        '"Kami berharap pemerintah segera turun tangan," ujar Siti Aminah, warga Bandung.\n'
    )
    assert check(text)
    assert textfix.clean(text) == text.replace("\n", "\n\n", 2)


@pytest.mark.parametrize("risky", RISKY)
def test_a_rule_trigger_turns_the_fast_path_off(risky):
    text = f"Harga beras di pasar induk naik lagi pekan ini. {risky} Warga mengeluh soal itu.\n"
    assert fastpath.plain_paragraphs(text, Config()) is None or "(yld/idh)" in risky or risky == "Halaman 2 dari 2"


def test_a_tweet_attribution_line_takes_the_full_path():
    # drop_ads drops it (TWEET_RESIDUE_RE) though it has lowercase words and no sentence end.
    text = (
        "Harga beras di pasar induk naik lagi pekan ini menurut para pedagang.\n\n"
        "— kata dia membenarkan hal itu kepada wartawan (@Sutopo_BNPB) February 21, 2017\n\n"
        "Warga mengeluh karena harga terus naik sejak Senin pekan lalu.\n"
    )
    assert fastpath.plain_paragraphs(text, Config()) is None
    assert "Sutopo" not in textfix.clean(text)


@pytest.mark.parametrize(
    "line",
    ["Halaman 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 lihat semua", "PAGE 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 lihat semua"],
)
def test_a_pagination_line_takes_the_full_path(line):
    # drop_pagination drops it: it ends in words, not a digit, and need not end a sentence.
    text = f"Harga beras di pasar induk naik lagi pekan ini menurut para pedagang.\n\n{line}\n"
    assert fastpath.plain_paragraphs(text, Config()) is None
    assert "lihat semua" not in textfix.clean(text)


#: Lines of fewer than two lowercase words: an address list (train.txt has such
#: articles), a line of names, a line of separators, a title-cased line.
FEW_WORDS = [
    "SDS Tarsisius II Alamat: Jl. Jembatan Besi, Kecamatan Tambora, Kota Jakarta Barat, Daerah Khusus Ibukota Jakarta 11320 No. 8 Kalideres.",
    "Pasar Kalideres No. SDS Pelita Kasih Alamat: Jl. Jembatan Besi II No. Duri Selatan V No.",
    "Telepon: (021) 5806078 Website: https://www(dot)vianney(dot)sch(dot)id/sd / 56. Meruya Utara, Kecamatan Kembangan.",
    "Joko Widodo, Prabowo Subianto, Anies Baswedan, Ganjar Pranowo dan Mahfud MD.",
    "| | | | | | | | | | | | | | | | | | | | |.",
    "| | | | | | | | | | | | | | | | | | | | | | | | | | | |.",
    "• • • • • • • • • • • • • • • • • • • • • • • • • • • • .",
    "Warga Yang Datang Ke Pasar Induk Itu Mengeluh Soal Harga Beras.",
]


@pytest.mark.parametrize("line", FEW_WORDS)
@pytest.mark.parametrize("one_per_line", [False, True])
def test_lines_of_few_lowercase_words_give_what_the_full_pipeline_gives(line, one_per_line):
    text = f"Harga beras di pasar induk naik lagi pekan ini menurut para pedagang.\n{line}\nWarga mengeluh karena harga terus naik sejak Senin pekan lalu.\n"
    taken = check(text, Config(one_per_line=one_per_line))
    assert taken is ("|" not in line and "•" not in line)
    if taken:  # recased without asking whether the line is title-cased
        assert not fastpath.plain_paragraphs(text, Config()).settled


@pytest.mark.parametrize(
    "config",
    [Config(layout="keep"), Config(format="markdown"), Config(extra_junk=("dukung kami",)), Config().with_meta_stripped()],
    ids=["keep", "markdown", "extra-junk", "strip-meta"],
)
def test_other_configurations_take_the_full_path(config):
    assert not fastpath.applies(config)


def test_every_rule_is_covered_by_the_fast_path_argument():
    assert set(rules.RULES) == fastpath.KNOWN_RULES


@settings(max_examples=300, deadline=None)
@given(line=st.lists(st.sampled_from(list("aAbBkKzZ éÉßİǅ-.,()\"'\u0301") + ["yang ", "Dan ", "KTT "]), max_size=80).map("".join))
def test_quick_look_bound_implies_the_casing_quick_reject(line):
    if fastpath._clearly_not_title_cased(line):
        assert casing._quick_reject(line)


def test_other_spaces_are_every_space_but_the_plain_one_and_the_line_break():
    import sys

    spaces = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c) not in " \n")
    assert fastpath.OTHER_SPACES == spaces


@pytest.mark.parametrize(
    "line",
    [
        "Data itu dikutip dari laporan Reuters yang terbit pada Senin pagi.",
        "Warga memilih paket berlangganan yang paling murah di kota itu.",
        "Pemain [Jesse] Lingard kembali berlatih bersama timnya pekan ini.",
        "Ia mengikuti followers barunya di media sosial setiap hari.",
    ],
)
def test_words_that_only_look_like_junk_keep_the_fast_path(line):
    assert check(line + "\n")


def test_text_that_only_needs_stage_one_takes_the_fast_path_after_it():
    text = "Harga beras di pasar  induk naik lagi pekan ini &amp; warga mengeluh.\r\n"
    with mock.patch.object(fastpath, "plain_paragraphs", wraps=fastpath.plain_paragraphs) as spy:
        cleaned = textfix.clean_and_explain(text)
    assert [call.args[0] for call in spy.call_args_list][-1] == "Harga beras di pasar induk naik lagi pekan ini & warga mengeluh.\n"
    assert cleaned.text == full_pipeline(text, Config())
    assert {step.rule for step in cleaned.steps} == {"fix_encoding", "normalize_whitespace"}


# --- Gates: a rule skipped for want of its needles would have changed nothing --------------


def ungated(text: str, config: Config) -> str:
    with mock.patch.object(rules, "gated_out", lambda paragraphs: frozenset()):
        return full_pipeline(text, config)


def gated(text: str, config: Config) -> str:
    """Gates on whatever the text's length (very short documents normally run every rule)."""
    with mock.patch.object(rules, "GATE_MIN", 0):
        return full_pipeline(text, config)


@SETTINGS
@given(text=st.one_of(articles(), near_plain_articles()))
def test_gated_rules_skip_only_texts_they_would_leave_alone(text):
    assert gated(text, Config()) == ungated(text, Config())


@pytest.mark.parametrize("text", PROJECT_TEXTS)
def test_gates_change_nothing_on_project_texts(text):
    for config in (Config(), Config().with_meta_stripped(), Config(layout="keep")):
        assert gated(text, config) == ungated(text, config)


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Harga naik. Baca juga: Judul Lain", "drop_read_also"),
        ("Bupati meninjau banjir. (Foto: Humas)", "strip_photo_credit"),
        ("Warga berkumpul. Ikuti kami di Instagram.", "drop_social_promo"),
        ("Isi. Artikel ini telah tayang di Kompas.com.", "drop_syndication_note"),
        ("Halaman 2 dari 2", "drop_pagination"),
        ("Asia Timur (EAS).***", "strip_trailing_marker"),
        ("Presiden berpidato. Reuters/Ali Budi", "drop_photo_caption"),
    ],
)
def test_a_needle_keeps_its_rule_running(text, rule):
    assert rule not in rules.without_needles(text)
    assert rule in rules.without_needles("Harga beras di pasar induk naik lagi pekan ini.")


def test_one_per_line_output_that_reads_back_as_one_wrapped_block_takes_the_full_path():
    """Plain lines need not end a sentence; put one under the other, three such lines read
    as a hard-wrapped paragraph, and the full path cleans its output once more."""
    lines = [
        "Harga beras di pasar induk naik lagi pekan ini menurut para pedagang kota",
        "Pembeli yang ditemui di pasar tradisional kota pada hari Senin mengeluh",
        "Warga berharap pemerintah segera turun tangan mengatasi kenaikan harga",
    ]
    text = "\n\n".join(lines) + "\n"
    assert fast_path(text, Config(one_per_line=True)) is None
    assert fast_path(text, Config()) is not None
    check(text, Config(one_per_line=True))


def test_the_patterns_the_hints_were_read_off_are_unchanged():
    # Changed a pattern? Re-read the hint read off it (fastpath._READ_SOURCES says where),
    # then put the new hash there.
    assert fastpath._sources_known()


_GLUED_WORDS = ["Harga", "Naik", "beras", "di", "ke", "yang", "2018", "2018Momentum", "TajamWarga", "DKI", "Ébola", "’Kata", "dan,", "untuk"]


@settings(max_examples=500, deadline=None)
@given(line=st.lists(st.sampled_from(_GLUED_WORDS), min_size=1, max_size=8).map(" ".join).map(lambda l: l + " tersebut dinilai"))
@example(line="Media Internal Pemprov DKI Raih Juara 1 AMH 2018Momentum tersebut dinilai")
def test_the_glued_headline_hint_finds_every_glued_headline(line):
    if patterns.GLUED_TITLE_RE.match(line):
        assert fastpath._GLUED_HINT_RE.match(line)


@settings(max_examples=300, deadline=None)
@given(line=st.tuples(st.sampled_from(["Halaman", "HALAMAN", "halaman", "Hal.", "hal.", "Page", "PAGE", "page", "Harga", "Pada"]),
                      st.sampled_from(["", " ", ":", " : "]), st.sampled_from(["1", "1 2 3", "2 dari 2", "1 of 3", "1 2 Selanjutnya"])).map("".join))
def test_the_pagination_hint_finds_every_pagination_line(line):
    if patterns.PAGINATION_LINE_RE.match(line):
        assert fastpath._may_open_pagination(line)


_HEADER_WORDS = [
    "Jakarta", "JAKARTA", "Kota Baru", "Ülker", "Wina", "namun", "Namun", "KOMPAS.com", "detik.com", "CNN Indonesia",
    "ANTARA", "POSMETRO MEDAN", "KABAR BENGGAWI", "Liputan6.com", "SURYA.CO.ID", "KPK", "ANAK", "anak", "harga naik.",
    "Reporter", "(Editor", "Editor:", "Laporan Wartawan", "Laporan Budi Santoso |", "Sumber", "Kata Dia Bahwa", "Di Kota Itu", "BandungWarga", "liputan6.com", "Kota BaruHarga",
]
_HEADER_GLUE = [" ", " ", ", ", ",", " - ", "-", " -- ", "\u2013", " \u2014 ", ": ", " :", "."]


@st.composite
def header_lines(draw) -> str:
    words = draw(st.lists(st.sampled_from(_HEADER_WORDS), min_size=1, max_size=6))
    glue = draw(st.lists(st.sampled_from(_HEADER_GLUE), min_size=len(words), max_size=len(words)))
    line = words[0] + "".join(g + w for g, w in zip(glue, words[1:]))
    if draw(st.booleans()):
        line = glue[-1].lstrip() + line if draw(st.booleans()) else line + glue[-1].rstrip()
    return line.strip() or "Warga"


@settings(max_examples=1500, deadline=None)
@given(head=st.lists(header_lines(), min_size=1, max_size=5))
@example(head=["Jakarta, KOMPAS.com - Harga beras naik lagi."])  # a city, a comma, an outlet
@example(head=["ANTARA, Kota Baru - Harga beras naik lagi."])  # an outlet, a city, a dash
@example(head=["detik.com, BandungWarga mengeluh harga beras naik."])  # a .com, form
@example(head=["Kota Baru", "- Harga beras naik lagi."])  # a city alone
@example(head=["Harga beras naik lagi di pasar induk kota pekan ini.", "Editor: Budi"])
def test_no_header_anchor_only_where_the_rule_finds_none(head):
    if fastpath._no_header_anchor(head):
        assert rules._header_anchor(head) is None


_SENTENCES = [
    "Harga beras naik lagi di pasar induk pekan ini.", "Warga mengeluh karena harga terus naik.",
    "Pedagang menunggu pasokan dari daerah", "HARGA BERAS NAIK LAGI DI PASAR INDUK PEKAN INI.",
    "Pemerintah menjamin stok cukup sampai akhir tahun.", "“Kami menunggu,” kata dia.",
]


@st.composite
def duplicate_prone_lines(draw) -> list[str]:
    pieces = st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6)
    lines = [" ".join(draw(pieces)) for _ in range(draw(st.integers(1, 6)))]
    if len(lines) > 1 and draw(st.booleans()):  # a glued copy of the lines after or before it
        glued = "".join(lines[1:]).replace(". ", ".")
        lines = [glued, *lines[1:]] if draw(st.booleans()) else [*lines[1:], glued]
    return lines


@settings(max_examples=500, deadline=None)
@given(lines=duplicate_prone_lines())
@example(lines=[" ".join(_SENTENCES[:1] * 5).replace(". ", "."), *_SENTENCES[:1] * 5])
def test_no_duplicates_only_where_the_rule_keeps_every_line(lines):
    folded = "\n\n".join(lines).casefold().encode("utf-8", "surrogatepass")
    if fastpath._no_duplicates(lines, folded):
        assert rules.drop_duplicate_paragraphs(lines, Config()) == lines


_DECOMPOSED = ["e\u0301", "a\u0300", "E\u0301", "\u00e9", "o\u0308", "u\u0301"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=near_plain_articles(),
    marks=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from(_DECOMPOSED)), min_size=1, max_size=4),
    extra=st.sampled_from(["", "\u200b", "&amp;", "\u00a0", "  ", "\r", "Ã©", " ."]),
    one_per_line=st.booleans(),
)
def test_text_that_only_needs_nfc_gives_what_stage_one_gives(text, marks, extra, one_per_line):
    for at, mark in marks:
        at %= len(text)
        if text[at] != "\n" and text[at - 1 : at] != "\n":
            text = text[:at] + mark + text[at:]
    if extra:
        text = text.replace(" ", " " + extra, 1) if extra != "\r" else text.replace("\n", "\r\n")
    config = Config(one_per_line=one_per_line)
    with mock.patch.object(fastpath, "plain_paragraphs", lambda text, config: None):
        full, full_counts = pipeline.clean_and_count(text, config)
        full_steps = pipeline.clean_and_explain(text, config).steps
    fast, fast_counts = pipeline.clean_and_count(text, config)
    assert fast == full
    assert fast_counts == full_counts
    assert pipeline.clean_and_explain(text, config).steps == full_steps


def test_nfc_only_text_takes_the_fast_path_after_one_normalisation():
    text = "Warga Cafe\u0301 di Jakarta mengeluh karena harga terus naik sejak Senin.\n"
    with mock.patch.object(pipeline, "normalize_text", side_effect=AssertionError):
        cleaned = textfix.clean_and_explain(text)
    assert cleaned.text == "Warga Caf\u00e9 di Jakarta mengeluh karena harga terus naik sejak Senin.\n"
    assert [step.rule for step in cleaned.steps] == ["normalize_unicode"]


# --- Lines a rule may treat by their shape, ending in a word or a number --------------------

#: A plain line need not end a sentence, so no argument may rest on that: lines shaped like
#: bylines, datelines, headlines, list items, captions and labels, most of which the fast
#: path takes, among body sentences.
_SHAPED = [
    "Editor: Budi Santoso dan Ani Wijaya Kusuma 2024", "Senin, 24 Januari 2023 09:08 WIB oleh Redaksi Kompas",
    "Harga Beras Naik Lagi Di Pasar Induk Kramat Jati", "1. Harga beras naik lagi di pasar induk pekan ini 2024",
    "- Harga beras naik lagi di pasar induk pekan ini", "Lihat Foto Harga beras naik lagi di pasar induk kota",
    "Penulis Budi Santoso Editor Ani Wijaya Sumber Kompas 2024", "Simak berita lainnya di Google News dan aplikasi kami",
    "JAKARTA - Harga beras naik lagi di pasar induk pekan ini", "Jakarta — Harga beras naik lagi di pasar induk pekan ini",
    "Laporan Wartawan Tribunnews Budi Santoso dari Jakarta", "Reporter Budi Santoso Editor Ani Wijaya Kusuma Rahayu",
    "Kompas.com Harga beras naik lagi di pasar induk pekan ini", "Foto Harga beras naik lagi di pasar induk pekan ini 2024",
    "Ilustrasi harga beras naik lagi di pasar induk pekan ini", "BERITA TERKAIT Harga beras naik lagi di pasar induk kota",
    "Baca Selengkapnya Harga beras naik lagi di pasar induk", "Sumber Kompas TV Harga beras naik lagi di pasar induk kota",
    "Harga Beras Naik Lagi Di Pasar Induk Kramat Jati 2024", "“Kami menunggu pasokan dari daerah sejak lama sekali,”",
    "Dilansir dari Antara Harga beras naik lagi di pasar induk", "Harga beras naik lagi di pasar induk pekan ini (ANT)",
    "Harga beras naik lagi di pasar induk pekan ini (yld/idh)", "Halaman selanjutnya harga beras naik lagi di pasar induk",
    "Tribunnews.com, Jakarta - Harga beras naik lagi di pasar induk", "Pewarta Budi Santoso Editor Ani Wijaya 2024 Antara",
    "Harga beras naik lagi di pasar induk pekan ini ADVERTISEMENT", "Update Harga beras naik lagi di pasar induk pekan ini",
    "Video Harga beras naik lagi di pasar induk pekan ini 2024", "Harga beras naik lagi di pasar induk pekan ini Lihat Foto",
    "Kamis (12/5/2023) harga beras naik lagi di pasar induk kota", "Harga beras naik lagi di pasar induk pekan ini |",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    lines=st.lists(st.one_of(st.sampled_from(_SENTENCES), st.sampled_from(_SHAPED)), min_size=1, max_size=6),
    one_per_line=st.booleans(),
)
def test_shaped_lines_that_end_in_a_word_give_what_the_full_pipeline_gives(lines, one_per_line):
    check("\n".join(lines) + "\n", Config(one_per_line=one_per_line))
