"""Tabbing into a long chat's messages lands on the newest one on screen, ringed so the owner sees
which message the arrow keys, Reply and the menu key act on; a screen reader reads that one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.support.factories import make_contact, make_message


def test_tabbing_into_a_long_chat_lands_on_its_newest_message(qtbot: Any, window: Any, ctx: Any) -> None:
    now = datetime.now(UTC).replace(microsecond=0)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        for i in range(60):
            make_message(s, contact, f"메시지 {i}", sent_at=now - timedelta(minutes=60 - i), unread=False)
        contact_id = contact.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    view = window.chat.view
    model = view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() >= 50 and not model.busy() and view.at_bottom(), timeout=5000)
    newest = model.rowCount() - 1
    with qtbot.waitActive(window):
        window.activateWindow()

    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view, timeout=3000)
    # The newest message, where the owner is looking (not the oldest loaded, fifty rows up).
    assert view.currentIndex().row() == newest
    assert view.at_bottom()
    spoken = QAccessible.queryAccessibleInterface(view).focusChild()
    assert spoken is not None and "메시지 59" in spoken.text(QAccessible.Text.Name)

    # Ringed in the highlight colour, beside its bubble.
    index = view.currentIndex()
    geo = view.bubbles.geometry(index, float(view.viewport().width()))
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ring = QPoint(int(geo.bubble.left()) - 3, rect.top() + int(geo.bubble.center().y()))
    highlight = view.palette().color(QPalette.ColorRole.Highlight)
    assert image.pixelColor(ring * image.devicePixelRatio()).name() == highlight.name()

    # Up reads the message before it.
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.currentIndex().row() == newest - 1


def test_enter_on_a_message_opens_its_file_or_the_message_it_quotes(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    """A photo, a file, an order or a quoted message opened only with a click."""
    from app.models import Media

    now = datetime.now(UTC).replace(microsecond=0)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=now)
        asked = make_message(s, contact, "이 셔츠 있나요?", sent_at=now - timedelta(minutes=3), unread=False)
        document = make_message(
            s, contact, "", kind="document", sent_at=now - timedelta(minutes=2), unread=False
        )
        s.add(
            Media(message_id=document.id, mime="application/pdf", filename="주문서.pdf", relay_media_id="555")
        )
        make_message(s, contact, "사이즈는요?", sent_at=now, unread=False, reply_to_wamid=asked.wamid)
        contact_id, asked_wamid, document_id = contact.id, asked.wamid, document.id
    window.chat_list.load()
    qtbot.waitUntil(lambda: window.chat_list.select_contact(contact_id), timeout=5000)
    view = window.chat.view
    model = view.chat_model
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.busy(), timeout=5000)
    with qtbot.waitActive(window):
        window.activateWindow()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.currentIndex().row() == 2, timeout=3000)

    with qtbot.waitSignal(view.quote_clicked, timeout=3000) as quoted:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert quoted.args == [asked_wamid]

    view.setCurrentIndex(model.index(1))
    # Not downloaded yet: asked for, as a click does (offline here, so the chat says it will be).
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    with qtbot.waitSignal(view.media_open_requested, timeout=3000) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[1] == document_id
    assert told.shown
