"""Every window and dialog the main window's menus open: each button is reached by Alt and a letter of
its own (or by a key of its own, or Esc for Close and Cancel), in English and in Korean."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QWidget

from tests.support.keyboard_reach import keyboard_problems
from ui.ops import pending_ops

# What the menus do that opens no window of ours: the demo is a process of its own, Quit quits.
NOT_WINDOWS = {"Quit", "Try the demo shop", "종료", "데모 상점 사용해 보기"}
# No letter, and known: each weekday's row of the business hours has its Add hours and its ×, seven
# times over (no letter could be one row's; Tab reaches them in the row); the menu bot's simulator
# sends with its field's Enter, and its Start over finds no letter left by the editor beside it.
KNOWN = {("BusinessHoursEditor", text) for text in ("Add hours", "×", "시간 추가")} | {
    ("BotEditor", text) for text in ("Send", "Start over", "보내기", "처음부터")
}


def _plain(text: str) -> str:
    from ui.shortcuts_dialog import plain

    return plain(text).rstrip("…").strip()


def walk_the_menus(window: Any, qtbot: Any, dialogs: Any, tmp_path: Path) -> tuple[list[str], list[str]]:
    """Each entry of the File, Shop and Help menus chosen in turn; every window it opens looked at
    (a modal one from inside its loop, by the dialog guard) and closed before the next."""
    from tests.ui.test_import_dialog import korean_zip
    from ui.chat_menu import ChatMenu
    from ui.menus import install_menus

    install_menus(window, window.ctx)
    problems: list[str] = []
    seen: list[str] = []

    def look(widget: QWidget) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)  # an editor's rules, loaded
        seen.append(type(widget).__name__)
        known = {text for name, text in KNOWN if name == type(widget).__name__}
        problems.extend(keyboard_problems(widget, known=known))
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    dialogs.expect("modal", answer=look, times=None)
    files = [korean_zip(tmp_path)]  # the import's preview; then no backup chosen to restore
    dialogs.expect("getOpenFileName", answer=lambda _shown: files.pop() if files else None, times=None)
    dialogs.expect("getSaveFileName", answer=None, times=None)
    dialogs.expect("about", times=None)
    menus = [a.menu() for a in window.menuBar().actions()]
    for menu in menus:
        assert isinstance(menu, QMenu)
        if isinstance(menu, ChatMenu):
            continue  # the open chat's switches (pin, archive…): no window
        menu.aboutToShow.emit()  # as opening it does: entries enabled or not for the moment
        entries: list[QAction] = [a for a in menu.actions() if not a.isSeparator() and a.menu() is None]
        for entry in entries:
            if not entry.isEnabled() or _plain(entry.text()) in NOT_WINDOWS or entry is window.find_action:
                continue
            before = set(QApplication.topLevelWidgets())
            entry.trigger()
            qtbot.waitUntil(lambda: pending_ops() == 0, timeout=10_000)
            for widget in QApplication.topLevelWidgets():
                if widget in before or not widget.isVisible() or isinstance(widget, QMenu):
                    continue
                look(widget)
    return problems, seen


@pytest.fixture(params=["en", "ko"])
def language(request: Any) -> str:
    """Installed before the main window is made, so the window is in it from the start."""
    if request.param == "ko":
        request.getfixturevalue("korean")
    return str(request.param)


def test_every_window_the_menus_open_has_a_key_for_each_button(
    language: str, window: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    problems, seen = walk_the_menus(window, qtbot, dialogs, tmp_path)
    assert problems == []
    assert {
        "ImportDialog",
        "SettingsDialog",
        "OrderBoard",
        "DepositDialog",
        "OrderExportDialog",
        "OrderSettingsDialog",
        "CatalogWindow",
        "QuickReplyManager",
        "LabelsManager",
        "CampaignWindow",
        "GreetingEditor",
        "AwayEditor",
        "BusinessHoursEditor",
        "BusinessProfileEditor",
        "BotEditor",
        "ShareLinkDialog",
        "ShortcutsDialog",
        "ImportHelpDialog",
        "RelayHelpDialog",
    } <= set(seen), seen
