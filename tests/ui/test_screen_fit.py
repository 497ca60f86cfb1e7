"""Windows open whole on a small screen: inside it, with their Save, Send or Close in view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from ui.screen_fit import FRAME_ROOM, fitted

LAPTOP = QSize(1366, 768 - 40)  # a cheap laptop's screen, less a taskbar


def test_a_window_smaller_than_the_screen_keeps_the_size_it_wants() -> None:
    assert fitted(QSize(620, 560), LAPTOP) == QSize(620, 560)


def test_a_window_larger_than_the_screen_gets_what_the_screen_shows_with_its_frame() -> None:
    assert fitted(QSize(1400, 820), LAPTOP) == QSize(1366, 728) - FRAME_ROOM
    # Only the side that does not fit shrinks.
    assert fitted(QSize(1100, 720), LAPTOP) == QSize(1100, 728 - FRAME_ROOM.height())
    assert fitted(QSize(1400, 500), LAPTOP) == QSize(1366 - FRAME_ROOM.width(), 500)


def test_a_screen_smaller_than_a_frame_gives_an_empty_size_not_a_negative_one() -> None:
    assert fitted(QSize(600, 400), QSize(10, 10)) == QSize(0, 0)


def fully_in_view(widget: QWidget) -> bool:
    """Shown, inside the screen's free area, and not cut off by a scroll area or the window's edge."""
    screen = widget.screen().availableGeometry()
    where = QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())
    return (
        widget.isVisible()
        and screen.contains(where)
        and widget.visibleRegion().boundingRect() == widget.rect()
    )


def close_button(window: QWidget) -> QAbstractButton:
    return next(b for b in window.findChildren(QAbstractButton) if b.text() == "Close")


def save_button(dialog: QWidget) -> QAbstractButton:
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    return buttons.button(QDialogButtonBox.StandardButton.Save)


# Shop menu entry → the buttons the owner must be able to reach in the window it opens.
MAIN_ACTIONS: dict[str, Callable[[Any], list[QAbstractButton]]] = {
    "Campaigns…": lambda w: [w.editor.save_button, w.editor.send_button],
    "Orders…": lambda w: [w.findChild(QAbstractButton, "exportOrders")],
    "Catalogue…": lambda w: [w.form.save, close_button(w)],
    "Menu bot…": lambda w: [save_button(w)],
}
MODAL = {"Menu bot…"}


@pytest.mark.parametrize("entry", list(MAIN_ACTIONS))
def test_a_shop_window_opens_whole_on_a_small_screen_with_its_buttons_in_view(
    entry: str, window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    """The offscreen screen (800×800) is smaller than each of these windows' first size, as a
    1366×768 laptop was for some: each opens inside the screen, its main buttons in view."""
    from ui.main_window import first_size
    from ui.menus import install_menus

    # The main window as a first start sizes it on this screen: a dialog opens centred over it.
    window.resize(first_size(window.screen().availableGeometry().size()))
    install_menus(window, ctx)
    shop = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Shop")
    action = next(a for a in shop.actions() if a.text() == entry)
    seen: dict[str, Any] = {}

    def look(opened: QWidget) -> None:
        qtbot.waitExposed(opened)
        screen = opened.screen().availableGeometry()
        seen["frame"], seen["screen"] = opened.frameGeometry(), screen
        seen["buttons"] = {b.text(): fully_in_view(b) for b in MAIN_ACTIONS[entry](opened)}
        opened.close()

    if entry in MODAL:
        dialogs.expect("modal", answer=look)
        action.trigger()
    else:
        before = set(QApplication.topLevelWidgets())
        action.trigger()
        opened = next(w for w in QApplication.topLevelWidgets() if w not in before and w.isVisible())
        qtbot.addWidget(opened)
        look(opened)
        QThreadPool.globalInstance().waitForDone(5000)  # the catalogue prunes pictures as it closes
    assert seen["screen"].contains(seen["frame"]), f"{entry} at {seen['frame']} on {seen['screen']}"
    assert all(seen["buttons"].values()), f"{entry}: out of view: {seen['buttons']}"
