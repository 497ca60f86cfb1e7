"""Export chat… (File menu, a chat's menu in the list, contact panel): one chat in WhatsApp's format."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.chat_export.errors import ExportCancelled
from app.chat_export.exporter import (
    ExportContext,
    ExportLanguage,
    ExportProgress,
    ExportResult,
    export_chat,
    export_context,
)
from app.chat_export.media import sanitise_filename
from ui import message_box
from ui.context import AppContext
from ui.formatting import babel_locale_name, count_text, display_locale, month_first
from ui.gui_thread import GuiThreadSignals
from ui.ops import Op, failure_sentence
from ui.save_paths import Picked, save_file_name
from ui.time_zones import system_timezone
from ui.translations import ui_language

log = logging.getLogger(__name__)

# "Exporting the chat…" shows only when the export takes longer (a big chat: 100,000 messages and
# their photos take seconds, with no other sign between the save dialog and the answer).
EXPORT_PROGRESS_AFTER_MS = 1000


class _ProgressRelay(GuiThreadSignals):
    """The export's progress, posted from its worker thread and emitted on the GUI thread."""

    progressed = Signal(object)  # ExportProgress

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)


def progress_text(step: ExportProgress) -> str:
    """ "Writing messages: 2,000 of 5,000", then "Adding photos and files: 3 of 40"."""
    if step.files_total and step.messages >= step.messages_total:
        return QCoreApplication.translate("ChatExport", "Adding photos and files: {0} of {1}").format(
            count_text(step.files), count_text(step.files_total)
        )
    return QCoreApplication.translate("ChatExport", "Writing messages: {0} of {1}").format(
        count_text(step.messages), count_text(step.messages_total)
    )


def export_language() -> ExportLanguage:
    """Korean headers for a Korean UI (as a Korean phone writes them), English otherwise."""
    return ui_language()


def export_chat_to_file(
    parent: QWidget | None, ctx: AppContext, contact_id: int, target: Path | None = None
) -> Op:
    """Read the chat's name and the shop's zone in an op, ask where to save (unless `target` is
    given), then export in another op."""
    db = ctx.db

    def ready(context: ExportContext) -> None:
        _choose_and_export(parent, ctx, contact_id, context, target)

    return Op(lambda: export_context(db, contact_id), parent=parent).success(ready).run()


def _choose_and_export(
    parent: QWidget | None, ctx: AppContext, contact_id: int, context: ExportContext, target: Path | None
) -> None:
    name = context.name
    zone = context.time_zone or system_timezone()
    if target is None:
        # Android's own name in English; in Korean "WhatsApp 대화 - 박영희", which needs no particle
        # fitted to the name (와/과). The import reads the chat's name back from either (source.py).
        title = QCoreApplication.translate("ChatExport", "WhatsApp Chat with {0}").format(name or contact_id)
        chosen = save_file_name(
            parent,
            Picked.EXPORTED_CHAT,
            QCoreApplication.translate("ChatExport", "Export chat"),
            sanitise_filename(f"{title}.zip"),
            QCoreApplication.translate("ChatExport", "Zip with photos and files (*.zip);;Text only (*.txt)"),
        )
        if not chosen:
            return
        target = Path(chosen)
    if target.suffix.lower() not in (".zip", ".txt"):
        target = target.with_suffix(".zip")
    # A shop that never named itself (chats imported before a relay was set up) is "상점" in a Korean
    # export, never the English "Shop" beside Korean headers.
    shop = context.shop_name.strip() or QCoreApplication.translate("ChatExport", "Shop")
    db, media_dir, language = ctx.db, ctx.paths.media_dir, export_language()
    locale = babel_locale_name()  # a cart's prices as the owner reads them in the window
    us_order = month_first(display_locale())  # "12/5/26, 3:06:00 PM" for a US owner
    path = target

    title = QCoreApplication.translate("ChatExport", "Export chat")
    progress = QProgressDialog(
        QCoreApplication.translate("ChatExport", "Exporting the chat…"),
        QCoreApplication.translate("ChatExport", "Cancel"),
        0,
        0,
        parent,
    )
    progress.setWindowTitle(title)
    progress.setAutoReset(False)  # reaching its maximum (the messages) is not the end: the photos follow
    progress.setAutoClose(False)
    progress.setMinimumDuration(EXPORT_PROGRESS_AFTER_MS)
    progress.setValue(0)  # its timer to show itself starts at its first value
    # The worker checks it between pages and files: a cancel leaves no half-written file.
    stop = threading.Event()
    relay = _ProgressRelay(progress)
    cancelled = False

    def cancel() -> None:
        nonlocal cancelled
        cancelled = True
        stop.set()
        progress.setLabelText(QCoreApplication.translate("ChatExport", "Cancelling…"))

    def advanced(step: ExportProgress) -> None:
        if cancelled:
            return
        total = max(step.messages_total + step.files_total, 1)
        progress.setLabelText(progress_text(step))
        progress.setMaximum(total)
        progress.setValue(min(step.messages + step.files, total))

    progress.canceled.connect(cancel)
    relay.progressed.connect(advanced)

    def settled() -> None:
        progress.canceled.disconnect(cancel)
        relay.progressed.disconnect(advanced)
        progress.cancel()  # also stops its timer: never shown after the answer
        progress.deleteLater()

    def failed(exc: BaseException) -> None:
        settled()
        if isinstance(exc, ExportCancelled):
            return  # as asked: nothing saved, nothing to say
        message_box.warning(parent, title, failure_sentence(exc))

    def done(result: ExportResult) -> None:
        settled()
        # "1 message", and the count in the owner's digits ("5,000"; "5.000" in German).
        if result.messages == 1:
            text = QCoreApplication.translate("ChatExport", "1 message saved to {0}.").format(
                result.path.name
            )
        else:
            text = QCoreApplication.translate("ChatExport", "{0} messages saved to {1}.").format(
                count_text(result.messages), result.path.name
            )
        if result.media_missing == 1:
            text += " " + QCoreApplication.translate(
                "ChatExport", "1 photo or file is not on this computer and was left out."
            )
        elif result.media_missing:
            text += " " + QCoreApplication.translate(
                "ChatExport", "{0} photos or files are not on this computer and were left out."
            ).format(count_text(result.media_missing))
        message_box.information(parent, title, text)

    def work() -> ExportResult:
        return export_chat(
            db,
            media_dir,
            contact_id,
            path,
            time_zone=zone,
            shop_name=shop,
            language=language,
            month_first=us_order,
            locale=locale,
            progress=lambda step: relay.post(relay.progressed, step),
            cancel=stop,
        )

    Op(work, parent=parent, title=title).success(done).failure(failed).run()
