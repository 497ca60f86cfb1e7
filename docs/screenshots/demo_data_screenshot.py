"""Screenshots of the Korean demo shop's data: a backup restored, and a full disk.

The real app (`shop-inbox --demo --lang ko`, or the demo's own inbox folder opened as a shop's) started
and driven from inside as demo_campaign_screenshot.py does, on the Seoul shop's clock (shop_clock.py),
its main window with its frame taken from the screen, so under a window manager:

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &

A backup of the demo made, then restored with Settings' restore (the file picker and its question
answered): the notice that the chats were restored, before Shop Inbox starts again
(`backup-restored-ko.png`; the script's run is not started again):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py backup

The demo run once and quit, its inbox folder (`desktop`) copied to a small tmpfs filled to its last
block (a mount namespace of its own: as root), and opened there: the chats open to read only
(`disk-full-read-only-ko.png`):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py disk-full
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT))

from demo_campaign_screenshot import Wait, drive, main_window, run_demo, settled  # noqa: E402
from demo_chat_screenshot import painted, shoot  # noqa: E402


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

    yield lambda: notice() is not None
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
    sys.exit(f"usage: {sys.argv[0]} backup | disk-full")
