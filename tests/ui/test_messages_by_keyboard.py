"""Tabbing into a long chat's messages lands on the newest one on screen, ringed so the owner sees
which message the arrow keys, Reply and the menu key act on; a screen reader reads that one."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QPalette
from PySide6.QtWidgets import QApplication

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
