"""Batch runs: folders, gzip, JSONL records, parallel jobs, resume, failures, Ctrl-C.

A batch never stops for one bad file or record: it reports it with file (and line), counts
it, exits 123, and still writes every other output. ``-j2`` gives byte-identical output to
``-j1``.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix import batch, io
from textfix.cli import main
from textfix.errors import TextfixError

PROMO = "Harga cabai naik di Pasar Kranggan.\n\nBaca juga: Petani Cabai Mengeluh\n\nPedagang menunggu pasokan.\n"
CLEAN = "Pedagang menunggu pasokan dari Magelang.\n"


def run(*args: str, input=None):
    return CliRunner().invoke(main, ["clean", *args], input=input, catch_exceptions=False)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8") if isinstance(text, str) else text
    path.write_bytes(gzip.compress(data) if path.name.endswith(".gz") else data)
    return path


def read(path: Path) -> str:
    data = path.read_bytes()
    return (gzip.decompress(data) if path.name.endswith(".gz") else data).decode("utf-8")


def records(*texts, **extra) -> str:
    return "".join(json.dumps({"id": i, "text": t, **extra}, ensure_ascii=False) + "\n" for i, t in enumerate(texts))


# --- folders and out-dir --------------------------------------------------------------------


def test_out_dir_mirrors_the_tree(tmp_path: Path):
    src = tmp_path / "arsip"
    write(src / "2023" / "08" / "a.txt", PROMO)
    write(src / "2023" / "b.txt.gz", PROMO)
    write(src / "c.jsonl", records(PROMO, CLEAN))
    write(src / "catatan.csv", "bukan,berita\n")
    out = tmp_path / "bersih"
    result = run(str(src), "--out-dir", str(out), "-q")
    assert result.exit_code == 0, result.stderr
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == ["2023/08/a.txt", "2023/b.txt.gz", "c.jsonl"]
    assert read(out / "2023" / "08" / "a.txt") == textfix.clean(PROMO)
    assert read(out / "2023" / "b.txt.gz") == textfix.clean(PROMO)
    assert read(src / "2023" / "08" / "a.txt") == PROMO  # inputs untouched


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_each_output_folder_is_synced_once_at_the_end(tmp_path: Path, monkeypatch, jobs):
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", 0)
    synced: list[str] = []
    monkeypatch.setattr(io, "_fsync_folder", synced.append)  # (the workers fork after this)
    src = tmp_path / "arsip"
    for name in ("2023/a.txt", "2023/b.txt", "2024/c.txt", "2024/d.jsonl", "e.txt"):
        write(src / name, records(PROMO) if name.endswith(".jsonl") else PROMO)
    out = tmp_path / "bersih"
    result = run(str(src), "--out-dir", str(out), "-j", jobs, "-q")
    assert result.exit_code == 0, result.stderr
    assert sorted(synced) == sorted(str(out / folder) for folder in ("2023", "2024", "."))
    assert read(out / "2024" / "c.txt") == textfix.clean(PROMO)


def test_glob_picks_files_inside_folders(tmp_path: Path):
    src = tmp_path / "arsip"
    write(src / "a.txt", PROMO)
    write(src / "b.txt", PROMO)
    write(src / "lain" / "c.berita", PROMO)
    out = tmp_path / "bersih"
    result = run(str(src), "--out-dir", str(out), "--glob", "*.berita", "--glob", "a.*", "-q")
    assert result.exit_code == 0
    assert sorted(p.name for p in out.rglob("*") if p.is_file()) == ["a.txt", "c.berita"]


def test_out_dir_inside_the_input_is_not_walked(tmp_path: Path):
    write(tmp_path / "a.txt", PROMO)
    run(str(tmp_path), "--out-dir", str(tmp_path / "bersih"), "-q")
    result = run(str(tmp_path), "--out-dir", str(tmp_path / "bersih"), "-q")
    assert result.exit_code == 0
    assert not (tmp_path / "bersih" / "bersih").exists()


def test_out_dir_never_writes_over_inputs(tmp_path: Path):
    write(tmp_path / "a.txt", PROMO)
    result = run(str(tmp_path / "a.txt"), "--out-dir", str(tmp_path))
    assert result.exit_code == 2
    assert read(tmp_path / "a.txt") == PROMO


def test_in_place_over_a_folder(tmp_path: Path):
    write(tmp_path / "a" / "satu.txt", PROMO)
    write(tmp_path / "b" / "dua.txt", CLEAN)
    result = run("--in-place", str(tmp_path))
    assert result.exit_code == 0
    assert read(tmp_path / "a" / "satu.txt") == textfix.clean(PROMO, textfix.Config(layout="keep"))
    assert read(tmp_path / "b" / "dua.txt") == CLEAN
    assert "1 file cleaned, 1 file left unchanged." in result.stderr


def test_several_files_to_stdout_in_order(tmp_path: Path):
    a = write(tmp_path / "a.txt", PROMO)
    b = write(tmp_path / "b.txt", CLEAN)
    result = run(str(b), str(a), "-q")
    assert result.stdout == textfix.clean(CLEAN) + textfix.clean(PROMO)


# --- JSONL ----------------------------------------------------------------------------------


def test_jsonl_keeps_other_fields_and_unchanged_lines(tmp_path: Path):
    unchanged = '{"text": "Pedagang menunggu pasokan dari Magelang.\\n",  "sumber":"kompas", "n": 1.50}\n'
    src = write(tmp_path / "a.jsonl", records(PROMO, sumber="detik", tag=["ekonomi"]) + unchanged)
    result = run(str(src), "-o", str(tmp_path / "out.jsonl"))
    assert result.exit_code == 0
    first, second = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    assert json.loads(first) == {"id": 0, "text": textfix.clean(PROMO), "sumber": "detik", "tag": ["ekonomi"]}
    assert list(json.loads(first)) == ["id", "text", "sumber", "tag"]
    assert second == unchanged  # byte for byte: spacing, number format


def test_a_record_text_gains_no_final_line_break(tmp_path: Path):
    """A record's text is no file: a clean one stays byte for byte, a repaired one gets no
    trailing newline it did not have, and ``--check`` agrees with a write."""
    clean = '{"text": "Pedagang menunggu pasokan dari Magelang."}\n'
    src = write(tmp_path / "a.jsonl", clean + json.dumps({"text": PROMO.rstrip("\n")}) + "\n")
    first, second = run(str(src)).stdout.splitlines(keepends=True)
    assert first == clean
    assert json.loads(second)["text"] == textfix.clean(PROMO).rstrip("\n")
    only_clean = write(tmp_path / "b.jsonl", clean)
    assert run("--check", str(only_clean)).exit_code == 0
    assert run(str(only_clean)).stdout == clean


def test_a_record_with_a_lone_surrogate_is_written_with_escapes(tmp_path: Path):
    """JSON may escape half of an emoji ("\\ud83c"), which UTF-8 cannot hold: the record
    comes out with the escape, as it came in, not as a traceback (found by fuzz.py)."""
    src = write(tmp_path / "a.jsonl", '{"judul": "\\ud83c", "text": "Warga Yang Datang Ke Pasar Itu Mengeluh Dan Pulang."}\n')
    result = run(str(src))
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"judul": "\ud83c", "text": "Warga yang datang ke pasar itu mengeluh dan pulang."}


def test_jsonl_field_option(tmp_path: Path):
    src = write(tmp_path / "a.jsonl", json.dumps({"isi": PROMO, "text": "Baca juga: x"}) + "\n")
    result = run(str(src), "--field", "isi")
    record = json.loads(result.stdout)
    assert record == {"isi": textfix.clean(PROMO), "text": "Baca juga: x"}


def test_jsonl_from_stdin_with_field():
    result = run("--field", "text", input=records(PROMO))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["text"] == textfix.clean(PROMO)


def test_annotate_adds_what_changed(tmp_path: Path):
    src = write(tmp_path / "a.jsonl", records(PROMO, CLEAN))
    result = run(str(src), "--annotate")
    first, second = map(json.loads, result.stdout.splitlines())
    assert {"rule": "drop_read_also", "before": "Baca juga: Petani Cabai Mengeluh", "after": ""} in first["textfix"]
    assert second["textfix"] == []


def test_jsonl_gz_in_and_out(tmp_path: Path):
    src = write(tmp_path / "in" / "a.jsonl.gz", records(PROMO))
    result = run(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0
    assert json.loads(read(tmp_path / "out" / "a.jsonl.gz"))["text"] == textfix.clean(PROMO)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_jsonl_gz_output_is_whole_in_gzip_members(tmp_path: Path, monkeypatch, jobs):
    # Each chunk arrives compressed by its worker; the file is the members in a row, which
    # gzip itself and Python read back as one stream.
    monkeypatch.setattr(batch, "CHUNK_BYTES", 2000)
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", 0)
    texts = [PROMO.replace("Kranggan", f"Kranggan {i}") for i in range(200)]
    write(tmp_path / "in" / "a.jsonl.gz", records(*texts))
    result = run(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-j", jobs, "-q")
    assert result.exit_code == 0, result.stderr
    data = (tmp_path / "out" / "a.jsonl.gz").read_bytes()
    assert data.count(b"\x1f\x8b\x08") > 1  # more than one member
    expected = records(*(textfix.clean(t) for t in texts))
    assert gzip.decompress(data).decode("utf-8") == expected
    if shutil.which("gzip"):
        unzipped = subprocess.run(["gzip", "-dc"], input=data, capture_output=True, check=True)
        assert unzipped.stdout.decode("utf-8") == expected


def test_empty_jsonl_gz_gives_an_empty_gzip_file(tmp_path: Path):
    write(tmp_path / "in" / "a.jsonl.gz", "")
    result = run(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-q")
    assert result.exit_code == 0, result.stderr
    assert gzip.decompress((tmp_path / "out" / "a.jsonl.gz").read_bytes()) == b""


def test_bad_records_are_reported_counted_and_kept(tmp_path: Path):
    lines = [
        json.dumps({"text": PROMO}),
        '{"text": "tanpa penutup',
        json.dumps({"judul": "Tanpa Isi"}),
        json.dumps({"text": 42}),
        "",
        json.dumps({"text": PROMO}),
    ]
    src = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 123
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    name = src.as_posix()
    assert [e.split(": ")[1] for e in errors] == [f"{name}:2", f"{name}:3", f"{name}:4"]
    written = out.read_text(encoding="utf-8").split("\n")
    assert [json.loads(written[i])["text"] for i in (0, 5)] == [textfix.clean(PROMO)] * 2
    assert written[1:5] == lines[1:5]  # failed records and blank lines pass through unchanged


def test_summary_table_counts(tmp_path: Path):
    write(tmp_path / "a.jsonl", records(PROMO, PROMO, CLEAN) + "{rusak\n")
    write(tmp_path / "b.txt", b"\x00biner")
    result = run(str(tmp_path), "--check")
    assert result.exit_code == 123
    table = {" ".join(line.split()[:-1]): line.split()[-1] for line in result.stderr.splitlines()[-8:] if line.strip()}
    assert table["records"] == "4"
    assert table["failures"] == "2"
    assert table["drop_read_also"] == "2"


def test_a_body_lost_in_scraping_is_flagged_not_failed(tmp_path: Path):
    # PATTERNS.md 18: only the dateline and the commas between lost paragraphs are left.
    write(tmp_path / "kosong.txt", b"\n   Jakarta, CNN Indonesia -- ,\n,\n, ,\n   ,\n")
    body = "Pedagang di Pasar Kranggan menunggu pasokan cabai dari Magelang sejak pagi.\n"
    write(tmp_path / "b.jsonl", records(body, "Baca juga: Harga Cabai Naik Lagi"))
    write(tmp_path / "isi.txt", body.encode())
    result = run(str(tmp_path), "--out-dir", str(tmp_path / "out"))
    assert result.exit_code == 0  # a warning, not a failure: the text is still written
    warnings = sorted(line for line in result.stderr.splitlines() if line.startswith("warning:"))
    assert warnings == [
        f"warning: {tmp_path / 'b.jsonl'}:2: almost no text left after cleaning (an empty body?)",
        f"warning: {tmp_path / 'kosong.txt'}: almost no text left after cleaning (an empty body?)",
    ]
    assert "empty after cleaning 2" in " ".join(" ".join(line.split()) for line in result.stderr.splitlines())
    assert (tmp_path / "out" / "kosong.txt").read_text(encoding="utf-8").startswith("Jakarta, CNN Indonesia --")
    quiet = run(str(tmp_path), "--check", "-q")
    assert "warning" not in quiet.stderr


# --- parallel, resume -----------------------------------------------------------------------


def test_two_jobs_give_the_same_bytes_as_one(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_BYTES", 2000)  # many chunks in flight
    monkeypatch.setattr(batch, "POOL_MIN_BYTES", 0)
    texts = [PROMO.replace("Kranggan", f"Kranggan {i}") for i in range(300)]
    write(tmp_path / "in" / "a.jsonl", records(*texts))
    for i in range(5):
        write(tmp_path / "in" / f"t{i}.txt", PROMO + f"Nomor {i}.\n")
    outs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        result = run(str(tmp_path / "in"), "--out-dir", str(out), "-j", jobs, "-q")
        assert result.exit_code == 0, result.stderr
        outs[jobs] = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert len(outs["1"]) == 6
    assert outs["1"] == outs["2"]


def test_resume_skips_outputs_newer_than_inputs(tmp_path: Path):
    src = write(tmp_path / "in" / "a.txt", PROMO)
    out = tmp_path / "out"
    run(str(tmp_path / "in"), "--out-dir", str(out), "-q")
    done = out / "a.txt"
    done.write_text("diubah tangan\n", encoding="utf-8")
    result = run(str(tmp_path / "in"), "--out-dir", str(out), "--resume")
    assert read(done) == "diubah tangan\n"
    assert "1 file skipped (up to date)" in result.stderr
    later = done.stat().st_mtime_ns + 10**9
    os.utime(src, ns=(later, later))
    run(str(tmp_path / "in"), "--out-dir", str(out), "--resume", "-q")
    assert read(done) == textfix.clean(PROMO)


# --- failures never stop the batch ----------------------------------------------------------


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path):
    write(tmp_path / "in" / "a.txt", PROMO)
    write(tmp_path / "in" / "b.txt", b"\x00\x01biner")
    write(tmp_path / "in" / "c.txt", b"Harga \xff naik.\n")
    write(tmp_path / "in" / "d.txt", PROMO)
    result = run(str(tmp_path / "in"), "--out-dir", str(tmp_path / "out"), "-j", "2")
    assert result.exit_code == 123
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "d.txt"]
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 2 and "b.txt: binary file" in errors[0] and "c.txt: not valid UTF-8" in errors[1]


def test_truncated_gzip_leaves_no_output(tmp_path: Path):
    data = gzip.compress(records(*[PROMO] * 2000).encode())
    write(tmp_path / "a.jsonl", b"")
    (tmp_path / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "a.jsonl").unlink()
    result = run(str(tmp_path / "a.jsonl.gz"), "--out-dir", str(tmp_path / "out"))
    assert result.exit_code == 123
    assert "a.jsonl.gz" in result.stderr
    assert list((tmp_path / "out").iterdir()) == []


# --- interruption ---------------------------------------------------------------------------


def test_closing_a_run_discards_the_half_written_output(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_BYTES", 100)
    src = write(tmp_path / "a.jsonl", records(*[PROMO] * 50))
    dest = tmp_path / "out" / "a.jsonl"
    source = batch.Source("a.jsonl", src, dest, jsonl=True, size=src.stat().st_size)
    events = batch.run([source], batch.Job())
    next(e for e in events if isinstance(e, batch.Advance))
    assert [p.name for p in dest.parent.iterdir()] != []  # the temp file is being written
    events.close()
    assert list(dest.parent.iterdir()) == []


def _half_way_through_a_pool_run(tmp_path: Path, output) -> tuple[subprocess.Popen, Path]:
    """A ``-j2`` run on a big JSONL file, returned once its output's temp file has
    appeared (half written), with the folder it writes to; ``output``: where its stdout and stderr go.

    Under load this process may wake only after the run is over, when nothing is left to
    interrupt: then it tries again on twice the input, up to three times."""
    for attempt in range(3):
        folder = tmp_path / f"try-{attempt}"
        folder.mkdir()
        src = write(folder / "a.jsonl", records(*[PROMO * 20] * (3000 << attempt)))
        out = folder / "out"
        out.mkdir()
        proc = subprocess.Popen(
            [sys.executable, "-m", "textfix", "clean", str(src), "--out-dir", str(out), "-j", "2", "-q"],
            stdout=output, stderr=output,
        )
        deadline = time.monotonic() + 60
        while not any(io.is_temp_name(p.name) for p in out.iterdir()) and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.02)
        if proc.poll() is None:
            return proc, out
        proc.communicate()
    raise AssertionError("each run ended before its output was seen half written")


def test_ctrl_c_leaves_no_half_written_output(tmp_path: Path):
    proc, out = _half_way_through_a_pool_run(tmp_path, subprocess.PIPE)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130, stderr.decode()
    assert b"Aborted" in stderr and b"Traceback" not in stderr
    assert list(out.iterdir()) == []


def test_a_bug_in_a_stage_fails_one_record_not_the_batch(tmp_path: Path, monkeypatch):
    real = batch.clean_and_count

    def flaky(text, config=None):
        if "meledak" in text:
            raise IndexError("list index out of range")
        return real(text, config)

    monkeypatch.setattr(batch, "clean_and_count", flaky)
    src = write(tmp_path / "a.jsonl", records(PROMO, "Kata ini meledak.\n", PROMO))
    result = run(str(src), "-j", "1")
    assert result.exit_code == 123
    out = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert out == [textfix.clean(PROMO), "Kata ini meledak.\n", textfix.clean(PROMO)]
    [error] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert error.startswith(f"error: {src.as_posix()}:2: internal error (IndexError: list index out of range)")


def test_a_bug_while_a_huge_text_streams_is_a_failure_of_that_input():
    # Lines over pipeline.LONG_LINE are cleaned in parts (batch._guarded); a stage that
    # raises part way becomes the same one-line failure as for a whole text.
    def parts():
        yield "Bagian pertama. "
        raise KeyError("kunci")

    with pytest.raises(TextfixError, match=r"^besar\.txt: internal error \(KeyError: 'kunci'\); left unchanged"):
        list(batch._guarded(parts(), "besar.txt"))


def test_jsonl_in_place_and_check(tmp_path: Path):
    src = write(tmp_path / "a.jsonl", records(PROMO, CLEAN))
    check = run("--check", str(src))
    assert check.exit_code == 1 and f"would clean {src.as_posix()}" in check.stderr
    assert run("--in-place", str(src), "-q").exit_code == 0
    assert [json.loads(x)["text"] for x in read(src).splitlines()] == [
        textfix.clean(PROMO, textfix.Config(layout="keep")),
        CLEAN,
    ]
    assert run("--check", str(src)).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["a.jsonl"]  # no temp files left


def test_jsonl_diff_names_the_record_lines(tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "a.jsonl", records(CLEAN, PROMO))
    result = run("--diff", "a.jsonl")
    assert result.stdout.startswith("--- a/a.jsonl\n+++ b/a.jsonl\n@@ -2,1 +2,1 @@\n-{")
    (tmp_path / "fix.patch").write_text(result.stdout, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "."], check=True)
    subprocess.run(["git", "apply", "fix.patch"], check=True)
    assert json.loads(read(tmp_path / "a.jsonl").splitlines()[1])["text"] == textfix.clean(
        PROMO, textfix.Config(layout="keep")
    )


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads /proc (Linux)")
def test_workers_exit_when_the_main_process_is_killed(tmp_path: Path):
    proc, _ = _half_way_through_a_pool_run(tmp_path, subprocess.DEVNULL)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    workers = [int(pid) for pid in children.read_text().split()] if children.exists() else []
    proc.kill()
    proc.wait()
    assert workers, "the run should have had pool workers"
    deadline = time.monotonic() + 10
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = [pid for pid in workers if Path(f"/proc/{pid}").exists() and "Z" not in _state(pid)]
    assert alive == []


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return "gone"


def test_explain_names_the_jsonl_line(tmp_path: Path):
    src = write(tmp_path / "a.jsonl", records(CLEAN, PROMO))
    result = run(str(src), "--explain")
    assert f"{src.as_posix()}:2: drop_read_also: removed 'Baca juga: Petani Cabai Mengeluh'" in result.stderr.splitlines()
    assert all(line.startswith(f"{src.as_posix()}:2: ") for line in result.stderr.splitlines())
    assert [json.loads(x)["text"] for x in result.stdout.splitlines()] == [CLEAN, textfix.clean(PROMO)]


def test_diff_counts_lines_as_files_do():
    """A line holding \\x1c or \\x85 is one line to git; str.splitlines made it two, with a
    "No newline at end of file" marker in the middle of the diff."""
    from textfix.batch import unified_diff

    diff = unified_diff("Satu\x1c dua\x85 tiga.\nHarga Naik.\n", "Satu\x1c dua\x85 tiga.\nHarga naik.\n", "x.txt")
    assert "No newline" not in diff
    assert diff.split("\n")[2] == "@@ -1,2 +1,2 @@"
