"""Buttons that show an icon alone: their tooltip is what a screen reader says they are."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton


def name_icon_button(button: QAbstractButton, tip: str, keys: str = "") -> None:
    """Give an icon-only button its tooltip and the same words as its accessible name. Qt reads a
    tooltip as a description only: the button's name was empty, and a screen reader said "button".

    `keys`, the menu command's shortcut that does the same (the button cannot have it too: Qt would
    find it ambiguous), show in the tooltip and are said after the name."""
    shown = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    button.setToolTip(f"{tip} ({shown})" if shown else tip)
    button.setAccessibleName(tip)
    button.setAccessibleDescription(shown)
