"""Fusion (Linux's default style) made readable on a dark palette.

Fusion draws the frame of a check box, a radio button and a list row's tick box in the window colour
made darker (QColor.darker(140)): on a light window a grey frame, on a dark one (#202020) a frame of
#171717, so an unticked box vanished: the contact panel's labels, the catalogue's collections and a
campaign's audience read as plain text with nothing to tick. And its dialog buttons carry icons drawn
black (the ✕ of Close), black on a dark button. And it outlines the field, button or box that has the
keyboard's focus (and the dialog's default button) in the highlight colour made darker: a dark theme's deep
blue (GTK's Adwaita-dark, #15539e) gave a ring of #11427e on #323232, 1.3:1, so the owner tabbing through a
form could not see where she was. Windows and macOS have their own styles; this is for Fusion.

The desktop may switch light and dark while the app runs (at sunset, say): the wrapper follows each
palette change, put on when the palette turns dark and taken off when it turns light again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

from ui.theme import contrast_ratio, is_dark

# Primitives whose frame Fusion takes from the window colour.
FRAMED_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


# Controls whose outline Fusion draws in the highlight colour when focused (a default button: always).
FOCUS_OUTLINED_PRIMITIVES = (
    QStyle.PrimitiveElement.PE_FrameLineEdit,
    QStyle.PrimitiveElement.PE_PanelButtonCommand,
    QStyle.PrimitiveElement.PE_FrameFocusRect,
)
FOCUS_OUTLINED_CONTROLS = (
    QStyle.ComplexControl.CC_ComboBox,
    QStyle.ComplexControl.CC_SpinBox,
)
# WCAG 2's minimum for a focus indicator against what surrounds it (non-text contrast).
FOCUS_CONTRAST = 3.0


def focus_outline(highlight: QColor) -> QColor:
    """The outline Fusion draws for a focused control: the highlight darker(125), no lighter than 160."""
    outline = highlight.darker(125)
    if outline.value() > 160:
        outline.setHsl(outline.hue(), outline.saturation(), 160)
    return outline


def focus_highlight(palette: QPalette) -> QColor:
    """The highlight colour to hand Fusion for a focus outline: the palette's own when its outline
    stands out from the window at 3:1, else that colour lightened until it does (same hue)."""
    window = palette.color(QPalette.ColorRole.Window)
    highlight = QColor(palette.color(QPalette.ColorRole.Highlight))
    for _ in range(12):
        if contrast_ratio(focus_outline(highlight), window) >= FOCUS_CONTRAST:
            return highlight
        highlight = highlight.lighter(125)
    return highlight


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
    """Fusion, with visible box frames and focus outlines on a dark palette and no icons on dialog buttons."""

    def _with_focus_highlight(self, option: QStyleOption, draw: Callable[[], None]) -> None:
        palette = QPalette(option.palette)
        highlight = focus_highlight(option.palette)
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, highlight)
        original = option.palette
        option.palette = palette
        try:
            draw()
        finally:
            option.palette = original

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control in FOCUS_OUTLINED_CONTROLS and is_dark(option.palette):
            self._with_focus_highlight(
                option,
                lambda: super(FusionDarkStyle, self).drawComplexControl(control, option, painter, widget),
            )
            return
        super().drawComplexControl(control, option, painter, widget)

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
        if element in FOCUS_OUTLINED_PRIMITIVES and is_dark(option.palette):
            self._with_focus_highlight(
                option, lambda: super(FusionDarkStyle, self).drawPrimitive(element, option, painter, widget)
            )
            return
        super().drawPrimitive(element, option, painter, widget)

    def styleHint(self, hint, option=None, widget=None, returnData=None):  # type: ignore[no-untyped-def]
        # Fusion's dialog-button icons are drawn black whatever the palette (Close's ✕ vanished on a
        # dark button); the app's buttons say what they do in words, as on Windows and macOS.
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 0
        return super().styleHint(hint, option, widget, returnData)


def underlying_style(app: QApplication) -> QStyle:
    """The application's style beneath an application style sheet (ui/theme.py's drop-down combos
    wrap it in a style of Qt's own, with no name, that keeps the one beneath as its child)."""
    style = app.style()
    if style.metaObject().className() == "QStyleSheetStyle":
        for child in style.children():
            if isinstance(child, QStyle):
                return child
    return style


def is_fusion(style: QStyle) -> bool:
    """Fusion, plain or in the dark wrapper."""
    return isinstance(style, FusionDarkStyle) or style.name().casefold() == "fusion"


def fit_fusion_to_palette(app: QApplication, *, repolish: bool = False) -> bool:
    """The dark wrapper on Fusion when the palette is dark, plain Fusion when it is light; True when
    the style was set. On a light palette the wrapper is not worth its cost: each call through it in
    Python costs about a quarter more paint time (a form of lists and boxes: 2.0 → 2.5 ms a full
    paint). `repolish`: set it anew even when it fits, so that every widget is polished again. Other
    styles (Windows', macOS's) are left alone."""
    style = underlying_style(app)
    if not is_fusion(style):
        return False
    wrapped = isinstance(style, FusionDarkStyle)
    dark = is_dark(app.palette())
    if wrapped == dark and not repolish:
        return False
    base = QStyleFactory.create("Fusion")
    if base is None:
        return False
    # The style sheet, if any, wraps the new style again; every open window is polished anew.
    app.setStyle(FusionDarkStyle(base) if dark else base)
    return True


class FusionDarkFollower(QObject):
    """Fits Fusion to the palette again at each change of the application's palette (the desktop
    switching light and dark, a theme's change): every open window follows.

    Under an application style sheet (ui/theme.py's drop-down combos) Qt hands a new palette on to
    the windows but not to the widgets in them: in a window turned dark the text fields stayed white
    and the tick boxes' words black. Setting the style again polishes every widget with the new one.

    It listens to Qt's signals, not to every event of the application: an application event filter
    in Python is called for each paint, key and mouse move of every window (each call taking the GIL
    back, see ui/application.py), to catch a switch that comes a few times a day."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.seen = QPalette(app.palette())
        self.fitting = False
        # The application's own palette only (a class palette, ui/field_frames.py's, is not announced).
        app.paletteChanged.connect(self.follow)
        # The desktop's switch; Qt may announce it before the theme's new palette is in, so the palette
        # decides (the palette's own signal follows with it).
        app.styleHints().colorSchemeChanged.connect(self.follow)

    def follow(self) -> None:
        if self.fitting:
            return  # a style's polish may set a palette of its own: no second fit inside
        palette = self.app.palette()
        if palette == self.seen:
            return
        self.seen = QPalette(palette)
        self.fitting = True
        try:
            fit_fusion_to_palette(self.app, repolish=bool(self.app.styleSheet()))
        finally:
            self.fitting = False

    def remove(self) -> None:
        """Stop following palette changes (the style stays as it is)."""
        self.app.paletteChanged.disconnect(self.follow)
        self.app.styleHints().colorSchemeChanged.disconnect(self.follow)
        self.setParent(None)


def install_fusion_dark(app: QApplication) -> bool:
    """Wrap the application's style when it is Fusion on a dark palette, and follow each light/dark
    switch from then on; True when it wrapped it now. Once is enough: a second call finds the first
    follower."""
    if not isinstance(app.findChild(FusionDarkFollower), FusionDarkFollower):
        FusionDarkFollower(app)
    return fit_fusion_to_palette(app)
