"""Compiled regular expressions for the junk rules, each with an example it must match
and one it must not (``tests/test_patterns.py`` checks both).

Patterns are written to run in linear time: no nested quantifiers over the same
characters, bounded repeats, and possessive quantifiers where a run could backtrack.
"""

import regex

# Matches: "Baca juga: Judul" / "BACA JUGA:Judul" / "Baca Juga :" / "BACA JUA: Judul"
# Must not match: "menarik minat baca masyarakat"
READ_ALSO_LABEL_RE = regex.compile(r"(?i)\bbaca\s{1,3}+(?:ju[gq]?a|jga)\b\s*+:?+")

# Matches: "(Foto: Kemendagri RI)" / "(Foto Rahman/ KabarBenggawi)"
# Must not match: "(foto-foto bersama)"
PAREN_PHOTO_CREDIT_RE = regex.compile(r"\((?:Foto|FOTO|foto)\b(?![-])[^()\n]{0,120}+\)")

# Matches: "***" / " *****" at the end of a paragraph
# Must not match: "kata b***t di tengah kalimat"
TRAILING_STARS_RE = regex.compile(r"\s*+\*{3,}+\s*+$")
