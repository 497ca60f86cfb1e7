"""Tooltips show text from outside as it was written.

Qt shows a tooltip as rich text as soon as it merely looks like markup (`Qt.mightBeRichText`): a
customer named "<b>Bob</b>" was drawn as a bold "Bob", a file "<img src=x>.jpg" as a broken image, a
product "<i>Sale</i>" in italics. A tooltip that carries a customer's, a file's, the catalogue's, the
bank's or the owner's own words goes through `plain_tooltip`."""

from __future__ import annotations

from PySide6.QtGui import Qt


def plain_tooltip(text: str) -> str:
    """`text` escaped where Qt would read it as markup (its line breaks kept); otherwise as it is,
    which Qt already shows as plain text."""
    if not text or not Qt.mightBeRichText(text):
        return text
    return Qt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpaceNormal)
