"""After a synced batch the window repaints from rows read off the GUI thread: no SQL runs on it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event

from app.changes import Changes
from app.models import Contact
from app.queries import unread_counts
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, select_chat, settle


@pytest.fixture
def gui_thread_sql(window: Any) -> Iterator[list[str]]:
    """Every SQL statement the GUI thread runs from now on (SQLAlchemy's own cursor hook)."""
    gui = threading.get_ident()
    seen: list[str] = []

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.get_ident() == gui:
            seen.append(statement.split()[0] + " " + statement[:80])

    engines = (window.ctx.db.reader, window.ctx.db.writer)
    for engine in engines:
        event.listen(engine, "before_cursor_execute", before)
    yield seen
    for engine in engines:
        event.remove(engine, "before_cursor_execute", before)


def test_a_synced_batch_repaints_the_list_title_chat_and_panel_without_sql_on_the_gui_thread(
    window: Any, qtbot: Any, gui_thread_sql: list[str]
) -> None:
    ctx = window.ctx
    gui_thread_sql.clear()
    with ctx.db.write() as s:  # the test's own setup, before the window looks
        chats = [make_contact(s, profile_name=f"손님 {n}") for n in range(3)]
        for n, c in enumerate(chats):
            make_message(s, c, f"안녕하세요 {n}", sent_at=BASE_TIME + timedelta(minutes=n))
        ids = [c.id for c in chats]
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids[0])
    window.toggle_contact_panel()
    settle(qtbot)
    gui_thread_sql.clear()

    # The sync engine's thread applies a batch: a new message in the open chat and in another one.
    def sync_thread() -> None:
        with ctx.db.write() as s:
            for cid in (ids[0], ids[2]):
                contact = s.get(Contact, cid)
                make_message(s, contact, "배송 언제 와요?", sent_at=BASE_TIME + timedelta(hours=1))

    worker = threading.Thread(target=sync_thread)
    worker.start()
    worker.join()
    with qtbot.waitSignal(ctx.hub.changed):
        ctx.publish(Changes.for_contacts({ids[0], ids[2]}, from_sync=True) | Changes(automations=True))
    # The chat list re-reads synced rows at most every SYNC_REFRESH_MS: no op runs meanwhile, so
    # "no op pending" alone could be over before its read began (a refresh just before, as the
    # chat opened, held this one back).
    qtbot.waitUntil(lambda: not window.chat_list.model.busy(), timeout=5000)
    settle(qtbot)

    chat = window.chat.view.chat_model
    assert chat.message_at(chat.rowCount() - 1).body == "배송 언제 와요?"
    assert window.chat_list.model.row_at(0).contact_id in (ids[0], ids[2])
    assert gui_thread_sql == [], "the GUI thread ran SQL after a synced batch"
    with ctx.db.read() as s:  # the test's own check, after the window was watched
        unread = unread_counts(s).messages
    assert window.unread_total == unread and window.windowTitle().startswith(f"({unread})")
