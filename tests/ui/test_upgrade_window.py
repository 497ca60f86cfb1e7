"""An inbox from an older version is updated behind a small window: shown at once, never closed
halfway, a second start told what is going on, a failure explained with the file left as it was."""

from __future__ import annotations

import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from app.db import SCHEMA_VERSION, stored_schema_version
from tests.support.dialogs import DialogGuard
from tests.support.factories import older_inbox
from ui.single_instance import UPDATING_NAME, claim_folder
from ui.upgrade_window import UpgradeWindow


def set_up_older_inbox(folder: Path, *, dangling_message: bool = False) -> Path:
    """A set-up shop's inbox as the first version left it: one customer, one message."""
    prefs = {"relay_url": "http://127.0.0.1:9", "setup_done": True, "language": "ko"}
    return older_inbox(
        folder / "inbox.db",
        ["배송 언제 되나요?"],
        contact_id=99 if dangling_message else 1,
        preferences=prefs,
    )


def bodies(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [body for (body,) in con.execute("SELECT body FROM message")]
    finally:
        con.close()


def test_the_update_runs_behind_a_window_that_stays_and_says_so_when_the_owner_tries_to_close_it(
    qtbot: Any, tmp_path: Path
) -> None:
    path = set_up_older_inbox(tmp_path / "shop")
    # Another connection holds the write lock: the update waits for it after its backup, so the
    # window is seen mid-update for as long as the test needs (no sleep, no timing).
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    window = UpgradeWindow(path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.start()
        qtbot.waitUntil(lambda: f"step 1 of {SCHEMA_VERSION - 1}" in window.status.text(), timeout=5000)
        assert window.bar.maximum() == 0  # busy: a step has nothing to count inside it

        window.close()

        assert window.isVisible()
        assert window.cannot_close.isVisible()
        assert "cannot be stopped halfway" in window.cannot_close.text()
        assert window.running
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    with qtbot.waitSignal(window.finished, timeout=10_000) as done:
        pass
    assert done.args == [None]
    assert stored_schema_version(path) == SCHEMA_VERSION
    assert bodies(path) == ["배송 언제 되나요?"]
    assert list((path.parent / "backups").glob("inbox-v1-*.db")), "the safety copy was made first"
    window.close()
    assert not window.isVisible()  # once done, it goes


def test_the_window_is_a_small_dialog_with_no_maximise_or_minimise_button(qtbot: Any, tmp_path: Path) -> None:
    """openbox drew a maximise button on the fixed-size window (a plain top-level window's flags)."""
    from PySide6.QtCore import Qt

    window = UpgradeWindow(set_up_older_inbox(tmp_path / "shop"))
    qtbot.addWidget(window)

    flags = window.windowFlags()
    assert window.windowType() == Qt.WindowType.Dialog
    assert not flags & Qt.WindowType.WindowMaximizeButtonHint
    assert not flags & Qt.WindowType.WindowMinimizeButtonHint
    assert flags & Qt.WindowType.WindowCloseButtonHint  # closing it says why it stays


def test_the_window_says_how_far_the_safety_copy_has_come(qtbot: Any, tmp_path: Path) -> None:
    from app.db import MigrationPhase, MigrationProgress

    window = UpgradeWindow(tmp_path / "inbox.db")
    qtbot.addWidget(window)

    window.show_progress(MigrationProgress(MigrationPhase.BACKUP, 3, 12))

    assert (window.bar.minimum(), window.bar.maximum(), window.bar.value()) == (0, 100, 25)
    assert window.status.text() == "Making a safety copy of your inbox… 25 %"


def test_the_window_speaks_korean(qtbot: Any, tmp_path: Path, korean: None) -> None:
    from app.db import MigrationPhase, MigrationProgress

    window = UpgradeWindow(tmp_path / "inbox.db")
    qtbot.addWidget(window)
    window.show_progress(MigrationProgress(MigrationPhase.UPGRADE, 1, 6))

    assert window.headline.text() == "받은편지함을 업데이트하고 있어요…"
    assert window.status.text() == "채팅 보관 방식을 업데이트하고 있어요: 6단계 중 2단계…"


def test_a_failed_update_is_explained_and_leaves_the_inbox_as_it_was(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args
    from ui.startup_error import StartupErrorDialog

    data = tmp_path / "shop"
    path = set_up_older_inbox(data, dangling_message=True)
    shown = dialogs.expect("modal", answer=lambda dialog: dialog.reject())

    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 2
    assert shown.shown[0].widget == StartupErrorDialog.__name__
    assert shown.shown[0].title == "Your inbox could not be updated"  # not "could not start" above it
    assert "could not update the inbox" in shown.shown[0].text
    assert "left it as it was" in shown.shown[0].text
    assert stored_schema_version(path) == 1
    assert bodies(path) == ["배송 언제 되나요?"]
    assert not (data / UPDATING_NAME).exists()  # a later second start is not told of an update
    log = (data / "logs" / "shop-inbox.log").read_text(encoding="utf-8")
    assert "with a window showing its progress" in log  # the window was up while it ran


def test_an_inbox_from_a_newer_version_is_not_touched_and_the_owner_is_told_to_update(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    data = tmp_path / "shop"
    path = set_up_older_inbox(data)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 3}")
    con.commit()
    con.close()
    before = path.read_bytes()
    offered: list[bool] = []

    def close(dialog: Any) -> None:
        offered.append(dialog.start_again_button.isVisible())
        dialog.reject()

    shown = dialogs.expect("modal", answer=close)

    code = run(parse_args(["--data-dir", str(data), "--lang", "en"]))

    assert code == 2
    assert "saved by a newer version of Shop Inbox" in shown.shown[0].text
    assert "Please update Shop Inbox." in shown.shown[0].text
    assert offered == [False]  # starting again would fail the same way
    assert path.read_bytes() == before
    assert not (data / "backups").exists()  # nothing was copied: nothing was going to change


def test_a_second_start_during_the_update_says_the_inbox_opens_when_it_is_done(
    qtbot: Any, tmp_path: Path, dialogs: DialogGuard, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    folder = tmp_path / "shop"
    claim = claim_folder(folder)
    assert claim is not None
    told = dialogs.expect("information")
    try:
        with claim.updating("en"):
            code = run(parse_args(["--data-dir", str(folder), "--lang", "en"]))
        assert code == 0
        assert told.texts == [
            "Shop Inbox is updating your inbox for its new version. It opens by itself as soon as the "
            "update is done; there is no need to start it again."
        ]
        assert not (folder / UPDATING_NAME).exists()
    finally:
        claim.release()


def test_a_second_start_while_the_inbox_is_open_as_usual_asks_nothing(
    qtbot: Any, tmp_path: Path, root_logging: None
) -> None:
    from ui.application import run
    from ui.main import parse_args

    folder = tmp_path / "shop"
    claim = claim_folder(folder)
    assert claim is not None
    try:
        assert run(parse_args(["--data-dir", str(folder), "--lang", "en"])) == 0  # no dialog: the guard
    finally:
        claim.release()


def test_a_note_of_an_update_left_by_a_killed_start_is_dropped_by_the_next(tmp_path: Path) -> None:
    folder = tmp_path / "shop"
    folder.mkdir()
    (folder / UPDATING_NAME).write_text("ko", encoding="utf-8")

    claim = claim_folder(folder)

    assert claim is not None
    assert not (folder / UPDATING_NAME).exists()
    claim.release()


SHORT_OF_ROOM = """
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from ui.upgrade_window import UpgradeWindow, update_inbox_showing_progress
app = QApplication([])
shown = []
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and isinstance(obj, UpgradeWindow):
            shown.append(obj)
        return False
watch = Watch()
app.installEventFilter(watch)
try:
    update_inbox_showing_progress(Path(sys.argv[1]))
except Exception as exc:
    print("code:", getattr(exc, "code", None))
print("window shown:", bool(shown))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_too_little_room_to_update_is_said_without_first_showing_the_update_window(tmp_path: Path) -> None:
    """On a real small disk: the owner reads how much room the update needs, not "Updating your
    inbox…" for an instant before it."""
    from tests.support.full_disk import run_on_a_small_disk

    shop = tmp_path / "shop"
    older_inbox(shop / "inbox.db", [f"주문 {i} " + "가" * 300 for i in range(2000)])  # about 2 MB
    disk = tmp_path / "disk"
    run = f"cp -r {shop} {disk}/shop && {sys.executable} -c '{SHORT_OF_ROOM}' {disk}/shop/inbox.db"

    out = run_on_a_small_disk(disk, "3m", run, env={"QT_QPA_PLATFORM": "offscreen"})

    assert "code: update_needs_room" in out, out
    assert "window shown: False" in out, out


@pytest.mark.skipif(sys.platform != "linux", reason="mounts a small tmpfs")
def test_too_little_room_for_the_updates_temporary_files_on_their_own_disk_is_said_first(
    tmp_path: Path,
) -> None:
    """SQLite's temporary files (the update's sorts and rebuilt search tables) go to another disk
    than the inbox's, here a full one: the owner reads which folder needs room, before anything."""
    from tests.support.full_disk import run_on_a_small_disk

    shop = tmp_path / "shop"
    older_inbox(shop / "inbox.db", [f"주문 {i} " + "가" * 300 for i in range(200)])
    disk = tmp_path / "temp"
    fill = f"dd if=/dev/zero of={disk}/fill bs=64k 2>/dev/null; true"
    run = f"{fill} && SQLITE_TMPDIR={disk} {sys.executable} -c '{SHORT_OF_ROOM}' {shop}/inbox.db"

    out = run_on_a_small_disk(disk, "2m", run, env={"QT_QPA_PLATFORM": "offscreen"})

    assert "code: update_needs_temp_room" in out, out
    assert "window shown: False" in out, out
    assert stored_schema_version(shop / "inbox.db") == 1  # nothing was started


QUIT_MID_UPDATE = """
import sqlite3, sys, threading
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from app.db import stored_schema_version
from tests.support.factories import older_inbox
from ui.upgrade_window import update_inbox_showing_progress
app = QApplication([])
path = older_inbox(Path(sys.argv[1]) / "inbox.db", ["배송 언제 되나요?"], preferences={"setup_done": True})
# Another connection holds the write lock until the quit has been asked: the update is under way then.
blocker = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
blocker.execute("BEGIN IMMEDIATE")
asked = threading.Event()
def release():
    asked.wait()
    blocker.execute("ROLLBACK")
threading.Thread(target=release).start()
def quit_now():
    QCoreApplication.exit(0)  # what a session's end asks of the application
    asked.set()
QTimer.singleShot(0, quit_now)
print("quit asked:", update_inbox_showing_progress(path))
print("version:", stored_schema_version(path))
"""


def test_a_quit_asked_during_the_update_lets_it_finish_and_then_quits(tmp_path: Path) -> None:
    """Every event loop returns at once after a quit: the window's loop must still see the update's
    end (it hung for good, spinning), and the caller learns that it should open nothing after it."""
    import subprocess

    run = subprocess.run(
        [sys.executable, "-c", QUIT_MID_UPDATE, str(tmp_path)],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        cwd=Path(__file__).parents[2],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert run.returncode == 0, run.stderr
    assert "quit asked: True" in run.stdout, run.stdout
    assert f"version: {SCHEMA_VERSION}" in run.stdout, run.stdout
