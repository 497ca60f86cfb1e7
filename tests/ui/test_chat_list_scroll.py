"""The chat list's scroll: a filter switch or a closed search shows the top; "↑ N" says what is above."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, settle
from tests.ui.test_chat_list_hold import a_customer_writes, pointer_enters, pointer_leaves
from ui.chat_list_delegate import ROW_HEIGHT


def fill(window: Any, qtbot: Any, count: int, unread: int = 0) -> list[int]:
    """`count` chats an hour apart, newest first; the `unread` newest ones with a message nobody read."""
    now = datetime.now(UTC)
    ids = []
    with window.ctx.db.write() as s:
        for n in range(count):
            contact = make_contact(s, profile_name=f"손님 {n:02d}")
            make_message(
                s, contact, f"안녕하세요 {n}", sent_at=now - timedelta(hours=n + 1), unread=n < unread
            )
            ids.append(contact.id)
    load_chats(window, qtbot)
    return ids


def scroll_to(window: Any, qtbot: Any, value: int) -> None:
    """Scroll the list as the wheel would, once its rows are laid out (a batch at a time)."""
    bar = window.chat_list.view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() >= value)
    bar.setValue(value)


def click_chip(window: Any, qtbot: Any, key: str) -> None:
    chats = window.chat_list
    chip = next(b for b in chats._chips.buttons() if b.property("filter") == key)
    with qtbot.waitSignal(chats.model.page_loaded, timeout=5000):
        qtbot.mouseClick(chip, Qt.MouseButton.LeftButton)
    settle(qtbot)


def top_name(window: Any) -> str:
    view = window.chat_list.view
    return str(view.indexAt(QPoint(40, 2)).data())


def test_switching_filters_shows_the_top_of_each_list(window: Any, qtbot: Any) -> None:
    """The owner scrolled down a little; new chats came in above while the pointer rested there.
    Unread, then All again, each open at their first chat, not three rows down with nothing to say so."""
    ids = fill(window, qtbot, 40, unread=6)
    view = window.chat_list.view
    scroll_to(window, qtbot, 3 * ROW_HEIGHT)
    pointer_enters(window, QPoint(40, 20))
    for contact_id in ids[-3:]:
        a_customer_writes(window, qtbot, contact_id, "재고 있나요?")
    pointer_leaves(window)
    click_chip(window, qtbot, "unread")
    assert view.verticalScrollBar().value() == 0
    assert top_name(window) == "손님 39"  # the newest unread chat, in sight
    click_chip(window, qtbot, "all")
    assert view.verticalScrollBar().value() == 0
    assert top_name(window) == "손님 39"


def test_closing_a_search_shows_the_top_of_the_list(window: Any, qtbot: Any) -> None:
    ids = fill(window, qtbot, 40)
    view = window.chat_list.view
    scroll_to(window, qtbot, 3 * ROW_HEIGHT + ROW_HEIGHT // 2)
    window.open_search()
    for contact_id in ids[-4:]:  # customers write while the search covers the list
        a_customer_writes(window, qtbot, contact_id, "주문할게요")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.left.currentWidget() is window.chat_list
    assert view.verticalScrollBar().value() == 0
    assert top_name(window) == "손님 39"


def test_the_new_above_sign_stays_after_the_pointer_leaves(window: Any, qtbot: Any) -> None:
    """Scrolled down, the pointer resting on the list: three customers write. When the pointer
    leaves, their chats go to the top, out of sight: "↑ 3" still says so until the owner looks."""
    ids = fill(window, qtbot, 40)
    view = window.chat_list.view
    scroll_to(window, qtbot, 10 * ROW_HEIGHT)
    pointer_enters(window, QPoint(40, 20))
    for contact_id in ids[-3:]:
        a_customer_writes(window, qtbot, contact_id, "재고 있나요?")
    pill = window.chat_list.new_above
    qtbot.waitUntil(pill.isVisible)
    pointer_leaves(window)
    qtbot.waitUntil(lambda: not window.chat_list.model.held, timeout=3000)
    assert view.verticalScrollBar().value() > 0
    assert pill.isVisible(), "chats above the view, and nothing says so"
    assert pill.text() == "↑ 3"
    qtbot.mouseClick(pill, Qt.MouseButton.LeftButton)
    assert top_name(window) == "손님 39"
    assert not pill.isVisible()


def test_a_chat_that_writes_while_the_list_is_scrolled_down_shows_the_sign(window: Any, qtbot: Any) -> None:
    ids = fill(window, qtbot, 40)
    view = window.chat_list.view
    scroll_to(window, qtbot, 10 * ROW_HEIGHT)
    a_customer_writes(window, qtbot, ids[-1], "안녕하세요")
    pill = window.chat_list.new_above
    assert pill.isVisible() and pill.text() == "↑ 1"
    view.verticalScrollBar().setValue(0)  # the owner scrolls up and sees it
    assert not pill.isVisible()


def test_switching_to_a_short_filter_from_the_bottom_of_a_long_list(window: Any, qtbot: Any) -> None:
    """Scrolled to the end of a long All, then Unread with two chats: no error, the two in sight."""
    fill(window, qtbot, 90, unread=2)
    view = window.chat_list.view
    scroll_to(window, qtbot, 80 * ROW_HEIGHT)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())  # the end of the list
    qtbot.waitUntil(lambda: not window.chat_list._prepare_timer.isActive())
    click_chip(window, qtbot, "unread")
    window.chat_list._prepare_near()  # as after the next paint
    assert window.chat_list.model.rowCount() == 2
    assert top_name(window) == "손님 00"
