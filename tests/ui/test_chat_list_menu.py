"""The chat list's menu: Mark as unread, Delete chat (for good, even after a re-sync), Block; a
right-click opens the menu, never the chat."""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from app.changes import Changes
from app.models import Contact
from app.sync_apply import apply_events
from app.wire import EventsPage
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, sync_batch
from tests.support.wire_events import T0, message_event
from ui.chat_list_model import ChatRole


def _right_click(qtbot: Any, window: Any, row: int) -> None:
    """Press and release the right button on a row, then the context menu event Qt sends after it."""
    view = window.chat_list.view
    pos = view.visualRect(window.chat_list.model.index(row)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    QApplication.sendEvent(view.viewport(), QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, QPoint()))


def _rows(window: Any) -> list[Any]:
    model = window.chat_list.model
    return [model.index(i).data(ChatRole.ROW) for i in range(model.rowCount())]


def _seed(window: Any, ctx: Any, qtbot: Any, *names: str, inbound_at: datetime | None = None) -> list[int]:
    ids = []
    with ctx.db.write() as s:
        for name in names:
            contact = make_contact(s, profile_name=name, last_inbound_at=inbound_at)
            make_message(s, contact, f"{name}: 안녕하세요", unread=False)
            ids.append(contact.id)
    load_chats(window, qtbot)
    qtbot.waitUntil(lambda: len(_rows(window)) == len(names), timeout=5000)
    return ids


def test_right_click_opens_the_menu_not_the_chat(qtbot: Any, window: Any, ctx: Any, dialogs: Any) -> None:
    _seed(window, ctx, qtbot, "김민지")
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text().replace("&", "") for a in menu.actions() if a.text()])
        menu.close()

    dialogs.expect("menu", answer=look)
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert window.chat.contact_id() is None  # nothing opened, nothing marked read
    assert not window.chat_list.view.selectionModel().hasSelection()
    assert {"Mark as unread", "Delete chat", "Block in Shop Inbox only"} <= set(seen[0])


def test_mark_as_unread_brings_back_the_unread_badge(qtbot: Any, window: Any, ctx: Any, dialogs: Any) -> None:
    _seed(window, ctx, qtbot, "Read already")
    assert _rows(window)[0].unread_count == 0
    dialogs.expect("menu", answer="Mark as unread")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: _rows(window)[0].unread_count == 1, timeout=5000)


def test_a_deleted_chat_stays_deleted_when_the_relay_is_synced_again(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    events = [
        message_event(content="첫 주문이요", wa_id="821077778888", name="이수진", timestamp=T0, seq=1),
        message_event(content="입금했어요", wa_id="821077778888", name="이수진", timestamp=T0 + 60, seq=2),
    ]
    page = EventsPage.model_validate({"events": events, "next": 2})
    with ctx.db.write() as s:
        apply_events(s, page.events, page.next)
    load_chats(window, qtbot)
    qtbot.waitUntil(lambda: [r.display_name for r in _rows(window)] == ["이수진"], timeout=5000)

    window.chat_list.model.hold()  # the pointer rests on the list: other chats keep their places
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    dialogs.expect("menu", answer="Delete chat")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: _rows(window) == [], timeout=5000)
    assert "이수진" in asked.texts[0]
    window.chat_list.release_order()  # the pointer leaves the list

    # A history-gap recovery (or a new computer) reads the relay from the start again, and the
    # customer writes once more: only the new message is in the chat.
    later = int(datetime.now(UTC).timestamp()) + 5
    again = [
        *events,
        message_event(content="배송 언제 돼요?", wa_id="821077778888", name="이수진", timestamp=later, seq=3),
    ]
    page = EventsPage.model_validate({"events": again, "next": 3})
    with ctx.db.write() as s:
        apply_events(s, page.events, page.next)
        contact_id = s.query(Contact.id).filter(Contact.wa_id == "821077778888").scalar()
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: len(_rows(window)) == 1, timeout=5000)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    model = window.chat.view.chat_model
    qtbot.waitUntil(lambda: [m.body for m in model.messages()] == ["배송 언제 돼요?"], timeout=5000)


def test_a_customer_who_writes_after_a_chat_was_deleted_on_a_laptop_hours_fast_is_not_lost(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """The deleted chat is remembered up to the relay's now, not the laptop's: on a laptop two hours
    fast, what the customer wrote ten minutes after the deletion was stamped before the laptop's
    "now" by WhatsApp, and never showed."""
    from email.utils import formatdate

    from app import relay_clock

    relay_now = datetime.now(UTC) - timedelta(hours=2)
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    first = message_event(
        content="첫 주문이요",
        wa_id="821077778888",
        name="이수진",
        timestamp=int(relay_now.timestamp()) - 600,
        seq=1,
    )
    page = EventsPage.model_validate({"events": [first], "next": 1})
    with ctx.db.write() as s:
        apply_events(s, page.events, page.next)
        contact_id = s.query(Contact.id).filter(Contact.wa_id == "821077778888").scalar()
    load_chats(window, qtbot)
    qtbot.waitUntil(lambda: len(_rows(window)) == 1, timeout=5000)
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    dialogs.expect("menu", answer="Delete chat")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: _rows(window) == [], timeout=5000)

    later = message_event(
        content="다시 주문할게요",
        wa_id="821077778888",
        name="이수진",
        timestamp=int(relay_now.timestamp()) + 600,
        seq=2,
    )
    page = EventsPage.model_validate({"events": [later], "next": 2})
    with ctx.db.write() as s:
        apply_events(s, page.events, page.next)
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: len(_rows(window)) == 1, timeout=5000)
    assert _rows(window)[0].last_body == "다시 주문할게요"


def test_archive_and_pin_from_the_menu_take_effect_at_once_while_the_pointer_rests_on_the_list(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    _seed(window, ctx, qtbot, "Oldest", "Middle", "Newest")
    names = lambda: [r.display_name for r in _rows(window)]  # noqa: E731
    assert names() == ["Newest", "Middle", "Oldest"]
    # The pointer comes onto the list, as it does for a right-click, and stays there.
    QApplication.sendEvent(window.chat_list.view.viewport(), QEvent(QEvent.Type.Enter))
    assert window.chat_list.model.held

    dialogs.expect("menu", answer="Archive chat")
    _right_click(qtbot, window, 1)
    # The archived chat leaves the list at once; held in place, it looked as if nothing happened.
    qtbot.waitUntil(lambda: names() == ["Newest", "Oldest"], timeout=5000)
    assert not window.chat_list.new_above.isVisible()

    dialogs.expect("menu", answer="Pin chat")
    _right_click(qtbot, window, 1)
    qtbot.waitUntil(lambda: names() == ["Oldest", "Newest"], timeout=5000)
    assert _rows(window)[0].pinned

    # Other chats still keep their places while the pointer rests: a customer writing moves nothing.
    newest = _rows(window)[1].contact_id
    with ctx.db.write() as s:
        make_message(s, s.get(Contact, newest), "또 왔어요", sent_at=datetime.now(UTC))
    sync_batch(window, qtbot, {newest})
    qtbot.waitUntil(lambda: _rows(window)[1].last_body == "또 왔어요", timeout=5000)
    assert names() == ["Oldest", "Newest"]
    assert window.chat_list.model.held


def _unread_in_inbox(ctx: Any, contact_ids: list[int]) -> dict[int, int]:
    from sqlalchemy import func, select

    from app.models import Message

    with ctx.db.read() as s:
        counts = dict(
            s.execute(
                select(Message.contact_id, func.count())
                .where(Message.contact_id.in_(contact_ids), Message.unread.is_(True))
                .group_by(Message.contact_id)
            ).all()
        )
    return {cid: counts.get(cid, 0) for cid in contact_ids}


def test_the_open_chat_leaving_the_list_opens_no_other_chat(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Archiving or deleting the open chat must not open the chat below it: Qt selects the next row
    on its own, which here would mark a customer's unseen messages read and send them read receipts."""
    from ui.ops import pending_ops

    now = datetime.now(UTC)
    with ctx.db.write() as s:
        ids = []
        for n, name in enumerate(["김민지", "박서준", "Amy", "이하은"]):
            contact = make_contact(s, profile_name=name, last_inbound_at=now)
            make_message(s, contact, f"{name}: 주문할게요", sent_at=now - timedelta(minutes=n))
            ids.append(contact.id)
    load_chats(window, qtbot)
    kim, park, amy, lee = ids

    select_chat(window, qtbot, kim)
    dialogs.expect("menu", answer="Archive chat")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(kim) is None, timeout=5000)
    assert window.chat.contact_id() == kim  # still open, to finish the reply
    assert not window.chat_list.view.selectionModel().hasSelection()

    select_chat(window, qtbot, amy)
    dialogs.expect("menu", answer="Delete chat")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    _right_click(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(amy) is None, timeout=5000)
    assert window.chat.contact_id() is None
    assert not window.chat_list.view.selectionModel().hasSelection()

    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert _unread_in_inbox(ctx, [park, lee]) == {park: 1, lee: 1}  # nobody has seen these yet
    assert [r.unread_count for r in _rows(window)] == [1, 1]


def test_after_archiving_the_open_chat_the_keys_go_on_from_its_place_not_from_the_top(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Archive the open chat from its menu, press Down: the chat that took its place opens (it had
    been the first chat of the list); Ctrl+Tab and Up go on from that place too."""
    now = datetime.now(UTC)
    with ctx.db.write() as s:
        ids = []
        for n, name in enumerate(["김민지", "박서준", "Amy", "이하은"]):
            contact = make_contact(s, profile_name=name, last_inbound_at=now)
            make_message(s, contact, f"{name}: 주문할게요", sent_at=now - timedelta(minutes=n), unread=False)
            ids.append(contact.id)
    load_chats(window, qtbot)
    kim, park, amy, lee = ids
    view = window.chat_list.view
    view.setFocus()

    select_chat(window, qtbot, park)
    dialogs.expect("menu", answer="Archive chat")
    _right_click(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(park) is None, timeout=5000)
    assert window.chat.contact_id() == park  # still open, nothing else opened
    QTest.keyClick(view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.chat.contact_id() == amy, timeout=5000)

    dialogs.expect("menu", answer="Archive chat")
    _right_click(qtbot, window, 1)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(amy) is None, timeout=5000)
    QTest.keyClick(view, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.chat.contact_id() == kim, timeout=5000)

    dialogs.expect("menu", answer="Archive chat")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(kim) is None, timeout=5000)
    # Ctrl+Tab is the window's shortcut: it is heard once the window is active again after the menu
    # (on a loaded machine that came a moment later, and the key went nowhere).
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.chat.contact_id() == lee, timeout=5000)


def test_blocking_without_whatsapps_block_list_says_so_and_silences_the_chat(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    [contact_id] = _seed(window, ctx, qtbot, "Spam Seller")
    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    dialogs.expect("menu", answer="Block in Shop Inbox only")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: _rows(window)[0].blocked, timeout=5000)
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.contact_id() == contact_id, timeout=5000)
    assert not window.chat.composer.isEnabled()


def test_the_chats_keep_their_places_while_a_chat_menu_is_open(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    first, _newer = _seed(window, ctx, qtbot, "Older", "Newer")
    target = window.chat_list.model.position_of(first)
    places: list[int | None] = []

    def customer_writes_while_open(menu: QMenu) -> None:
        with ctx.db.write() as s:
            make_message(s, s.get(Contact, first), "방금 보냈어요", sent_at=datetime.now(UTC))
        window.ctx.publish(Changes.for_contacts({first}, from_sync=True))
        model = window.chat_list.model
        qtbot.waitUntil(lambda: model.row_for(first).last_body == "방금 보냈어요", timeout=5000)
        places.append(model.position_of(first))
        menu.close()

    dialogs.expect("menu", answer=customer_writes_while_open)
    _right_click(qtbot, window, target)
    qtbot.waitUntil(lambda: bool(places), timeout=3000)
    assert places == [target]  # the row the menu is for stayed under it
    # Once the menu is gone (and the pointer away), the chat takes its new place at the top.
    qtbot.waitUntil(lambda: window.chat_list.model.position_of(first) == 0, timeout=5000)


def test_a_click_on_a_chat_opens_it_ready_to_type_in(qtbot: Any, window: Any, ctx: Any) -> None:
    """What the owner types right after clicking a chat goes into its message field, not nowhere."""
    ids = _seed(window, ctx, qtbot, "김민지", "박서준", inbound_at=datetime.now(UTC) - timedelta(minutes=5))
    view = window.chat_list.view
    view.setFocus()
    pos = view.visualRect(window.chat_list.model.index(1)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.chat.contact_id() == _rows(window)[1].contact_id, timeout=5000)
    edit = window.chat.composer.edit
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    qtbot.keyClicks(QApplication.focusWidget(), "Yes, in stock")
    assert edit.toPlainText() == "Yes, in stock"
    assert window.chat.contact_id() in ids


def test_a_click_on_a_chat_whose_window_has_closed_puts_the_keyboard_on_choose_template(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Free text cannot be sent after 24 hours: the click lands on "Choose template…", so the
    owner's Space or Enter opens the templates instead of typing into nothing."""
    _seed(window, ctx, qtbot, "김민지", inbound_at=datetime.now(UTC) - timedelta(days=2))
    view = window.chat_list.view
    view.setFocus()
    pos = view.visualRect(window.chat_list.model.index(0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: window.chat.contact_id() == _rows(window)[0].contact_id, timeout=5000)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: QApplication.focusWidget() is composer.template_button, timeout=3000)
    assert composer.template_button.isVisible() and not composer.edit.isVisible()
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(picker.shown), timeout=3000)
    assert [shown.widget for shown in picker.shown] == ["TemplatePicker"]


def test_typing_a_message_into_a_chat_whose_window_has_closed_opens_the_templates(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """The owner who clicks such a chat and starts typing gets the templates (and why) at the first
    letter, rather than letters that go nowhere; Ctrl shortcuts keep their meaning."""
    _seed(window, ctx, qtbot, "김민지", inbound_at=datetime.now(UTC) - timedelta(days=2))
    view = window.chat_list.view
    view.setFocus()
    pos = view.visualRect(window.chat_list.model.index(0)).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    composer = window.chat.composer
    qtbot.waitUntil(lambda: QApplication.focusWidget() is composer.template_button, timeout=5000)
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    with qtbot.assertNotEmitted(composer.template_requested, wait=0):
        qtbot.keyClick(composer.template_button, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(composer.template_button, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: bool(picker.shown), timeout=3000)
    assert [shown.widget for shown in picker.shown] == ["TemplatePicker"]


def test_marking_the_open_chat_unread_closes_its_contact_info_too(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    [cid] = _seed(window, ctx, qtbot, "Olivia")
    select_chat(window, qtbot, cid)
    window.toggle_contact_panel()
    assert window.contact_panel.isVisible()
    dialogs.expect("menu", answer="Mark as unread")
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: _rows(window)[0].unread_count == 1, timeout=5000)
    assert window.chat.contact_id() is None
    assert not window.contact_panel.isVisible()


def test_the_row_a_menu_is_for_stays_highlighted_while_the_menu_is_open(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """The menu covers the rows around the pointer: the chat it is for shows which one, as a file
    manager marks the file under its menu, and goes back to plain when the menu closes."""
    from ui.theme import colours

    _seed(window, ctx, qtbot, "김민지", "박서준", "이하은")
    view = window.chat_list.view
    hover = colours(view.palette()).list_hover.rgb()

    def fill_at(row: int) -> int:
        rect = view.visualRect(window.chat_list.model.index(row))
        return int(view.viewport().grab().toImage().pixelColor(rect.right() - 3, rect.top() + 3).rgb())

    seen: list[tuple[int, int]] = []

    def look(menu: QMenu) -> None:
        seen.append((fill_at(1), fill_at(0)))
        menu.close()

    dialogs.expect("menu", answer=look)
    _right_click(qtbot, window, 1)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    assert seen[0][0] == hover, "nothing shows which chat the menu is for"
    assert seen[0][1] != hover
    assert fill_at(1) != hover


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="Windows makes Shift+F10 a menu event itself"
)
def test_shift_f10_opens_the_menu_of_the_chat_under_the_keyboards_cursor(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """A laptop without a menu key: Shift+F10, as in every other Linux program, opens the chat's menu."""
    _seed(window, ctx, qtbot, "김민지", "박서준")
    view = window.chat_list.view
    view.setFocus()
    view.selectionModel().setCurrentIndex(
        window.chat_list.model.index(1), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    under = window.chat_list.model.index(1).data(ChatRole.CONTACT_ID)
    dialogs.expect("menu", answer="Pin chat")
    QTest.keyClick(view, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).pinned, timeout=5000)
    assert window.chat_list.model.row_at(0).contact_id == under


@pytest.mark.parametrize(
    ("laptop_behind", "wrote_ago", "offered"),
    [
        (timedelta(days=2), timedelta(hours=30), "Block in Shop Inbox only"),  # in the laptop's future
        (-timedelta(days=1), timedelta(hours=1), "Block"),  # 25 hours ago by the laptop's clock
    ],
    ids=["laptop-two-days-slow", "laptop-a-day-fast"],
)
def test_the_block_menu_counts_whatsapps_24_hours_on_the_relays_clock_not_the_laptops(
    qtbot: Any,
    window: Any,
    ctx: Any,
    dialogs: Any,
    laptop_behind: timedelta,
    wrote_ago: timedelta,
    offered: str,
) -> None:
    """Meta blocks only a customer who wrote in the last 24 hours by its own clock: on a laptop whose
    clock is days off, the menu offers what WhatsApp will do, as the relay's clock says."""
    from email.utils import formatdate

    from app import relay_clock
    from ui.sync_adapter import SyncAdapter

    relay_now = datetime.now(UTC) + laptop_behind
    relay_clock.observe(formatdate(relay_now.timestamp(), usegmt=True))
    ctx.sync = SyncAdapter(ctx, "http://127.0.0.1:9", "token", window)  # connected before, now idle
    _seed(window, ctx, qtbot, "Spam Seller", inbound_at=relay_now - wrote_ago)
    seen: list[list[str]] = []

    def look(menu: QMenu) -> None:
        seen.append([a.text().replace("&", "") for a in menu.actions() if a.text()])
        menu.close()

    dialogs.expect("menu", answer=look)
    _right_click(qtbot, window, 0)
    qtbot.waitUntil(lambda: bool(seen), timeout=3000)
    blocks = [text for text in seen[0] if text.startswith("Block")]
    assert blocks == [offered]
