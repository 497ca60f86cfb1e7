"""The daily automatic backup (Settings ▸ Your data ▸ Back up every day): looked at a few minutes after
the start and then every hour, made off the GUI thread when a day has passed since the last one.

A failure (the USB stick is out, its disk is full) is kept for Settings to say, and logged; the next
hour tries again. Nothing pops up; but when no backup has been made for OVERDUE (or the very first one
failed), `overdue` asks for one notification, at most once a day: a backup that silently stopped is
found only on the day it is needed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer, Signal

from app.backup import BackupInfo, automatic_backup, last_backup
from ui.context import AppContext
from ui.ops import Op

log = logging.getLogger(__name__)

FIRST_LOOK_MS = 3 * 60_000  # after the start's own work (sync catching up, the first pages)
LOOK_EVERY_MS = 60 * 60_000
OVERDUE = timedelta(days=2)
TOLD_EVERY = timedelta(days=1)


def _when(value: object) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


class AutoBackup(QObject):
    finished = Signal()  # a look ended: a backup made, not due, or failed (`failure`)
    overdue = Signal(object, object)  # (the last backup's datetime or None, the failure): tell the owner

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # Kept beside the window's own settings, not in the inbox: a read-only inbox backs up too.
        self.memory = QSettings(str(ctx.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
        self.running = False
        self.failure: BaseException | None = None  # the last look's, until one succeeds
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.look)

    def start(self) -> None:
        self.timer.start(FIRST_LOOK_MS)

    def look_soon(self) -> None:
        """A folder just chosen in Settings: its first backup now, so the owner sees it works."""
        self.timer.start(0)

    @property
    def folder(self) -> str:
        return str(self.ctx.prefs.get("backup_folder") or "")

    def look(self) -> None:
        self.timer.start(LOOK_EVERY_MS)
        folder = self.folder
        if not folder or self.running:
            return
        self.running = True
        paths, read_only = self.ctx.paths, self.ctx.read_only

        def back_up() -> tuple[BackupInfo | None, datetime | None]:
            made = automatic_backup(paths, Path(folder), read_only=read_only)
            return made, last_backup(paths, Path(folder))  # the newest there, made now or before

        Op(back_up, parent=self, long=True).success(self._made).failure(self._failed).run()

    def _made(self, result: tuple[BackupInfo | None, datetime | None]) -> None:
        self.running = False
        self.failure = None
        info, newest = result
        if info is not None:
            log.info("automatic backup written: %s (%d files)", info.path.name, info.files)
        if newest is not None:  # what "overdue" counts from, even when this start made none
            self.memory.setValue("backup/last_made", newest.isoformat())
        self.finished.emit()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.failure = exc
        log.warning("automatic backup failed (%s); trying again in an hour", type(exc).__name__)
        now = datetime.now(UTC)
        last = _when(self.memory.value("backup/last_made"))
        told = _when(self.memory.value("backup/told"))
        if (last is None or now - last >= OVERDUE) and (told is None or now - told >= TOLD_EVERY):
            self.memory.setValue("backup/told", now.isoformat())
            self.overdue.emit(last, exc)
        self.finished.emit()
