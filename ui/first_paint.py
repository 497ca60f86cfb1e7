"""Start-up probe for bench.cold_start: off unless SHOP_INBOX_FIRST_PAINT_FILE names a file to write."""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

# When set, start-up notes a few spans (wall clock and CPU of the process) and, once the chat list
# has painted its first page of rows, writes them to this file as JSON and quits the app. Unset (every
# real start), `mark` is one falsy check and nothing else is imported or installed.
FIRST_PAINT_ENV = "SHOP_INBOX_FIRST_PAINT_FILE"

_path = os.environ.get(FIRST_PAINT_ENV) or ""
_spans: list[tuple[str, float, float]] = []


def mark(name: str) -> None:
    """Note that start-up reached `name` (monotonic clock, process CPU time), when probing."""
    if _path:
        _spans.append((name, time.monotonic(), time.process_time()))


def watch_first_paint(view: QAbstractItemView) -> None:
    """When probing: after the view's first paint with rows, write the spans and quit the app."""
    if not _path:
        return
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__(view)
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            model = view.model()
            if not self.seen and event.type() == QEvent.Type.Paint and model and model.rowCount() > 0:
                self.seen = True
                # The filter runs before the paint; a zero timer fires once it is painted and flushed.
                QTimer.singleShot(0, self, self.finish)
            return False

        def finish(self) -> None:
            mark("first chat-list page painted")
            model = view.model()
            write_spans(_path, rows=model.rowCount() if model else 0)
            view.viewport().removeEventFilter(self)
            # Cuts a `python -X importtime` log (stderr) into before and after the first paint.
            print("first chat-list page painted", file=sys.stderr, flush=True)
            QApplication.quit()

    view.viewport().installEventFilter(FirstPaint())


def write_spans(path: str, **extra: object) -> None:
    import json

    data = {"spans": [{"name": n, "monotonic": t, "cpu": c} for n, t, c in _spans], **extra}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
