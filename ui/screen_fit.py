"""A window's first size and place, bounded by the screen it opens on: whole on a 1366×768 laptop."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QResizeEvent, QScreen
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QWidget

# What the window manager's title bar and frame add around a window, kept free on a small screen
# (a title bar is 30–40 pixels high on Windows, GNOME and KDE; the frame a few pixels each side).
FRAME_ROOM = QSize(20, 48)


def fitted(wanted: QSize, available: QSize) -> QSize:
    """`wanted`, but never larger than what `available` (a screen's free area) shows with the frame."""
    room = (available - FRAME_ROOM).expandedTo(QSize(0, 0))
    return wanted.boundedTo(room)


def screen_of(widget: QWidget) -> QScreen:
    """The screen `widget` is on: the one under its middle, else the primary one.

    Asked of QGuiApplication, never `widget.screen()`: PySide makes the screen's Python wrapper a
    child of the widget's wrapper when a widget hands it out, and moves it to each widget asked
    after. When that widget's wrapper was garbage in a reference cycle (a message box after its
    exec(), which PySide hands to Python), the collector could clear the screen's wrapper first,
    which gives it to Python, and deleted Qt's only QScreen with it: the next window built read
    freed memory (a segfault in QFont(font, widget), CI's quick reply transfer tests under load).
    QGuiApplication's own functions hand the screen out without a parent."""
    middle = widget.mapToGlobal(widget.rect().center())
    return QGuiApplication.screenAt(middle) or QGuiApplication.primaryScreen()


def opening_screen(widget: QWidget) -> QScreen:
    """The screen a window opens on: its own once shown, else its parent's, else the active
    window's (the one it was opened from)."""
    if widget.isVisible():
        return screen_of(widget)
    anchor = widget.parentWidget() or QApplication.activeWindow() or widget
    return screen_of(anchor)


def resize_within_screen(widget: QWidget, wanted: QSize) -> QSize:
    """Give a window its first size, bounded by the free area of the screen it opens on; returns it."""
    size = fitted(wanted, opening_screen(widget).availableGeometry().size())
    widget.resize(size)
    return size


def placed(frame: QRect, available: QRect) -> QRect:
    """`frame` moved the least that puts it inside `available`; its top-left stays in when it is larger."""
    x = max(available.left(), min(frame.left(), available.right() + 1 - frame.width()))
    y = max(available.top(), min(frame.top(), available.bottom() + 1 - frame.height()))
    return QRect(QPoint(x, y), frame.size())


_PLACED = "screenFitPlaced"

# FRAME_ROOM as margins: the title bar on top, a border on the other sides (below too: openbox draws
# 5 pixels there, and a window placed with none counted ended past the screen's bottom edge).
FRAME_GUESS = QMargins(
    FRAME_ROOM.width() // 2,
    FRAME_ROOM.height() - 8,
    FRAME_ROOM.width() // 2,
    8,
)


def frame_margins(window: QWidget | None) -> QMargins:
    """What the window manager draws around `window` (a shown one; a guess for the others, which a
    new window gets the same frame as)."""
    if window is None or not window.isVisible() or window.frameGeometry() == window.geometry():
        return FRAME_GUESS
    outer, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def place_within_screen(widget: QWidget) -> None:
    """At a window's first show: put it, frame and all, inside the free area of its screen, centred
    over the window it opens from. A window manager left to place it cascades it down from the top
    (a 1280×720 window at y = 63 on a 768-pixel screen), and its bottom buttons end off screen."""
    # A window given its place (restoreGeometry, a move) keeps it; QDialog's own centring does not count.
    if widget.property(_PLACED) or widget.testAttribute(Qt.WidgetAttribute.WA_Moved):
        return
    widget.setProperty(_PLACED, True)
    screen = opening_screen(widget).availableGeometry()
    size = fitted(widget.size(), screen.size())
    anchor = widget.parentWidget() or QApplication.activeWindow()
    anchor = None if anchor is None else anchor.window()
    margins = frame_margins(anchor)
    frame = QRect(QPoint(0, 0), size).marginsAdded(margins)
    over = anchor.frameGeometry() if anchor is not None and anchor.isVisible() else screen
    frame.moveCenter(over.center())
    # The geometry without the frame: a top-level's move() before its first show is read as the
    # frame's place by some window managers and as the window's by others.
    widget.setGeometry(placed(frame, screen).marginsRemoved(margins))
    keep_frame_within_screen(widget)


def place_beside(widget: QWidget, anchor: QWidget) -> bool:
    """Before `widget`'s first show: its frame beside `anchor`'s, right of it where there is room,
    else left, else `anchor` moved the least that makes room; True when the two do not overlap. On a
    screen too narrow for both, `widget` goes as far beside as the screen lets it (partly under)."""
    screen = opening_screen(anchor).availableGeometry()
    margins = frame_margins(anchor)
    size = fitted(widget.size(), screen.size())
    width = size.width() + margins.left() + margins.right()
    height = size.height() + margins.top() + margins.bottom()
    a = anchor.frameGeometry()
    both_fit = a.width() + width <= screen.width()
    if a.right() + width <= screen.right() or not both_fit:
        x = a.right() + 1
    elif a.left() - width >= screen.left():
        x = a.left() - width
    else:
        anchor.move(anchor.pos() - QPoint(a.right() + width - screen.right(), 0))
        x = screen.right() + 1 - width
        a = anchor.frameGeometry()
    frame = placed(QRect(QPoint(x, a.top()), QSize(width, height)), screen)
    widget.setProperty(_PLACED, True)
    widget.setGeometry(frame.marginsRemoved(margins))
    keep_frame_within_screen(widget)
    return not frame.intersects(a)


def within_screen(geometry: QRect, margins: QMargins, available: QRect) -> QRect:
    """`geometry` (a window's, without its frame) made the least smaller and moved the least that puts
    it inside `available` with `margins` (its frame) around it."""
    room = QSize(
        available.width() - margins.left() - margins.right(),
        available.height() - margins.top() - margins.bottom(),
    ).expandedTo(QSize(0, 0))
    frame = QRect(geometry.topLeft(), geometry.size().boundedTo(room)).marginsAdded(margins)
    return placed(frame, available).marginsRemoved(margins)


# QWidget.saveGeometry()'s state: this number, a version, the frame's and the window's own rectangles…
_GEOMETRY_MAGIC = 0x1D9D0CB


def saved_geometry(state: QByteArray) -> QRect | None:
    """The window's own place and size (its frame left out) in a QWidget.saveGeometry() state; None
    for one that is not, or for a maximized or full-screen window (restoreGeometry sizes that)."""
    stream = QDataStream(state)
    if stream.readUInt32() != _GEOMETRY_MAGIC or stream.readUInt16() < 1:
        return None
    stream.readUInt16()  # minor version

    def rect() -> QRect:
        left, top, right, bottom = (stream.readInt32() for _ in range(4))
        return QRect(QPoint(left, top), QPoint(right, bottom))

    rect()  # the frame's, as this window manager drew it
    normal = rect()
    stream.readInt32()  # the screen's number
    maximized, full_screen = stream.readUInt8(), stream.readUInt8()
    if stream.status() != QDataStream.Status.Ok or maximized or full_screen or not normal.isValid():
        return None
    return normal


def restore_within_screen(widget: QWidget, state: QByteArray) -> None:
    """A window's saved place and size, made to fit, frame and all, inside the free area of the screen
    it was on (the one it opens on if that one is gone). Saved on a larger screen, Qt's own
    restoreGeometry made the main window 629×275 on a 1366×768 laptop, or left its bottom past the edge."""
    saved = saved_geometry(state)
    if saved is None:
        widget.restoreGeometry(state)
    else:
        screen = QGuiApplication.screenAt(saved.center()) or opening_screen(widget)
        widget.setGeometry(within_screen(saved, FRAME_GUESS, screen.availableGeometry()))
        widget.setProperty(_PLACED, True)
    keep_frame_within_screen(widget)


class _FrameWatch(QObject):
    """Once the window manager has framed the window (its frame's size is known only then), puts it
    where it was placed, moved or shrunk the least that keeps the real frame inside the screen's
    free area. (Placed from its showEvent at a scale of 125 %, the window was sometimes mapped at the
    screen's corner, openbox taking the place it had before.)"""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.placed_at = widget.geometry()  # where it was placed, before the window manager framed it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Hide:  # closed before framed (no frame offscreen): nothing to fit
            watched.removeEventFilter(self)
            self.deleteLater()
            return False
        # Any event: under openbox the frame is known at no Move or Resize of the window's own, but by
        # its first activation or paint after the window manager framed it.
        if (
            isinstance(watched, QWidget)
            and watched.isVisible()
            and watched.frameGeometry() != watched.geometry()
        ):
            watched.removeEventFilter(self)
            self.deleteLater()
            if not (watched.isMaximized() or watched.isFullScreen()):
                # The place it was given, at the size it has now (a dialog sizes itself as it shows).
                wanted = QRect(self.placed_at.topLeft(), watched.size())
                fitted_place = within_screen(
                    wanted, frame_margins(watched), screen_of(watched).availableGeometry()
                )
                if fitted_place != watched.geometry():
                    watched.setGeometry(fitted_place)
        return False


def keep_frame_within_screen(widget: QWidget) -> None:
    """Checks the window's place again with its real frame, once shown (the guess may be short)."""
    widget.installEventFilter(_FrameWatch(widget))


def grow_within_screen(widget: QWidget, wanted: QSize) -> None:
    """A shown window grows (a section opened in it): to `wanted` at most, moved the least that
    keeps it, frame and all, inside its screen's free area."""
    screen = opening_screen(widget).availableGeometry()
    margins = frame_margins(widget)
    size = fitted(wanted.expandedTo(widget.size()), screen.size())
    frame = QRect(widget.geometry().topLeft(), size).marginsAdded(margins)
    widget.setGeometry(placed(frame, screen).marginsRemoved(margins))


class _DownwardScrollArea(QScrollArea):
    """A scroll area at least as wide as its section needs: it scrolls down, never sideways."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        section = self.widget()
        if section is None:
            return hint
        # Sideways, a form's right edge was cut off behind a scroll bar (the English greeting's
        # "Next opening" button, the hours' "Add hours"): the window grows to the section instead.
        bar = self.verticalScrollBar().sizeHint().width()
        wide = section.minimumSizeHint().width() + bar + 2 * self.frameWidth()
        return QSize(max(hint.width(), wide), hint.height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A part shown later (the away message's hours of a weekday) widens the section: so does
        # the window.
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)


def scrolling(section: QWidget, *, whole_width: bool = False) -> QScrollArea:
    """A fixed form section in a frameless scroll area: on a small screen it scrolls instead of
    pushing its window past the screen's edge (never for a growing list: lists are views). With
    `whole_width` it scrolls down only: the window is kept as wide as the section needs."""
    area = _DownwardScrollArea() if whole_width else QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(section)
    # The section keeps the look of the page around it (a tab's, a dialog's).
    area.viewport().setAutoFillBackground(False)
    section.setAutoFillBackground(False)
    # No Tab stop of its own, which showed no mark of having the keyboard: its fields have them, and
    # it scrolls to the one that takes the focus.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class _TextArea(QScrollArea):
    """A word-wrapped label, as tall as its text at the width it is given while there is room."""

    def __init__(self, label: QLabel) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(label)
        self.viewport().setAutoFillBackground(False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._width = -1

    def sizeHint(self) -> QSize:
        label = self.widget()
        if label is None:
            return super().sizeHint()
        width = self.viewport().width() if self._width > 0 else label.sizeHint().width()
        return QSize(label.sizeHint().width(), label.heightForWidth(width) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:
        lines = 3 * self.fontMetrics().lineSpacing()
        return QSize(super().minimumSizeHint().width(), min(self.sizeHint().height(), lines))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.viewport().width() != self._width:  # another width, another height for the text
            self._width = self.viewport().width()
            self.updateGeometry()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the label's text changed
            self.updateGeometry()
        return super().event(event)


def scrolling_text(label: QLabel) -> QScrollArea:
    """A word-wrapped `label` that scrolls down when its window leaves it less than its text's height
    (a small screen at 200 %, a large desktop font), instead of having its last lines cut off."""
    return _TextArea(label)
