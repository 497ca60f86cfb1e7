"""An error nobody caught, in a slot or a thread, goes to the log file and is told to the owner.

PySide6 prints an exception raised in a slot to stderr and carries on. A windowed build has no
stderr: the owner saw a click do nothing, and the log held no trace of why. Operations (ui/ops.py)
already say their own failures; this is for everything else.
"""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ui.message_box import letter_buttons

log = logging.getLogger(__name__)


class UnexpectedErrors(QObject):
    """Installed once, as `sys.excepthook` and `threading.excepthook` (see `install`)."""

    _caught = Signal()  # from any thread; the notice is shown on the GUI thread

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.notice: QMessageBox | None = None
        self._caught.connect(self._tell_owner, Qt.ConnectionType.QueuedConnection)

    def excepthook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        self._caught.emit()

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        error = args.exc_value if args.exc_value is not None else args.exc_type()
        name = args.thread.name if args.thread is not None else "?"
        log.error("unexpected error in thread %s", name, exc_info=(args.exc_type, error, args.exc_traceback))
        self._caught.emit()

    def _tell_owner(self) -> None:
        """One notice at a time, never modal: a burst of errors (one per repaint) must not bury the
        window under boxes or stop it while the owner reads."""
        if self.notice is not None and self.notice.isVisible():
            return
        try:
            self._show_notice()
        except Exception:  # the notice itself failed (the app closing): logged, never told again
            log.exception("the notice of an unexpected error could not be shown")

    def _show_notice(self) -> None:
        text = self.tr(
            "Something went wrong, and what you just did may not have finished. Shop Inbox keeps "
            "running, and what was saved before is safe."
        )
        if self.log_file is not None:
            text += "\n\n" + self.tr("The details were written to the log file:\n{0}").format(self.log_file)
        parent = QApplication.activeWindow()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Something went wrong"),
            text,
            QMessageBox.StandardButton.Ok,
            parent if isinstance(parent, QWidget) else None,
        )
        letter_buttons(box)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._forget_notice)
        self.notice = box
        box.show()

    def _forget_notice(self) -> None:
        self.notice = None


def install(app: QApplication, log_file: Path | None) -> UnexpectedErrors:
    """Route uncaught errors of the GUI thread and of Python threads here (kept alive by `app`)."""
    errors = UnexpectedErrors(log_file, app)
    sys.excepthook = errors.excepthook
    threading.excepthook = errors.thread_excepthook
    return errors
