"""The few exceptions the library raises; each message says what to do next.

``cli.py`` turns them into one-line errors; the library itself never prints or exits.
"""


class TextfixError(Exception):
    """Base class: an input textfix cannot clean, with a message fit for the user."""


class DecodeError(TextfixError):
    """The input bytes are not valid text in the expected encoding."""


class BinaryInputError(TextfixError):
    """The input looks like a binary file (it contains NUL bytes)."""


class RecordError(TextfixError):
    """A JSONL record cannot be cleaned (malformed JSON, missing or non-string field)."""
