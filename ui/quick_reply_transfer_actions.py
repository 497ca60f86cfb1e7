"""The quick replies window's Export… and Import…: the file picked, the work off the GUI thread, the
outcome said in one message ("12 added, 3 already here, 2 added as /배송-2 …")."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from app.changes import Changes
from app.errors import ErrorCode, Params
from app.quick_reply_transfer import (
    ExportReport,
    ImportReport,
    default_file_name,
    export_quick_replies,
    import_quick_replies,
)
from ui.attachments import attachable
from ui.context import AppContext
from ui.error_sentences import COMPRESSED_SUFFIXES, code_sentence
from ui.formatting import count_text, shortcut_text
from ui.korean_particles import with_particles
from ui.message_box import Icon, plain_box
from ui.op_queue import OpQueue
from ui.ops import failure_sentence
from ui.save_paths import Picked, open_file_name, save_file_name

log = logging.getLogger(__name__)

# Shortcuts named in the message itself; the rest are in its details.
NAMES_SHOWN = 5


class QuickReplyTransfer(QObject):
    """Export and import for one quick replies window: both run in turn with its saves (`edits`), so
    an export holds the reply just saved and an import is not read before it. `imported(changes)`
    runs on the GUI thread once replies were added (the window publishes and reloads)."""

    def __init__(
        self,
        window: QWidget,
        ctx: AppContext,
        edits: OpQueue,
        imported: Callable[[Changes], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.ctx = ctx
        self.edits = edits
        self.imported = imported

    # ------------------------------------------------------------------ export

    def export(self) -> None:
        name = save_file_name(
            self.window,
            Picked.QUICK_REPLIES,
            self.tr("Export quick replies"),
            # The file's name in the owner's language, as a backup's is (ui/backup_now.py).
            default_file_name(self.tr("quick-replies", "a quick replies file's name, no spaces")),
            self.tr("Quick replies (*.zip)"),
        )
        if not name:
            return
        target = Path(name)
        if target.suffix.lower() != ".zip":
            target = target.with_name(target.name + ".zip")  # found again by Import…'s filter
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir
        self.edits.run_in_turn(
            lambda: export_quick_replies(db, data_dir, target),
            self._exported,
            lambda exc: self._failed(self.tr("Export quick replies"), exc),
        )

    def export_text(self, report: ExportReport) -> str:
        if report.exported == 0:
            return self.tr("There are no quick replies to export yet.")
        text = self.tr("Exported %n quick replies to {0}.", "", report.exported).format(report.path.name)
        text += "\n" + self.tr(
            "On the other computer, open Quick replies, press Import… and choose this file: its replies "
            "are added to the ones there, with their photos and files."
        )
        if report.without_file:
            text += "\n\n" + self.tr(
                "Exported without their file, which is missing on this computer: {0}. Choose the file "
                "again here, then export again."
            ).format(_names(report.without_file))
        return text

    def _exported(self, report: ExportReport) -> None:
        icon = Icon.Warning if report.without_file else Icon.Information
        plain_box(icon, self.window, self.tr("Quick replies exported"), self.export_text(report)).exec()

    # ------------------------------------------------------------------ import

    def import_(self) -> None:
        name = open_file_name(
            self.window,
            Picked.QUICK_REPLIES,
            self.tr("Import quick replies"),
            self.tr("Quick replies (*.zip);;All files (*)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, source: Path) -> None:
        db, data_dir = self.ctx.db, self.ctx.paths.data_dir

        def work() -> tuple[ImportReport, Changes | None]:
            # A file is kept if the manager's own Choose… would keep it (a 6 MB phone photo too).
            return import_quick_replies(db, data_dir, source, check=attachable)

        self.edits.run_in_turn(
            work, self._imported, lambda exc: self._failed(self.tr("Import quick replies"), exc)
        )

    def report_text(self, report: ImportReport) -> tuple[str, str]:
        """(what the message says, its details: every reply that was not imported and why)."""
        lines = []
        # A reply added without its file is said once, on the line that asks for its file again.
        without_file = set(report.added_without_file)
        added = [shortcut for shortcut in report.added if shortcut not in without_file]
        renamed = [(old, new) for old, new in report.renamed if new not in without_file]
        if added:
            lines.append(self.tr("%n added.", "", len(added)))
        if report.already_here:
            lines.append(self.tr("%n already here, so skipped.", "", len(report.already_here)))
        if renamed:
            new_names = [new for _old, new in renamed]
            lines.append(
                with_particles(
                    self.tr(
                        "%n added as {0} because the shortcut(s) were taken by another reply here.",
                        "",
                        len(renamed),
                    ).format(_names(new_names))
                )
            )
        if report.files_back:
            lines.append(
                self.tr("Their file was missing here and is back now: {0}.").format(_names(report.files_back))
            )
        if report.added_without_file:
            lines.append(
                self.tr(
                    "Added without their file, which was missing on the computer they were exported "
                    "from: {0}. Choose the file again here."
                ).format(_names(report.added_without_file))
            )
        problems = [
            f"{shortcut_text(p.shortcut)}: {problem_sentence(p.code, _values(p.params))}"
            for p in report.problems
        ]
        if problems:
            lines.append("")
            lines.append(self.tr("%n could not be imported:", "", len(problems)))
            lines.extend(problems[:NAMES_SHOWN])
            if len(problems) > NAMES_SHOWN:
                lines.append(self.tr("…and {0} more (see details).").format(len(problems) - NAMES_SHOWN))
        if not lines:
            lines.append(self.tr("The file holds no quick replies."))
        return "\n".join(lines), "\n".join(problems)

    def _imported(self, result: tuple[ImportReport, Changes | None]) -> None:
        report, changes = result
        if changes is not None:
            self.imported(changes)
        summary, details = self.report_text(report)
        icon = Icon.Warning if report.problems or report.added_without_file else Icon.Information
        if report.problems and not (report.total_added or report.already_here or report.files_back):
            title = self.tr("Quick replies not imported")  # every one refused: none came in
        else:
            title = self.tr("Quick replies imported")
        box = plain_box(icon, self.window, title, summary)
        if len(report.problems) > NAMES_SHOWN:
            box.setDetailedText(details)
        box.exec()

    def _failed(self, title: str, exc: BaseException) -> None:
        log.info("quick replies transfer failed: %s", exc)
        plain_box(Icon.Warning, self.window, title, failure_sentence(exc)).exec()


# Programs and scripts: never sent by WhatsApp, and nothing to "save as PDF".
_PROGRAM_SUFFIXES = (
    ".exe", ".msi", ".bat", ".cmd", ".com", ".scr", ".ps1", ".vbs", ".js", ".jar", ".apk", ".dmg"
)  # fmt: skip


def problem_sentence(code: ErrorCode, params: dict[str, Any]) -> str:
    """Why a reply of the file was not imported, said of the reply's file ("Its file x.exe is a
    program…"): the sending sentences say "…was not attached. Save it as PDF and attach that.", which
    under "could not be imported:" reads as if something had been sent or could be attached."""
    translate = QCoreApplication.translate
    name = str(params.get("name", "")).lower()
    kind = params.get("kind")
    sentence: str | None = None
    if code is ErrorCode.FILE_TYPE_NOT_TAKEN:
        if name.endswith(_PROGRAM_SUFFIXES):
            sentence = translate(
                "QuickReplyTransfer", "Its file {name} is a program, which WhatsApp does not take."
            )
        elif name.endswith(COMPRESSED_SUFFIXES):
            sentence = translate(
                "QuickReplyTransfer", "Its file {name} is a compressed file, which WhatsApp does not take."
            )
        elif kind == "image":
            sentence = translate(
                "QuickReplyTransfer", "Its photo {name} is not a JPEG or PNG, which WhatsApp needs."
            )
        elif kind == "video":
            sentence = translate(
                "QuickReplyTransfer", "Its video {name} is not an MP4 or 3GP, which WhatsApp needs."
            )
        elif kind == "audio":
            sentence = translate(
                "QuickReplyTransfer",
                "Its sound file {name} is not an MP3, M4A, AAC, AMR or OGG (Opus), which WhatsApp needs.",
            )
        else:
            sentence = translate(
                "QuickReplyTransfer",
                "Its file {name} is not a PDF, Word, Excel, PowerPoint or text file, which WhatsApp needs.",
            )
    elif code is ErrorCode.FILE_TOO_LARGE:
        sentence = translate(
            "QuickReplyTransfer", "Its file {name} is larger than {limit_mb} MB, the most WhatsApp takes."
        )
    elif code is ErrorCode.FILE_TOO_LARGE_FOR_KIND:
        sentence = {
            "video": translate(
                "QuickReplyTransfer",
                "Its video {name} is larger than {limit_mb} MB, the most WhatsApp takes for a video.",
            ),
            "audio": translate(
                "QuickReplyTransfer",
                "Its sound file {name} is larger than {limit_mb} MB, the most WhatsApp takes for sound.",
            ),
        }.get(
            str(kind),
            translate(
                "QuickReplyTransfer",
                "Its photo {name} is larger than {limit_mb} MB, the most WhatsApp takes for a photo.",
            ),
        )
    elif code is ErrorCode.FILE_UNREADABLE:
        sentence = translate("QuickReplyTransfer", "Its file {name} could not be read.")
    if sentence is None:
        return code_sentence(code, params)
    limit = params.get("limit_mb")
    values = {**params, "limit_mb": count_text(limit) if isinstance(limit, int) else limit}
    return with_particles(sentence.format(**values))


def _names(shortcuts: Sequence[str]) -> str:
    shown = ", ".join(shortcut_text(s) for s in shortcuts[:NAMES_SHOWN])
    return shown + ("…" if len(shortcuts) > NAMES_SHOWN else "")


def _values(params: Params) -> dict[str, Any]:
    return asdict(params)
