"""A chat far down the list opens from a search hit even while synced messages are being read in."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats
from ui.chat_list_model import PAGE


def _many_chats(ctx: Any, count: int) -> list[int]:
    ids = []
    with ctx.db.write() as s:
        for i in range(count):
            c = make_contact(s, wa_id=f"8210700{i:05d}", profile_name=f"Customer {i}")
            make_message(s, c, f"hello {i}", direction="in", sent_at=BASE_TIME + timedelta(minutes=i))
            ids.append(c.id)
    return ids


def test_a_chat_beyond_the_loaded_list_opens_while_a_synced_batch_is_being_read(
    window: Any, qtbot: Any
) -> None:
    """The morning's catch-up keeps the chat list re-reading; the owner searches an old customer
    by number and picks her: her chat opens, ready to type in (it used to wait for a whole
    reload of the list that never came, so nothing happened)."""
    ids = _many_chats(window.ctx, PAGE + 30)
    load_chats(window, qtbot)
    oldest = ids[0]  # the least recent chat: not among the rows the list loaded
    assert window.chat_list.model.position_of(oldest) is None
    # Customers keep writing: a synced batch waits to be read into the list.
    window.chat_list.model.refresh_contacts({ids[-1]}, from_sync=True)
    assert window.chat_list.model.busy()
    window.show_chat(oldest, type_in=True)
    qtbot.waitUntil(lambda: window.chat.contact_id() == oldest, timeout=5000)
    assert window.chat_list.current_contact() == oldest


def test_a_chat_many_pages_down_opens_and_the_list_above_it_has_no_gap(window: Any, qtbot: Any) -> None:
    """A notification or a search hit of a customer who last wrote weeks ago, 3 pages down: her
    chat opens, and the chats above it are all there, in order, as scrolling down would show them."""
    ids = _many_chats(window.ctx, 3 * PAGE + 20)
    load_chats(window, qtbot)
    oldest = ids[0]
    window.show_chat(oldest, type_in=True)
    qtbot.waitUntil(lambda: window.chat.contact_id() == oldest, timeout=5000)
    model = window.chat_list.model
    assert [model.row_at(i).contact_id for i in range(model.rowCount())] == ids[::-1]
