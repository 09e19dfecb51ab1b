"""textfix: clean scraped Indonesian news text into correctly cased paragraphs."""

from .config import Config
from .errors import TextfixError, DecodeError, BinaryInputError
from .document import Step

__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline compiles every rule's patterns on import; `textfix --help` and
    # `--version` should not pay for that, so it is imported on first use (PEP 562).
    if name in ("Cleaned", "clean", "clean_and_explain", "clean_field"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'textfix' has no attribute {name!r}")


__all__ = [
    "BinaryInputError",
    "Cleaned",
    "Config",
    "DecodeError",
    "Step",
    "TextfixError",
    "__version__",
    "clean",
    "clean_and_explain",
    "clean_field",
]
