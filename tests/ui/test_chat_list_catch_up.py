"""The chat list after a catch-up batch: hundreds of chats move up and new ones arrive, in order."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex

from app.changes import Changes
from app.models import Contact
from app.queries import set_flags
from tests.support.factories import BASE_TIME, make_contact, make_message
from ui.chat_list_model import ChatListModel

CHATS = 400


def names(model: ChatListModel) -> list[str]:
    return [model.index(i).data() for i in range(model.rowCount())]


def test_a_batch_moving_hundreds_of_chats_leaves_the_list_as_a_fresh_read_orders_it(
    ctx: Any, qtbot: Any
) -> None:
    with ctx.db.write() as s:
        # Ten pinned chats head the list until the batch unpins them (they move down).
        chats = [make_contact(s, profile_name=f"Chat {i:03d}", pinned=i % 40 == 1) for i in range(CHATS)]
        for i, c in enumerate(chats):
            make_message(s, c, f"first {i}", sent_at=BASE_TIME + timedelta(minutes=i))
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.set_filter("all")
    for pages in (2, 3):  # the owner has scrolled through 300 chats
        model.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda pages=pages: model.rowCount() == pages * 100, timeout=5000)

    # One synced batch: every third chat writes again, at times that shuffle them among
    # themselves (some of them beyond the loaded rows), 60 new customers write, pins come off.
    changed: list[int] = []
    with ctx.db.write() as s:
        for i in range(1, CHATS, 40):
            set_flags(s, chats[i].id, pinned=False)
            changed.append(chats[i].id)
        for i in range(0, CHATS, 3):
            chat = s.get(Contact, chats[i].id)
            assert chat is not None
            make_message(s, chat, "again", sent_at=BASE_TIME + timedelta(days=1, minutes=(i * 37) % CHATS))
            changed.append(chats[i].id)
        for n in range(60):
            newcomer = make_contact(s, profile_name=f"New {n:02d}")
            make_message(s, newcomer, "hello", sent_at=BASE_TIME + timedelta(days=1, seconds=n * 17))
            changed.append(newcomer.id)
    ctx.publish(Changes.for_contacts(changed, from_sync=True))
    qtbot.waitUntil(lambda: not model.busy() and model.rowCount() > 300, timeout=10000)

    fresh = ChatListModel(ctx)
    with qtbot.waitSignal(fresh.page_loaded, timeout=5000):
        fresh.set_filter("all")
    while fresh.rowCount() < model.rowCount():
        rows = fresh.rowCount()
        fresh.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda rows=rows: fresh.rowCount() > rows, timeout=5000)
    # Every chat that wrote is listed (the 34 from beyond the loaded rows and the 60 new ones
    # inserted), in the order a fresh read gives; unpinned chats older than every loaded row
    # (Chat 001 and 041) left, to come back with their page.
    assert model.rowCount() == 300 + 34 + 60 - 2
    assert "Chat 041" not in names(model)[:10]
    assert names(model) == names(fresh)[: model.rowCount()]
