"""Screenshots of the Korean demo shop's data: a backup restored.

The real app (`shop-inbox --demo --lang ko`) started
and driven from inside as demo_campaign_screenshot.py does, on the Seoul shop's clock (shop_clock.py),
its main window with its frame taken from the screen, so under a window manager:

    Xvfb :7 -screen 0 1366x768x24 & DISPLAY=:7 openbox &

A backup of the demo made, then restored with Settings' restore (the file picker and its question
answered): the notice that the chats were restored, before Shop Inbox starts again
(`backup-restored-ko.png`; the script's run is not started again):

    DISPLAY=:7 .venv/bin/python docs/screenshots/demo_data_screenshot.py backup
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMessageBox

OUT = Path(__file__).resolve().parent
sys.path.insert(0, str(OUT))

from demo_campaign_screenshot import Wait, main_window, run_demo  # noqa: E402
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


if __name__ == "__main__":
    if sys.argv[1:] == ["backup"]:
        sys.exit(run_demo(scenes_backup))
    sys.exit(f"usage: {sys.argv[0]} backup")
