"""A screen reader reads a chat-list row and a message as a sentence: who, what, when, and what
became of it (the models' accessible text), not a bare name or nothing at all for a photo."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtGui import QAccessible

from app import relay_clock
from tests.support.factories import local_noon, make_contact, make_message
from ui.formatting import clock_time


@pytest.fixture(autouse=True)
def screen_reader() -> Iterator[None]:
    """Accessibility on, as a running screen reader turns it on: only then do Qt's item views tell
    its cache of rows that the model changed. Off, a chat-list reload between two reads left the
    cached row on a dead index, read as "" (about one run in fifteen: a reload after selecting)."""
    QAccessible.setActive(True)
    yield
    QAccessible.setActive(False)


def spoken_items(view: Any) -> list[str]:
    """What assistive technology hears for each row of `view`, top to bottom."""
    interface = QAccessible.queryAccessibleInterface(view)
    return [interface.child(i).text(QAccessible.Text.Name) for i in range(interface.childCount())]


def test_a_chat_row_and_its_messages_are_read_as_sentences(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    now = local_noon()  # the app's clock too: "Today" at any hour the test runs
    monkeypatch.setattr(relay_clock, "local_time", lambda: now.timestamp())
    asked, answered, failed, photo = (now - timedelta(minutes=m) for m in (9, 8, 7, 6))
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        make_message(s, contact, "주문했어요", sent_at=asked)
        make_message(s, contact, "네 확인했어요", direction="out", status="read", sent_at=answered)
        make_message(s, contact, "입금 부탁드려요", direction="out", status="failed", sent_at=failed)
        make_message(s, contact, "", kind="image", sent_at=photo)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    qtbot.waitUntil(lambda: window.chat.view.chat_model.rowCount() == 4, timeout=5000)

    # The row: the name, then what its badge and last line show, then its time.
    [row] = spoken_items(window.chat_list.view)
    assert row == f"김민지, 2 unread messages, Photo, {clock_time(photo)}"

    asked_said, answered_said, failed_said, photo_said = spoken_items(window.chat.view)
    # Above the first message: its day and the unread band, as the chat draws them.
    assert asked_said == f"Today, 2 unread messages, 김민지: 주문했어요, {clock_time(asked)}"
    # The owner's replies are hers, with their ticks in words; one that failed says so and why.
    assert answered_said == f"You: 네 확인했어요, {clock_time(answered)}, Read"
    assert failed_said.startswith(f"You: 입금 부탁드려요, {clock_time(failed)}, Not sent: ")
    # A photo without a caption was read as nothing.
    assert photo_said == f"김민지: Photo · Not downloaded yet, {clock_time(photo)}"


def test_a_chat_row_says_the_owners_last_reply_and_a_draft(
    qtbot: Any, window: Any, ctx: Any, monkeypatch: Any
) -> None:
    now = local_noon()  # the app's clock too: a clock time, not "Yesterday", at any hour the test runs
    monkeypatch.setattr(relay_clock, "local_time", lambda: now.timestamp())
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="Amy Clarke", last_inbound_at=now, pinned=True)
        make_message(s, contact, "Is it in stock?", sent_at=now - timedelta(minutes=2), unread=False)
        make_message(s, contact, "Yes, it is", direction="out", status="delivered", sent_at=now)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.model.rowCount() == 1, timeout=5000)
    assert spoken_items(window.chat_list.view) == [
        f"Amy Clarke, Pinned, You: Yes, it is, Delivered, {clock_time(now)}"
    ]

    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    window.chat.composer.edit.setPlainText("We ship on Monday")
    qtbot.waitUntil(lambda: window.chat.composer.draft_for(contact_id) is not None, timeout=5000)
    assert spoken_items(window.chat_list.view) == [
        f"Amy Clarke, Pinned, Draft: We ship on Monday, {clock_time(now)}"
    ]
