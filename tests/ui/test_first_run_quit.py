"""Ctrl+Q in the first-run wizard quits the app, as in its every window: the setup is not done, so it
opens again at the next start; asked first only when a relay address typed would be lost."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.db import Database
from app.paths import paths_for
from app.settings import read_preferences
from tests.ui.test_first_run_keyring import first_start
from ui.application import QuitDuringSetup


def setup_done(tmp_path: Path) -> bool:
    db = Database.open(paths_for(tmp_path / "d").database)
    try:
        return read_preferences(db).setup_done
    finally:
        db.close()


def ctrl_q(qtbot: Any, wizard: Any) -> None:
    """Ctrl+Q as the keyboard gives it: to the focused field of the wizard, the active window."""
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard, timeout=3000)
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_q_on_the_welcome_quits_and_the_setup_opens_again_next_time(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Ctrl+Q did nothing while the wizard was up; with nothing typed, it quits without a question
    (the main window does not open, as “Set up later” would open it)."""

    def quit_at_once(wizard: Any) -> None:
        ctrl_q(qtbot, wizard)

    with pytest.raises(QuitDuringSetup):
        first_start(tmp_path, dialogs, quit_at_once)
    assert not setup_done(tmp_path)


def test_ctrl_q_with_an_address_typed_asks_and_keep_setting_up_keeps_it(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    Button = QMessageBox.StandardButton
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Any:
        def click(box: QMessageBox) -> None:
            asked.append(box.text())
            assert box.defaultButton() is box.button(Button.No)  # Enter keeps setting up
            box.button(button).click()

        return click

    def type_then_quit(wizard: Any) -> None:
        dialogs.expect("modal", answer=answer(Button.No))
        dialogs.expect("modal", answer=answer(Button.Yes))
        wizard.next()
        page = wizard.relay_page
        qtbot.keyClicks(page.url, "relay.example.kr")
        ctrl_q(qtbot, wizard)  # “Keep setting up”
        assert wizard.isVisible() and page.url.text() == "relay.example.kr"
        ctrl_q(qtbot, wizard)  # “Quit”
        qtbot.waitUntil(lambda: not wizard.isVisible(), timeout=5000)

    with pytest.raises(QuitDuringSetup):
        first_start(tmp_path, dialogs, type_then_quit)
    assert len(asked) == 2 and "The relay address and relay token you typed are not kept" in asked[0]
    assert not setup_done(tmp_path)
