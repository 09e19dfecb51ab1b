"""The hook as a user gets it: ``pre-commit try-repo`` on this checkout.

pre-commit clones the checkout (with uncommitted changes), builds a virtualenv and
``pip install``s textfix into it from its ``setup.cfg``, exactly as for a user's
``.pre-commit-config.yaml``. That install fetches textfix's dependencies from the package
index, so this test needs the index that ``pip install -e .[test]`` used a moment earlier.
It also proves the built package carries its data files: a file left out of the package
data fails here, not only on a user's machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

TITLE_CASED = (
    "Warga Mengeluhkan Harga Beras Yang Terus Naik Sejak Awal Bulan Ini.\n"
    "Baca Juga: Petani Gagal Panen Karena Kemarau Panjang\n"
    "Para Pedagang Berharap Pemerintah Segera Menggelar Operasi Pasar Untuk Menekan Harga.\n"
)
FIXED = (
    "Warga mengeluhkan harga beras yang terus naik sejak awal bulan ini.\n"
    "Para pedagang berharap pemerintah segera menggelar operasi pasar untuk menekan harga.\n"
)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _run(*args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    for var in ("GIT_DIR", "GIT_INDEX_FILE", "GIT_WORK_TREE"):
        env.pop(var, None)
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


@pytest.fixture
def newsroom(tmp_path: Path, pre_commit_home: Path) -> Path:
    for args in (
        ("git", "init", "-q", "-b", "main"),
        ("git", "config", "user.email", "redaksi@example.com"),
        ("git", "config", "user.name", "Redaksi"),
    ):
        _run(*args, cwd=tmp_path, home=pre_commit_home)
    (tmp_path / "berita.txt").write_text(TITLE_CASED, encoding="utf-8")
    _run("git", "add", "berita.txt", cwd=tmp_path, home=pre_commit_home)
    return tmp_path


def _try_repo(hook: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    return _run(
        sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--files", "berita.txt",
        cwd=cwd, home=home,
    )


def test_installed_hook_fails_fixes_then_passes(newsroom: Path, pre_commit_home: Path):
    first = _try_repo("textfix", newsroom, pre_commit_home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert (newsroom / "berita.txt").read_text(encoding="utf-8") == FIXED

    second = _try_repo("textfix", newsroom, pre_commit_home)
    assert second.returncode == 0, second.stdout + second.stderr


def test_installed_check_hook_changes_nothing(newsroom: Path, pre_commit_home: Path):
    result = _try_repo("textfix-check", newsroom, pre_commit_home)
    assert result.returncode == 1, result.stdout + result.stderr
    assert (newsroom / "berita.txt").read_text(encoding="utf-8") == TITLE_CASED
