"""A window's first size, bounded by the screen it opens on: whole on a 1366×768 laptop."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

# What the window manager's title bar and frame add around a window, kept free on a small screen
# (a title bar is 30–40 pixels high on Windows, GNOME and KDE; the frame a few pixels each side).
FRAME_ROOM = QSize(20, 48)


def fitted(wanted: QSize, available: QSize) -> QSize:
    """`wanted`, but never larger than what `available` (a screen's free area) shows with the frame."""
    room = (available - FRAME_ROOM).expandedTo(QSize(0, 0))
    return wanted.boundedTo(room)


def opening_screen(widget: QWidget) -> QScreen:
    """The screen a window opens on: its own once shown, else its parent's, else the active
    window's (the one it was opened from)."""
    if widget.isVisible():
        return widget.screen()
    anchor = widget.parentWidget() or QApplication.activeWindow() or widget
    return anchor.screen()


def resize_within_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Give a window its first size, bounded by the free area of the screen it opens on; returns it."""
    size = fitted(wanted, opening_screen(widget).availableGeometry().size())
    widget.resize(size)
    return size


def scrolling(section: QWidget) -> QScrollArea:
    """A fixed form section in a frameless scroll area: on a small screen it scrolls instead of
    pushing its window past the screen's edge (never for a growing list: lists are views)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(section)
    # The section keeps the look of the page around it (a tab's, a dialog's).
    area.viewport().setAutoFillBackground(False)
    section.setAutoFillBackground(False)
    return area
