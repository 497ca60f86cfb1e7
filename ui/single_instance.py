"""One Shop Inbox per data folder: a second start brings the open window to the front and quits.

Started twice on one folder (a double click too many, or the app already open behind other
windows), two windows synced from the relay into one database, each with its own outbox, its own
notifications and its own embedded relay in the demo. The folder is claimed with a QLockFile, which
a crashed or killed process does not keep: Qt sees that the process holding it is gone and takes the
lock over, so a crash never stops the next start. The second start asks the first to come forward
by writing to a file the first one watches (QtCore only: nothing more to load before the first paint).
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.paths import make_folder

log = logging.getLogger(__name__)

LOCK_NAME = "shop-inbox.lock"
RAISE_NAME = "shop-inbox.raise"  # written by a second start: "come to the front"
# There while this process updates an older inbox file (it holds the language the owner reads): a
# second start says the inbox opens once the update is done, not only that it is already open.
UPDATING_NAME = "shop-inbox.updating"
# There while a run that restored a backup waits for the next run's window (ui/restart.py).
RESTARTING_NAME = "shop-inbox.restarting"


class FolderClaim(QObject):
    """This process's hold on a data folder (see `claim_folder`)."""

    raise_requested = Signal()

    def __init__(self, folder: Path, lock: QLockFile) -> None:
        super().__init__()
        self.folder = folder
        self._lock = lock
        self._raise_file = folder / RAISE_NAME
        self._watcher = QFileSystemWatcher(self)
        try:
            self._raise_file.touch()
        except OSError as exc:
            log.warning("a second start cannot bring this window forward: %s", exc)
        else:
            self._watcher.addPath(str(self._raise_file))
            self._watcher.fileChanged.connect(self._asked)
        self.raise_requested.connect(bring_app_to_front)

    def _asked(self, path: str) -> None:
        # Some systems stop watching a file once it is written: watch it again.
        if path not in self._watcher.files() and Path(path).exists():
            self._watcher.addPath(path)
        log.info("Shop Inbox was started again on this folder: its window comes to the front")
        self.raise_requested.emit()

    @contextmanager
    def updating(self, language: str) -> Iterator[None]:
        """While the block runs, a second start on the folder hears that the inbox is being updated."""
        marker = self.folder / UPDATING_NAME
        try:
            marker.write_text(language, encoding="utf-8")
        except OSError as exc:
            log.warning("a second start will not hear that the inbox is being updated: %s", exc)
        try:
            yield
        finally:
            marker.unlink(missing_ok=True)

    def release(self) -> None:
        watched = self._watcher.files()
        if watched:  # none when the folder may not be written: Qt warns of an empty list
            self._watcher.removePaths(watched)
        self._lock.unlock()


def claim_folder(folder: Path) -> FolderClaim | None:
    """Claim `folder` for this process; None when another running Shop Inbox has it (it was asked to
    come to the front). A folder that cannot be locked at all (read-only, unsupported) is used
    unclaimed, as before: never a reason not to start."""
    make_folder(folder)  # a file in its place is said in words (app/paths.py)
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has run
    if lock.tryLock(0):
        # Left by a process killed while it updated the inbox: this one tells the truth from now on.
        try:
            (folder / UPDATING_NAME).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("a note of an update cut short stays in the data folder: %s", exc)
        return FolderClaim(folder, lock)
    if lock.error() is not QLockFile.LockError.LockFailedError:
        log.warning("the data folder could not be claimed (%s): starting without", lock.error().name)
        return FolderClaim(folder, lock)
    _let_the_open_one_come_forward()
    try:
        (folder / RAISE_NAME).write_text(f"{time.time()}\n", encoding="utf-8")
    except OSError as exc:
        log.warning("could not ask the open Shop Inbox to come forward: %s", exc)
    return None


def update_under_way(folder: Path) -> str | None:
    """The language of the Shop Inbox that holds `folder` while it updates the inbox file, or None
    when it is not updating (see `FolderClaim.updating`)."""
    try:
        return (folder / UPDATING_NAME).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def _let_the_open_one_come_forward() -> None:
    """Windows lets only the process the owner just started take the foreground: this one hands
    that right on, or the open window would only flash in the taskbar."""
    if sys.platform != "win32":
        return
    import ctypes

    try:
        ctypes.windll.user32.AllowSetForegroundWindow(-1)  # type: ignore[attr-defined]  # ASFW_ANY
    except (AttributeError, OSError):
        log.debug("AllowSetForegroundWindow is not available")


def bring_app_to_front() -> None:
    """What the owner would look for: a dialog waiting for an answer (the setup wizard on a first
    start), else the main window (also when it was closed to the tray), else any window this
    process shows."""
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() or w.isMinimized()]
    inbox = next((w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"), None)
    target = (
        QApplication.activeModalWidget()
        or inbox
        or next((w for w in shown if isinstance(w, QMainWindow)), None)
        or next(iter(shown), None)
    )
    if target is not None:
        bring_to_front(target)


def bring_to_front(window: QWidget) -> None:
    """Unminimized as it was before (a maximized window comes back maximized, not at its smaller
    normal size), shown, raised and active."""
    if window.isMinimized():
        window.setWindowState(
            (window.windowState() & ~Qt.WindowState.WindowMinimized) | Qt.WindowState.WindowActive
        )
    window.show()
    window.raise_()
    window.activateWindow()
