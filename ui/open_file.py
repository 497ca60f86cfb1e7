"""Opening a received or sent file with the computer's own program, asking first before one that would run."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app.program_files import program_suffix
from ui.confirm import confirm

log = logging.getLogger(__name__)


def open_file(parent: QWidget | None, path: Path) -> bool:
    """Open `path` as a double click in the file manager would, but a program or script (a customer's
    "견적서.pdf.exe", a ".bat") only after the owner read what it is and chose to run it: a click on
    a chat's file must never start a stranger's program. True when it was handed to the system."""
    suffix = program_suffix(path.name)
    if suffix is not None:
        run = confirm(
            parent,
            QCoreApplication.translate("OpenFile", "This file is a program"),
            QCoreApplication.translate(
                "OpenFile",
                "“{0}” is a program or script ({1}), not a photo or document. Opening it runs it on "
                "this computer, with everything you can reach.\n\nRun it only if you know who made it "
                "and asked for it. A customer has no reason to send you a program.",
            ).format(path.name, suffix),
            QCoreApplication.translate("OpenFile", "&Run anyway"),
            warning=True,
        )
        if not run:
            log.info("a %s file was not opened: the owner was warned", suffix)
            return False
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
