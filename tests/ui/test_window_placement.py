"""Where the windows open: the main window whole, frame and all, on a 1366×768 laptop, even with a
place saved on a larger screen; the catalogue and the campaigns over the main window, not in a corner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QDataStream, QIODevice, QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QWidget

from ui.screen_fit import FRAME_GUESS, fitted, saved_geometry, within_screen

LAPTOP = QRect(0, 0, 1366, 768)
OPENBOX = QMargins(1, 20, 1, 5)  # openbox's frame: a 20-pixel title bar, 5 pixels below, 1 aside


def test_a_window_whose_frame_ran_past_the_bottom_is_moved_up_frame_and_all() -> None:
    """Qt's own restore put the main window at y = 25, 742 high: openbox's 5-pixel bottom edge past
    the screen. Moved up, its title bar still on the screen."""
    fixed = within_screen(QRect(1, 25, 1364, 742), OPENBOX, LAPTOP)
    assert LAPTOP.contains(fixed.marginsAdded(OPENBOX))
    assert fixed.size() == QSize(1364, 742)  # it fits once moved: not made smaller
    # Taller than the screen with its frame: made the least smaller, its title bar at the top.
    tall = within_screen(QRect(100, 60, 1200, 900), OPENBOX, LAPTOP)
    assert tall.marginsAdded(OPENBOX) == QRect(99, 0, 1202, 768)


def a_state_saved_on_a_larger_screen(normal: QRect) -> QByteArray:
    """What QWidget.saveGeometry() (format 3) saves for a window at `normal` on a 1920×1200 screen."""
    state = QByteArray()
    stream = QDataStream(state, QIODevice.OpenModeFlag.WriteOnly)
    stream.writeUInt32(0x1D9D0CB)
    stream.writeUInt16(3)
    stream.writeUInt16(0)
    for rect in (normal.marginsAdded(OPENBOX), normal):
        for value in (rect.left(), rect.top(), rect.right(), rect.bottom()):
            stream.writeInt32(value)
    stream.writeInt32(0)  # the screen's number
    stream.writeUInt8(0)  # not maximized
    stream.writeUInt8(0)  # not full screen
    stream.writeInt32(1920)
    for value in (normal.left(), normal.top(), normal.right(), normal.bottom()):
        stream.writeInt32(value)
    return state


def test_the_place_qt_saved_is_read_back(qtbot: Any) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.setGeometry(QRect(40, 60, 500, 300))
    widget.show()
    qtbot.waitExposed(widget)
    assert saved_geometry(widget.saveGeometry()) == QRect(40, 60, 500, 300)
    assert saved_geometry(QByteArray(b"not a window's place")) is None


def saved_main_window(ctx: Any, state: QByteArray) -> None:
    settings = QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/geometry", state)
    settings.sync()


def test_a_main_window_saved_on_a_larger_screen_opens_whole_on_this_one(ctx: Any, qtbot: Any) -> None:
    """Closed 1700×1080 on a large monitor, opened on the laptop: as large as the laptop shows, title
    bar and frame inside its free area (Qt's own restore made it 629×275, or ran past the bottom)."""
    from ui.main_window import MainWindow

    saved_main_window(ctx, a_state_saved_on_a_larger_screen(QRect(150, 60, 1700, 1080)))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    assert screen.contains(window.geometry().marginsAdded(FRAME_GUESS)), window.geometry()
    assert window.size() == fitted(QSize(1700, 1080), screen.size()).expandedTo(window.minimumSize())
    window.show()
    qtbot.waitExposed(window)
    assert screen.contains(window.geometry().marginsAdded(FRAME_GUESS)), window.geometry()


def test_a_main_window_that_fits_opens_where_it_was_left(ctx: Any, qtbot: Any) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    screen = window.screen().availableGeometry()
    left = QRect(screen.topLeft() + QPoint(60, 80), QSize(520, 420))
    saved_main_window(ctx, a_state_saved_on_a_larger_screen(left))
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    assert again.geometry() == left


def opened_over(window: Any, qtbot: Any, build: Any) -> QWidget:
    """A window opened from the shown main window (the active one), a little smaller than it."""
    screen = window.screen().availableGeometry()
    window.setGeometry(QRect(screen.topLeft() + QPoint(120, 140), QSize(560, 480)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    opened = build()
    qtbot.addWidget(opened)
    opened.resize(400, 300)  # smaller than the screen: centred, not pushed in by an edge
    opened.show()
    qtbot.waitExposed(opened)
    return opened


def test_the_catalogue_opens_centred_over_the_main_window_not_in_the_screens_corner(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    from PySide6.QtCore import QThreadPool

    from ui.catalog_window import CatalogWindow

    catalogue = opened_over(window, qtbot, lambda: CatalogWindow(ctx))
    frame = catalogue.frameGeometry()
    assert (frame.center() - window.frameGeometry().center()).manhattanLength() <= 2, (
        frame,
        window.geometry(),
    )
    assert window.screen().availableGeometry().contains(frame)
    catalogue.close()
    QThreadPool.globalInstance().waitForDone(5000)  # the catalogue prunes pictures as it closes


def test_the_campaigns_open_centred_over_the_main_window(window: Any, ctx: Any, qtbot: Any) -> None:
    from ui.campaign_window import CampaignWindow

    campaigns = opened_over(window, qtbot, lambda: CampaignWindow(ctx))
    frame = campaigns.frameGeometry()
    assert (frame.center() - window.frameGeometry().center()).manhattanLength() <= 2, (
        frame,
        window.geometry(),
    )


def test_a_window_mapped_at_the_screens_corner_is_put_back_where_it_was_placed(
    window: Any, qtbot: Any
) -> None:
    """At a scale of 125 %, openbox sometimes mapped a window placed from its showEvent at the
    screen's corner: once framed, it goes back over the main window."""
    from ui.screen_fit import place_within_screen

    screen = window.screen().availableGeometry()
    window.setGeometry(QRect(screen.topLeft() + QPoint(120, 140), QSize(560, 480)))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    opened = QWidget()
    qtbot.addWidget(opened)
    opened.resize(400, 300)
    place_within_screen(opened)
    placed_at = opened.geometry()
    opened.move(screen.topLeft())  # the corner, where the window manager mapped it
    opened.show()
    qtbot.waitExposed(opened)
    qtbot.waitUntil(lambda: opened.geometry() == placed_at, timeout=3000)
