"""Sending from the catalogue in the composer: the button and `#` open the picker; a pick queues one message."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.catalog import ItemDraft, create_item
from app.models import Message
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import sync_batch


def open_chat_with_item(qtbot: Any, window: Any, ctx: Any) -> tuple[int, int]:
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, contact, "린넨 셔츠 있나요?", sent_at=datetime.now(UTC))
        item_id = create_item(
            s, ItemDraft(name="린넨 셔츠", price_minor=39000, currency="KRW", retailer_id="SKU-1")
        )
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.composer.contact_id == contact_id, timeout=5000)
    return contact_id, item_id


def test_a_picked_item_is_queued_as_one_pending_message(qtbot: Any, window: Any, ctx: Any) -> None:
    contact_id, item_id = open_chat_with_item(qtbot, window, ctx)
    action = window.chat.catalog_action
    assert action.button.isVisibleTo(window.chat.composer)
    action.queue(contact_id, [item_id])

    def sent() -> list[tuple[str, str]]:
        with ctx.db.read() as s:
            query = select(Message.status, Message.body).where(
                Message.contact_id == contact_id, Message.direction == "out"
            )
            return [(status, body) for status, body in s.execute(query)]

    qtbot.waitUntil(lambda: len(sent()) == 1, timeout=5000)
    [(status, body)] = sent()
    assert status == "pending"
    assert "린넨 셔츠" in body and "39,000" in body


def test_typing_hash_at_a_word_start_opens_the_picker_instead_of_typing_it(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    open_chat_with_item(qtbot, window, ctx)
    edit = window.chat.composer.edit
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    qtbot.keyClick(edit, "#")
    assert [shown.widget for shown in picker.shown] == ["CatalogPicker"]
    edit.clear()  # the picker closed without a pick gave the `#` back (next test)
    qtbot.keyClicks(edit, "item")
    qtbot.keyClicks(edit, "#")  # inside a word: just a character
    assert edit.toPlainText() == "item#"


def test_esc_in_the_picker_gives_back_the_hash_and_what_was_typed_after_it(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Walk: "#린넨" typed, then Esc (she meant a `#` of her own): the picker closed and took all of it
    with it; no `#` could start a word of a message."""
    open_chat_with_item(qtbot, window, ctx)
    edit = window.chat.composer.edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.insertPlainText("색상 ")  # (QTest types ASCII only)

    def typed_then_esc(dialog: Any) -> None:
        qtbot.keyClicks(dialog.search, "2")
        dialog.search.insert("번")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Escape)

    dialogs.expect("modal", answer=typed_then_esc)
    qtbot.keyClick(edit, "#")
    assert edit.toPlainText() == "색상 #2번"
    assert window.focusWidget() is edit  # she goes on typing her message
    qtbot.keyClicks(edit, "!")
    assert edit.toPlainText() == "색상 #2번!"


def test_keys_typed_while_the_picker_opens_go_to_its_search(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """ "#hoop" typed fast lost its "h" the first time: the picker took a moment to open, and Qt drops
    keys typed into a window its modal picker blocks by then."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    open_chat_with_item(qtbot, window, ctx)
    edit = window.chat.composer.edit
    searched: list[str] = []

    def look(dialog: Any) -> None:
        # Not selected either: the next key she types adds to it.
        searched.append(dialog.search.text() + ("(selected)" if dialog.search.hasSelectedText() else ""))
        dialog.reject()

    dialogs.expect("modal", answer=look)
    edit.setFocus()  # she types in the composer: the keys come to it
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "Look ")  # her message so far
    keys = {
        "#": Qt.Key.Key_NumberSign,
        "h": Qt.Key.Key_H,
        "o": Qt.Key.Key_O,
        "p": Qt.Key.Key_P,
        "\r": Qt.Key.Key_Return,
    }
    for typed in "#hoop\r":  # all typed before the first is handled, as on a slow first opening
        press = QKeyEvent(QEvent.Type.KeyPress, keys[typed], Qt.KeyboardModifier.NoModifier, typed)
        QCoreApplication.postEvent(edit, press)
    qtbot.waitUntil(lambda: bool(searched), timeout=5000)
    assert searched == ["hoop"]
    assert edit.toPlainText() == "Look #hoop"  # the Enter did not send it meanwhile (Esc gave it back)


def test_hash_after_emoji_and_a_space_opens_the_picker_mid_line(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """Qt counts an emoji twice: the character before the cursor is the space, not the next letter."""
    from PySide6.QtGui import QTextCursor

    open_chat_with_item(qtbot, window, ctx)
    edit = window.chat.composer.edit
    edit.setPlainText("좋아요 😊🙏 이거요")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.movePosition(QTextCursor.MoveOperation.Left, n=3)  # after "🙏 ", before "이거요"
    edit.setTextCursor(cursor)
    picker = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    qtbot.keyClick(edit, "#")
    assert [shown.widget for shown in picker.shown] == ["CatalogPicker"]
    assert edit.toPlainText() == "좋아요 😊🙏 #이거요"  # closed without a pick: her `#`, where she typed it


def test_a_sold_out_item_puts_the_customer_on_its_restock_waitlist(qtbot: Any, window: Any, ctx: Any) -> None:
    from app.campaigns import waitlisted_items
    from app.models import Stock
    from ui.catalog_picker import CatalogPicker

    contact_id, item_id = open_chat_with_item(qtbot, window, ctx)
    with ctx.db.write() as s:
        s.add(Stock(item_id=item_id, option="", on_hand=0, reserved=0))
    picker = CatalogPicker(ctx, window, contact_id=contact_id)
    qtbot.addWidget(picker)
    picker.show()
    qtbot.waitUntil(picker.is_loaded, timeout=5000)
    assert picker.waitlist_button.isVisible()
    picker.waitlist_button.click()
    qtbot.waitUntil(lambda: "restock waitlist" in picker.hint.text(), timeout=5000)
    with ctx.db.read() as s:
        assert [(w.name, w.waiting) for w in waitlisted_items(s)] == [("린넨 셔츠", 1)]
    picker.reject()


def test_after_an_item_is_sent_from_the_button_her_next_words_go_into_the_message_field(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """She clicked the catalogue button with the chat list still holding the keyboard; once the item
    went, "Also in M?" typed next landed in the chat search instead of the message field."""
    from PySide6.QtWidgets import QApplication

    contact_id, _item_id = open_chat_with_item(qtbot, window, ctx)
    window.chat_list.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.chat_list.view, timeout=3000)
    dialogs.expect("modal", answer=lambda dialog: dialog.accept())  # Enter: the item shown first
    window.chat.catalog_action.button.click()

    def pending() -> int:
        with ctx.db.read() as s:
            query = select(Message.id).where(Message.contact_id == contact_id, Message.direction == "out")
            return len(s.execute(query).all())

    qtbot.waitUntil(lambda: pending() == 1, timeout=5000)
    edit = window.chat.composer.edit
    qtbot.waitUntil(lambda: window.focusWidget() is edit, timeout=3000)  # the keyboard once back
    window.activateWindow()  # (offscreen, nothing makes the window active again after the picker)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    qtbot.keyClicks(QApplication.focusWidget(), "Also in M?")
    assert edit.toPlainText() == "Also in M?"
