"""Message boxes show their sentence as written: a file's or a customer's name holding "<b>" is not markup."""

from __future__ import annotations

import ast
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from tests.support.dialogs import DialogGuard, Shown
from tests.support.factories import make_contact, make_message
from ui.chat_export_action import export_chat_to_file
from ui.ops import pending_ops

UI = Path(__file__).resolve().parents[2] / "ui"
STATIC_HELPERS = {"information", "warning", "critical", "question"}


def test_a_saved_file_named_with_a_tag_is_told_by_its_name_not_in_bold(
    qtbot: Any, ctx: Any, tmp_path: Path, dialogs: DialogGuard
) -> None:
    with ctx.db.write() as s:
        contact = make_contact(s, profile_name="김민지")
        make_message(s, contact, "안녕하세요", sent_at=datetime(2024, 1, 13, 1, 0, tzinfo=UTC))
        contact_id = contact.id
    target = tmp_path / "<b>minji.zip"
    seen: list[tuple[Qt.TextFormat, str]] = []

    def look(shown: Shown) -> QMessageBox.StandardButton:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        seen.append((label.textFormat(), label.text()))
        return QMessageBox.StandardButton.Ok

    dialogs.expect("getSaveFileName", answer=target)
    told = dialogs.expect("information", answer=look)
    assert export_chat_to_file(None, ctx, contact_id) is not None
    qtbot.waitUntil(lambda: pending_ops() == 0 and bool(told.shown), timeout=5000)
    assert seen == [(Qt.TextFormat.PlainText, "1 message saved to <b>minji.zip.")]
    with zipfile.ZipFile(target) as zf:
        assert "안녕하세요" in zf.read("_chat.txt").decode()


def test_no_window_uses_qts_static_message_boxes() -> None:
    """QMessageBox.warning(…) and its siblings read a first line that looks like markup as HTML:
    every window goes through ui/message_box.py, which shows the text as written."""
    found = []
    for path in sorted(UI.glob("*.py")):
        if path.name == "message_box.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in STATIC_HELPERS
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "QMessageBox"
            ):
                found.append(f"{path.name}:{node.lineno}")
    assert found == []


def test_a_told_shortcut_copied_from_a_message_box_reaches_the_clipboard_without_word_joiners(
    qtbot: Any, dialogs: DialogGuard
) -> None:
    """Ctrl+C on a box of ui/message_box.py (on Windows: its title, text and buttons) while it is up
    gives the clipboard "/thanks" without the word joiners between its letters: no invisible
    characters pasted into WhatsApp Web. Once the box is gone, what another program copies is left as it is."""
    from PySide6.QtGui import QGuiApplication

    from ui import message_box
    from ui.formatting import WORD_JOINER, shortcut_text

    clipboard = QGuiApplication.clipboard()
    copied: list[str] = []

    def copy(shown: Shown) -> QMessageBox.StandardButton:
        clipboard.setText(f"{shown.title}\n{shown.text}")  # what Qt's Ctrl+C on the box puts there
        copied.append(clipboard.text())
        return QMessageBox.StandardButton.Ok

    told = dialogs.expect("information", answer=copy)
    message_box.information(
        None, "Quick replies imported", f"Added without their file: {shortcut_text('/thanks')}."
    )
    assert WORD_JOINER in told.texts[0]
    assert copied == ["Quick replies imported\nAdded without their file: /thanks."]
    clipboard.setText(f"a{WORD_JOINER}b")
    assert clipboard.text() == f"a{WORD_JOINER}b"
