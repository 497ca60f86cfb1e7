"""The open chat stays marked in the list when the owner switches filters or the list is read again."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QAbstractButton

from app.labels import add_label
from app.queries import set_label
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle


def three_chats(ctx: Any) -> dict[str, int]:
    with ctx.db.write() as s:
        ids = {}
        for minute, name in enumerate(("김민지", "강다은", "박서준")):
            contact = make_contact(s, profile_name=name)
            make_message(
                s, contact, "안녕하세요", sent_at=BASE_TIME + timedelta(minutes=minute), unread=False
            )
            ids[name] = contact.id
        regular = add_label(s, "단골 고객", "#FFEB3B").id
        set_label(s, ids["강다은"], regular, True)
        return ids


def test_the_open_chat_stays_marked_after_a_label_filter_and_back_to_all(window: Any, qtbot: Any) -> None:
    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    select_chat(window, qtbot, ids["강다은"])
    assert window.chat.conversation.contact_id == ids["강다은"]

    def open_row_marked() -> bool:
        current = chats.view.currentIndex()
        return chats.current_contact() == ids["강다은"] and chats.view.selectionModel().isSelected(current)

    def label_action() -> Any:
        # Numbered for its Alt key ("&1 단골 고객"), as a chat's label menu numbers them.
        return next((a for a in chats.label_chip.menu().actions() if a.text().endswith(" 단골 고객")), None)

    qtbot.waitUntil(lambda: label_action() is not None)  # the shop's labels are read in an op
    label = label_action()
    with qtbot.waitSignal(chats.model.page_loaded):
        label.trigger()
    settle(qtbot)
    assert [r.contact_id for r in chats.model.rows()] == [ids["강다은"]]
    assert open_row_marked()  # was: the chat open on the right, its row in the list unmarked

    all_chip = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "All")
    with qtbot.waitSignal(chats.model.page_loaded):
        all_chip.click()
    settle(qtbot)
    assert len(chats.model.rows()) == 3
    assert open_row_marked()
    assert chats.view.verticalScrollBar().value() == 0  # the new filter's list still shows from the top
    assert window.chat.conversation.contact_id == ids["강다은"]

    # The list read again (a label renamed, say): still marked, and the keyboard's cursor on it.
    load_chats(window, qtbot)
    assert open_row_marked()


def test_a_chat_opened_from_unread_stays_listed_while_the_owner_reads_it(window: Any, qtbot: Any) -> None:
    """Opened from the Unread filter, the chat was read a second later and its row vanished from under
    the owner's eyes (the rows below slid up under the pointer). Read chats stay until she picks a
    filter, as WhatsApp keeps them."""
    from app.chat_actions import mark_chat_read

    with window.ctx.db.write() as s:
        ids = {}
        for minute, name in enumerate(("김민지", "강다은", "박서준")):
            contact = make_contact(s, profile_name=name)
            make_message(s, contact, "재고 있나요?", sent_at=BASE_TIME + timedelta(minutes=minute))
            ids[name] = contact.id
    load_chats(window, qtbot)
    chats = window.chat_list
    chips = {b.text(): b for b in chats.findChildren(QAbstractButton, "filterChip")}
    with qtbot.waitSignal(chats.model.page_loaded):
        chips["Unread"].click()
    settle(qtbot)
    listed = lambda: [r.contact_id for r in chats.model.rows()]  # noqa: E731
    everyone = [ids["박서준"], ids["강다은"], ids["김민지"]]
    assert listed() == everyone

    def read(contact_id: int) -> None:
        """As the window does a second after the chat is on screen."""
        _wamids, changes = mark_chat_read(window.ctx.db, contact_id)
        with qtbot.waitSignal(window.ctx.hub.changed):
            window.ctx.publish(changes)
        qtbot.waitUntil(lambda: (row := chats.model.row_for(contact_id)) is None or row.unread_count == 0)
        settle(qtbot)

    select_chat(window, qtbot, ids["강다은"])
    read(ids["강다은"])
    assert listed() == everyone
    assert chats.current_contact() == ids["강다은"]
    select_chat(window, qtbot, ids["김민지"])
    read(ids["김민지"])
    assert listed() == everyone  # nothing moved under her pointer

    # Another filter and back: Unread lists what is unread.
    with qtbot.waitSignal(chats.model.page_loaded):
        chips["All"].click()
    with qtbot.waitSignal(chats.model.page_loaded):
        chips["Unread"].click()
    settle(qtbot)
    assert listed() == [ids["박서준"]]
