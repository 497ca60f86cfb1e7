"""How readable one colour is on another (WCAG's contrast ratio), and the system palettes owners run."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# Normal-size text needs 4.5:1 to be read with ease (WCAG 2, level AA).
READABLE = 4.5

# The window colours of the systems owners run: Windows 11 and macOS, light and dark.
LIGHT_WINDOWS = {"windows": "#F0F0F0", "macos": "#ECECEC"}
DARK_WINDOWS = {"windows": "#1E1E1E", "macos": "#323232"}


def _luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours: 1 (the same) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def system_palette(window: str) -> QPalette:
    """A palette like the system's with `window` as the window colour: light text on a dark one."""
    dark = QColor(window).lightness() < 128
    palette = QPalette(QColor(window))
    text = QColor("#FFFFFF") if dark else QColor("#000000")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(role, text)
    palette.setColor(QPalette.ColorRole.Base, QColor(window).darker(130) if dark else QColor("#FFFFFF"))
    return palette


@contextmanager
def app_palette(palette: QPalette) -> Iterator[None]:
    """The application on `palette` for the block, then back on its own."""
    before = QApplication.palette()
    QApplication.setPalette(palette)
    try:
        yield
    finally:
        QApplication.setPalette(before)


def text_colour(widget: QWidget) -> QColor:
    """The colour a label's text is drawn in, its style sheet applied."""
    widget.ensurePolished()
    return widget.palette().color(QPalette.ColorRole.WindowText)
