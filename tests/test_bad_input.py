"""Bad input, each with what textfix does about it: never a traceback, never lost text.

Each test runs ``textfix clean`` in-process through click's CliRunner (stdout and stderr
apart), so failures can be simulated with monkeypatch where the machine cannot produce
them (CI runs as root, where permissions do not stop reads or writes). ``-j1`` keeps the
work in this process wherever a fault is injected.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import json
import os
import stat
import time
import tracemalloc

import pytest
from click.testing import CliRunner

import textfix
from textfix import io as tio
from textfix.cli import main

TITLE = "Harga Beras Naik Di Pasar Induk Hari Ini.\nWarga Mengeluh Karena Harga Terus Naik.\n"
CLEAN = "Harga beras naik di pasar induk hari ini.\nWarga mengeluh karena harga terus naik.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def run(*args, input=None):
    return CliRunner().invoke(main, ["clean", *map(str, args)], input=input)


def errors_of(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def temp_files(folder) -> list[str]:
    return [p.name for p in folder.rglob("*") if tio.is_temp_name(p.name)]


# --- empty and blank ------------------------------------------------------------------


@pytest.mark.parametrize("data", ["", " \n\t\n\n   "], ids=["empty", "only whitespace"])
def test_empty_or_blank_stdin_gives_empty_output(data):
    result = run(input=data)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == ""


@pytest.mark.parametrize("data", [b"", b" \n\t\n\n   "], ids=["empty", "only whitespace"])
def test_empty_or_blank_file_is_left_alone_in_place(tmp_path, data):
    path = tmp_path / "kosong.txt"
    path.write_bytes(data)
    assert run("--check", path).exit_code == 0
    result = run("--in-place", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == data


# --- binary and undecodable -------------------------------------------------------------


def test_binary_file_is_one_line_error_and_skipped(tmp_path):
    path = tmp_path / "gambar.txt"
    path.write_bytes(b"GIF89a\x00\x01\x02")
    result = run(path)
    assert result.exit_code == 123
    assert result.stdout == ""
    assert errors_of(result) == [f"error: {path.as_posix()}: binary file (NUL byte at offset 6); skipped"]
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_binary_file_in_a_batch_is_skipped_and_the_rest_is_cleaned(tmp_path, jobs):
    tree = tmp_path / "arsip"
    tree.mkdir()
    (tree / "a.txt").write_text(TITLE)
    (tree / "b.txt").write_bytes(b"\x7fELF\x00\x00binary")
    (tree / "c.txt").write_text(TITLE)
    out = tmp_path / "bersih"
    result = run("-j", jobs, "--out-dir", out, tree)
    assert result.exit_code == 123
    assert len(errors_of(result)) == 1 and "b.txt: binary file (NUL byte at offset 4); skipped" in errors_of(result)[0]
    assert sorted(p.name for p in out.iterdir()) == ["a.txt", "c.txt"]
    assert (out / "a.txt").read_text() == (out / "c.txt").read_text() == CLEAN.replace("\n", "\n\n", 1)
    assert (tree / "b.txt").read_bytes() == b"\x7fELF\x00\x00binary"


def test_binary_file_in_place_is_not_touched(tmp_path):
    path = tmp_path / "b.txt"
    path.write_bytes(b"Harga Naik\x00\xff\xfe")
    result = run("--in-place", path)
    assert result.exit_code == 123
    assert path.read_bytes() == b"Harga Naik\x00\xff\xfe"


def test_invalid_utf8_names_file_and_byte_offset(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Harga Cabai Naik.\nKopi ".encode() + b"caf\xe9.\n")
    result = run(path)
    assert result.exit_code == 123
    assert result.stdout == ""
    (line,) = errors_of(result)
    assert line.startswith(f"error: {path.as_posix()}: not valid UTF-8 at byte 26 (0xe9)")
    assert "--errors replace" in line


def test_invalid_utf8_with_errors_replace_is_cleaned(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(b"Harga Cabai Naik Di Pasar.\nKopi caf\xe9 enak.\n")
    result = run("--errors", "replace", path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Harga cabai naik di pasar.\n\nKopi caf\ufffd enak.\n"


def test_invalid_utf8_in_place_leaves_the_file_alone(tmp_path):
    path = tmp_path / "latin.txt"
    data = b"Harga Cabai Naik Di Pasar.\nKopi caf\xe9 enak.\n"
    path.write_bytes(data)
    assert run("--in-place", path).exit_code == 123
    assert path.read_bytes() == data


def test_broken_gzip_is_one_line(tmp_path):
    path = tmp_path / "arsip.txt.gz"
    path.write_bytes(gzip.compress(TITLE.encode())[:15])
    result = run(path)
    assert result.exit_code == 123
    assert errors_of(result) and "not a valid gzip file" in errors_of(result)[0]


# --- byte-order marks and line endings ---------------------------------------------------

SHAPES = [
    ("utf-8 bom", lambda t: codecs.BOM_UTF8 + t.encode()),
    ("utf-16 le bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    ("utf-16 be bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    ("crlf", lambda t: t.replace("\n", "\r\n").encode()),
    ("cr", lambda t: t.replace("\n", "\r").encode()),
    ("utf-16 crlf", lambda t: codecs.BOM_UTF16_LE + t.replace("\n", "\r\n").encode("utf-16-le")),
]


@pytest.mark.parametrize("shape", [s[1] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_in_place_keeps_encoding_bom_and_line_endings(tmp_path, shape):
    path = tmp_path / "berita.txt"
    path.write_bytes(shape(TITLE))
    result = run("--in-place", path)
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == shape(CLEAN)


@pytest.mark.parametrize("shape", [s[1] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_stdout_is_plain_utf8_whatever_came_in(tmp_path, shape):
    path = tmp_path / "berita.txt"
    path.write_bytes(shape(TITLE))
    result = run(path)
    assert result.exit_code == 0, result.stderr
    assert result.stdout_bytes == CLEAN.replace("\n", "\n\n", 1).encode()


@pytest.mark.parametrize("shape", [s[1] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_check_says_clean_text_is_clean_in_any_shape(tmp_path, shape):
    path = tmp_path / "berita.txt"
    path.write_bytes(shape(CLEAN))
    assert run("--check", path).exit_code == 0


# --- a 100 MB single line -----------------------------------------------------------------


def _one_line(size: int) -> str:
    sentence = "Harga beras di pasar induk naik lagi pada pekan ini, kata pedagang. "
    return (sentence * (size // len(sentence) + 1))[:size]


def test_huge_single_line_takes_linear_time_and_bounded_memory():
    # The 100 MB case itself is measured by ``scripts/fuzz.py --huge 100``; here 300 kB
    # and 3 MB show how time and memory grow with the size of one line.
    small, large = 300_000, 3_000_000
    timings, peaks = [], []
    for size in (small, large):
        text = _one_line(size)
        tracemalloc.start()
        start = time.perf_counter()
        out = textfix.clean(text)
        timings.append(time.perf_counter() - start)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert out.startswith("Harga beras di pasar induk naik lagi") and len(out) >= size - 100
        del text, out
    # 10x the text: linear cost is 10x; allow 25x for noise, never 100x (quadratic).
    assert timings[1] < 25 * timings[0] + 0.5, timings
    # Memory grows linearly too. Measured: about 12-16 bytes of peak per character, most
    # of it lists of every word of the paragraph (casing's quick check, the rules' word
    # splits); 20 bytes per character is the ceiling this test holds the pipeline to.
    assert peaks[1] < 15 * peaks[0], peaks
    assert peaks[1] < 20 * large, peaks


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_bad_records_are_reported_and_copied_unchanged(tmp_path):
    lines = [
        json.dumps({"id": 1, "text": "Harga Beras Naik Di Pasar Induk Hari Ini."}),
        '{"id": 2, "text": "Tanpa kurung tutup"',
        json.dumps({"id": 3, "judul": "Tanpa Teks"}),
        json.dumps({"id": 4, "text": 1234}),
        json.dumps({"id": 5, "text": None}),
        "[1, 2, 3]",
        "",
        json.dumps({"id": 7, "text": "Warga Mengeluh Karena Harga Terus Naik."}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = run("-j1", "-o", out, path)
    assert result.exit_code == 123
    name = path.as_posix()
    errors = errors_of(result)
    assert [e.split(": ", 2)[1] for e in errors] == [f"{name}:{n}" for n in (2, 3, 4, 5, 6)]
    assert "malformed JSON" in errors[0]
    assert "no field 'text'" in errors[1]
    assert "field 'text' is int, not a string" in errors[2]
    assert "field 'text' is null, not a string" in errors[3]
    assert "not a JSON object" in errors[4]
    written = out.read_text().split("\n")
    assert written[1:7] == lines[1:7]  # failed records and the blank line, byte for byte
    first, last = json.loads(written[0]), json.loads(written[7])
    assert first["id"] == 1 and first["text"].rstrip("\n") == "Harga beras naik di pasar induk hari ini."
    assert last["id"] == 7 and last["text"].rstrip("\n") == "Warga mengeluh karena harga terus naik."


def test_jsonl_invalid_utf8_line_fails_alone(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "caf\xe9"}\n' + json.dumps({"text": "Harga Beras Naik Di Pasar Induk."}).encode() + b"\n")
    result = run("-j1", path)
    assert result.exit_code == 123
    assert len(errors_of(result)) == 1 and f"{path.as_posix()}:1: not valid UTF-8" in errors_of(result)[0]
    assert result.stdout_bytes.split(b"\n")[0] == b'{"text": "caf\xe9"}'
    assert json.loads(result.stdout_bytes.split(b"\n")[1])["text"].rstrip("\n") == "Harga beras naik di pasar induk."


# --- unreadable input, unwritable output, disk full ---------------------------------------


def test_unreadable_file_is_one_line_simulated(tmp_path, monkeypatch):
    path = tmp_path / "rahasia.txt"
    path.write_text(TITLE)
    real_open = open

    def deny(file, *args, **kwargs):
        if os.fspath(file) == os.fspath(path):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(tio, "open", deny, raising=False)
    result = run("-j1", path)
    assert result.exit_code == 123
    assert errors_of(result) == [f"error: {path.as_posix()}: cannot read: permission denied"]


@pytest.mark.skipif(IS_ROOT, reason="root reads any file; the simulated test above covers it")
def test_unreadable_file_is_one_line(tmp_path):
    path = tmp_path / "rahasia.txt"
    path.write_text(TITLE)
    path.chmod(0)
    try:
        result = run(path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 123
    assert errors_of(result) == [f"error: {path.as_posix()}: cannot read: permission denied"]


def test_output_folder_not_writable_simulated(tmp_path, monkeypatch):
    path = tmp_path / "a.txt"
    path.write_text(TITLE)
    out = tmp_path / "bersih"
    out.mkdir()

    def deny(file, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", file)

    monkeypatch.setattr(tio.os, "open", deny)
    result = run("-j1", "--out-dir", out, path)
    assert result.exit_code == 123
    (line,) = errors_of(result)
    assert "a.txt: cannot write: permission denied in" in line
    assert list(out.iterdir()) == []


@pytest.mark.skipif(IS_ROOT, reason="root writes anywhere; the simulated test above covers it")
def test_output_folder_not_writable(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TITLE)
    out = tmp_path / "bersih"
    out.mkdir()
    out.chmod(0o555)
    try:
        result = run("--out-dir", out, path)
    finally:
        out.chmod(0o755)
    assert result.exit_code == 123
    assert list(out.iterdir()) == []


def test_output_where_a_file_blocks_the_folder(tmp_path):
    # Works as root too: a file where a folder should be cannot be written under.
    tree = tmp_path / "arsip"
    (tree / "2023").mkdir(parents=True)
    (tree / "2023" / "a.txt").write_text(TITLE)
    out = tmp_path / "bersih"
    out.mkdir()
    (out / "2023").write_text("bukan folder")
    result = run("-j1", "--out-dir", out, tree)
    assert result.exit_code == 123
    assert len(errors_of(result)) == 1 and "2023" in errors_of(result)[0]
    assert (out / "2023").read_text() == "bukan folder"


def test_disk_full_in_place_leaves_the_original(tmp_path, monkeypatch):
    path = tmp_path / "berita.txt"
    path.write_text(TITLE)

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(tio.os, "fsync", full)
    result = run("-j1", "--in-place", path)
    assert result.exit_code == 123
    (line,) = errors_of(result)
    assert "berita.txt: cannot write: No space left on device; the original is untouched" in line
    assert path.read_text() == TITLE
    assert temp_files(tmp_path) == []


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_disk_full_device(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text(TITLE)
    result = run("-o", "/dev/full", path)
    assert result.exit_code == 123
    assert errors_of(result) == ["error: /dev/full: cannot write: No space left on device"]
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


# --- symlinks ----------------------------------------------------------------------------


@pytest.fixture
def linked_tree(tmp_path):
    """arsip/ with a real file, a link to it, a link to a file outside, and a folder link."""
    tree = tmp_path / "arsip"
    tree.mkdir()
    outside = tmp_path / "luar.txt"
    outside.write_text(TITLE)
    (tree / "asli.txt").write_text(TITLE)
    (tree / "tautan.txt").symlink_to(tree / "asli.txt")
    (tree / "ke-luar.txt").symlink_to(outside)
    (tree / "folder-lain").symlink_to(tmp_path)  # a loop, if it were followed
    return tree, outside


def test_symlinks_in_place_are_never_written_through(linked_tree):
    tree, outside = linked_tree
    result = run("-j1", "--in-place", tree)
    assert "Traceback" not in result.stderr
    assert (tree / "asli.txt").read_text() == CLEAN
    assert outside.read_text() == TITLE  # outside the tree: never touched
    assert (tree / "tautan.txt").is_symlink() and (tree / "ke-luar.txt").is_symlink()
    assert (tree / "folder-lain").is_symlink()
    # Each link that would have been rewritten is refused by name; nothing else failed.
    errors = errors_of(result)
    assert all("is a symbolic link" in e for e in errors)
    assert any("ke-luar.txt" in e for e in errors)
    assert result.exit_code == (123 if errors else 0)
    assert temp_files(tree) == []


def test_a_file_that_failed_adds_nothing_to_the_summary(tmp_path):
    # The link is cleaned, then refused: its recased words were never written anywhere.
    (tmp_path / "asli.txt").write_text(TITLE)
    (tmp_path / "tautan.txt").symlink_to(tmp_path / "asli.txt")
    result = run("--in-place", tmp_path / "tautan.txt")
    assert result.exit_code == 123
    rows = {" ".join(line.split()[:-1]): line.split()[-1] for line in result.stderr.splitlines() if line[:1].islower()}
    assert rows["failures"] == "1"
    assert rows["files changed"] == "0"
    assert rows["words recased"] == "0"


def test_symlinks_are_read_for_out_dir(linked_tree, tmp_path):
    tree, outside = linked_tree
    out = tmp_path / "bersih"
    result = run("-j1", "--out-dir", out, tree)
    assert result.exit_code == 0, result.stderr
    for name in ("asli.txt", "tautan.txt", "ke-luar.txt"):
        written = out / name
        assert not written.is_symlink() and written.read_text() == CLEAN.replace("\n", "\n\n", 1)
    assert not (out / "folder-lain").exists()
    assert outside.read_text() == TITLE


def test_output_that_is_a_symlink_is_refused(tmp_path):
    source = tmp_path / "a.txt"
    source.write_text(TITLE)
    target = tmp_path / "lain.txt"
    target.write_text("jangan ditimpa")
    link = tmp_path / "keluar.txt"
    link.symlink_to(target)
    result = run("-o", link, source)
    assert result.exit_code == 123
    assert errors_of(result) == [
        f"error: {link}: is a symbolic link; textfix never writes through links (clean the file it points to instead)"
    ]
    assert target.read_text() == "jangan ditimpa"


# --- long repetitive paragraphs ---------------------------------------------------------------------------

_REPEATED = "Persib Bandung menang 2-0 atas Persija Jakarta dalam laga lanjutan Liga 1,  kata pelatih.  "
_CLEAN_IN_A_CHILD = (
    "import sys, textfix\n"
    "text = (sys.argv[1] * 80)[:6000]\n"
    "textfix.clean(text, textfix.Config(format=sys.argv[2]))\n"
)


def _clean_in_a_child(text_format: str, seconds: int) -> None:
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", _CLEAN_IN_A_CHILD, _REPEATED, text_format], check=True, timeout=seconds)


def test_long_repetitive_paragraph_is_fast_as_text():
    _clean_in_a_child("text", 30)


def test_long_repetitive_paragraph_is_fast_as_markdown():
    # Found by scripts/fuzz.py: difflib over whole paragraphs took 17.9 s on 3000 characters.
    _clean_in_a_child("markdown", 15)
