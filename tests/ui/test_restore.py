"""Restoring a backup from Settings: checked while the inbox stays open, unpacked off the GUI thread
behind a progress window, and Shop Inbox starts again on the restored chats."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from app.backup import create_backup
from app.db import Database
from app.paths import paths_for
from app.queries import conversations_page
from tests.support.factories import make_contact, make_message
from ui.restart import take_restart_request
from ui.settings_action import restore


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Any]:
    """An inbox whose database is where its paths say (the restore replaces that file)."""
    from ui.context import AppContext

    paths = paths_for(tmp_path / "shop").ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="오늘 손님"), "안녕하세요")
    yield AppContext(db=db, paths=paths, prefs={"enter_sends": True, "notifications": True})
    db.close()


@pytest.fixture
def shop_window(qtbot: Any, shop: Any) -> Any:
    from ui.main_window import MainWindow

    window = MainWindow(shop)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.show()
    qtbot.waitExposed(window)
    return window


def _names(database: Path) -> list[str]:
    db = Database.open(database)
    try:
        with db.read() as s:
            return [row.display_name for row in conversations_page(s)]
    finally:
        db.close()


def _last_months_backup(tmp_path: Path) -> Path:
    other = paths_for(tmp_path / "last-month").ensure()
    db = Database.open(other.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="지난달 손님"), "셔츠 재입고 되나요?")
    db.close()
    return create_backup(other, tmp_path / "last-month.zip").path


def test_a_restored_backup_replaces_the_chats_and_the_app_starts_again(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    window, ctx = shop_window, shop
    backup = _last_months_backup(tmp_path)
    dialogs.expect("modal", answer=None, times=None)  # the progress window, while the backup unpacks
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    restore(window, ctx, backup)
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert "Your chats were restored. Shop Inbox starts again now." in told.shown[0].text
    assert not window.isVisible()
    assert take_restart_request()
    assert _names(ctx.paths.database) == ["지난달 손님"]
    kept = next((ctx.paths.data_dir / "replaced").iterdir())
    assert _names(kept / ctx.paths.database.name) == ["오늘 손님"]  # today's chats, kept aside


def test_a_file_that_is_no_backup_is_refused_and_the_inbox_stays_open(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    window, ctx = shop_window, shop
    photo = tmp_path / "photo.zip"
    photo.write_bytes(b"PK\x03\x04 not really a zip")
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)

    restore(window, ctx, photo)
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=10_000)
    assert "damaged" in refused.shown[0].text or "not a Shop Inbox backup" in refused.shown[0].text
    assert window.isVisible()
    assert not take_restart_request()
    # No progress window made either (one made waits a few seconds, then shows itself, empty).
    assert window.findChildren(QProgressDialog) == []
    with ctx.db.read() as s:  # still open, still today's chats
        assert [row.display_name for row in conversations_page(s)] == ["오늘 손님"]


def test_the_question_names_the_backup_and_when_it_was_saved(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """An owner with a folder of backups sees which one they picked, and that the app starts again."""
    import os
    from datetime import datetime

    from ui.settings_dialog import SettingsDialog

    backup = _last_months_backup(tmp_path)
    saved = datetime(2026, 11, 3, 14, 5).timestamp()
    os.utime(backup, (saved, saved))
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialogs.expect("getOpenFileName", answer=str(backup))
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    with qtbot.assertNotEmitted(dialog.restore_requested):
        dialog.choose_restore()
        qtbot.waitUntil(lambda: bool(asked.shown), timeout=10_000)  # once the file is checked
    text = asked.shown[0].text
    assert text.startswith("Restore last-month.zip, saved ")
    assert "11/3/2026" in text and "Shop Inbox starts again" in text  # the locale's date, its year whole


def test_a_restore_the_owner_said_no_to_leaves_the_keyboard_on_restore(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Greyed out while the backup was checked, the button handed the focus on to "Back up every
    day to a folder": after "No", the owner's next Space ticked it and a folder picker opened."""
    from ui.settings_dialog import SettingsDialog

    backup = _last_months_backup(tmp_path)
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.restore_button.setFocus()
    dialogs.expect("getOpenFileName", answer=str(backup))
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10_000)
    qtbot.waitUntil(dialog.restore_button.isEnabled)
    assert dialog.focusWidget() is dialog.restore_button


def test_a_chat_export_picked_by_mistake_is_refused_before_anything_is_asked(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """The owner picks a WhatsApp chat export (a .zip too): no question about replacing everything,
    a plain refusal saying which file to pick, and Settings stays open to pick another."""
    import zipfile

    from ui.settings_dialog import SettingsDialog

    chat = tmp_path / "WhatsApp Chat with 김민지.zip"
    with zipfile.ZipFile(chat, "w") as zf:
        zf.writestr("_chat.txt", "[2026. 11. 3. 오후 2:05:00] 김민지: 셔츠 재입고 되나요?")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialogs.expect("getOpenFileName", answer=str(chat))
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)  # and no "question"
    with qtbot.assertNotEmitted(dialog.restore_requested):
        dialog.restore_button.click()
        qtbot.waitUntil(lambda: bool(refused.shown), timeout=10_000)
    assert refused.shown[0].text == (
        "This file is not a Shop Inbox backup file. Choose a .zip file made with Settings ▸ Back up now."
    )
    assert dialog.isVisible()
    assert dialog.restore_button.isEnabled()  # to pick the right file


def test_a_demo_that_is_not_kept_offers_no_restore(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    """The plain demo lives in a temporary folder that goes when it closes: a backup restored into it
    would be gone at the restart, so the button says why it is off. A demo kept in a folder restores."""
    from ui.settings_dialog import SettingsDialog

    ctx.demo = True
    plain = SettingsDialog(ctx)
    qtbot.addWidget(plain)
    assert not plain.restore_button.isEnabled()
    assert "not kept" in plain.restore_button.toolTip()

    ctx.demo_kept_in = tmp_path
    kept = SettingsDialog(ctx)
    qtbot.addWidget(kept)
    assert kept.restore_button.isEnabled()


def test_settings_say_what_earlier_restores_kept_and_let_it_go(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Each restore keeps the inbox it replaced: Settings says how many and how much, and deletes
    them on request, leaving today's inbox alone."""
    from ui.settings_dialog import SettingsDialog

    for stamp in ("20261101-090000", "20261120-180000"):
        kept = ctx.paths.data_dir / "replaced" / stamp
        (kept / "media").mkdir(parents=True)
        (kept / "inbox.db").write_bytes(b"x" * 300_000)
        (kept / "media" / "photo.jpg").write_bytes(b"y" * 200_000)
    today = ctx.paths.media_dir / "today.jpg"
    today.write_bytes(b"z" * 1000)

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.kept_note.isVisible(), timeout=10_000)
    assert dialog.kept_note.text() == (
        "Of this, 1.0 MB is taken by 2 earlier inboxes kept when backups were restored."
    )

    dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.remove_kept, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.kept_note.isVisible(), timeout=10_000)
    assert not (ctx.paths.data_dir / "replaced").exists()
    assert today.read_bytes() == b"z" * 1000


def test_the_app_starts_on_the_restored_inbox_after_a_crash_between_the_renames(tmp_path: Path) -> None:
    """Killed mid-restore, right after today's inbox went aside: Shop Inbox starts anyway, on the
    backup the owner restored, not on an empty first-run inbox."""
    import os
    import subprocess
    import sys

    from app.backup import UNPACKED, _unpack
    from app.paths import RESTORING

    data = tmp_path / "portable"
    paths = paths_for(data).ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="오늘 손님"), "안녕하세요")
    db.close()
    staging = data / (RESTORING + "20261202-050000")
    _unpack(_last_months_backup(tmp_path), staging)
    assert (staging / UNPACKED).exists()
    (data / "replaced" / "20261202-050000").mkdir(parents=True)
    paths.database.rename(data / "replaced" / "20261202-050000" / "inbox.db")  # then the crash

    started = subprocess.run(
        [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(data)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert started.returncode == 0, started.stdout + started.stderr
    assert _names(paths.database) == ["지난달 손님"]
    assert _names(data / "replaced" / "20261202-050000" / "inbox.db") == ["오늘 손님"]
    assert not staging.exists()


def test_a_campaign_draft_kept_open_stops_the_restore_before_anything_closes(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """A campaign typed and not saved is open: the restore asks about it first, as quitting does; kept
    (Cancel), nothing is restored and the inbox stays open and usable."""
    from tests.support.campaign_window import open_window, seed

    seed(shop)
    campaigns = open_window(qtbot, shop)
    qtbot.keyClicks(campaigns.editor.name, "Winter sale")
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Cancel)

    restore(shop_window, shop, _last_months_backup(tmp_path))
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10_000)
    assert asked.texts == ["Save the changes to this campaign as a draft?"]
    assert campaigns.isVisible() and campaigns.editor.name.text() == "Winter sale"
    assert shop_window.isVisible() and not take_restart_request()
    assert _names(shop.paths.database)[0] == "오늘 손님"  # today's inbox, still in place and open
    with shop.db.read() as s:
        assert conversations_page(s)


def test_from_the_restore_until_the_new_window_is_up_a_notice_says_shop_inbox_starts_again(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no window at all for a second or more after a restore, the owner thought it had crashed."""
    import subprocess
    import sys

    from ui import restart
    from ui.single_instance import RESTARTING_NAME

    window, ctx = shop_window, shop
    backup = _last_months_backup(tmp_path)
    dialogs.expect("modal", answer=None, times=None)  # the progress window, while the backup unpacks
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    restore(window, ctx, backup)
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert not window.isVisible()
    notice = restart.show_restart_notice()  # what the app does as its event loop ends
    assert notice is not None and notice.isVisible()
    assert "starting again" in notice.text()
    # Where the window was, not somewhere on another screen.
    assert notice.geometry().contains(window.frameGeometry().center())

    # The next run, a real process: its window shown, it says so (and leaves a note that it did).
    folder = ctx.paths.data_dir
    runs: list[subprocess.Popen[bytes]] = []
    marked: list[bool] = []
    shown = (
        "from pathlib import Path; from ui.restart import new_window_shown; "
        f"folder = Path({str(folder)!r}); (folder / 'next-run-shown').touch(); new_window_shown(folder)"
    )

    def next_run() -> bool:
        marked.append((folder / RESTARTING_NAME).exists())
        runs.append(subprocess.Popen([sys.executable, "-c", shown], cwd=Path(__file__).parents[2]))
        return True

    monkeypatch.setattr(restart, "relaunch", next_run)
    restart.relaunch_if_asked(folder)
    assert (folder / "next-run-shown").exists()  # the notice stayed until the next window was up
    assert marked == [True] and runs[0].wait(60) == 0
    assert not (folder / RESTARTING_NAME).exists()
    assert restart.restart_notice_shown() is None and not notice.isVisible()


def test_a_backup_of_the_demo_shop_says_so_before_it_would_replace_her_own_inbox(
    qtbot: Any, ctx: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Sun-hee tried the demo on her old laptop and pressed Back up now there too: its file is named
    like her own inbox's backup, and restoring it on the new laptop put made-up customers in place
    of her shop with no word of it."""
    from app.backup import check_backup
    from ui.demo import start_demo
    from ui.settings_dialog import SettingsDialog

    demo = start_demo("ko", folder=tmp_path / "tried the demo", speed=20)
    try:
        demo_backup = create_backup(demo.paths, tmp_path / "shop-inbox-backup-2026-12-05-1759.zip").path
    finally:
        assert demo.stop_demo is not None
        demo.stop_demo()
        demo.db.close()
    own_backup = _last_months_backup(tmp_path)
    assert (check_backup(demo_backup).demo, check_backup(own_backup).demo) == (True, False)

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    for backup, demo_named in ((demo_backup, True), (own_backup, False)):
        dialogs.expect("getOpenFileName", answer=str(backup))
        asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
        with qtbot.assertNotEmitted(dialog.restore_requested):
            dialog.choose_restore()
            qtbot.waitUntil(lambda asked=asked: bool(asked.shown), timeout=10_000)
        text = asked.shown[0].text
        assert text.startswith(f"Restore {backup.name}, saved ")
        assert ("This is a backup of the demo shop" in text) is demo_named, text
        assert ("It holds nothing of your own shop." in text) is demo_named
