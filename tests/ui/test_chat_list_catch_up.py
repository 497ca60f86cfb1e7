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


def listed_chats(ctx: Any, qtbot: Any, count: int) -> tuple[list[Contact], ChatListModel, Any]:
    """`count` chats with a message each, a minute apart, and the chat list's first page shown."""
    from PySide6.QtWidgets import QListView

    with ctx.db.write() as s:
        chats = [make_contact(s, profile_name=f"Chat {i:03d}") for i in range(count)]
        for i, c in enumerate(chats):
            make_message(s, c, f"first {i}", sent_at=BASE_TIME + timedelta(minutes=i))
    model = ChatListModel(ctx)
    view = QListView()
    view.setModel(model)
    qtbot.addWidget(view)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.set_filter("all")
    return chats, model, view


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
    with qtbot.waitSignal(model.rows_refreshed, timeout=10000):
        ctx.publish(Changes.for_contacts(changed, from_sync=True))

    fresh = ChatListModel(ctx)
    with qtbot.waitSignal(fresh.page_loaded, timeout=5000):
        fresh.set_filter("all")
    for pages in (2, 3, 4):
        fresh.fetchMore(QModelIndex())
        qtbot.waitUntil(lambda pages=pages: fresh.rowCount() == pages * 100, timeout=5000)
    # The newest 300 chats, in the order a fresh read gives: the chats that wrote (some from beyond
    # the loaded rows) and the 60 new customers near the top, unpinned chats gone down. The list
    # stays as long as the pages the owner scrolled through; the chats pushed below come back with
    # the next page.
    assert model.rowCount() == 300
    assert {f"New {n:02d}" for n in range(60)} <= set(names(model))
    assert "Chat 041" not in names(model)[:10]
    assert names(model) == names(fresh)[:300]
    model.fetchMore(QModelIndex())
    qtbot.waitUntil(lambda: model.rowCount() == 400, timeout=5000)
    assert names(model) == names(fresh)


def test_the_selected_chat_stays_selected_when_a_batch_reorders_the_list(ctx: Any, qtbot: Any) -> None:
    chats, model, view = listed_chats(ctx, qtbot, 60)
    picked = names(model).index("Chat 030")
    view.setCurrentIndex(model.index(picked))

    # A catch-up batch: forty other chats write and move above it, five customers are new.
    changed: list[int] = []
    with ctx.db.write() as s:
        for i in range(0, 40):
            chat = s.get(Contact, chats[i].id)
            assert chat is not None
            make_message(s, chat, "again", sent_at=BASE_TIME + timedelta(days=1, minutes=i))
            changed.append(chats[i].id)
        for n in range(5):
            newcomer = make_contact(s, profile_name=f"New {n}")
            make_message(s, newcomer, "hello", sent_at=BASE_TIME + timedelta(days=2, minutes=n))
            changed.append(newcomer.id)
    layouts: list[bool] = []
    model.layoutChanged.connect(lambda *_: layouts.append(True))
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):
        ctx.publish(Changes.for_contacts(changed, from_sync=True))

    assert names(model)[:6] == ["New 4", "New 3", "New 2", "New 1", "New 0", "Chat 039"]
    assert model.rowCount() == 65
    assert view.currentIndex().data() == "Chat 030"  # the owner's place in the list is kept
    assert layouts == [True]  # one layout change for the batch, not a move per chat


def test_the_selected_chat_stays_listed_when_a_batch_pushes_it_below_the_pages_read(
    ctx: Any, qtbot: Any
) -> None:
    _chats, model, view = listed_chats(ctx, qtbot, 150)
    assert model.rowCount() == 100 and names(model)[-1] == "Chat 050"
    view.setCurrentIndex(model.index(names(model).index("Chat 052")))

    changed: list[int] = []
    with ctx.db.write() as s:
        for n in range(20):
            newcomer = make_contact(s, profile_name=f"New {n:02d}")
            make_message(s, newcomer, "hello", sent_at=BASE_TIME + timedelta(days=1, minutes=n))
            changed.append(newcomer.id)
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):
        ctx.publish(Changes.for_contacts(changed, from_sync=True))

    # A page's worth of rows, and down to the open chat: it stays where the owner left it.
    assert names(model)[:2] == ["New 19", "New 18"]
    assert names(model)[-1] == "Chat 052"
    assert view.currentIndex().data() == "Chat 052"


def test_a_batch_of_more_chats_than_the_list_keeps_still_refreshes_the_open_chat(
    ctx: Any, qtbot: Any
) -> None:
    """A catch-up's re-read fetches whole only the chats the list will show, and the open chat."""
    chats, model, _view = listed_chats(ctx, qtbot, 300)
    opened = chats[5]  # far below the first page, open beside the list (from a search, say)
    model.open_chat = lambda: opened.id

    changed: list[int] = []
    with ctx.db.write() as s:
        for n in range(150):  # more customers than the list's hundred rows write at once
            newcomer = make_contact(s, profile_name=f"New {n:03d}")
            make_message(s, newcomer, "hello", sent_at=BASE_TIME + timedelta(days=1, minutes=n))
            changed.append(newcomer.id)
        chat = s.get(Contact, opened.id)
        assert chat is not None
        make_message(s, chat, "where is my order?", sent_at=BASE_TIME + timedelta(minutes=6))
        changed.append(chat.id)
    refreshed: list[Any] = []
    model.rows_refreshed.connect(lambda changes, elsewhere, _sync: refreshed.append((changes, elsewhere)))
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):
        ctx.publish(Changes.for_contacts(changed, from_sync=True))

    [(changes, elsewhere)] = refreshed
    fresh = {new.contact_id: new for _old, new in changes}
    assert fresh[opened.id].last_body == "where is my order?" and fresh[opened.id].unread_count == 2
    assert names(model) == [f"New {n:03d}" for n in range(149, 49, -1)]  # the newest hundred
    # The fifty customers the list has no room for are told in the notification summary.
    assert len(elsewhere) == 50 and all(a.unread_count == 1 for a in elsewhere)
