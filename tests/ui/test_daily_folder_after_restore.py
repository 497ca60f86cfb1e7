"""A new computer's restore brings the old computer's daily backup folder: the first start on the
restored inbox says the folder is not here, in a new computer's words, and its button opens Settings'
folder choice. A stick is named only for a folder on a plugged-in drive."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from app.backup import create_backup
from app.db import Database
from app.errors import ErrorCode, InvalidInput, PathParams
from app.paths import MOUNT_TABLE_ENV, looks_removable, paths_for
from app.settings import read_preferences, update_preferences
from tests.support.factories import make_contact, make_message
from tests.support.slow_preferences import store_slow_preferences
from ui.context import AppContext
from ui.daily_folder_notice import RESTORED_KEY
from ui.ops import failure_sentence, pending_ops
from ui.restart import take_restart_request
from ui.restore_choice import RestoreChoice
from ui.settings_action import restore


def _old_computers_backup(tmp_path: Path, daily_folder: str, *, bulky: bool = False) -> Path:
    """`bulky`: the old computer's preferences take a moment to read (tests/support/slow_preferences.py)."""
    old = paths_for(tmp_path / "old-laptop").ensure()
    db = Database.open(old.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="지난달 손님"), "셔츠 재입고 되나요?")
    prefs = update_preferences(db, backup_folder=daily_folder, setup_done=True)
    if bulky:
        store_slow_preferences(db, prefs)
    db.close()
    return create_backup(old, tmp_path / "old-laptop.zip").path


def _restore_then_start_again(qtbot: Any, dialogs: Any, tmp_path: Path, backup: Path) -> Any:
    """The new computer's inbox restores `backup` through Settings' own restore, then starts again
    on it as the restart does: a new context read from the restored file, a new window, its sync."""
    from ui.main_window import MainWindow

    paths = paths_for(tmp_path / "new-laptop").ensure()
    db = Database.open(paths.database)
    ctx = AppContext(db=db, paths=paths, prefs={"enter_sends": True, "notifications": True})
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    qtbot.waitExposed(window)
    dialogs.expect("modal", answer=None, times=None)  # the progress window, then the notice itself
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    restore(window, ctx, RestoreChoice(backup))
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert take_restart_request()
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)

    restored = Database.open(paths.database)
    again = AppContext(db=restored, paths=paths, prefs=dataclasses.asdict(read_preferences(restored)))
    started = MainWindow(again)

    def close(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()
        restored.close()

    qtbot.addWidget(started, before_close_func=close)
    started.show()
    qtbot.waitExposed(started)
    started.start_sync()
    return started


def _notice(window: Any) -> QMessageBox | None:
    return window.findChild(QMessageBox, "dailyFolderNotHere")


def test_the_old_computers_daily_folder_is_said_at_once_and_its_button_opens_the_choice(
    qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    old_folder = str(tmp_path / "Users" / "minji" / "Documents" / "Shop Inbox backups")
    backup = _old_computers_backup(tmp_path, old_folder)
    window = _restore_then_start_again(qtbot, dialogs, tmp_path, backup)

    qtbot.waitUntil(lambda: _notice(window) is not None, timeout=5000)
    box = _notice(window)
    assert box is not None and box.isVisible()
    assert box.text() == (
        f"The daily backup folder from your old computer isn't on this computer:\n{old_folder}\n"
        "Choose a folder on this computer for the daily backups."
    )
    assert "USB" not in box.text()
    chosen = tmp_path / "new-laptop-backups"
    chosen.mkdir()
    picked = dialogs.expect("getExistingDirectory", answer=str(chosen))
    choose = box.defaultButton()
    assert choose is not None and choose.text() == "&Choose a folder…"
    choose.click()
    qtbot.waitUntil(lambda: bool(picked.shown), timeout=5000)  # Settings open, its folder picker asked
    from ui.settings_dialog import SettingsDialog

    settings = window.findChild(SettingsDialog)
    assert settings is not None and settings.isVisible()
    # The picked folder is an edit whichever read came first (read before the pick, the form once took
    # the pick as read when the prices' read landed after it): closing asks, and she drops it.
    qtbot.waitUntil(lambda: settings.loaded, timeout=20_000)
    assert settings.has_unsaved_edits()
    dialogs.expect("question", answer=QMessageBox.StandardButton.Discard)
    settings.reject()
    qtbot.waitUntil(lambda: not settings.isVisible(), timeout=5000)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_folder_picked_before_settings_has_read_the_preferences_is_saved_and_backed_up_to(
    qtbot: Any, dialogs: Any, tmp_path: Path, request: pytest.FixtureRequest, language: str
) -> None:
    """The owner picks at once; the stored preferences (the old computer's folder among them)
    arrive after: they never put the old folder back, and Save keeps the one she picked."""
    from app.backup import backups_in, shop_tag
    from ui.settings_dialog import SettingsDialog

    if language == "ko":
        request.getfixturevalue("korean")
    old_folder = str(tmp_path / "Users" / "minji" / "Documents" / "샵 인박스 백업")
    window = _restore_then_start_again(
        qtbot, dialogs, tmp_path, _old_computers_backup(tmp_path, old_folder, bulky=True)
    )
    qtbot.waitUntil(lambda: _notice(window) is not None, timeout=5000)
    box = _notice(window)
    assert box is not None
    choose = box.defaultButton()
    assert choose is not None
    assert choose.text() == {"en": "&Choose a folder…", "ko": "폴더 고르기(&C)…"}[language]
    chosen = tmp_path / "새 노트북 백업"
    chosen.mkdir()
    read_at_the_pick: list[bool] = []

    def pick(_shown: Any) -> str:
        settings = window.findChild(SettingsDialog)
        read_at_the_pick.append(settings.loaded)
        return str(chosen)

    picker = dialogs.expect("getExistingDirectory", answer=pick)
    choose.click()
    qtbot.waitUntil(lambda: bool(read_at_the_pick), timeout=5000)
    assert old_folder not in picker.shown[0].text  # not opened on the folder that is not here
    settings = window.findChild(SettingsDialog)
    assert settings is not None
    qtbot.waitUntil(lambda: settings.loaded and settings.save_button.isEnabled(), timeout=20_000)
    # Usually the pick comes first and the stored preferences arrive after it; on a quick machine they
    # may come first. Either way the pick stands and Esc would ask.
    assert len(read_at_the_pick) == 1
    assert settings.auto_backup.isChecked() and settings.auto_folder.text() == str(chosen)
    assert settings.has_unsaved_edits()  # Esc now would ask, not drop the pick

    daily = window.auto_backup
    with qtbot.waitSignal(daily.finished, timeout=20_000):  # Save starts the first backup there
        settings.save_button.click()
    assert read_preferences(window.ctx.db).backup_folder == str(chosen) == window.ctx.prefs["backup_folder"]
    assert daily.failure is None
    assert len(backups_in(chosen, shop_tag(window.ctx.paths))) == 1
    assert not Path(old_folder).exists()  # nothing made at the old computer's place


def test_nothing_is_said_when_the_folder_is_here_and_the_next_start_looks_no_more(
    qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    here = tmp_path / "shared-backups"
    here.mkdir()
    window = _restore_then_start_again(qtbot, dialogs, tmp_path, _old_computers_backup(tmp_path, str(here)))
    qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
    assert _notice(window) is None
    memory = QSettings(str(window.ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    assert memory.value(RESTORED_KEY) is None  # only the first start after a restore looks


@pytest.mark.parametrize(
    ("folder", "removable"),
    [
        ("E:\\Shop Inbox backups", True),
        ("/Volumes/SHOP STICK/backups", True),
        ("/media/minji/USB/backups", True),
        ("C:\\Users\\minji\\Documents\\backups", False),
        ("/Users/minji/Documents/backups", False),
        ("/home/minji/backups", False),
        ("\\\\nas\\shop\\backups", False),
    ],
)
def test_a_stick_is_named_only_for_a_plugged_in_drives_folder(
    folder: str, removable: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mounts").write_text("/dev/nvme0n1p2 / ext4 rw,relatime 0 0\n")  # none of these is here
    monkeypatch.setenv(MOUNT_TABLE_ENV, str(tmp_path / "mounts"))
    assert looks_removable(folder) is removable
    sentence = failure_sentence(InvalidInput(code=ErrorCode.BACKUP_FOLDER_MISSING, params=PathParams(folder)))
    assert folder in sentence
    assert ("USB stick" in sentence) is removable
    if not removable:  # the first failed daily backup says it in a new computer's words too
        assert "not on this computer" in sentence and "Settings ▸ Your data" in sentence


LINUX_MOUNTS = r"""/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
/dev/nvme0n1p3 /home ext4 rw,relatime 0 0
/dev/sdb1 /media/minji/SHOP\040STICK vfat rw,nosuid,nodev,uid=1000,uhelper=udisks2 0 0
/dev/sdc1 /home/minji/camera-card exfat rw,nosuid,nodev 0 0
/dev/sdd1 /run/media/minji/Backup ext4 rw,nosuid,nodev,uhelper=udisks2 0 0
/dev/sda2 /mnt/data ext4 rw,relatime 0 0
C:\134 /mnt/c 9p rw,relatime,aname=drvfs 0 0
"""
# A Mac has no /proc: its volumes, written as the table a test can give (at run time a Mac's folder
# is read by its words).
MACOS_MOUNTS = r"""/dev/disk3s1s1 / apfs ro,local,journaled 0 0
/dev/disk3s5 /System/Volumes/Data apfs rw,local,journaled 0 0
/dev/disk4s1 /Volumes/SHOP\040STICK msdos rw,local,nodev,nosuid,noowners 0 0
/dev/disk5s2 /Volumes/Time\040Machine apfs rw,local,nodev,nosuid,journaled 0 0
"""
WINDOWS_DRIVES = r"""C: C:\ fixed rw 0 0
D: D:\ fixed rw 0 0
E: E:\ removable rw 0 0
F: F:\ cdrom rw 0 0
Z: Z:\ remote rw 0 0
"""


@pytest.mark.parametrize(
    ("folder", "mounts", "removable"),
    [
        ("/media/minji/SHOP STICK/가게 백업", LINUX_MOUNTS, True),  # the desktop mounted it when plugged in
        ("/home/minji/camera-card/backups", LINUX_MOUNTS, True),  # a card, wherever it is mounted
        ("/run/media/minji/Backup/shop", LINUX_MOUNTS, True),  # an outside disk, whatever its format
        ("/home/minji/backups", LINUX_MOUNTS, False),
        ("/tmp/backups", LINUX_MOUNTS, False),
        ("/mnt/data/backups", LINUX_MOUNTS, False),  # a second disk inside: /mnt alone is no stick
        ("/mnt/c/Users/minji/backups", LINUX_MOUNTS, False),  # Windows' C: under WSL
        ("/media/minji/OTHER/backups", LINUX_MOUNTS, True),  # not plugged in: its words say a drive
        ("/Volumes/SHOP STICK/backups", MACOS_MOUNTS, True),
        ("/Volumes/Time Machine/shop", MACOS_MOUNTS, True),
        ("/Users/minji/Documents/backups", MACOS_MOUNTS, False),
        ("/Volumes/Old Stick/backups", MACOS_MOUNTS, True),  # not plugged in
        ("E:\\샵 백업", WINDOWS_DRIVES, True),
        ("e:\\샵 백업", WINDOWS_DRIVES, True),
        ("F:\\backups", WINDOWS_DRIVES, True),
        ("D:\\샵 백업", WINDOWS_DRIVES, False),  # the laptop's own second disk, not a stick
        ("Z:\\shop\\backups", WINDOWS_DRIVES, False),  # a network drive
        ("C:\\Users\\민지\\Documents", WINDOWS_DRIVES, False),
        ("G:\\backups", WINDOWS_DRIVES, True),  # no drive G: here now: a letter past C: is a drive's
    ],
)
def test_this_computers_drives_say_which_folder_is_on_a_plugged_in_one(
    folder: str, mounts: str, removable: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "mounts"
    table.write_text(mounts, encoding="utf-8")
    monkeypatch.setenv(MOUNT_TABLE_ENV, str(table))
    assert looks_removable(folder) is removable
    assert looks_removable(folder, mounts) is removable  # the same table given, not read
    sentence = failure_sentence(InvalidInput(code=ErrorCode.BACKUP_FOLDER_MISSING, params=PathParams(folder)))
    assert ("USB stick" in sentence) is removable


def test_in_korean_the_notice_and_its_button_read_naturally(qtbot: Any, korean: None, tmp_path: Path) -> None:
    from ui.daily_folder_notice import tell
    from ui.main_window import MainWindow

    paths = paths_for(tmp_path / "new-laptop").ensure()
    db = Database.open(paths.database)
    window = MainWindow(AppContext(db=db, paths=paths, prefs={"enter_sends": True}))

    def close(w: Any) -> None:
        w.shutdown()
        db.close()

    qtbot.addWidget(window, before_close_func=close)
    folder = "C:\\Users\\민지\\Documents\\샵 백업"
    box = tell(window, folder)
    assert box.windowTitle() == "매일 백업 폴더를 찾을 수 없어요"
    assert box.text() == (
        f"이전 컴퓨터의 매일 백업 폴더가 이\u00a0컴퓨터에는 없어요.\n{folder}\n"
        "매일 백업할 폴더를 이\u00a0컴퓨터에서 골라 주세요."
    )
    assert box.defaultButton().text() == "폴더 고르기(&C)…"
    assert "USB" not in box.text()
    box.reject()
    stick = tell(window, "E:\\샵 백업")
    assert "USB 메모리" in stick.text()
    stick.reject()
    missing = failure_sentence(InvalidInput(code=ErrorCode.BACKUP_FOLDER_MISSING, params=PathParams(folder)))
    assert "설정\u00a0▸\u00a0내\u00a0데이터에서" in missing and "USB" not in missing


def test_the_wizards_restore_on_a_new_computer_says_it_too(qtbot: Any, dialogs: Any, tmp_path: Path) -> None:
    """The new laptop's first start: the wizard restores the old laptop's backup (as
    test_first_run.py's new-computer test), and the inbox it opens says the folder is not here."""
    import argparse

    from PySide6.QtWidgets import QApplication

    from tests.ui.test_first_run import the_app_as_it_was
    from ui.application import open_inbox
    from ui.main_window import MainWindow

    old_folder = str(tmp_path / "Users" / "minji" / "OneDrive" / "가게 백업")
    backup = _old_computers_backup(tmp_path, old_folder)

    def restore_the_old_laptops_backup(wizard: Any) -> None:
        dialogs.expect("getOpenFileName", answer=str(backup))
        dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
        dialogs.expect("question", answer=QMessageBox.StandardButton.No)  # open at sign-in: not here
        wizard.restore_button.click()

    dialogs.expect("modal", answer=restore_the_old_laptops_backup)
    paths = paths_for(tmp_path / "new-laptop").ensure()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    with the_app_as_it_was(app):
        ctx = open_inbox(app, argparse.Namespace(smoke=False, lang="en"), paths)
    assert ctx is not None and ctx.prefs["backup_folder"] == old_folder
    window = MainWindow(ctx)

    def close(w: Any) -> None:
        qtbot.waitUntil(lambda: pending_ops() == 0, timeout=5000)
        w.shutdown()
        ctx.db.close()

    qtbot.addWidget(window, before_close_func=close)
    dialogs.expect("modal", answer=None, times=None)  # the notice, looked at here and closed
    window.show()
    qtbot.waitExposed(window)
    window.start_sync()
    qtbot.waitUntil(lambda: _notice(window) is not None, timeout=5000)
    box = _notice(window)
    assert box is not None and old_folder in box.text() and "old computer" in box.text()
    box.reject()
