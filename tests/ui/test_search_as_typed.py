"""Ctrl+F with a word typed as a Korean owner types it: with its particle ('배송이'), or in full-width mode."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.text import marks_pattern
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.window_waits import load_chats
from ui.chat_view_model import MessageRole


def test_a_word_typed_with_its_particle_finds_the_word_and_says_what_it_looked_for(
    window: Any, qtbot: Any
) -> None:
    """No message says 배송이: rather than "No results", the two that say 배송 (배송은, 배송비는)
    come up under "For “배송”: 2 results", and Enter opens the newest with 배송 marked."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        for i, body in enumerate(["배송은 언제 되나요?", "입금했어요", "배송비는 얼마예요?"]):
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
        contact_id = c.id
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.field.setText("배송이")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.status.text() == "For “배송”: 2 results", timeout=5000)
    assert [hit.snippet for hit in search.model.message_hits()] == [
        "배송비는 얼마예요?",
        "배송은 언제 되나요?",
    ]
    assert "Nothing was found for “배송이”: searched without its particle." in search.status.tip()

    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.highlight_id is not None, timeout=5000)
    assert window.chat.contact_id() == contact_id
    idx = view.chat_model.index(view.chat_model.row_of(view.chat_model.highlight_id))
    assert idx.data(MessageRole.MESSAGE).body == "배송비는 얼마예요?"
    assert idx.data(MessageRole.HIGHLIGHT) == "배송"

    # Typed whole, the word needs nothing left off, and the count is the plain one again.
    search.search_now("배송")
    qtbot.waitUntil(lambda: search.status.text() == "2 results", timeout=5000)
    assert "Nothing was found" not in search.status.tip()
    # A word that is nowhere, with or without its particle, finds nothing and says so plainly.
    search.search_now("환불을")
    qtbot.waitUntil(lambda: search.status.text() == "No results", timeout=5000)


def test_a_word_typed_in_full_width_mode_opens_with_the_customers_word_marked(
    window: Any, qtbot: Any
) -> None:
    """The IME left in full-width mode types 'ｍ사이즈': the customer's 'M사이즈' is found, and marked in
    her chat when Enter opens it."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        make_message(s, c, "M사이즈 교환돼요?", sent_at=BASE_TIME, unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.field.setText("ｍ사이즈")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.status.text() == "1 result", timeout=5000)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.highlight_id is not None, timeout=5000)
    idx = view.chat_model.index(view.chat_model.row_of(view.chat_model.highlight_id))
    body = idx.data(MessageRole.MESSAGE).body
    marks = [body[m.start() : m.end()] for m in marks_pattern(idx.data(MessageRole.HIGHLIGHT)).finditer(body)]
    assert marks == ["M사이즈"]


def test_a_word_misspelt_by_ear_finds_the_customers_spelling_and_says_so(window: Any, qtbot: Any) -> None:
    """No message says 에코빽: the messages that say 에코백 come up under "For “에코백”", the note saying
    it looked for a word that sounds the same; Enter opens the newest with 에코백 marked."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지")
        for i, body in enumerate(["에코백 있나요?", "입금했어요", "에코백 두 개요"]):
            make_message(s, c, body, sent_at=BASE_TIME + timedelta(minutes=i), unread=False)
    load_chats(window, qtbot)
    window.open_search()
    search = window.search
    search.field.setText("에코빽")
    qtbot.keyClick(search.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: search.status.text() == "For “에코백”: 2 results", timeout=5000)
    assert "Nothing was found for “에코빽”: searched for a word that sounds the same." in search.status.tip()
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.highlight_id is not None, timeout=5000)
    idx = view.chat_model.index(view.chat_model.row_of(view.chat_model.highlight_id))
    assert idx.data(MessageRole.MESSAGE).body == "에코백 두 개요"
    assert idx.data(MessageRole.HIGHLIGHT) == "에코백"
    # A word no spelling finds says so plainly.
    search.search_now("뽁뽁이")
    qtbot.waitUntil(lambda: search.status.text() == "No results", timeout=5000)
