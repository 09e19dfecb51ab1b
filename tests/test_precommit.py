"""The pre-commit hooks, run by the real ``pre-commit`` tool in a temporary git repository.

``.pre-commit-hooks.yaml`` declares ``language: python``: for users, pre-commit builds a
virtualenv and ``pip install``s textfix and its dependencies into it, which needs a package
index. Tests must run offline, so the config here is generated from the manifest -- same
ids, entries, ``types`` and ``files`` -- as a ``repo: local`` hook whose entry runs this
interpreter's textfix (``python -m textfix ...``) with ``language: unsupported`` (called
``system`` before pre-commit 4.4). What differs from a user's install is only where the
``textfix`` command comes from; the manifest itself is checked with
``pre-commit validate-manifest``.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import textfix

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = ROOT / ".pre-commit-hooks.yaml"

TITLE_CASED = (
    "Warga Mengeluhkan Harga Beras Yang Terus Naik Di Pasar Induk Sejak Awal Bulan Ini.\n"
    "\n"
    "Baca Juga: Petani Gagal Panen Karena Kemarau Panjang\n"
    "\n"
    "Para Pedagang Berharap Pemerintah Segera Menggelar Operasi Pasar Untuk Menekan Harga.\n"
)


def _language() -> str:
    from pre_commit import all_languages

    return "unsupported" if "unsupported" in all_languages.languages else "system"


def _local_config() -> str:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    python = shlex.quote(sys.executable)
    for hook in hooks:
        assert hook["entry"].startswith("textfix "), hook["entry"]
        hook["entry"] = f"{python} -m {hook['entry']}"
        hook["language"] = _language()
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    work = tmp_path / "redaksi"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("PRE_COMMIT_HOME", str(tmp_path / "pre-commit-home"))
    for var in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):
        monkeypatch.delenv(var, raising=False)
    git("init", "-q", "-b", "main")
    git("config", "user.email", "redaksi@example.com")
    git("config", "user.name", "Redaksi")
    git("config", "commit.gpgsign", "false")
    (work / ".pre-commit-config.yaml").write_text(_local_config(), encoding="utf-8")
    git("add", ".pre-commit-config.yaml")
    return work


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], capture_output=True, text=True, check=False)


def pre_commit(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], capture_output=True, text=True, check=False
    )


def test_manifest_is_valid():
    result = pre_commit("validate-manifest", str(MANIFEST))
    assert result.returncode == 0, result.stdout + result.stderr
    ids = [hook["id"] for hook in yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))]
    assert ids == ["textfix", "textfix-check"]


def test_check_hook_fails_and_changes_nothing(repo: Path):
    (repo / "berita.txt").write_text(TITLE_CASED, encoding="utf-8")
    git("add", "berita.txt")
    result = pre_commit("run", "textfix-check", "--all-files")
    assert result.returncode == 1, result.stdout
    assert "would clean berita.txt" in result.stdout
    assert (repo / "berita.txt").read_text(encoding="utf-8") == TITLE_CASED


def test_fix_hook_fails_then_fixes_then_passes(repo: Path):
    (repo / "berita.txt").write_text(TITLE_CASED, encoding="utf-8")
    (repo / "skrip.py").write_text("# Baca Juga: Bukan Berita\n", encoding="utf-8")
    git("add", "berita.txt", "skrip.py")
    assert pre_commit("install").returncode == 0

    first = git("commit", "-m", "tambah berita")
    assert first.returncode != 0, first.stdout
    assert "files were modified by this hook" in first.stdout + first.stderr
    fixed = (repo / "berita.txt").read_text(encoding="utf-8")
    assert fixed == textfix.clean(TITLE_CASED, textfix.Config(layout="keep"))
    assert "Baca Juga" not in fixed
    assert (repo / "skrip.py").read_text(encoding="utf-8") == "# Baca Juga: Bukan Berita\n"
    assert git("log").returncode != 0  # nothing committed yet

    git("add", "berita.txt")
    second = git("commit", "-m", "tambah berita")
    assert second.returncode == 0, second.stdout + second.stderr
    assert pre_commit("run", "textfix-check", "--all-files").returncode == 0


def test_hooks_keep_crlf_line_endings(repo: Path):
    path = repo / "berita.txt"
    path.write_bytes(TITLE_CASED.replace("\n", "\r\n").encode())
    git("add", "berita.txt")
    pre_commit("run", "textfix", "--all-files")
    data = path.read_bytes()
    assert b"Baca Juga" not in data
    assert data.count(b"\r\n") == data.count(b"\n") > 0
