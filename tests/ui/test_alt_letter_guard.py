"""Alt and a letter nothing answers types nothing; AltGr's characters and Korean input still type.

Keys come as the platform gives them: to the window the keyboard is in, which hands them to its
focus widget (the guard filters there, ui/alt_letter_guard.py)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout, QWidget

from tests.support.factories import make_contact
from ui.alt_letter_guard import install_alt_letter_guard
from ui.composer import Composer
from ui.order_form import StartOrderDialog

Alt = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def guarded(qapp: QApplication) -> Iterator[None]:
    """The guard the app installs at start on Linux, for one test."""
    guard = install_alt_letter_guard(qapp)
    if guard is None:
        pytest.skip("macOS and Windows type characters with Alt held: no guard there")
    yield
    qapp.focusWindowChanged.disconnect(guard.watch)
    guard.deleteLater()


def focused(qtbot: Any, widget: QWidget) -> QWindow:
    """`widget` shown in its active window with the keyboard in it; the window keys come to."""
    top = widget.window()
    if not top.isVisible():
        qtbot.addWidget(top)
        top.show()
    with qtbot.waitActive(top):
        top.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=3000)
    window = top.windowHandle()
    assert window is not None
    return window


def press(window: QWindow, key: Qt.Key, text: str, modifiers: Qt.KeyboardModifier) -> None:
    """A key pressed and released as Linux's X server gives it, with its character in `text`, to the
    window the keyboard is in (after Qt found no shortcut for it)."""
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(window, QKeyEvent(kind, key, modifiers, text))


def order_form(window: Any, qtbot: Any) -> StartOrderDialog:
    """A new order for a customer, from a catalogue with nothing in it: the search is where she types."""
    with window.ctx.db.write() as s:
        olivia = make_contact(s, profile_name="Olivia Brown").id
    dialog = StartOrderDialog(window.ctx, olivia, "Olivia Brown", "", window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.settings_loaded)
    return dialog


def test_alt_y_in_the_order_forms_search_types_no_y(window: Any, qtbot: Any, guarded: None) -> None:
    """The owner reached for an Alt letter the form does not have: "Linen" became "Lineny"."""
    dialog = order_form(window, qtbot)
    keys = focused(qtbot, dialog.search)
    qtbot.keyClicks(dialog.search, "Linen")
    qtbot.keyClick(keys, Qt.Key.Key_Y, Alt)
    qtbot.keyClick(keys, Qt.Key.Key_Y, Alt | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(keys, Qt.Key.Key_5, Alt)
    assert dialog.search.text() == "Linen"
    qtbot.keyClicks(dialog.search, " shirt")  # plain typing goes on as before
    assert dialog.search.text() == "Linen shirt"


def test_alt_and_a_letter_types_nothing_into_the_message_being_written(qtbot: Any, guarded: None) -> None:
    composer = Composer()
    qtbot.addWidget(composer)
    keys = focused(qtbot, composer.edit)
    qtbot.keyClicks(composer.edit, "Thanks")
    qtbot.keyClick(keys, Qt.Key.Key_Q, Alt)
    assert composer.edit.toPlainText() == "Thanks"


def test_altgr_still_types_at_and_euro_on_european_keyboards(qtbot: Any, guarded: None) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    keys = focused(qtbot, field)
    # Linux reports AltGr as its own modifier (a German keyboard's AltGr+Q, AltGr+E) …
    press(keys, Qt.Key.Key_At, "@", Qt.KeyboardModifier.GroupSwitchModifier)
    press(keys, Qt.Key.Key_Q, "€", Qt.KeyboardModifier.GroupSwitchModifier)
    # … and a remote desktop from Windows as Ctrl+Alt (a Polish keyboard's AltGr+A).
    press(keys, Qt.Key.Key_A, "ą", Qt.KeyboardModifier.ControlModifier | Alt)
    assert field.text() == "@€ą"


def test_korean_typed_through_the_input_method_still_lands(qtbot: Any, guarded: None) -> None:
    field = QLineEdit()
    qtbot.addWidget(field)
    keys = focused(qtbot, field)
    QApplication.sendEvent(keys, QInputMethodEvent("주", []))  # a syllable being composed
    commit = QInputMethodEvent()
    commit.setCommitString("주문")
    QApplication.sendEvent(keys, commit)
    assert field.text() == "주문"


def test_an_alt_letter_a_button_has_still_presses_it(qtbot: Any, guarded: None) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    field = QLineEdit()
    yes = QPushButton("&Yes")
    layout = QVBoxLayout(dialog)
    layout.addWidget(field)
    layout.addWidget(yes)
    keys = focused(qtbot, field)  # Alt letters are the active window's
    with qtbot.waitSignal(yes.clicked, timeout=1000):
        qtbot.keyClick(keys, Qt.Key.Key_Y, Alt)  # through Qt's shortcut map, as X's keys go
    assert field.text() == ""


class _KeysSeen(QLineEdit):
    """A field that acts on Alt and a key itself, as an editor's Alt+Up might."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[int, Qt.KeyboardModifier]] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.seen.append((event.key(), event.modifiers()))
        super().keyPressEvent(event)


def test_a_widget_that_acts_on_alt_and_a_key_still_gets_the_key(qtbot: Any, guarded: None) -> None:
    field = _KeysSeen()
    qtbot.addWidget(field)
    press(focused(qtbot, field), Qt.Key.Key_Y, "y", Alt)
    assert field.seen == [(Qt.Key.Key_Y, Alt)] and field.text() == ""
