"""Confirmation questions say their verb on their buttons ("삭제" / "취소"), never Yes / No."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from app.paths import paths_for
from app.quick_replies import QuickReplyLibrary
from tests.support.dialogs import DialogGuard, Shown
from ui.confirm import confirm
from ui.context import AppContext
from ui.order_moves import confirm_cancel
from ui.quick_reply_manager import QuickReplyManager

ROOT = Path(__file__).resolve().parents[2]
Button = QMessageBox.StandardButton


@pytest.fixture
def ctx(db, tmp_path: Path) -> AppContext:
    return AppContext(db=db, paths=paths_for(tmp_path / "data"))


def buttons(shown: Shown) -> set[str]:
    """The buttons' words of a question as the guard saw it ("QMessageBox [삭제 | 취소]")."""
    found = re.search(r"\[(.*)\]", shown.widget)
    assert found, shown.widget
    return set(found.group(1).split(" | "))


def test_deleting_a_quick_reply_asks_with_delete_and_cancel_and_cancel_keeps_it(
    qtbot, ctx: AppContext, dialogs: DialogGuard, korean
) -> None:
    row, _changes = QuickReplyLibrary(ctx.db).add("/감사", "감사합니다")
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    manager.select(row.id)
    kept = dialogs.expect("question", answer=Button.No)
    manager.delete_current()
    assert buttons(kept.shown[0]) == {"삭제(&D)", "취소(&C)"}
    assert "/감사" in kept.texts[0].replace("\u2060", "")  # the shortcut is kept whole by word joiners
    assert [r.shortcut for r in QuickReplyLibrary(ctx.db).all()] == ["/감사"]

    dialogs.expect("question", answer=Button.Yes)  # the owner clicks 삭제
    with qtbot.waitSignal(ctx.hub.changed):
        manager.delete_current()
    qtbot.waitUntil(lambda: QuickReplyLibrary(ctx.db).all() == [], timeout=5000)


def test_cancelling_an_order_asks_with_cancel_order_and_keep_order(
    qtbot, dialogs: DialogGuard, korean
) -> None:
    """ "취소" beside "주문 취소" would read as the same thing: the way back says "주문 유지"."""
    asked = dialogs.expect("question", answer=Button.No)
    parent = QWidget()
    assert not confirm_cancel(parent, "2026-0007")
    assert buttons(asked.shown[0]) == {"주문 취소(&N)", "주문 유지(&K)"}
    assert asked.shown[0].widget.endswith("default 주문 유지(&K)")  # Enter keeps the order
    dialogs.expect("question", answer=Button.Yes)
    assert confirm_cancel(parent, "2026-0007")


def test_no_confirmation_in_ui_asks_yes_or_no() -> None:
    """The sweep holds: every confirmation goes through ui/confirm.py (the unsaved-edits question
    offers Save / Discard / Cancel, verbs already)."""
    offenders = []
    for path in sorted((ROOT / "ui").glob("*.py")):
        if path.name in ("confirm.py", "unsaved_edits.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if "QMessageBox.question(" in text or "StandardButton.Yes" in text:
            offenders.append(path.name)
    assert offenders == []


def test_a_customer_name_in_a_question_is_shown_as_typed_never_as_markup(qtbot, dialogs: DialogGuard) -> None:
    """A WhatsApp profile name is the customer's own text: "<b>Kim</b>" reads as typed, not bold."""
    formats: list[Qt.TextFormat] = []

    def look(_shown: Shown) -> QMessageBox.StandardButton:
        box = QApplication.activeModalWidget()
        label = box.findChild(QLabel, "qt_msgbox_label") if box is not None else None
        assert label is not None
        formats.append(label.textFormat())
        assert label.text() == "Delete the chat with <b>Kim</b><img src='x'>?"
        return Button.No

    dialogs.expect("question", answer=look)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not confirm(parent, "Delete chat", "Delete the chat with <b>Kim</b><img src='x'>?", "&Delete")
    assert formats == [Qt.TextFormat.PlainText]


def test_a_question_copied_with_ctrl_c_reaches_the_clipboard_without_word_joiners(
    qtbot, ctx: AppContext, dialogs: DialogGuard, korean
) -> None:
    """The question "/감사을(를) 삭제할까요?" selected and copied (or the whole box, Ctrl+C on Windows):
    the word joiners that keep /감사 on one line were invisible characters in what the owner pasted
    into WhatsApp Web."""
    from PySide6.QtGui import QGuiApplication

    row, _changes = QuickReplyLibrary(ctx.db).add("/감사", "감사합니다")
    manager = QuickReplyManager(ctx)
    qtbot.addWidget(manager)
    qtbot.waitUntil(lambda: not manager.is_loading(), timeout=5000)
    manager.select(row.id)
    QGuiApplication.clipboard().clear()
    copied: list[str] = []

    def copy(_shown: Shown) -> QMessageBox.StandardButton:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        label.setSelection(0, len(label.text()))  # as her mouse selects the question
        label.setFocus()
        qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
        copied.append(QGuiApplication.clipboard().text())
        # On Windows, Ctrl+C on the box copies its title, text and buttons: the same clipboard.
        QGuiApplication.clipboard().setText(f"{box.windowTitle()}\n{box.text()}")
        copied.append(QGuiApplication.clipboard().text())
        return Button.No

    asked = dialogs.expect("question", answer=copy)
    manager.delete_current()
    assert "\u2060" in asked.texts[0]  # on screen, the shortcut is still kept whole
    assert len(copied) == 2 and all("/감사" in text and "\u2060" not in text for text in copied), copied
