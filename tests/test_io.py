"""textfix.io: decoding, re-encoding in the input's shape, JSONL records, atomic writes."""

from __future__ import annotations

import codecs
import gzip
import io
import os
import stat

import pytest

from textfix import io as tio
from textfix.errors import BinaryInputError, DecodeError, RecordError, TextfixError
from textfix.io import (
    TextFile,
    atomic_output,
    atomic_write,
    decode_bytes,
    encode_text,
    is_temp_name,
    iter_jsonl_lines,
    open_binary_input,
    read_file,
    record_text,
    write_text_file,
)

TEXT = "Warga Desa Sukamaju menanam padi.\nPanen raya digelar Senin.\n"

# label, bytes, expected TextFile (text, encoding, newline, bom)
DECODE_CASES = [
    ("utf-8", TEXT.encode(), TextFile(TEXT, "utf-8", "\n", False)),
    ("utf-8 bom", codecs.BOM_UTF8 + TEXT.encode(), TextFile(TEXT, "utf-8", "\n", True)),
    ("crlf", TEXT.replace("\n", "\r\n").encode(), TextFile(TEXT, "utf-8", "\r\n", False)),
    ("cr", TEXT.replace("\n", "\r").encode(), TextFile(TEXT, "utf-8", "\r", False)),
    ("utf-16 le", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), TextFile(TEXT, "utf-16-le", "\n", True)),
    ("utf-16 be", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), TextFile(TEXT, "utf-16-be", "\n", True)),
    ("utf-32 le", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), TextFile(TEXT, "utf-32-le", "\n", True)),
    (
        "utf-16 crlf",
        codecs.BOM_UTF16_LE + TEXT.replace("\n", "\r\n").encode("utf-16-le"),
        TextFile(TEXT, "utf-16-le", "\r\n", True),
    ),
    ("empty", b"", TextFile("", "utf-8", "\n", False)),
    ("bom only", codecs.BOM_UTF8, TextFile("", "utf-8", "\n", True)),
    ("mixed, mostly crlf", b"a\r\nb\r\nc\nd", TextFile("a\nb\nc\nd", "utf-8", "\r\n", False)),
    ("non-ascii", "Kylian Mbappé “kutipan”".encode(), TextFile("Kylian Mbappé “kutipan”", "utf-8", "\n", False)),
]


@pytest.mark.parametrize("data, expected", [c[1:] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_decode_bytes(data, expected):
    assert decode_bytes(data, "berita.txt") == expected


@pytest.mark.parametrize("data", [c[1] for c in DECODE_CASES], ids=[c[0] for c in DECODE_CASES])
def test_encode_text_gives_back_the_same_bytes(data):
    # Unmixed inputs round-trip byte for byte; mixed endings take the dominant one.
    decoded = decode_bytes(data, "berita.txt")
    again = encode_text(decoded.text, decoded)
    if data != b"a\r\nb\r\nc\nd":
        assert again == data
    else:
        assert again == b"a\r\nb\r\nc\r\nd"


def test_binary_file_is_refused_with_the_offset():
    with pytest.raises(BinaryInputError) as caught:
        decode_bytes(b"GIF89a\x01\x00\x00", "gambar.txt")
    assert str(caught.value) == "gambar.txt: binary file (NUL byte at offset 7); skipped"
    assert "\n" not in str(caught.value)


def test_nul_character_in_utf16_is_binary_too():
    with pytest.raises(BinaryInputError, match="x.txt: binary file"):
        decode_bytes(codecs.BOM_UTF16_LE + "a\0b".encode("utf-16-le"), "x.txt")


def test_invalid_utf8_names_file_offset_and_the_way_out():
    data = "Harga cabai naik".encode() + b"\xff" + b" lagi"
    with pytest.raises(DecodeError) as caught:
        decode_bytes(data, "pasar.txt")
    message = str(caught.value)
    assert message.startswith("pasar.txt: not valid UTF-8 at byte 16 (0xff)")
    assert "--errors replace" in message
    assert "\n" not in message


def test_invalid_utf8_offset_counts_the_bom():
    with pytest.raises(DecodeError, match="at byte 4 "):
        decode_bytes(codecs.BOM_UTF8 + b"a\xc3(", "a.txt")


def test_truncated_utf8_at_the_end_is_an_error():
    with pytest.raises(DecodeError, match="at byte 4 "):
        decode_bytes("kopi".encode() + "é".encode()[:1], "a.txt")


def test_errors_replace_decodes_with_replacement_character():
    decoded = decode_bytes(b"Harga \xffnaik", "pasar.txt", errors="replace")
    assert decoded.text == "Harga \ufffdnaik"


def test_odd_length_utf16_is_a_decode_error():
    with pytest.raises(DecodeError, match="not valid UTF-16 LE at byte"):
        decode_bytes(codecs.BOM_UTF16_LE + b"a\x00b", "a.txt")


def test_unknown_errors_mode_is_a_programming_error():
    with pytest.raises(ValueError):
        decode_bytes(b"a", "a.txt", errors="ignore")


def test_read_file_gunzips(tmp_path):
    path = tmp_path / "arsip.txt.gz"
    path.write_bytes(gzip.compress(TEXT.replace("\n", "\r\n").encode()))
    assert read_file(path) == TextFile(TEXT, "utf-8", "\r\n", False)


def test_read_file_of_a_broken_gzip_is_one_line(tmp_path):
    path = tmp_path / "rusak.txt.gz"
    path.write_bytes(gzip.compress(TEXT.encode())[:20])
    with pytest.raises(DecodeError, match=r"rusak.txt.gz: not a valid gzip file"):
        read_file(path)


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p / "tidak-ada.txt", "no such file"),
        (lambda p: p, "is a directory, not a file"),
        (lambda p: p / "berkas.txt" / "anak.txt", "Not a directory"),
    ],
    ids=["missing", "directory", "file as folder"],
)
def test_read_file_errors_are_one_line_naming_the_file(tmp_path, make, reason):
    (tmp_path / "berkas.txt").write_text("isi")
    path = make(tmp_path)
    with pytest.raises(TextfixError) as caught:
        read_file(path)
    assert str(caught.value) == f"{path}: cannot read: {reason}"


def test_open_binary_input_streams_gzip(tmp_path):
    path = tmp_path / "data.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "a"}\n{"text": "b"}\n'))
    with open_binary_input(path) as stream:
        assert [r for _, r in iter_jsonl_lines(stream, "data.jsonl.gz")] == [{"text": "a"}, {"text": "b"}]


# --- JSONL ---------------------------------------------------------------------------

JSONL_CASES = [
    ("good", b'{"text": "Isi berita."}\n', [(1, {"text": "Isi berita."})]),
    ("blank lines skipped", b'\n  \n{"a": 1}\n\n', [(3, {"a": 1})]),
    ("no final newline", b'{"a": 1}', [(1, {"a": 1})]),
    ("bom on first line", codecs.BOM_UTF8 + b'{"a": 1}\n', [(1, {"a": 1})]),
    ("crlf", b'{"a": 1}\r\n{"a": 2}\r\n', [(1, {"a": 1}), (2, {"a": 2})]),
    ("raw tab inside a string is accepted", b'{"a": "x\ty"}\n', [(1, {"a": "x\ty"})]),
    ("malformed", b'{"text": "a"\n', [(1, "x.jsonl:1: malformed JSON: Expecting ',' delimiter at column 13; record skipped")]),
    ("not an object", b'"teks"\n', [(1, "x.jsonl:1: not a JSON object (a string); record skipped")]),
    ("null", b"null\n", [(1, "x.jsonl:1: not a JSON object (null); record skipped")]),
    ("bad utf-8 line", b'{"a": "\xff"}\n', [(1, "x.jsonl:1: not valid UTF-8 at byte 7 of the line; pass --errors replace to decode bad bytes as U+FFFD")]),
    ("deep nesting", b"[" * 100000 + b"]" * 100000 + b"\n", [(1, "x.jsonl:1: malformed JSON: nested too deeply; record skipped")]),
]


@pytest.mark.parametrize("data, expected", [c[1:] for c in JSONL_CASES], ids=[c[0] for c in JSONL_CASES])
def test_iter_jsonl_lines(data, expected):
    got = [
        (n, str(item) if isinstance(item, RecordError) else item)
        for n, item in iter_jsonl_lines(io.BytesIO(data), "x.jsonl")
    ]
    assert got == expected


def test_iter_jsonl_lines_keeps_going_after_bad_lines():
    lines = ['{"text": "a"}\n', "{oops\n", '{"text": "b"}\n']
    got = list(iter_jsonl_lines(lines, "x.jsonl"))
    assert [n for n, _ in got] == [1, 2, 3]
    assert isinstance(got[1][1], RecordError)
    assert got[2][1] == {"text": "b"}


def test_iter_jsonl_lines_replace_mode():
    got = list(iter_jsonl_lines(io.BytesIO(b'{"a": "\xff"}\n'), "x.jsonl", errors="replace"))
    assert got == [(1, {"a": "\ufffd"})]


@pytest.mark.parametrize(
    "record, message",
    [
        ({"judul": "x"}, "a.jsonl:4: no field 'text' (fields: judul); record skipped"),
        ({}, "a.jsonl:4: no field 'text' (fields: none); record skipped"),
        ({"text": None}, "a.jsonl:4: field 'text' is null, not a string; record skipped"),
        ({"text": ["a"]}, "a.jsonl:4: field 'text' is list, not a string; record skipped"),
        ({"text": 12}, "a.jsonl:4: field 'text' is int, not a string; record skipped"),
    ],
    ids=["missing", "no fields", "null", "list", "number"],
)
def test_record_text_errors(record, message):
    with pytest.raises(RecordError) as caught:
        record_text(record, "text", "a.jsonl", 4)
    assert str(caught.value) == message


# --- atomic writes ---------------------------------------------------------------------


def _visible(folder):
    return sorted(p.name for p in folder.iterdir())


def test_atomic_write_replaces_and_keeps_permissions(tmp_path):
    path = tmp_path / "berita.txt"
    path.write_text("lama")
    path.chmod(0o640)
    atomic_write(path, b"baru")
    assert path.read_bytes() == b"baru"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert _visible(tmp_path) == ["berita.txt"]


def test_atomic_write_keeps_executable_bit(tmp_path):
    path = tmp_path / "skrip.txt"
    path.write_text("lama")
    path.chmod(0o755)
    atomic_write(path, b"baru")
    assert stat.S_IMODE(path.stat().st_mode) == 0o755


def test_atomic_write_new_file_follows_umask(tmp_path):
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "baru.txt", b"isi")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "baru.txt").stat().st_mode) == 0o640


def test_atomic_write_refuses_a_symlink_and_leaves_both_alone(tmp_path):
    target = tmp_path / "asli.txt"
    target.write_text("asli")
    link = tmp_path / "tautan.txt"
    link.symlink_to(target)
    with pytest.raises(TextfixError, match="is a symbolic link; textfix never writes through links"):
        atomic_write(link, b"baru")
    assert target.read_text() == "asli"
    assert link.is_symlink()
    assert _visible(tmp_path) == ["asli.txt", "tautan.txt"]


def test_atomic_write_refuses_a_dangling_symlink(tmp_path):
    link = tmp_path / "tautan.txt"
    link.symlink_to(tmp_path / "tidak-ada.txt")
    with pytest.raises(TextfixError, match="symbolic link"):
        atomic_write(link, b"baru")
    assert not (tmp_path / "tidak-ada.txt").exists()


def test_atomic_write_over_a_directory_is_refused(tmp_path):
    (tmp_path / "folder").mkdir()
    with pytest.raises(TextfixError, match="is a directory"):
        atomic_write(tmp_path / "folder", b"x")


def test_atomic_write_into_a_missing_folder_is_one_line(tmp_path):
    with pytest.raises(TextfixError) as caught:
        atomic_write(tmp_path / "tidak-ada" / "a.txt", b"x")
    assert "a.txt: cannot write: No such file or directory" in str(caught.value)


def test_atomic_output_removes_temp_on_exception(tmp_path):
    path = tmp_path / "hasil.txt"
    path.write_text("lama")
    with pytest.raises(RuntimeError):
        with atomic_output(path) as handle:
            handle.write(b"setengah")
            raise RuntimeError("gagal di tengah")
    assert path.read_text() == "lama"
    assert _visible(tmp_path) == ["hasil.txt"]


def test_atomic_output_removes_temp_on_keyboard_interrupt(tmp_path):
    path = tmp_path / "hasil.txt"
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(path) as handle:
            handle.write(b"setengah")
            raise KeyboardInterrupt
    assert _visible(tmp_path) == []


def test_atomic_output_syncs_the_folder_unless_told_not_to(tmp_path, monkeypatch):
    synced = []
    monkeypatch.setattr(tio, "_fsync_folder", synced.append)
    for sync in (True, False):
        with atomic_output(tmp_path / "a.txt", sync_folder=sync) as handle:
            handle.write(b"isi\n")
    assert synced == [str(tmp_path)]
    assert (tmp_path / "a.txt").read_bytes() == b"isi\n"


def test_atomic_output_gzips_gz_paths(tmp_path):
    path = tmp_path / "hasil.txt.gz"
    with atomic_output(path) as handle:
        handle.write(b"isi")
    assert gzip.decompress(path.read_bytes()) == b"isi"


def test_write_text_file_restores_the_shape(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Satu\r\nDua\r\n")
    shape = read_file(path)
    write_text_file(path, shape.text.replace("Dua", "dua"), shape)
    assert path.read_bytes() == codecs.BOM_UTF8 + b"Satu\r\ndua\r\n"


def test_temp_names_are_hidden_and_recognisable(tmp_path, monkeypatch):
    seen = []
    real_replace = os.replace

    def spy(src, dst):
        seen.append(os.path.basename(src))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    atomic_write(tmp_path / "a.txt", b"x")
    assert len(seen) == 1 and is_temp_name(seen[0]) and seen[0].startswith(".a.txt.")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_disk_full_device_is_a_one_line_error_and_stays_a_device():
    with pytest.raises(TextfixError) as caught:
        atomic_write("/dev/full", b"isi berita")
    assert str(caught.value) == "/dev/full: cannot write: No space left on device"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    assert not [name for name in os.listdir("/dev") if is_temp_name(name)]


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="needs /dev/null")
def test_dev_null_is_written_directly_not_replaced():
    atomic_write("/dev/null", b"isi berita")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_written_directly(tmp_path):
    import threading

    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    atomic_write(fifo, b"isi berita")
    reader.join(5)
    assert got == [b"isi berita"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_link_to_a_device_is_written_through(tmp_path):
    # ``-o /dev/stdout`` is a link to a pipe or terminal: there is no file to protect.
    link = tmp_path / "keluar"
    link.symlink_to("/dev/null")
    atomic_write(link, b"isi")
    assert link.is_symlink()
