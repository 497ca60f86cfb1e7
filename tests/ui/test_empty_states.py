"""Empty states lead somewhere: `/` with no quick replies and a picker on an empty catalogue offer the way."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import select_chat, sync_batch


def open_chat(window: Any, qtbot: Any, ctx: Any) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, contact, "린넨 셔츠 있나요?", sent_at=datetime.now(UTC))
        contact_id = contact.id
    sync_batch(window, qtbot, {contact_id})
    select_chat(window, qtbot, contact_id)
    qtbot.waitUntil(lambda: window.chat.composer.contact_id == contact_id)


def test_slash_with_no_quick_replies_says_how_to_add_one(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    open_chat(window, qtbot, ctx)
    edit = window.chat.composer.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "/")
    hint = window.chat.quick_replies.empty_hint
    qtbot.waitUntil(hint.isVisible)
    assert "No quick replies yet" in hint.findChild(QLabel).text()
    manager = dialogs.expect("modal", answer=lambda dialog: dialog.reject())
    qtbot.mouseClick(hint.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert [shown.widget for shown in manager.shown] == ["QuickReplyManager"]
    assert not hint.isVisible()


def test_the_quick_reply_added_from_the_slash_hint_is_offered_on_return_to_the_slash(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any, korean: None
) -> None:
    """A new owner typed /, pressed 빠른 답장 추가, saved /감사 and closed the window: back in the chat
    the / stood alone, the list gone, and she had to delete it and type / again to see her reply."""
    open_chat(window, qtbot, ctx)
    edit = window.chat.composer.edit
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    edit.setFocus()
    qtbot.keyClicks(edit, "/")
    hint = window.chat.quick_replies.empty_hint
    qtbot.waitUntil(hint.isVisible)

    def add_one(manager: Any) -> None:
        qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
        manager.shortcut.setText("/감사")
        manager.text.setPlainText("주문 감사합니다! 오늘 바로 배송해 드릴게요.")
        with qtbot.waitSignal(ctx.hub.changed, timeout=5000):
            qtbot.mouseClick(manager.save_button, Qt.MouseButton.LeftButton)
        manager.reject()  # 닫기

    dialogs.expect("modal", answer=add_one)
    qtbot.mouseClick(hint.findChild(QPushButton), Qt.MouseButton.LeftButton)
    # The manager closed, the window is active again (offscreen, nothing activates it by itself)
    # and the keyboard is back in the message field.
    with qtbot.waitActive(window):
        window.activateWindow()
    assert edit.hasFocus()
    popup = window.chat.quick_replies.popup
    qtbot.waitUntil(popup.isVisible, timeout=5000)
    assert edit.toPlainText() == "/"
    assert not hint.isVisible()
    assert popup.model().rowCount() == 1
    assert str(popup.currentIndex().data()).startswith("/감사")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.toPlainText() == "주문 감사합니다! 오늘 바로 배송해 드릴게요."


def test_an_empty_catalogue_says_so_and_opens_the_catalogue(
    window: Any, qtbot: Any, ctx: Any, dialogs: Any
) -> None:
    from ui.catalog_window import CatalogWindow

    open_chat(window, qtbot, ctx)
    seen: list[str] = []

    def open_catalogue(picker: Any) -> None:
        qtbot.waitUntil(lambda: picker.open_catalogue_button.isVisible(), timeout=5000)  # items read in an op
        seen.append(picker.hint.text())
        picker.open_catalogue_button.click()

    dialogs.expect("modal", answer=open_catalogue)
    window.chat.catalog_action.pick("")
    assert seen and "catalogue is empty" in seen[0]
    qtbot.waitUntil(
        lambda: any(isinstance(w, CatalogWindow) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    for w in QApplication.topLevelWidgets():
        if isinstance(w, CatalogWindow):
            w.close()
            w.deleteLater()  # here, on the GUI thread, not whenever the collector finds it
    QThreadPool.globalInstance().waitForDone(5000)  # the catalogue prunes pictures as it closes
    qtbot.wait(50)
