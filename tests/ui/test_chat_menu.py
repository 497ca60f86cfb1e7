"""The Chat menu: an owner typing in the message field pins, archives, labels, marks unread, opens
the customer's details and searches the chat from the keyboard, without going back to the list."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QToolButton

from tests.support.factories import make_contact, make_message
from tests.support.window_waits import load_chats, select_chat
from ui.chat_list_model import ChatRole
from ui.chat_menu import ChatMenu

CTRL = Qt.KeyboardModifier.ControlModifier
NATIVE = QKeySequence.SequenceFormat.NativeText
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _names(window: Any) -> list[str]:
    model = window.chat_list.model
    return [model.index(i).data(ChatRole.ROW).display_name for i in range(model.rowCount())]


def _chat_menu(window: Any) -> ChatMenu:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Chat")
    assert isinstance(menu, ChatMenu)
    return menu


def _typing_in(window: Any, qtbot: Any, ctx: Any) -> dict[str, int]:
    """Three chats, the middle one open, the keyboard in its message field."""
    from ui.menus import install_menus

    install_menus(window, ctx)
    now = datetime.now(UTC)
    ids = {}
    with ctx.db.write() as s:
        for n, name in enumerate(["Ava", "Ben", "Cleo"]):
            contact = make_contact(s, profile_name=name, last_inbound_at=now)
            make_message(s, contact, f"Hi, it's {name}", sent_at=now - timedelta(minutes=n), unread=False)
            ids[name] = contact.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, ids["Ben"])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.chat.composer.edit.setFocus()
    qtbot.keyClicks(window.chat.composer.edit, "half-typed")
    return ids


def test_archive_and_pin_from_the_message_field_with_their_keys(qtbot: Any, window: Any, ctx: Any) -> None:
    ids = _typing_in(window, qtbot, ctx)
    edit = window.chat.composer.edit

    qtbot.keyClick(edit, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: _names(window) == ["Ava", "Cleo"], timeout=5000)
    assert window.chat.contact_id() == ids["Ben"]  # still open, the reply still there to finish
    assert edit.toPlainText() == "half-typed" and edit.hasFocus()
    qtbot.waitUntil(lambda: window.chat.conversation.archived, timeout=5000)
    _chat_menu(window).aboutToShow.emit()
    assert _chat_menu(window).archive.text() == "Un&archive chat"

    qtbot.keyClick(edit, Qt.Key.Key_E, CTRL)  # changed her mind
    qtbot.waitUntil(lambda: _names(window) == ["Ava", "Ben", "Cleo"], timeout=5000)

    qtbot.keyClick(edit, Qt.Key.Key_P, CTRL_SHIFT)
    qtbot.waitUntil(lambda: _names(window) == ["Ben", "Ava", "Cleo"], timeout=5000)
    qtbot.waitUntil(lambda: window.chat.conversation.pinned, timeout=5000)
    _chat_menu(window).aboutToShow.emit()
    assert _chat_menu(window).pin.text() == "Un&pin chat"
    assert edit.toPlainText() == "half-typed"


def test_contact_info_and_search_in_this_chat_open_with_their_keys(qtbot: Any, window: Any, ctx: Any) -> None:
    ids = _typing_in(window, qtbot, ctx)
    edit = window.chat.composer.edit
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL_SHIFT)
    qtbot.waitUntil(window.contact_panel.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: window.contact_panel.details is not None, timeout=5000)
    assert window.contact_panel.details.id == ids["Ben"]
    qtbot.keyClick(edit, Qt.Key.Key_I, CTRL_SHIFT)
    assert not window.contact_panel.isVisible()

    qtbot.keyClick(edit, Qt.Key.Key_F, CTRL_SHIFT)
    assert window.left.currentWidget() is window.search
    assert window.search.field.hasFocus()


def test_start_order_from_the_message_field_opens_the_chats_new_order_with_its_item_search_to_type(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """A day's work from the keyboard: the order for the customer she is answering was only behind the
    chat header's cart, which Tab reached through the header's other buttons."""
    from PySide6.QtWidgets import QApplication

    from ui.order_form import StartOrderDialog

    ids = _typing_in(window, qtbot, ctx)
    edit = window.chat.composer.edit
    qtbot.keyClick(edit, Qt.Key.Key_N, CTRL_SHIFT)
    forms = lambda: [  # noqa: E731
        w for w in QApplication.topLevelWidgets() if isinstance(w, StartOrderDialog) and w.isVisible()
    ]
    qtbot.waitUntil(lambda: len(forms()) == 1, timeout=5000)
    form = forms()[0]
    assert form.contact_id == ids["Ben"]
    assert "Ben" in form.windowTitle()
    qtbot.waitUntil(form.search.hasFocus, timeout=5000)  # she types the item's name at once
    qtbot.keyClick(form.search, Qt.Key.Key_Escape)  # nothing added yet: it closes without asking
    qtbot.waitUntil(lambda: not forms(), timeout=5000)
    assert edit.toPlainText() == "half-typed"  # the reply she was writing is still there
    # The header's cart names the key, as its search and info buttons do theirs.
    cart = window.chat.header.findChild(QToolButton, "startOrderButton")
    assert cart.toolTip() == f"Start order ({QKeySequence('Ctrl+Shift+N').toString(NATIVE)})"


def test_a_label_from_the_chat_menu_goes_on_the_open_chat(qtbot: Any, window: Any, ctx: Any) -> None:
    from app.labels import add_label

    with ctx.db.write() as s:
        add_label(s, "Gift wrap", "#ff9800")
    ids = _typing_in(window, qtbot, ctx)
    qtbot.waitUntil(lambda: any(label.name == "Gift wrap" for label in window.chat_list.labels), timeout=5000)
    labels = _chat_menu(window).labels
    labels.aboutToShow.emit()
    tick = next(a for a in labels.actions() if a.text() == "&7 Gift wrap")  # the seventh label: Alt+7
    assert not tick.isChecked()
    tick.trigger()
    row = lambda: window.chat_list.model.row_for(ids["Ben"])  # noqa: E731
    qtbot.waitUntil(lambda: [label.name for label in row().labels] == ["Gift wrap"], timeout=5000)


def test_with_no_chat_open_the_chat_commands_are_greyed_out_and_their_keys_do_nothing(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from ui.menus import install_menus

    install_menus(window, ctx)
    menu = _chat_menu(window)
    menu.aboutToShow.emit()
    commands = [a for a in menu.actions() if not a.isSeparator()]
    assert [a.text() for a in commands] == [
        "Contact &info",
        "&Search in this chat",
        "Start &order…",
        "&Pin chat",
        "&Archive chat",
        "Mark as &unread",
        "&Label chat",
    ]
    assert not any(a.isEnabled() for a in commands)
    keys = {a.text(): a.shortcut() for a in commands}
    assert keys["&Archive chat"] == QKeySequence("Ctrl+E")
    assert keys["Mark as &unread"] == QKeySequence("Ctrl+Shift+U")
    assert keys["Start &order…"] == QKeySequence("Ctrl+Shift+N")


def test_mark_as_unread_from_the_message_field_closes_the_chat_and_leaves_the_keyboard_on_the_chats(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    ids = _typing_in(window, qtbot, ctx)
    edit = window.chat.composer.edit
    qtbot.keyClick(edit, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.chat.contact_id() is None, timeout=5000)
    qtbot.waitUntil(lambda: window.chat_list.model.row_for(ids["Ben"]).unread_count > 0, timeout=5000)
    assert QApplication.focusWidget() is window.chat_list.view  # not the search field
    assert window.chat_list.current_contact() == ids["Ben"]
    qtbot.keyClick(window.chat_list.view, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.chat.contact_id() == ids["Cleo"], timeout=5000)
