"""One frozen set of options for a cleaning run.

Each rule has one boolean field with the rule's own name, so ``--explain`` output, the
registry in ``rules.py`` and the options here line up one to one (the shape of ftfy's
``TextFixerConfig``). Change a config with :func:`dataclasses.replace`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

LAYOUTS = ("reflow", "keep")
FORMATS = ("auto", "text", "markdown")


@dataclass(frozen=True)
class Config:
    """What a cleaning run does. The defaults are what ``textfix clean`` does."""

    # Stage 1: decode and normalise.
    fix_encoding: bool = True
    normalize_unicode: bool = True
    normalize_whitespace: bool = True
    split_list_joins: bool = True  # reflow only: an editor's own layout is left alone

    # After stage 3 (a caption glued to the next sentence ends at the glue); reflow only.
    split_sentence_glue: bool = True

    # Stage 3: junk rules, one field per rule (see ``rules.RULES``).
    drop_header_chrome: bool = True
    drop_read_also: bool = True
    drop_promo: bool = True
    strip_photo_credit: bool = True
    drop_photo_caption: bool = True
    drop_ads: bool = True
    drop_social_promo: bool = True
    drop_syndication_note: bool = True
    drop_pagination: bool = True
    cut_footer: bool = True
    strip_trailing_marker: bool = True
    drop_duplicate_paragraphs: bool = True
    drop_extra_junk: bool = True
    # Metadata: kept unless asked (``--strip-meta``).
    strip_dateline: bool = False
    strip_byline: bool = False
    strip_editor_initials: bool = False

    # Stage 4: casing repair of Title-Cased-Every-Word text.
    recase: bool = True

    # Stage 5: output.
    layout: str = "reflow"
    one_per_line: bool = False

    #: Extra junk phrases or patterns, one per entry (``--extra-junk FILE``).
    extra_junk: tuple[str, ...] = ()
    #: "auto" picks Markdown by file extension; the library treats "auto" as text.
    format: str = "auto"
    #: Markdown: give a title-cased front matter ``title:`` value heading casing.
    recase_front_matter_title: bool = False

    def __post_init__(self) -> None:
        if self.layout not in LAYOUTS:
            raise ValueError(f"layout must be one of {LAYOUTS}, not {self.layout!r}")
        if self.format not in FORMATS:
            raise ValueError(f"format must be one of {FORMATS}, not {self.format!r}")

    def replace(self, **changes) -> "Config":
        """Return a copy with ``changes`` applied (:func:`dataclasses.replace`)."""
        return dataclasses.replace(self, **changes)

    def with_meta_stripped(self) -> "Config":
        """Datelines, bylines and editor initials removed too.

        >>> Config().with_meta_stripped().strip_byline
        True
        """
        return self.replace(strip_dateline=True, strip_byline=True, strip_editor_initials=True)

    def is_enabled(self, rule_name: str) -> bool:
        """Whether the rule called ``rule_name`` runs; rules without a field always run."""
        return bool(getattr(self, rule_name, True))


#: Every strip option on: what a corpus builder wants (``--profile corpus``).
CORPUS = Config().with_meta_stripped()
