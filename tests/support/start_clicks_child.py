"""The real start as a process, clicked all over in the turn after its first paint, until it is ready.

python -m tests.support.start_clicks_child --data-dir D
Starts as `shop-inbox --data-dir D` does. At the chat list's first paint it notes which heavy
libraries are loaded; in the event loop's next turn (before the start's deferred loading, whose
zero timer the paint queued after ours) it clicks a chat, the search field, Find, a filter chip,
the menus and a chat's context menu, noting for each which heavy libraries were loaded, how long it
took and whether the window was ready; once the window is ready it notes what the clicks left
behind, presses the composer's send, quits, and prints one JSON line.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListView, QWidget

from ui.application import run
from ui.main import parse_args
from ui.main_window import MainWindow

HEAVY = (
    "sqlalchemy",
    "alembic",
    "pydantic",
    "httpx",
    "keyring",
    "babel.dates",
    "app.sync",
    "app.models",
    "logging.handlers",  # the log file rotates once the page is painted
    "ctypes",  # a thread is lowered below the window (Windows, macOS) after the paint
)


class Clicker(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.report: dict[str, Any] = {"clicks": []}
        self.painted_at = 0.0
        self.paint_started = 0.0
        self.window: MainWindow | None = None
        self.view: QListView | None = None
        self.picked: int | None = None
        # A 5 ms tick from the first paint until ready: how late the event loop ran it, at worst.
        self.ticker = QTimer(self)
        self.ticker.setInterval(5)
        self.ticker.timeout.connect(self.tick)
        self.last_tick = 0.0
        self.worst_lateness_ms = 0.0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.painted_at or event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
            return False
        view = watched.parent()
        if isinstance(view, QListView) and view.objectName() == "chatListView" and view.model().rowCount():
            self.paint_started = time.monotonic()
            self.painted_at = self.paint_started  # until the paint is done
            self.view = view
            window = view.window()
            assert isinstance(window, MainWindow)
            self.window = window
            self.report["loaded_at_first_paint"] = [m for m in HEAVY if m in sys.modules]
            QTimer.singleShot(0, self.click_all)
        return False

    def tick(self) -> None:
        now = time.monotonic()
        self.worst_lateness_ms = max(self.worst_lateness_ms, (now - self.last_tick) * 1000 - 5)
        self.last_tick = now

    def click(self, name: str, act: Callable[[], object]) -> None:
        assert self.window is not None
        loaded = [m for m in HEAVY if m in sys.modules]
        started = time.monotonic()
        act()
        self.report["clicks"].append(
            {
                "name": name,
                "loaded_before": loaded,
                "after_paint_ms": (started - self.painted_at) * 1000,
                "took_ms": (time.monotonic() - started) * 1000,
                "window_ready_after": self.window.ready,
                "popup": self.app.activePopupWidget() is not None,
            }
        )

    def click_all(self) -> None:
        # A zero timer started in the paint event runs once the paint is done.
        self.painted_at = time.monotonic()
        self.report["first_paint_ms"] = (self.painted_at - self.paint_started) * 1000
        window, view = self.window, self.view
        assert window is not None and view is not None
        model = view.model()
        row = view.visualRect(model.index(1, 0)).center()
        self.picked = int(model.index(1, 0).data(Qt.ItemDataRole.UserRole + 2))
        bar = window.menuBar()
        chat_list = window.chat_list
        unread_chip = next(b for b in chat_list._chips.buttons() if b.property("filter") == "unread")
        self.click("chat row", lambda: QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=row))
        self.click(
            "search field", lambda: QTest.mouseClick(chat_list.search_field, Qt.MouseButton.LeftButton)
        )
        self.click("type in search", lambda: QTest.keyClicks(chat_list.search_field, "order"))
        self.click("Find (Ctrl+F)", window.find_action.trigger)
        self.click("Unread filter", lambda: QTest.mouseClick(unread_chip, Qt.MouseButton.LeftButton))
        self.click("Labels filter", lambda: QTest.mouseClick(chat_list.label_chip, Qt.MouseButton.LeftButton))
        for action in bar.actions():
            where = bar.actionGeometry(action).center()
            title = action.text().replace("&", "")
            self.click(f"{title} menu", partial(QTest.mouseClick, bar, Qt.MouseButton.LeftButton, pos=where))
        self.click(
            "Settings (Ctrl+,)",
            lambda: QTest.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier),
        )
        self.click(
            "chat menu", lambda: QTest.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=row)
        )
        self.report["menus_enabled_while_starting"] = [a.isEnabled() for a in bar.actions()]
        self.report["tooltips_while_starting"] = [
            chat_list.search_field.toolTip(),
            bar.actions()[0].toolTip(),
        ]
        self.last_tick = time.monotonic()
        self.ticker.start()
        self.wait_until_ready()

    def wait_until_ready(self) -> None:
        window = self.window
        assert window is not None
        if not window.ready or not all(a.isEnabled() for a in window.menuBar().actions()):
            QTimer.singleShot(10, self.wait_until_ready)
            return
        chat_list = window.chat_list
        self.report["ready_after_paint_ms"] = (time.monotonic() - self.painted_at) * 1000
        self.ticker.stop()
        self.report["worst_tick_lateness_ms"] = self.worst_lateness_ms
        self.report["open_chat"] = window.chat.contact_id()
        self.report["picked_chat"] = self.picked
        self.report["left_pane_is_chat_list"] = window.left.currentWidget() is chat_list
        self.report["filter"] = chat_list.model.kind
        self.report["search_enabled"] = chat_list.search_field.isEnabled()
        self.report["menus_enabled"] = [a.isEnabled() for a in window.menuBar().actions()]
        self.report["menu_titles"] = [a.text() for a in window.menuBar().actions()]
        self.report["log_file_handlers"] = [
            type(h).__name__ for h in logging.getLogger().handlers if isinstance(h, logging.FileHandler)
        ]
        send = window.chat.composer.send_button
        self.click("composer send (empty)", lambda: QTest.mouseClick(send, Qt.MouseButton.LeftButton))
        self.report["modal"] = self.app.activeModalWidget() is not None
        self.app.quit()


def main() -> int:
    app = QApplication(sys.argv)
    clicker = Clicker(app)
    app.installEventFilter(clicker)
    code = run(parse_args(sys.argv[1:]))
    print(json.dumps(clicker.report), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
