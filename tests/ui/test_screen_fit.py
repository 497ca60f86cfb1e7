"""Windows open whole on a small screen: inside it, with their Save, Send or Close in view."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt, QThreadPool
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialogButtonBox, QWidget

from ui.screen_fit import FRAME_GUESS, FRAME_ROOM, fitted, placed

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
    action = next(a for a in shop.actions() if a.text().replace("&", "") == entry)
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


def test_a_window_a_window_manager_cascaded_past_the_bottom_is_moved_up_whole() -> None:
    """The tester's laptop: the 1280×720 orders window (a 20-pixel title bar) put at y = 63 on a
    1366×768 screen ran 40 pixels past its bottom edge, its buttons with it."""
    screen = QRect(0, 0, 1366, 768)
    frame = QRect(2, 43, 1282, 745)
    assert placed(frame, screen) == QRect(2, 23, 1282, 745)
    assert placed(QRect(-50, -10, 600, 400), screen).topLeft() == QPoint(0, 0)
    # Larger than the screen: its top-left (the title bar) stays in view.
    assert placed(QRect(100, 100, 1500, 900), screen).topLeft() == QPoint(0, 0)


def frame_of(opened: QWidget) -> QRect:
    """The window with the frame a window manager draws (the offscreen screen draws none)."""
    frame = opened.frameGeometry()
    return opened.geometry().marginsAdded(FRAME_GUESS) if frame == opened.geometry() else frame


def test_the_orders_window_a_window_manager_cascaded_down_opens_whole_over_the_main_window(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    from ui.order_board import OrderBoard

    screen = window.screen().availableGeometry()
    window.setGeometry(QRect(screen.left() + 300, screen.top() + 260, 480, 500))
    window.activateWindow()
    board = OrderBoard(ctx)
    qtbot.addWidget(board)
    # A window manager's cascade, as on the tester's laptop: the new window put 100 pixels down
    # before it shows (the offscreen screen, which has no window manager, puts it in the corner).
    board.winId()
    board.windowHandle().setPosition(screen.topLeft() + QPoint(2, 100))
    board.show()
    qtbot.waitExposed(board)
    assert screen.contains(frame_of(board)), f"{frame_of(board)} on {screen}"
    export = board.findChild(QAbstractButton, "exportOrders")
    assert export is not None and fully_in_view(export)
    board.close()


def test_an_order_opened_from_a_window_at_the_top_keeps_its_title_bar_on_the_screen(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    from app.catalog import ItemDraft, create_item
    from app.orders import LineInput, create_order
    from tests.support.factories import make_contact
    from ui.order_actions import OrderActions

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은")
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
    screen = window.screen().availableGeometry()
    window.setGeometry(QRect(screen.topLeft() + QPoint(40, 0), QSize(480, 420)))
    order_window = OrderActions(window, ctx).open_order(order_id)
    qtbot.waitExposed(order_window)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    assert screen.contains(frame_of(order_window)), f"{frame_of(order_window)} on {screen}"
    order_window.close()


def test_the_relay_help_grown_to_its_full_guide_stays_inside_the_screen(qtbot: Any) -> None:
    """Opened low on the screen, the help page grew past its bottom edge when the full guide
    opened in it, its Close button with it."""
    from ui.relay_help import RelayHelpDialog

    help_page = RelayHelpDialog()
    qtbot.addWidget(help_page)
    screen = help_page.screen().availableGeometry()
    help_page.show()
    qtbot.waitExposed(help_page)
    help_page.move(screen.left() + 80, screen.bottom() - help_page.frameGeometry().height() - 10)
    help_page.full_guide_button.click()
    assert help_page.guide.isVisible()
    assert screen.contains(frame_of(help_page)), f"{frame_of(help_page)} on {screen}"
    assert help_page.height() > 500  # it did grow


def test_the_order_window_keeps_its_send_buttons_on_the_screen_when_a_message_is_prepared(
    window: Any, ctx: Any, qtbot: Any
) -> None:
    """The tester's laptop: "Ask for payment" opened the message to the customer under the order,
    the window grew to 693 pixels at y = 116 on a 768-pixel screen, and "Send to customer" and
    "Don't send" ended half, then wholly, below its bottom edge."""
    from datetime import timedelta

    from app.catalog import ItemDraft, create_item
    from app.models import utcnow
    from app.orders import LineInput, OrderState, create_order
    from tests.support.factories import make_contact
    from ui.order_actions import OrderActions

    with ctx.db.write() as s:
        create_item(s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="LINEN"))
        c = make_contact(s, profile_name="이하은", last_inbound_at=utcnow() - timedelta(hours=1))
        order_id = create_order(s, contact_id=c.id, lines=[LineInput("LINEN", 1)], source="chat").id
    screen = window.screen().availableGeometry()
    order_window = OrderActions(window, ctx).open_order(order_id)
    qtbot.waitExposed(order_window)
    qtbot.waitUntil(lambda: order_window.detail is not None)
    # Opened low, as a window manager's cascade puts the second or third window.
    order_window.move(order_window.x(), screen.bottom() - frame_of(order_window).height() - 10)
    order_window.move_to(OrderState.AWAITING_PAYMENT)
    qtbot.waitUntil(lambda: order_window.message.isVisible())
    qtbot.waitUntil(lambda: screen.contains(frame_of(order_window)))
    for button in (order_window.message.send_button, order_window.message.skip_button):
        qtbot.waitUntil(lambda b=button: fully_in_view(b))
    # On the laptop's 768 pixels the window cannot grow to show it all: the order's parts scroll.
    assert order_window.minimumSizeHint().height() <= fitted(QSize(620, 2000), LAPTOP).height()
    order_window.message.skip_button.click()  # (closing with it unsent would ask first)
    order_window.close()


def test_a_scrolling_section_takes_no_tab_stop_of_its_own(qtbot: Any) -> None:
    """The scroll area around a form took a Tab of its own that showed nothing: the keyboard seemed lost."""
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    from ui.screen_fit import scrolling

    form = QWidget()
    fields = QVBoxLayout(form)
    first, second = QLineEdit(), QLineEdit()
    fields.addWidget(first)
    fields.addWidget(second)
    area = scrolling(form)
    qtbot.addWidget(area)
    assert not area.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert first.focusPolicy() & Qt.FocusPolicy.TabFocus


@pytest.mark.parametrize("anchor_x", [20, 250, 480])
def test_a_window_placed_beside_another_leaves_it_whole_when_the_screen_has_room_for_both(
    qtbot: Any, anchor_x: int
) -> None:
    """An exchange's new order beside the original's window, which it covered: right of it, left of
    it, or the original moved the least that makes room; both inside the screen."""
    from ui.screen_fit import place_beside

    anchor, beside = QWidget(), QWidget()
    for w in (anchor, beside):
        qtbot.addWidget(w)
        w.resize(300, 300)
    screen = anchor.screen().availableGeometry()
    anchor.move(screen.left() + anchor_x, screen.top() + 40)
    anchor.show()
    qtbot.waitExposed(anchor)
    assert place_beside(beside, anchor)
    beside.show()
    qtbot.waitExposed(beside)
    assert not beside.frameGeometry().intersects(anchor.frameGeometry())
    assert screen.contains(beside.frameGeometry()) and screen.contains(anchor.frameGeometry())
