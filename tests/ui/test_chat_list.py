"""The chat list: rows, order, unread counts, filters and in-place updates after a sync batch."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex

from app.changes import Changes
from app.models import Contact
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.line_breaks import line_starts
from ui.chat_list_model import ChatListModel, ChatRole


def names(model: ChatListModel) -> list[str]:
    return [model.index(i).data() for i in range(model.rowCount())]


def loaded(ctx: Any, qtbot: Any, kind: str = "all") -> ChatListModel:
    """A chat list whose first page was read off the GUI thread and is now shown."""
    model = ChatListModel(ctx)
    with qtbot.waitSignal(model.page_loaded, timeout=5000):
        model.set_filter(kind)  # type: ignore[arg-type]
    return model


def test_pinned_chat_first_then_newest_with_unread_counts(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        old = make_contact(s, profile_name="Old pinned", pinned=True)
        make_message(s, old, "ancient", sent_at=BASE_TIME)
        new = make_contact(s, profile_name="Newest")
        make_message(s, new, "one", sent_at=BASE_TIME + timedelta(days=2))
        make_message(s, new, "two", sent_at=BASE_TIME + timedelta(days=2, minutes=1))
        mid = make_contact(s, profile_name="김민지")
        make_message(s, mid, "주문했어요", sent_at=BASE_TIME + timedelta(days=1), unread=False)
        make_contact(s, profile_name="Never wrote")
    model = loaded(ctx, qtbot)
    assert names(model) == ["Old pinned", "Newest", "김민지"]
    assert [model.index(i).data(ChatRole.UNREAD) for i in range(3)] == [1, 2, 0]


def test_unread_filter_shows_only_chats_with_unread_messages(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        a = make_contact(s, profile_name="Unread one")
        make_message(s, a, "hi")
        b = make_contact(s, profile_name="All read")
        make_message(s, b, "hi", unread=False)
    model = loaded(ctx, qtbot, "unread")
    assert names(model) == ["Unread one"]


def test_new_message_moves_its_chat_to_the_top_and_repaints_only_that_row(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        contacts = [make_contact(s, profile_name=f"C{i}") for i in range(3)]
        for i, c in enumerate(contacts):
            make_message(s, c, f"m{i}", sent_at=BASE_TIME + timedelta(hours=i))
    model = loaded(ctx, qtbot)
    assert names(model) == ["C2", "C1", "C0"]
    with ctx.db.write() as s:
        c0 = s.get(Contact, contacts[0].id)
        assert c0 is not None
        make_message(s, c0, "new!", sent_at=BASE_TIME + timedelta(days=1))
    changed: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: changed.extend(range(a.row(), b.row() + 1)))
    with qtbot.waitSignal(model.rowsMoved, timeout=5000):
        ctx.publish(Changes.for_contacts({contacts[0].id}, from_sync=True))  # a synced batch
    assert names(model) == ["C0", "C2", "C1"]
    assert changed == [0]
    row = model.index(0).data(ChatRole.ROW)
    assert row.unread_count == 2 and row.last_body == "new!"


def test_archiving_from_the_list_removes_the_row_without_a_reset(ctx: Any, qtbot: Any) -> None:
    from app.queries import set_flags

    with ctx.db.write() as s:
        c = make_contact(s, profile_name="To archive")
        make_message(s, c, "x")
        d = make_contact(s, profile_name="Stays")
        make_message(s, d, "y")
    model = loaded(ctx, qtbot)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with ctx.db.write() as s:
        set_flags(s, c.id, archived=True)
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):
        ctx.publish(Changes.for_contacts({c.id}, messages=False))
    assert names(model) == ["Stays"]
    assert not resets
    assert model.canFetchMore(QModelIndex()) is False


def test_a_batch_that_left_a_chat_as_it_was_repaints_nothing(ctx: Any, qtbot: Any) -> None:
    with ctx.db.write() as s:
        c = make_contact(s, profile_name="Quiet")
        make_message(s, c, "hello", sent_at=BASE_TIME)
    model = loaded(ctx, qtbot)
    repainted: list[int] = []
    model.dataChanged.connect(lambda a, b, *_: repainted.extend(range(a.row(), b.row() + 1)))
    with qtbot.waitSignal(model.rows_refreshed, timeout=5000):
        ctx.publish(Changes.for_contacts({c.id}, from_sync=True))  # nothing new in this row
    assert repainted == []
    assert names(model) == ["Quiet"]


def test_the_empty_note_of_a_start_from_the_first_page_spans_the_list(ctx: Any, qtbot: Any) -> None:
    """An owner who set up later starts on the first page with no chats: the note was once laid out
    for the list's size before its window was shown, one word a line."""
    from ui.chat_list import ChatList

    chat_list = ChatList(ctx)
    qtbot.addWidget(chat_list)
    chat_list.show_first_page([])  # before the window is shown, as at start
    chat_list.resize(380, 600)
    chat_list.show()
    qtbot.waitExposed(chat_list)
    viewport = chat_list.view.viewport()
    assert chat_list.empty_note.isVisible()
    assert chat_list.empty_note.width() == viewport.width() - 48
    assert chat_list.empty_note.height() < viewport.height() / 3  # a few lines, not a column

    chat_list.resize(300, 600)
    qtbot.waitUntil(lambda: chat_list.empty_note.width() == viewport.width() - 48)


@pytest.mark.parametrize("width", [300, 340, 380, 460])
def test_the_korean_empty_note_keeps_its_menu_path_on_one_line(
    ctx: Any, qtbot: Any, korean: None, width: int
) -> None:
    """ "파일 ▸" at a line's end and "휴대폰에서 채팅 가져오기로" on the next read as two things to find."""
    from ui.chat_list import ChatList

    chat_list = ChatList(ctx)
    qtbot.addWidget(chat_list)
    chat_list.resize(width, 600)
    chat_list.show()
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")
    note = chat_list.empty_note
    assert note.isVisible() and note.text().startswith("아직 채팅이 없어요.")
    text = note.text()
    starts = line_starts(note, text, note.contentsRect().width())
    assert starts  # a wrapping sentence, not one long line
    path = text.index("파일")
    assert not [start for start in starts if path < start <= path + len("파일 ▸ 휴대폰에서 채팅 가져오기")]


def test_an_empty_list_says_why_and_what_comes_next(ctx: Any, qtbot: Any) -> None:
    """A first start without chats, or a filter that leaves none: a sentence, not a blank column."""
    from ui.chat_list import ChatList

    chat_list = ChatList(ctx)
    qtbot.addWidget(chat_list)
    chat_list.resize(380, 600)
    chat_list.show()
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")
    assert chat_list.empty_note.isVisible()
    assert chat_list.empty_note.text().startswith("No chats yet.")
    assert "Import chat from phone" in chat_list.empty_note.text()

    with ctx.db.write() as s:
        make_message(s, make_contact(s, profile_name="첫 손님"), "안녕하세요")
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")
    assert not chat_list.empty_note.isVisible()

    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("archived")
    assert chat_list.empty_note.isVisible() and chat_list.empty_note.text().startswith("No archived chats.")


def test_with_every_chat_archived_the_list_says_where_they_are_not_no_chats_yet(ctx: Any, qtbot: Any) -> None:
    """The owner archived her last chat: the inbox is empty, but she has chats, and the note says
    where to find them."""
    from ui.chat_list import ChatList

    with ctx.db.write() as s:
        customer = make_contact(s, profile_name="최유진")
        make_message(s, customer, "감사합니다", unread=False)
    chat_list = ChatList(ctx)
    qtbot.addWidget(chat_list)
    chat_list.resize(380, 600)
    chat_list.show()
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")
    assert not chat_list.empty_note.isVisible()

    with ctx.db.write() as s:
        s.get(Contact, customer.id).archived = True  # type: ignore[union-attr]
    with qtbot.waitSignal(chat_list.model.rowsRemoved, timeout=5000):
        ctx.publish(Changes.for_contacts({customer.id}))
    qtbot.waitUntil(chat_list.empty_note.isVisible, timeout=5000)
    assert chat_list.empty_note.text() == ("All your chats are archived. Click Archived above to see them.")

    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("archived")
    assert not chat_list.empty_note.isVisible()
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")  # read afresh, as at the next start
    assert chat_list.empty_note.text().startswith("All your chats are archived.")


@pytest.mark.usefixtures("korean")
def test_in_korean_every_chat_archived_says_to_look_under_archived(ctx: Any, qtbot: Any) -> None:
    from ui.chat_list import ChatList

    with ctx.db.write() as s:
        make_message(s, make_contact(s, profile_name="최유진", archived=True), "감사합니다", unread=False)
    chat_list = ChatList(ctx)
    qtbot.addWidget(chat_list)
    chat_list.show()
    with qtbot.waitSignal(chat_list.model.page_loaded, timeout=5000):
        chat_list.model.set_filter("all")
    assert chat_list.empty_note.isVisible()
    assert chat_list.empty_note.text().startswith("모든 채팅이 보관돼 있어요.")
    assert "아직 채팅이 없어요" not in chat_list.empty_note.text()
