"""Stage 4: repair Title-Cased-Every-Word text into Indonesian sentence casing.

Interface used by the pipeline (implementation in progress):

``recase_document(paragraphs) -> list[str]``
    Same length list; each output paragraph has exactly the same length as its input
    and differs only in letter case. Paragraphs that are not title-cased come back as
    they were.
``titlecase_heading(text) -> str``
    EYD title style for a heading line.
"""

from __future__ import annotations


def recase_document(paragraphs: list[str]) -> list[str]:
    return list(paragraphs)


def titlecase_heading(text: str) -> str:
    return text
