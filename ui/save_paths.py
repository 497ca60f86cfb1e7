"""Where a save dialog starts: the owner's Documents folder, not the folder the app was started in.

A bare file name makes Qt's dialog start in the process's working folder: the install folder of an
installed app on Windows, where a shop owner can neither write nor find the file again.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def documents_folder() -> str:
    """The Documents folder; the home folder where there is none (Qt's dialog would start in the
    working folder again, given a folder that does not exist)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation) or str(Path.home())


def in_documents(name: str) -> str:
    """`name` in the Documents folder, as a save dialog's suggestion."""
    return str(Path(documents_folder()) / name)
