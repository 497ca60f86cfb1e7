"""Start Shop Inbox again once this process has let go of its data folder (after a restore).

The new process is started only after the old one released its claim on the folder
(`ui/single_instance.py`), or it would find the folder taken and just bring the closing window
forward. Meanwhile a small window says that Shop Inbox is starting again, and stays until the new
run's window is up (it removes a marker file in the folder): with nothing at all on screen for a
second or more after a restore, the owner thought Shop Inbox had crashed.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint, QProcess, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ui.single_instance import RESTARTING_NAME

log = logging.getLogger(__name__)

# Longer than any start seen (a first start after an update migrates the inbox behind its own
# window): past it, the notice goes whatever the new run is doing.
NEW_WINDOW_WAIT = 20.0
# How long the notice may take to be put on screen before it is painted anyway.
EXPOSE_WAIT = 1.0

_requested = False
_notice_over: QPoint | None = None  # where the notice goes: the centre of the closing window
_notice: QLabel | None = None


def request_restart(over: QWidget | None = None) -> None:
    """Start again when this run ends (`ui/application.py` asks `take_restart_request`). Where the
    window about to close (`over`) was, a notice says so from the end of the event loop until the new
    window is up (`show_restart_notice`)."""
    global _requested, _notice_over
    _requested = True
    if over is not None:
        _notice_over = over.frameGeometry().center()


def show_restart_notice() -> QLabel | None:
    """Once the event loop has ended (quitting closes every window, so not before): the notice asked
    for by `request_restart`, painted. None when none was asked for."""
    global _notice, _notice_over
    if _notice_over is None or _notice is not None:
        return _notice
    notice = QLabel(QCoreApplication.translate("Restart", "Shop Inbox is starting again…"))
    notice.setObjectName("restartNotice")
    notice.setWindowTitle(QCoreApplication.translate("Restart", "Shop Inbox"))
    notice.setWindowFlags(Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setMargin(24)
    notice.setFrameShape(QLabel.Shape.Box)
    notice.adjustSize()
    notice.resize(max(notice.width(), 320), notice.height())
    notice.move(_notice_over - notice.rect().center())
    _notice, _notice_over = notice, None
    notice.show()
    # Painted now, once on screen: from here on nothing handles events, so nothing paints it later.
    handle = notice.windowHandle()
    deadline = time.monotonic() + EXPOSE_WAIT
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, 20)
    notice.repaint()
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return notice


def restart_notice_shown() -> QLabel | None:
    return _notice


def close_restart_notice() -> None:
    global _notice, _notice_over
    _notice_over = None
    if _notice is not None:
        _notice.close()
        _notice.deleteLater()
        _notice = None


def relaunch_if_asked(folder: Path | None = None) -> None:
    """Start Shop Inbox again if this run asked to (a restore, or Start again after a failed start),
    now that it has let go of its folder; the notice stays until the new window is shown."""
    if not take_restart_request():
        return
    marker = folder / RESTARTING_NAME if folder is not None and _notice is not None else None
    if marker is not None:
        try:
            marker.touch()
        except OSError as exc:  # the notice just goes with this process
            log.info("cannot mark the restart in the folder: %s", exc)
            marker = None
    log.info("starting again (a notice on screen: %s)", marker is not None)
    if relaunch() and marker is not None:
        wait_for_new_window(marker)
    if marker is not None:
        marker.unlink(missing_ok=True)
    close_restart_notice()


def wait_for_new_window(marker: Path, timeout: float = NEW_WINDOW_WAIT) -> bool:
    """Until the new run removed `marker` (its window is shown), or `timeout` seconds. This run's
    event loop has ended and its database is closed: no events are handled here (a timer of a
    closed window would reach for the database), the notice stays on screen as it was painted."""
    deadline = time.monotonic() + timeout
    ticker = threading.Event()
    while marker.exists():
        if time.monotonic() > deadline:
            log.warning("the new Shop Inbox window did not show within %.0f s", timeout)
            return False
        ticker.wait(0.05)
    return True


def new_window_shown(folder: Path) -> None:
    """In the new run, once its window is shown: the old run's notice may go."""
    (folder / RESTARTING_NAME).unlink(missing_ok=True)


def take_restart_request() -> bool:
    """Was a restart asked for? Answers once."""
    global _requested
    asked, _requested = _requested, False
    return asked


def relaunch_command() -> list[str]:
    """The program and arguments this process was started with: the frozen app and its arguments,
    or the interpreter with its own (`-m ui.main`, the `shop-inbox` script, flags)."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *sys.argv[1:]]
    return [sys.executable, *sys.orig_argv[1:]]


def relaunch() -> bool:
    program, *args = relaunch_command()
    started, _pid = QProcess.startDetached(program, args)
    if not started:
        log.warning("Shop Inbox could not start itself again: %s", program)
    return bool(started)
