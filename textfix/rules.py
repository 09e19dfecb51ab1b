"""Stage 3: junk rules, as small pure functions registered in run order in ``RULES``.

A *paragraph rule* takes one paragraph and returns it changed, unchanged, or ``None`` to
drop it. A *document rule* sees every paragraph at once (for rules that need position or
neighbours: header chrome, footers, duplicates) and returns a list of the same length.
Each rule has a :class:`~textfix.config.Config` field of the same name that turns it off.
Paragraph text may hold ``\\n`` where a line was soft-wrapped; rules treat it as a space.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import patterns
from .config import Config


@dataclass(frozen=True)
class Rule:
    name: str
    func: Callable
    scope: str  # "paragraph" or "document"


#: Every rule in the order it runs.
RULES: dict[str, Rule] = {}


def paragraph_rule(func: Callable[[str], str | None]) -> Callable[[str], str | None]:
    """Register ``func`` as a paragraph rule, after those already registered."""
    RULES[func.__name__] = Rule(func.__name__, func, "paragraph")
    return func


def document_rule(func: Callable[[list[str], Config], list[str | None]]):
    """Register ``func`` as a document rule, after those already registered."""
    RULES[func.__name__] = Rule(func.__name__, func, "document")
    return func


@paragraph_rule
def drop_read_also(paragraph: str) -> str | None:
    """Drop a "Baca juga" promo line, label and headline.

    >>> drop_read_also("Baca Juga: Presiden Jokowi Apresiasi Muktamar") is None
    True
    >>> drop_read_also("Minat baca masyarakat naik.")
    'Minat baca masyarakat naik.'
    """
    if patterns.READ_ALSO_LABEL_RE.match(paragraph):
        return None
    return paragraph


@paragraph_rule
def drop_photo_caption(paragraph: str) -> str | None:
    """Drop a photo caption: a short line that carries a photo credit.

    >>> drop_photo_caption("Jelang KTT Ke-43 ASEAN 2023 (Foto: Kemendagri RI)") is None
    True
    """
    credit = patterns.PAREN_PHOTO_CREDIT_RE.search(paragraph)
    if credit and len(paragraph) - len(credit.group()) <= 200:
        return None
    return paragraph


@paragraph_rule
def strip_photo_credit(paragraph: str) -> str | None:
    """Remove a photo credit, keeping the text around it.

    >>> strip_photo_credit("Bupati meninjau banjir. (Foto: Humas)")
    'Bupati meninjau banjir.'
    """
    stripped = patterns.PAREN_PHOTO_CREDIT_RE.sub("", paragraph).strip()
    return stripped or None


@paragraph_rule
def strip_trailing_marker(paragraph: str) -> str | None:
    """Remove ``***`` markers at the end of a paragraph (a line of them goes entirely).

    >>> strip_trailing_marker("Asia Timur (EAS).***")
    'Asia Timur (EAS).'
    >>> strip_trailing_marker("***") is None
    True
    """
    stripped = patterns.TRAILING_STARS_RE.sub("", paragraph)
    return stripped or None
