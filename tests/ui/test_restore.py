"""Restoring a backup from Settings: checked while the inbox stays open, unpacked off the GUI thread
behind a progress window, and Shop Inbox starts again on the restored chats."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from app.backup import create_backup
from app.db import Database
from app.paths import paths_for
from app.queries import conversations_page
from tests.support.computer_zone import computer_zone, needs_tzset
from tests.support.factories import make_contact, make_message
from ui.restart import take_restart_request
from ui.restore_choice import RestoreChoice
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

    restore(window, ctx, RestoreChoice(backup))
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    assert "Your chats were restored. Shop Inbox starts again now" in told.shown[0].text
    assert not window.isVisible()
    assert take_restart_request()
    assert _names(ctx.paths.database) == ["지난달 손님"]
    kept = next((ctx.paths.data_dir / "replaced").iterdir())
    assert _names(kept / ctx.paths.database.name) == ["오늘 손님"]  # today's chats, kept aside


@needs_tzset
def test_the_folder_the_notice_names_carries_the_hour_on_the_shops_clock(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """A Seoul shop restoring at 02:55 on 8 December goes looking for her old data under that hour,
    not under the UTC one (17:55 the day before) the folder was once named by."""
    window, ctx = shop_window, shop
    backup = _last_months_backup(tmp_path)
    dialogs.expect("modal", answer=None, times=None)
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)

    with computer_zone("Asia/Seoul"):
        before = datetime.now(UTC).replace(microsecond=0)
        restore(window, ctx, RestoreChoice(backup))
        qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
        after = datetime.now(UTC)
    kept = next((ctx.paths.data_dir / "replaced").iterdir())
    assert str(kept) in told.shown[0].text
    assert _names(kept / ctx.paths.database.name) == ["오늘 손님"]
    assert kept.name.endswith("+0900")
    on_the_shops_clock = datetime.strptime(kept.name[:15], "%Y%m%d-%H%M%S").replace(
        tzinfo=ZoneInfo("Asia/Seoul")
    )
    assert before <= on_the_shops_clock <= after
    assert take_restart_request()


def test_a_file_that_is_no_backup_is_refused_and_the_inbox_stays_open(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    window, ctx = shop_window, shop
    photo = tmp_path / "photo.zip"
    photo.write_bytes(b"PK\x03\x04 not really a zip")
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)

    restore(window, ctx, RestoreChoice(photo))
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
    # The UI language's date, the month in words and the year whole ("Nov 3, 2026"; Korean: "2026년 11월 3일").
    assert "saved Nov 3, 2026 2:05\u202fPM?" in text and "Shop Inbox starts again" in text


def test_in_a_korean_window_the_backups_date_reads_as_korean_writes_one(
    korean: None, korean_locale: None, qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """The question said "2026. 11. 3. 오후 2:05에 저장된", a file listing's short date: a Korean
    window writes the day in words in a sentence, as the rest of the app does."""
    import os
    from datetime import datetime

    from ui.menus import install_menus

    backup = _last_months_backup(tmp_path)
    saved = datetime(2026, 11, 3, 14, 5).timestamp()
    os.utime(backup, (saved, saved))
    install_menus(shop_window, shop)
    dialogs.expect("getOpenFileName", answer=str(backup))
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.No)
    file_menu = next(m.menu() for m in shop_window.menuBar().actions() if m.text() == "파일(&F)")
    next(a for a in file_menu.actions() if a.text() == "백업에서 복원(&R)…").trigger()
    qtbot.waitUntil(lambda: bool(asked.shown), timeout=10_000)
    assert asked.shown[0].text.startswith("2026년 11월 3일 오후 2:05에 저장된 last-month.zip에서 복원할까요?")
    assert asked.shown[0].widget == "QMessageBox [복원(&R) | 취소(&C)] default 취소(&C)"


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

    restore(shop_window, shop, RestoreChoice(_last_months_backup(tmp_path)))
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
    restore(window, ctx, RestoreChoice(backup))
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


def _pressing(key: Qt.Key) -> Callable[[Any], QMessageBox.StandardButton]:
    """A question answered from the keyboard alone, as a hurried owner does: `key` pressed on it."""

    def answer(_shown: Any) -> QMessageBox.StandardButton:
        [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        QTest.keyClick(box, key)
        return box.standardButton(box.clickedButton())

    return answer


def _restore_from_the_file_menu(
    qtbot: Any, window: Any, ctx: Any, dialogs: Any, backup: Path, sign_in_answer: Any
) -> tuple[Any, Any, Any]:
    """File ▸ Restore from backup… picked `backup`, agreed to, and its sign-in question answered with
    `sign_in_answer`: the restore's question, the sign-in question and the finishing message."""
    from ui.menus import install_menus

    install_menus(window, ctx)
    dialogs.expect("getOpenFileName", answer=str(backup))
    asked = dialogs.expect("question", answer=QMessageBox.StandardButton.Yes)
    sign_in = dialogs.expect("question", answer=sign_in_answer)
    dialogs.expect("modal", answer=None, times=None)  # the progress window, while the backup unpacks
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    file_menu = next(m.menu() for m in window.menuBar().actions() if m.text() == "&File")
    next(a for a in file_menu.actions() if a.text() == "&Restore from backup…").trigger()
    qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    return asked, sign_in, told


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Escape])
def test_file_menu_restore_asks_about_sign_in_as_the_first_start_does_and_a_key_keeps_the_backups_answer(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path, key: Qt.Key
) -> None:
    """File ▸ Restore never asked whether to open at sign-in (the first start's restore did, in a box
    ticked under a question whose Enter was Cancel: a hurried Enter dropped the restore). Now the
    restore's question keeps Cancel as its default (it replaces everything), and a question of its
    own follows, whose Enter and Esc both take the backup's answer: a shop's inbox opens at sign-in."""
    from app.sign_in import SignInStart, start_command

    asked, sign_in, told = _restore_from_the_file_menu(
        qtbot, shop_window, shop, dialogs, _last_months_backup(tmp_path), _pressing(key)
    )
    assert asked.shown[0].widget == "QMessageBox [&Restore | &Cancel] default &Cancel"
    assert sign_in.texts == ["Open Shop Inbox by itself when you sign in to this computer?"]
    assert sign_in.shown[0].widget == "QMessageBox [&Open at sign-in | &Don't open] default &Open at sign-in"
    assert SignInStart.for_this_user().opens(start_command(shop.paths.data_dir))
    assert take_restart_request()
    assert _names(shop.paths.database) == ["지난달 손님"]
    # The restored settings' language comes with the start again: said, not found out.
    assert "starts again now, in the language and with the settings of the backup" in told.shown[0].text


def test_a_demo_shops_backup_restored_from_the_file_menu_defaults_to_not_opening_at_sign_in(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """Its customers are made up: Enter leaves this computer's start-up list without Shop Inbox (an
    entry there before goes), and only a deliberate "Open at sign-in" would put it in."""
    from app.demo_seed import DEMO_SHOP_SETTING
    from app.settings import put_setting
    from app.sign_in import SignInStart

    demo = paths_for(tmp_path / "tried-the-demo").ensure()
    db = Database.open(demo.database)
    with db.write() as s:
        put_setting(s, DEMO_SHOP_SETTING, True)
        make_message(s, make_contact(s, profile_name="데모 손님"), "안녕하세요")
    db.close()
    backup = create_backup(demo, tmp_path / "demo.zip").path
    SignInStart.for_this_user().turn_on(["/opt/old-install/ShopInbox"])

    _asked, sign_in, _told = _restore_from_the_file_menu(
        qtbot, shop_window, shop, dialogs, backup, _pressing(Qt.Key.Key_Return)
    )
    assert sign_in.shown[0].widget.endswith("default &Don't open")
    assert not SignInStart.for_this_user().is_on()
    assert _names(shop.paths.database) == ["데모 손님"]
    assert take_restart_request()


def test_a_restore_refused_leaves_the_sign_in_start_as_it_was(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """The owner said "Don't open", then the backup was refused (damaged since she picked it: a USB
    stick pulled out): today's chats stay, and so does the computer's start-up entry; the answer
    goes with the restore it came with."""
    from app.sign_in import SignInStart

    sign_in_start = SignInStart.for_this_user()
    sign_in_start.turn_on(["/opt/shop-inbox/ShopInbox"])
    backup = _last_months_backup(tmp_path)
    backup.write_bytes(backup.read_bytes()[:100])
    refused = dialogs.expect("warning", answer=QMessageBox.StandardButton.Ok)
    restore(shop_window, shop, RestoreChoice(backup, open_at_sign_in=False))
    qtbot.waitUntil(lambda: bool(refused.shown), timeout=20_000)
    assert sign_in_start.is_on()
    assert shop_window.isVisible() and not take_restart_request()


def test_a_run_started_with_a_language_option_does_not_promise_the_backups_language(
    qtbot: Any, shop_window: Any, shop: Any, dialogs: Any, tmp_path: Path
) -> None:
    """`--lang` wins over the settings' language, and the start again keeps it: the finishing
    message then says only that Shop Inbox starts again, not that it comes back in another language."""
    from ui.translations import remember_language_option

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialogs.expect("modal", answer=None, times=None)  # the progress window, while the backup unpacks
    told = dialogs.expect("information", answer=QMessageBox.StandardButton.Ok)
    remember_language_option(app, "ko")
    try:
        restore(shop_window, shop, RestoreChoice(_last_months_backup(tmp_path)))
        qtbot.waitUntil(lambda: bool(told.shown), timeout=20_000)
    finally:
        remember_language_option(app, None)
    assert told.shown[0].text.startswith("Your chats were restored. Shop Inbox starts again now.\n")
    assert "language" not in told.shown[0].text
    assert take_restart_request()
