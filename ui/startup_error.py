"""When Shop Inbox cannot start: what happened in plain words, where the log is, details to copy."""

from __future__ import annotations

import errno
import platform
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLayout,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.db import is_disk_full
from app.errors import DEMO_FAILURES, DiskFull, ErrorCode, ShopInboxError
from ui.error_sentences import error_sentence, file_error_sentence
from ui.message_box import letter_dialog_buttons


def explain_startup_error(exc: BaseException) -> str:
    """A sentence for the shop owner; never the traceback."""
    if isinstance(exc, DiskFull) and exc.code is not ErrorCode.DISK_FULL:
        return error_sentence(exc)  # the update of an older inbox: short of room, or undone for want of it
    if is_disk_full(exc):
        return QCoreApplication.translate(
            "StartupError",
            "The disk is full, so Shop Inbox cannot start. Your chats are safe: free some space on "
            "this computer, then start Shop Inbox again.",
        )
    if isinstance(exc, ShopInboxError):
        return error_sentence(exc)
    if isinstance(exc, OSError):
        return file_error_sentence(exc)
    return QCoreApplication.translate(
        "StartupError",
        "Something unexpected went wrong while Shop Inbox was starting. Please start it again. If "
        "this keeps happening, copy the details and send them to whoever helps you with Shop Inbox.",
    )


UPDATE_FAILURES = frozenset(
    {
        ErrorCode.UPDATE_NEEDS_ROOM,
        ErrorCode.UPDATE_NEEDS_TEMP_ROOM,
        ErrorCode.UPDATE_DISK_FULL,
        ErrorCode.MIGRATION_FAILED,
    }
)


def startup_error_headline(exc: BaseException) -> str | None:
    """The dialog's headline when "could not start" would say less than the truth: an older inbox that
    could not be updated (the sentence under it says why and that nothing was lost). None: the usual."""
    if isinstance(exc, ShopInboxError) and exc.code in UPDATE_FAILURES:
        return QCoreApplication.translate("StartupError", "Your inbox could not be updated")
    if isinstance(exc, ShopInboxError) and exc.code in DEMO_FAILURES:
        return QCoreApplication.translate("StartupError", "The demo shop could not open")
    if isinstance(exc, ShopInboxError) and exc.code is ErrorCode.NOT_A_DATABASE:
        # Not a fault of the app's start: the file (a power cut mid-write), which a backup replaces.
        return QCoreApplication.translate("StartupError", "Your inbox file cannot be read")
    return None


def may_pass(exc: BaseException) -> bool:
    """Whether starting again can help without anything changed by us: the disk was full (the owner
    frees space), or the failure was unexpected (the explanation asks to start again). A file Shop
    Inbox cannot read, or an inbox from a newer version, fails the same way however often it starts."""
    return is_disk_full(exc) or not isinstance(exc, ShopInboxError)


@dataclass(frozen=True, slots=True)
class MissingLog:
    """Why a failed start has no log file to name: the folder it would be in, and what opening or
    writing it met (None: its lines were lost, the reason unknown)."""

    folder: Path
    failure: BaseException | None


def no_log_sentence(folder: Path | None, failure: BaseException | None) -> str:
    """What the dialog says in place of the log's path: why this start has none, and the folder it
    would have been in, when known. `failure`: what opening or writing the log met, when known."""
    full = failure is not None and is_disk_full(failure)
    if folder is None:
        if full:
            return QCoreApplication.translate(
                "StartupError",
                "The disk is full, so there is no log file for this start; copy the details instead.",
            )
        return QCoreApplication.translate(
            "StartupError", "There is no log file for this start; copy the details instead."
        )
    if full:
        return QCoreApplication.translate(
            "StartupError",
            "The disk of {0} is full, so there is no log file for this start; copy the details instead.",
        ).format(folder)
    refused = isinstance(failure, PermissionError) or (
        isinstance(failure, OSError) and failure.errno == errno.EROFS
    )
    if refused:
        return QCoreApplication.translate(
            "StartupError",
            "Shop Inbox may not write in {0}, so there is no log file for this start; copy the details "
            "instead.",
        ).format(folder)
    return QCoreApplication.translate(
        "StartupError", "No log file could be written in {0} for this start; copy the details instead."
    ).format(folder)


def startup_error_details(exc: BaseException, log_file: Path | None, no_log: MissingLog | None = None) -> str:
    """What a helper needs to find the cause: versions, the log's path (or why there is none) and the
    traceback."""
    from importlib.metadata import PackageNotFoundError, version

    from PySide6 import __version__ as pyside_version

    try:
        ours = version("shop-inbox")
    except PackageNotFoundError:
        ours = "0+unknown"
    lines = [
        f"Shop Inbox {ours} could not start",
        f"Python {platform.python_version()}, PySide6 {pyside_version}, {platform.platform()}",
        f"Log file: {log_file if log_file is not None else '-'}" + _no_log_details(log_file, no_log),
        "",
        *traceback.format_exception(exc),
    ]
    return "\n".join(line.rstrip("\n") for line in lines)


def _no_log_details(log_file: Path | None, no_log: MissingLog | None) -> str:
    if log_file is not None or no_log is None:
        return ""
    return f" (not written in {no_log.folder}: {no_log.failure or 'its lines were lost'})"


class StartupErrorDialog(QDialog):
    """The one dialog a failed start shows; closing it ends the program. With `may_pass`, Start
    again ends it too, and Shop Inbox starts once more (`start_again`). With `restore` (a damaged
    inbox), Restore from backup… calls it with the dialog, which it ends with `start_again` once the
    backup is in place; `start_empty`, Start with an empty inbox…, likewise once the file is aside;
    `demo_afresh` (a kept demo's damaged inbox), Start the demo afresh, once the demo is aside.
    Without a log file, `no_log` says why (`no_log_sentence`)."""

    def __init__(
        self,
        explanation: str,
        log_file: Path | None,
        details: str,
        parent: QWidget | None = None,
        *,
        may_pass: bool = False,
        headline: str | None = None,
        restore: Callable[[StartupErrorDialog], None] | None = None,
        start_empty: Callable[[StartupErrorDialog], None] | None = None,
        demo_afresh: Callable[[StartupErrorDialog], None] | None = None,
        no_log: str | None = None,
    ) -> None:
        super().__init__(parent)
        # A small dialog, not a window: shown before any window (no parent), Qt gave it a window's
        # minimise and maximise buttons, and, resizable, the window manager's resize strip along its
        # bottom. Its size is its text's (the layout's), with Close in the title bar.
        self.setWindowFlags(
            Qt.WindowType.Dialog
            | Qt.WindowType.CustomizeWindowHint
            | Qt.WindowType.WindowTitleHint
            | Qt.WindowType.WindowCloseButtonHint
        )
        self.details = details
        self.start_again = False
        headline = headline or self.tr("Shop Inbox could not start")
        self.setWindowTitle(headline)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setSpacing(10)  # its parts apart, as they stood in the roomier resizable dialog

        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(40, 40))
        layout.addWidget(icon, alignment=Qt.AlignmentFlag.AlignLeft)

        self.headline = QLabel(headline)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.explanation = plain_label(explanation)
        layout.addWidget(self.explanation)

        if log_file is not None:
            self.log_hint = plain_label(self.tr("What happened is written in this file:"))
            self.log_path = plain_label(str(log_file))
            self.log_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        else:
            # Why there is none, and where it would have been (`no_log_sentence`), when known.
            self.log_hint = plain_label(no_log or no_log_sentence(None, None))
            self.log_path = plain_label("")
            self.log_path.hide()
        layout.addWidget(self.log_hint)
        layout.addWidget(self.log_path)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Each button with its Alt letter, Close with the one it has in every message box (닫기(&L)).
        letter_dialog_buttons(buttons)
        self.copy_button = QPushButton(self.tr("&Copy details"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        # A child of the dialog even while left out: Qt deletes it with the dialog, not the collector.
        self.start_again_button = QPushButton(self.tr("&Start again"), self)
        if may_pass:
            # The owner freed some space, or it was a one-off: no need to find the app's icon again.
            buttons.addButton(self.start_again_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.start_again_button.setDefault(True)
            self.start_again_button.clicked.connect(self._start_again)
        else:
            self.start_again_button.hide()
        # The sentence says "restore a backup": the way to do it is here, since the menus that hold
        # it never open on a damaged inbox.
        self.restore_button = self._offer(buttons, self.tr("&Restore from backup…"), restore, primary=True)
        # No backup at all: the damaged file set aside, an empty inbox the relay fills again.
        self.start_empty_button = self._offer(buttons, self.tr("Start with an &empty inbox…"), start_empty)
        # A kept demo's damaged inbox: only made-up chats lost, a new demo shop in their place.
        self.demo_afresh_button = self._offer(
            buttons, self.tr("Start the demo &afresh"), demo_afresh, primary=True
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # 460 pixels wide, its text wrapped to that, as a message box's (a fixed size is the layout's
        # size hint, which the sentence's minimum width sets).
        margins = layout.contentsMargins()
        self.explanation.setMinimumWidth(460 - margins.left() - margins.right())

    def _offer(
        self,
        buttons: QDialogButtonBox,
        text: str,
        action: Callable[[StartupErrorDialog], None] | None,
        *,
        primary: bool = False,
    ) -> QPushButton:
        """A button that calls `action` with the dialog, in the row when there is an action (the
        default one when `primary`); kept hidden, a child of the dialog, when there is none."""
        button = QPushButton(text, self)
        if action is None:
            button.hide()
            return button
        role = QDialogButtonBox.ButtonRole.AcceptRole if primary else QDialogButtonBox.ButtonRole.ActionRole
        buttons.addButton(button, role)
        button.setDefault(primary)
        button.clicked.connect(lambda: action(self))
        return button

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Shown, the dialog made its focused button (Close) the default: Enter does what helps instead.
        for primary in (self.restore_button, self.demo_afresh_button, self.start_again_button):
            if not primary.isHidden():
                primary.setFocus()
                primary.setDefault(True)
                break

    def _start_again(self) -> None:
        self.start_again = True
        self.accept()

    def restored(self) -> None:
        """A backup replaced the damaged inbox: this start ends, and the next opens on it."""
        self._start_again()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Details &copied"))


def plain_label(text: str) -> QLabel:
    # A path or an error may hold '<': never rich text.
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
