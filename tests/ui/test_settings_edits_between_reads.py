"""Settings reads the preferences and the prices apart: what the owner changes after one has arrived
and before the other is her edit, so Esc asks before dropping it and Save keeps it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.campaign_checks import read_prices
from app.settings import read_preferences
from tests.support.dialogs import DialogGuard
from ui import settings_dialog
from ui.settings_dialog import SettingsDialog

T = TypeVar("T")
Button = QMessageBox.StandardButton


@contextmanager
def held(monkeypatch: pytest.MonkeyPatch, name: str, read: Callable[[Any], T]) -> Iterator[None]:
    """Settings' own read of `name` (the real one, on its op's thread) answers only when the block
    ends: the other read arrives first, and the test acts in between."""
    may_answer = threading.Event()

    def late(db: Any) -> T:
        assert may_answer.wait(20), "the held read was never let go"
        return read(db)

    monkeypatch.setattr(settings_dialog, name, late)
    try:
        yield
    finally:
        may_answer.set()


def open_settings(qtbot: Any, ctx: Any) -> SettingsDialog:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_a_folder_picked_before_the_prices_are_read_is_asked_about_on_esc_and_saved(
    qtbot: Any, ctx: Any, dialogs: DialogGuard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The form fills; she picks her USB stick's folder at once, while the campaign prices are still
    being read. Once they arrived, Esc dropped her folder without a word: it had been taken as read."""
    chosen = tmp_path / "USB" / "가게 백업"
    chosen.mkdir(parents=True)
    with held(monkeypatch, "read_prices", read_prices):
        dialog = open_settings(qtbot, ctx)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)  # the preferences are in
        dialogs.expect("getExistingDirectory", answer=str(chosen))
        dialog.choose_backup_folder.click()
        assert dialog.auto_backup.isChecked() and dialog.auto_folder.text() == str(chosen)
        assert not dialog.prices_loaded  # picked between the two reads
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)  # the prices are in: Save works

    kept = dialogs.expect("question", answer=Button.Cancel)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert kept.texts == ["Save the changes to the settings?"]
    assert dialog.isVisible() and dialog.auto_folder.text() == str(chosen)  # as she left it

    dialogs.expect("question", answer=Button.Save)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert read_preferences(ctx.db).backup_folder == str(chosen)


def test_a_price_typed_before_the_preferences_are_read_is_asked_about_on_esc(
    qtbot: Any, ctx: Any, dialogs: DialogGuard, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other order: the prices arrive first (the preferences are slow on a full disk) and she
    types a marketing price; the preferences' read must not take it as the stored price."""
    with held(monkeypatch, "read_preferences", read_preferences):
        dialog = open_settings(qtbot, ctx)
        qtbot.waitUntil(lambda: dialog.prices_loaded, timeout=5000)
        qtbot.keyClicks(dialog.campaign_prices.marketing, "70")
        assert not dialog.loaded  # typed between the two reads
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    assert dialog.campaign_prices.marketing.text() == "70"

    dropped = dialogs.expect("question", answer=Button.Discard)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dropped.texts == ["Save the changes to the settings?"]
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert read_prices(ctx.db).marketing_minor is None  # dropped, as she said


def test_a_box_ticked_between_the_reads_then_unticked_closes_without_a_question(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was read is what she goes back to: ticked and unticked between the reads, nothing is
    changed, and Esc closes at once (no question is declared: one would fail the test)."""
    with held(monkeypatch, "read_prices", read_prices):
        dialog = open_settings(qtbot, ctx)
        qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
        was = dialog.keep_archived.isChecked()
        dialog.keep_archived.click()
        assert dialog.keep_archived.isChecked() != was
    qtbot.waitUntil(dialog.save_button.isEnabled, timeout=5000)
    dialog.keep_archived.click()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_a_folder_picked_before_anything_is_read_is_asked_about_and_saved_once_read(
    qtbot: Any, ctx: Any, dialogs: DialogGuard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Esc before the preferences arrived closed without a word, and the folder she had picked was
    gone. Now it asks; her "Save" saves as soon as the stored preferences are in."""
    chosen = tmp_path / "USB" / "가게 백업"
    chosen.mkdir(parents=True)
    with held(monkeypatch, "read_preferences", read_preferences):
        dialog = open_settings(qtbot, ctx)
        dialogs.expect("getExistingDirectory", answer=str(chosen))
        dialog.choose_backup_folder.click()
        kept = dialogs.expect("question", answer=Button.Save)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert kept.texts == ["Save the changes to the settings?"]
        assert not dialog.loaded and dialog.isVisible()  # nothing to save over yet: it waits
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert read_preferences(ctx.db).backup_folder == str(chosen)


def test_settings_left_before_anything_is_read_close_without_a_question(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with held(monkeypatch, "read_preferences", read_preferences):
        dialog = open_settings(qtbot, ctx)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # no question declared: one would fail the test
        assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_save_answered_before_the_reads_are_in_says_it_is_waiting_until_it_saves(
    qtbot: Any, ctx: Any, dialogs: DialogGuard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """She answered "Save" while the preferences were still being read: the dialog stayed open, its
    Save greyed out, and nothing said it was waiting, as if her answer had been lost."""
    with held(monkeypatch, "read_preferences", read_preferences):
        dialog = open_settings(qtbot, ctx)
        assert not dialog.waiting_note.isVisible()  # nothing asked of it yet
        dialogs.expect("getExistingDirectory", answer=str(tmp_path))
        dialog.choose_backup_folder.click()
        dialogs.expect("question", answer=Button.Save)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible() and not dialog.save_button.isEnabled()
        assert dialog.waiting_note.isVisible()
        assert dialog.waiting_note.text() == "Your changes will be saved as soon as the settings are read…"
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=5000)
    assert not dialog.waiting_note.isVisible()


def test_a_read_that_fails_while_save_waits_for_it_says_why_instead_of_waiting(
    qtbot: Any, ctx: Any, dialogs: DialogGuard, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The wait's note went with the save it announced: a failed read saves nothing, and says so."""
    from app.errors import DiskFull

    def unreadable(_db: Any) -> Any:
        raise DiskFull()

    with held(monkeypatch, "read_preferences", unreadable):
        dialog = open_settings(qtbot, ctx)
        dialogs.expect("getExistingDirectory", answer=str(tmp_path))
        dialog.choose_backup_folder.click()
        dialogs.expect("question", answer=Button.Save)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.waiting_note.isVisible()
    qtbot.waitUntil(lambda: not dialog.waiting_note.isVisible(), timeout=5000)
    assert dialog.isVisible() and dialog.backup_status.text()
