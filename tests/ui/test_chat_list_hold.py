"""The chat list holds still under the pointer: new messages wait behind a pill; a press opens what was aimed at."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import laid_out, load_chats, sync_batch
from ui.chat_list_model import ChatRole


def fill(window: Any, qtbot: Any, count: int) -> list[int]:
    now = datetime.now(UTC)
    ids = []
    with window.ctx.db.write() as s:
        for n in range(count):
            contact = make_contact(s, profile_name=f"손님 {n:02d}")
            make_message(s, contact, f"안녕하세요 {n}", sent_at=now - timedelta(hours=n + 1))
            ids.append(contact.id)
    load_chats(window, qtbot)
    return ids


def names(window: Any) -> list[str]:
    model = window.chat_list.model
    return [model.row_at(i).display_name for i in range(model.rowCount())]


def a_customer_writes(window: Any, qtbot: Any, contact_id: int, text: str) -> None:
    with window.ctx.db.write() as s:
        from app.models import Contact

        make_message(s, s.get(Contact, contact_id), text, sent_at=datetime.now(UTC))
    sync_batch(window, qtbot, {contact_id})


def pointer_enters(window: Any, at: QPoint) -> None:
    viewport = window.chat_list.view.viewport()
    local = QPointF(at)
    QApplication.sendEvent(viewport, QEnterEvent(local, local, QPointF(viewport.mapToGlobal(at))))


def pointer_leaves(window: Any) -> None:
    QApplication.sendEvent(window.chat_list.view.viewport(), QEvent(QEvent.Type.Leave))


def test_the_list_holds_its_order_under_the_pointer_and_shows_a_pill(window: Any, qtbot: Any) -> None:
    ids = fill(window, qtbot, 6)
    before = names(window)
    view = window.chat_list.view
    under = view.indexAt(QPoint(40, view.visualRect(view.model().index(2, 0)).center().y()))
    pointer_enters(window, QPoint(40, view.visualRect(under).center().y()))

    a_customer_writes(window, qtbot, ids[5], "재고 있나요?")  # the last chat would jump to the top
    assert names(window) == before, "the list moved under the pointer"
    pill = window.chat_list.new_above
    qtbot.waitUntil(pill.isVisible)
    assert view.indexAt(QPoint(40, view.visualRect(under).center().y())).row() == under.row()
    # The chat's own row still shows what arrived, in place.
    row = window.chat_list.model.row_for(ids[5])
    assert row.last_body == "재고 있나요?"

    pointer_leaves(window)
    qtbot.waitUntil(lambda: names(window)[0] == "손님 05", timeout=3000)
    assert not pill.isVisible()


def test_the_pill_brings_the_new_chats_to_the_top_at_once(window: Any, qtbot: Any) -> None:
    ids = fill(window, qtbot, 4)
    pointer_enters(window, QPoint(40, 20))
    a_customer_writes(window, qtbot, ids[3], "주문할게요")
    pill = window.chat_list.new_above
    qtbot.waitUntil(pill.isVisible)
    assert (
        pill.toolTip() == "1 chat with new messages above: show it at the top (Alt+Home)"
    )  # not "show them"
    qtbot.mouseClick(pill, Qt.MouseButton.LeftButton)
    assert names(window)[0] == "손님 03"
    assert not pill.isVisible()


def test_a_new_chat_at_the_top_shows_whole_not_under_the_filter_chips(window: Any, qtbot: Any) -> None:
    ids = fill(window, qtbot, 30)
    view = window.chat_list.view
    view.verticalScrollBar().setValue(12)  # a nudge of the wheel: the top row is half hidden
    a_customer_writes(window, qtbot, ids[-1], "안녕하세요!")
    qtbot.waitUntil(lambda: names(window)[0] == "손님 29")
    top = view.visualRect(view.model().index(0, 0))
    assert top.top() >= 0, "the newest chat is half hidden under the filter chips"


def test_the_pill_never_widens_the_chat_list(korean: None, window: Any, qtbot: Any) -> None:
    """In Korean the filter chips fill their row; the pill takes room from the search field, so the
    pane beside the chat does not jump sideways at every new chat while the pointer rests."""
    assert window.chat_list.label_chip.text() == "라벨"
    ids = fill(window, qtbot, 4)
    window.splitter.setSizes([1, 2000])  # the list as narrow as it goes
    qtbot.waitUntil(lambda: window.chat_list.width() == window.chat_list.minimumSizeHint().width())
    laid_out()
    width = window.chat_list.width()
    pointer_enters(window, QPoint(40, 20))
    a_customer_writes(window, qtbot, ids[3], "주문할게요")
    pill = window.chat_list.new_above
    qtbot.waitUntil(pill.isVisible)
    laid_out()  # shown, the pill has its size (and the list its width) once laid out, a turn later
    assert window.chat_list.width() == width
    assert pill.width() >= pill.sizeHint().width()  # its whole "↑ 1", never a blank dot


def test_several_chats_that_wrote_while_held_take_their_places_in_time_order(window: Any, qtbot: Any) -> None:
    """Five customers write one after another while the pointer rests on the list: when it leaves,
    the list is in time order again, the newest on top (the waiting rows were placed by a binary
    search of a list they still disordered, and three stayed buried below older chats)."""
    ids = fill(window, qtbot, 10)
    for n, contact_id in enumerate((ids[6], ids[3], ids[9], ids[5], ids[8])):
        # The pointer moves a little between the messages: resting for HOLD_WHILE_STILL_MS, it lets
        # the chats take their places meanwhile, and five writes on a busy machine took longer (the
        # pill was gone before it was looked for, 1 run in 20).
        pointer_enters(window, QPoint(40, 20 + n))
        a_customer_writes(window, qtbot, contact_id, f"문의 {n}")
    qtbot.waitUntil(window.chat_list.new_above.isVisible)
    pointer_leaves(window)
    newest_first = ["손님 08", "손님 05", "손님 09", "손님 03", "손님 06"]
    qtbot.waitUntil(lambda: names(window)[:5] == newest_first, timeout=3000)
    assert names(window)[5:] == ["손님 00", "손님 01", "손님 02", "손님 04", "손님 07"]


def row_centre(window: Any, position: int) -> QPoint:
    view = window.chat_list.view
    return QPoint(40, view.visualRect(view.model().index(position, 0)).center().y())


def test_a_click_after_a_customer_wrote_opens_the_chat_under_the_pointer(window: Any, qtbot: Any) -> None:
    """The owner aimed at the third chat; a customer further down wrote; her click opens the third chat."""
    ids = fill(window, qtbot, 6)
    aimed = names(window)[2]
    at = row_centre(window, 2)
    pointer_enters(window, at)
    a_customer_writes(window, qtbot, ids[5], "재고 있나요?")
    assert names(window)[2] == aimed
    with qtbot.waitSignal(window.chat_list.chat_selected) as opened:
        qtbot.mouseClick(window.chat_list.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == [ids[2]]


def test_a_pointer_resting_on_the_list_lets_the_chats_that_wrote_take_their_places(
    window: Any, qtbot: Any
) -> None:
    """Still for a while, the pointer is reading, not aiming: the order lets go, then holds again."""
    ids = fill(window, qtbot, 6)
    pointer_enters(window, row_centre(window, 2))
    a_customer_writes(window, qtbot, ids[5], "재고 있나요?")
    assert names(window)[0] == "손님 00", "the list moved under a pointer that had just moved"
    qtbot.waitUntil(lambda: names(window)[0] == "손님 05", timeout=5000)
    assert not window.chat_list.new_above.isVisible()
    a_customer_writes(window, qtbot, ids[4], "주문할게요")  # held again: the pointer is still there
    assert names(window)[0] == "손님 05"
    qtbot.waitUntil(lambda: names(window)[0] == "손님 04", timeout=5000)


def test_a_press_just_after_the_chats_moved_opens_the_chat_shown_there_before(
    window: Any, qtbot: Any
) -> None:
    """The pointer was on its way from the message field when a customer wrote and every row moved
    down one: the press, too soon to have seen it, opens the chat the owner aimed at (shots 01→02)."""
    ids = fill(window, qtbot, 6)
    aimed = ids[1]
    at = row_centre(window, 1)
    a_customer_writes(window, qtbot, ids[5], "재고 있나요?")
    assert names(window)[:3] == ["손님 05", "손님 00", "손님 01"]  # not held: the pointer was away
    with qtbot.waitSignal(window.chat_list.chat_selected) as opened:
        qtbot.mouseClick(window.chat_list.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == [aimed]
    assert window.chat_list.current_contact() == aimed
    # A double-click's second press is aimed at the same chat.
    qtbot.mouseDClick(window.chat_list.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert window.chat_list.current_contact() == aimed


def test_a_press_after_the_owner_scrolled_opens_what_she_scrolled_to(window: Any, qtbot: Any) -> None:
    """Rows moved a moment ago, but the owner scrolled since: she aims at what she scrolled to."""
    ids = fill(window, qtbot, 30)
    a_customer_writes(window, qtbot, ids[29], "안녕하세요!")
    view = window.chat_list.view
    bar = view.verticalScrollBar()
    bar.triggerAction(bar.SliderAction.SliderPageStepAdd)
    assert bar.value() > 0
    at = QPoint(40, 100)
    under = view.indexAt(at).data(ChatRole.CONTACT_ID)
    with qtbot.waitSignal(window.chat_list.chat_selected) as opened:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert opened.args == [under]


def test_a_right_click_just_after_the_chats_moved_opens_the_menu_of_the_chat_shown_there_before(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    """As a left press does: a customer wrote as the owner right-clicked, every row moved down one,
    and the menu she chose "Pin chat" from was for the chat that had slid under the pointer."""
    ids = fill(window, qtbot, 6)
    aimed = ids[1]
    at = row_centre(window, 1)
    a_customer_writes(window, qtbot, ids[5], "재고 있나요?")
    assert names(window)[:3] == ["손님 05", "손님 00", "손님 01"]  # not held: the pointer was away
    dialogs.expect("menu", answer="Pin chat")
    viewport = window.chat_list.view.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.RightButton, pos=at)
    QApplication.sendEvent(viewport, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, at, QPoint()))
    model = window.chat_list.model
    qtbot.waitUntil(lambda: model.row_at(0).pinned, timeout=5000)
    assert model.row_at(0).contact_id == aimed
    assert [model.row_at(i).contact_id for i in range(model.rowCount()) if model.row_at(i).pinned] == [aimed]
