"""Screenshots of the Korean demo shop's data: backups, full disks, a relay started afresh.

The real app (`shop-inbox --demo --lang ko`, or the demo's own inbox folder opened as a shop's) started
and driven from inside as demo_driver.py does, on the Seoul shop's clock (shop_clock.py),
its main window with its frame taken from the screen, so under a window manager:

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &

A backup of the demo made, then restored with Settings' restore (the file picker and its question
answered): the notice that the chats were restored, before Shop Inbox starts again
(`backup-restored-ko.png`; the script's run is not started again):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py backup

File ▸ Settings with the daily backup ticked, a folder picked and saved, opened again once its first
backup was made: Settings alone with its frame, saying when (`daily-backup-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py daily-backup

Three runs of the demo in one folder: a daily backup into a folder, restored as Settings' restore does,
that folder removed (the old computer's); at the next start its notice's Choose a folder… picks another,
saved, its first backup made; started again, Settings still names it (`daily-folder-kept-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py folder-kept

The demo run once and quit, its inbox folder (`desktop`) copied to a small tmpfs filled to its last
block (a mount namespace of its own: as root), and opened there: the chats open to read only
(`disk-full-read-only-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py disk-full

The demo with `--data-dir` on a 40 MB tmpfs (its `relay` folder a link to a folder off it), filled once
the demo is up: the banner says new messages wait on the relay until the computer has room, its top
1202×300 with the frame (`disk-full-banner-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py banner-full

The demo run once in a folder of its own until its relay's first events were synced, quit, its `relay`
folder removed, and started again there: the notice that the relay started its history afresh
(`relay-started-afresh-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py relay-afresh

The demo with its `relay` folder a link to a 20 MB tmpfs (its media folder a link off it), filled once
the demo is up: a photo pasted with Ctrl+V in 오세훈's chat waits, its tooltip saying the relay could
not keep the file (`relay-database-full-photo-waits-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py relay-full
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT.parents[1]))

from docs.screenshots.demo_driver import (  # noqa: E402
    Wait,
    drive,
    main_window,
    no_reminders,
    painted,
    run_demo,
    settled,
    shoot,
    top_level,
    unknown_order_chat,
)

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class RestartTakenBack(QObject):
    """Takes back the start again asked for before the watched window closes (`taken` once it did)."""

    taken = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from ui.restart import take_restart_request

        if event.type() == QEvent.Type.Close and take_restart_request():
            self.taken = True
        return False


def scenes_backup() -> Iterator[Wait]:
    """A backup of the demo written beside its folder, then restored as Settings' restore does once
    the owner picked it and said yes: the notice over the window, taken, then OK."""
    from app.backup import create_backup
    from ui.restore_choice import RestoreChoice
    from ui.settings_action import restore

    window = yield from main_window(1200, 720)
    window.activateWindow()
    # Restored, Shop Inbox asks to start again, then closes its window: here the start again would
    # run this script anew, so the request is taken back as the window closes.
    taking_back = RestartTakenBack(window)
    window.installEventFilter(taking_back)
    # Beside the demo's folder (`<folder>/desktop` is its inbox's), in run_demo's temporary one.
    target = window.ctx.paths.data_dir.parents[1] / "샵인박스-백업.zip"
    create_backup(window.ctx.paths, target)
    restore(window, window.ctx, RestoreChoice(source=target))

    def notice() -> QMessageBox | None:
        shown = QApplication.activeModalWidget()
        return shown if isinstance(shown, QMessageBox) and shown.windowTitle() == "백업 복원됨" else None

    yield lambda: notice() is not None and no_reminders()
    yield painted()
    shoot(window, "backup-restored-ko.png")
    done = notice()
    assert done is not None
    done.accept()
    # Not quit before: quitting closes the window, and the start again asked for after would stand.
    yield lambda: taking_back.taken


def scenes_customers_wrote() -> Iterator[Wait]:
    """The demo once its simulated customers have written and been answered; then it quits."""
    import time

    yield from main_window(1200, 720)
    started = time.monotonic()
    yield lambda: time.monotonic() - started > 20
    yield settled


def scenes_read_only() -> Iterator[Wait]:
    """The inbox opened to read only: its banner, with Start again and Open folder."""
    window = yield from main_window(1200, 720)
    window.activateWindow()
    yield lambda: window.banner.isVisible() and window.banner.start_again.isVisible() and settled()
    yield painted()
    shoot(window, "disk-full-read-only-ko.png")


def disk_full() -> int:
    """The demo run once in a folder of its own and quit; its inbox folder then opened on a full
    disk by this script again (`read-only FOLDER`), in a mount namespace of its own."""
    with tempfile.TemporaryDirectory(prefix="shop-inbox-shots-") as kept:
        demo = Path(kept) / "demo"
        code = run_demo(scenes_customers_wrote, folder=demo)
        if code:
            return code
        disk = Path(kept) / "disk"
        disk.mkdir()
        fill = f"dd if=/dev/zero of={disk}/fill bs=64k 2>/dev/null; true"
        script = (
            f"mount -t tmpfs -o size=40m tmpfs {disk} && cp -r {demo / 'desktop'} {disk}/shop && {fill} && "
            f"{sys.executable} {__file__} read-only {disk}/shop"
        )
        done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script])
        return done.returncode


def scenes_relay_full(disk: Path) -> Iterator[Wait]:
    """오세훈's chat once the bot said it cannot find his order; the relay's disk then filled, and a
    picture pasted there and sent: it waits, its tooltip saying why."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QHelpEvent, QImage
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QToolTip

    from app.outbox import Waiting
    from tests.support.full_disk import fill_leaving

    window = yield from main_window(1200, 720)
    window.activateWindow()

    yield lambda: (found := unknown_order_chat(window)) is not None and window.chat_list.select_contact(found)
    yield settled
    fill_leaving(str(disk), 0)  # the relay's disk full: its database can take nothing more
    composer = window.chat.composer
    composer.edit.setFocus()
    QApplication.clipboard().setImage(QImage(str(ROOT / "resources" / "icons" / "app.png")))
    QTest.keyClick(composer.edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    yield lambda: bool(composer.attachments)
    QTest.keyClick(composer.edit, Qt.Key.Key_Return)
    model = window.chat.view.chat_model

    def waiting_row() -> int | None:
        last = model.rowCount() - 1
        info = model.info(last) if last >= 0 else None
        if info is None or info.message.kind != "image" or info.message.status != "pending":
            return None
        return last if info.message.error_code == Waiting.RELAY_STORAGE else None

    yield lambda: waiting_row() is not None and settled()
    view = window.chat.view
    view.scrollToBottom()
    yield painted()

    def tooltip_shown() -> bool:
        """The pointer rests on the photo's clock while it waits on the relay's room (between
        tries it says it is uploading), with no payment reminders over the chat."""
        row = waiting_row() if no_reminders() else None
        if row is None:
            return False
        index = model.index(row)
        geo = view.bubbles.geometry(index, float(view.viewport().width()))
        assert geo is not None
        at = (geo.meta_rect.center() + view.visualRect(index).topLeft().toPointF()).toPoint()
        QApplication.sendEvent(
            view.viewport(), QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
        )
        return QToolTip.isVisible() and "보관하지 못했어요" in QToolTip.text()

    yield tooltip_shown
    yield painted()
    shoot(window, "relay-database-full-photo-waits-ko.png")
    QToolTip.hideText()


def relay_full() -> int:
    """The demo in a folder whose `relay` is a link to a 20 MB tmpfs, its media folder a link off
    it, in a mount namespace of its own: this script again (`relay-full-run FOLDER DISK`)."""
    with tempfile.TemporaryDirectory(prefix="shop-inbox-shots-") as kept:
        demo, disk, media = Path(kept) / "demo", Path(kept) / "disk", Path(kept) / "relay-media"
        for folder in (demo, disk, media):
            folder.mkdir()
        script = (
            f"mount -t tmpfs -o size=20m tmpfs {disk} && mkdir {disk}/relay && "
            f"ln -s {disk}/relay {demo}/relay && ln -s {media} {disk}/relay/relay-media && "
            f"{sys.executable} {__file__} relay-full-run {demo} {disk}"
        )
        done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script])
        return done.returncode


def scenes_banner_full(disk: Path) -> Iterator[Wait]:
    """The demo's main window once its inbox's disk filled after it opened: the banner says new
    messages wait on the relay, over the chats of the shop's day."""
    window = yield from main_window(1200, 720)
    window.activateWindow()
    yield settled
    # To its last block, while the demo writes beside: the sandbox's next messages wait on the relay.
    subprocess.run(["dd", "if=/dev/zero", f"of={disk}/fill", "bs=64k"], stderr=subprocess.DEVNULL)
    yield (
        lambda: (
            window.banner.isVisible() and "디스크 공간이 가득" in window.banner.text.text() and no_reminders()
        )
    )
    yield settled
    yield painted()
    shoot(window, "disk-full-banner-ko.png", top_left=(1202, 300))


def banner_full() -> int:
    """The demo with `--data-dir` on a 40 MB tmpfs, its `relay` folder a link to a folder off it, in
    a mount namespace of its own: this script again (`banner-full-run FOLDER DISK`)."""
    with tempfile.TemporaryDirectory(prefix="shop-inbox-shots-") as kept:
        disk, relay = Path(kept) / "disk", Path(kept) / "relay"
        for folder in (disk, relay):
            folder.mkdir()
        script = (
            f"mount -t tmpfs -o size=40m tmpfs {disk} && mkdir {disk}/demo && ln -s {relay} {disk}/demo/relay && "
            f"{sys.executable} {__file__} banner-full-run {disk}/demo {disk}"
        )
        done = subprocess.run(["unshare", "--mount", "--propagation", "private", "sh", "-c", script])
        return done.returncode


def scenes_relay_history() -> Iterator[Wait]:
    """The demo's first run in its folder: up until its relay's first events are synced, then quit."""
    from app.models import SyncState

    window = yield from main_window(1200, 720)

    def synced() -> bool:
        with window.ctx.db.read() as s:
            state = s.get(SyncState, 1)
            return state is not None and state.cursor > 0

    yield lambda: synced() and settled()


def scenes_relay_afresh() -> Iterator[Wait]:
    """The demo started again on its folder, its relay's database gone: the notice that the relay
    started its history afresh and that this computer's chats are kept."""
    window = yield from main_window(1200, 720)
    window.activateWindow()
    yield lambda: window.banner.isVisible() and "처음부터" in window.banner.text.text() and no_reminders()
    yield settled
    yield painted()
    shoot(window, "relay-started-afresh-ko.png")


def relay_afresh() -> int:
    """The demo run once in a folder of its own and quit; its relay's folder removed; the demo started
    again there (`relay-history FOLDER` is the first run)."""
    with tempfile.TemporaryDirectory(prefix="shop-inbox-shots-") as kept:
        demo = Path(kept) / "demo"
        subprocess.run([sys.executable, __file__, "relay-history", str(demo)], check=True)
        shutil.rmtree(demo / "relay")
        return run_demo(scenes_relay_afresh, folder=demo)


def scenes_daily_backup() -> Iterator[Wait]:
    """File ▸ Settings with the daily backup ticked and a folder picked (beside the demo's folder, in
    run_demo's temporary one), saved; its first backup made at once; Settings opened again on its
    data, which says when that backup was made."""
    window = yield from main_window(1200, 720)
    window.activateWindow()
    folder = window.ctx.paths.data_dir.parents[1] / "USB" / "가게 백업"
    folder.mkdir(parents=True)
    yield from daily_backup_into(window, folder)
    yield from shoot_last_backup(window, "daily-backup-ko.png")


def shoot_last_backup(window: MainWindow, name: str) -> Iterator[Wait]:
    """Settings opened again, scrolled to where it says when the last daily backup was made: shot
    alone with its frame to `name`, then closed."""
    from ui.settings_action import open_settings
    from ui.settings_dialog import SettingsDialog

    shown = open_settings(window, window.ctx)
    assert isinstance(shown, SettingsDialog)
    yield lambda: shown.loaded and "마지막 백업:" in shown.auto_status.text() and no_reminders()
    shown.sections.ensureWidgetVisible(shown.auto_status, 0, 200)
    yield settled
    yield painted()
    shoot(shown, name)
    shown.reject()


def _answer_folder_picker(folder: Path) -> None:
    """Settings' folder picker answered as the owner would (a file dialog the script cannot click)."""
    import ui.settings_dialog

    ui.settings_dialog.folder_name = lambda *_args, **_kwargs: str(folder)  # type: ignore[assignment]


def daily_backup_into(window: MainWindow, folder: Path) -> Iterator[Wait]:
    """File ▸ Settings with the daily backup ticked, into `folder` as picked, and saved; until its
    first backup is made there."""
    from app.backup import backups_in, shop_tag
    from ui.settings_action import open_settings

    _answer_folder_picker(folder)
    dialog = open_settings(window, window.ctx)
    yield lambda: dialog.loaded and dialog.save_button.isEnabled()
    closed: list[int] = []
    dialog.finished.connect(closed.append)  # then deleted: asked no more
    dialog.auto_backup.setChecked(True)
    dialog.save_button.click()
    yield lambda: bool(closed) and settled()
    tag = shop_tag(window.ctx.paths)
    yield lambda: bool(backups_in(folder, tag)) and not window.auto_backup.running


def scenes_old_laptop(old: Path) -> Iterator[Wait]:
    """The daily backup into `old` (the old computer's folder) ticked and saved, its first backup
    made, then restored as Settings' restore does (its start again taken back)."""
    from app.backup import backups_in, shop_tag
    from ui.restore_choice import RestoreChoice
    from ui.settings_action import restore

    window = yield from main_window(1200, 720)
    old.mkdir(parents=True)
    yield from daily_backup_into(window, old)
    tag = shop_tag(window.ctx.paths)
    backup = old.parent / "old-laptop-backup.zip"
    shutil.copy(backups_in(old, tag)[0][1], backup)
    taking_back = RestartTakenBack(window)
    window.installEventFilter(taking_back)
    restore(window, window.ctx, RestoreChoice(backup))

    def notice() -> QMessageBox | None:
        shown = QApplication.activeModalWidget()
        return shown if isinstance(shown, QMessageBox) and shown.windowTitle() == "백업 복원됨" else None

    yield lambda: notice() is not None
    done = notice()
    assert done is not None
    done.accept()
    yield lambda: taking_back.taken


def scenes_folder_picked(new: Path) -> Iterator[Wait]:
    """The first start on the restored inbox: the old folder is not here; Choose a folder… picks
    `new` in Settings, saved, and its first backup made."""
    from app.backup import backups_in, shop_tag
    from ui.settings_dialog import SettingsDialog

    new.mkdir(parents=True)
    _answer_folder_picker(new)
    window = yield from main_window(1200, 720)

    def not_here() -> QMessageBox | None:
        shown = QApplication.activeModalWidget()
        return (
            shown if isinstance(shown, QMessageBox) and shown.objectName() == "dailyFolderNotHere" else None
        )

    yield lambda: not_here() is not None
    box = not_here()
    assert box is not None
    box.buttons()[0].click()  # 폴더 고르기…
    yield lambda: top_level(SettingsDialog) is not None
    dialog = top_level(SettingsDialog)
    assert isinstance(dialog, SettingsDialog)
    yield lambda: dialog.loaded and dialog.backup_folder == str(new) and dialog.save_button.isEnabled()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    dialog.save_button.click()
    yield lambda: bool(closed) and settled()
    yield lambda: bool(backups_in(new, shop_tag(window.ctx.paths))) and not window.auto_backup.running


def scenes_folder_kept() -> Iterator[Wait]:
    """Started again: Settings still backs up to the folder picked, and says when it last did."""
    window = yield from main_window(1200, 720)
    window.activateWindow()
    yield from shoot_last_backup(window, "daily-folder-kept-ko.png")


def folder_kept() -> int:
    """Three runs of the demo in one folder: `folder-old FOLDER OLD` (a daily backup into OLD, then
    restored), OLD removed (the old computer's), `folder-pick FOLDER NEW`, then the picture."""
    with tempfile.TemporaryDirectory(prefix="shop-inbox-shots-") as kept:
        demo, old, new = (
            Path(kept) / "demo",
            Path(kept) / "old-laptop-backups",
            Path(kept) / "new-laptop-backups",
        )
        subprocess.run([sys.executable, __file__, "folder-old", str(demo), str(old)], check=True)
        shutil.rmtree(old)
        subprocess.run([sys.executable, __file__, "folder-pick", str(demo), str(new)], check=True)
        return run_demo(scenes_folder_kept, folder=demo)


def open_read_only(folder: Path) -> int:
    """`shop-inbox --data-dir FOLDER --lang ko` on the Seoul shop's clock, driven from inside."""
    from docs.screenshots.shop_clock import use_shop_clock
    from ui.application import run
    from ui.main import parse_args

    use_shop_clock("ko")
    app = QApplication(sys.argv[:1])
    drive(app, scenes_read_only())
    return run(parse_args(["--data-dir", str(folder), "--lang", "ko"]))


if __name__ == "__main__":
    if sys.argv[1:] == ["backup"]:
        sys.exit(run_demo(scenes_backup))
    if sys.argv[1:] == ["disk-full"]:
        sys.exit(disk_full())
    if sys.argv[1:2] == ["read-only"] and len(sys.argv) == 3:
        sys.exit(open_read_only(Path(sys.argv[2])))
    if sys.argv[1:] == ["banner-full"]:
        sys.exit(banner_full())
    if sys.argv[1:2] == ["banner-full-run"] and len(sys.argv) == 4:
        folder, disk = Path(sys.argv[2]), Path(sys.argv[3])
        sys.exit(run_demo(lambda: scenes_banner_full(disk), folder=folder))
    if sys.argv[1:] == ["daily-backup"]:
        sys.exit(run_demo(scenes_daily_backup))
    if sys.argv[1:] == ["folder-kept"]:
        sys.exit(folder_kept())
    if sys.argv[1:2] == ["folder-old"] and len(sys.argv) == 4:
        sys.exit(run_demo(lambda: scenes_old_laptop(Path(sys.argv[3])), folder=Path(sys.argv[2])))
    if sys.argv[1:2] == ["folder-pick"] and len(sys.argv) == 4:
        sys.exit(run_demo(lambda: scenes_folder_picked(Path(sys.argv[3])), folder=Path(sys.argv[2])))
    if sys.argv[1:] == ["relay-afresh"]:
        sys.exit(relay_afresh())
    if sys.argv[1:2] == ["relay-history"] and len(sys.argv) == 3:
        sys.exit(run_demo(scenes_relay_history, folder=Path(sys.argv[2])))
    if sys.argv[1:] == ["relay-full"]:
        sys.exit(relay_full())
    if sys.argv[1:2] == ["relay-full-run"] and len(sys.argv) == 4:
        folder, disk = Path(sys.argv[2]), Path(sys.argv[3])
        sys.exit(run_demo(lambda: scenes_relay_full(disk), folder=folder))
    sys.exit(
        f"usage: {sys.argv[0]} backup | daily-backup | folder-kept | disk-full | banner-full | relay-afresh | relay-full"
    )
