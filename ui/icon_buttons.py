"""Buttons that show an icon alone: their tooltip is what a screen reader says they are."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton


def name_icon_button(button: QAbstractButton, tip: str) -> None:
    """Give an icon-only button its tooltip and the same words as its accessible name. Qt reads a
    tooltip as a description only: the button's name was empty, and a screen reader said "button"."""
    button.setToolTip(tip)
    button.setAccessibleName(tip)
