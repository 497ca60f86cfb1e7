"""Settings ▸ Your data ▸ Back up every day: the owner picks a folder on a USB stick, saves, and a
backup is there at once and then every day; a stick taken out is said in Settings, never lost."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from app.paths import MOUNT_TABLE_ENV
from tests.support.factories import make_contact, make_message
from tests.support.window_waits import closed


def open_settings(window: Any, qtbot: Any, dialogs: Any) -> Any:
    """File ▸ Settings, as the menu opens it (window-modal), its stored preferences read."""
    from ui.settings_action import open_settings as open_it

    dialogs.expect("modal")  # left open for the test to use
    dialog = open_it(window, window.ctx)
    qtbot.waitUntil(lambda: dialog.loaded and dialog.prices_loaded, timeout=5000)
    return dialog


def test_a_folder_picked_in_settings_gets_a_backup_at_once_and_settings_says_when(
    qtbot: Any, window: Any, dialogs: Any, tmp_path: Path
) -> None:
    from app.backup import backups_in, restore_backup, shop_tag
    from app.db import Database
    from app.paths import paths_for
    from app.queries import messages_page
    from app.settings import read_preferences

    ctx = window.ctx
    with ctx.db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "주문할게요")
    ctx.paths = paths_for(ctx.db.path.parent).ensure()  # the shop's own folder: its inbox is backed up
    window.start_sync()
    usb = tmp_path / "USB" / "가게 백업"
    usb.mkdir(parents=True)

    dialog = open_settings(window, qtbot, dialogs)
    assert not dialog.auto_backup.isChecked() and not dialog.auto_folder.isVisible()
    picked = dialogs.expect("getExistingDirectory", answer=str(usb))
    dialog.auto_backup.click()  # no folder yet: ticking the box asks for one
    assert picked.shown and dialog.auto_backup.isChecked()
    assert dialog.auto_folder.text() == str(usb)
    qtbot.waitUntil(lambda: dialog.auto_status.text().startswith("No backup there yet"), timeout=5000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    assert read_preferences(ctx.db).backup_folder == str(usb)

    qtbot.waitUntil(lambda: bool(backups_in(usb, shop_tag(ctx.paths))), timeout=10_000)
    assert window.auto_backup.failure is None
    restored = paths_for(tmp_path / "new laptop").ensure()
    restore_backup(backups_in(usb, shop_tag(ctx.paths))[0][1], restored)
    copy = Database.open(restored.database)
    with copy.read() as s:
        from sqlalchemy import select

        from app.models import Contact

        kim = s.scalars(select(Contact)).one()
        assert [m.body for m in messages_page(s, kim.id)] == ["주문할게요"]
    copy.close()

    again = open_settings(window, qtbot, dialogs)
    qtbot.waitUntil(lambda: again.auto_status.text().startswith("Last backup: "), timeout=5000)
    assert again.auto_status.text().endswith(
        "The 7 newest are kept; older ones there are removed, sooner when the disk runs out of room."
    )
    restore = dialogs.expect("getOpenFileName", answer=None)
    again.choose_restore()
    assert Path(restore.shown[0].text) == usb  # Restore starts where the daily backups are
    again.reject()


def test_a_usb_stick_taken_out_is_said_in_settings_and_the_next_look_backs_up(
    qtbot: Any,
    window: Any,
    dialogs: Any,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.backup import backups_in, shop_tag
    from app.paths import paths_for
    from app.settings import update_preferences
    from ui.formatting import full_datetime

    ctx = window.ctx
    ctx.paths = paths_for(ctx.db.path.parent).ensure()
    usb = tmp_path / "USB"
    # The stick as this computer's mount table lists it, mounted by the desktop when plugged in
    # (app.paths.looks_removable reads it; tests/ui/test_daily_folder_after_restore.py reads more).
    mounts = tmp_path / "mounts"
    point = str(usb).replace("\\", "\\134").replace(" ", "\\040")  # written as the table escapes them
    mounts.write_text(
        "/dev/nvme0n1p2 / ext4 rw,relatime 0 0\n"
        f"/dev/sdb1 {point} vfat rw,nosuid,nodev,relatime,uid=1000,uhelper=udisks2 0 0\n",
        encoding="utf-8",
    )
    monkeypatch.setenv(MOUNT_TABLE_ENV, str(mounts))
    update_preferences(ctx.db, backup_folder=str(usb / "가게 백업"))
    ctx.prefs["backup_folder"] = str(usb / "가게 백업")
    window.start_sync()
    daily = window.auto_backup

    told: list[tuple[str, str]] = []
    window.notifier.backup_told.connect(lambda title, text: told.append((title, text)))
    with qtbot.waitSignal(daily.finished, timeout=5000):
        daily.look()  # the stick is out: its folder is gone
    assert daily.failure is not None and not usb.exists()  # nothing made on the computer instead
    assert told == [  # never made yet: said at once, even with the window in front
        (
            "No backup made",
            f"No daily backup has been made yet. The backup folder {usb / '가게 백업'} cannot be found: "
            "is the USB stick or drive plugged in? Shop Inbox tries again every hour.",
        )
    ]
    with qtbot.waitSignal(daily.finished, timeout=5000):
        daily.look()  # an hour later, still out
    assert len(told) == 1  # once a day, not every hour
    # The log says it in a line an hour, with its code, not a traceback an hour for a day's stick out.
    failed = [r for r in caplog.records if r.getMessage().startswith("operation failed")]
    assert len(failed) == 2 and all(r.exc_info is None for r in failed)
    assert "backup_folder_missing" in failed[0].getMessage()
    dialog = open_settings(window, qtbot, dialogs)
    assert dialog.auto_status.text() == (
        f"The last daily backup failed: The backup folder {usb / '가게 백업'} cannot be found: is the "
        "USB stick or drive plugged in? Shop Inbox tries again every hour."
    )
    dialog.reject()

    (usb / "가게 백업").mkdir(parents=True)  # plugged in again
    with qtbot.waitSignal(daily.finished, timeout=10_000):
        daily.look()
    assert daily.failure is None and len(backups_in(usb / "가게 백업", shop_tag(ctx.paths))) == 1
    shutil.rmtree(usb)

    # Three days on, the stick out since the last backup: said again (once a day at most).
    three_days_ago = datetime.now(UTC) - timedelta(days=3)
    daily.memory.setValue("backup/last_made", three_days_ago.isoformat())
    daily.memory.setValue("backup/told", three_days_ago.isoformat())
    with qtbot.waitSignal(daily.finished, timeout=5000):
        daily.look()
    assert len(told) == 2
    assert told[1][1].startswith(f"The last daily backup was made {full_datetime(three_days_ago)}. ")
