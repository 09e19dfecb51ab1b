"""The only module that opens data files or calls Sastrawi.

Data files live in ``textfix/data/``: UTF-8, one entry per line, ``#`` header lines naming
source, licence and the script that generated them. Each is read once, lazily, on first
use (``importlib.resources`` + ``functools.cache``), so start-up stays fast.
"""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def data_lines(name: str) -> tuple[str, ...]:
    """The entries of data file ``name``: stripped lines, without blanks or ``#`` comments."""
    text = resources.files("textfix.data").joinpath(name).read_text(encoding="utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")
    )
