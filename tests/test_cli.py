"""The command line, through click's CliRunner: stdout carries only text, stderr the rest.

Expected outputs are what the library gives for the same config (``textfix.clean``), so
these tests pin the CLI's wiring -- which text goes where, which option sets which field,
which exit code -- and leave the cleaning itself to the golden and rule tests.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import textfix
from textfix import batch
from textfix.cli import main

SAMPLES = Path(__file__).parent.parent / "samples"
SEED = SAMPLES / "seed-title-cased.txt"
SEED_EXPECTED = SAMPLES / "seed-title-cased.expected.txt"

PROMO = (
    "Warga Bantul memadati alun-alun pada Minggu pagi.\n\n"
    "Baca juga: Harga Cabai Naik Lagi Di Pasar Beringharjo\n\n"
    "Mereka datang sejak pukul enam untuk menonton pawai budaya.\n"
)
CLEAN = "Warga Bantul memadati alun-alun pada Minggu pagi.\n\nMereka datang untuk menonton pawai.\n"


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def promo_file(tmp_path: Path) -> Path:
    path = tmp_path / "berita.txt"
    path.write_text(PROMO, encoding="utf-8")
    return path


# --- help and version ---------------------------------------------------------------------


def test_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"textfix, version {textfix.__version__}\n"


@pytest.mark.parametrize("args", [["--help"], ["clean", "--help"]], ids=["group", "clean"])
def test_every_command_has_help(args):
    result = run(*args)
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage:")
    assert "Exit status" in result.stdout or "clean" in result.stdout


def test_python_dash_m_runs_the_cli():
    proc = subprocess.run(
        [sys.executable, "-m", "textfix", "clean", "-"],
        input=PROMO.encode(), capture_output=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.decode() == textfix.clean(PROMO)
    assert proc.stderr == b""


# --- streams ------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["-"]], ids=["no-file", "dash"])
def test_stdin_to_stdout_matches_the_library(args):
    result = run("clean", *args, input=PROMO)
    assert result.exit_code == 0
    assert result.stdout == textfix.clean(PROMO)
    assert "Baca juga" not in result.stdout
    assert result.stderr == ""


def test_file_to_stdout(promo_file: Path):
    result = run("clean", str(promo_file))
    assert result.exit_code == 0
    assert result.stdout == textfix.clean(PROMO)
    assert result.stderr == ""


def test_output_file(promo_file: Path, tmp_path: Path):
    out = tmp_path / "bersih.txt"
    result = run("clean", str(promo_file), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == textfix.clean(PROMO)
    assert promo_file.read_text(encoding="utf-8") == PROMO


def test_one_per_line():
    result = run("clean", "--one-per-line", input=CLEAN)
    assert result.stdout == "Warga Bantul memadati alun-alun pada Minggu pagi.\nMereka datang untuk menonton pawai.\n"


# --- check, diff, in place ----------------------------------------------------------------


def test_check_lists_what_would_change_and_changes_nothing(promo_file: Path):
    result = run("clean", "--check", str(promo_file))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"would clean {promo_file.as_posix()}" in result.stderr
    assert promo_file.read_text(encoding="utf-8") == PROMO


def test_check_clean_text_exits_zero(tmp_path: Path):
    path = tmp_path / "bersih.txt"
    path.write_text(CLEAN, encoding="utf-8")
    result = run("clean", "--check", str(path))
    assert result.exit_code == 0
    assert "would clean" not in result.stderr


def test_check_quiet_says_nothing(promo_file: Path):
    result = run("clean", "--check", "-q", str(promo_file))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "")


def test_seed_sample_from_stdin_would_change():
    result = run("clean", "--check", "-", input=SEED.read_bytes())
    assert result.exit_code == 1
    assert "would clean -" in result.stderr


def test_seed_expected_output_is_left_alone():
    result = run("clean", "--check", str(SEED_EXPECTED))
    assert result.exit_code == 0, result.stderr


def test_diff_applies_with_git_apply(promo_file: Path, tmp_path: Path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("clean", "--diff", "berita.txt")
    assert result.exit_code == 0
    assert result.stdout.startswith("--- a/berita.txt\n+++ b/berita.txt\n@@ ")
    assert "-Baca juga: Harga Cabai" in result.stdout
    (tmp_path / "fix.patch").write_text(result.stdout, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "."], check=True)
    subprocess.run(["git", "apply", "fix.patch"], check=True)
    patched = promo_file.read_text(encoding="utf-8")
    promo_file.write_text(PROMO, encoding="utf-8")
    assert run("clean", "--in-place", "berita.txt").exit_code == 0
    assert patched == promo_file.read_text(encoding="utf-8")


def test_check_and_diff_together_exit_one(promo_file: Path):
    result = run("clean", "--check", "--diff", str(promo_file))
    assert result.exit_code == 1
    assert result.stdout.startswith("--- a/")


def test_in_place_keeps_permissions_and_line_endings(tmp_path: Path):
    path = tmp_path / "berita.txt"
    path.write_bytes(PROMO.replace("\n", "\r\n").encode())
    path.chmod(0o640)
    result = run("clean", "--in-place", str(path))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"cleaned {path.as_posix()}" in result.stderr
    data = path.read_bytes()
    assert b"Baca juga" not in data
    assert data.count(b"\r\n") == data.count(b"\n") > 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["berita.txt"]


def test_in_place_leaves_clean_files_untouched(tmp_path: Path):
    path = tmp_path / "bersih.txt"
    path.write_text(CLEAN, encoding="utf-8")
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    assert run("clean", "--in-place", str(path)).exit_code == 0
    assert path.stat().st_mtime_ns == 1_000_000_000


# --- explain ------------------------------------------------------------------------------


def test_explain_goes_to_stderr_with_file_line_column(promo_file: Path):
    result = run("clean", "--explain", str(promo_file))
    assert result.exit_code == 0
    assert result.stdout == textfix.clean(PROMO)
    line = next(x for x in result.stderr.splitlines() if "drop_read_also" in x)
    assert line.startswith(f"{promo_file.as_posix()}:3:1: drop_read_also: removed 'Baca juga:")


@pytest.mark.parametrize(
    "text, explained",
    [
        ("Harga beras naik.Pedagang mengeluh sejak pagi.\n", "-:1:18: split_sentence_glue: inserted ' '"),
        ("Harga   beras naik.\n", "-:1:7: normalize_whitespace: 'Harga   beras naik.' -> 'Harga beras naik.'"),
    ],
)
def test_explain_shows_a_change_of_whitespace(text, explained):
    """A space put in or taken out once read as ``'' -> ''`` or as no change at all."""
    result = run("clean", "--explain", input=text)
    assert explained in result.stderr.splitlines()


def test_explain_lists_changes_in_file_order(tmp_path: Path):
    source = tmp_path / "berita.txt"
    source.write_text(
        "Harga beras naik lagi di pasar induk pekan ini, kata para pedagang.\n"
        "(Baca juga: Stok Beras Aman)\n"
        "Pedagang cabai juga mengeluhkan sepinya pembeli sejak awal bulan ini.\n"
        "Halaman Selanjutnya\n"
        "Warga berharap harga segera turun menjelang hari raya tahun ini.\n",
        encoding="utf-8",
    )
    result = run("clean", "--explain", str(source))
    lines = [int(x.split(":")[1]) for x in result.stderr.splitlines() if x.startswith(source.as_posix())]
    assert lines == [2, 4]  # read-also (line 2) before the widget line (4), though its rule runs later


# --- options reach the config -------------------------------------------------------------


@pytest.fixture
def seen_configs(monkeypatch):
    """Record the config each file is cleaned with (in-process: one small input)."""
    seen = []
    for name in ("clean_and_explain", "clean_and_count"):
        real = getattr(batch, name)

        def spy(text, config=None, real=real):
            seen.append(config)
            return real(text, config)

        monkeypatch.setattr(batch, name, spy)
    return seen


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param([], dict(layout="reflow", recase=True, strip_dateline=False), id="defaults"),
        pytest.param(["--no-recase"], dict(recase=False), id="no-recase"),
        pytest.param(["--strip-dateline"], dict(strip_dateline=True, strip_byline=False), id="strip-dateline"),
        pytest.param(["--strip-meta"], dict(strip_dateline=True, strip_byline=True, strip_editor_initials=True), id="strip-meta"),
        pytest.param(["--profile", "corpus"], dict(strip_dateline=True, strip_byline=True, strip_editor_initials=True), id="profile-corpus"),
        pytest.param(["--keep-captions"], dict(drop_photo_caption=False, strip_photo_credit=True), id="keep-captions"),
        pytest.param(["--one-per-line"], dict(one_per_line=True), id="one-per-line"),
        pytest.param(["--keep-layout"], dict(layout="keep"), id="keep-layout"),
        pytest.param(["--check"], dict(layout="keep"), id="check-keeps-layout"),
        pytest.param(["--diff"], dict(layout="keep"), id="diff-keeps-layout"),
        pytest.param(["--check", "--reflow"], dict(layout="reflow"), id="reflow-overrides"),
        pytest.param(["--format", "markdown"], dict(format="markdown"), id="format-markdown"),
        pytest.param(["--recase-title"], dict(recase_front_matter_title=True), id="recase-title"),
    ],
)
def test_options_set_config_fields(seen_configs, promo_file, args, expected):
    run("clean", *args, str(promo_file))
    [config] = seen_configs
    assert {name: getattr(config, name) for name in expected} == expected


def test_in_place_keeps_layout(seen_configs, promo_file):
    run("clean", "--in-place", str(promo_file))
    assert seen_configs[0].layout == "keep"


@pytest.mark.parametrize(("name", "fmt"), [("a.md", "markdown"), ("a.markdown", "markdown"), ("a.txt", "text")])
def test_format_auto_by_extension(seen_configs, tmp_path, name, fmt):
    path = tmp_path / name
    path.write_text(CLEAN, encoding="utf-8")
    run("clean", "--check", str(path))
    assert seen_configs[0].format == fmt


def test_extra_junk_file(seen_configs, promo_file, tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_text("# satu frasa per baris\nIkuti kami di\n\nre:^Klik di sini\n", encoding="utf-8")
    run("clean", "--extra-junk", str(junk), str(promo_file))
    assert seen_configs[0].extra_junk == ("Ikuti kami di", "re:^Klik di sini")


# --- usage errors exit 2 ------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--in-place", "-"], id="in-place-stdin"),
        pytest.param(["--check", "--in-place", "FILE"], id="check-in-place"),
        pytest.param(["-o", "x.txt", "FILE", "FILE2"], id="output-two-inputs"),
        pytest.param(["--in-place", "--out-dir", "d", "FILE"], id="in-place-out-dir"),
        pytest.param(["--resume", "FILE"], id="resume-without-out-dir"),
        pytest.param(["-", "-"], id="stdin-twice"),
        pytest.param(["tidak-ada.txt"], id="missing-file"),
        pytest.param(["--format", "html", "FILE"], id="bad-choice"),
    ],
)
def test_usage_errors_exit_2(promo_file, tmp_path, args):
    other = tmp_path / "lain.txt"
    other.write_text(CLEAN, encoding="utf-8")
    args = [str(promo_file) if a == "FILE" else str(other) if a == "FILE2" else a for a in args]
    result = run("clean", *args, input="")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "Error" in result.stderr


def test_output_over_input_is_refused(promo_file):
    result = run("clean", str(promo_file), "-o", str(promo_file))
    assert result.exit_code == 2
    assert "--in-place" in result.stderr
    assert promo_file.read_text(encoding="utf-8") == PROMO


# --- bad input: one line naming the file, never a traceback --------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"Harga\x00naik", "binary file", id="binary"),
        pytest.param("Harga naik di Medan.\n".encode() + b"\xff\xfe rusak", "not valid UTF-8 at byte 21", id="bad-utf8"),
    ],
)
def test_bad_input_is_one_line_and_exit_123(tmp_path, data, message):
    path = tmp_path / "rusak.txt"
    path.write_bytes(data)
    result = run("clean", str(path))
    assert result.exit_code == 123
    assert result.stdout == ""
    [line] = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert line.startswith(f"error: {path}: ") and message in line
    assert "Traceback" not in result.stderr


def test_errors_replace_decodes_bad_bytes(tmp_path):
    path = tmp_path / "rusak.txt"
    path.write_bytes(b"Harga beras naik di Medan \xff hari ini.\n")
    result = run("clean", "--errors", "replace", str(path))
    assert result.exit_code == 0
    assert "\ufffd" in result.stdout


def test_bad_stdin_names_stdin():
    result = run("clean", input=b"\x00\x01\x02")
    assert result.exit_code == 123
    assert result.stderr.startswith("error: -: binary file")


# --- progress bar: on a terminal only -------------------------------------------------------


def _stderr_of(args: list[str], tty: bool) -> bytes:
    import pty

    command = [sys.executable, "-m", "textfix", "clean", *args]
    if not tty:
        return subprocess.run(command, capture_output=True, check=False).stderr
    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "100", "TERM": "xterm"}
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(master)
    return b"".join(chunks)


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path):
    for i in range(3):
        (tmp_path / "in" / f"{i}").mkdir(parents=True)
        (tmp_path / "in" / f"{i}" / "berita.txt").write_text(PROMO, encoding="utf-8")
    args = [str(tmp_path / "in"), "--out-dir", str(tmp_path / "out")]
    assert "/3 files" in _stderr_of(args, tty=True).decode("utf-8", "replace")
    piped = _stderr_of(args, tty=False).decode()
    assert "/3 files" not in piped and "\x1b[" not in piped
    assert "3 files cleaned." in piped  # the summary still comes, as plain text
    assert "/3 files" not in _stderr_of([*args, "-q"], tty=True).decode("utf-8", "replace")


@pytest.mark.parametrize("how", ["same path", "symlink", "hard link"])
def test_an_output_that_is_the_input_is_refused(tmp_path: Path, how: str):
    source = tmp_path / "berita.txt"
    source.write_text(PROMO, encoding="utf-8")
    if how == "same path":
        output = tmp_path / "." / "berita.txt"
    else:
        output = tmp_path / "salinan.txt"
        (output.symlink_to if how == "symlink" else output.hardlink_to)(source)
    result = run("clean", str(source), "-o", str(output))
    assert result.exit_code == 2
    assert "would overwrite the input" in result.stderr
    assert source.read_text(encoding="utf-8") == PROMO
