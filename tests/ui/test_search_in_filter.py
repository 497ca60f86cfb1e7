"""A search started from a filtered chat list (Unread, a label) keeps to its chats until the box is unticked."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtWidgets import QAbstractButton

from app.labels import label_chat_named
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats, settle


def unread_and_read(ctx: Any) -> dict[str, int]:
    """김민지 waits unread with the label 단골; 이하은's chat was read. Both asked about 배송."""
    with ctx.db.write() as s:
        minji = make_contact(s, wa_id="821011110001", profile_name="김민지")
        haeun = make_contact(s, wa_id="821011110002", profile_name="이하은")
        make_message(s, haeun, "배송 언제 되나요", unread=False, sent_at=BASE_TIME)
        make_message(s, minji, "배송 언제 되나요", sent_at=BASE_TIME + timedelta(hours=1))
        label = label_chat_named(s, minji.id, "단골", "#2e7d32").label_id
        return {"김민지": minji.id, "이하은": haeun.id, "단골": label}


def found(search: Any) -> set[int]:
    return {h.contact_id for h in search.model.message_hits()}


def test_a_search_from_unread_finds_in_the_unread_chats_until_the_box_is_unticked(
    window: Any, qtbot: Any
) -> None:
    ids = unread_and_read(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    unread = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "Unread")
    with qtbot.waitSignal(chats.model.page_loaded):
        unread.click()
    chats.search_typed.emit("배송")  # typed in the list's search field
    search = window.search
    qtbot.waitUntil(lambda: not search.searching and bool(search.model.message_hits()), timeout=5000)
    assert found(search) == {ids["김민지"]}
    box = search.this_filter
    assert box.isVisible() and box.isChecked() and box.text() == "Only un&read chats"
    box.setChecked(False)  # every chat's
    qtbot.waitUntil(lambda: found(search) == {ids["김민지"], ids["이하은"]}, timeout=5000)
    window.close_search()
    all_chats = next(b for b in chats.findChildren(QAbstractButton, "filterChip") if b.text() == "All")
    with qtbot.waitSignal(chats.model.page_loaded):
        all_chats.click()
    window.open_search()
    assert not search.this_filter.isVisible()
    settle(qtbot)


def test_a_search_from_a_label_names_it_and_says_where_else_to_look(window: Any, qtbot: Any) -> None:
    ids = unread_and_read(window.ctx)
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(lambda: bool(chats.labels))
    label = next(a for a in chats.label_chip.menu().actions() if a.data() == ids["단골"])
    with qtbot.waitSignal(chats.model.page_loaded):
        label.trigger()
    window.open_search()
    search = window.search
    assert search.this_filter.text() == "Only chats that ca&rry the label 단골"
    assert search.this_filter.toolTip() == "단골"
    search.search_now("배송")
    qtbot.waitUntil(lambda: not search.searching and found(search) == {ids["김민지"]}, timeout=5000)
    # Nothing in the labelled chats: the note in the list says where else to look.
    search.search_now("없는 말")
    qtbot.waitUntil(lambda: not search.searching and search.empty_note.isVisible(), timeout=5000)
    assert "Untick the box above" in search.empty_note.text()
    settle(qtbot)


def test_a_long_label_name_is_cut_in_the_box_and_never_widens_the_pane(window: Any, qtbot: Any) -> None:
    long_name = "봄 신상 원피스 사전 예약 고객님들 모음"
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, "배송 언제 되나요", sent_at=BASE_TIME)
        label = label_chat_named(s, c.id, long_name, "#2e7d32").label_id
    load_chats(window, qtbot)
    chats = window.chat_list
    qtbot.waitUntil(lambda: bool(chats.labels))
    width = window.left.width()
    action = next(a for a in chats.label_chip.menu().actions() if a.data() == label)
    with qtbot.waitSignal(chats.model.page_loaded):
        action.trigger()
    window.open_search()
    box = window.search.this_filter
    qtbot.waitUntil(box.isVisible)
    assert box.text().endswith("…") and box.toolTip() == long_name
    settle(qtbot)
    assert window.left.width() == width
