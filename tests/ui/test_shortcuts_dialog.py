"""Help ▸ Keyboard shortcuts: the owner finds every key the inbox answers to, and the list follows
the window (a key added to a menu or to the window shows up; Enter follows the owner's setting)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut

from tests.support.window_waits import load_chats


def native(keys: QKeySequence) -> str:
    return keys.toString(QKeySequence.SequenceFormat.NativeText)


def test_ctrl_slash_lists_every_key_of_the_window_and_its_menus(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    from ui.menus import install_menus
    from ui.shortcuts_dialog import ShortcutsDialog

    install_menus(window, ctx)
    load_chats(window, qtbot)
    listed: list[tuple[str, str]] = []

    def read(dialog: Any) -> None:
        assert isinstance(dialog, ShortcutsDialog)
        assert dialog.windowTitle() == "Keyboard shortcuts"
        listed.extend(dialog.rows())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    shown = dialogs.expect("modal", answer=read)
    window.activateWindow()
    window.chat_list.view.setFocus()
    qtbot.keyClick(window.chat_list.view, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(shown.shown), timeout=5000)

    keys = {k for k, _ in listed}
    menu_keys = [
        act.shortcut()
        for top in window.menuBar().actions()
        for act in top.menu().actions()
        if not act.shortcut().isEmpty()
    ]
    assert len(menu_keys) >= 6  # Ctrl+I, Ctrl+,, Ctrl+Q, Ctrl+F, the orders, the catalogue…
    assert {native(k) for k in menu_keys} <= keys
    own = {native(s.key()) for s in window.findChildren(QShortcut) if s.parent() is window}
    assert own <= keys, own - keys
    said = dict(listed)
    assert said[native(QKeySequence("Ctrl+Q"))] == "File ▸ Quit"
    assert said[native(QKeySequence("Ctrl+Tab"))] == "Next chat"
    assert said[native(QKeySequence("Ctrl+Shift+Tab"))] == "Previous chat"
    assert said[native(QKeySequence("Enter"))] == "Send the message"
    assert said[native(QKeySequence("Shift+Enter"))].startswith("New line in the message")
    assert said["/"].startswith("Quick replies")
    # The composer's other typed key: only its button's tooltip told the owner about it.
    assert said["#"] == "Catalogue: type # at the start of a word to pick items to send"
    assert said[native(QKeySequence(QKeySequence.StandardKey.Save))].startswith(
        "Save, in the catalogue, quick replies, greeting"
    )


def test_with_enter_for_a_new_line_ctrl_enter_is_listed_as_sending(qtbot: Any, window: Any) -> None:
    from ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window, enter_sends=False)
    qtbot.addWidget(dialog)
    said = dict(dialog.rows())
    assert said[native(QKeySequence("Ctrl+Enter"))] == "Send the message"
    assert said[native(QKeySequence("Enter"))].startswith("New line in the message")
    assert native(QKeySequence("Shift+Enter")) not in said


def test_menu_names_lose_their_mnemonics_in_english_and_in_korean() -> None:
    from ui.shortcuts_dialog import plain

    assert plain("&File") == "File"
    assert plain("파일(&F)") == "파일"
    assert plain("Q&&A") == "Q&A"


def test_every_row_is_read_whole_without_widening_the_window(qtbot: Any, window: Any) -> None:
    """The longest row ("Save, in the greeting, away message, business hours, profile and menu bot
    windows") ended in "men…" at the dialog's first size: the owner could not read which windows."""
    from ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window, enter_sends=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    metrics = table.fontMetrics()
    for g in range(table.topLevelItemCount()):
        head = table.topLevelItem(g)
        assert head is not None
        for i in range(head.childCount()):
            child = head.child(i)
            assert child is not None
            what = child.text(1)
            shown = table.visualItemRect(child).width() - table.header().sectionSize(0)
            # The delegate keeps a few pixels of margin each side of the text.
            assert metrics.horizontalAdvance(what) + 8 <= shown, what
            assert child.toolTip(1) == what


def test_the_longest_keys_stand_apart_from_what_they_do(qtbot: Any, window: Any) -> None:
    """The longest keys ("Ctrl+Shift+Tab") ran straight into their words ("Previous chat") at 125 %."""
    from ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window, enter_sends=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    space = table.fontMetrics().horizontalAdvance(" ")
    assert table.header().sectionSize(0) >= table.sizeHintForColumn(0) + 2 * space


def test_the_keys_are_reached_by_keyboard_and_read_whole(qtbot: Any, window: Any, ctx: Any) -> None:
    """The list took no focus: Tab went to Close alone, and a screen reader never reached a key."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QApplication

    from ui.menus import install_menus
    from ui.shortcuts_dialog import ShortcutsDialog

    install_menus(window, ctx)
    dialog = ShortcutsDialog(window, enter_sends=True)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.table, timeout=3000)

    def said() -> str:
        current = QAccessible.queryAccessibleInterface(dialog.table).focusChild()
        return current.text(QAccessible.Text.Name) if current is not None else ""

    first_keys, first_words = dialog.rows()[0]
    assert said() == f"{first_keys}: {first_words}"
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert said() == "{}: {}".format(*dialog.rows()[1])


def test_every_key_is_in_view_without_scrolling_where_the_screen_has_room(
    qtbot: Any, window: Any, ctx: Any
) -> None:
    """At its fixed first height the owner scrolled for the menus' keys (Help ▸ Keyboard shortcuts
    on a 1280×720 screen), with room on the screen for all of them."""
    from ui.menus import install_menus
    from ui.shortcuts_dialog import ShortcutsDialog

    install_menus(window, ctx)
    dialog = ShortcutsDialog(window, enter_sends=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.height() <= dialog.screen().availableGeometry().height() - 48  # its title bar fits
    qtbot.waitUntil(lambda: dialog.table.verticalScrollBar().maximum() == 0, timeout=3000)
    last_group = dialog.table.topLevelItem(dialog.table.topLevelItemCount() - 1)
    assert last_group is not None
    last = last_group.child(last_group.childCount() - 1)
    assert last is not None
    assert dialog.table.viewport().rect().contains(dialog.table.visualItemRect(last))
