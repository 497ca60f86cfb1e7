"""One Shop Inbox per data folder: a second start brings the open window to the front and quits.

Started twice on one folder (a double click too many, or the app already open behind other
windows), two windows synced from the relay into one database, each with its own outbox, its own
notifications and its own embedded relay in the demo. The folder is claimed with a QLockFile, which
a crashed or killed process does not keep: the lock file's native lock goes with its process, so a
crash never stops the next start. On a full disk too: Qt's own take-over writes a file beside the
lock first, which a full disk has no room for, so a lock nobody holds is removed here instead, and
where the lock file itself cannot be written the folder's own lock (`hold_folder`, no room needed)
still keeps a second start out. The second start asks the first to come forward by touching a file
the first one watches (QtCore only: nothing more to load before the first paint).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QLockFile, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from app.paths import make_folder

log = logging.getLogger(__name__)

LOCK_NAME = "shop-inbox.lock"
RAISE_NAME = "shop-inbox.raise"  # touched by a second start: "come to the front"
# There while this process updates an older inbox file (it holds the language the owner reads): a
# second start says the inbox opens once the update is done, not only that it is already open.
UPDATING_NAME = "shop-inbox.updating"
# There while a run that restored a backup waits for the next run's window (ui/restart.py).
RESTARTING_NAME = "shop-inbox.restarting"


class FolderClaim(QObject):
    """This process's hold on a data folder (see `claim_folder`)."""

    raise_requested = Signal()

    def __init__(self, folder: Path, lock: QLockFile, held: int | None = None) -> None:
        super().__init__()
        self.folder = folder
        self._lock = lock
        self._held = held  # the folder's own lock (`hold_folder`), None where there is none
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
        if self._held is not None:  # last: a start that gets it finds the lock file gone too
            os.close(self._held)
            self._held = None


def claim_folder(folder: Path) -> FolderClaim | None:
    """Claim `folder` for this process; None when another running Shop Inbox has it (then
    `ask_to_come_forward`). A folder that cannot be locked at all (read-only, unsupported) is used
    unclaimed, as before: never a reason not to start."""
    make_folder(folder)  # a file in its place is said in words (app/paths.py)
    try:
        held = hold_folder(folder)
    except BlockingIOError:
        return None
    lock = QLockFile(str(folder / LOCK_NAME))
    lock.setStaleLockTime(0)  # stale only when its process is gone, however long it has run
    # Qt takes over a lock whose process is gone only once it has written a ".rmlock" beside it,
    # which a full disk has no room for; and a lock file a power cut left empty names no process,
    # so it never looks stale. Removed here without either: the lock file's native lock, which its
    # process held while it lived, says that nobody holds it (what Qt itself checks last).
    taken = lock.tryLock(0)
    if not taken and lock.error() is QLockFile.LockError.LockFailedError and lock.removeStaleLockFile():
        log.info("the data folder's lock was left by a Shop Inbox that did not quit: taken over")
        # The room the stale file held is this one's (ext4 gives freed blocks out again only once
        # its journal commits, so not always at once: the folder's own lock holds it then).
        lock.tryLock(0)
    if lock.isLocked():
        # Left by a process killed while it updated the inbox: this one tells the truth from now on.
        try:
            (folder / UPDATING_NAME).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("a note of an update cut short stays in the data folder: %s", exc)
        return FolderClaim(folder, lock, held)
    if lock.error() is QLockFile.LockError.LockFailedError:
        if held is not None:
            os.close(held)
        return None
    # No lock file (a full disk has no room for one): the folder's own lock, if any, keeps it.
    log.warning(
        "the data folder's lock file could not be written (%s): %s",
        lock.error().name,
        "held by the folder's own lock" if held is not None else "starting without",
    )
    return FolderClaim(folder, lock, held)


def hold_folder(folder: Path) -> int | None:
    """Lock `folder` itself for this process: the open descriptor that holds it (closed, it lets
    go; the system lets go of it when the process ends, however it ends). Unlike the lock file it
    needs no room on the disk. None where there is no such lock: Windows (whose NTFS keeps a file
    as small as the lock file inside its own record, there even on a full disk), or a file system
    that refuses one (some network shares). Raises BlockingIOError while another process holds it."""
    if sys.platform == "win32":
        return None
    import fcntl

    try:
        held = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    except OSError as exc:
        log.warning("the data folder cannot be locked: %s", exc)
        return None
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(held)
        raise
    except OSError as exc:
        os.close(held)
        log.warning("the data folder cannot be locked: %s", exc)
        return None
    return held


def ask_to_come_forward(folder: Path) -> bool:
    """Ask the Shop Inbox that holds `folder` to bring its window to the front; False when it could
    not be asked (its window is to be found by hand, then). Its file's time is touched, not its
    contents written: a full disk takes that too."""
    _let_the_open_one_come_forward()
    try:
        os.utime(folder / RAISE_NAME)  # the open one watches it (made when it claimed the folder)
    except OSError as exc:
        log.warning("could not ask the open Shop Inbox to come forward: %s", exc)
        return False
    return True


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


def say_already_open() -> None:
    """In a second start that could not ask the open Shop Inbox to come forward (a full disk took
    even that): that it is open, and where its window is, instead of nothing at all."""
    from PySide6.QtCore import QCoreApplication

    from ui import message_box

    message_box.information(
        None,
        QCoreApplication.translate("SingleInstance", "Shop Inbox"),
        QCoreApplication.translate(
            "SingleInstance",
            "Shop Inbox is already open on this computer, but its window could not be brought to the "
            "front. Look for it on the taskbar, or in the tray if its window was closed.",
        ),
    )


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
