"""A full disk under the inbox file: the owner reads why in plain words, and nothing typed is lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.models import Message
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.full_disk import inbox_read_only, limit_the_inbox_file, page_count
from tests.support.window_waits import load_chats, select_chat, settle


def messages(ctx: Any) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message)) or 0)


def test_a_reply_on_a_full_disk_says_so_and_stays_in_the_composer(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from datetime import UTC, datetime

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, c, "주문할게요", sent_at=BASE_TIME)
        contact_id = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    limit_the_inbox_file(window.ctx.db, page_count(window.ctx.db))
    reply = " ".join(["네, 주문 확인했어요."] * 300)  # 3,600 letters: more than the pages left hold

    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.setPlainText(reply)
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    assert warned.shown[0].title == "Not sent"
    assert warned.texts == [
        "The disk is full, so Shop Inbox could not save this. Nothing else was lost: free some space "
        "on this computer, then try again."
    ]
    assert composer.edit.toPlainText() == reply
    assert messages(window.ctx) == 1

    limit_the_inbox_file(window.ctx.db, None)  # space freed
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert messages(window.ctx) == 2 and composer.edit.toPlainText() == ""


def test_a_reply_while_the_inbox_file_cannot_be_written_says_so(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    from datetime import UTC, datetime

    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="Emma", last_inbound_at=datetime.now(UTC))
        make_message(s, c, "Is the linen shirt in stock?", sent_at=BASE_TIME)
        contact_id = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    inbox_read_only(window.ctx.db, True)
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.setPlainText("Yes, in every size.")
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    assert warned.texts[0].startswith("Shop Inbox could not save this: its data file is busy")
    assert composer.edit.toPlainText() == "Yes, in every size."
    inbox_read_only(window.ctx.db, False)
