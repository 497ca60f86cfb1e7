"""A full disk under the inbox file: the owner reads why in plain words, and nothing typed is lost."""

from __future__ import annotations

import sqlite3
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from sqlalchemy import func, select

from app.models import Message
from tests.support.factories import BASE_TIME, make_contact, make_message
from tests.support.full_disk import inbox_read_only, limit_the_inbox_file, page_count, run_on_a_full_disk
from tests.support.opened_urls import Opened
from tests.support.window_waits import load_chats, select_chat, settle

ROOT = Path(__file__).resolve().parents[2]


def messages(ctx: Any) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Message)) or 0)


def open_chat_of(window: Any, qtbot: Any, name: str, wrote: str) -> None:
    """A customer who wrote just now, their chat open."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name=name, last_inbound_at=datetime.now(UTC))
        make_message(s, c, wrote, sent_at=BASE_TIME)
        contact_id = c.id
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)


def reply_and_read_the_warning(window: Any, qtbot: Any, dialogs: Any, text: str) -> Any:
    """Type `text`, press Enter, and return the warning the owner was shown."""
    warned = dialogs.expect("warning")
    composer = window.chat.composer
    composer.edit.setPlainText(text)
    composer.edit.setFocus()
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(warned.shown), timeout=5000)
    return warned


def test_a_reply_on_a_full_disk_says_so_and_stays_in_the_composer(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    open_chat_of(window, qtbot, "김민지", "주문할게요")
    limit_the_inbox_file(window.ctx.db, page_count(window.ctx.db))
    reply = " ".join(["네, 주문 확인했어요."] * 300)  # 3,600 letters: more than the pages left hold

    warned = reply_and_read_the_warning(window, qtbot, dialogs, reply)
    assert warned.shown[0].title == "Not sent"
    assert warned.texts == [
        "The disk is full, so Shop Inbox could not save this. Nothing else was lost: free some space "
        "on this computer, then try again."
    ]
    composer = window.chat.composer
    assert composer.edit.toPlainText() == reply
    assert messages(window.ctx) == 1

    limit_the_inbox_file(window.ctx.db, None)  # space freed
    qtbot.keyClick(composer.edit, Qt.Key.Key_Return)
    settle(qtbot)
    assert messages(window.ctx) == 2 and composer.edit.toPlainText() == ""


def test_a_reply_while_the_inbox_file_cannot_be_written_says_so(
    window: Any, qtbot: Any, dialogs: Any
) -> None:
    open_chat_of(window, qtbot, "Emma", "Is the linen shirt in stock?")
    inbox_read_only(window.ctx.db, True)
    warned = reply_and_read_the_warning(window, qtbot, dialogs, "Yes, in every size.")
    assert warned.texts[0].startswith("Shop Inbox could not save this: its data file is busy")
    assert window.chat.composer.edit.toPlainText() == "Yes, in every size."
    inbox_read_only(window.ctx.db, False)


def test_a_chat_opened_while_the_inbox_file_cannot_be_written_stays_unread_without_a_warning(
    window: Any, qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Marking a chat read is the window's own idea, not the owner's: when the disk will not take it,
    the chat stays unread (the banner speaks of the disk) and no warning pops up at each chat opened."""
    with window.ctx.db.write() as s:
        c = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, c, "주문할게요")
        contact_id = c.id
    load_chats(window, qtbot)
    unread = window.chat_list.model.row_at(0).unread_count
    assert unread > 0
    inbox_read_only(window.ctx.db, True)
    select_chat(window, qtbot, contact_id)

    def failed() -> bool:  # logged first, then handled: a warning dialog would fail the test
        return any(r.getMessage().startswith("operation failed") for r in caplog.records)

    qtbot.waitUntil(failed, timeout=5000)
    settle(qtbot)
    assert window.chat_list.model.row_at(0).unread_count == unread

    inbox_read_only(window.ctx.db, False)  # space freed: the next look marks it read
    window.mark_visible_chat_read()
    qtbot.waitUntil(lambda: window.chat_list.model.row_at(0).unread_count == 0, timeout=5000)


def test_on_a_full_disk_the_chats_open_to_read_only_and_start_again_when_asked(
    qtbot: Any, db: Any, tmp_path: Path, dialogs: Any
) -> None:
    """A start that found no room for SQLite's index beside the inbox (`open_inbox`): the chats are
    there to read, the banner says why nothing comes in or goes out, and Start again ends this run."""
    from app.db import Database
    from app.errors import DiskFull
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.ops import pending_ops
    from ui.restart import take_restart_request

    with db.write() as s:
        c = make_contact(s, profile_name="김민지", last_inbound_at=datetime.now(UTC))
        make_message(s, c, "주문할게요")
        contact_id = c.id
    db.close()  # the last quit was clean; then the disk filled up
    read_only = Database.open_read_only(db.path, DiskFull("no space left"))
    ctx = AppContext(db=read_only, paths=paths_for(tmp_path / "data").ensure(), prefs={"enter_sends": True})
    window = MainWindow(ctx)
    qtbot.addWidget(window, before_close_func=lambda w: qtbot.waitUntil(lambda: pending_ops() == 0))
    window.show()
    window.start_sync()
    load_chats(window, qtbot)
    select_chat(window, qtbot, contact_id)

    banner = window.banner
    assert banner.isVisible() and banner.start_again.isVisible() and not banner.settings.isVisible()
    assert banner.open_folder.isVisible()  # to see which disk to make room on
    assert banner.text.text().startswith("The disk is full, so your chats are open to read only")
    assert ctx.sync is None  # nothing fetched that could not be kept: it waits on the relay
    warned = reply_and_read_the_warning(window, qtbot, dialogs, "네, 있어요")
    assert warned.texts[0].startswith("The disk is full, so Shop Inbox could not save this.")
    assert window.chat.composer.edit.toPlainText() == "네, 있어요"

    qtbot.mouseClick(banner.start_again, Qt.MouseButton.LeftButton)
    assert take_restart_request() and not window.isVisible()
    window.shutdown()
    read_only.close()


def test_a_start_on_a_full_disk_opens_the_chats_to_read_only(tmp_path: Path) -> None:
    """The real start on a real full disk: a small tmpfs filled to the last block, in a mount
    namespace of its own (Linux, as root)."""
    from app.db import Database
    from app.settings import update_preferences

    shop = tmp_path / "shop"
    db = Database.open(shop / "inbox.db")
    update_preferences(db, setup_done=True)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "주문할게요")
    db.close()
    start = f"{sys.executable} -m ui.main --smoke --data-dir {tmp_path}/disk/shop"
    out = run_on_a_full_disk(tmp_path / "disk", shop, start, env={"QT_QPA_PLATFORM": "offscreen"})
    assert "smoke: ok, read only: the disk is full" in out, out


@pytest.mark.parametrize("left_there", ["nothing", "a first start cut short"])
def test_a_first_start_on_a_full_disk_says_that_nothing_was_set_up_yet(
    tmp_path: Path, left_there: str
) -> None:
    """Not "your inbox could not be updated, it is as it was" (there was none) nor "your chats are
    safe" (there are none): the real start on a real full disk, in a folder new or left by a first
    start that stopped halfway (version 0, an empty table of ours, in WAL mode)."""
    shop = tmp_path / "shop"
    shop.mkdir()
    folder = f"{tmp_path}/disk/shop/new"
    if left_there != "nothing":
        con = sqlite3.connect(shop / "inbox.db")
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE contact (id INTEGER PRIMARY KEY)")
        con.close()
        folder = f"{tmp_path}/disk/shop"
    start = f"{sys.executable} -m ui.main --smoke --data-dir {folder}"
    out = run_on_a_full_disk(tmp_path / "disk", shop, start, env={"QT_QPA_PLATFORM": "offscreen"})
    assert "smoke: could not start: NoRoomToSetUp: no room to set up an inbox in" in out, out


FIRST_START_ON_A_NEARLY_FULL_DISK = """
import os, shutil, sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWizard
from ui.application import run
from ui.main import parse_args
from ui.startup_error import StartupErrorDialog
app = QApplication([])
disk = Path(sys.argv[1])
(disk / "photos").write_bytes(bytes(shutil.disk_usage(disk).free - 900 * 1024))  # room for the file only
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, QWizard):
            print("the setup wizard was shown", flush=True)
            os._exit(0)
        if event.type() == QEvent.Type.Show and isinstance(obj, StartupErrorDialog):
            print("said:", obj.explanation.text(), flush=True)
            QTimer.singleShot(0, obj.reject)
        return False
watch = Watch()
app.installEventFilter(watch)
run(parse_args(["--data-dir", str(disk / "shop"), "--lang", "en"]))
"""


def test_a_first_start_on_a_nearly_full_disk_says_so_before_the_setup_wizard(tmp_path: Path) -> None:
    """Room for the new inbox file, none for what the wizard keeps: said at once, not after she typed
    the relay's address and token into a wizard whose Finish could not keep them."""
    from tests.support.full_disk import run_on_a_small_disk

    disk = tmp_path / "disk"
    script = tmp_path / "first_start.py"
    script.write_text(FIRST_START_ON_A_NEARLY_FULL_DISK, encoding="utf-8")
    out = run_on_a_small_disk(
        disk, "4m", f"{sys.executable} {script} {disk}", env={"QT_QPA_PLATFORM": "offscreen"}
    )
    assert f"said: The disk of your data folder, {disk}/shop, is full" in out, out
    assert "Nothing was set up yet" in out and "wizard" not in out, out


def test_a_read_only_inbox_can_still_be_backed_up_from_settings(
    qtbot: Any, tmp_path: Path, dialogs: Any
) -> None:
    """Before freeing space, the owner saves the chats elsewhere: Back up now works on the read-only
    inbox, and the backup holds its chats."""
    from app.backup import restore_backup
    from app.db import Database
    from app.errors import DiskFull
    from app.paths import paths_for
    from ui.context import AppContext
    from ui.settings_dialog import SettingsDialog

    paths = paths_for(tmp_path / "shop").ensure()
    db = Database.open(paths.database)
    with db.write() as s:
        make_message(s, make_contact(s, profile_name="김민지"), "주문할게요")
    db.close()
    read_only = Database.open_read_only(paths.database, DiskFull("no space left"))
    dialog = SettingsDialog(AppContext(db=read_only, paths=paths, prefs={}))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.loaded and dialog.prices_loaded, timeout=5000)
    assert dialog.read_only_note.isVisible()  # says why nothing can be changed, and what still can
    assert not dialog.save_button.isEnabled() and not dialog.restore_button.isEnabled()
    assert not dialog.behaviour.isEnabled() and not dialog.shop.isEnabled()
    assert dialog.backup_button.isEnabled()
    usb = tmp_path / "USB"
    usb.mkdir()
    dialogs.expect("getSaveFileName", answer=str(usb / "가게-백업.zip"))
    dialog.backup_now()
    qtbot.waitUntil(lambda: dialog.backup_button.isEnabled(), timeout=10_000)
    assert dialog.backup_status.text() == f"Backup saved to {usb / '가게-백업.zip'}."
    assert not Path(f"{paths.database}-shm").exists()  # nothing written beside the inbox
    read_only.close()

    restored = paths_for(tmp_path / "new laptop").ensure()
    restore_backup(usb / "가게-백업.zip", restored)
    copy = Database.open(restored.database)
    with copy.read() as s:
        assert [m.body for m in s.scalars(select(Message))] == ["주문할게요"]
    copy.close()


UNREACHABLE_RELAY_ON_A_FULL_DISK = """
import sys, threading
from pathlib import Path
from PySide6.QtWidgets import QApplication
from sqlalchemy import text
from app.db import Database
from app.relay_client import RelayClient
from app.sync import SyncWorker
from ui.connection_banner import ConnectionBanner
app = QApplication([])
disk, port, reading = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "reading"
db = Database.open(disk / "shop" / "inbox.db")  # open as it was when Shop Inbox crashed
if reading:  # its reading connection open already
    with db.read() as s:
        s.execute(text("SELECT 1"))
with open(disk / "fill", "wb") as fill:  # then the disk filled to its last block
    try:
        while True:
            fill.write(bytes(65536))
            fill.flush()
    except OSError:
        pass
stop, said = threading.Event(), []
def on_state(state):
    said.append(state)
    stop.set()
worker = SyncWorker(db, RelayClient(f"http://127.0.0.1:{port}", "token"), on_changed=lambda c: None,
                    on_state=on_state, stop=stop, retry_base=0.01)
thread = threading.Thread(target=worker.run)
thread.start()
thread.join(30)
banner = ConnectionBanner()
banner.set_state(said[-1])
print("state:", said[-1].kind.value, said[-1].disk_full, flush=True)
print("said:", banner.text.text(), flush=True)
"""


@pytest.mark.parametrize(
    ("reading", "state", "sentence"),
    [
        ("reading", "reconnecting True", "The disk is full, and your relay cannot be reached either."),
        # A new connection finds no room for the WAL's index: SQLite says only "disk I/O error".
        ("new", "disk_full False", "The disk is full: new messages wait on your relay"),
    ],
)
def test_a_relay_out_of_reach_on_a_full_disk_is_said_as_the_full_disk_with_what_to_do(
    tmp_path: Path, reading: str, state: str, sentence: str
) -> None:
    """After a crash on a full disk, with the relay out of reach too: the banner says the disk is full
    and what to do (not only that the relay cannot be reached, which would be all she mended)."""
    from tests.support.full_disk import run_on_a_small_disk
    from tests.support.servers import free_port

    disk = tmp_path / "disk"
    script = tmp_path / "unreachable.py"
    script.write_text(UNREACHABLE_RELAY_ON_A_FULL_DISK, encoding="utf-8")
    command = f"mkdir {disk}/shop && {sys.executable} {script} {disk} {free_port()} {reading}"
    out = run_on_a_small_disk(disk, "8m", command, env={"QT_QPA_PLATFORM": "offscreen"})
    assert f"state: {state}" in out, out
    assert f"said: {sentence}" in out, out
    assert "free some space" in out.lower(), out


def test_the_full_disk_banner_opens_the_folder_holding_the_inbox_not_settings(
    window: Any, qtbot: Any
) -> None:
    """Freeing space is what helps, and the folder shows which disk: Alt+Shift+L opens it (its L is
    the composer's Reply from, which can show below it)."""
    from app.connection import Connection, ConnectionState

    banner = window.banner
    banner.set_state(ConnectionState(Connection.DISK_FULL))
    assert banner.isVisible() and banner.open_folder.isVisible() and not banner.settings.isVisible()
    opened = Opened()
    QDesktopServices.setUrlHandler("file", opened, "open")  # type: ignore[arg-type]
    try:
        qtbot.keyClick(
            window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
        )
        qtbot.waitUntil(lambda: bool(opened.urls), timeout=3000)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [Path(u.toLocalFile()) for u in opened.urls] == [window.ctx.db.path.parent]
