"""The chat list's keyboard frame is on the open chat, or on no row when no chat is open."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.models import Contact
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import settle, sync_batch


def three_chats(ctx: Any) -> list[int]:
    """Three chats, newest first; the shop set up, so a start paints its first page."""
    from app.settings import update_preferences

    update_preferences(ctx.db, setup_done=True)
    ids = []
    with ctx.db.write() as s:
        for hours, name in enumerate(("Newest", "Middle", "Oldest")):
            contact = make_contact(s, profile_name=name)
            make_message(
                s, contact, f"hello from {name}", sent_at=BASE_TIME - timedelta(hours=hours), unread=False
            )
            ids.append(contact.id)
    return ids


def framed_row(window: Any) -> int | None:
    """The chat whose row the list outlines: its current row, while the list has the keyboard."""
    view = window.chat_list.view
    return window.chat_list.current_contact() if view.hasFocus() else None


def test_after_a_restart_no_row_is_framed_until_a_chat_is_opened(qtbot: Any, ctx: Any, db_path: Path) -> None:
    """A restart opens no chat, and the list taking the keyboard made its first row current on its
    own: its frame sat on a chat that was not open (and a row that moved kept it, further down)."""
    from app.first_page import read_first_page
    from ui.main_window import MainWindow
    from ui.ops import pending_ops

    ids = three_chats(ctx)
    first_page = read_first_page(db_path, 50)
    assert first_page is not None
    window = MainWindow(ctx, first_page=first_page)  # as a start paints it, before its database layer

    def finish(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()

    qtbot.addWidget(window, before_close_func=finish)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.chat_list.view.hasFocus())
    window.complete()
    settle(qtbot)

    assert window.chat.contact_id() is None
    assert framed_row(window) is None
    # A chat that writes moves to the top: still no row framed, none opened.
    with ctx.db.write() as s:
        make_message(s, s.get(Contact, ids[2]), "still there?", sent_at=BASE_TIME + timedelta(minutes=5))
    sync_batch(window, qtbot, [ids[2]])
    assert framed_row(window) is None and window.chat.contact_id() is None

    # Down opens the first chat, and the frame is on it.
    qtbot.keyClick(window.chat_list.view, Qt.Key.Key_Down)
    settle(qtbot)
    assert window.chat.contact_id() == ids[2]
    assert framed_row(window) == ids[2]


def test_tab_into_the_list_with_no_chat_open_frames_the_first_chat_and_opens_nothing(
    window: Any, qtbot: Any
) -> None:
    """Tab is the owner's own move into the list: the frame shows where the keys go, nothing opens."""
    from tests.support.window_waits import load_chats

    ids = three_chats(window.ctx)
    load_chats(window, qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.chat_list.search_field.setFocus()
    qtbot.waitUntil(window.chat_list.search_field.hasFocus)
    assert framed_row(window) is None
    # Tab from the filter chips above it (the focus event Tab sends).
    window.chat_list.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(window.chat_list.view.hasFocus)
    assert framed_row(window) == ids[0]
    assert window.chat.contact_id() is None
