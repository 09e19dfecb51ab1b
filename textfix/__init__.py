"""textfix: clean scraped Indonesian news text into correctly cased paragraphs."""

from .config import Config
from .errors import TextfixError, DecodeError, BinaryInputError
from .document import Step
from .pipeline import Cleaned, clean, clean_and_explain

__version__ = "0.1.0"

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
]
