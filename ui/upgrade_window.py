"""The small window shown while a new version updates an older inbox file, before the main window opens."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QLayout, QProgressBar, QVBoxLayout, QWidget

from app.db import MigrationPhase, MigrationProgress, check_room_to_update, migrate
from ui import message_box
from ui.first_paint import mark
from ui.gui_thread import GuiThreadSignals
from ui.ops import Op

log = logging.getLogger(__name__)


TEXT_WIDTH = 420  # pixels; lines wrap at this width


class _Progress(GuiThreadSignals):
    """Carries the migration's reports from its worker thread to the window."""

    reported = Signal(object)  # MigrationProgress


class UpgradeWindow(QWidget):
    """Says at once that the inbox is being updated and how far it is, while `migrate` runs on a
    worker; it cannot be closed meanwhile (the update is one transaction: stopping it would only
    lose the time spent, and a process killed halfway has to do it all again). `finished` carries
    None, or the exception the update failed with (the file is then as it was)."""

    finished = Signal(object)  # None | Exception

    def __init__(self, database: Path) -> None:
        super().__init__()
        self.database = database
        self.running = False
        self.error: Exception | None = None
        self.setWindowTitle(self.tr("Shop Inbox"))
        # A small dialog of a fixed size: a title and a close button (which says why it stays), no
        # maximise or minimise; a plain window got openbox's maximise button, which did nothing.
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(10)

        self.headline = QLabel(self.tr("Updating your inbox…"))
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.explanation = _wrapped(
            self.tr(
                "This version of Shop Inbox keeps your chats in a new way. On a large inbox this "
                "takes a minute; your inbox opens by itself when it is done."
            )
        )
        layout.addWidget(self.explanation)

        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 0)  # busy until the first report
        layout.addWidget(self.bar)

        self.status = _wrapped(self.tr("Getting ready…"))
        layout.addWidget(self.status)

        # Said only when the owner tries to close the window.
        self.cannot_close = _wrapped(
            self.tr(
                "The update cannot be stopped halfway. Please wait: Shop Inbox opens as soon as it "
                "is done, with all your chats."
            )
        )
        self.cannot_close.setStyleSheet("color: palette(highlight);")
        self.cannot_close.hide()
        layout.addWidget(self.cannot_close)

        # The window takes the height its lines need, also once the note above is shown (a window
        # the owner cannot resize: there is nothing more to see in a bigger one).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        for label in (self.explanation, self.status, self.cannot_close):
            label.setFixedWidth(TEXT_WIDTH)
        self._progress = _Progress()
        self._progress.reported.connect(self.show_progress)

    def start(self) -> None:
        """Run the update on a worker thread (ui/ops.py's long-job thread, which no window owns)."""
        self.running = True
        progress = self._progress
        database = self.database
        log.info("updating %s with a window showing its progress", database.name)
        Op(lambda: migrate(database, lambda step: progress.post(progress.reported, step)), long=True).success(
            lambda _result: self._done(None)
        ).failure(self._failed).run()

    def _failed(self, error: BaseException) -> None:
        self._done(error if isinstance(error, Exception) else RuntimeError(str(error)))

    def _done(self, error: Exception | None) -> None:
        self.running = False
        self.error = error
        self.finished.emit(error)

    def show_progress(self, step: MigrationProgress) -> None:
        if step.phase is MigrationPhase.BACKUP:
            percent = 100 * step.done // max(step.total, 1)
            self.bar.setRange(0, 100)
            self.bar.setValue(percent)
            self.status.setText(self.tr("Making a safety copy of your inbox… {0} %").format(percent))
            return
        # One revision can take many seconds (a search index rebuilt) with nothing to count inside
        # it: the bar stays busy, and the line says which step of how many.
        self.bar.setRange(0, 0)
        step_now = min(step.done + 1, step.total)
        self.status.setText(
            self.tr("Updating how your chats are kept: step {0} of {1}…").format(step_now, step.total)
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            self.cannot_close.show()
            return
        super().closeEvent(event)


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def update_inbox_showing_progress(database: Path) -> bool:
    """Update the older inbox at `database` while the UpgradeWindow shows it; returns once it is done
    (the window closed), or raises what the update failed with. Runs the event loop meanwhile.
    Too little room to update is said at once, with no window that says the update is under way.
    Returns whether a quit was asked meanwhile (the session ending): the caller then opens nothing."""
    check_room_to_update(database)
    window = UpgradeWindow(database)
    window.show()
    window.raise_()
    window.activateWindow()
    mark("update window shown")
    loop = QEventLoop()
    window.finished.connect(lambda _error: loop.quit())
    window.start()
    loop.exec()
    # The loop ended while the update runs only when the application was asked to quit; every
    # QEventLoop.exec() returns at once from then on, so a loop of them would spin without handling
    # the update's end. Events are handled one wait at a time instead: the update goes on to its end
    # all the same, so what starts next is never a file half done.
    quit_asked = window.running
    if quit_asked:
        log.info("asked to quit during the update: it goes on to its end, then Shop Inbox quits")
    while window.running:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    window.close()
    window.deleteLater()
    if window.error is not None:
        raise window.error
    return quit_asked


def say_update_under_way() -> None:
    """In a second start while the first updates the inbox: what is going on, instead of nothing."""

    message_box.information(
        None,
        QCoreApplication.translate("UpgradeWindow", "Shop Inbox"),
        QCoreApplication.translate(
            "UpgradeWindow",
            "Shop Inbox is updating your inbox for its new version. It opens by itself as soon as "
            "the update is done; there is no need to start it again.",
        ),
    )
