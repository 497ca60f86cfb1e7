"""The whole app as a process, driven by a script of menu actions: for tests of what happens at quit.

python -m tests.support.app_child ACTION_TEXT [shop-inbox options…]
Starts the app as `shop-inbox` would and waits until it is online with the relay (so a long poll is
in flight), opens the menu action whose text starts with ACTION_TEXT, closes the dialog or window it
opened (printing its title), quits with the File menu's Quit (printing `time.monotonic()` then), and
exits with the app's code.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from app.sync import Connection
from ui.application import run
from ui.main import parse_args
from ui.main_window import MainWindow
from ui.sync_adapter import SyncAdapter

STEP_MS = 50


def main_window(app: QApplication) -> MainWindow | None:
    for widget in app.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            return widget
    return None


def menu_actions(window: MainWindow) -> list[QAction]:
    """The actions of every menu in the window's menu bar."""
    menus = [m.menu() for m in window.menuBar().actions()]
    return [a for menu in menus if isinstance(menu, QMenu) for a in menu.actions()]


def drive(app: QApplication, action_text: str) -> None:
    opened: list[QWidget] = []  # kept alive until the app quits, as a window's child would be

    def open_action() -> None:
        window = main_window(app)
        sync = window.ctx.sync if window is not None else None
        if window is None or not isinstance(sync, SyncAdapter) or sync.state.kind is not Connection.ONLINE:
            QTimer.singleShot(STEP_MS, open_action)
            return
        actions = menu_actions(window)
        chosen = next(a for a in actions if a.text().replace("&", "").startswith(action_text))
        QTimer.singleShot(STEP_MS, close_it)
        chosen.trigger()  # a modal dialog runs its own loop here; close_it ends it

    def close_it() -> None:
        window = main_window(app)
        shown = app.activeModalWidget() or next(
            (w for w in app.topLevelWidgets() if w.isVisible() and w is not window and w.isWindow()), None
        )
        if shown is None:
            QTimer.singleShot(STEP_MS, close_it)
            return
        opened.append(shown)
        print(f"opened: {shown.windowTitle()}", flush=True)
        shown.close()
        QTimer.singleShot(STEP_MS, quit_app)

    def quit_app() -> None:
        window = main_window(app)
        # The test measures from this line to the process's end.
        print(f"quitting at {time.monotonic():.3f}", flush=True)
        assert window is not None
        actions = menu_actions(window)
        quit_action = next((a for a in actions if a.shortcut().toString() == "Ctrl+Q"), None)
        if quit_action is not None:
            quit_action.trigger()
        else:
            app.quit()

    QTimer.singleShot(0, open_action)


def main() -> int:
    action_text, options = sys.argv[1], sys.argv[2:]
    app = QApplication(sys.argv[:1])
    drive(app, action_text)
    return run(parse_args(options))


if __name__ == "__main__":
    sys.exit(main())
