"""The shipped casing data is what ``scripts/build_casing_model.py`` makes of train.txt now.

The build reads the code it ships with (sentence starts, rule decisions, features), so a
change there must come with rebuilt data. Twice the files went stale that way unnoticed:
the model then scored a draw the script no longer made. This test rebuilds them (about
two minutes) whenever the corpora are there, as in CI; elsewhere it is skipped.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TEXTFIX_SHARED", ROOT.parent / "shared"))
FILES = ("casing-counts.tsv", "casing-bigrams.tsv", "casing-stems.tsv", "casing-model.tsv")


@pytest.mark.skipif(not (SHARED / "corpora" / "train.txt").is_file(), reason="needs ../shared/corpora")
def test_the_build_script_remakes_the_shipped_casing_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_casing_model.py"), "--shared", str(SHARED), "--out", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    stale = [name for name in FILES if (tmp_path / name).read_bytes() != (ROOT / "textfix" / "data" / name).read_bytes()]
    assert not stale, f"textfix/data/{stale} differ from a rebuild: run scripts/build_casing_model.py"
