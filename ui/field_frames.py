"""Fusion's frames of fields (line edits, combo boxes, spin boxes, text edits) and of check boxes and
radio buttons at 3:1 on a light window.

Fusion draws a field's frame in the window colour made darker (QColor.darker(140)), and a text edit's
a touch lighter again: on its own light palette (#EFEFEF) that is #AAAAAA, 2.0:1 against the window
(1.7:1 for a text edit), below the 3:1 WCAG asks of a control's outline; a shop owner with tired eyes
saw floating text where the fields were. Each field class gets the application's palette with a window
colour whose darker(140) is a grey at 3:1: a class palette costs nothing per paint (a style wrapper in
Python costs about a quarter more, see ui/fusion_dark.py). Disabled fields keep the fainter frame. On a
dark palette nothing changes (Fusion's dark frames are lighter than the window already; ui/fusion_dark.py
looks after the boxes there). Windows' and macOS's own styles draw their own frames: left alone.

A check box's box is drawn in that outline made lighter again (lighter(110), #BBBBBB: 1.65:1) and a radio
button's ring in the outline (2:1): an unticked one was hard to tell from the window. They get a window
colour of their own, found the same way for their frames, so the fields keep theirs.

The check boxes of lists and tables (the deposit matching, the tracking file's review, a campaign's
recipients) are drawn the same way from the item view's window colour, on the view's base (and its
alternate rows): item views get a window colour of their own too, found against those. Its scroll bars
follow; its header keeps the window's look. Fusion draws a table's grid and a list's frame from that colour
too, which made them a heavy #8E8E8E for a light #C7C7C7 (the orders, the catalogue, a campaign's
recipients; the order board's columns): a few lines of the application's style sheet give them back the
greys Fusion draws from the window's own colour, on a light window only (a dark one has no item view
colour of its own).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.fusion_dark import is_fusion, underlying_style
from ui.theme import is_dark

# The classes whose frame Fusion takes from the window colour (a spin box's covers the date and time edits).
FIELD_CLASSES = ("QLineEdit", "QComboBox", "QAbstractSpinBox", "QTextEdit", "QPlainTextEdit")
# The classes whose indicator's outline Fusion takes from the window colour.
INDICATOR_CLASSES = ("QCheckBox", "QRadioButton")
# The classes whose rows' check boxes Fusion outlines from the view's window colour, and the classes
# among them that keep the application's palette (a table's header).
ITEM_VIEW_CLASSES = ("QAbstractItemView",)
KEPT_CLASSES = ("QHeaderView",)

# WCAG 2.1's non-text contrast for a control's outline, with a little room for antialiasing.
FRAME_CONTRAST = 3.0
_ROOM = 0.15

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
# What a row's check box sits on: the window (a view without a base), the rows, the alternate rows.
_ITEM_GROUNDS = (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase)


def _luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """WCAG's contrast ratio of two opaque colours: 1 (the same) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def fusion_frames(handed: QColor) -> tuple[QColor, QColor]:
    """The frames Fusion draws for a window colour of `handed`: a field's, and a text edit's (lighter)."""
    outline = handed.darker(140)
    return outline, outline.lighter(108)


def indicator_frames(handed: QColor) -> tuple[QColor, QColor]:
    """The outlines Fusion draws for a window colour of `handed`: a radio button's, a check box's."""
    outline = handed.darker(140)
    return outline, outline.lighter(110)


def field_window(
    palette: QPalette,
    frames: Callable[[QColor], tuple[QColor, ...]] = fusion_frames,
    grounds: tuple[QPalette.ColorRole, ...] = (QPalette.ColorRole.Window,),
) -> QColor:
    """The window colour to hand Fusion for a field (or, with `indicator_frames`, a check box or radio
    button) so that all its frames read at 3:1 or better against each of `palette`'s `grounds` (the
    window; a list's base and alternate rows): the window mixed toward the text only as far as that takes."""
    window = palette.color(QPalette.ColorRole.Window)
    backgrounds = [palette.color(role) for role in grounds]
    text = palette.color(QPalette.ColorRole.WindowText)
    handed = window
    for step in range(101):
        mix = step / 100
        frame = QColor.fromRgbF(
            window.redF() + (text.redF() - window.redF()) * mix,
            window.greenF() + (text.greenF() - window.greenF()) * mix,
            window.blueF() + (text.blueF() - window.blueF()) * mix,
        )
        handed = frame.lighter(140)
        if min(contrast(f, b) for f in frames(handed) for b in backgrounds) >= FRAME_CONTRAST + _ROOM:
            break
    return handed


def view_lines_sheet(palette: QPalette) -> str:
    """Style sheet lines giving item views the grid and frame Fusion draws for `palette`'s own window
    colour (a light grey on a light window), whatever window colour the views have been handed."""
    window = palette.color(QPalette.ColorRole.Window)
    grid = window.darker(120)  # Fusion's SH_Table_GridLineColor
    frame = fusion_frames(window)[1]  # Fusion's frame of a scroll area, as a text edit's
    # Only the views Fusion frames (a view set frameless, as the chat list, stays so).
    return (
        f"QAbstractItemView {{ gridline-color: {grid.name()}; }}\n"
        f'QAbstractItemView[frameShape="StyledPanel"] {{ border: 1px solid {frame.name()}; }}'
    )


class FieldFrames(QObject):
    """Gives the field, check box, radio button and item view classes their palette on a light Fusion window,
    again after every palette change (Qt drops class palettes when the application's palette changes:
    a switch of light and dark, a theme's)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.sheet = ""  # the view lines this put in the application's style sheet
        app.paletteChanged.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        app = self.app
        palette = app.palette()
        # Fusion, plain or in its dark wrapper (an app started dark and switched to light), beneath
        # the drop-down combos' style sheet or not.
        if is_dark(palette) or not is_fusion(underlying_style(app)):
            self.put_sheet("")
            return
        self.put_sheet(view_lines_sheet(palette))
        for names, handed in (
            (FIELD_CLASSES, field_window(palette)),
            (INDICATOR_CLASSES, field_window(palette, indicator_frames)),
            (ITEM_VIEW_CLASSES, field_window(palette, indicator_frames, _ITEM_GROUNDS)),
            (KEPT_CLASSES, palette.color(QPalette.ColorRole.Window)),
        ):
            for name in names:
                # A theme's own class palette is kept (GTK's line edits). PySide takes the class name
                # as a str, whatever its stubs say (bytes are refused).
                fields = QPalette(app.palette(name))  # type: ignore[call-overload]
                # A palette of its own, not a shared copy of the application's: a widget whose class
                # palette is the application's takes its parent's instead (a table's header, the table's).
                disabled = fields.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window)
                fields.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, QColor(1, 2, 3))
                fields.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Window, disabled)
                for group in _GROUPS:
                    fields.setColor(group, QPalette.ColorRole.Window, handed)
                app.setPalette(fields, name)  # type: ignore[arg-type]

    def put_sheet(self, lines: str) -> None:
        """Put `lines` in the application's style sheet in place of those put before (setting a style
        sheet polishes every widget again: only when they change)."""
        if lines == self.sheet:
            return
        sheet = self.app.styleSheet()
        if self.sheet:
            sheet = sheet.replace(self.sheet, "")
        self.sheet = lines
        self.app.setStyleSheet(f"{sheet.strip()}\n{lines}".strip())

    def remove(self) -> None:
        """Stop following palette changes (the class palettes go at the next one, the view lines now)."""
        self.app.paletteChanged.disconnect(self.apply)
        self.put_sheet("")
        self.setParent(None)


def install_field_frames(app: QApplication) -> FieldFrames:
    """Field frames at 3:1 on a light Fusion window, now and after each light/dark switch (once is
    enough: a second start in the same process finds the first)."""
    installed = app.findChild(FieldFrames)
    return installed if isinstance(installed, FieldFrames) else FieldFrames(app)
