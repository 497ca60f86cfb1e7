"""File ▸ Back up now and Restore from backup: where a shop owner looks first, doing what Settings'
buttons do, without Settings (Back up now says in a message box where the backup went)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from ui.menus import install_menus
from ui.settings_dialog import SettingsDialog


def file_menu_action(window: Any, text: str) -> QAction:
    file_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&File")
    return next(a for a in file_menu.actions() if a.text().replace("&", "") == text)


def open_settings(window: Any) -> list[SettingsDialog]:
    return [d for d in window.findChildren(SettingsDialog) if d.isVisible()]


def test_back_up_now_in_the_file_menu_saves_a_backup_and_says_where_without_settings(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Settings opened behind the save dialog, and its Cancel seemed to undo the backup."""
    install_menus(window, ctx)
    target = tmp_path / "샵인박스-백업.zip"
    settings_behind: list[list[SettingsDialog]] = []

    def pick(_shown: Any) -> str:
        settings_behind.append(open_settings(window))
        return str(target)

    dialogs.expect("getSaveFileName", answer=pick)
    dialogs.expect("modal", answer=None, times=None)  # "Backing up…", on a slow machine only
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    file_menu_action(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert told.shown[0].text == f"Backup saved to {target}."
    with zipfile.ZipFile(target) as zf:
        assert "inbox.db" in zf.namelist()
    assert settings_behind == [[]] and open_settings(window) == []


def test_a_backup_that_takes_a_while_says_it_is_being_written(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """ "Backing up…" never showed: a big shop's backup (2 s for 200,000 messages) gave no sign at all
    between the save dialog and the answer. Here the sign is due at once; the photos take a while."""
    import ui.settings_action

    monkeypatch.setattr(ui.settings_action, "BACKUP_PROGRESS_AFTER_MS", 1)
    ctx.paths.media_dir.mkdir(parents=True, exist_ok=True)
    for n in range(20):
        (ctx.paths.media_dir / f"photo-{n}.jpg").write_bytes(os.urandom(1_000_000))
    install_menus(window, ctx)
    dialogs.expect("getSaveFileName", answer=str(tmp_path / "백업.zip"))
    progress = dialogs.expect("modal", answer=None)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    file_menu_action(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert [(p.title, p.text) for p in progress.shown] == [("Back up now", "Backing up…")]


def test_a_backup_that_fails_from_the_file_menu_says_why(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    install_menus(window, ctx)
    (tmp_path / "파일").write_bytes(b"")  # no folder can be made there
    dialogs.expect("getSaveFileName", answer=str(tmp_path / "파일" / "백업.zip"))
    dialogs.expect("modal", answer=None, times=None)
    warned = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)
    file_menu_action(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=20_000)
    assert warned.shown[0].text.startswith("The backup failed: ")
    assert open_settings(window) == []


def test_a_backup_cancelled_from_the_file_menu_leaves_no_settings_open(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any
) -> None:
    install_menus(window, ctx)
    dialogs.expect("getSaveFileName", answer=None)
    file_menu_action(window, "Back up now…").trigger()
    qtbot.waitUntil(lambda: open_settings(window) == [], timeout=5000)


def test_restore_in_the_file_menu_shows_the_file_picker_first_and_no_settings(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Settings opened behind the picker: the owner came for a backup file, not for Settings."""
    from app.backup import create_backup

    install_menus(window, ctx)
    daily = tmp_path / "매일 백업"
    daily.mkdir()
    ctx.prefs["backup_folder"] = str(daily)
    backup = create_backup(ctx.paths, daily / "shop-inbox-backup.zip").path
    settings_behind: list[list[SettingsDialog]] = []

    def pick(_shown: Any) -> str:
        settings_behind.append(open_settings(window))
        return str(backup)

    picker = dialogs.expect("getOpenFileName", answer=pick)  # no "modal": Settings never opens
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    file_menu_action(window, "Restore from backup…").trigger()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10_000)  # once the file is checked
    assert settings_behind == [[]]
    assert picker.shown[0].text == str(daily)  # where the daily backups are
    assert asked.shown[0].text.startswith("Restore shop-inbox-backup.zip, saved ")
    assert window.isVisible() and open_settings(window) == []  # No: nothing else happens


def test_restore_in_the_file_menu_refuses_a_file_that_is_no_backup_as_settings_does(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    install_menus(window, ctx)
    chat = tmp_path / "WhatsApp Chat with 김민지.zip"
    with zipfile.ZipFile(chat, "w") as zf:
        zf.writestr("_chat.txt", "셔츠 재입고 되나요?")
    dialogs.expect("getOpenFileName", answer=str(chat))
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)  # and no question
    file_menu_action(window, "Restore from backup…").trigger()
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=10_000)
    assert refused.shown[0].text.startswith("This file is not a Shop Inbox backup file.")
    assert window.isVisible() and open_settings(window) == []


def test_a_restore_cancelled_in_the_file_picker_opens_nothing(window: Any, ctx: Any, dialogs: Any) -> None:
    install_menus(window, ctx)
    dialogs.expect("getOpenFileName", answer=None)
    file_menu_action(window, "Restore from backup…").trigger()
    assert open_settings(window) == []


def test_the_demo_that_is_not_kept_offers_no_restore_in_the_file_menu(window: Any, ctx: Any) -> None:
    ctx.demo = True
    install_menus(window, ctx)
    assert file_menu_action(window, "Back up now…").isEnabled()
    assert not file_menu_action(window, "Restore from backup…").isEnabled()


def test_the_demo_shops_backup_is_offered_under_a_name_of_its_own(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """Back up now in Try the demo offered the very name a backup of her own inbox gets, and on the
    new laptop she picked the demo's."""
    from ui.settings_action import back_up_now

    names: list[str] = []

    def cancel(shown: Any) -> str:
        names.append(Path(shown.text).name)
        return ""

    dialogs.expect("getSaveFileName", answer=cancel, times=2)
    back_up_now(window, ctx)
    monkeypatch.setattr(ctx, "demo", True)
    back_up_now(window, ctx)
    assert names[0].startswith("shop-inbox-backup-") and names[1].startswith("shop-inbox-demo-backup-")
