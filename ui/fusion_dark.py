"""Fusion (Linux's default style) made readable on a dark palette.

Fusion draws the frame of a check box, a radio button and a list row's tick box in the window colour
made darker (QColor.darker(140)): on a light window a grey frame, on a dark one (#202020) a frame of
#171717, so an unticked box vanished: the contact panel's labels, the catalogue's collections and a
campaign's audience read as plain text with nothing to tick. And its dialog buttons carry icons drawn
black (the ✕ of Close), black on a dark button. Windows and macOS have their own styles; this is for Fusion.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOption, QWidget

from ui.theme import is_dark

# Primitives whose frame Fusion takes from the window colour.
FRAMED_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


def indicator_window(palette: QPalette) -> QColor:
    """The window colour to hand Fusion for an indicator so that its frame (that colour darker(140))
    is a grey between the dark window and the light text, about 4:1 against the window."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    mix = 0.5
    frame = QColor.fromRgbF(
        window.redF() + (text.redF() - window.redF()) * mix,
        window.greenF() + (text.greenF() - window.greenF()) * mix,
        window.blueF() + (text.blueF() - window.blueF()) * mix,
    )
    return frame.lighter(140)


class FusionDarkStyle(QProxyStyle):
    """Fusion, with visible box frames on a dark palette and no icons on dialog buttons."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element in FRAMED_INDICATORS and is_dark(option.palette):
            palette = QPalette(option.palette)
            for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
                palette.setColor(group, QPalette.ColorRole.Window, indicator_window(option.palette))
            original = option.palette
            option.palette = palette
            try:
                super().drawPrimitive(element, option, painter, widget)
            finally:
                option.palette = original
            return
        super().drawPrimitive(element, option, painter, widget)

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]
        # Fusion's dialog-button icons are drawn black whatever the palette (Close's ✕ vanished on a
        # dark button); the app's buttons say what they do in words, as on Windows and macOS.
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def install_fusion_dark(app: QApplication) -> bool:
    """Wrap the application's style when it is Fusion on a dark palette; True when it did (once is
    enough). On a light one Fusion is left as it is: each of its calls through this Python wrapper
    costs about a quarter more paint time (a form of lists and boxes: 2.0 → 2.5 ms a full paint)."""
    style = app.style()
    if isinstance(style, FusionDarkStyle) or style.name().casefold() != "fusion":
        return False
    if not is_dark(app.palette()):
        return False
    base = QStyleFactory.create("Fusion")
    if base is None:
        return False
    app.setStyle(FusionDarkStyle(base))
    return True
