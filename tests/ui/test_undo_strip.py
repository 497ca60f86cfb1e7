"""The "Deleted … · Undo" line under the labels' and quick replies' lists."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListView, QVBoxLayout, QWidget

from ui.undo_strip import UndoStrip


def test_undo_is_asked_by_its_button_or_ctrl_z_in_the_list_never_by_ctrl_z_while_typing(qtbot) -> None:
    """Dong-hyun deleted /배송 by mistake: the strip says so, and Undo or Ctrl+Z in the list asks for
    it back; Ctrl+Z in a field beside it still takes back her typing, not the delete."""
    window = QWidget()
    qtbot.addWidget(window)
    listed, field = QListView(), QLineEdit()
    strip = UndoStrip(listed, keys_context=Qt.ShortcutContext.WidgetShortcut)
    layout = QVBoxLayout(window)
    for widget in (listed, strip, field):
        layout.addWidget(widget)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    assert strip.isHidden()  # nothing deleted yet

    strip.offer("Deleted /배송.")
    assert strip.isVisible() and strip.note.text() == "Deleted /배송."
    with qtbot.waitSignal(strip.undo_requested):
        qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)

    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClicks(field, "/done")
    with qtbot.assertNotEmitted(strip.undo_requested):
        qtbot.keyClick(field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.text() == ""
    listed.setFocus()
    qtbot.waitUntil(listed.hasFocus)
    with qtbot.waitSignal(strip.undo_requested):
        qtbot.keyClick(listed, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    strip.withdraw()
    assert strip.isHidden() and strip.note.text() == ""


def test_after_undo_is_clicked_the_keyboard_is_back_in_the_list_not_on_close(qtbot) -> None:
    """Undo hid itself under the pointer and handed the keyboard to Close: Enter, meant for the
    label brought back, closed the window."""
    from PySide6.QtWidgets import QDialogButtonBox

    window = QWidget()
    qtbot.addWidget(window)
    listed = QListView()
    strip = UndoStrip(listed)
    close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    layout = QVBoxLayout(window)
    for widget in (listed, strip, close):
        layout.addWidget(widget)
    strip.undo_requested.connect(strip.withdraw)  # as the managers do once it is brought back
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    strip.offer("Deleted the label “도매”.")
    strip.button.setFocus()
    qtbot.waitUntil(strip.button.hasFocus)

    qtbot.mouseClick(strip.button, Qt.MouseButton.LeftButton)

    assert strip.isHidden()
    assert listed.hasFocus()
