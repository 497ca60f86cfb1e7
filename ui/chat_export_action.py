"""Chat ▸ Export chat…: write one chat in WhatsApp's own export format (.zip with media, or .txt)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, QTimeZone
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.automations_store import load_state
from app.chat_export.exporter import ExportLanguage, ExportResult, export_chat
from app.chat_export.importer import shop_time_zone
from app.chat_export.media import sanitise_filename
from app.models import Contact
from ui.context import AppContext
from ui.ops import Op

log = logging.getLogger(__name__)


def export_language() -> ExportLanguage:
    """Korean headers for a Korean UI (as a Korean phone writes them), English otherwise."""
    return "ko" if QLocale().language() == QLocale.Language.Korean else "en"


def export_chat_to_file(
    parent: QWidget | None, ctx: AppContext, contact_id: int, target: Path | None = None
) -> Op | None:
    """Ask where to save (unless `target` is given), then export off the GUI thread."""
    with ctx.db.read() as session:
        contact = session.get(Contact, contact_id)
        name = contact.display_name if contact is not None else ""
        shop = load_state(session).doc.profile.name
        zone = shop_time_zone(session) or bytes(QTimeZone.systemTimeZoneId().data()).decode()
    if target is None:
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))
        suggested = folder / sanitise_filename(f"WhatsApp Chat with {name or contact_id}.zip")
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ChatExport", "Export chat"),
            str(suggested),
            QCoreApplication.translate("ChatExport", "Zip with photos and files (*.zip);;Text only (*.txt)"),
        )
        if not chosen:
            return None
        target = Path(chosen)
    if target.suffix.lower() not in (".zip", ".txt"):
        target = target.with_suffix(".zip")
    media_dir = ctx.paths.media_dir
    language = export_language()

    def done(result: ExportResult) -> None:
        text = QCoreApplication.translate("ChatExport", "{0} messages saved to {1}.").format(
            f"{result.messages:,}", result.path.name
        )
        if result.media_missing:
            text += " " + QCoreApplication.translate(
                "ChatExport", "{0} photos or files are not on this computer and were left out."
            ).format(result.media_missing)
        QMessageBox.information(parent, QCoreApplication.translate("ChatExport", "Export chat"), text)

    return (
        Op(
            lambda: export_chat(
                ctx.db, media_dir, contact_id, target, time_zone=zone, shop_name=shop, language=language
            ),
            parent=parent,
            title=QCoreApplication.translate("ChatExport", "Export chat"),
        )
        .success(done)
        .run()
    )
