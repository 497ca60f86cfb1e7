"""A customer's message too long for a bubble (a 3 MB paste) is cut there with "…" and read whole in
its own window, which opens at once and copies every character as received."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat
from ui.bubble_layout import MAX_LAYOUT_CHARS
from ui.whole_message_dialog import PIECE_CHARS, WholeMessageDialog


def _right_click(view: Any) -> None:
    rect = view.visualRect(view.chat_model.index(0))
    pos = QPoint(rect.left() + 60, rect.top() + 20)
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )


def test_a_message_cut_in_its_bubble_is_read_whole_in_its_own_window_and_copied_as_received(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    body = "가나다라 abc " * 300_000 + "<b>끝</b>"
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="큰 메시지")
        make_message(s, contact, body)
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)
    opened: list[WholeMessageDialog] = []
    dialogs.expect("menu", answer="Read the whole message")
    dialogs.expect("modal", answer=lambda dialog: opened.append(dialog))
    _right_click(view)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    whole = opened[0]
    shown = whole.view.toPlainText()
    assert shown.replace("\n", "") == body.replace("\n", "")  # every word, the last one included
    assert shown.endswith("abc <b>끝</b>")  # markup is text
    assert max(len(line) for line in shown.split("\n")) <= PIECE_CHARS
    whole.copy_all.click()
    assert QGuiApplication.clipboard().text() == body
    whole.reject()


def test_a_message_that_fits_its_bubble_has_no_whole_message_to_read(
    window: Any, ctx: Any, qtbot: Any, dialogs: Any
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="보통 메시지")
        make_message(s, contact, "가" * (MAX_LAYOUT_CHARS - 10))
        contact_id = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)
    view = window.chat.view
    qtbot.waitUntil(lambda: view.chat_model.rowCount() == 1, timeout=5000)
    offered: list[list[str]] = []

    def look(menu: Any) -> None:
        offered.append([a.text().replace("&", "") for a in menu.actions()])
        menu.close()

    dialogs.expect("menu", answer=look)
    _right_click(view)
    qtbot.waitUntil(lambda: bool(offered), timeout=5000)
    assert "Copy" in offered[0] and "Read the whole message" not in offered[0]
