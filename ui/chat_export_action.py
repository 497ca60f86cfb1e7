"""Export chat… (File menu, a chat's menu in the list, contact panel): one chat in WhatsApp's format."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimeZone
from PySide6.QtWidgets import QMessageBox, QWidget

from app.chat_export.exporter import ExportContext, ExportLanguage, ExportResult, export_chat, export_context
from app.chat_export.media import sanitise_filename
from ui.context import AppContext
from ui.formatting import babel_locale_name
from ui.ops import Op
from ui.save_paths import Picked, save_file_name
from ui.translations import ui_language

log = logging.getLogger(__name__)


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
    zone = context.time_zone or bytes(QTimeZone.systemTimeZoneId().data()).decode()
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
    db, media_dir, shop, language = ctx.db, ctx.paths.media_dir, context.shop_name, export_language()
    locale = babel_locale_name()  # a cart's prices as the owner reads them in the window
    path = target

    def done(result: ExportResult) -> None:
        text = QCoreApplication.translate("ChatExport", "{0} messages saved to {1}.").format(
            f"{result.messages:,}", result.path.name
        )
        if result.media_missing:
            text += " " + QCoreApplication.translate(
                "ChatExport", "{0} photos or files are not on this computer and were left out."
            ).format(result.media_missing)
        QMessageBox.information(parent, QCoreApplication.translate("ChatExport", "Export chat"), text)

    def work() -> ExportResult:
        return export_chat(
            db, media_dir, contact_id, path, time_zone=zone, shop_name=shop, language=language, locale=locale
        )

    Op(work, parent=parent, title=QCoreApplication.translate("ChatExport", "Export chat")).success(done).run()
